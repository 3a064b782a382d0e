/**
 * The profile over worker threads: columns read in parallel (shared memory) are profiled in the workers,
 * the profile equals the one-thread profile, and the facts the workers computed are adopted here, so the
 * quality rules find exactly what they find after a one-thread read and profile.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareCsvBytes } from '../../../src/core/ingest/csv/decode';
import { readPreparedCsv } from '../../../src/core/ingest/csv/read';
import { readPreparedCsvInParallel } from '../../../src/core/ingest/csv/parallel';
import { closeSharedPool, sharedPool } from '../../../src/core/ingest/csv/pool';
import { profileTable, columnChunks } from '../../../src/core/profile/index';
import { profileTableInParallel } from '../../../src/core/profile/parallel';
import { columnFacts } from '../../../src/core/profile/column-facts';
import { runQualityCheck } from '../../../src/core/quality/engine';

after(() => closeSharedPool());

function csv(rows: number): string {
  let s = 1;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const lines = ['id,price,when,ok,city,comment,code'];
  for (let i = 0; i < rows; i++) {
    const price = next() < 0.01 ? '' : i % 997 === 0 ? '99999' : (next() * 100).toFixed(2);
    const city = ['Paris', 'paris', 'Lyon', ' Nice', 'Lille'][Math.floor(next() * 5)];
    const comment = next() < 0.3 ? '' : `"note ${Math.floor(next() * 50)}, ""ok"""`;
    lines.push([i % 5000 === 7 ? i - 1 : i, price, `2024-0${1 + (i % 9)}-1${i % 10}`, i % 3 ? 'true' : 'false', city, comment, `C${Math.floor(next() * 1e6)}`].join(','));
  }
  return lines.join('\n') + '\n';
}

/** Runs `body`, counting the columns sent to the pool's workers to profile. */
async function countingColumnsSent<T>(body: () => Promise<T>): Promise<{ value: T; sent: number }> {
  const pool = sharedPool()!;
  const worker = pool.worker.bind(pool);
  let sent = 0;
  pool.worker = (i) => {
    const w = worker(i);
    const call = w.call.bind(w);
    w.call = (message) =>
      call((seq) => {
        const m = message(seq);
        if (m.type === 'profile') sent++;
        return m;
      });
    return w;
  };
  try {
    return { value: await body(), sent };
  } finally {
    pool.worker = worker;
  }
}

test('columns read in parallel are profiled in the workers; profile and findings equal the one-thread ones', async () => {
  const prepared = prepareCsvBytes(new TextEncoder().encode(csv(40_000)));
  const one = readPreparedCsv(prepared).result;
  const many = (await readPreparedCsvInParallel(prepared, { threads: 3, parallelChunkBytes: 200_000 })).result;
  assert.ok(many.table.batches.length > 1);

  const { value: profile, sent } = await countingColumnsSent(() => profileTableInParallel(many, { threads: 3, bytes: 0 }));
  assert.ok(sent >= 2, `${sent} columns profiled in workers`);

  assert.deepEqual(profile.columns, profileTable(one, { bytes: 0 }).columns);
  // The workers' facts were adopted: sorted numbers and distinct values are there without computing them here.
  const parts = many.columns.map((info) => columnFacts(columnChunks(many.table, info)).parts());
  many.columns.forEach((info, c) => {
    if (info.kind === 'boolean') return;
    const numeric = ['integer', 'float', 'date'].includes(info.kind);
    assert.ok(numeric ? parts[c].sorted && parts[c].runs : parts[c].distinct, `${info.name}: ${Object.keys(parts[c]).filter((k) => parts[c][k as keyof typeof parts[number]] !== undefined)}`);
  });
  const now = new Date('2025-01-01');
  const strip = (findings: { rule: string; row: number | null; column: string | null; message: string }[]) => findings.map((f) => `${f.rule} ${f.row} ${f.column} ${f.message}`);
  assert.deepEqual(strip(runQualityCheck(many, { now }, profile).findings), strip(runQualityCheck(one, { now }, profileTable(one)).findings));
});

test('tables not in shared memory (one-thread reads, Arrow files) are profiled in this thread, the same way', async () => {
  const one = readPreparedCsv(prepareCsvBytes(new TextEncoder().encode(csv(3000)))).result;
  const { value, sent } = await countingColumnsSent(() => profileTableInParallel(one, { threads: 2, bytes: 0 }));
  assert.equal(sent, 0);
  assert.deepEqual(value, profileTable(one, { bytes: 0 }));
});
