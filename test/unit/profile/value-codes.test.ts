/**
 * Value ids per row (profile/facts/value-codes.ts), the grouping key of the dependency and typo rules: against
 * the Map they replace — ids in order of first appearance, one per value, −1 for null — through table growth.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { codesAt, numberCodes, pairCodes, type ValueCodes } from '../../../src/core/profile/facts/value-codes';

/** The plain computation: a Map from value to the next id. */
function byMap<T>(values: ArrayLike<T>, isNull: (v: T) => boolean): ValueCodes {
  const seen = new Map<T, number>();
  const ids = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isNull(v)) ids[i] = -1;
    else {
      let id = seen.get(v);
      if (id === undefined) seen.set(v, (id = seen.size));
      ids[i] = id;
    }
  }
  return { ids, size: seen.size };
}

const numbers = fc.array(fc.oneof(fc.double(), fc.integer({ min: -3, max: 3 }), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 0.1 + 0.2, 0.3)), { maxLength: 300 });

test('numberCodes numbers values as a Map does (−0 as 0, NaN null), in order of first appearance', () => {
  fc.assert(
    fc.property(numbers, (list) => {
      const values = Float64Array.from(list);
      assert.deepEqual(numberCodes(values), byMap(values, Number.isNaN));
    }),
  );
});

test('numberCodes keeps ids through the growth of its table (many distinct values, in a subarray)', () => {
  const buffer = new Float64Array(120_001);
  for (let i = 0; i < buffer.length; i++) buffer[i] = i % 3 === 0 ? NaN : (i * 7919) % 50_021 / 7;
  const values = buffer.subarray(1);
  const codes = numberCodes(values);
  assert.deepEqual(codes, byMap(values, Number.isNaN));
  assert.ok(codes.size > 40_000);
});

test('pairCodes numbers pairs of ids (−1 where either is null); codesAt renumbers a sample densely', () => {
  const a = numberCodes(Float64Array.from([1, 1, 2, NaN, 2, 1, 3]));
  const b = numberCodes(Float64Array.from([5, 6, 5, 5, NaN, 5, 6]));
  assert.deepEqual(pairCodes(a, b), { ids: Int32Array.from([0, 1, 2, -1, -1, 0, 3]), size: 4 });
  assert.deepEqual(codesAt(a, Int32Array.from([6, 3, 0, 5, 2])), { ids: Int32Array.from([0, -1, 1, 1, 2]), size: 3 });
});
