/**
 * Messages between the extension host and a table worker (worker_threads): the worker holds one file's
 * table session; the host asks for row windows, views (sort, filter), positions and copies. Plain
 * structured-clone data.
 */
import type { ColumnInfo, CsvDialect, SourceFormat } from '../core/table/model';
import type { TableProfile } from '../core/profile/types';
import type { FilterSpec, GridFinding, RowWindow, SortSpec, ViewInfo } from '../core/table-session/types';
import type { ReadSettings } from '../core/ingest/options';

export interface TableOpenRequest {
  type: 'open';
  path: string;
  read: ReadSettings;
}

/** Requests that get one reply each, keyed by their name. */
export interface TableQueries {
  window: { query: { start: number; count: number; c0: number; c1: number }; reply: RowWindow };
  view: { query: { sort: SortSpec | null; filter: FilterSpec | null }; reply: ViewInfo };
  locate: { query: { row: number }; reply: { index: number } };
  copy: { query: { start: number; end: number; c0: number; c1: number }; reply: { text: string; rows: number; truncated: boolean } };
}

export type TableQueryName = keyof TableQueries;

/** A query about view `view` (each editor of the file has its own sort and filter). */
export type TableQueryMessage = {
  [K in TableQueryName]: { type: 'query'; id: number; view: number; name: K; query: TableQueries[K]['query'] };
}[TableQueryName];

export type TableRequest =
  | TableOpenRequest
  | TableQueryMessage
  | { type: 'findings'; findings: GridFinding[] }
  /** An editor closed: its view is dropped. */
  | { type: 'close'; view: number };

export interface TableOpened {
  format: SourceFormat;
  columns: ColumnInfo[];
  paged: boolean;
  rows: number;
  /** The first block of rows (GRID_BLOCK), so a grid paints them while the rest of the file is read. */
  firstRows: RowWindow;
}

export interface TableLoaded {
  rows: number;
  columns: ColumnInfo[];
  dialect?: CsvDialect;
  readMs: number;
  /** The first block of rows (GRID_BLOCK) of the whole read: a grid that starts after the read paints them at once. */
  firstRows: RowWindow;
}

export type TableWorkerMessage =
  | { type: 'opened'; opened: TableOpened }
  | { type: 'progress'; bytesRead: number; totalBytes: number; rows: number }
  | { type: 'loaded'; loaded: TableLoaded }
  | { type: 'profile'; profile: TableProfile }
  | { type: 'reply'; id: number; value: TableQueries[TableQueryName]['reply'] }
  | { type: 'failed'; id: number; message: string }
  /** The file could not be opened or read. */
  | { type: 'error'; message: string };
