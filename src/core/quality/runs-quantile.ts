import type { SortedRuns } from './column-values';

/** The value at rank ⌊p·(n − 1)⌋ of the `n` values given as sorted runs (p = 0.5: the median, the lower middle value). */
export function quantileOfRuns(runs: SortedRuns, n: number, p: number): number {
  const rank = Math.floor(p * (n - 1));
  let seen = 0;
  for (let i = 0; i < runs.values.length; i++) {
    seen += runs.counts[i];
    if (seen > rank) return runs.values[i];
  }
  return NaN;
}
