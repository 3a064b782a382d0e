/**
 * Runs the product on a table the way the editor and the CLI do: the table is written as a CSV file and
 * checked by `checkFile` (ingest → profile → every enabled rule, default settings), with the
 * publishing cap raised so that no finding is folded into a summary, and a fixed "now".
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkFile } from '../../../src/core/check/check-file';
import { toCsv, type Table } from './table';

/** A finding placed on a row (and, unless it is about the whole row, a column) of the checked table. */
export interface PlacedFinding {
  rule: string;
  row: number;
  column: number | null;
}

export interface CheckOutcome {
  placed: PlacedFinding[];
  /** Findings about a column or the file (no row): listed, never scored. */
  unplaced: { rule: string; column: number | null }[];
  /** The product's overall quality score (0–100). */
  score: number;
  /** How the product read each column: its kind and, for numbers written with one, its unit. */
  columns: { kind: string; unit?: string }[];
}

/** The date timeliness rules compare with, fixed so that runs are reproducible. */
export const CHECK_NOW = new Date('2025-06-01T00:00:00Z');

export async function checkTable(table: Table, file: string): Promise<CheckOutcome> {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, toCsv(table));
  const result = await checkFile({ path: file, read: {}, quality: { maxFindingsPerRuleAndColumn: Number.MAX_SAFE_INTEGER, now: CHECK_NOW } });
  if (result.rowCount !== table.rows.length) throw new Error(`${file}: the product read ${result.rowCount} rows, the table has ${table.rows.length}`);
  const placed: PlacedFinding[] = [];
  const unplaced: CheckOutcome['unplaced'] = [];
  for (const f of result.findings) {
    if (f.summaryOf !== undefined) throw new Error(`${file}: a summary finding of ${f.rule} hides findings; the cap must be raised`);
    if (f.row === null) unplaced.push({ rule: f.rule, column: f.columnIndex });
    else placed.push({ rule: f.rule, row: f.row, column: f.columnIndex });
  }
  const columns = result.columns.map((c, i) => ({ kind: c.kind, ...(result.profile.columns[i]?.unit ? { unit: result.profile.columns[i].unit } : {}) }));
  return { placed, unplaced, score: result.scores.overall, columns };
}
