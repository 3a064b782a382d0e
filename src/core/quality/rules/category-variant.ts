import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, replaceCellFix } from '../column-values';

/**
 * The spelling-insensitive key of a category: accents, case and white space removed, and punctuation beside
 * a letter ("PG-13" is "PG13", "U.S." is "US"), not between digits ("1.5" is not "15"). Narrower on purpose
 * than a cell's form (cell-forms.ts, which compares whole rows): symbols and the spaces between words stay,
 * so "C++" is not "C" and "New York" not "Newyork" when a category stands alone.
 */
export function categoryKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<=\p{L})[.\-_'’]+|[.\-_'’]+(?=\p{L})/gu, '');
}

export const categoryVariant = defineRule({
  id: 'category-variant',
  title: 'Category spelled several ways',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: { maxDistinct: 1000 },
  description: 'Values of a categorical column that differ only by case, white space, accents or punctuation.',
  docs: `"Paris", "paris " and "PARIS" are one city but three categories, as are "PG-13" and "PG13": one-hot
encoding splits their rows across several features and each gets fewer examples. Punctuation counts only
beside a letter: "1.5" and "15" are two values.

**Fix**: unify the spelling; the quick fix replaces a variant with the column's most frequent spelling.
Columns with more than \`maxDistinct\` distinct values are free text and are not checked. In a column of
names (most values unique), two one-word spellings that differ only in case and are each in as many rows
are left alone: there, case can carry meaning (a package \`query\` beside a class \`Query\`).`,
  check({ data, options, report }) {
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind)) return;
      // Works on distinct values (with their row counts); rows are then reported by value id.
      const distinct = distinctValues(data, c);
      const { counts } = distinct;
      const maxDistinct = options.maxDistinct;
      // Categories: the distinct values that are not blank (blank ones are among the maybe-untrimmed).
      const blank = new Set<number>();
      for (const id of distinct.maybeUntrimmedIds()) if (distinct.text(id).trim() === '') blank.add(id);
      if (distinct.size - blank.size > maxDistinct) return; // free text, not categories
      const categories: number[] = [];
      for (let id = 0; id < distinct.size; id++) if (!blank.has(id)) categories.push(id);
      if (categories.length < 2) return;
      const canonical = new Map<string, number>();
      const groupSize = new Map<string, number>();
      for (const id of categories) {
        const value = distinct.text(id);
        const key = categoryKey(value);
        groupSize.set(key, (groupSize.get(key) ?? 0) + 1);
        const best = canonical.get(key);
        if (best === undefined || counts[id] > counts[best] || (counts[id] === counts[best] && value < distinct.text(best))) canonical.set(key, id);
      }
      // In a column of names (values mostly unique), the case of one word can carry meaning — a package
      // "query" beside a class "Query" — so two one-word spellings differing only in case, in as many rows
      // each, are no finding there ("Breached bond penalties" beside "Breached Bond Penalties" still is).
      let present = 0;
      for (const id of categories) present += counts[id];
      const names = categories.length > present / 2;
      const targetOf = new Map<number, number>();
      for (let id = 0; id < distinct.size; id++) {
        const value = distinct.text(id);
        const key = categoryKey(value);
        const target = canonical.get(key);
        if ((groupSize.get(key) ?? 0) < 2 || target === undefined || target === id) continue;
        if (names && counts[id] === counts[target] && !/\s/.test(value.trim()) && value.toLowerCase() === distinct.text(target).toLowerCase()) continue;
        targetOf.set(id, target);
      }
      if (targetOf.size === 0) return;
      const reportCell = (r: number, value: string, targetId: number) => {
        const target = distinct.text(targetId);
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { canonical: target, canonicalRows: counts[targetId] },
          message: `"${value}" is a variant of "${target}" in column "${column.name}" (${counts[targetId]} rows spell it that way).`,
          fixes: () => {
            const fix = replaceCellFix(data, r, c, target, `Unify spelling: "${target}"`);
            return fix ? [fix] : [];
          },
        });
      };
      const ids = distinct.ids;
      for (let r = 0; r < ids.length; r++) {
        const targetId = ids[r] < 0 ? undefined : targetOf.get(ids[r]);
        if (targetId !== undefined) reportCell(r, distinct.text(ids[r]), targetId);
      }
    });
  },
});
