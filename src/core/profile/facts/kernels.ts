/** What the column-fact kernels share: the host's byte order and the row count of one kernel call. */

/** Whether typed arrays are little-endian here (the word tricks of the kernels assume so, else fall back). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Rows handed to one call of a range kernel. Long loops run as repeated calls over ranges of this many
 * rows, so V8 optimizes the kernel after its first calls instead of running most of one long first call
 * in its slower tiers (a check meets each kernel cold, and only a few times).
 */
export const KERNEL_ROWS = 1 << 14;

/**
 * Rows of a range kernel's first call. While a kernel's first long call runs, V8 compiles its hot loop on the
 * stack (OSR) from what the kernel met so far, which is nothing yet of its code after the loop (the stores of
 * its sums or state); that compiled loop is then entered on later calls too and bails out at the loop's end on
 * each of them (seen: 1,600 bailouts of one kernel in one check, at random, as the background compiler's timing
 * decides). A short first call runs the whole kernel once, in the interpreter, before its loop is hot.
 */
export const FIRST_KERNEL_ROWS = 64;

/**
 * The ranges [start, end) to call a range kernel on over rows from..to: FIRST_KERNEL_ROWS rows first, then
 * `rows` rows (default KERNEL_ROWS) at a time.
 */
export function kernelRanges(from: number, to: number, rows = KERNEL_ROWS): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = from, end = Math.min(to, from + FIRST_KERNEL_ROWS); start < to; start = end, end = Math.min(to, end + rows)) ranges.push([start, end]);
  return ranges;
}
