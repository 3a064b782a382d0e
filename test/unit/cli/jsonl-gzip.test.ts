/** The CLI on JSON Lines and gzip-compressed files: `check`, `profile` and `convert` (spawned through tsx). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readArrowFile } from '../../../src/core/ingest/arrow';
import type { TableProfile } from '../../../src/core/profile/types';

const root = path.resolve(__dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'di-cli-jsonl-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
}

function write(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

const lines = Array.from({ length: 120 }, (_, i) =>
  JSON.stringify({ id: i, city: i === 5 ? 'Paris ' : ['Paris', 'Lyon', 'Nice'][i % 3], price: i === 40 ? -3 : 100 + (i % 9) * 2.5, tags: i % 10 === 0 ? ['new'] : [], sold: i % 2 === 0 }),
);
lines[60] = '{"id": 60, "city": "Lyon", "price": 1O5}';
const jsonlText = `${lines.join('\n')}\n`;
const jsonl = write('shop.jsonl', jsonlText);
const jsonlGz = write('shop.jsonl.gz', gzipSync(jsonlText));

interface JsonFinding {
  file: string;
  rule: string;
  row: number | null;
  column: string | null;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
}

const at = (text: string, range: JsonFinding['range']) => text.split('\n')[range.start.line].slice(range.start.character, range.end.character);

test('check a .jsonl file: the invalid line at its line, cell findings at the value', () => {
  const r = cli('check', jsonl, '--format', 'json', '--now', '2026-11-25');
  assert.equal(r.status, 1, `an invalid line is an error: ${r.stderr}`);
  const findings = JSON.parse(r.stdout) as JsonFinding[];
  const invalid = findings.find((f) => f.rule === 'invalid-json-line');
  assert.ok(invalid);
  assert.equal(invalid.range.start.line, 60);
  assert.equal(at(jsonlText, invalid.range), lines[60]);
  assert.match(invalid.message, /expected "," or "}", found "O" \(column 38\)/);
  const space = findings.find((f) => f.rule === 'whitespace');
  assert.ok(space);
  assert.equal(space.column, 'city');
  assert.equal(at(jsonlText, space.range), '"Paris "');
  const negative = findings.find((f) => f.rule === 'impossible-value');
  assert.equal(negative && at(jsonlText, negative.range), '-3');
  // The text format prints path:line:column of the same places.
  const text = cli('check', jsonl, '--now', '2026-11-25');
  assert.match(text.stdout, /shop\.jsonl:61:1: error \[invalid-json-line\] Invalid JSON line/);
});

test('check a .csv.gz and a .jsonl.gz: the same findings as the plain files, and a note that positions are in the decompressed text', () => {
  const csvText = readFileSync(path.join(root, 'samples', 'dirty.csv'));
  const csv = write('dirty.csv', csvText);
  const csvGz = write('dirty.csv.gz', gzipSync(csvText));
  for (const [plain, gz] of [
    [csv, csvGz],
    [jsonl, jsonlGz],
  ]) {
    const a = cli('check', plain, '--format', 'json', '--now', '2026-11-25');
    const b = cli('check', gz, '--format', 'json', '--now', '2026-11-25');
    assert.equal(b.status, a.status);
    const strip = (out: string) => (JSON.parse(out) as JsonFinding[]).map(({ file: _file, ...f }) => f);
    assert.ok(strip(a.stdout).length >= 3);
    assert.deepEqual(strip(b.stdout), strip(a.stdout));
    assert.match(b.stderr, new RegExp(`${path.basename(gz).replace(/\./g, '\\.')}: lines and columns are those of its decompressed text`));
    assert.equal(a.stderr, '');
  }
  // Over the memory budget (its decompressed size counts), a gzip file is checked batch by batch, with the same positions.
  const batched = cli('check', csvGz, '--format', 'json', '--now', '2026-11-25', '--memory-budget', '0.004');
  const plainJson = JSON.parse(cli('check', csv, '--format', 'json', '--now', '2026-11-25').stdout) as JsonFinding[];
  const ragged = (out: JsonFinding[]) => out.filter((f) => f.rule === 'ragged-row').map((f) => f.range);
  assert.ok(ragged(plainJson).length > 0);
  assert.deepEqual(ragged(JSON.parse(batched.stdout) as JsonFinding[]), ragged(plainJson));
});

test('binary content given as CSV: exit 1 with one clear message, no findings', () => {
  const fake = write('export.csv', gzipSync('a,b\n1,2\n'));
  const r = cli('check', fake, '--format', 'json');
  assert.equal(r.status, 1);
  assert.deepEqual(JSON.parse(r.stdout), []);
  assert.match(r.stderr, /export\.csv is not CSV text: it looks like gzip-compressed data .* Rename it to export\.csv\.gz/);
  const truncated = write('cut.jsonl.gz', gzipSync(jsonlText).subarray(0, 100));
  const t = cli('profile', truncated);
  assert.equal(t.status, 1);
  assert.match(t.stderr, /cut\.jsonl\.gz is truncated/);
});

test('profile a .jsonl.gz, in memory and streamed', () => {
  for (const args of [[], ['--streaming']]) {
    const r = cli('profile', jsonlGz, '--format', 'json', ...args);
    assert.equal(r.status, 0, r.stderr);
    const p = JSON.parse(r.stdout) as TableProfile;
    assert.equal(p.format, 'jsonl');
    assert.equal(p.rows, 119);
    assert.deepEqual(
      p.columns.map((c) => `${c.name}:${c.kind}`),
      ['id:integer', 'city:categorical', 'price:float', 'tags:categorical', 'sold:boolean'],
    );
    assert.equal(p.columns[2].min, -3);
  }
});

test('convert .jsonl and .tsv.gz to Arrow', async () => {
  const out = path.join(dir, 'shop.arrow');
  const r = cli('convert', jsonl, out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /wrote .*shop\.arrow: 119 rows × 5 columns/);
  const back = await readArrowFile(out);
  assert.deepEqual(
    back.table.schema.fields.map((f) => `${f.name}:${f.type}`),
    ['id:Int32', 'city:Dictionary<Int32, Utf8>', 'price:Float64', 'tags:Dictionary<Int32, Utf8>', 'sold:Bool'],
  );
  assert.equal(back.table.getChild('tags')?.get(0), '["new"]');
  const tsvGz = write('t.tsv.gz', gzipSync('a\tb\n1\tx y\n2\tz\n'));
  const out2 = path.join(dir, 't.arrow');
  assert.equal(cli('convert', tsvGz, out2, '-q').status, 0);
  const t = await readArrowFile(out2);
  assert.deepEqual(
    t.table.getChild('b')?.toArray().map(String),
    ['x y', 'z'],
    'the .tsv inside the .gz sets the tab delimiter',
  );
});
