import { TEXT_KINDS, distinctValues, numericColumn } from './column-values';
import type { IngestResult } from '../table/model';

/**
 * Share of the rows holding either of two values that hold the other with it, from which the two values are one
 * fact written twice (a grade "B" and its grade points "3.0"), whatever the columns' other values do (the grade
 * "W" with no points leaves the points column determining nothing as a whole).
 */
export const PAIRED_SHARE = 0.95;
/** Rows (of those counted: see COUNTED_ROWS) that must hold the two values together before they are called one fact. */
export const PAIRED_MIN_ROWS = 3;
/** Rows the pair is counted on, at most (evenly spread over a larger table): the shares asked for need no more. */
const COUNTED_ROWS = 50_000;

/**
 * A test of whether a row holds row `row`'s value of column c (undefined where that cell is empty): numbers compared as
 * numbers, texts by their distinct value — facts every check has, so that asking builds nothing new.
 */
export function holdsValueOf(data: IngestResult, c: number, row: number): ((r: number) => boolean) | undefined {
  if (TEXT_KINDS.includes(data.columns[c].kind)) {
    const ids = distinctValues(data, c).ids;
    const id = ids[row];
    return id < 0 ? undefined : (r) => ids[r] === id;
  }
  const numbers = numericColumn(data, c);
  const value = numbers[row];
  return Number.isNaN(value) ? undefined : (r) => numbers[r] === value;
}

/**
 * Whether the row's cells of columns x and y say one fact: nearly every row holding the row's value of x holds its
 * value of y, and the other way round (a letter grade and its points; not a city and its state, whose state holds
 * many cities). Counted afresh for each row asked about (a few rows of a check): nothing is kept.
 */
export function pairedInRow(data: IngestResult, x: number, y: number, row: number): boolean {
  const [isA, isB] = [holdsValueOf(data, x, row), holdsValueOf(data, y, row)];
  if (!isA || !isB) return false;
  const n = data.table.numRows;
  const step = Math.max(1, Math.ceil(n / COUNTED_ROWS));
  let [withA, withB, both] = [0, 0, 0];
  for (let r = 0; r < n; r += step) {
    const [a, b] = [isA(r), isB(r)];
    if (a) withA++;
    if (b) withB++;
    if (a && b) both++;
  }
  return both >= PAIRED_MIN_ROWS && both >= PAIRED_SHARE * withA && both >= PAIRED_SHARE * withB;
}
