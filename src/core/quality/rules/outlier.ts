import { defineRule } from '../rule';
import { isNumeric, looksLikeIdentifier, numericColumn, quantile, sortedFinite, strictlyIncreasing } from '../column-values';

/**
 * Robust scale of a column: median and MAD, on a log scale when every value is positive and the
 * distribution is right-skewed (prices, incomes, counts), so a long tail is not "outliers" wholesale.
 */
export function robustScale(sorted: Float64Array): { log: boolean; center: number; spread: number } | undefined {
  if (sorted.length < 3) return undefined;
  // Note: sorted must hold finite values only.
  const positive = sorted[0] > 0;
  const median = quantile(sorted, 0.5);
  const skewed = positive && quantile(sorted, 0.9) / median > 2 * (median / quantile(sorted, 0.1));
  const log = positive && (skewed || sorted[sorted.length - 1] / sorted[0] > 1000);
  const transformed = log ? sorted.map(Math.log) : sorted;
  const center = quantile(transformed, 0.5);
  const deviations = transformed.map((v) => Math.abs(v - center)).sort();
  // When half the values are identical (mostly zeros, a default) the MAD is 0: such a column has no
  // robust scale and is left alone rather than flagging every value that differs from the mode.
  const spread = quantile(deviations, 0.5) / 0.6745;
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
    data.columns.forEach((column, c) => {
      if (!isNumeric(column) || looksLikeIdentifier(column.name)) return;
      const values = numericColumn(data, c);
      const sorted = sortedFinite(values);
      if (sorted.length < (options.minValues as number) || strictlyIncreasing(values)) return;
      const scale = robustScale(sorted);
      if (!scale) return;
      const score = (v: number) => Math.abs(((scale.log ? (v > 0 ? Math.log(v) : -Infinity) : v) - scale.center) / scale.spread);
      const flagged: number[] = [];
      for (let r = 0; r < values.length; r++) if (Number.isFinite(values[r]) && score(values[r]) > (options.threshold as number)) flagged.push(r);
      if (flagged.length === 0 || flagged.length > sorted.length * (options.maxFlaggedShare as number) + 1) return;
      const median = quantile(sorted, 0.5);
      for (const r of flagged) {
        report({
          row: r,
          columnIndex: c,
          range: () => data.source.cellRange(r, c),
          message: `${values[r]} is an outlier in column "${column.name}" (median ${Number(median.toPrecision(6))}, robust score ${score(values[r]).toFixed(1)}${scale.log ? ' on a log scale' : ''}).`,
        });
      }
    });
  },
});
