/**
 * Fast paths that read a cell's value straight from its UTF-8 bytes. Each accepts only a plain subset of
 * what the string parsers in infer.ts accept and returns exactly what they would return; anything else
 * answers "not handled" so the caller falls back to the string parser (same results, just slower).
 */

const SPACE = 32;
const TAB = 9;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;

/** Returned by the fast paths when the bytes need the string parser. */
export const NOT_HANDLED = Symbol('not handled');

/** Exact powers of ten (every one up to 1e22 is a double without rounding). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** Whether bytes[start, end) start or end with a space or a tab (a number the fast paths read around them). */
export function hasOuterBlank(bytes: Uint8Array, start: number, end: number): boolean {
  return end > start && (bytes[start] === SPACE || bytes[start] === TAB || bytes[end - 1] === SPACE || bytes[end - 1] === TAB);
}

function trimStart(bytes: Uint8Array, start: number, end: number): number {
  while (start < end && (bytes[start] === SPACE || bytes[start] === TAB)) start++;
  return start;
}

function trimEnd(bytes: Uint8Array, start: number, end: number): number {
  while (end > start && (bytes[end - 1] === SPACE || bytes[end - 1] === TAB)) end--;
  return end;
}

/**
 * A decimal integer of at most 15 digits (sign and space/tab around allowed), or one written with a fraction
 * of zeros ("2540.0"), as parseIntegral reads it; null when the bytes are surely not such a number,
 * NOT_HANDLED when the string parser must decide.
 */
export function integerFromBytes(bytes: Uint8Array, start: number, end: number): number | null | typeof NOT_HANDLED {
  let i = trimStart(bytes, start, end);
  const e = trimEnd(bytes, i, end);
  if (i < e && (bytes[i] < 0x21 || bytes[i] >= 0x80 || bytes[e - 1] < 0x21 || bytes[e - 1] >= 0x80)) return NOT_HANDLED;
  let sign = 1;
  if (bytes[i] === MINUS || bytes[i] === PLUS) {
    if (bytes[i] === MINUS) sign = -1;
    i++;
  }
  if (i >= e) return null;
  const digitsStart = i;
  let value = 0;
  for (; i < e; i++) {
    const d = bytes[i] - ZERO;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  if (i === digitsStart) return null;
  if (i - digitsStart > 15) return NOT_HANDLED;
  if (i < e) {
    // A fraction of zeros only ("2540.0", "2540.").
    if (bytes[i] !== DOT) return null;
    for (i++; i < e; i++) if (bytes[i] !== ZERO) return null;
  }
  return sign * value;
}

/**
 * A decimal number `[+-]digits[.digits][e[+-]digits]` with at most 15 significant digits and a decimal
 * exponent within ±22 — the range where one multiplication or division by an exact power of ten is
 * correctly rounded (Clinger's fast path), so the result equals Number(text) — written to out[index];
 * false (nothing written) when the string parser must decide. Writing the value where it goes, rather
 * than returning it, spares a heap number per cell when the call is not inlined.
 */
export function floatInto(bytes: Uint8Array, start: number, end: number, out: Float64Array, index: number): boolean {
  let i = trimStart(bytes, start, end);
  const e = trimEnd(bytes, i, end);
  if (i >= e) return false;
  let negative = false;
  let b = bytes[i];
  if (b === MINUS || b === PLUS) {
    negative = b === MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let sawDigit = false;
  for (; i < e; i++) {
    const d = bytes[i] - ZERO;
    if (d < 0 || d > 9) break;
    sawDigit = true;
    if (mantissa !== 0 || d !== 0) digits++;
    mantissa = mantissa * 10 + d;
  }
  if (i < e && bytes[i] === DOT) {
    for (i++; i < e; i++) {
      const d = bytes[i] - ZERO;
      if (d < 0 || d > 9) break;
      sawDigit = true;
      if (mantissa !== 0 || d !== 0) digits++;
      mantissa = mantissa * 10 + d;
      scale++;
    }
  }
  if (!sawDigit || digits > 15) return false;
  let exponent = 0;
  if (i < e) {
    b = bytes[i];
    if (b !== 101 && b !== 69) return false; // e E
    i++;
    let expNegative = false;
    if (i < e && (bytes[i] === MINUS || bytes[i] === PLUS)) {
      expNegative = bytes[i] === MINUS;
      i++;
    }
    if (i >= e || e - i > 4) return false;
    for (; i < e; i++) {
      const d = bytes[i] - ZERO;
      if (d < 0 || d > 9) return false;
      exponent = exponent * 10 + d;
    }
    if (expNegative) exponent = -exponent;
  }
  const power = exponent - scale;
  let value: number;
  if (mantissa === 0) value = 0;
  else if (power >= 0 && power <= 22) value = mantissa * POW10[power];
  else if (power < 0 && power >= -22) value = mantissa / POW10[-power];
  else return false;
  out[index] = negative ? -value : value;
  return true;
}

const floatScratch = new Float64Array(1);

/** {@link floatInto} as a value: the number, or NOT_HANDLED. */
export function floatFromBytes(bytes: Uint8Array, start: number, end: number): number | typeof NOT_HANDLED {
  return floatInto(bytes, start, end, floatScratch, 0) ? floatScratch[0] : NOT_HANDLED;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to the given proleptic Gregorian date. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digit2(bytes: Uint8Array, i: number): number {
  const a = bytes[i] - ZERO;
  const b = bytes[i + 1] - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Epoch milliseconds of exactly `YYYY-MM-DD` (10 bytes, year 100 or later), as parseDate(text,
 * 'YYYY-MM-DD') reads it: null when it is not a valid date, NOT_HANDLED for any other shape.
 */
export function isoDateFromBytes(bytes: Uint8Array, start: number, end: number): number | null | typeof NOT_HANDLED {
  const days = isoDaysFromBytes(bytes, start, end);
  return days === null || days === NOT_HANDLED ? days : days * MS_PER_DAY;
}

export const MS_PER_DAY = 86_400_000;

/** {@link isoDateFromBytes} in days since 1970-01-01 (a small integer: no heap number). */
export function isoDaysFromBytes(bytes: Uint8Array, start: number, end: number): number | null | typeof NOT_HANDLED {
  if (end - start !== 10 || bytes[start + 4] !== MINUS || bytes[start + 7] !== MINUS) return NOT_HANDLED;
  const hi = digit2(bytes, start);
  const lo = digit2(bytes, start + 2);
  const month = digit2(bytes, start + 5);
  const day = digit2(bytes, start + 8);
  if (hi < 0 || lo < 0 || month < 0 || day < 0) return NOT_HANDLED;
  const year = hi * 100 + lo;
  // Date.UTC reads years 0–99 as 1900–1999: leave those to the string parser, which uses it.
  if (year < 100) return NOT_HANDLED;
  if (month < 1 || month > 12 || day < 1) return null;
  const leap = month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 1 : 0;
  if (day > DAYS_IN_MONTH[month - 1] + leap) return null;
  return daysFromCivil(year, month, day);
}

/** true/false/yes/no in any case (words), 1/0 (`zeroOne`), or NOT_HANDLED. */
export function booleanFromBytes(bytes: Uint8Array, start: number, end: number): { word: boolean | null; zeroOne: boolean | null } | typeof NOT_HANDLED {
  const n = end - start;
  if (n === 1) {
    const b = bytes[start];
    return b === 49 ? ONE : b === ZERO ? ZERO_VALUE : NEITHER;
  }
  if (n < 2 || n > 5) return NOT_HANDLED;
  let key = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b < 65 || b > 122) return NOT_HANDLED;
    key = key * 32 + ((b | 0x20) - 96);
  }
  return key === TRUE_KEY || key === YES_KEY ? TRUE_WORD : key === FALSE_KEY || key === NO_KEY ? FALSE_WORD : NOT_HANDLED;
}

function wordKey(word: string): number {
  let key = 0;
  for (const ch of word) key = key * 32 + (ch.charCodeAt(0) - 96);
  return key;
}
const TRUE_KEY = wordKey('true');
const YES_KEY = wordKey('yes');
const FALSE_KEY = wordKey('false');
const NO_KEY = wordKey('no');
const ONE = { word: null, zeroOne: true };
const ZERO_VALUE = { word: null, zeroOne: false };
const NEITHER = { word: null, zeroOne: null };
const TRUE_WORD = { word: true, zeroOne: null };
const FALSE_WORD = { word: false, zeroOne: null };
