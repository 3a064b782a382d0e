/**
 * Where a session's rows live. A memory store holds the whole table (growing batch by batch while the
 * file is read); a paged store holds an index of the file's batches and an LRU of a few decoded ones,
 * reading a batch again when it is needed (files over the memory budget).
 */
import type { RecordBatch, Schema } from 'apache-arrow';
import type { ColumnInfo, IngestResult, RawCell } from '../table/model';
import { RawCellIndex, columnTexts, gridCell, type ColumnText } from './values';
import type { GridCell } from './types';
import { countSorted } from '../shared/count-sorted';

/** A batch of rows with the raw texts the reader kept for it (CSV, JSON Lines: NA tokens, rejected values, numbers written in another form; rows relative to the batch). */
export interface LoadedBatch {
  batch: RecordBatch;
  raw: RawCellIndex | null;
}

/** The batches of an ingested table, each with the raw cells of its rows. */
export function loadedBatchesOf(result: IngestResult): LoadedBatch[] {
  const out: LoadedBatch[] = [];
  let start = 0;
  for (const batch of result.table.batches) {
    const end = start + batch.numRows;
    const local = (cells: readonly RawCell[]) => cells.filter((c) => c.row >= start && c.row < end).map((c) => ({ ...c, row: c.row - start }));
    const kept = result.rejectedCells.length + result.naTokenCells.length + result.variantCells.length;
    const raw = kept > 0 ? new RawCellIndex(local(result.rejectedCells), local(result.naTokenCells), local(result.variantCells)) : null;
    out.push({ batch, raw });
    start = end;
  }
  return out;
}

export interface CellOptions {
  /** Whole texts instead of texts capped at MAX_CELL_CHARS (copying). */
  full?: boolean;
}

/** Where a session's rows are: every row in memory, or an index of the file's batches. */
export type RowStore = MemoryStore | PagedStore<unknown>;

/** Batches in row order with their first rows, for finding the batch of a row. */
class BatchRows<T> {
  readonly items: T[] = [];
  readonly starts: number[] = [];
  rowCount = 0;

  push(item: T, rows: number): void {
    this.items.push(item);
    this.starts.push(this.rowCount);
    this.rowCount += rows;
  }

  /** Index of the batch holding `row`. */
  indexOf(row: number): number {
    // The last batch starting at or before `row` (the first, for an empty table).
    return Math.max(0, countSorted(this.starts, row, false) - 1);
  }
}

function checkRow(row: number, rowCount: number): void {
  if (!Number.isInteger(row) || row < 0 || row >= rowCount) throw new RangeError(`row ${row} is outside the table (0..${rowCount - 1})`);
}

/** The cells of row `local` of a loaded batch in columns [c0, c1). */
export function rowCells(texts: ColumnText[], loaded: LoadedBatch, local: number, c0: number, c1: number, full: boolean): GridCell[] {
  const out: GridCell[] = [];
  const children = loaded.batch.data.children;
  for (let c = c0; c < c1; c++) out.push(gridCell(texts[c], children[c], local, loaded.raw, c, full));
  return out;
}

export class MemoryStore {
  private rows = new BatchRows<LoadedBatch>();
  private texts: ColumnText[];

  constructor(
    public schema: Schema,
    public columns: ColumnInfo[],
  ) {
    this.texts = columnTexts(schema, columns);
  }

  get rowCount(): number {
    return this.rows.rowCount;
  }

  get batches(): readonly LoadedBatch[] {
    return this.rows.items;
  }

  get batchStarts(): readonly number[] {
    return this.rows.starts;
  }

  append(loaded: LoadedBatch): void {
    if (loaded.batch.numRows > 0) this.rows.push(loaded, loaded.batch.numRows);
  }

  /** Replaces every batch (a complete read after a preview); columns may have new types. */
  replace(schema: Schema, columns: ColumnInfo[], batches: readonly LoadedBatch[]): void {
    this.schema = schema;
    this.columns = columns;
    this.texts = columnTexts(schema, columns);
    this.rows = new BatchRows<LoadedBatch>();
    for (const b of batches) this.append(b);
  }

  /** Cells of file rows `rows` (any order) in columns [c0, c1). */
  cells(rows: readonly number[], c0: number, c1: number, options: CellOptions = {}): Promise<GridCell[][]> {
    return Promise.resolve(
      rows.map((row) => {
        checkRow(row, this.rowCount);
        const b = this.rows.indexOf(row);
        const start = this.rows.starts[b];
        return rowCells(this.texts, this.rows.items[b], row - start, c0, c1, options.full === true);
      }),
    );
  }
}

/** A file read batch by batch, where each batch can be read again from its position. */
export interface PagedSource<P> {
  /** Every batch in order with its position. */
  scan(signal?: AbortSignal): AsyncGenerator<{ loaded: LoadedBatch; position: P }, void, undefined>;
  /** Reads the batch at `position` again. */
  load(position: P): Promise<LoadedBatch>;
}

function batchBytes(loaded: LoadedBatch): number {
  return loaded.batch.data.children.reduce((sum, child) => sum + child.byteLength, 0) + 64 * (loaded.raw?.size ?? 0);
}

/**
 * Rows of a file over the memory budget: an index of batch positions (built by one pass, `index()`), and
 * at most `cacheBytes` of decoded batches (at least two), least recently used dropped first.
 */
export class PagedStore<P> {
  private readonly rows = new BatchRows<P>();
  private readonly cache = new Map<number, LoadedBatch>();
  private readonly loading = new Map<number, Promise<LoadedBatch>>();
  private cachedBytes = 0;
  private readonly texts: ColumnText[];
  /** Batch loads from the file since the index was complete (cache misses). */
  reloads = 0;

  constructor(
    readonly schema: Schema,
    readonly columns: ColumnInfo[],
    private readonly source: PagedSource<P>,
    private readonly cacheBytes: number,
  ) {
    this.texts = columnTexts(schema, columns);
  }

  get rowCount(): number {
    return this.rows.rowCount;
  }

  get batchCount(): number {
    return this.rows.items.length;
  }

  /** Reads the whole file once, indexing its batches; `onBatch` sees each (e.g. a streaming profiler). */
  async index(onBatch: (loaded: LoadedBatch, rowCount: number) => void, signal?: AbortSignal): Promise<void> {
    for await (const { loaded, position } of this.source.scan(signal)) {
      if (loaded.batch.numRows === 0) continue;
      const index = this.rows.items.length;
      this.rows.push(position, loaded.batch.numRows);
      this.remember(index, loaded);
      onBatch(loaded, this.rows.rowCount);
    }
  }

  private remember(index: number, loaded: LoadedBatch): void {
    const old = this.cache.get(index);
    if (old) {
      this.cachedBytes -= batchBytes(old);
      this.cache.delete(index);
    }
    this.cache.set(index, loaded);
    this.cachedBytes += batchBytes(loaded);
    for (const [key, batch] of this.cache) {
      if (this.cachedBytes <= this.cacheBytes || this.cache.size <= 2) break;
      this.cache.delete(key);
      this.cachedBytes -= batchBytes(batch);
    }
  }

  private async batch(index: number): Promise<LoadedBatch> {
    const cached = this.cache.get(index);
    if (cached) {
      // Most recently used last.
      this.cache.delete(index);
      this.cache.set(index, cached);
      return cached;
    }
    let pending = this.loading.get(index);
    if (!pending) {
      this.reloads++;
      pending = this.source.load(this.rows.items[index]).finally(() => this.loading.delete(index));
      this.loading.set(index, pending);
    }
    const loaded = await pending;
    this.remember(index, loaded);
    return loaded;
  }

  async cells(rows: readonly number[], c0: number, c1: number, options: CellOptions = {}): Promise<GridCell[][]> {
    const out: GridCell[][] = new Array(rows.length);
    // Rows of the same batch together: a window of a file-ordered view touches one or two batches.
    const byBatch = new Map<number, number[]>();
    rows.forEach((row, i) => {
      checkRow(row, this.rowCount);
      const b = this.rows.indexOf(row);
      const list = byBatch.get(b);
      if (list) list.push(i);
      else byBatch.set(b, [i]);
    });
    for (const [b, positions] of byBatch) {
      const loaded = await this.batch(b);
      const start = this.rows.starts[b];
      for (const i of positions) out[i] = rowCells(this.texts, loaded, rows[i] - start, c0, c1, options.full === true);
    }
    return out;
  }

  /** Visits every batch in row order with its first row, reading them one by one. */
  async forEachBatch(visit: (loaded: LoadedBatch, start: number) => void, signal?: AbortSignal): Promise<void> {
    for (let b = 0; b < this.rows.items.length; b++) {
      signal?.throwIfAborted();
      visit(await this.batch(b), this.rows.starts[b]);
    }
  }
}
