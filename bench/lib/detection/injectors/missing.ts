/**
 * Class 8: missing values in mostly complete columns (at most 5% missing before): empty cells, NA tokens
 * (those a reader knows and some it does not), a lone space, and disguised missing values — one placeholder
 * per column, repeated as systems write it: a number outside the column's range (-1, -999, 999, 9999,
 * 99999), 0 in a column of positive values, or "unknown"-like text.
 */
import { isMeasure, parseNumber, type ColumnFacts } from '../columns';
import { randomRow, type Injection, type Injector } from '../inject';

const NA_TOKENS = ['NA', 'N/A', 'n/a', 'null', 'NULL', 'None', 'none', 'NaN', 'nan', '-', '?', '#N/A', 'missing', '(blank)'];
const TEXT_PLACEHOLDERS = ['unknown', 'Unknown', 'UNKNOWN', 'not available', 'Not Available', 'TBD', 'none given', 'xxx', 'n.a.', 'N.A.'];

/** A numeric placeholder outside the column's clean values, as a system would pick it. */
function numericPlaceholder(ctx: Injection, facts: ColumnFacts): string | undefined {
  const options: string[] = [];
  if (facts.min >= 0) options.push(facts.integer ? '-1' : '-1.0', '-999', '-9999');
  if (facts.min > 0 && !facts.counts.has('0')) options.push('0');
  const above = [999, 9999, 99999, 999999].find((s) => s > facts.max * 1.5);
  if (above !== undefined) options.push(String(above));
  return options.length ? ctx.rng.pick(options) : undefined;
}

export const missingInjector: Injector = {
  cls: 'missing',
  description: 'a value removed from a mostly complete column: empty, an NA token ("NA", "n/a", "None", "#N/A", …), a lone space, or a placeholder repeated in that column (-1, -999, 9999, 0 among positives, "unknown")',
  inject(ctx, count) {
    const rows = ctx.rowCount;
    const columns = ctx.facts.filter((f) => f.kind !== 'empty' && f.present >= 0.95 * rows);
    if (columns.length === 0) return 0;
    // One placeholder per column, chosen on first use.
    const placeholders = new Map<number, string | undefined>();
    const placeholderOf = (facts: ColumnFacts) => {
      if (!placeholders.has(facts.index))
        placeholders.set(facts.index, isMeasure(facts) ? numericPlaceholder(ctx, facts) : facts.kind === 'text' && !facts.idLike ? ctx.rng.pick(TEXT_PLACEHOLDERS) : undefined);
      return placeholders.get(facts.index);
    };
    return ctx.place(count, () => {
      const facts = ctx.rng.pick(columns);
      const row = randomRow(ctx);
      const value = ctx.text(row, facts.index);
      if (value === '' || !ctx.hasRoom('missing', facts.index)) return false;
      const placeholder = placeholderOf(facts);
      const variant = ctx.rng.weighted<string>([
        ['empty', 3.5],
        ['na-token', 2.5],
        ['space', 0.5],
        ...(placeholder !== undefined ? ([['placeholder', 3.5]] as [string, number][]) : []),
      ]);
      const text = variant === 'empty' ? '' : variant === 'na-token' ? ctx.rng.pick(NA_TOKENS) : variant === 'space' ? ' ' : (placeholder ?? '');
      if (variant === 'placeholder' && parseNumber(text) === parseNumber(value)) return false;
      return ctx.edit('missing', variant, [{ row, column: facts.index, text }]);
    });
  },
};
