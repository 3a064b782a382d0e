import { defineRule } from '../rule';
import { isNumeric, looksLikeIdentifier, numericColumn, quantile, sortedColumn } from '../column-values';

/** Values tools and people write for "unknown", and the maxima of integer types (truncated values). */
export const SENTINELS = [-999, -9999, -99999, -99, 999, 9999, 99999, 999999, 9999999, 32767, 65535, 2097152, 2147483647, 4294967295, 2 ** 63 - 1];  // the last: Int64's maximum as a double

/** Index of the first value ≥ x in a sorted array. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
column of thousands is not flagged).

**Fix**: replace the sentinel with an empty cell.`,
  check({ data, report }) {
    data.columns.forEach((column, c) => {
      if (!isNumeric(column) || looksLikeIdentifier(column.name)) return;
      // Sentinels are finite: the sorted finite values say (by binary search) whether any occurs at all.
      const sorted = sortedColumn(data, c);
      const sentinels = new Set(SENTINELS.filter((s) => sorted[lowerBound(sorted, s)] === s));
      if (sentinels.size === 0) return;
      const values = numericColumn(data, c);
      const hits: number[] = [];
      for (let r = 0; r < values.length; r++) if (sentinels.has(values[r])) hits.push(r);
      const others = sorted.filter((v) => !sentinels.has(v));
      if (others.length < 5) return;
      const low = quantile(others, 0.01);
      const high = quantile(others, 0.99);
      const spread = Math.max(high - low, Math.abs(high), 1e-9);
      for (const r of hits) {
        const v = values[r];
        const outside = v < low - 0.5 * spread || v > high + 0.5 * spread || (v < 0 && low >= 0);
        if (!outside) continue;
        report({ row: r, columnIndex: c, value: String(v), evidence: { low, high }, message: `${v} in column "${column.name}" looks like a placeholder for a missing value (the other values lie between ${Number(low.toPrecision(6))} and ${Number(high.toPrecision(6))}).` });
      }
    });
  },
});
