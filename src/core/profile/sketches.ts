/**
 * Bounded-memory sketches for streaming profiles, all mergeable:
 * - {@link HyperLogLog}: distinct count, precision 14 (16 KiB of registers, ~0.8 % standard error).
 * - {@link KllSketch}: quantiles / ranks (Karnin–Lang–Liberty), ~k·3 items kept; rank error ≈ 1.65/k·…
 *   (k = 256: about 1 % of n). Deterministic (seeded coin flips), so results are reproducible.
 * - {@link MisraGries}: heavy hitters (top values) with at most `capacity` counters; counts are lower
 *   bounds, under by at most n / (capacity + 1).
 */
import { mulberry32 } from '../shared/random';
import { fmix32 } from '../shared/hash';
import { countSorted } from '../shared/count-sorted';

// ---------------------------------------------------------------------------------------------------
// Hashing (64 bits as two 32-bit halves)


const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** 64-bit hash of a number's IEEE bits (so 1 and 1.0 agree; -0 is normalised to 0). */
export function hashNumber(x: number): [number, number] {
  f64[0] = x === 0 ? 0 : x;
  const lo = u32[0];
  const hi = u32[1];
  const h1 = fmix32(lo ^ fmix32(hi ^ 0x9e3779b9));
  const h2 = fmix32(hi ^ fmix32(lo + 0x7f4a7c15));
  return [h1, h2];
}

/** 64-bit hash of a string (cyrb53-style, two 32-bit lanes). */
export function hashString(s: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [fmix32(h1 >>> 0), fmix32((h2 ^ s.length) >>> 0)];
}

// ---------------------------------------------------------------------------------------------------
// HyperLogLog

export class HyperLogLog {
  readonly precision: number;
  readonly registers: Uint8Array;

  constructor(precision = 14) {
    if (precision < 4 || precision > 18) throw new RangeError('HyperLogLog precision must be in 4..18');
    this.precision = precision;
    this.registers = new Uint8Array(1 << precision);
  }

  /** Adds an item by its 64-bit hash. */
  addHash(h1: number, h2: number): void {
    const p = this.precision;
    const index = h1 >>> (32 - p);
    const rest = (h1 << p) >>> 0; // the remaining 32 - p bits of h1, at the top
    const rank = rest !== 0 ? Math.clz32(rest) + 1 : 32 - p + (h2 !== 0 ? Math.clz32(h2) : 32) + 1;
    if (rank > this.registers[index]) this.registers[index] = rank;
  }

  addNumber(x: number): void {
    const [a, b] = hashNumber(x);
    this.addHash(a, b);
  }

  addString(s: string): void {
    const [a, b] = hashString(s);
    this.addHash(a, b);
  }

  estimate(): number {
    const m = this.registers.length;
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < m; i++) {
      const r = this.registers[i];
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const alpha = 0.7213 / (1 + 1.079 / m);
    const raw = (alpha * m * m) / sum;
    if (raw <= 2.5 * m && zeros > 0) return Math.round(m * Math.log(m / zeros)); // linear counting
    return Math.round(raw);
  }

  merge(other: HyperLogLog): void {
    if (other.precision !== this.precision) throw new RangeError('cannot merge HyperLogLogs of different precision');
    for (let i = 0; i < this.registers.length; i++) {
      if (other.registers[i] > this.registers[i]) this.registers[i] = other.registers[i];
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// KLL quantile sketch

/** Sorted items with cumulative weights, for rank and quantile queries. */
export interface KllView {
  values: Float64Array;
  /** cumulative[i] = total weight of values[0..i]. */
  cumulative: Float64Array;
  total: number;
}

export class KllSketch {
  private levels: number[][] = [[]];
  private count = 0;
  private readonly random: () => number;
  private view: KllView | null = null;
  /** Capacity of level 0, cached (it changes only when a level is added). */
  private level0Capacity: number;

  constructor(
    readonly k = 256,
    seed = 0x5eed,
  ) {
    this.random = mulberry32(seed);
    this.level0Capacity = this.capacity(0);
  }

  /** Values added (the total weight). */
  get n(): number {
    return this.count;
  }

  private capacity(level: number): number {
    const depth = this.levels.length - 1 - level;
    return Math.max(8, Math.ceil(this.k * (2 / 3) ** depth));
  }

  update(x: number): void {
    const level0 = this.levels[0];
    level0.push(x);
    this.count++;
    if (this.view !== null) this.view = null;
    if (level0.length >= this.level0Capacity) this.compress();
  }

  /** Capacities per level, recomputed only when a level is added. */
  private caps: number[] = [];

  /** Compacts the lowest full level(s) until every level fits and the total fits. */
  private compress(): void {
    if (this.caps.length !== this.levels.length) this.caps = this.levels.map((_, h) => this.capacity(h));
    let caps = this.caps;
    for (;;) {
      let size = 0;
      let total = 0;
      let target = -1;
      for (let h = 0; h < this.levels.length; h++) {
        size += this.levels[h].length;
        total += caps[h];
        if (target < 0 && this.levels[h].length >= caps[h]) target = h;
      }
      if (target < 0 || (size <= total && this.levels[0].length < caps[0])) break;
      if (target + 1 === this.levels.length) {
        this.levels.push([]);
        caps = this.caps = this.levels.map((_, h) => this.capacity(h));
      }
      const items = this.levels[target].sort((a, b) => a - b);
      const keep: number[] = [];
      if (items.length % 2 === 1) keep.push(items.pop() as number);
      const offset = this.random() < 0.5 ? 0 : 1;
      const up = this.levels[target + 1];
      for (let i = offset; i < items.length; i += 2) up.push(items[i]);
      this.levels[target] = keep;
    }
    this.level0Capacity = caps[0];
  }

  merge(other: KllSketch): void {
    while (this.levels.length < other.levels.length) this.levels.push([]);
    other.levels.forEach((items, h) => this.levels[h].push(...items));
    this.count += other.count;
    this.view = null;
    this.compress();
  }

  /** Sorted (value, cumulative weight) view; cached until the next update. */
  sortedView(): KllView {
    if (this.view) return this.view;
    const pairs: Array<[number, number]> = [];
    this.levels.forEach((items, h) => {
      const w = 2 ** h;
      for (const v of items) pairs.push([v, w]);
    });
    pairs.sort((a, b) => a[0] - b[0]);
    const values = new Float64Array(pairs.length);
    const cumulative = new Float64Array(pairs.length);
    let c = 0;
    pairs.forEach(([v, w], i) => {
      c += w;
      values[i] = v;
      cumulative[i] = c;
    });
    this.view = { values, cumulative, total: c };
    return this.view;
  }

  /** Approximate number of values ≤ x (or < x when `strict`), scaled to n. */
  rank(x: number, strict = false): number {
    const { values, cumulative, total } = this.sortedView();
    if (total === 0) return 0;
    const lo = countSorted(values, x, strict);
    const w = lo === 0 ? 0 : cumulative[lo - 1];
    return (w / total) * this.count;
  }

  /** Approximate q-quantile (0 ≤ q ≤ 1); NaN when empty. */
  quantile(q: number): number {
    const { values, cumulative, total } = this.sortedView();
    if (values.length === 0) return NaN;
    const target = q * total;
    for (let i = 0; i < values.length; i++) if (cumulative[i] >= target) return values[i];
    return values[values.length - 1];
  }

  /** Items held (memory ~ 8 bytes each). */
  get retained(): number {
    let s = 0;
    for (const l of this.levels) s += l.length;
    return s;
  }
}

// ---------------------------------------------------------------------------------------------------
// Misra–Gries heavy hitters

export class MisraGries<K> {
  readonly counts = new Map<K, number>();
  private total = 0;

  constructor(readonly capacity = 1024) {}

  add(key: K, weight = 1): void {
    this.total += weight;
    const c = this.counts.get(key);
    if (c !== undefined) {
      this.counts.set(key, c + weight);
      return;
    }
    this.counts.set(key, weight);
    if (this.counts.size <= this.capacity) return;
    let min = Infinity;
    for (const v of this.counts.values()) if (v < min) min = v;
    for (const [k, v] of this.counts) {
      if (v <= min) this.counts.delete(k);
      else this.counts.set(k, v - min);
    }
  }

  /** Upper bound of the amount any count may be under its true value. */
  get maxError(): number {
    let kept = 0;
    for (const v of this.counts.values()) kept += v;
    return Math.max(0, this.total - kept) / Math.max(1, this.capacity + 1);
  }
}
