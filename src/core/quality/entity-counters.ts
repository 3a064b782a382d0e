/**
 * Counters of an entity: a number that never goes back within an entity's rows in time order — a vehicle's odometer,
 * a meter's register, a patient's age — learned from the table. A reading that does go back (an odometer of 588 between
 * 200,809 and 201,842; 53,568 between 34,974 and 36,308; a 0 for "not read") is wrong, and of the two readings that
 * break the order it is the one out of line with both its neighbours, which agree with each other.
 *
 * Learned: a time column (a date or timestamp column); entity columns, text columns whose values repeat (each in
 * ENTITY_SHAPE rows on average, enough of them in 3 rows or more); and, per entity column, the
 * numeric columns whose steps from an entity's row to its next in time go back in at most MAX_BACK_SHARE of
 * MIN_STEPS steps or more, and move forward in MIN_FORWARD_SHARE of them (a constant is no counter).
 */
import type { IngestResult } from '../table/model';
import { distinctValues, isNumeric, memo, numericColumn } from './column-values';
import { entityColumnsOf, groupsBy, type EntityShape, type RowGroups } from './row-groups';
import { looksLikeIdentifier } from '../shared/identifier';
import { datingColumn } from './value-changes';

/** Entity columns: 3 to 500 rows per value on average (fewer: a key; more: a category), 5 entities of 3 rows or more; the first 6 in column order. */
const ENTITY_SHAPE: EntityShape = { minMeanRows: 3, maxMeanRows: 500, minEntities: 5, maxColumns: 6 };
/** Steps between an entity's consecutive rows a counter is learned on, at least. */
const MIN_STEPS = 50;
/** Share of the steps that may go back (the errors among them: each wrong reading breaks two steps). */
export const MAX_BACK_SHARE = 0.03;
/** Share of the steps that must go forward (a counter moves). */
const MIN_FORWARD_SHARE = 0.5;

/** A reading that goes back within its entity, with the entity's readings around it in time. */
export interface CounterReversal {
  row: number;
  counter: number;
  entityColumn: number;
  entity: string;
  /** Below the reading before it (`low`) or above the reading after it (`high`). */
  side: 'low' | 'high';
  /** The entity's reading before it in time and its row (none for the entity's first), and the one after (none for its last). */
  before?: { value: number; row: number };
  after?: { value: number; row: number };
  /** The counter's steps within entities, and the share of them that go back. */
  steps: number;
  backShare: number;
}

/** Text columns naming entities (values repeating a few times to a few hundred times each: ENTITY_SHAPE). */
export function entityColumns(data: IngestResult): number[] {
  return memo(data, 'counter-entity-columns', () => entityColumnsOf(data, ENTITY_SHAPE));
}

/** Share of an entity's steps in row order that must go forward in time for the table to list its entities' rows in time order. */
const LISTED_IN_TIME = 0.95;

/**
 * The rows holding an entity and a time, grouped by entity (a counting sort on the entity's id), each group in row order
 * or (`byTime`) in time order, ties in row order; `starts[k]` is where the k-th entity's rows begin.
 */
function rowsByEntity(ids: Int32Array, time: Float64Array, size: number, byTime: boolean): RowGroups {
  const { order, starts } = groupsBy({ ids: ids.map((id, r) => (Number.isFinite(time[r]) ? id : -1)), size });
  if (byTime) {
    for (let k = 0; k < size; k++) {
      const [from, to] = [starts[k], starts[k + 1]];
      let sorted = true;
      for (let i = from + 1; i < to && sorted; i++) sorted = time[order[i]] >= time[order[i - 1]];
      if (!sorted) order.set(Array.from(order.subarray(from, to)).sort((a, b) => time[a] - time[b] || a - b), from);
    }
  }
  return { order, starts };
}

/** Whether the table lists each entity's rows in time order (LISTED_IN_TIME of the steps in row order go forward in time). */
function listedInTime(ids: Int32Array, time: Float64Array, size: number): boolean {
  const last = new Int32Array(size).fill(-1);
  let [steps, forward] = [0, 0];
  for (let r = 0; r < ids.length; r++) {
    if (ids[r] < 0 || !Number.isFinite(time[r])) continue;
    const before = last[ids[r]];
    if (before >= 0) {
      steps++;
      if (time[r] >= time[before]) forward++;
    }
    last[ids[r]] = r;
  }
  return steps > 0 && forward >= LISTED_IN_TIME * steps;
}


/** Calls `each` with each entity's rows that hold a number in `v` (the first `length` of `rows`, a buffer reused). */
function eachEntity({ order, starts }: RowGroups, v: Float64Array, each: (rows: Int32Array, length: number) => void): void {
  let largest = 0;
  for (let k = 0; k + 1 < starts.length; k++) largest = Math.max(largest, starts[k + 1] - starts[k]);
  const rows = new Int32Array(largest);
  for (let k = 0; k + 1 < starts.length; k++) {
    let length = 0;
    for (let i = starts[k]; i < starts[k + 1]; i++) if (Number.isFinite(v[order[i]])) rows[length++] = order[i];
    if (length > 0) each(rows, length);
  }
}

/** Steps from an entity's reading to its next: all, those going back, those going forward. */
function stepsOf(grouped: RowGroups, v: Float64Array): { steps: number; back: number; forward: number } {
  let [steps, back, forward] = [0, 0, 0];
  eachEntity(grouped, v, (rows, length) => {
    for (let i = 1; i < length; i++) {
      steps++;
      const d = v[rows[i]] - v[rows[i - 1]];
      if (d < 0) back++;
      else if (d > 0) forward++;
    }
  });
  return { steps, back, forward };
}

/** A reading out of line with its neighbours in an order: the side, and its neighbours' rows. */
type OutOfLine = { side: 'low' | 'high'; before?: number; after?: number };

/**
 * The readings out of line with both their neighbours, which keep the order between them; at an entity's first or
 * last row, beyond both of its two neighbours on one side. A neighbour of the same time may be listed either way.
 */
function outOfLine(grouped: RowGroups, v: Float64Array, time: Float64Array): Map<number, OutOfLine> {
  const found = new Map<number, OutOfLine>();
  eachEntity(grouped, v, (rows, length) => {
    for (let i = 0; i < length; i++) {
      const r = rows[i];
      const x = v[r];
      const [hasP, hasPP, hasN, hasNN] = [i >= 1, i >= 2, i + 1 < length, i + 2 < length];
      const [p, pp, nx, nn] = [rows[i - 1], rows[i - 2], rows[i + 1], rows[i + 2]];
      // (Listed the other way round, a reading of the same time as the one before it would be in order where it is
      // not below the one before that; one of the same time as the next, where it is not above the one after that.)
      const swapsBefore = hasP && time[p] === time[r] && (!hasPP || x >= v[pp]);
      const swapsAfter = hasN && time[nx] === time[r] && (!hasNN || x <= v[nn]);
      let side: 'low' | 'high' | undefined;
      if (hasP && hasN) {
        if (v[p] <= v[nx] && x < v[p] && !swapsBefore) side = 'low';
        else if (v[p] <= v[nx] && x > v[nx] && !swapsAfter) side = 'high';
      } else if (hasPP) {
        if (v[pp] <= v[p] && x < v[pp]) side = 'low';
      } else if (hasNN) {
        if (v[nx] <= v[nn] && x > v[nn]) side = 'high';
      }
      if (side !== undefined) found.set(r, { side, ...(hasP ? { before: p } : {}), ...(hasN ? { after: nx } : {}) });
    }
  });
  return found;
}

/** The reversals of every counter of the table (computed once per table). */
export function counterReversals(data: IngestResult): CounterReversal[] {
  return memo(data, 'entity-counters', () => findReversals(data));
}

/**
 * Counters are learned, and readings judged, in time order; where the table lists each entity's rows in time order, a
 * reading is reported only where it is out of line in the rows' order too: a date written wrong (day and month
 * swapped, 1900-01-01) moves its row in time but not in the file, and a record sent again at the end of the file
 * (a duplicate) is out of place in the file but not in time — its date or its copy is the error, not its reading.
 */
function findReversals(data: IngestResult): CounterReversal[] {
  const t = datingColumn(data);
  if (t < 0) return [];
  const time = numericColumn(data, t);
  const counters = data.columns.map((_, c) => c).filter((c) => c !== t && isNumeric(data.columns[c]) && !looksLikeIdentifier(data.columns[c].name));
  if (counters.length === 0) return [];
  const found: CounterReversal[] = [];
  const taken = new Set<number>();
  for (const e of entityColumns(data)) {
    const distinct = distinctValues(data, e);
    const ids = distinct.ids;
    const byTime = rowsByEntity(ids, time, distinct.size, true);
    const listed = listedInTime(ids, time, distinct.size) ? rowsByEntity(ids, time, distinct.size, false) : undefined;
    for (const c of counters) {
      if (taken.has(c)) continue;
      const v = numericColumn(data, c);
      const { steps, back, forward } = stepsOf(byTime, v);
      if (steps < MIN_STEPS || back > MAX_BACK_SHARE * steps || forward < MIN_FORWARD_SHARE * steps) continue;
      taken.add(c);
      const inFile = listed ? outOfLine(listed, v, time) : undefined;
      for (const [r, how] of outOfLine(byTime, v, time)) {
        if (inFile && !inFile.has(r)) continue;
        found.push({
          row: r,
          counter: c,
          entityColumn: e,
          entity: distinct.text(ids[r]),
          side: how.side,
          ...(how.before === undefined ? {} : { before: { value: v[how.before], row: how.before } }),
          ...(how.after === undefined ? {} : { after: { value: v[how.after], row: how.after } }),
          steps,
          backShare: back / steps,
        });
      }
    }
  }
  return found.sort((a, b) => a.counter - b.counter || a.row - b.row);
}
