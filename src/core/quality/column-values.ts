/**
 * Column access for rules: whole columns as typed arrays, computed once per column and shared with the
 * exact profile (see profile/column-facts.ts): null masks, numbers, sorted finite numbers, distinct
 * values of text columns (an id per row); plain text arrays for the rest. Also name heuristics shared by
 * several rules.
 */
import { DataType, type Vector } from 'apache-arrow';
import type { ColumnInfo, ColumnKind, IngestResult, TextRange } from '../table/model';
import { looksLikeIdentifier } from '../shared/identifier';
import { clockColumn } from './clock-times';
import { SortedNumbers, columnFacts, kernelRanges, computeFiniteStats, distinctOfTexts, numberCodes, runsOf, sortFinite, sortFiniteWithRuns, type ColumnFacts, type DistinctValues, type FiniteStats, type SortedRuns, type ValueCodes } from '../profile/column-facts';

export type { DistinctValues, FiniteStats, SortedNumbers, SortedRuns, ValueCodes };
export { kernelRanges, looksLikeIdentifier };

const cache = new WeakMap<IngestResult, Map<string, unknown>>();

/** A fact of `data` computed once under `key` (e.g. \`sorted:3\`), kept as long as the table. */
export function memo<T>(data: IngestResult, key: string, compute: () => T): T {
  let map = cache.get(data);
  if (!map) cache.set(data, (map = new Map()));
  if (!map.has(key)) map.set(key, compute());
  return map.get(key) as T;
}

export const NUMERIC_KINDS: readonly ColumnKind[] = ['integer', 'float'];
export const TEMPORAL_KINDS: readonly ColumnKind[] = ['date', 'timestamp'];
export const TEXT_KINDS: readonly ColumnKind[] = ['string', 'categorical'];
/**
 * Text columns with more distinct values than this (ids, free text) are not read value by value: for a neighbour's
 * values glued on or swapped in, for lists, for values cut short, for letter case.
 */
export const TEXT_VALUES_MAX_DISTINCT = 50_000;
/** Rows a value must be held by to be a known value of its column on its own (a team among a league's many, "Portland" alone). */
export const KNOWN_ROWS = 2;

export function isNumeric(column: ColumnInfo): boolean {
  return NUMERIC_KINDS.includes(column.kind);
}

/** A table's columns as Arrow vectors and their facts, each found once (Table.getChildAt builds a new vector per call). */
const columnsOfTable = new WeakMap<IngestResult['table'], { vectors: Vector[]; facts: ColumnFacts[] }>();

function columnsOf(data: IngestResult): { vectors: Vector[]; facts: ColumnFacts[] } {
  let columns = columnsOfTable.get(data.table);
  if (!columns) columnsOfTable.set(data.table, (columns = { vectors: [], facts: [] }));
  return columns;
}

function vectorOf(data: IngestResult, column: number): Vector {
  const { vectors } = columnsOf(data);
  let vector = vectors[column];
  if (!vector) {
    const child = data.table.getChildAt(column);
    if (!child) throw new Error(`no column ${column}`);
    vectors[column] = vector = child;
  }
  return vector;
}

/** The shared facts of a column (cached per Arrow column). */
export function factsOf(data: IngestResult, column: number): ColumnFacts {
  const { facts } = columnsOf(data);
  return (facts[column] ??= columnFacts(vectorOf(data, column).data));
}

/**
 * Numbers of a numeric, date or timestamp column (epoch ms for temporal ones); NaN where the cell is null.
 * Booleans read as 0/1. A text column of clock times ("2:04:55") reads as seconds (see clock-times.ts); other text as NaN.
 */
export function numericColumn(data: IngestResult, column: number): Float64Array {
  const fast = factsOf(data, column).numbers();
  if (fast) return fast;
  return memo(data, `num:${column}`, () => {
    const clock = clockNumbers(data, column);
    if (clock) return clock;
    const vector = vectorOf(data, column);
    const mask = nullMask(data, column);
    const out = new Float64Array(data.table.numRows);
    for (let row = 0; row < out.length; row++) {
      if (mask[row]) {
        out[row] = NaN;
        continue;
      }
      const v: unknown = vector.get(row);
      out[row] = v === null || v === undefined ? NaN : typeof v === 'boolean' ? Number(v) : v instanceof Date ? v.getTime() : Number(v);
    }
    return out;
  });
}

/** The finite numbers of a column ({@link numericColumn}), sorted ascending, read by position; computed once per column. */
export function sortedColumn(data: IngestResult, column: number): SortedNumbers {
  return factsOf(data, column).sortedNumbers() ?? sortedOfValues(data, column).sorted;
}

/** The distinct finite numbers of a column, ascending, with their counts (the runs of {@link sortedColumn}). */
export function sortedRuns(data: IngestResult, column: number): SortedRuns {
  return factsOf(data, column).sortedRuns() ?? sortedOfValues(data, column).runs;
}

/** {@link sortedColumn} and {@link sortedRuns} of a column whose facts have no numbers (read value by value). */
function sortedOfValues(data: IngestResult, column: number): { sorted: SortedNumbers; runs: SortedRuns } {
  return memo(data, `sorted:${column}`, () => {
    const { sorted, runs = runsOf(sorted) } = sortFiniteWithRuns(numericColumn(data, column));
    return { sorted: SortedNumbers.compact(sorted, runs), runs };
  });
}

/** Whether a column is a text column of clock times ("2:04:55", "0:29:23"), which numericColumn reads as seconds. */
export function isClockColumn(data: IngestResult, column: number): boolean {
  return clockNumbers(data, column) !== undefined;
}

function clockNumbers(data: IngestResult, column: number): Float64Array | undefined {
  if (!TEXT_KINDS.includes(data.columns[column].kind)) return undefined;
  return memo(data, `clock:${column}`, () => clockColumn(distinctValues(data, column)));
}

/** Count, mean, M2, min and max of a column's finite numbers (Welford in row order); computed once per column. */
export function finiteStats(data: IngestResult, column: number): FiniteStats {
  return factsOf(data, column).finiteStats() ?? memo(data, `stats:${column}`, () => computeFiniteStats(numericColumn(data, column), nullMask(data, column)));
}

const decoder = new TextDecoder();

/** Strings of a Utf8 chunk, decoded straight from its buffers (ASCII chunks without a decoder call per value). */
function utf8Strings(offsets: Int32Array, bytes: Uint8Array, count: number): string[] {
  const out = new Array<string>(count);
  const start = offsets[0];
  const end = offsets[count];
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (bytes[i] > 0x7f) {
      ascii = false;
      break;
    }
  }
  const buffer = ascii ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
  for (let i = 0; i < count; i++) {
    const a = offsets[i];
    const b = offsets[i + 1];
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
      if (DataType.isUtf8(chunk.type) && chunk.valueOffsets instanceof Int32Array && chunk.values instanceof Uint8Array) {
        const strings = utf8Strings(chunk.valueOffsets, chunk.values, chunk.length);
        for (let i = 0; i < chunk.length; i++, row++) out[row] = mask[row] ? null : strings[i];
      } else if (DataType.isDictionary(chunk.type) && dictionary && chunk.values instanceof Int32Array) {
        const words = Array.from({ length: dictionary.length }, (_, k) => String(dictionary.get(k)));
        const indices = chunk.values;
        for (let i = 0; i < chunk.length; i++, row++) out[row] = mask[row] ? null : words[indices[i]];
      } else {
        for (let i = 0; i < chunk.length; i++, row++) {
          const v: unknown = mask[row] ? null : vector.get(row);
          out[row] = v === null || v === undefined ? null : String(v);
        }
      }
    }
    return out;
  });
}

/**
 * The distinct non-null values of a column read as text ({@link textColumn}), numbered in order of first
 * appearance, with an id per row: from the bytes of Utf8 columns and the indices of dictionary columns,
 * else from the texts.
 */
export function distinctValues(data: IngestResult, column: number): DistinctValues {
  return factsOf(data, column).distinct() ?? memo(data, `distinct:${column}`, () => distinctOfTexts(textColumn(data, column)));
}

/** Share of a column's filled rows that values of few rows may hold, at most, in a column of few values. */
const STRAY_VALUES_SHARE = 0.02;

/**
 * The number of values a column of labels holds, leaving out the strays of few rows (a slip, a number shifted in from
 * the next column, each in at most 0.1% of the filled rows and 2 rows at least): a match's result "H", "D", "A" beside four shifted-in
 * numbers is a column of three values. Infinity where the strays hold more than 2% of the filled rows: then the
 * values are not few.
 */
export function settledValueCount(data: IngestResult, column: number): number {
  const { size, counts } = distinctValues(data, column);
  let filled = 0;
  for (let id = 0; id < size; id++) filled += counts[id];
  const stray = Math.max(2, 0.001 * filled);
  let [settled, strayRows] = [0, 0];
  for (let id = 0; id < size; id++) {
    if (counts[id] > stray) settled++;
    else strayRows += counts[id];
  }
  return strayRows > STRAY_VALUES_SHARE * filled ? Infinity : settled;
}

/**
 * An id per row of the row's value (−1 where null), in order of first appearance, computed once per column:
 * a text column's distinct values ({@link distinctValues}), else its numbers by value ({@link numericColumn}).
 */
export function valueCodes(data: IngestResult, column: number): ValueCodes {
  if (TEXT_KINDS.includes(data.columns[column].kind)) {
    const distinct = distinctValues(data, column);
    return memo(data, `codes:${column}`, () => ({ ids: distinct.ids, size: distinct.size }));
  }
  return factsOf(data, column).valueCodes() ?? memo(data, `codes:${column}`, () => numberCodes(numericColumn(data, column)));
}

/** Whether each row's cell is null (missing, NA token or rejected). */
export function nullMask(data: IngestResult, column: number): Uint8Array {
  return factsOf(data, column).nullMask();
}

/** The rows whose cell is null, ascending. */
export function nullRows(data: IngestResult, column: number): Int32Array {
  return factsOf(data, column).nullRows();
}

/** Number of null cells of a column. */
export function nullCount(data: IngestResult, column: number): number {
  return factsOf(data, column).nullCount();
}

/** Number of missing cells of a column (empty or an NA token): its nulls without the rejected cells (text in a typed column, not missing). */
export function missingCount(data: IngestResult, column: number): number {
  // Rejected cells per column, counted once per table.
  const rejected = memo(data, 'rejected-per-column', () => {
    const counts = new Int32Array(data.columns.length);
    for (const cell of data.rejectedCells) counts[cell.column]++;
    return counts;
  });
  return nullCount(data, column) - rejected[column];
}

/** Finite values of a numeric array, sorted. */
export function sortedFinite(values: Float64Array): Float64Array {
  return sortFinite(values);
}

/** Whether the values only ever increase (a row counter or an auto-increment key). */
export function strictlyIncreasing(values: Float64Array): boolean {
  const state = { previous: -Infinity, seen: 0 };
  for (const [start, end] of kernelRanges(0, values.length)) if (!increasingRange(values, start, end, state)) return false;
  return state.seen > 1;
}

/** {@link strictlyIncreasing} over values i0..i1, continuing from `state`; false at the first step that is not up. */
function increasingRange(values: Float64Array, i0: number, i1: number, state: { previous: number; seen: number }): boolean {
  let { previous, seen } = state;
  for (let i = i0; i < i1; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (v <= previous) return false;
    previous = v;
    seen++;
  }
  state.previous = previous;
  state.seen = seen;
  return true;
}

/** Quotes a replacement cell text the way RFC 4180 requires, given the delimiter. */
export function csvField(value: string, delimiter: string, forceQuotes = false): string {
  return forceQuotes || value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The cell exactly as written in a text file (CSV field, JSON value), when the ranges are in the file itself. */
export function cellSourceText(data: IngestResult, row: number, column: number): string | undefined {
  return data.rangesIn === 'file' ? data.source.cellSourceText?.(row, column) : undefined;
}

/** Range of a whole record including its line break (deleting it removes the line), when the ranges are in the file itself. */
export function recordRangeWithLineBreak(data: IngestResult, row: number): TextRange | undefined {
  return data.rangesIn === 'file' ? data.source.rowRangeWithLineBreak?.(row) : undefined;
}

/** How a fix that empties a cell names the result: "null" in JSON Lines, "an empty cell" in CSV. */
export function missingCellLabel(data: IngestResult): string {
  return data.format === 'jsonl' ? 'null' : 'an empty cell';
}

/** A number as JSON writes it ("16.0", "-5", "1e-7"): what a fix may write bare into a JSON value. */
const jsonNumber = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A cell's new value: text, a missing value (null), or `{ number }`, a number as written ("16.0"): a CSV
 * field holds it as text, a JSON value as a JSON number.
 */
export type NewCellValue = string | null | { number: string };

/**
 * {@link replaceCellFix} built when the finding is published (a fix reads the cell's source from the file: not
 * for the cells the publishing cap folds into a summary), as a finding's lazy `fixes`.
 */
export function replaceCellFixes(data: IngestResult, row: number, column: number, newValue: NewCellValue, title: string): () => NonNullable<ReturnType<typeof replaceCellFix>>[] {
  return () => {
    const fix = replaceCellFix(data, row, column, newValue, title);
    return fix ? [fix] : [];
  };
}

/**
 * A replacement fix for one cell of a text file, written as the format needs: a CSV field (quoted when it
 * was, or must be; a missing value is empty), a JSON value (a string quoted and escaped, a number bare; a
 * missing value is `null`). None when the ranges are not in the file itself (binary and gzip files).
 */
export function replaceCellFix(data: IngestResult, row: number, column: number, newValue: NewCellValue, title: string) {
  const written = cellSourceText(data, row, column);
  if (written === undefined) return undefined;
  const text = newValue === null ? null : typeof newValue === 'string' ? newValue : newValue.number;
  let newText: string;
  if (data.format !== 'jsonl') newText = csvField(text ?? '', data.dialect?.delimiter ?? ',', written.startsWith('"'));
  else if (text === null) newText = 'null';
  else newText = typeof newValue !== 'string' && jsonNumber.test(text) ? text : JSON.stringify(text);
  return { kind: 'replace' as const, title, range: data.source.cellRange(row, column), newText };
}

/** Calls `visit` for each row, in order, whose value (by id) `mapping` holds: the row, its value's id and what the id maps to. */
export function eachMappedRow<T>(distinct: DistinctValues, mapping: ReadonlyMap<number, T>, visit: (row: number, id: number, to: T) => void): void {
  const ids = distinct.ids;
  for (let r = 0; r < ids.length; r++) {
    const to = ids[r] < 0 ? undefined : mapping.get(ids[r]);
    if (to !== undefined) visit(r, ids[r], to);
  }
}
