/** Number of values < x (`strict`) or ≤ x among the first `length` values of an ascending array (binary search). */
export function countSorted(sorted: ArrayLike<number>, x: number, strict: boolean, length = sorted.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? sorted[mid] < x : sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
