/**
 * Stable argsort of millions of keys with typed arrays: least-significant-digit radix sort, 16 bits per
 * pass, skipping passes whose digit is the same for every key (integers and dates need few). Missing keys
 * (NaN numbers, the `missing` rank) always sort last, in row order, whatever the direction.
 */
import type { SortDirection } from './types';

const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;

/** Sorts `order` (a permutation of row indices) by the 16-bit digits of `words`, least significant first. */
function radixPasses(order: Uint32Array, words: Uint32Array[]): Uint32Array {
  const n = order.length;
  let from: Uint32Array = order;
  let to: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(BUCKETS);
  for (const word of words) {
    for (const shift of [0, DIGIT_BITS]) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(word[i] >>> shift) & MASK]++;
      // One bucket holds every key: this digit does not change the order.
      if (n === 0 || counts[(word[0] >>> shift) & MASK] === n) continue;
      let sum = 0;
      for (let b = 0; b < BUCKETS; b++) {
        const c = counts[b];
        counts[b] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const row = from[i];
        to[counts[(word[row] >>> shift) & MASK]++] = row;
      }
      [from, to] = [to, from];
    }
  }
  return from;
}

function identity(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/** Row order of `keys` (NaN last). */
export function argsortNumbers(keys: Float64Array, direction: SortDirection): Uint32Array {
  const n = keys.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const desc = direction === 'desc';
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (Number.isNaN(k)) {
      hi[i] = 0xffffffff;
      lo[i] = 0xffffffff;
      continue;
    }
    bits[0] = k === 0 ? 0 : k; // -0 sorts with 0
    let h = words[1];
    let l = words[0];
    // IEEE 754 → unsigned order: flip every bit of negatives, only the sign bit of positives.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    if (desc) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    }
    // Keep the all-ones key for missing values (a real key cannot reach it: it would be a NaN pattern).
    hi[i] = h;
    lo[i] = l;
  }
  return radixPasses(identity(n), [lo, hi]);
}

/** Row order of integer ranks in [0, 2^32 - 1); `missing` (2^32 - 1) sorts last. */
export const MISSING_RANK = 0xffffffff;

export function argsortRanks(ranks: Uint32Array, direction: SortDirection): Uint32Array {
  let keys = ranks;
  if (direction === 'desc') {
    keys = new Uint32Array(ranks.length);
    for (let i = 0; i < ranks.length; i++) keys[i] = ranks[i] === MISSING_RANK ? MISSING_RANK : MISSING_RANK - 1 - ranks[i];
  }
  return radixPasses(identity(ranks.length), [keys]);
}

/** Code-unit order of strings (fast and total; the grid's text sort). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Ranks of per-row text ids: `ids[i]` indexes `distinct` (or is MISSING_RANK); equal texts get equal
 * ranks, ordered by {@link compareText}.
 */
export function rankTexts(ids: Uint32Array, distinct: readonly string[]): Uint32Array {
  const byText = Array.from(distinct.keys()).sort((a, b) => compareText(distinct[a], distinct[b]));
  const rankOf = new Uint32Array(distinct.length);
  byText.forEach((id, rank) => (rankOf[id] = rank));
  const ranks = new Uint32Array(ids.length);
  for (let i = 0; i < ids.length; i++) ranks[i] = ids[i] === MISSING_RANK ? MISSING_RANK : rankOf[ids[i]];
  return ranks;
}
