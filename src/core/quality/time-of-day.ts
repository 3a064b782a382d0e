/**
 * Times of day written several ways in one column ("7:10 a.m.", "7:10am", "7:10a", "07:10", "Dec 2 7:10am"),
 * as in timetables merged from several websites: each source writes the same departure its own way, so the
 * same time is several texts. For comparing values (dependencies: one flight, one departure), a column whose
 * values are nearly all times of day, with one time written in several ways, is read by the time it says.
 */
import type { IngestResult } from '../table/model';
import { distinctValues, memo, nullCount, type ValueCodes } from './column-values';

/** Share of a column's rows that must read as a time of day. */
const MIN_TIME_SHARE = 0.9;
/** Distinct values read first, to leave columns that are not times at once. */
const EARLY_VALUES = 32;

/**
 * An optional date without a year or with one ("Dec 2", "Dec 2, 2011", "2011-12-02", "12/02"), then the time:
 * hours, minutes, optional seconds, and an optional a.m./p.m. in any of its spellings ("a.m.", "am", "a", "AM"),
 * with the white space before it; or the date after the time ("7:10 a.m. Dec 2"). The date and the time are
 * apart by white space, a comma, a "T" or a dash between spaces ("Dec 2 - 7:10am").
 */
const TIME = /^(?:(.+?)(?:\s+[-–]\s+|[\sT,]+))?(\d{1,2}):(\d{2})(?::(\d{2}))?(\s*)([ap]\.?\s?(?:m\.?)?)?(?:(?:\s+[-–]\s+|[\s,]+)(.+))?$/i;
/** The dates written with a time: month name and day (and year), ISO, or month/day (and year) in digits. */
const MONTH_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/i;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DIGITS_DAY = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The day a date written with a time names, as "month-day" (one spelling per day: "Dec 1", "12/01/2011" and
 * "2011-12-01" are "12-1"), the year aside (a timetable writes it in some notations only); undefined for text
 * that is no such date. Digits are read month first (as timetables of one country are written) unless the first
 * number cannot be a month.
 */
function dayOf(date: string): string | undefined {
  const named = MONTH_DAY.exec(date);
  if (named) {
    const month = MONTHS.indexOf(named[1].slice(0, 3).toLowerCase());
    return month < 0 ? undefined : `${month + 1}-${Number(named[2])}`;
  }
  const iso = ISO_DAY.exec(date);
  if (iso) return `${Number(iso[2])}-${Number(iso[3])}`;
  const digits = DIGITS_DAY.exec(date);
  if (!digits) return undefined;
  const [first, second] = [Number(digits[1]), Number(digits[2])];
  return first > 12 ? `${second}-${first}` : `${first}-${second}`;
}

/** A time of day as written. */
export interface TimeOfDay {
  /** Seconds since midnight. */
  seconds: number;
  /** The date written with the time, lower case ("" for none). */
  date: string;
  /** The day that date names, one spelling per day ("Dec 1" and "12/01/2011": "12-1"; "" for none). */
  day: string;
  /**
   * How it is written, without the time itself: "h:mm x.m." for "7:10 a.m.", "h:mm:ss" for "19:10:05",
   * "date h:mmxm" for "Dec 2 7:10am", "h:mm x.m. date" for "7:10 a.m. Dec 2" ("x" or "X" stands for the a or p
   * of a 12-hour clock, as its case).
   */
  notation: string;
  /** Digits of the hour as written ("07:10": 2). */
  hourDigits: number;
}

/** A time of day as written, or undefined when the text is not one. */
export function readTimeOfDay(text: string): TimeOfDay | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  const [, before = '', h, min, sec, space, marker = '', after = ''] = m;
  if (before && after) return undefined;
  const date = before || after;
  const day = date ? dayOf(date) : '';
  if (day === undefined) return undefined;
  let hours = Number(h);
  const minutes = Number(min);
  const seconds = Number(sec ?? '0');
  if (minutes > 59 || seconds > 59) return undefined;
  if (marker) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (marker[0].toLowerCase() === 'p' ? 12 : 0);
  } else if (hours > 23) return undefined;
  const clock = marker ? `${space ? ' ' : ''}${marker[0] === marker[0].toLowerCase() ? 'x' : 'X'}${marker.slice(1).replace(/\s/g, ' ')}` : '';
  return {
    seconds: hours * 3600 + minutes * 60 + seconds,
    date: date.toLowerCase().replace(/\s+/g, ' '),
    day,
    notation: `${before ? 'date ' : ''}h:mm${sec === undefined ? '' : ':ss'}${clock}${after ? ' date' : ''}`,
    hourDigits: h.length,
  };
}

/** Whether a notation ({@link TimeOfDay.notation}) is of a 12-hour clock. */
export function isTwelveHour(notation: string): boolean {
  return /[xX]/.test(notation);
}

/**
 * A time (seconds since midnight) written in a notation without a date ({@link TimeOfDay.notation}), the
 * hour with `hourDigits` digits at least; undefined for a notation with a date, or seconds it does not write.
 */
export function writeTimeOfDay(seconds: number, notation: string, hourDigits: number): string | undefined {
  if (notation.startsWith('date ') || notation.endsWith(' date')) return undefined;
  const withSeconds = notation.startsWith('h:mm:ss');
  if (!withSeconds && seconds % 60 !== 0) return undefined;
  const [h24, minutes, secs] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const clock = notation.slice(withSeconds ? 7 : 4);
  const hours = isTwelveHour(clock) ? h24 % 12 || 12 : h24;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const half = h24 < 12 ? 'a' : 'p';
  return `${pad(hours, hourDigits)}:${pad(minutes, 2)}${withSeconds ? `:${pad(secs, 2)}` : ''}${clock.replace('x', half).replace('X', half.toUpperCase())}`;
}


/**
 * Ids of a text column's values by the time of day they say, when nearly all its values ({@link MIN_TIME_SHARE}
 * of its rows) are times of day and some time is written in several ways; undefined otherwise (the column's
 * own ids are then its readings). The day a date written with the time names is part of the reading unless the
 * column's dates name one day only (a day's timetable, "Dec 2" or "12/02/2011" with some of its times): then it
 * says nothing.
 */
export function timeOfDayCodes(data: IngestResult, column: number): ValueCodes | undefined {
  return memo(data, `time-of-day-codes:${column}`, () => computeCodes(data, column));
}

/** The times of day of a text column's distinct values (by id), when nearly all its rows are times of day. */
export interface TimeColumn {
  /** Per distinct value id: its reading, undefined for a value that is no time of day. */
  readings: (TimeOfDay | undefined)[];
  /** Rows holding a time of day. */
  timeRows: number;
  /** The days the dates written with times name ({@link TimeOfDay.day}). */
  dates: Set<string>;
}

/**
 * The readings of a text column's values as times of day, when at least {@link MIN_TIME_SHARE} of its rows
 * are times of day (computed once per table and column); undefined otherwise.
 */
export function timeColumn(data: IngestResult, column: number): TimeColumn | undefined {
  return memo(data, `time-of-day-column:${column}`, () => readTimeColumn(data, column));
}

function readTimeColumn(data: IngestResult, column: number): TimeColumn | undefined {
  const distinct = distinctValues(data, column);
  const present = data.table.numRows - nullCount(data, column);
  if (present === 0) return undefined;
  // Most columns are not times: their first values say so without reading them all.
  let early = 0;
  const sample = Math.min(distinct.size, EARLY_VALUES);
  for (let id = 0; id < sample; id++) if (readTimeOfDay(distinct.text(id))) early++;
  if (early < MIN_TIME_SHARE * sample - 1) return undefined;
  const readings: (TimeOfDay | undefined)[] = [];
  const dates = new Set<string>();
  let timeRows = 0;
  for (let id = 0; id < distinct.size; id++) {
    const reading = readTimeOfDay(distinct.text(id));
    readings.push(reading);
    if (!reading) continue;
    timeRows += distinct.counts[id];
    if (reading.day) dates.add(reading.day);
  }
  return timeRows < MIN_TIME_SHARE * present ? undefined : { readings, timeRows, dates };
}

function computeCodes(data: IngestResult, column: number): ValueCodes | undefined {
  const distinct = distinctValues(data, column);
  if (distinct.size < 2) return undefined;
  const times = timeColumn(data, column);
  if (!times) return undefined;
  const { readings, dates } = times;
  const oneDate = dates.size <= 1;
  const keyOf = new Map<string, number>();
  const remap = new Int32Array(distinct.size);
  for (let id = 0; id < distinct.size; id++) {
    const reading = readings[id];
    const key = reading ? `${oneDate ? '' : reading.day}@${reading.seconds}` : `\u0000${id}`;
    let code = keyOf.get(key);
    if (code === undefined) keyOf.set(key, (code = keyOf.size));
    remap[id] = code;
  }
  // One spelling per time: the column's own ids already say it.
  if (keyOf.size === distinct.size) return undefined;
  const ids = new Int32Array(distinct.ids.length);
  for (let r = 0; r < ids.length; r++) ids[r] = distinct.ids[r] >= 0 ? remap[distinct.ids[r]] : -1;
  return { ids, size: keyOf.size };
}
