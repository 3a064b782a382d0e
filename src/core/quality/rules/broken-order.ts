/** broken-order: a row whose numbers break an order its table keeps on nearly every other row (a minimum above its maximum). */
import { defineRule } from '../rule';
import { gapCulprit } from '../date-gaps';
import { TEMPORAL_KINDS, distinctValues, numericColumn, sortedColumn } from '../column-values';
import { labelColumns } from '../comparison-labels';
import { fitsListedTime, jumpingColumn } from '../series';
import { cellText } from '../dependencies';
import { clockOrders, farOutFences, numericOrders, temporalOrders, type NumericOrder } from '../numeric-orders';
import { groupedInteger } from '../../shared/grouped-integer';
import { MIN_CONTINUED_BREAKS, breaksContinue } from '../continued-breaks';
import type { IngestResult } from '../../table/model';

/** An order as the rows keep it: the rows holding both values within their far-out fences, those of them that break it, and how many would by chance. */
interface KeptOrder {
  order: NumericOrder;
  rows: number;
  broken: number[];
  /** The share of those rows that would break it with the high column's values shuffled over them (estimated on a sample). */
  chance: number;
  /** Rows keeping it by no more than the median margin its breaking rows break it by, and by half of it (see NEAR_ZERO_SHARE). */
  nearKeeping: [number, number];
}

/** Rows whose low value is ranked among the high column's values to estimate the chance of breaking an order. */
const CHANCE_SAMPLE = 20_000;

/**
 * An order's rows: those holding both values within their columns' far-out fences, as the order was learned (a
 * column's outliers break every order of it, and a heavy tail breaks orders its column keeps by magnitude alone: a
 * crime rate below an index of highways); those of them where low > high; and the share of them where the low value
 * is above a high value drawn at random.
 */
function keptOrder(data: IngestResult, order: NumericOrder): KeptOrder {
  const [a, b] = [numericColumn(data, order.low), numericColumn(data, order.high)];
  const [[lowA, highA], [lowB, highB]] = [farOutFences(data, order.low), farOutFences(data, order.high)];
  const high = sortedColumn(data, order.high);
  const step = Math.max(1, Math.floor(a.length / CHANCE_SAMPLE));
  const broken: number[] = [];
  let rows = 0;
  let sampled = 0;
  let chance = 0;
  for (let r = 0; r < a.length; r++) {
    const [x, y] = [a[r], b[r]];
    // NaN (no value) fails both tests.
    if (!(x >= lowA && x <= highA && y >= lowB && y <= highB)) continue;
    rows++;
    if (x > y) broken.push(r);
    if (r % step === 0) {
      sampled++;
      chance += high.rank(x, true) / high.length;
    }
  }
  return { order, rows, broken, chance: sampled ? chance / sampled : 0, nearKeeping: nearKeeping(a, b, broken, [lowA, highA, lowB, highB]) };
}

/**
 * An order is a tendency where its breaks continue the rows keeping it (breaksContinue, continued-breaks.ts) and those
 * rows keep it right up to zero too — a quarter of them by at most half the breaks' median margin: the differences of
 * its two columns run on through zero (a delay longer than the flight). A rule's breaks are few against the many
 * keeping it narrowly (an end the day of its start), or apart from them (terminations 100 days before their hires,
 * where none keeps it by less than 60 days).
 */
const NEAR_ZERO_SHARE = 0.25;

/**
 * Rows keeping the order narrowly (see KeptOrder.nearKeeping): by at most the breaks' median margin, and by at most
 * half of it; counted only where enough rows break it, else zeros.
 */
function nearKeeping(a: Float64Array, b: Float64Array, broken: readonly number[], [lowA, highA, lowB, highB]: readonly number[]): [number, number] {
  if (broken.length < MIN_CONTINUED_BREAKS) return [0, 0];
  const margins = broken.map((r) => a[r] - b[r]).sort((x, y) => x - y);
  const median = margins[Math.floor(margins.length / 2)];
  let [near, nearer] = [0, 0];
  for (let r = 0; r < a.length; r++) {
    const [x, y] = [a[r], b[r]];
    if (!(x >= lowA && x <= highA && y >= lowB && y <= highB && x <= y && y - x <= median)) continue;
    near++;
    if (y - x <= median / 2) nearer++;
  }
  return [near, nearer];
}

/** Whether an order's breaks continue the differences of the rows keeping it (see breaksContinue, NEAR_ZERO_SHARE): a tendency. */
const continuedThroughZero = ({ broken, nearKeeping: [near, nearer] }: KeptOrder) => breaksContinue(broken.length, near) && nearer >= NEAR_ZERO_SHARE * near;

/** Share of an order's breaking rows a label's value must hold in, and the most it may hold of the rows keeping it (see recordedBreaks). */
const RECORDED_SHARE = 2 / 3;
const RECORDED_ELSEWHERE = 0.01;

/**
 * The breaking rows of an order whose state a label of the row records: a label column (labelColumns) with a value
 * that two thirds of the breaking rows hold and at most 1% of the rows keeping it — an "exceedance" flag "Y" where a
 * result passes its limit. Those rows are a state the table keeps, not wrong numbers (a row whose flag disagrees with
 * its numbers is comparison-mismatch's); the order's other breaking rows are judged as ever.
 */
function recordedBreaks(data: IngestResult, { broken, rows }: KeptOrder): Set<number> {
  const recorded = new Set<number>();
  if (broken.length < MIN_CONTINUED_BREAKS) return recorded;
  for (const c of labelColumns(data)) {
    const { ids, counts, size } = distinctValues(data, c);
    const inBroken = new Int32Array(size);
    for (const r of broken) if (ids[r] >= 0) inBroken[ids[r]]++;
    for (let id = 0; id < size; id++) {
      if (inBroken[id] < RECORDED_SHARE * broken.length || counts[id] - inBroken[id] > RECORDED_ELSEWHERE * (rows - broken.length)) continue;
      for (const r of broken) if (ids[r] === id) recorded.add(r);
    }
  }
  return recorded;
}

/**
 * Smallest share of an order's rows that would break it by chance (see KeptOrder.chance): columns of which one is
 * nearly always below the other by magnitude alone (a share below a count, a dummy of 0 and 1 below a price) keep
 * an "order" that says nothing of a row.
 */
const MIN_CHANCE = 0.1;

/**
 * The cell of row `r` that is wrong, of the orders it breaks there: the column in more of them than any other (a low
 * above the open, the close and the high), or of several columns in as many (a low and a high swapped), the one the
 * order holds; else, between a date the rows are listed by and another, the listed one where it is out of place among
 * its neighbouring rows, else the other (see fitsListedTime); else, between dates, the one the row's far gaps blame
 * (date-gaps.ts); else, in a series (two smooth
 * columns), the value that jumps from its neighbouring rows' (see jumpingColumn); else, for the order `order`, the value further into the tail of its own
 * column on the side that breaks it — a low value high among the column's lows, or a high value low among its highs
 * (a minimum temperature set above the day's maximum is a high minimum; the maximum is an ordinary one).
 */
function culprit(data: IngestResult, order: NumericOrder, brokenHere: readonly NumericOrder[], r: number): number {
  const count = new Map<number, number>();
  for (const o of brokenHere) for (const c of [o.low, o.high]) count.set(c, (count.get(c) ?? 0) + 1);
  const most = Math.max(...count.values());
  const top = new Set([...count].filter(([, n]) => n === most).map(([c]) => c));
  // Several columns in as many broken orders (a low and a high swapped): each order blames the one of them it holds.
  if (most > 1 && top.has(order.low) !== top.has(order.high)) return top.has(order.low) ? order.low : order.high;
  // Between dates, where one is the time the rows are listed by: that one where it is out of place among its
  // neighbouring rows, else the other (a listing's sale date before its listing date, which keeps the listings' order).
  const [lowFits, highFits] = [fitsListedTime(data, order.low, r), fitsListedTime(data, order.high, r)];
  if ((lowFits === undefined) !== (highFits === undefined)) {
    const [listed, other] = lowFits === undefined ? [order.high, order.low] : [order.low, order.high];
    return (lowFits ?? highFits) ? other : listed;
  }
  // Between dates, the one the row's far gaps blame (a ship date a year late: far from its order's date too).
  const byGaps = gapCulprit(data, r);
  if (byGaps === order.low || byGaps === order.high) return byGaps;
  // In a series, the value that jumps from its neighbouring rows' (a winter day's minimum set above its maximum).
  const jumping = jumpingColumn(data, order.low, order.high, r);
  if (jumping !== undefined) return jumping;
  const [low, high] = [sortedColumn(data, order.low), sortedColumn(data, order.high)];
  const above = 1 - low.rank(numericColumn(data, order.low)[r], true) / Math.max(1, low.length);
  const below = high.rank(numericColumn(data, order.high)[r], false) / Math.max(1, high.length);
  // The share of its column above the low value, against the share at or below the high value: the smaller is further out.
  return above <= below ? order.low : order.high;
}

/**
 * Whether row `r`'s two values of a broken order are exchanged (a day's minimum and maximum written in each other's
 * place): exchanged back they keep every order the table keeps between these columns and others, and a third column
 * contradicts each of them at the row (the day's mean below the minimum and above the maximum). A value slipped alone
 * leaves the other one that no third column contradicts.
 */
function exchanged(data: IngestResult, order: NumericOrder, r: number, orders: readonly NumericOrder[], brokenHere: readonly NumericOrder[]): boolean {
  const [x, y] = [numericColumn(data, order.low)[r], numericColumn(data, order.high)[r]];
  const at = (c: number) => (c === order.low ? y : c === order.high ? x : numericColumn(data, c)[r]);
  const touches = (o: NumericOrder) => [o.low, o.high].some((c) => c === order.low || c === order.high);
  if (!orders.every((o) => !touches(o) || !(at(o.low) > at(o.high)))) return false;
  const partner = (c: number) => (c === order.low ? order.high : order.low);
  const third = (c: number) => brokenHere.some((o) => (o.low === c || o.high === c) && o.low !== partner(c) && o.high !== partner(c));
  return third(order.low) && third(order.high);
}

export const brokenOrder = defineRule({
  id: 'broken-order',
  title: 'Row breaks an order between columns',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: { minKeptShare: 0.99, minKeptShareDates: 0.97 },
  description: 'A number or date on the wrong side of another that the other rows keep it below or above: a minimum above the maximum, a low above the high, a shipping date before the order date.',
  docs: `Tables hold numbers of one quantity that are ordered on every row: a day's minimum and maximum temperature,
a stock's low, open, close and high, a start and an end, a part and its total. A row where the order is broken holds a
wrong number — a slip, a value typed in the other's place, one reading taken from another day — that every other
check can miss, as both numbers are ordinary values of their columns.

The orders are learned from the table itself (numeric-orders.ts): between numeric columns, between date columns
(or timestamp columns: an order's date and its shipping date, a start and its end), and between text columns of
clock times read as seconds (95% of a column's values written "2:04:55", or "14:30": a runner's chip time at or
below the gun time), whose values overlap (the
top 5% of one reach above the bottom 5% of the other), with the rows holding both values within their columns'
far-out fences (quartiles ± 3 interquartile ranges: outliers are outlier's findings), an order kept on at least 97%
of those rows and different values on a quarter of them (where the two are equal on over half the rows — a tuition
out of state that private colleges set to the in-state one — the 3% allowed to break it are of twice the rows where
they differ, not of all rows). It is reported where it is kept on at least \`minKeptShare\` of
them (99%: a looser one is a tendency, a price below its list price on most days, horsepower below displacement on
most cars, not a rule of the table) — between dates on \`minKeptShareDates\` (97%): nothing ends before it starts, so a
dirty table's terminations before their hires (8 of 613 rows) break a rule, not a tendency —, and where
the columns' values shuffled over the rows would break it on at least a tenth of them: a column nearly always below
another by magnitude alone (a share below a count, a dummy of 0 and 1 below prices) keeps an "order" that says
nothing of a row. Nor is an order one whose breaks continue the differences of the rows keeping it through zero (5
breaks or more, at least a quarter as many as the rows keeping it by at most the breaks' median margin, a quarter of
those keeping it by half that margin or less): a flight's actual departure after its scheduled arrival, where a delay
is longer than the flight, is as common a few minutes past as a few minutes short — a tendency of two times of
different events, not a rule. Slips of a rule lie off the rows keeping it (terminations months before their hires,
where no one leaves within two months), or are few against the many keeping it narrowly (ends on their start's day).

Rows breaking an order that a label of the row records are a state the table keeps, not errors: where a text column
of at most 6 values has a value that two thirds of an order's breaking rows (5 or more) hold and at most 1% of the
rows keeping it (an exceedance flag "Y" where a result passes its limit), those rows are not reported; the order's
other breaking rows are (a result above its limit flagged "N"; comparison-mismatch judges the flag).

Two values written in each other's place are both reported: where exchanged back they keep every order the table
keeps between their columns and others, and a third column contradicts each of them at the row (a day's mean below
its minimum and above its maximum: the minimum and the maximum were exchanged). A value slipped alone leaves the other
one no third column contradicts.

Otherwise each breaking row is reported once per wrong cell: the column in more of the row's broken orders than any other (a
low above the open, the close and the high; of several columns in as many, a low and a high swapped, the one the
order holds); else, between a date the rows are listed by (its values rise in row order, 95% of 20 changes or more)
and another, the listed one where it lies outside its neighbouring rows' values, else the other (a sale dated before
its listing, whose listing date keeps the listings' order); else, between dates, the date the row's far gaps blame (gap-outlier's: a ship date a year late is far
from its order's date as well as before its delivery); else, where both columns change little from a row to the next (a
series in time order: their median change below half their interquartile range), the value twice as far from its
neighbouring rows' as the other (a winter day's minimum set above a maximum that is low for the year); else the value
further into its own column's tail on the side that breaks the order (a minimum set above the day's maximum is among
the highest minimums, the maximum an ordinary one). The message gives the other value and how many rows keep the
order; the related location is the other cell. There is no quick fix: which value is right is not known.

**Fix**: correct the wrong value from the source; where the order is not one the data must keep, ignore the rule
for that column.`,
  check({ data, options, report, isIgnored }) {
    const orders = [...numericOrders(data), ...temporalOrders(data), ...clockOrders(data)];
    if (orders.length === 0) return;
    const name = (c: number) => data.columns[c].name;
    // Dates keep their orders strictly (nothing ends before it starts); numbers may keep one as a tendency (horsepower below displacement).
    const minKept = (order: NumericOrder) => (TEMPORAL_KINDS.includes(data.columns[order.low].kind) ? options.minKeptShareDates : options.minKeptShare);
    const held = orders.map((order) => keptOrder(data, order)).filter((k) => k.rows - k.broken.length >= minKept(k.order) * k.rows && k.chance >= MIN_CHANCE && !continuedThroughZero(k));
    const kept = held.filter((k) => k.broken.length > 0);
    if (kept.length === 0) return;
    const learned = held.map((k) => k.order);
    // Per row, the orders it breaks (a row breaking several is judged on all of them).
    const brokenAt = new Map<number, NumericOrder[]>();
    for (const k of kept) for (const r of k.broken) brokenAt.set(r, [...(brokenAt.get(r) ?? []), k.order]);
    const width = data.columns.length;
    const reported = new Set<number>();
    // Rows whose two values of a broken order are exchanged, with that order: their other broken orders on those columns follow from it.
    const exchanges = new Map<number, NumericOrder>();
    for (const [r, brokenHere] of brokenAt) {
      const order = brokenHere.find((o) => exchanged(data, o, r, learned, brokenHere));
      if (order) exchanges.set(r, order);
    }
    for (const k of kept) {
      const { order, rows, broken } = k;
      const keeping = rows - broken.length;
      const recorded = recordedBreaks(data, k);
      const share = keeping / rows;
      for (const r of broken) {
        if (recorded.has(r)) continue;
        // Two values exchanged: both cells are wrong, and the row's other broken orders on them follow from it.
        const exchange = exchanges.get(r);
        if (exchange && exchange !== order) {
          if ([order.low, order.high].some((c) => c === exchange.low || c === exchange.high)) continue;
        } else if (exchange) {
          const [value, otherValue] = [cellText(data, r, order.low), cellText(data, r, order.high)];
          for (const [c, other] of [[order.low, order.high], [order.high, order.low]]) {
            if (isIgnored(c) || reported.has(r * width + c)) continue;
            reported.add(r * width + c);
            report({
              row: r,
              columnIndex: c,
              value: c === order.low ? value : otherValue,
              evidence: { order: `${name(order.low)} ≤ ${name(order.high)}`, other: name(other), otherValue: c === order.low ? otherValue : value, keptShare: Number(share.toFixed(4)), rows, exchanged: true },
              message:
                `${value} in column "${name(order.low)}" and ${otherValue} in column "${name(order.high)}" look exchanged: ${name(order.low)} ≤ ${name(order.high)} in ` +
                `${groupedInteger(keeping)} of the ${groupedInteger(rows)} rows holding both ordinary values, and exchanged back they keep the orders with the table's other columns that each of them breaks here.`,
              related: [{ row: r, columnIndex: other, message: `${name(other)} ${c === order.low ? otherValue : value}` }],
            });
          }
          continue;
        }
        const c = culprit(data, order, brokenAt.get(r) ?? [order], r);
        if (isIgnored(c) || reported.has(r * width + c)) continue;
        reported.add(r * width + c);
        const other = c === order.low ? order.high : order.low;
        const [value, otherValue] = [cellText(data, r, c), cellText(data, r, other)];
        const temporal = TEMPORAL_KINDS.includes(data.columns[c].kind);
        const side = c === order.low ? (temporal ? 'after' : 'above') : temporal ? 'before' : 'below';
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { order: `${name(order.low)} ≤ ${name(order.high)}`, other: name(other), otherValue, keptShare: Number(share.toFixed(4)), rows },
          message:
            `${value} in column "${name(c)}" is ${side} ${name(other)} (${otherValue}) in this row, though ${name(order.low)} ≤ ${name(order.high)} ` +
            `in ${groupedInteger(keeping)} of the ${groupedInteger(rows)} rows holding both ordinary values.`,
          related: [{ row: r, columnIndex: other, message: `${name(other)} ${otherValue}` }],
        });
      }
    }
  },
});
