/**
 * Per-column facts of an in-memory Arrow column, computed once and shared by the exact profile and the
 * quality rules: the null mask and null rows, the values as numbers, their moments, their sorted finite
 * copy and its runs, and the distinct values of text columns (an id per row, counts, first rows).
 * Everything is read straight from the chunks' typed arrays (`values`, `valueOffsets`, null bitmaps);
 * nothing is allocated per cell. Sorting is a copy for ordered values, a small hash table for values with
 * few distinct ones, else a radix sort; Utf8 values are told apart by their bytes (hashed, equal hashes
 * confirmed byte by byte), dictionary values by their indices.
 *
 * Facts are cached per column, keyed by its first Arrow `Data` chunk, for as long as the table lives, so
 * `profileTable(data)` and `runQualityCheck(data, …)` over the same table compute each fact once.
 */
import { fmix32 } from '../shared/hash';
import { isAscii, isUtf8 } from 'node:buffer';
import { DataType, type Data } from 'apache-arrow';

/** Whether typed arrays are little-endian here (the word tricks below assume so, else fall back). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Rows handed to one call of a range kernel. Long loops run as repeated calls over ranges of this many
 * rows, so V8 optimizes the kernel after its first calls instead of running most of one long first call
 * in its slower tiers (a check meets each kernel cold, and only a few times).
 */
export const KERNEL_ROWS = 1 << 14;

// ---------------------------------------------------------------------------------------------------
// Sorting

/**
 * Distinct finite values, ascending, with the number of times each occurs: the runs of equal (`===`,
 * so −0 and 0 together, counted under the first of them) values of the sorted array.
 */
export interface SortedRuns {
  values: Float64Array;
  counts: Int32Array;
}

/** The runs of a sorted array. */
export function runsOf(sorted: Float64Array): SortedRuns {
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
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
  for (let i = 0; i < values.length && order.ordered; i += KERNEL_ROWS) orderRange(values, i, Math.min(values.length, i + KERNEL_ROWS), order);
  if (order.ordered) return orderedFinite(values, order.finite, order.strictly);
  if (values.length >= 512 && LITTLE_ENDIAN) {
    const table = new Uint32Array(3 * FEW_SLOTS);
    let size = 0;
    for (let start = 0; start < values.length && size >= 0; start += KERNEL_ROWS) size = countFewRange(values, table, start, Math.min(values.length, start + KERNEL_ROWS), size);
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
function copyFinite(values: Float64Array, n: number): Float64Array {
  if (n === values.length) return values.slice();
  const a = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v === 0) a[k++] = v;
  }
  return a;
}

/** Values already in order: their finite ones, and (strictly increasing) runs of one value each. */
function orderedFinite(values: Float64Array, n: number, strictly: boolean): { sorted: Float64Array; runs?: SortedRuns } {
  const sorted = copyFinite(values, n);
  return strictly ? { sorted, runs: { values: sorted, counts: new Int32Array(n).fill(1) } } : { sorted };
}

/** Sorts finite values in place (native sort below 512 values or on big-endian hosts, else radix) and returns them. */
function radixSort(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < 512 || !LITTLE_ENDIAN) return values.sort();
  let a: Float64Array = values;
  let b: Float64Array = new Float64Array(n);
  let wa: Uint32Array = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
  let wb: Uint32Array = new Uint32Array(b.buffer);
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
  return a;
}

/** Distinct values a few-distinct table holds at most. */
const FEW_DISTINCT = 1 << 14;
/** Slots of the table: (low word, high word, count) triples. */
const FEW_SLOTS = 2 * FEW_DISTINCT;

/** Slot of a value (by its two IEEE words) in the few-distinct table: its own, or the empty one to take. */
function fewSlot(table: Uint32Array, lo: number, hi: number): number {
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
 * The sorted values a few-distinct table counted, and their runs: the distinct values sorted, each
 * written as many times as it occurs (runs merge −0 into 0: they are ===, as a scan of the sorted array
 * would see them).
 */
function sortedFromFew(table: Uint32Array, size: number): { sorted: Float64Array; runs: SortedRuns } {
  const byValue = new Float64Array(size);
  const byValueWords = new Uint32Array(byValue.buffer);
  let n = 0;
  for (let slot = 0, k = 0; slot < FEW_SLOTS; slot++) {
    const at = 3 * slot;
    if (table[at + 2] === 0) continue;
    byValueWords[2 * k] = table[at];
    byValueWords[2 * k + 1] = table[at + 1];
    n += table[at + 2];
    k++;
  }
  byValue.sort();
  const sorted = new Float64Array(n);
  let runCount = 0;
  for (let k = 0; k < size; k++) if (k === 0 || byValue[k] !== byValue[k - 1]) runCount++;
  const runValues = new Float64Array(runCount);
  const runCounts = new Int32Array(runCount);
  let at = 0;
  let run = -1;
  for (let k = 0; k < size; k++) {
    const c = table[3 * fewSlot(table, byValueWords[2 * k], byValueWords[2 * k + 1]) + 2];
    sorted.fill(byValue[k], at, at + c);
    at += c;
    if (k === 0 || byValue[k] !== byValue[k - 1]) runValues[++run] = byValue[k];
    runCounts[run] += c;
  }
  return { sorted, runs: { values: runValues, counts: runCounts } };
}

// ---------------------------------------------------------------------------------------------------
// Distinct values

/** The distinct non-null values of a text column, numbered in order of first appearance. */
export interface DistinctValues {
  /** Per row: the id of its value, −1 where the cell is null. */
  readonly ids: Int32Array;
  /** Number of distinct values. */
  readonly size: number;
  /** Rows holding each id. */
  readonly counts: Int32Array;
  /** First row holding each id. */
  readonly firstRows: Int32Array;
  /** The text of an id (decoded once). */
  text(id: number): string;
  /** Length of an id's text in code points. */
  codePoints(id: number): number;
  /** The least and greatest {@link codePoints} over all ids ([Infinity, -Infinity] when there are none). */
  codePointRange(): [number, number];
  /** False only when the text of `id` is certainly non-empty and neither starts nor ends with white space. */
  maybeUntrimmed(id: number): boolean;
  /** The ids for which {@link maybeUntrimmed} is true, ascending (found in one pass). */
  maybeUntrimmedIds(): Int32Array;
}

class DistinctBuilder {
  size = 0;
  readonly ids: Int32Array;
  counts: Int32Array;
  firstRows: Int32Array;
  texts: (string | undefined)[] = [];

  constructor(rows: number, capacity: number) {
    this.ids = new Int32Array(rows).fill(-1);
    this.counts = new Int32Array(Math.max(16, capacity));
    this.firstRows = new Int32Array(Math.max(16, capacity));
  }

  /** A new id first seen at `row`. */
  add(row: number): number {
    const id = this.size++;
    if (id === this.counts.length) {
      const counts = new Int32Array(id * 2);
      counts.set(this.counts);
      this.counts = counts;
      const firstRows = new Int32Array(id * 2);
      firstRows.set(this.firstRows);
      this.firstRows = firstRows;
    }
    this.firstRows[id] = row;
    return id;
  }

  trim(): void {
    this.counts = this.counts.slice(0, this.size);
    this.firstRows = this.firstRows.slice(0, this.size);
  }

  /** The numbering of {@link DistinctParts} (computed in another thread). */
  static from(parts: DistinctParts): DistinctBuilder {
    const builder = new DistinctBuilder(0, 0);
    Object.assign(builder, { ids: parts.ids, size: parts.size, counts: parts.counts, firstRows: parts.firstRows, texts: parts.texts ? [...parts.texts] : [] });
    return builder;
  }
}

/**
 * The numbering behind a column's distinct values, as plain data (another thread computes it, this one
 * adopts it): ids per row, counts and first rows per id; for values numbered by their Utf8 bytes the rows
 * with a doubtful first or last byte, for values numbered by their text (dictionaries) the texts.
 */
export interface DistinctParts {
  by: 'bytes' | 'texts';
  ids: Int32Array;
  size: number;
  counts: Int32Array;
  firstRows: Int32Array;
  doubtful?: Int32Array;
  texts?: string[];
}

/** Distinct values and the numbering they were made from. */
interface Distinct {
  values: DistinctValues;
  parts: DistinctParts;
}

/** Whether a character is white space for `String.prototype.trim` (and `\s`). */
function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** A byte that may begin or end white space (or another character needing a closer look). */
function doubtfulEdgeByte(b: number): boolean {
  return b <= 0x20 || b >= 0x7f;
}


/**
 * Hashes the non-null values of rows from..to (bytes at starts[r]..ends[r]) and lists in `doubtful` the
 * rows whose value is empty or has a doubtful first or last byte; the rows hashed, −1 if one starts with a BOM.
 */
function hashUtf8Range(bytes: Uint8Array, view: DataView, starts: Int32Array, ends: Int32Array, mask: Uint8Array, hashes: Int32Array, doubtful: number[], from: number, to: number): number {
  let present = 0;
  for (let r = from; r < to; r++) {
    if (mask[r]) continue;
    const a = starts[r];
    const b = ends[r];
    if (a === b || doubtfulEdgeByte(bytes[a]) || doubtfulEdgeByte(bytes[b - 1])) {
      if (b - a >= 3 && bytes[a] === 0xef && bytes[a + 1] === 0xbb && bytes[a + 2] === 0xbf) return -1;
      doubtful.push(r);
    }
    let h = 0x811c9dc5 ^ (b - a);
    let p = a;
    for (; p + 4 <= b; p += 4) {
      h = Math.imul(h ^ view.getInt32(p, true), 0x5bd1e995);
      h ^= h >>> 15;
    }
    for (; p < b; p++) h = Math.imul(h ^ bytes[p], 0x01000193);
    hashes[r] = fmix32(h);
    present++;
  }
  return present;
}

/** Where the values of Utf8 rows are: byte ranges, and (several chunks) each row's chunk. */
interface Utf8Rows {
  chunks: readonly Data[];
  starts: Int32Array;
  ends: Int32Array;
  chunkOfRow: Int32Array | undefined;
  /** The bytes, when there is one chunk, and a view of them. */
  single: Uint8Array | undefined;
  view: DataView;
}

/** Where a Utf8 column's values are: byte ranges per row, each row's chunk, each chunk's bytes. */
interface Utf8Layout extends Utf8Rows {
  buffers: Buffer[];
  ascii: boolean[];
}

/** The layout of Utf8 chunks, or null when a chunk is not plain Utf8 or holds invalid UTF-8. */
function utf8Layout(chunks: readonly Data[], rows: number): Utf8Layout | null {
  const buffers: Buffer[] = [];
  const ascii: boolean[] = [];
  // Offsets as 32-bit integers (LargeUtf8 ones converted; beyond 2³¹ bytes the text path takes over).
  const offsetsOf: Int32Array[] = [];
  for (const chunk of chunks) {
    if (!(chunk.values instanceof Uint8Array)) return null;
    let offsets: Int32Array;
    if (DataType.isUtf8(chunk.type) && chunk.valueOffsets instanceof Int32Array) offsets = chunk.valueOffsets;
    else if (DataType.isLargeUtf8(chunk.type) && chunk.valueOffsets instanceof BigInt64Array) {
      const large = chunk.valueOffsets.subarray(0, chunk.length + 1);
      if (large.length > 0 && large[large.length - 1] > 0x7fffffffn) return null;
      offsets = Int32Array.from(large, Number);
    } else return null;
    const bytes = chunk.values;
    const used = bytes.subarray(offsets[0], offsets[chunk.length]);
    const isPlain = isAscii(used);
    if (!isPlain && !isUtf8(used)) return null;
    buffers.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    ascii.push(isPlain);
    offsetsOf.push(offsets);
  }
  const multi = chunks.length > 1;
  let starts: Int32Array;
  let ends: Int32Array;
  let chunkOfRow: Int32Array | undefined;
  if (!multi) {
    starts = offsetsOf[0].subarray(0, rows);
    ends = offsetsOf[0].subarray(1, rows + 1);
  } else {
    starts = new Int32Array(rows);
    ends = new Int32Array(rows);
    chunkOfRow = new Int32Array(rows);
    let row = 0;
    for (let k = 0; k < chunks.length; k++) {
      const offsets = offsetsOf[k];
      const n = chunks[k].length;
      starts.set(offsets.subarray(0, n), row);
      ends.set(offsets.subarray(1, n + 1), row);
      chunkOfRow.fill(k, row, row + n);
      row += n;
    }
  }
  const first = chunks[0].values as Uint8Array;
  return { chunks, starts, ends, chunkOfRow, single: multi ? undefined : first, view: new DataView(first.buffer, first.byteOffset, first.byteLength), buffers, ascii };
}

/**
 * Distinct values of Utf8 chunks by their bytes. Null when a chunk is not plain Utf8, holds invalid
 * UTF-8, or a value starting with a byte-order mark (text decoders drop it, so bytes and decoded text
 * would disagree on equality). Rows are hashed once ({@link distinctByHash}); equal hashes are always
 * confirmed byte by byte.
 */
function utf8Distinct(chunks: readonly Data[], rows: number, mask: Uint8Array): Distinct | null {
  const layout = utf8Layout(chunks, rows);
  if (!layout) return null;
  const { starts, ends } = layout;
  const hashes = new Int32Array(rows);
  const doubtful: number[] = [];
  let present = 0;
  let row = 0;
  for (const chunk of chunks) {
    const bytes = chunk.values as Uint8Array;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = row + chunk.length;
    for (let from = row; from < end; from += KERNEL_ROWS) {
      const hashed = hashUtf8Range(bytes, view, starts, ends, mask, hashes, doubtful, from, Math.min(end, from + KERNEL_ROWS));
      if (hashed < 0) return null;
      present += hashed;
    }
    row = end;
  }
  const builder = distinctByHash(layout, rows, mask, hashes, present);
  builder.trim();
  // The doubtful rows the hashing listed (ascending), where they hold their value first.
  const firstDoubtful = Int32Array.from(doubtful.filter((r) => builder.firstRows[builder.ids[r]] === r));
  const parts: DistinctParts = { by: 'bytes', ids: builder.ids, size: builder.size, counts: builder.counts, firstRows: builder.firstRows, doubtful: firstDoubtful };
  return { values: utf8DistinctValues(layout, builder, firstDoubtful), parts };
}

/** The distinct-values view of Utf8 chunks numbered by `builder` (`doubtful`: rows with a doubtful edge byte where their value first appears). */
function utf8DistinctValues(layout: Utf8Layout, builder: DistinctBuilder, doubtful: Int32Array): DistinctValues {
  const { chunks, starts, ends, chunkOfRow, buffers, ascii } = layout;
  const { size, firstRows } = builder;
  const texts = builder.texts;
  const idStart = new Int32Array(size);
  const idEnd = new Int32Array(size);
  const idChunk = new Int32Array(size);
  for (let id = 0; id < size; id++) {
    const r = firstRows[id];
    idStart[id] = starts[r];
    idEnd[id] = ends[r];
    idChunk[id] = chunkOfRow ? chunkOfRow[r] : 0;
  }
  return {
    ids: builder.ids,
    size,
    counts: builder.counts,
    firstRows,
    text(id: number): string {
      let t = texts[id];
      if (t === undefined) {
        const k = idChunk[id];
        t = texts[id] = buffers[k].toString(ascii[k] ? 'latin1' : 'utf8', idStart[id], idEnd[id]);
      }
      return t;
    },
    codePoints(id: number): number {
      const k = idChunk[id];
      if (ascii[k]) return idEnd[id] - idStart[id];
      const bytes = chunks[k].values as Uint8Array;
      let n = 0;
      for (let p = idStart[id]; p < idEnd[id]; p++) if ((bytes[p] & 0xc0) !== 0x80) n++;
      return n;
    },
    codePointRange(): [number, number] {
      let min = Infinity;
      let max = -Infinity;
      // ASCII chunks throughout: the byte lengths.
      if (ascii.every(Boolean)) {
        for (let id = 0; id < size; id++) {
          const length = idEnd[id] - idStart[id];
          if (length < min) min = length;
          if (length > max) max = length;
        }
        return [min, max];
      }
      for (let id = 0; id < size; id++) {
        const length = this.codePoints(id);
        if (length < min) min = length;
        if (length > max) max = length;
      }
      return [min, max];
    },
    maybeUntrimmed(id: number): boolean {
      const a = idStart[id];
      const b = idEnd[id];
      if (a === b) return true;
      const bytes = chunks[idChunk[id]].values as Uint8Array;
      return doubtfulEdgeByte(bytes[a]) || doubtfulEdgeByte(bytes[b - 1]);
    },
    maybeUntrimmedIds(): Int32Array {
      return doubtful.map((r) => builder.ids[r]);
    },
  };
}

/** Marks, for the non-null rows from..to, the hash prefixes (top bits) seen once and those seen again. */
function markSharedPrefixes(hashes: Int32Array, mask: Uint8Array, shift: number, seen: Int32Array, shared: Int32Array, from: number, to: number): void {
  for (let r = from; r < to; r++) {
    if (mask[r]) continue;
    const b = hashes[r] >>> shift;
    const word = b >>> 5;
    const bit = 1 << (b & 31);
    if (seen[word] & bit) shared[word] |= bit;
    else seen[word] |= bit;
  }
}

/** State of {@link numberRange}: the builder and the open-addressing table of (hash, id) pairs. */
interface NumberingState {
  builder: DistinctBuilder;
  table: Int32Array;
  capacity: number;
  inTable: number;
}

/** Whether rows r1 and r2 hold the same bytes. */
function sameBytes(at: Utf8Rows, r1: number, r2: number): boolean {
  let p = at.starts[r1];
  const end = at.ends[r1];
  let q = at.starts[r2];
  if (end - p !== at.ends[r2] - q) return false;
  const x = at.chunks[at.chunkOfRow ? at.chunkOfRow[r1] : 0].values as Uint8Array;
  const y = at.chunks[at.chunkOfRow ? at.chunkOfRow[r2] : 0].values as Uint8Array;
  for (; p < end; p++, q++) if (x[p] !== y[q]) return false;
  return true;
}

/**
 * Numbers the non-null rows from..to, in row order (see {@link distinctByHash}); the builder holds room
 * for every row. Without `shared`, every row goes through the table, which may then hold at most `limit`
 * values: false when it would need more.
 */
function numberRange(state: NumberingState, at: Utf8Rows, hashes: Int32Array, mask: Uint8Array, shift: number, shared: Int32Array | undefined, limit: number, from: number, to: number): boolean {
  const { builder } = state;
  const { ids, counts, firstRows } = builder;
  const { starts, ends, single, view } = at;
  let size = builder.size;
  let { table, capacity } = state;
  for (let r = from; r < to; r++) {
    if (mask[r]) continue;
    const h = hashes[r];
    const b = h >>> shift;
    if (shared && (shared[b >>> 5] & (1 << (b & 31))) === 0) {
      // A hash prefix no other row has: a value of its own.
      firstRows[size] = r;
      counts[size] = 1;
      ids[r] = size++;
      continue;
    }
    let slot = h & (capacity - 1);
    let id = -1;
    for (;;) {
      const candidate = table[2 * slot + 1];
      if (candidate < 0) break;
      if (table[2 * slot] === h) {
        let same: boolean;
        if (single) {
          // One chunk: the bytes compared inline.
          const f = firstRows[candidate];
          let p = starts[f];
          let q = starts[r];
          const end = ends[f];
          same = end - p === ends[r] - q;
          for (; same && p + 4 <= end; p += 4, q += 4) same = view.getInt32(p, true) === view.getInt32(q, true);
          while (same && p < end) same = single[p++] === single[q++];
        } else same = sameBytes(at, firstRows[candidate], r);
        if (same) {
          id = candidate;
          break;
        }
      }
      slot = (slot + 1) & (capacity - 1);
    }
    if (id < 0) {
      if (state.inTable === limit) return false;
      id = size++;
      firstRows[id] = r;
      table[2 * slot] = h;
      table[2 * slot + 1] = id;
      if (++state.inTable * 2 > capacity) {
        const old = table;
        capacity *= 2;
        table = new Int32Array(2 * capacity).fill(-1);
        for (let o = 0; o < old.length; o += 2) {
          if (old[o + 1] < 0) continue;
          let t = old[o] & (capacity - 1);
          while (table[2 * t + 1] >= 0) t = (t + 1) & (capacity - 1);
          table[2 * t] = old[o];
          table[2 * t + 1] = old[o + 1];
        }
        state.table = table;
        state.capacity = capacity;
      }
    }
    ids[r] = id;
    counts[id]++;
  }
  builder.size = size;
  return true;
}

/** Distinct values numbered by the table alone at most; beyond, the bitset prefilter takes over. */
const TABLE_ONLY_LIMIT = 1 << 15;

/**
 * Numbers rows by value, in order of first appearance, from their hashes. While they are few (at most
 * {@link TABLE_ONLY_LIMIT}), an open-addressing table alone numbers them. Else a first pass over two bitsets
 * indexed by the top hash bits finds the rows whose hash prefix is shared with another row; every other
 * row holds a value seen once (its own id, no lookup). Only the shared ones go through an open-addressing
 * table, each hash match confirmed byte by byte.
 */
function distinctByHash(at: Utf8Rows, rows: number, mask: Uint8Array, hashes: Int32Array, present: number): DistinctBuilder {
  // Few distinct values: the table alone (small, in cache) is fastest; the bitsets only pay off for many.
  const few: NumberingState = { builder: new DistinctBuilder(rows, present), table: new Int32Array(2 * 1024).fill(-1), capacity: 1024, inTable: 0 };
  let fits = true;
  for (let from = 0; from < rows && fits; from += KERNEL_ROWS) fits = numberRange(few, at, hashes, mask, 0, undefined, TABLE_ONLY_LIMIT, from, Math.min(rows, from + KERNEL_ROWS));
  if (fits) return few.builder;
  let bits = 1 << 10;
  while (bits < present * 16 && bits < 1 << 25) bits *= 2;
  const shift = 32 - Math.log2(bits);
  const seen = new Int32Array(bits >>> 5);
  const shared = new Int32Array(bits >>> 5);
  for (let from = 0; from < rows; from += KERNEL_ROWS) markSharedPrefixes(hashes, mask, shift, seen, shared, from, Math.min(rows, from + KERNEL_ROWS));
  const { builder } = few; // started over
  builder.size = 0;
  builder.ids.fill(-1);
  builder.counts.fill(0);
  const state: NumberingState = { builder, table: new Int32Array(2 * 1024).fill(-1), capacity: 1024, inTable: 0 };
  for (let from = 0; from < rows; from += KERNEL_ROWS) numberRange(state, at, hashes, mask, shift, shared, Infinity, from, Math.min(rows, from + KERNEL_ROWS));
  return state.builder;
}

/** Per dictionary: the text of each entry, as `String(dictionary.get(k))`. */
const dictionaryTexts = new WeakMap<object, string[]>();

/**
 * Gives rows from..to of a dictionary chunk (starting at row `base`) the id their index is numbered with;
 * returns the first row whose index is not numbered yet (or `to`).
 */
function indexRange(indices: Int32Array, base: number, local: Int32Array, mask: Uint8Array, ids: Int32Array, counts: Int32Array, from: number, to: number): number {
  for (let r = from; r < to; r++) {
    if (mask[r]) continue;
    const k = indices[r - base];
    const id = k >= 0 && k < local.length ? local[k] : -1;
    if (id < 0) return r;
    ids[r] = id;
    counts[id]++;
  }
  return to;
}

/** Distinct values of dictionary-encoded chunks, from their indices (entries of equal text share an id). */
function dictionaryDistinct(chunks: readonly Data[], rows: number, mask: Uint8Array): Distinct | null {
  for (const chunk of chunks) {
    const indices = chunk.values as unknown;
    const integerIndices = indices instanceof Int32Array || indices instanceof Int16Array || indices instanceof Int8Array || indices instanceof Uint32Array || indices instanceof Uint16Array || indices instanceof Uint8Array;
    if (!DataType.isDictionary(chunk.type) || !chunk.dictionary || !integerIndices) return null;
  }
  const builder = new DistinctBuilder(rows, 16);
  const byText = new Map<string, number>();
  const texts = builder.texts;
  const ids = builder.ids;
  let row = 0;
  for (const chunk of chunks) {
    const dictionary = chunk.dictionary!;
    let words = dictionaryTexts.get(dictionary);
    if (!words) {
      words = Array.from({ length: dictionary.length }, (_, k) => String(dictionary.get(k)));
      dictionaryTexts.set(dictionary, words);
    }
    const local = new Int32Array(words.length).fill(-1);
    const indices = chunk.values as Int32Array;
    const end = row + chunk.length;
    for (let from = row; from < end; from += KERNEL_ROWS) {
      const to = Math.min(end, from + KERNEL_ROWS);
      // The common case: every index already numbered (a new one, or one out of range, stops the kernel).
      for (let r = indexRange(indices, row, local, mask, ids, builder.counts, from, to); r < to; r = indexRange(indices, row, local, mask, ids, builder.counts, r + 1, to)) {
        const k = indices[r - row];
        if (!(k >= 0 && k < local.length)) return null;
        const word = words[k];
        let id = byText.get(word);
        if (id === undefined) {
          id = builder.add(r);
          texts[id] = word;
          byText.set(word, id);
        }
        local[k] = id;
        ids[r] = id;
        builder.counts[id]++;
      }
    }
    row = end;
  }
  builder.trim();
  return { values: textDistinct(builder), parts: { by: 'texts', ids, size: builder.size, counts: builder.counts, firstRows: builder.firstRows, texts: builder.texts as string[] } };
}

/** The distinct-values view over decoded texts. */
function textDistinct(builder: DistinctBuilder): DistinctValues {
  const texts = builder.texts as string[];
  return {
    ids: builder.ids,
    size: builder.size,
    counts: builder.counts,
    firstRows: builder.firstRows,
    text: (id) => texts[id],
    codePoints(id: number): number {
      const s = texts[id];
      let n = s.length;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) n--;
      }
      return n;
    },
    codePointRange(): [number, number] {
      let min = Infinity;
      let max = -Infinity;
      for (let id = 0; id < texts.length; id++) {
        const length = this.codePoints(id);
        if (length < min) min = length;
        if (length > max) max = length;
      }
      return [min, max];
    },
    maybeUntrimmed(id: number): boolean {
      const s = texts[id];
      return s.length === 0 || isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(s.length - 1));
    },
    maybeUntrimmedIds(): Int32Array {
      const out: number[] = [];
      for (let id = 0; id < texts.length; id++) {
        const s = texts[id];
        if (s.length === 0 || isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(s.length - 1))) out.push(id);
      }
      return Int32Array.from(out);
    },
  };
}

/** Distinct values of any per-row texts (null = missing), by a hash map: the fallback for other types. */
export function distinctOfTexts(values: readonly (string | null)[]): DistinctValues {
  const builder = new DistinctBuilder(values.length, 16);
  const byText = new Map<string, number>();
  for (let row = 0; row < values.length; row++) {
    const v = values[row];
    if (v === null) continue;
    let id = byText.get(v);
    if (id === undefined) {
      id = builder.add(row);
      builder.texts[id] = v;
      byText.set(v, id);
    }
    builder.ids[row] = id;
    builder.counts[id]++;
  }
  builder.trim();
  return textDistinct(builder);
}

// ---------------------------------------------------------------------------------------------------
// Facts of one column

/** What {@link ColumnFacts} learns in its one pass over a column's numbers. */
export interface NumericScan {
  stats: FiniteStats;
  /** Finite values in sort order (−0 before 0), and strictly increasing. */
  ordered: boolean;
  strictly: boolean;
  /** Distinct finite values counted in `table`, −1 when there were too many (then no table). */
  few: number;
  table: Uint32Array | undefined;
}

interface ScanState {
  n: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
  nonFinite: number;
  previous: number;
  ordered: boolean;
  strictly: boolean;
  few: number;
}

/**
 * The scan of rows start..end: Welford over the finite numbers in row order (non-null non-finite ones
 * counted apart), their order, and (while `few` ≥ 0) their count per distinct value in the table.
 */
function scanRange(s: ScanState, kinds: Set<number>, numbers: Float64Array, mask: Uint8Array, table: Uint32Array | undefined, start: number, end: number): void {
  let { n, mean, m2, min, max, previous, ordered, strictly, few } = s;
  const words = new Uint32Array(numbers.buffer, numbers.byteOffset + 8 * start, 2 * (end - start));
  for (let r = start; r < end; r++) {
    const x = numbers[r];
    if (x - x !== 0) {
      if (!mask[r]) {
        s.nonFinite++;
        kinds.add(x);
      }
      continue;
    }
    n++;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
    if (x < min) min = x;
    if (x > max) max = x;
    if (ordered && x <= previous) {
      if (x < previous || (x === 0 && Object.is(x, -0) && !Object.is(previous, -0))) ordered = false;
      else strictly = false;
    }
    previous = x;
    if (few >= 0 && table) {
      const lo = words[2 * (r - start)];
      const hi = words[2 * (r - start) + 1];
      const at = 3 * fewSlot(table, lo, hi);
      if (table[at + 2] === 0) {
        if (few === FEW_DISTINCT) {
          few = -1;
          continue;
        }
        few++;
        table[at] = lo;
        table[at + 1] = hi;
      }
      table[at + 2]++;
    }
  }
  s.n = n;
  s.mean = mean;
  s.m2 = m2;
  s.min = min;
  s.max = max;
  s.previous = previous;
  s.ordered = ordered;
  s.strictly = strictly;
  s.few = few;
}

/** Moments of a column's finite numbers, accumulated in row order (see {@link ColumnFacts.finiteStats}). */
export interface FiniteStats {
  /** Finite values. */
  n: number;
  mean: number;
  /** Sum of squared deviations (Welford): the sample variance is m2 / (n − 1). */
  m2: number;
  min: number;
  max: number;
  /** Non-null NaN and ±Infinity values, and how many distinct ones of those. */
  nonFinite: number;
  nonFiniteKinds: number;
}

/**
 * What a column's facts have computed, as plain data: computed in one thread ({@link ColumnFacts.parts}),
 * adopted by the same column's facts in another ({@link ColumnFacts.adopt}). Absent: not computed.
 */
export interface FactsParts {
  mask?: Uint8Array;
  nullRows?: Int32Array;
  numbers?: Float64Array | null;
  scanned?: NumericScan | null;
  sorted?: Float64Array;
  runs?: SortedRuns;
  distinct?: DistinctParts | null;
}

/** The buffers of facts parts (to hand them over to another thread instead of copying them). */
export function factsBuffers(parts: FactsParts): (ArrayBufferView | null | undefined)[] {
  const d = parts.distinct;
  return [parts.mask, parts.nullRows, parts.numbers, parts.scanned?.table, parts.sorted, parts.runs?.values, parts.runs?.counts, d?.ids, d?.counts, d?.firstRows, d?.doubtful];
}

export class ColumnFacts {
  readonly rows: number;
  private mask: Uint8Array | undefined;
  private numbersValue: Float64Array | null | undefined;
  private sorted: Float64Array | undefined;
  private runs: SortedRuns | undefined;
  private distinctValue: DistinctValues | null | undefined;
  private distinctParts: DistinctParts | null | undefined;
  private scanned: NumericScan | null | undefined;
  private nullRowList: Int32Array | undefined;

  constructor(readonly chunks: readonly Data[]) {
    let rows = 0;
    for (const chunk of chunks) rows += chunk.length;
    this.rows = rows;
  }

  /** 1 where the cell is null (Null-typed chunks are null throughout). */
  nullMask(): Uint8Array {
    if (this.mask) return this.mask;
    const out = new Uint8Array(this.rows);
    const nullRows: number[] = [];
    let row = 0;
    for (const chunk of this.chunks) {
      const n = chunk.length;
      if (chunk.typeId === 1) {
        out.fill(1, row, row + n);
        for (let i = 0; i < n; i++) nullRows.push(row + i);
      } else {
        const bitmap = chunk.nullBitmap as Uint8Array | undefined;
        if (chunk.nullCount > 0 && bitmap && bitmap.length > 0) {
          const offset = chunk.offset;
          let i = 0;
          // Whole bitmap bytes with no null (0xff) are skipped eight rows at a time.
          if ((offset & 7) === 0) {
            const first = offset >> 3;
            for (; i + 8 <= n; i += 8) {
              const byte = bitmap[first + (i >> 3)];
              if (byte === 0xff) continue;
              for (let k = 0; k < 8; k++) {
                if ((byte & (1 << k)) === 0) {
                  out[row + i + k] = 1;
                  nullRows.push(row + i + k);
                }
              }
            }
          }
          for (; i < n; i++) {
            const p = offset + i;
            if ((bitmap[p >> 3] & (1 << (p & 7))) === 0) {
              out[row + i] = 1;
              nullRows.push(row + i);
            }
          }
        }
      }
      row += n;
    }
    this.nullRowList = Int32Array.from(nullRows);
    return (this.mask = out);
  }

  nullCount(): number {
    return this.nullRows().length;
  }

  /** The rows whose cell is null, ascending. */
  nullRows(): Int32Array {
    if (!this.nullRowList) this.nullMask();
    return this.nullRowList as Int32Array;
  }

  /**
   * The values as numbers, NaN where null, as Arrow's `get` gives them, for integer (Number of 64-bit
   * ones), float (not 16-bit), boolean (0/1), date (epoch ms) and timestamp (epoch ms, fractional for
   * micro- and nanoseconds) columns; null for other types (callers fall back to reading values one by one).
   */
  numbers(): Float64Array | null {
    if (this.numbersValue !== undefined) return this.numbersValue;
    for (const chunk of this.chunks) {
      if (!numberKind(chunk)) return (this.numbersValue = null);
    }
    const out = new Float64Array(this.rows);
    let row = 0;
    for (const chunk of this.chunks) {
      const n = chunk.length;
      const kind = numberKind(chunk);
      const values = chunk.values as unknown;
      if (kind === 'plain') out.set((values as Float64Array).subarray(0, n), row);
      else if ((kind === 'bigint' || kind === 'seconds') && !LITTLE_ENDIAN) {
        const array = values as BigInt64Array | BigUint64Array;
        const scale = kind === 'seconds' ? 1000 : 1;
        for (let i = 0; i < n; i++) out[row + i] = scale * Number(array[i]);
      } else if (kind === 'bigint' || kind === 'seconds') {
        const array = values as BigInt64Array | BigUint64Array;
        const words = new Uint32Array(array.buffer, array.byteOffset, 2 * n);
        const signed = array instanceof BigInt64Array;
        const scale = kind === 'seconds' ? 1000 : 1;
        for (let i = 0; i < n; i += KERNEL_ROWS) int64Range(words, signed, scale, out, row, i, Math.min(n, i + KERNEL_ROWS));
      } else if ((kind === 'micros' || kind === 'nanos') && LITTLE_ENDIAN) {
        const array = values as BigInt64Array | BigUint64Array;
        const words = new Uint32Array(array.buffer, array.byteOffset, 2 * n);
        const divisor = kind === 'micros' ? 1000 : 1_000_000;
        for (let i = 0; i < n; i += KERNEL_ROWS) dividedRange(array, words, array instanceof BigInt64Array, divisor, out, row, i, Math.min(n, i + KERNEL_ROWS));
      } else if (kind === 'micros' || kind === 'nanos') {
        const array = values as BigInt64Array | BigUint64Array;
        const divisor = BigInt(kind === 'micros' ? 1000 : 1_000_000);
        for (let i = 0; i < n; i++) out[row + i] = Number(array[i] / divisor) + Number(array[i] % divisor) / Number(divisor);
      } else if (kind === 'days') {
        const v = values as Int32Array;
        for (let i = 0; i < n; i += KERNEL_ROWS) daysRange(v, out, row, i, Math.min(n, i + KERNEL_ROWS));
      } else if (kind === 'bool') {
        const bits = values as Uint8Array;
        for (let i = 0; i < n; i += KERNEL_ROWS) bitsRange(bits, chunk.offset, out, row, i, Math.min(n, i + KERNEL_ROWS));
      }
      row += n;
    }
    for (const r of this.nullRows()) out[r] = NaN;
    return (this.numbersValue = out);
  }

  /**
   * Count, mean, M2 (Welford, in row order), min and max of the finite numbers, and the non-finite ones
   * (NaN, ±Infinity, nulls excluded); null when {@link numbers} is.
   */
  finiteStats(): FiniteStats | null {
    return this.scan()?.stats ?? null;
  }

  /**
   * One pass over the numbers, kernel by kernel, for what the profile and the rules need of them: the
   * Welford moments, whether they are already in order, and their distinct values while those are few
   * (the sort then only orders the distinct values). The moment updates form a chain of dependent
   * divisions; the order check and the counting run in its shadow.
   */
  private scan(): NumericScan | null {
    if (this.scanned !== undefined) return this.scanned;
    const numbers = this.numbers();
    if (!numbers) return (this.scanned = null);
    const mask = this.nullMask();
    const table = LITTLE_ENDIAN && numbers.length >= 512 ? new Uint32Array(3 * FEW_SLOTS) : undefined;
    const s: ScanState = { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, nonFinite: 0, previous: -Infinity, ordered: true, strictly: true, few: table ? 0 : -1 };
    const kinds = new Set<number>();
    for (let start = 0; start < numbers.length; start += KERNEL_ROWS) scanRange(s, kinds, numbers, mask, table, start, Math.min(numbers.length, start + KERNEL_ROWS));
    const stats: FiniteStats = { n: s.n, mean: s.mean, m2: s.m2, min: s.min, max: s.max, nonFinite: s.nonFinite, nonFiniteKinds: kinds.size };
    return (this.scanned = { stats, ordered: s.ordered, strictly: s.strictly, few: s.few, table: s.few >= 0 ? table : undefined });
  }

  /** The finite numbers, sorted (null when {@link numbers} is). */
  sortedFinite(): Float64Array | null {
    if (this.sorted) return this.sorted;
    const scan = this.scan();
    const numbers = this.numbers();
    if (!scan || !numbers) return null;
    const { sorted, runs } = scan.ordered
      ? orderedFinite(numbers, scan.stats.n, scan.strictly)
      : scan.table
        ? sortedFromFew(scan.table, scan.few)
        : { sorted: radixSort(copyFinite(numbers, scan.stats.n)), runs: undefined };
    scan.table = undefined;
    this.runs = runs;
    return (this.sorted = sorted);
  }

  /** The runs of {@link sortedFinite}: distinct finite values and their counts (null when {@link numbers} is). */
  sortedRuns(): SortedRuns | null {
    if (this.runs) return this.runs;
    const sorted = this.sortedFinite();
    if (!sorted) return null;
    return (this.runs ??= runsOf(sorted));
  }

  /** Distinct values of a Utf8, LargeUtf8 or dictionary-encoded column (null for other types). */
  distinct(): DistinctValues | null {
    if (this.distinctValue !== undefined) return this.distinctValue;
    const first = this.chunks[0];
    const mask = this.nullMask();
    let result: Distinct | null = null;
    if (!first) result = null;
    else if (DataType.isUtf8(first.type) || DataType.isLargeUtf8(first.type)) result = utf8Distinct(this.chunks, this.rows, mask);
    else if (DataType.isDictionary(first.type)) result = dictionaryDistinct(this.chunks, this.rows, mask);
    this.distinctParts = result?.parts ?? null;
    return (this.distinctValue = result?.values ?? null);
  }

  /** What these facts have computed so far, as plain data (see {@link FactsParts}). */
  parts(): FactsParts {
    return {
      mask: this.mask,
      nullRows: this.nullRowList,
      numbers: this.numbersValue,
      scanned: this.scanned,
      sorted: this.sorted,
      runs: this.runs,
      distinct: this.distinctParts,
    };
  }

  /**
   * Takes over what the facts of the same column computed in another thread (their {@link parts}), so
   * that nothing is computed twice; what is computed here already is kept.
   */
  adopt(parts: FactsParts): void {
    this.mask ??= parts.mask;
    this.nullRowList ??= parts.nullRows;
    if (this.numbersValue === undefined) this.numbersValue = parts.numbers;
    if (this.scanned === undefined) this.scanned = parts.scanned;
    this.sorted ??= parts.sorted;
    this.runs ??= parts.runs;
    if (this.distinctValue !== undefined || parts.distinct === undefined) return;
    const d = parts.distinct;
    this.distinctParts = d;
    if (d === null) this.distinctValue = null;
    else if (d.by === 'texts') this.distinctValue = textDistinct(DistinctBuilder.from(d));
    else {
      const layout = utf8Layout(this.chunks, this.rows);
      this.distinctValue = layout && d.doubtful ? utf8DistinctValues(layout, DistinctBuilder.from(d), d.doubtful) : undefined;
    }
  }
}

type NumberKind = 'plain' | 'bigint' | 'days' | 'seconds' | 'micros' | 'nanos' | 'bool';

/**
 * 64-bit integers i0..i1 divided by `divisor` as Arrow's `get` does it for micro- and nanosecond
 * timestamps: Number(v / d) + Number(v % d) / Number(d) with BigInt division (truncating). Below 2⁵³ in
 * magnitude the quotient and remainder are computed exactly in doubles (then corrected by one step if the
 * rounded quotient was off), above with BigInt.
 */
function dividedRange(array: BigInt64Array | BigUint64Array, words: Uint32Array, signed: boolean, divisor: number, out: Float64Array, row: number, i0: number, i1: number): void {
  const big = BigInt(divisor);
  for (let i = i0; i < i1; i++) {
    const hi = signed ? words[2 * i + 1] | 0 : words[2 * i + 1];
    const v = hi * 4294967296 + words[2 * i];
    if (!(Math.abs(v) < 2 ** 53)) {
      const b = array[i];
      out[row + i] = Number(b / big) + Number(b % big) / divisor;
      continue;
    }
    let q = Math.trunc(v / divisor);
    let r = v - q * divisor;
    if (v >= 0) {
      if (r < 0) {
        q -= 1;
        r += divisor;
      } else if (r >= divisor) {
        q += 1;
        r -= divisor;
      }
    } else if (r > 0) {
      q += 1;
      r -= divisor;
    } else if (r <= -divisor) {
      q -= 1;
      r += divisor;
    }
    // Number(0n) is +0: a quotient of −0 reads as 0.
    out[row + i] = (q === 0 ? 0 : q) + r / divisor;
  }
}

/** 64-bit integers (little-endian words) i0..i1 as numbers × scale: hi · 2³² + lo is one correctly rounded addition of exact terms, the value of Number(bigint). */
function int64Range(words: Uint32Array, signed: boolean, scale: number, out: Float64Array, row: number, i0: number, i1: number): void {
  for (let i = i0; i < i1; i++) {
    const hi = signed ? words[2 * i + 1] | 0 : words[2 * i + 1];
    out[row + i] = scale * (hi * 4294967296 + words[2 * i]);
  }
}

/** Date32 days i0..i1 as epoch ms. */
function daysRange(days: Int32Array, out: Float64Array, row: number, i0: number, i1: number): void {
  for (let i = i0; i < i1; i++) out[row + i] = 86_400_000 * days[i];
}

/** Booleans i0..i1 (bits from `offset`) as 0/1. */
function bitsRange(bits: Uint8Array, offset: number, out: Float64Array, row: number, i0: number, i1: number): void {
  for (let i = i0; i < i1; i++) {
    const p = offset + i;
    out[row + i] = (bits[p >> 3] >> (p & 7)) & 1;
  }
}

/** How a chunk's values become numbers, or undefined when they are read some other way. */
function numberKind(chunk: Data): NumberKind | undefined {
  const type = chunk.type;
  const values = chunk.values as unknown;
  const big = values instanceof BigInt64Array || values instanceof BigUint64Array;
  if (DataType.isInt(type)) {
    if (type.bitWidth === 64) return big ? 'bigint' : undefined;
    return ArrayBuffer.isView(values) && !big && chunk.stride === 1 ? 'plain' : undefined;
  }
  if (DataType.isFloat(type)) return (values instanceof Float64Array || values instanceof Float32Array) && chunk.stride === 1 ? 'plain' : undefined;
  if (DataType.isBool(type)) return values instanceof Uint8Array ? 'bool' : undefined;
  if (DataType.isDate(type)) {
    if (type.unit === 0) return values instanceof Int32Array ? 'days' : undefined;
    return big ? 'bigint' : undefined;
  }
  if (DataType.isTimestamp(type)) {
    if ((type.unit as number) === 0) return big ? 'seconds' : undefined;
    if ((type.unit as number) === 1) return big ? 'bigint' : undefined;
    if ((type.unit as number) === 2) return big ? 'micros' : undefined;
    if ((type.unit as number) === 3) return big ? 'nanos' : undefined;
  }
  return undefined;
}

/** {@link FiniteStats} of numbers (NaN where `mask` says null). */
export function computeFiniteStats(numbers: Float64Array, mask: Uint8Array): FiniteStats {
  // The column scan without its distinct-value table: the same moments, accumulated in the same order.
  const s: ScanState = { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, nonFinite: 0, previous: -Infinity, ordered: true, strictly: true, few: -1 };
  const kinds = new Set<number>();
  for (let start = 0; start < numbers.length; start += KERNEL_ROWS) scanRange(s, kinds, numbers, mask, undefined, start, Math.min(numbers.length, start + KERNEL_ROWS));
  return { n: s.n, mean: s.mean, m2: s.m2, min: s.min, max: s.max, nonFinite: s.nonFinite, nonFiniteKinds: kinds.size };
}

let cache = new WeakMap<Data, ColumnFacts[]>();

/** The (cached) facts of a column given as its Arrow chunks. */
export function columnFacts(chunks: readonly Data[]): ColumnFacts {
  const first = chunks[0];
  if (!first) return new ColumnFacts(chunks);
  let list = cache.get(first);
  if (!list) cache.set(first, (list = []));
  for (const facts of list) {
    if (facts.chunks.length === chunks.length && facts.chunks.every((c, i) => c === chunks[i])) return facts;
  }
  const facts = new ColumnFacts([...chunks]);
  list.push(facts);
  return facts;
}

/** Forgets every cached fact (benchmarks measure cold computations with it). */
export function clearColumnFactsCache(): void {
  cache = new WeakMap();
}
