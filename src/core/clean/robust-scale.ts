/**
 * The robust scale of a numeric column (median and MAD, on a log scale for right-skewed positive columns),
 * from which the outlier-handling step learns its bounds. The outlier rule judges tails with its own test
 * (quality/tail-outliers.ts); a cleaning step needs two bounds to cap at, which this gives.
 */
import { quantile } from '../shared/quantile';

/**
 * The k-th smallest (0-based) of the union of two ascending sequences given by accessors, by binary
 * search over how many of the first k + 1 come from `a`.
 */
function kthOfTwo(a: (i: number) => number, na: number, b: (i: number) => number, nb: number, k: number): number {
  let lo = Math.max(0, k + 1 - nb);
  let hi = Math.min(na, k + 1);
  for (;;) {
    const i = (lo + hi) >> 1;
    const j = k + 1 - i;
    if (i < na && j > 0 && b(j - 1) > a(i)) lo = i + 1;
    else if (i > 0 && j < nb && a(i - 1) > b(j)) hi = i - 1;
    else return Math.max(i > 0 ? a(i - 1) : -Infinity, j > 0 ? b(j - 1) : -Infinity);
  }
}

/**
 * Robust scale of a column: median and MAD, on a log scale when every value is positive and the
 * distribution is right-skewed (prices, incomes, counts), so a long tail is not "outliers" wholesale.
 * O(log n) on the sorted values: the (log-)values are read where needed, and the median of the absolute
 * deviations is selected from the two sorted runs left and right of the center instead of sorting them.
 */
export function robustScale(sorted: Float64Array): { log: boolean; center: number; spread: number } | undefined {
  const n = sorted.length;
  if (n < 3) return undefined;
  // Note: sorted must hold finite values only.
  const positive = sorted[0] > 0;
  const median = quantile(sorted, 0.5);
  const skewed = positive && quantile(sorted, 0.9) / median > 2 * (median / quantile(sorted, 0.1));
  const log = positive && (skewed || sorted[n - 1] / sorted[0] > 1000);
  const at = log ? (i: number) => Math.log(sorted[i]) : (i: number) => sorted[i];
  const pos = (n - 1) * 0.5;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const center = at(lo) + (at(hi) - at(lo)) * (pos - lo);
  // |v − center| is center − v left of the first value ≥ center (descending there), v − center from it on.
  let split = 0;
  let right = n;
  while (split < right) {
    const mid = (split + right) >> 1;
    if (at(mid) < center) split = mid + 1;
    else right = mid;
  }
  const left = (i: number) => Math.abs(at(split - 1 - i) - center);
  const rightOf = (i: number) => Math.abs(at(split + i) - center);
  const deviation = (k: number) => kthOfTwo(left, split, rightOf, n - split, k);
  const dLo = deviation(lo);
  const dHi = hi === lo ? dLo : deviation(hi);
  // When half the values are identical (mostly zeros, a default) the MAD is 0: such a column has no
  // robust scale and is left alone rather than flagging every value that differs from the mode.
  const spread = (dLo + (dHi - dLo) * (pos - lo)) / 0.6745;
  return spread > 0 ? { log, center, spread } : undefined;
}
