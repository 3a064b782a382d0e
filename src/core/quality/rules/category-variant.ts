import { defineRule } from '../rule';
import { TEXT_KINDS, replaceCellFix, textColumn } from '../column-values';

/** The spelling-insensitive key of a category: accents, case and white space removed. */
export function categoryKey(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export const categoryVariant = defineRule({
  id: 'category-variant',
  title: 'Category spelled several ways',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: { maxDistinct: 1000 },
  description: 'Values of a categorical column that differ only by case, white space or accents.',
  docs: `"Paris", "paris " and "PARIS" are one city but three categories: one-hot encoding splits their rows
across three features and each gets fewer examples.

**Fix**: unify the spelling; the quick fix replaces a variant with the column's most frequent spelling.
Columns with more than \`maxDistinct\` distinct values are free text and are not checked.`,
  check({ data, options, report }) {
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind)) return;
      const values = textColumn(data, c);
      const counts = new Map<string, number>();
      const maxDistinct = options.maxDistinct as number;
      for (const v of values) {
        if (v === null || v.trim() === '') continue;
        counts.set(v, (counts.get(v) ?? 0) + 1);
        if (counts.size > maxDistinct) return; // free text, not categories
      }
      if (counts.size < 2) return;
      const canonical = new Map<string, string>();
      const groupSize = new Map<string, number>();
      for (const [value, count] of counts) {
        const key = categoryKey(value);
        groupSize.set(key, (groupSize.get(key) ?? 0) + 1);
        const best = canonical.get(key);
        if (best === undefined || count > (counts.get(best) ?? 0) || (count === counts.get(best) && value < best)) canonical.set(key, value);
      }
      values.forEach((value, r) => {
        if (value === null) return;
        const key = categoryKey(value);
        const target = canonical.get(key);
        if ((groupSize.get(key) ?? 0) < 2 || target === undefined || target === value) return;
        report({
          row: r,
          columnIndex: c,
          range: () => data.source.cellRange(r, c),
          message: `"${value}" is a variant of "${target}" in column "${column.name}" (${counts.get(target)} rows spell it that way).`,
          fixes: () => {
            const fix = replaceCellFix(data, r, c, target, `Unify spelling: "${target}"`);
            return fix ? [fix] : [];
          },
        });
      });
    });
  },
});
