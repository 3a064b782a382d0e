/**
 * Values held by one row that are no genuine value of their column: a slip of a frequent value ("Oqkland" once
 * among 62 "Oakland"), or, in a column with a shape of its own, a value in a rare shape ("RD" among airport
 * codes of three letters). A row holding one is no evidence of anything.
 */
import type { IngestResult } from '../table/model';
import { distinctValues, memo, TEXT_KINDS } from './column-values';
import { nearVariant } from './dependencies';
import { NearWordIndex } from './edit-distance';
import { columnShape } from './value-patterns';

/** Rows a value holds to be one a value seen once may be a slip of. */
const FREQUENT_ROWS = 3;
/** Frequent values a column may have for them to be indexed (beyond, no value is called a slip of one). */
const MAX_FREQUENT_VALUES = 20_000;
/** Edits a slip is at most from its value (nearVariant allows two, and fewer for short words). */
const MAX_EDITS = 2;

/** The frequent values of a text column indexed by their deletions (undefined where there are too many). */
function frequentValues(data: IngestResult, c: number): NearWordIndex | undefined {
  return memo(data, `frequent-values:${c}`, () => {
    const distinct = distinctValues(data, c);
    const index = new NearWordIndex(MAX_EDITS);
    let indexed = 0;
    for (let id = 0; id < distinct.size; id++) {
      if (distinct.counts[id] < FREQUENT_ROWS) continue;
      if (++indexed > MAX_FREQUENT_VALUES) return undefined;
      index.add(id, distinct.text(id));
    }
    return index;
  });
}

/** Whether distinct value `id` of text column `c` is one or two keystrokes from a value FREQUENT_ROWS rows or more hold (see nearVariant). */
function slipOfFrequentValue(data: IngestResult, c: number, id: number): boolean {
  const index = frequentValues(data, c);
  if (!index) return false;
  const distinct = distinctValues(data, c);
  const value = distinct.text(id);
  return index.near(value, MAX_EDITS).some((near) => nearVariant(value, distinct.text(near.id)));
}

/**
 * Whether row `r`'s value of text column `c` is held by that row alone and is a slip of a frequent value, or in
 * a rare shape of a column with a shape of its own ({@link columnShape}). Text columns only: a number seen once
 * is common.
 */
export function strayValue(data: IngestResult, c: number, r: number): boolean {
  if (!TEXT_KINDS.includes(data.columns[c].kind)) return false;
  const distinct = distinctValues(data, c);
  const id = distinct.ids[r];
  if (id < 0 || distinct.counts[id] !== 1) return false;
  const shape = columnShape(data, c);
  return (shape !== undefined && !shape.common(r)) || slipOfFrequentValue(data, c, id);
}
