/**
 * Built column buffers (build.ts) → Arrow: each chunk's buffers wrapped as Arrow data without a copy, the
 * chunks of a dictionary column re-coded against one dictionary (values in order of first appearance
 * over the whole column, as one pass would have met them; DictionaryUnion), and the columns put together
 * as a table.
 */
import { Bool, DateMillisecond, DateUnit, Dictionary, Float64, Int32, Int64, Precision, Table, TimeUnit, TimestampMillisecond, Utf8, makeData, makeVector, DataType, type Data, type Vector } from 'apache-arrow';
import { ByteDictionary, type BuiltColumn, type BuiltType, type Utf8Buffers } from './build';
import { ByteSink, allocate } from './byte-sink';

/** The Arrow type of a built column (dictionaries: Dictionary<Utf8, Int32>, a new dictionary id). */
export function arrowType(type: BuiltType): DataType {
  switch (type) {
    case 'int32':
      return new Int32();
    case 'int64':
      return new Int64();
    case 'float64':
      return new Float64();
    case 'bool':
      return new Bool();
    case 'date':
      return new DateMillisecond();
    case 'timestamp':
      return new TimestampMillisecond();
    case 'utf8':
      return new Utf8();
    case 'dictionary':
      return new Dictionary(new Utf8(), new Int32());
  }
}

/** Which built type an Arrow type is (undefined for types the CSV reader does not build). */
export function builtTypeOf(type: DataType): BuiltType | undefined {
  if (DataType.isInt(type) && type.isSigned) return type.bitWidth === 32 ? 'int32' : type.bitWidth === 64 ? 'int64' : undefined;
  if (DataType.isFloat(type)) return type.precision === Precision.DOUBLE ? 'float64' : undefined;
  if (DataType.isBool(type)) return 'bool';
  if (DataType.isDate(type)) return type.unit === DateUnit.MILLISECOND ? 'date' : undefined;
  if (DataType.isTimestamp(type)) return type.unit === TimeUnit.MILLISECOND && !type.timezone ? 'timestamp' : undefined;
  if (DataType.isUtf8(type)) return 'utf8';
  if (DataType.isDictionary(type)) return DataType.isUtf8(type.dictionary) && DataType.isInt(type.indices) && type.indices.bitWidth === 32 && type.indices.isSigned ? 'dictionary' : undefined;
  return undefined;
}

export function utf8Vector(values: Utf8Buffers): Vector<Utf8> {
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: 0, valueOffsets: values.valueOffsets, data: values.data }));
}

/**
 * The chunks of one column as Arrow data. Dictionary chunks must share one dictionary (see
 * DictionaryUnion: the reading thread merges them once, when it decides the column's type).
 */
export function columnData(chunks: readonly BuiltColumn[]): Data[] {
  if (chunks.length === 0) return [];
  const first = chunks[0];
  if (first.type === 'dictionary') {
    if (chunks.some((c) => c.dictionary !== first.dictionary)) throw new Error('internal: dictionary chunks with different dictionaries');
    const type = new Dictionary(new Utf8(), new Int32());
    const dictionary = utf8Vector(first.dictionary!);
    return chunks.map((c) => makeData({ type, length: c.length, nullCount: c.nullCount, nullBitmap: c.nullBitmap, data: c.values as Int32Array, dictionary }));
  }
  const type = arrowType(first.type);
  return chunks.map((c) => {
    const common = { type, length: c.length, nullCount: c.nullCount, nullBitmap: c.nullBitmap };
    return c.utf8 ? makeData({ ...common, valueOffsets: c.utf8.valueOffsets, data: c.utf8.data } as never) : makeData({ ...common, data: c.values } as never);
  });
}

/**
 * The union of dictionary chunks' values (first appearances in chunk order, as one pass would have met
 * them), made once: its size decides whether the column stays a dictionary, and `unify` then re-codes the
 * chunks to it. The first chunk's dictionary is the union's beginning (its codes stay as they are), and a
 * chunk whose values come in the union's order keeps its codes too.
 */
export class DictionaryUnion {
  private readonly union: Utf8Buffers;
  /** Per chunk: its codes → the union's, or null when they are the same. */
  private readonly recodes: (Int32Array | null)[];

  constructor(private readonly chunks: readonly BuiltColumn[]) {
    if (chunks.length === 1) {
      this.union = chunks[0].dictionary!;
      this.recodes = [null];
      return;
    }
    const merged = new ByteDictionary();
    this.recodes = chunks.map((chunk) => {
      const { valueOffsets, data, length } = chunk.dictionary!;
      const recode = new Int32Array(length);
      let same = true;
      for (let k = 0; k < length; k++) {
        recode[k] = merged.code(data, valueOffsets[k], valueOffsets[k + 1]);
        if (recode[k] !== k) same = false;
      }
      return same ? null : recode;
    });
    this.union = merged.buffers();
  }

  /** Distinct values over the chunks. */
  get size(): number {
    return this.union.length;
  }

  /** The chunks re-coded in place to the union, which they all then hold as their dictionary. */
  unify(): BuiltColumn[] {
    return this.chunks.map((chunk, k) => {
      const recode = this.recodes[k];
      if (recode) {
        const codes = chunk.values as Int32Array;
        const bitmap = chunk.nullBitmap;
        if (!bitmap) for (let r = 0; r < chunk.length; r++) codes[r] = recode[codes[r]];
        else for (let r = 0; r < chunk.length; r++) if ((bitmap[r >> 3] & (1 << (r & 7))) !== 0) codes[r] = recode[codes[r]];
      }
      return { ...chunk, dictionary: this.union };
    });
  }
}

/** A dictionary chunk as the Utf8 chunk of the same values. */
export function dictionaryToUtf8(chunk: BuiltColumn): BuiltColumn {
  const { valueOffsets, data } = chunk.dictionary!;
  const codes = chunk.values as Int32Array;
  const bitmap = chunk.nullBitmap;
  let total = 0;
  for (let r = 0; r < chunk.length; r++) if (!bitmap || (bitmap[r >> 3] & (1 << (r & 7))) !== 0) total += valueOffsets[codes[r] + 1] - valueOffsets[codes[r]];
  // In shared memory like the chunk's other buffers.
  const shared = chunk.values?.buffer instanceof SharedArrayBuffer;
  const sink = new ByteSink(Math.max(64, total), shared);
  const offsets = allocate(Int32Array, chunk.length + 1, shared);
  for (let r = 0; r < chunk.length; r++) {
    if (!bitmap || (bitmap[r >> 3] & (1 << (r & 7))) !== 0) sink.append(data, valueOffsets[codes[r]], valueOffsets[codes[r] + 1]);
    offsets[r + 1] = sink.used;
  }
  return { type: 'utf8', length: chunk.length, nullCount: chunk.nullCount, nullBitmap: chunk.nullBitmap, utf8: { length: chunk.length, valueOffsets: offsets, data: sink.data.subarray(0, sink.used) } };
}

export function buildTable(names: readonly string[], columns: readonly Data[][], rows: number): Table {
  if (names.length === 0) return new Table();
  const vectors: Record<string, Vector<DataType>> = {};
  names.forEach((name, i) => (vectors[name] = makeVector(columns[i])));
  const table = new Table(vectors);
  if (table.numRows !== rows) throw new Error(`internal: built ${table.numRows} rows, expected ${rows}`);
  return table;
}
