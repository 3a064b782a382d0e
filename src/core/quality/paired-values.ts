import { TEXT_KINDS, distinctValues, memo, numericColumn } from './column-values';
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
  return valueKey(data, c, row) === undefined ? undefined : sameValueTest(data, c, row);
}

/** A key of row `row`'s value of column c (undefined where empty): its distinct value's id, or its number. */
export function valueKey(data: IngestResult, c: number, row: number): string | undefined {
  if (TEXT_KINDS.includes(data.columns[c].kind)) {
    const id = distinctValues(data, c).ids[row];
    return id < 0 ? undefined : `t${id}`;
  }
  const value = numericColumn(data, c)[row];
  return Number.isNaN(value) ? undefined : `n${value}`;
}

function sameValueTest(data: IngestResult, c: number, row: number): (r: number) => boolean {
  if (TEXT_KINDS.includes(data.columns[c].kind)) {
    const ids = distinctValues(data, c).ids;
    const id = ids[row];
    return (r) => ids[r] === id;
  }
  const numbers = numericColumn(data, c);
  const value = numbers[row];
  return (r) => numbers[r] === value;
}

/**
 * Whether the row's cells of columns x and y say one fact: nearly every row holding the row's value of x holds its
 * value of y, and the other way round (a letter grade and its points; not a city and its state, whose state holds
 * many cities). Counted for each pair of values asked about (a few rows of a check ask); only the answers are kept.
 */
export function pairedInRow(data: IngestResult, x: number, y: number, row: number): boolean {
  const [keyA, keyB] = [valueKey(data, x, row), valueKey(data, y, row)];
  if (keyA === undefined || keyB === undefined || fewRows(data, x, row) || fewRows(data, y, row)) return false;
  // (Rows of one pair of values ask alike: the answer is kept for them, small, as long as the table.)
  const answers = memo(data, 'paired-values', () => new Map<string, boolean>());
  const key = `${x}:${y}:${keyA}:${keyB}`;
  const known = answers.get(key);
  if (known !== undefined) return known;
  const [isA, isB] = [sameValueTest(data, x, row), sameValueTest(data, y, row)];
  const n = data.table.numRows;
  const step = Math.max(1, Math.ceil(n / COUNTED_ROWS));
  let [withA, withB, both] = [0, 0, 0];
  for (let r = 0; r < n; r += step) {
    const [a, b] = [isA(r), isB(r)];
    if (a) withA++;
    if (b) withB++;
    if (a && b) both++;
  }
  const paired = both >= PAIRED_MIN_ROWS && both >= PAIRED_SHARE * withA && both >= PAIRED_SHARE * withB;
  answers.set(key, paired);
  return paired;
}

/** Whether row `row`'s text in column c is held by fewer than PAIRED_MIN_ROWS rows (read from its distinct counts). */
function fewRows(data: IngestResult, c: number, row: number): boolean {
  if (!TEXT_KINDS.includes(data.columns[c].kind)) return false;
  const distinct = distinctValues(data, c);
  return distinct.counts[distinct.ids[row]] < PAIRED_MIN_ROWS;
}
