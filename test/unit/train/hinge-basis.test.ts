/**
 * The hinge basis of suspect labels' out-of-fold model: knots at training quantiles of continuous inputs
 * only, hinges max(0, x − knot) appended to any rows, and a linear fit on them following a bend that a
 * straight line misses.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expandHinges, learnHingeBasis } from '../../../src/core/train/hinge-basis';
import { fitRidge, fitSoftmax, predictRidge, predictSoftmax } from '../../../src/core/train/plain-fit';

/** Row-major rows × columns from columns. */
function matrix(...columns: number[][]): Float64Array {
  const rows = columns[0].length;
  const out = new Float64Array(rows * columns.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns.length; j++) out[i * columns.length + j] = columns[j][i];
  return out;
}

test('knots sit at the quintiles of a continuous input; indicators and inputs with few levels get none', () => {
  const continuous = Array.from({ length: 101 }, (_, i) => i);
  const indicator = continuous.map((v) => v % 2);
  const levels = continuous.map((v) => v % 4); // four levels: no more than knots + 1 distinct values
  const basis = learnHingeBasis(matrix(indicator, continuous, levels), 101, 3, 4);
  assert.deepEqual(basis, { inputs: 3, hinges: [20, 40, 60, 80].map((at) => ({ input: 1, at })) });
});

test('tied values give each knot once and none at the maximum', () => {
  // Mostly zeros (a skewed count): the lower quintiles coincide.
  const skewed = Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : i - 69));
  const basis = learnHingeBasis(matrix(skewed), 100, 1, 4);
  assert.deepEqual(basis.hinges.map((h) => h.at), [0, 10]);
  const atMax = learnHingeBasis(matrix(Array.from({ length: 100 }, (_, i) => (i < 10 ? i : 50))), 100, 1, 4);
  assert.ok(atMax.hinges.every((h) => h.at < 50), 'no hinge that is zero on every row');
});

test('expandHinges keeps the inputs and appends max(0, x − knot) for rows the knots were not learned on', () => {
  const basis = { inputs: 2, hinges: [{ input: 1, at: 1 }, { input: 1, at: 3 }] };
  const out = expandHinges(matrix([7, 8, 9], [0, 2, 5]), 3, basis);
  assert.deepEqual(Array.from(out), [7, 0, 0, 0, 8, 2, 1, 0, 9, 5, 4, 2]);
  assert.deepEqual(Array.from(expandHinges(matrix([1], [2]), 1, { inputs: 2, hinges: [] })), [1, 2], 'no hinges: the inputs as they are');
});

test('a fit on the hinges follows a bend: a value that saturates, a class that holds only in a middle band', () => {
  const n = 300;
  const x = Array.from({ length: n }, (_, i) => (i / (n - 1)) * 4 - 2);
  const saturating = x.map((v) => Math.min(v, 0));
  const band = x.map((v): number => (Math.abs(v) < 0.8 ? 1 : 0));
  const plain = matrix(x);
  const basis = learnHingeBasis(plain, n, 1);
  const expanded = expandHinges(plain, n, basis);
  const width = 1 + basis.hinges.length;
  const meanSquaredError = (predicted: Float64Array) => predicted.reduce((s, p, i) => s + (p - saturating[i]) ** 2, 0) / n;
  const straight = meanSquaredError(predictRidge(plain, n, 1, fitRidge(plain, saturating, n, 1, 0)));
  const bent = meanSquaredError(predictRidge(expanded, n, width, fitRidge(expanded, saturating, n, width, 0)));
  assert.ok(bent < straight / 10, `mean squared error ${bent} with hinges, ${straight} without`);
  const accuracy = (p: Float64Array) => band.reduce((s, label, i) => s + ((p[2 * i + 1] > 0.5 ? 1 : 0) === label ? 1 : 0), 0) / n;
  const straightAccuracy = accuracy(predictSoftmax(plain, n, 1, 2, fitSoftmax(plain, band, n, 1, 2)));
  const bentAccuracy = accuracy(predictSoftmax(expanded, n, width, 2, fitSoftmax(expanded, band, n, width, 2, { iterations: 2000 })));
  assert.ok(straightAccuracy < 0.7 && bentAccuracy > 0.9, `accuracy ${bentAccuracy} with hinges, ${straightAccuracy} without`);
});
