/** Metrics against hand-computed values (the scikit-learn documentation examples) and the coefficient back-transform. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classificationMetrics, confusionMatrix, meanStd, originalScaleCoefficients, regressionMetrics, rocCurve } from '../../../src/core/train/metrics';

const near = (a: number | undefined, b: number, eps = 1e-12) => assert.ok(a !== undefined && Math.abs(a - b) <= eps, `${a} ≈ ${b}`);

test('regression metrics: MSE, RMSE, MAE, R²', () => {
  const m = regressionMetrics([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]);
  near(m.mse, 0.375);
  near(m.rmse, Math.sqrt(0.375));
  near(m.mae, 0.5);
  // 1 − SSres/SStot = 1 − 1.5 / 29.1875
  near(m.r2, 1 - 1.5 / 29.1875);
  near(m.r2, 0.9486081370449679);
  assert.equal(regressionMetrics([1, 2, 3], [1, 2, 3]).r2, 1);
  assert.equal(regressionMetrics([5, 5], [5, 5]).r2, 1, 'perfect fit of a constant');
  assert.equal(regressionMetrics([5, 5], [4, 6]).r2, 0, 'imperfect fit of a constant');
  assert.ok(Number.isNaN(regressionMetrics([], []).mse));
});

test('binary classification: accuracy, precision/recall/F1 of the positive class, confusion', () => {
  const m = classificationMetrics([0, 1, 1, 0, 1, 1], [0, 1, 0, 0, 1, 1], ['no', 'yes']);
  assert.deepEqual(m.confusion, [
    [2, 0],
    [1, 3],
  ]);
  near(m.accuracy, 5 / 6);
  near(m.precision, 1);
  near(m.recall, 0.75);
  near(m.f1, (2 * 0.75) / 1.75);
  assert.equal(m.rocAuc, undefined, 'no scores, no ROC');
  const none = classificationMetrics([0, 1, 1], [0, 0, 0], ['a', 'b']);
  assert.equal(none.precision, 0, 'a never-predicted positive class has precision 0');
  assert.equal(none.f1, 0);
});

test('multiclass: macro averages (mean of per-class F1), confusion matrix', () => {
  const m = classificationMetrics([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], ['a', 'b', 'c']);
  assert.deepEqual(m.confusion, [
    [2, 0, 0],
    [1, 0, 1],
    [0, 2, 0],
  ]);
  near(m.accuracy, 2 / 6);
  near(m.precision, (2 / 3 + 0 + 0) / 3);
  near(m.recall, (1 + 0 + 0) / 3);
  near(m.f1, (0.8 + 0 + 0) / 3);
  near(m.f1, 0.26666666666666666);
  assert.deepEqual(confusionMatrix([1, 1], [0, 1], 3), [
    [0, 0, 0],
    [1, 1, 0],
    [0, 0, 0],
  ]);
});

test('ROC curve and AUC, with ties counted one half', () => {
  const roc = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
  assert.deepEqual(roc.fpr, [0, 0, 0.5, 0.5, 1]);
  assert.deepEqual(roc.tpr, [0, 0.5, 0.5, 1, 1]);
  near(roc.auc, 0.75);
  near(rocCurve([0, 1], [0.5, 0.5]).auc, 0.5);
  near(rocCurve([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4]).auc, 1);
  near(rocCurve([0, 0, 1, 1], [0.4, 0.3, 0.2, 0.1]).auc, 0);
  assert.ok(Number.isNaN(rocCurve([1, 1], [0.2, 0.3]).auc), 'undefined with one class');
  // Thinned to at most maxPoints, keeping both ends.
  const many = rocCurve(Array.from({ length: 5000 }, (_, i) => i % 2), Array.from({ length: 5000 }, (_, i) => Math.sin(i)), 100);
  assert.ok(many.fpr.length <= 100);
  assert.deepEqual([many.fpr[0], many.tpr[0], many.fpr.at(-1), many.tpr.at(-1)], [0, 0, 1, 1]);
  const m = classificationMetrics([0, 0, 1, 1], [0, 1, 0, 1], ['n', 'p'], [0.1, 0.4, 0.35, 0.8]);
  near(m.rocAuc, 0.75);
  assert.equal(m.roc?.fpr.length, 5);
});

test('mean and sample standard deviation', () => {
  const { mean, std } = meanStd([2, 4, 4, 4, 5, 5, 7, 9]);
  near(mean, 5);
  near(std, Math.sqrt(32 / 7));
  assert.deepEqual(meanStd([3]), { mean: 3, std: 0 });
});

test('coefficients map back to the original scale (undo standardization, intercept adjusted)', () => {
  // Standardized inputs z = (x − center) / scale, standardized target: y = 100 + 10 · (0.5 + 1·z1 + 3·z2).
  const coefficients = originalScaleCoefficients({
    task: 'regression',
    inputNames: ['a', 'b'],
    weights: [1, 3],
    bias: [0.5],
    center: [10, 0],
    scale: [2, 1],
    targetCenter: 100,
    targetScale: 10,
  });
  assert.deepEqual(
    coefficients.map((c) => [c.name, c.value]),
    [
      ['(intercept)', 55],
      ['a', 5],
      ['b', 30],
    ],
  );
  // Same prediction both ways for x = (14, 1): 100 + 10 · (0.5 + 2 + 3) = 155.
  near(55 + 5 * 14 + 30 * 1, 155);
  // Multiclass: one block per class; the target scale does not apply to logits.
  const multi = originalScaleCoefficients({
    task: 'multiclass-classification',
    inputNames: ['a'],
    classes: ['x', 'y'],
    weights: [2, -4],
    bias: [1, 0],
    center: [3],
    scale: [2],
    targetCenter: 0,
    targetScale: 1,
  });
  assert.deepEqual(
    multi.map((c) => [c.class, c.name, c.value]),
    [
      ['x', '(intercept)', 1 - 3],
      ['x', 'a', 1],
      ['y', '(intercept)', 6],
      ['y', 'a', -2],
    ],
  );
});
