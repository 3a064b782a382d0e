/**
 * The rows nearest a row in the table's numeric columns: a zip code's latitude and longitude place it among
 * the zip codes of its county, a car's weight and power among cars of its make. Each column is scaled by its
 * robust spread (the interquartile range) so that no unit dominates; the distance between two rows is the
 * mean squared difference over the columns both hold a value in. Computed once per table, searched by brute
 * force within a budget of row comparisons shared by the table's rules (a rule asks for a few rows only: those
 * it needs evidence for).
 */
import type { IngestResult } from '../table/model';
import { isNumeric, nullCount, numericColumn, sortedColumn } from './column-values';

/** Rows searched (the first ones of a larger table). */
const MAX_ROWS = 200_000;
/** Row comparisons all searches of one table may make together (a few hundred rows of a large table). */
const MAX_COMPARISONS = 40_000_000;
/** A column takes part when at least this share of the rows hold a value in it. */
const MIN_COMPLETENESS = 0.5;

/** A table's numeric columns, scaled, and what is left of its search budget. */
export interface NumericSpace {
  /** The columns taking part. */
  columns: number[];
  /** Per column taking part: its values divided by its interquartile range (NaN where missing). */
  scaled: Float64Array[];
  /** Rows searched. */
  rows: number;
  /** Row comparisons left. */
  budget: number;
}

const spaces = new WeakMap<IngestResult, NumericSpace | undefined>();

/**
 * The table's numeric columns that can place a row (integers and decimals held in most rows, with a spread:
 * a constant or near-constant column places nothing); undefined when there is none.
 */
export function numericSpace(data: IngestResult): NumericSpace | undefined {
  if (spaces.has(data)) return spaces.get(data);
  const rows = Math.min(data.table.numRows, MAX_ROWS);
  const scaled: Float64Array[] = [];
  const columns: number[] = [];
  data.columns.forEach((column, c) => {
    if (!isNumeric(column) || data.table.numRows - nullCount(data, c) < MIN_COMPLETENESS * data.table.numRows) return;
    const sorted = sortedColumn(data, c);
    const spread = sorted.quantile(0.75) - sorted.quantile(0.25);
    if (!(spread > 0)) return;
    const values = numericColumn(data, c);
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) out[r] = Number.isFinite(values[r]) ? values[r] / spread : NaN;
    scaled.push(out);
    columns.push(c);
  });
  const space = scaled.length ? { columns, scaled, rows, budget: MAX_COMPARISONS } : undefined;
  spaces.set(data, space);
  return space;
}

/**
 * The `k` rows nearest row `row` (itself excluded; nearest first, ties by row order), among rows sharing at
 * least half of its columns with values; undefined when the row has no value in any column, or the table's
 * budget of comparisons is spent. Columns in `without` are left out of the distance.
 */
export function nearestRows(space: NumericSpace, row: number, k: number, without?: ReadonlySet<number>): number[] | undefined {
  if (row >= space.rows || space.budget < space.rows) return undefined;
  const scaled = without ? space.scaled.filter((_, i) => !without.has(space.columns[i])) : space.scaled;
  const own = scaled.map((column) => column[row]);
  const present = own.filter((v) => v === v).length;
  if (present === 0) return undefined;
  space.budget -= space.rows;
  const needed = Math.ceil(present / 2);
  const best: { row: number; distance: number }[] = [];
  for (let r = 0; r < space.rows; r++) {
    if (r === row) continue;
    let sum = 0;
    let shared = 0;
    for (let i = 0; i < scaled.length; i++) {
      const d = scaled[i][r] - own[i];
      if (d !== d) continue;
      sum += d * d;
      shared++;
    }
    if (shared < needed) continue;
    const distance = sum / shared;
    if (best.length === k && distance >= best[k - 1].distance) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && best[at - 1].distance > distance) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = { row: r, distance };
  }
  return best.map((b) => b.row);
}

/** The distance between two rows (root mean squared scaled difference over the columns both hold; NaN when they share none). */
export function rowDistance(space: NumericSpace, a: number, b: number): number {
  let sum = 0;
  let shared = 0;
  for (const column of space.scaled) {
    const d = column[a] - column[b];
    if (d !== d) continue;
    sum += d * d;
    shared++;
  }
  return shared ? Math.sqrt(sum / shared) : NaN;
}

/**
 * Whether row `row` lies among rows `group` rather than beyond them: its mean distance to them is at most
 * twice theirs to each other (the nearest rows of an isolated row are the nearest, not near).
 */
export function liesAmong(space: NumericSpace, row: number, group: readonly number[]): boolean {
  if (group.length < 2) return false;
  let own = 0;
  for (const g of group) own += rowDistance(space, row, g);
  let mutual = 0;
  let pairs = 0;
  for (let i = 0; i < group.length; i++) {
    for (let j = i + 1; j < group.length; j++) {
      mutual += rowDistance(space, group[i], group[j]);
      pairs++;
    }
  }
  return own / group.length <= (2 * mutual) / pairs;
}
