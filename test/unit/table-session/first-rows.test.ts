/**
 * Rows appear while a file is still read: the first batch (a Parquet row group, an Arrow record batch) is
 * shown before the next one is read — by the table session and by the table worker that serves the grid.
 * These fail if the first rows wait for the whole file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Table, Int32, Utf8, RecordBatchFileWriter, tableToIPC, vectorFromArray } from 'apache-arrow';
import { openTable } from '../../../src/core/table-session/open';
import { cellText } from '../../../src/core/table-session/values';
import { loadParquetWasm } from '../../../src/core/ingest/parquet-wasm';
import { serveTable } from '../../../src/jobs/table-worker';
import type { TableWorkerMessage } from '../../../src/jobs/table-protocol';
import { GRID_BLOCK } from '../../../src/shared/protocol/table';

const dir = mkdtempSync(path.join(tmpdir(), 'di-first-rows-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const N = 3000;
const GROUP = 400;
const table = new Table({
  id: vectorFromArray(Int32Array.from({ length: N }, (_, i) => i)),
  label: vectorFromArray(Array.from({ length: N }, (_, i) => `label ${i % 17}`), new Utf8()),
  small: vectorFromArray(Array.from({ length: N }, (_, i) => i % 3), new Int32()),
});

async function parquetFile(): Promise<string> {
  const pw = await loadParquetWasm();
  const file = path.join(dir, 'groups.parquet');
  writeFileSync(file, pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(table, 'stream')), new pw.WriterPropertiesBuilder().setMaxRowGroupSize(GROUP).build()));
  return file;
}

function arrowFile(): string {
  const file = path.join(dir, 'batches.arrow');
  const batches = Array.from({ length: N / GROUP + 1 }, (_, k) => table.slice(k * GROUP, (k + 1) * GROUP).batches[0]).filter((b) => b && b.numRows > 0);
  writeFileSync(file, RecordBatchFileWriter.writeAll(new Table(batches)).toUint8Array(true));
  return file;
}

for (const [format, make] of [
  ['Parquet (row groups)', parquetFile],
  ['Arrow IPC (record batches)', async () => arrowFile()],
] as const) {
  test(`${format}: the first rows can be shown while the later batches are still unread`, async () => {
    const file = await make();
    let rowsAtFirst = -1;
    let firstTexts: string[] = [];
    const pending: Promise<void>[] = [];
    const opened = await openTable(file, {
      onFirstRows: (session) => {
        rowsAtFirst = session.store.rowCount;
        pending.push(session.window(0, 3).then((w) => void (firstTexts = w.cells.map((row) => cellText(row[0])))));
      },
    });
    await Promise.all(pending);
    assert.equal(rowsAtFirst, GROUP, 'the session had only the first batch when the first rows were announced');
    assert.deepEqual(firstTexts, ['0', '1', '2']);
    assert.equal(opened.session.store.rowCount, N);
  });
}

test('table worker: the grid gets its first block with the first row group, before the read ends, and again with the whole read', async () => {
  const file = await parquetFile();
  const { port1, port2 } = new MessageChannel();
  const messages: TableWorkerMessage[] = [];
  const loaded = new Promise<void>((resolve, reject) =>
    port2.on('message', (message: TableWorkerMessage) => {
      messages.push(message);
      if (message.type === 'loaded') resolve();
      if (message.type === 'error') reject(new Error(message.message));
    }),
  );
  serveTable(port1, { type: 'open', path: file, read: {} });
  await loaded;
  port1.close();
  const kinds = messages.map((m) => m.type).filter((t) => t === 'opened' || t === 'loaded');
  assert.deepEqual(kinds, ['opened', 'loaded']);
  const opened = messages.find((m) => m.type === 'opened');
  const done = messages.find((m) => m.type === 'loaded');
  assert.ok(opened?.type === 'opened' && done?.type === 'loaded');
  assert.equal(opened.opened.rows, GROUP, 'announced with the first row group only');
  assert.deepEqual(opened.opened.firstRows.rowNumbers, Array.from({ length: GRID_BLOCK.rows }, (_, i) => i));
  assert.equal(done.loaded.rows, N);
  assert.deepEqual(done.loaded.firstRows.rowNumbers, opened.opened.firstRows.rowNumbers);
  assert.deepEqual(done.loaded.firstRows.cells.slice(0, 3).map((row) => row.map(cellText)), [
    ['0', 'label 0', '0'],
    ['1', 'label 1', '1'],
    ['2', 'label 2', '2'],
  ]);
});
