import { defineRule } from '../rule';
import { isNumeric, looksLikeIdentifier, numericColumn, quantile, sortedColumn, sortedRuns, strictlyIncreasing } from '../column-values';

/**
 * The k-th smallest (0-based) of the union of two ascending sequences given by accessors, by binary
 * search over how many of the first k + 1 come from `a`.
 */
function kthOfTwo(a: (i: number) => number, na: number, b: (i: number) => number, nb: number, k: number): number {
  let lo = Math.max(0, k + 1 - nb);
  let hi = Math.min(na, k + 1);
  for (;;) {
    const i = (lo + hi) >> 1;
    const j = k + 1 - i;
    if (i < na && j > 0 && b(j - 1) > a(i)) lo = i + 1;
    else if (i > 0 && j < nb && a(i - 1) > b(j)) hi = i - 1;
    else return Math.max(i > 0 ? a(i - 1) : -Infinity, j > 0 ? b(j - 1) : -Infinity);
  }
}

/**
 * Robust scale of a column: median and MAD, on a log scale when every value is positive and the
 * distribution is right-skewed (prices, incomes, counts), so a long tail is not "outliers" wholesale.
 * O(log n) on the sorted values: the (log-)values are read where needed, and the median of the absolute
 * deviations is selected from the two sorted runs left and right of the center instead of sorting them.
 */
export function robustScale(sorted: Float64Array): { log: boolean; center: number; spread: number } | undefined {
  const n = sorted.length;
  if (n < 3) return undefined;
  // Note: sorted must hold finite values only.
  const positive = sorted[0] > 0;
  const median = quantile(sorted, 0.5);
  const skewed = positive && quantile(sorted, 0.9) / median > 2 * (median / quantile(sorted, 0.1));
  const log = positive && (skewed || sorted[n - 1] / sorted[0] > 1000);
  const at = log ? (i: number) => Math.log(sorted[i]) : (i: number) => sorted[i];
  const pos = (n - 1) * 0.5;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const center = at(lo) + (at(hi) - at(lo)) * (pos - lo);
  // |v − center| is center − v left of the first value ≥ center (descending there), v − center from it on.
  let split = 0;
  let right = n;
  while (split < right) {
    const mid = (split + right) >> 1;
    if (at(mid) < center) split = mid + 1;
    else right = mid;
  }
  const left = (i: number) => Math.abs(at(split - 1 - i) - center);
  const rightOf = (i: number) => Math.abs(at(split + i) - center);
  const deviation = (k: number) => kthOfTwo(left, split, rightOf, n - split, k);
  const dLo = deviation(lo);
  const dHi = hi === lo ? dLo : deviation(hi);
  // When half the values are identical (mostly zeros, a default) the MAD is 0: such a column has no
  // robust scale and is left alone rather than flagging every value that differs from the mode.
  const spread = (dLo + (dHi - dLo) * (pos - lo)) / 0.6745;
  return spread > 0 ? { log, center, spread } : undefined;
}

export const outlier = defineRule({
  id: 'outlier',
  title: 'Outlier',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: { threshold: 5, maxFlaggedShare: 0.01, minValues: 20 },
  description: 'A numeric value far from the bulk of its column (robust z-score on the median and MAD).',
  docs: `One value a hundred times too large (a price typed in cents, a unit mix-up, a sensor glitch) can
dominate a linear model's fit and its loss.

The score is \`|x − median| / (1.4826 · MAD)\`, computed on a log scale for positive right-skewed columns
(prices, incomes, counts) so that a genuinely long tail is not flagged. Values scoring above
\`threshold\` are reported; a column where more than \`maxFlaggedShare\` of values would be flagged is
heavy-tailed rather than dirty and is left alone. Identifier-like columns are skipped.

**Fix**: correct the value if it is an error; if it is real, consider a log transform or a robust loss.`,
  check({ data, options, report }) {
    const threshold = options.threshold;
    data.columns.forEach((column, c) => {
      if (!isNumeric(column) || looksLikeIdentifier(column.name)) return;
      const values = numericColumn(data, c);
      if (strictlyIncreasing(values)) return;
      const sorted = sortedColumn(data, c);
      if (sorted.length < options.minValues) return;
      const scale = robustScale(sorted);
      if (!scale) return;
      const { log, center, spread } = scale;
      const score = (v: number) => Math.abs(((log ? (v > 0 ? Math.log(v) : -Infinity) : v) - center) / spread);
      // Each distinct value is scored once (−0 and 0, one run, score alike); rows are then flagged by value.
      const runs = sortedRuns(data, c);
      const flaggedValues = new Set<number>();
      let flaggedRows = 0;
      for (let k = 0; k < runs.values.length; k++) {
        if (score(runs.values[k]) > threshold) {
          flaggedValues.add(runs.values[k]);
          flaggedRows += runs.counts[k];
        }
      }
      if (flaggedRows === 0 || flaggedRows > sorted.length * options.maxFlaggedShare + 1) return;
      const flagged: number[] = [];
      for (let r = 0; r < values.length; r++) if (values[r] - values[r] === 0 && flaggedValues.has(values[r])) flagged.push(r);
      const median = quantile(sorted, 0.5);
      for (const r of flagged) {
        const value = String(values[r]);
        const robustScore = score(values[r]);
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { median, robustScore, logScale: log },
          message: `${value} is an outlier in column "${column.name}" (median ${Number(median.toPrecision(6))}, robust score ${robustScore.toFixed(1)}${log ? ' on a log scale' : ''}).`,
        });
      }
    });
  },
});
