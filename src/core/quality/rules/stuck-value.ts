/** stuck-value: a run of one value in consecutive rows of a column whose values change at nearly every row (a stuck sensor). */
import { defineRule } from '../rule';
import { distinctValues, isNumeric, looksLikeIdentifier, numericColumn } from '../column-values';
import { inTimeOrder } from '../series';
import { regularSeries } from '../regular-series';
import { entityColumns } from '../entity-counters';
import type { IngestResult } from '../../table/model';

/** Largest share of a column's changes from row to row that may be none for its runs to say anything (values nearly always change). */
const MAX_REPEAT_SHARE = 0.05;
/** Largest chance of so long a run anywhere in the column (with repeats at the column's own rate) for it to be reported. */
const MAX_RUN_CHANCE = 0.001;
/** Shortest run reported, whatever its chance. */
const MIN_RUN = 5;
/** Share of a column's nonzero changes of one sign beyond which the column is sorted (ties of a sorted column sit together). */
const SORTED_SHARE = 0.95;

/**
 * Whether a run's rows are of different entities, one after another: a column naming entities (see entityColumns)
 * changes at half the run's steps or more — matches of different home teams played behind closed doors, all at an
 * attendance of 0 (`series`: the column the run was read along, not counted). One instrument sticks; many at once share a cause, and each reading is its own.
 */
function ofManyEntities(data: IngestResult, run: readonly number[], series?: number): boolean {
  return entityColumns(data).some((e) => {
    if (e === series) return false;
    const ids = distinctValues(data, e).ids;
    let changes = 0;
    for (let k = 1; k < run.length; k++) if (ids[run[k]] !== ids[run[k - 1]]) changes++;
    return 2 * changes >= run.length - 1;
  });
}

/** The rows 0 … n − 1. */
function allRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let r = 0; r < n; r++) rows[r] = r;
  return rows;
}

/** A run of one value (its rows), with the rate of repeats and the finite values of the series it lies in. */
interface SeriesRun {
  rows: number[];
  rate: number;
  finite: number;
}

/**
 * The runs of one value (MIN_RUN rows or more) of a column read in the order `rows`, group after group (`starts`:
 * where each group begins; a run stays within its group), each with its group's own rate of repeats (the runs'
 * included, one more counted; at least the share of the group's values that are the run's value) and finite values — a team that sells out its stadium repeats its attendance, a station
 * whose sensor sticks once does not; none where the column is sorted (SORTED_SHARE) or too short, nor in a group whose
 * values change too seldom (MAX_REPEAT_SHARE).
 */
function seriesRuns(values: Float64Array, rows: ArrayLike<number>, starts: ArrayLike<number>): SeriesRun[] {
  let [finiteAll, up, down] = [0, 0, 0];
  const found: SeriesRun[] = [];
  for (let g = 0; g + 1 < starts.length; g++) {
    let [finite, repeats] = [0, 0];
    const runs: number[][] = [];
    let run: number[] = [];
    for (let k = starts[g]; k < starts[g + 1]; k++) {
      const r = rows[k];
      const v = values[r];
      if (!Number.isFinite(v)) {
        if (run.length >= MIN_RUN) runs.push(run);
        run = [];
        continue;
      }
      finite++;
      const before = run.length > 0 ? values[run[run.length - 1]] : NaN;
      if (v === before) {
        repeats++;
        run.push(r);
        continue;
      }
      if (v > before) up++;
      else if (v < before) down++;
      if (run.length >= MIN_RUN) runs.push(run);
      run = [r];
    }
    if (run.length >= MIN_RUN) runs.push(run);
    finiteAll += finite;
    const rate = (repeats + 1) / (finite + 1);
    if (rate > MAX_REPEAT_SHARE) continue;
    for (const run of runs) {
      // A value the series holds often (a duty of 0.00 where lines claim a preference) repeats as often as it is held.
      let held = 0;
      for (let k = starts[g]; k < starts[g + 1]; k++) if (values[rows[k]] === values[run[0]]) held++;
      found.push({ rows: run, rate: Math.max(rate, held / finite), finite });
    }
  }
  return finiteAll < 20 * MIN_RUN || Math.max(up, down) > SORTED_SHARE * (up + down) ? [] : found;
}

export const stuckValue = defineRule({
  id: 'stuck-value',
  title: 'Stuck value',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A run of one value in consecutive rows of a column whose values change at nearly every row (a stuck sensor, a value carried forward).',
  docs: `A sensor that stops updating, a logger that repeats its last reading, or a gap filled by carrying the last
value forward leaves a run of one value in consecutive rows. Each value alone is ordinary, so no other check sees
it, but the readings in the run are not measurements.

The table's rows must be in time order (a date or timestamp column whose values go one way in 95% of their
changes: in a table listed by code or place, neighbouring rows of one entity share its values). A column is read where its values change from one row to the next at nearly every row: at most
${100 * MAX_REPEAT_SHARE}% of its changes are none, the runs' included (where runs are many, rows of one entity share its
value: places geocoded to their county's centre, listed by zip code),
and it is not sorted (at most ${100 * SORTED_SHARE}% of its changes go one way: a sorted column keeps its ties together).
With repeats at that rate p, a run of L rows has a chance of about n × p^(L−1) somewhere in the column's n rows;
a run of at least ${MIN_RUN} rows whose chance is under ${MAX_RUN_CHANCE} is reported, each of its rows after the first —
but not a run over rows of different entities, one after another (a column naming entities, whose values repeat 3
to 500 times each, changes at half the run's steps or more): matches of different home teams behind closed doors,
all at an attendance of 0. One instrument sticks; many at once share a cause, and each reading is its own.
Where the file interleaves the readings of several stations (or machines) — a text column whose values each hold 20
rows or more on average, each value's rows readings taken at one regular step of a date or timestamp column (90% of
their steps: a product code's lines, several to a day, the days of one kind of weather, an account's transactions
are no series) — each station's rows are read the same way, in the file's order, each judged by its own rate of repeats, at least the share of its
readings holding the run's value (a station at its detection limit repeats its floor; a rain gauge reads 0 on dry
hours): a station's sensor stuck
for twelve hours while the others' rows lie between its readings. A run along a station's rows over rows of different
entities (matches of one season, each at another home team's) is no stuck reading either.
Identifier-like columns are left alone.

**Fix**: find what stopped the readings; the rows of the run hold no measurement (leave them empty, or drop them
before fitting a model on the series).`,
  check({ data, report, isIgnored, rowNumber }) {
    if (!inTimeOrder(data)) return;
    // The file's order, then each station's (or machine's) own rows where the file interleaves them.
    const orders: { rows: ArrayLike<number>; starts: ArrayLike<number>; entity?: number }[] = [{ rows: allRows(data.table.numRows), starts: [0, data.table.numRows] }];
    for (const { entity, groups } of regularSeries(data)) orders.push({ rows: groups.order, starts: groups.starts, entity });
    data.columns.forEach((column, c) => {
      if (!isNumeric(column) || looksLikeIdentifier(column.name) || isIgnored(c)) return;
      const values = numericColumn(data, c);
      const reported = new Set<number>();
      for (const { rows, starts, entity } of orders) {
        for (const { rows: run, rate, finite } of seriesRuns(values, rows, starts)) {
          const [r0, length] = [run[0], run.length];
          if (ofManyEntities(data, run, entity)) continue;
          if (finite * rate ** (length - 1) > MAX_RUN_CHANCE || run.every((r) => reported.has(r))) continue;
          const value = String(values[r0]);
          const names = entity === undefined ? undefined : distinctValues(data, entity);
          const of = entity === undefined || !names ? 'consecutive rows' : `consecutive readings of ${data.columns[entity].name} ${names.text(names.ids[r0])}`;
          const message =
            `${value} in column "${column.name}" is held by ${length} ${of} (from row ${rowNumber(r0)}) where the column's values change at nearly every row ` +
            `(${(100 * rate).toFixed(2)}% of its changes are none): a stuck reading or a value carried forward?`;
          for (const r of run.slice(1)) {
            if (reported.has(r)) continue;
            reported.add(r);
            report({ row: r, columnIndex: c, value, evidence: { runStart: r0, runLength: length, repeatShare: Number(rate.toPrecision(3)), ...(entity === undefined ? {} : { series: data.columns[entity].name }) }, message });
          }
        }
      }
    });
  },
});
