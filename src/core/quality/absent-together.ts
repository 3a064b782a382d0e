/**
 * Columns that hold nothing in the same rows — a customer who never ordered has an order count of 0, a lifetime value
 * of 0 and no last order date — learned from the table, and the rows where one of three or more such columns says
 * otherwise than the others: an order count of 0 beside a lifetime value and a last order date (the count is wrong),
 * a last order date left empty beside 7 orders.
 */
import type { IngestResult } from '../table/model';
import { TEMPORAL_KINDS, TEXT_KINDS, isNumeric, memo } from './column-values';
import { nothingRows } from './inapplicable-cells';
import { looksLikeIdentifier } from '../shared/identifier';

/** Share of the rows where either holds nothing in which both must, for two columns to hold nothing together. */
export const TOGETHER_SHARE = 0.97;
/** Rows holding nothing a column needs (in at least this many rows, and at most MAX_NOTHING_SHARE of them: then "nothing" is a kind of row). */
const MIN_NOTHING_ROWS = 30;
const MAX_NOTHING_SHARE = 0.6;
/** How many times the rows two columns would hold nothing in together by chance they must. */
const BEYOND_CHANCE = 5;
/** Share of the rows where a group holds nothing that one column may break it in one way, at most, for those to be slips. */
const MAX_BREAK_SHARE = 0.01;
/** Columns in a group, at least: with two, neither outvotes the other. */
const MIN_GROUP = 3;
/** Columns looked at, at most (the first ones). */
const MAX_COLUMNS = 60;

/** A cell that says otherwise than the other columns of its group at its row. */
export interface AbsenceBreak {
  row: number;
  column: number;
  /** Whether the cell holds nothing (0 or empty) where the others hold something; else the reverse. */
  holdsNothing: boolean;
  /** The group's other columns. */
  others: number[];
  /** Rows where the group's columns all hold nothing. */
  togetherRows: number;
}

/** Per candidate column, its rows holding nothing (see inapplicable-cells' nothingRows; an empty date or text), ascending. */
function nothingRowsByColumn(data: IngestResult): Map<number, Int32Array> {
  const rows = data.table.numRows;
  const found = new Map<number, Int32Array>();
  data.columns.slice(0, MAX_COLUMNS).forEach((column, c) => {
    const numeric = isNumeric(column) && !looksLikeIdentifier(column.name);
    if (!numeric && !TEMPORAL_KINDS.includes(column.kind) && !TEXT_KINDS.includes(column.kind)) return;
    const list = nothingRows(data, c);
    if (list.length >= MIN_NOTHING_ROWS && list.length <= MAX_NOTHING_SHARE * rows) found.set(c, list);
  });
  return found;
}

/** Groups of three columns or more, each pair of which holds nothing together (TOGETHER_SHARE, beyond chance). */
function groupsOf(data: IngestResult, nothing: Map<number, Int32Array>): number[][] {
  const rows = data.table.numRows;
  const columns = [...nothing.keys()];
  const marks = new Uint8Array(rows);
  const linked = new Map<number, Set<number>>(columns.map((c) => [c, new Set<number>()]));
  for (let i = 0; i < columns.length; i++) {
    const a = nothing.get(columns[i])!;
    for (const r of a) marks[r] = 1;
    for (let j = i + 1; j < columns.length; j++) {
      const b = nothing.get(columns[j])!;
      // Both together in TOGETHER_SHARE of the rows where either is: their counts lie that close at least.
      if (Math.min(a.length, b.length) < TOGETHER_SHARE * Math.max(a.length, b.length)) continue;
      let both = 0;
      for (const r of b) both += marks[r];
      const either = a.length + b.length - both;
      if (both >= TOGETHER_SHARE * either && both >= BEYOND_CHANCE * ((a.length * b.length) / rows)) {
        linked.get(columns[i])!.add(columns[j]);
        linked.get(columns[j])!.add(columns[i]);
      }
    }
    for (const r of a) marks[r] = 0;
  }
  // Groups: columns linked to every other column of the group (cliques grown greedily, in column order).
  const groups: number[][] = [];
  const placed = new Set<number>();
  for (const c of columns) {
    if (placed.has(c)) continue;
    const group = [c];
    for (const k of linked.get(c)!) if (!placed.has(k) && group.every((g) => linked.get(g)!.has(k))) group.push(k);
    if (group.length < MIN_GROUP) continue;
    for (const g of group) placed.add(g);
    groups.push(group.sort((x, y) => x - y));
  }
  return groups;
}

/**
 * The cells that say otherwise than every other column of their group at their row: one column holding nothing where
 * the others (two or more) hold something, or the reverse. Computed once per table.
 */
export function absenceBreaks(data: IngestResult): AbsenceBreak[] {
  return memo(data, 'absence-breaks', () => {
    const nothing = nothingRowsByColumn(data);
    const breaks: AbsenceBreak[] = [];
    for (const group of groupsOf(data, nothing)) {
      // Per row where any column of the group holds nothing, how many do (rows where none does agree).
      const count = new Map<number, number>();
      for (const c of group) for (const r of nothing.get(c)!) count.set(r, (count.get(r) ?? 0) + 1);
      let togetherRows = 0;
      for (const n of count.values()) if (n === group.length) togetherRows++;
      const isNothing = new Map(group.map((c) => [c, new Set(nothing.get(c)!)]));
      const found: AbsenceBreak[] = [];
      for (const [r, n] of count) {
        if (n !== 1 && n !== group.length - 1) continue;
        const holdsNothing = n === 1;
        const odd = group.find((c) => isNothing.get(c)!.has(r) === holdsNothing)!;
        found.push({ row: r, column: odd, holdsNothing, others: group.filter((c) => c !== odd), togetherRows });
      }
      // One column breaking the group one way in more than MAX_BREAK_SHARE of its rows is a kind of record (a score
      // of 0 on an inspection with a violation of no points), not slips.
      const ways = new Map<string, number>();
      const way = (b: AbsenceBreak) => `${b.column}:${b.holdsNothing}`;
      for (const b of found) ways.set(way(b), (ways.get(way(b)) ?? 0) + 1);
      for (const b of found) if ((ways.get(way(b)) ?? 0) <= MAX_BREAK_SHARE * togetherRows) breaks.push(b);
    }
    return breaks.sort((x, y) => x.row - y.row || x.column - y.column);
  });
}
