/**
 * A CSV file read with several threads is loaded in parts claimed by the threads, each thread checking the
 * parts it reads for ASCII. What a user sees must not depend on it: cell ranges (character columns after a
 * non-ASCII character), invalid bytes reported where they are, and the same table as a one-thread read.
 */
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFile } from '../../../src/core/ingest';
import { readCsvBytesInParallel, readTextFile } from '../../../src/core/ingest/csv/parallel';
import { closeSharedPool, sharedPool } from '../../../src/core/ingest/csv/pool';
import { loadPartsAsync, loadPartsSync, loadedBytes, newLoadJob } from '../../../src/core/ingest/csv/file-parts';
import type { LoadReply } from '../../../src/core/ingest/csv/worker-protocol';
import type { IngestResult } from '../../../src/core/table/model';

const dir = mkdtempSync(join(tmpdir(), 'di-load-'));
after(async () => {
  await closeSharedPool();
  rmSync(dir, { recursive: true, force: true });
});

/** A CSV of `rows` rows whose row `special` has `text` in its first column (the other rows are ASCII). */
function csvWith(rows: number, special: number, text: string): Buffer {
  const lines = ['name,score,city'];
  for (let r = 0; r < rows; r++) lines.push(`${r === special ? text : `row${r}`},${r % 97},${r % 2 ? 'Lyon' : 'Paris'}`);
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

function seen(result: IngestResult, rows: readonly number[]) {
  const { table, source } = result;
  return {
    rows: table.numRows,
    cells: rows.map((r) => table.schema.fields.map((_, c) => ({ value: table.getChildAt(c)!.get(r) as unknown, range: source.cellRange(r, c) }))),
    structural: result.structuralIssues,
  };
}

async function readBoth(name: string, bytes: Buffer, rows: readonly number[]) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  // Tiny chunks and parts: the file is read and parsed by two threads whatever its size, as ingestFile does it.
  const options = { threads: 2, parallelChunkBytes: 256, path };
  const { bytes: read, ascii } = await readTextFile(path, bytes.length, options);
  const parallel = await readCsvBytesInParallel(read, { ...options, knownAscii: ascii });
  const single = await ingestFile(path, { threads: 1 });
  return { parallel: seen(parallel, rows), single: seen(single, rows) };
}

for (const [where, special] of [
  ['an early', 3],
  ['a late', 390],
] as const) {
  test(`a non-ASCII name in ${where} part of a file read by two threads keeps the ranges of the cells after it`, async () => {
    const { parallel, single } = await readBoth(`accent-${where}.csv`, csvWith(400, special, 'Zoë Øster'), [special, special + 1]);
    const score = parallel.cells[0][1];
    // "Zoë Øster," is 10 characters (12 bytes): the score starts at character 10 of its line.
    assert.equal(score.range.start.character, 10, `the score after "Zoë Øster" starts at character 10, not at its byte offset (${JSON.stringify(score.range)})`);
    assert.deepEqual(parallel, single, 'a two-thread read sees what a one-thread read sees');
  });
}

test('an invalid byte in a late part of a file read by two threads is reported where it is', async () => {
  // Valid UTF-8 names in an early part ("Zoë" in row 3: a UTF-8 file, not Windows-1252) and one invalid byte in row 390.
  const bytes = Buffer.from(csvWith(400, 3, 'Zoë').toString('utf8').replace('row390,', 'Zo?,'), 'utf8');
  bytes[bytes.indexOf('Zo?,') + 2] = 0xff;
  const { parallel, single } = await readBoth('invalid.csv', bytes, [390]);
  const invalid = parallel.structural.filter((issue) => issue.kind === 'invalid-encoding');
  assert.equal(invalid.length, 1, `one invalid byte is reported (${JSON.stringify(parallel.structural)})`);
  assert.deepEqual([invalid[0].range.start.line, invalid[0].range.start.character], [391, 2], 'at the line and character that hold it');
  assert.deepEqual(parallel, single, 'a two-thread read sees what a one-thread read sees');
});

test('an ASCII file read by two threads in parts is the same table as a one-thread read', async () => {
  const { parallel, single } = await readBoth('ascii.csv', csvWith(400, -1, ''), [0, 199, 200, 399]);
  assert.equal(parallel.rows, 400, 'every row is read');
  assert.deepEqual(parallel, single, 'a two-thread read sees what a one-thread read sees');
});

test('the parts of a file are shared between threads: each part is read once, into place, with its ASCII check', async () => {
  const bytes = csvWith(400, 390, 'Zoë Øster');
  const path = join(dir, 'parts.csv');
  writeFileSync(path, bytes);
  const job = newLoadJob(path, bytes.length, 100);
  // This thread claims the first part and waits for its read; meanwhile the blocking reader (as a worker runs it) takes every other part.
  const reading = loadPartsAsync(job, undefined);
  loadPartsSync(job);
  await reading;
  const loaded = loadedBytes(job);
  assert.ok(Buffer.from(loaded.bytes).equals(bytes), 'the bytes read are the file');
  assert.equal(loaded.ascii, false, 'a non-ASCII part read by the other thread makes the file non-ASCII');
});

test("a worker of the reader's pool reads a file's parts into shared memory", async () => {
  const bytes = csvWith(400, -1, '');
  const path = join(dir, 'worker-parts.csv');
  writeFileSync(path, bytes);
  const job = newLoadJob(path, bytes.length, 1000);
  await sharedPool()!.worker(0).call<LoadReply>((seq) => ({ type: 'load', seq, job }));
  const loaded = loadedBytes(job);
  assert.ok(Buffer.from(loaded.bytes).equals(bytes), 'the bytes read are the file');
  assert.equal(loaded.ascii, true, 'an ASCII file is found ASCII');
});

test('a file that shrank after its size was taken ends where its bytes end', async () => {
  const bytes = csvWith(400, -1, '');
  const path = join(dir, 'shrunk.csv');
  writeFileSync(path, bytes);
  const job = newLoadJob(path, bytes.length + 500, 1000);
  loadPartsSync(job);
  assert.equal(loadedBytes(job).bytes.length, bytes.length, 'the bytes end where the file does');
});
