/**
 * Regular series: a file that interleaves the readings of several stations (or machines, turbines, meters), each
 * station's rows readings taken at one regular step of a date or timestamp column. What stuck-value (a station's
 * sensor stuck) and near-duplicate-row (a reading recorded twice) share.
 */
import type { IngestResult } from '../table/model';
import { TEMPORAL_KINDS, distinctValues, memo, numericColumn } from './column-values';
import { entityColumnsOf, groupsBy, type EntityShape, type RowGroups } from './row-groups';

/**
 * Columns whose values each name a series of readings the file may interleave (a station's, a machine's): values in
 * 20 rows each on average at least, two of them at least.
 */
const SERIES_SHAPE: EntityShape = { minMeanRows: 20, maxMeanRows: Infinity, minEntities: 2, maxColumns: 3 };

/** Share of a series' steps from one reading to the next that must be its one regular step (an hour, ten minutes). */
const REGULAR_STEP_SHARE = 0.9;

/**
 * Whether the groups of rows (`order`, `starts`: see groupsBy) are series of readings taken at a regular step of
 * `times`: REGULAR_STEP_SHARE of the steps from a group's row to its next are one and the same step, not zero (a
 * station reads every hour) — not a product code's declaration lines, several to a day, nor the days of one kind of weather, nor an
 * account's transactions, whose times follow no step.
 */
function regularReadings(times: Float64Array, order: ArrayLike<number>, starts: ArrayLike<number>): boolean {
  // REGULAR_STEP_SHARE is over half of the steps: the one step that can reach it is the steps' majority, found by
  // a vote (Boyer–Moore) and then counted — no table of every step (the steps of unrelated times are all distinct).
  let candidate = NaN;
  let votes = 0;
  let total = 0;
  for (let g = 0; g + 1 < starts.length; g++) {
    for (let k = starts[g] + 1; k < starts[g + 1]; k++) {
      const step = times[order[k]] - times[order[k - 1]];
      if (!Number.isFinite(step)) continue;
      total++;
      if (votes === 0) {
        candidate = step;
        votes = 1;
      } else votes += step === candidate ? 1 : -1;
    }
  }
  // Repeated times are not a step (a zero majority leaves no step at the share).
  if (total === 0 || candidate === 0) return false;
  let modal = 0;
  for (let g = 0; g + 1 < starts.length; g++) {
    for (let k = starts[g] + 1; k < starts[g + 1]; k++) if (times[order[k]] - times[order[k - 1]] === candidate) modal++;
  }
  return modal >= REGULAR_STEP_SHARE * total;
}

/** The readings of one entity column: its rows grouped by its values (each group in file order), and the time columns read at a regular step. */
export interface RegularSeries {
  entity: number;
  groups: RowGroups;
  /** Date or timestamp columns each group's rows are read at one regular step of (one at least). */
  times: number[];
}

/** The entity columns whose values' rows are readings at a regular step of a date or timestamp column (see SERIES_SHAPE). */
export function regularSeries(data: IngestResult): RegularSeries[] {
  return memo(data, 'regular-series', () => {
    const temporal = data.columns.flatMap((column, c) => (TEMPORAL_KINDS.includes(column.kind) ? [c] : []));
    if (temporal.length === 0) return [];
    return entityColumnsOf(data, SERIES_SHAPE).flatMap((entity) => {
      const groups = groupsBy(distinctValues(data, entity));
      const times = temporal.filter((t) => regularReadings(numericColumn(data, t), groups.order, groups.starts));
      return times.length > 0 ? [{ entity, groups, times }] : [];
    });
  });
}
