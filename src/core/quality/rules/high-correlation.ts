import { defineRule } from '../rule';
import { isNumeric, looksLikeIdentifier, numericColumn, strictlyIncreasing } from '../column-values';

/** Pearson correlation over rows where both values are present. */
export function pearson(a: Float64Array, b: Float64Array): { r: number; n: number } {
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) || Number.isNaN(b[i])) continue;
    n++;
    sa += a[i];
    sb += b[i];
  }
  if (n < 3) return { r: NaN, n };
  const ma = sa / n;
  const mb = sb / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) || Number.isNaN(b[i])) continue;
    const da = a[i] - ma;
    const db = b[i] - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return { r: va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : NaN, n };
}

export const highCorrelation = defineRule({
  id: 'high-correlation',
  title: 'Near-perfect correlation',
  dimension: 'ml-readiness',
  defaultSeverity: 'warning',
  defaultOptions: { threshold: 0.98, maxColumns: 60, minRows: 10 },
  description: 'Two numeric columns are almost perfectly correlated (|r| above `threshold`): one duplicates the other, or leaks it.',
  docs: `Two columns with |r| ≈ 1 carry the same information (a price in two currencies, a total and its
parts). In a linear model their coefficients become unstable; if one of them is the target, the other
is probably derived from it — a leak that makes the model look far better than it will be.

Checked over pairs of numeric columns (up to \`maxColumns\`), on rows where both are present; identifier
and row-counter columns are skipped.

**Fix**: keep one of the two; if one is derived from the target, exclude it from training (the training
command pre-deselects it).`,
  check({ data, options, report }) {
    const numeric = data.columns.filter((column) => (isNumeric(column) || column.kind === 'boolean') && !looksLikeIdentifier(column.name)).slice(0, options.maxColumns as number);
    const values = numeric.map((column) => numericColumn(data, column.index));
    const usable = numeric.map((_, i) => !strictlyIncreasing(values[i]));
    for (let i = 0; i < numeric.length; i++) {
      for (let j = i + 1; j < numeric.length; j++) {
        if (!usable[i] || !usable[j]) continue;
        const { r, n } = pearson(values[i], values[j]);
        if (!(Math.abs(r) > (options.threshold as number)) || n < (options.minRows as number)) continue;
        const [a, b] = [numeric[i], numeric[j]];
        report({
          row: null,
          columnIndex: b.index,
          range: data.source.headerRange(b.index),
          message: `Column "${b.name}" is almost perfectly correlated with "${a.name}" (r = ${r.toFixed(4)} over ${n} rows): duplicated or leaked information.`,
          related: [{ range: data.source.headerRange(a.index), message: `"${a.name}"` }],
        });
      }
    }
  },
});
