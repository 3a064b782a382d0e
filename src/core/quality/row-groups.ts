/**
 * Rows grouped by a column's values, and the text columns whose values repeat as an entity's do (a patient, a vehicle,
 * a customer): the groupings the dependency search, entity outliers and entity counters read.
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, distinctValues } from './column-values';

/** Rows grouped by id: `order` lists the rows group by group (each group in row order), `starts[g]` where group g begins. */
export interface RowGroups {
  order: Int32Array;
  starts: Int32Array;
}

/** Row positions grouped by id (a counting sort; a negative id is in no group). */
export function groupsBy({ ids, size }: { ids: Int32Array; size: number }): RowGroups {
  const starts = new Int32Array(size + 1);
  countGroupRows(ids, starts);
  runningSums(starts);
  const fill = starts.slice(0, size);
  const order = new Int32Array(starts[size]);
  placeGroupRows(ids, fill, order);
  return { order, starts };
}

/**
 * Counts the rows of each id into starts[id + 1]. (Each loop of {@link groupsBy} is a function with nothing after
 * the loop: V8 may compile a loop while its first call runs, and code after it that had not run yet would make
 * that compiled code bail out on each call.)
 */
function countGroupRows(ids: Int32Array, starts: Int32Array): void {
  for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) starts[ids[i] + 1]++;
}

/** Turns counts into running sums, in place. */
function runningSums(values: Int32Array): void {
  for (let k = 1; k < values.length; k++) values[k] += values[k - 1];
}

/** Lists each row (of an id) at its group's next place (`fill`: where each group's next row goes). */
function placeGroupRows(ids: Int32Array, fill: Int32Array, order: Int32Array): void {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id >= 0) order[fill[id]++] = i;
  }
}

/** How a reader's entities repeat: rows per value on average (fewer: a key; more: a category), and values in 3 rows or more. */
export interface EntityShape {
  minMeanRows: number;
  maxMeanRows: number;
  minEntities: number;
  /** Columns returned, at most (the first in column order). */
  maxColumns: number;
}

/** Text columns (accepted by `accepts`) whose values repeat in the given shape, in column order. */
export function entityColumnsOf(data: IngestResult, shape: EntityShape, accepts: (c: number) => boolean = () => true): number[] {
  const found: number[] = [];
  for (let c = 0; c < data.columns.length && found.length < shape.maxColumns; c++) {
    if (!TEXT_KINDS.includes(data.columns[c].kind) || !accepts(c)) continue;
    const { size, counts } = distinctValues(data, c);
    let present = 0;
    let repeated = 0;
    for (let id = 0; id < size; id++) {
      present += counts[id];
      if (counts[id] >= 3) repeated++;
    }
    const meanRows = present / Math.max(1, size);
    if (meanRows >= shape.minMeanRows && meanRows <= shape.maxMeanRows && repeated >= shape.minEntities) found.push(c);
  }
  return found;
}
