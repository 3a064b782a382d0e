/**
 * The empty cells of a sparse column that another column's value calls for (docs/rules/missing-value.md): a sold
 * date where the status is "Sold", a reason where the order was cancelled. A column filled in nearly every row of one
 * value of a column of few values, and mostly empty in the others' rows, is filled because of that value; its empty
 * cells there were left out.
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, distinctValues, settledValueCount } from './column-values';

/** Most distinct values a column that calls for another may have (a status, a type, a yes/no). */
const MAX_VALUES = 20;
/** Rows of the value the column must be filled in, at least. */
const MIN_ROWS = 30;
/** Share of those rows that must be filled: the empty ones are then gaps. */
const MIN_FILLED_SHARE = 0.99;
/** Share of the other values' rows that must be empty: the value explains where the column is filled. */
const MIN_EMPTY_ELSEWHERE = 0.5;

/** Why an empty cell is called for: the column and value of its row, and how many of that value's rows are filled. */
export interface RequiredBy {
  column: number;
  value: string;
  rows: number;
  filled: number;
  /** A row of that value whose cell is filled. */
  example: number;
}

/**
 * Of column `c`'s `empty` rows (ascending), those another column's value calls for, with why; the first column that
 * calls for a row (in column order) gives its reason.
 */
export function requiredCells(data: IngestResult, c: number, empty: Int32Array): Map<number, RequiredBy> {
  const found = new Map<number, RequiredBy>();
  const n = data.table.numRows;
  if (empty.length === 0) return found;
  const isEmpty = new Uint8Array(n);
  for (const r of empty) isEmpty[r] = 1;
  data.columns.forEach((column, k) => {
    if (k === c || !TEXT_KINDS.includes(column.kind)) return;
    const distinct = distinctValues(data, k);
    // Values of a few rows each (slips: "Diary" for "Dairy") do not count.
    if (distinct.size > MAX_VALUES && settledValueCount(data, k) > MAX_VALUES) return;
    const rows = new Int32Array(distinct.size);
    const gaps = new Int32Array(distinct.size);
    const examples = new Int32Array(distinct.size).fill(-1);
    const { ids } = distinct;
    for (let r = 0; r < n; r++) {
      const id = ids[r];
      if (id < 0) continue;
      rows[id]++;
      if (isEmpty[r]) gaps[id]++;
      else if (examples[id] < 0) examples[id] = r;
    }
    let allRows = 0;
    let allGaps = 0;
    for (let id = 0; id < distinct.size; id++) {
      allRows += rows[id];
      allGaps += gaps[id];
    }
    for (let id = 0; id < distinct.size; id++) {
      const filled = rows[id] - gaps[id];
      if (rows[id] < MIN_ROWS || gaps[id] === 0 || filled < MIN_FILLED_SHARE * rows[id]) continue;
      const elsewhere = allRows - rows[id];
      if (elsewhere === 0 || allGaps - gaps[id] < MIN_EMPTY_ELSEWHERE * elsewhere) continue;
      const reason: RequiredBy = { column: k, value: distinct.text(id), rows: rows[id], filled, example: examples[id] };
      for (const r of empty) if (ids[r] === id && !found.has(r)) found.set(r, reason);
    }
  });
  return found;
}
