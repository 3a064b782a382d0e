/** Class 4: typos (edit distance 1–2, keyboard-like) of a column's frequent values: "mancheter" among "manchester". */
import { frequentCategories } from '../columns';
import { randomRow, type Injector } from '../inject';
import { typo } from '../text-edits';

/** Shorter values (codes like "USA", "TX") are left alone: a typo there is another code, not a misspelling. */
const MIN_LENGTH = 4;

export const typoInjector: Injector = {
  cls: 'typo',
  description: 'a frequent category value retyped with 1–2 keyboard edits (substitution by a neighbouring key, deletion, insertion, transposition, a letter replaced by "x"); never an existing value',
  inject(ctx, count) {
    const targets = frequentCategories(ctx.facts, ctx.rowCount, MIN_LENGTH);
    if (targets.length === 0) return 0;
    const existing = targets.map((t) => new Set([...t.facts.counts.keys()].map((v) => v.toLowerCase().trim())));
    return ctx.place(count, () => {
      const k = ctx.rng.int(0, targets.length - 1);
      const { facts, frequent } = targets[k];
      const row = randomRow(ctx);
      const value = ctx.text(row, facts.index);
      if (!frequent.has(value) || !ctx.hasRoom('typo', facts.index)) return false;
      const edited = typo(ctx.rng, value);
      if (!edited || existing[k].has(edited.text.toLowerCase().trim())) return false;
      return ctx.edit('typo', edited.variant, [{ row, column: facts.index, text: edited.text }]);
    });
  },
};
