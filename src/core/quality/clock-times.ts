/**
 * Text columns of clock times: race and lap times, durations and times of day written "2:04:55", "0:29:23", "14:30"
 * (hours, minutes and seconds parted by colons). They are numbers (seconds) to the checks that compare a row's
 * numbers: splits below the finish time, a gun time at or above the chip time.
 */
import type { DistinctValues } from '../profile/facts/distinct-values';

/** Share of a column's rows with a value that must be clock times for the column to be one of them. */
const CLOCK_SHARE = 0.95;
/** Rows of clock times a column needs. */
const MIN_CLOCK_ROWS = 20;

/** Distinct values read first, to leave a column that is no clock times without reading it all. */
const EARLY_VALUES = 50;

/** Hours (any number of digits: a duration may run past a day), minutes, and seconds (with a fraction) where written. */
const CLOCK = /^(\d{1,4}):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/;

/** The seconds a clock time says ("2:04:55" → 7495; "14:30" → 52,200, hours and minutes), or NaN where the text is none. */
export function clockSeconds(text: string): number {
  const m = CLOCK.exec(text.trim());
  if (!m) return NaN;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + (m[3] === undefined ? 0 : Number(m[3]));
}

/**
 * A text column's values as seconds, per row (NaN where a cell is null or no clock time), where CLOCK_SHARE of its rows
 * with a value (MIN_CLOCK_ROWS at least) hold clock times written one way (all with seconds, or all without: "1:02"
 * is a minute and two seconds in one column, an hour and two minutes in another); else undefined.
 */
export function clockColumn(distinct: DistinctValues): Float64Array | undefined {
  // Most columns are no clock times: their first values say so without reading them all.
  const sample = Math.min(distinct.size, EARLY_VALUES);
  let early = 0;
  for (let id = 0; id < sample; id++) if (!Number.isNaN(clockSeconds(distinct.text(id)))) early++;
  if (early < CLOCK_SHARE * sample - 1) return undefined;
  const seconds = new Float64Array(distinct.size);
  let [present, withSeconds, withoutSeconds] = [0, 0, 0];
  for (let id = 0; id < distinct.size; id++) {
    const text = distinct.text(id);
    present += distinct.counts[id];
    seconds[id] = clockSeconds(text);
    if (Number.isNaN(seconds[id])) continue;
    if (text.split(':').length === 3) withSeconds += distinct.counts[id];
    else withoutSeconds += distinct.counts[id];
  }
  const clock = Math.max(withSeconds, withoutSeconds);
  if (clock < MIN_CLOCK_ROWS || clock < CLOCK_SHARE * present) return undefined;
  // Times written the other way are read as NaN: which of their numbers is the hour is not known.
  const threeParts = withSeconds >= withoutSeconds;
  for (let id = 0; id < distinct.size; id++) if ((distinct.text(id).split(':').length === 3) !== threeParts) seconds[id] = NaN;
  const out = new Float64Array(distinct.ids.length);
  for (let r = 0; r < out.length; r++) out[r] = distinct.ids[r] < 0 ? NaN : seconds[distinct.ids[r]];
  return out;
}
