import { valueCodes } from './column-values';
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
 * Whether the row's cells of columns x and y say one fact: nearly every row holding the row's value of x holds its
 * value of y, and the other way round (a letter grade and its points; not a city and its state, whose state holds
 * many cities). Counted afresh for each row asked about (a few rows of a check): nothing is kept.
 */
export function pairedInRow(data: IngestResult, x: number, y: number, row: number): boolean {
  const xs = valueCodes(data, x).ids;
  const ys = valueCodes(data, y).ids;
  const [a, b] = [xs[row], ys[row]];
  if (a < 0 || b < 0) return false;
  const step = Math.max(1, Math.ceil(xs.length / COUNTED_ROWS));
  let [withA, withB, both] = [0, 0, 0];
  for (let r = 0; r < xs.length; r += step) {
    const [isA, isB] = [xs[r] === a, ys[r] === b];
    if (isA) withA++;
    if (isB) withB++;
    if (isA && isB) both++;
  }
  return both >= PAIRED_MIN_ROWS && both >= PAIRED_SHARE * withA && both >= PAIRED_SHARE * withB;
}
