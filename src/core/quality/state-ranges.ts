/**
 * Values that name a state the row's numbers mark: the rows holding the value lie in a range of a numeric column that
 * the other rows seldom reach — an adverse event's action "Not applicable" exactly where it began after the last dose,
 * an age group "M75+" exactly where the age is 75 or more, a start wave "Elite" exactly where the places are the first.
 * Such a value says something of its own, unlike a placeholder for a missing value, a slip or a code written another way,
 * whose rows lie anywhere.
 */
import type { IngestResult } from '../table/model';
import { distinctValues, isNumeric, numericColumn, sortedColumn } from './column-values';
import { looksLikeIdentifier } from '../shared/identifier';

/** Rows of the value, at least, for their numbers to say what it means. */
export const STATE_ROWS = 5;
/** Share of the other rows, at most, lying in the value's range. */
export const STATE_ELSEWHERE = 0.05;
/** Share of the value's rows (and of the other rows) left out at each end of the range their numbers span. */
const RANGE_TAIL = 0.05;

/** A range of a numeric column that a value's rows lie in and the other rows seldom do, with the others' central range. */
export interface StateRange {
  column: number;
  low: number;
  high: number;
  othersLow: number;
  othersHigh: number;
}

/** Whether a row's number is where the value's rows lie: in their range, or beyond the other rows' on their side. */
const inStateRange = (range: StateRange, value: number) =>
  (value >= range.low && value <= range.high) || (range.low > range.othersHigh && value > range.othersHigh) || (range.high < range.othersLow && value < range.othersLow);

/**
 * Of the rows of text column `c` holding a value that `isOwn` takes (by its id among c's distinct values; STATE_ROWS
 * rows or more), the first numeric column (not c, not an identifier) whose numbers there (but RANGE_TAIL of them at each
 * end) span a range holding at most STATE_ELSEWHERE of the numbers of the rows holding c's other values (rows where c
 * is empty take no part); undefined where none.
 */
export function stateRangeOf(data: IngestResult, c: number, isOwn: (id: number) => boolean): StateRange | undefined {
  const rows = data.table.numRows;
  const ids = distinctValues(data, c).ids;
  const side = (r: number) => (ids[r] < 0 ? -1 : isOwn(ids[r]) ? 1 : 0);
  const ownRows: number[] = [];
  let outside = 0;
  for (let r = 0; r < rows; r++) {
    const s = side(r);
    if (s === 1) ownRows.push(r);
    else if (s === -1) outside++;
  }
  if (ownRows.length < STATE_ROWS) return undefined;
  for (let k = 0; k < data.columns.length; k++) {
    const column = data.columns[k];
    if (k === c || !isNumeric(column) || looksLikeIdentifier(column.name)) continue;
    const values = numericColumn(data, k);
    const own = Float64Array.from(ownRows.map((r) => values[r]).filter((v) => !Number.isNaN(v))).sort();
    if (own.length < STATE_ROWS) continue;
    const [low, high] = [own[Math.floor(RANGE_TAIL * (own.length - 1))], own[Math.ceil((1 - RANGE_TAIL) * (own.length - 1))]];
    // The column's sorted numbers first: the other rows within the range are at least all rows within it but the
    // value's and those taking no part, and they are at most all rows but the value's.
    const all = sortedColumn(data, k);
    const ownWithin = own.filter((v) => v >= low && v <= high).length;
    if (all.countWithin(low, high) - ownWithin - outside > STATE_ELSEWHERE * (all.length - own.length)) continue;
    const otherValues: number[] = [];
    for (let r = 0; r < rows; r++) if (side(r) === 0 && !Number.isNaN(values[r])) otherValues.push(values[r]);
    const within = otherValues.filter((v) => v >= low && v <= high).length;
    if (otherValues.length === 0 || within > STATE_ELSEWHERE * otherValues.length) continue;
    const others = Float64Array.from(otherValues).sort();
    return { column: k, low, high, othersLow: others[Math.floor(RANGE_TAIL * (others.length - 1))], othersHigh: others[Math.ceil((1 - RANGE_TAIL) * (others.length - 1))] };
  }
  return undefined;
}

/** Whether row `r` lies where the value's rows do (see {@link inStateRange}). */
export function rowInStateRange(data: IngestResult, range: StateRange, r: number): boolean {
  return inStateRange(range, numericColumn(data, range.column)[r]);
}
