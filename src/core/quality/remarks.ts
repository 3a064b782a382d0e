/**
 * Columns of remarks: free notes written now and then (a plot "shortened by 1 m", "not harvested – waterlogged"), whose
 * presence marks the rows a field-trial, a visit or a loan set apart. Read by dependency-violation (exceptions a remark
 * explains, set-apart.ts) and missing-value (rows empty together that a remark marks, inapplicable-cells.ts).
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, nullCount } from './column-values';

/** Share of the table's rows, at most, a column of remarks fills (a note now and then, not a field every row holds). */
const MAX_REMARKED_SHARE = 0.25;

/** Whether column k is a column of remarks: text, filled in some rows and in at most MAX_REMARKED_SHARE of them. */
export function isRemarkColumn(data: IngestResult, k: number): boolean {
  if (!TEXT_KINDS.includes(data.columns[k].kind)) return false;
  const rows = data.table.numRows;
  const filled = rows - nullCount(data, k);
  return filled > 0 && filled <= MAX_REMARKED_SHARE * rows;
}

/** The share of the table's rows column k fills. */
export function filledShare(data: IngestResult, k: number): number {
  const rows = data.table.numRows;
  return (rows - nullCount(data, k)) / Math.max(1, rows);
}
