/** The CSV read flags, defined once (CSV_READ_FLAGS): every command that reads a CSV takes them, with the same meaning and errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatHelp } from '../../../src/cli/args';
import { checkSpec } from '../../../src/cli/commands/check';
import { profileSpec } from '../../../src/cli/commands/profile';
import { convertSpec } from '../../../src/cli/commands/convert';
import { cleanSpec } from '../../../src/cli/commands/clean';
import { trainSpec } from '../../../src/cli/commands/train';
import { csvReadSettings } from '../../../src/cli/input';
import { UsageError } from '../../../src/cli/args';

const root = path.resolve(__dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'di-flags-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
}

test('check, profile, convert, clean and train all take --delimiter, --header, --encoding and --na; all but clean --threads', () => {
  for (const spec of [checkSpec, profileSpec, convertSpec, cleanSpec, trainSpec]) {
    const help = formatHelp(spec);
    for (const flag of ['--delimiter <CHAR>', '--header', '--encoding', '--na <TOKEN>']) assert.ok(help.includes(flag), `${spec.name}: ${flag}`);
    assert.equal(help.includes('--threads <N>'), spec.name !== 'clean', `${spec.name}: --threads`);
  }
});

test('the read settings of the flags: named delimiters, every --na token', () => {
  assert.deepEqual(csvReadSettings({ delimiter: 'semicolon', header: false, encoding: 'latin1', threads: 1 }, ['-', 'n/a']), {
    delimiter: ';',
    hasHeader: false,
    encoding: 'latin1',
    threads: 1,
    naTokens: ['-', 'n/a'],
  });
  assert.deepEqual(csvReadSettings({}, undefined), {});
  assert.throws(() => csvReadSettings({ delimiter: ';;' }, undefined), UsageError);
});

test('a two-character --delimiter is a usage error (exit 2, one clear line) in every command', () => {
  const input = path.resolve(root, 'samples/dirty.csv');
  const runs: Record<string, string[]> = {
    check: ['check', input],
    profile: ['profile', input],
    convert: ['convert', input, path.join(dir, 'out.arrow')],
    clean: ['clean', input, path.join(dir, 'out.csv')],
    train: ['train', input, '--target', 'price_eur'],
  };
  for (const [name, args] of Object.entries(runs)) {
    const r = cli(...args, '--delimiter', ';;');
    assert.equal(r.status, 2, `${name}: ${r.stderr}`);
    assert.equal(r.stderr.split('\n')[0], `dataset-inspector ${name}: --delimiter must be one character (or tab, comma, semicolon, pipe, space); got ";;"`);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('check --na: the given tokens are read as missing (and replace the defaults)', () => {
  const file = path.join(dir, 'na.csv');
  const rows = Array.from({ length: 40 }, (_, i) => `${i},${i % 10 === 3 ? 'unknown' : `${(i * 37) % 101}.5`}`);
  writeFileSync(file, ['id,value', ...rows].join('\n') + '\n');
  const missing = (...flags: string[]) => {
    const r = cli('check', file, '--format', 'json', '--fail-on', 'never', ...flags);
    assert.equal(r.status, 0, r.stderr);
    return (JSON.parse(r.stdout) as { rule: string; column: string | null }[]).filter((f) => f.rule === 'missing-value' && f.column === 'value').length;
  };
  assert.equal(missing(), 0, '"unknown" is not a default NA token');
  assert.ok(missing('--na', 'unknown') > 0);
});

test('train --threads and --na are accepted', () => {
  const r = cli('train', 'samples/dirty.csv', '--target', 'price_eur', '--threads', '1', '--na', 'NA', '--na', 'N/A', '--epochs', '3', '--quiet', '--backend', 'cpu');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Metrics \(held-out test split/);
});
