import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, nullMask, numericColumn } from '../column-values';

export const constantColumn = defineRule({
  id: 'constant-column',
  title: 'Constant column',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: { minRows: 2 },
  description: 'Every non-missing value of a column is the same.',
  docs: `A constant column cannot explain anything; in a linear model it is collinear with the intercept.
It often means an export filter or a default value filled every row.

**Fix**: drop the column (training pre-deselects it).`,
  check({ data, options, report }) {
    const rows = data.table.numRows;
    if (rows < options.minRows) return;
    data.columns.forEach((column, c) => {
      if (column.kind === 'empty' || column.kind === 'other') return;
      let first: string | number | undefined;
      let present = 0;
      if (TEXT_KINDS.includes(column.kind)) {
        const distinct = distinctValues(data, c);
        if (distinct.size > 1) return;
        if (distinct.size === 1) {
          first = distinct.text(0);
          present = distinct.counts[0];
        }
      } else {
        const mask = nullMask(data, c);
        const numbers = numericColumn(data, c);
        for (let r = 0; r < rows; r++) {
          if (mask[r]) continue;
          const v = numbers[r];
          if (present++ === 0) first = v;
          else if (v !== first) return;
        }
      }
      if (present < options.minRows) return;
      report({ row: null, columnIndex: c, range: data.source.headerRange(c), evidence: { value: String(first), rows: present }, message: `Column "${column.name}" has the same value (${String(first)}) in all ${present} non-missing rows.` });
    });
  },
});
