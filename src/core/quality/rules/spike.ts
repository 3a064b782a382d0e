/** spike: in a series, one value far from both its neighbouring rows, which agree with each other (a sensor's glitch). */
import { defineRule } from '../rule';
import { isNumeric, looksLikeIdentifier, numericColumn } from '../column-values';
import { inTimeOrder, rowSteps, seriesStep, stepSizes } from '../series';
import { shownNumber } from '../../shared/shown-number';

/** The quantile of a series' changes from row to row that stands for its largest ordinary change. */
const ORDINARY_QUANTILE = 0.99;
/** Times its largest ordinary change a value must lie from each of its neighbouring rows to be a spike. */
const SPIKE_RATIO = 3;
/** Changes on either side of a row that tell how calm the series is around it (its two own changes left out). */
const LOCAL_STEPS = 10;
/** Times the median change around it (LOCAL_STEPS on either side) a spike must lie from its neighbours: a turbulent stretch (a market crash) moves far by nature. */
const LOCAL_RATIO = 10;
/** Most spikes a column may have, as a share of its rows: more are the series' own jumps. */
const MAX_SPIKE_SHARE = 0.005;

export const spike = defineRule({
  id: 'spike',
  title: 'Spike in a series',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: "In a column that changes little from row to row (a series in time order), a value far from both its neighbouring rows, which agree with each other (a sensor's glitch).",
  docs: `A sensor that glitches, a reading typed with a wrong digit or a value copied from another series leaves one
row far from the rows around it, while the series goes on where it was. Within the column's range such a value is
no outlier (a temperature of 25 °C at night in a column that reaches 30 °C by day), but it is far from its own
neighbours, and a model that reads the series (lags, rolling means) learns the glitch.

The table's rows must be in time order (a date or timestamp column whose values go one way in 95% of their changes:
a table listed by code or place is no series, though neighbouring zip codes have near latitudes), and the column a
series: the median change of its values from a row to the next under half its interquartile range (in rows of no
order it is about 0.7 of it). A value is a spike when it lies at least ${SPIKE_RATIO} times the
series' largest ordinary change (the ${100 * ORDINARY_QUANTILE}th percentile of its changes from row to row) from each of its
two neighbouring rows, on the same side of both (up then down, or down then up), and those neighbours lie within
two ordinary changes of each other (the two changes between them: the series goes on, not a step to a new level), in a calm stretch: ${LOCAL_RATIO} times the
median change of the ${LOCAL_STEPS} rows on either side from each neighbour (days of a market crash move far by nature). A column with more than
${100 * MAX_SPIKE_SHARE}% of its rows so reported jumps by nature and gets none. Identifier-like columns are left alone.

**Fix**: check the reading; replace it with the value its neighbours suggest, or leave it empty.`,
  check({ data, report, isIgnored }) {
    if (!inTimeOrder(data)) return;
    data.columns.forEach((column, c) => {
      if (!isNumeric(column) || looksLikeIdentifier(column.name) || isIgnored(c)) return;
      if (seriesStep(data, c) === undefined) return;
      const steps = rowSteps(data, c);
      const sizes = stepSizes(data, c);
      const ordinary = sizes[Math.min(sizes.length - 1, Math.floor(ORDINARY_QUANTILE * sizes.length))];
      if (!(ordinary > 0)) return;
      const values = numericColumn(data, c);
      const spikes: number[] = [];
      for (let r = 1; r + 1 < values.length; r++) {
        const [before, after] = [steps[r - 1], steps[r]];
        // Up from the row before and down to the row after (or the other way), far on both sides.
        if (!(Math.sign(before) === -Math.sign(after) && Math.min(Math.abs(before), Math.abs(after)) >= SPIKE_RATIO * ordinary)) continue;
        // The neighbours lie two changes apart: within two ordinary ones, the series goes on past the value.
        if (Math.abs(values[r + 1] - values[r - 1]) > 2 * ordinary) continue;
        const around: number[] = [];
        for (let k = Math.max(0, r - 1 - LOCAL_STEPS); k < Math.min(steps.length, r + 1 + LOCAL_STEPS); k++) if (k !== r - 1 && k !== r && Number.isFinite(steps[k])) around.push(Math.abs(steps[k]));
        around.sort((x, y) => x - y);
        if (around.length > 0 && Math.min(Math.abs(before), Math.abs(after)) < LOCAL_RATIO * around[around.length >> 1]) continue;
        spikes.push(r);
      }
      if (spikes.length === 0 || spikes.length > MAX_SPIKE_SHARE * values.length) return;
      for (const r of spikes) {
        const value = shownNumber(values[r]);
        const between = (values[r - 1] + values[r + 1]) / 2;
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { before: values[r - 1], after: values[r + 1], ordinaryChange: Number(ordinary.toPrecision(4)) },
          message:
            `${value} in column "${column.name}" is a spike: the rows before and after hold ${shownNumber(values[r - 1])} and ${shownNumber(values[r + 1])}, ` +
            `and it lies ${shownNumber(Number((Math.abs(values[r] - between) / ordinary).toPrecision(3)))} times the series' largest ordinary change from row to row (${shownNumber(Number(ordinary.toPrecision(3)))}) from them.`,
        });
      }
    });
  },
});
