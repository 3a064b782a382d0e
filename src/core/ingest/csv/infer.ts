/**
 * Column type inference from cell text. A column takes the most specific type that fits at least
 * `FIT_SHARE` of its non-missing cells; the cells that do not fit are kept as raw text (rejected cells)
 * and become nulls in the typed column, so the quality rules can point at them.
 */
import type { ColumnKind } from '../../table/model';

/** Share of non-missing cells a type must fit for the column to take it. */
export const FIT_SHARE = 0.95;

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

export function parseInteger(text: string): number | null {
  const t = text.trim();
  return intPattern.test(t) ? Number(t) : null;
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

export type DateFormat = 'YYYY-MM-DD' | 'YYYY/MM/DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY' | 'DD-MM-YYYY' | 'MM-DD-YYYY';

const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const slashYmd = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const dmyOrMdy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
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
  if (!m) return [];
  const [a, sep, b, year] = [+m[1], m[2], +m[3], +m[4]];
  const formats: DateFormat[] = [];
  if (utcDate(year, b, a) !== null) formats.push(sep === '/' ? 'DD/MM/YYYY' : sep === '.' ? 'DD.MM.YYYY' : 'DD-MM-YYYY');
  if (sep !== '.' && utcDate(year, a, b) !== null) formats.push(sep === '/' ? 'MM/DD/YYYY' : 'MM-DD-YYYY');
  return formats;
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
    default: {
      m = dmyOrMdy.exec(t);
      if (!m) return null;
      const sep = format[2];
      if (m[2] !== sep) return null;
      const dayFirst = format.startsWith('DD');
      return dayFirst ? utcDate(+m[4], +m[3], +m[1]) : utcDate(+m[4], +m[1], +m[3]);
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
}

/** Decides a column's type from its non-missing cell texts. */
export function inferColumnType(values: readonly string[]): InferredColumn {
  return inferColumnTypeOf(values.length, (i) => values[i]);
}

/** The same decision over `n` values read through `valueAt`. */
export function inferColumnTypeOf(n: number, valueAt: (i: number) => string): InferredColumn {
  const evidence = new TypeEvidence();
  for (let k = 0; k < n; k++) evidence.add(valueAt(k));
  return evidence.decide();
}

/** What a set of values says about their type: plain counts, so the evidence of chunks adds up. */
export interface TypeCounts {
  values: number;
  ints: number;
  /** Whether every integer fits in Int32. */
  int32: boolean;
  floats: number;
  bools: number;
  /** Values 0 or 1, and whether each was seen. */
  zeroOnes: number;
  seenZero: boolean;
  seenOne: boolean;
  timestamps: number;
  /** Values read as a date in some format. */
  anyDate: number;
  /** Values readable in each date format, formats in the order first seen (ties go to the first). */
  dateCounts: [DateFormat, number][];
  /** Values of no typed category. */
  untyped: number;
}

/**
 * Type evidence of a column, value by value; {@link decide} picks the most specific type that fits at
 * least FIT_SHARE of the values. Evidence of consecutive parts of a column merges ({@link merge}) into
 * the evidence of the whole, so chunks read in parallel decide exactly what one pass would.
 */
export class TypeEvidence {
  readonly counts: TypeCounts = { values: 0, ints: 0, int32: true, floats: 0, bools: 0, zeroOnes: 0, seenZero: false, seenOne: false, timestamps: 0, anyDate: 0, dateCounts: [], untyped: 0 };

  /** An integer value (also counted as a float). */
  addInteger(i: number): void {
    const c = this.counts;
    c.values++;
    c.ints++;
    c.floats++;
    if (i < -2147483648 || i > 2147483647) c.int32 = false;
    if (i === 0 || i === 1) {
      c.zeroOnes++;
      if (i === 0) c.seenZero = true;
      else c.seenOne = true;
    }
  }

  addFloat(): void {
    this.counts.values++;
    this.counts.floats++;
  }

  addBoolean(): void {
    this.counts.values++;
    this.counts.bools++;
  }

  addDate(formats: readonly DateFormat[]): void {
    const c = this.counts;
    c.values++;
    c.anyDate++;
    for (const f of formats) {
      const entry = c.dateCounts.find((e) => e[0] === f);
      if (entry) entry[1]++;
      else c.dateCounts.push([f, 1]);
    }
  }

  addUntyped(): void {
    this.counts.values++;
    this.counts.untyped++;
  }

  /** A value's text. */
  add(v: string): void {
    const i = parseInteger(v);
    if (i !== null) return this.addInteger(i);
    if (parseFloatCell(v) !== null) return this.addFloat();
    if (parseBooleanWord(v) !== null) return this.addBoolean();
    const formats = dateFormatsOf(v);
    if (formats.length) return this.addDate(formats);
    if (parseTimestamp(v) !== null) {
      this.counts.values++;
      this.counts.timestamps++;
    } else this.addUntyped();
  }

  /** Adds the evidence of the values that follow this one's. */
  merge(next: TypeCounts): void {
    const c = this.counts;
    c.values += next.values;
    c.ints += next.ints;
    c.int32 &&= next.int32;
    c.floats += next.floats;
    c.bools += next.bools;
    c.zeroOnes += next.zeroOnes;
    c.seenZero ||= next.seenZero;
    c.seenOne ||= next.seenOne;
    c.timestamps += next.timestamps;
    c.anyDate += next.anyDate;
    for (const [f, count] of next.dateCounts) {
      const entry = c.dateCounts.find((e) => e[0] === f);
      if (entry) entry[1] += count;
      else c.dateCounts.push([f, count]);
    }
    c.untyped += next.untyped;
  }

  /** Whether the values can only be text whatever follows (more than 1 − FIT_SHARE of `total` values are untyped). */
  hopeless(total: number): boolean {
    return this.counts.untyped > total * (1 - FIT_SHARE);
  }

  decide(): InferredColumn {
    const { values: n, ints, int32, floats, bools, zeroOnes, seenZero, seenOne, timestamps, anyDate, dateCounts } = this.counts;
    if (n === 0) return { kind: 'empty' };
    if (this.hopeless(n)) return { kind: 'string' };
    const fits = (count: number) => count >= n * FIT_SHARE && count > 0;
    if (zeroOnes === n && n >= 2 && seenZero && seenOne) return { kind: 'boolean', zeroOne: true };
    if (fits(bools)) return { kind: 'boolean', zeroOne: false };
    if (fits(ints)) return { kind: 'integer', int32 };
    if (fits(floats)) return { kind: 'float' };
    if (fits(anyDate)) {
      let best: DateFormat = 'YYYY-MM-DD';
      let bestCount = -1;
      for (const [f, c] of dateCounts) {
        // Ties between day-first and month-first (every value ambiguous) go to ISO, then day-first.
        if (c > bestCount) {
          best = f;
          bestCount = c;
        }
      }
      return { kind: 'date', dateFormat: best };
    }
    if (fits(timestamps + anyDate) && timestamps > 0) return { kind: 'timestamp' };
    return { kind: 'string' };
  }
}
