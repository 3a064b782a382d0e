/**
 * Orders between numeric columns that the table keeps on (nearly) every row: min ≤ max, start ≤ end,
 * low ≤ open ≤ high. Learned from the rows holding both values; computed once per table. A value that breaks
 * its column's orders while keeping those of another column is likelier that column's (column-shift).
 */
import type { IngestResult } from '../table/model';
import { TEMPORAL_KINDS, isNumeric, numericColumn, quantile, sortedColumn } from './column-values';

/** Share of the rows holding both values that must keep the order. */
const MIN_KEPT = 0.99;
/** Share of those rows where the values differ: two columns equal on most rows (a copy) keep no order worth the name. */
const MIN_DIFFERENT = 0.5;
/** Rows holding both values an order needs. */
const MIN_ROWS = 20;
/** Columns compared (the first ones with numbers): pairs grow with their square. */
const MAX_COLUMNS = 40;
/** Rows read (evenly spread over a larger table). */
const SAMPLE_ROWS = 20_000;

/** `low` ≤ `high` on (nearly) every row holding both. */
export interface NumericOrder {
  low: number;
  high: number;
}

const cache = new WeakMap<IngestResult, NumericOrder[]>();

/** The orders the table keeps between its numeric (and date) columns. */
export function numericOrders(data: IngestResult): NumericOrder[] {
  let found = cache.get(data);
  if (found) return found;
  found = [];
  const columns = data.columns.flatMap((column, c) => (isNumeric(column) || TEMPORAL_KINDS.includes(column.kind) ? [c] : [])).slice(0, MAX_COLUMNS);
  const n = data.table.numRows;
  const step = Math.max(1, Math.floor(n / SAMPLE_ROWS));
  const values = columns.map((c) => numericColumn(data, c));
  for (let i = 0; i < columns.length; i++) {
    for (let j = i + 1; j < columns.length; j++) {
      const [a, b] = [values[i], values[j]];
      let both = 0;
      let below = 0;
      let above = 0;
      for (let r = 0; r < n; r += step) {
        const x = a[r];
        const y = b[r];
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        both++;
        if (x < y) below++;
        else if (x > y) above++;
      }
      if (both < MIN_ROWS || below + above < MIN_DIFFERENT * both) continue;
      if (both - above >= MIN_KEPT * both && below > above) found.push({ low: columns[i], high: columns[j] });
      else if (both - below >= MIN_KEPT * both && above > below) found.push({ low: columns[j], high: columns[i] });
    }
  }
  cache.set(data, found);
  return found;
}

/**
 * How a value `v` would sit in column `c` of row `r`: how many of c's orders it keeps and breaks with the
 * row's other values (columns in `besides` left out: the pair a shift is sought between). Only ordinary
 * values weigh (in the central 99% of their column): a broken one ("400 167" read as 400167) breaks orders
 * of its own.
 */
export function orderFit(data: IngestResult, orders: readonly NumericOrder[], c: number, r: number, v: number, besides: readonly number[]): { kept: number; broken: number } {
  let kept = 0;
  let broken = 0;
  for (const { low, high } of orders) {
    if (low !== c && high !== c) continue;
    const other = low === c ? high : low;
    if (besides.includes(other)) continue;
    const w = numericColumn(data, other)[r];
    if (!Number.isFinite(w) || !ordinary(data, other, w)) continue;
    if (low === c ? v <= w : v >= w) kept++;
    else broken++;
  }
  return { kept, broken };
}

/** Whether `v` lies in the central 99% of column `c`'s values. */
function ordinary(data: IngestResult, c: number, v: number): boolean {
  const sorted = sortedColumn(data, c);
  return v >= quantile(sorted, 0.005) && v <= quantile(sorted, 0.995);
}
