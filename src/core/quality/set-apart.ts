/**
 * Whether the rows of one value of a column stand apart from the rows of another in a third column, beyond chance:
 * "Martín" in 7 rows, 6 of them in Spain, beside "Martin" in 90 rows, 1 of them in Spain, are two populations — a
 * name of two languages — not one name spelt two ways. Read by category-variant before it calls two spellings one.
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, distinctValues } from './column-values';
import { binomialTail } from '../shared/binomial-tail';

/** Rows a value needs for its rows' other values to say anything. */
const MIN_ROWS = 3;
/** Columns read as context: text columns of 2 to this many values (a country, a segment; not names or free text). */
const MAX_CONTEXT_VALUES = 50;
/** Chance, over every context column tried, of calling two values' rows apart when they are one population. */
const ALPHA = 0.001;

/**
 * Whether the rows holding value `a` of `column` (ids from its distinct values) share a value of another text
 * column far more often than the rows holding `b` do: of the `a` rows with that column filled, those holding its
 * most common value there against `b` rows' share of it (plus one, of two more rows: a value `b` never holds is not
 * impossible for it), a binomial tail below ALPHA over the columns tried.
 */
export function rowsApart(data: IngestResult, column: number, a: number, b: number): boolean {
  const ids = distinctValues(data, column).ids;
  const rowsOf = (id: number) => {
    const rows: number[] = [];
    for (let r = 0; r < ids.length; r++) if (ids[r] === id) rows.push(r);
    return rows;
  };
  const [rowsA, rowsB] = [rowsOf(a), rowsOf(b)];
  if (rowsA.length < MIN_ROWS || rowsB.length < MIN_ROWS) return false;
  const contexts: Int32Array[] = [];
  data.columns.forEach((info, g) => {
    if (g === column || !TEXT_KINDS.includes(info.kind)) return;
    const distinct = distinctValues(data, g);
    if (distinct.size >= 2 && distinct.size <= MAX_CONTEXT_VALUES) contexts.push(distinct.ids);
  });
  for (const context of contexts) {
    const tally = (rows: number[]) => {
      const counts = new Map<number, number>();
      let filled = 0;
      for (const r of rows) {
        if (context[r] < 0) continue;
        filled++;
        counts.set(context[r], (counts.get(context[r]) ?? 0) + 1);
      }
      return { counts, filled };
    };
    const [ofA, ofB] = [tally(rowsA), tally(rowsB)];
    if (ofA.filled < MIN_ROWS) continue;
    let [usual, held] = [-1, 0];
    for (const [value, n] of ofA.counts) if (n > held) [usual, held] = [value, n];
    const share = ((ofB.counts.get(usual) ?? 0) + 1) / (ofB.filled + 2);
    if (binomialTail(ofA.filled, held, share) * contexts.length < ALPHA) return true;
  }
  return false;
}
