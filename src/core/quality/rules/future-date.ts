import { defineRule } from '../rule';
import { TEMPORAL_KINDS, finiteStats, numericColumn } from '../column-values';

export const futureDate = defineRule({
  id: 'future-date',
  title: 'Date in the future',
  dimension: 'timeliness',
  defaultSeverity: 'warning',
  defaultOptions: { toleranceDays: 1 },
  description: 'A date or timestamp later than now (plus `toleranceDays`).',
  docs: `A sale, measurement or event dated in the future is a typo (2031 for 2013), a unit mix-up or a
placeholder. Features derived from it (age, recency) become nonsense.

**Fix**: correct the date. Columns that legitimately hold future dates (due dates, forecasts) can be
ignored per column with the quick fix.`,
  check({ data, options, now, report }) {
    const limit = now.getTime() + options.toleranceDays * 86_400_000;
    data.columns.forEach((column, c) => {
      if (!TEMPORAL_KINDS.includes(column.kind)) return;
      // Nothing later than the limit (and nothing infinite): no finding, without a pass over the rows.
      const stats = finiteStats(data, c);
      if (stats.nonFinite === 0 && !(stats.max > limit)) return;
      const values = numericColumn(data, c);
      const future: number[] = [];
      let present = 0;
      for (let r = 0; r < values.length; r++) {
        if (Number.isNaN(values[r])) continue;
        present++;
        if (values[r] > limit) future.push(r);
      }
      // A column mostly in the future holds planned dates, not observations.
      if (future.length === 0 || future.length > present * 0.1) return;
      for (const r of future) {
        const when = new Date(values[r]).toISOString();
        const value = column.kind === 'date' ? when.slice(0, 10) : when;
        report({ row: r, columnIndex: c, value, message: `${value} in column "${column.name}" is in the future.` });
      }
    });
  },
});
