import { defineRule } from '../rule';
import { TEMPORAL_KINDS, finiteStats, numericColumn, sortedColumn } from '../column-values';
import type { IngestResult } from '../../table/model';

/** A column of years by its name: year, yr, founded, established, built, opened (a word of it; "years" is a duration). */
const YEAR_NAME = /(^|[^a-z])(year|yr|founded|established|built|opened)($|[^a-z])/;
/** Share of a year column's values that must be years up to now (a column of numbers that merely reach 1000–2100 is none). */
const PAST_YEARS_SHARE = 0.95;
/** The earliest year a year column's values reach (earlier ones are codes or counts). */
const EARLIEST_YEAR = 1000;
/** Share of a column's values in the future above which it holds planned dates (or years), not observations. */
const MAX_FUTURE_SHARE = 0.1;

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

A column with more than a tenth of its values in the future holds planned dates, not observations: not reported.

**Fix**: correct the date. Columns that legitimately hold future dates (due dates, forecasts) can be
ignored per column with the quick fix.`,
  check({ data, options, now, report }) {
    const limit = now.getTime() + options.toleranceDays * 86_400_000;
    // A year is in the future past next year (a car's model year runs a year ahead).
    const lastYear = new Date(limit).getUTCFullYear() + 1;
    data.columns.forEach((column, c) => {
      if (TEMPORAL_KINDS.includes(column.kind)) {
        for (const r of futureRows(data, c, limit)) {
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
