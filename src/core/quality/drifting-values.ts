/**
 * Numbers an entity's records move a little from one record to the next: a patient's age at each admission (75, then
 * 76 at the next), a weight at each visit. The value is kept per entity nearly everywhere (most entities are recorded
 * once), so a dependency is learned, but where records of one entity differ they mostly differ by little against the
 * spread between entities: the value drifts, and a difference that small is no error. A slip is not small that way
 * (74 keyed as 47, 250 for 25), and one differing record in a handful of entities is no drift.
 */
import type { IngestResult } from '../table/model';
import { isNumeric, numericColumn, sortedColumn } from './column-values';
import { disagreeingGroups, type Dependency } from './dependencies';

/** Largest difference within an entity that drifts, as a share of the column's interquartile range (an age a year on, of 30). */
export const DRIFT_SHARE = 0.05;
/** Entities whose records differ, at least, to tell a drift. */
export const MIN_DRIFTING_GROUPS = 5;
/** Share of those entities whose records differ by at most the drift for the value to drift. */
export const MIN_DRIFTING = 0.8;

const drifts = new WeakMap<IngestResult, WeakMap<Dependency, number>>();

/**
 * How far `dep`'s right side drifts within a group (a value of its left side): the largest difference of two records'
 * numbers no error, where MIN_DRIFTING of its MIN_DRIFTING_GROUPS or more disagreeing groups differ by at most
 * DRIFT_SHARE of the column's interquartile range; 0 where the value does not drift (or is no number).
 */
export function driftOf(data: IngestResult, dep: Dependency): number {
  let byDependency = drifts.get(data);
  if (!byDependency) drifts.set(data, (byDependency = new WeakMap()));
  let drift = byDependency.get(dep);
  if (drift === undefined) byDependency.set(dep, (drift = measureDrift(data, dep)));
  return drift;
}

function measureDrift(data: IngestResult, dep: Dependency): number {
  const c = dep.rhs;
  if (!isNumeric(data.columns[c])) return 0;
  const { groups } = disagreeingGroups(data, dep);
  if (groups.length < MIN_DRIFTING_GROUPS) return 0;
  const sorted = sortedColumn(data, c);
  const limit = DRIFT_SHARE * (sorted.quantile(0.75) - sorted.quantile(0.25));
  if (!(limit > 0)) return 0;
  const numbers = numericColumn(data, c);
  let drifting = 0;
  for (const group of groups) {
    let [low, high] = [Infinity, -Infinity];
    for (const [id] of group.counts) {
      const value = numbers[group.rowsOf(id)[0]];
      [low, high] = [Math.min(low, value), Math.max(high, value)];
    }
    if (high - low <= limit) drifting++;
  }
  return drifting >= MIN_DRIFTING * groups.length ? limit : 0;
}

/** Whether rows `a` and `b` of one group of `dep` differ by no more than its right side's drift (see driftOf). */
export function withinDrift(data: IngestResult, dep: Dependency, a: number, b: number): boolean {
  const drift = driftOf(data, dep);
  if (drift === 0) return false;
  const numbers = numericColumn(data, dep.rhs);
  return Math.abs(numbers[a] - numbers[b]) <= drift;
}
