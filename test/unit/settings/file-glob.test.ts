/** `datasetInspector.ignore[].file` globs follow VS Code's glob semantics (picomatch). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileGlobMatches } from '../../../src/core/shared/file-glob';

const inFolder = (relative: string) => ({ absolute: `/home/ada/project/${relative}`, relativeToFolder: relative });

test('relative patterns are matched from the workspace folder, * within a segment, ** across', () => {
  assert.equal(fileGlobMatches('data/*.csv', inFolder('data/sales.csv')), true);
  assert.equal(fileGlobMatches('data/*.csv', inFolder('data/2024/sales.csv')), false, '* stays in one segment');
  assert.equal(fileGlobMatches('data/*.csv', inFolder('archive/data/sales.csv')), false, 'anchored at the folder');
  assert.equal(fileGlobMatches('**/data/*.csv', inFolder('archive/data/sales.csv')), true);
  assert.equal(fileGlobMatches('**/*.csv', inFolder('sales.csv')), true, '** matches no segment too');
  assert.equal(fileGlobMatches('*.csv', inFolder('data/sales.csv')), false, 'a bare * pattern is the folder root only');
  assert.equal(fileGlobMatches('data/sales.csv', inFolder('data/sales.csv')), true, 'what the quick fix writes: the exact relative path');
});

test('braces, character ranges, ? and dot files', () => {
  assert.equal(fileGlobMatches('*.{csv,tsv}', inFolder('a.tsv')), true);
  assert.equal(fileGlobMatches('*.{csv,tsv}', inFolder('a.parquet')), false);
  assert.equal(fileGlobMatches('runs/run-[0-9].csv', inFolder('runs/run-7.csv')), true);
  assert.equal(fileGlobMatches('runs/run-[0-9].csv', inFolder('runs/run-x.csv')), false);
  assert.equal(fileGlobMatches('a?.csv', inFolder('ab.csv')), true);
  assert.equal(fileGlobMatches('a?.csv', inFolder('a/b.csv')), false, '? is not a separator');
  assert.equal(fileGlobMatches('**/*.csv', inFolder('.cache/a.csv')), true, 'dot folders match like others');
});

test('absolute patterns, and files outside every folder, use the absolute path', () => {
  assert.equal(fileGlobMatches('/home/ada/project/data/*.csv', inFolder('data/sales.csv')), true);
  assert.equal(fileGlobMatches('/home/ada/other/*.csv', inFolder('data/sales.csv')), false);
  const outside = { absolute: '/tmp/export/sales.csv' };
  assert.equal(fileGlobMatches('**/export/*.csv', outside), true);
  assert.equal(fileGlobMatches('export/*.csv', outside), false);
});
