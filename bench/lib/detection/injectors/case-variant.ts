/** Added class: a frequent category written with another case or spacing ("PARIS", "Paris ", "New  York"). */
import { frequentCategories } from '../columns';
import { randomRow, type Injector } from '../inject';
import { caseVariant, type CaseVariant } from '../text-edits';

const VARIANTS: [CaseVariant, number][] = [
  ['lowercase', 3],
  ['uppercase', 3],
  ['trailing-space', 2],
  ['leading-space', 1],
  ['double-space', 1],
];

export const caseVariantInjector: Injector = {
  cls: 'case-variant',
  description: 'a frequent category value written in another case (lower, UPPER) or with a leading, trailing or doubled space; never an existing value',
  inject(ctx, count) {
    const targets = frequentCategories(ctx.facts, ctx.rowCount, 2);
    if (targets.length === 0) return 0;
    return ctx.place(count, () => {
      const { facts, frequent } = ctx.rng.pick(targets);
      const row = randomRow(ctx);
      const value = ctx.text(row, facts.index);
      if (!frequent.has(value) || !ctx.hasRoom('case-variant', facts.index)) return false;
      const variant = ctx.rng.weighted(VARIANTS);
      const text = caseVariant(value, variant);
      if (text === undefined || facts.counts.has(text)) return false;
      return ctx.edit('case-variant', variant, [{ row, column: facts.index, text }]);
    });
  },
};
