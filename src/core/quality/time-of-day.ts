/**
 * Times of day written several ways in one column ("7:10 a.m.", "7:10am", "7:10a", "07:10", "Dec 2 7:10am"),
 * as in timetables merged from several websites: each source writes the same departure its own way, so the
 * same time is several texts. For comparing values (dependencies: one flight, one departure), a column whose
 * values are nearly all times of day, with one time written in several ways, is read by the time it says.
 */
import type { IngestResult } from '../table/model';
import { distinctValues, nullCount, type ValueCodes } from './column-values';

/** Share of a column's rows that must read as a time of day. */
const MIN_TIME_SHARE = 0.9;
/** Distinct values read first, to leave columns that are not times at once. */
const EARLY_VALUES = 32;

/**
 * An optional date without a year or with one ("Dec 2", "Dec 2, 2011", "2011-12-02", "12/02"), then the time:
 * hours, minutes, optional seconds, and an optional a.m./p.m. in any of its spellings ("a.m.", "am", "a", "AM").
 */
const TIME = /^(?:(.+?)[\sT,]+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s?(?:m\.?)?)?$/i;
const DATE_PART = /^(?:[a-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)$/i;

/** A time of day as written: seconds since midnight, and the date written before it (lower case, "" for none); undefined when the text is not one. */
export function readTimeOfDay(text: string): { seconds: number; date: string } | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  const [, date = '', h, min, sec = '0', half] = m;
  if (date && !DATE_PART.test(date)) return undefined;
  let hours = Number(h);
  const minutes = Number(min);
  const seconds = Number(sec);
  if (minutes > 59 || seconds > 59) return undefined;
  if (half) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
  } else if (hours > 23) return undefined;
  return { seconds: hours * 3600 + minutes * 60 + seconds, date: date.toLowerCase().replace(/\s+/g, ' ') };
}

const memo = new WeakMap<IngestResult, Map<number, ValueCodes | null>>();

/**
 * Ids of a text column's values by the time of day they say, when nearly all its values ({@link MIN_TIME_SHARE}
 * of its rows) are times of day and some time is written in several ways; undefined otherwise (the column's
 * own ids are then its readings). A date written before the time is part of the reading unless the column
 * writes one date only (a day's timetable, "Dec 2" before some of its times): then it says nothing.
 */
export function timeOfDayCodes(data: IngestResult, column: number): ValueCodes | undefined {
  let byColumn = memo.get(data);
  if (!byColumn) memo.set(data, (byColumn = new Map()));
  let found = byColumn.get(column);
  if (found === undefined) byColumn.set(column, (found = computeCodes(data, column) ?? null));
  return found ?? undefined;
}

function computeCodes(data: IngestResult, column: number): ValueCodes | undefined {
  const distinct = distinctValues(data, column);
  const present = data.table.numRows - nullCount(data, column);
  if (present === 0 || distinct.size < 2) return undefined;
  // Most columns are not times: their first values say so without reading them all.
  let early = 0;
  const sample = Math.min(distinct.size, EARLY_VALUES);
  for (let id = 0; id < sample; id++) if (readTimeOfDay(distinct.text(id))) early++;
  if (early < MIN_TIME_SHARE * sample - 1) return undefined;
  const readings: ({ seconds: number; date: string } | undefined)[] = [];
  const dates = new Set<string>();
  let timeRows = 0;
  for (let id = 0; id < distinct.size; id++) {
    const reading = readTimeOfDay(distinct.text(id));
    readings.push(reading);
    if (!reading) continue;
    timeRows += distinct.counts[id];
    if (reading.date) dates.add(reading.date);
  }
  if (timeRows < MIN_TIME_SHARE * present) return undefined;
  const oneDate = dates.size <= 1;
  const keyOf = new Map<string, number>();
  const remap = new Int32Array(distinct.size);
  for (let id = 0; id < distinct.size; id++) {
    const reading = readings[id];
    const key = reading ? `${oneDate ? '' : reading.date}@${reading.seconds}` : `\u0000${id}`;
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
