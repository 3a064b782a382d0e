/**
 * Distinct values of Utf8 columns told apart by their bytes: each row's value hashed once, equal hashes
 * always confirmed byte by byte, rows numbered in order of first appearance.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { DataType, type Data } from 'apache-arrow';
import { fmix32 } from '../../shared/hash';
import { kernelRanges } from './kernels';
import { DistinctBuilder, doubtfulEdgeByte, type DistinctValues } from './distinct-values';

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
  starts: Int32Array;
  ends: Int32Array;
  chunkOfRow: Int32Array | undefined;
  /** A view of each chunk's bytes. */
  views: DataView[];
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
  const hashes = new Int32Array(rows);
  const doubtful: number[] = [];
  let present = 0;
  let row = 0;
  const views: DataView[] = [];
  for (const chunk of chunks) {
    const bytes = chunk.values as Uint8Array;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    views.push(view);
    const end = row + chunk.length;
    for (const [from, to] of kernelRanges(row, end)) {
      const hashed = hashUtf8Range(bytes, view, starts, ends, mask, hashes, doubtful, from, to);
      if (hashed < 0) return null;
      present += hashed;
    }
    row = end;
  }
  const builder = distinctByHash({ starts, ends, chunkOfRow, views }, rows, mask, hashes, present);
  builder.trim();
  const { size, firstRows } = builder;
  const texts = builder.texts;
  const at = valueBytesOf(starts, ends, chunkOfRow, firstRows, size);
  return {
    ids: builder.ids,
    size,
    counts: builder.counts,
    firstRows,
    text(id: number): string {
      let t = texts[id];
      if (t === undefined) {
        const k = at.chunk(id);
        t = texts[id] = buffers[k].toString(ascii[k] ? 'latin1' : 'utf8', at.start(id), at.end(id));
      }
      return t;
    },
    codePoints(id: number): number {
      const k = at.chunk(id);
      if (ascii[k]) return at.end(id) - at.start(id);
      const bytes = chunks[k].values as Uint8Array;
      let n = 0;
      for (let p = at.start(id), end = at.end(id); p < end; p++) if ((bytes[p] & 0xc0) !== 0x80) n++;
      return n;
    },
    codePointRange(): [number, number] {
      let min = Infinity;
      let max = -Infinity;
      // ASCII chunks throughout: the byte lengths.
      if (ascii.every(Boolean)) {
        for (let id = 0; id < size; id++) {
          const length = at.end(id) - at.start(id);
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
      const a = at.start(id);
      const b = at.end(id);
      if (a === b) return true;
      const bytes = chunks[at.chunk(id)].values as Uint8Array;
      return doubtfulEdgeByte(bytes[a]) || doubtfulEdgeByte(bytes[b - 1]);
    },
    maybeUntrimmedIds(): Int32Array {
      // The doubtful rows the hashing listed (ascending), where they hold their value first.
      const ids = builder.ids;
      return Int32Array.from(doubtful.filter((r) => firstRows[ids[r]] === r).map((r) => ids[r]));
    },
  };
}

/** Where the bytes of each distinct value are: its chunk, and its start and end in that chunk's bytes. */
interface ValueBytes {
  chunk(id: number): number;
  start(id: number): number;
  end(id: number): number;
}

/**
 * The bytes of each value, found through the first row holding it: with one chunk, read from the chunk's
 * offsets (nothing copied); with several, copied per value, so the per-row arrays built for numbering
 * (`starts`, `ends`, `chunkOfRow`) can be dropped.
 */
function valueBytesOf(starts: Int32Array, ends: Int32Array, chunkOfRow: Int32Array | undefined, firstRows: Int32Array, size: number): ValueBytes {
  if (!chunkOfRow) return { chunk: () => 0, start: (id) => starts[firstRows[id]], end: (id) => ends[firstRows[id]] };
  const idStart = new Int32Array(size);
  const idEnd = new Int32Array(size);
  const idChunk = new Int32Array(size);
  for (let id = 0; id < size; id++) {
    const r = firstRows[id];
    idStart[id] = starts[r];
    idEnd[id] = ends[r];
    idChunk[id] = chunkOfRow[r];
  }
  return { chunk: (id) => idChunk[id], start: (id) => idStart[id], end: (id) => idEnd[id] };
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
 * Numbers the non-null rows from..to, in row order (see {@link distinctByHash}); the builder holds room
 * for every value numbered. Without `shared`, every row goes through the table, which may then hold at
 * most `limit` values (the builder's room): false when it would need more.
 */
function numberRange(state: NumberingState, at: Utf8Rows, hashes: Int32Array, mask: Uint8Array, shift: number, shared: Int32Array | undefined, limit: number, from: number, to: number): boolean {
  const { builder } = state;
  const { ids, counts, firstRows } = builder;
  const { starts, ends, chunkOfRow, views } = at;
  const only = views[0];
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
        // The bytes compared inline, four at a time (each row's chunk found through chunkOfRow when there are several).
        const f = firstRows[candidate];
        let p = starts[f];
        let q = starts[r];
        const end = ends[f];
        let same = end - p === ends[r] - q;
        const x = chunkOfRow ? views[chunkOfRow[f]] : only;
        const y = chunkOfRow ? views[chunkOfRow[r]] : only;
        for (; same && p + 4 <= end; p += 4, q += 4) same = x.getInt32(p, true) === y.getInt32(q, true);
        for (; same && p < end; p++, q++) same = x.getUint8(p) === y.getUint8(q);
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
  const few: NumberingState = { builder: new DistinctBuilder(rows, Math.min(present, TABLE_ONLY_LIMIT)), table: new Int32Array(2 * 1024).fill(-1), capacity: 1024, inTable: 0 };
  let fits = true;
  for (const [from, to] of kernelRanges(0, rows)) {
    fits = numberRange(few, at, hashes, mask, 0, undefined, TABLE_ONLY_LIMIT, from, to);
    if (!fits) break;
  }
  if (fits) return few.builder;
  let bits = 1 << 10;
  while (bits < present * 16 && bits < 1 << 25) bits *= 2;
  const shift = 32 - Math.log2(bits);
  const seen = new Int32Array(bits >>> 5);
  const shared = new Int32Array(bits >>> 5);
  for (const [from, to] of kernelRanges(0, rows)) markSharedPrefixes(hashes, mask, shift, seen, shared, from, to);
  const { builder } = few; // started over, with room for every row
  builder.reset(present);
  const state: NumberingState = { builder, table: new Int32Array(2 * 1024).fill(-1), capacity: 1024, inTable: 0 };
  for (const [from, to] of kernelRanges(0, rows)) numberRange(state, at, hashes, mask, shift, shared, Infinity, from, to);
  return state.builder;
}
