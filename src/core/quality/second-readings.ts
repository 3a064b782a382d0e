/**
 * Second readings: in a file of regular series (regular-series.ts), a station read twice at one time — a reading
 * recorded again, with some of its values changed. One station reads once per step.
 */
import type { IngestResult } from '../table/model';
import { numericColumn } from './column-values';
import { cellText } from './dependencies';
import { regularSeries } from './regular-series';

/** A reading recorded again: its row, the earlier row of the same entity and time, and the columns the two write differently. */
export interface SecondReading {
  row: number;
  other: number;
  entity: number;
  time: number;
  differing: number[];
}

/**
 * The rows that repeat an earlier row's entity and time in a regular series, where such repeats are slips: at most
 * `maxRepeatShare` of the rows (as duplicate-key asks of a key; more, and the file holds several readings per step:
 * sensors, or a snapshot), and the two rows agree on more than half of their other columns. Rows equal to theirs in
 * every column are left out (duplicate-row's). Each row once, in row order.
 */
export function secondReadings(data: IngestResult, maxRepeatShare: number): SecondReading[] {
  const found = new Map<number, SecondReading>();
  const rows = data.table.numRows;
  for (const { entity, groups, times } of regularSeries(data)) {
    const { order, starts } = groups;
    for (const time of times) {
      const values = numericColumn(data, time);
      const repeats: [number, number][] = [];
      for (let g = 0; g + 1 < starts.length; g++) {
        const first = new Map<number, number>();
        for (let k = starts[g]; k < starts[g + 1]; k++) {
          const r = order[k];
          const v = values[r];
          if (!Number.isFinite(v)) continue;
          const f = first.get(v);
          if (f === undefined) first.set(v, r);
          else repeats.push([r, f]);
        }
      }
      if (repeats.length === 0 || repeats.length > maxRepeatShare * rows) continue;
      for (const [r, f] of repeats) {
        if (found.has(r)) continue;
        const differing = data.columns.flatMap((_, c) => (cellText(data, r, c) === cellText(data, f, c) ? [] : [c]));
        // The same reading agrees on most of what it measured; rows apart in most columns are two readings, one of them
        // at a time written wrong (a zone read as another hour).
        if (differing.length > 0 && 2 * differing.length < data.columns.length - 2) found.set(r, { row: r, other: f, entity, time, differing });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.row - b.row);
}
