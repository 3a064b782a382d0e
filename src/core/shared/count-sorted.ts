/** Number of values < x (`strict`) or ≤ x among the first `length` values of an ascending array of numbers or texts (binary search). */
export function countSorted<T extends number | string>(sorted: ArrayLike<T>, x: T, strict: boolean, length = sorted.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? sorted[mid] < x : sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
