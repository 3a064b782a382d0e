/**
 * Which cell of a row is wrong, where pairs of its columns disagree (far gaps between dates, far ratios between
 * measures): shared by date-gaps.ts and ratio-gaps.ts.
 */
import type { IngestResult } from '../table/model';
import { numericColumn, sortedColumn } from './column-values';

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
