import { defineRule } from '../rule';
import { nullMask, replaceCellFix } from '../column-values';

export const missingValue = defineRule({
  id: 'missing-value',
  title: 'Missing value',
  dimension: 'completeness',
  defaultSeverity: 'information',
  defaultOptions: { maxMissingShare: 0.5 },
  description: 'A cell is empty or holds an NA token ("NA", "N/A", "null", "-", …).',
  docs: `Models cannot use a missing value as it is: rows are dropped or values imputed, and either choice
changes what the model learns, most of all when values are missing for a reason (not at random).
NA tokens are worse than empty cells: tools that do not know the token read "N/A" as a category or make
a numeric column textual.

**Fix**: fill the value from the source, or leave it empty (the quick fix replaces an NA token with an
empty cell) and decide on an imputation in training. Columns missing more than \`maxMissingShare\` of
their values are reported once by \`mostly-empty-column\` instead of cell by cell.`,
  check({ data, options, report }) {
    const rows = data.table.numRows;
    const tokenAt = new Map<string, string>();
    for (const cell of data.naTokenCells) tokenAt.set(`${cell.row}:${cell.column}`, cell.text);
    const rejected = new Set(data.rejectedCells.map((c) => `${c.row}:${c.column}`));
    data.columns.forEach((column, c) => {
      const mask = nullMask(data, c);
      let missing = 0;
      for (let r = 0; r < rows; r++) missing += mask[r];
      if (missing === 0 || missing > rows * (options.maxMissingShare as number)) return;
      for (let r = 0; r < rows; r++) {
        if (!mask[r] || rejected.has(`${r}:${c}`)) continue;
        const token = tokenAt.get(`${r}:${c}`);
        const fix = token !== undefined ? replaceCellFix(data, r, c, '', `Replace "${token.trim()}" with an empty cell`) : undefined;
        report({
          row: r,
          columnIndex: c,
          range: () => data.source.cellRange(r, c),
          message: token !== undefined ? `Missing value in "${column.name}" written as the NA token "${token.trim()}".` : `Missing value in "${column.name}".`,
          fixes: fix ? [fix] : undefined,
        });
      }
    });
  },
});
