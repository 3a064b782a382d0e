/**
 * The quality score (docs/score.md): the share of rows, and of cells, that carry no error or warning
 * finding, per dimension and overall; a file with an error-severity finding is capped below 95.
 *
 * The engine marks every error or warning finding here as it is reported, published or not (the publishing
 * cap only folds findings into summaries), in bitsets per dimension: rows, cells per column, columns. A
 * tally of the marks can be merged with others (the batches of a large file, the files of one CLI run),
 * so every shell computes the score the same way from the same counts.
 */
import type { Dimension, Severity } from './finding';

/** The highest headline score a file with an error-severity finding can get. */
export const MAX_SCORE_WITH_ERRORS = 94;

/** What counts in the score: rows and cells flagged, for one dimension or for all. */
export interface MarkCounts {
  /** Rows with a row or cell finding. */
  rows: number;
  /** Flagged cells per column outside {@link columns} (a row finding flags each cell of its row). */
  cellsByColumn: number[];
  /** Columns with a column-level finding (every cell of the column counts as flagged). */
  columns: number[];
  /** Findings placed on no row and no column (a blank line, a quote left open at the end of the file). */
  unplaced: number;
}

/** The counts a score is computed from; tallies of disjoint rows (batches, files) merge by {@link mergeTallies}. */
export interface ScoreTally {
  rows: number;
  columns: number;
  /** Error-severity findings. */
  errors: number;
  all: MarkCounts;
  byDimension: Partial<Record<Dimension, MarkCounts>>;
}

export interface QualityScores {
  /**
   * The headline, an integer 0–100: {@link rows} rounded down, and at most {@link MAX_SCORE_WITH_ERRORS}
   * when an error-severity finding exists. 100 means no row has an error or warning finding.
   */
  overall: number;
  /** Share (0–100, one decimal, rounded down) of rows without an error or warning finding, over every dimension. */
  rows: number;
  /** The same for cells: a cell is flagged by a finding on it, on its row or on its whole column. */
  cells: number;
  /** {@link rows} per dimension checked. */
  byDimension: Partial<Record<Dimension, number>>;
  /** {@link cells} per dimension checked. */
  cellsByDimension: Partial<Record<Dimension, number>>;
  /** Error-severity findings. */
  errors: number;
  /** What the shares count (a finding on no row and no column counts as one more flagged row). */
  counted: { rows: number; cells: number; flaggedRows: number; flaggedCells: number };
}

const counts = (severity: Severity) => severity === 'error' || severity === 'warning';

/** A bitset over rows. */
class Bits {
  readonly words: Uint32Array;
  constructor(size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }
  set(i: number): void {
    this.words[i >>> 5] |= 1 << (i & 31);
  }
  /** Bits set in this | other (other optional). */
  countOr(other?: Bits): number {
    let n = 0;
    const a = this.words;
    const b = other?.words;
    for (let i = 0; i < a.length; i++) n += popcount(b ? a[i] | b[i] : a[i]);
    return n;
  }
  or(other: Bits): void {
    for (let i = 0; i < this.words.length; i++) this.words[i] |= other.words[i];
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** The marks of one dimension. */
class DimensionMarks {
  /** Rows with a row or cell finding. */
  readonly rows: Bits;
  /** Rows with a row finding (all their cells flagged). */
  readonly wholeRows: Bits;
  readonly cells = new Map<number, Bits>();
  readonly columns = new Set<number>();
  unplaced = 0;
  constructor(readonly size: number) {
    this.rows = new Bits(size);
    this.wholeRows = new Bits(size);
  }
  cellsOf(column: number): Bits {
    let bits = this.cells.get(column);
    if (!bits) this.cells.set(column, (bits = new Bits(this.size)));
    return bits;
  }
  counts(columns: number): MarkCounts {
    const cellsByColumn: number[] = [];
    const wholeRows = this.wholeRows.countOr();
    for (let c = 0; c < columns; c++) cellsByColumn.push(this.columns.has(c) ? 0 : (this.cells.get(c)?.countOr(this.wholeRows) ?? wholeRows));
    return { rows: this.rows.countOr(), cellsByColumn, columns: [...this.columns].sort((a, b) => a - b), unplaced: this.unplaced };
  }
}

/** Which rows, cells and columns carry an error or warning finding, per dimension (see the module comment). */
export class FindingMarks {
  private readonly dimensions = new Map<Dimension, DimensionMarks>();
  private errors = 0;

  constructor(
    readonly rows: number,
    readonly columns: number,
    /** Dimensions checked (they get a score even without findings). */
    checked: Iterable<Dimension> = [],
  ) {
    for (const dimension of checked) this.of(dimension);
  }

  private of(dimension: Dimension): DimensionMarks {
    let marks = this.dimensions.get(dimension);
    if (!marks) this.dimensions.set(dimension, (marks = new DimensionMarks(this.rows)));
    return marks;
  }

  /** Declares a dimension checked (a rule of it ran). */
  check(dimension: Dimension): void {
    this.of(dimension);
  }

  /** Marks a finding of `severity` on a cell (row and column), a row, a column, or nothing (the file). */
  mark(dimension: Dimension, severity: Severity, row: number | null, column: number | null): void {
    const marks = this.of(dimension);
    if (!counts(severity)) return;
    if (severity === 'error') this.errors++;
    const onRow = row !== null && row >= 0 && row < this.rows;
    const onColumn = column !== null && column >= 0 && column < this.columns;
    if (onRow) {
      marks.rows.set(row);
      if (onColumn) marks.cellsOf(column).set(row);
      else marks.wholeRows.set(row);
    } else if (onColumn) marks.columns.add(column);
    else marks.unplaced++;
  }

  /** {@link mark} for the cells of column `column` in each of `rows` (in one call). */
  markCells(dimension: Dimension, severity: Severity, rows: ArrayLike<number>, column: number): void {
    if (column < 0 || column >= this.columns) {
      for (let i = 0; i < rows.length; i++) this.mark(dimension, severity, rows[i], column);
      return;
    }
    const marks = this.of(dimension);
    if (!counts(severity) || rows.length === 0) return;
    if (severity === 'error') this.errors += rows.length;
    const cells = marks.cellsOf(column);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row >= 0 && row < this.rows) {
        marks.rows.set(row);
        cells.set(row);
      } else marks.columns.add(column);
    }
  }

  tally(): ScoreTally {
    const byDimension: Partial<Record<Dimension, MarkCounts>> = {};
    const union = new DimensionMarks(this.rows);
    for (const [dimension, marks] of this.dimensions) {
      byDimension[dimension] = marks.counts(this.columns);
      union.rows.or(marks.rows);
      union.wholeRows.or(marks.wholeRows);
      for (const [c, bits] of marks.cells) union.cellsOf(c).or(bits);
      for (const c of marks.columns) union.columns.add(c);
      union.unplaced += marks.unplaced;
    }
    return { rows: this.rows, columns: this.columns, errors: this.errors, all: union.counts(this.columns), byDimension };
  }
}

function mergeCounts(a: MarkCounts | undefined, b: MarkCounts | undefined, columns: number): MarkCounts {
  return {
    rows: (a?.rows ?? 0) + (b?.rows ?? 0),
    cellsByColumn: Array.from({ length: columns }, (_, c) => (a?.cellsByColumn[c] ?? 0) + (b?.cellsByColumn[c] ?? 0)),
    columns: [...new Set([...(a?.columns ?? []), ...(b?.columns ?? [])])].sort((x, y) => x - y),
    unplaced: (a?.unplaced ?? 0) + (b?.unplaced ?? 0),
  };
}

/**
 * Tallies of disjoint rows of the same columns (the batches of one file), as one. Column-level findings
 * of any batch flag their column in the whole file.
 */
export function mergeTallies(a: ScoreTally, b: ScoreTally): ScoreTally {
  const columns = Math.max(a.columns, b.columns);
  const byDimension: Partial<Record<Dimension, MarkCounts>> = {};
  for (const dimension of new Set([...Object.keys(a.byDimension), ...Object.keys(b.byDimension)]) as Set<Dimension>) {
    byDimension[dimension] = mergeCounts(a.byDimension[dimension], b.byDimension[dimension], columns);
  }
  return { rows: a.rows + b.rows, columns, errors: a.errors + b.errors, all: mergeCounts(a.all, b.all, columns), byDimension };
}

/** A share of clean units as a score: 0–100, one decimal, rounded down (100.0 only when nothing is flagged). */
function share(clean: number, total: number): number {
  return total <= 0 ? 100 : Math.floor((1000 * clean) / total + 1e-9) / 10;
}

/** Rows and cells counted and flagged for one dimension's counts. */
function counted(tally: ScoreTally, marks: MarkCounts): QualityScores['counted'] {
  const { rows, columns } = tally;
  const flaggedColumns = new Set(marks.columns);
  let flaggedCells = marks.unplaced * columns;
  for (let c = 0; c < columns; c++) flaggedCells += flaggedColumns.has(c) ? rows : (marks.cellsByColumn[c] ?? 0);
  return { rows: rows + marks.unplaced, cells: (rows + marks.unplaced) * columns, flaggedRows: marks.rows + marks.unplaced, flaggedCells };
}

/** The headline from counts over one or more files: see {@link QualityScores.overall}. */
export function headlineScore(rows: number, flaggedRows: number, errors: number): number {
  const score = Math.floor(share(rows - flaggedRows, rows));
  return errors > 0 ? Math.min(score, MAX_SCORE_WITH_ERRORS) : score;
}

/** The scores of a tally (docs/score.md). */
export function scoresOf(tally: ScoreTally): QualityScores {
  const all = counted(tally, tally.all);
  const byDimension: Partial<Record<Dimension, number>> = {};
  const cellsByDimension: Partial<Record<Dimension, number>> = {};
  for (const [dimension, marks] of Object.entries(tally.byDimension) as [Dimension, MarkCounts][]) {
    const c = counted(tally, marks);
    byDimension[dimension] = share(c.rows - c.flaggedRows, c.rows);
    cellsByDimension[dimension] = share(c.cells - c.flaggedCells, c.cells);
  }
  return {
    overall: headlineScore(all.rows, all.flaggedRows, tally.errors),
    rows: share(all.rows - all.flaggedRows, all.rows),
    cells: share(all.cells - all.flaggedCells, all.cells),
    byDimension,
    cellsByDimension,
    errors: tally.errors,
    counted: all,
  };
}
