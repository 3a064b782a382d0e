/**
 * Widths of integer codes (a zip code, a customer number read as numbers): how many digits each value has,
 * and the width most of the column's values share. A code of another width lost or gained a digit.
 * Counted from the column's sorted runs (a shared fact: one step per distinct value, not per row).
 */
import type { IngestResult } from '../table/model';
import { memo, numericColumn, sortedRuns } from './column-values';

/** Distinct values counted per width (enough to tell a width shared by codes from a few repeated numbers). */
const VALUES_COUNTED = 16;

export interface CodeWidths {
  /** Non-negative integers looked at. */
  present: number;
  /** Rows per number of digits. */
  rows: Map<number, number>;
  /** The most common width (the first in row order among equally common ones), its rows and (up to 16) distinct values, and one of them. */
  dominant: number;
  dominantRows: number;
  dominantValues: number;
  /** The dominant width's value in the first row holding one (found when first asked). */
  readonly example: number;
  /** Digits of each row's value (0 where null, negative or not an integer). */
  widthOf(row: number): number;
}

/** Digits of a non-negative safe integer, by comparison with the powers of ten (exact up to 10¹⁵; safe integers have at most 16 digits). */
function digits(value: number): number {
  let width = 1;
  for (let bound = 10; value >= bound && width < MAX_WIDTH; bound *= 10) width++;
  return width;
}

/** Whether a number is a code with a width: a non-negative safe integer. */
function hasWidth(value: number): boolean {
  return value >= 0 && Number.isSafeInteger(value);
}

/** The first value in row order whose width is one of `widths`. */
function firstValueOfWidth(numbers: Float64Array, widths: ReadonlySet<number>): number | undefined {
  for (let r = 0; r < numbers.length; r++) {
    const v = numbers[r];
    if (hasWidth(v) && widths.has(digits(v))) return v;
  }
  return undefined;
}

/** The widths of an integer column's codes (computed once per column). */
export function codeWidths(data: IngestResult, column: number): CodeWidths {
  return memo(data, `widths:${column}`, () => widthsOf(data, column));
}

/** Widths above this are not told apart (safe integers have at most 16 digits). */
const MAX_WIDTH = 16;

/** Adds each run's rows and one distinct value to its width (index = digits); the runs' rows with a width. */
function countWidths(values: Float64Array, counts: Int32Array, rowsPerWidth: Float64Array, valuesPerWidth: Int32Array): number {
  let present = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!hasWidth(v)) continue;
    const width = digits(v);
    present += counts[k];
    rowsPerWidth[width] += counts[k];
    valuesPerWidth[width]++;
  }
  return present;
}

function widthsOf(data: IngestResult, column: number): CodeWidths {
  const numbers = numericColumn(data, column);
  const { values, counts } = sortedRuns(data, column);
  const rowsPerWidth = new Float64Array(MAX_WIDTH + 1);
  const valuesPerWidth = new Int32Array(MAX_WIDTH + 1);
  const present = countWidths(values, counts, rowsPerWidth, valuesPerWidth);
  const rows = new Map<number, number>();
  const distinct = new Map<number, number>();
  for (let width = 1; width <= MAX_WIDTH; width++) {
    if (rowsPerWidth[width] === 0) continue;
    rows.set(width, rowsPerWidth[width]);
    distinct.set(width, valuesPerWidth[width]);
  }
  // The most common width; among equally common ones, the one whose first row comes first (as counting row by row finds it).
  const most = Math.max(0, ...rows.values());
  const tied = new Set([...rows].filter(([, n]) => n === most).map(([width]) => width));
  const dominant = tied.size === 0 ? 0 : tied.size === 1 ? [...tied][0] : digits(firstValueOfWidth(numbers, tied) ?? 0);
  const dominantRows = rows.get(dominant) ?? 0;
  let example: number | undefined;
  return {
    present,
    rows,
    dominant,
    dominantRows,
    dominantValues: Math.min(VALUES_COUNTED, distinct.get(dominant) ?? 0),
    get example() {
      return (example ??= firstValueOfWidth(numbers, new Set([dominant])) ?? 0);
    },
    widthOf(row) {
      const v = numbers[row];
      return hasWidth(v) ? digits(v) : 0;
    },
  };
}
