import { TEXT_KINDS, distinctValues, memo, numericColumn } from './column-values';
import type { IngestResult } from '../table/model';

/**
 * Share of the rows holding either of two values that hold the other with it, from which the two values are one
 * fact written twice (a grade "B" and its grade points "3.0"), whatever the columns' other values do (the grade
 * "W" with no points leaves the points column determining nothing as a whole).
 */
const PAIRED_SHARE = 0.95;
/** Rows (of those counted: see COUNTED_ROWS) that must hold the two values together before they are called one fact. */
const PAIRED_MIN_ROWS = 3;
/** Rows the pair is counted on, at most (evenly spread over a larger table): the shares asked for need no more. */
const COUNTED_ROWS = 50_000;

/** A key of row `row`'s value of column c (undefined where empty): its distinct value's id, or its number. */
function valueKey(data: IngestResult, c: number, row: number): string | undefined {
  if (TEXT_KINDS.includes(data.columns[c].kind)) {
    const id = distinctValues(data, c).ids[row];
    return id < 0 ? undefined : `t${id}`;
  }
  const value = numericColumn(data, c)[row];
  return Number.isNaN(value) ? undefined : `n${value}`;
}

/**
 * Sets `bit` in held[i] where row i × `step` holds row `row`'s value of column c: numbers compared as numbers, texts by
 * their distinct value — facts every check has, so that asking builds nothing new. A loop of its own per kind of
 * column (a test called per row would be one call site of several closures).
 */
function markHolding(data: IngestResult, c: number, row: number, step: number, held: Uint8Array, bit: number): void {
  if (TEXT_KINDS.includes(data.columns[c].kind)) {
    const ids = distinctValues(data, c).ids;
    const id = ids[row];
    for (let i = 0, r = 0; i < held.length; i++, r += step) if (ids[r] === id) held[i] |= bit;
    return;
  }
  const numbers = numericColumn(data, c);
  const value = numbers[row];
  for (let i = 0, r = 0; i < held.length; i++, r += step) if (numbers[r] === value) held[i] |= bit;
}

/** How many of the rows counted hold row `row`'s value of column x, its value of column y, and both. */
export interface RowsHolding {
  withX: number;
  withY: number;
  both: number;
}

/**
 * The rows (COUNTED_ROWS at most, evenly spread) holding row `row`'s values of columns x and y, each and together
 * (undefined where either cell is empty). Counted for each pair of values asked about (a few rows of a check ask, and
 * rows of one pair of values ask alike): only the counts are kept, small, as long as the table.
 */
export function rowsHolding(data: IngestResult, x: number, y: number, row: number): RowsHolding | undefined {
  const [keyX, keyY] = [valueKey(data, x, row), valueKey(data, y, row)];
  if (keyX === undefined || keyY === undefined) return undefined;
  const counted = memo(data, 'rows-holding', () => new Map<string, RowsHolding>());
  const key = `${x}:${y}:${keyX}:${keyY}`;
  const known = counted.get(key);
  if (known) return known;
  const n = data.table.numRows;
  const step = Math.max(1, Math.ceil(n / COUNTED_ROWS));
  const counts: RowsHolding = { withX: 0, withY: 0, both: 0 };
  const held = new Uint8Array(Math.ceil(n / step));
  markHolding(data, x, row, step, held, 1);
  markHolding(data, y, row, step, held, 2);
  for (let i = 0; i < held.length; i++) {
    const h = held[i];
    if (h === 0) continue;
    if (h & 1) counts.withX++;
    if (h & 2) counts.withY++;
    if (h === 3) counts.both++;
  }
  counted.set(key, counts);
  return counts;
}

/**
 * Whether the row's cells of columns x and y say one fact: nearly every row holding the row's value of x holds its
 * value of y, and the other way round (a letter grade and its points; not a city and its state, whose state holds
 * many cities).
 */
export function pairedInRow(data: IngestResult, x: number, y: number, row: number): boolean {
  if (fewRows(data, x, row) || fewRows(data, y, row)) return false;
  const counts = rowsHolding(data, x, y, row);
  return counts !== undefined && counts.both >= PAIRED_MIN_ROWS && counts.both >= PAIRED_SHARE * counts.withX && counts.both >= PAIRED_SHARE * counts.withY;
}

/** Whether row `row`'s text in column c is held by fewer than PAIRED_MIN_ROWS rows (read from its distinct counts). */
function fewRows(data: IngestResult, c: number, row: number): boolean {
  if (!TEXT_KINDS.includes(data.columns[c].kind)) return false;
  const distinct = distinctValues(data, c);
  return distinct.counts[distinct.ids[row]] < PAIRED_MIN_ROWS;
}
