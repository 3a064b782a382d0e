/**
 * Whole years elapsed since a date, learned from the table's rows: an age and a birth date, years of service and a
 * hire date. A whole-number column n counts the years from date column d to one reference date on nearly every row when
 * year(d) + n — the reference, in years — lies within one year on those rows: n = ⌊R − year(d)⌋ for a reference R. An
 * age typed 10 years off (a slip of a digit) lies 10 years outside. Such a window holds the rows far more often than
 * with the numbers shuffled over the rows (BEYOND_CHANCE), so a dirty table keeps it (MIN_HOLDING) and its other rows
 * are where a cell is wrong.
 */
import type { IngestResult } from '../table/model';
import { TEMPORAL_KINDS, memo, numericColumn, sortedColumn } from './column-values';

/** Milliseconds in a mean Gregorian year. */
const YEAR_MS = 365.2425 * 86_400_000;
/** Width of the reference's window, in years: one year, and a day for leap years and rounding. */
const WINDOW = 1 + 1 / 365;
/** Share of the rows holding both values the window must hold (errors in a tenth of two columns' cells leave 81%). */
const MIN_HOLDING = 0.8;
/** Rows holding both values a relation needs. */
const MIN_ROWS = 30;
/** How many times the share of rows the window holds with the numbers shuffled over the rows it must hold. */
const BEYOND_CHANCE = 10;
/** A row breaks the relation by at least this many years beyond the window (an age off by one may be a birthday not yet counted). */
export const MIN_YEARS_OFF = 2;
/** The largest count of years a column holds in most rows (ages, tenures): its central 95% from 0 to this. */
const MAX_YEARS = 150;
/** Columns tried, at most (numbers × dates). */
const MAX_NUMBERS = 20;
const MAX_DATES = 10;

/** A number column that counts whole years since a date column's dates. */
export interface ElapsedYears {
  /** The whole-number column (an age) and the date column (a birth date). */
  years: number;
  date: number;
  /** The reference's window, in years since 1970: year(date) + years lies in [from, from + WINDOW] where it holds. */
  from: number;
  /** Rows holding both values, and of them the rows within the window. */
  rows: number;
  holding: number;
}

/** A date's time in years since 1970. */
const yearsOf = (ms: number) => ms / YEAR_MS;

/** Whether column `c` holds counts of years: whole numbers, 95% of them from 0 to MAX_YEARS. */
function countsYears(data: IngestResult, c: number): boolean {
  if (data.columns[c].kind !== 'integer') return false;
  const sorted = sortedColumn(data, c);
  return sorted.length >= MIN_ROWS && sorted.quantile(0.025) >= 0 && sorted.quantile(0.975) <= MAX_YEARS;
}

/** The start of the WINDOW-wide window holding most of `sorted`'s values (sorted ascending), and how many it holds. */
function densestWindow(sorted: Float64Array): { from: number; count: number } {
  let best = { from: NaN, count: 0 };
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j] <= sorted[i] + WINDOW) j++;
    if (j - i > best.count) best = { from: sorted[i], count: j - i };
  }
  return best;
}

/** The relations between the table's columns of years and its date columns (computed once per table). */
export function elapsedYears(data: IngestResult): ElapsedYears[] {
  return memo(data, 'elapsed-years', () => {
    const numbers: number[] = [];
    const dates: number[] = [];
    data.columns.forEach((column, c) => {
      if (TEMPORAL_KINDS.includes(column.kind)) dates.push(c);
      else if (countsYears(data, c)) numbers.push(c);
    });
    const found: ElapsedYears[] = [];
    for (const n of numbers.slice(0, MAX_NUMBERS)) {
      const years = numericColumn(data, n);
      for (const d of dates.slice(0, MAX_DATES)) {
        const ms = numericColumn(data, d);
        const both: number[] = [];
        for (let r = 0; r < years.length; r++) if (!Number.isNaN(years[r]) && !Number.isNaN(ms[r])) both.push(r);
        if (both.length < MIN_ROWS) continue;
        const references = Float64Array.from(both, (r) => yearsOf(ms[r]) + years[r]).sort();
        const { from, count } = densestWindow(references);
        if (count < MIN_HOLDING * both.length) continue;
        // With the numbers shuffled over the rows (each row's date beside another row's number, half the rows on).
        let chance = 0;
        for (let i = 0; i < both.length; i++) {
          const reference = yearsOf(ms[both[i]]) + years[both[(i + (both.length >> 1)) % both.length]];
          if (reference >= from && reference <= from + WINDOW) chance++;
        }
        if (count < BEYOND_CHANCE * chance) continue;
        found.push({ years: n, date: d, from, rows: both.length, holding: count });
      }
    }
    return found;
  });
}

/** The rows at least `minYears` years outside the relation's window, with how many years (one pass over both columns). */
export function rowsOff(data: IngestResult, relation: ElapsedYears, minYears: number): { row: number; off: number }[] {
  const years = numericColumn(data, relation.years);
  const ms = numericColumn(data, relation.date);
  const out: { row: number; off: number }[] = [];
  for (let r = 0; r < years.length; r++) {
    // NaN (a missing value) is outside nothing.
    const reference = yearsOf(ms[r]) + years[r];
    const off = reference < relation.from ? relation.from - reference : reference - (relation.from + WINDOW);
    if (off >= minYears) out.push({ row: r, off });
  }
  return out;
}

/** The month (YYYY-MM) the relation's counts were taken in: a year after its window's start. */
export function referenceMonth(relation: ElapsedYears): string {
  return new Date((relation.from + 1) * YEAR_MS).toISOString().slice(0, 7);
}

/** The count of years the relation gives for row `r`'s date: the whole years from it to the window's reference. */
export function expectedYears(data: IngestResult, relation: ElapsedYears, r: number): number {
  return Math.floor(relation.from + WINDOW - yearsOf(numericColumn(data, relation.date)[r]));
}
