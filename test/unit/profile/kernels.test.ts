/**
 * The ranges range kernels are called on (profile/facts/kernels.ts): every row once, in order, a short first
 * range, then ranges of the given length; a row left out or counted twice would change every column fact.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { FIRST_KERNEL_ROWS, KERNEL_ROWS, kernelRanges } from '../../../src/core/profile/facts/kernels';

test('kernelRanges covers from..to once, in order: a short first range, then ranges of `rows` rows', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 200_000 }), fc.constantFrom(undefined, 1, 7, 4096), (from, length, rows) => {
      const to = from + length;
      const ranges = kernelRanges(from, to, rows);
      let at = from;
      for (const [start, end] of ranges) {
        assert.equal(start, at);
        assert.ok(end > start);
        at = end;
      }
      assert.equal(at, length === 0 ? from : to);
      if (ranges.length > 0) assert.ok(ranges[0][1] - ranges[0][0] <= FIRST_KERNEL_ROWS);
      for (const [start, end] of ranges.slice(1, -1)) assert.equal(end - start, rows ?? KERNEL_ROWS);
    }),
  );
});

test('kernelRanges: nothing for an empty range; one short range for a few rows', () => {
  assert.deepEqual(kernelRanges(5, 5), []);
  assert.deepEqual(kernelRanges(0, 10), [[0, 10]]);
  assert.deepEqual(kernelRanges(10, 10 + FIRST_KERNEL_ROWS + KERNEL_ROWS + 1), [
    [10, 10 + FIRST_KERNEL_ROWS],
    [10 + FIRST_KERNEL_ROWS, 10 + FIRST_KERNEL_ROWS + KERNEL_ROWS],
    [10 + FIRST_KERNEL_ROWS + KERNEL_ROWS, 10 + FIRST_KERNEL_ROWS + KERNEL_ROWS + 1],
  ]);
});
