/** The in-memory budget: files over it are refused with a way forward, whatever their format. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { ingestFile } from '../../../src/core/ingest/index';
import { temporaryDirectory } from '../temp-dir';

test('Arrow and CSV files over the memory budget are refused with a clear message, under it they are read', async () => {
  const dir = temporaryDirectory('di-budget-');
  const arrow = path.join(dir, 'data.arrow');
  writeFileSync(arrow, tableToIPC(tableFromArrays({ x: Float64Array.from({ length: 5000 }, (_, i) => i) }), 'file'));
  const csv = path.join(dir, 'data.csv');
  writeFileSync(csv, 'x\n' + Array.from({ length: 5000 }, (_, i) => i).join('\n'));
  for (const file of [arrow, csv]) {
    await assert.rejects(ingestFile(file, { memoryBudgetBytes: 1024 }), /over the in-memory budget of 0 MiB.*profile --streaming/s, file);
    assert.equal((await ingestFile(file, { memoryBudgetBytes: 2 ** 30 })).table.numRows, 5000, file);
  }
});
