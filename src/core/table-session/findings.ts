/** Findings placed on the grid: by row for a window's marks, and the set of rows that have any (a filter). */
import type { Severity } from '../quality/finding';
import type { CellMark, GridFinding } from './types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export class FindingIndex {
  private readonly byRow = new Map<number, { column: number | null; severity: Severity; finding: number }[]>();
  /** Rows with at least one finding, ascending. */
  readonly rows: Uint32Array;

  constructor(findings: readonly GridFinding[] = []) {
    findings.forEach((f, finding) => {
      if (f.row === null) return;
      const list = this.byRow.get(f.row);
      const entry = { column: f.column, severity: f.severity, finding };
      if (list) list.push(entry);
      else this.byRow.set(f.row, [entry]);
    });
    // The most severe first: a cell shows the colour of its worst finding.
    for (const list of this.byRow.values()) list.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    this.rows = Uint32Array.from([...this.byRow.keys()].sort((a, b) => a - b));
  }

  get size(): number {
    return this.rows.length;
  }

  has(row: number): boolean {
    return this.byRow.has(row);
  }

  /** Marks of the rows shown in a window (`rowNumbers[i]` at window row i) within columns [c0, c1). */
  marks(rowNumbers: readonly number[], c0: number, c1: number): CellMark[] {
    const marks: CellMark[] = [];
    rowNumbers.forEach((rowNumber, row) => {
      for (const f of this.byRow.get(rowNumber) ?? []) {
        if (f.column === null || (f.column >= c0 && f.column < c1)) marks.push({ row, column: f.column, severity: f.severity, finding: f.finding });
      }
    });
    return marks;
  }
}
