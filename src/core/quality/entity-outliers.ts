/**
 * Outliers within an entity's rows: a number an entity keeps nearly the same from row to row (a patient's weight in
 * each of their orders, a property's floor area in each of its sales) far from that entity's other values — 158.1
 * where the patient weighs 71.7 in three other rows (pounds written for kilograms). Neither the column's extremes nor
 * a category's spread see it: each entity has a few rows, and the value is ordinary for the column.
 *
 * Learned from the table: a text column names entities where its values repeat (ENTITY_SHAPE's rows
 * each on average, enough of them in 3 rows or more) and determine another column (a name alone may be shared:
 * towns called Washington), and a numeric column is its entities' where the deviation
 * from an entity's median that 90% of those rows stay within is at most ATTRIBUTE_SHARE of the column's interquartile
 * range — on the log scale for a column of positive numbers, where a weight changes by percents; a measure, of
 * MIN_DISTINCT values at least (a floor, a size or a rating are levels, which a patient's next stay may change). A value is far
 * where it lies FAR_TIMES that deviation from the median of its entity's other rows, and FAR_IQR of the column's
 * interquartile range at least; those other rows (2 or more) agree among themselves, none of them is far, and the row
 * agrees with its entity on the columns the entity determines (where it does not, the entity is the wrong cell, and
 * dependency-violation says so).
 */
import type { IngestResult } from '../table/model';
import { distinctValues, memo, numericColumn, sortedColumn, sortedRuns } from './column-values';
import { cellText, dependenciesOf, disagreeingGroups } from './dependencies';
import { median as medianOf, quantile } from '../shared/quantile';
import { entityColumnsOf, groupsBy, type EntityShape, type RowGroups } from './row-groups';

/**
 * Entity columns: 1.5 to 50 rows per value on average (fewer: a key; more: a category, group-outliers' grouping), 20
 * entities of 3 rows or more to learn the attribute on; the first 6 in column order.
 */
const ENTITY_SHAPE: EntityShape = { minMeanRows: 1.5, maxMeanRows: 50, minEntities: 20, maxColumns: 6 };
/** Share of the rows (of entities of 3 rows or more) whose deviation from their entity's median sets what is typical. */
const TYPICAL_SHARE = 0.9;
/** The typical deviation of an entity's attribute, at most this share of the column's interquartile range. */
const ATTRIBUTE_SHARE = 0.1;
/** A value is far beyond this many typical deviations from its entity's other rows' median, */
const FAR_TIMES = 10;
/** and beyond this share of the column's interquartile range. */
const FAR_IQR = 0.5;
/** Distinct numbers a column needs to be a measure (fewer are levels or codes: a floor, a size, a rating). */
const MIN_DISTINCT = 20;

/** A number far from its entity's other rows'. */
export interface EntityOutlier {
  row: number;
  /** The entity column and the row's entity. */
  entityColumn: number;
  entity: string;
  /** The entity's other rows holding a number, their median, and one of them nearest to it. */
  others: number;
  related: number;
  median: number;
  /** The scale measured on, the deviation from the others' median on it, and the typical deviation of an entity's rows. */
  scale: 'raw' | 'log';
  deviation: number;
  typical: number;
}

/**
 * Text columns whose values repeat as entities' do (ENTITY_SHAPE) and that determine another column (a dependency
 * learned from the table: a patient's birth date; a city's name does not give its state, as towns share names), in
 * column order, at most ENTITY_SHAPE's.
 */
function entityColumns(data: IngestResult): number[] {
  return memo(data, 'entity-columns', () => {
    const determining = new Set(dependenciesOf(data).flatMap((dep) => (dep.lhs.length === 1 && !dep.prefix ? [dep.lhs[0]] : [])));
    return entityColumnsOf(data, ENTITY_SHAPE, (e) => determining.has(e));
  });
}

/** An entity column's rows ordered by entity (the rows of entity id g: order[starts[g]] … order[starts[g + 1] − 1], ascending). */
function entityRows(data: IngestResult, e: number): RowGroups {
  return memo(data, `entity-rows:${e}`, () => groupsBy(distinctValues(data, e)));
}

/** Entities sampled to decide whether a column is its entities' before every entity is read (every k-th of them). */
const SAMPLE_ENTITIES = 2_000;

/**
 * The median of each entity (3 rows or more holding a number, outside `skipRows`) of the entity ids `g` with
 * g % stride === 0, and the deviation TYPICAL_SHARE of their rows stay within; NaN medians elsewhere.
 */
function entityMedians(values: Float64Array, rows: RowGroups, skipRows: ReadonlySet<number>, stride: number): { medians: Float64Array; typical: number; learned: number } {
  const size = rows.starts.length - 1;
  const medians = new Float64Array(size).fill(NaN);
  const deviations: number[] = [];
  // Room for the largest entity's numbers (not the whole column's).
  let largest = 0;
  for (let g = 0; g < size; g++) largest = Math.max(largest, rows.starts[g + 1] - rows.starts[g]);
  const scratch = new Float64Array(largest);
  let learned = 0;
  for (let g = 0; g < size; g += stride) {
    let n = 0;
    for (let k = rows.starts[g]; k < rows.starts[g + 1]; k++) {
      const r = rows.order[k];
      if (!Number.isNaN(values[r]) && !skipRows.has(r)) scratch[n++] = values[r];
    }
    if (n < 3) continue;
    learned++;
    const median = quantile(scratch.subarray(0, n).sort(), 0.5);
    medians[g] = median;
    for (let i = 0; i < n; i++) deviations.push(Math.abs(scratch[i] - median));
  }
  return { medians, typical: quantile(Float64Array.from(deviations).sort(), TYPICAL_SHARE), learned };
}

/** Whether row `r` disagrees with its entity on a column the entity determines (a dependency learned from the table). */
function strayFromEntity(data: IngestResult, e: number, r: number): boolean {
  for (const dep of dependenciesOf(data)) {
    if (dep.lhs.length !== 1 || dep.lhs[0] !== e || dep.prefix) continue;
    const scan = disagreeingGroups(data, dep);
    const group = scan.lhs[r];
    const consensus = group >= 0 ? scan.consensusOf(group) : undefined;
    if (consensus && cellText(data, consensus.row, dep.rhs) !== cellText(data, r, dep.rhs)) return true;
  }
  return false;
}

/**
 * The values of numeric column `c` far from their entity's other values (see the module comment), leaving out
 * `skipRows` (already reported by the column's other tests).
 */
export function entityOutliers(data: IngestResult, c: number, skipRows: ReadonlySet<number>): EntityOutlier[] {
  const entities = entityColumns(data);
  if (entities.length === 0) return [];
  const sorted = sortedColumn(data, c);
  if (sorted.length < ENTITY_SHAPE.minEntities * 3 || sortedRuns(data, c).values.length < MIN_DISTINCT) return [];
  const scale: EntityOutlier['scale'] = sorted.quantile(0) > 0 ? 'log' : 'raw';
  const raw = numericColumn(data, c);
  const values = scale === 'log' ? raw.map(Math.log) : raw;
  const [q1, q3] = [sorted.quantile(0.25), sorted.quantile(0.75)];
  const iqr = scale === 'log' ? Math.log(q3) - Math.log(q1) : q3 - q1;
  if (!(iqr > 0)) return [];
  const out: EntityOutlier[] = [];
  const reported = new Set<number>();
  for (const e of entities) {
    const rows = entityRows(data, e);
    const size = rows.starts.length - 1;
    // Decided on a sample of entities first (most columns are no entity's), then on every entity.
    const stride = Math.max(1, Math.floor(size / SAMPLE_ENTITIES));
    if (stride > 1) {
      const sampled = entityMedians(values, rows, skipRows, stride);
      if (sampled.learned < ENTITY_SHAPE.minEntities || sampled.typical > ATTRIBUTE_SHARE * iqr) continue;
    }
    const { medians, typical, learned } = entityMedians(values, rows, skipRows, 1);
    if (learned < ENTITY_SHAPE.minEntities || typical > ATTRIBUTE_SHARE * iqr) continue;
    const bound = Math.max(FAR_TIMES * typical, FAR_IQR * iqr);
    for (let g = 0; g < size; g++) {
      if (Number.isNaN(medians[g])) continue;
      const held: number[] = [];
      for (let k = rows.starts[g]; k < rows.starts[g + 1]; k++) {
        const r = rows.order[k];
        if (!Number.isNaN(values[r]) && !skipRows.has(r)) held.push(r);
      }
      const far = held.filter((r) => Math.abs(values[r] - medians[g]) >= bound / 2);
      if (far.length !== 1) continue;
      const [r] = far;
      const others = held.filter((k) => k !== r);
      const median = medianOf(Float64Array.from(others, (k) => values[k]));
      const deviation = values[r] - median;
      if (Math.abs(deviation) < bound || others.some((k) => Math.abs(values[k] - median) > bound / 4)) continue;
      if (reported.has(r) || strayFromEntity(data, e, r)) continue;
      reported.add(r);
      const related = others.reduce((best, k) => (Math.abs(values[k] - median) < Math.abs(values[best] - median) ? k : best), others[0]);
      out.push({ row: r, entityColumn: e, entity: cellText(data, r, e), others: others.length, related, median: scale === 'log' ? Math.exp(median) : median, scale, deviation, typical });
    }
  }
  return out;
}
