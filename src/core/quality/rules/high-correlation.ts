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

/** {@link sumsRange} of two pairs in one loop: their sums are independent chains the processor runs side by side. */
function sumsRange2(a: Float64Array, b: Float64Array, c: Float64Array, d: Float64Array, i0: number, i1: number, sums: Float64Array, at: number, at2: number): void {
  let count = sums[at];
  let sumA = sums[at + 1];
  let sumB = sums[at + 2];
  let count2 = sums[at2];
  let sumC = sums[at2 + 1];
  let sumD = sums[at2 + 2];
  for (let i = i0; i < i1; i++) {
    const x = a[i];
    const y = b[i];
    if (!(Number.isNaN(x) || Number.isNaN(y))) {
      count++;
      sumA += x;
      sumB += y;
    }
    const u = c[i];
    const v = d[i];
    if (!(Number.isNaN(u) || Number.isNaN(v))) {
      count2++;
      sumC += u;
      sumD += v;
    }
  }
  sums[at] = count;
  sums[at + 1] = sumA;
  sums[at + 2] = sumB;
  sums[at2] = count2;
  sums[at2 + 1] = sumC;
  sums[at2 + 2] = sumD;
}

/** {@link productsRange} of two pairs in one loop (see {@link sumsRange2}). */
function productsRange2(a: Float64Array, b: Float64Array, meanA: number, meanB: number, c: Float64Array, d: Float64Array, meanC: number, meanD: number, i0: number, i1: number, sums: Float64Array, at: number, at2: number): void {
  let cov = sums[at];
  let va = sums[at + 1];
  let vb = sums[at + 2];
  let cov2 = sums[at2];
  let vc = sums[at2 + 1];
  let vd = sums[at2 + 2];
  for (let i = i0; i < i1; i++) {
    const x = a[i];
    const y = b[i];
    if (!(Number.isNaN(x) || Number.isNaN(y))) {
      const da = x - meanA;
      const db = y - meanB;
      cov += da * db;
      va += da * da;
      vb += db * db;
    }
    const u = c[i];
    const v = d[i];
    if (!(Number.isNaN(u) || Number.isNaN(v))) {
      const dc = u - meanC;
      const dd = v - meanD;
      cov2 += dc * dd;
      vc += dc * dc;
      vd += dd * dd;
    }
  }
  sums[at] = cov;
  sums[at + 1] = va;
  sums[at + 2] = vb;
  sums[at2] = cov2;
  sums[at2 + 1] = vc;
  sums[at2 + 2] = vd;
}

/**
 * {@link pearson} of many pairs at once, identical to calling it pair by pair (each pair's sums run over
 * the same rows in the same order), but block by block so each column is read from memory once per pass
 * instead of once per pair, and two pairs per loop (their sums are independent: the processor adds them
 * side by side, where one pair's additions wait on each other).
 */
export function pearsonPairs(columns: Float64Array[], pairs: [number, number][]): { r: number; n: number }[] {
  const rows = columns[0]?.length ?? 0;
  const first = new Float64Array(3 * pairs.length); // n, Σa, Σb per pair
  for (let start = 0; start < rows; start += BLOCK) {
    const end = Math.min(rows, start + BLOCK);
    let p = 0;
    for (; p + 1 < pairs.length; p += 2) sumsRange2(columns[pairs[p][0]], columns[pairs[p][1]], columns[pairs[p + 1][0]], columns[pairs[p + 1][1]], start, end, first, 3 * p, 3 * (p + 1));
    if (p < pairs.length) sumsRange(columns[pairs[p][0]], columns[pairs[p][1]], start, end, first, 3 * p);
  }
  const second = new Float64Array(3 * pairs.length); // cov, va, vb per pair
  const used = pairs.map((_, p) => first[3 * p] >= 3).flatMap((u, p) => (u ? [p] : []));
  const mean = (p: number, k: 1 | 2) => first[3 * p + k] / first[3 * p];
  for (let start = 0; start < rows; start += BLOCK) {
    const end = Math.min(rows, start + BLOCK);
    let k = 0;
    for (; k + 1 < used.length; k += 2) {
      const [p, q] = [used[k], used[k + 1]];
      productsRange2(columns[pairs[p][0]], columns[pairs[p][1]], mean(p, 1), mean(p, 2), columns[pairs[q][0]], columns[pairs[q][1]], mean(q, 1), mean(q, 2), start, end, second, 3 * p, 3 * q);
    }
    if (k < used.length) {
      const p = used[k];
      productsRange(columns[pairs[p][0]], columns[pairs[p][1]], mean(p, 1), mean(p, 2), start, end, second, 3 * p);
    }
  }
  return pairs.map((_, p) => {
    const n = first[3 * p];
    if (n < 3) return { r: NaN, n };
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
