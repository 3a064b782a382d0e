/**
 * Cell offsets → the buffers of typed Arrow columns (nulls for missing and rejected cells), built without
 * per-cell objects and without Arrow itself: plain typed arrays that a worker thread can hand over
 * (transfer) and the reading thread wraps as Arrow data (arrow-columns.ts).
 */
import type { RawCell } from '../../table/model';
import { parseBooleanWord, parseDate, parseFloatCell, parseInteger, parseTimestamp, type InferredColumn } from './infer';
import { ByteSink } from './byte-sink';
import type { ColumnContents } from './cells';
import { NOT_HANDLED, booleanFromBytes, floatFromBytes, integerFromBytes, isoDateFromBytes } from './parse-bytes';

/** The Arrow type a built column has. */
export type BuiltType = 'int32' | 'int64' | 'float64' | 'bool' | 'date' | 'timestamp' | 'utf8' | 'dictionary';

/** Utf8 values: `length` strings, string i is data[valueOffsets[i], valueOffsets[i + 1]). */
export interface Utf8Buffers {
  length: number;
  valueOffsets: Int32Array;
  data: Uint8Array;
}

/** One column of one chunk, as Arrow buffers. */
export interface BuiltColumn {
  type: BuiltType;
  length: number;
  nullCount: number;
  /** Bit i set: row i holds a value (null when every row does). */
  nullBitmap: Uint8Array | null;
  /** Fixed-width values: Int32 (also dictionary codes), BigInt64 (Int64, dates and timestamps in ms), Float64, or bits (Bool). */
  values?: Int32Array | BigInt64Array | Float64Array | Uint8Array;
  /** Utf8 columns. */
  utf8?: Utf8Buffers;
  /** Dictionary columns: the distinct values, in order of first appearance. */
  dictionary?: Utf8Buffers;
}

/** The buffers to transfer when a built column is posted to another thread. */
export function builtBuffers(column: BuiltColumn): ArrayBuffer[] {
  const views = [column.nullBitmap, column.values, column.utf8?.valueOffsets, column.utf8?.data, column.dictionary?.valueOffsets, column.dictionary?.data];
  const buffers = new Set<ArrayBuffer>();
  for (const view of views) if (view && view.buffer instanceof ArrayBuffer) buffers.add(view.buffer);
  return [...buffers];
}

class Validity {
  readonly bitmap: Uint8Array;
  valid = 0;
  constructor(readonly length: number) {
    this.bitmap = new Uint8Array((length + 7) >> 3);
  }
  set(i: number): void {
    this.bitmap[i >> 3] |= 1 << (i & 7);
    this.valid++;
  }
  get nullCount(): number {
    return this.length - this.valid;
  }
  get nullBitmap(): Uint8Array | null {
    return this.nullCount ? this.bitmap : null;
  }
}

function built(type: BuiltType, validity: Validity, values: BuiltColumn['values']): BuiltColumn {
  return { type, length: validity.length, nullCount: validity.nullCount, nullBitmap: validity.nullBitmap, values };
}

/** Hash table from value bytes to dictionary codes; the dictionary's bytes are kept in a ByteSink. */
export class ByteDictionary {
  readonly values = new ByteSink(1024);
  /** End offset of each entry in `values` (entry k is values[offsets[k], offsets[k + 1])). */
  offsets = new Int32Array(65);
  size = 0;
  private slots = new Int32Array(128).fill(-1);
  private hashes = new Int32Array(64);

  private static hash(buffer: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buffer[i], 0x01000193);
    return h;
  }

  private equals(code: number, buffer: Uint8Array, start: number, end: number): boolean {
    const from = this.offsets[code];
    if (this.offsets[code + 1] - from !== end - start) return false;
    const data = this.values.data;
    for (let i = 0; i < end - start; i++) if (data[from + i] !== buffer[start + i]) return false;
    return true;
  }

  /** The value's code (a new one when unseen). */
  code(buffer: Uint8Array, start: number, end: number): number {
    const h = ByteDictionary.hash(buffer, start, end);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const code = this.slots[slot];
      if (code < 0) break;
      if (this.hashes[code] === h && this.equals(code, buffer, start, end)) return code;
    }
    const code = this.size++;
    if (code + 2 > this.offsets.length) {
      const offsets = new Int32Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
      // One hash per code: as many as offsets less one (a typed array drops writes past its end).
      const hashes = new Int32Array(offsets.length - 1);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.values.append(buffer, start, end);
    this.offsets[code + 1] = this.values.used;
    this.hashes[code] = h;
    if (this.size * 2 > this.slots.length) this.rehash();
    else this.insert(code, h);
    return code;
  }

  private insert(code: number, h: number): void {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = code;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let code = 0; code < this.size; code++) this.insert(code, this.hashes[code]);
  }

  buffers(): Utf8Buffers {
    return { length: this.size, valueOffsets: this.offsets.slice(0, this.size + 1), data: this.values.data.subarray(0, this.values.used) };
  }
}

/**
 * The dictionary-encoded column when it has at most `maxDistinct` distinct values, else undefined
 * (a string column then).
 */
export function buildCategorical(cells: ColumnContents, rowCount: number, maxDistinct: number): BuiltColumn | undefined {
  const validity = new Validity(rowCount);
  const dictionary = new ByteDictionary();
  const indices = new Int32Array(rowCount);
  const { rows, starts, ends, count, bytes, escaped } = cells;
  const side = cells.side.data;
  const scratch = new ByteSink(256);
  for (let i = 0; i < count; i++) {
    const s = starts[i];
    let code: number;
    if (escaped[i] === 1) {
      scratch.used = 0;
      cells.appendTo(i, scratch);
      code = dictionary.code(scratch.data, 0, scratch.used);
    } else code = s < 0 ? dictionary.code(side, -s - 1, ends[i]) : dictionary.code(bytes, s, ends[i]);
    if (dictionary.size > maxDistinct) return undefined;
    const r = rows[i];
    indices[r] = code;
    validity.set(r);
  }
  return { ...built('dictionary', validity, indices), dictionary: dictionary.buffers() };
}

/**
 * Converts one column (every type but categorical, see buildCategorical). Cells that do not parse as the
 * column's type are appended to `rejected` and left null.
 */
export function buildColumn(cells: ColumnContents, rowCount: number, inferred: InferredColumn, column: number, rejected: RawCell[]): BuiltColumn {
  const validity = new Validity(rowCount);
  const { rows, starts, ends, count, bytes, escaped } = cells;
  const side = cells.side.data;
  const reject = (i: number) => rejected.push({ row: rows[i], column, text: cells.value(i) });
  switch (inferred.kind) {
    case 'integer': {
      if (inferred.int32 !== false) {
        const data = new Int32Array(rowCount);
        for (let i = 0; i < count; i++) {
          const s = starts[i];
          let v = escaped[i] === 1 ? NOT_HANDLED : s < 0 ? integerFromBytes(side, -s - 1, ends[i]) : integerFromBytes(bytes, s, ends[i]);
          if (v === NOT_HANDLED) v = parseInteger(cells.value(i));
          if (v === null || v < -2147483648 || v > 2147483647) reject(i);
          else {
            data[rows[i]] = v;
            validity.set(rows[i]);
          }
        }
        return built('int32', validity, data);
      }
      const data = new BigInt64Array(rowCount);
      for (let i = 0; i < count; i++) {
        const t = cells.value(i);
        if (parseInteger(t) === null) reject(i);
        else {
          data[rows[i]] = BigInt(t.trim());
          validity.set(rows[i]);
        }
      }
      return built('int64', validity, data);
    }
    case 'float': {
      const data = new Float64Array(rowCount);
      for (let i = 0; i < count; i++) {
        const s = starts[i];
        const fast = escaped[i] === 1 ? NOT_HANDLED : s < 0 ? floatFromBytes(side, -s - 1, ends[i]) : floatFromBytes(bytes, s, ends[i]);
        const v = fast === NOT_HANDLED ? parseFloatCell(cells.value(i)) : fast;
        if (v === null) reject(i);
        else {
          data[rows[i]] = v;
          validity.set(rows[i]);
        }
      }
      return built('float64', validity, data);
    }
    case 'boolean': {
      const data = new Uint8Array((rowCount + 7) >> 3);
      for (let i = 0; i < count; i++) {
        const s = starts[i];
        const parsed = escaped[i] === 1 ? NOT_HANDLED : s < 0 ? booleanFromBytes(side, -s - 1, ends[i]) : booleanFromBytes(bytes, s, ends[i]);
        let word: boolean | null;
        let zeroOne: boolean | null;
        if (parsed === NOT_HANDLED) {
          const t = cells.value(i).trim();
          zeroOne = t === '1' ? true : t === '0' ? false : null;
          word = parseBooleanWord(t);
        } else ({ word, zeroOne } = parsed);
        const v = inferred.zeroOne === true ? zeroOne : inferred.zeroOne === false ? word : (word ?? zeroOne);
        if (v === null) reject(i);
        else {
          const r = rows[i];
          if (v) data[r >> 3] |= 1 << (r & 7);
          validity.set(r);
        }
      }
      return built('bool', validity, data);
    }
    case 'date':
    case 'timestamp': {
      const format = inferred.dateFormat ?? 'YYYY-MM-DD';
      const iso = inferred.kind === 'date' && format === 'YYYY-MM-DD';
      const data = new BigInt64Array(rowCount);
      for (let i = 0; i < count; i++) {
        let ms: number | null | typeof NOT_HANDLED = NOT_HANDLED;
        if (iso && escaped[i] === 0) {
          const s = starts[i];
          ms = s < 0 ? isoDateFromBytes(side, -s - 1, ends[i]) : isoDateFromBytes(bytes, s, ends[i]);
        }
        if (ms === NOT_HANDLED) {
          const t = cells.value(i);
          ms = inferred.kind === 'date' ? parseDate(t, format) : (parseTimestamp(t) ?? parseDate(t, 'YYYY-MM-DD'));
        }
        if (ms === null) reject(i);
        else {
          data[rows[i]] = BigInt(ms);
          validity.set(rows[i]);
        }
      }
      return built(inferred.kind, validity, data);
    }
    case 'categorical':
      return buildCategorical(cells, rowCount, Infinity)!;
    case 'empty':
    case 'string':
    default: {
      let total = 0;
      for (let i = 0; i < count; i++) total += cells.length(i);
      const sink = new ByteSink(Math.max(64, total));
      const offsets = new Int32Array(rowCount + 1);
      let next = 0;
      for (let r = 0; r < rowCount; r++) {
        if (next < count && rows[next] === r) {
          const s = starts[next];
          if (escaped[next] === 1) cells.appendTo(next, sink);
          else if (s < 0) sink.append(side, -s - 1, ends[next]);
          else sink.append(bytes, s, ends[next]);
          validity.set(r);
          next++;
        }
        offsets[r + 1] = sink.used;
      }
      return { type: 'utf8', length: rowCount, nullCount: validity.nullCount, nullBitmap: validity.nullBitmap, utf8: { length: rowCount, valueOffsets: offsets, data: sink.data.subarray(0, sink.used) } };
    }
  }
}
