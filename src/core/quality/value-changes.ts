/**
 * Values that changed once over time: an entity's rows in time order holding one value first and another after (a pay
 * rate raised, a customer who moved). Read by dependency-violation: such a minority is a change, not an error.
 */
import type { IngestResult } from '../table/model';
import { TEMPORAL_KINDS, memo, numericColumn } from './column-values';

/** Share of the rows a date or timestamp column must fill to date the rows. */
const DATED_SHARE = 0.9;
/** Largest chance that a minority of its group's rows falls at its start or end by accident, for it to be a change. */
const MAX_RUN_CHANCE = 0.05;
/** Rows the minority and the rest of the group must each hold at least. */
const MIN_RUN_ROWS = 2;

/** The first date or timestamp column with a value in most rows (DATED_SHARE), or −1: the time the rows are of. */
export function datingColumn(data: IngestResult): number {
  return memo(data, 'dating-column', () => {
    const n = data.table.numRows;
    for (let c = 0; c < data.columns.length; c++) {
      if (!TEMPORAL_KINDS.includes(data.columns[c].kind)) continue;
      const t = numericColumn(data, c);
      let present = 0;
      for (let r = 0; r < n; r++) if (Number.isFinite(t[r])) present++;
      if (present >= DATED_SHARE * n) return c;
    }
    return -1;
  });
}

/** C(n, k), as a float. */
function choose(n: number, k: number): number {
  let out = 1;
  for (let i = 0; i < k; i++) out = (out * (n - i)) / (i + 1);
  return out;
}

/**
 * Whether, in the time the rows are of (datingColumn), the rows `minority` of a group `groupRows` come all before or
 * all after the group's other rows, MIN_RUN_ROWS at least each — one value first and another after: a change once,
 * not an error — where a minority of that size falls at one end by chance at most MAX_RUN_CHANCE of the time.
 */
export function changedOnce(data: IngestResult, groupRows: readonly number[], minority: ReadonlySet<number>): boolean {
  const t = datingColumn(data);
  const k = minority.size;
  const n = groupRows.length;
  if (t < 0 || k < MIN_RUN_ROWS || n - k < MIN_RUN_ROWS || 2 / choose(n, k) > MAX_RUN_CHANCE) return false;
  const time = numericColumn(data, t);
  let [minLate, minEarly, restLate, restEarly] = [-Infinity, Infinity, -Infinity, Infinity];
  for (const r of groupRows) {
    const at = time[r];
    if (!Number.isFinite(at)) return false;
    if (minority.has(r)) [minLate, minEarly] = [Math.max(minLate, at), Math.min(minEarly, at)];
    else [restLate, restEarly] = [Math.max(restLate, at), Math.min(restEarly, at)];
  }
  return minLate < restEarly || minEarly > restLate;
}
