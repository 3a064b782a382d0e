import { defineRule } from '../rule';
import { nullCount } from '../column-values';

export const emptyColumn = defineRule({
  id: 'empty-column',
  title: 'Empty column',
  dimension: 'completeness',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A column has no values at all.',
  docs: `A column without values is dead weight: it cannot inform a model, and some tools type it
arbitrarily (float of NaN, object), which breaks schema checks downstream.

**Fix**: remove the column, or check the export that should have filled it.`,
  check({ data, report }) {
    const rows = data.table.numRows;
    if (rows === 0) return;
    data.columns.forEach((column, c) => {
      if (nullCount(data, c) < rows) return;
      report({ row: null, columnIndex: c, range: data.source.headerRange(c), message: `Column "${column.name}" is empty: all ${rows} values are missing.` });
    });
  },
});
