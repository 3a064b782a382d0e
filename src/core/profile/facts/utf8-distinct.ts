/**
 * Distinct values of Utf8 columns told apart by their bytes: each row's value hashed once, equal hashes
 * always confirmed byte by byte, rows numbered in order of first appearance.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { DataType, type Data } from 'apache-arrow';
import { countSorted } from '../../shared/count-sorted';
import { fmix32 } from '../../shared/hash';
import { kernelRanges } from './kernels';
import { DistinctBuilder, doubtfulEdgeByte, type DistinctValues } from './distinct-values';

/**
 * Hashes the non-null values of rows from..to of one chunk (bytes at offsets[r − base]..offsets[r − base + 1],
 * the chunk's first row being row `base`) and lists in `doubtful` the rows whose value is empty or has a
 * doubtful first or last byte; the rows hashed, −1 if one starts with a BOM.
 */
function hashUtf8Range(bytes: Uint8Array, view: DataView, offsets: Int32Array, base: number, mask: Uint8Array, hashes: Int32Array, doubtful: number[], from: number, to: number): number {
  let present = 0;
  for (let r = from; r < to; r++) {
    if (mask[r]) continue;
    const a = offsets[r - base];
    const b = offsets[r - base + 1];
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

/**
 * Where the values of Utf8 rows are, read from the chunks themselves (no per-row copy of their offsets): row r
 * of chunk k is column row firstRowOf[k] + r, its bytes offsets[k][r]..offsets[k][r + 1] of views[k].
 */
interface Utf8Rows {
  offsets: Int32Array[];
  /** The column row of each chunk's first row, then the column's rows (ascending). */
  firstRowOf: Int32Array;
  /** A view of each chunk's bytes. */
  views: DataView[];
}

/** The last chunk starting at or before `row` (the one holding it, empty chunks skipped): a binary search over the chunks. */
function chunkOfRow(firstRowOf: Int32Array, row: number): number {
  return Math.max(0, countSorted(firstRowOf, row, false, firstRowOf.length - 1) - 1);
}

/**
 * Distinct values of Utf8 chunks by their bytes. Null when a chunk is not plain Utf8, holds invalid
 * UTF-8, or a value starting with a byte-order mark (text decoders drop it, so bytes and decoded text
 * would disagree on equality). Rows are hashed once ({@link distinctByHash}); equal hashes are always
 * confirmed byte by byte.
 */
export function utf8Distinct(chunks: readonly Data[], rows: number, mask: Uint8Array): DistinctValues | null {
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
  const firstRowOf = new Int32Array(chunks.length + 1);
  for (let k = 0; k < chunks.length; k++) firstRowOf[k + 1] = firstRowOf[k] + chunks[k].length;
  const hashes = new Int32Array(rows);
  const doubtful: number[] = [];
  let present = 0;
  const views: DataView[] = [];
  for (const [k, chunk] of chunks.entries()) {
    const bytes = chunk.values as Uint8Array;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    views.push(view);
    for (const [from, to] of kernelRanges(firstRowOf[k], firstRowOf[k + 1])) {
      const hashed = hashUtf8Range(bytes, view, offsetsOf[k], firstRowOf[k], mask, hashes, doubtful, from, to);
      if (hashed < 0) return null;
      present += hashed;
    }
  }
  const at: Utf8Rows = { offsets: offsetsOf, firstRowOf, views };
  const builder = distinctByHash(at, rows, mask, hashes, present);
  builder.trim();
  const { size, firstRows } = builder;
  const texts = builder.texts;
  const bytesOf = new ValueBytes(at, firstRows, size);
  const allAscii = ascii.every(Boolean);
  return {
    ids: builder.ids,
    size,
    counts: builder.counts,
    firstRows,
    text(id: number): string {
      let t = texts[id];
      if (t === undefined) {
        const k = bytesOf.chunk(id);
        t = texts[id] = buffers[k].toString(ascii[k] ? 'latin1' : 'utf8', bytesOf.start(id), bytesOf.end(id));
      }
      return t;
    },
    codePoints(id: number): number {
      if (allAscii) return bytesOf.length(id);
      const k = bytesOf.chunk(id);
      if (ascii[k]) return bytesOf.length(id);
      const bytes = chunks[k].values as Uint8Array;
      let n = 0;
      for (let p = bytesOf.start(id), end = bytesOf.end(id); p < end; p++) if ((bytes[p] & 0xc0) !== 0x80) n++;
      return n;
    },
    codePointRange(): [number, number] {
      let min = Infinity;
      let max = -Infinity;
      // ASCII chunks throughout: the byte lengths.
      if (allAscii) {
        for (let id = 0; id < size; id++) {
          const length = bytesOf.length(id);
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
      const a = bytesOf.start(id);
      const b = bytesOf.end(id);
      if (a === b) return true;
      const bytes = chunks[bytesOf.chunk(id)].values as Uint8Array;
      return doubtfulEdgeByte(bytes[a]) || doubtfulEdgeByte(bytes[b - 1]);
    },
    maybeUntrimmedIds(): Int32Array {
      // The doubtful rows the hashing listed (ascending), where they hold their value first.
      const ids = builder.ids;
      return Int32Array.from(doubtful.filter((r) => firstRows[ids[r]] === r).map((r) => ids[r]));
    },
  };
}

/**
 * Where the bytes of each distinct value are (its chunk, its start and end in that chunk's bytes), found through
 * the first row holding it, read from the chunks' offsets (nothing copied). Ids are numbered in order of first
 * appearance, so the ids first seen in each chunk are a range: an id's chunk is the last one asked for when it
 * holds the id (ids are mostly read in order), else found by a binary search over those ranges.
 */
class ValueBytes {
  /** The first id of each chunk (as firstRowOf for rows): the first id whose first row is in it or after it. */
  private readonly firstIdOf: Int32Array;
  /** The chunk last asked for: its index, ids lo..hi, its offsets and the column row of its first row. */
  private k = 0;
  private lo = 0;
  private hi = 0;
  private offsets: Int32Array;
  private base = 0;

  constructor(
    private readonly at: Utf8Rows,
    private readonly firstRows: Int32Array,
    size: number,
  ) {
    const { firstRowOf } = at;
    this.firstIdOf = new Int32Array(firstRowOf.length);
    for (let k = 0; k < firstRowOf.length; k++) this.firstIdOf[k] = countSorted(firstRows, firstRowOf[k], true, size);
    this.firstIdOf[firstRowOf.length - 1] = size;
    this.offsets = at.offsets[0] ?? new Int32Array(1);
    this.hi = at.offsets.length > 0 ? this.firstIdOf[1] : 0;
  }

  /** Makes the chunk holding `id` the one last asked for. */
  private seek(id: number): void {
    const k = chunkOfRow(this.firstIdOf, id);
    this.k = k;
    this.lo = this.firstIdOf[k];
    this.hi = this.firstIdOf[k + 1];
    this.offsets = this.at.offsets[k];
    this.base = this.at.firstRowOf[k];
  }

  chunk(id: number): number {
    if (id < this.lo || id >= this.hi) this.seek(id);
    return this.k;
  }

  start(id: number): number {
    if (id < this.lo || id >= this.hi) this.seek(id);
    return this.offsets[this.firstRows[id] - this.base];
  }

  end(id: number): number {
    if (id < this.lo || id >= this.hi) this.seek(id);
    return this.offsets[this.firstRows[id] - this.base + 1];
  }

  /** The number of bytes (end − start). */
  length(id: number): number {
    if (id < this.lo || id >= this.hi) this.seek(id);
    const i = this.firstRows[id] - this.base;
    return this.offsets[i + 1] - this.offsets[i];
  }
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

/**
 * Numbers the non-null rows from..to of chunk `k`, in row order (see {@link distinctByHash}); the builder holds
 * room for every value numbered. Without `shared`, every row goes through the table, which may then hold at
 * most `limit` values (the builder's room): false when it would need more.
 */
function numberRange(state: NumberingState, at: Utf8Rows, k: number, hashes: Int32Array, mask: Uint8Array, shift: number, shared: Int32Array | undefined, limit: number, from: number, to: number): boolean {
  const { builder } = state;
  const { ids, counts, firstRows } = builder;
  const { offsets: offsetsOf, firstRowOf, views } = at;
  const offsets = offsetsOf[k];
  const base = firstRowOf[k];
  const view = views[k];
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
        // The bytes compared inline, four at a time (the first row's chunk searched for when it is an earlier one).
        const f = firstRows[candidate];
        const kf = f >= base ? k : chunkOfRow(firstRowOf, f);
        const fOffsets = offsetsOf[kf];
        let p = fOffsets[f - firstRowOf[kf]];
        const end = fOffsets[f - firstRowOf[kf] + 1];
        let q = offsets[r - base];
        let same = end - p === offsets[r - base + 1] - q;
        const x = views[kf];
        for (; same && p + 4 <= end; p += 4, q += 4) same = x.getInt32(p, true) === view.getInt32(q, true);
        for (; same && p < end; p++, q++) same = x.getUint8(p) === view.getUint8(q);
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

/** Calls `run(k, from, to)` over each chunk's rows, kernel range by kernel range, while it returns true; false if it stopped. */
function eachChunkRange(at: Utf8Rows, run: (k: number, from: number, to: number) => boolean): boolean {
  for (let k = 0; k + 1 < at.firstRowOf.length; k++) {
    for (const [from, to] of kernelRanges(at.firstRowOf[k], at.firstRowOf[k + 1])) if (!run(k, from, to)) return false;
  }
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
  if (!numberingPrimed) primeNumbering();
  // Few distinct values: the table alone (small, in cache) is fastest; the bitsets only pay off for many. A
  // column whose first values nearly all differ would only fill the table up to its limit and start over.
  const nearlyDistinct = present > 4 * TABLE_ONLY_LIMIT && nearlyAllDistinct(hashes, mask);
  const few: NumberingState = { builder: new DistinctBuilder(rows, nearlyDistinct ? present : Math.min(present, TABLE_ONLY_LIMIT)), table: new Int32Array(2 * 1024).fill(-1), capacity: 1024, inTable: 0 };
  if (!nearlyDistinct && eachChunkRange(at, (k, from, to) => numberRange(few, at, k, hashes, mask, 0, undefined, TABLE_ONLY_LIMIT, from, to))) return few.builder;
  let bits = 1 << 10;
  while (bits < present * 16 && bits < 1 << 25) bits *= 2;
  const shift = 32 - Math.log2(bits);
  const seen = new Int32Array(bits >>> 5);
  const shared = new Int32Array(bits >>> 5);
  for (const [from, to] of kernelRanges(0, rows)) markSharedPrefixes(hashes, mask, shift, seen, shared, from, to);
  const { builder } = few; // started over (unless not started), with room for every row
  if (!nearlyDistinct) builder.reset(present);
  const state: NumberingState = { builder, table: new Int32Array(2 * 1024).fill(-1), capacity: 1024, inTable: 0 };
  eachChunkRange(at, (k, from, to) => numberRange(state, at, k, hashes, mask, shift, shared, Infinity, from, to));
  return state.builder;
}

/** Non-null rows at the start of a column that {@link nearlyAllDistinct} looks at. */
const DISTINCT_SAMPLE_ROWS = 2048;

/**
 * Whether the first {@link DISTINCT_SAMPLE_ROWS} non-null rows (all of them, if fewer) nearly all (90%) hold
 * hashes of their own: a column of ids, codes or free text, whose values the table alone cannot number.
 */
function nearlyAllDistinct(hashes: Int32Array, mask: Uint8Array): boolean {
  const capacity = 4 * DISTINCT_SAMPLE_ROWS;
  const table = new Int32Array(capacity);
  const used = new Uint8Array(capacity);
  let sampled = 0;
  let repeats = 0;
  for (let r = 0; r < hashes.length && sampled < DISTINCT_SAMPLE_ROWS; r++) {
    if (mask[r]) continue;
    sampled++;
    const h = hashes[r];
    let slot = h & (capacity - 1);
    while (used[slot] && table[slot] !== h) slot = (slot + 1) & (capacity - 1);
    if (used[slot]) repeats++;
    else {
      used[slot] = 1;
      table[slot] = h;
    }
  }
  return repeats <= sampled / 10;
}

/** Whether {@link primeNumbering} has run in this process. */
let numberingPrimed = false;

/** Rows of the priming column given values of their own: enough to grow the numbering table once (half of 1,024 slots). */
const PRIMING_GROWTH_ROWS = 600;

/**
 * Runs the numbering kernels once over a small made-up column of two chunks that takes every path they have (a
 * null row, a repeat within a chunk and from an earlier one, equal hashes of different bytes, a value of four
 * bytes and more and a shorter one, the table grown, the table-only limit reached, hash prefixes seen once and
 * shared), so V8 compiles them with feedback from all their code. Else the first column's data decides what
 * they have met when compiled, and each path a later column takes first deoptimizes them (seen: numberRange
 * compiled 11 times in one check of the bench file, 65-80 ms of compiling, for ~10 of them).
 */
function primeNumbering(): void {
  numberingPrimed = true;
  const words = ['abcdef', 'abcdef', 'uvwxyz', '', 'ab', 'abcdef', 'uvwxyz', 'ab'];
  const chunkRows = [5, words.length - 5 + PRIMING_GROWTH_ROWS];
  const rows = chunkRows[0] + chunkRows[1];
  const hashes = new Int32Array(rows);
  for (let r = 0; r < rows; r++) hashes[r] = r < words.length ? (words[r] === 'ab' ? 0x2468ace : 0x13579bd) : Math.imul(r, 0x9e3779b1);
  const mask = new Uint8Array(rows);
  mask[3] = 1;
  const firstRowOf = Int32Array.from([0, chunkRows[0], rows]);
  const offsets: Int32Array[] = [];
  const views: DataView[] = [];
  for (let k = 0; k < 2; k++) {
    const values = Array.from({ length: chunkRows[k] }, (_, i) => words[firstRowOf[k] + i] ?? '');
    const bytes = Buffer.from(values.join(''), 'latin1');
    const chunkOffsets = new Int32Array(values.length + 1);
    values.forEach((value, i) => (chunkOffsets[i + 1] = chunkOffsets[i] + value.length));
    offsets.push(chunkOffsets);
    views.push(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  const at: Utf8Rows = { offsets, firstRowOf, views };
  const builder = new DistinctBuilder(rows, rows);
  const few: NumberingState = { builder, table: new Int32Array(2 * 1024).fill(-1), capacity: 1024, inTable: 0 };
  eachChunkRange(at, (k, from, to) => numberRange(few, at, k, hashes, mask, 0, undefined, TABLE_ONLY_LIMIT, from, to));
  builder.reset(rows);
  const limited: NumberingState = { builder, table: new Int32Array(2 * 1024).fill(-1), capacity: 1024, inTable: 0 };
  numberRange(limited, at, 0, hashes, mask, 0, undefined, 1, 0, chunkRows[0]);
  const bits = 1 << 10;
  const seen = new Int32Array(bits >>> 5);
  const shared = new Int32Array(bits >>> 5);
  markSharedPrefixes(hashes, mask, 22, seen, shared, 0, rows);
  builder.reset(rows);
  const state: NumberingState = { builder, table: new Int32Array(2 * 1024).fill(-1), capacity: 1024, inTable: 0 };
  eachChunkRange(at, (k, from, to) => numberRange(state, at, k, hashes, mask, 22, shared, Infinity, from, to));
  builder.trim();
}
