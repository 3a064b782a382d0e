/**
 * Heavy format variants: catalogues merged from several sources write 10–45% of a column another way ("16 oz",
 * "16.0 ounce", "16 OZ." among "12"; "0.07%" and "7%" among fractions; "$1,234" among plain amounts). The
 * per-class runs put at most 1% of a column in another form; this copy rewrites 10–45% of one measure column
 * per table (class format, variant `heavy-<family>`), so the check must still read the column as numbers and
 * report every rewritten cell.
 */
import { isMeasure } from './columns';
import type { Injection } from './inject';
import { heavyFormatOf } from './injectors/format';

export interface HeavyFormatColumn {
  column: number;
  name: string;
  family: string;
  /** Share of the column's present cells rewritten. */
  share: number;
}

/** Rewrites 10–45% (a share drawn by the seed) of the present cells of one measure column; undefined without one. */
export function injectHeavyFormat(ctx: Injection): HeavyFormatColumn | undefined {
  const candidates = ctx.facts.filter((f) => isMeasure(f) && f.present >= 50);
  if (candidates.length === 0) return undefined;
  const facts = ctx.rng.pick(candidates);
  const heavy = heavyFormatOf(facts);
  if (!heavy) return undefined;
  const target = 0.1 + 0.35 * ctx.rng.float();
  let rewritten = 0;
  for (let row = 0; row < ctx.rowCount; row++) {
    const text = ctx.text(row, facts.index);
    if (text === '' || Number.isNaN(facts.numbers[row]) || !ctx.rng.chance(target)) continue;
    const dirty = heavy.rewrite(text, ctx);
    if (dirty !== undefined && ctx.edit('format', `heavy-${heavy.family.split(' ')[0]}`, [{ row, column: facts.index, text: dirty }])) rewritten++;
  }
  return rewritten ? { column: facts.index, name: facts.name, family: heavy.family, share: rewritten / facts.present } : undefined;
}
