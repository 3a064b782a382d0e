import { defineRule } from '../rule';
import { quantile } from '../../shared/quantile';
import { TEMPORAL_KINDS, TEXT_KINDS, isClockColumn, numericColumn, valueCodes } from '../column-values';
import { cellText } from '../dependencies';
import type { IngestResult } from '../../table/model';

/** Share of the ordered values at either end left out of the column's time span (wrong years that still fit the order). */
const SPAN_TAIL = 0.01;

/** A column's non-null values in row order, with their rows. */
interface Sequence {
  rows: Int32Array;
  values: Float64Array;
}

/** A column's non-null values in row order. */
function presentValues(values: Float64Array): Float64Array {
  let m = 0;
  for (let r = 0; r < values.length; r++) if (!Number.isNaN(values[r])) m++;
  const out = new Float64Array(m);
  for (let r = 0, i = 0; r < values.length; r++) if (!Number.isNaN(values[r])) out[i++] = values[r];
  return out;
}

/** The rows of {@link presentValues} (built only for columns that pass the cheap tests: most do not). */
function presentRows(values: Float64Array, m: number): Int32Array {
  const rows = new Int32Array(m);
  for (let r = 0, i = 0; r < values.length; r++) if (!Number.isNaN(values[r])) rows[i++] = r;
  return rows;
}

/**
 * Which elements of `values` form a longest non-decreasing subsequence (patience sorting with back links,
 * O(m log m)); `sign` −1 finds a longest non-increasing one.
 */
export function longestOrdered(values: Float64Array, sign: 1 | -1): Uint8Array {
  const m = values.length;
  const tails = new Int32Array(m);
  const back = new Int32Array(m);
  let length = 0;
  for (let i = 0; i < m; i++) {
    const x = sign * values[i];
    // The first tail whose value is greater than x (non-decreasing: equal values extend a run).
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sign * values[tails[mid]] <= x) lo = mid + 1;
      else hi = mid;
    }
    back[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
    if (lo === length) length++;
  }
  const inOrder = new Uint8Array(m);
  for (let i = length > 0 ? tails[length - 1] : -1; i >= 0; i = back[i]) inOrder[i] = 1;
  return inOrder;
}

/** Share of an order's restarts, at least, that must fall where a block of an entity column's rows begins. */
const BLOCK_RESTART_SHARE = 0.9;
/** Rows an entity's block holds, at least, on average. */
const MIN_BLOCK_ROWS = 10;
/** Runs of a column's values, at most, per distinct value for its values to lie in blocks (each value's rows together). */
const MAX_RUNS_PER_VALUE = 1.05;

/**
 * The starts (indices among the column's present values, whose rows `rows` gives) of the blocks of another column's
 * values — text or whole numbers, each value's rows together (at most MAX_RUNS_PER_VALUE runs per value),
 * MIN_BLOCK_ROWS rows a block on average — where BLOCK_RESTART_SHARE of the order's `restarts` (see segmentStarts)
 * fall at a block's start: a ledger of accounts, each account's transactions in time order after the
 * previous account's. The column with the most restarts at its blocks' starts; undefined where none.
 */
function entityBlocks(data: IngestResult, c: number, restarts: readonly number[], rows: Int32Array): number[] | undefined {
  const n = data.table.numRows;
  let best: { starts: number[]; onBlocks: number } | undefined;
  data.columns.forEach((column, k) => {
    // (Entities are named by text or whole numbers: an account, a device.)
    if (k === c || !(TEXT_KINDS.includes(column.kind) || column.kind === 'integer')) return;
    const { ids, size } = valueCodes(data, k);
    if (size < 2 || n < MIN_BLOCK_ROWS * size) return;
    let runs = 1;
    for (let r = 1; r < n; r++) if (ids[r] !== ids[r - 1]) runs++;
    if (runs > MAX_RUNS_PER_VALUE * size) return;
    // A block starts at a present value whose row's value differs from the previous present value's row's.
    const blockStart = (i: number) => i === 0 || ids[rows[i]] !== ids[rows[i - 1]];
    let onBlocks = 0;
    for (const i of restarts.slice(1)) if (blockStart(i)) onBlocks++;
    if (onBlocks < BLOCK_RESTART_SHARE * (restarts.length - 1) || (best && onBlocks <= best.onBlocks)) return;
    const starts: number[] = [];
    for (let i = 0; i < rows.length; i++) if (blockStart(i)) starts.push(i);
    best = { starts, onBlocks };
  });
  return best?.starts;
}

/** Median of three numbers. */
const median3 = (a: number, b: number, c: number) => Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));

/**
 * Where the order restarts (a file of several logs, one after the other): before index i when the values go
 * back there and the next three values stay below the three before (a single misplaced value, high or low,
 * does not do that: the values after it continue from before it). Returns the start of each segment, as
 * indices among the values that are not NaN (NaN, null, values are skipped: the column is read in place).
 * Stops at the first restart beyond `maxRestarts` (the caller then gives up on the column).
 */
export function segmentStarts(values: Float64Array, sign: 1 | -1, maxRestarts = Infinity): number[] {
  const starts = [0];
  // The last six values seen (w5 the newest, index j among the present ones): the test of index i = j − 2
  // needs the three before it and the two after it.
  let w0 = NaN;
  let w1 = NaN;
  let w2 = NaN;
  let w3 = NaN;
  let w4 = NaN;
  let w5 = NaN;
  let j = -1;
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (Number.isNaN(v)) continue;
    j++;
    w0 = w1;
    w1 = w2;
    w2 = w3;
    w3 = w4;
    w4 = w5;
    w5 = sign * v;
    const i = j - 2;
    if (i < 3 || !(w3 < w2)) continue;
    const after = median3(w3, w4, w5);
    const before = median3(w0, w1, w2);
    if (after < before && i - starts[starts.length - 1] >= 3) {
      starts.push(i);
      if (starts.length - 1 > maxRestarts) break;
    }
  }
  return starts;
}

/** How many values step up and how many step down from the value before them (NaN, null, values skipped). */
function steps(values: Float64Array): { present: number; up: number; down: number } {
  let present = 0;
  let up = 0;
  let down = 0;
  let previous = NaN;
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (Number.isNaN(v)) continue;
    if (present++ > 0) {
      if (v > previous) up++;
      else if (v < previous) down++;
    }
    previous = v;
  }
  return { present, up, down };
}

/** A row out of place: its neighbours in the ordered rows, where its value belongs, how far. */
interface Misplaced {
  index: number;
  before: number;
  after: number;
  /** Index (in the sequence) of the ordered row it belongs next to. */
  belongs: number;
  /** Ordered rows between where it is and where it belongs. */
  rows: number;
  /** How far its value is outside the values of its neighbours (ms). */
  time: number;
}

/** The rows outside the ordered subsequence `inOrder`, with their displacements, in direction `sign`. */
function misplaced(seq: Sequence, inOrder: Uint8Array, sign: 1 | -1): Misplaced[] {
  const m = seq.values.length;
  // The ordered values (in the direction: non-decreasing after multiplying by sign), and each element's rank among them.
  const ordered: number[] = [];
  const orderedIndex: number[] = [];
  const rankBefore = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    rankBefore[i] = ordered.length;
    if (inOrder[i]) {
      ordered.push(sign * seq.values[i]);
      orderedIndex.push(i);
    }
  }
  const out: Misplaced[] = [];
  for (let i = 0; i < m; i++) {
    if (inOrder[i]) continue;
    const x = sign * seq.values[i];
    const k = rankBefore[i];
    const before = k > 0 ? orderedIndex[k - 1] : -1;
    const after = k < orderedIndex.length ? orderedIndex[k] : -1;
    // Where x belongs among the ordered values: the first one greater than x.
    let lo = 0;
    let hi = ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ordered[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    const low = before >= 0 ? sign * seq.values[before] : -Infinity;
    const high = after >= 0 ? sign * seq.values[after] : Infinity;
    const time = x < low ? low - x : x > high ? x - high : 0;
    out.push({ index: i, before, after, belongs: orderedIndex[Math.min(lo, orderedIndex.length - 1)], rows: Math.abs(lo - k), time });
  }
  return out;
}

export const outOfOrderTimestamp = defineRule({
  id: 'out-of-order-timestamp',
  title: 'Timestamp out of order',
  dimension: 'timeliness',
  defaultSeverity: 'warning',
  defaultOptions: { orderedShare: 0.95, minShareOfSpan: 0.005, jitterFactor: 5 },
  description: 'A date or time far out of place in a column that is otherwise in time order (the out-of-place row itself, not its neighbour).',
  docs: `Logs, sensor readings and transaction tables are usually written in time order. A row far out of
place in an otherwise ordered column is a clock glitch, a late insert or a wrong date (a year typed wrong),
and it breaks time-based train/test splits and lag features. Date and timestamp columns are read, and text
columns of clock times ("3:24:21", read as seconds: a race's results listed by finish time).

The rows in order are a longest non-decreasing (or, for a column newest first, non-increasing)
subsequence of the column (of each part, where the order restarts: several logs one after the other); the
column counts as ordered when it holds at least \`orderedShare\` of the values (all but one in a short
column). Where the order restarts too often for logs one after the other (more than once in 50 values), the column is
still read as a ledger of entities — each block of another column's values (text or whole numbers, each value's rows
together, 10 rows a block on average) in order on its own — where 90% of the restarts fall where such a block begins:
an account's card transactions, then the next account's. The rows outside it are the out-of-place ones: the finding sits on such a row, not on the
neighbour that merely looks "earlier than the row before it" because of it. A row is reported only when its
value lies outside its ordered neighbours' by at least \`minShareOfSpan\` of the column's time span (that of
the central 98% of the rows in order, scaled to all: a year typed wrong on the first or last row still fits
the order and would stretch it over years) and
\`jitterFactor\` times the column's usual jitter (the median displacement of rows merely swapped with a
neighbour, when the column has several): a payment logged a few seconds after the next order is not an
error.

A date or time column that keeps a narrow distance from an ordered one — the central 99% of its differences from it
span less than half the displacement that puts a row out of place there: a drop-off minutes after its pick-up — moved with it
where a reported row keeps that distance (a day and month exchanged in both): its cell is reported too, pointing at
the ordered one. Where the row does not keep it, only the ordered cell moved.

The evidence: the neighbouring values in order, how far the value lies outside them, and the row it belongs
next to (related information points at both); for a cell that moved with another, that column and its value.

**Fix**: check the date; sort the file if order does not matter.`,
  check({ data, options, report, rowNumber }) {
    // Cells reported, and the out-of-place rows of each ordered column with how far they lie (for the columns that move with it).
    const reported = new Set<number>();
    const width = data.columns.length;
    const moved: { c: number; r: number; far: number; value: string }[] = [];
    data.columns.forEach((column, c) => {
      const clock = isClockColumn(data, c);
      if (!TEMPORAL_KINDS.includes(column.kind) && !clock) return;
      // The cheap tests read the column in place; the present values and their rows are copied only for a
      // column that passes them (most do not).
      const numbers = numericColumn(data, c);
      const { present: m, up, down } = steps(numbers);
      if (m < 10) return;
      // Whether any value goes back (or forward) at all, before the O(m log m) search.
      if (up === 0 || down === 0) return;
      const sign = up >= down ? 1 : -1;
      // Each segment (the order may restart: several logs one after the other) in order on its own.
      // Restarts must be rare (long segments): a column of many short runs is not in time order.
      const maxRestarts = m / 50;
      // The restarts, as many as a ledger of blocks of MIN_BLOCK_ROWS rows on average may have (a column of dates in no
      // order restarts every few rows: the search stops there).
      const found = segmentStarts(numbers, sign, m / MIN_BLOCK_ROWS);
      if (found.length - 1 > m / MIN_BLOCK_ROWS) return;
      let rows: Int32Array | undefined;
      let starts: number[] | undefined = found;
      // Many restarts: in order only as a ledger of entities written one block after another (an account's
      // transactions, then the next account's), each block its own log.
      if (found.length - 1 > maxRestarts) {
        rows = presentRows(numbers, m);
        starts = entityBlocks(data, c, found, rows);
        if (!starts) return;
      }
      const values = presentValues(numbers);
      const seq: Sequence = { rows: rows ?? presentRows(numbers, m), values };
      const segments = starts.map((start, k) => {
        const end = k + 1 < starts.length ? starts[k + 1] : m;
        const part = { rows: seq.rows.subarray(start, end), values: seq.values.subarray(start, end) };
        return { part, inOrder: longestOrdered(part.values, sign) };
      });
      let kept = 0;
      for (const { inOrder } of segments) for (let i = 0; i < inOrder.length; i++) kept += inOrder[i];
      // Ordered overall: at most 1 − orderedShare of the values out of place (one, in a short column).
      if (m - kept > Math.max(1, m * (1 - options.orderedShare))) return;
      const out = segments.flatMap(({ part, inOrder }) => misplaced(part, inOrder, sign).map((o) => ({ ...o, part })));
      // The time span the ordered rows cover (segments overlap or follow each other), robustly: a wrong year at
      // the first or last row still fits the order and would stretch it over years (its central 98%, scaled).
      const orderedValues = new Float64Array(kept);
      let k = 0;
      for (const { part, inOrder } of segments) for (let i = 0; i < inOrder.length; i++) if (inOrder[i]) orderedValues[k++] = part.values[i];
      orderedValues.sort();
      const span = (quantile(orderedValues, 1 - SPAN_TAIL) - quantile(orderedValues, SPAN_TAIL)) / (1 - 2 * SPAN_TAIL);
      // The usual jitter: rows merely swapped with a neighbour, when the column has several.
      const swapped = out.filter((o) => o.rows <= 1).map((o) => o.time).sort((a, b) => a - b);
      const jitter = swapped.length >= 5 ? swapped[swapped.length >> 1] : 0;
      const far = Math.max(options.minShareOfSpan * span, options.jitterFactor * jitter);
      const order = sign === 1 ? 'time order' : 'reverse time order';
      for (const o of out) {
        if (!(o.time > far)) continue;
        const r = o.part.rows[o.index];
        // A value as the column writes it: a clock time as written, a date or timestamp in ISO form.
        const text = (i: number) => (clock ? cellText(data, o.part.rows[i], c) : instantText(column.kind, o.part.values[i]));
        const value = text(o.index);
        const around =
          o.before >= 0 && o.after >= 0
            ? `the rows around it run from ${text(o.before)} (row ${rowNumber(o.part.rows[o.before])}) to ${text(o.after)} (row ${rowNumber(o.part.rows[o.after])})`
            : o.before >= 0
              ? `the rows before it end at ${text(o.before)} (row ${rowNumber(o.part.rows[o.before])})`
              : `the rows after it start at ${text(o.after)} (row ${rowNumber(o.part.rows[o.after])})`;
        const belongsRow = o.part.rows[o.belongs];
        reported.add(r * width + c);
        // (Companions are dates and timestamps: a clock column's seconds are no instants to keep a distance from.)
        if (!clock) moved.push({ c, r, far, value });
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: {
            ...(o.before >= 0 ? { previous: text(o.before) } : {}),
            ...(o.after >= 0 ? { next: text(o.after) } : {}),
            belongsNearRow: rowNumber(belongsRow),
            rowsAway: o.rows,
            inOrderShare: Number((kept / m).toFixed(4)),
          },
          message: `${value} in column "${column.name}" is out of place: ${around}, in a column otherwise in ${order}; it belongs near row ${rowNumber(belongsRow)}.`,
          related: () => [
            ...(o.before >= 0 ? [{ row: o.part.rows[o.before], columnIndex: c, message: 'Previous row in order' }] : []),
            ...(o.after >= 0 ? [{ row: o.part.rows[o.after], columnIndex: c, message: 'Next row in order' }] : []),
            { row: belongsRow, columnIndex: c, message: 'Where its value belongs' },
          ],
        });
      }
    });
    // A date or time that keeps a narrow distance from an ordered one (a drop-off minutes after its pick-up) moved with it
    // where the row keeps that distance: both cells are out of place.
    for (const { column: u, of, low, high } of companions(data, moved)) {
      for (const { c, r, value } of moved) {
        if (c !== of || reported.has(r * width + u)) continue;
        const [t, v] = [numericColumn(data, c)[r], numericColumn(data, u)[r]];
        if (!(v - t >= low && v - t <= high)) continue;
        reported.add(r * width + u);
        const text = instantText(data.columns[u].kind, v);
        report({
          row: r,
          columnIndex: u,
          value: text,
          evidence: { movedWith: data.columns[c].name, movedValue: value },
          message: `${text} in column "${data.columns[u].name}" is out of place with ${data.columns[c].name} ${value} of its row, which it keeps its usual distance from: both moved.`,
          related: [{ row: r, columnIndex: c, message: `${data.columns[c].name} ${value}, out of place` }],
        });
      }
    }
  },
});

/** An instant (epoch ms) as a date column's ISO date or a timestamp column's "YYYY-MM-DD hh:mm:ss". */
function instantText(kind: string, v: number): string {
  return new Date(v).toISOString().slice(0, kind === 'date' ? 10 : 19).replace('T', ' ');
}

/** Central share of a companion's distances from the ordered column (see companions). */
const COMPANION_SHARE = 0.99;

/** A date or time column that keeps its differences from ordered column `of` between `low` and `high`. */
interface Companion {
  column: number;
  of: number;
  low: number;
  high: number;
}

/**
 * Date or time columns that keep a narrow distance from an ordered column with out-of-place rows (`moved`): the central
 * COMPANION_SHARE of their differences from it span less than half the displacement (`far`) that puts a row out of place there.
 */
function companions(data: IngestResult, moved: readonly { c: number; far: number }[]): Companion[] {
  const found: Companion[] = [];
  const ordered = new Map<number, number>();
  for (const m of moved) ordered.set(m.c, m.far);
  for (const [c, far] of ordered) {
    const t = numericColumn(data, c);
    data.columns.forEach((column, u) => {
      if (u === c || !TEMPORAL_KINDS.includes(column.kind)) return;
      const v = numericColumn(data, u);
      const gaps: number[] = [];
      for (let r = 0; r < t.length; r++) if (Number.isFinite(t[r]) && Number.isFinite(v[r])) gaps.push(v[r] - t[r]);
      if (gaps.length < 10) return;
      const sorted = Float64Array.from(gaps).sort();
      const tail = (1 - COMPANION_SHARE) / 2;
      const [low, high] = [quantile(sorted, tail), quantile(sorted, 1 - tail)];
      if (high - low < far / 2) found.push({ column: u, of: c, low, high });
    });
  }
  return found;
}
