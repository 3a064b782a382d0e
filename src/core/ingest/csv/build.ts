/** Cell texts → typed Arrow vectors (nulls for missing and rejected cells). */
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
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import type { RawCell } from '../../table/model';
import { parseBooleanWord, parseDate, parseFloatCell, parseInteger, parseTimestamp, type InferredColumn } from './infer';

function nullBitmap(valid: Uint8Array): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array((valid.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < valid.length; i++) {
    if (valid[i]) bitmap[i >> 3] |= 1 << (i & 7);
    else nullCount++;
  }
  return { bitmap, nullCount };
}

function numericVector<T extends Int32 | Float64 | Int64>(type: T, data: Int32Array | Float64Array | BigInt64Array, valid: Uint8Array): Vector<T> {
  const { bitmap, nullCount } = nullBitmap(valid);
  return makeVector(makeData({ type, length: valid.length, nullCount, nullBitmap: nullCount ? bitmap : null, data } as never)) as unknown as Vector<T>;
}

/** Converts one column; cells that do not parse as the column's type are appended to `rejected`. */
export function buildColumn(cells: readonly (string | null)[], inferred: InferredColumn, column: number, rejected: RawCell[]): Vector<DataType> {
  const n = cells.length;
  const valid = new Uint8Array(n);
  const reject = (row: number, text: string) => rejected.push({ row, column, text });
  switch (inferred.kind) {
    case 'integer': {
      if (inferred.int32 !== false) {
        const data = new Int32Array(n);
        cells.forEach((t, r) => {
          if (t === null) return;
          const v = parseInteger(t);
          if (v === null) reject(r, t);
          else {
            data[r] = v;
            valid[r] = 1;
          }
        });
        return numericVector(new Int32(), data, valid);
      }
      const data = new BigInt64Array(n);
      cells.forEach((t, r) => {
        if (t === null) return;
        const v = parseInteger(t);
        if (v === null) reject(r, t);
        else {
          data[r] = BigInt(t.trim());
          valid[r] = 1;
        }
      });
      return numericVector(new Int64(), data, valid);
    }
    case 'float': {
      const data = new Float64Array(n);
      cells.forEach((t, r) => {
        if (t === null) return;
        const v = parseFloatCell(t);
        if (v === null) reject(r, t);
        else {
          data[r] = v;
          valid[r] = 1;
        }
      });
      return numericVector(new Float64(), data, valid);
    }
    case 'boolean': {
      const values = cells.map((t, r) => {
        if (t === null) return null;
        const v = inferred.zeroOne ? (t.trim() === '1' ? true : t.trim() === '0' ? false : null) : parseBooleanWord(t);
        if (v === null) reject(r, t);
        return v;
      });
      return vectorFromArray(values, new Bool());
    }
    case 'date': {
      const format = inferred.dateFormat ?? 'YYYY-MM-DD';
      const values = cells.map((t, r) => {
        if (t === null) return null;
        const ms = parseDate(t, format);
        if (ms === null) reject(r, t);
        return ms === null ? null : new Date(ms);
      });
      return vectorFromArray(values, new DateMillisecond());
    }
    case 'timestamp': {
      const values = cells.map((t, r) => {
        if (t === null) return null;
        const ms = parseTimestamp(t) ?? parseDate(t, 'YYYY-MM-DD');
        if (ms === null) reject(r, t);
        return ms;
      });
      return vectorFromArray(values, new TimestampMillisecond());
    }
    case 'categorical':
      return vectorFromArray(cells as (string | null)[], new Dictionary(new Utf8(), new Int32()));
    case 'empty':
    case 'string':
    default:
      return vectorFromArray(cells as (string | null)[], new Utf8());
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
