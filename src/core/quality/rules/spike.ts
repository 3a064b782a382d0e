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
/** Most consecutive rows one spike may hold (a glitch of a few readings); more are a level the series went to. */
const MAX_SPIKE_ROWS = 3;
/** Most spikes a column may have, as a share of its rows: more are the series' own jumps. */
const MAX_SPIKE_SHARE = 0.005;

export const spike = defineRule({
  id: 'spike',
  title: 'Spike in a series',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: "In a column that changes little from row to row (a series in time order), a value (or a glitch of up to three rows) far from both its neighbouring rows, which agree with each other (a sensor's glitch).",
  docs: `A sensor that glitches, a reading typed with a wrong digit or a value copied from another series leaves one
row far from the rows around it, while the series goes on where it was. Within the column's range such a value is
no outlier (a temperature of 25 °C at night in a column that reaches 30 °C by day), but it is far from its own
neighbours, and a model that reads the series (lags, rolling means) learns the glitch.

The table's rows must be in time order (a date or timestamp column whose values go one way in 95% of their changes:
a table listed by code or place is no series, though neighbouring zip codes have near latitudes), and the column a
series: the median change of its values from a row to the next under half its interquartile range (in rows of no
order it is about 0.7 of it). In a table of several series one after another (each station's hours in time order),
the changes where the time the rows are listed by goes back — a new series begins — are no changes of a series. A value is a spike when it lies at least ${SPIKE_RATIO} times the
series' largest ordinary change (the ${100 * ORDINARY_QUANTILE}th percentile of its changes from row to row) from each of its
two neighbouring rows, on the same side of both (up then down, or down then up), and those neighbours lie within
two ordinary changes of each other (the two changes between them: the series goes on, not a step to a new level), in a calm stretch: ${LOCAL_RATIO} times the
median change of the ${LOCAL_STEPS} rows on either side from each neighbour (days of a market crash move far by nature). A glitch of up to ${MAX_SPIKE_ROWS} consecutive rows is one spike
when each of its rows lies so far from both rows around the glitch (above both or below both: two readings may go
up, then down) and those rows lie within as many ordinary changes as there are changes between them, and the glitch
does not go on from the rows beyond them (ordinary readings between two slipped ones are no spike: the slipped ones
are); each of its rows is reported. More rows far away are a level the series visited. A column with more than
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
      // Each spike: its first row and its rows (one, or a glitch of a few consecutive rows).
      const spikes: { start: number; rows: number }[] = [];
      let reported = 0;
      for (let r = 1; r + 1 < values.length; r++) {
        const before = steps[r - 1];
        if (!(Math.abs(before) >= SPIKE_RATIO * ordinary)) continue;
        for (let rows = 1; rows <= MAX_SPIKE_ROWS && r + rows < values.length; rows++) {
          const end = r + rows - 1;
          const [left, right] = [values[r - 1], values[end + 1]];
          // Every row of it far from both neighbours, above both or below both (a glitch of two rows may go up, then
          // down). A row near the row before ends the search; one near the row after asks for a longer glitch.
          if (!(Math.abs(values[end] - left) >= SPIKE_RATIO * ordinary)) break;
          let far = true;
          for (let k = r; k <= end && far; k++) {
            const [fromLeft, fromRight] = [values[k] - left, values[k] - right];
            far = Math.sign(fromLeft) === Math.sign(fromRight) && Math.abs(fromRight) >= SPIKE_RATIO * ordinary;
          }
          if (!far) continue;
          // The neighbours lie rows + 1 changes apart: within as many ordinary ones (two at least), the series goes on past it.
          if (Math.abs(right - left) > Math.max(2, rows + 1) * ordinary) continue;
          // And the glitch does not go on from the rows beyond its neighbours: ordinary readings between two slipped ones
          // are no spike (the slipped ones are).
          if (r >= 2 && Math.abs(values[r] - values[r - 2]) < SPIKE_RATIO * ordinary) break;
          if (end + 2 < values.length && Math.abs(values[end] - values[end + 2]) < SPIKE_RATIO * ordinary) continue;
          const around: number[] = [];
          for (let k = Math.max(0, r - 1 - LOCAL_STEPS); k < Math.min(steps.length, end + 1 + LOCAL_STEPS); k++) if ((k < r - 1 || k > end) && Number.isFinite(steps[k])) around.push(Math.abs(steps[k]));
          around.sort((x, y) => x - y);
          if (around.length > 0 && Math.min(Math.abs(before), Math.abs(steps[end])) < LOCAL_RATIO * around[around.length >> 1]) break;
          spikes.push({ start: r, rows });
          reported += rows;
          r = end;
          break;
        }
      }
      if (spikes.length === 0 || reported > MAX_SPIKE_SHARE * values.length) return;
      for (const { start, rows } of spikes) {
        const end = start + rows - 1;
        const [left, right] = [values[start - 1], values[end + 1]];
        const between = (left + right) / 2;
        for (let r = start; r <= end; r++) {
          const value = shownNumber(values[r]);
          report({
            row: r,
            columnIndex: c,
            value,
            evidence: { before: left, after: right, ordinaryChange: Number(ordinary.toPrecision(4)), ...(rows > 1 ? { rows } : {}) },
            message:
              `${value} in column "${column.name}" is ${rows > 1 ? `one of ${rows} consecutive rows that make a spike` : 'a spike'}: the rows before and after ${rows > 1 ? 'them ' : ''}hold ${shownNumber(left)} and ${shownNumber(right)}, ` +
              `and it lies ${shownNumber(Number((Math.abs(values[r] - between) / ordinary).toPrecision(3)))} times the series' largest ordinary change from row to row (${shownNumber(Number(ordinary.toPrecision(3)))}) from them.`,
          });
        }
      }
    });
  },
});
