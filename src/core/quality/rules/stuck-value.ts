/** stuck-value: a run of one value in consecutive rows of a column whose values change at nearly every row (a stuck sensor). */
import { defineRule } from '../rule';
import { distinctValues, isNumeric, looksLikeIdentifier, numericColumn } from '../column-values';
import { inTimeOrder, stepCounts } from '../series';
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
 * attendance of 0. One instrument sticks; many at once share a cause, and each reading is its own.
 */
function ofManyEntities(data: IngestResult, r0: number, r1: number): boolean {
  return entityColumns(data).some((e) => {
    const ids = distinctValues(data, e).ids;
    let changes = 0;
    for (let r = r0 + 1; r <= r1; r++) if (ids[r] !== ids[r - 1]) changes++;
    return 2 * changes >= r1 - r0;
  });
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
Identifier-like columns are left alone.

**Fix**: find what stopped the readings; the rows of the run hold no measurement (leave them empty, or drop them
before fitting a model on the series).`,
  check({ data, report, isIgnored, rowNumber }) {
    if (!inTimeOrder(data)) return;
    data.columns.forEach((column, c) => {
      if (!isNumeric(column) || looksLikeIdentifier(column.name) || isIgnored(c)) return;
      const { finite, none: repeats, up, down } = stepCounts(data, c);
      if (finite < 20 * MIN_RUN || Math.max(up, down) > SORTED_SHARE * (up + down)) return;
      // Runs of one value (rows r0..r1), as long as MIN_RUN at least.
      const values = numericColumn(data, c);
      const runs: [number, number][] = [];
      for (let r = 0; r < values.length; ) {
        let end = r;
        while (end + 1 < values.length && Number.isFinite(values[r]) && values[end + 1] === values[r]) end++;
        if (end - r + 1 >= MIN_RUN) runs.push([r, end]);
        r = end + 1;
      }
      if (runs.length === 0) return;
      // The column's own rate of repeats, the runs' included (one more repeat counted): where runs are many, rows of one
      // entity share its value (places geocoded to their county's centre, sorted by zip code), and runs are its nature.
      const rate = (repeats + 1) / (finite + 1);
      if (rate > MAX_REPEAT_SHARE) return;
      for (const [r0, r1] of runs) {
        const length = r1 - r0 + 1;
        if (ofManyEntities(data, r0, r1)) continue;
        if (finite * rate ** (length - 1) > MAX_RUN_CHANCE) continue;
        const value = String(values[r0]);
        const message =
          `${value} in column "${column.name}" is held by ${length} consecutive rows (from row ${rowNumber(r0)}) where the column's values change at nearly every row ` +
          `(${(100 * rate).toFixed(2)}% of its changes are none): a stuck reading or a value carried forward?`;
        for (let r = r0 + 1; r <= r1; r++) report({ row: r, columnIndex: c, value, evidence: { runStart: r0, runLength: length, repeatShare: Number(rate.toPrecision(3)) }, message });
      }
    });
  },
});
