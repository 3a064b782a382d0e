/**
 * Empty cells of the newest records, not filled in yet (docs/rules/missing-value.md): an export written in the order
 * records came in ends with the records still open — claims without an adjuster, tickets nobody answered yet — while a
 * field left out by mistake is left out anywhere. Where a column's last empty cells crowd into the file's last rows far
 * beyond chance, they are records whose field comes later, not gaps.
 */
import type { IngestResult } from '../table/model';
import { memo } from './column-values';
import { emptyRows } from './inapplicable-cells';
import { binomialTail } from '../shared/binomial-tail';

/** Empty cells, at least, in the newest records' stretch. */
const MIN_PENDING = 3;
/** Empty cells, at most, weighed as the newest records' stretch (a longer one is a field recorded only since some time). */
const MAX_PENDING = 200;
/** The stretch covers at most this share of the rows: the newest records. */
const MAX_PENDING_SHARE = 0.05;
/** Chance, at most, that the column's empty cells, spread over the rows at random, put as many into the stretch. */
const PENDING_CHANCE = 1e-9;

/**
 * The empty cells of column `c` in its newest records: of the stretches from one of its empty cells to the file's last
 * row (MIN_PENDING to MAX_PENDING of its empty cells, within the last MAX_PENDING_SHARE of the rows) the one least likely
 * to hold so many of them by chance, where that chance is below PENDING_CHANCE. Computed once per column.
 */
export function pendingRows(data: IngestResult, c: number): ReadonlySet<number> {
  return memo(data, `pending:${c}`, () => {
    const empty = emptyRows(data, c);
    const rows = data.table.numRows;
    let best = { cells: 0, chance: PENDING_CHANCE };
    for (let cells = MIN_PENDING; cells <= Math.min(empty.length, MAX_PENDING); cells++) {
      const span = rows - empty[empty.length - cells];
      if (span > MAX_PENDING_SHARE * rows) break;
      const chance = binomialTail(empty.length, cells, span / rows);
      if (chance < best.chance) best = { cells, chance };
    }
    return new Set(empty.subarray(empty.length - best.cells));
  });
}
