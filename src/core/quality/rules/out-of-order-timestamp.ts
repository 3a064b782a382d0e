import { defineRule } from '../rule';
import { KERNEL_ROWS, TEMPORAL_KINDS, numericColumn } from '../column-values';

/** Counts, over values r0..r1 (NaN skipped), the pairs of consecutive values and the steps back, continuing from `count`. */
function countSteps(values: Float64Array, r0: number, r1: number, count: { previous: number; pairs: number; steps: number }): void {
  let { previous, pairs, steps } = count;
  for (let r = r0; r < r1; r++) {
    const v = values[r];
    if (Number.isNaN(v)) continue;
    if (!Number.isNaN(previous)) {
      pairs++;
      if (v < previous) steps++;
    }
    previous = v;
  }
  count.previous = previous;
  count.pairs = pairs;
  count.steps = steps;
}

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
      // Count first: backward steps are only listed for a column that is otherwise in order.
      const count = { previous: NaN, pairs: 0, steps: 0 };
      for (let r = 0; r < values.length; r += KERNEL_ROWS) countSteps(values, r, Math.min(values.length, r + KERNEL_ROWS), count);
      const { pairs, steps } = count;
      let previous = NaN;
      if (pairs < 10 || steps === 0 || pairs - steps < pairs * options.sortedShare) return;
      const backwards: [number, number][] = [];
      previous = NaN;
      let previousRow = -1;
      for (let r = 0; r < values.length; r++) {
        const v = values[r];
        if (Number.isNaN(v)) continue;
        if (!Number.isNaN(previous) && v < previous) backwards.push([r, previousRow]);
        previous = v;
        previousRow = r;
      }
      const text = (v: number) => new Date(v).toISOString().slice(0, column.kind === 'date' ? 10 : 19);
      for (const [r, before] of backwards) {
        const value = text(values[r]);
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { previous: text(values[before]) },
          message: `${value} in column "${column.name}" is earlier than the row before it, in a column otherwise in time order.`,
          related: [{ row: before, columnIndex: c, message: 'Previous value' }],
        });
      }
    });
  },
});
