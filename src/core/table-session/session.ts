/**
 * A table session: the rows of one data file as the grid sees them. It serves windows of the current view
 * (sorted and filtered, with the findings that fall on each cell), sorts and filters off the caller's
 * thread of control (it runs in a worker), finds where a file row sits in the view, and copies a
 * selection as TSV.
 *
 * In memory (`MemoryStore`) a sort is a radix argsort of the whole column and a filter scans every row.
 * Over the memory budget (`PagedStore`) both are one pass over the file's batches: a filter keeps up to
 * `matchLimit` matching rows (file order), a sort keeps the first `sortLimit` rows in sort order with their
 * cells; the view's coverage says so.
 */
import type { Data } from 'apache-arrow';
import { MISSING_RANK, argsortNumbers, argsortRanks, compareText, rankTexts } from './argsort';
import { compileFilter, isEmptyFilter } from './filter';
import { FindingIndex } from './findings';
import { MemoryStore, PagedStore, rowCells, type LoadedBatch, type RowStore } from './stores';
import { TextInterner, cellText, columnTexts, numberReaderFor, type ColumnText } from './values';
import type { FilterSpec, GridCell, GridFinding, RowWindow, SortSpec, ViewCoverage, ViewInfo } from './types';

export interface SessionLimits {
  /** Paged stores: rows a sort keeps (the first ones in sort order). */
  sortLimit: number;
  /** Paged stores: matching rows a filter keeps. */
  matchLimit: number;
  /** Cells one copy may hold. */
  copyCells: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { sortLimit: 10_000, matchLimit: 10_000_000, copyCells: 2_000_000 };

/** Rows of a sorted paged view, with their cells (every column). */
interface MaterializedRows {
  rowNumbers: Uint32Array;
  cells: GridCell[][];
}

interface View {
  /** File rows in view order; null = every row in file order. */
  rows: Uint32Array | null;
  materialized: MaterializedRows | null;
  sort: SortSpec | null;
  filter: FilterSpec | null;
  coverage: ViewCoverage | null;
}

const IDENTITY: View = { rows: null, materialized: null, sort: null, filter: null, coverage: null };

/** Per-row text ids (MISSING_RANK for missing) and the distinct texts of a column's chunks. */
function textIds(chunks: readonly { data: Data; start: number }[], rowCount: number, text: ColumnText): { ids: Uint32Array; distinct: string[] } {
  const ids = new Uint32Array(rowCount).fill(MISSING_RANK);
  const interner = new TextInterner(text);
  for (const { data, start } of chunks) ids.set(interner.ids(data), start);
  return { ids, distinct: interner.texts };
}

/** A sort key of one cell for the paged top-k selection: number, text, or null (missing, sorts last). */
type Key = number | string | null;

function compareKeys(a: Key, b: Key, desc: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c = typeof a === 'number' ? a - (b as number) : compareText(a, b as string);
  return desc ? -c : c;
}

function tsvField(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export class TableSession {
  private findings = new FindingIndex();
  private view: View = IDENTITY;

  constructor(
    readonly store: RowStore,
    readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
  ) {}

  /** Rows in the current view. */
  get viewRows(): number {
    return this.view.materialized?.rowNumbers.length ?? this.view.rows?.length ?? this.store.rowCount;
  }

  info(): ViewInfo {
    return {
      rows: this.viewRows,
      totalRows: this.store.rowCount,
      sort: this.view.sort,
      filter: this.view.filter,
      coverage: this.view.coverage ?? { scannedRows: this.store.rowCount },
    };
  }

  setFindings(findings: readonly GridFinding[]): void {
    this.findings = new FindingIndex(findings);
  }

  /** The file row at each view position in [start, end). */
  private fileRows(start: number, end: number): number[] {
    const out: number[] = [];
    const { rows, materialized } = this.view;
    for (let i = start; i < end; i++) out.push(materialized ? materialized.rowNumbers[i] : rows ? rows[i] : i);
    return out;
  }

  private clampRange(start: number, count: number): [number, number] {
    const s = Math.max(0, Math.min(Math.floor(start), this.viewRows));
    return [s, Math.max(s, Math.min(this.viewRows, s + Math.max(0, Math.floor(count))))];
  }

  /** View rows [start, start + count) in columns [c0, c1), with the findings on them. */
  async window(start: number, count: number, c0 = 0, c1 = this.store.columns.length): Promise<RowWindow> {
    const [s, e] = this.clampRange(start, count);
    const first = Math.max(0, Math.min(c0, this.store.columns.length));
    const last = Math.max(first, Math.min(c1, this.store.columns.length));
    const rowNumbers = this.fileRows(s, e);
    const materialized = this.view.materialized;
    const cells = materialized ? materialized.cells.slice(s, e).map((row) => row.slice(first, last)) : await this.store.cells(rowNumbers, first, last);
    return { start: s, firstColumn: first, rowNumbers, cells, marks: this.findings.marks(rowNumbers, first, last) };
  }

  /** Position of file row `row` in the view, or -1 when the view leaves it out. */
  locate(row: number): number {
    const { rows, materialized } = this.view;
    const list = materialized?.rowNumbers ?? rows;
    if (!list) return row >= 0 && row < this.store.rowCount ? row : -1;
    return list.indexOf(row);
  }

  /** View rows [start, end) × columns [c0, c1) as TSV (whole cell texts), at most `copyCells` cells. */
  async copy(start: number, end: number, c0: number, c1: number): Promise<{ text: string; rows: number; truncated: boolean }> {
    const width = Math.max(1, c1 - c0);
    const [s, wanted] = this.clampRange(start, end - start);
    const e = Math.min(wanted, s + Math.floor(this.limits.copyCells / width));
    const lines: string[] = [];
    const materialized = this.view.materialized;
    const CHUNK = 4096;
    for (let from = s; from < e; from += CHUNK) {
      const to = Math.min(e, from + CHUNK);
      const cells = materialized
        ? materialized.cells.slice(from, to).map((row) => row.slice(c0, c1))
        : await this.store.cells(this.fileRows(from, to), c0, c1, { full: true });
      for (const row of cells) lines.push(row.map((cell) => tsvField(cellText(cell))).join('\t'));
    }
    return { text: lines.join('\n'), rows: e - s, truncated: e < wanted };
  }

  /** Sorts and filters the whole file (see the module doc for files over the memory budget). */
  async applyView(sort: SortSpec | null, filter: FilterSpec | null, signal?: AbortSignal): Promise<ViewInfo> {
    const keepFilter = isEmptyFilter(filter) ? null : filter;
    if (sort && (!Number.isInteger(sort.column) || sort.column < 0 || sort.column >= this.store.columns.length)) {
      throw new Error(`There is no column ${sort.column}.`);
    }
    if (!sort && !keepFilter) {
      this.view = IDENTITY;
      return this.info();
    }
    const { store } = this;
    this.view = store instanceof MemoryStore ? this.memoryView(store, sort, keepFilter) : await this.pagedView(store, sort, keepFilter, signal);
    return this.info();
  }

  private memoryView(store: MemoryStore, sort: SortSpec | null, filter: FilterSpec | null): View {
    const n = store.rowCount;
    let order: Uint32Array | null = null;
    if (sort) {
      const chunks = store.batches.map((b, k) => ({ data: b.batch.data.children[sort.column], start: store.batchStarts[k] }));
      const read = numberReaderFor(store.schema.fields[sort.column].type);
      if (read) {
        const keys = new Float64Array(n);
        for (const { data, start } of chunks) read(data, keys, start);
        order = argsortNumbers(keys, sort.direction);
      } else {
        const { ids, distinct } = textIds(chunks, n, columnTexts(store.schema, store.columns)[sort.column]);
        order = argsortRanks(rankTexts(ids, distinct), sort.direction);
      }
    }
    let rows = order;
    if (filter) {
      const test = compileFilter(columnTexts(store.schema, store.columns), filter, this.findings);
      const mask = new Uint8Array(n);
      store.batches.forEach((b, k) => mask.set(test(b.batch, b.raw, store.batchStarts[k]), store.batchStarts[k]));
      const source = order;
      let count = 0;
      for (let i = 0; i < n; i++) count += mask[i];
      rows = new Uint32Array(count);
      let j = 0;
      for (let i = 0; i < n; i++) {
        const row = source ? source[i] : i;
        if (mask[row]) rows[j++] = row;
      }
    }
    return { rows, materialized: null, sort, filter, coverage: { scannedRows: n } };
  }

  private async pagedView(store: PagedStore<unknown>, sort: SortSpec | null, filter: FilterSpec | null, signal?: AbortSignal): Promise<View> {
    const test = filter ? compileFilter(columnTexts(store.schema, store.columns), filter, this.findings) : null;
    const scannedRows = store.rowCount;
    if (!sort) {
      const limit = this.limits.matchLimit;
      let rows = new Uint32Array(Math.min(limit, 1024));
      let kept = 0;
      let matched = 0;
      await store.forEachBatch((loaded, start) => {
        const mask = (test as NonNullable<typeof test>)(loaded.batch, loaded.raw, start);
        for (let i = 0; i < mask.length; i++) {
          if (!mask[i]) continue;
          matched++;
          if (kept >= limit) continue;
          if (kept === rows.length) {
            const grown = new Uint32Array(Math.min(limit, rows.length * 2));
            grown.set(rows);
            rows = grown;
          }
          rows[kept++] = start + i;
        }
      }, signal);
      return { rows: rows.slice(0, kept), materialized: null, sort, filter, coverage: { scannedRows, ...(matched > kept ? { matchLimit: limit } : {}) } };
    }
    // Top-k in one pass: candidates with their cells; above 2k, keep the first k in sort order.
    const limit = this.limits.sortLimit;
    const desc = sort.direction === 'desc';
    const type = store.schema.fields[sort.column].type;
    const read = numberReaderFor(type);
    const texts = columnTexts(store.schema, store.columns);
    const text = texts[sort.column];
    const width = store.columns.length;
    type Candidate = { key: Key; row: number; cells: GridCell[] };
    let candidates: Candidate[] = [];
    let threshold: Candidate | null = null;
    let considered = 0;
    const order = (a: Candidate, b: Candidate) => compareKeys(a.key, b.key, desc) || a.row - b.row;
    const prune = () => {
      candidates.sort(order);
      candidates = candidates.slice(0, limit);
      threshold = candidates.length === limit ? candidates[limit - 1] : null;
    };
    await store.forEachBatch((loaded: LoadedBatch, start) => {
      const data = loaded.batch.data.children[sort.column];
      const mask = test ? test(loaded.batch, loaded.raw, start) : null;
      const numbers = read ? new Float64Array(data.length) : null;
      if (read && numbers) read(data, numbers, 0);
      for (let i = 0; i < data.length; i++) {
        if (mask && !mask[i]) continue;
        considered++;
        const key: Key = numbers ? (Number.isNaN(numbers[i]) ? null : numbers[i]) : data.getValid(i) ? text.text(data, i) : null;
        const row = start + i;
        if (threshold && order({ key, row, cells: [] }, threshold) >= 0) continue;
        candidates.push({ key, row, cells: rowCells(texts, loaded, i, 0, width, false) });
        if (candidates.length >= 2 * limit) prune();
      }
    }, signal);
    prune();
    const materialized: MaterializedRows = { rowNumbers: Uint32Array.from(candidates, (c) => c.row), cells: candidates.map((c) => c.cells) };
    return { rows: null, materialized, sort, filter, coverage: { scannedRows, ...(considered > limit ? { sortLimit: limit } : {}) } };
  }
}
