/**
 * The value the table's own dependencies give an empty cell: where a dependency A → B learned from the table
 * (dependencies.ts) holds for the row's value of A — the other rows of that group agree on one value of B —
 * the empty cell is that value left out (an ISSN given in a journal's other rows, a flight's departure in
 * its other records), not an unknown.
 */
import type { IngestResult } from '../table/model';
import { cellText, dependenciesOf, disagreeingGroups, MEASURE_MIN_MAJORITY } from './dependencies';
import { TEXT_KINDS, distinctValues } from './column-values';
import { lhsValues } from './rules/dependency-violation';

/** Rows of a group that must agree on a value for it to fill the group's empty cells. */
const MIN_AGREEING_ROWS = 2;
/**
 * Empty rows of a group, and their share of its rows, from which the column is optional there: a drug left empty in
 * 15 of 35 dental visits is a visit without one, not the other visits' drug left out. (One empty among a few rows is a gap.)
 */
const OPTIONAL_EMPTY_ROWS = 4;
const OPTIONAL_EMPTY_SHARE = 0.25;

/** Whether `empties` of `rows` rows are many (see OPTIONAL_EMPTY_ROWS). */
function isOptional(empties: number, rows: number): boolean {
  return empties >= OPTIONAL_EMPTY_ROWS && empties >= OPTIONAL_EMPTY_SHARE * rows;
}

export interface DependencyFill {
  /** The value, as the rows holding it write it. */
  text: string;
  /** Rows of the group holding it. */
  rows: number;
  /** The group: `zip "69001"`. */
  where: string;
  /** A row holding it. */
  row: number;
}

/**
 * The fills of column `c`'s empty cells in `emptyRows`, by row: only where every dependency on `c` that
 * gives one gives the same value (two that disagree fill nothing), and no dependency's group leaves the column empty in
 * all its other rows (MIN_AGREEING_ROWS of them at least): a living artist's death year, empty in each of the artist's
 * rows, is no gap another column's group can fill. Nor does a group that leaves it empty in many of its rows, or whose
 * row's value of one of the left-hand columns does (see OPTIONAL_EMPTY_ROWS: a breed and a dental diagnosis say a drug,
 * where dental visits are without one in 40% of the rows).
 */
export function dependencyFills(data: IngestResult, c: number, emptyRows: ArrayLike<number>): Map<number, DependencyFill> {
  const fills = new Map<number, DependencyFill>();
  const contested = new Set<number>();
  // Per text column of a left-hand side: its values' empty rows (of `emptyRows`), counted when first asked.
  const emptiesByValue = new Map<number, Int32Array>();
  // (Text columns only, whose values' ids and rows the profile's distinct values already hold: a dental code, a breed.)
  const optionalWith = (k: number, r: number): boolean => {
    if (!TEXT_KINDS.includes(data.columns[k].kind)) return false;
    const { ids, size, counts } = distinctValues(data, k);
    let empties = emptiesByValue.get(k);
    if (!empties) {
      empties = new Int32Array(size);
      for (let i = 0; i < emptyRows.length; i++) if (ids[emptyRows[i]] >= 0) empties[ids[emptyRows[i]]]++;
      emptiesByValue.set(k, empties);
    }
    const id = ids[r];
    return id >= 0 && isOptional(empties[id], counts[id]);
  };
  for (const dep of dependenciesOf(data)) {
    if (dep.rhs !== c || dep.explainsOnly) continue;
    const scan = disagreeingGroups(data, dep);
    const least = dep.measure ? MEASURE_MIN_MAJORITY : MIN_AGREEING_ROWS;
    // Of the empty rows, how many each group holds (counted when first asked).
    let emptyOfGroup: Map<number, number> | undefined;
    const rowsOf = (g: number) => {
      if (!emptyOfGroup) {
        emptyOfGroup = new Map();
        for (let k = 0; k < emptyRows.length; k++) {
          const id = scan.lhs[emptyRows[k]];
          if (id >= 0) emptyOfGroup.set(id, (emptyOfGroup.get(id) ?? 0) + 1);
        }
      }
      return emptyOfGroup.get(g) ?? 0;
    };
    const optional = (g: number) => isOptional(rowsOf(g), rowsOf(g) + scan.sizes[g]);
    for (let k = 0; k < emptyRows.length; k++) {
      const r = emptyRows[k];
      const g = scan.lhs[r];
      if (g < 0 || contested.has(r)) continue;
      // A group whose other rows all leave the column empty (of the empty rows asked about) says it is empty.
      if (scan.sizes[g] === 0 && rowsOf(g) - 1 >= MIN_AGREEING_ROWS) {
        fills.delete(r);
        contested.add(r);
        continue;
      }
      const consensus = scan.consensusOf(g);
      if (!consensus || consensus.count < least || optional(g) || (dep.lhs.length > 1 && dep.lhs.some((k) => optionalWith(k, r)))) continue;
      const text = cellText(data, consensus.row, c);
      const known = fills.get(r);
      if (known && known.text !== text) {
        fills.delete(r);
        contested.add(r);
      } else if (!known) fills.set(r, { text, rows: consensus.count, where: lhsValues(data, dep, r), row: consensus.row });
    }
  }
  return fills;
}

/**
 * Of column `c`'s empty cells in `emptyRows`, those whose group under a dependency on `c` leaves the column empty in
 * every row (MIN_AGREEING_ROWS of them at least): a match's minutes empty in both its players' rows were not recorded
 * for the match, where a slip empties one record of it (and the other rows fill that one: dependencyFills).
 */
export function unrecordedRows(data: IngestResult, c: number, emptyRows: ArrayLike<number>): Set<number> {
  const unrecorded = new Set<number>();
  for (const dep of dependenciesOf(data)) {
    if (dep.rhs !== c || dep.explainsOnly) continue;
    const scan = disagreeingGroups(data, dep);
    const empties = new Map<number, number>();
    for (let k = 0; k < emptyRows.length; k++) {
      const g = scan.lhs[emptyRows[k]];
      if (g >= 0 && scan.sizes[g] === 0) empties.set(g, (empties.get(g) ?? 0) + 1);
    }
    for (let k = 0; k < emptyRows.length; k++) {
      const g = scan.lhs[emptyRows[k]];
      if (g >= 0 && (empties.get(g) ?? 0) >= MIN_AGREEING_ROWS) unrecorded.add(emptyRows[k]);
    }
  }
  return unrecorded;
}
