import { defineRule } from '../rule';
import { isNumeric, kernelRanges, looksLikeIdentifier, numericColumn, strictlyIncreasing } from '../column-values';

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

/** Rows per block of {@link pearsonPairs}: a block of every column stays in cache while all pairs read it. */
const BLOCK = 4096;

/** Adds to sums (count, Σa, Σb) at `at` the rows i0..i1 where both a and b are numbers. */
function sumsRange(a: Float64Array, b: Float64Array, i0: number, i1: number, sums: Float64Array, at: number): void {
  let count = sums[at];
  let sumA = sums[at + 1];
  let sumB = sums[at + 2];
  for (let i = i0; i < i1; i++) {
    if (Number.isNaN(a[i]) || Number.isNaN(b[i])) continue;
    count++;
    sumA += a[i];
    sumB += b[i];
  }
  sums[at] = count;
  sums[at + 1] = sumA;
  sums[at + 2] = sumB;
}

/** Adds to sums (Σ da·db, Σ da², Σ db²) at `at` the rows i0..i1 where both a and b are numbers, d = deviation from the mean. */
function productsRange(a: Float64Array, b: Float64Array, meanA: number, meanB: number, i0: number, i1: number, sums: Float64Array, at: number): void {
  let cov = sums[at];
  let va = sums[at + 1];
  let vb = sums[at + 2];
  for (let i = i0; i < i1; i++) {
    if (Number.isNaN(a[i]) || Number.isNaN(b[i])) continue;
    const da = a[i] - meanA;
    const db = b[i] - meanB;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  sums[at] = cov;
  sums[at + 1] = va;
  sums[at + 2] = vb;
}

/**
 * {@link pearson} of many pairs at once, identical to calling it pair by pair (each pair's sums run over
 * the same rows in the same order), but block by block so each column is read from memory once per pass
 * instead of once per pair.
 */
export function pearsonPairs(columns: Float64Array[], pairs: [number, number][]): { r: number; n: number }[] {
  const rows = columns[0]?.length ?? 0;
  const first = new Float64Array(3 * pairs.length); // n, Σa, Σb per pair
  for (const [start, end] of kernelRanges(0, rows, BLOCK)) {
    for (let p = 0; p < pairs.length; p++) sumsRange(columns[pairs[p][0]], columns[pairs[p][1]], start, end, first, 3 * p);
  }
  const second = new Float64Array(3 * pairs.length); // cov, va, vb per pair
  const used = pairs.map((_, p) => first[3 * p] >= 3);
  for (const [start, end] of kernelRanges(0, rows, BLOCK)) {
    for (let p = 0; p < pairs.length; p++) {
      if (!used[p]) continue;
      const n = first[3 * p];
      productsRange(columns[pairs[p][0]], columns[pairs[p][1]], first[3 * p + 1] / n, first[3 * p + 2] / n, start, end, second, 3 * p);
    }
  }
  return pairs.map((_, p) => {
    const n = first[3 * p];
    if (!used[p]) return { r: NaN, n };
    const [cov, va, vb] = [second[3 * p], second[3 * p + 1], second[3 * p + 2]];
    return { r: va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : NaN, n };
  });
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
    const numeric = data.columns.filter((column) => (isNumeric(column) || column.kind === 'boolean') && !looksLikeIdentifier(column.name)).slice(0, options.maxColumns);
    const values = numeric.map((column) => numericColumn(data, column.index));
    const usable = numeric.map((_, i) => !strictlyIncreasing(values[i]));
    const pairs: [number, number][] = [];
    for (let i = 0; i < numeric.length; i++) for (let j = i + 1; j < numeric.length; j++) if (usable[i] && usable[j]) pairs.push([i, j]);
    const results = pearsonPairs(values, pairs);
    for (let k = 0; k < pairs.length; k++) {
      const [i, j] = pairs[k];
      const { r, n } = results[k];
      if (!(Math.abs(r) > options.threshold) || n < options.minRows) continue;
      const [a, b] = [numeric[i], numeric[j]];
      report({
        row: null,
        columnIndex: b.index,
        range: data.source.headerRange(b.index),
        evidence: { r, rows: n },
        message: `Column "${b.name}" is almost perfectly correlated with "${a.name}" (r = ${r.toFixed(4)} over ${n} rows): duplicated or leaked information.`,
        related: [{ row: null, columnIndex: a.index, message: `"${a.name}"` }],
      });
    }
  },
});
