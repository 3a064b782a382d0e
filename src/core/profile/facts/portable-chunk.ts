/**
 * An Arrow chunk in shared memory described as plain data, so another thread can compute its column's facts
 * without a copy: the buffers are views of `SharedArrayBuffer`s (a parallel CSV read builds every column so),
 * and the type is one the facts read as numbers or Utf8 bytes.
 */
import { Data, DataType, Date_, Float, Int, Timestamp, Utf8, type DateUnit, type Precision, type TimeUnit } from 'apache-arrow';

export type PortableType =
  | { id: 'int'; signed: boolean; bitWidth: 8 | 16 | 32 | 64 }
  | { id: 'float'; precision: Precision }
  | { id: 'date'; unit: DateUnit }
  | { id: 'timestamp'; unit: TimeUnit; timezone: string | null }
  | { id: 'utf8' };

export interface PortableChunk {
  type: PortableType;
  length: number;
  nullCount: number;
  values: ArrayBufferView;
  valueOffsets?: Int32Array;
  nullBitmap?: Uint8Array;
}

function portableType(type: DataType): PortableType | undefined {
  if (DataType.isInt(type)) return { id: 'int', signed: type.isSigned, bitWidth: type.bitWidth };
  if (DataType.isFloat(type)) return { id: 'float', precision: type.precision };
  if (DataType.isDate(type)) return { id: 'date', unit: type.unit };
  if (DataType.isTimestamp(type)) return { id: 'timestamp', unit: type.unit, timezone: type.timezone ?? null };
  if (DataType.isUtf8(type)) return { id: 'utf8' };
  return undefined;
}

function typeOf(type: PortableType): DataType {
  switch (type.id) {
    case 'int':
      return new Int(type.signed, type.bitWidth);
    case 'float':
      return new Float(type.precision);
    case 'date':
      return new Date_(type.unit);
    case 'timestamp':
      return new Timestamp(type.unit, type.timezone);
    case 'utf8':
      return new Utf8();
  }
}

const isShared = (view: ArrayBufferView | null | undefined) => !view || view.byteLength === 0 || view.buffer instanceof SharedArrayBuffer;

/** `chunk` as plain data, or undefined when a buffer is not in shared memory, the chunk is a slice, or its type is another. */
export function portableChunk(chunk: Data): PortableChunk | undefined {
  const type = portableType(chunk.type);
  const values = chunk.values as ArrayBufferView | undefined;
  const valueOffsets = chunk.valueOffsets as unknown;
  const nullBitmap = chunk.nullBitmap as Uint8Array | null | undefined;
  if (!type || chunk.offset !== 0 || !values || !isShared(values) || !isShared(nullBitmap)) return undefined;
  if (type.id === 'utf8' && !(valueOffsets instanceof Int32Array && isShared(valueOffsets))) return undefined;
  return {
    type,
    length: chunk.length,
    nullCount: chunk.nullCount,
    values,
    ...(valueOffsets instanceof Int32Array ? { valueOffsets } : {}),
    ...(nullBitmap && nullBitmap.byteLength > 0 ? { nullBitmap } : {}),
  };
}

/** The Arrow chunk a {@link PortableChunk} describes, over the same memory. */
export function chunkOf(portable: PortableChunk): Data {
  return new Data(typeOf(portable.type), 0, portable.length, portable.nullCount, [portable.valueOffsets, portable.values, portable.nullBitmap]);
}
