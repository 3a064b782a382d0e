/**
 * Messages and state of the table editor, shared by the host (src/extension/table-editor) and
 * webview-ui/table. The webview never receives the table: it asks for row windows of the current view.
 */
import type { ColumnKind, SourceFormat } from '../../core/table/model';
import type { Severity } from '../../core/quality/finding';
import type { ColumnSummary, FilterSpec, RowWindow, SortSpec, ViewInfo } from '../../core/table-session/types';

export type { CellMark, ColumnSummary, CompareOp, FilterCondition, FilterSpec, GridCell, RowWindow, SortSpec, ViewCoverage, ViewInfo } from '../../core/table-session/types';

/** The grid asks for rows in blocks of this size; the first block comes with the first rows, unasked. */
export const GRID_BLOCK = { rows: 128, columns: 64 } as const;

export interface GridColumn {
  name: string;
  kind: ColumnKind;
  arrowType: string;
}

export interface TableFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** 0-based file row, null for column- or file-level findings. */
  row: number | null;
  column: number | null;
  columnName: string | null;
}

export interface TableInit {
  fileName: string;
  format: SourceFormat;
  /** Read batch by batch (over the memory budget). */
  paged: boolean;
  columns: GridColumn[];
  rows: number;
  /** Every row is read (or indexed, when paged). */
  complete: boolean;
  /** The first block of rows (GRID_BLOCK) of the file, sent with the first rows to paint them at once. */
  firstRows: RowWindow;
}

export type TableHostMessage =
  | { type: 'init'; init: TableInit }
  | { type: 'progress'; rows: number; bytesRead: number; totalBytes: number }
  /** Every row is read: the final row count and column types, and the first block of rows read with them. */
  | { type: 'loaded'; rows: number; columns: GridColumn[]; readMs: number; firstRows: RowWindow }
  | { type: 'summaries'; summaries: ColumnSummary[] }
  | { type: 'window'; requestId: number; window: RowWindow }
  /** The rows of window request `requestId` could not be read (every window request is answered, one way or the other). */
  | { type: 'windowFailed'; requestId: number; message: string }
  | { type: 'view'; requestId: number; info: ViewInfo }
  | { type: 'viewFailed'; requestId: number; message: string }
  /** Findings of the newest check (null: the file was not checked in this session). */
  | { type: 'findings'; findings: TableFinding[] | null; shown: number; total: number }
  /** Show file row `row` (and a column): from "Show in Table" or a finding. */
  | { type: 'reveal'; row: number; column: number | null }
  | { type: 'located'; requestId: number; index: number }
  | { type: 'status'; message: string }
  | { type: 'error'; message: string };

export type TableWebviewMessage =
  | { type: 'ready' }
  | { type: 'window'; requestId: number; start: number; count: number; c0: number; c1: number }
  | { type: 'view'; requestId: number; sort: SortSpec | null; filter: FilterSpec | null }
  | { type: 'locate'; requestId: number; row: number }
  | { type: 'copy'; start: number; end: number; c0: number; c1: number }
  | { type: 'check' }
  | { type: 'openText' };

/**
 * The table editor's words in the user's language, filled by the host with vscode.l10n.t and written into
 * its page; `{0}`, `{1}` … are filled in by the webview (webview-ui/table/messages.ts).
 */
export interface TableStrings {
  /** Rows of {0} (a file name) */
  gridLabel: string;
  /** {0} rows */
  rows: string;
  /** {0} of {1} rows */
  rowsOfTotal: string;
  /** reading… {0} rows ({1}) */
  reading: string;
  paged: string;
  /** sorted: the first {0} rows in this order, of {1} */
  sortCoverage: string;
  /** filtered: the first {0} matches of {1} rows */
  filterCoverage: string;
  sorting: string;
  filtering: string;
  filterColumn: string;
  allColumns: string;
  filterOperator: string;
  filterValue: string;
  filterPlaceholder: string;
  /** The words of the filter operators (the comparisons are symbols). */
  contains: string;
  isMissing: string;
  isNotMissing: string;
  onlyFindings: string;
  check: string;
  openText: string;
  /** Findings ({0}) */
  findingsCount: string;
  findings: string;
  notChecked: string;
  noFindings: string;
  /** {0} of {1} findings listed (see the Problems panel). */
  moreFindings: string;
  /** row {0} */
  atRow: string;
  atColumn: string;
  atFile: string;
  /** {0} missing */
  missingShare: string;
  sortHint: string;
  sortedAscending: string;
  sortedDescending: string;
  missingCell: string;
  /** "{0}" read as missing */
  naCell: string;
  /** "{0}" does not fit the column's type */
  rejectedCell: string;
  notInView: string;
  /** The file could not be opened: {0} */
  openFailed: string;
}
