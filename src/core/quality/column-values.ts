/**
 * Column access for rules: whole columns as plain arrays, read once per check through the Arrow chunks'
 * typed arrays (numbers) or the vector (text), and name heuristics shared by several rules.
 */
import { DataType, type Vector } from 'apache-arrow';
import type { ColumnInfo, ColumnKind, IngestResult } from '../table/model';

const cache = new WeakMap<IngestResult, Map<string, unknown>>();

function memo<T>(data: IngestResult, key: string, compute: () => T): T {
  let map = cache.get(data);
  if (!map) cache.set(data, (map = new Map()));
  if (!map.has(key)) map.set(key, compute());
  return map.get(key) as T;
}

export const NUMERIC_KINDS: readonly ColumnKind[] = ['integer', 'float'];
export const TEMPORAL_KINDS: readonly ColumnKind[] = ['date', 'timestamp'];
export const TEXT_KINDS: readonly ColumnKind[] = ['string', 'categorical'];

export function isNumeric(column: ColumnInfo): boolean {
  return NUMERIC_KINDS.includes(column.kind);
}

function vectorOf(data: IngestResult, column: number): Vector {
  const vector = data.table.getChildAt(column);
  if (!vector) throw new Error(`no column ${column}`);
  return vector;
}

/**
 * Numbers of a numeric, date or timestamp column (epoch ms for temporal ones); NaN where the cell is null.
 * Booleans read as 0/1.
 */
export function numericColumn(data: IngestResult, column: number): Float64Array {
  return memo(data, `num:${column}`, () => {
    const vector = vectorOf(data, column);
    const out = new Float64Array(data.table.numRows);
    let row = 0;
    for (const chunk of vector.data) {
      const values = chunk.values as ArrayLike<number | bigint> | undefined;
      // Plain Float64/Int32 storage is read directly; dates (Date32 stores days), Int64 and others through get().
      const fast = (DataType.isFloat(chunk.type) || DataType.isInt(chunk.type)) && (values instanceof Float64Array || values instanceof Int32Array) && chunk.stride === 1;
      const bitmap = chunk.nullBitmap as Uint8Array | undefined;
      const checkNulls = chunk.nullCount > 0 && bitmap && bitmap.length > 0;
      for (let i = 0; i < chunk.length; i++, row++) {
        if (checkNulls) {
          const p = chunk.offset + i;
          if ((bitmap[p >> 3] & (1 << (p & 7))) === 0) {
            out[row] = NaN;
            continue;
          }
        }
        if (fast) out[row] = values[chunk.offset + i] as number;
        else {
          const v: unknown = vector.get(row);
          out[row] = v === null || v === undefined ? NaN : typeof v === 'boolean' ? Number(v) : v instanceof Date ? v.getTime() : Number(v);
        }
      }
    }
    return out;
  });
}

const decoder = new TextDecoder();

/** Strings of a Utf8 chunk, decoded straight from its buffers (ASCII chunks without a decoder call per value). */
function utf8Strings(offsets: Int32Array, bytes: Uint8Array, first: number, count: number): string[] {
  const out = new Array<string>(count);
  const start = offsets[first];
  const end = offsets[first + count];
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (bytes[i] > 0x7f) {
      ascii = false;
      break;
    }
  }
  const buffer = ascii ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
  for (let i = 0; i < count; i++) {
    const a = offsets[first + i];
    const b = offsets[first + i + 1];
    out[i] = buffer ? buffer.toString('latin1', a, b) : decoder.decode(bytes.subarray(a, b));
  }
  return out;
}

/** Text of a string/categorical column (null where the cell is null). */
export function textColumn(data: IngestResult, column: number): (string | null)[] {
  return memo(data, `text:${column}`, () => {
    const vector = vectorOf(data, column);
    const mask = nullMask(data, column);
    const out: (string | null)[] = new Array(data.table.numRows);
    let row = 0;
    for (const chunk of vector.data) {
      const dictionary = chunk.dictionary;
      if (DataType.isUtf8(chunk.type) && chunk.valueOffsets && chunk.values) {
        const strings = utf8Strings(chunk.valueOffsets as Int32Array, chunk.values as Uint8Array, chunk.offset, chunk.length);
        for (let i = 0; i < chunk.length; i++, row++) out[row] = mask[row] ? null : strings[i];
      } else if (DataType.isDictionary(chunk.type) && dictionary && chunk.values instanceof Int32Array) {
        const words = Array.from({ length: dictionary.length }, (_, k) => String(dictionary.get(k)));
        const indices = chunk.values;
        for (let i = 0; i < chunk.length; i++, row++) out[row] = mask[row] ? null : words[indices[chunk.offset + i]];
      } else {
        for (let i = 0; i < chunk.length; i++, row++) {
          const v: unknown = vector.get(row);
          out[row] = v === null || v === undefined ? null : String(v);
        }
      }
    }
    return out;
  });
}

/** Whether each row's cell is null (missing, NA token or rejected). */
export function nullMask(data: IngestResult, column: number): Uint8Array {
  return memo(data, `null:${column}`, () => {
    const vector = vectorOf(data, column);
    const out = new Uint8Array(data.table.numRows);
    let row = 0;
    for (const chunk of vector.data) {
      const bitmap = chunk.nullBitmap as Uint8Array | undefined;
      const all = chunk.typeId === 1; // Null type
      for (let i = 0; i < chunk.length; i++, row++) {
        if (all) out[row] = 1;
        else if (chunk.nullCount > 0 && bitmap && bitmap.length > 0) {
          const p = chunk.offset + i;
          if ((bitmap[p >> 3] & (1 << (p & 7))) === 0) out[row] = 1;
        }
      }
    }
    return out;
  });
}

/** Finite values of a numeric array, sorted. */
export function sortedFinite(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  const out = new Float64Array(n);
  n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[n++] = values[i];
  return out.sort();
}

export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Columns whose name says they identify rows (never treated as measurements). */
export function looksLikeIdentifier(name: string): boolean {
  return /(^|[_\s.-])(id|key|uuid|guid|code|zip|zipcode|postcode|phone)$/i.test(name.trim()) || /^(id|key|index|row|#)$/i.test(name.trim()) || /(Id|ID|Key)$/.test(name.trim());
}

/** Whether the values only ever increase (a row counter or an auto-increment key). */
export function strictlyIncreasing(values: Float64Array): boolean {
  let previous = -Infinity;
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (v <= previous) return false;
    previous = v;
    seen++;
  }
  return seen > 1;
}

/** Quotes a replacement cell text the way RFC 4180 requires, given the delimiter. */
export function csvField(value: string, delimiter: string, forceQuotes = false): string {
  return forceQuotes || value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The cell exactly as written in a CSV file, when the source is one. */
export function cellSourceText(data: IngestResult, row: number, column: number): string | undefined {
  const source = data.source as { cellSourceText?: (row: number, column: number) => string };
  return data.rangesIn === 'file' && typeof source.cellSourceText === 'function' ? source.cellSourceText(row, column) : undefined;
}

/** Range of a whole record including its line break (deleting it removes the line), for CSV sources. */
export function recordRangeWithLineBreak(data: IngestResult, row: number) {
  const source = data.source as { rowRangeWithLineBreak?: (row: number) => ReturnType<IngestResult['source']['rowRange']> };
  return data.rangesIn === 'file' && typeof source.rowRangeWithLineBreak === 'function' ? source.rowRangeWithLineBreak(row) : undefined;
}

/** A replacement fix for one cell of a CSV file, keeping the field quoted when it was. */
export function replaceCellFix(data: IngestResult, row: number, column: number, newValue: string, title: string) {
  const written = cellSourceText(data, row, column);
  if (written === undefined) return undefined;
  const delimiter = data.dialect?.delimiter ?? ',';
  return { kind: 'replace' as const, title, range: data.source.cellRange(row, column), newText: csvField(newValue, delimiter, written.startsWith('"')) };
}
