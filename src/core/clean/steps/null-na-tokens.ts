import * as z from 'zod/mini';
import { defineStep, mapColumns, py } from '../step';
import { columnList, listed, nameList } from './options';

export const nullNaTokens = defineStep({
  id: 'null-na-tokens',
  title: 'NA tokens → empty',
  description: 'Empties cells that hold an NA token ("NA", "N/A", "null", "-", …), so every tool reads them as missing.',
  options: z.object({
    columns: columnList,
    tokens: z.optional(z.array(z.string()).check(z.minLength(1))).check(z.describe('Tokens to empty (default: the recipe\'s input.naTokens), compared after trimming.')),
  }),
  columns: listed,
  apply(frame, options, _fitted, context) {
    const tokens = options.tokens ? new Set(options.tokens) : context.naTokens;
    return mapColumns(frame, options.columns, (cell) => (cell !== null && tokens.has(cell.trim()) ? null : undefined));
  },
  pandas(options) {
    const tokens = options.tokens ? py(options.tokens) : 'NA_TOKENS';
    return { lines: [`for c in ${py(options.columns)}:`, `    df[c] = df[c].mask(df[c].map(js_trim).isin(${tokens}), "")`], helpers: ['js_trim'] };
  },
  summary: (options) => `Empty NA tokens in ${nameList(options.columns)}`,
});
