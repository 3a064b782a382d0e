/**
 * Cell texts → typed values, by column kind: what the Arrow, Parquet and JSON Lines writers store. A text
 * that is not a value of its column's kind (a rejected cell the steps left alone) becomes null there and
 * is counted, so the writer can say so; CSV output keeps every text as it is.
 */
import { Bool, DateMillisecond, Field, Float64, Int64, RecordBatch, Schema, Struct, TimestampMillisecond, Utf8, makeData, vectorFromArray, type Data, type DataType } from 'apache-arrow';
import { parseBooleanWord, parseDate, parseTimestamp } from '../ingest/csv/infer';
import type { Cell, ColumnSpec, Frame } from './frame';
import { isMissing, plainNumber } from './values';

export type TypedValue = bigint | number | boolean | string | null;

/** How a kind is stored: the Arrow type of its column in typed outputs. */
export function arrowTypeOf(spec: ColumnSpec): DataType {
  switch (spec.kind) {
    case 'integer':
      return new Int64();
    case 'float':
      return new Float64();
    case 'boolean':
      return new Bool();
    case 'date':
      return new DateMillisecond();
    case 'timestamp':
      return new TimestampMillisecond();
    default:
      return new Utf8();
  }
}

export function arrowSchemaOf(schema: readonly ColumnSpec[]): Schema {
  return new Schema(schema.map((c) => new Field(c.name, arrowTypeOf(c), true)));
}

/**
 * The typed value of a cell: bigint (integer), number (float; epoch ms for dates and timestamps),
 * boolean, string; null for missing cells and for texts that are not values of the kind (`rejected`).
 */
export function typedValue(cell: Cell, spec: ColumnSpec, naTokens: ReadonlySet<string>): { value: TypedValue; rejected: boolean } {
  if (isMissing(cell, naTokens)) return { value: null, rejected: false };
  const text = cell!;
  let value: TypedValue = null;
  switch (spec.kind) {
    case 'integer': {
      const t = text.trim();
      if (/^[+-]?[0-9]+$/.test(t)) value = BigInt(t);
      else {
        const v = plainNumber(t);
        if (v !== null && Number.isInteger(v)) value = BigInt(v);
      }
      break;
    }
    case 'float':
      value = plainNumber(text);
      break;
    case 'boolean': {
      const t = text.trim();
      value = t === '1' ? true : t === '0' ? false : parseBooleanWord(t);
      break;
    }
    case 'date':
      value = parseDate(text, spec.dateFormat ?? 'YYYY-MM-DD') ?? parseDate(text, 'YYYY-MM-DD') ?? parseTimestamp(text);
      break;
    case 'timestamp':
      value = parseTimestamp(text) ?? parseDate(text, 'YYYY-MM-DD');
      break;
    default:
      return { value: text, rejected: false };
  }
  return { value, rejected: value === null };
}

/** Validity bitmap of `length` values (bit set = valid). */
function validityOf(valid: Uint8Array, length: number): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (valid[i]) nullBitmap[i >> 3] |= 1 << (i & 7);
    else nullCount++;
  }
  return { nullBitmap, nullCount };
}

/** One column of typed values as Arrow data; `rejected` counts the texts that were not values of the kind. */
function columnData(cells: Cell[], spec: ColumnSpec, length: number, naTokens: ReadonlySet<string>, rejected: { count: number }): Data {
  const type = arrowTypeOf(spec);
  const valid = new Uint8Array(length);
  const typed = (i: number) => {
    const t = typedValue(cells[i], spec, naTokens);
    if (t.rejected) rejected.count++;
    if (t.value !== null) valid[i] = 1;
    return t.value;
  };
  switch (spec.kind) {
    case 'integer': {
      const values = new BigInt64Array(length);
      for (let i = 0; i < length; i++) values[i] = (typed(i) as bigint | null) ?? 0n;
      return makeData({ type: type as Int64, length, data: values, ...validityOf(valid, length) });
    }
    case 'float':
    case 'date':
    case 'timestamp': {
      const values = new Float64Array(length);
      for (let i = 0; i < length; i++) values[i] = (typed(i) as number | null) ?? 0;
      if (spec.kind === 'float') return makeData({ type: type as Float64, length, data: values, ...validityOf(valid, length) });
      const words = new BigInt64Array(length);
      for (let i = 0; i < length; i++) words[i] = BigInt(values[i]);
      return spec.kind === 'date'
        ? makeData({ type: type as DateMillisecond, length, data: words as unknown as Int32Array, ...validityOf(valid, length) })
        : makeData({ type: type as TimestampMillisecond, length, data: words as unknown as Int32Array, ...validityOf(valid, length) });
    }
    case 'boolean': {
      const bits = new Uint8Array((length + 7) >> 3);
      for (let i = 0; i < length; i++) if (typed(i) === true) bits[i >> 3] |= 1 << (i & 7);
      return makeData({ type: type as Bool, length, data: bits, ...validityOf(valid, length) });
    }
    default: {
      const texts: (string | null)[] = new Array(length);
      for (let i = 0; i < length; i++) texts[i] = typed(i) as string | null;
      return vectorFromArray(texts, new Utf8()).data[0];
    }
  }
}

/** A frame as an Arrow record batch of `schema`; `rejected[c]` grows by the cells of column c stored as null. */
export function frameToRecordBatch(frame: Frame, schema: Schema, naTokens: ReadonlySet<string>, rejected: number[]): RecordBatch {
  const children = frame.schema.map((spec, c) => {
    const counter = { count: 0 };
    const data = columnData(frame.columns[c], spec, frame.length, naTokens, counter);
    rejected[c] = (rejected[c] ?? 0) + counter.count;
    return data;
  });
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: frame.length, nullCount: 0, children }));
}
