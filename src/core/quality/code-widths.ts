/**
 * Widths of integer codes (a zip code, a customer number read as numbers): how many digits each value has,
 * and the width most of the column's values share. A code of another width lost or gained a digit.
 */
import type { IngestResult } from '../table/model';
import { numericColumn } from './column-values';

/** Distinct values counted per width (enough to tell a width shared by codes from a few repeated numbers). */
const VALUES_COUNTED = 16;

export interface CodeWidths {
  /** Non-negative integers looked at. */
  present: number;
  /** Rows per number of digits. */
  rows: Map<number, number>;
  /** The most common width, its rows and (up to 16) distinct values, and one of them. */
  dominant: number;
  dominantRows: number;
  dominantValues: number;
  example: number;
  /** Digits of each row's value (0 where null, negative or not an integer). */
  widthOf(row: number): number;
}

function digits(value: number): number {
  return value < 10 ? 1 : String(value).length;
}

export function codeWidths(data: IngestResult, column: number): CodeWidths {
  const numbers = numericColumn(data, column);
  const rows = new Map<number, number>();
  const values = new Map<number, Set<number>>();
  const examples = new Map<number, number>();
  let present = 0;
  for (let r = 0; r < numbers.length; r++) {
    const v = numbers[r];
    if (!(v >= 0) || !Number.isSafeInteger(v)) continue;
    const width = digits(v);
    present++;
    rows.set(width, (rows.get(width) ?? 0) + 1);
    let seen = values.get(width);
    if (!seen) values.set(width, (seen = new Set()));
    if (seen.size < VALUES_COUNTED) seen.add(v);
    if (!examples.has(width)) examples.set(width, v);
  }
  let dominant = 0;
  let dominantRows = 0;
  for (const [width, n] of rows) if (n > dominantRows) [dominant, dominantRows] = [width, n];
  return {
    present,
    rows,
    dominant,
    dominantRows,
    dominantValues: values.get(dominant)?.size ?? 0,
    example: examples.get(dominant) ?? 0,
    widthOf(row) {
      const v = numbers[row];
      return v >= 0 && Number.isSafeInteger(v) ? digits(v) : 0;
    },
  };
}
