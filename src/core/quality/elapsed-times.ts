/**
 * Numbers that count the time between two dates of their row: minutes taken between a start and an end, a length of
 * stay in days between an admission and a discharge, a trip's seconds; or between two clock times of their row (a
 * bus's delay in seconds between its scheduled and its actual arrival, "05:09:00" and "05:10:18"), the clock read
 * round midnight (an arrival at 00:03 twelve minutes after 23:51). Learned from the table: a numeric column n is
 * the time from date (or timestamp) column a to b in a unit (seconds, minutes, hours, days, weeks or months) when on MIN_HOLDING
 * of the rows holding all three, n lies within one unit of (b − a) in that unit (rounded or cut to whole units either
 * way), and BEYOND_CHANCE times as often as with the numbers shuffled over the rows (or missed BEYOND_CHANCE times less
often: counts of a narrow range, monthly periods that shuffled counts match half the time). Its other rows are where a cell
 * is wrong: the number (×10, a slip), or one of the dates.
 */
import type { IngestResult } from '../table/model';
import { TEMPORAL_KINDS, isClockColumn, isNumeric, memo, numericColumn } from './column-values';
import { looksLikeIdentifier } from '../shared/identifier';
import { halfUnitOfColumn } from './numeric-relations';

const DAY_MS = 86_400_000;

/** Units a count of time is written in. */
const UNITS = [
  { name: 'seconds', ms: 1_000, slack: 0 },
  { name: 'minutes', ms: 60_000, slack: 0 },
  { name: 'hours', ms: 3_600_000, slack: 0 },
  { name: 'days', ms: 86_400_000, slack: 0 },
  { name: 'weeks', ms: 604_800_000, slack: 0 },
  // A mean Gregorian month (an age in months at a dose): calendar months are 28 to 31 days, so months completed between
  // two dates lie up to 3 days (0.1 of a mean month) further from the mean months than the count's tolerance.
  { name: 'months', ms: 2_629_746_000, slack: 0.1 },
] as const;
/** Share of the rows holding the three values on which the count must be the time between the dates. */
const MIN_HOLDING = 0.8;
/** Rows holding the three values a relation needs. */
const MIN_ROWS = 30;
/** How many times the share of rows holding with the counts shuffled the share holding must be. */
const BEYOND_CHANCE = 3;
/** A count within this many units of the time between the dates agrees with them (rounded or cut either way). */
const TOLERANCE_UNITS = 1;
/** Rows a unit is first tried on (evenly spread), before a pass over every row. */
const SAMPLE_ROWS = 5_000;
/** Columns tried, at most (numbers × pairs of dates). */
const MAX_NUMBERS = 20;
const MAX_DATES = 8;

/** A numeric column that counts the time between two date columns of its row. */
export interface ElapsedTime {
  count: number;
  from: number;
  to: number;
  unit: (typeof UNITS)[number];
  /** The two columns are clock times (text read as seconds of the day): their times are read round midnight (see spanOf). */
  clock: boolean;
  /** Units the count may be off by and agree (see toleranceOf). */
  tolerance: number;
  /** Rows holding the three values, and of them the rows where the count is the time between the dates. */
  rows: number;
  holding: number;
  /**
   * Where the count is exactly the whole units between the dates, plus this many (0, or 1 where the days are counted
   * both ends included), on EXACT_SHARE of the holding rows: nights of a stay between two dates. It must then agree
   * exactly (a departure a day late breaks it).
   */
  offset?: number;
}

/** Share of the rows holding a relation on which the count must be exactly the whole units between the dates, plus an offset, for it to be exact. */
const EXACT_SHARE = 0.98;
/** Offsets an exact count may have (days counted with both ends, or one day short). */
const OFFSETS = [0, 1, -1];

/** The offset under which count `n` is exactly the time `ms` in units of `unitMs`, if any. */
function exactOffset(n: number, ms: number, unitMs: number): number | undefined {
  const units = ms / unitMs;
  return Number.isInteger(units) ? OFFSETS.find((k) => n === units + k) : undefined;
}

/** Whether count `n` is the time `ms` in units of `unitMs`, within `tolerance` units (see TOLERANCE_UNITS). */
const agrees = (n: number, ms: number, unitMs: number, tolerance: number) => Math.abs(n - ms / unitMs) <= tolerance;

/** The units a count of column `c` may be off by and still agree (see TOLERANCE_UNITS): one unit of its last written decimal, at most one. */
function toleranceOf(data: IngestResult, c: number): number {
  return Math.min(TOLERANCE_UNITS, 2 * halfUnitOfColumn(data, c));
}

/** A date, timestamp or clock column's times in ms (a clock's seconds of the day as ms of the day); computed once per column. */
export function timesOf(data: IngestResult, c: number): Float64Array {
  if (TEMPORAL_KINDS.includes(data.columns[c].kind)) return numericColumn(data, c);
  return memo(data, `clock-ms:${c}`, () => numericColumn(data, c).map((seconds) => seconds * 1000));
}

/** The time from `from` to `to` (ms); between clock times, read round midnight: within half a day either way. */
export function spanOf(from: number, to: number, clock: boolean): number {
  const span = to - from;
  if (!clock || Math.abs(span) <= DAY_MS / 2) return span;
  return span - Math.sign(span) * DAY_MS;
}

/** The table's counts of time between its dates (computed once per table). */
export function elapsedTimes(data: IngestResult): ElapsedTime[] {
  return memo(data, 'elapsed-times', () => {
    const numbers: number[] = [];
    const dates: number[] = [];
    data.columns.forEach((column, c) => {
      if (TEMPORAL_KINDS.includes(column.kind) || isClockColumn(data, c)) dates.push(c);
      else if (isNumeric(column) && !looksLikeIdentifier(column.name)) numbers.push(c);
    });
    const found: ElapsedTime[] = [];
    for (const count of numbers.slice(0, MAX_NUMBERS)) {
      const n = numericColumn(data, count);
      const countTolerance = toleranceOf(data, count);
      for (const [i, from] of dates.slice(0, MAX_DATES).entries()) {
        for (const to of dates.slice(i + 1, MAX_DATES)) {
          // Two dates (or timestamps) of one kind, or two clock times (text of any kind).
          const clock = !TEMPORAL_KINDS.includes(data.columns[from].kind);
          if (clock !== !TEMPORAL_KINDS.includes(data.columns[to].kind) || (!clock && data.columns[from].kind !== data.columns[to].kind)) continue;
          const [a, b] = [timesOf(data, from), timesOf(data, to)];
          const span = (r: number) => spanOf(a[r], b[r], clock);
          const rows: number[] = [];
          for (let r = 0; r < n.length; r++) if (!Number.isNaN(n[r]) && !Number.isNaN(a[r]) && !Number.isNaN(b[r])) rows.push(r);
          if (rows.length < MIN_ROWS) continue;
          // Units worth a pass over every row: those under which a sample of the rows holds the relation at least half as
          // often as it must (an unrelated number holds it on almost none).
          const step = Math.max(1, Math.floor(rows.length / SAMPLE_ROWS));
          const likely = UNITS.filter((unit) => {
            const tolerance = countTolerance + unit.slack;
            let [forward, backward, sampled] = [0, 0, 0];
            for (let k = 0; k < rows.length; k += step, sampled++) {
              const r = rows[k];
              if (agrees(n[r], span(r), unit.ms, tolerance)) forward++;
              if (agrees(n[r], -span(r), unit.ms, tolerance)) backward++;
            }
            return Math.max(forward, backward) >= (MIN_HOLDING / 2) * sampled;
          });
          for (const unit of likely) {
            const tolerance = countTolerance + unit.slack;
            // Either way round: the later column is `to` where the times counted are positive.
            let [forward, backward] = [0, 0];
            for (const r of rows) {
              if (agrees(n[r], span(r), unit.ms, tolerance)) forward++;
              if (agrees(n[r], -span(r), unit.ms, tolerance)) backward++;
            }
            const [holding, sign] = forward >= backward ? [forward, 1] : [backward, -1];
            if (holding < MIN_HOLDING * rows.length) continue;
            // Exact: the whole units between the dates, plus one offset, on nearly every holding row.
            const byOffset = new Map<number, number>();
            for (const r of rows) {
              const k = exactOffset(n[r], sign * span(r), unit.ms);
              if (k !== undefined) byOffset.set(k, (byOffset.get(k) ?? 0) + 1);
            }
            const [best, exactRows] = [...byOffset].reduce<[number | undefined, number]>((top, [k, count]) => (count > top[1] ? [k, count] : top), [undefined, 0]);
            const offset = best !== undefined && exactRows >= EXACT_SHARE * holding ? best : undefined;
            // With the counts shuffled over the rows (each row's dates beside another row's count, half the rows on), under
            // the agreement the relation keeps: exact for an exact count (short stays agree within a night by chance).
            const agreeing = (count: number, ms: number) => (offset === undefined ? agrees(count, ms, unit.ms, tolerance) : exactOffset(count, ms, unit.ms) === offset);
            let chance = 0;
            for (let k = 0; k < rows.length; k++) {
              const [r, other] = [rows[k], rows[(k + (rows.length >> 1)) % rows.length]];
              if (agreeing(n[other], sign * span(r))) chance++;
            }
            // Beyond chance: held that many times as often as shuffled, or (counts of a narrow range, monthly periods of 28
            // to 31 days that shuffled counts often match) broken that many times less often.
            const held = offset === undefined ? holding : exactRows;
            if (held < BEYOND_CHANCE * chance && BEYOND_CHANCE * (rows.length - held) > rows.length - chance) continue;
            found.push({ count, from: sign === 1 ? from : to, to: sign === 1 ? to : from, unit, clock, tolerance, rows: rows.length, holding, ...(offset === undefined ? {} : { offset }) });
            break;
          }
        }
      }
    }
    return found;
  });
}

/** Whether count `n` is the time from `from` to `to` (epoch ms) as `relation` counts it (within its tolerance, or exactly with its offset). */
export function countAgrees(relation: ElapsedTime, n: number, from: number, to: number): boolean {
  const span = spanOf(from, to, relation.clock);
  return relation.offset === undefined ? agrees(n, span, relation.unit.ms, relation.tolerance) : n === span / relation.unit.ms + relation.offset;
}

/**
 * The rows where the count is not the time between the dates (beyond TOLERANCE_UNITS; an exact count, by any), with the
 * count the dates give, in the unit.
 */
export function countsOff(data: IngestResult, relation: ElapsedTime): { row: number; expected: number }[] {
  const [n, a, b] = [numericColumn(data, relation.count), timesOf(data, relation.from), timesOf(data, relation.to)];
  const off: { row: number; expected: number }[] = [];
  const { offset } = relation;
  for (let r = 0; r < n.length; r++) {
    if (Number.isNaN(n[r]) || Number.isNaN(a[r]) || Number.isNaN(b[r])) continue;
    const units = spanOf(a[r], b[r], relation.clock) / relation.unit.ms;
    if (countAgrees(relation, n[r], a[r], b[r])) continue;
    off.push({ row: r, expected: units + (offset ?? 0) });
  }
  return off;
}

/**
 * Whether row `r`'s value of column `c` is pinned by an exact count of time of the table (see ElapsedTime.offset) that
 * holds at the row: the count, or one of its two dates, with the other two agreeing exactly (a period's start, 31 days
 * before its end as its days in period say). A slip of the value would break the count.
 */
export function pinnedByElapsedTime(data: IngestResult, c: number, r: number): boolean {
  return elapsedTimes(data).some((relation) => {
    if (relation.offset === undefined || (relation.count !== c && relation.from !== c && relation.to !== c)) return false;
    const [n, from, to] = [numericColumn(data, relation.count)[r], timesOf(data, relation.from)[r], timesOf(data, relation.to)[r]];
    return !Number.isNaN(n) && !Number.isNaN(from) && !Number.isNaN(to) && countAgrees(relation, n, from, to);
  });
}
