/**
 * Heavy merges: a catalogue merged from a second source that writes two neighbouring fields as one ("Louisville, KY"
 * in `city`, `state` left empty) in every row it wrote — 10–60% of the rows (a share drawn per seed and table) — or,
 * in a copy of its own, one field's value alone in the other's place ("KY" in `city`, state empty: heavy moves). The
 * per-class runs merge a few cells each, so a merged value there is rare and of a rare shape; here it is many rows'
 * value, and each (the merged cell and the emptied one) is still an error (class column-shift, variant `heavy-merge`).
 * Only neighbouring text columns whose values repeat (city and state, division and team: categories of either),
 * present in nearly every row.
 */
import type { ColumnFacts } from './columns';
import type { Injection } from './inject';

/** Share of the rows the second source wrote, drawn per seed and table between these. */
export const MERGE_SHARE = [0.1, 0.6] as const;

export interface HeavyMergeColumns {
  left: string;
  right: string;
  /** Share of the rows holding both values that were merged. */
  share: number;
}

/** A text column of repeating values, present in nearly every row: a category a second source could merge. */
function repeatingText(facts: ColumnFacts, rows: number): boolean {
  return facts.kind === 'text' && !facts.idLike && facts.present >= 0.95 * rows && facts.counts.size <= facts.present / 2;
}

/** How the second source writes the two fields: as one ("Louisville, KY"), or the neighbour's value alone in the other's place ("KY" in `city`). */
export type HeavyShift = 'merge' | 'move';
/** The heavy copies run, each of its own (heavy-merge, heavy-move). */
export const HEAVY_SHIFTS: readonly HeavyShift[] = ['merge', 'move'];

/**
 * Merges the right value into the left one (or, for one table in four, the left into the right) in a share of the
 * rows — or, `move`, writes it there alone; undefined without such a pair.
 */
export function injectHeavyMerge(ctx: Injection, kind: HeavyShift = 'merge'): HeavyMergeColumns | undefined {
  const pairs: number[] = [];
  for (let c = 0; c + 1 < ctx.table.header.length; c++) if (repeatingText(ctx.facts[c], ctx.rowCount) && repeatingText(ctx.facts[c + 1], ctx.rowCount)) pairs.push(c);
  if (pairs.length === 0) return undefined;
  const left = ctx.rng.pick(pairs);
  const target = MERGE_SHARE[0] + (MERGE_SHARE[1] - MERGE_SHARE[0]) * ctx.rng.float();
  const separator = ctx.rng.pick([' ', ', ']);
  const intoLeft = !ctx.rng.chance(0.25);
  let [both, merged] = [0, 0];
  for (let row = 0; row < ctx.rowCount; row++) {
    const [a, b] = [ctx.text(row, left), ctx.text(row, left + 1)];
    if (a === '' || b === '') continue;
    both++;
    if (!ctx.rng.chance(target)) continue;
    const joined = `${a}${separator}${b}`;
    const changes = intoLeft
      ? [{ row, column: left, text: kind === 'merge' ? joined : b }, { row, column: left + 1, text: '' }]
      : [{ row, column: left, text: '' }, { row, column: left + 1, text: kind === 'merge' ? joined : a }];
    if (ctx.edit('column-shift', `heavy-${kind}`, changes)) merged++;
  }
  return merged ? { left: ctx.table.header[left], right: ctx.table.header[left + 1], share: merged / Math.max(1, both) } : undefined;
}
