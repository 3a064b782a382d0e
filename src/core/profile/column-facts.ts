/**
 * Per-column facts of an in-memory Arrow column, computed once and shared by the exact profile and the
 * quality rules: the null mask and null rows, the values as numbers, their moments, their finite values
 * sorted (a sorted copy, or only its runs when they are few) and those runs, and the distinct values of
 * text columns (an id per row, counts, first rows).
 * Everything is read straight from the chunks' typed arrays (`values`, `valueOffsets`, null bitmaps);
 * nothing is allocated per cell. Sorting is a copy for ordered values, a small hash table for values with
 * few distinct ones, else a radix sort; Utf8 values are told apart by their bytes (hashed, equal hashes
 * confirmed byte by byte), dictionary values by their indices.
 *
 * Facts are cached per column, keyed by its first Arrow `Data` chunk, for as long as the table lives, so
 * `profileTable(data)` and `runQualityCheck(data, …)` over the same table compute each fact once.
 */
import { DataType, type Data } from 'apache-arrow';
import { LITTLE_ENDIAN, kernelRanges } from './facts/kernels';
import { copyFinite, distinctFromFew, FEW_SLOTS, holdsBothZeros, orderedFinite, radixSort, runsOf, sortedFromDistinct, type SortedRuns } from './facts/sort-finite';
import { SortedNumbers, VALUES_PER_RUN } from './facts/sorted-numbers';
import { dictionaryDistinct, type DistinctValues } from './facts/distinct-values';
import { utf8Distinct } from './facts/utf8-distinct';
import { scanRange, type FiniteStats, type NumericScan, type ScanState } from './facts/numeric-scan';
import { readNumbers } from './facts/column-numbers';
import { numberCodes, type ValueCodes } from './facts/value-codes';
import { booleanRuns } from './facts/boolean-runs';

export { kernelRanges, runsOf };
export { sortFinite, sortFiniteWithRuns, type SortedRuns } from './facts/sort-finite';
export { SortedNumbers } from './facts/sorted-numbers';
export { distinctOfTexts, type DistinctValues } from './facts/distinct-values';
export { computeFiniteStats, type FiniteStats } from './facts/numeric-scan';
export { codesAt, numberCodes, pairCodes, type ValueCodes } from './facts/value-codes';

/** Rows from which the column scan counts few distinct values in a table (on little-endian machines, where it reads their bits). */
const FEW_TABLE_ROWS = 512;

export class ColumnFacts {
  readonly rows: number;
  private mask: Uint8Array | undefined;
  private numbersValue: Float64Array | null | undefined;
  private sorted: SortedNumbers | undefined;
  private runs: SortedRuns | undefined;
  private distinctValue: DistinctValues | null | undefined;
  private scanned: NumericScan | null | undefined;
  private nullRowList: Int32Array | undefined;
  private codes: ValueCodes | null | undefined;

  constructor(readonly chunks: readonly Data[]) {
    let rows = 0;
    for (const chunk of chunks) rows += chunk.length;
    this.rows = rows;
  }

  /** 1 where the cell is null (Null-typed chunks are null throughout). Read-only: columns without nulls share one. */
  nullMask(): Uint8Array {
    if (this.mask) return this.mask;
    if (this.chunks.every((chunk) => chunk.typeId !== 1 && chunk.nullCount === 0)) {
      this.nullRowList = new Int32Array(0);
      return (this.mask = zeroMask(this.rows));
    }
    const out = new Uint8Array(this.rows);
    const nullRows: number[] = [];
    let row = 0;
    for (const chunk of this.chunks) {
      const n = chunk.length;
      if (chunk.typeId === 1) {
        out.fill(1, row, row + n);
        for (let i = 0; i < n; i++) nullRows.push(row + i);
      } else {
        const bitmap = chunk.nullBitmap as Uint8Array | undefined;
        if (chunk.nullCount > 0 && bitmap && bitmap.length > 0) {
          const offset = chunk.offset;
          // Whole bitmap bytes eight rows at a time where the chunk starts on a byte, then the rest bit by bit.
          const whole = (offset & 7) === 0 ? n & ~7 : 0;
          if (whole > 0) nullsOfBytes(bitmap, offset >> 3, whole, out, row, nullRows);
          nullsOfBits(bitmap, offset, whole, n, out, row, nullRows);
        }
      }
      row += n;
    }
    this.nullRowList = Int32Array.from(nullRows);
    return (this.mask = out);
  }

  nullCount(): number {
    return this.nullRows().length;
  }

  /** The rows whose cell is null, ascending. */
  nullRows(): Int32Array {
    if (!this.nullRowList) this.nullMask();
    return this.nullRowList as Int32Array;
  }

  /**
   * The values as numbers, NaN where null, as Arrow's `get` gives them, for integer (Number of 64-bit
   * ones), float (not 16-bit), boolean (0/1), date (epoch ms) and timestamp (epoch ms, fractional for
   * micro- and nanoseconds) columns; null for other types (callers fall back to reading values one by one).
   * Read-only: a column of one Float64 chunk is its own numbers (see {@link sharedFloat64Values}).
   */
  numbers(): Float64Array | null {
    if (this.numbersValue !== undefined) return this.numbersValue;
    const out = sharedFloat64Values(this.chunks, this.rows) ?? readNumbers(this.chunks, this.rows);
    if (out) for (const r of this.nullRows()) out[r] = NaN;
    return (this.numbersValue = out);
  }

  /**
   * Count, mean, M2 (Welford, in row order), min and max of the finite numbers, and the non-finite ones
   * (NaN, ±Infinity, nulls excluded); null when {@link numbers} is.
   */
  finiteStats(): FiniteStats | null {
    return this.scan()?.stats ?? null;
  }

  /**
   * One pass over the numbers, kernel by kernel, for what the profile and the rules need of them: the
   * Welford moments, whether they are already in order, and their distinct values while those are few
   * (the sort then only orders the distinct values). The moment updates form a chain of dependent
   * divisions; the order check and the counting run in its shadow.
   */
  private scan(): NumericScan | null {
    if (this.scanned !== undefined) return this.scanned;
    const numbers = this.numbers();
    if (!numbers) return (this.scanned = null);
    const mask = this.nullMask();
    const table = LITTLE_ENDIAN && numbers.length >= FEW_TABLE_ROWS ? new Uint32Array(3 * FEW_SLOTS) : undefined;
    const s: ScanState = { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, nonFinite: 0, previous: -Infinity, ordered: true, strictly: true, few: table ? 0 : -1 };
    const kinds = new Set<number>();
    for (const [start, end] of kernelRanges(0, numbers.length)) scanRange(s, kinds, numbers, mask, table, start, end);
    const stats: FiniteStats = { n: s.n, mean: s.mean, m2: s.m2, min: s.min, max: s.max, nonFinite: s.nonFinite, nonFiniteKinds: kinds.size };
    return (this.scanned = { stats, ordered: s.ordered, strictly: s.strictly, few: s.few, table: s.few >= 0 ? table : undefined });
  }

  /**
   * The finite numbers, sorted (null when {@link numbers} is): held as runs when the column has few distinct
   * values (see {@link SortedNumbers.compact}), else as a sorted array (the numbers themselves when they are
   * in order and all finite).
   */
  sortedNumbers(): SortedNumbers | null {
    if (this.sorted) return this.sorted;
    // Booleans out of order: their two runs counted straight (as the scan's table of few values would give them).
    const bools = LITTLE_ENDIAN && this.rows >= FEW_TABLE_ROWS && this.chunks.length > 0 && this.chunks.every((chunk) => DataType.isBool(chunk.type)) ? this.numbers() : null;
    const runs = bools && booleanRuns(bools);
    if (runs && runs.values.length * VALUES_PER_RUN <= this.rows - this.nullCount()) {
      this.runs = runs;
      return (this.sorted = SortedNumbers.ofRuns(runs.values, runs.counts));
    }
    const scan = this.scan();
    const numbers = this.numbers();
    if (!scan || !numbers) return null;
    const n = scan.stats.n;
    const table = scan.table;
    scan.table = undefined;
    if (scan.ordered) {
      // Numbers already in order and all finite are their own sorted copy (both are read-only).
      const { sorted, runs } = orderedFinite(numbers, n, scan.strictly, { share: true });
      this.runs = runs ?? runsOf(sorted, { share: true });
      return (this.sorted = sorted === numbers ? SortedNumbers.ofArray(sorted) : SortedNumbers.compact(sorted, this.runs));
    }
    if (table) {
      // Few distinct values: their runs straight from the scan's table, without writing the sorted copy.
      const distinct = distinctFromFew(table, scan.few);
      if (distinct.values.length * VALUES_PER_RUN <= n && !holdsBothZeros(distinct)) {
        this.runs = distinct;
        return (this.sorted = SortedNumbers.ofRuns(distinct.values, distinct.counts));
      }
      const { sorted, runs } = sortedFromDistinct(distinct);
      this.runs = runs;
      return (this.sorted = SortedNumbers.ofArray(sorted));
    }
    const sorted = radixSort(copyFinite(numbers, n));
    this.runs = runsOf(sorted, { share: true });
    return (this.sorted = SortedNumbers.compact(sorted, this.runs));
  }

  /** The runs of {@link sortedNumbers}: distinct finite values and their counts (null when {@link numbers} is). */
  sortedRuns(): SortedRuns | null {
    return this.sortedNumbers() && (this.runs as SortedRuns);
  }

  /** Distinct values of a Utf8, LargeUtf8 or dictionary-encoded column (null for other types). */
  distinct(): DistinctValues | null {
    if (this.distinctValue !== undefined) return this.distinctValue;
    const first = this.chunks[0];
    const mask = this.nullMask();
    let result: DistinctValues | null = null;
    if (!first) result = null;
    else if (DataType.isUtf8(first.type) || DataType.isLargeUtf8(first.type)) result = utf8Distinct(this.chunks, this.rows, mask);
    else if (DataType.isDictionary(first.type)) result = dictionaryDistinct(this.chunks, this.rows, mask);
    return (this.distinctValue = result);
  }

  /**
   * An id per row of the row's value (−1 where null), in order of first appearance: the distinct values' ids
   * of a text column, ids of the numbers of a numeric, boolean or temporal one; null for other types.
   */
  valueCodes(): ValueCodes | null {
    if (this.codes !== undefined) return this.codes;
    const distinct = this.distinct();
    if (distinct) return (this.codes = { ids: distinct.ids, size: distinct.size });
    const numbers = this.numbers();
    return (this.codes = numbers ? numberCodes(numbers) : null);
  }
}

/**
 * The values of a Float64 column held in one buffer, to serve as its numbers instead of a copy: one chunk, or
 * chunks that are consecutive views of one buffer (a parallel CSV read builds them so). Arrow leaves the
 * values under nulls unspecified, so writing NaN there (as {@link ColumnFacts.numbers} does) changes nothing
 * the table says. Undefined for other columns.
 */
function sharedFloat64Values(chunks: readonly Data[], rows: number): Float64Array | undefined {
  const first = chunks[0]?.values as unknown;
  if (!(first instanceof Float64Array)) return undefined;
  let end = first.byteOffset;
  for (const chunk of chunks) {
    const values = chunk.values as unknown;
    if (!DataType.isFloat(chunk.type) || chunk.stride !== 1 || !(values instanceof Float64Array) || values.buffer !== first.buffer || values.byteOffset !== end || values.length < chunk.length) return undefined;
    end += 8 * chunk.length;
  }
  return new Float64Array(first.buffer, first.byteOffset, rows);
}

/**
 * Marks in `out` (from `row` on) and lists the null rows of a validity bitmap's whole bytes (`rows`, a multiple
 * of 8, from byte `first` on), skipping bytes with no null (0xff) eight rows at a time. (This loop and that of
 * {@link nullsOfBits} are functions of their own, with nothing after the loop: V8 may compile a loop while its
 * first call runs, and code after it that had not run yet would make that code bail out, to be compiled again.)
 */
function nullsOfBytes(bitmap: Uint8Array, first: number, rows: number, out: Uint8Array, row: number, nullRows: number[]): void {
  for (let i = 0; i < rows; i += 8) {
    const byte = bitmap[first + (i >> 3)];
    if (byte === 0xff) continue;
    for (let k = 0; k < 8; k++) {
      if ((byte & (1 << k)) === 0) {
        out[row + i + k] = 1;
        nullRows.push(row + i + k);
      }
    }
  }
}

/** {@link nullsOfBytes} bit by bit, for the chunk's rows from..to (bit `offset` + i is row i's). */
function nullsOfBits(bitmap: Uint8Array, offset: number, from: number, to: number, out: Uint8Array, row: number, nullRows: number[]): void {
  for (let i = from; i < to; i++) {
    const p = offset + i;
    if ((bitmap[p >> 3] & (1 << (p & 7))) === 0) {
      out[row + i] = 1;
      nullRows.push(row + i);
    }
  }
}

/** The null mask of columns without nulls, shared by those of the same length (the newest length asked for). */
let zeros = new Uint8Array(0);

function zeroMask(rows: number): Uint8Array {
  if (zeros.length !== rows) zeros = new Uint8Array(rows);
  return zeros;
}

let cache = new WeakMap<Data, ColumnFacts[]>();

/** The (cached) facts of a column given as its Arrow chunks. */
export function columnFacts(chunks: readonly Data[]): ColumnFacts {
  const first = chunks[0];
  if (!first) return new ColumnFacts(chunks);
  let list = cache.get(first);
  if (!list) cache.set(first, (list = []));
  for (const facts of list) {
    if (facts.chunks.length === chunks.length && facts.chunks.every((c, i) => c === chunks[i])) return facts;
  }
  const facts = new ColumnFacts([...chunks]);
  list.push(facts);
  return facts;
}

/** Forgets every cached fact (benchmarks measure cold computations with it). */
export function clearColumnFactsCache(): void {
  cache = new WeakMap();
}
