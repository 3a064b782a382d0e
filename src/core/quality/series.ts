/**
 * Series: numeric columns whose values change little from one row to the next in file order (a sensor's readings,
 * a day's temperature beside the day before's). What the rules that read a row against its neighbouring rows share.
 */
import type { IngestResult } from '../table/model';
import { TEMPORAL_KINDS, memo, numericColumn, sortedColumn } from './column-values';

/**
 * A column whose values change little from one row to the next in file order has the median change below this share
 * of its interquartile range; in rows of no order it is about 0.7.
 */
export const SMOOTH_STEP = 0.5;
/** Changes from a row to the next a column needs before they say whether it is a series. */
const MIN_STEPS = 20;

/** The changes of a column's values from each row to the next (where both are numbers), in row order. */
function rawSteps(data: IngestResult, c: number): Float64Array {
  return memo(data, `raw-steps:${c}`, () => {
    const values = numericColumn(data, c);
    const steps = new Float64Array(Math.max(0, values.length - 1));
    for (let r = 1; r < values.length; r++) steps[r - 1] = values[r] - values[r - 1];
    return steps;
  });
}

/**
 * The changes of a column's values from each row to the next (where both are numbers), in row order — NaN where a new
 * series begins: in a table of several series one after another (each station's hours in time order), the rows where
 * the time the rows are listed by goes back (a date or timestamp column rising in TIME_ORDER_SHARE of its changes).
 */
export function rowSteps(data: IngestResult, c: number): Float64Array {
  if (TEMPORAL_KINDS.includes(data.columns[c].kind)) return rawSteps(data, c);
  return memo(data, `row-steps:${c}`, () => {
    const steps = rawSteps(data, c);
    const listing = data.columns.findIndex((_, t) => risingTimes(data, t));
    if (listing < 0) return steps;
    const times = rawSteps(data, listing);
    const out = Float64Array.from(steps);
    for (let i = 0; i < out.length; i++) if (times[i] < 0) out[i] = NaN;
    return out;
  });
}

/** The sizes of a column's changes from a row to the next (where both are numbers), ascending. */
export function stepSizes(data: IngestResult, c: number): Float64Array {
  return memo(data, `step-sizes:${c}`, () => Float64Array.from(rowSteps(data, c).filter((step) => Number.isFinite(step)), Math.abs).sort());
}

/** How many of a column's changes from a row to the next (where both are numbers) there are, and how many are none, up and down. */
export function stepCounts(data: IngestResult, c: number): { finite: number; none: number; up: number; down: number } {
  return memo(data, `step-counts:${c}`, () => {
    const counts = { finite: 0, none: 0, up: 0, down: 0 };
    for (const step of rowSteps(data, c)) {
      if (!Number.isFinite(step)) continue;
      counts.finite++;
      if (step === 0) counts.none++;
      else if (step > 0) counts.up++;
      else counts.down++;
    }
    return counts;
  });
}

/** The median size of a column's changes from a row to the next, where it is a smooth series (SMOOTH_STEP); undefined otherwise. */
export function seriesStep(data: IngestResult, c: number): number | undefined {
  return memo(data, `series-step:${c}`, () => {
    const sizes = stepSizes(data, c);
    if (sizes.length < MIN_STEPS) return undefined;
    const median = sizes[sizes.length >> 1];
    const sorted = sortedColumn(data, c);
    const iqr = sorted.quantile(0.75) - sorted.quantile(0.25);
    return median > 0 && median <= SMOOTH_STEP * iqr ? median : undefined;
  });
}

/** Share of a date or timestamp column's changes (of those that are not none) that must go one way for the rows to be in time order. */
const TIME_ORDER_SHARE = 0.95;
/** Values a date or timestamp column needs before its order says the rows are in time order. */
const MIN_TIMES = 20;

/**
 * Whether the table's rows are in time order: a date or timestamp column whose values, read in row order, go one way
 * in TIME_ORDER_SHARE of their changes (a log, readings, daily prices). A table listed by code or place is no series
 * in time, whatever its columns look like from row to row (neighbouring zip codes have near latitudes).
 */
export function inTimeOrder(data: IngestResult): boolean {
  return memo(data, 'in-time-order', () =>
    data.columns.some((column, c) => {
      if (!TEMPORAL_KINDS.includes(column.kind)) return false;
      const { up, down } = stepCounts(data, c);
      return up + down >= MIN_TIMES && Math.max(up, down) >= TIME_ORDER_SHARE * (up + down);
    }),
  );
}

/** Whether column `c` is a date or timestamp column whose values go up in row order (TIME_ORDER_SHARE of MIN_TIMES changes or more). */
function risingTimes(data: IngestResult, c: number): boolean {
  if (!TEMPORAL_KINDS.includes(data.columns[c].kind)) return false;
  const { up, down } = stepCounts(data, c);
  return up + down >= MIN_TIMES && up >= TIME_ORDER_SHARE * (up + down);
}

/**
 * Where column `c` is a time the rows are listed by (see risingTimes): whether row `r`'s value lies between the values
 * of the nearest rows before and after it that hold one (`true`), or outside (`false`: out of place); undefined where
 * the column is no such time or the row holds none. Rows `besides` are not neighbours (two records of one thing, side by
 * side, each judged against the rows around both).
 */
export function fitsListedTime(data: IngestResult, c: number, r: number, besides: readonly number[] = []): boolean | undefined {
  if (!risingTimes(data, c)) return undefined;
  const values = numericColumn(data, c);
  if (!Number.isFinite(values[r])) return undefined;
  const neighbour = (k: number) => Number.isFinite(values[k]) && !besides.includes(k);
  let [before, after] = [NaN, NaN];
  for (let k = r - 1; k >= 0 && Number.isNaN(before); k--) if (neighbour(k)) before = values[k];
  for (let k = r + 1; k < values.length && Number.isNaN(after); k++) if (neighbour(k)) after = values[k];
  return !(values[r] < before) && !(values[r] > after);
}

/** How many times further from its neighbouring rows one value must be than the other to be the one that jumps. */
const JUMP_RATIO = 2;

/** How far row r's value of a smooth column is from the nearer of its neighbouring rows', in the column's median steps. */
function neighbourJump(data: IngestResult, c: number, r: number): number | undefined {
  const step = seriesStep(data, c);
  if (step === undefined) return undefined;
  const values = numericColumn(data, c);
  const near = Math.min(...[values[r - 1], values[r + 1]].filter((v) => Number.isFinite(v)).map((v) => Math.abs(values[r] - v)));
  return Number.isFinite(near) ? near / step : undefined;
}

/**
 * Of row `r`'s values of columns `a` and `b`, both smooth series (see seriesStep), the column whose value jumps from its
 * neighbouring rows': JUMP_RATIO times further from them than the other's, and more than a median step (a winter day's
 * minimum set above its maximum, an excavation's end date a year after its neighbours'); undefined where neither does.
 */
export function jumpingColumn(data: IngestResult, a: number, b: number, r: number): number | undefined {
  const [jumpA, jumpB] = [neighbourJump(data, a, r), neighbourJump(data, b, r)];
  if (jumpA === undefined || jumpB === undefined) return undefined;
  if (jumpA >= JUMP_RATIO * jumpB && jumpA > 1) return a;
  if (jumpB >= JUMP_RATIO * jumpA && jumpB > 1) return b;
  return undefined;
}
