import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, finiteStats, isNumeric, missingCellLabel, numericColumn, nullMask, replaceCellFixes } from '../column-values';
import { MAX_PLACEHOLDER_LENGTH, isPlaceholderText } from '../placeholders';

/** Largest share of a column's values a placeholder may fill to be reported cell by cell (more is one of its levels). */
const MAX_SHARE = 0.1;

export const disguisedMissing = defineRule({
  id: 'disguised-missing',
  title: 'Missing value in disguise',
  dimension: 'completeness',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description: 'A value that stands for "missing" without being empty: "unknown", "N.A.", "not available", "TBD", a cell of white space, NaN in a numeric column.',
  docs: `Missing values are often written as words the reader does not take for missing: "unknown", "N.A.",
"not available", "none given", "TBD", "xxx", a lone space. A model then learns a category "unknown" (or a
text column that should be a category), and completeness checks count the cell as filled.

Reported in text columns for placeholder words (compared without case, spaces and punctuation) that fill at
most 10% of the column's values (a placeholder that fills more is one of the column's levels, such as a real
"None" answer), and for cells of white space only; in numeric columns for NaN values. Numbers used as
placeholders are reported by sentinel-value (-999, 9999, -1 below non-negative values) and zero-as-missing.

**Fix**: the quick fix replaces the placeholder with an empty cell (in JSON Lines with \`null\`). If it is
a real value in this column (an answer "Unknown" to a question), accept it.

In a file checked in batches, each batch is checked on its own.`,
  check({ data, report, isIgnored, isAccepted }) {
    const emptyTitle = `Replace with ${missingCellLabel(data)}`;
    data.columns.forEach((column, c) => {
      if (isIgnored(c)) return;
      if (isNumeric(column) && column.kind === 'float') {
        if (finiteStats(data, c).nonFinite === 0) return;
        const values = numericColumn(data, c);
        const mask = nullMask(data, c);
        for (let r = 0; r < values.length; r++) {
          if (mask[r] || !Number.isNaN(values[r])) continue;
          report({
            row: r,
            columnIndex: c,
            value: 'NaN',
            message: `NaN in column "${column.name}": a missing value written as a number.`,
            fixes: replaceCellFixes(data, r, c, null, emptyTitle),
          });
        }
        return;
      }
      if (!TEXT_KINDS.includes(column.kind)) return;
      const distinct = distinctValues(data, c);
      const present = distinct.counts.reduce((a, b) => a + b, 0);
      const placeholders = new Map<number, string>();
      for (let id = 0; id < distinct.size; id++) {
        if (distinct.codePoints(id) > MAX_PLACEHOLDER_LENGTH) continue;
        const text = distinct.text(id);
        if (!isPlaceholderText(text) || isAccepted(c, text)) continue;
        const blank = text.trim() === '';
        if (!blank && distinct.counts[id] > MAX_SHARE * present) continue;
        placeholders.set(id, blank ? `"${text}" (white space only) in column "${column.name}" is a missing value.` : `"${text}" in column "${column.name}" stands for a missing value (${distinct.counts[id]} of ${present} values).`);
      }
      if (placeholders.size === 0) return;
      const ids = distinct.ids;
      for (let r = 0; r < ids.length; r++) {
        const message = ids[r] < 0 ? undefined : placeholders.get(ids[r]);
        if (message === undefined) continue;
        report({
          row: r,
          columnIndex: c,
          value: distinct.text(ids[r]),
          message,
          fixes: replaceCellFixes(data, r, c, null, emptyTitle),
        });
      }
    });
  },
});
