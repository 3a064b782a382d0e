/**
 * Class 7: out-of-order timestamps. In a time column that is in order (99% of steps non-decreasing), one
 * row's timestamp moves far out of place: the value of a row far away (≥ max(20, 5% of rows)), or its year
 * changed by 1–10. The new value belongs at least max(10, 1% of rows) rows away and breaks the order with
 * both neighbours' sides, so the culprit row — the only correct answer — can be told from its neighbours.
 * Injected rows are at least 10 rows apart.
 */
import { dateValue, parseDate, renderDate } from '../dates';
import { randomRow, type Injection, type Injector } from '../inject';
import type { ColumnFacts } from '../columns';

/** Index of the first time ≥ t in a non-decreasing array. */
function lowerBound(times: number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The column's times, in row order, keeping only values that do not go back (where each value belongs). */
function orderedTimes(ctx: Injection, facts: ColumnFacts): number[] {
  const times: number[] = [];
  for (let r = 0; r < ctx.rowCount; r++) {
    const p = facts.dateFormat && parseDate(ctx.text(r, facts.index), facts.dateFormat);
    const v = p ? dateValue(p) : NaN;
    if (!Number.isNaN(v) && (times.length === 0 || v >= times[times.length - 1])) times.push(v);
  }
  return times;
}

function attempt(ctx: Injection, facts: ColumnFacts, times: number[], used: number[]): boolean {
  const format = facts.dateFormat;
  if (format === undefined) return false;
  const rows = ctx.rowCount;
  const row = randomRow(ctx);
  if (row < 3 || row > rows - 4 || used.some((u) => Math.abs(u - row) < 10)) return false;
  const time = (r: number) => {
    const p = parseDate(ctx.text(r, facts.index), format);
    return p ? dateValue(p) : NaN;
  };
  const parts = parseDate(ctx.text(row, facts.index), format);
  if (!parts) return false;
  let text: string;
  let variant: string;
  if (ctx.rng.chance(0.5)) {
    const distance = ctx.rng.int(Math.max(20, Math.ceil(0.05 * rows)), Math.max(21, Math.floor(rows / 2)));
    const from = ctx.rng.chance(0.5) ? row - distance : row + distance;
    if (from < 0 || from >= rows) return false;
    text = ctx.text(from, facts.index);
    variant = 'far-value';
  } else {
    const years = ctx.rng.int(1, 10) * (ctx.rng.chance(0.5) ? -1 : 1);
    const moved = { ...parts, y: parts.y + years };
    if (parseDate(renderDate(moved, format), format) === undefined) return false;
    text = renderDate(moved, format);
    variant = 'year-changed';
  }
  const dirty = parseDate(text, format);
  if (!dirty) return false;
  const t = dateValue(dirty);
  // Out of place against both sides, and far from where it belongs.
  const before = [time(row - 3), time(row - 2), time(row - 1)];
  const after = [time(row + 1), time(row + 2), time(row + 3)];
  if ([...before, ...after].some(Number.isNaN)) return false;
  if (!(t < Math.min(...before) || t > Math.max(...after))) return false;
  if (Math.abs(lowerBound(times, t) - lowerBound(times, time(row))) < Math.max(10, 0.01 * rows)) return false;
  if (!ctx.hasRoom('timestamp-order', facts.index) || !ctx.edit('timestamp-order', variant, [{ row, column: facts.index, text }])) return false;
  used.push(row);
  return true;
}

export const orderInjector: Injector = {
  cls: 'timestamp-order',
  description: 'in a time column in order, one row\'s timestamp moved far out of place (a far row\'s value, or its year changed by 1–10); the culprit row is the answer',
  inject(ctx, count) {
    const columns = ctx.facts.filter((f) => f.kind === 'date' && f.ordered);
    if (columns.length === 0) return 0;
    const state = columns.map((facts) => ({ facts, times: orderedTimes(ctx, facts), used: [] as number[] }));
    return ctx.place(count, () => {
      const { facts, times, used } = ctx.rng.pick(state);
      return attempt(ctx, facts, times, used);
    });
  },
};
