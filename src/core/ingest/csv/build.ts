/**
 * A scanned chunk's cells → the buffers of typed Arrow columns (nulls for missing, NA and rejected cells),
 * in one pass over the rows that fills every column at once: each record's bytes are read once, while
 * they are in the cache, and no string or object is made per cell. The buffers are plain typed arrays,
 * without Arrow itself, so a worker thread can hand them over (transfer) and the reading thread wraps
 * them as Arrow data (arrow-columns.ts).
 */
import type { RawCell } from '../../table/model';
import { hasOuterSpace, parseBooleanWord, parseDate, parseDateTime, parseFloatCell, parseIntegral, parseTimestamp, type InferredColumn } from './infer';
import { ByteSink, allocate } from './byte-sink';
import { ESCAPED, NA_TOKEN, PLAIN, type CellReader } from './cells';
import { MS_PER_DAY, NOT_HANDLED, booleanFromBytes, floatInto, hasOuterBlank, integerFromBytes, isoDaysFromBytes } from './parse-bytes';
import { isOtherTimestampForm } from '../timestamp-form';
import { PENDING, WrittenCells, mayBeWrittenNumber, type CellText, type PendingCell } from '../written-cells';

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

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

/** The buffers of a built column. */
export function builtBuffers(column: BuiltColumn): (ArrayBufferView | null | undefined)[] {
  return [column.nullBitmap, column.values, column.utf8?.valueOffsets, column.utf8?.data, column.dictionary?.valueOffsets, column.dictionary?.data];
}

/** Whether typed arrays are little-endian here (64-bit values are then written as two 32-bit halves). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const TWO_32 = 4294967296;

/** The `rows` values of a chunk's Float64 column in its target buffer. */
function float64In({ buffer, row }: Float64Target, rows: number): Float64Array {
  if (buffer.byteLength < 8 * (row + rows)) throw new Error(`internal: a Float64 column's buffer holds ${buffer.byteLength / 8} rows, not ${row + rows}`);
  return new Float64Array(buffer, 8 * row, rows);
}

/** What a column's cells are read into. */
const INT32 = 0;
const INT64 = 1;
const FLOAT64 = 2;
const BOOL = 3;
/** Dates and timestamps: epoch milliseconds in 64 bits. */
const EPOCH_MS = 4;
const UTF8 = 5;
const DICTIONARY = 6;

/** One column of a chunk being built. */
class ColumnBuilder {
  mode: number;
  readonly validity: Uint8Array;
  valid = 0;
  present = 0;
  readonly rejected: RawCell[] = [];
  readonly naTokenCells: RawCell[] = [];
  /** Numbers written in another form than the column's (see written-cells.ts). */
  readonly variants: RawCell[] = [];
  /** Numeric columns: how cells the plain parsers do not read are read. */
  readonly written: WrittenCells | undefined;
  /** The cell being read, for `written`. */
  readonly cell: CellText;
  kind = PLAIN;
  /** Int32 values, or dictionary codes. */
  int32: Int32Array | undefined;
  float64: Float64Array | undefined;
  /** Bool bits. */
  bits: Uint8Array | undefined;
  /** 64-bit values, and their 32-bit halves (little-endian). */
  int64: BigInt64Array | undefined;
  halves: Uint32Array | undefined;
  sink: ByteSink | undefined;
  offsets: Int32Array | undefined;
  dictionary: ByteDictionary | undefined;
  /** Dates: read ISO dates from their bytes. */
  readonly iso: boolean;
  /** Numbers: list the cells written with white space around them (InferredColumn.listSpaced). */
  readonly listSpaced: boolean;

  constructor(
    readonly column: number,
    readonly rows: number,
    readonly inferred: InferredColumn,
    /** Text: a dictionary while it has at most this many values (then plain text). */
    readonly dictionaryCap: number | undefined,
    private readonly reader: CellReader,
    /** Buffers in shared memory (a parallel read: other threads read the table without a copy). */
    private readonly shared: boolean,
    /** Float64 columns: where to build the values (else a buffer of the chunk's own). */
    target?: Float64Target,
  ) {
    this.validity = allocate(Uint8Array, (rows + 7) >> 3, shared);
    this.iso = inferred.kind === 'date' && (inferred.dateFormat ?? 'YYYY-MM-DD') === 'YYYY-MM-DD';
    this.listSpaced = inferred.listSpaced === true;
    this.cell = {
      text: () => reader.value(this.kind),
      mayBeWritten: () => this.kind === ESCAPED || mayBeWrittenNumber(reader.buffer, reader.start, reader.end),
    };
    const numeric = dictionaryCap === undefined && (inferred.kind === 'float' || (inferred.kind === 'integer' && inferred.int32 !== false));
    this.written = numeric ? new WrittenCells(inferred.numberFormat, column, this.variants) : undefined;
    if (dictionaryCap !== undefined) {
      this.mode = DICTIONARY;
      this.int32 = allocate(Int32Array, rows, shared);
      this.dictionary = new ByteDictionary();
      return;
    }
    switch (inferred.kind) {
      case 'integer':
        if (inferred.int32 !== false) {
          this.mode = INT32;
          this.int32 = allocate(Int32Array, rows, shared);
        } else {
          this.mode = INT64;
          this.int64 = allocate(BigInt64Array, rows, shared);
        }
        break;
      case 'float':
        this.mode = FLOAT64;
        this.float64 = target ? float64In(target, rows) : allocate(Float64Array, rows, shared);
        break;
      case 'boolean':
        this.mode = BOOL;
        this.bits = allocate(Uint8Array, (rows + 7) >> 3, shared);
        break;
      case 'date':
      case 'timestamp':
        this.mode = EPOCH_MS;
        this.int64 = allocate(BigInt64Array, rows, shared);
        this.halves = new Uint32Array(this.int64.buffer);
        break;
      default:
        this.mode = UTF8;
        this.startText();
    }
  }

  private startText(): void {
    this.sink = new ByteSink(Math.max(64, this.textBytes()), this.shared);
    this.offsets = allocate(Int32Array, this.rows + 1, this.shared);
  }

  /** Bytes of the column's fields as written (at least its values' bytes). */
  private textBytes(): number {
    const { scan, width } = this.reader;
    const { fieldEnds, absent } = scan;
    let total = 0;
    for (let r = 0, i = this.column; r < this.rows; r++, i += width) {
      const end = fieldEnds[i];
      if (end !== absent) total += end - (this.column === 0 ? 0 : fieldEnds[i - 1] + 1);
    }
    return total;
  }

  setValid(r: number): void {
    this.validity[r >> 3] |= 1 << (r & 7);
    this.valid++;
  }

  isValid(r: number): boolean {
    return (this.validity[r >> 3] & (1 << (r & 7))) !== 0;
  }

  /**
   * Lists the number just stored in row `r` as a variant cell when it is written with white space around it and
   * not listed already (`listed`: the variants before it was read).
   */
  listIfSpaced(r: number, listed: number): void {
    if (this.variants.length > listed) return;
    const { reader, kind } = this;
    if (kind === PLAIN ? hasOuterBlank(reader.buffer, reader.start, reader.end) : hasOuterSpace(reader.value(kind))) {
      this.variants.push({ row: r, column: this.column, text: reader.value(kind) });
    }
  }

  reject(r: number, kind: number): void {
    this.rejected.push({ row: r, column: this.column, text: this.reader.value(kind) });
  }

  writeEpochMs(r: number, ms: number): void {
    if (LITTLE_ENDIAN) {
      const high = Math.floor(ms / TWO_32);
      this.halves![2 * r] = ms - high * TWO_32;
      this.halves![2 * r + 1] = high >>> 0;
    } else this.int64![r] = BigInt(ms);
    this.setValid(r);
  }

  /** Over the dictionary cap: the rows so far (up to `r`) become plain text, and so do the next ones. */
  toText(r: number): void {
    const dictionary = this.dictionary!;
    const codes = this.int32!;
    this.startText();
    const sink = this.sink!;
    const offsets = this.offsets!;
    const { data } = dictionary.values;
    for (let row = 0; row <= r; row++) {
      if (this.isValid(row)) sink.append(data, dictionary.offsets[codes[row]], dictionary.offsets[codes[row] + 1]);
      offsets[row + 1] = sink.used;
    }
    this.mode = UTF8;
    this.int32 = undefined;
    this.dictionary = undefined;
  }

  result(): BuiltColumn {
    const nullCount = this.rows - this.valid;
    const common = { length: this.rows, nullCount, nullBitmap: nullCount ? this.validity : null };
    switch (this.mode) {
      case INT32:
        return { type: 'int32', ...common, values: this.int32 };
      case INT64:
        return { type: 'int64', ...common, values: this.int64 };
      case FLOAT64:
        return { type: 'float64', ...common, values: this.float64 };
      case BOOL:
        return { type: 'bool', ...common, values: this.bits };
      case EPOCH_MS:
        return { type: this.inferred.kind === 'date' ? 'date' : 'timestamp', ...common, values: this.int64 };
      case DICTIONARY:
        return { type: 'dictionary', ...common, values: this.int32, dictionary: this.dictionary!.buffers() };
      default: {
        // Rows without a value end where the row before them ends.
        const offsets = this.offsets!;
        for (let r = 0; r < this.rows; r++) if (!this.isValid(r)) offsets[r + 1] = offsets[r];
        const sink = this.sink!;
        return { type: 'utf8', ...common, utf8: { length: this.rows, valueOffsets: offsets, data: sink.data.subarray(0, sink.used) } };
      }
    }
  }
}

/** Stores `v` in row `r` of an Int32 column when it is an Int32 integer. */
export function storeInt32(values: Int32Array, r: number, v: number): boolean {
  if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) return false;
  values[r] = v;
  return true;
}

/** Reads the value of the cell last read by `reader` (row `r`, a PLAIN or ESCAPED value) into its column. */
function addValue(b: ColumnBuilder, reader: CellReader, kind: number, r: number, scratch: ByteSink): void {
  b.present++;
  b.kind = kind;
  switch (b.mode) {
    case INT32: {
      let v = kind === PLAIN ? integerFromBytes(reader.buffer, reader.start, reader.end) : NOT_HANDLED;
      if (v === NOT_HANDLED) v = parseIntegral(reader.value(kind));
      const listed = b.variants.length;
      const read = b.written!.read(r, v, b.cell);
      if (read === PENDING) return;
      if (read !== null && storeInt32(b.int32!, r, read)) {
        b.setValid(r);
        if (b.listSpaced) b.listIfSpaced(r, listed);
      } else b.reject(r, kind);
      return;
    }
    case INT64: {
      const t = reader.value(kind);
      // "2540.0" is the integer 2540; beyond Int64 the typed array would wrap silently: such a value does not fit the column.
      const v = parseIntegral(t) === null ? null : BigInt(t.trim().replace(/\.0*$/, ''));
      if (v === null || v > INT64_MAX || v < INT64_MIN) b.reject(r, kind);
      else {
        b.int64![r] = v;
        b.setValid(r);
        if (b.listSpaced) b.listIfSpaced(r, b.variants.length);
      }
      return;
    }
    case FLOAT64: {
      const data = b.float64!;
      const written = b.written!;
      let plain: number | null;
      const listed = b.variants.length;
      if (kind === PLAIN && floatInto(reader.buffer, reader.start, reader.end, data, r)) {
        if (!written.plainCanVary) {
          b.setValid(r);
          if (b.listSpaced) b.listIfSpaced(r, listed);
          return;
        }
        plain = data[r];
      } else plain = parseFloatCell(reader.value(kind));
      const read = written.read(r, plain, b.cell);
      if (read === null) b.reject(r, kind);
      else if (read !== PENDING) {
        data[r] = read;
        b.setValid(r);
        if (b.listSpaced) b.listIfSpaced(r, listed);
      }
      return;
    }
    case BOOL: {
      const parsed = kind === PLAIN ? booleanFromBytes(reader.buffer, reader.start, reader.end) : NOT_HANDLED;
      let word: boolean | null;
      let zeroOne: boolean | null;
      if (parsed === NOT_HANDLED) {
        const t = reader.value(kind).trim();
        zeroOne = t === '1' ? true : t === '0' ? false : null;
        word = parseBooleanWord(t);
      } else ({ word, zeroOne } = parsed);
      const mode = b.inferred.zeroOne;
      const v = mode === true ? zeroOne : mode === false ? word : (word ?? zeroOne);
      if (v === null) b.reject(r, kind);
      else {
        if (v) b.bits![r >> 3] |= 1 << (r & 7);
        b.setValid(r);
      }
      return;
    }
    case EPOCH_MS: {
      if (b.iso && kind === PLAIN) {
        const days = isoDaysFromBytes(reader.buffer, reader.start, reader.end);
        if (days !== NOT_HANDLED) {
          if (days === null) b.reject(r, kind);
          else b.writeEpochMs(r, days * MS_PER_DAY);
          return;
        }
      }
      const t = reader.value(kind);
      const { inferred } = b;
      let ms: number | null;
      if (inferred.kind === 'date') ms = parseDate(t, inferred.dateFormat ?? 'YYYY-MM-DD');
      else ms = inferred.dateFormat ? parseDateTime(t, inferred.dateFormat) : (parseTimestamp(t) ?? parseDate(t, 'YYYY-MM-DD'));
      if (ms === null) return b.reject(r, kind);
      b.writeEpochMs(r, ms);
      if (inferred.timestampForm !== undefined && isOtherTimestampForm(t, inferred.timestampForm)) b.variants.push({ row: r, column: b.column, text: t });
      return;
    }
    case UTF8:
      reader.appendTo(kind, b.sink!);
      b.offsets![r + 1] = b.sink!.used;
      b.setValid(r);
      return;
    case DICTIONARY: {
      const dictionary = b.dictionary!;
      let code: number;
      if (kind === PLAIN) code = dictionary.code(reader.buffer, reader.start, reader.end);
      else {
        scratch.used = 0;
        reader.appendTo(kind, scratch);
        code = dictionary.code(scratch.data, 0, scratch.used);
      }
      b.int32![r] = code;
      b.setValid(r);
      if (dictionary.size > b.dictionaryCap!) b.toText(r);
      return;
    }
  }
}

/** How to build one column: its type; for text, a dictionary of at most `dictionaryCap` values first. */
export interface ColumnPlan {
  inferred: InferredColumn;
  dictionaryCap?: number;
}

/** Whether a column of this plan is built as Float64 numbers (the one type whose buffer serves as the column's numbers without a copy). */
export function buildsFloat64(plan: ColumnPlan): boolean {
  return plan.dictionaryCap === undefined && plan.inferred.kind === 'float';
}

/**
 * Where a chunk builds a Float64 column's values: rows `row`… of one shared buffer holding the whole read's
 * column, so the chunks of a parallel read are consecutive views of one buffer (read as one array without a copy).
 */
export interface Float64Target {
  buffer: SharedArrayBuffer;
  /** Row of the whole read where the chunk's first row goes. */
  row: number;
}

export interface BuiltChunkColumn {
  built: BuiltColumn;
  /** Cells that do not fit the column's type (rows within the chunk). */
  rejected: RawCell[];
  naTokenCells: RawCell[];
  /** Numbers written in another form than the column's. */
  variants: RawCell[];
  /** Numeric cells whose value waits for the scale of the whole column (settled by the reading thread). */
  pending: PendingCell[];
  /** Cells holding a value (not empty, not an NA token). */
  present: number;
}

/**
 * Builds the planned columns (null: left out) of a scanned chunk of `rows` rows in one pass over its
 * records, into shared memory when `shared`. Cells that do not parse as their column's type become nulls
 * and are listed as rejected; NA tokens are listed when `collectNa`.
 */
export function buildChunk(
  reader: CellReader,
  rows: number,
  plans: readonly (ColumnPlan | null)[],
  collectNa: boolean,
  shared: boolean,
  targets?: readonly (Float64Target | null)[],
): (BuiltChunkColumn | null)[] {
  const { width, scan } = reader;
  const { rowStarts, fieldEnds, absent } = scan;
  const builders = plans.map((plan, c) => (plan ? new ColumnBuilder(c, rows, plan.inferred, plan.dictionaryCap, reader, shared, targets?.[c] ?? undefined) : null));
  const scratch = new ByteSink(256);
  for (let r = 0; r < rows; r++) {
    const rowStart = rowStarts[r];
    const base = r * width;
    let fieldStart = rowStart;
    for (let c = 0; c < width; c++) {
      const relativeEnd = fieldEnds[base + c];
      // A short record's missing cells are its last ones.
      if (relativeEnd === absent) break;
      const fieldEnd = rowStart + relativeEnd;
      const b = builders[c];
      if (b !== null) {
        const kind = reader.read(fieldStart, fieldEnd, base + c);
        if (kind >= PLAIN) addValue(b, reader, kind, r, scratch);
        else if (kind === NA_TOKEN && collectNa) b.naTokenCells.push({ row: r, column: c, text: reader.naText });
      }
      fieldStart = fieldEnd + 1;
    }
  }
  return builders.map((b) =>
    b ? { built: b.result(), rejected: b.rejected, naTokenCells: b.naTokenCells, variants: b.variants, pending: b.written?.pending ?? [], present: b.present } : null,
  );
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

