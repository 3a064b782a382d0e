/** Durations as a message reads them. */
import { shownNumber } from './shown-number';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const YEAR_MS = 365.25 * DAY_MS;

/**
 * A duration as read: in years from two years, in days from two days (or a whole number of them), else hours from two
 * hours, else minutes ("33.8 years", "366 days", "-3.5 hours").
 */
export function durationText(ms: number): string {
  const size = Math.abs(ms);
  const [unit, unitMs] =
    size >= 2 * YEAR_MS ? ['year', YEAR_MS] : size >= 2 * DAY_MS || (size >= DAY_MS && ms % DAY_MS === 0) ? ['day', DAY_MS] : size >= 2 * HOUR_MS ? ['hour', HOUR_MS] : ['minute', MINUTE_MS];
  const count = Number((ms / unitMs).toPrecision(4));
  return `${shownNumber(count)} ${unit}${Math.abs(count) === 1 ? '' : 's'}`;
}
