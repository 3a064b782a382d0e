import { defineRule } from '../rule';
import { TEMPORAL_KINDS, finiteStats, memo, numericColumn, sortedColumn } from '../column-values';
import { quantile } from '../../shared/quantile';
import type { IngestResult } from '../../table/model';

/** A column of years by its name: year, yr, founded, established, built, opened (a word of it; "years" is a duration). */
const YEAR_NAME = /(^|[^a-z])(year|yr|founded|established|built|opened)($|[^a-z])/;
/** Share of a year column's values that must be years up to now (a column of numbers that merely reach 1000–2100 is none). */
const PAST_YEARS_SHARE = 0.95;
/** The earliest year a year column's values reach (earlier ones are codes or counts). */
const EARLIEST_YEAR = 1000;
/** Share of a column's values in the future above which it holds planned dates (or years), not observations. */
const MAX_FUTURE_SHARE = 0.1;
/**
 * A planned date's lead (the later date less the earlier) is at most LEAD_TIMES the lead USUAL_LEAD_SHARE of the rows keep
 * within: the dates still to come are the bookings made furthest ahead, the tail of the leads.
 */
const USUAL_LEAD_SHARE = 0.99;
const LEAD_TIMES = 1.5;

/** Share of the rows holding both, at least, in which a date column is before another for it to be that one's earlier date; rows needed. */
const EARLIER_SHARE = 0.97;
const MIN_EARLIER_ROWS = 20;
const DAY_MS = 86_400_000;

/**
 * The date and time columns before column c in EARLIER_SHARE of the rows holding both (a booking's time before its
 * arrival date), each with the lead (c − that column) that USUAL_LEAD_SHARE of those rows keep within. Computed once.
 */
function earlierColumns(data: IngestResult, c: number): { column: number; lead: number }[] {
  return memo(data, `earlier-dates:${c}`, () => {
    const values = numericColumn(data, c);
    return data.columns.flatMap((column, d) => {
      if (d === c || !TEMPORAL_KINDS.includes(column.kind)) return [];
      const other = numericColumn(data, d);
      const leads: number[] = [];
      for (let r = 0; r < values.length; r++) if (Number.isFinite(values[r]) && Number.isFinite(other[r])) leads.push(values[r] - other[r]);
      if (leads.length < MIN_EARLIER_ROWS) return [];
      const sorted = Float64Array.from(leads).sort();
      // A date against a time: the same day counts as before (booked at 22:30 for that day's arrival, at midnight).
      const sameDay = column.kind !== data.columns[c].kind ? -DAY_MS : 0;
      return quantile(sorted, 1 - EARLIER_SHARE) >= sameDay ? [{ column: d, lead: quantile(sorted, USUAL_LEAD_SHARE) }] : [];
    });
  });
}

/**
 * Whether row r's date of column c, after `limit`, is a planned one: of the earlier dates of its row in the past (see
 * earlierColumns: booked ≤ arrival), the nearest one's usual lead (the column whose lead is the shortest: an
 * application's date before its decision, not the applicant's birth date) times LEAD_TIMES covers it — a stay booked in
 * September for the next August. A year typed wrong (2033 for 2023) leads by years.
 */
function plannedAt(data: IngestResult, c: number, r: number, limit: number): boolean {
  const value = numericColumn(data, c)[r];
  let nearest: { earlier: number; lead: number } | undefined;
  for (const { column, lead } of earlierColumns(data, c)) {
    const earlier = numericColumn(data, column)[r];
    if (earlier <= limit && (!nearest || lead < nearest.lead)) nearest = { earlier, lead };
  }
  return nearest !== undefined && value - nearest.earlier <= LEAD_TIMES * nearest.lead;
}

/** Whether column `c` holds years by its name and values: whole numbers, nearly all from EARLIEST_YEAR to `year`. */
function isYearColumn(data: IngestResult, c: number, year: number): boolean {
  const column = data.columns[c];
  if (column.kind !== 'integer' || !YEAR_NAME.test(column.name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase())) return false;
  const sorted = sortedColumn(data, c);
  return sorted.quantile(0.5 * (1 - PAST_YEARS_SHARE)) >= EARLIEST_YEAR && sorted.quantile(1 - 0.5 * (1 - PAST_YEARS_SHARE)) <= year;
}

export const futureDate = defineRule({
  id: 'future-date',
  title: 'Date in the future',
  dimension: 'timeliness',
  defaultSeverity: 'warning',
  defaultOptions: { toleranceDays: 1 },
  description: 'A date or timestamp later than now (plus `toleranceDays`), or a year after next year in a column of years.',
  docs: `A sale, measurement or event dated in the future is a typo (2031 for 2013), a unit mix-up or a
placeholder. Features derived from it (age, recency) become nonsense.

Years are often written as whole numbers (a year built, a year founded, a model year). A column whose name says so
(a word of it is year, yr, founded, established, built or opened; "years" is a duration) and whose values are
nearly all (95%) whole years from 1000 up to now holds past years: a value after next year (a model year runs one
ahead) is in the future too.

A column with more than a tenth of its values in the future holds planned dates, not observations: not reported. Nor
is a planned date among the others: one whose row holds an earlier date in the past that 97% of the rows hold before it
(booked ≤ arrival; a time on the arrival's day counts as before), the nearest such (the one of the shortest usual lead:
an application's date before its decision, not the applicant's birth date), with a lead between the two of at most 1.5
times what 99% of the rows keep within — a stay booked in September for the next August, the dates still to come being
the bookings made furthest ahead. A year typed wrong (2033 for 2023) leads by years, and is reported.

**Fix**: correct the date. Columns that legitimately hold future dates (due dates, forecasts) can be
ignored per column with the quick fix.`,
  check({ data, options, now, report }) {
    const limit = now.getTime() + options.toleranceDays * 86_400_000;
    // A year is in the future past next year (a car's model year runs a year ahead).
    const lastYear = new Date(limit).getUTCFullYear() + 1;
    data.columns.forEach((column, c) => {
      if (TEMPORAL_KINDS.includes(column.kind)) {
        for (const r of futureRows(data, c, limit)) {
          if (plannedAt(data, c, r, limit)) continue;
          const when = new Date(numericColumn(data, c)[r]).toISOString();
          const value = column.kind === 'date' ? when.slice(0, 10) : when;
          report({ row: r, columnIndex: c, value, message: `${value} in column "${column.name}" is in the future.` });
        }
      } else if (isYearColumn(data, c, lastYear)) {
        for (const r of futureRows(data, c, lastYear)) {
          const value = String(numericColumn(data, c)[r]);
          report({ row: r, columnIndex: c, value, evidence: { lastYear }, message: `${value} in column "${column.name}" is a year in the future (the column holds years up to now).` });
        }
      }
    });
  },
});

/**
 * The rows of column `c` whose value is after `limit` (an instant, or a year), where they are few: a column with more
 * than MAX_FUTURE_SHARE of its values in the future holds planned dates, not observations.
 */
function futureRows(data: IngestResult, c: number, limit: number): number[] {
  // Nothing later than the limit (and nothing infinite): none, without a pass over the rows.
  const stats = finiteStats(data, c);
  if (stats.nonFinite === 0 && !(stats.max > limit)) return [];
  const values = numericColumn(data, c);
  const future: number[] = [];
  let present = 0;
  for (let r = 0; r < values.length; r++) {
    if (Number.isNaN(values[r])) continue;
    present++;
    if (values[r] > limit) future.push(r);
  }
  return future.length > present * MAX_FUTURE_SHARE ? [] : future;
}
