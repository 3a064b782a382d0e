/** The default batch size 'auto' and the batch-size helpers the pickers and the CLI use. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUTO_BATCH_MAX, AUTO_BATCH_MIN, DEFAULT_TRAINING, autoBatchSize, describeBatchSize, effectiveBatchSize, parseBatchSize } from '../../../src/core/train/defaults';
import { validateConfig } from '../../../src/core/train/prepare';
import { config } from './helpers';

test("the default batch size is 'auto': 1,024 up to 262,144 training rows, then 128–256 steps per epoch, at most 8,192", () => {
  assert.equal(DEFAULT_TRAINING.batchSize, 'auto');
  assert.equal(autoBatchSize(500), AUTO_BATCH_MIN);
  assert.equal(autoBatchSize(70_000), 1024);
  assert.equal(autoBatchSize(262_144), 1024);
  assert.equal(autoBatchSize(262_145), 2048);
  assert.equal(autoBatchSize(700_000), 4096, '1M rows with the default 70% training split');
  assert.equal(autoBatchSize(900_000), 4096, 'the 1M × 10 bench (90% training)');
  assert.equal(autoBatchSize(2_000_000), 8192);
  assert.equal(autoBatchSize(50_000_000), AUTO_BATCH_MAX);
  for (const rows of [262_145, 400_000, 700_000, 1_000_000, 2_097_152]) {
    const steps = rows / autoBatchSize(rows);
    assert.ok(steps > 128 && steps <= 256, `${rows} rows: ${steps} steps per epoch`);
  }
});

test('effective batch size: auto resolved, capped at the training split, at least 1', () => {
  assert.equal(effectiveBatchSize('auto', 900_000), 4096);
  assert.equal(effectiveBatchSize('auto', 300), 300, 'small sets train full-batch');
  assert.equal(effectiveBatchSize(512, 900_000), 512, 'an explicit size is kept');
  assert.equal(effectiveBatchSize(100_000, 800), 800);
  assert.equal(effectiveBatchSize(0, 800), 1);
  assert.equal(describeBatchSize('auto', 900_000), 'auto (4096)');
  assert.equal(describeBatchSize('auto'), 'auto');
  assert.equal(describeBatchSize(256, 900_000), '256');
});

test('batch sizes typed by people: "auto" or a whole number ≥ 1; validation accepts the same', () => {
  assert.equal(parseBatchSize(' Auto '), 'auto');
  assert.equal(parseBatchSize('2048'), 2048);
  for (const bad of ['', '0', '-5', '1.5', 'big', 'NaN']) assert.equal(parseBatchSize(bad), undefined, bad);
  assert.doesNotThrow(() => validateConfig(config('y', { batchSize: 'auto' })));
  assert.throws(() => validateConfig(config('y', { batchSize: 0 })), /the batch size must be a whole number ≥ 1 or "auto" \(got 0\)/);
});
