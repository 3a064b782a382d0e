import { defineRule } from '../rule';
import { isNumeric, looksLikeIdentifier, numericColumn } from '../column-values';

export function skewness(values: Float64Array): { skew: number; n: number } {
  let n = 0;
  let mean = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    n++;
    mean += (values[i] - mean) / n;
  }
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    const d = values[i] - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= n;
  m3 /= n;
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
      const { skew, n } = skewness(numericColumn(data, c));
      if (n < (options.minRows as number) || Math.abs(skew) <= (options.threshold as number)) return;
      report({ row: null, columnIndex: c, range: data.source.headerRange(c), message: `Column "${column.name}" is extremely skewed (skewness ${skew.toFixed(1)}): consider a log transform.` });
    });
  },
});
