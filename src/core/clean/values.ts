/**
 * How cleaning reads and writes cell texts: missing cells, plain and formatted numbers (thousands
 * separators, currency, percent, units, accounting negatives), dates in mixed formats, and the canonical
 * text of a number. The generated pandas script mirrors every function here (python/helpers.ts), and a
 * test compares both on the same inputs, so the script reproduces the output exactly.
 */
import { fullYear, parseFloatCell } from '../ingest/csv/infer';
import { hoursAndMinutes, type DecimalMark } from '../ingest/written-number';
import { convertBetweenUnits } from '../shared/unit-factors';

/** Whether a cell is missing: empty, white space only, or an NA token (compared trimmed, like the reader). */
export function isMissing(cell: string | null, naTokens: ReadonlySet<string>): boolean {
  if (cell === null) return true;
  const t = cell.trim();
  return t === '' || naTokens.has(t);
}

/** A plain number as the CSV reader reads one (trimmed; exponents; NaN/Inf words), or null. */
export function plainNumber(cell: string): number | null {
  return parseFloatCell(cell);
}

/** A finite plain number, or null. */
export function finiteNumber(cell: string | null): number | null {
  if (cell === null) return null;
  const v = parseFloatCell(cell);
  return v !== null && Number.isFinite(v) ? v : null;
}

/** The canonical text of a number: JavaScript's shortest round-trip form ("0.1", "1e+21"); −0 is "0". */
export function numberText(value: number): string {
  return String(value);
}

// ---------------------------------------------------------------------------------------------------
// Formatted numbers

/** The decimal mark, as the reader decides it (one type for both). */
export type { DecimalMark };

export interface FormattedNumber {
  /** The number with sign, scale word ("k", "M", "bn") and parentheses applied; not yet divided for a percent. */
  value: number;
  /** Normalized unit or currency ("kg", "$", "usd"); null when there is none. */
  unit: string | null;
  percent: boolean;
}

/** Scale words after a number: "250k", "3.5M", "2 bn". */
const SCALE_WORDS: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, mn: 1e6, bn: 1e9 };

const CURRENCY = '$€£¥₹₽₩₺₴₦₱₪฿¢';
const SPACE = '[ \\t\\u00a0\\u202f]';
/** Prefix: a currency symbol (optionally after letters: "US$"), or a three-letter code ("USD"). */
const PREFIX = `(?:[A-Z]{0,3}[${CURRENCY}]|[A-Z]{3}(?=${SPACE}))`;
/** Suffix: a percent sign, a currency symbol, a scale ("/10": 5, 10 or 100), or a unit word (letters, µ, °, ², ³, /, .). */
const SUFFIX = `(?:%|[${CURRENCY}]|/${SPACE}?(?:5|10|100)|[A-Za-zµ°][A-Za-zµ°²³/.]{0,11})`;
const DIGITS_DOT = "(?:[0-9]{1,3}(?:(?<sep>[,'\\u00a0\\u202f ])[0-9]{3})(?:\\k<sep>[0-9]{3})*(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?";
const DIGITS_COMMA = "(?:[0-9]{1,3}(?:(?<sep>[.'\\u00a0\\u202f ])[0-9]{3})(?:\\k<sep>[0-9]{3})*(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?)";

function formattedPattern(digits: string): RegExp {
  return new RegExp(`^(\\()?${SPACE}*([+\\-\\u2212])?${SPACE}*(${PREFIX})?${SPACE}*([+\\-\\u2212])?(${digits})${SPACE}*(${SUFFIX})?${SPACE}*(\\))?$`);
}

const FORMATTED: Record<DecimalMark, RegExp> = { '.': formattedPattern(DIGITS_DOT), ',': formattedPattern(DIGITS_COMMA) };

/** A unit as compared and converted: scale words kept apart, the rest lower-case ("/ 10" is "/10"). */
function normalizeUnit(unit: string): string {
  return unit.replace(/\.$/, '').replace(/^\/\s+/, '/').toLowerCase();
}

/**
 * Reads a number written with formatting: "1,234.50", "$1,200", "(45)", "−3", "45 %", "16 oz", "2.5k",
 * "USD 12", "1.234,5" (decimal comma), "7.5/10" (unit "/10"), "1 hr. 49 min." (109 min). Null when the text is not one (or has neither digits nor form).
 */
export function parseFormattedNumber(text: string, decimal: DecimalMark = '.'): FormattedNumber | null {
  // Hours and minutes ("1 hr. 49 min."): minutes, as the reader reads them.
  const minutes = hoursAndMinutes(text);
  if (minutes !== null) return { value: minutes, unit: 'min', percent: false };
  const m = FORMATTED[decimal].exec(text.trim());
  if (!m) return null;
  const [, open, sign1, prefix, sign2, digits, , suffix, close] = m;
  if ((open === undefined) !== (close === undefined)) return null;
  if (sign1 !== undefined && sign2 !== undefined) return null;
  const normalized = decimal === '.' ? digits.replace(/[,'\u00a0\u202f ]/g, '') : digits.replace(/[.'\u00a0\u202f ]/g, '').replace(',', '.');
  let value = Number(normalized);
  if (!Number.isFinite(value)) return null;
  let unit: string | null = null;
  let percent = false;
  if (suffix !== undefined) {
    if (suffix === '%') percent = true;
    else if (Object.prototype.hasOwnProperty.call(SCALE_WORDS, suffix)) value *= SCALE_WORDS[suffix];
    else unit = normalizeUnit(suffix);
  }
  if (prefix !== undefined) {
    const p = normalizeUnit(prefix);
    if (unit !== null && unit !== p) return null;
    unit = p;
  }
  const negative = open !== undefined || (sign1 ?? sign2 ?? '+') !== '+';
  return { value: negative ? -value : value, unit, percent };
}

/** The value of `parsed` in `target` units (null when its unit cannot be converted to the target); a unit in `keep` keeps its number. */
export function convertUnit(parsed: FormattedNumber, target: string | null, percent: 'fraction' | 'number', keep: readonly string[] = []): number | null {
  let value = parsed.percent && percent === 'fraction' ? parsed.value / 100 : parsed.value;
  const from = parsed.unit;
  if (from !== null && target !== null && from !== target && !keep.includes(from)) {
    const converted = convertBetweenUnits(value, from, target);
    if (converted === null) return null;
    value = converted;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------
// Dates

export type DayOrder = 'DMY' | 'MDY';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1–12 for an English month name or its abbreviation of at least three letters ("Sep", "Sept", "September"). */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const index = MONTHS.findIndex((m) => m.startsWith(w));
  return index < 0 ? null : index + 1;
}

function validYmd(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}


const ISO_DATE = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/;
const ISO_MIDNIGHT = /^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]00:00(?::00(?:\.0+)?)?$/;
const YMD = /^([0-9]{4})[/.]([0-9]{1,2})[/.]([0-9]{1,2})$/;
const NUMERIC = /^([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})$/;
const DAY_MONTH_YEAR = /^([0-9]{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})\.?,?[ -]([0-9]{4})$/;
/** "25-May-94": a two-digit year after a month's name, with dashes only (as spreadsheets write it). */
const DAY_MON_YY = /^([0-9]{1,2})-([A-Za-z]{3,9})-([0-9]{2})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.? ([0-9]{1,2})(?:st|nd|rd|th)?,? ([0-9]{4})$/;

/** Which orders a numeric day/month date allows: 'DMY', 'MDY', 'both' (ambiguous), or null when it is not one. */
export function dayOrderOf(text: string): DayOrder | 'both' | null {
  const m = NUMERIC.exec(text.trim());
  if (!m) return null;
  const [a, b, year] = [Number(m[1]), Number(m[3]), fullYear(m[4])];
  if (m[2] === '.') return validYmd(year, b, a) ? 'DMY' : null;
  const dmy = validYmd(year, b, a);
  const mdy = validYmd(year, a, b);
  return dmy && mdy ? 'both' : dmy ? 'DMY' : mdy ? 'MDY' : null;
}

/**
 * A date in any of the formats seen in the wild, as ISO `YYYY-MM-DD`: ISO (also at midnight with a time),
 * `YYYY/MM/DD`, day/month/year with `/`, `-` or `.` (ambiguous ones read in `order`; dots are always
 * day-first), two-digit years, "12 Jan 2023", "12-Jan-2023", "12-Jan-23", "Jan 12, 2023". Null when it is none.
 */
export function isoDate(text: string, order: DayOrder): string | null {
  const t = text.trim();
  let year: number;
  let month: number;
  let day: number;
  let m = ISO_DATE.exec(t) ?? ISO_MIDNIGHT.exec(t) ?? YMD.exec(t);
  if (m) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = NUMERIC.exec(t))) {
    const allowed = dayOrderOf(t);
    if (allowed === null) return null;
    const dayFirst = allowed === 'DMY' || (allowed === 'both' && order === 'DMY');
    [year, month, day] = [fullYear(m[4]), Number(dayFirst ? m[3] : m[1]), Number(dayFirst ? m[1] : m[3])];
  } else if ((m = DAY_MONTH_YEAR.exec(t) ?? DAY_MON_YY.exec(t))) {
    const mm = monthNumber(m[2]);
    if (mm === null) return null;
    [year, month, day] = [fullYear(m[3]), mm, Number(m[1])];
  } else if ((m = MONTH_DAY_YEAR.exec(t))) {
    const mm = monthNumber(m[1]);
    if (mm === null) return null;
    [year, month, day] = [Number(m[3]), mm, Number(m[2])];
  } else {
    return null;
  }
  return validYmd(year, month, day) ? `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` : null;
}

/** Whether a text is already an ISO date exactly as {@link isoDate} writes it. */
export function isCanonicalIsoDate(text: string): boolean {
  return /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text);
}
