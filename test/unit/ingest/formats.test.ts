/** The formats module is the one list of data file formats: readers, pickers and package.json's menus agree with it. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import {
  BINARY_FORMATS,
  DATA_FORMATS,
  TEXT_FORMATS,
  TEXT_READERS,
  dataFileGlob,
  dataFormatOf,
  decompressedName,
  fileNamePattern,
  formatNames,
  formatsReadBy,
  isBinaryDataPath,
  isTextDataPath,
  readerOf,
  readingOf,
  type DataFormat,
} from '../../../src/core/ingest/formats';
import { ingestFile } from '../../../src/core/ingest/index';
import { temporaryDirectory } from '../temp-dir';

interface MenuItem {
  command?: string;
  submenu?: string;
  when?: string;
}
interface Manifest {
  contributes: { menus: Record<string, MenuItem[]>; languages: { id: string; extensions: string[] }[] };
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;

/** The when-clause of a menu entry for files of `formats`, as package.json must spell it. */
const whenFiles = (formats: readonly DataFormat[]) => `resourceFilename =~ /${fileNamePattern(formats)}/i`;

test('package.json menus show the data-file commands exactly for the files of the formats module', () => {
  const dataCommands = ['datasetInspector.checkDataQuality', 'datasetInspector.showDataProfile', 'datasetInspector.trainLinearModel', 'datasetInspector.cleanData'];
  let checked = 0;
  // Training starts a child process: its entries also need a trusted workspace.
  const trusted = (when: string) => [`${when} && isWorkspaceTrusted`, `(${when}) && isWorkspaceTrusted`];
  for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
    for (const item of items) {
      const files = [whenFiles(DATA_FORMATS), `${whenFiles(DATA_FORMATS)} || resourceScheme == dataset-inspector-table`];
      const expected =
        item.command === 'datasetInspector.trainLinearModel'
          ? menu === 'commandPalette' ? ['isWorkspaceTrusted'] : files.flatMap(trusted)
          : (item.command && dataCommands.includes(item.command)) || item.submenu === 'datasetInspector.explorer'
            ? files
            : item.command === 'datasetInspector.openTableView'
              ? [whenFiles(BINARY_FORMATS)]
              : undefined;
      if (!expected) continue;
      assert.ok(expected.includes(item.when ?? ''), `${menu} ${item.command ?? item.submenu}: when should be ${expected.join('\n  or ')}\n  is ${item.when}`);
      checked++;
    }
  }
  assert.equal(checked, 16, 'every data-file menu entry was checked');
});

test('the csv and tsv languages contributed in package.json cover exactly the plain CSV-reader formats (JSON Lines is VS Code\'s own jsonl language)', () => {
  const contributed = manifest.contributes.languages.flatMap((l) => l.extensions).sort();
  assert.deepEqual(contributed, TEXT_FORMATS.filter((f) => f.reader === 'csv').flatMap((f) => f.extensions).sort());
});

test('a path names its format by its ending, case-insensitively, the longest ending winning', () => {
  assert.equal(dataFormatOf('/data/Sales.CSV')?.label, 'CSV');
  assert.equal(dataFormatOf('C:\\data\\x.tab')?.label, 'TSV');
  assert.equal(dataFormatOf('a/b.ndjson')?.reader, 'jsonl');
  assert.equal(dataFormatOf('a/b.feather')?.reader, 'arrow');
  assert.equal(dataFormatOf('a/b.ipc')?.reader, 'arrow');
  assert.equal(dataFormatOf('a/b.pq')?.reader, 'parquet');
  assert.equal(dataFormatOf('a/notes.txt'), undefined);
  assert.equal(dataFormatOf('a/.csv'), undefined, 'a bare ending is a hidden file, not data');
  assert.equal(dataFormatOf('csv.d/readme'), undefined);
  // A compressed text format is one entry named by a two-part ending, which wins over its last part.
  assert.deepEqual(dataFormatOf('x/y.TSV.gz'), { reader: 'csv', label: 'TSV', extensions: ['.tsv.gz', '.tab.gz'], delimiter: '\t', compression: 'gzip', text: false });
  assert.equal(dataFormatOf('logs.2024.jsonl.GZ')?.reader, 'jsonl');
  for (const no of ['a.gz', 'b.json', 'c.parquet.gz', 'd.csvXgz']) assert.equal(dataFormatOf(no), undefined, no);
  assert.match('y.CSV.GZ', new RegExp(fileNamePattern(), 'i'));
  for (const no of ['y.csvXgz', 'y.gz', 'y.parquet.gz', 'y.json']) assert.doesNotMatch(no, new RegExp(fileNamePattern(), 'i'), no);
});

test('how a file is read: its format, else CSV text, gzip-compressed when it ends in .gz', () => {
  assert.deepEqual(readingOf('a.csv'), { reader: 'csv' });
  assert.deepEqual(readingOf('a.jsonl.gz'), { reader: 'jsonl', compression: 'gzip' });
  assert.deepEqual(readingOf('a.txt'), { reader: 'csv' }, 'any other name is read as CSV');
  assert.deepEqual(readingOf('a.txt.gz'), { reader: 'csv', compression: 'gzip' });
  assert.deepEqual(readingOf('a.parquet.gz'), { reader: 'parquet', compression: 'gzip' }, 'named so that its read can be refused clearly');
  assert.equal(decompressedName('/d/a.ndjson.gz'), '/d/a.ndjson');
  assert.equal(decompressedName('/d/a.csv'), '/d/a.csv');
});

test('readers, views, globs and names come from the one list', () => {
  assert.equal(readerOf('x.parquet'), 'parquet');
  assert.equal(readerOf('x.txt'), 'csv', 'any other name is read as CSV');
  assert.deepEqual(TEXT_READERS, ['csv', 'jsonl']);
  for (const [path, binary, text] of [
    ['x.arrows', true, false],
    ['x.tsv', false, true],
    ['x.jsonl', false, true],
    ['x.csv.gz', true, true],
    ['x.txt', false, true],
  ] as const) {
    assert.equal(isBinaryDataPath(path), binary, `${path}: findings on a read-only view`);
    assert.equal(isTextDataPath(path), text, `${path}: read by a text reader`);
  }
  assert.equal(dataFileGlob(), '**/*.{csv,tsv,tab,jsonl,ndjson,arrow,feather,arrows,ipc,parquet,pq,csv.gz,tsv.gz,tab.gz,jsonl.gz,ndjson.gz}');
  assert.equal(dataFileGlob(TEXT_FORMATS), '**/*.{csv,tsv,tab,jsonl,ndjson}');
  assert.equal(formatNames(), 'CSV, TSV, JSON Lines, Arrow or Parquet');
  assert.equal(formatNames(formatsReadBy(['csv'])), 'CSV or TSV');
});

test('.ipc and .pq files are read by their binary readers, whatever their case', async () => {
  const dir = temporaryDirectory('di-formats-');
  const ipc = path.join(dir, 'data.IPC');
  writeFileSync(ipc, tableToIPC(tableFromArrays({ x: Float64Array.from([1, 2, 3]) }), 'file'));
  const data = await ingestFile(ipc);
  assert.equal(data.format, 'arrow');
  assert.equal(data.table.numRows, 3);
  assert.equal(data.rangesIn, 'rendered');
});
