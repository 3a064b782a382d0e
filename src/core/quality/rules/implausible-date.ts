import { defineRule } from '../rule';
import { TEMPORAL_KINDS, numericColumn, sortedColumn } from '../column-values';

export const implausibleDate = defineRule({
  id: 'implausible-date',
  title: 'Implausibly old date',
  dimension: 'timeliness',
  defaultSeverity: 'warning',
  defaultOptions: { minYear: 1900, maxYearsBeforeBulk: 100 },
  description: 'A date before `minYear`, or far older than the rest of its column.',
  docs: `Dates such as 1900-01-01 or 0001-01-01 are defaults of date pickers and databases for "unknown";
a year 1023 is a typo for 2023.

Reported: dates before \`minYear\` when the column's bulk (5th percentile) is later, and dates more than
\`maxYearsBeforeBulk\` years before the column's 5th percentile.

**Fix**: correct the date or leave it empty.`,
  check({ data, options, report }) {
    const year = 365.25 * 86_400_000;
    data.columns.forEach((column, c) => {
      if (!TEMPORAL_KINDS.includes(column.kind)) return;
      const values = numericColumn(data, c);
      const sorted = sortedColumn(data, c);
      if (sorted.length < 5) return;
      const bulk = sorted.quantile(0.05);
      const minYear = Date.UTC(options.minYear, 0, 1);
      const tooOld = Math.max(bulk - options.maxYearsBeforeBulk * year, bulk >= minYear ? minYear : -Infinity);
      if (!(sorted.at(0) < tooOld)) return; // nothing that old (null rows are NaN, never < tooOld)
      const bulkDate = new Date(bulk).toISOString().slice(0, 10);
      const reportCell = (r: number) => {
        const value = new Date(values[r]).toISOString().slice(0, 10);
        report({ row: r, columnIndex: c, value, evidence: { bulk: bulkDate }, message: `${value} in column "${column.name}" is implausibly old (most dates are after ${bulkDate}).` });
      };
      for (let r = 0; r < values.length; r++) if (values[r] < tooOld) reportCell(r);
    });
  },
});
