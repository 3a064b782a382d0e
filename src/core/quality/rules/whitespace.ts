import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, replaceCellFixes } from '../column-values';

function side(value: string): string {
  const leading = /^\s/.test(value);
  const trailing = /\s$/.test(value);
  return leading && trailing ? 'leading and trailing' : leading ? 'leading' : 'trailing';
}

export const whitespace = defineRule({
  id: 'whitespace',
  title: 'Leading or trailing white space',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A text value starts or ends with white space.',
  docs: `"Paris" and "Paris " are different categories to a model and to every group-by, join and one-hot
encoder; the difference is invisible in most viewers.

**Fix**: trim the value (quick fix, or "fix all" for the file).`,
  check({ data, report }) {
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind)) return;
      // Each distinct value is looked at once; rows are then reported by value id.
      const distinct = distinctValues(data, c);
      const trimmedOf = new Map<number, string>();
      for (const id of distinct.maybeUntrimmedIds()) {
        const value = distinct.text(id);
        if (value.length === 0) continue;
        const trimmed = value.trim();
        if (trimmed === value || trimmed === '') continue;
        trimmedOf.set(id, trimmed);
      }
      if (trimmedOf.size === 0) return;
      const reportCell = (r: number, value: string, trimmed: string) =>
        report({
          row: r,
          columnIndex: c,
          value,
          message: `"${value}" in column "${column.name}" has ${side(value)} white space.`,
          fixes: replaceCellFixes(data, r, c, trimmed, `Trim white space: "${trimmed}"`),
        });
      const ids = distinct.ids;
      for (let r = 0; r < ids.length; r++) {
        const trimmed = ids[r] < 0 ? undefined : trimmedOf.get(ids[r]);
        if (trimmed !== undefined) reportCell(r, distinct.text(ids[r]), trimmed);
      }
    });
  },
});
