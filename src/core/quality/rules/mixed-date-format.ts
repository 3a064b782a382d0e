import { defineRule } from '../rule';
import type { ColumnInfo } from '../../table/model';
import { TEXT_KINDS, distinctValues, replaceCellFixes } from '../column-values';
import { datedText } from '../dated-text';
import { timestampForms } from '../timestamp-forms';
import { MONTH_NAMES, dateFormatsOf, fullYear, dateTimeFormatsOf, parseDate, parseDateTime, parseTimestamp, type DateFormat } from '../../ingest/csv/infer';

const textualDate = /^\s*(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2},?\s+)?\d{2,4}\s*$/i;

/**
 * Whether a cell a date column rejected is a date written in some format (ISO, day/month orders, slashes,
 * "12 Jan 2023", with or without a time), or one with day and month swapped.
 */
export function looksLikeOtherDate(text: string, column: ColumnInfo): boolean {
  return dateFormatsOf(text).length > 0 || dateTimeFormatsOf(text).length > 0 || parseTimestamp(text) !== null || textualDate.test(text) || swappedDayMonth(text, column) !== undefined;
}

/** A numeric date (and what follows it: a time) as its three fields, the separator and the rest. */
const numericDate = /^(\s*)(\d{1,4})([/.-])(\d{1,2})\3(\d{1,4})(.*)$/s;

/** Epoch ms of a cell in its column's format (date or date with time), or null. */
function readInColumn(text: string, column: ColumnInfo): number | null {
  const format = column.dateFormat as DateFormat | undefined;
  if (column.kind === 'date') return parseDate(text, format ?? 'YYYY-MM-DD');
  return format ? parseDateTime(text, format) : (parseTimestamp(text) ?? parseDate(text, 'YYYY-MM-DD'));
}

/**
 * The text with its day and month fields exchanged, when that reads in the column's format (and the text
 * as written does not): a day/month swap, which the column's other values (days over 12) settle.
 */
export function swappedDayMonth(text: string, column: ColumnInfo): string | undefined {
  const m = numericDate.exec(text);
  if (!m) return undefined;
  const [, lead, a, sep, b, c, rest] = m;
  const swapped = a.length === 4 ? `${lead}${a}${sep}${c}${sep}${b}${rest}` : `${lead}${b}${sep}${a}${sep}${c}${rest}`;
  return readInColumn(text, column) === null && readInColumn(swapped, column) !== null ? swapped : undefined;
}

/** Month names as dates write them: abbreviated ("Jan" … "Dec") or whole ("January" … "December"). */
const MONTHS = MONTH_NAMES.map((name) => `${name[0].toUpperCase()}${name.slice(1, 3)}`);
const WHOLE_MONTHS = MONTH_NAMES.map((name) => `${name[0].toUpperCase()}${name.slice(1)}`);
const pad = (n: number) => String(n).padStart(2, '0');

/** A year in two digits, where they read back as that year (1969–2068, see fullYear). */
function twoDigitYear(year: number): string | undefined {
  const yy = pad(year % 100);
  return fullYear(yy) === year ? yy : undefined;
}

/**
 * A date (epoch ms of its day) written in `format`, its month's name whole where `wholeMonths` (undefined where a
 * two-digit year cannot say its year).
 */
function writeDate(ms: number, format: DateFormat, wholeMonths = false): string | undefined {
  const d = new Date(ms);
  const [y, mo, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const yy = twoDigitYear(y);
  const months = wholeMonths ? WHOLE_MONTHS : MONTHS;
  switch (format) {
    case 'YYYY-MM-DD':
      return `${y}-${pad(mo)}-${pad(day)}`;
    case 'YYYY/MM/DD':
      return `${y}/${pad(mo)}/${pad(day)}`;
    case 'DD/MM/YYYY':
      return `${pad(day)}/${pad(mo)}/${y}`;
    case 'MM/DD/YYYY':
      return `${pad(mo)}/${pad(day)}/${y}`;
    case 'DD.MM.YYYY':
      return `${pad(day)}.${pad(mo)}.${y}`;
    case 'DD-MM-YYYY':
      return `${pad(day)}-${pad(mo)}-${y}`;
    case 'MM-DD-YYYY':
      return `${pad(mo)}-${pad(day)}-${y}`;
    case 'MMM D YYYY':
      return `${months[mo - 1]} ${day} ${y}`;
    case 'MMM D, YYYY':
      return `${months[mo - 1]} ${day}, ${y}`;
    case 'D MMM YYYY':
      return `${day} ${months[mo - 1]} ${y}`;
    case 'D-MMM-YYYY':
      return `${day}-${months[mo - 1]}-${y}`;
    case 'D-MMM-YY':
      return yy && `${day}-${months[mo - 1]}-${yy}`;
    case 'DD/MM/YY':
      return yy && `${pad(day)}/${pad(mo)}/${yy}`;
    case 'MM/DD/YY':
      return yy && `${pad(mo)}/${pad(day)}/${yy}`;
    case 'DD-MM-YY':
      return yy && `${pad(day)}-${pad(mo)}-${yy}`;
    case 'MM-DD-YY':
      return yy && `${pad(mo)}-${pad(day)}-${yy}`;
  }
}

const timeOfDay = /[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AaPp]\.?[Mm]\.?)?)$/;

/**
 * A date written in `format` (month names whole where `wholeMonths`) when the date is certain: exactly one of
 * `formats` (the formats `date` reads in) reads it; else undefined.
 */
function certainDateIn(date: string, formats: readonly DateFormat[], format: DateFormat, wholeMonths = false): string | undefined {
  const day = formats.length === 1 ? parseDate(date, formats[0]) : null;
  return day === null ? undefined : writeDate(day, format, wholeMonths);
}

/**
 * The cell rewritten in its column's date format when the date it holds is certain (one format reads it;
 * its time of day kept as written), else undefined.
 */
function rewritten(text: string, column: ColumnInfo): string | undefined {
  const format = (column.dateFormat as DateFormat | undefined) ?? 'YYYY-MM-DD';
  const time = timeOfDay.exec(text.trim());
  const datePart = time ? text.trim().slice(0, time.index) : text.trim();
  const date = certainDateIn(datePart, dateFormatsOf(datePart), format);
  if (date === undefined) return undefined;
  if (column.kind === 'date') return time ? undefined : date;
  return time ? `${date}${column.dateFormat ? ' ' : 'T'}${time[1]}` : date;
}

export const mixedDateFormat = defineRule({
  id: 'mixed-date-format',
  title: 'Mixed date formats',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A date column holds dates written in another format than the rest of the column, or with day and month swapped; a timestamp written another way (a "T" among spaces, seconds, a zone).',
  docs: `Dates written in several formats are parsed inconsistently: "03/04/2023" is March 4th for one tool
and April 3rd for another, and most readers give up on the column entirely.

Dataset Inspector learns each date column's format from its values (ISO, year/month/day with slashes,
day-first or month-first with slashes, dots or dashes, "Dec 31 1955", "31 Dec 1955", spreadsheets' "5/25/94",
"01-01-13" and "25-May-94" (two-digit years read as strptime's %y does: 69–99 are 1969–1999, 00–68 2000–2068), each with or
without a time of day); values with a day over 12 settle whether the day or the month comes first. A value that only
reads with day and month exchanged is reported as a **swap**; a value in another format as such.

A fix into a two-digit year is offered only where two digits say the year (not for 1950).

**Dates inside text.** A text column whose values are dates with words around them — a qualifier in brackets
("8 September 1960 (USA)", as film catalogues write release dates) or a weekday before them ("Wednesday, May
25, 1994") — stays text, since the words are part of the value. Where at least 75% of its rows (and 20) hold a
date in one format, a value holding a date in another format ("1960-09-08", "Sep 8, 1960 (USA)") is reported
whatever its share: a tenth of a column written by a second catalogue is more than a rare pattern. The fix
writes its date as the column does (months written out where the column writes them so), its own words kept.

**Timestamps written another way.** A timestamp column whose values are written one way in at least 95% of its
rows (20 or more; the form is learned with the column's type, on the reader's sample, and holds over the whole column) — a "T" or a space between date and time, seconds or not, a.m./p.m. or not, a zone ("Z",
"+01:00") or not — reports each value written another way ("2024-11-05T21:25:34" among "2024-11-05 22:18:08"): the
reader takes both, but a tool that expects the column's form, or compares its text, does not. Fractions of seconds
are not compared (writers drop them where they are zero), nor is a date without a time (R writes a midnight so).
The fix writes the column's separator and adds ":00" seconds, or drops them where they are ":00"; a zone or a clock
of another kind is left to you (which instant was meant is not written).

**Fix**: write every date the same way, preferably ISO 8601 (\`2023-04-03\`). The quick fix writes the date in
the column's format: the swap undone, or a value in another format rewritten when that format reads it
unambiguously (a day-first or month-first date whose day is 12 or less is left to you).`,
  check({ data, report, isIgnored }) {
    for (const cell of data.rejectedCells) {
      const column = data.columns[cell.column];
      if (column.kind !== 'date' && column.kind !== 'timestamp') continue;
      if (!looksLikeOtherDate(cell.text, column)) continue;
      const format = column.dateFormat ?? 'ISO 8601';
      const swapped = swappedDayMonth(cell.text, column);
      const fixed = swapped ?? rewritten(cell.text, column);
      report({
        row: cell.row,
        columnIndex: cell.column,
        value: cell.text,
        evidence: { columnFormat: format, ...(swapped ? { swapped: true } : {}) },
        message: swapped
          ? `"${cell.text}" has day and month swapped: column "${column.name}" is written ${format} (its days over 12 say so); it reads "${swapped}".`
          : `"${cell.text}" is written in another date format than column "${column.name}" (${format}).`,
        ...(fixed
          ? {
              fixes: replaceCellFixes(data, cell.row, cell.column, fixed, swapped ? `Swap day and month: "${fixed}"` : `Write as the column does: "${fixed}"`),
            }
          : {}),
      });
    }
    data.columns.forEach((column, c) => {
      if (column.kind !== 'timestamp' || isIgnored(c)) return;
      const forms = timestampForms(data, c);
      if (!forms) return;
      const share = Math.floor(100 * forms.share);
      for (const variant of forms.variants) {
        report({
          row: variant.row,
          columnIndex: c,
          value: variant.text,
          evidence: { columnForm: forms.form, columnShare: forms.share, ...(forms.example === undefined ? {} : { example: forms.example }), ...(variant.fixed === undefined ? {} : { fixed: variant.fixed }) },
          message: `"${variant.text}" is written another way than the timestamps of column "${column.name}" (${share}% of them ${forms.example === undefined ? forms.form : `like "${forms.example}"`}): ${variant.differences.join(', ')}.`,
          ...(variant.fixed === undefined ? {} : { fixes: replaceCellFixes(data, variant.row, c, variant.fixed, `Write as the column does: "${variant.fixed}"`) }),
        });
      }
    });
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind) || isIgnored(c)) return;
      const dated = datedText(data, c);
      if (!dated || dated.otherFormat.size === 0) return;
      const share = Math.floor((100 * dated.rows) / dated.present);
      const distinct = distinctValues(data, c);
      const ids = distinct.ids;
      for (let r = 0; r < ids.length; r++) {
        const other = ids[r] < 0 ? undefined : dated.otherFormat.get(ids[r]);
        if (!other) continue;
        const value = distinct.text(ids[r]);
        const date = certainDateIn(other.date, other.formats, dated.format, dated.fullMonthNames);
        const fixed = date === undefined ? undefined : `${other.before}${date}${other.after}`;
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { columnFormat: dated.format, columnShare: dated.rows / dated.present, example: dated.example, ...(fixed === undefined ? {} : { fixed }) },
          message: `"${value}" holds a date written in another format than the dates of column "${column.name}" (${dated.format} in ${share}% of its rows, like "${dated.example}").`,
          ...(fixed === undefined ? {} : { fixes: replaceCellFixes(data, r, c, fixed, `Write as the column does: "${fixed}"`) }),
        });
      }
    });
  },
});
