/**
 * Whole-number columns that hold a part of a date column's dates: a model year beside the first registration, the
 * year, month and day a date was split into; and text columns of weekday names ("Tuesday", "TUE") that hold the
 * weekday of a date column's dates. Learned from the table: a column equals the year (month, day) of a date
 * column on nearly every row holding both (MIN_EQUAL_SHARE), far more often than with its numbers shuffled over the
 * rows (BEYOND_CHANCE). A row where the two differ holds a wrong cell: a year with two digits swapped (2041 for 2014),
 * a date from another row.
 */
import type { IngestResult } from '../table/model';
import { TEMPORAL_KINDS, TEXT_KINDS, distinctValues, memo, numericColumn, sortedColumn } from './column-values';

/** The parts of a date a column may hold, with the range of their values. */
export const DATE_PARTS = {
  year: { low: 1000, high: 3000, of: (ms: number) => new Date(ms).getUTCFullYear() },
  month: { low: 1, high: 12, of: (ms: number) => new Date(ms).getUTCMonth() + 1 },
  day: { low: 1, high: 31, of: (ms: number) => new Date(ms).getUTCDate() },
  // Sunday 0 to Saturday 6, as a text column of weekday names is read (weekdayNumbers).
  weekday: { low: 0, high: 6, of: (ms: number) => new Date(ms).getUTCDay() },
} as const;
export type DatePart = keyof typeof DATE_PARTS;
/** The parts, in the order a column is tried against them. */
const PART_NAMES: readonly DatePart[] = ['year', 'month', 'day'];

/** Rows holding both values a relation needs. */
const MIN_ROWS = 30;
/** Share of those rows on which the number must equal the date's part. */
const MIN_EQUAL_SHARE = 0.95;
/** How many times the share of equal rows with the numbers shuffled over the rows the relation must hold. */
const BEYOND_CHANCE = 10;
/** The same for weekdays, of which shuffled rows already agree one time in seven. */
const WEEKDAY_BEYOND_CHANCE = 3;
/** Columns tried, at most (numbers × dates). */
const MAX_NUMBERS = 20;
const MAX_DATES = 10;

/** A whole-number column holding a part of a date column's dates. */
export interface DatePartRelation {
  part: DatePart;
  number: number;
  date: number;
  /** Rows holding both values, and of them those where the number is the date's part. */
  rows: number;
  equal: number;
  /** The least and greatest number, and date part, on the equal rows. */
  numbers: [number, number];
}

/** Weekday names in English, Sunday first, as the day's number (0–6) reads them: in full or their first three letters. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_OF = new Map(WEEKDAY_NAMES.flatMap((name, day) => [[name.toLowerCase(), day] as const, [name.slice(0, 3).toLowerCase(), day] as const]));
/** Distinct values, at most, of a column of weekday names (the seven, written a few ways). */
const MAX_WEEKDAY_VALUES = 30;

/**
 * A text column's weekdays per row (0 Sunday to 6 Saturday; NaN where empty or no weekday name), where MIN_EQUAL_SHARE
 * of its rows with a value (MIN_ROWS at least) are weekday names; else undefined. Computed once per column.
 */
export function weekdayNumbers(data: IngestResult, c: number): Float64Array | undefined {
  if (!TEXT_KINDS.includes(data.columns[c].kind)) return undefined;
  return memo(data, `weekdays:${c}`, () => {
    const distinct = distinctValues(data, c);
    if (distinct.size > MAX_WEEKDAY_VALUES) return undefined;
    const day = Array.from({ length: distinct.size }, (_, id) => WEEKDAY_OF.get(distinct.text(id).trim().replace(/\.$/, '').toLowerCase()) ?? NaN);
    let [present, named] = [0, 0];
    for (let id = 0; id < distinct.size; id++) {
      present += distinct.counts[id];
      if (!Number.isNaN(day[id])) named += distinct.counts[id];
    }
    if (named < MIN_ROWS || named < MIN_EQUAL_SHARE * present) return undefined;
    return Float64Array.from(distinct.ids, (id) => (id < 0 ? NaN : day[id]));
  });
}

/** A relation's numbers per row: the whole numbers of its column, or the weekdays its names say. */
export function partValues(data: IngestResult, relation: DatePartRelation): Float64Array {
  return (relation.part === 'weekday' ? weekdayNumbers(data, relation.number) : undefined) ?? numericColumn(data, relation.number);
}

/** The part a whole-number column's values could be (all from its range, at least two distinct), if any. */
function partsFitting(data: IngestResult, c: number): DatePart[] {
  if (data.columns[c].kind !== 'integer') return [];
  const sorted = sortedColumn(data, c);
  if (sorted.length < MIN_ROWS) return [];
  const [low, high] = [sorted.quantile(0), sorted.quantile(1)];
  if (low === high) return [];
  return PART_NAMES.filter((part) => sorted.quantile(0.01) >= DATE_PARTS[part].low && sorted.quantile(0.99) <= DATE_PARTS[part].high);
}

/** The table's whole-number columns that hold a part of one of its date columns' dates (computed once per table). */
export function datePartRelations(data: IngestResult): DatePartRelation[] {
  return memo(data, 'date-parts', () => {
    const dates = data.columns.flatMap((column, c) => (TEMPORAL_KINDS.includes(column.kind) ? [c] : [])).slice(0, MAX_DATES);
    if (dates.length === 0) return [];
    const found: DatePartRelation[] = [];
    const numbers = data.columns.map((_, c) => c).filter((c) => partsFitting(data, c).length > 0 || weekdayNumbers(data, c) !== undefined).slice(0, MAX_NUMBERS);
    for (const n of numbers) {
      const weekdays = weekdayNumbers(data, n);
      const values = weekdays ?? numericColumn(data, n);
      const parts: readonly DatePart[] = weekdays ? ['weekday'] : partsFitting(data, n);
      for (const d of dates) {
        const ms = numericColumn(data, d);
        const both: number[] = [];
        for (let r = 0; r < values.length; r++) if (!Number.isNaN(values[r]) && !Number.isNaN(ms[r])) both.push(r);
        if (both.length < MIN_ROWS) continue;
        for (const part of parts) {
          const of = DATE_PARTS[part].of;
          let [equal, chance] = [0, 0];
          let [low, high] = [Infinity, -Infinity];
          for (let i = 0; i < both.length; i++) {
            const r = both[i];
            if (values[r] === of(ms[r])) {
              equal++;
              low = Math.min(low, values[r]);
              high = Math.max(high, values[r]);
            }
            // Each row's date beside another row's number (half the rows on).
            if (values[both[(i + (both.length >> 1)) % both.length]] === of(ms[r])) chance++;
          }
          if (equal >= MIN_EQUAL_SHARE * both.length && equal < both.length && equal >= (part === 'weekday' ? WEEKDAY_BEYOND_CHANCE : BEYOND_CHANCE) * chance) {
            found.push({ part, number: n, date: d, rows: both.length, equal, numbers: [low, high] });
            break;
          }
        }
      }
    }
    return found;
  });
}

/** The rows of a relation where the number is not the date's part, with the part the date gives. */
export function rowsDiffering(data: IngestResult, relation: DatePartRelation): { row: number; part: number }[] {
  const values = partValues(data, relation);
  const ms = numericColumn(data, relation.date);
  const of = DATE_PARTS[relation.part].of;
  const out: { row: number; part: number }[] = [];
  for (let r = 0; r < values.length; r++) {
    if (Number.isNaN(values[r]) || Number.isNaN(ms[r])) continue;
    const part = of(ms[r]);
    if (values[r] !== part) out.push({ row: r, part });
  }
  return out;
}

/**
 * A date part written as the cell `like` writes its column's: a number, or a weekday's name in full or in its first three
 * letters, in capitals, small letters or as a name, as `like` is.
 */
export function writtenPart(part: DatePart, value: number, like: string): string {
  if (part !== 'weekday') return String(value);
  const text = like.trim();
  const name = text.replace(/\.$/, '').length <= 3 ? WEEKDAY_NAMES[value].slice(0, 3) : WEEKDAY_NAMES[value];
  return text === text.toUpperCase() ? name.toUpperCase() : text === text.toLowerCase() ? name.toLowerCase() : name;
}
