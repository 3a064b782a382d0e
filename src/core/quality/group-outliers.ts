/**
 * Outliers within groups: a number ordinary for its column but far from the numbers of its row's group — a
 * temperature in °F among °C, where the station and the month say what the temperature is; a body mass
 * typed for another species. The column's own extremes say nothing of such a value; the group does.
 *
 * Learned from the table: a grouping (one column, or two, of labels; no fractional numbers) explains a
 * numeric column when the numbers' typical deviation from their group's median is at most 0.65 times their typical
 * deviation from the column's median (measured on a sample of rows, half of it learning the medians and the other half
 * measuring the deviations). Each row's number is then measured from
 * its group's median in its group's spread (the deviation 3 in 4 of the group's rows stay within, in a normal
 * distribution's terms) and is far when it lies beyond 4 times the deviation 95% of all rows stay within, and
 * beyond 8 spreads: about 8 spreads for numbers spread normally in their groups (a chance of 1e-15), 12 for
 * exponential tails (1e-5). A skewed column of positive numbers is measured on the log scale, where amounts spread
 * by factors (a payee's payments, each payee at its own level) are compared by their ratios: a payment of 138,260
 * where a staffing agency's payments lie around 1,400 (a decimal point lost), and not a florist's 4,806 beside its
 * usual 670 (7 times as much, a natural tail of payments). There, values below their group are reported only where a gap
 * parts them from the group's low end: near zero, ratios grow without saying much.
 */
import type { IngestResult } from '../table/model';
import type { TableProfile } from '../profile/types';
import { quantile } from '../shared/quantile';
import { TEXT_KINDS, isNumeric, nullCount, numericColumn, sortedColumn, valueCodes, type ValueCodes } from './column-values';
import { cellText, contradictedCell } from './dependencies';
import { STRAY_NEGATIVE_SHARE } from './placeholders';
import { isBearing } from './bearings';

/** Most values a column may have to group rows by (a payee of many; groups still need MIN_GROUP_ROWS rows). */
const MAX_GROUP_VALUES = 256;
/** Rows a group needs (all rows) before its median and spread say anything. */
const MIN_GROUP_ROWS = 20;
/** Rows a group needs in the sample that decides the grouping. */
const MIN_SAMPLE_GROUP_ROWS = 8;
/** Rows the grouping is decided on (evenly spread). */
const SAMPLE_ROWS = 5_000;
/**
 * A grouping explains a column when its numbers' typical deviation from their group's median is at most this
 * share of their typical deviation from the column's median, measured on rows the medians were not learned on
 * (see halves): a payee's payments spread by a factor of 1.6 where payees' levels spread by 2.7.
 */
const EXPLAINED_SPREAD = 0.65;
/**
 * Or when the numbers' mean deviation (trimmed) from their group's median is at most MEAN_EXPLAINED of their mean deviation from the
 * column's: a chain's hotels in koruny and forints among hotels in euros, whose rates the hotel explains little in the
 * typical row (in euros) but wholly in the rows where the column spreads most.
 */
const MEAN_EXPLAINED = 0.5;
/** Share of the largest deviations a mean deviation leaves out. */
const TRIMMED_SHARE = 0.02;
/** A two-column grouping is kept over its better column when it lowers the typical deviation by this share at least. */
const PAIR_GAIN = 0.25;
/** Single columns whose pairs are tried (the best). */
const PAIRED_CANDIDATES = 3;
/**
 * Share of a group's rows its most common number may hold, at most, for the group to have a spread: a capital's
 * latitude in most of its region's rows leaves the others no measure. (Rounded measurements repeat their values, a lab
 * test's 500 results written to one decimal, but no one value holds half of them.)
 */
const MAX_MODE_SHARE = 0.5;
/** Far values a group may hold (rows, and share of its rows, whichever is more): more are a population of their own. */
const MAX_FAR_ROWS = 2;
const MAX_FAR_SHARE = 0.05;
/** Rows whose deviations set what is typical, at most (an even sample of them beyond). */
const TYPICAL_ROWS = 100_000;
/** Share of the rows whose deviations (in group spreads) set what is typical. */
const TYPICAL_SHARE = 0.95;
/** A value is far from its group beyond this many times the typical deviation, */
const TYPICAL_TIMES = 4;
/** and beyond this many group spreads at least. */
const MIN_DEVIATIONS = 8;
/** Distinct share above which a column of whole numbers is a key or code. */
const KEY_DISTINCT_SHARE = 0.95;
/**
 * A group's spread: the deviation from its median that this share of its rows stay within, over a normal
 * distribution's (1.1503 standard deviations hold 75%). Not the median deviation: a group whose values
 * cluster (wind over the sea and over land in one band of latitude) would have the spread of its larger
 * cluster only, and the other's values would all look far.
 */
const SPREAD_QUANTILE = 0.75;
const NORMAL_QUANTILE_DEVIATION = 1.1503;

/** A value far from its group's numbers. */
export interface GroupOutlier {
  row: number;
  /** The grouping columns, and the row's values of them (as text). */
  groupColumns: number[];
  groupValues: string[];
  /** Rows of the group. */
  groupRows: number;
  /** The scale measured on: the numbers, or their logarithms (then the spread is a factor's logarithm). */
  scale: 'raw' | 'log';
  /** The group's median (as a number, on either scale) and spread on the scale (see SPREAD_QUANTILE). */
  median: number;
  spread: number;
  /** (value − median) / spread. */
  deviations: number;
  /** The largest deviation (either side) of the rows not flagged, and the deviation a flagged value exceeds. */
  next: number;
  bound: number;
}

/** A grouping of rows: per row its group id (−1: none), and the columns it comes from. */
interface Grouping {
  columns: number[];
  ids: Int32Array;
  size: number;
}

/**
 * Mean of `sorted` (ascending) but its largest TRIMMED_SHARE: placeholders and slips (-9999 for "unknown" in 1.5% of the
 * rows) would make it theirs.
 */
function trimmedMean(sorted: Float64Array): number {
  const kept = Math.max(1, Math.floor((1 - TRIMMED_SHARE) * sorted.length));
  let sum = 0;
  for (let i = 0; i < kept; i++) sum += sorted[i];
  return sum / kept;
}

/** Median of `values` (sorted in place). */
function medianOf(values: Float64Array): number {
  return quantile(values.sort(), 0.5);
}

/**
 * Per group of `rows` (group id by `ids`), the median of `values`, and (`deviationRows` given) the median over those
 * other rows of the absolute deviation from their group's median; groups with fewer than `minRows` rows are left out
 * (NaN median).
 */
function groupMedians(
  values: Float64Array,
  ids: Int32Array,
  size: number,
  rows: Int32Array,
  minRows: number,
  deviationRows?: Int32Array,
): { medians: Float64Array; counts: Int32Array; modeRows: Int32Array; deviation: number; meanDeviation: number; sortedGroup: (g: number) => Float64Array } {
  const counts = new Int32Array(size);
  for (const r of rows) if (ids[r] >= 0 && !Number.isNaN(values[r])) counts[ids[r]]++;
  const starts = new Int32Array(size + 1);
  for (let g = 0; g < size; g++) starts[g + 1] = starts[g] + counts[g];
  const fill = starts.slice(0, size);
  const byGroup = new Float64Array(starts[size]);
  for (const r of rows) if (ids[r] >= 0 && !Number.isNaN(values[r])) byGroup[fill[ids[r]]++] = values[r];
  const medians = new Float64Array(size).fill(NaN);
  // The rows of each group's most common number.
  const modeRows = new Int32Array(size);
  for (let g = 0; g < size; g++) {
    if (counts[g] < minRows) continue;
    const group = byGroup.subarray(starts[g], starts[g + 1]);
    medians[g] = medianOf(group);
    for (let i = 0, run = 0; i < group.length; i++) {
      run = i > 0 && group[i] === group[i - 1] ? run + 1 : 1;
      if (run > modeRows[g]) modeRows[g] = run;
    }
  }
  // Each group's values, sorted (medianOf sorted them in place).
  const sortedGroup = (g: number) => byGroup.subarray(starts[g], starts[g + 1]);
  if (!deviationRows) return { medians, counts, modeRows, deviation: NaN, meanDeviation: NaN, sortedGroup };
  const deviations: number[] = [];
  for (const r of deviationRows) {
    const g = ids[r];
    if (g >= 0 && !Number.isNaN(medians[g]) && !Number.isNaN(values[r])) deviations.push(Math.abs(values[r] - medians[g]));
  }
  if (deviations.length === 0) return { medians, counts, modeRows, deviation: NaN, meanDeviation: NaN, sortedGroup };
  const sorted = Float64Array.from(deviations).sort();
  return { medians, counts, modeRows, deviation: quantile(sorted, 0.5), meanDeviation: trimmedMean(sorted), sortedGroup };
}

/**
 * The `p` quantile (the ⌊p·(n−1)⌋-th smallest) of the absolute deviations of `sorted` (ascending) from `center`: the
 * deviations taken in ascending order by walking outwards from the center, without sorting them.
 */
function deviationQuantile(sorted: Float64Array, center: number, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  let hi = 0;
  while (hi < n && sorted[hi] < center) hi++;
  let lo = hi - 1;
  let deviation = 0;
  for (let k = Math.floor(p * (n - 1)); k >= 0; k--) {
    const below = lo >= 0 ? center - sorted[lo] : Infinity;
    const above = hi < n ? sorted[hi] - center : Infinity;
    if (below <= above) {
      deviation = below;
      lo--;
    } else {
      deviation = above;
      hi++;
    }
  }
  return deviation;
}

/** Rows 0..n−1. */
function allRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let r = 0; r < n; r++) rows[r] = r;
  return rows;
}

/** Positions 0..n−1 split in two halves by a multiplicative hash (no period a table's rows would share). */
function halves(n: number): [Int32Array, Int32Array] {
  const [first, second]: number[][] = [[], []];
  for (let k = 0; k < n; k++) (Math.imul(k, 0x9e3779b1) & 0x10000 ? second : first).push(k);
  return [Int32Array.from(first), Int32Array.from(second)];
}

/** Share of the rows on which a grouping must hold its groups' most common value of another for it to determine that one. */
const DETERMINES_SHARE = 0.98;

/** Whether grouping `a` determines grouping `b` on the rows holding both (DETERMINES_SHARE: typos aside). */
function determines(a: Grouping, b: Grouping): boolean {
  // Groupings have MAX_GROUP_VALUES groups at most: a table of every pair of groups is small.
  const pairs = new Int32Array(a.size * b.size);
  let rows = 0;
  for (let r = 0; r < a.ids.length; r++) {
    if (a.ids[r] < 0 || b.ids[r] < 0) continue;
    rows++;
    pairs[a.ids[r] * b.size + b.ids[r]]++;
  }
  let held = 0;
  for (let g = 0; g < a.size; g++) {
    let most = 0;
    for (let h = 0; h < b.size; h++) most = Math.max(most, pairs[g * b.size + h]);
    held += most;
  }
  return held >= DETERMINES_SHARE * rows;
}

/** The groups of two groupings' value pairs. */
function pairGrouping(first: Grouping, second: Grouping): Grouping {
  // In the table's column order (messages name them so).
  const [a, b] = first.columns[0] < second.columns[0] ? [first, second] : [second, first];
  const ids = new Int32Array(a.ids.length).fill(-1);
  // Each pair of groups' id, numbered in order of first appearance (−1: none yet).
  const pairs = new Int32Array(a.size * b.size).fill(-1);
  let size = 0;
  for (let r = 0; r < ids.length; r++) {
    if (a.ids[r] < 0 || b.ids[r] < 0) continue;
    const key = a.ids[r] * b.size + b.ids[r];
    if (pairs[key] < 0) pairs[key] = size++;
    ids[r] = pairs[key];
  }
  return { columns: [...a.columns, ...b.columns], ids, size };
}

/**
 * The grouping that explains column `c` best (see the module comment), or undefined when none does: tried on a
 * sample, single columns of 2 to {@link MAX_GROUP_VALUES} values and pairs of the best of them.
 */
function explainingGrouping(data: IngestResult, c: number, values: Float64Array, profile: TableProfile | undefined): Grouping | undefined {
  const n = values.length;
  const step = Math.max(1, Math.floor(n / SAMPLE_ROWS));
  const sample = Int32Array.from({ length: Math.ceil(n / step) }, (_, i) => i * step);
  // The sample's own arrays: its numbers, and each grouping's ids at its rows (position k is row sample[k]).
  const sampled = Float64Array.from(sample, (r) => values[r]);
  // Medians are learned on half the sample and deviations measured on the other half: a grouping of many small groups
  // fits its own rows' medians (a city and a category of random numbers "explained" three quarters of them).
  // The halves by a hash of the position, not alternate rows: a table's rows often cycle through a label's values.
  const [learnOn, measureOn] = halves(sample.length);
  const present = sampled.filter((v) => !Number.isNaN(v));
  if (present.length < 2 * MIN_GROUP_ROWS) return undefined;
  const center = medianOf(present.slice());
  const columnDeviations = present.map((v) => Math.abs(v - center)).sort();
  const [columnDeviation, columnMean] = [quantile(columnDeviations, 0.5), trimmedMean(columnDeviations)];
  if (!(columnDeviation > 0)) return undefined;
  const tried: { grouping: Grouping; inSample: Grouping; deviation: number; meanDeviation: number }[] = [];
  data.columns.forEach((column, g) => {
    // Labels group rows (text, categories, whole numbers such as months, booleans); a fractional number shared by
    // rows (a town's pupil-teacher ratio) is a measure of their place, not a kind of row.
    if (g === c || column.kind === 'empty' || column.kind === 'float') return;
    const distinct = profile?.columns[g]?.distinct;
    if (distinct !== undefined && (distinct < 2 || distinct > MAX_GROUP_VALUES)) return;
    const codes: ValueCodes = valueCodes(data, g);
    if (codes.size < 2 || codes.size > MAX_GROUP_VALUES) return;
    const grouping = { columns: [g], ids: codes.ids, size: codes.size };
    const inSample = { columns: [g], ids: Int32Array.from(sample, (r) => codes.ids[r]), size: codes.size };
    const { deviation, meanDeviation } = groupMedians(sampled, inSample.ids, inSample.size, learnOn, MIN_SAMPLE_GROUP_ROWS, measureOn);
    if (deviation >= 0) tried.push({ grouping, inSample, deviation, meanDeviation });
  });
  tried.sort((a, b) => a.deviation - b.deviation);
  let best: { grouping: Grouping; deviation: number } | undefined = tried[0];
  // Pairs of the best columns, though one explains little alone (a station's temperatures span the seasons).
  // A column another candidate determines, or that determines it (a hotel's city beside its code), adds nothing to it.
  const candidates: typeof tried = [];
  for (const t of tried) {
    if (candidates.length === PAIRED_CANDIDATES) break;
    if (!candidates.some((kept) => determines(kept.inSample, t.inSample) || determines(t.inSample, kept.inSample))) candidates.push(t);
  }
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const inSample = pairGrouping(candidates[i].inSample, candidates[j].inSample);
      const { deviation } = groupMedians(sampled, inSample.ids, inSample.size, learnOn, MIN_SAMPLE_GROUP_ROWS, measureOn);
      if (deviation >= 0 && deviation <= (1 - PAIR_GAIN) * Math.min(candidates[i].deviation, candidates[j].deviation) && best && deviation < best.deviation) {
        // The pair's groups on every row (the sample's were enough to choose it).
        best = { grouping: pairGrouping(candidates[i].grouping, candidates[j].grouping), deviation };
      }
    }
  }
  if (best && best.deviation <= EXPLAINED_SPREAD * columnDeviation) return best.grouping;
  // A single column that explains where the column spreads most.
  const closest = tried.reduce<(typeof tried)[number] | undefined>((a, t) => (!a || t.meanDeviation < a.meanDeviation ? t : a), undefined);
  return closest && closest.meanDeviation <= MEAN_EXPLAINED * columnMean ? closest.grouping : undefined;
}

/**
 * A column's upper half spread this many times as wide as its lower half (from the median to the 90th percentile against
 * the 10th) is skewed: its numbers spread by factors (payments, prices) and are measured on the log scale.
 */
const SKEWED_HALVES = 2;

/** The scale column `c`'s numbers are measured on: their logarithms where all are positive (STRAY_NEGATIVE_SHARE aside) and they are skewed (see SKEWED_HALVES). */
function measuredScale(data: IngestResult, c: number): GroupOutlier['scale'] {
  const sorted = sortedColumn(data, c);
  // Positive but for stray errors of their own (a lost minus sign, a 0 for unknown), which the log scale leaves out.
  if (sorted.length === 0 || !(sorted.quantile(STRAY_NEGATIVE_SHARE) > 0)) return 'raw';
  const [low, middle, high] = [0.1, 0.5, 0.9].map((p) => sorted.quantile(p));
  return high - middle > SKEWED_HALVES * (middle - low) ? 'log' : 'raw';
}

/**
 * On the log scale, a value below its group is apart from it when its gap to the group's lowest value that is not far is
 * at least this many times the span from that value to the group's lower quartile, and a factor of MIN_LOW_GAP: the
 * group's low end does not lead down to it. A natural low tail thins out towards zero; a slip (÷10, another currency,
 * by the month) jumps.
 */
const LOW_GAP_TIMES = 1;
/**
 * And it is ordinary for the column, above its COLUMN_LOW_EDGE quantile: a slip lands among other groups' values (a rate
 * in euros among the euro hotels' rates); a calm wind of 0.09 where a band's winds blow around 2.4, below 99% of all the
 * winds, is the low end speeds reach near zero, which the column's own tests judge.
 */
const COLUMN_LOW_EDGE = 0.01;
const MIN_LOW_GAP = Math.log(2);

/** Whether `value` (a logarithm) lies apart below a group whose lowest value not far is `lowestNear` and lower quartile `quartile`. */
function apartBelow(value: number, lowestNear: number, quartile: number): boolean {
  const gap = lowestNear - value;
  return Number.isFinite(gap) && gap >= MIN_LOW_GAP && gap >= LOW_GAP_TIMES * (quartile - lowestNear);
}

/** Deviations (in group spreads, either side) from which an entity's other rows lie apart from their groups too. */
const ENTITY_DEVIATIONS = 3;
/** Rows of an entity, at least, that can show it lies apart (two: its other row apart too, where one slip strikes one row). */
const MIN_ENTITY_ROWS = 2;

/**
 * Whether row `r`'s value is its entity's, not an error: another column names what the row is about in several rows
 * (a state, in one row per income bracket), and most of that entity's other rows lie ENTITY_DEVIATIONS or more from
 * their groups (Puerto Rico's share of households under $10,000, 28.9% where states lie around 7%, is far from the
 * states' in its other brackets too: higher in the low ones, lower in the high ones). An error strikes one cell; an
 * entity apart from the others is apart in most of its rows.
 */
function entityApart(data: IngestResult, grouping: Grouping, standardized: Float64Array, r: number): boolean {
  return data.columns.some((column, e) => {
    if (grouping.columns.includes(e) || !TEXT_KINDS.includes(column.kind)) return false;
    const { ids, size } = valueCodes(data, e);
    const id = ids[r];
    // A label naming entities: values that repeat (the column is no key), more of them than of a category.
    if (id < 0 || size < 2 || size > ids.length / 2) return false;
    let [others, apart] = [0, 0];
    for (let k = 0; k < ids.length; k++) {
      if (k === r || ids[k] !== id || Number.isNaN(standardized[k])) continue;
      others++;
      if (Math.abs(standardized[k]) >= ENTITY_DEVIATIONS) apart++;
    }
    return others >= MIN_ENTITY_ROWS - 1 && apart > others / 2;
  });
}

/** Share of a group's ratios of two columns, from either end, left outside the range a row's ratio must lie in to move with it. */
const RATIO_TAIL = 0.05;
/** Rows of the group holding both numbers, at least, for their ratios' range to say anything. */
const MIN_RATIO_ROWS = 10;
/** Largest part of the spread (central 90%, on the log scale) of the group's numbers that their ratios to the other may spread over. */
const TIGHTER_RATIO = 0.5;

/**
 * Whether row `r`'s number of column `c`, far from its group's, moves with another number of its row: the two stand
 * to each other as they do in the group's rows (their ratio within the central 90% of the group's other rows' ratios,
 * which spread over at most half the spread of the number itself: the other number tells it).
 * A week with overtime raises an employee's gross pay, its taxes and its net pay alike; a slip raises one cell, and
 * its ratio to every other number of the row leaves the group's.
 */
function movesWithItsRow(data: IngestResult, grouping: Grouping, groupRows: (g: number) => readonly number[], c: number, r: number): boolean {
  const own = numericColumn(data, c);
  if (!(own[r] > 0)) return false;
  const g = grouping.ids[r];
  return data.columns.some((column, b) => {
    if (b === c || grouping.columns.includes(b) || !isNumeric(column)) return false;
    const other = numericColumn(data, b);
    if (!(other[r] > 0)) return false;
    const [ratios, owns]: number[][] = [[], []];
    for (const k of groupRows(g)) {
      if (k === r || !(own[k] > 0) || !(other[k] > 0)) continue;
      ratios.push(own[k] / other[k]);
      owns.push(own[k]);
    }
    if (ratios.length < MIN_RATIO_ROWS) return false;
    const [sorted, sortedOwn] = [Float64Array.from(ratios).sort(), Float64Array.from(owns).sort()];
    const [low, high] = [quantile(sorted, RATIO_TAIL), quantile(sorted, 1 - RATIO_TAIL)];
    // The other number must tell the row's number: their ratio varies less than the number itself (a tax beside a
    // gross pay), not a number of its own that any ratio fits (a day's passengers beside a gross pay).
    if (Math.log(high / low) > TIGHTER_RATIO * Math.log(quantile(sortedOwn, 1 - RATIO_TAIL) / quantile(sortedOwn, RATIO_TAIL))) return false;
    const ratio = own[r] / other[r];
    return ratio >= low && ratio <= high;
  });
}

/**
 * The values of numeric column `c` (`values`, NaN where null) far from their group's (see the module comment),
 * leaving out `skipRows` (already reported by the column's own test); empty when no grouping explains the column.
 */
export function groupOutliers(data: IngestResult, c: number, values: Float64Array, options: { profile?: TableProfile; skipRows: ReadonlySet<number> }): GroupOutlier[] {
  if (isBearing(data, c)) return [];
  // A column of whole numbers nearly all distinct is a key or a code (a municipality's number within its region's), no measurement.
  if (data.columns[c].kind === 'integer') {
    const present = values.length - nullCount(data, c);
    if ((options.profile?.columns[c]?.distinct ?? valueCodes(data, c).size) >= KEY_DISTINCT_SHARE * present) return [];
  }
  const scale = measuredScale(data, c);
  if (scale === 'log') values = values.map((v) => (v > 0 ? Math.log(v) : NaN));
  const grouping = explainingGrouping(data, c, values, options.profile);
  if (!grouping) return [];
  const { medians, counts, modeRows, sortedGroup } = groupMedians(values, grouping.ids, grouping.size, allRows(values.length), MIN_GROUP_ROWS);
  // A group whose numbers repeat (many rows at one place) has no spread to measure by: its deviations collapse towards
  // 0 and its other values would all look far.
  for (let g = 0; g < grouping.size; g++) if (modeRows[g] > MAX_MODE_SHARE * counts[g]) medians[g] = NaN;
  // Each group's spread (see SPREAD_QUANTILE).
  const spreads = Float64Array.from({ length: grouping.size }, (_, g) => (Number.isNaN(medians[g]) ? 0 : deviationQuantile(sortedGroup(g), medians[g], SPREAD_QUANTILE) / NORMAL_QUANTILE_DEVIATION));
  // Each number's deviation from its group's median in its group's spreads.
  const standardized = new Float64Array(values.length).fill(NaN);
  for (let r = 0; r < values.length; r++) {
    const g = grouping.ids[r];
    if (g < 0 || Number.isNaN(medians[g]) || !(spreads[g] > 0) || Number.isNaN(values[r]) || options.skipRows.has(r)) continue;
    standardized[r] = (values[r] - medians[g]) / spreads[g];
  }
  // The deviations' sizes: what 95% of the rows stay within (read on every row up to TYPICAL_ROWS, on an even sample of
  // them beyond), and the largest below the bound.
  let measured = 0;
  for (let r = 0; r < standardized.length; r++) if (!Number.isNaN(standardized[r])) measured++;
  if (measured < 2 * MIN_GROUP_ROWS) return [];
  const stride = Math.max(1, Math.floor(measured / TYPICAL_ROWS));
  const sizes = new Float64Array(Math.ceil(measured / stride));
  for (let r = 0, k = 0, i = 0; r < standardized.length; r++) {
    if (Number.isNaN(standardized[r])) continue;
    if (k++ % stride === 0) sizes[i++] = Math.abs(standardized[r]);
  }
  sizes.sort();
  const typical = sizes[Math.floor(TYPICAL_SHARE * (sizes.length - 1))];
  const bound = Math.max(MIN_DEVIATIONS, TYPICAL_TIMES * typical);
  let next = 0;
  for (let r = 0; r < standardized.length; r++) {
    const z = Math.abs(standardized[r]);
    if (z < bound && z > next) next = z;
  }
  // A group with many far values holds a second population, not errors.
  const farIn = new Int32Array(grouping.size);
  for (let r = 0; r < values.length; r++) if (Math.abs(standardized[r]) >= bound) farIn[grouping.ids[r]]++;
  // On the log scale, a value below its group only apart from the group's low end (see LOW_GAP_TIMES): the lowest value
  // of the group that is not far, and the group's lower quartile.
  const lowestNear = new Float64Array(grouping.size).fill(Infinity);
  if (scale === 'log') {
    for (let r = 0; r < values.length; r++) {
      const g = grouping.ids[r];
      if (g >= 0 && Math.abs(standardized[r]) < bound && values[r] < lowestNear[g]) lowestNear[g] = values[r];
    }
  }
  const lowerQuartile = (g: number) => quantile(sortedGroup(g), 0.25);
  // The column's own low edge (see COLUMN_LOW_EDGE), on the log scale.
  const columnLowEdge = scale === 'log' ? Math.log(sortedColumn(data, c).quantile(COLUMN_LOW_EDGE)) : -Infinity;
  // Each group's rows, listed when a far value first needs them.
  let rowsOfGroup: number[][] | undefined;
  const groupRows = (g: number): readonly number[] => {
    if (!rowsOfGroup) {
      rowsOfGroup = Array.from({ length: grouping.size }, () => []);
      for (let k = 0; k < grouping.ids.length; k++) if (grouping.ids[k] >= 0) rowsOfGroup[grouping.ids[k]].push(k);
    }
    return rowsOfGroup[g];
  };
  const out: GroupOutlier[] = [];
  for (let r = 0; r < values.length; r++) {
    if (!(Math.abs(standardized[r]) >= bound)) continue;
    // On the log scale a skewed column's low end nears zero, where ratios grow without saying much (a calm wind of 0.09
    // where its band's winds blow around 2.4): a value below its group is far only where a gap parts it from the group's
    // low end and it is ordinary for the column (a rate in euros among a Prague hotel's koruny; a salary by the month
    // below every annual salary of the column is the column's own low edge, left to its own tests).
    if (scale === 'log' && standardized[r] < 0 && !(apartBelow(values[r], lowestNear[grouping.ids[r]], lowerQuartile(grouping.ids[r])) && values[r] >= columnLowEdge)) continue;
    const g = grouping.ids[r];
    if (farIn[g] > Math.max(MAX_FAR_ROWS, MAX_FAR_SHARE * counts[g]) || grouping.columns.some((column) => contradictedCell(data, r, column))) continue;
    if (entityApart(data, grouping, standardized, r)) continue;
    if (movesWithItsRow(data, grouping, groupRows, c, r)) continue;
    out.push({
      row: r,
      groupColumns: grouping.columns,
      groupValues: grouping.columns.map((column) => cellText(data, r, column)),
      groupRows: counts[g],
      scale,
      median: scale === 'log' ? Math.exp(medians[g]) : medians[g],
      spread: spreads[g],
      deviations: standardized[r],
      next,
      bound,
    });
  }
  return out;
}
