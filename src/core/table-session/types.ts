/**
 * Plain data a table session hands out: row windows, sort and filter specifications, what a view covers.
 * Shared by the table worker's protocol and the table editor's webview protocol (structured-clone/JSON safe).
 */
import type { Severity } from '../quality/finding';

/**
 * One cell as shown: its text, null when missing (empty cell, null value), or the text of a cell that holds
 * no typed value: an NA token ('na', read as missing) or a value that did not fit its column's type ('rejected').
 */
export type GridCell = string | null | { text: string; note: 'na' | 'rejected' };

export type SortDirection = 'asc' | 'desc';

export interface SortSpec {
  column: number;
  direction: SortDirection;
}

export type CompareOp = '<' | '<=' | '>' | '>=' | '=' | '!=';

/** One filter condition; a filter keeps the rows that meet every condition. */
export type FilterCondition =
  /** The cell's text contains `text` (case-insensitive); column null = any column. */
  | { kind: 'contains'; column: number | null; text: string }
  /** Compares the cell with `value`: numbers, dates and timestamps by value, other columns by text. */
  | { kind: 'compare'; column: number; op: CompareOp; value: string }
  /** The cell is (or is not) missing. */
  | { kind: 'missing'; column: number; missing: boolean };

export interface FilterSpec {
  conditions: FilterCondition[];
  /** Keep only rows that have at least one finding. */
  onlyFindings: boolean;
}

/**
 * What a view (sort and filter) covers. In memory every row is sorted and filtered ('all'). A file over the
 * memory budget is read batch by batch: a filter still scans every row but keeps at most `matchLimit`
 * matches, and a sort shows the first `sortLimit` rows in sort order (found in one pass over the file).
 */
export interface ViewCoverage {
  /** Rows the view was computed over. */
  scannedRows: number;
  /** Set when the view holds only the first rows in sort order. */
  sortLimit?: number;
  /** Set when more rows matched the filter than the view keeps. */
  matchLimit?: number;
}

export interface ViewInfo {
  /** Rows in the view (after filter). */
  rows: number;
  /** Rows in the file (known so far while reading). */
  totalRows: number;
  sort: SortSpec | null;
  filter: FilterSpec | null;
  coverage: ViewCoverage;
}

/** A finding placed on the grid: a cell (column set) or a whole row (column null). */
export interface CellMark {
  /** Index of the row within the window. */
  row: number;
  column: number | null;
  severity: Severity;
  /** Index of the finding in the list the host sent. */
  finding: number;
}

/** Rows [start, start + rowNumbers.length) of a view, columns [firstColumn, firstColumn + cells[i].length). */
export interface RowWindow {
  start: number;
  firstColumn: number;
  /** 0-based row of the file (table row) shown at each view position. */
  rowNumbers: number[];
  cells: GridCell[][];
  marks: CellMark[];
}

/** A finding as the grid needs it (the host maps check findings to these). */
export interface GridFinding {
  row: number | null;
  column: number | null;
  severity: Severity;
}

/** What a column header shows from the profile. */
export interface ColumnSummary {
  /** Share of missing values (0..1). */
  missing: number;
  distinct: number;
  /** Histogram bin counts (numbers, dates), with the range they cover as text. */
  histogram?: { counts: number[]; from: string; to: string };
  /** Most frequent values with their share of the rows (text columns). */
  topValues?: { value: string; share: number }[];
}
