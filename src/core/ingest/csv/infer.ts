/**
 * Column type inference from cell text. A column takes the most specific type that fits at least
 * `FIT_SHARE` of its non-missing cells; the cells that do not fit are kept as raw text (rejected cells)
 * and become nulls in the typed column, so the quality rules can point at them.
 */
import type { ColumnKind, NumberFormat } from '../../table/model';
import { POINT_GROUPED, WrittenNumberTally, commaCountsOf, fileDecimalMark, isInformative, parseWrittenNumber, type DecimalMark, type FormCount } from '../written-number';
import { dominantTimestampForm, timestampFormKey } from '../timestamp-form';

/** Share of non-missing cells a type must fit for the column to take it. */
export const FIT_SHARE = 0.9;
/**
 * Share of a numeric column's values, at most, written with white space before or after them (" 12.5") for the
 * others' form to be without it: such cells are then listed as variant cells (the whitespace rule reports them).
 * Beyond it the source aligns its numbers (a fixed-width export) and nothing is listed, which also bounds the list.
 */
export const SPACED_NUMBERS_MAX_SHARE = 0.1;

/** Whether a value's text starts or ends with white space. */
export function hasOuterSpace(text: string): boolean {
  return text.trim().length < text.length;
}
/**
 * Share of a column's values that may have a fraction ("2.5") for it to stay a column of integers, at most: more
 * are a measure written with decimals where they are needed (a dose of 2.5 mg among doses of 5 and 10 mg), read as
 * floats as any number reader does; fewer are slips in a column of counts, each a type-mismatch finding. Counted among
 * the numbers other than 0 and 1, which a column of dividends or split ratios holds on most rows.
 */
export const MAX_FRACTION_SHARE = 0.01;
/** Values sampled to infer a column's type; a column whose conversion then rejects too many is re-inferred on all values. */
export const INFERENCE_SAMPLE = 20_000;
/** Text with at most this many distinct values, and at most this share of its values distinct, is dictionary-encoded (categorical). */
export const CATEGORICAL_MAX_DISTINCT = 1000;
export const CATEGORICAL_MAX_DISTINCT_SHARE = 0.5;

const intPattern = /^[+-]?\d+$/;
const floatPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const specialFloats = new Map<string, number>([
  ['nan', NaN],
  ['inf', Infinity],
  ['+inf', Infinity],
  ['-inf', -Infinity],
  ['infinity', Infinity],
  ['+infinity', Infinity],
  ['-infinity', -Infinity],
]);
const trueWords = new Set(['true', 'yes']);
const falseWords = new Set(['false', 'no']);

function parseInteger(text: string): number | null {
  const t = text.trim();
  return intPattern.test(t) ? Number(t) : null;
}

const integralPattern = /^([+-]?\d+)(?:\.0*)?$/;

/**
 * An integer, or a number written with a fraction of zeros ("2540.0", "2540."): how an integer column
 * reads its cells (a value exported through a float is still the integer).
 */
export function parseIntegral(text: string): number | null {
  const m = integralPattern.exec(text.trim());
  return m ? Number(m[1]) : null;
}

export function parseFloatCell(text: string): number | null {
  const t = text.trim();
  if (floatPattern.test(t)) return Number(t);
  const special = specialFloats.get(t.toLowerCase());
  return special === undefined ? null : special;
}

export function parseBooleanWord(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (trueWords.has(t)) return true;
  if (falseWords.has(t)) return false;
  return null;
}

/** The date formats a column can be read in (its `dateFormat`). */
export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'YYYY/MM/DD',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD.MM.YYYY',
  'DD-MM-YYYY',
  'MM-DD-YYYY',
  'MMM D YYYY',
  'MMM D, YYYY',
  'D MMM YYYY',
  'DD/MM/YY',
  'MM/DD/YY',
  'DD-MM-YY',
  'MM-DD-YY',
  'D-MMM-YYYY',
  'D-MMM-YY',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const slashYmd = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
/** Day and month in either order with slashes, dots or dashes, and a year of four digits or two ("5/25/94", "01-01-13"). */
const dmyOrMdy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
/** "Dec 31 1955", "December 31, 1955"; "31 Dec 1955". */
const monthDayYear = /^([A-Za-z]{3,9})\.? (\d{1,2})(,?) (\d{4})$/;
const dayMonthYear = /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$/;
/** "25-May-94", "25-May-1994" (as spreadsheets and databases write them). */
const dayMonYear = /^(\d{1,2})-([A-Za-z]{3,9})-(\d{2}|\d{4})$/;

/** A year as written: two digits as strptime's %y reads them (69–99 → 1969–1999, 00–68 → 2000–2068). */
export function fullYear(text: string): number {
  const y = Number(text);
  return text.length === 2 ? (y >= 69 ? 1900 + y : 2000 + y) : y;
}
export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1–12 for a month's name or its abbreviation ("Dec", "Sept"), else 0. */
function monthOf(word: string): number {
  const w = word.toLowerCase();
  const k = MONTH_NAMES.findIndex((name) => name.startsWith(w.slice(0, 3)) && (name === w || (w.length <= 4 && name.startsWith(w))));
  return k + 1;
}
const isoTimestamp = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

function utcDate(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? ms : null;
}

/** The date formats a text could be in (several for ambiguous day/month orders). */
export function dateFormatsOf(text: string): DateFormat[] {
  const t = text.trim();
  let m = isoDate.exec(t);
  if (m) return utcDate(+m[1], +m[2], +m[3]) !== null ? ['YYYY-MM-DD'] : [];
  m = slashYmd.exec(t);
  if (m) return utcDate(+m[1], +m[2], +m[3]) !== null ? ['YYYY/MM/DD'] : [];
  m = dmyOrMdy.exec(t);
  if (!m) {
    m = monthDayYear.exec(t);
    if (m) return utcDate(+m[4], monthOf(m[1]), +m[2]) !== null ? [m[3] ? 'MMM D, YYYY' : 'MMM D YYYY'] : [];
    m = dayMonthYear.exec(t);
    if (m) return utcDate(+m[3], monthOf(m[2]), +m[1]) !== null ? ['D MMM YYYY'] : [];
    m = dayMonYear.exec(t);
    return m && utcDate(fullYear(m[3]), monthOf(m[2]), +m[1]) !== null ? [m[3].length === 2 ? 'D-MMM-YY' : 'D-MMM-YYYY'] : [];
  }
  const [a, sep, b, year] = [+m[1], m[2], +m[3], fullYear(m[4])];
  const formats: DateFormat[] = [];
  const dayFirst = numericFormat(true, sep, m[4].length);
  const monthFirst = numericFormat(false, sep, m[4].length);
  if (dayFirst && utcDate(year, b, a) !== null) formats.push(dayFirst);
  if (monthFirst && utcDate(year, a, b) !== null) formats.push(monthFirst);
  return formats;
}

/**
 * The numeric day/month format with this order, separator and year width, if it is one the reader knows: dots
 * are day-first with four-digit years only ("1.2.10" is a version, not a date).
 */
function numericFormat(dayFirst: boolean, sep: string, yearDigits: number): DateFormat | undefined {
  const name = `${dayFirst ? 'DD' : 'MM'}${sep}${dayFirst ? 'MM' : 'DD'}${sep}${'Y'.repeat(yearDigits)}`;
  return DATE_FORMATS.find((format) => format === name);
}

/** A date followed by a time of day ("2001/02/13 10:40", "Dec 1 2001 7:10 PM"): the two parts. */
const dateThenTime = /^(.+?)[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:\s?([AaPp])\.?[Mm]\.?)?$/;

/** The date part of a date and time and the time's milliseconds into the day, or null when the text is not one. */
function splitDateTime(text: string): { date: string; ms: number } | null {
  const m = dateThenTime.exec(text.trim());
  if (!m) return null;
  let h = +m[2];
  const [min, sec] = [+m[3], m[4] ? +m[4] : 0];
  if (m[6]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[6].toLowerCase() === 'p' ? 12 : 0);
  }
  if (h > 23 || min > 59 || sec > 60) return null;
  const fraction = m[5] ? Math.round(Number(`0.${m[5]}`) * 1000) : 0;
  return { date: m[1], ms: ((h * 60 + min) * 60 + sec) * 1000 + fraction };
}

/** The date formats of the date part of a text that is a date with a time of day (empty when it is not one). */
export function dateTimeFormatsOf(text: string): DateFormat[] {
  const split = splitDateTime(text);
  return split ? dateFormatsOf(split.date) : [];
}

/** Epoch milliseconds of a date, with or without a time of day, whose date is written in `format` (null when it is not one). */
export function parseDateTime(text: string, format: DateFormat): number | null {
  const split = splitDateTime(text);
  const day = parseDate(split ? split.date : text, format);
  return day === null ? null : day + (split?.ms ?? 0);
}

/** Epoch milliseconds (UTC) of `text` read in `format`, or null when it is not such a date. */
export function parseDate(text: string, format: DateFormat): number | null {
  const t = text.trim();
  let m: RegExpExecArray | null;
  switch (format) {
    case 'YYYY-MM-DD':
      m = isoDate.exec(t);
      return m ? utcDate(+m[1], +m[2], +m[3]) : null;
    case 'YYYY/MM/DD':
      m = slashYmd.exec(t);
      return m ? utcDate(+m[1], +m[2], +m[3]) : null;
    case 'MMM D YYYY':
    case 'MMM D, YYYY':
      m = monthDayYear.exec(t);
      return m && (m[3] === ',') === (format === 'MMM D, YYYY') ? utcDate(+m[4], monthOf(m[1]), +m[2]) : null;
    case 'D MMM YYYY':
      m = dayMonthYear.exec(t);
      return m ? utcDate(+m[3], monthOf(m[2]), +m[1]) : null;
    case 'D-MMM-YY':
    case 'D-MMM-YYYY':
      m = dayMonYear.exec(t);
      return m && (m[3].length === 2) === (format === 'D-MMM-YY') ? utcDate(fullYear(m[3]), monthOf(m[2]), +m[1]) : null;
    default: {
      // Day and month with a separator, the year in as many digits as the format writes (YY or YYYY).
      m = dmyOrMdy.exec(t);
      if (!m || m[2] !== format[2] || m[4].length !== (format.endsWith('YYYY') ? 4 : 2)) return null;
      const year = fullYear(m[4]);
      return format.startsWith('DD') ? utcDate(year, +m[3], +m[1]) : utcDate(year, +m[1], +m[3]);
    }
  }
}

/** Epoch milliseconds of an ISO 8601 timestamp (no zone = UTC), or null. */
export function parseTimestamp(text: string): number | null {
  const m = isoTimestamp.exec(text.trim());
  if (!m) return null;
  const day = utcDate(+m[1], +m[2], +m[3]);
  if (day === null) return null;
  const [h, min, s] = [+m[4], +m[5], m[6] ? +m[6] : 0];
  if (h > 23 || min > 59 || s > 60) return null;
  const fraction = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  let ms = day + ((h * 60 + min) * 60 + s) * 1000 + fraction;
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
  }
  return ms;
}

export interface InferredColumn {
  kind: ColumnKind;
  /** For integer columns: whether every value fits in Int32. */
  int32?: boolean;
  /** For date columns. */
  dateFormat?: DateFormat;
  /** For boolean columns: 0/1 (true), words (false), or either (undefined: a schema fixed elsewhere). */
  zeroOne?: boolean;
  /** For numeric columns whose cells carry units, percent signs, currencies or thousands separators. */
  numberFormat?: NumberFormat;
  /** For timestamp columns written one way (a "T" or a space, seconds, zone): the form's key (timestamp-form.ts). */
  timestampForm?: number;
  /**
   * For numeric columns whose numbers are written without white space around them (see SPACED_NUMBERS_MAX_SHARE):
   * a cell written with some (" 12.5") is listed as a variant cell.
   */
  listSpaced?: boolean;
}

/** The format most values fit (ties between day-first and month-first, every value ambiguous, go to the first counted). */
function mostCommon(counts: Map<DateFormat, number>): DateFormat {
  let best: DateFormat = 'YYYY-MM-DD';
  let bestCount = -1;
  for (const [f, c] of counts) {
    if (c > bestCount) {
      best = f;
      bestCount = c;
    }
  }
  return best;
}

/** Decides a column's type from its non-missing cell texts. */
export function inferColumnType(values: readonly string[]): InferredColumn {
  return inferColumnTypeOf(values.length, (i) => values[i]);
}

/** The same decision over `n` values read through `valueAt`. */
export function inferColumnTypeOf(n: number, valueAt: (i: number) => string): InferredColumn {
  const evidence = new TypeEvidence();
  for (let k = 0; k < n; k++) {
    // The column can only be text once more than 1 − FIT_SHARE of the values fit no typed category.
    if ((k & 63) === 0 && evidence.hopeless(n)) return { kind: 'string' };
    evidence.add(valueAt(k));
  }
  return evidence.decide();
}

/** The decimal mark of a file from its columns' type evidence (see fileDecimalMark). */
export function decimalMarkOf(columns: readonly TypeCounts[]): DecimalMark | undefined {
  return fileDecimalMark(columns.map((counts) => commaCountsOf(counts.writtenForms.values(), counts.floats - counts.ints)));
}

/** What a set of values says about their type: plain counts (structured-clone data), so the evidence of chunks adds up. */
export interface TypeCounts {
  values: number;
  ints: number;
  /** Plain numbers written with a minus sign (negatives not in parentheses). */
  negatives: number;
  /** Whether every integer fits in Int32. */
  int32: boolean;
  floats: number;
  /** Plain numbers with a fraction ("2.5"; not "2540.0"), finite. */
  fractions: number;
  /** Plain numbers of 1,000 or more (in magnitude). */
  large: number;
  bools: number;
  /** Values 0 or 1, and whether each was seen. */
  zeroOnes: number;
  seenZero: boolean;
  seenOne: boolean;
  timestamps: number;
  /** Timestamps whose date is not ISO ("2001/02/13 10:40"), and their date formats (in order first seen). */
  otherTimestamps: number;
  timestampFormats: Map<DateFormat, number>;
  /** Timestamps per written form (timestamp-form.ts's keys). */
  timestampForms: Map<number, number>;
  /** Values read as a date in some format. */
  anyDate: number;
  /** Values readable in each date format, formats in the order first seen (ties go to the first). */
  dateCounts: Map<DateFormat, number>;
  /** Numbers written with a unit, percent sign, currency or thousands separators, by form (WrittenNumberTally). */
  writtenForms: Map<string, FormCount>;
  /** Values of no typed category. */
  untyped: number;
  /**
   * Values of digits grouped by thousands with points ("12.345": also counted as floats; "1.234.567": also counted
   * as untyped): thousands in a file whose decimal mark is a comma (see POINT_GROUPED).
   */
  pointGroupedFloats: number;
  pointGroupedUntyped: number;
  /**
   * Integers written as digits alone, by the number of digits (index; the last slot holds longer ones): those
   * written with a leading zero ("02134") and the others. Zeros written before a number keep a code's width
   * (zip codes, ids): see {@link isZeroPaddedCode}.
   */
  paddedByWidth: number[];
  unpaddedByWidth: number[];
  /** Numbers written with white space before or after them (" 12.5", "7 "). */
  spacedNumbers: number;
  /** Untyped values of digit groups joined by two points or more ("1987.10.2"), not thousands grouped by points: see DOTTED_CODE. */
  dottedCodes: number;
}

/** A code of digit groups joined by points, three groups or more: an accession number "1987.10.2", a section "4.2.1", a version. */
const DOTTED_CODE = /^\d+(?:\.\d+){2,}$/;
/**
 * Share of a column's values, at least, written as dotted codes (two at least) for its numbers to be such codes too:
 * "1987.1" and "1987.10" are two objects of a museum's lot 1987, not one number written twice, where "1987.10.2" is
 * written beside them; a stray "1.2.3" among measurements is a slip of its own.
 */
const DOTTED_CODE_SHARE = 0.01;

/** Slots of TypeCounts' counts by width (digits 0–23; wider ones in the last). */
const WIDTH_SLOTS = 24;

/** Digits alone ("02134", not "+7" or "2.0"): their count, and whether a zero leads more digits. */
function digitsWritten(text: string): { width: number; padded: boolean } | null {
  const t = text.trim();
  return /^\d+$/.test(t) ? { width: t.length, padded: t.length > 1 && t.charCodeAt(0) === 0x30 } : null;
}

/**
 * Whether integers are codes whose zeros are part of the value (zip codes "02134", ids "007", hours "09"),
 * so that reading them as numbers would lose the zeros: at least two values are written with a leading zero,
 * most values are written at the width those have (a code's width is fixed: "01", "002", "00003" are numbers
 * written loosely), and the padded values outnumber those written shorter without a zero (in a column of codes
 * every value below the width is padded; a stray "0123" among numbers of every size is not a convention). As
 * DuckDB and other readers decide, such a column is text.
 */
function isZeroPaddedCode(paddedByWidth: readonly number[], unpaddedByWidth: readonly number[]): boolean {
  let padded = 0;
  let digitsAlone = 0;
  let width = 0;
  for (let w = 0; w < paddedByWidth.length; w++) {
    padded += paddedByWidth[w];
    digitsAlone += paddedByWidth[w] + unpaddedByWidth[w];
    if (paddedByWidth[w] > paddedByWidth[width]) width = w;
  }
  if (padded < 2 || 2 * (paddedByWidth[width] + unpaddedByWidth[width]) < digitsAlone) return false;
  let shorter = 0;
  for (let w = 0; w < width; w++) shorter += unpaddedByWidth[w];
  return padded > shorter;
}

/** Whether `fractions` numbers with a fraction among `values` make a column of numbers one of floats (see MAX_FRACTION_SHARE). */
export function fractional(fractions: number, values: number): boolean {
  return fractions > values * MAX_FRACTION_SHARE;
}

/**
 * Whether a column read as integers rejected so many numbers with a fraction (an inference sample that saw fewer,
 * the rows beyond it more) that it is one of floats.
 */
export function rejectsFractions(rejected: readonly { text: string }[], present: number): boolean {
  let fractions = 0;
  for (const cell of rejected) {
    const f = parseFloatCell(cell.text);
    if (f !== null && Number.isFinite(f) && !Number.isInteger(f)) fractions++;
  }
  return fractional(fractions, present);
}

function addCounts<K>(into: Map<K, number>, from: ReadonlyMap<K, number>): void {
  for (const [key, count] of from) into.set(key, (into.get(key) ?? 0) + count);
}

/**
 * Type evidence of a column, value by value; {@link decide} picks the most specific type that fits at
 * least FIT_SHARE of the values. Evidence of consecutive parts of a column merges ({@link merge}) into
 * the evidence of the whole, so chunks read in parallel decide exactly what one pass would.
 */
export class TypeEvidence {
  readonly counts: TypeCounts = {
    values: 0,
    ints: 0,
    negatives: 0,
    int32: true,
    floats: 0,
    fractions: 0,
    large: 0,
    bools: 0,
    zeroOnes: 0,
    seenZero: false,
    seenOne: false,
    timestamps: 0,
    otherTimestamps: 0,
    timestampFormats: new Map(),
    timestampForms: new Map(),
    anyDate: 0,
    dateCounts: new Map(),
    writtenForms: new Map(),
    untyped: 0,
    pointGroupedFloats: 0,
    pointGroupedUntyped: 0,
    paddedByWidth: new Array<number>(WIDTH_SLOTS).fill(0),
    unpaddedByWidth: new Array<number>(WIDTH_SLOTS).fill(0),
    dottedCodes: 0,
    spacedNumbers: 0,
  };
  private readonly written = new WrittenNumberTally(this.counts.writtenForms);

  /**
   * An integer value (also counted as a float); `width` digits written alone (0 when it is written with a
   * sign, a fraction or spaces around it), `padded` when a zero leads them.
   */
  addInteger(i: number, width = 0, padded = false): void {
    const c = this.counts;
    if (width > 0) (padded ? c.paddedByWidth : c.unpaddedByWidth)[Math.min(width, WIDTH_SLOTS - 1)]++;
    c.values++;
    c.ints++;
    c.floats++;
    if (i < 0) c.negatives++;
    if (i <= -1000 || i >= 1000) c.large++;
    if (i < -2147483648 || i > 2147483647) c.int32 = false;
    if (i === 0 || i === 1) {
      c.zeroOnes++;
      if (i === 0) c.seenZero = true;
      else c.seenOne = true;
    }
  }

  /** A float value; `pointGrouped`: written as digits grouped by thousands with points ("12.345"). */
  addFloat(f: number, pointGrouped = false): void {
    if (pointGrouped) this.counts.pointGroupedFloats++;
    if (f < 0) this.counts.negatives++;
    this.counts.values++;
    this.counts.floats++;
    if (Number.isFinite(f) && !Number.isInteger(f)) this.counts.fractions++;
    if (Math.abs(f) >= 1000) this.counts.large++;
  }

  /** A number (also added as such) written with white space before or after it. */
  addSpacedNumber(): void {
    this.counts.spacedNumbers++;
  }

  addBoolean(): void {
    this.counts.values++;
    this.counts.bools++;
  }

  addDate(formats: readonly DateFormat[]): void {
    const c = this.counts;
    c.values++;
    c.anyDate++;
    for (const f of formats) c.dateCounts.set(f, (c.dateCounts.get(f) ?? 0) + 1);
  }

  private addTimestampForm(text: string): void {
    const key = timestampFormKey(text);
    if (key >= 0) this.counts.timestampForms.set(key, (this.counts.timestampForms.get(key) ?? 0) + 1);
  }

  addUntyped(): void {
    this.counts.values++;
    this.counts.untyped++;
  }

  /** A value's text. */
  add(v: string): void {
    const c = this.counts;
    const i = parseInteger(v);
    if (i !== null) {
      if (hasOuterSpace(v)) this.addSpacedNumber();
      const digits = digitsWritten(v);
      return this.addInteger(i, digits?.width, digits?.padded);
    }
    const f = parseFloatCell(v);
    if (f !== null) {
      if (hasOuterSpace(v)) this.addSpacedNumber();
      return this.addFloat(f, POINT_GROUPED.test(v.trim()));
    }
    if (parseBooleanWord(v) !== null) return this.addBoolean();
    const formats = dateFormatsOf(v);
    if (formats.length) return this.addDate(formats);
    if (parseTimestamp(v) !== null) {
      c.values++;
      c.timestamps++;
      return this.addTimestampForm(v);
    }
    const timestampFormats = dateTimeFormatsOf(v);
    if (timestampFormats.length) {
      this.addTimestampForm(v);
      c.values++;
      c.timestamps++;
      c.otherTimestamps++;
      for (const format of timestampFormats) c.timestampFormats.set(format, (c.timestampFormats.get(format) ?? 0) + 1);
      return;
    }
    const number = parseWrittenNumber(v);
    if (number === null) {
      if (POINT_GROUPED.test(v.trim())) c.pointGroupedUntyped++;
      else if (DOTTED_CODE.test(v.trim())) c.dottedCodes++;
      return this.addUntyped();
    }
    c.values++;
    if (hasOuterSpace(v)) this.addSpacedNumber();
    this.written.add(number, v);
  }

  /** Adds the evidence of the values that follow this one's. */
  merge(next: TypeCounts): void {
    const c = this.counts;
    c.values += next.values;
    c.ints += next.ints;
    c.negatives += next.negatives;
    c.int32 &&= next.int32;
    c.floats += next.floats;
    c.fractions += next.fractions;
    c.large += next.large;
    c.bools += next.bools;
    c.zeroOnes += next.zeroOnes;
    c.seenZero ||= next.seenZero;
    c.seenOne ||= next.seenOne;
    c.timestamps += next.timestamps;
    c.otherTimestamps += next.otherTimestamps;
    addCounts(c.timestampFormats, next.timestampFormats);
    addCounts(c.timestampForms, next.timestampForms);
    c.anyDate += next.anyDate;
    addCounts(c.dateCounts, next.dateCounts);
    this.written.merge(next.writtenForms);
    c.untyped += next.untyped;
    c.pointGroupedFloats += next.pointGroupedFloats;
    c.pointGroupedUntyped += next.pointGroupedUntyped;
    c.dottedCodes += next.dottedCodes;
    c.spacedNumbers += next.spacedNumbers;
    for (let w = 0; w < WIDTH_SLOTS; w++) {
      c.paddedByWidth[w] += next.paddedByWidth[w];
      c.unpaddedByWidth[w] += next.unpaddedByWidth[w];
    }
  }

  /**
   * Whether the values can only be text whatever follows: more than 1 − FIT_SHARE of `total` values are
   * untyped (`untyped`: these values' count, or a larger one counted over more values of the column).
   */
  hopeless(total: number, untyped = this.counts.untyped): boolean {
    return untyped > total * (1 - FIT_SHARE);
  }

  /** The column's type; `fileMark`: the decimal mark of the file's columns (see fileDecimalMark). */
  decide(fileMark?: DecimalMark): InferredColumn {
    const { values: n, ints, fractions, int32, bools, zeroOnes, seenZero, seenOne, timestamps, otherTimestamps, anyDate, dateCounts, pointGroupedFloats, pointGroupedUntyped } = this.counts;
    let { floats, large } = this.counts;
    if (n === 0) return { kind: 'empty' };
    // In a file whose decimal mark is a comma, numbers whose points all group thousands ("12.345", "1.234.567") are
    // whole numbers so grouped: read as numbers (Float64 holds them exactly), the column's format grouping by points.
    const pointGroups = fileMark === ',' && pointGroupedFloats + pointGroupedUntyped > 0 && floats - ints === pointGroupedFloats;
    let untyped = this.counts.untyped;
    if (pointGroups) {
      untyped -= pointGroupedUntyped;
      floats += pointGroupedUntyped;
      large += pointGroupedUntyped + pointGroupedFloats;
    }
    if (this.hopeless(n, untyped)) return { kind: 'string' };
    const fits = (count: number) => count >= n * FIT_SHARE && count > 0;
    if (zeroOnes === n && n >= 2 && seenZero && seenOne) return { kind: 'boolean', zeroOne: true };
    if (fits(bools)) return { kind: 'boolean', zeroOne: false };
    // Numbers with units, percent signs or currencies: numeric when they and the plain numbers fill the column.
    const numbers = this.written.decide(floats, large, pointGroups ? 0 : floats - ints, fileMark, this.counts.negatives);
    const numberFormat = pointGroups
      ? { numberFormat: { unit: '', prefix: '', suffix: '', ...numbers?.format, grouped: true, decimalComma: true } }
      : numbers && isInformative(numbers.format)
        ? { numberFormat: numbers.format }
        : {};
    const spaced = this.counts.spacedNumbers <= n * SPACED_NUMBERS_MAX_SHARE ? { listSpaced: true } : {};
    if (pointGroups && (fits(floats) || (numbers && fits(numbers.fitting + pointGroupedUntyped)))) return { kind: 'float', ...numberFormat, ...spaced };
    // Zeros and ones say nothing of a measure's decimals (a dividend of 0 on most days, a split ratio of 1): the share of
    // fractions is taken among the other numbers.
    if (fits(ints) && !fractional(fractions, n - zeroOnes)) return isZeroPaddedCode(this.counts.paddedByWidth, this.counts.unpaddedByWidth) ? { kind: 'string' } : { kind: 'integer', int32, ...numberFormat, ...spaced };
    // Numbers beside codes of digit groups joined by points are such codes ("1987.1" beside "1987.10.2"): text.
    const dotted = this.counts.dottedCodes;
    if (fits(floats) && fractions > 0 && dotted >= 2 && dotted >= n * DOTTED_CODE_SHARE) return { kind: 'string' };
    if (fits(floats) || (numbers && fits(numbers.fitting))) return { kind: 'float', ...numberFormat, ...spaced };
    if (fits(anyDate)) return { kind: 'date', dateFormat: mostCommon(dateCounts) };
    if (fits(timestamps + anyDate) && timestamps > 0) {
      // Timestamps whose date is written another way than ISO: the column's date format is theirs.
      const form = dominantTimestampForm(this.counts.timestampForms);
      const written = form === undefined ? {} : { timestampForm: form };
      if (otherTimestamps * 2 <= timestamps) return { kind: 'timestamp', ...written };
      const formats = new Map(this.counts.timestampFormats);
      addCounts(formats, dateCounts);
      return { kind: 'timestamp', dateFormat: mostCommon(formats), ...written };
    }
    return { kind: 'string' };
  }
}
