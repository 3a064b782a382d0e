import { memo, valueCodes } from './column-values';
import type { IngestResult } from '../table/model';

/**
 * Share of the rows holding either of two values that hold the other with it, from which the two values are one
 * fact written twice (a grade "B" and its grade points "3.0"), whatever the columns' other values do (the grade
 * "W" with no points leaves the points column determining nothing as a whole).
 */
export const PAIRED_SHARE = 0.95;
/** Rows that must hold the two values together before they are called one fact. */
export const PAIRED_MIN_ROWS = 3;

interface PairCounts {
  ofX: Int32Array;
  ofY: Int32Array;
  together: Map<number, number>;
  sizeY: number;
}

function pairCounts(data: IngestResult, x: number, y: number): PairCounts {
  return memo(data, `pair-counts:${x}:${y}`, () => {
    const { ids: xs, size: sizeX } = valueCodes(data, x);
    const { ids: ys, size: sizeY } = valueCodes(data, y);
    const ofX = new Int32Array(sizeX);
    const ofY = new Int32Array(sizeY);
    const together = new Map<number, number>();
    for (let r = 0; r < xs.length; r++) {
      const a = xs[r];
      const b = ys[r];
      if (a >= 0) ofX[a]++;
      if (b >= 0) ofY[b]++;
      if (a >= 0 && b >= 0) {
        const pair = a * sizeY + b;
        together.set(pair, (together.get(pair) ?? 0) + 1);
      }
    }
    return { ofX, ofY, together, sizeY };
  });
}

/**
 * Whether the row's cells of columns x and y say one fact: nearly every row holding the row's value of x holds its
 * value of y, and the other way round (a letter grade and its points; not a city and its state, whose state holds
 * many cities).
 */
export function pairedInRow(data: IngestResult, x: number, y: number, row: number): boolean {
  const a = valueCodes(data, x).ids[row];
  const b = valueCodes(data, y).ids[row];
  if (a < 0 || b < 0) return false;
  const { ofX, ofY, together, sizeY } = pairCounts(data, x, y);
  const both = together.get(a * sizeY + b) ?? 0;
  return both >= PAIRED_MIN_ROWS && both >= PAIRED_SHARE * ofX[a] && both >= PAIRED_SHARE * ofY[b];
}
