import { defineRule } from '../rule';
import { TEXT_KINDS, replaceCellFix, textColumn } from '../column-values';

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
      const values = textColumn(data, c);
      values.forEach((value, r) => {
        if (value === null || value.length === 0) return;
        const trimmed = value.trim();
        if (trimmed === value || trimmed === '') return;
        report({
          row: r,
          columnIndex: c,
          range: () => data.source.cellRange(r, c),
          message: `"${value}" in column "${column.name}" has ${side(value)} white space.`,
          fixes: () => {
            const fix = replaceCellFix(data, r, c, trimmed, `Trim white space: "${trimmed}"`);
            return fix ? [fix] : [];
          },
        });
      });
    });
  },
});
