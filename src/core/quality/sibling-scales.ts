/**
 * Scales that numbered sibling columns share: a questionnaire's items q1…q5 answered on one scale of 1 to 5, ratings
 * rating_1…rating_8 from 0 to 10. Learned from the table: three or more whole-number columns whose names differ only by
 * a trailing number, each holding few levels (at most MAX_LEVELS values in COMMON_SHARE of its rows or more), make a
 * scale of the levels any of them holds commonly, from its lowest to its highest; both ends dense (END_SHARE of the
 * siblings' answers each) and few values beyond them (BEYOND_END_RATIO: a scale stops at its ends, a count's tail thins
 * out). A value outside it in one column (a 6, a 0, a 55) is on no sibling's scale.
 */
import type { IngestResult } from '../table/model';
import { memo, numericColumn, sortedRuns } from './column-values';

/** Siblings a scale needs. */
const MIN_SIBLINGS = 3;
/** Rows each sibling needs. */
const MIN_ROWS = 50;
/** Share of a column's values (and at least COMMON_ROWS rows) that makes a value one of its levels. */
const COMMON_SHARE = 0.005;
const COMMON_ROWS = 2;
/** Most levels a sibling may hold: a scale, not a measure. */
const MAX_LEVELS = 12;
/** Share of the siblings' values each end of the scale must hold. */
const END_SHARE = 0.01;
/**
 * Rows beyond an end (over all the siblings) per row at the end, at most: a scale stops at its end (8 answers beyond
 * the 790 fives of an item), where a count's tail thins out step by step (counts of 7 a third as many as of 6).
 */
const BEYOND_END_RATIO = 0.05;
/** Share of a column's values that must lie on the scale for its others to be off it. */
const ON_SCALE_SHARE = 0.98;
/** A name ending in a number: its stem ("q" of "q3", "item_" of "item_12", "Rating" of "Rating 4"). */
const NUMBERED_NAME = /^(.*?\D)\d+$/;

/** A scale numbered sibling columns share. */
export interface SiblingScale {
  columns: number[];
  low: number;
  high: number;
}

/** Column `c`'s levels (see COMMON_SHARE), or undefined where it is no whole-number column of few levels. */
function levelsOf(data: IngestResult, c: number): number[] | undefined {
  if (data.columns[c].kind !== 'integer') return undefined;
  const { values, counts } = sortedRuns(data, c);
  let present = 0;
  for (let i = 0; i < counts.length; i++) present += counts[i];
  if (present < MIN_ROWS) return undefined;
  const levels: number[] = [];
  for (let i = 0; i < values.length; i++) if (counts[i] >= Math.max(COMMON_ROWS, COMMON_SHARE * present)) levels.push(values[i]);
  return levels.length >= 2 && levels.length <= MAX_LEVELS ? levels : undefined;
}

/** The table's sibling scales (computed once per table). */
export function siblingScales(data: IngestResult): SiblingScale[] {
  return memo(data, 'sibling-scales', () => {
    // Per stem, its columns and their levels.
    const byStem = new Map<string, { columns: number[]; levels: number[] }>();
    data.columns.forEach((column, c) => {
      const stem = NUMBERED_NAME.exec(column.name.trim())?.[1].toLowerCase();
      const levels = stem === undefined ? undefined : levelsOf(data, c);
      if (stem === undefined || !levels) return;
      const siblings = byStem.get(stem) ?? { columns: [], levels: [] };
      byStem.set(stem, { columns: [...siblings.columns, c], levels: [...siblings.levels, ...levels] });
    });
    const scales: SiblingScale[] = [];
    for (const { columns, levels } of byStem.values()) {
      if (columns.length < MIN_SIBLINGS) continue;
      const [low, high] = [Math.min(...levels), Math.max(...levels)];
      // Both ends dense over all the siblings' values, and few values beyond either beside the end's own.
      let [atLow, atHigh, below, above, total] = [0, 0, 0, 0, 0];
      for (const c of columns) {
        const values = numericColumn(data, c);
        for (let r = 0; r < values.length; r++) {
          const v = values[r];
          if (Number.isNaN(v)) continue;
          total++;
          if (v === low) atLow++;
          else if (v === high) atHigh++;
          else if (v < low) below++;
          else if (v > high) above++;
        }
      }
      const end = (rows: number, beyond: number) => rows >= END_SHARE * total && beyond <= BEYOND_END_RATIO * rows;
      if (end(atLow, below) && end(atHigh, above)) scales.push({ columns, low, high });
    }
    return scales;
  });
}

/** The rows of column `c` (one of `scale`'s) whose value lies off the scale, where ON_SCALE_SHARE of its values lie on it. */
export function offScaleRows(data: IngestResult, scale: SiblingScale, c: number): number[] {
  const values = numericColumn(data, c);
  const off: number[] = [];
  let present = 0;
  for (let r = 0; r < values.length; r++) {
    if (Number.isNaN(values[r])) continue;
    present++;
    if (values[r] < scale.low || values[r] > scale.high) off.push(r);
  }
  return off.length <= (1 - ON_SCALE_SHARE) * present ? off : [];
}
