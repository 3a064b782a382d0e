/** gzip-compressed CSV/TSV/JSON Lines: the same findings as the plain file (positions in the decompressed text), clear errors when broken. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ingestFile, ingestTextBatches } from '../../../src/core/ingest/index';
import { decompressedTextView } from '../../../src/core/ingest/gzip';
import { runQualityCheck } from '../../../src/core/quality/engine';
import { checkInBatches } from '../../../src/core/check/batched';
import { profileTable } from '../../../src/core/profile/index';
import type { Finding } from '../../../src/core/quality/finding';
import { checkFile } from '../../../src/core/check/check-file';
import { temporaryDirectory } from '../temp-dir';

const root = path.resolve(__dirname, '../../..');
const dir = temporaryDirectory('di-gzip-');
const now = new Date('2026-11-25');

function write(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** The findings without their fixes (a gzip file cannot be edited in place). */
const withoutFixes = (findings: Finding[]) => findings.map(({ fixes: _fixes, ...f }) => f);

async function check(file: string) {
  const data = await ingestFile(file);
  return { data, report: runQualityCheck(data, { now }, profileTable(data)) };
}

const dirtyCsv = readFileSync(path.join(root, 'samples', 'dirty.csv'));
const jsonl = Buffer.from(
  Array.from({ length: 300 }, (_, i) => (i === 120 ? '{"id": 120, "price": oops}' : JSON.stringify({ id: i % 250, price: i === 77 ? -5 : 10 + (i % 13), city: i % 50 === 3 ? ' Lyon' : ['Paris', 'Lyon'][i % 2] }))).join('\n') + '\n',
);

for (const [name, content] of [
  ['dirty.csv', dirtyCsv],
  ['data.jsonl', jsonl],
  ['data.tsv', Buffer.from(`id\tname\tprice\n${Array.from({ length: 60 }, (_, i) => `${i % 55}\t${i === 9 ? ' Bob' : ['Ada', 'Bob', 'Cy'][i % 3]}\t${i === 30 ? 'NA' : 3 + (i % 5)}`).join('\n')}\n`)],
] as const) {
  test(`${name}.gz gives the same table and findings as ${name}, with positions in the decompressed text`, async () => {
    const plain = await check(write(name, content));
    const gz = await check(write(`${name}.gz`, gzipSync(content)));
    assert.equal(gz.data.rangesIn, 'decompressed');
    assert.equal(plain.data.rangesIn, 'file');
    assert.equal(gz.data.format, plain.data.format);
    assert.deepEqual(gz.data.columns, plain.data.columns);
    assert.equal(gz.data.table.numRows, plain.data.table.numRows);
    assert.ok(plain.report.findings.length > 3, `${name} has planted defects`);
    assert.deepEqual(withoutFixes(gz.report.findings), withoutFixes(plain.report.findings));
    assert.ok(plain.report.findings.some((f) => f.fixes?.length), 'the plain file gets quick fixes');
    assert.ok(!gz.report.findings.some((f) => f.fixes?.length), 'the gzip file gets none (its text cannot be edited)');
  });
}

test('a gzip file over the memory budget is checked batch by batch with the same findings as the plain file', async () => {
  const plainFile = write('batched.csv', dirtyCsv);
  const gzFile = write('batched.csv.gz', gzipSync(dirtyCsv));
  const plain = await checkInBatches(plainFile, { now }, { chunkBytes: 2048 });
  const gz = await checkInBatches(gzFile, { now }, { chunkBytes: 2048 });
  assert.ok(gz.batches > 3);
  assert.equal(gz.batches, plain.batches);
  assert.equal(gz.rangesIn, 'decompressed');
  assert.deepEqual(withoutFixes(gz.report.findings), withoutFixes(plain.report.findings));
  assert.equal(gz.rowCount, plain.rowCount);
});

test('JSON Lines batch by batch: the same rows and positions as in memory; keys that only appear later are listed', async () => {
  const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify(i === 350 ? { id: i, late: 'x', price: 1 } : { id: i, price: i % 7 }));
  const text = `${lines.join('\n')}\n`;
  const file = write('late.jsonl.gz', gzipSync(text));
  const whole = await ingestFile(file);
  let rows = 0;
  const late: { name: string; line: number }[] = [];
  for await (const batch of ingestTextBatches(file, { chunkBytes: 1024 })) {
    assert.deepEqual(
      batch.result.columns.map((c) => c.name),
      ['id', 'price'],
    );
    for (let r = 0; r < batch.result.table.numRows; r++) {
      assert.equal(batch.result.table.getChildAt(0)?.get(r), rows + r);
      assert.deepEqual(batch.result.source.cellRange(r, 1), whole.source.cellRange(rows + r, 1));
    }
    rows += batch.result.table.numRows;
    late.push(...(batch.unknownKeys ?? []));
  }
  assert.equal(rows, 400);
  assert.deepEqual(late, [{ name: 'late', line: 350 }]);
  const checked = await checkInBatches(file, { now }, { chunkBytes: 1024 });
  assert.match(checked.notes.join('\n'), /Keys that first appear after the first batch .*"late" \(line 351\)/);
});

test('truncated, corrupt and mislabelled gzip files give one clear error', async () => {
  const gz = gzipSync(dirtyCsv);
  await assert.rejects(ingestFile(write('cut.csv.gz', gz.subarray(0, 200))), /cut\.csv\.gz is truncated: its gzip data ends early \(after [\d,]+ bytes of decompressed text\)/);
  await assert.rejects(ingestFile(write('tail.csv.gz', Buffer.concat([gz, Buffer.from('garbage')]))), /tail\.csv\.gz is corrupt: the gzip data cannot be decompressed/);
  const flipped = Buffer.from(gz);
  flipped[100] ^= 0xff;
  await assert.rejects(ingestFile(write('flipped.csv.gz', flipped)), /flipped\.csv\.gz is (corrupt|truncated)/);
  await assert.rejects(ingestFile(write('plain.csv.gz', dirtyCsv)), /plain\.csv\.gz is not gzip-compressed \(it does not start with bytes 1f 8b\); it looks like uncompressed text/);
  await assert.rejects(ingestFile(write('empty.jsonl.gz', '')), /empty\.jsonl\.gz is not gzip-compressed: the file is empty/);
  await assert.rejects(ingestFile(write('table.parquet.gz', gz)), /gzip-compressed Arrow and Parquet files are not read/);
  await assert.rejects(async () => {
    for await (const _batch of ingestTextBatches(write('cut2.csv.gz', gz.subarray(0, 300)), { chunkBytes: 1024 }));
  }, /cut2\.csv\.gz is truncated/);
});

test('concatenated gzip members are read as one text; the memory budget counts the decompressed size', async () => {
  const a = 'id,v\n1,2\n';
  const file = write('members.csv.gz', Buffer.concat([gzipSync(a), gzipSync('3,4\n')]));
  assert.equal((await ingestFile(file)).table.numRows, 2);
  const big = write('big.csv.gz', gzipSync(Buffer.alloc(4 * 2 ** 20, 'x,y\n')));
  await assert.rejects(ingestFile(big, { memoryBudgetBytes: 2 ** 20 }), /big\.csv\.gz decompresses to 4 MiB, over the in-memory budget of 1 MiB/);
});

test('a multi-member gzip whose trailer understates its size is checked batch by batch once the read finds it over the budget', async () => {
  const rows = Array.from({ length: 60_000 }, (_, i) => `${i},${i % 97},${['a', 'b', 'c'][i % 3]}`).join('\n');
  const file = write('members-big.csv.gz', Buffer.concat([gzipSync(`id,v,c\n${rows}\n`), gzipSync('60000,1,a\n')]));
  await assert.rejects(ingestFile(file, { memoryBudgetBytes: 2 ** 19 }), { name: 'OverBudgetError' });
  const result = await checkFile({ path: file, read: { memoryBudgetBytes: 2 ** 19 }, quality: { now }, renderText: true });
  assert.equal(result.rowCount, 60_001);
  assert.equal(result.rangesIn, 'decompressed');
  assert.ok(result.renderedText?.startsWith('id,v,c\n0,0,a\n'));
});

test('findings of a gzip file in its view carry the line of the decompressed text as a field; the message is the rule\'s own', async () => {
  const file = write('placed.csv.gz', gzipSync(dirtyCsv));
  const plain = await checkFile({ path: write('placed.csv', dirtyCsv), read: {}, quality: { now } });
  const placed = await checkFile({ path: file, read: {}, quality: { now }, renderText: true });
  assert.ok(placed.findings.length > 0);
  assert.deepEqual(
    placed.findings.map((f) => [f.message, f.decompressedLine]),
    plain.findings.map((f) => [f.message, f.range.start.line + 1]),
  );
});

test('the read-only view of the decompressed text: whole, or cut at a line with a last line saying so', async () => {
  const file = write('view.csv.gz', gzipSync(dirtyCsv));
  const whole = await decompressedTextView(file);
  assert.equal(whole.text, dirtyCsv.toString('utf8'));
  assert.equal(whole.lines, Infinity);
  const cut = await decompressedTextView(file, { maxBytes: 1000 });
  const shown = cut.text.split('\n');
  assert.equal(cut.lines, shown.length - 2);
  assert.ok(dirtyCsv.toString('utf8').startsWith(shown.slice(0, cut.lines).join('\n') + '\n'));
  assert.match(shown[cut.lines], /^… the decompressed text goes on; this view shows its first \d+ lines/);
});
