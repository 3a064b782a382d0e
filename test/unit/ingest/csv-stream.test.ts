/** CSV batches: concatenated, they hold exactly what the in-memory read holds; progress and cancellation work. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { completeRecordsLength, ingestCsvBatches } from '../../../src/core/ingest/csv/stream';

function file(content: string): string {
  const p = path.join(mkdtempSync(path.join(tmpdir(), 'di-stream-')), 'data.csv');
  writeFileSync(p, content);
  return p;
}

const rows = Array.from({ length: 500 }, (_, i) => `${i},${(i * 1.5).toFixed(1)},"note ${i}, with ""quotes""${i % 50 === 0 ? '\nand a second line' : ''}",${i % 2 ? 'yes' : 'no'},2024-01-${String((i % 28) + 1).padStart(2, '0')},é${i % 7}`);
const text = ['id,x,note,flag,day,cat', ...rows].join('\r\n') + '\r\n';

test('records are cut only where they are complete', () => {
  assert.equal(completeRecordsLength('a,b\n1,2\n3,', ',', '"'), 8);
  assert.equal(completeRecordsLength('a,b\n"x\ny', ',', '"'), 4);
  assert.equal(completeRecordsLength('a,b\r', ',', '"'), 0);
});

test('batches (small chunks) concatenate to the in-memory table, with one schema', async () => {
  const whole = ingestCsvBytes(new TextEncoder().encode(text));
  const progress: number[] = [];
  let rowsSeen = 0;
  const schemas = new Set<string>();
  for await (const batch of ingestCsvBatches(file(text), { chunkBytes: 997, onProgress: (p) => progress.push(p.bytesRead) })) {
    assert.equal(batch.rowOffset, rowsSeen);
    schemas.add(batch.result.columns.map((c) => `${c.name}:${c.kind}`).join(','));
    for (let r = 0; r < batch.result.table.numRows; r++) {
      for (let c = 0; c < whole.columns.length; c++) {
        assert.deepEqual(batch.result.table.getChildAt(c)?.get(r), whole.table.getChildAt(c)?.get(rowsSeen + r), `row ${rowsSeen + r} column ${c}`);
      }
    }
    assert.equal(batch.result.rejectedCells.length, 0);
    rowsSeen += batch.result.table.numRows;
  }
  assert.equal(rowsSeen, 500);
  assert.equal(schemas.size, 1, [...schemas].join(' | '));
  assert.ok(progress.length > 10 && progress.at(-1)! >= Buffer.byteLength(text));
});

test('an aborted signal stops the read with an AbortError', async () => {
  const controller = new AbortController();
  await assert.rejects(async () => {
    for await (const _batch of ingestCsvBatches(file(text), { chunkBytes: 1000, signal: controller.signal })) controller.abort();
  }, { name: 'AbortError' });
});
