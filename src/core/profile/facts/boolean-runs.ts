/**
 * The sorted runs of a boolean column's numbers (0 and 1, NaN where null), counted straight: what the column
 * scan's table of few distinct values would give (ColumnFacts.sortedNumbers), without hashing every row.
 */
import { kernelRanges } from './kernels';
import type { SortedRuns } from './sort-finite';

/** Adds rows i0..i1 to `tally`: [zeros, ones, 1 once a 0 came after a 1]. */
function countRange(numbers: Float64Array, i0: number, i1: number, tally: Int32Array): void {
  let zeros = tally[0];
  let ones = tally[1];
  let disordered = tally[2];
  for (let r = i0; r < i1; r++) {
    const v = numbers[r];
    if (v === 0) {
      zeros++;
      if (ones > 0) disordered = 1;
    } else if (v === 1) ones++;
  }
  tally[0] = zeros;
  tally[1] = ones;
  tally[2] = disordered;
}

/**
 * The runs [0, 1] with their counts, when both values are present and out of order (some 0 after a 1); undefined
 * otherwise (values in order, or one value only, are left to the scan: they take other paths there).
 */
export function booleanRuns(numbers: Float64Array): SortedRuns | undefined {
  const tally = new Int32Array(3);
  for (const [start, end] of kernelRanges(0, numbers.length)) countRange(numbers, start, end, tally);
  const [zeros, ones, disordered] = tally;
  if (!disordered || zeros === 0 || ones === 0) return undefined;
  return { values: Float64Array.of(0, 1), counts: Int32Array.of(zeros, ones) };
}
