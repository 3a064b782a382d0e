/**
 * Reading Arrow columns into plain arrays for training: numbers (integers, floats, booleans as 0/1, dates
 * as days since 1970-01-01) into Float64Array with NaN for missing, text into category codes. Also the
 * task auto-detection shared by preparation and the target picker.
 */
import { Type } from 'apache-arrow';
import type { Data, Table, Vector } from 'apache-arrow';
import type { ColumnInfo, ColumnKind } from '../table/model';
import type { TaskKind } from './types';
import { MAX_CLASSES, targetTask } from './target';

/** What the training input needs from an IngestResult (so tests can build it from an Arrow table). */
export interface TrainingInput {
  table: Table;
  columns: ColumnInfo[];
}

export type NumericSource = 'number' | 'boolean' | 'date';

export interface NumericColumn {
  type: 'numeric';
  name: string;
  index: number;
  source: NumericSource;
  /** NaN = missing. Dates: days since 1970-01-01. */
  values: Float64Array;
  /** Cells holding NaN itself (not null), read as missing. */
  nanCells: number;
  /** Cells holding ±Infinity. */
  infiniteCells: number;
  /** 0-based data row of the first infinite cell, or -1. */
  firstInfiniteRow: number;
}

export interface CategoricalColumn {
  type: 'categorical';
  name: string;
  index: number;
  /** -1 = missing; otherwise an index into `labels`. */
  codes: Int32Array;
  labels: string[];
}

export type RawColumn = NumericColumn | CategoricalColumn;

const DAY_MS = 86_400_000;

export function numericSourceOf(kind: ColumnKind): NumericSource | undefined {
  if (kind === 'integer' || kind === 'float') return 'number';
  if (kind === 'boolean') return 'boolean';
  if (kind === 'date' || kind === 'timestamp') return 'date';
  return undefined;
}

export function isCategoricalKind(kind: ColumnKind): boolean {
  return kind === 'string' || kind === 'categorical';
}

function toNumber(value: unknown): number {
  if (value === null || value === undefined) return NaN;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') {
    const n = Number(value);
    return value.trim() === '' ? NaN : n;
  }
  return NaN;
}

/** Typed arrays holding one number per cell (the fast path; 64-bit integers and others go through get()). */
function plainValues(data: Data): ArrayLike<number> | undefined {
  const id = data.type.typeId;
  if (id !== Type.Float && id !== Type.Int) return undefined;
  const values: unknown = data.values;
  if (
    values instanceof Float64Array ||
    values instanceof Float32Array ||
    values instanceof Int32Array ||
    values instanceof Int16Array ||
    values instanceof Int8Array ||
    values instanceof Uint32Array ||
    values instanceof Uint16Array ||
    values instanceof Uint8Array
  ) {
    return values.length >= data.length ? values : undefined;
  }
  return undefined;
}

function vectorOf(table: Table, index: number, name: string): Vector {
  const vector = table.getChildAt(index);
  if (!vector) throw new Error(`Column ${index} ("${name}") is missing from the table.`);
  return vector;
}

export function readNumericColumn(table: Table, info: ColumnInfo, source: NumericSource): NumericColumn {
  const vector = vectorOf(table, info.index, info.name);
  const n = table.numRows;
  const values = new Float64Array(n);
  let offset = 0;
  for (const data of vector.data) {
    const plain = plainValues(data);
    const hasNulls = data.nullCount > 0;
    if (plain && source === 'number') {
      for (let i = 0; i < data.length; i++) values[offset + i] = hasNulls && !data.getValid(i) ? NaN : plain[i];
    } else {
      for (let i = 0; i < data.length; i++) values[offset + i] = toNumber(vector.get(offset + i));
    }
    offset += data.length;
  }
  let nanCells = 0;
  let infiniteCells = 0;
  let firstInfiniteRow = -1;
  if (source === 'date') for (let i = 0; i < n; i++) values[i] /= DAY_MS;
  // Nulls are NaN too; count only NaN cells that were valid (non-null) values in the source.
  const nulls = vector.nullCount;
  let nan = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) nan++;
    else if (v === Infinity || v === -Infinity) {
      infiniteCells++;
      if (firstInfiniteRow < 0) firstInfiniteRow = i;
    }
  }
  nanCells = Math.max(0, nan - nulls);
  return { type: 'numeric', name: info.name, index: info.index, source, values, nanCells, infiniteCells, firstInfiniteRow };
}

export function readCategoricalColumn(table: Table, info: ColumnInfo): CategoricalColumn {
  const vector = vectorOf(table, info.index, info.name);
  const n = table.numRows;
  const codes = new Int32Array(n);
  const labels: string[] = [];
  const byLabel = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const value: unknown = vector.get(i);
    if (value === null || value === undefined) {
      codes[i] = -1;
      continue;
    }
    const label = value instanceof Date ? value.toISOString() : String(value);
    let code = byLabel.get(label);
    if (code === undefined) {
      code = labels.length;
      labels.push(label);
      byLabel.set(label, code);
    }
    codes[i] = code;
  }
  return { type: 'categorical', name: info.name, index: info.index, codes, labels };
}

/**
 * Columns already read during one preparation (by column index), so the target and the features are
 * read from Arrow once even though the task, the exclusions and the features each look at them.
 * Callers treat the columns as read-only.
 */
export type ColumnCache = Map<number, RawColumn | undefined>;

/** Reads a column as training data, or returns undefined for kinds training cannot use (empty, other). */
export function readColumn(input: TrainingInput, info: ColumnInfo, cache?: ColumnCache): RawColumn | undefined {
  if (cache?.has(info.index)) return cache.get(info.index);
  const source = numericSourceOf(info.kind);
  const column = source ? readNumericColumn(input.table, info, source) : isCategoricalKind(info.kind) ? readCategoricalColumn(input.table, info) : undefined;
  cache?.set(info.index, column);
  return column;
}

export function isMissing(column: RawColumn, row: number): boolean {
  if (column.type === 'numeric') {
    const v = column.values[row];
    return v !== v;
  }
  return column.codes[row] < 0;
}

/**
 * Distinct non-missing values of a column (exact), or — with `limit` — stops counting once the count
 * exceeds `limit` (returns limit + 1), which is all the "constant?" and "few values?" checks need.
 */
export function distinctCount(column: RawColumn, limit = Infinity): number {
  if (column.type === 'categorical') {
    const seen = new Uint8Array(column.labels.length);
    let count = 0;
    for (const c of column.codes) {
      if (c >= 0 && !seen[c]) {
        seen[c] = 1;
        if (++count > limit) return count;
      }
    }
    return count;
  }
  if (limit < Infinity) {
    const set = new Set<number>();
    for (const v of column.values) {
      if (v === v) {
        set.add(v);
        if (set.size > limit) return set.size;
      }
    }
    return set.size;
  }
  // Sorting a copy is several times faster than a Set for millions of doubles (NaN sorts last).
  const sorted = Float64Array.from(column.values).sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i];
    if (v !== v) break;
    if (i === 0 || v !== sorted[i - 1]) {
      if (++count > limit) return count;
    }
  }
  return count;
}

export function missingCount(column: RawColumn): number {
  let count = 0;
  const n = column.type === 'numeric' ? column.values.length : column.codes.length;
  for (let i = 0; i < n; i++) if (isMissing(column, i)) count++;
  return count;
}

/** Whether every non-missing value of a numeric column is 0 or 1 (and both occur). */
export function isZeroOne(column: NumericColumn): boolean {
  let zero = false;
  let one = false;
  for (const v of column.values) {
    if (v !== v) continue;
    if (v === 0) zero = true;
    else if (v === 1) one = true;
    else return false;
  }
  return zero && one;
}

/** The task 'auto' picks for a target column, or a reason it cannot be a target (see target.ts). */
export function autoTask(info: ColumnInfo, column: RawColumn | undefined): { task: TaskKind } | { reason: string } {
  return targetTask({
    // A column the reader cannot use is empty or of an unsupported type.
    kind: column ? info.kind : info.kind === 'empty' ? 'empty' : 'other',
    arrowType: info.arrowType,
    distinct: () => (column ? distinctCount(column) : 0),
    zeroOne: () => column?.type === 'numeric' && isZeroOne(column),
  });
}

export { MAX_CLASSES };
