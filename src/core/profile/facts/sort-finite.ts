/**
 * Sorting a column's finite numbers, and the runs of equal values: a copy for values already in order, a
 * small hash table for values with few distinct ones (its table is also filled by the column scan, see
 * numeric-scan.ts), else an LSD radix sort on the IEEE bits.
 */
import { kernelRanges, LITTLE_ENDIAN } from './kernels';

/**
 * Distinct finite values, ascending, with the number of times each occurs: the runs of equal (`===`,
 * so −0 and 0 together, counted under the first of them) values of the sorted array.
 */
export interface SortedRuns {
  values: Float64Array;
  counts: Int32Array;
}

/** Counts of `n` runs of one value each, shared by the columns whose values are all distinct (read-only; the newest length asked for). */
let ones = new Int32Array(0);

function onesOf(n: number): Int32Array {
  if (ones.length !== n) ones = new Int32Array(n).fill(1);
  return ones;
}

/**
 * The runs of a sorted array. `share`: when every value is distinct, `sorted` itself holds the runs'
 * values (for callers that never write to either).
 */
export function runsOf(sorted: Float64Array, { share = false } = {}): SortedRuns {
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
  if (share && count === sorted.length) return { values: sorted, counts: onesOf(count) };
  const values = new Float64Array(count);
  const counts = new Int32Array(count);
  let k = -1;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) values[++k] = sorted[i];
    counts[k]++;
  }
  return { values, counts };
}

/** The finite values of `values`, sorted ascending (as `Float64Array.prototype.sort`: −0 before +0). */
export function sortFinite(values: Float64Array): Float64Array {
  return sortFiniteWithRuns(values).sorted;
}

/** Whether finite values are in sort order (−0 before 0) and strictly increasing; see {@link orderRange}. */
interface OrderState {
  previous: number;
  ordered: boolean;
  strictly: boolean;
  finite: number;
}

/** Follows the order of the finite values i0..i1 (stops early once they are out of order). */
function orderRange(values: Float64Array, i0: number, i1: number, s: OrderState): void {
  let { previous, strictly, finite } = s;
  for (let i = i0; i < i1; i++) {
    const v = values[i];
    if (v - v !== 0) continue; // NaN and ±Infinity
    if (v <= previous) {
      if (v < previous || (v === 0 && Object.is(v, -0) && !Object.is(previous, -0))) {
        s.ordered = false;
        return;
      }
      strictly = false;
    }
    previous = v;
    finite++;
  }
  s.previous = previous;
  s.strictly = strictly;
  s.finite = finite;
}

/**
 * {@link sortFinite}, with the runs when they come for free. An input already in order is only copied;
 * one with few distinct values is counted in a small hash table and written out from its sorted distinct
 * values (which are its runs); others are LSD radix-sorted on their IEEE bits.
 */
export function sortFiniteWithRuns(values: Float64Array): { sorted: Float64Array; runs?: SortedRuns } {
  const order: OrderState = { previous: -Infinity, ordered: true, strictly: true, finite: 0 };
  for (const [start, end] of kernelRanges(0, values.length)) {
    if (!order.ordered) break;
    orderRange(values, start, end, order);
  }
  if (order.ordered) return orderedFinite(values, order.finite, order.strictly);
  if (values.length >= 512 && LITTLE_ENDIAN) {
    const table = new Uint32Array(3 * FEW_SLOTS);
    let size = 0;
    for (const [start, end] of kernelRanges(0, values.length)) {
      if (size < 0) break;
      size = countFewRange(values, table, start, end, size);
    }
    if (size >= 0) return sortedFromFew(table, size);
  }
  return { sorted: radixSort(copyFinite(values, countFinite(values))) };
}

function countFinite(values: Float64Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] === 0) n++;
  return n;
}

/** The `n` finite values of `values`, in their order. */
export function copyFinite(values: Float64Array, n: number): Float64Array {
  if (n === values.length) return values.slice();
  const a = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v === 0) a[k++] = v;
  }
  return a;
}

/**
 * Values already in order: their finite ones, and (strictly increasing) runs of one value each. `share`:
 * when every value is finite, `values` itself is the sorted array, and the runs' counts are shared (for
 * callers that never write to any of them).
 */
export function orderedFinite(values: Float64Array, n: number, strictly: boolean, { share = false } = {}): { sorted: Float64Array; runs?: SortedRuns } {
  const sorted = share && n === values.length ? values : copyFinite(values, n);
  return strictly ? { sorted, runs: { values: sorted, counts: share ? onesOf(n) : new Int32Array(n).fill(1) } } : { sorted };
}

/**
 * The radix sort's second buffer, shared by the sorts of a check's columns instead of one (garbage) per
 * column; held weakly, so never kept past the garbage collection after its last use.
 */
let scratchRef: WeakRef<Float64Array> | undefined;

function radixScratch(n: number): Float64Array {
  let scratch = scratchRef?.deref();
  if (!scratch || scratch.length < n) scratchRef = new WeakRef((scratch = new Float64Array(n)));
  return scratch.subarray(0, n);
}

/** Sorts finite values in place (native sort below 512 values or on big-endian hosts, else radix) and returns them. */
export function radixSort(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < 512 || !LITTLE_ENDIAN) return values.sort();
  let a: Float64Array = values;
  let b: Float64Array = radixScratch(n);
  let wa: Uint32Array = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
  let wb: Uint32Array = new Uint32Array(b.buffer, b.byteOffset, 2 * n);
  // Sortable keys: flip every bit of negatives, only the sign bit of the others.
  const histogram = new Uint32Array(4 * 65536);
  for (let i = 0; i < n; i++) {
    let lo = wa[2 * i];
    let hi = wa[2 * i + 1];
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
      wa[2 * i] = lo;
    } else hi = (hi | 0x80000000) >>> 0;
    wa[2 * i + 1] = hi;
    histogram[lo & 0xffff]++;
    histogram[65536 + (lo >>> 16)]++;
    histogram[131072 + (hi & 0xffff)]++;
    histogram[196608 + (hi >>> 16)]++;
  }
  // 16 bits per pass; a pass where every value shares the digit is skipped.
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * 65536;
    let trivial = false;
    for (let k = 0; k < 65536; k++) {
      const c = histogram[base + k];
      if (c === 0) continue;
      trivial = c === n;
      break;
    }
    if (trivial) continue;
    let sum = 0;
    for (let k = 0; k < 65536; k++) {
      const c = histogram[base + k];
      histogram[base + k] = sum;
      sum += c;
    }
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    for (let i = 0; i < n; i++) {
      const digit = (wa[2 * i + word] >>> shift) & 0xffff;
      const j = histogram[base + digit]++;
      wb[2 * j] = wa[2 * i];
      wb[2 * j + 1] = wa[2 * i + 1];
    }
    [a, b] = [b, a];
    [wa, wb] = [wb, wa];
  }
  for (let i = 0; i < n; i++) {
    const hi = wa[2 * i + 1];
    if (hi & 0x80000000) wa[2 * i + 1] = hi & 0x7fffffff;
    else {
      wa[2 * i + 1] = ~hi >>> 0;
      wa[2 * i] = ~wa[2 * i] >>> 0;
    }
  }
  // After an odd number of passes the values are in the scratch buffer: back into their own.
  if (a !== values) values.set(a);
  return values;
}

/** Distinct values a few-distinct table holds at most. */
export const FEW_DISTINCT = 1 << 14;
/** Slots of the table: (low word, high word, count) triples. */
export const FEW_SLOTS = 2 * FEW_DISTINCT;

/** Slot of a value (by its two IEEE words) in the few-distinct table: its own, or the empty one to take. */
export function fewSlot(table: Uint32Array, lo: number, hi: number): number {
  let slot = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 17; // FEW_SLOTS = 2^15
  for (;;) {
    const at = 3 * slot;
    if (table[at + 2] === 0 || (table[at] === lo && table[at + 1] === hi)) return slot;
    slot = (slot + 1) & (FEW_SLOTS - 1);
  }
}

/** Counts the finite values of rows start..end into the table; the new number of distinct values, −1 past FEW_DISTINCT. */
function countFewRange(values: Float64Array, table: Uint32Array, start: number, end: number, distinct: number): number {
  const words = new Uint32Array(values.buffer, values.byteOffset + 8 * start, 2 * (end - start));
  let size = distinct;
  for (let i = start; i < end; i++) {
    const v = values[i];
    if (v - v !== 0) continue;
    const lo = words[2 * (i - start)];
    const hi = words[2 * (i - start) + 1];
    const at = 3 * fewSlot(table, lo, hi);
    if (table[at + 2] === 0) {
      if (size === FEW_DISTINCT) return -1;
      size++;
      table[at] = lo;
      table[at + 1] = hi;
    }
    table[at + 2]++;
  }
  return size;
}

/**
 * The distinct values a few-distinct table counted, ascending, and how many times each occurs: told apart by
 * their bits, so −0 and 0 are two entries when both occur (unlike {@link SortedRuns}, where they are one).
 */
export function distinctFromFew(table: Uint32Array, size: number): SortedRuns {
  const values = new Float64Array(size);
  const words = new Uint32Array(values.buffer);
  for (let slot = 0, k = 0; slot < FEW_SLOTS; slot++) {
    const at = 3 * slot;
    if (table[at + 2] === 0) continue;
    words[2 * k] = table[at];
    words[2 * k + 1] = table[at + 1];
    k++;
  }
  values.sort();
  const counts = new Int32Array(size);
  for (let k = 0; k < size; k++) counts[k] = table[3 * fewSlot(table, words[2 * k], words[2 * k + 1]) + 2];
  return { values, counts };
}

/** Whether distinct values told apart by their bits ({@link distinctFromFew}) hold both −0 and 0. */
export function holdsBothZeros(distinct: SortedRuns): boolean {
  const { values } = distinct;
  for (let k = 1; k < values.length; k++) if (values[k] === 0 && values[k - 1] === 0) return true;
  return false;
}

/**
 * The sorted values a few-distinct table counted, and their runs: the distinct values sorted, each
 * written as many times as it occurs (runs merge −0 into 0: they are ===, as a scan of the sorted array
 * would see them).
 */
export function sortedFromFew(table: Uint32Array, size: number): { sorted: Float64Array; runs: SortedRuns } {
  return sortedFromDistinct(distinctFromFew(table, size));
}

/** {@link sortedFromFew} of the distinct values ({@link distinctFromFew}) the table counted. */
export function sortedFromDistinct(distinct: SortedRuns): { sorted: Float64Array; runs: SortedRuns } {
  const { values, counts } = distinct;
  const size = values.length;
  let n = 0;
  for (let k = 0; k < size; k++) n += counts[k];
  const sorted = new Float64Array(n);
  for (let k = 0, at = 0; k < size; k++) {
    sorted.fill(values[k], at, at + counts[k]);
    at += counts[k];
  }
  if (!holdsBothZeros(distinct)) return { sorted, runs: distinct };
  let runCount = 0;
  for (let k = 0; k < size; k++) if (k === 0 || values[k] !== values[k - 1]) runCount++;
  const runValues = new Float64Array(runCount);
  const runCounts = new Int32Array(runCount);
  for (let k = 0, run = -1; k < size; k++) {
    if (k === 0 || values[k] !== values[k - 1]) runValues[++run] = values[k];
    runCounts[run] += counts[k];
  }
  return { sorted, runs: { values: runValues, counts: runCounts } };
}
