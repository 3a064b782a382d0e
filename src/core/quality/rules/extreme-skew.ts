import { defineRule } from '../rule';
import { finiteStats, kernelRanges, isNumeric, looksLikeIdentifier, numericColumn } from '../column-values';

/**
 * Skewness of the finite values; `known` gives their count and running mean (as {@link finiteStats}
 * computes them: the same first pass) to skip that pass.
 */
/** Adds the squared and cubed deviations from `mean` of the finite values i0..i1 to sums[0] and sums[1]. */
function centralMoments(values: Float64Array, mean: number, i0: number, i1: number, sums: Float64Array): void {
  let m2 = sums[0];
  let m3 = sums[1];
  for (let i = i0; i < i1; i++) {
    if (!Number.isFinite(values[i])) continue;
    const d = values[i] - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  sums[0] = m2;
  sums[1] = m3;
}

export function skewness(values: Float64Array, known?: { n: number; mean: number }): { skew: number; n: number } {
  let n = 0;
  let mean = 0;
  if (known) ({ n, mean } = known);
  else {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) continue;
      n++;
      mean += (values[i] - mean) / n;
    }
  }
  const moments = new Float64Array(2); // Σd², Σd³ in row order
  for (const [start, end] of kernelRanges(0, values.length)) centralMoments(values, mean, start, end, moments);
  const m2 = moments[0] / n;
  const m3 = moments[1] / n;
  return { skew: m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0, n };
}

export const extremeSkew = defineRule({
  id: 'extreme-skew',
  title: 'Extreme skew',
  dimension: 'ml-readiness',
  defaultSeverity: 'information',
  defaultOptions: { threshold: 20, minRows: 30 },
  description: 'A numeric column whose skewness exceeds `threshold` in absolute value (ydata-profiling SKEWED).',
  docs: `In a heavily skewed column a few huge values dominate squared-error losses and standardization;
the bulk of the values is squeezed into a tiny range.

**Fix**: consider a log or rank transform of the feature (or target) before training.`,
  check({ data, options, report }) {
    data.columns.forEach((column, c) => {
      if (!isNumeric(column) || looksLikeIdentifier(column.name)) return;
      const { skew, n } = skewness(numericColumn(data, c), finiteStats(data, c));
      if (n < options.minRows || Math.abs(skew) <= options.threshold) return;
      report({ row: null, columnIndex: c, range: data.source.headerRange(c), evidence: { skewness: skew }, message: `Column "${column.name}" is extremely skewed (skewness ${skew.toFixed(1)}): consider a log transform.` });
    });
  },
});
