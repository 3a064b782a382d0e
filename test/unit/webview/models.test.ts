/** Pure parts of the panels: formatting, finding filters, histogram bars, training-event folding. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { formatDuration, formatNumber, formatPercent, formatStatistic } from '../../../webview-ui/shared/format';
import { filterFindings, histogramBars } from '../../../webview-ui/report/model';
import { applyEvent, lossSeries, newRun, runProgress } from '../../../webview-ui/training/model';
import { isReplayedEvent } from '../../../src/shared/protocol/training';
import type { TrainingEvent } from '../../../src/core/train/types';
import type { Finding } from '../../../src/core/quality/finding';
import type { ColumnProfile } from '../../../src/core/profile/types';

test('numbers, shares, dates and durations read as a person expects', () => {
  assert.equal(formatNumber(1234567), '1,234,567');
  assert.equal(formatNumber(0.123456), '0.1235');
  assert.equal(formatNumber(3e-7), '3.00e-7');
  assert.equal(formatNumber(null), '—');
  assert.equal(formatNumber(Infinity), 'Infinity');
  assert.equal(formatPercent(0), '0%');
  assert.equal(formatPercent(0.0004), '<0.1%');
  assert.equal(formatPercent(0.0512), '5.1%');
  assert.equal(formatPercent(0.5), '50%');
  assert.equal(formatStatistic(Date.UTC(2024, 1, 29), 'date'), '2024-02-29');
  assert.equal(formatDuration(250), '250 ms');
  assert.equal(formatDuration(75_000), '1 min 15 s');
});

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'outlier', dimension: 'accuracy', severity: 'warning', row: 3, column: 'price', columnIndex: 1,
  range: { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } }, message: 'Value 9e9 is far from the rest', ...over,
});

test('the findings filter combines severity, rule, column and text', () => {
  const all = { severity: 'all', rule: 'all', column: 'all', text: '' };
  assert.ok(filterFindings(finding({}), all));
  assert.ok(!filterFindings(finding({}), { ...all, severity: 'error' }));
  assert.ok(!filterFindings(finding({}), { ...all, rule: 'whitespace' }));
  assert.ok(!filterFindings(finding({}), { ...all, column: 'city' }));
  assert.ok(filterFindings(finding({}), { ...all, text: 'FAR' }));
  assert.ok(!filterFindings(finding({}), { ...all, text: 'missing' }));
});

test('histogram bars put outliers in their own buckets at both ends', () => {
  const column = {
    histogram: [{ lower: 0, upper: 10, count: 5 }, { lower: 10, upper: 20, count: 7 }],
    lowOutliers: 1,
    highOutliers: 2,
  } as ColumnProfile;
  const bars = histogramBars(column, String)!;
  assert.deepEqual(bars.counts, [1, 5, 7, 2]);
  assert.deepEqual(bars.outlier, [true, false, false, true]);
  assert.deepEqual(bars.labels, ['< 0', '0 – 10', '10 – 20', '> 20']);
  assert.equal(histogramBars({ ...column, histogram: null }, String), undefined);
});

test('training events fold into run state; log-scale series drop non-positive losses', () => {
  const run = newRun({ runId: 'r1', label: 'as is', fileName: 'a.csv', fileUri: 'file:///a.csv', target: 'y', features: [], optimizer: 'adam', learningRate: 0.05, epochs: 3, batchSize: 32, startedAt: 0 });
  applyEvent(run, { type: 'backend', backend: 'wasm', detail: 'tfjs-node is not installed' });
  applyEvent(run, { type: 'epoch', epoch: 1, trainLoss: 2, validationLoss: 2.5, elapsedMs: 10 });
  applyEvent(run, { type: 'epoch', epoch: 1, trainLoss: 2, validationLoss: 2.5, elapsedMs: 10 });
  applyEvent(run, { type: 'epoch', epoch: 2, trainLoss: 0, validationLoss: null, elapsedMs: 20 });
  applyEvent(run, { type: 'diverged', epoch: 3, advice: 'lower the learning rate' });
  assert.equal(run.backend, 'wasm');
  assert.equal(run.points.length, 2, 'a replayed epoch is not drawn twice');
  assert.equal(run.elapsedMs, 20);
  assert.match(run.messages.join(' '), /lower the learning rate/);
  assert.deepEqual(lossSeries(run.points, 'trainLoss', false), [{ x: 1, y: 2 }, { x: 2, y: 0 }]);
  assert.deepEqual(lossSeries(run.points, 'trainLoss', true), [{ x: 1, y: 2 }]);
  assert.deepEqual(lossSeries(run.points, 'validationLoss', false), [{ x: 1, y: 2.5 }]);
  applyEvent(run, { type: 'error', message: 'boom' });
  assert.equal(run.status, 'failed');
  const stopped = newRun({ runId: 'r3', label: 'run', fileName: 'a.csv', fileUri: 'file:///a.csv', target: 'y', features: [], optimizer: 'adam', learningRate: 0.05, epochs: 3, batchSize: 32, startedAt: 0 });
  applyEvent(stopped, { type: 'error', message: 'Training was cancelled.', cancelled: true });
  assert.equal(stopped.status, 'stopped', 'a run stopped on request is not a failure');
});

test('in-epoch loss points: drawn at fractional epochs before the first epoch ends, replaced by the epoch point', () => {
  const run = newRun({ runId: 'r2', label: 'run', fileName: 'a.csv', fileUri: 'file:///a.csv', target: 'y', features: [], optimizer: 'adam', learningRate: 0.05, epochs: 4, batchSize: 'auto', startedAt: 0 });
  applyEvent(run, { type: 'progress', epoch: 1, batch: 1, batchesPerEpoch: 4, trainLoss: 9 });
  assert.deepEqual(lossSeries(run.points, 'trainLoss', false, run.partialPoints), [{ x: 0.25, y: 9 }], 'the first point is on the chart after one batch');
  assert.deepEqual(lossSeries(run.points, 'validationLoss', false, run.partialPoints), []);
  assert.equal(runProgress(run), 0.25 / 4);
  applyEvent(run, { type: 'progress', epoch: 1, batch: 3, batchesPerEpoch: 4, trainLoss: 5 });
  applyEvent(run, { type: 'epoch', epoch: 1, trainLoss: 4, validationLoss: 4.5, elapsedMs: 10 });
  applyEvent(run, { type: 'progress', epoch: 2, batch: 2, batchesPerEpoch: 4, trainLoss: 2 });
  applyEvent(run, { type: 'progress', epoch: 1, batch: 2, batchesPerEpoch: 4, trainLoss: 7 }); // late: its epoch is drawn
  assert.deepEqual(lossSeries(run.points, 'trainLoss', false, run.partialPoints), [{ x: 1, y: 4 }, { x: 1.5, y: 2 }]);
  assert.deepEqual(lossSeries(run.points, 'trainLoss', true, [{ x: 1.7, trainLoss: 0 }]), [{ x: 1, y: 4 }], 'log scale drops non-positive running losses too');
  applyEvent(run, { type: 'epoch', epoch: 2, trainLoss: 1.5, validationLoss: 1.6, elapsedMs: 20 });
  assert.deepEqual(run.partialPoints, []);
  for (let b = 1; b <= 1000; b++) applyEvent(run, { type: 'progress', epoch: 3, batch: b, batchesPerEpoch: 2000, trainLoss: 1 });
  const partial = run.partialPoints as { x: number; trainLoss: number }[];
  assert.ok(partial.length <= 200, 'long epochs keep a bounded number of running points');
  assert.equal(partial.at(-1)?.x, 2.5, 'the newest running point is kept');
});

test('cross-validation folds: progress by fold, one message per finished fold; transient events are not replayed', () => {
  const run = newRun({ runId: 'r3', label: 'run', fileName: 'a.csv', fileUri: 'file:///a.csv', target: 'y', features: [], optimizer: 'adam', learningRate: 0.05, epochs: 10, batchSize: 1024, startedAt: 0 });
  applyEvent(run, { type: 'epoch', epoch: 10, trainLoss: 1, validationLoss: null, elapsedMs: 10 });
  applyEvent(run, { type: 'fold', fold: 1, folds: 4, epoch: 0, epochs: 10 });
  assert.equal(runProgress(run), 0);
  applyEvent(run, { type: 'fold', fold: 2, folds: 4, epoch: 5, epochs: 10 });
  assert.equal(runProgress(run), 1.5 / 4);
  const end: TrainingEvent = { type: 'fold', fold: 2, folds: 4, epoch: 8, epochs: 10, metrics: [{ name: 'r2', value: 0.71234 }, { name: 'mse', value: 12.5 }] };
  applyEvent(run, end);
  applyEvent(run, end);
  assert.deepEqual(run.messages, ['Cross-validation fold 2/4: r2 0.7123, mse 12.5']);
  assert.equal(isReplayedEvent(end), true);
  assert.equal(isReplayedEvent({ type: 'fold', fold: 2, folds: 4, epoch: 0, epochs: 10 }), true);
  assert.equal(isReplayedEvent({ type: 'fold', fold: 2, folds: 4, epoch: 5, epochs: 10 }), false);
  assert.equal(isReplayedEvent({ type: 'progress', epoch: 1, batch: 1, batchesPerEpoch: 4, trainLoss: 1 }), false);
  assert.equal(isReplayedEvent({ type: 'epoch', epoch: 1, trainLoss: 1, validationLoss: null, elapsedMs: 1 }), true);
});
