import { defineRule } from '../rule';
import { isNumeric, looksLikeIdentifier, memo, numericColumn, sortedColumn, type SortedNumbers } from '../column-values';
import { STRAY_NEGATIVE_SHARE } from '../placeholders';
import type { IngestResult } from '../../table/model';

/** Values tools and people write for "unknown", and the maxima of integer types (truncated values). */
export const SENTINELS = [-999, -9999, -99999, -99, 999, 9999, 99999, 999999, 9999999, 32767, 65535, 2097152, 2147483647, 4294967295, 2 ** 63 - 1];  // the last: Int64's maximum as a double

/** The placeholder that is a sentinel only where no other value is negative. */
const MINUS_ONE = -1;
/** Largest share of a column a placeholder may fill (more is a level of the column, not a stand-in). */
const MAX_PLACEHOLDER_SHARE = 0.05;

/** Index of the first value ≥ x (`above`: > x) in sorted values. */
function lowerBound(sorted: SortedNumbers, x: number, above = false): number {
  return sorted.rank(x, !above);
}

/**
 * The sorted values without some of them, read in place (no copy of the column): its length, and its
 * quantiles as `quantile` (column-values.ts) gives them for the filtered copy.
 */
function withoutValues(sorted: SortedNumbers, values: readonly number[]): { length: number; quantile(q: number): number } {
  // Each left-out value's run of equal values, in sorted order.
  const gaps = values.map((v) => [lowerBound(sorted, v), lowerBound(sorted, v, true)]).sort((x, y) => x[0] - y[0]);
  const length = gaps.reduce((n, [start, end]) => n - (end - start), sorted.length);
  const at = (k: number) => {
    for (const [start, end] of gaps) if (k >= start) k += end - start;
    return sorted.at(k);
  };
  return {
    length,
    quantile(q: number): number {
      if (length === 0) return NaN;
      const pos = (length - 1) * q;
      const lo = Math.floor(pos);
      const hi = Math.ceil(pos);
      return at(lo) + (at(hi) - at(lo)) * (pos - lo);
    },
  };
}

/** A column's placeholder numbers (see the rule's docs): the sentinels outside its other values' range, and -1 where it stands alone below them. */
export interface ColumnPlaceholders {
  /** Sentinel values (SENTINELS) lying outside the range of the column's other values. */
  sentinels: number[];
  /** The other values' 1st and 99th percentiles (the range the sentinels lie outside of). */
  low: number;
  high: number;
  /** Whether -1 is a placeholder here; then the smallest non-negative value. */
  minusOne?: { lowest: number };
  /** Every placeholder value: the sentinels, and -1 where it is one. */
  values: number[];
}

/**
 * The placeholder numbers of numeric column `c` (undefined when it has none): what sentinel-value reports, and
 * what the outlier rule leaves out of the column's tails (a stand-in for "unknown" is no measurement).
 */
export function columnPlaceholders(data: IngestResult, c: number): ColumnPlaceholders | undefined {
  // Asked by both rules of a check: found once per column.
  return memo(data, `placeholders:${c}`, () => findPlaceholders(data, c));
}

function findPlaceholders(data: IngestResult, c: number): ColumnPlaceholders | undefined {
  if (!isNumeric(data.columns[c]) || looksLikeIdentifier(data.columns[c].name)) return undefined;
  // Sentinels are finite: the sorted finite values say (by binary search) whether any occurs at all.
  const sorted = sortedColumn(data, c);
  let minusOne: ColumnPlaceholders['minusOne'];
  const minusOnes = lowerBound(sorted, MINUS_ONE, true) - lowerBound(sorted, MINUS_ONE);
  if (minusOnes > 0) {
    // A sign no other value has: -1 among non-negative values, in a few rows (beside up to 1% of stray
    // negative values, errors of their own: lost minus signs, -999).
    const others = sorted.from(lowerBound(sorted, 0));
    const strays = sorted.length - others.length - minusOnes;
    // Negative values beside -1 (from -2 to -0.5), as many as -1 or more, are a tail crossing zero (winter
    // temperatures) where -1 is one of them; a placeholder repeats more than the strays around it (lost minus
    // signs of small fractions, -0.0003, are not around it).
    const beside = lowerBound(sorted, -0.5, true) - lowerBound(sorted, -2) - minusOnes;
    if (others.length >= 10 && minusOnes > beside && strays <= STRAY_NEGATIVE_SHARE * sorted.length && minusOnes <= MAX_PLACEHOLDER_SHARE * sorted.length) minusOne = { lowest: others.at(0) };
  }
  const present = SENTINELS.filter((s) => sorted.at(lowerBound(sorted, s)) === s);
  let sentinels: number[] = [];
  let [low, high] = [NaN, NaN];
  const others = present.length > 0 ? withoutValues(sorted, present) : undefined;
  if (others && others.length >= 5) {
    [low, high] = [others.quantile(0.01), others.quantile(0.99)];
    const spread = Math.max(high - low, Math.abs(high), 1e-9);
    sentinels = present.filter((v) => v < low - 0.5 * spread || v > high + 0.5 * spread || (v < 0 && low >= 0));
  }
  return minusOne || sentinels.length > 0 ? { sentinels, low, high, minusOne, values: minusOne ? [...sentinels, MINUS_ONE] : sentinels } : undefined;
}

export const sentinelValue = defineRule({
  id: 'sentinel-value',
  title: 'Sentinel value',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A placeholder number such as -999 or 9999, or an integer type\'s maximum (a truncated value), outside the column\'s range.',
  docs: `Legacy systems write -999 or 9999 for "unknown", and values clipped to 32767 or 2³¹−1 betray an
overflowed integer field (frictionless "truncated-value"). A model reads them as real, extreme values.

Reported only when the sentinel lies outside the range of the column's other values (so a real 999 in a
column of thousands is not flagged); -1 when every other value of the column is non-negative (up to 1% of
stray negative values aside: lost minus signs, -999; fewer of them from -2 to -0.5 than -1s: readings that
cross zero, -0.7 or -1.6, make a -1 one of them) and it fills at most 5% of the rows.

**Fix**: replace the sentinel with an empty cell.`,
  check({ data, report }) {
    data.columns.forEach((column, c) => {
      const placeholders = columnPlaceholders(data, c);
      if (!placeholders) return;
      const { sentinels, low, high, minusOne } = placeholders;
      const values = numericColumn(data, c);
      if (minusOne) {
        for (let r = 0; r < values.length; r++) {
          if (values[r] !== MINUS_ONE) continue;
          report({ row: r, columnIndex: c, value: '-1', evidence: { low: minusOne.lowest }, message: `-1 in column "${column.name}" looks like a placeholder for a missing value (the other values are ${Number(minusOne.lowest.toPrecision(6))} or more).` });
        }
      }
      if (sentinels.length === 0) return;
      const reported = new Set(sentinels);
      for (let r = 0; r < values.length; r++) {
        const v = values[r];
        if (!reported.has(v)) continue;
        report({ row: r, columnIndex: c, value: String(v), evidence: { low, high }, message: `${v} in column "${column.name}" looks like a placeholder for a missing value (the other values lie between ${Number(low.toPrecision(6))} and ${Number(high.toPrecision(6))}).` });
      }
    });
  },
});
