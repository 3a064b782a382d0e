import { defineRule } from '../rule';
import { TEMPORAL_KINDS, numericColumn } from '../column-values';

export const outOfOrderTimestamp = defineRule({
  id: 'out-of-order-timestamp',
  title: 'Timestamp out of order',
  dimension: 'timeliness',
  defaultSeverity: 'information',
  defaultOptions: { sortedShare: 0.95 },
  description: 'A date goes backwards in a column that is otherwise sorted.',
  docs: `Logs, sensor readings and transaction tables are usually written in time order. A row that goes back
in time in an otherwise sorted column is a clock glitch, a late insert or a wrong date, and it breaks
time-based train/test splits and lag features.

Reported when at least \`sortedShare\` of consecutive pairs are in non-decreasing order.

**Fix**: check the date; sort the file if order does not matter.`,
  check({ data, options, report }) {
    data.columns.forEach((column, c) => {
      if (!TEMPORAL_KINDS.includes(column.kind)) return;
      const values = numericColumn(data, c);
      let previous = NaN;
      let previousRow = -1;
      let pairs = 0;
      const backwards: [number, number][] = [];
      for (let r = 0; r < values.length; r++) {
        const v = values[r];
        if (Number.isNaN(v)) continue;
        if (!Number.isNaN(previous)) {
          pairs++;
          if (v < previous) backwards.push([r, previousRow]);
        }
        previous = v;
        previousRow = r;
      }
      if (pairs < 10 || backwards.length === 0 || pairs - backwards.length < pairs * (options.sortedShare as number)) return;
      for (const [r, before] of backwards) {
        report({
          row: r,
          columnIndex: c,
          range: () => data.source.cellRange(r, c),
          message: `${new Date(values[r]).toISOString().slice(0, column.kind === 'date' ? 10 : 19)} in column "${column.name}" is earlier than the row before it, in a column otherwise in time order.`,
          related: () => [{ range: data.source.cellRange(before, c), message: 'Previous value' }],
        });
      }
    });
  },
});
