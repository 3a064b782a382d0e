/**
 * Bearings: a column of directions in degrees (a wind's direction, a heading, an azimuth), told by its values alone —
 * they fill one turn. On a circle distances wrap (4° is 54° from 310°), and a value beyond the turn is none.
 */
import type { IngestResult } from '../table/model';
import { sortedColumn } from './column-values';

/** A full turn in degrees, and the share of it each end of a column of bearings must reach into (see isBearing). */
export const FULL_TURN = 360;
const TURN_END_SHARE = 0.1;
/** Share of the values at each end (the lowest and highest) that must lie within TURN_END_SHARE of a turn's ends. */
const BEARING_END_QUANTILE = 0.05;

/**
 * Whether column `c` holds bearings (a wind's direction, a heading): its numbers lie within one turn, 0 to 360 (all but
 * 1%), and reach both ends of it (5% of them within 36° of 0, 5% within 36° of 360). On a circle, 4° is 54° from 310°,
 * not 306°: a group's spread and distances on the line say nothing there.
 */
export function isBearing(data: IngestResult, c: number): boolean {
  const sorted = sortedColumn(data, c);
  if (sorted.length === 0 || sorted.quantile(0.01) < 0 || sorted.quantile(0.99) > FULL_TURN) return false;
  return sorted.quantile(BEARING_END_QUANTILE) <= TURN_END_SHARE * FULL_TURN && sorted.quantile(1 - BEARING_END_QUANTILE) >= (1 - TURN_END_SHARE) * FULL_TURN;
}
