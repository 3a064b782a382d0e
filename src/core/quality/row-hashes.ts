/**
 * Rows compared by hashes of their cells: a 32-bit key per cell, two rolling hashes per row, the rows whose hashes
 * repeat an earlier row's; shared by near-duplicate-row's searches (a near copy, a record sent again).
 */
import { hashWords } from '../shared/hash';
import { countSorted } from '../shared/count-sorted';
import { TEXT_KINDS, distinctValues, nullCount, numericColumn, sortedRuns, type DistinctValues } from './column-values';
import type { IngestResult } from '../table/model';

/** Row r's number as a 32-bit key, from its IEEE words (`words`: a Float64Array's as 32-bit integers). */
export const numberKey = (words: Int32Array, r: number) => hashWords(words[2 * r], words[2 * r + 1]);

/** A table of row numbers for open addressing over `rows` rows: twice as many slots, a power of two. */
export function slotTable(rows: number): Int32Array {
  let capacity = 16;
  while (capacity < rows * 2) capacity *= 2;
  return new Int32Array(capacity);
}

/**
 * Calls `each(f, r)` for each row r whose two hashes (`a`, `b`) equal those of an earlier row, f the first of them;
 * `table` (see slotTable, cleared here) holds the first row of each pair of hashes.
 */
export function eachRepeat(a: Int32Array, b: Int32Array, table: Int32Array, each: (f: number, r: number) => void): void {
  const mask = table.length - 1;
  table.fill(-1);
  for (let r = 0; r < a.length; r++) {
    for (let slot = (a[r] ^ Math.imul(b[r], 0x27d4eb2f)) & mask; ; slot = (slot + 1) & mask) {
      const f = table[slot];
      if (f < 0) {
        table[slot] = r;
        break;
      }
      if (a[f] === a[r] && b[f] === b[r]) {
        each(f, r);
        break;
      }
    }
  }
}

/** Folds one cell's key into a row's two rolling hashes (column after column: no column is taken out again here). */
export function fold(a: Int32Array, b: Int32Array, r: number, key: number, c: number): void {
  a[r] = Math.imul(a[r] ^ key, 0x01000193) ^ c;
  b[r] = (Math.imul(b[r] + key, 0x5bd1e995) + c) | 0;
}

/**
 * A column's cells as a 32-bit key per row (a text value's id, a number's IEEE words; −1 an empty cell) and how many
 * rows hold a row's value — read from the column's distinct values or sorted runs, without an array per row.
 */
export function cellsOf(data: IngestResult, c: number): { key: (r: number) => number; rowsOf: (r: number) => number } {
  const column = data.columns[c];
  const empty = nullCount(data, c);
  if (TEXT_KINDS.includes(column.kind) || column.kind === 'empty' || column.kind === 'other') {
    const { ids, counts } = distinctValues(data, c);
    return { key: (r) => ids[r], rowsOf: (r) => (ids[r] < 0 ? empty : counts[ids[r]]) };
  }
  const numbers = numericColumn(data, c);
  const words = new Int32Array(numbers.buffer, numbers.byteOffset, numbers.length * 2);
  const key = (r: number) => (Number.isNaN(numbers[r]) ? -1 : numberKey(words, r));
  if (column.kind === 'boolean') {
    const ones = numbers.reduce((sum, v) => sum + (v === 1 ? 1 : 0), 0);
    return { key, rowsOf: (r) => (Number.isNaN(numbers[r]) ? empty : numbers[r] === 1 ? ones : numbers.length - empty - ones) };
  }
  const runs = sortedRuns(data, c);
  return { key, rowsOf: (r) => (Number.isNaN(numbers[r]) ? empty : runs.counts[countSorted(runs.values, numbers[r], true)] ?? 1) };
}


/**
 * The rows that may agree with another on every column of `columns`: where the text column of most values among them
 * repeats its value (every row, where none is text). Two rows that agree must agree there.
 */
export function rowsThatMayAgree(data: IngestResult, columns: readonly boolean[]): number[] {
  let selector: DistinctValues | undefined;
  data.columns.forEach((column, c) => {
    if (columns[c] && TEXT_KINDS.includes(column.kind) && distinctValues(data, c).size > (selector?.size ?? 0)) selector = distinctValues(data, c);
  });
  const rows: number[] = [];
  for (let r = 0; r < data.table.numRows; r++) if (!selector || selector.ids[r] < 0 || selector.counts[selector.ids[r]] >= 2) rows.push(r);
  return rows;
}
