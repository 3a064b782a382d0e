/** gap-outlier: a row whose two dates lie far further apart (or closer) than the other rows keep them (a shipment a year after its order). */
import { defineRule } from '../rule';
import { cellText } from '../dependencies';
import { numericColumn } from '../column-values';
import { dateGaps, gapCulprit, type DateGap } from '../date-gaps';
import { groupedInteger } from '../../shared/grouped-integer';
import { durationText } from '../../shared/duration-text';

/** Whether row `r` breaks the order one of the table's coupled pairs keeps (its gap of the other sign than all the central ones): broken-order's. */
function breaksOrder(gaps: readonly DateGap[], values: (c: number) => Float64Array, r: number): boolean {
  return gaps.some((gap) => {
    const d = values(gap.to)[r] - values(gap.from)[r];
    return (gap.low > 0 && d < 0) || (gap.high < 0 && d > 0);
  });
}

export const gapOutlier = defineRule({
  id: 'gap-outlier',
  title: 'Time between two dates far from the other rows\'',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'The time between two dates of a row (an order and its shipment, an admission and its discharge) far beyond what the other rows keep: a year or a month typed wrong.',
  docs: `Tables of events keep their steps' dates: an order and its shipment, a shipment and its delivery, an admission and
its discharge. The time between two steps is a property of the process, days where the dates span years; a date
with a wrong year or month keeps its column's range and every order between the columns (a shipment 366 days after
its order is still after it), so neither the column's outliers nor broken-order see it.

Learned from the table itself (date-gaps.ts): two date columns (or two timestamp columns) are coupled when, on 50
rows or more holding both, the central 90% of their differences spans at most a tenth of the central 90% of either
column (a birth date and an order date are not: their difference spreads as widely as the birth dates). The
differences are tested as a numeric column is by outlier (its tests robust to the shape of a tail, at its default
\`alpha\`): a difference far beyond the others' (366 days where the others lie within a week) marks a wrong date —
unless it is its kind's: a value of a text column of 2 to 50 values whose rows' median gap (5 rows or more) lies beyond
the others' central 90% on the same side, the row's gap within 4 times of it either way (a laboratory's HbA1c resulted
the next day, a median of 14 hours, where most tests take an hour).
Which date: the column in more of the row's far gaps than any other (a wrong ship date makes its gaps to the order
and to the delivery both far); of one far gap, where the rows are in time order, the date that jumps from its
neighbouring rows' dates (an excavation's end a year after its neighbours' ends, its start beside theirs), else the
date further into its own column's tail on the side the gap says (a gap too long: the later date late among its
column's, or the earlier one early). A row that breaks an order
between coupled dates (a shipment before its order) is broken-order's, which reads the same far gaps to blame its
cell.

The evidence: the other date and its value, the row's gap, the central 90% of the gaps and their median, and how
many rows hold both dates.

**Fix**: correct the wrong date from the source (often its year or month).`,
  check({ data, report, isIgnored }) {
    const { gaps, far } = dateGaps(data);
    if (far.size === 0) return;
    const name = (c: number) => data.columns[c].name;
    for (const [r, farGaps] of [...far].sort((x, y) => x[0] - y[0])) {
      if (breaksOrder(gaps, (c) => numericColumn(data, c), r)) continue;
      const c = gapCulprit(data, r);
      if (c === undefined || isIgnored(c)) continue;
      // The far gap that names the wrong date (the first, where it is in several).
      const found = farGaps.find(({ gap }) => gap.from === c || gap.to === c);
      if (!found) continue;
      const { gap, value: ms } = found;
      const other = c === gap.from ? gap.to : gap.from;
      const [value, otherValue] = [cellText(data, r, c), cellText(data, r, other)];
      const span = `${name(gap.to)} − ${name(gap.from)}`;
      const [central, median] = [`${durationText(gap.low)} to ${durationText(gap.high)}`, durationText(gap.median)];
      report({
        row: r,
        columnIndex: c,
        value,
        evidence: { other: name(other), otherValue, gap: durationText(ms), centralGaps: central, medianGap: median, rows: gap.rows },
        message:
          `${value} in column "${name(c)}" lies ${durationText(Math.abs(ms))} ${(c === gap.to) === ms >= 0 ? 'after' : 'before'} ${name(other)} (${otherValue}) in this row, ` +
          `where ${span} lies from ${central} in 90% of the ${groupedInteger(gap.rows)} rows holding both (median ${median}).`,
        related: [{ row: r, columnIndex: other, message: `${name(other)} ${otherValue}` }],
      });
    }
  },
});
