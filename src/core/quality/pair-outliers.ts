/**
 * Pairs of a row's columns that the table keeps close (dates a few days apart, measures in a steady ratio): how widely
 * their differences spread, which rows' differences lie far beyond the others', and which cell of such a row is wrong.
 * Shared by date-gaps.ts and ratio-gaps.ts.
 */
import type { IngestResult } from '../table/model';
import { numericColumn, sortedColumn } from './column-values';
import { runsOf } from '../profile/facts/sort-finite';
import { OUTLIER_TEST_DEFAULTS, tailOutliers } from './tail-outliers';

/** Share of the values whose spread is measured (the central 90%). */
export const CENTRAL = 0.9;

/** The range of the central values (CENTRAL) of ascending `sorted`, read at ranks. */
export function centralSpread(sorted: Float64Array): number {
  const at = (p: number) => sorted[Math.floor(p * (sorted.length - 1))];
  return at(0.5 + CENTRAL / 2) - at(0.5 - CENTRAL / 2);
}

/**
 * Calls `visit` for each row whose difference (`differences`, NaN where none; `sorted`: their finite values,
 * ascending) lies far beyond the others' by the outlier tests of tail-outliers.ts, with the side it lies on. The tests
 * see each distinct difference once, with its rows.
 */
export function eachFarDifference(differences: Float64Array, sorted: Float64Array, visit: (r: number, side: 'upper' | 'lower') => void): void {
  const flagged = new Map<number, 'upper' | 'lower'>();
  for (const found of tailOutliers(runsOf(sorted), OUTLIER_TEST_DEFAULTS)) for (const v of found.values) flagged.set(v, found.tail);
  if (flagged.size === 0) return;
  for (let r = 0; r < differences.length; r++) {
    const side = flagged.get(differences[r]);
    if (side) visit(r, side);
  }
}

/** The column in more of the pairs than any other, or undefined where several tie. */
export function mostCommonColumn(pairs: readonly (readonly [number, number])[]): number | undefined {
  const count = new Map<number, number>();
  for (const pair of pairs) for (const c of pair) count.set(c, (count.get(c) ?? 0) + 1);
  const most = Math.max(...count.values());
  const top = [...count].filter(([, n]) => n === most).map(([c]) => c);
  return top.length === 1 ? top[0] : undefined;
}

/** The share of column `c`'s values above (`high`) or below row `r`'s: how far into its own column's tail it lies. */
export function tailShare(data: IngestResult, c: number, r: number, high: boolean): number {
  const sorted = sortedColumn(data, c);
  const value = numericColumn(data, c)[r];
  return (high ? sorted.length - sorted.rank(value, false) : sorted.rank(value, true)) / Math.max(1, sorted.length);
}
