/**
 * The value the table's own dependencies give an empty cell: where a dependency A → B learned from the table
 * (dependencies.ts) holds for the row's value of A — the other rows of that group agree on one value of B —
 * the empty cell is that value left out (an ISSN given in a journal's other rows, a flight's departure in
 * its other records), not an unknown.
 */
import type { IngestResult } from '../table/model';
import { cellText, dependenciesOf, disagreeingGroups, MEASURE_MIN_MAJORITY } from './dependencies';
import { lhsValues } from './rules/dependency-violation';

/** Rows of a group that must agree on a value for it to fill the group's empty cells. */
const MIN_AGREEING_ROWS = 2;

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
 * rows, is no gap another column's group can fill.
 */
export function dependencyFills(data: IngestResult, c: number, emptyRows: ArrayLike<number>): Map<number, DependencyFill> {
  const fills = new Map<number, DependencyFill>();
  const contested = new Set<number>();
  for (const dep of dependenciesOf(data)) {
    if (dep.rhs !== c || dep.explainsOnly) continue;
    const scan = disagreeingGroups(data, dep);
    const least = dep.measure ? MEASURE_MIN_MAJORITY : MIN_AGREEING_ROWS;
    // Of the empty rows, how many each group without a value of B holds (counted when first such group is met).
    let emptyOfGroup: Map<number, number> | undefined;
    const rowsOf = (g: number) => {
      if (!emptyOfGroup) {
        emptyOfGroup = new Map();
        for (let k = 0; k < emptyRows.length; k++) {
          const id = scan.lhs[emptyRows[k]];
          if (id >= 0 && scan.sizes[id] === 0) emptyOfGroup.set(id, (emptyOfGroup.get(id) ?? 0) + 1);
        }
      }
      return emptyOfGroup.get(g) ?? 0;
    };
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
      if (!consensus || consensus.count < least) continue;
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
