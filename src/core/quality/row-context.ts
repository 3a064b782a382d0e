/**
 * How strongly a row's other values tie it to a value of one of its columns, against chance: evidence that a
 * rare value in that row stands for a frequent one (a typo, read by rules/typo.ts). Two kinds, each tested
 * against the frequent value's base rate (its share of the column) with a binomial tail:
 *
 * - another column's value in this row, and the other rows holding it: three quarters of them, and at least
 *   two, hold the frequent value (zip code → city); one is enough for an entity's name (nearly unique text,
 *   shared with the rows of the same entity);
 * - the row's nearest rows in the table's numeric columns (row-neighbours.ts): most of them hold it, and the
 *   row lies among them, not beyond them (a zip code's latitude and longitude place it in its county).
 *
 * The smallest tail probability is multiplied by the number of kinds of evidence tried (columns, and the
 * neighbours): the chance that any of them agrees this well by coincidence.
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, distinctValues, isNumeric, numericColumn, sortedRuns } from './column-values';
import { numberCodes } from '../profile/column-facts';
import { binomialTail } from '../shared/binomial-tail';
import { liesAmong, nearestRows, numericSpace } from './row-neighbours';

/** Rows whose values are read as evidence (the first ones of a larger table). */
export const MAX_EVIDENCE_ROWS = 200_000;
/** A column whose distinct values are more than this share of its rows (an id, a measurement) ties too few rows together to be evidence of a dependency. */
export const NEARLY_UNIQUE = 0.9;
/** Other columns read as evidence (here, and by typo's dependency evidence). */
export const MAX_EVIDENCE_COLUMNS = 24;
/** Nearest rows looked at. */
const NEIGHBOURS = 5;

/**
 * Per row: an id of the cell's value in `column` (−1 for null), numbers and dates by their value; undefined
 * for columns that cannot be evidence (other kinds, nearly unique numbers, and nearly unique text unless
 * `withNames`: an entity's name). Numbers get ids for the rows the evidence reads only (the first
 * MAX_EVIDENCE_ROWS): ids in order of first appearance are the same there as over all rows.
 */
export function evidenceIds(data: IngestResult, column: number, withNames: boolean): Int32Array | undefined {
  const info = data.columns[column];
  const rows = data.table.numRows;
  if (TEXT_KINDS.includes(info.kind)) {
    const distinct = distinctValues(data, column);
    return withNames || distinct.size <= NEARLY_UNIQUE * rows ? distinct.ids : undefined;
  }
  if (!isNumeric(info) && info.kind !== 'date' && info.kind !== 'timestamp' && info.kind !== 'boolean') return undefined;
  // Told by the sorted values (shared with the outlier rules) before any id is computed.
  if (sortedRuns(data, column).values.length > NEARLY_UNIQUE * rows) return undefined;
  return numberCodes(numericColumn(data, column).subarray(0, MAX_EVIDENCE_ROWS)).ids;
}

/** A question: do rows `rows` (holding value `own` of the column) belong with value `target`? */
export interface ContextQuery {
  rows: readonly number[];
  own: number;
  target: number;
}

export interface ContextEvidence {
  /** The chance of evidence this strong by coincidence (already multiplied by the kinds tried). */
  chance: number;
  /** What the evidence is, for a message: `its zip "62701" goes with "Springfield" in 30 of 30 rows`. */
  note: string;
}

/** How often a value of another column occurs in the first `rows` rows, and with which value of this column. */
export interface CoOccurrence {
  total: number;
  withValue: Map<number, number>;
}

/**
 * The values of column `other` on the rows `of` (those among the first `rows`, where `other` has a value),
 * each with how often it occurs in the first `rows` rows and with which value of `ids` (this column's ids).
 */
export function coOccurrence(ids: Int32Array, other: Int32Array, of: Iterable<number>, rows: number): Map<number, CoOccurrence> {
  const wanted = new Map<number, CoOccurrence>();
  for (const r of of) if (r < rows && other[r] >= 0) wanted.set(other[r], { total: 0, withValue: new Map() });
  if (wanted.size === 0) return wanted;
  for (let r = 0; r < rows; r++) {
    const tally = wanted.get(other[r]);
    if (!tally) continue;
    tally.total++;
    tally.withValue.set(ids[r], (tally.withValue.get(ids[r]) ?? 0) + 1);
  }
  return wanted;
}

/**
 * Evidence for each query about column `column` (value ids `ids`, `counts` rows per id, `present` rows with a
 * value): the strongest of its rows' ties, or undefined where none is a majority. One pass over the rows per
 * other column for all queries together.
 */
export function rowContext(
  data: IngestResult,
  column: number,
  ids: Int32Array,
  counts: ArrayLike<number>,
  present: number,
  queries: readonly ContextQuery[],
  idsOf: (c: number) => Int32Array | undefined,
): (ContextEvidence | undefined)[] {
  const best: { p: number; note: string }[] = queries.map(() => ({ p: 1, note: '' }));
  const rows = Math.min(ids.length, MAX_EVIDENCE_ROWS);
  const baseRate = (q: ContextQuery) => counts[q.target] / Math.max(1, present);
  const consider = (i: number, p: number, note: () => string) => {
    if (p < best[i].p) best[i] = { p, note: note() };
  };
  let kinds = 0;
  for (let b = 0; b < data.columns.length && kinds < MAX_EVIDENCE_COLUMNS; b++) {
    if (b === column) continue;
    const other = idsOf(b);
    if (!other) continue;
    kinds++;
    const wanted = coOccurrence(ids, other, queries.flatMap((q) => q.rows), rows);
    if (wanted.size === 0) continue;
    // One other row sharing a value ties the row only where values name entities (nearly unique text: the same
    // product recorded again); elsewhere one shared value (an income, a date) is as likely a coincidence.
    const names = TEXT_KINDS.includes(data.columns[b].kind) && distinctValues(data, b).size > NEARLY_UNIQUE * data.table.numRows;
    queries.forEach((q, i) => {
      for (const r of q.rows) {
        const tally = r < rows ? wanted.get(other[r]) : undefined;
        if (!tally) continue;
        const agree = tally.withValue.get(q.target) ?? 0;
        const others = tally.total - (tally.withValue.get(q.own) ?? 0);
        // A clear majority of the other rows with that value hold the target (three quarters).
        if (agree < (names ? 1 : 2) || 4 * agree < 3 * others) continue;
        consider(i, binomialTail(others, agree, baseRate(q)), () => `its ${data.columns[b].name} goes with "${valueText(data, column, q.target)}" in ${agree} of ${others} other rows`);
      }
    });
  }
  const space = numericSpace(data);
  if (space) {
    kinds++;
    queries.forEach((q, i) => {
      for (const r of q.rows) {
        const near = nearestRows(space, r, NEIGHBOURS);
        if (!near || near.length < NEIGHBOURS) continue;
        const agreeing = near.filter((n) => ids[n] === q.target);
        const agree = agreeing.length;
        if (4 * agree < 3 * NEIGHBOURS || !liesAmong(space, r, agreeing)) continue;
        consider(i, binomialTail(NEIGHBOURS, agree, baseRate(q)), () => `${agree} of its ${NEIGHBOURS} nearest rows by ${space.columns.map((c) => data.columns[c].name).join(', ')} hold "${valueText(data, column, q.target)}"`);
      }
    });
  }
  return best.map(({ p, note }) => (p < 1 ? { chance: Math.min(1, p * kinds), note } : undefined));
}

function valueText(data: IngestResult, column: number, id: number): string {
  return distinctValues(data, column).text(id);
}
