/**
 * Orders between numeric columns that the table keeps on (nearly) every row: min ≤ max, start ≤ end,
 * low ≤ open ≤ high; between date or timestamp columns (temporalOrders: ordered ≤ shipped); and between text columns of
 * clock times (clockOrders: a runner's chip time ≤ the gun time). Learned from the rows holding both values within their columns' far-out fences, between
 * columns of one quantity (their values overlap: the top 5% of the low one's reach above the bottom 5% of the
 * high one's); computed once per table. A value that breaks its column's orders while keeping those of another
 * column is likelier that column's (column-shift).
 */
import type { IngestResult } from '../table/model';
import { isClockColumn, isNumeric, memo, numericColumn, sortedColumn } from './column-values';

/** Share of the rows holding both values (within their fences) that must keep the order: a dirty table's shifts break some. */
const MIN_KEPT = 0.97;
/**
 * Share of those rows where the values differ: two columns equal on nearly all rows (a copy) keep no order worth the
 * name. Where they are equal on many (a tuition out of state that private colleges set to the in-state one), the
 * breaks allowed are MIN_KEPT's share of twice the differing rows, not of all rows.
 */
const MIN_DIFFERENT = 0.25;
/** Tails of two columns' values that must overlap: an order between one quantity's columns, not between magnitudes (a ratio ≤ an amount). */
const OVERLAP_TAIL = 0.05;
/** Rows holding both values an order needs. */
const MIN_ROWS = 20;
/** Columns compared (the first ones with numbers): pairs grow with their square. */
const MAX_COLUMNS = 40;
/**
 * Only values within these fences of their column weigh in learning an order (Tukey's far-out fences: the
 * quartiles ± 3 interquartile ranges): a dirty table's outliers and placeholders (×1000, −999) break every
 * order of their column and would hide it.
 */
const FENCE_IQRS = 3;
/** Rows read (evenly spread over a larger table). */
const SAMPLE_ROWS = 20_000;

/** `low` ≤ `high` on (nearly) every row holding both. */
export interface NumericOrder {
  low: number;
  high: number;
  /** The two are equal on half the rows or more (an order kept where they differ): it tells little of a shift. */
  mostlyEqual?: true;
}

/**
 * Numeric column `c`'s far-out fences (see FENCE_IQRS): its ordinary values lie within them. On the `log` scale
 * (a column of positive numbers only), the fences of the logarithms, as numbers.
 */
export function farOutFences(data: IngestResult, c: number, scale: 'raw' | 'log' = 'raw'): [number, number] {
  const sorted = sortedColumn(data, c);
  const [q1, q3] = [sorted.quantile(0.25), sorted.quantile(0.75)];
  if (scale === 'raw') return [q1 - FENCE_IQRS * (q3 - q1), q3 + FENCE_IQRS * (q3 - q1)];
  const [l1, l3] = [Math.log(q1), Math.log(q3)];
  return [Math.exp(l1 - FENCE_IQRS * (l3 - l1)), Math.exp(l3 + FENCE_IQRS * (l3 - l1))];
}

/** The orders between numeric columns (numericOrders) that column c's number breaks at row r. */
export function ordersBrokenAt(data: IngestResult, c: number, r: number): NumericOrder[] {
  return numericOrders(data).filter((order) => (order.low === c || order.high === c) && numericColumn(data, order.low)[r] > numericColumn(data, order.high)[r]);
}

/** The share of the rows holding both numbers of an order that break it (computed once per order). */
export function orderBreakShare(data: IngestResult, order: NumericOrder): number {
  return memo(data, `order-breaks:${order.low}:${order.high}`, () => {
    const [low, high] = [numericColumn(data, order.low), numericColumn(data, order.high)];
    let [rows, broken] = [0, 0];
    for (let r = 0; r < low.length; r++) {
      if (Number.isNaN(low[r]) || Number.isNaN(high[r])) continue;
      rows++;
      if (low[r] > high[r]) broken++;
    }
    return rows ? broken / rows : 0;
  });
}

const cache = new WeakMap<IngestResult, NumericOrder[]>();
const temporalCache = new WeakMap<IngestResult, NumericOrder[]>();
const clockCache = new WeakMap<IngestResult, NumericOrder[]>();

/** The orders the table keeps between its numeric columns. */
export function numericOrders(data: IngestResult): NumericOrder[] {
  let found = cache.get(data);
  if (!found) cache.set(data, (found = ordersAmong(data, data.columns.flatMap((column, c) => (isNumeric(column) ? [c] : [])))));
  return found;
}

/**
 * The orders the table keeps between its date columns, and between its timestamp columns (a start and its end, an
 * order's date and its shipping date), learned as numeric orders are, on the dates' instants.
 */
export function temporalOrders(data: IngestResult): NumericOrder[] {
  let found = temporalCache.get(data);
  if (!found) {
    const of = (kind: string) => data.columns.flatMap((column, c) => (column.kind === kind ? [c] : []));
    temporalCache.set(data, (found = [...ordersAmong(data, of('date')), ...ordersAmong(data, of('timestamp'))]));
  }
  return found;
}

/**
 * The orders the table keeps between its text columns of clock times (a race's splits below its finish time, a gun
 * time at or above the chip time), learned as numeric orders are, on their seconds.
 */
export function clockOrders(data: IngestResult): NumericOrder[] {
  let found = clockCache.get(data);
  if (!found) clockCache.set(data, (found = ordersAmong(data, data.columns.flatMap((_, c) => (isClockColumn(data, c) ? [c] : [])))));
  return found;
}

/** The orders kept between `candidates` (the first MAX_COLUMNS of them): numbers, or instants of one kind. */
function ordersAmong(data: IngestResult, candidates: number[]): NumericOrder[] {
  const found: NumericOrder[] = [];
  const columns = candidates.slice(0, MAX_COLUMNS);
  if (columns.length < 2) return found;
  const n = data.table.numRows;
  const step = Math.max(1, Math.floor(n / SAMPLE_ROWS));
  const values = columns.map((c) => numericColumn(data, c));
  const tails = columns.map((c) => {
    const sorted = sortedColumn(data, c);
    return [sorted.quantile(OVERLAP_TAIL), sorted.quantile(1 - OVERLAP_TAIL)];
  });
  const fences = columns.map((c) => farOutFences(data, c));
  const counts = new Int32Array(3);
  for (let i = 0; i < columns.length; i++) {
    for (let j = i + 1; j < columns.length; j++) {
      // Neither column's values all above the other's.
      if (tails[i][1] < tails[j][0] || tails[j][1] < tails[i][0]) continue;
      countOrder(values[i], values[j], fences[i], fences[j], n, step, counts);
      const [both, below, above] = counts;
      if (both < MIN_ROWS || below + above < MIN_DIFFERENT * both) continue;
      const allowed = (1 - MIN_KEPT) * Math.min(both, 2 * (below + above));
      const order = (low: number, high: number): NumericOrder => (below + above < 0.5 * both ? { low, high, mostlyEqual: true } : { low, high });
      if (above <= allowed && below > above) found.push(order(columns[i], columns[j]));
      else if (below <= allowed && above > below) found.push(order(columns[j], columns[i]));
    }
  }
  return found;
}

/**
 * Over every `step`-th row of the n, those whose values a and b both lie within their fences: how many (counts[0]),
 * where a < b (counts[1]) and where a > b (counts[2]). A function of its own: V8 optimizes this small loop,
 * instead of compiling the whole of {@link numericOrders} on the stack (a TurboFan compile of ~70 ms, seen with
 * --trace-opt, for a few ms of work).
 */
function countOrder(a: Float64Array, b: Float64Array, [lowA, highA]: number[], [lowB, highB]: number[], n: number, step: number, counts: Int32Array): void {
  let both = 0;
  let below = 0;
  let above = 0;
  for (let r = 0; r < n; r += step) {
    const x = a[r];
    const y = b[r];
    // NaN (no value) fails both tests.
    if (!(x >= lowA && x <= highA && y >= lowB && y <= highB)) continue;
    both++;
    if (x < y) below++;
    else if (x > y) above++;
  }
  counts[0] = both;
  counts[1] = below;
  counts[2] = above;
}

/** One of a column's orders as a row is checked against it: the other column's values, and on which side v must be. */
interface Bound {
  other: number;
  values: Float64Array;
  /** The central 99% of the other column's values: only an ordinary value there weighs. */
  low: number;
  high: number;
  /** Whether the column is the low side (v ≤ the other's value). */
  below: boolean;
}

/**
 * The orders of a table's columns as rows are checked against them (each column's bounds gathered once):
 * how a value `v` would sit in column `c` of row `r`, as the number of c's orders it keeps and breaks with
 * the row's other values (columns in `besides` left out: the pair a shift is sought between). Only ordinary
 * values weigh (in the central 99% of their column): a broken one ("400 167" read as 400167) breaks orders
 * of its own.
 */
export class OrderFit {
  private readonly bounds = new Map<number, Bound[]>();

  constructor(
    private readonly data: IngestResult,
    readonly orders: readonly NumericOrder[],
  ) {}

  /** Whether column `c` keeps an order with a column other than those in `besides`. */
  hasOrders(c: number, besides: readonly number[]): boolean {
    return this.boundsOf(c).some((b) => !besides.includes(b.other));
  }

  fit(c: number, r: number, v: number, besides: readonly number[]): { kept: number; broken: number } {
    let kept = 0;
    let broken = 0;
    for (const bound of this.boundsOf(c)) {
      if (besides.includes(bound.other)) continue;
      const w = bound.values[r];
      if (!(w >= bound.low && w <= bound.high)) continue;
      if (bound.below ? v <= w : v >= w) kept++;
      else broken++;
    }
    return { kept, broken };
  }

  private boundsOf(c: number): Bound[] {
    let found = this.bounds.get(c);
    if (!found) {
      found = [];
      for (const { low, high } of this.orders) {
        if (low !== c && high !== c) continue;
        const other = low === c ? high : low;
        const sorted = sortedColumn(this.data, other);
        found.push({ other, values: numericColumn(this.data, other), low: sorted.quantile(0.005), high: sorted.quantile(0.995), below: low === c });
      }
      this.bounds.set(c, found);
    }
    return found;
  }
}
