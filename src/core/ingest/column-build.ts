/**
 * One column's cell offsets (column-contents.ts) → its typed Arrow vector (nulls for missing and rejected
 * cells), built without per-cell objects: the column-at-a-time builder of the JSON Lines reader. Values are
 * read by the same parsers, written-number handling (written-cells.ts), dictionary (csv/build.ts) and
 * inference decisions (csv/infer.ts) as the CSV reader's chunk builder.
 */
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
import type { ColumnInfo, RawCell } from '../table/model';
import { isOtherTimestampForm } from './timestamp-form';
import {
  CATEGORICAL_MAX_DISTINCT,
  CATEGORICAL_MAX_DISTINCT_SHARE,
  FIT_SHARE,
  rejectsFractions,
  INFERENCE_SAMPLE,
  parseBooleanWord,
  parseDate,
  parseDateTime,
  parseFloatCell,
  parseIntegral,
  parseTimestamp,
  type InferredColumn,
} from './csv/infer';
import { ByteSink } from './csv/byte-sink';
import { ByteDictionary } from './csv/build';
import type { ColumnContents } from './column-contents';
import { NOT_HANDLED, booleanFromBytes, floatFromBytes, integerFromBytes, isoDateFromBytes } from './csv/parse-bytes';
import { PENDING, WrittenCells, mayBeWrittenNumber, settlePending, typicalMagnitude, type CellText } from './written-cells';

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

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

/** Utf8 vector from values appended to a ByteSink, with their end offsets. */
function utf8Vector(sink: ByteSink, offsets: Int32Array, length: number, validity?: Validity): Vector<Utf8> {
  const data = sink.data.subarray(0, sink.used);
  if (validity) return vector(new Utf8(), length, validity, { valueOffsets: offsets, data });
  return makeVector(makeData({ type: new Utf8(), length, nullCount: 0, valueOffsets: offsets, data }));
}

/**
 * The dictionary-encoded column when it has at most `maxDistinct` distinct values, else undefined
 * (a string column then).
 */
export function buildCategorical(cells: ColumnContents, rowCount: number, maxDistinct: number): Vector<DataType> | undefined {
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
  const type = new Dictionary(new Utf8(), new Int32());
  const { valueOffsets, data, length } = dictionary.buffers();
  const values = makeVector(makeData({ type: new Utf8(), length, nullCount: 0, valueOffsets, data }));
  return makeVector(makeData({ type, length: rowCount, nullCount: validity.nullCount, nullBitmap: validity.nullBitmap, data: indices, dictionary: values }));
}

/**
 * Converts one column (every type but categorical, see buildCategorical). Cells that do not parse as the
 * column's type are appended to `rejected` and left null; cells read from another written form than the
 * column's (see WrittenCells) are appended to `variants`.
 */
export function buildColumn(cells: ColumnContents, rowCount: number, inferred: InferredColumn, column: number, rejected: RawCell[], variants: RawCell[] = []): Vector<DataType> {
  const validity = new Validity(rowCount);
  const { rows, starts, ends, count, bytes, escaped } = cells;
  const side = cells.side.data;
  const reject = (i: number) => rejected.push({ row: rows[i], column, text: cells.value(i) });
  let current = 0;
  const cell: CellText = {
    text: () => cells.value(current),
    mayBeWritten: () => {
      const s = starts[current];
      return escaped[current] === 1 || (s < 0 ? mayBeWrittenNumber(side, -s - 1, ends[current]) : mayBeWrittenNumber(bytes, s, ends[current]));
    },
  };
  /** Settles the pending cells of `written` at the scale of the values stored in `data`. */
  const settle = (written: WrittenCells, data: Int32Array | Float64Array, store: (row: number, value: number) => boolean) => {
    if (written.pending.length === 0) return;
    const typical = typicalMagnitude([{ values: data, length: rowCount, validity: validity.bitmap }], validity.valid);
    settlePending(written.pending, inferred.numberFormat, column, typical, store, { rejected, variants });
  };
  switch (inferred.kind) {
    case 'integer': {
      if (inferred.int32 !== false) {
        const data = new Int32Array(rowCount);
        const written = new WrittenCells(inferred.numberFormat, column, variants);
        const store = (r: number, v: number) => {
          if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) return false;
          data[r] = v;
          validity.set(r);
          return true;
        };
        for (let i = 0; i < count; i++) {
          const s = starts[i];
          let v = escaped[i] === 1 ? NOT_HANDLED : s < 0 ? integerFromBytes(side, -s - 1, ends[i]) : integerFromBytes(bytes, s, ends[i]);
          if (v === NOT_HANDLED) v = parseIntegral(cells.value(i));
          current = i;
          const read = written.read(rows[i], v, cell);
          if (read !== PENDING && (read === null || !store(rows[i], read))) reject(i);
        }
        settle(written, data, store);
        return vector(new Int32(), rowCount, validity, { data });
      }
      const data = new BigInt64Array(rowCount);
      for (let i = 0; i < count; i++) {
        const t = cells.value(i);
        // "2540.0" is the integer 2540; beyond Int64 the typed array would wrap silently: such a value does not fit the column.
        const v = parseIntegral(t) === null ? null : BigInt(t.trim().replace(/\.0*$/, ''));
        if (v === null || v > INT64_MAX || v < INT64_MIN) reject(i);
        else {
          data[rows[i]] = v;
          validity.set(rows[i]);
        }
      }
      return vector(new Int64(), rowCount, validity, { data });
    }
    case 'float': {
      const data = new Float64Array(rowCount);
      const written = new WrittenCells(inferred.numberFormat, column, variants);
      const store = (r: number, v: number) => {
        data[r] = v;
        validity.set(r);
        return true;
      };
      for (let i = 0; i < count; i++) {
        const s = starts[i];
        const fast = escaped[i] === 1 ? NOT_HANDLED : s < 0 ? floatFromBytes(side, -s - 1, ends[i]) : floatFromBytes(bytes, s, ends[i]);
        current = i;
        const read = written.read(rows[i], fast === NOT_HANDLED ? parseFloatCell(cells.value(i)) : fast, cell);
        if (read === null) reject(i);
        else if (read !== PENDING) store(rows[i], read);
      }
      settle(written, data, store);
      return vector(new Float64(), rowCount, validity, { data });
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
      return vector(new Bool(), rowCount, validity, { data });
    }
    case 'date':
    case 'timestamp': {
      const format = inferred.dateFormat ?? 'YYYY-MM-DD';
      const iso = inferred.kind === 'date' && format === 'YYYY-MM-DD';
      const data = new BigInt64Array(rowCount);
      for (let i = 0; i < count; i++) {
        let ms: number | null | typeof NOT_HANDLED = NOT_HANDLED;
        // The cell's text, where the bytes alone did not read it (a timestamp's always: its form is compared too).
        let t: string | undefined;
        if (iso && escaped[i] === 0) {
          const s = starts[i];
          ms = s < 0 ? isoDateFromBytes(side, -s - 1, ends[i]) : isoDateFromBytes(bytes, s, ends[i]);
        }
        if (ms === NOT_HANDLED) {
          t = cells.value(i);
          if (inferred.kind === 'date') ms = parseDate(t, format);
          else ms = inferred.dateFormat ? parseDateTime(t, inferred.dateFormat) : (parseTimestamp(t) ?? parseDate(t, 'YYYY-MM-DD'));
        }
        if (ms === null) reject(i);
        else {
          data[rows[i]] = BigInt(ms);
          validity.set(rows[i]);
          if (t !== undefined && inferred.timestampForm !== undefined && isOtherTimestampForm(t, inferred.timestampForm)) variants.push({ row: rows[i], column, text: t });
        }
      }
      return inferred.kind === 'date'
        ? vector(new DateMillisecond(), rowCount, validity, { data })
        : vector(new TimestampMillisecond(), rowCount, validity, { data });
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
      return utf8Vector(sink, offsets, rowCount, validity);
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

export function columnInfo(index: number, name: string, inferred: InferredColumn, vector: Vector<DataType>): ColumnInfo {
  return {
    index,
    name,
    kind: inferred.kind,
    arrowType: String(vector.type),
    ...(inferred.dateFormat ? { dateFormat: inferred.dateFormat } : {}),
    ...(inferred.numberFormat ? { numberFormat: inferred.numberFormat } : {}),
    ...(inferred.timestampForm === undefined ? {} : { timestampForm: inferred.timestampForm }),
  };
}

/**
 * One column's cells → its Arrow vector: the type inferred from an even sample (`infer` gets the sample
 * size and the cell index of each sampled value) unless `fixed`, the conversion, and the corrections a
 * sample can need (an integer beyond Int32 outside it: Int64; too many rejections: inferred on all values);
 * text with few distinct values becomes a dictionary (categorical). Cells that do not fit are `rejected`;
 * numbers written in another form than the column's (a unit spelled otherwise, a percent sign, …) are
 * read and listed in `variants`.
 */
export function buildTypedColumn(
  cells: ColumnContents,
  rowCount: number,
  column: number,
  fixed: InferredColumn | undefined,
  infer: (count: number, cellAt: (k: number) => number) => InferredColumn,
): { vector: Vector<DataType>; inferred: InferredColumn; rejected: RawCell[]; variants: RawCell[] } {
  const presentCount = cells.count;
  const step = Math.max(1, Math.floor(presentCount / INFERENCE_SAMPLE));
  const sampled = step === 1 ? presentCount : Math.ceil(presentCount / step);
  let inferred = fixed ? { ...fixed } : infer(sampled, (k) => k * step);
  let rejected: RawCell[] = [];
  let variants: RawCell[] = [];
  const build = () => {
    rejected = [];
    variants = [];
    return inferred.kind === 'categorical' || inferred.kind === 'string' ? undefined : buildColumn(cells, rowCount, inferred, column, rejected, variants);
  };
  let built = build();
  if (!fixed && built) {
    if (inferred.kind === 'integer' && inferred.int32 !== false && rejected.some((cell) => parseIntegral(cell.text) !== null)) {
      // An integer beyond Int32 outside the inference sample: widen to Int64.
      inferred = { kind: 'integer', int32: false };
      built = build();
    }
    if (inferred.kind === 'integer' && rejectsFractions(rejected, presentCount)) {
      // Numbers with a fraction outside the inference sample, more than slips: a column of floats.
      inferred = { kind: 'float' };
      built = build();
    }
    if (step > 1 && rejected.length > presentCount * (1 - FIT_SHARE)) {
      inferred = infer(presentCount, (k) => k);
      built = build();
    }
  }
  if (!built && inferred.kind === 'categorical') built = buildCategorical(cells, rowCount, Infinity);
  if (!built && !fixed && presentCount > 0) {
    // Text with few distinct values is dictionary-encoded (and called categorical).
    built = buildCategorical(cells, rowCount, Math.min(CATEGORICAL_MAX_DISTINCT, presentCount * CATEGORICAL_MAX_DISTINCT_SHARE));
    if (built) inferred = { kind: 'categorical' };
  }
  built ??= buildColumn(cells, rowCount, inferred, column, rejected);
  return { vector: built, inferred, rejected, variants };
}
