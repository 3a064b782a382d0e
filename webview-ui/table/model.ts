/** Pure pieces of the table view (unit-tested without a browser): sort cycling, the filter form, the view line, selections. */
import type { FilterCondition, FilterSpec, SortSpec, TableStrings, ViewInfo } from '../../src/shared/protocol/table';
import { formatNumber } from '../shared/format';
import { fill } from '../shared/l10n';

/** Clicking a header cycles: ascending → descending → file order. */
export function nextSort(current: SortSpec | null, column: number): SortSpec | null {
  if (!current || current.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}

/** The filter form's conditions, in the order its picker lists them. */
export const FILTER_OPERATORS = ['contains', '=', '!=', '<', '<=', '>', '>=', 'missing', 'present'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** The filter form: one condition (column 'all' = any column, for "contains") and the findings toggle. */
export interface FilterForm {
  column: number | 'all';
  operator: FilterOperator;
  value: string;
  onlyFindings: boolean;
}

export const EMPTY_FORM: FilterForm = { column: 'all', operator: 'contains', value: '', onlyFindings: false };

export function filterFromForm(form: FilterForm): FilterSpec | null {
  const conditions: FilterCondition[] = [];
  const { column, operator, value } = form;
  if (operator === 'missing' || operator === 'present') {
    if (column !== 'all') conditions.push({ kind: 'missing', column, missing: operator === 'missing' });
  } else if (value.trim() !== '') {
    if (operator === 'contains') conditions.push({ kind: 'contains', column: column === 'all' ? null : column, text: value });
    else if (column !== 'all') conditions.push({ kind: 'compare', column, op: operator, value });
  }
  return conditions.length || form.onlyFindings ? { conditions, onlyFindings: form.onlyFindings } : null;
}

/** Operators a column choice allows: comparisons and "missing" need one column. */
export function operatorsFor(column: number | 'all'): FilterOperator[] {
  return column === 'all' ? ['contains'] : [...FILTER_OPERATORS];
}

export type ViewLineWords = Pick<TableStrings, 'rows' | 'rowsOfTotal' | 'sortCoverage' | 'filterCoverage'>;

/** "n of N rows", or "N rows" when nothing is filtered out (in the host's words). */
export function rowsOf(words: ViewLineWords, shown: number, total: number): string {
  return shown === total ? fill(words.rows, formatNumber(total)) : fill(words.rowsOfTotal, formatNumber(shown), formatNumber(total));
}

/** "n of N rows", and what a sort or filter over a paged file covers. */
export function viewLine(info: ViewInfo, words: ViewLineWords): string {
  const parts = [rowsOf(words, info.rows, info.totalRows)];
  const { coverage } = info;
  if (coverage.sortLimit !== undefined) parts.push(fill(words.sortCoverage, formatNumber(coverage.sortLimit), formatNumber(coverage.scannedRows)));
  if (coverage.matchLimit !== undefined) parts.push(fill(words.filterCoverage, formatNumber(coverage.matchLimit), formatNumber(coverage.scannedRows)));
  return parts.join(' · ');
}

export interface CellPosition {
  row: number;
  column: number;
}

export interface Rect {
  rows: [number, number];
  columns: [number, number];
}

/** The rectangle between two cells, ends exclusive. */
export function selectionRect(anchor: CellPosition, cursor: CellPosition): Rect {
  return {
    rows: [Math.min(anchor.row, cursor.row), Math.max(anchor.row, cursor.row) + 1],
    columns: [Math.min(anchor.column, cursor.column), Math.max(anchor.column, cursor.column) + 1],
  };
}

/** Where a key moves the cursor; row -1 is the header row. `page` = rows one screen holds. */
export function moveCursor(cursor: CellPosition, key: string, ctrl: boolean, page: number, rows: number, columns: number): CellPosition | null {
  const clampRow = (r: number) => Math.max(-1, Math.min(rows - 1, r));
  const clampColumn = (c: number) => Math.max(0, Math.min(columns - 1, c));
  switch (key) {
    case 'ArrowUp':
      return { ...cursor, row: clampRow(cursor.row - 1) };
    case 'ArrowDown':
      return { ...cursor, row: clampRow(cursor.row + 1) };
    case 'ArrowLeft':
      return { ...cursor, column: clampColumn(cursor.column - 1) };
    case 'ArrowRight':
      return { ...cursor, column: clampColumn(cursor.column + 1) };
    case 'PageUp':
      return { ...cursor, row: clampRow(Math.max(0, cursor.row - page)) };
    case 'PageDown':
      return { ...cursor, row: clampRow(cursor.row + page) };
    case 'Home':
      return ctrl ? { row: Math.min(0, rows - 1), column: 0 } : { ...cursor, column: 0 };
    case 'End':
      return ctrl ? { row: rows - 1, column: columns - 1 } : { ...cursor, column: columns - 1 };
    default:
      return null;
  }
}

/** The widest a column grows to fit its cells (styles.ts); text wider than that ends in an ellipsis. */
export const MAX_CELL_WIDTH_EM = 40;
/** The widest character of the editor font, in em (CJK and emoji are about 1; Latin letters of a monospace font 0.6). */
const WIDEST_CHARACTER_EM = 1.25;

/**
 * Whether a cell's text may reach MAX_CELL_WIDTH_EM, and so needs clipping with an ellipsis. A clip on every
 * cell cost layout and paint on every scrolled frame; text shorter than this never reaches the limit.
 */
export function mayReachMaxWidth(text: string): boolean {
  return text.length * WIDEST_CHARACTER_EM >= MAX_CELL_WIDTH_EM;
}

/** A row number with thousands separators ("1,234,567"), without Intl (called for every row of every frame). */
export function rowLabel(n: number): string {
  const digits = String(n);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}
