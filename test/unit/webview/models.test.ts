/** Pure parts of the panels: formatting, finding filters, histogram bars, training-event folding. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { formatDuration, formatNumber, formatPercent, formatStatistic } from '../../../webview-ui/shared/format';
import { filterFindings, histogramBars } from '../../../webview-ui/report/model';
import { applyEvent, lossSeries, newRun } from '../../../webview-ui/training/model';
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
  const run = newRun({ runId: 'r1', label: 'as is', fileName: 'a.csv', target: 'y', features: [], optimizer: 'adam', learningRate: 0.05, epochs: 3, batchSize: 32, startedAt: 0 });
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
});
