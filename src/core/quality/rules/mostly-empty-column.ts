import { defineRule } from '../rule';
import { missingCount } from '../column-values';

export const mostlyEmptyColumn = defineRule({
  id: 'mostly-empty-column',
  title: 'Mostly empty column',
  dimension: 'completeness',
  defaultSeverity: 'warning',
  defaultOptions: { threshold: 0.5 },
  description: 'More than `threshold` of a column\'s values are missing (but not all).',
  docs: `A column that is mostly missing carries little signal and forces heavy imputation; a model may
learn more from *whether* the value is missing than from the value.

**Fix**: drop the column, or add an explicit "is missing" indicator feature and impute the rest.`,
  check({ data, options, report }) {
    const rows = data.table.numRows;
    if (rows === 0) return;
    data.columns.forEach((column, c) => {
      const missing = missingCount(data, c);
      if (missing < rows && missing > rows * options.threshold) {
        report({ row: null, columnIndex: c, range: data.source.headerRange(c), evidence: { missing, rows }, message: `Column "${column.name}" is ${((100 * missing) / rows).toFixed(0)}% empty (${missing} of ${rows} values missing).` });
      }
    });
  },
});
