/**
 * Heavy format variants: catalogues merged from several sources write 10–45% of a column another way ("16 oz",
 * "16.0 ounce", "16 OZ." among "12"; "0.07%" and "7%" among fractions; "$1,234" among plain amounts), or most of
 * it (50–85%: the second source wrote most rows). The per-class runs put at most 1% of a column in another form;
 * these copies rewrite a share of one measure column per table (class format, variant `heavy-<family>`), so the
 * check must still read the column as numbers and report every rewritten cell — the plain numbers stay the
 * clean ones even where they are the fewer.
 */
import { isMeasure } from './columns';
import type { Injection } from './inject';
import { heavyFormatOf } from './injectors/format';

/** A share of a column rewritten, drawn per seed and table between `min` and `max`; `label` names the copy. */
export interface HeavyShare {
  label: string;
  min: number;
  max: number;
}

/** A second source writing some of a column (10–45%), or most of it (50–85%). */
export const HEAVY_SHARES: readonly HeavyShare[] = [
  { label: 'heavy-format', min: 0.1, max: 0.45 },
  { label: 'heavy-format-most', min: 0.5, max: 0.85 },
];

export interface HeavyFormatColumn {
  column: number;
  name: string;
  family: string;
  /** Share of the column's present cells rewritten. */
  share: number;
}

/** Rewrites a share (drawn by the seed in `range`) of the present cells of one measure column; undefined without one. */
export function injectHeavyFormat(ctx: Injection, range: HeavyShare = HEAVY_SHARES[0]): HeavyFormatColumn | undefined {
  const candidates = ctx.facts.filter((f) => isMeasure(f) && f.present >= 50);
  if (candidates.length === 0) return undefined;
  const facts = ctx.rng.pick(candidates);
  const heavy = heavyFormatOf(facts);
  if (!heavy) return undefined;
  const target = range.min + (range.max - range.min) * ctx.rng.float();
  let rewritten = 0;
  for (let row = 0; row < ctx.rowCount; row++) {
    const text = ctx.text(row, facts.index);
    if (text === '' || Number.isNaN(facts.numbers[row]) || !ctx.rng.chance(target)) continue;
    const dirty = heavy.rewrite(text, ctx);
    if (dirty !== undefined && ctx.edit('format', `heavy-${heavy.family.split(' ')[0]}`, [{ row, column: facts.index, text: dirty }])) rewritten++;
  }
  return rewritten ? { column: facts.index, name: facts.name, family: heavy.family, share: rewritten / facts.present } : undefined;
}
