/**
 * Per-column accumulators shared by the exact (in-memory) and the streaming profiler. Each accumulator
 * consumes Arrow data chunks (iterating `data.values` typed arrays, honouring null bitmaps) and is exact
 * while it holds at most `exactLimit` values / distinct keys; beyond that it switches to sketches
 * (KLL quantiles, HyperLogLog distinct, Misra–Gries top values). With `exactLimit = Infinity` the
 * result is the exact profile.
 */
import { DataType, type Data } from 'apache-arrow';
import type { ColumnInfo } from '../table/model';
import type { ColumnProfile, HistogramBin, TopValue } from './types';
import { makeFormatter, formatEpochMs, formatFloat32, type CellFormatter } from '../ingest/render-text';
import { unitLabel } from '../ingest/written-number';
import { HyperLogLog, KllSketch, MisraGries } from './sketches';
import { SortedNumbers, kernelRanges, runsOf, type ColumnFacts, type DistinctValues, type FiniteStats, type SortedRuns } from './column-facts';

export const TOP_VALUES = 10;
export const MAX_HISTOGRAM_BINS = 30;
export const QUANTILES: ReadonlyArray<[string, number]> = [
  ['p5', 0.05],
  ['p25', 0.25],
  ['p50', 0.5],
  ['p75', 0.75],
  ['p95', 0.95],
];

export interface AccumulatorOptions {
  /** Values (numeric) / distinct keys (others) kept exactly before switching to sketches. */
  exactLimit: number;
  /** KLL k parameter. */
  kllK: number;
  /** Misra–Gries counters for top values. */
  topCapacity: number;
}

export interface ColumnAccumulator {
  addChunk(data: Data): void;
  finish(): ColumnProfile;
}

// ---------------------------------------------------------------------------------------------------
// Helpers

/**
 * The validity bitmap of a chunk when it has nulls (read `nullCount` once per chunk: it is a getter),
 * else undefined; with {@link isValidIn} per value.
 */
function nullBitmapOf(data: Data): Uint8Array | undefined {
  if (data.nullCount === 0) return undefined;
  const bitmap = data.nullBitmap as Uint8Array | undefined;
  return bitmap && bitmap.length > 0 ? bitmap : undefined;
}

function isValidIn(bitmap: Uint8Array, offset: number, i: number): boolean {
  const pos = offset + i;
  return (bitmap[pos >> 3] & (1 << (pos & 7))) !== 0;
}

/** Sample-variance Welford accumulator. */
class Welford {
  n = 0;
  mean = 0;
  m2 = 0;
  add(x: number): void {
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }
  /** Sample standard deviation (n − 1); null below 2 values. */
  get std(): number | null {
    return this.n >= 2 ? Math.sqrt(this.m2 / (this.n - 1)) : null;
  }
}

/** Linear interpolation between closest ranks (numpy's default, "type 7"). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** {@link quantileSorted} of sorted values read by position. */
function quantileAt(sorted: SortedNumbers, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  const low = sorted.at(lo);
  return low + (sorted.at(hi) - low) * (pos - lo);
}


/** The `n` entries with the highest counts (ties: smaller key first), in one pass. */
export function topEntries<K extends string | number>(entries: Iterable<[K, number]>, n: number): Array<[K, number]> {
  const top: Array<[K, number]> = [];
  const before = (a: [K, number], b: [K, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  for (const e of entries) {
    if (top.length === n && !before(e, top[n - 1])) continue;
    let i = top.length < n ? top.length : n - 1;
    if (top.length < n) top.push(e);
    else top[i] = e;
    while (i > 0 && before(top[i], top[i - 1])) {
      [top[i], top[i - 1]] = [top[i - 1], top[i]];
      i--;
    }
  }
  return top;
}

/**
 * Which top values are reported: values seen at least twice, or all when the column has at most
 * {@link TOP_VALUES} distinct values (a list of unique IDs with count 1 says nothing).
 */
function reportTop(top: TopValue[], distinct: number): TopValue[] {
  return distinct <= TOP_VALUES ? top : top.filter((t) => t.count >= 2);
}

interface HistogramInput {
  min: number;
  max: number;
  q1: number;
  q3: number;
  integer: boolean;
  /** Values < x (strict) or ≤ x. */
  count(x: number, strict: boolean): number;
  /** Smallest value ≥ x / largest ≤ x when known exactly (else the fence itself is used). */
  ceilValue?(x: number): number;
  floorValue?(x: number): number;
}

/**
 * Histogram between the Tukey fences (q1 − 1.5·IQR, q3 + 1.5·IQR), so outliers do not squash it; values
 * beyond go to lowOutliers / highOutliers. When IQR = 0 there are no fences (the full range is binned).
 * Integer columns get integer-aligned bins; others up to 30 equal-width bins (Sturges' rule).
 */
export function buildHistogram(h: HistogramInput): { bins: HistogramBin[]; low: number; high: number } {
  const iqr = h.q3 - h.q1;
  let a = h.min;
  let b = h.max;
  if (iqr > 0) {
    const lo = h.q1 - 1.5 * iqr;
    const hi = h.q3 + 1.5 * iqr;
    if (lo > h.min) a = h.ceilValue ? h.ceilValue(lo) : lo;
    if (hi < h.max) b = h.floorValue ? h.floorValue(hi) : hi;
  }
  const total = h.count(Infinity, false);
  const low = h.count(a, true);
  const high = total - h.count(b, false);
  const inside = total - low - high;
  const bins: HistogramBin[] = [];
  if (!(b > a)) {
    bins.push({ lower: a, upper: b, count: inside });
    return { bins, low, high };
  }
  const edges: number[] = [];
  const sturges = Math.min(MAX_HISTOGRAM_BINS, Math.max(5, Math.ceil(Math.log2(Math.max(1, inside)) + 1)));
  if (h.integer) {
    const ia = Math.ceil(a);
    const ib = Math.floor(b);
    const width = Math.max(1, Math.ceil((ib - ia + 1) / sturges));
    for (let e = ia; e <= ib; e += width) edges.push(e);
    edges.push(Math.max(ib, edges[edges.length - 1] + width - 1));
  } else {
    for (let k = 0; k < sturges; k++) edges.push(a + ((b - a) * k) / sturges);
    edges.push(b);
  }
  for (let k = 0; k + 1 < edges.length; k++) {
    const last = k + 2 === edges.length;
    const lower = edges[k];
    const upper = edges[k + 1];
    const c = Math.round((last ? h.count(upper, false) : h.count(upper, true)) - h.count(lower, true));
    bins.push({ lower, upper, count: Math.max(0, c) });
  }
  return { bins, low: Math.round(low), high: Math.round(high) };
}

/** The unit field of a column's profile (present only for columns that write a unit). */
export function unitField(info: ColumnInfo): { unit?: string } {
  const unit = unitLabel(info.numberFormat);
  return unit ? { unit } : {};
}

/** A column's profile before any value is counted (also the profile of a column of a table without rows). */
export function emptyColumnProfile(info: ColumnInfo): ColumnProfile {
  return {
    name: info.name,
    index: info.index,
    kind: info.kind,
    arrowType: info.arrowType,
    ...unitField(info),
    count: 0,
    nulls: 0,
    distinct: 0,
    distinctMethod: 'exact',
    min: null,
    max: null,
    mean: null,
    std: null,
    quantiles: null,
    histogram: null,
    lowOutliers: 0,
    highOutliers: 0,
    topValues: [],
    minLength: null,
    maxLength: null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Frequencies (exact map, then HyperLogLog + Misra–Gries)

class Frequencies<K extends string | number> {
  private exact: Map<K, number> | null = new Map();
  private hll: HyperLogLog | null = null;
  private heavy: MisraGries<K> | null = null;

  constructor(
    private readonly options: AccumulatorOptions,
    private readonly hashAdd: (hll: HyperLogLog, key: K) => void,
  ) {}

  add(key: K, weight = 1): void {
    if (this.exact) {
      this.exact.set(key, (this.exact.get(key) ?? 0) + weight);
      if (this.exact.size > this.options.exactLimit) this.spill();
      return;
    }
    this.hashAdd(this.hll as HyperLogLog, key);
    (this.heavy as MisraGries<K>).add(key, weight);
  }

  private spill(): void {
    const exact = this.exact as Map<K, number>;
    this.hll = new HyperLogLog(14);
    this.heavy = new MisraGries<K>(this.options.topCapacity);
    for (const [k, c] of exact) {
      this.hashAdd(this.hll, k);
      this.heavy.add(k, c);
    }
    this.exact = null;
  }

  get isExact(): boolean {
    return this.exact !== null;
  }

  distinct(): number {
    return this.exact ? this.exact.size : (this.hll as HyperLogLog).estimate();
  }

  top(n: number): Array<[K, number]> {
    return topEntries((this.exact ?? (this.heavy as MisraGries<K>).counts).entries(), n);
  }
}

const addNumberKey = (hll: HyperLogLog, k: number) => hll.addNumber(k);
const addStringKey = (hll: HyperLogLog, k: string) => hll.addString(k);

// ---------------------------------------------------------------------------------------------------
// Numeric columns (ints, floats, dates and timestamps as epoch ms)

/** Converts value i of a chunk to a number (dates/timestamps → epoch ms). */
type NumberReader = (data: Data, i: number) => number;

export function numberReader(type: DataType): NumberReader | null {
  if (DataType.isInt(type)) {
    if (type.bitWidth === 64) return (d, i) => Number((d.values as BigInt64Array | BigUint64Array)[i]);
    return (d, i) => (d.values as Int32Array)[i];
  }
  if (DataType.isFloat(type)) {
    if (type.precision === 0) {
      return (d, i) => {
        const h = (d.values as Uint16Array)[i];
        const expo = (h & 0x7c00) >> 10;
        const sigf = h & 0x03ff;
        const sign = h & 0x8000 ? -1 : 1;
        if (expo === 0x1f) return sigf ? NaN : sign * Infinity;
        return expo === 0 ? sign * 2 ** -14 * (sigf / 1024) : sign * 2 ** (expo - 15) * (1 + sigf / 1024);
      };
    }
    return (d, i) => (d.values as Float64Array)[i];
  }
  if (DataType.isDate(type)) {
    if (type.unit === 0) return (d, i) => (d.values as Int32Array)[i] * 86_400_000;
    return (d, i) => Number((d.values as BigInt64Array)[i]);
  }
  if (DataType.isTimestamp(type)) {
    const unit = type.unit as number;
    const scale = unit === 0 ? 1000 : unit === 1 ? 1 : unit === 2 ? 1e-3 : 1e-6;
    return (d, i) => Number((d.values as BigInt64Array)[i]) * scale;
  }
  return null;
}

/**
 * The `k` runs with the highest counts (ties: smaller value first): `topEntries` over the (value, count)
 * pairs, without materializing them.
 */
function topRuns(runs: SortedRuns, k: number, total?: number): Array<[number, number]> {
  const top: Array<[number, number]> = [];
  const { values, counts } = runs;
  // As many runs as values: every count is 1, and the top is the k smallest values.
  if (total === values.length) {
    for (let i = 0; i < Math.min(k, values.length); i++) top.push([values[i], 1]);
    return top;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const c = counts[i];
    if (top.length === k) {
      const last = top[k - 1];
      if (!(c > last[1] || (c === last[1] && v < last[0]))) continue;
      top[k - 1] = [v, c];
    } else top.push([v, c]);
    for (let m = top.length - 1; m > 0 && (top[m][1] > top[m - 1][1] || (top[m][1] === top[m - 1][1] && top[m][0] < top[m - 1][0])); m--) {
      // (Swapped through a variable: a destructuring swap builds and walks an array, bytecodes that got this
      // function compiled by V8 while it ran cold, once per numeric column.)
      const swapped = top[m];
      top[m] = top[m - 1];
      top[m - 1] = swapped;
    }
  }
  return top;
}

interface ExactNumericInput {
  /** Finite values. */
  n: number;
  min: number;
  max: number;
  integer: boolean;
  /** Distinct non-finite values seen (NaN, ±Infinity). */
  nonFiniteKinds: number;
  render: (x: number) => string;
}

/** Distinct count, quantiles, histogram and top values of an exact numeric profile, from the sorted finite values and their runs. */
function finishExactNumeric(p: ColumnProfile, sorted: SortedNumbers, runs: SortedRuns, input: ExactNumericInput): void {
  const { n, integer } = input;
  // Distinct values and frequencies from the runs of the sorted copy.
  const top = topRuns(runs, TOP_VALUES, sorted.length);
  p.distinct = runs.values.length + input.nonFiniteKinds;
  p.distinctMethod = 'exact';
  p.quantileMethod = 'exact';
  if (n > 0) {
    p.quantiles = Object.fromEntries(QUANTILES.map(([k, q]) => [k, quantileAt(sorted, q)]));
    const hist = buildHistogram({
      min: input.min,
      max: input.max,
      q1: quantileAt(sorted, 0.25),
      q3: quantileAt(sorted, 0.75),
      integer,
      count: (x, strict) => sorted.rank(x, strict),
      ceilValue: (x) => sorted.at(sorted.rank(x, true)),
      floorValue: (x) => sorted.at(sorted.rank(x, false) - 1),
    });
    p.histogram = hist.bins;
    p.lowOutliers = hist.low;
    p.highOutliers = hist.high;
  }
  p.topValues = reportTop(
    top.map(([v, c]) => ({ value: input.render(v), count: c })),
    p.distinct,
  );
}

class NumericAccumulator implements ColumnAccumulator {
  private count = 0;
  private nulls = 0;
  private nonFinite = 0;
  private readonly nonFiniteKinds = new Set<number>();
  private min = Infinity;
  private max = -Infinity;
  private readonly welford = new Welford();
  private buffer: Float64Array | null = new Float64Array(1024);
  private buffered = 0;
  private kll: KllSketch | null = null;
  private freq: Frequencies<number> | null = null;

  constructor(
    private readonly info: ColumnInfo,
    private readonly read: NumberReader,
    private readonly options: AccumulatorOptions,
    private readonly integer: boolean,
    /** Text of a value for top values (ISO for dates/timestamps, shortest float32 text, …). */
    private readonly render: (x: number) => string,
  ) {}

  addChunk(data: Data): void {
    const n = data.length;
    this.count += n;
    const bitmap = nullBitmapOf(data);
    const offset = data.offset;
    const read = this.read;
    for (let i = 0; i < n; i++) {
      if (bitmap && !isValidIn(bitmap, offset, i)) {
        this.nulls++;
        continue;
      }
      const x = read(data, i);
      if (!Number.isFinite(x)) {
        this.nonFinite++;
        this.nonFiniteKinds.add(x);
        continue;
      }
      this.welford.add(x);
      if (x < this.min) this.min = x;
      if (x > this.max) this.max = x;
      if (this.buffer) this.push(x);
      else {
        (this.kll as KllSketch).update(x);
        (this.freq as Frequencies<number>).add(x);
      }
    }
  }

  private push(x: number): void {
    let buffer = this.buffer as Float64Array;
    if (this.buffered === buffer.length) {
      if (this.buffered >= this.options.exactLimit) {
        this.spill();
        (this.kll as KllSketch).update(x);
        (this.freq as Frequencies<number>).add(x);
        return;
      }
      const grown = new Float64Array(Math.min(Math.max(buffer.length * 2, 1024), Math.max(this.options.exactLimit, buffer.length + 1)));
      grown.set(buffer);
      buffer = grown;
      this.buffer = buffer;
    }
    buffer[this.buffered++] = x;
  }

  private spill(): void {
    this.kll = new KllSketch(this.options.kllK);
    // Frequencies stay exact up to exactLimit distinct values (then HyperLogLog + Misra–Gries).
    this.freq = new Frequencies<number>(this.options, addNumberKey);
    const buffer = this.buffer as Float64Array;
    for (let i = 0; i < this.buffered; i++) {
      this.kll.update(buffer[i]);
      this.freq.add(buffer[i]);
    }
    this.buffer = null;
    this.buffered = 0;
  }

  finish(): ColumnProfile {
    const p = emptyColumnProfile(this.info);
    p.count = this.count;
    p.nulls = this.nulls;
    p.nonFinite = this.nonFinite;
    const n = this.welford.n;
    const integer = this.integer;
    if (n > 0) {
      p.min = this.min;
      p.max = this.max;
      p.mean = this.welford.mean;
      p.std = this.welford.std;
    }
    if (this.buffer) {
      const sorted = this.buffer.subarray(0, this.buffered).sort();
      finishExactNumeric(p, SortedNumbers.ofArray(sorted), runsOf(sorted), { n, min: this.min, max: this.max, integer, nonFiniteKinds: this.nonFiniteKinds.size, render: this.render });
      return p;
    }
    const kll = this.kll as KllSketch;
    const freq = this.freq as Frequencies<number>;
    const top = freq.top(TOP_VALUES);
    p.distinct = freq.distinct() + this.nonFiniteKinds.size;
    p.distinctMethod = freq.isExact ? 'exact' : 'approximate';
    p.quantileMethod = 'approximate';
    if (!freq.isExact) p.topValuesMethod = 'approximate';
    const clamp = (x: number) => Math.min(this.max, Math.max(this.min, x));
    p.quantiles = Object.fromEntries(QUANTILES.map(([k, q]) => [k, clamp(kll.quantile(q))]));
    const hist = buildHistogram({
      min: this.min,
      max: this.max,
      q1: kll.quantile(0.25),
      q3: kll.quantile(0.75),
      integer,
      count: (x, strict) => (x === Infinity ? kll.n : kll.rank(x, strict)),
    });
    p.histogram = hist.bins;
    p.lowOutliers = hist.low;
    p.highOutliers = hist.high;
    p.topValues = reportTop(
      top.map(([v, c]) => ({ value: this.render(v), count: c })),
      p.distinct,
    );
    return p;
  }
}

// ---------------------------------------------------------------------------------------------------
// Booleans

/** Counts into tally (nulls, trues, falses) the booleans i0..i1 of a chunk (bits from `offset`). */
function countBooleans(values: Uint8Array, bitmap: Uint8Array | undefined, offset: number, i0: number, i1: number, tally: Float64Array): void {
  let nulls = 0;
  let trues = 0;
  let falses = 0;
  for (let i = i0; i < i1; i++) {
    if (bitmap && !isValidIn(bitmap, offset, i)) {
      nulls++;
      continue;
    }
    const pos = offset + i;
    if ((values[pos >> 3] & (1 << (pos & 7))) !== 0) trues++;
    else falses++;
  }
  tally[0] += nulls;
  tally[1] += trues;
  tally[2] += falses;
}

/** Counts the dictionary codes i0..i1 of a chunk: counts[code]; nulls and out-of-range codes in the last two slots. */
function countCodes(codes: Int32Array, bitmap: Uint8Array | undefined, offset: number, i0: number, i1: number, counts: Float64Array): void {
  const known = counts.length - 2;
  for (let i = i0; i < i1; i++) {
    if (bitmap && !isValidIn(bitmap, offset, i)) {
      counts[known]++;
      continue;
    }
    const code = Number(codes[i]);
    if (code >= 0 && code < known) counts[code]++;
    else counts[known + 1]++;
  }
}

class BooleanAccumulator implements ColumnAccumulator {
  private count = 0;
  private nulls = 0;
  private trues = 0;
  private falses = 0;

  constructor(private readonly info: ColumnInfo) {}

  addChunk(data: Data): void {
    const values = data.values as Uint8Array;
    const n = data.length;
    this.count += n;
    const bitmap = nullBitmapOf(data);
    const tally = new Float64Array(3); // nulls, trues, falses
    for (const [start, end] of kernelRanges(0, n)) countBooleans(values, bitmap, data.offset, start, end, tally);
    this.nulls += tally[0];
    this.trues += tally[1];
    this.falses += tally[2];
  }

  finish(): ColumnProfile {
    const p = emptyColumnProfile(this.info);
    p.count = this.count;
    p.nulls = this.nulls;
    const entries: Array<[string, number]> = [];
    if (this.trues > 0) entries.push(['true', this.trues]);
    if (this.falses > 0) entries.push(['false', this.falses]);
    p.distinct = entries.length;
    p.topValues = topEntries(entries, TOP_VALUES).map(([value, count]) => ({ value, count }));
    if (this.trues + this.falses > 0) p.mean = this.trues / (this.trues + this.falses);
    return p;
  }
}

// ---------------------------------------------------------------------------------------------------
// Text-like columns: strings, dictionaries, and every other type rendered as text

function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

const utf8 = new TextDecoder('utf-8');

class TextAccumulator implements ColumnAccumulator {
  private count = 0;
  private nulls = 0;
  private minLength = Infinity;
  private maxLength = -Infinity;
  private readonly freq: Frequencies<string>;
  private readonly dictionaryCache = new WeakMap<object, string[]>();

  constructor(
    private readonly info: ColumnInfo,
    private readonly type: DataType,
    options: AccumulatorOptions,
    private readonly formatter: CellFormatter,
  ) {
    this.freq = new Frequencies<string>(options, addStringKey);
  }

  private addValue(s: string, weight: number): void {
    const len = codePointLength(s);
    if (len < this.minLength) this.minLength = len;
    if (len > this.maxLength) this.maxLength = len;
    this.freq.add(s, weight);
  }

  addChunk(data: Data): void {
    const n = data.length;
    this.count += n;
    const bitmap = nullBitmapOf(data);
    const offset = data.offset;
    const type = this.type;
    if (DataType.isDictionary(type) && data.dictionary) {
      // Count codes, then format each used dictionary entry once.
      const codes = data.values as Int32Array;
      const dictionary = data.dictionary;
      let strings = this.dictionaryCache.get(dictionary);
      if (!strings) {
        const valueFormatter = makeFormatter(type.dictionary);
        strings = [];
        for (const chunk of dictionary.data) for (let k = 0; k < chunk.length; k++) strings.push(valueFormatter(chunk, k));
        this.dictionaryCache.set(dictionary, strings);
      }
      // counts[k] for code k; the last two slots: nulls, codes out of range.
      const counts = new Float64Array(strings.length + 2);
      for (const [start, end] of kernelRanges(0, n)) countCodes(codes, bitmap, offset, start, end, counts);
      this.nulls += counts[strings.length];
      const outOfRange = counts[strings.length + 1];
      for (let k = 0; k < strings.length; k++) if (counts[k] > 0) this.addValue(strings[k], counts[k]);
      if (outOfRange > 0) this.addValue('<invalid dictionary index>', outOfRange);
      return;
    }
    if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) {
      const offsets = data.valueOffsets as Int32Array | BigInt64Array;
      const bytes = data.values as Uint8Array;
      const big = offsets instanceof BigInt64Array;
      for (let i = 0; i < n; i++) {
        if (bitmap && !isValidIn(bitmap, offset, i)) {
          this.nulls++;
          continue;
        }
        const start = big ? Number(offsets[i]) : (offsets[i] as number);
        const end = big ? Number(offsets[i + 1]) : (offsets[i + 1] as number);
        this.addValue(utf8.decode(bytes.subarray(start, end)), 1);
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      if (!data.getValid(i)) {
        this.nulls++;
        continue;
      }
      this.addValue(this.formatter(data, i), 1);
    }
  }

  finish(): ColumnProfile {
    const p = emptyColumnProfile(this.info);
    p.count = this.count;
    p.nulls = this.nulls;
    p.distinct = this.freq.distinct();
    p.distinctMethod = this.freq.isExact ? 'exact' : 'approximate';
    if (!this.freq.isExact) p.topValuesMethod = 'approximate';
    p.topValues = reportTop(
      this.freq.top(TOP_VALUES).map(([value, count]) => ({ value, count })),
      p.distinct,
    );
    if (this.maxLength >= 0) {
      p.minLength = this.minLength;
      p.maxLength = this.maxLength;
    }
    return p;
  }
}

// ---------------------------------------------------------------------------------------------------
// Null-typed columns

class EmptyAccumulator implements ColumnAccumulator {
  private count = 0;
  constructor(private readonly info: ColumnInfo) {}
  addChunk(data: Data): void {
    this.count += data.length;
  }
  finish(): ColumnProfile {
    const p = emptyColumnProfile(this.info);
    p.count = this.count;
    p.nulls = this.count;
    return p;
  }
}

/** Text of a number for top values (ISO for dates/timestamps, shortest float32 text, …). */
function numericRender(type: DataType): (x: number) => string {
  if (DataType.isDate(type)) return (x) => formatEpochMs(x, 'date');
  if (DataType.isTimestamp(type)) {
    const zoned = type.timezone != null && type.timezone !== '';
    return (x) => formatEpochMs(x, 'timestamp', zoned);
  }
  if (DataType.isFloat(type) && type.precision === 1) return formatFloat32;
  return String;
}

/** The accumulator for a column, chosen by its Arrow type (the kind is kept for printing). */
export function createAccumulator(info: ColumnInfo, type: DataType, options: AccumulatorOptions): ColumnAccumulator {
  if (DataType.isNull(type)) return new EmptyAccumulator(info);
  const reader = numberReader(type);
  if (reader) return new NumericAccumulator(info, reader, options, DataType.isInt(type), numericRender(type));
  if (DataType.isBool(type)) return new BooleanAccumulator(info);
  return new TextAccumulator(info, type, options, makeFormatter(type));
}

// ---------------------------------------------------------------------------------------------------
// Exact profiles of whole in-memory columns from their shared facts

/**
 * The exact profile of a whole in-memory column from its shared facts (see column-facts.ts): numbers and
 * their sorted copy for numeric, date and timestamp columns, distinct values for Utf8 text and dictionaries
 * of it. The result is the one the accumulator gives with `exactLimit = Infinity`; null when the facts do
 * not cover the type (the caller runs the accumulator then).
 */
export function exactProfileFromFacts(info: ColumnInfo, type: DataType, facts: ColumnFacts): ColumnProfile | null {
  if (facts.chunks.length === 0) return null;
  // The profile reads micro- and nanosecond timestamps as Number(v) · 10⁻³ (or 10⁻⁶), the facts as Arrow's get does.
  if (DataType.isTimestamp(type) && (type.unit as number) >= 2) return null;
  if (numberReader(type)) {
    const stats = facts.finiteStats();
    const sorted = stats && facts.sortedNumbers();
    const runs = sorted && facts.sortedRuns();
    return stats && sorted && runs ? numericFromFacts(info, type, facts, stats, sorted, runs) : null;
  }
  // Dictionaries of Utf8 without null entries: the accumulator's texts of the entries (decoded by the same
  // UTF-8 decoder) are the facts' texts.
  const plainDictionary = DataType.isDictionary(type) && DataType.isUtf8(type.dictionary) && facts.chunks.every((chunk) => chunk.dictionary && chunk.dictionary.nullCount === 0);
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || plainDictionary) {
    const distinct = facts.distinct();
    return distinct ? textFromDistinct(info, facts, distinct) : null;
  }
  return null;
}

function numericFromFacts(info: ColumnInfo, type: DataType, facts: ColumnFacts, stats: FiniteStats, sorted: SortedNumbers, runs: SortedRuns): ColumnProfile {
  // The accumulator's Welford runs over the same finite values in the same order: mean and std agree bit for bit.
  const { n, min, max } = stats;
  const p = emptyColumnProfile(info);
  p.count = facts.rows;
  p.nulls = facts.nullCount();
  p.nonFinite = stats.nonFinite;
  if (n > 0) {
    p.min = min;
    p.max = max;
    p.mean = stats.mean;
    p.std = n >= 2 ? Math.sqrt(stats.m2 / (n - 1)) : null;
  }
  finishExactNumeric(p, sorted, runs, { n, min, max, integer: DataType.isInt(type), nonFiniteKinds: stats.nonFiniteKinds, render: numericRender(type) });
  return p;
}

/** The k-th largest of some counts (0 when there are fewer). */
function kthLargest(counts: Int32Array, k: number): number {
  const best: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (best.length === k) {
      if (c <= best[k - 1]) continue;
      best[k - 1] = c;
    } else best.push(c);
    for (let m = best.length - 1; m > 0 && best[m] > best[m - 1]; m--) {
      // (Through a variable, as in topRuns.)
      const swapped = best[m];
      best[m] = best[m - 1];
      best[m - 1] = swapped;
    }
  }
  return best.length === k ? best[k - 1] : 0;
}

function textFromDistinct(info: ColumnInfo, facts: ColumnFacts, distinct: DistinctValues): ColumnProfile {
  const p = emptyColumnProfile(info);
  p.count = facts.rows;
  p.nulls = facts.nullCount();
  p.distinct = distinct.size;
  p.distinctMethod = 'exact';
  // Only values that can make the reported top are decoded: counts at least the 10th largest, and (as
  // reportTop keeps only repeated values of columns with more than TOP_VALUES distinct) at least 2.
  const { counts } = distinct;
  const least = distinct.size <= TOP_VALUES ? 0 : Math.max(2, kthLargest(counts, TOP_VALUES));
  const entries: Array<[string, number]> = [];
  for (let id = 0; id < distinct.size; id++) if (counts[id] >= least) entries.push([distinct.text(id), counts[id]]);
  p.topValues = reportTop(
    topEntries(entries, TOP_VALUES).map(([value, count]) => ({ value, count })),
    p.distinct,
  );
  if (distinct.size > 0) [p.minLength, p.maxLength] = distinct.codePointRange();
  return p;
}
