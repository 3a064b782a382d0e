/** The radix argsort orders like a comparison sort (stable, missing last in both directions). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MISSING_RANK, argsortNumbers, argsortRanks, rankTexts } from '../../../src/core/table-session/argsort';

function reference(keys: number[], desc: boolean): number[] {
  return keys
    .map((k, i) => ({ k, i }))
    .sort((a, b) => {
      const am = Number.isNaN(a.k);
      const bm = Number.isNaN(b.k);
      if (am || bm) return am === bm ? a.i - b.i : am ? 1 : -1;
      const c = a.k === b.k ? 0 : a.k < b.k ? -1 : 1;
      return (desc ? -c : c) || a.i - b.i;
    })
    .map((x) => x.i);
}

test('numbers: negatives, zeros, infinities and NaN (last) in both directions, ties in row order', () => {
  const keys = [3, -1, NaN, 0, -0, 2.5, -Infinity, Infinity, 3, -1e-300, 1e300, NaN, -7];
  for (const desc of [false, true]) {
    assert.deepEqual(Array.from(argsortNumbers(Float64Array.from(keys), desc ? 'desc' : 'asc')), reference(keys, desc), desc ? 'desc' : 'asc');
  }
});

test('numbers: agrees with a comparison sort on random doubles and integers', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.double(), fc.integer({ min: -5, max: 5 }), fc.constant(NaN)), { maxLength: 300 }), fc.boolean(), (keys, desc) => {
      assert.deepEqual(Array.from(argsortNumbers(Float64Array.from(keys), desc ? 'desc' : 'asc')), reference(keys, desc));
    }),
    { numRuns: 200 },
  );
});

test('one million integer keys sort correctly (passes whose digit never changes are skipped)', () => {
  const n = 1_000_000;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (i * 7919) % 10007;
  const order = argsortNumbers(keys, 'asc');
  for (let i = 1; i < n; i++) {
    const a = keys[order[i - 1]];
    const b = keys[order[i]];
    assert.ok(a < b || (a === b && order[i - 1] < order[i]), `position ${i}`);
  }
});

test('text ranks: equal texts share a rank, missing texts sort last either way', () => {
  const distinct = ['pear', 'Apple', 'apple', 'banana'];
  const ids = Uint32Array.from([0, 3, MISSING_RANK, 2, 1, 0]);
  const ranks = rankTexts(ids, distinct);
  assert.deepEqual(Array.from(argsortRanks(ranks, 'asc')), [4, 3, 1, 0, 5, 2]);
  assert.deepEqual(Array.from(argsortRanks(ranks, 'desc')), [0, 5, 1, 3, 4, 2]);
});
