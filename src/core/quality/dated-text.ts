/**
 * Dates inside text: a text column whose values are dates with words around them — a qualifier in brackets
 * ("8 September 1960 (USA)", as film catalogues write release dates), a weekday before them ("Wednesday, May
 * 25, 1994") — which the reader keeps as text, since the words are part of the value. Learned per column: the
 * format most of its dates are written in, and the format of each value's date.
 */
import type { IngestResult } from '../table/model';
import { MONTH_NAMES, dateFormatsOf, type DateFormat } from '../ingest/csv/infer';
import { distinctValues, memo } from './column-values';

/** A weekday before a date, with its comma: "Wednesday, ", "Wed ". */
const WEEKDAY = /^\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+/i;
/** A qualifier in brackets after a date: " (USA)", " [est.]". */
const QUALIFIER = /\s*(?:\([^()]*\)|\[[^[\]]*\])\s*$/;

/** A value as the words before its date, the date, and the words after it. */
export interface DateInText {
  before: string;
  date: string;
  after: string;
}

/** The value with a leading weekday and a trailing bracketed qualifier set apart from the date between them. */
export function dateInText(text: string): DateInText {
  const weekday = WEEKDAY.exec(text);
  const before = weekday ? weekday[0] : '';
  const rest = text.slice(before.length);
  const qualifier = QUALIFIER.exec(rest);
  const after = qualifier ? qualifier[0] : '';
  return { before, date: rest.slice(0, rest.length - after.length).trim(), after };
}

/** The date formats the date inside a value can be read in (several for ambiguous day/month orders; none: no date). */
export function dateFormatsInText(text: string): DateFormat[] {
  return dateFormatsOf(dateInText(text).date);
}

/** Rows of a text column's dates in one format, learned from the column. */
export interface DatedText {
  /** The format most of the column's dates are written in. */
  format: DateFormat;
  /** Rows whose date reads in `format`, and the column's non-null rows. */
  rows: number;
  present: number;
  /** A value in `format` (for messages). */
  example: string;
  /** Months written as whole words ("September"), not abbreviated ("Sep"), in `format`'s values. */
  fullMonthNames: boolean;
  /** Distinct value ids (distinctValues) whose date is written in another format than `format`: the value's parts and the formats its date reads in. */
  otherFormat: Map<number, DateInText & { formats: DateFormat[] }>;
}

/** Share of a column's rows that must read as dates in one format. */
export const DATED_SHARE = 0.75;
/** Rows that must read so. */
export const DATED_MIN_ROWS = 20;
/** Rows of a first even sample: a column where fewer than DATED_SHARE of them hold dates is not read further. */
const SAMPLE_ROWS = 200;

/** The month word of a date ("September", "Sep", "Sept."), if it has one. */
const MONTH_WORD = /\p{L}{3,}/u;

/** Whether a date writes its month's whole name (true), an abbreviation (false), or says neither ("May", or no month name). */
function wholeMonth(date: string): boolean | undefined {
  const word = MONTH_WORD.exec(date)?.[0].toLowerCase();
  if (word === undefined || word === 'may') return undefined;
  return MONTH_NAMES.includes(word);
}

/**
 * The dates inside a text column, when at least DATED_SHARE of its non-null rows (and DATED_MIN_ROWS) hold a date
 * in one format; computed once per table and column.
 */
export function datedText(data: IngestResult, column: number): DatedText | undefined {
  return memo(data, `dated-text:${column}`, () => learn(data, column));
}

function learn(data: IngestResult, column: number): DatedText | undefined {
  const distinct = distinctValues(data, column);
  const ids = distinct.ids;
  // A sample first: most text columns hold no dates, and their distinct values (free text) may be many.
  const step = Math.max(1, Math.floor(ids.length / SAMPLE_ROWS));
  let sampled = 0;
  let dated = 0;
  for (let r = 0; r < ids.length; r += step) {
    if (ids[r] < 0) continue;
    sampled++;
    if (dateFormatsInText(distinct.text(ids[r])).length > 0) dated++;
  }
  if (sampled === 0 || dated < DATED_SHARE * sampled) return undefined;
  const formats: DateFormat[][] = [];
  // Rows per format among values read one way only (an ambiguous "03/04/2023" does not choose the order).
  const settled = new Map<DateFormat, number>();
  let present = 0;
  for (let id = 0; id < distinct.size; id++) {
    const found = dateFormatsInText(distinct.text(id));
    formats.push(found);
    present += distinct.counts[id];
    if (found.length === 1) settled.set(found[0], (settled.get(found[0]) ?? 0) + distinct.counts[id]);
  }
  let format: DateFormat | undefined;
  for (const [candidate, rows] of settled) if (format === undefined || rows > settled.get(format)!) format = candidate;
  if (format === undefined) return undefined;
  let rows = 0;
  let example = '';
  let [whole, short] = [0, 0];
  const otherFormat: DatedText['otherFormat'] = new Map();
  formats.forEach((found, id) => {
    if (found.length === 0) return;
    const text = distinct.text(id);
    if (!found.includes(format)) {
      otherFormat.set(id, { ...dateInText(text), formats: found });
      return;
    }
    rows += distinct.counts[id];
    example ||= text;
    const written = wholeMonth(dateInText(text).date);
    if (written === true) whole += distinct.counts[id];
    else if (written === false) short += distinct.counts[id];
  });
  if (rows < DATED_MIN_ROWS || rows < DATED_SHARE * present) return undefined;
  return { format, rows, present, example, fullMonthNames: whole > short, otherFormat };
}
