/** CSV batches: concatenated, they hold exactly what the in-memory read holds; progress and cancellation work. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { ingestCsvBatches } from '../../../src/core/ingest/csv/stream';
import { scanRecords } from '../../../src/core/ingest/csv/scan';
import { temporaryDirectory } from '../temp-dir';

function file(content: string): string {
  const p = path.join(temporaryDirectory('di-stream-'), 'data.csv');
  writeFileSync(p, content);
  return p;
}

const rows = Array.from({ length: 500 }, (_, i) => `${i},${(i * 1.5).toFixed(1)},"note ${i}, with ""quotes""${i % 50 === 0 ? '\nand a second line' : ''}",${i % 2 ? 'yes' : 'no'},2024-01-${String((i % 28) + 1).padStart(2, '0')},é${i % 7}`);
const text = ['id,x,note,flag,day,cat', ...rows].join('\r\n') + '\r\n';

test('records are cut only where they are complete', () => {
  // A chunk's scan (final: false) consumes only complete records, header included.
  const complete = (text: string, headerStart: number) =>
    scanRecords(new TextEncoder().encode(text), { delimiter: 44, quote: 34, width: 2, headerStart, trailingDelimiter: false, estimatedRows: 4, firstLine: 0, final: false }).consumed;
  for (const headerStart of [-1, 0]) {
    assert.equal(complete('a,b\n1,2\n3,', headerStart), 8);
    assert.equal(complete('a,b\n"x\ny', headerStart), 4);
    assert.equal(complete('a,b\r', headerStart), 0);
  }
});

test('batches (small chunks) concatenate to the in-memory table, with one schema, in one thread and in several', async () => {
  const whole = ingestCsvBytes(new TextEncoder().encode(text));
  for (const threads of [1, 3]) {
    const progress: number[] = [];
    let rowsSeen = 0;
    const schemas = new Set<string>();
    const chunkRows: number[] = [];
    // Several threads: each streamed chunk is itself read in parts of about 100 bytes.
    for await (const batch of ingestCsvBatches(file(text), { chunkBytes: 997, threads, parallelChunkBytes: 100, onProgress: (p) => progress.push(p.bytesRead) })) {
      assert.equal(batch.rowOffset, rowsSeen);
      schemas.add(batch.result.columns.map((c) => `${c.name}:${c.kind}`).join(','));
      chunkRows.push(batch.result.table.batches.length);
      for (let r = 0; r < batch.result.table.numRows; r++) {
        for (let c = 0; c < whole.columns.length; c++) {
          assert.deepEqual(batch.result.table.getChildAt(c)?.get(r), whole.table.getChildAt(c)?.get(rowsSeen + r), `row ${rowsSeen + r} column ${c}`);
          // Positions are the file's: line numbers continue across chunks.
          assert.deepEqual(batch.result.source.cellRange(r, c), whole.source.cellRange(rowsSeen + r, c), `range of row ${rowsSeen + r} column ${c}`);
        }
      }
      assert.equal(batch.result.rejectedCells.length, 0);
      rowsSeen += batch.result.table.numRows;
    }
    assert.equal(rowsSeen, 500);
    assert.equal(schemas.size, 1, [...schemas].join(' | '));
    assert.ok(progress.length > 10 && progress.at(-1)! >= Buffer.byteLength(text));
    // In parallel, a streamed chunk's table has one record batch per part read.
    assert.equal(Math.max(...chunkRows) > 1, threads > 1, `record batches per streamed chunk: ${chunkRows.join(',')}`);
  }
});

test('an aborted signal stops the read with an AbortError', async () => {
  const controller = new AbortController();
  await assert.rejects(async () => {
    for await (const _batch of ingestCsvBatches(file(text), { chunkBytes: 1000, signal: controller.signal })) controller.abort();
  }, { name: 'AbortError' });
});

test('UTF-16 and Windows-1252 files stream into the same table as the in-memory read', async () => {
  const small = ['name,n', 'Zoë,1', 'Ångström,2', '"naïve, quoted",3'].join('\n') + '\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(small, 'utf16le')]);
  const cp1252 = Buffer.from(small, 'latin1');
  for (const [bytes, encoding] of [[utf16, undefined], [cp1252, 'windows-1252']] as const) {
    const p = path.join(temporaryDirectory('di-stream-'), 'data.csv');
    writeFileSync(p, bytes);
    const names: string[] = [];
    const numbers: unknown[] = [];
    for await (const batch of ingestCsvBatches(p, { chunkBytes: 7, encoding })) {
      // Tiny chunks: the schema still comes from data rows, not from the header alone.
      assert.equal(batch.result.columns[1].kind, 'integer', String(encoding));
      for (let r = 0; r < batch.result.table.numRows; r++) {
        names.push(String(batch.result.table.getChildAt(0)?.get(r)));
        numbers.push(batch.result.table.getChildAt(1)?.get(r));
      }
    }
    assert.deepEqual(names, ['Zoë', 'Ångström', 'naïve, quoted'], String(encoding));
    assert.deepEqual(numbers, [1, 2, 3], String(encoding));
  }
});

test('invalid UTF-8 in a streamed chunk is reported at its file byte offset', async () => {
  const bytes = Buffer.concat([Buffer.from('a,b\n1,x\n2,'), Buffer.from([0xff]), Buffer.from('y\n3,z\n')]);
  const p = path.join(temporaryDirectory('di-stream-'), 'data.csv');
  writeFileSync(p, bytes);
  const offsets: number[] = [];
  for await (const batch of ingestCsvBatches(p, { chunkBytes: 5, encoding: 'utf-8' })) {
    for (const issue of batch.result.structuralIssues) if (issue.kind === 'invalid-encoding') offsets.push(Number(/byte offset (\d+)/.exec(issue.detail ?? '')?.[1]));
  }
  assert.deepEqual(offsets, [10]);
});
