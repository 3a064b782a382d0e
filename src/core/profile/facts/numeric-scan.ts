/** The one pass over a column's numbers: Welford moments, whether they are in order, and their distinct values while few. */
import { kernelRanges } from './kernels';
import { FEW_DISTINCT, fewSlot } from './sort-finite';

/** What {@link ColumnFacts} learns in its one pass over a column's numbers. */
export interface NumericScan {
  stats: FiniteStats;
  /** Finite values in sort order (−0 before 0), and strictly increasing. */
  ordered: boolean;
  strictly: boolean;
  /** Distinct finite values counted in `table`, −1 when there were too many (then no table). */
  few: number;
  table: Uint32Array | undefined;
}

export interface ScanState {
  n: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
  nonFinite: number;
  previous: number;
  ordered: boolean;
  strictly: boolean;
  few: number;
}

/**
 * The scan of rows start..end: Welford over the finite numbers in row order (non-null non-finite ones
 * counted apart), their order, and (while `few` ≥ 0) their count per distinct value in the table.
 */
export function scanRange(s: ScanState, kinds: Set<number>, numbers: Float64Array, mask: Uint8Array, table: Uint32Array | undefined, start: number, end: number): void {
  let { n, mean, m2, min, max, previous, ordered, strictly, few } = s;
  const words = new Uint32Array(numbers.buffer, numbers.byteOffset + 8 * start, 2 * (end - start));
  for (let r = start; r < end; r++) {
    const x = numbers[r];
    if (x - x !== 0) {
      if (!mask[r]) {
        s.nonFinite++;
        kinds.add(x);
      }
      continue;
    }
    n++;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
    if (x < min) min = x;
    if (x > max) max = x;
    if (ordered && x <= previous) {
      if (x < previous || (x === 0 && Object.is(x, -0) && !Object.is(previous, -0))) ordered = false;
      else strictly = false;
    }
    previous = x;
    if (few >= 0 && table) {
      const lo = words[2 * (r - start)];
      const hi = words[2 * (r - start) + 1];
      const at = 3 * fewSlot(table, lo, hi);
      if (table[at + 2] === 0) {
        if (few === FEW_DISTINCT) {
          few = -1;
          continue;
        }
        few++;
        table[at] = lo;
        table[at + 1] = hi;
      }
      table[at + 2]++;
    }
  }
  s.n = n;
  s.mean = mean;
  s.m2 = m2;
  s.min = min;
  s.max = max;
  s.previous = previous;
  s.ordered = ordered;
  s.strictly = strictly;
  s.few = few;
}

/** Moments of a column's finite numbers, accumulated in row order (see {@link ColumnFacts.finiteStats}). */
export interface FiniteStats {
  /** Finite values. */
  n: number;
  mean: number;
  /** Sum of squared deviations (Welford): the sample variance is m2 / (n − 1). */
  m2: number;
  min: number;
  max: number;
  /** Non-null NaN and ±Infinity values, and how many distinct ones of those. */
  nonFinite: number;
  nonFiniteKinds: number;
}

/** {@link FiniteStats} of numbers (NaN where `mask` says null). */
export function computeFiniteStats(numbers: Float64Array, mask: Uint8Array): FiniteStats {
  // The column scan without its distinct-value table: the same moments, accumulated in the same order.
  const s: ScanState = { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, nonFinite: 0, previous: -Infinity, ordered: true, strictly: true, few: -1 };
  const kinds = new Set<number>();
  for (const [start, end] of kernelRanges(0, numbers.length)) scanRange(s, kinds, numbers, mask, undefined, start, end);
  return { n: s.n, mean: s.mean, m2: s.m2, min: s.min, max: s.max, nonFinite: s.nonFinite, nonFiniteKinds: kinds.size };
}
