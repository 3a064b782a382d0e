/** binomialTail: P(X ≥ m) for X binomial(n, p), the chance the row evidence of typo is weighed by. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { binomialTail } from '../../../src/core/shared/binomial-tail';

test('the binomial tail matches exact sums, at the edges too', () => {
  assert.equal(binomialTail(5, 0, 0.3), 1);
  assert.equal(binomialTail(5, 6, 0.3), 0);
  assert.ok(Math.abs(binomialTail(5, 5, 0.5) - 1 / 32) < 1e-15);
  // P(X ≥ 3) for n = 5, p = 0.2: 10·0.008·0.64 + 5·0.0016·0.8 + 0.00032.
  assert.ok(Math.abs(binomialTail(5, 3, 0.2) - 0.05792) < 1e-12);
  assert.ok(Math.abs(binomialTail(1000, 1, 0.001) - (1 - 0.999 ** 1000)) < 1e-12);
  assert.ok(binomialTail(5, 5, 0.005) < 1e-11, 'five of five nearest rows holding a value of 0.5% of the rows');
});
