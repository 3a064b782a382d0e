/** Cell offsets → typed Arrow vectors (nulls for missing and rejected cells), built without per-cell objects. */
import {
  Bool,
  DateMillisecond,
  Dictionary,
  Float64,
  Int32,
  Int64,
  Table,
  TimestampMillisecond,
  Utf8,
  makeData,
  makeVector,
  type DataType,
  type Vector,
} from 'apache-arrow';
import type { RawCell } from '../../table/model';
import { parseBooleanWord, parseDate, parseFloatCell, parseInteger, parseTimestamp, type InferredColumn } from './infer';
import { CellKind, type ColumnCells } from './cells';

/** The file's bytes when the text is pure ASCII: text offset + `offset` = byte offset. */
export interface AsciiSource {
  bytes: Uint8Array;
  offset: number;
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

function vector<T extends DataType>(type: T, length: number, validity: Validity, data: Record<string, unknown>): Vector<T> {
  return makeVector(makeData({ type, length, nullCount: validity.nullCount, nullBitmap: validity.nullBitmap, ...data } as never)) as unknown as Vector<T>;
}

const SPACE = 32;
const TAB = 9;

/** Integer value of text[start, end) (white space around allowed), or NaN when it is not an integer. */
function parseIntegerAt(text: string, start: number, end: number): number {
  while (start < end && (text.charCodeAt(start) === SPACE || text.charCodeAt(start) === TAB)) start++;
  while (end > start && (text.charCodeAt(end - 1) === SPACE || text.charCodeAt(end - 1) === TAB)) end--;
  let i = start;
  let sign = 1;
  const first = text.charCodeAt(i);
  if (first === 45 /* - */ || first === 43 /* + */) {
    if (first === 45) sign = -1;
    i++;
  }
  if (i >= end || end - i > 15) return NaN;
  let value = 0;
  for (; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return sign * value;
}

/** Builds a Utf8 or Dictionary<Int32, Utf8> data buffer from cell contents. */
class Utf8Builder {
  private data: Uint8Array;
  private used = 0;
  readonly offsets: Int32Array;
  private readonly encoder = new TextEncoder();

  constructor(count: number, estimatedBytes: number) {
    this.offsets = new Int32Array(count + 1);
    this.data = new Uint8Array(Math.max(64, estimatedBytes));
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.data.length) return;
    const grown = new Uint8Array(Math.max(this.data.length * 2, this.used + bytes));
    grown.set(this.data.subarray(0, this.used));
    this.data = grown;
  }

  appendBytes(source: Uint8Array, start: number, end: number): void {
    const n = end - start;
    this.reserve(n);
    if (n < 48) {
      // Short values: a byte loop beats allocating a subarray view per cell.
      const data = this.data;
      let at = this.used;
      for (let i = start; i < end; i++) data[at++] = source[i];
    } else this.data.set(source.subarray(start, end), this.used);
    this.used += n;
  }

  appendString(value: string): void {
    this.reserve(value.length * 3);
    this.used += this.encoder.encodeInto(value, this.data.subarray(this.used)).written;
  }

  /** Closes entry `index` (the bytes appended since the previous call). */
  close(index: number): void {
    this.offsets[index + 1] = this.used;
  }

  get bytes(): Uint8Array {
    return this.data.subarray(0, this.used);
  }
}

function utf8Dictionary(values: readonly string[]): Vector<Utf8> {
  const builder = new Utf8Builder(values.length, values.reduce((n, v) => n + v.length, 0) * 2);
  values.forEach((v, i) => {
    builder.appendString(v);
    builder.close(i);
  });
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: 0, valueOffsets: builder.offsets, data: builder.bytes }));
}

/**
 * Converts one column. `present` lists the rows (in order) of non-missing cells; cells that do not parse as
 * the column's type are appended to `rejected` and left null.
 */
export function buildColumn(
  text: string,
  cells: ColumnCells,
  present: Int32Array,
  presentCount: number,
  rowCount: number,
  inferred: InferredColumn,
  column: number,
  rejected: RawCell[],
  ascii?: AsciiSource,
): Vector<DataType> {
  const validity = new Validity(rowCount);
  const valueOf = (row: number) => cells.value(text, row);
  const reject = (row: number) => rejected.push({ row, column, text: valueOf(row) });
  switch (inferred.kind) {
    case 'integer': {
      if (inferred.int32 !== false) {
        const data = new Int32Array(rowCount);
        for (let i = 0; i < presentCount; i++) {
          const r = present[i];
          let v = cells.kinds[r] === CellKind.Special ? NaN : parseIntegerAt(text, cells.starts[r], cells.ends[r]);
          if (Number.isNaN(v)) v = parseInteger(valueOf(r)) ?? NaN;
          if (Number.isNaN(v) || v < -2147483648 || v > 2147483647) reject(r);
          else {
            data[r] = v;
            validity.set(r);
          }
        }
        return vector(new Int32(), rowCount, validity, { data });
      }
      const data = new BigInt64Array(rowCount);
      for (let i = 0; i < presentCount; i++) {
        const r = present[i];
        const t = valueOf(r);
        if (parseInteger(t) === null) reject(r);
        else {
          data[r] = BigInt(t.trim());
          validity.set(r);
        }
      }
      return vector(new Int64(), rowCount, validity, { data });
    }
    case 'float': {
      const data = new Float64Array(rowCount);
      for (let i = 0; i < presentCount; i++) {
        const r = present[i];
        const v = parseFloatCell(valueOf(r));
        if (v === null) reject(r);
        else {
          data[r] = v;
          validity.set(r);
        }
      }
      return vector(new Float64(), rowCount, validity, { data });
    }
    case 'boolean': {
      const data = new Uint8Array((rowCount + 7) >> 3);
      for (let i = 0; i < presentCount; i++) {
        const r = present[i];
        const t = valueOf(r).trim();
        const zeroOne = t === '1' ? true : t === '0' ? false : null;
        const v = inferred.zeroOne === true ? zeroOne : inferred.zeroOne === false ? parseBooleanWord(t) : (parseBooleanWord(t) ?? zeroOne);
        if (v === null) reject(r);
        else {
          if (v) data[r >> 3] |= 1 << (r & 7);
          validity.set(r);
        }
      }
      return vector(new Bool(), rowCount, validity, { data });
    }
    case 'date':
    case 'timestamp': {
      const format = inferred.dateFormat ?? 'YYYY-MM-DD';
      const data = new BigInt64Array(rowCount);
      for (let i = 0; i < presentCount; i++) {
        const r = present[i];
        const t = valueOf(r);
        const ms = inferred.kind === 'date' ? parseDate(t, format) : (parseTimestamp(t) ?? parseDate(t, 'YYYY-MM-DD'));
        if (ms === null) reject(r);
        else {
          data[r] = BigInt(ms);
          validity.set(r);
        }
      }
      return inferred.kind === 'date'
        ? vector(new DateMillisecond(), rowCount, validity, { data })
        : vector(new TimestampMillisecond(), rowCount, validity, { data });
    }
    case 'categorical': {
      const codes = new Map<string, number>();
      const dictionary: string[] = [];
      const indices = new Int32Array(rowCount);
      for (let i = 0; i < presentCount; i++) {
        const r = present[i];
        const value = valueOf(r);
        let code = codes.get(value);
        if (code === undefined) {
          code = dictionary.length;
          codes.set(value, code);
          dictionary.push(value);
        }
        indices[r] = code;
        validity.set(r);
      }
      const type = new Dictionary(new Utf8(), new Int32());
      return makeVector(
        makeData({ type, length: rowCount, nullCount: validity.nullCount, nullBitmap: validity.nullBitmap, data: indices, dictionary: utf8Dictionary(dictionary) }),
      );
    }
    case 'empty':
    case 'string':
    default: {
      let estimated = 0;
      for (let i = 0; i < presentCount; i++) estimated += cells.length(present[i]);
      const builder = new Utf8Builder(rowCount, ascii ? estimated : estimated * 2);
      let next = 0;
      for (let r = 0; r < rowCount; r++) {
        if (next < presentCount && present[next] === r) {
          next++;
          const kind = cells.kinds[r];
          if (ascii && kind !== CellKind.Special) builder.appendBytes(ascii.bytes, cells.starts[r] + ascii.offset, cells.ends[r] + ascii.offset);
          else builder.appendString(valueOf(r));
          validity.set(r);
        }
        builder.close(r);
      }
      return vector(new Utf8(), rowCount, validity, { valueOffsets: builder.offsets, data: builder.bytes });
    }
  }
}

export function buildTable(names: readonly string[], vectors: readonly Vector<DataType>[], rows: number): Table {
  if (names.length === 0) return new Table();
  const columns: Record<string, Vector<DataType>> = {};
  names.forEach((name, i) => (columns[name] = vectors[i]));
  const table = new Table(columns);
  if (table.numRows !== rows) throw new Error(`internal: built ${table.numRows} rows, expected ${rows}`);
  return table;
}
