/**
 * The profile spread over the reader pool's threads (profile/parallel-profile.ts): a worker profiles the columns
 * whose chunks a parallel read left in shared memory, and this thread adopts the facts it computed. The
 * profile, and the findings of the rules that read the adopted facts, are those of the one-thread profile.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestFile } from '../../../src/core/ingest/index';
import { closeSharedPool } from '../../../src/core/ingest/csv/pool';
import { profileTable } from '../../../src/core/profile/index';
import { MIN_PARALLEL_PROFILE_ROWS, profileTableInParallel, profileThreads } from '../../../src/core/profile/parallel-profile';
import { clearColumnFactsCache } from '../../../src/core/profile/column-facts';
import { runQualityCheck } from '../../../src/core/quality/engine';

after(() => closeSharedPool());

/** A table of 2 × 4 MiB and more (read in two chunks over two threads), with nulls, repeats, non-ASCII text, untrimmed values and a typo. */
function writeTable(dir: string): string {
  const rows = MIN_PARALLEL_PROFILE_ROWS + 30_000;
  const cities = ['Zürich', 'Genève', 'Basel', ' Bern', 'Lugano'];
  const lines = ['id,amount,count,day,city,code,label'];
  for (let i = 0; i < rows; i++) {
    const amount = i % 97 === 0 ? '' : ((i * 7919) % 100_003 / 13).toFixed(3);
    const count = i % 89 === 0 ? '' : String((i * 31) % 1000);
    const day = `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const city = i === 5000 ? 'Zurich' : i % 53 === 0 ? '' : cities[i % cities.length];
    const code = `C${(i * 2654435761) % 1e7}`;
    const label = i % 3 === 0 ? 'yes' : 'no';
    lines.push(`${i},${amount},${count},${day},${city},${code},${label}`);
  }
  const file = path.join(dir, 'wide.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

test('profiling over two threads gives the one-thread profile, and the rules the same findings from the adopted facts', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallel-profile-'));
  try {
    const data = await ingestFile(writeTable(dir), { threads: 2 });
    const threads = profileThreads(data, 2);
    assert.ok(threads.some((t) => t === 1), `some column is profiled by the worker (threads per column: ${threads.join(', ')})`);
    assert.ok(threads.some((t) => t === 0), 'and some by this thread');

    const parallel = await profileTableInParallel(data, { threads: 2 });
    const parallelReport = runQualityCheck(data, { now: new Date('2026-01-01') }, parallel);
    clearColumnFactsCache();
    const alone = profileTable(data);
    const aloneReport = runQualityCheck(data, { now: new Date('2026-01-01') }, alone);

    assert.deepEqual(parallel, alone);
    assert.deepEqual(parallelReport.findings, aloneReport.findings);
    assert.deepEqual(parallelReport.totals, aloneReport.totals);
    assert.ok(aloneReport.findings.length > 0, 'the table has findings to compare');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('one thread, or a table in memory of its own (not shared), is profiled in this thread alone', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallel-profile-'));
  try {
    const shared = await ingestFile(writeTable(dir), { threads: 2 });
    assert.deepEqual(new Set(profileThreads(shared, 1)), new Set([0]));
    const own = await ingestFile(path.join(dir, 'wide.csv'), { threads: 1 });
    assert.deepEqual(new Set(profileThreads(own, 2)), new Set([0]), 'a one-thread read is not in shared memory');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
