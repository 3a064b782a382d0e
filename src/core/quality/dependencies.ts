/**
 * Approximate functional dependencies learned from a table (docs/rules/dependency-violation.md): A → B when
 * the rows that share a value of A (one column, or two) almost always share B's value too — zip → city,
 * product code → name, carrier + flight number → scheduled time. Computed once per table and shared by the
 * rules that use them (dependency-violation, conflicting-records).
 *
 * Discovery (TANE/HyFD-style, on value ids, never on strings): left-hand candidates are columns whose values
 * repeat (not keys, not near-constant, not free text), right-hand candidates any column not near-constant.
 * For each pair the rows are grouped by A; a group of at least two rows with B is a supported group. A → B
 * is accepted when
 * - there are at least `MIN_GROUPS` supported groups (or fewer large ones: FEW_GROUPS_MIN_ROWS), holding at least `MIN_SUPPORTED_ROWS` of the rows;
 * - the g3 error (the share of supported rows to change for A → B to hold exactly) is at most
 *   `MAX_ERROR` and at most `MAX_ERROR_VS_CHANCE` of the g3 error B would have if it were unrelated to A
 *   (B shuffled over the same rows: a near-constant B "depends" on anything);
 * - at least `MIN_AGREEING_GROUPS` of the supported groups that can show a majority (three rows or more, when
 *   there are `MIN_GROUPS` of them) have a clear majority ({@link clearMajority}: three quarters of the group
 *   share one value of B, or all of it but one row: what one error leaves in a group of three);
 * - or, in a dirtier table, the looser NOISY_* bounds hold and the rows that break A → B hold values alone in
 *   their groups, but for those that coincide by chance (PairStats.scattered).
 * Text is compared by its loose form (loose-codes.ts: case, white space, control characters and placeholders
 * aside), times of day by the time they say.
 * Single columns first; two-column left sides only for a B no single column determines, from the three
 * columns that explain B best; then the leading characters of codes held once per row (prefixDependencies). A measure on the left side (MEASURE_MIN_DISTINCT) asks for larger majorities,
 * and a dependency that inverts the measure's own is broken only by new values (markInvertedMeasures). Wide or large tables are explored on a sample of rows; every dependency found
 * is verified on all rows.
 */
import type { IngestResult } from '../table/model';
import { editDistance } from './edit-distance';
import { TEXT_KINDS, kernelRanges, cellSourceText, looksLikeIdentifier, distinctValues, finiteStats, isClockColumn, isNumeric, nullCount, numericColumn, sortedRuns, valueCodes, type DistinctValues, type ValueCodes } from './column-values';
import { codesAt, numberCodes, pairCodes, type SortedRuns } from '../profile/column-facts';
import { groupsBy, type RowGroups } from './row-groups';
import { quantile } from '../shared/quantile';
import { timeColumn, timeOfDayCodes } from './time-of-day';
import { looseCodes } from './loose-codes';
import { codeWidths } from './code-widths';
import { codeWidthOf, identityLetters, MIN_PREFIX_LENGTH, prefixCodes, prefixLengths, type PrefixCodes } from './code-prefixes';
import { fixedPermutation } from '../shared/random';
import { numericRelations } from './numeric-relations';

/** Supported groups a dependency needs. */
const MIN_GROUPS = 5;
/**
 * Fewer groups (a left side of two to four values: marital status → exemption) are evidence only when every
 * supported group holds at least FEW_GROUPS_MIN_ROWS rows and at most FEW_GROUPS_MAX_ERROR of the rows break
 * the dependency: a few large groups that agree almost entirely.
 */
const FEW_GROUPS_MIN_ROWS = 30;
const FEW_GROUPS_MAX_ERROR = 0.02;
/** Largest g3 error of an accepted dependency (dirty tables: errors of every kind also break dependencies). */
const MAX_ERROR = 0.1;
/** Smallest share of the rows (with values of A and B) in supported groups: a few repeated rows are no evidence. */
const MIN_SUPPORTED_ROWS = 0.1;
/** Largest g3 error relative to the error without a dependency (B shuffled). */
const MAX_ERROR_VS_CHANCE = 0.2;
/** Smallest share of supported groups with a clear majority (see PairStats.settled). */
const MIN_AGREEING_GROUPS = 0.95;
/** Rows a group needs to show a majority (two against one). */
const MAJORITY_ROWS = 3;
/**
 * A dirtier table's dependency: errors of every kind in a tenth of its cells break more of its groups than
 * MAX_ERROR and MIN_AGREEING_GROUPS allow. It still holds when the g3 error is at most NOISY_MAX_ERROR, at
 * least NOISY_MIN_SETTLED of the groups that can show a majority have a clear one, and of all its groups (those
 * of two rows included: a city name shared by places in several counties splits them one against one), and at least
 * NOISY_MIN_SCATTERED of the rows that break it hold a value alone in their group (independent errors; the
 * other values of a many-to-one relation read the wrong way round repeat).
 */
const NOISY_MAX_ERROR = 0.2;
const NOISY_MIN_SETTLED = 0.85;
const NOISY_MIN_SCATTERED = 0.75;

/**
 * Share of a group a value other than its most frequent one must hold to be a value of its own there (a city's
 * second zip code) rather than scattered errors: in a large group, a few errors may happen to write the same
 * value (another of a column's few values: a wrong division for a football team).
 */
const REPEATED_SHARE = 0.1;

/** Whether another value held by `count` of a group's `size` rows repeats there (see PairStats.scattered). */
function repeatsInGroup(count: number, size: number): boolean {
  return count >= 2 && count > REPEATED_SHARE * size;
}

/**
 * The chance that two rows breaking a dependency in one group write the same value of B by chance, where errors write
 * the column's values as often as the column holds them: of two values drawn by their shares, both other than the
 * group's own value (itself drawn by its share), that they are the same. 1/(k − 1) for k values held alike; 1 for two
 * values; near 0 for a column of many values (zip codes). Wrong divisions of a football team, clusters of a
 * country among six, coincide that often without being a value of their own.
 */
function coincidenceOf(ids: Int32Array, size: number): number {
  const counts = new Float64Array(size);
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] < 0) continue;
    counts[ids[i]]++;
    n++;
  }
  if (n === 0) return 0;
  let squares = 0;
  for (let v = 0; v < size; v++) squares += (counts[v] / n) ** 2;
  let coincidence = 0;
  for (let v = 0; v < size; v++) {
    const p = counts[v] / n;
    if (p > 0 && p < 1) coincidence += p * ((squares - p * p) / (1 - p) ** 2);
  }
  return Math.min(1, coincidence);
}

/**
 * Of a group's rows breaking a dependency (`size` rows, `best` of them its most frequent value), how many share their
 * value with another by chance alone (see coincidenceOf) — where two rows of a value already repeat in a group of
 * this size ({@link repeatsInGroup}): in larger ones a pair is left to chance anyway.
 */
function repeatedByChance(size: number, best: number, coincidence: number): number {
  const deviants = size - best;
  return deviants < 2 || !repeatsInGroup(2, size) ? 0 : deviants * (1 - (1 - coincidence) ** (deviants - 1));
}

/**
 * Groups that can show a majority (MAJORITY_ROWS rows or more) a dependency needs for its repeats by chance to be
 * allowed for: the allowance is an average over groups, and over a handful of them a few rows that coincide tell
 * nothing either way (an event type and a second actor's kind "determine" an interaction code in 7 groups of a
 * conflict table; the code is the first actor's kind with the second's, and its other values repeat).
 */
const CHANCE_MIN_GROUPS = 20;

/**
 * PairStats.scattered from the rows breaking a dependency, those whose value repeats in their group, those expected
 * to by chance, and the groups that can show a majority (see CHANCE_MIN_GROUPS).
 */
function scatteredShare(deviants: number, repeated: number, byChance: number, majorityGroups: number): number {
  return deviants ? 1 - Math.max(0, repeated - (majorityGroups >= CHANCE_MIN_GROUPS ? byChance : 0)) / deviants : 1;
}

function noisyHolds(stats: Pick<PairStats, 'error' | 'agreeing' | 'settled' | 'scattered'>): boolean {
  return stats.error <= NOISY_MAX_ERROR && stats.settled >= NOISY_MIN_SETTLED && stats.agreeing >= NOISY_MIN_SETTLED && stats.scattered >= NOISY_MIN_SCATTERED;
}

/** PairStats.settled: over the groups that can show a majority when there are enough of them, else over every group. */
function settledShare(groups: number, agreeing: number, majorityGroups: number, majorityAgreeing: number): number {
  if (majorityGroups >= MIN_GROUPS) return majorityAgreeing / majorityGroups;
  return groups ? agreeing / groups : 0;
}
/** Rows discovery looks at in a large table (every dependency found is then verified on all rows). */
const SAMPLE_ROWS = 20_000;

/**
 * Whether the most frequent value of B, in `best` of a group's `size` rows, is a clear majority: three quarters
 * of the rows, or all of them but one (2 of 3: a single deviating row is what one error looks like; how often
 * that happens is bounded by the g3 error). One against one is no majority.
 */
export function clearMajority(best: number, size: number): boolean {
  return 4 * best >= 3 * size || (best >= 2 && best === size - 1);
}

/**
 * Records of one entity merged from several sources (a flight number as several timetables give it): the
 * left side is one identifying column whose entities are recorded at least `ENTITY_MIN_RECORDS` times (the
 * median group), and the sources disagree more often than in one clean table, so the dependency is judged
 * by its majorities: at least `ENTITY_MIN_MAJORITY_GROUPS` of the supported groups have a strict majority
 * (more than half the group), the g3 error is at most `ENTITY_MAX_ERROR` and at most
 * `ENTITY_MAX_ERROR_VS_CHANCE` of the error by chance — or at most `ENTITY_SCATTERED_MAX_ERROR_VS_CHANCE` of it
 * when the records that disagree are scattered (at least NOISY_MIN_SCATTERED of them hold a value alone in
 * their group): sources that err independently each write their own wrong time, while an entity's values
 * that merely vary (a customer's usual and occasional payment method) repeat. Several sloppy sources leave a
 * quarter of a flight's records wrong, about 0.3 of a time column's error by chance; two sources in six, each
 * wrong on its own, a third. (Values that repeat are held to a quarter by the error by chance, so the cap binds
 * scattered errors only.)
 */
const ENTITY_MIN_RECORDS = 3;
const ENTITY_MAX_ERROR = 0.4;
const ENTITY_MAX_ERROR_VS_CHANCE = 0.25;
const ENTITY_SCATTERED_MAX_ERROR_VS_CHANCE = 0.5;
const ENTITY_MIN_MAJORITY_GROUPS = 0.8;

export interface Dependency {
  /** Left-hand side: one or two columns. */
  lhs: number[];
  /**
   * The left side is the first `length` characters of its one column's codes (of `width` characters): a zip code's
   * first three digits (code-prefixes.ts).
   */
  prefix?: { length: number; width: number };
  rhs: number;
  /** Supported groups (≥ 2 rows with a value of B). */
  groups: number;
  /** Share of supported groups where one value of B is a clear majority. */
  agreeing: number;
  /** g3 error: share of supported rows that would have to change. */
  error: number;
  /** See PairStats.settled and PairStats.scattered. */
  settled: number;
  scattered: number;
  /** Share of the rows with values of A and B in supported groups. */
  supported: number;
  /** The g3 error with B shuffled over the same rows (as measured in discovery). */
  chance: number;
  /** How often two rows breaking it in one group write the same value of B by chance (coincidenceOf, as measured in discovery). */
  coincidence: number;
  /**
   * Accepted as the records of one entity from several sources (see ENTITY_MIN_RECORDS): a group's value
   * is then what more than half its records say, not three quarters.
   */
  entity?: boolean;
  /** An entity dependency of a column that is not the entity key: it explains values, and reports none. */
  explainsOnly?: boolean;
  /** The left side holds a measure (see MEASURE_MIN_DISTINCT): a group's consensus needs a larger majority. */
  measure?: boolean;
  /** It inverts a measure's own dependency (see markInvertedMeasures): only a value new to the column breaks it. */
  inverted?: boolean;
}

/** Value ids of a column for some rows (−1 for null) and how many distinct ids. */
type Codes = ValueCodes;

/**
 * Whether a text column is free text (notes, comments): its values mostly distinct (at least half as many
 * distinct values as `present` values) and mostly of three words or more (judged on its first 200 distinct
 * values). Names of a few dozen airports or species are words too, but repeat: they are categories; a code
 * such as "IC 1042" is two words.
 */
export function isFreeText(distinct: DistinctValues, present: number): boolean {
  if (distinct.size < present / 2) return false;
  const sample = Math.min(distinct.size, 200);
  let long = 0;
  for (let id = 0; id < sample; id++) if (distinct.text(id).trim().split(/\s+/).length >= 3) long++;
  return sample > 0 && long > sample / 2;
}

/**
 * Ids of a text column's values over all rows as dependencies compare them: times of day written several ways
 * ("7:10 a.m.", "7:10am") by the time they say, other texts by their loose form (case, white space and
 * placeholders aside).
 */
function textCodes(data: IngestResult, c: number): Codes {
  return timeOfDayCodes(data, c) ?? looseCodes(data, c, valueCodes(data, c));
}

/**
 * Ids of a column's values at `rows` (all rows when undefined; a sample is numbered densely by itself, and
 * only a text column's ids over all rows, which it has anyway, are read for it).
 */
function codesOf(data: IngestResult, c: number, rows?: Int32Array): Codes {
  if (TEXT_KINDS.includes(data.columns[c].kind)) {
    const codes = textCodes(data, c);
    return rows ? codesAt(codes, rows) : codes;
  }
  return rows ? numberCodes(numbersAt(numericColumn(data, c), rows)) : valueCodes(data, c);
}

/**
 * The numbers at `rows`. (A loop with nothing after it, apart from the code that calls it: V8 may compile the
 * loop while its first call runs, and code after it that had not run yet would make that compiled code bail out.)
 */
function numbersAt(numbers: Float64Array, rows: Int32Array): Float64Array {
  const sampled = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) sampled[i] = numbers[rows[i]];
  return sampled;
}

export interface PairStats {
  groups: number;
  /** Share of supported groups where one value of B is a clear majority. */
  agreeing: number;
  /**
   * The share a dependency is judged by: of the groups that can show a majority (at least MAJORITY_ROWS rows),
   * those with a clear one, when there are MIN_GROUPS of them; else `agreeing`. A group of two that disagrees,
   * one against one, is what one wrong cell looks like as much as a broken dependency (the g3 error bounds how
   * many such groups there are).
   */
  settled: number;
  /** Share of supported groups where one value of B holds more than half the group. */
  majority: number;
  error: number;
  /** Share of the rows with values of A and B that are in supported groups. */
  supported: number;
  /** Rows of the smallest supported group. */
  smallest: number;
  /**
   * Of the rows whose value of B differs from their group's most frequent one (groups of MAJORITY_ROWS rows or
   * more), the share whose value does not repeat in its group ({@link repeatsInGroup}) beyond what independent
   * errors repeat by chance ({@link coincidenceOf}): what independent errors leave (1 when none differ).
   * A many-to-one relation read the wrong way round (a city's several zip codes) repeats its other values.
   */
  scattered: number;
}

/** What {@link groupStats} adds up, by index. */
const enum PairSum {
  Groups,
  Agreeing,
  MajorityGroups,
  MajorityAgreeing,
  Majority,
  Rows,
  Changes,
  Present,
  Deviants,
  RepeatedDeviants,
  ChanceRepeats,
  Smallest,
}

/** g3 statistics of A → B over the grouping of A (`b`: B's ids at the same positions). */
function pairStats(grouping: { order: Int32Array; starts: Int32Array }, b: Int32Array, bSize: number, coincidence: number): PairStats {
  const sums = new Float64Array(PairSum.Smallest + 1);
  sums[PairSum.Smallest] = Number.MAX_SAFE_INTEGER;
  groupStats(grouping, b, new Int32Array(bSize), new Int32Array(Math.min(bSize, b.length)), sums, coincidence);
  const groups = sums[PairSum.Groups];
  const rows = sums[PairSum.Rows];
  const present = sums[PairSum.Present];
  return {
    groups,
    agreeing: groups ? sums[PairSum.Agreeing] / groups : 0,
    settled: settledShare(groups, sums[PairSum.Agreeing], sums[PairSum.MajorityGroups], sums[PairSum.MajorityAgreeing]),
    majority: groups ? sums[PairSum.Majority] / groups : 0,
    error: rows ? sums[PairSum.Changes] / rows : 1,
    supported: present ? rows / present : 0,
    smallest: groups ? sums[PairSum.Smallest] : 0,
    scattered: scatteredShare(sums[PairSum.Deviants], sums[PairSum.RepeatedDeviants], sums[PairSum.ChanceRepeats], sums[PairSum.MajorityGroups]),
  };
}

/**
 * Adds to `sums` (see PairSum) each group's rows with a value of B, and, for the groups of two rows or more, the
 * rows of its most frequent value of B and whether that is a clear majority. (A loop with nothing after it: V8
 * may compile it while its first call runs, before any code after the loop would have run.)
 */
function groupStats(grouping: { order: Int32Array; starts: Int32Array }, b: Int32Array, counts: Int32Array, touched: Int32Array, sums: Float64Array, coincidence: number): void {
  const { order, starts } = grouping;
  for (let g = 0; g + 1 < starts.length; g++) {
    let size = 0;
    let best = 0;
    let bestId = -1;
    let seen = 0;
    for (let p = starts[g]; p < starts[g + 1]; p++) {
      const y = b[order[p]];
      if (y < 0) continue;
      if (counts[y] === 0) touched[seen++] = y;
      const n = ++counts[y];
      if (n > best) {
        best = n;
        bestId = y;
      }
      size++;
    }
    // Rows of the other values that repeat within the group (see PairStats.scattered).
    let repeated = 0;
    for (let k = 0; k < seen; k++) {
      const id = touched[k];
      if (id !== bestId && repeatsInGroup(counts[id], size)) repeated += counts[id];
      counts[id] = 0;
    }
    if (size >= MAJORITY_ROWS) {
      sums[PairSum.Deviants] += size - best;
      sums[PairSum.RepeatedDeviants] += repeated;
      sums[PairSum.ChanceRepeats] += repeatedByChance(size, best, coincidence);
    }
    sums[PairSum.Present] += size;
    if (size < 2) continue;
    sums[PairSum.Groups]++;
    sums[PairSum.Rows] += size;
    if (size < sums[PairSum.Smallest]) sums[PairSum.Smallest] = size;
    sums[PairSum.Changes] += size - best;
    const clear = clearMajority(best, size);
    if (clear) sums[PairSum.Agreeing]++;
    if (size >= MAJORITY_ROWS) {
      sums[PairSum.MajorityGroups]++;
      if (clear) sums[PairSum.MajorityAgreeing]++;
    }
    if (2 * best > size) sums[PairSum.Majority]++;
  }
}

/** Whether A → B has groups enough to be evidence: MIN_GROUPS, or fewer large ones (FEW_GROUPS_MIN_ROWS). */
function enoughGroups(stats: PairStats): boolean {
  return stats.groups >= MIN_GROUPS || (stats.groups >= 2 && stats.smallest >= FEW_GROUPS_MIN_ROWS);
}

/** Whether statistics pass the thresholds that do not need the shuffled error (checked first: most pairs fail them). */
function plausible(stats: PairStats, entity: boolean): boolean {
  if (!enoughGroups(stats) || stats.supported < MIN_SUPPORTED_ROWS) return false;
  if ((stats.error <= MAX_ERROR && stats.settled >= MIN_AGREEING_GROUPS) || noisyHolds(stats)) return true;
  return entity && stats.error <= ENTITY_MAX_ERROR && stats.majority >= ENTITY_MIN_MAJORITY_GROUPS;
}

/**
 * Whether a left side names entities recorded several times (see ENTITY_MIN_RECORDS): one identifying column
 * (text, or an integer named like an identifier) whose median value is in at least that many rows.
 */
export function isEntityColumn(data: IngestResult, lhs: number[]): boolean {
  if (lhs.length !== 1) return false;
  const column = data.columns[lhs[0]];
  // Clock times ("2:46:28", a runner's split) measure, as numbers do: two runners passing 30 km at one second are no one entity.
  return (TEXT_KINDS.includes(column.kind) && !isClockColumn(data, lhs[0])) || (column.kind === 'integer' && looksLikeIdentifier(column.name));
}

/** The median number of rows of the values of A that repeat (a grouping's groups of two rows or more). */
function medianRepeats(grouping: { starts: Int32Array }): number {
  return medianOfRepeated(Int32Array.from({ length: grouping.starts.length - 1 }, (_, g) => grouping.starts[g + 1] - grouping.starts[g]));
}

/** The median of the group sizes of two rows or more (0 when there is none). */
function medianOfRepeated(sizes: Int32Array): number {
  const repeated = sizes.filter((size) => size >= 2).sort();
  return repeated.length ? repeated[repeated.length >> 1] : 0;
}

/** B's ids shuffled over the same positions (B made unrelated to A). */
function shuffledCodes(b: Int32Array, permutation: Int32Array): Int32Array {
  const out = new Int32Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b[permutation[i]];
  return out;
}

/** B's ids shuffled over the rows that hold A (`order`: those rows; `permutation`: of as many places), −1 elsewhere. */
function shuffledWithin(b: Int32Array, order: Int32Array, permutation: Int32Array): Int32Array {
  const out = new Int32Array(b.length).fill(-1);
  shuffleInto(out, b, order, permutation);
  return out;
}

/** The loop of {@link shuffledWithin} (a function with nothing after the loop, for V8). */
function shuffleInto(out: Int32Array, b: Int32Array, order: Int32Array, permutation: Int32Array): void {
  for (let i = 0; i < order.length; i++) out[order[i]] = b[order[permutation[i]]];
}

/**
 * The error of A → B with B shuffled over the same rows (B unrelated to A), when the statistics are
 * plausible; undefined otherwise. A → B is accepted when its error is at most MAX_ERROR_VS_CHANCE of it.
 */
function chanceError(stats: PairStats, grouping: { order: Int32Array; starts: Int32Array }, b: Codes, coincidence: number, permutation: Int32Array, entity: boolean): number | undefined {
  return plausible(stats, entity) ? pairStats(grouping, shuffledCodes(b.ids, permutation), b.size, coincidence).error : undefined;
}

/**
 * Exceptions beyond which a dependency that A's presence explains as well as its values is no dependency: B is then
 * what the rows holding A mostly hold (a sold date says "Sold"), and more exceptions than this are a second kind of
 * such rows (a payment's date on a partly paid ticket as on a paid one), not errors.
 */
const PRESENCE_MAX_ERROR = 0.01;

/**
 * Whether A → B, accepted against B shuffled over all rows, is only A's presence speaking: with B shuffled over the
 * rows that hold A (A's value made unrelated to B, its presence not), the error is about the same (beyond
 * MAX_ERROR_VS_CHANCE of it), and the exceptions are more than PRESENCE_MAX_ERROR. (A held by every row: no.)
 */
function presenceOnly(stats: PairStats, grouping: { order: Int32Array; starts: Int32Array }, b: Codes, coincidence: number, permutations: Permutations): boolean {
  if (grouping.order.length === b.ids.length || stats.error <= PRESENCE_MAX_ERROR) return false;
  const within = pairStats(grouping, shuffledWithin(b.ids, grouping.order, permutations(grouping.order.length)), b.size, coincidence).error;
  return stats.error > MAX_ERROR_VS_CHANCE * within;
}

/** Deterministic permutations by size, each made once (see fixedPermutation). */
type Permutations = (size: number) => Int32Array;

function permutationsBySize(): Permutations {
  const made = new Map<number, Int32Array>();
  return (size) => {
    let p = made.get(size);
    if (!p) made.set(size, (p = fixedPermutation(size)));
    return p;
  };
}

/** The share of the error by chance an entity's records may disagree in (see ENTITY_MIN_RECORDS). */
function entityErrorVsChance(stats: PairStats): number {
  return stats.scattered >= NOISY_MIN_SCATTERED ? ENTITY_SCATTERED_MAX_ERROR_VS_CHANCE : ENTITY_MAX_ERROR_VS_CHANCE;
}

/** Whether a plausible A → B is accepted: as a dependency of one table, else (`entity`) as an entity's records. */
function acceptance(stats: PairStats, chance: number | undefined, entity: boolean): { entity: boolean } | undefined {
  if (chance === undefined) return undefined;
  if (stats.groups < MIN_GROUPS) {
    const holds = stats.error <= FEW_GROUPS_MAX_ERROR && stats.settled === 1 && stats.error <= MAX_ERROR_VS_CHANCE * chance;
    return holds ? { entity: false } : undefined;
  }
  const beyondChance = stats.error <= MAX_ERROR_VS_CHANCE * chance;
  if (stats.error <= MAX_ERROR && stats.settled >= MIN_AGREEING_GROUPS && beyondChance) return { entity: false };
  // An entity's records disagreeing (sources merged) are judged as such before a dirty table's dependency.
  if (entity && stats.error <= ENTITY_MAX_ERROR && stats.majority >= ENTITY_MIN_MAJORITY_GROUPS && stats.error <= entityErrorVsChance(stats) * chance) return { entity: true };
  return noisyHolds(stats) && beyondChance ? { entity: false } : undefined;
}

/** Distinct values, rows with a value and the most frequent value's rows of a column's codes (over the rows discovery looks at). */
function spread(codes: Codes): { distinct: number; present: number; top: number } {
  const counts = new Int32Array(codes.size);
  const { ids } = codes;
  let present = 0;
  // (By index, not for…of: a typed array's iterator costs twice the loop while V8 still interprets it.)
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id < 0) continue;
    counts[id]++;
    present++;
  }
  let top = 0;
  for (let k = 0; k < counts.length; k++) if (counts[k] > top) top = counts[k];
  return { distinct: codes.size, present, top };
}

/**
 * Whether every value of a column (as discovery tells values apart: text by its value or time of day, numbers by
 * value) is in one row only, told from facts the profile has (distinct values, sorted runs): then it is no side
 * of a dependency in any sample either, and its sample's ids need not be built. False when that is not known
 * cheaply (other kinds, non-finite numbers).
 */
function allDistinct(data: IngestResult, c: number): boolean {
  const { kind } = data.columns[c];
  const present = data.table.numRows - nullCount(data, c);
  // (Ids of at most `present` rows, as many as those rows: each row's its own.)
  if (TEXT_KINDS.includes(kind)) return textCodes(data, c).size === present;
  if (kind !== 'integer' && kind !== 'float' && kind !== 'date') return false;
  const stats = finiteStats(data, c);
  return stats.nonFinite === 0 && stats.n === present && sortedRuns(data, c).values.length === present;
}

/**
 * Columns that may be a left-hand side: values that repeat (in enough rows for a few groups), not near-constant,
 * not free text. Judged on the rows discovery looks at (a sample of a large table: a column whose values do
 * not repeat there forms no group there either).
 */
function lhsCandidates(data: IngestResult, codesFor: (c: number) => Codes): number[] {
  const out: number[] = [];
  data.columns.forEach((column, c) => {
    const text = TEXT_KINDS.includes(column.kind);
    if (!text && column.kind !== 'integer' && column.kind !== 'date') return;
    if (allDistinct(data, c)) return;
    const { distinct, present } = spread(codesFor(c));
    if (present < 20) return;
    if (distinct < 2 || distinct > present - MIN_GROUPS) return;
    if (text && isFreeText(distinctValues(data, c), data.table.numRows - nullCount(data, c))) return;
    out.push(c);
  });
  return out;
}

/**
 * Distinct values above which an integer column is a measure (a distance, a count, an amount) rather than a
 * code, unless its values are written as codes. A measure "determines" another column while its values
 * happen to be unique, and two things of one size are common (two routes of one length from one airport):
 * a group of a dependency whose left side holds a measure has a consensus only when at least
 * `MEASURE_MIN_MAJORITY` rows agree on it, not two of three.
 */
const MEASURE_MIN_DISTINCT = 100;
export const MEASURE_MIN_MAJORITY = 4;

/**
 * Whether a left-hand column is an integer measure (see MEASURE_MIN_DISTINCT), or a column of days or of clock times
 * ("2:46:28") as many: two patients born on one day, or two runners passing 30 km in one second, are as common as two
 * routes of one length. Its distinct values are counted as the runs of its sorted numbers (a shared fact), not as
 * texts: one integer is written one way.
 */
function isMeasure(data: IngestResult, c: number): boolean {
  const kind = data.columns[c].kind;
  if (kind === 'date' || isClockColumn(data, c)) return sortedRuns(data, c).values.length > MEASURE_MIN_DISTINCT;
  return kind === 'integer' && sortedRuns(data, c).values.length > MEASURE_MIN_DISTINCT && !codeLike(data, c);
}
/**
 * A column of numbers determines B only where equal values agree far better than neighbouring ones: its g3 error at
 * most this share of the error of groups that merge each value with the next one up (weights in grams "determine" a
 * book's format as long as most weights are held once: 378 g is a paperback in three rows, as 379 g is — a tendency
 * of heavier books, not a dependency; zip codes 69001 and 69002 are two cities, routes of 2,475 and 2,476 miles two
 * routes).
 */
const NEIGHBOUR_ERROR_SHARE = 0.5;
/**
 * The g3 error above which a column of numbers must beat its neighbouring values (NEIGHBOUR_ERROR_SHARE): equal numbers
 * that agree nearly always determine B whatever their neighbours do (zip codes numbered by district share a city).
 */
const NEIGHBOUR_TESTED_ERROR = 0.02;

/** The codes of `codes` (of the numbers `values`, by row) with each distinct number merged with the next one up. */
function neighbourCodes(values: Float64Array, codes: Codes): Codes {
  const valueOf = new Float64Array(codes.size);
  for (let r = 0; r < codes.ids.length; r++) if (codes.ids[r] >= 0) valueOf[codes.ids[r]] = values[r];
  const byValue = Int32Array.from({ length: codes.size }, (_, id) => id).sort((x, y) => valueOf[x] - valueOf[y]);
  const merged = new Int32Array(codes.size);
  byValue.forEach((id, rank) => (merged[id] = rank >> 1));
  return { ids: codes.ids.map((id) => (id < 0 ? -1 : merged[id])), size: (codes.size + 1) >> 1 };
}

/** Share of an integer code column's values that have its most common number of digits (zip codes, provider numbers). */
const CODE_WIDTH_SHARE = 0.8;
/** Column names of numbered things (a flight number, an invoice no.): codes whatever their widths. */
const NUMBERED_NAME = /(number|num|no|nr|#)\.?$/i;

/** Whether an integer column holds codes: named as an identifier or a number, or its values mostly of one digit width. */
export function codeLike(data: IngestResult, c: number): boolean {
  if (data.columns[c].kind !== 'integer') return false;
  const name = data.columns[c].name.trim();
  if (looksLikeIdentifier(name) || NUMBERED_NAME.test(name)) return true;
  const widths = codeWidths(data, c);
  return widths.present > 0 && widths.dominantRows >= CODE_WIDTH_SHARE * widths.present;
}

/**
 * Share of its rows a right-hand side's most frequent value may hold at most: a column nearly constant "depends" on
 * anything, but the g3 error against B shuffled (MAX_ERROR_VS_CHANCE) judges one of 95% Diesel (a van's fuel).
 */
const RHS_MAX_TOP_SHARE = 0.97;

/** Columns that may be a right-hand side: some variety (no value in over RHS_MAX_TOP_SHARE of the rows), not unique (judged as {@link lhsCandidates}). */
function rhsCandidates(data: IngestResult, codesFor: (c: number) => Codes): number[] {
  const out: number[] = [];
  data.columns.forEach((column, c) => {
    const text = TEXT_KINDS.includes(column.kind);
    if (!text && !isNumeric(column) && column.kind !== 'date' && column.kind !== 'timestamp' && column.kind !== 'boolean') return;
    if (allDistinct(data, c)) return;
    const { distinct, present, top } = spread(codesFor(c));
    if (present < 20) return;
    if (distinct < 2 || distinct >= present || top > RHS_MAX_TOP_SHARE * present) return;
    out.push(c);
  });
  return out;
}

/** Rows per value a column needs on average to be paired with another as a left-hand side (fewer: a near key). */
const PAIR_MIN_MEAN_ROWS = 2;
/** Exceptions of a single column that determines B well (no pair is tried), and of a pair beyond the three best explainers at most. */
const FORWARD_MAX_ERROR = 0.01;

/** Rows per distinct value of a column's codes, on average. */
function meanRows(codes: Codes): number {
  const { distinct, present } = spread(codes);
  return present / Math.max(1, distinct);
}

/** The same of rows already grouped by their codes (every group of a pair's codes holds a row). */
function groupedMeanRows({ order, starts }: RowGroups): number {
  return order.length / Math.max(1, starts.length - 1);
}

/** The dependencies found in `rows` (a sample, or every row), before verification. */
/** What discovery found, and the columns it tried as right-hand sides (the columns that vary). */
interface Discovered {
  found: Dependency[];
  described: number[];
}

function discover(data: IngestResult, rows: Int32Array | undefined): Discovered {
  const codes = new Map<number, Codes>();
  const codesFor = (c: number) => {
    let k = codes.get(c);
    if (!k) codes.set(c, (k = rows ? codesOf(data, c, rows) : allCodes(data, [c])));
    return k;
  };
  const lhs = lhsCandidates(data, codesFor);
  const measures = new Map<number, boolean>();
  const measure = (c: number) => {
    let m = measures.get(c);
    if (m === undefined) measures.set(c, (m = isMeasure(data, c)));
    return m;
  };
  const rhs = rhsCandidates(data, codesFor);
  if (lhs.length === 0 || rhs.length === 0) return { found: [], described: rhs };
  const coincidences = new Map<number, number>();
  const coincidenceFor = (b: number) => {
    let k = coincidences.get(b);
    if (k === undefined) {
      const { ids, size } = codesFor(b);
      coincidences.set(b, (k = coincidenceOf(ids, size)));
    }
    return k;
  };
  const permutation = fixedPermutation(rows ? rows.length : data.table.numRows);
  const permutations = permutationsBySize();
  const found: Dependency[] = [];
  /** Per right-hand column: single left-hand columns by how well they explain it (error, lower is better). */
  const explains = new Map<number, { a: number; error: number }[]>();
  for (const a of lhs) {
    const grouping = groupsBy(codesFor(a));
    const entity = isEntityColumn(data, [a]) && medianRepeats(grouping) >= ENTITY_MIN_RECORDS;
    let neighbours: RowGroups | undefined;
    for (const b of rhs) {
      if (b === a) continue;
      const bCodes = codesFor(b);
      const coincidence = coincidenceFor(b);
      const stats = pairStats(grouping, bCodes.ids, bCodes.size, coincidence);
      if (!enoughGroups(stats)) continue;
      const chance = chanceError(stats, grouping, bCodes, coincidence, permutation, entity);
      let accepted = acceptance(stats, chance, entity);
      if (accepted && presenceOnly(stats, grouping, bCodes, coincidence, permutations)) accepted = undefined;
      if (accepted && isNumeric(data.columns[a]) && stats.error > NEIGHBOUR_TESTED_ERROR) {
        // Equal numbers must agree far better than neighbouring ones (see NEIGHBOUR_ERROR_SHARE).
        neighbours ??= groupsBy(neighbourCodes(rows ? numbersAt(numericColumn(data, a), rows) : numericColumn(data, a), codesFor(a)));
        if (stats.error > NEIGHBOUR_ERROR_SHARE * pairStats(neighbours, bCodes.ids, bCodes.size, coincidence).error) accepted = undefined;
      }
      if (accepted) found.push({ lhs: [a], rhs: b, ...stats, chance: chance ?? 1, coincidence, ...(accepted.entity ? { entity: true } : {}), ...(measure(a) ? { measure: true } : {}) });
      const list = explains.get(b) ?? [];
      list.push({ a, error: stats.error });
      explains.set(b, list);
    }
  }
  // Two columns together, for a right-hand side no single column determines well (with at most 1% of
  // exceptions): its three best explainers, and its best explainer of repeating values with each other (below); a
  // pair of the three must halve the exceptions of the best single column the table keeps — not of an entity's loose
  // dependency whose column names no entity and that no dirty table's dependency keeps either (oneEntityKey drops
  // it): a county name's records "agree" on a state loosely, and city + county determine it.
  const dropped = (d: Dependency) => d.entity === true && !namesEntities(found, rhs, d.lhs[0]) && !keptWithoutEntity(d);
  const bestSingle = new Map<number, number>();
  for (const d of found) if (!dropped(d)) bestSingle.set(d.rhs, Math.min(bestSingle.get(d.rhs) ?? 1, d.error));
  const pairGroupings = new Map<string, RowGroups>();
  for (const [b, list] of explains) {
    const single = bestSingle.get(b) ?? 1;
    if (single <= FORWARD_MAX_ERROR) continue;
    const best = list.sort((x, y) => x.error - y.error).slice(0, 3);
    const bCodes = codesFor(b);
    const pairs: { pair: [number, number]; maxError: number; forward?: true }[] = [];
    for (let i = 0; i < best.length; i++) for (let j = i + 1; j < best.length; j++) pairs.push({ pair: [best[i].a, best[j].a], maxError: single / 2 });
    // And the best explainer among columns whose values repeat (PAIR_MIN_MEAN_ROWS rows each on average) with each
    // other such column, where the pair determines B as a single column would (FORWARD_MAX_ERROR): B may be set by one
    // column within the groups of another that explains little of it alone (an age group by the age within each sex).
    // Near keys explain anything on the few rows they repeat on, and a pair with one is a near key too; so is a pair
    // whose values together repeat less (a flight number with an aircraft's registration).
    const repeating = list.filter(({ a }) => meanRows(codesFor(a)) >= PAIR_MIN_MEAN_ROWS);
    const anchor = repeating[0]?.a;
    for (const { a } of repeating.slice(1)) if (!best.some((e) => e.a === a) || !best.some((e) => e.a === anchor)) pairs.push({ pair: [anchor, a], maxError: Math.min(single / 2, FORWARD_MAX_ERROR), forward: true });
    for (const { pair, maxError, forward } of pairs) {
      const [x, y] = [...pair].sort((u, v) => u - v);
      let grouping = pairGroupings.get(`${x},${y}`);
      if (!grouping) pairGroupings.set(`${x},${y}`, (grouping = groupsBy(pairCodes(codesFor(x), codesFor(y)))));
      const coincidence = coincidenceFor(b);
      const stats = pairStats(grouping, bCodes.ids, bCodes.size, coincidence);
      if (stats.error > maxError || (forward && groupedMeanRows(grouping) < PAIR_MIN_MEAN_ROWS)) continue;
      const chance = chanceError(stats, grouping, bCodes, coincidence, permutation, false);
      if (acceptance(stats, chance, false) && !presenceOnly(stats, grouping, bCodes, coincidence, permutations)) found.push({ lhs: [x, y], rhs: b, ...stats, chance: chance ?? 1, coincidence, ...(measure(x) || measure(y) ? { measure: true } : {}) });
    }
  }
  found.push(...prefixDependencies(data, { rhs, rows, found, codesFor, coincidenceFor, permutation, permutations }));
  return { found, described: rhs };
}

/** What discovery has when it tries the codes' prefixes (see prefixDependencies). */
interface PrefixDiscovery {
  rhs: number[];
  rows: Int32Array | undefined;
  found: readonly Dependency[];
  codesFor: (c: number) => Codes;
  coincidenceFor: (b: number) => number;
  permutation: Int32Array;
  permutations: Permutations;
}

/**
 * Dependencies on the leading characters of a code held once per row (a zip code's first three digits → its
 * state; code-prefixes.ts): columns of codes held once each, or nearly (fewer than two rows per code on
 * average: their own groups are too few), each prefix from two characters to one less than the code whose groups hold two rows on average,
 * accepted as a single column's dependency is; per right-hand side the prefix with the fewest exceptions (the
 * shorter of equals: larger groups).
 */
function prefixDependencies(data: IngestResult, { rhs, rows, found, codesFor, coincidenceFor, permutation, permutations }: PrefixDiscovery): Dependency[] {
  const out: Dependency[] = [];
  data.columns.forEach((_, a) => {
    // Codes mostly held once (fewer than two rows each on average): their own groups are too few to tell.
    const own = spread(codesFor(a));
    if (2 * own.distinct < own.present) return;
    // Of a column naming its rows, only the letters its codes begin with (its digits number the rows).
    const letters = identityLetters(data, a);
    const width = letters?.width ?? codeWidthOf(data, a);
    if (width === undefined) return;
    const best = new Map<number, Dependency>();
    for (const length of letters ? [letters.length] : prefixLengths(width)) {
      const codes = prefixCodes(data, a, width, length, rows);
      const { distinct, present } = spread(codes);
      if (distinct < MIN_GROUPS || present < 2 * distinct) continue;
      const grouping = groupsBy(codes);
      for (const b of rhs) {
        if (b === a || found.some((d) => d.lhs.length === 1 && d.lhs[0] === a && d.rhs === b)) continue;
        const bCodes = codesFor(b);
        const coincidence = coincidenceFor(b);
        const stats = pairStats(grouping, bCodes.ids, bCodes.size, coincidence);
        if (!enoughGroups(stats)) continue;
        const chance = chanceError(stats, grouping, bCodes, coincidence, permutation, false);
        if (!acceptance(stats, chance, false) || (best.get(b)?.error ?? Infinity) <= stats.error || presenceOnly(stats, grouping, bCodes, coincidence, permutations)) continue;
        best.set(b, { lhs: [a], prefix: { length, width }, rhs: b, ...stats, chance: chance ?? 1, coincidence });
      }
    }
    out.push(...best.values());
  });
  return out;
}

/** The prefixes of a prefix dependency's left side over all rows (undefined for a dependency on whole columns). */
export function prefixCodesOf(data: IngestResult, dep: Dependency): PrefixCodes | undefined {
  return dep.prefix ? prefixCodes(data, dep.lhs[0], dep.prefix.width, dep.prefix.length) : undefined;
}

/** A dependency's left-hand ids over all rows: its column or columns, or its code's prefix. */
function lhsCodes(data: IngestResult, dep: Dependency): Codes {
  return prefixCodesOf(data, dep) ?? allCodes(data, dep.lhs);
}

/** The value pairs of a left side and a right-hand column over all rows. */
interface HeldPairs {
  /** Per row, the id of its pair (−1 where either side is null). */
  ids: Int32Array;
  /** Rows per pair id. */
  counts: Int32Array;
  /** Rows per left-side value that hold a pair (a value on the right too). */
  sizes: Int32Array;
}

/** Ids over all rows, by column or left side ("3" or "3,5"), and each dependency's pass over them, per table: shared by the rules. */
interface FullRows {
  codes: Map<string, Codes>;
  /** Rows per (left side, right-hand column) value pair (heldElsewhere, populatesShorterPrefix). */
  pairs: Map<string, HeldPairs>;
  /** Each dependency's pass over all rows (disagreeingGroups). */
  scans: Map<Dependency, DependencyScan>;
}

const fullRows = new WeakMap<IngestResult, FullRows>();

function fullRowsOf(data: IngestResult): FullRows {
  let cached = fullRows.get(data);
  if (!cached) fullRows.set(data, (cached = { codes: new Map(), pairs: new Map(), scans: new Map() }));
  return cached;
}

/** Ids of a column, or of a left side's value pairs, over all rows (computed once per table). */
function allCodes(data: IngestResult, columns: number[]): Codes {
  const { codes } = fullRowsOf(data);
  const key = columns.join(',');
  let found = codes.get(key);
  if (!found) codes.set(key, (found = columns.length === 1 ? codesOf(data, columns[0]) : pairCodes(allCodes(data, [columns[0]]), allCodes(data, [columns[1]]))));
  return found;
}


/** Rows outside a group that must hold its minority value with one of its left-hand values: another entity's combination. */
const HELD_ELSEWHERE = 3;

/**
 * Whether the value of B in row `r`, held by `inGroup` rows of its group under a two-column `dep`, is a
 * combination other records hold: with one of the row's left-hand values, it is in at least HELD_ELSEWHERE
 * rows outside the group. A city spanning two counties (Boston, MA in Middlesex), or two places of one name
 * (York, York in Maine and in Pennsylvania), is then ambiguity of the left side, not an error: Middlesex, MA
 * and York County, Maine have rows of their own, while a county typed into the wrong row rarely exists in
 * that state. Where the other left-hand column holds numbers, the value is such a combination only where the row's
 * number lies within those of the rows holding it elsewhere: "F18-34" for a woman of 36 is held by other women, all
 * of them 18 to 34.
 */
export function heldElsewhere(data: IngestResult, dep: Dependency, r: number, inGroup: number): boolean {
  if (dep.lhs.length < 2) return false;
  return dep.lhs.some((a) => {
    const held = heldPairs(data, `${a}>${dep.rhs}`, allCodes(data, [a]), allCodes(data, [dep.rhs]));
    const id = held.ids[r];
    return id >= 0 && held.counts[id] - inGroup >= HELD_ELSEWHERE && numbersWithinHeld(data, dep, a, r);
  });
}

/**
 * Whether row `r`'s numbers on `dep`'s left side (other than column `a`) lie within the range of those of the other
 * rows holding its values of `a` and of the right-hand side (HELD_RANGE_TAIL aside): where they do not, that pair of
 * values is no other record's combination for this row (an age group of other women, all 18 to 34, for a woman of 36).
 */
export function numbersWithinHeld(data: IngestResult, dep: Dependency, a: number, r: number): boolean {
  const numbers = dep.lhs.filter((n) => n !== a && isNumeric(data.columns[n]));
  if (numbers.length === 0) return true;
  const held = heldPairs(data, `${a}>${dep.rhs}`, allCodes(data, [a]), allCodes(data, [dep.rhs]));
  return held.ids[r] >= 0 && numbers.every((n) => withinHeldRange(numericColumn(data, n), held.ids, held.ids[r], r));
}

/** Share of the numbers at either end of a held range left out of it: those rows' own slips (a birth year for an age). */
const HELD_RANGE_TAIL = 0.02;

/** Whether row `r`'s number in `values` lies within those of the other rows whose pair id (`ids`) is `id` (HELD_RANGE_TAIL aside). */
function withinHeldRange(values: Float64Array, ids: Int32Array, id: number, r: number): boolean {
  const held: number[] = [];
  for (let k = 0; k < ids.length; k++) if (ids[k] === id && k !== r && !Number.isNaN(values[k])) held.push(values[k]);
  const sorted = Float64Array.from(held).sort();
  return values[r] >= quantile(sorted, HELD_RANGE_TAIL) && values[r] <= quantile(sorted, 1 - HELD_RANGE_TAIL);
}

/** Rows per (left, right) value pair over all rows, kept per table under `key`: see {@link HeldPairs}. */
function heldPairs(data: IngestResult, key: string, left: Codes, right: Codes): HeldPairs {
  const { pairs } = fullRowsOf(data);
  let held = pairs.get(key);
  if (!held) {
    const { ids, size } = pairCodes(left, right);
    const counts = new Int32Array(size);
    const sizes = new Int32Array(left.size);
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < 0) continue;
      counts[ids[i]]++;
      sizes[left.ids[i]]++;
    }
    pairs.set(key, (held = { ids, counts, sizes }));
  }
  return held;
}

/**
 * Whether the value of B in row `r` under a prefix dependency is a population of its code range rather than an
 * error: under a shorter prefix of the same codes, it is held by more than REPEATED_SHARE of the rows
 * ({@link repeatsInGroup}). Municipalities numbered alphabetically within a province whose older districts
 * they keep interleave their districts in any block of ten numbers; a zip code's wrong state is alone in its
 * first three digits' rows too.
 */
export function populatesShorterPrefix(data: IngestResult, dep: Dependency, r: number): boolean {
  if (!dep.prefix) return false;
  const [a] = dep.lhs;
  for (let length = MIN_PREFIX_LENGTH; length < dep.prefix.length; length++) {
    const prefixes = prefixCodes(data, a, dep.prefix.width, length);
    const held = heldPairs(data, `prefix:${a}:${dep.prefix.width}:${length}>${dep.rhs}`, prefixes, allCodes(data, [dep.rhs]));
    const pair = held.ids[r];
    if (pair >= 0 && repeatsInGroup(held.counts[pair], held.sizes[prefixes.ids[r]])) return true;
  }
  return false;
}

/** The median number of rows of a dependency's groups of two rows or more (its left side's repeated values). */
export function medianGroupRows(data: IngestResult, dep: Dependency): number {
  return medianOfRepeated(disagreeingGroups(data, dep).sizes);
}


/**
 * Marks the dependencies that only invert a measure's own: where the right-hand side and the left's other
 * column determine the measure (origin + destination → distance: a route's length), "distance + destination
 * → origin" holds only while no two routes to one place are of one length, and its exceptions are mostly such
 * pairs: only a value found nowhere else in the column (a slip) breaks it.
 */
function markInvertedMeasures({ found, described }: Discovered): Discovered {
  const sides = new Set(found.filter((d) => !d.prefix).map((d) => `${[...d.lhs].sort((x, y) => x - y).join(',')}>${d.rhs}`));
  const inverted = (d: Dependency) =>
    d.measure === true &&
    d.lhs.length === 2 &&
    d.lhs.some((m, i) => {
      const other = d.lhs[1 - i];
      return sides.has(`${[other, d.rhs].sort((x, y) => x - y).join(',')}>${m}`);
    });
  return { found: found.map((d) => (inverted(d) ? { ...d, inverted: true } : d)), described };
}

/**
 * The dependencies without the repeats of equivalent left sides: when columns a and b determine each other
 * (with at most 1% of exceptions: a code and its number), a → c and b → c group the rows alike; only the
 * first column's are kept (with b → a itself).
 */
function withoutEquivalentSides({ found, described }: Discovered): Discovered {
  const exact = new Set(found.filter((d) => d.lhs.length === 1 && !d.prefix && d.error <= 0.01).map((d) => `${d.lhs[0]}>${d.rhs}`));
  const replaced = new Map<number, number>();
  for (const key of exact) {
    const [a, b] = key.split('>').map(Number);
    if (a < b && exact.has(`${b}>${a}`) && !replaced.has(b)) replaced.set(b, a);
  }
  return { found: found.filter((d) => !d.lhs.some((c) => replaced.has(c)) || (d.lhs.length === 1 && d.rhs === replaced.get(d.lhs[0]))), described };
}

/**
 * Whether a loose A → B is the inverse side of a many-to-one relation (a city has several zip codes, each
 * always in that city) rather than an entity's disagreeing records: most rows outside their group's main
 * value hold a value found in two rows or more, (nearly) all of them in this group. An entity's wrong
 * records hold values of their own (seen once) or of other entities.
 */
function manyToOne(data: IngestResult, dep: Dependency): boolean {
  const scan = disagreeingGroups(data, dep);
  let minority = 0;
  let nested = 0;
  for (const group of scan.groups) {
    for (const [id, count] of group.counts.slice(1)) {
      minority += count;
      // (Nine tenths of its rows: the other value may itself have a few errors elsewhere.)
      if (count >= 2 && 10 * count >= 9 * scan.total(id)) nested += count;
    }
  }
  return 2 * nested > minority;
}

/**
 * The entity dependencies of one left side only (none the loose side of a many-to-one relation). The column
 * that determines the most others as an entity's records (ties: the smallest mean error) names the
 * entities; the others' values merely repeat with their entity (a flight's scheduled time "determines" the
 * flight as loosely as the flight determines the time; where sites copy each other's records, its departure
 * time determines the flight and the other times with fewer exceptions than the flight does: a column of
 * times of day is never the key). It names entities only if it determines at least
 * half of the other columns that vary. Every dependency of that column alone is then judged as its records
 * (a strict one included: the entity's attributes are compared alike); the other columns' entity
 * dependencies only explain values (a city name in two states is explained by the airport code's state),
 * they report none.
 */
function oneEntityKey(data: IngestResult, { found, described }: Discovered): Dependency[] {
  found = found.filter((d) => !d.entity || !manyToOne(data, d));
  const byKey = new Map<number, Dependency[]>();
  // A time of day names no entity (two flights leave at 7:10), however well it tells the flights of one day apart.
  for (const d of found) if (d.entity && !timeColumn(data, d.lhs[0])) byKey.set(d.lhs[0], [...(byKey.get(d.lhs[0]) ?? []), d]);
  // No entity: its loose dependencies are dropped, but for those a dirtier table's dependency also explains.
  const noEntity = () => found.flatMap((d) => (!d.entity ? [d] : keptWithoutEntity(d) ? [withoutEntity(d)] : []));
  if (byKey.size === 0) return noEntity();
  const meanError = (list: Dependency[]) => list.reduce((sum, d) => sum + d.error, 0) / list.length;
  const [key] = [...byKey].sort((x, y) => y[1].length - x[1].length || meanError(x[1]) - meanError(y[1]) || x[0] - y[0])[0];
  if (!namesEntities(found, described, key)) return noEntity();
  // Marked in place (the dependencies are this table's, found just now), so the passes over all rows
  // manyToOne made for the entity dependencies stay theirs instead of being made again for copies.
  for (const d of found) {
    if (d.lhs.length === 1 && !d.prefix && d.lhs[0] === key) d.entity = true;
    else if (d.entity) d.explainsOnly = true;
  }
  return found;
}

/**
 * Whether column `c` names entities: an entity's records agree on most of what describes it, so it determines
 * (loosely or strictly, among the single-column dependencies `found`) at least half of the other columns that
 * vary (`described`). A county name shared by several states' counties determines the state loosely, and
 * nothing else: it names no entity.
 */
function namesEntities(found: readonly Dependency[], described: readonly number[], c: number): boolean {
  const attributes = found.filter((d) => d.lhs.length === 1 && !d.prefix && d.lhs[0] === c).length;
  return 2 * attributes >= described.filter((b) => b !== c).length;
}

/** Whether an entity's loose dependency also holds as a dirtier table's (kept when its column names no entity). */
function keptWithoutEntity(d: Dependency): boolean {
  return noisyHolds(d) && d.error <= MAX_ERROR_VS_CHANCE * d.chance;
}

/** A dependency judged as a table's, not as an entity's records. */
function withoutEntity(d: Dependency): Dependency {
  const copy = { ...d };
  delete copy.entity;
  return copy;
}

/**
 * The value an entity's records agree on, from its values' counts (most first): one that at least
 * ENTITY_MIN_RECORDS records give and at least twice as many as any other; undefined when there is none.
 */
export function entityConsensus(counts: readonly (readonly [number, number])[]): number | undefined {
  const [first, second] = counts;
  return first && first[1] >= ENTITY_MIN_RECORDS && (!second || first[1] >= 2 * second[1]) ? first[0] : undefined;
}

const cache = new WeakMap<IngestResult, Dependency[]>();

/** The table's approximate functional dependencies (computed once per table). */
export function dependenciesOf(data: IngestResult): Dependency[] {
  let found = cache.get(data);
  if (found) return found;
  const n = data.table.numRows;
  if (n <= SAMPLE_ROWS) found = oneEntityKey(data, withoutEquivalentSides(markInvertedMeasures(discover(data, undefined))));
  else {
    // Rows spread over the whole table, then every dependency verified on all rows (against the error by
    // chance the sample measured).
    const sample = Int32Array.from({ length: SAMPLE_ROWS }, (_, i) => Math.floor((i * n) / SAMPLE_ROWS));
    found = oneEntityKey(data, withoutEquivalentSides(markInvertedMeasures(discover(data, sample)))).filter((d) => {
      // The rules' pass over all rows (kept for them) gives the statistics on all rows.
      const { stats } = disagreeingGroups(data, d);
      Object.assign(d, stats);
      return acceptance(stats, plausible(stats, d.entity === true) ? d.chance : undefined, d.entity === true) !== undefined;
    });
  }
  found = withoutComputedSides(data, found);
  cache.set(data, found);
  return found;
}

/**
 * The dependencies less those whose right side an arithmetic relation of the table computes from a number the left
 * side does not determine (numeric-relations.ts): an item's line total is its price × the quantity × (1 − discount),
 * the same for most of an item's lines only as most lines sell one at full price — the lines of two or a discount
 * break no dependency of the item.
 */
function withoutComputedSides(data: IngestResult, found: Dependency[]): Dependency[] {
  const relations = numericRelations(data).filter((relation) => found.some((d) => d.rhs === relation.output));
  if (relations.length === 0) return found;
  // (A left side determines a column it holds, or one a dependency from its columns determines: course + grade → credits.)
  const determines = (lhs: readonly number[], c: number) => lhs.includes(c) || found.some((d) => d.rhs === c && d.lhs.every((k) => lhs.includes(k)));
  return found.filter((d) => !relations.some((relation) => relation.output === d.rhs && relation.inputs.some((c) => !determines(d.lhs, c))));
}

/** One group of a dependency whose rows disagree on the right-hand side. */
export interface DisagreeingGroup {
  /** Rows of the group with a value of B. */
  size: number;
  /** B's ids by count, most frequent first ([id, count]). */
  counts: [number, number][];
  /**
   * Rows holding a value of B, in row order: all of them for a value in at most 3 rows, at least 3 for the
   * others (enough to point at).
   */
  rowsOf(id: number): number[];
}

/** Rows kept per group for its first value (the rows a finding points at). */
const KEPT_ROWS = 3;

/** What one pass of a dependency over all rows learns. */
export interface DependencyScan {
  /** The groups whose rows disagree (their values of B as ids {@link total} takes). */
  groups: DisagreeingGroup[];
  /** Rows of the whole column B holding the value of an id of the groups. */
  total(id: number): number;
  /** Rows of column B with a value, and how many of its values are in one row only (computed when asked). */
  spread(): { present: number; seenOnce: number };
  /**
   * Whether row `r`'s value of B is what its group agrees on: the group's only value (a single row
   * included), else a clear majority ({@link clearMajority}; for an entity's records, see entityConsensus).
   */
  agrees(r: number): boolean;
  /**
   * The groups (left-side ids) whose rows agree on the value row `r` holds in B (the entities that value
   * belongs to). Computed for all groups when first asked.
   */
  groupsAgreeingOn(r: number): readonly number[];
  /** A row holding the value group `g` agrees on ({@link agrees}) and how many rows hold it; undefined where it agrees on none. */
  consensusOf(g: number): { row: number; count: number } | undefined;
  /** The first row of group `g` (computed for all groups when first asked). */
  firstRowOf(g: number): number;
  /** The left side's id per row (its group). */
  lhs: Int32Array;
  /** Per group (left-side id): its rows with a value of B. */
  sizes: Int32Array;
  stats: PairStats;
}

/** The arrays of {@link disagreeingGroups}' pass over the rows. */
interface GroupPass {
  a: Int32Array;
  /** Per group: its rows with a value of B, how many hold its first value, and the first few of them. */
  sizes: Int32Array;
  firstCount: Int32Array;
  firstRows: Int32Array;
  /** The rows whose value of B differs from their group's first (few, where the dependency holds). */
  deviants: number[];
}

/** Rows start..end of the pass with B as ids (a kernel called range by range, so V8 optimizes it early). */
function groupPass(pass: GroupPass, b: Int32Array, totals: Int32Array, first: Int32Array, start: number, end: number): void {
  const { a, sizes, firstCount, firstRows, deviants } = pass;
  for (let r = start; r < end; r++) {
    const y = b[r];
    if (y < 0) continue;
    totals[y]++;
    const g = a[r];
    if (g < 0) continue;
    if (sizes[g]++ === 0) first[g] = y;
    if (first[g] === y) {
      const kept = firstCount[g]++;
      if (kept < KEPT_ROWS) firstRows[g * KEPT_ROWS + kept] = r;
    } else deviants.push(r);
  }
}

/** The same pass with B as numbers (NaN where null) compared directly: no id per row. */
function numberGroupPass(pass: GroupPass, b: Float64Array, first: Float64Array, start: number, end: number): void {
  const { a, sizes, firstCount, firstRows, deviants } = pass;
  for (let r = start; r < end; r++) {
    const y = b[r];
    if (y !== y) continue;
    const g = a[r];
    if (g < 0) continue;
    if (sizes[g]++ === 0) first[g] = y;
    if (first[g] === y) {
      const kept = firstCount[g]++;
      if (kept < KEPT_ROWS) firstRows[g * KEPT_ROWS + kept] = r;
    } else deviants.push(r);
  }
}

/** How the pass over all rows sees B's values, and what it tells afterwards. */
interface RhsView {
  /** The id of row `r`'s value (asked for the rows of disagreeing groups). */
  idOfRow(r: number): number;
  /** The id of group `g`'s first value (after setConsensus, of its consensus; −1 where it has none). */
  firstOf(g: number): number;
  /** Sets a disagreeing group's consensus: the id of its clear majority, or −1. */
  setConsensus(g: number, id: number): void;
  agrees(r: number): boolean;
  total(id: number): number;
  spread(): { present: number; seenOnce: number };
  /** Orders ids as B's ids in order of first appearance in the column would be. */
  idOrder(ids: number[]): (x: number, y: number) => number;
}

/** Present rows and values seen once, of a column's counts per value. */
function spreadOf(counts: ArrayLike<number>): { present: number; seenOnce: number } {
  let present = 0;
  let seenOnce = 0;
  for (let k = 0; k < counts.length; k++) {
    present += counts[k];
    if (counts[k] === 1) seenOnce++;
  }
  return { present, seenOnce };
}

/** B as value ids over all rows (text columns, numbers with non-finite values). */
function idsPass(pass: GroupPass, b: Codes): RhsView {
  const totals = new Int32Array(b.size);
  const first = new Int32Array(pass.sizes.length).fill(-1);
  const n = b.ids.length;
  for (const [start, end] of kernelRanges(0, n)) groupPass(pass, b.ids, totals, first, start, end);
  const { a } = pass;
  return {
    idOfRow: (r) => b.ids[r],
    firstOf: (g) => first[g],
    setConsensus: (g, id) => (first[g] = id),
    agrees: (r) => b.ids[r] >= 0 && a[r] >= 0 && first[a[r]] === b.ids[r],
    total: (id) => totals[id],
    spread: () => spreadOf(totals),
    idOrder: () => (x, y) => x - y,
  };
}

/**
 * B as its numbers, all finite where present (so equal numbers are equal ids): no id per row is built, only
 * the values of disagreeing groups get one; their totals come from the column's sorted runs (a shared fact),
 * and ids are ordered by the value's first row in the column, as B's ids would be.
 */
function numbersPass(pass: GroupPass, numbers: Float64Array, runsOf: () => SortedRuns): RhsView {
  const first = new Float64Array(pass.sizes.length).fill(NaN);
  const n = numbers.length;
  for (const [start, end] of kernelRanges(0, n)) numberGroupPass(pass, numbers, first, start, end);
  // −0 and 0 are one key of a Map, as they are one id.
  const values: number[] = [];
  const ids = new Map<number, number>();
  const idOf = (v: number) => {
    let id = ids.get(v);
    if (id === undefined) ids.set(v, (id = values.push(v) - 1));
    return id;
  };
  const { a } = pass;
  return {
    idOfRow: (r) => idOf(numbers[r]),
    firstOf: (g) => (first[g] === first[g] ? idOf(first[g]) : -1),
    setConsensus: (g, id) => (first[g] = id < 0 ? NaN : values[id]),
    agrees: (r) => a[r] >= 0 && first[a[r]] === numbers[r],
    total: (id) => runCount(runsOf(), values[id]),
    spread: () => spreadOf(runsOf().counts),
    idOrder: (list) => {
      const firstRow = firstRowsOf(numbers, list.map((id) => values[id]));
      return (x, y) => (firstRow.get(values[x]) ?? 0) - (firstRow.get(values[y]) ?? 0);
    },
  };
}

/** Rows holding `value` in a column's sorted runs (binary search). */
function runCount(runs: SortedRuns, value: number): number {
  let lo = 0;
  let hi = runs.values.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = runs.values[mid];
    if (v === value) return runs.counts[mid];
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** The first row of each of `values` in `numbers` (one pass, ending once all are found). */
function firstRowsOf(numbers: Float64Array, values: number[]): Map<number, number> {
  const wanted = new Set(values);
  const out = new Map<number, number>();
  for (let r = 0; r < numbers.length && out.size < wanted.size; r++) {
    const v = numbers[r];
    if (wanted.has(v) && !out.has(v)) out.set(v, r);
  }
  return out;
}

/**
 * Of the groups' sizes (rows with a value of B): the supported groups (two rows or more), those that can show a
 * majority, their rows, all rows, and the smallest supported group. (A loop of its own: disagreeingGroups, a large
 * function called once per dependency, then never runs long enough to be optimized, which cost more than it ran.)
 */
function groupSizeStats(sizes: Int32Array): { supported: number; majorityGroups: number; rows: number; present: number; smallest: number } {
  let supported = 0;
  let majorityGroups = 0;
  let rows = 0;
  let present = 0;
  let smallest = Number.MAX_SAFE_INTEGER;
  for (let g = 0; g < sizes.length; g++) {
    present += sizes[g];
    if (sizes[g] < 2) continue;
    supported++;
    if (sizes[g] >= MAJORITY_ROWS) majorityGroups++;
    rows += sizes[g];
    if (sizes[g] < smallest) smallest = sizes[g];
  }
  return { supported, majorityGroups, rows, present, smallest };
}

/** Rows by their group (left-side id), groups in order of their first row. (Like {@link groupSizeStats}, a loop of its own.) */
function byGroupOf(lhs: Int32Array, rows: number[]): Map<number, number[]> {
  const byGroup = new Map<number, number[]>();
  for (const r of rows) {
    const list = byGroup.get(lhs[r]);
    if (list) list.push(r);
    else byGroup.set(lhs[r], [r]);
  }
  return byGroup;
}

/** A group's rows by the id of their value of B, ids in order of their first row. (Like {@link groupSizeStats}, a loop of its own.) */
function byValueOf(rows: number[], view: RhsView): Map<number, number[]> {
  const byValue = new Map<number, number[]>();
  for (const r of rows) {
    const id = view.idOfRow(r);
    const list = byValue.get(id);
    if (list) list.push(r);
    else byValue.set(id, [r]);
  }
  return byValue;
}

export function disagreeingGroups(data: IngestResult, dep: Dependency): DependencyScan {
  const { scans } = fullRowsOf(data);
  let found = scans.get(dep);
  if (found) return found;
  const a = lhsCodes(data, dep);
  // One pass in row order (the per-group arrays stay in cache): each group's first value of B, how many
  // rows repeat it (and the first few of them), and the rows that do not (few, where the dependency holds).
  const sizes = new Int32Array(a.size);
  const pass: GroupPass = { a: a.ids, sizes, firstCount: new Int32Array(a.size), firstRows: new Int32Array(a.size * KEPT_ROWS), deviants: [] };
  const { firstCount, firstRows, deviants } = pass;
  const c = dep.rhs;
  const kind = data.columns[c].kind;
  // Booleans are 0 or 1: finite without a scan.
  const view =
    !TEXT_KINDS.includes(kind) && (kind === 'boolean' || finiteStats(data, c).nonFinite === 0)
      ? numbersPass(pass, numericColumn(data, c), () => sortedRuns(data, c))
      : idsPass(pass, allCodes(data, [c]));
  // The groups that disagree, from their deviating rows.
  const groups: (DisagreeingGroup & { g: number })[] = [];
  for (const [g, rows] of byGroupOf(a.ids, deviants)) {
    const first = view.firstOf(g);
    const byValue = byValueOf(rows, view);
    const kept = Array.from(firstRows.subarray(g * KEPT_ROWS, g * KEPT_ROWS + Math.min(KEPT_ROWS, firstCount[g])));
    byValue.set(first, kept);
    const count = (id: number) => (id === first ? firstCount[g] : (byValue.get(id)?.length ?? 0));
    const counts = [...byValue.keys()].map((id): [number, number] => [id, count(id)]);
    groups.push({ g, size: sizes[g], counts, rowsOf: (id) => byValue.get(id) ?? [] });
  }
  // Counts by size, ties in the order of B's ids (asked only for the ids of tied counts).
  const tiedIds = new Set<number>();
  for (const { counts } of groups) {
    const seen = new Map<number, number>();
    for (const [id, k] of counts) {
      const other = seen.get(k);
      if (other !== undefined) tiedIds.add(other).add(id);
      else seen.set(k, id);
    }
  }
  const order = tiedIds.size ? view.idOrder([...tiedIds]) : () => 0;
  let changes = 0;
  let disagreeing = 0;
  let majorityDisagreeing = 0;
  let noMajority = 0;
  let brokenRows = 0;
  let repeatedDeviants = 0;
  let chanceRepeats = 0;
  for (const { g, size, counts } of groups) {
    counts.sort((x, y) => y[1] - x[1] || order(x[0], y[0]));
    const best = counts[0][1];
    changes += size - best;
    if (size >= MAJORITY_ROWS) {
      brokenRows += size - best;
      for (let k = 1; k < counts.length; k++) if (repeatsInGroup(counts[k][1], size)) repeatedDeviants += counts[k][1];
      chanceRepeats += repeatedByChance(size, best, dep.coincidence);
    }
    const clear = clearMajority(best, size);
    if (!clear) {
      disagreeing++;
      if (size >= MAJORITY_ROWS) majorityDisagreeing++;
    }
    if (2 * best <= size) noMajority++;
    // A dependency's group agrees on a clear majority; an entity's records, see entityConsensus.
    const consensus = clear && (!dep.measure || best >= MEASURE_MIN_MAJORITY);
    view.setConsensus(g, dep.entity ? (entityConsensus(counts) ?? -1) : consensus ? counts[0][0] : -1);
  }
  // The g3 statistics on all rows (see pairStats).
  const { supported, majorityGroups, rows, present, smallest } = groupSizeStats(sizes);
  const stats: PairStats = {
    groups: supported,
    agreeing: supported ? (supported - disagreeing) / supported : 0,
    settled: settledShare(supported, supported - disagreeing, majorityGroups, majorityGroups - majorityDisagreeing),
    majority: supported ? (supported - noMajority) / supported : 0,
    error: rows ? changes / rows : 1,
    supported: present ? rows / present : 0,
    smallest: supported ? smallest : 0,
    scattered: scatteredShare(brokenRows, repeatedDeviants, chanceRepeats, majorityGroups),
  };
  groups.sort((x, y) => x.rowsOf(x.counts[0][0])[0] - y.rowsOf(y.counts[0][0])[0]);
  let byConsensus: Map<number, number[]> | undefined;
  const groupsAgreeingOn = (r: number): readonly number[] => {
    if (!byConsensus) {
      byConsensus = new Map();
      for (let g = 0; g < a.size; g++) {
        const id = sizes[g] > 0 ? view.firstOf(g) : -1;
        if (id < 0) continue;
        const list = byConsensus.get(id);
        if (list) list.push(g);
        else byConsensus.set(id, [g]);
      }
    }
    return byConsensus.get(view.idOfRow(r)) ?? [];
  };
  let groupStarts: Int32Array | undefined;
  const firstRowOf = (g: number) => {
    if (!groupStarts) {
      groupStarts = new Int32Array(a.size).fill(-1);
      for (let r = a.ids.length - 1; r >= 0; r--) if (a.ids[r] >= 0) groupStarts[a.ids[r]] = r;
    }
    return groupStarts[g];
  };
  let disagreeingOf: Map<number, DisagreeingGroup> | undefined;
  const consensusOf = (g: number): { row: number; count: number } | undefined => {
    const id = sizes[g] > 0 ? view.firstOf(g) : -1;
    if (id < 0) return undefined;
    disagreeingOf ??= new Map(groups.map((group) => [group.g, group]));
    const group = disagreeingOf.get(g);
    // A group whose rows all agree kept the first rows of its one value.
    if (!group) return { row: firstRows[g * KEPT_ROWS], count: firstCount[g] };
    const count = group.counts.find(([value]) => value === id)?.[1] ?? 0;
    return count > 0 ? { row: group.rowsOf(id)[0], count } : undefined;
  };
  scans.set(dep, (found = { groups, total: view.total, spread: view.spread, agrees: view.agrees, groupsAgreeingOn, consensusOf, firstRowOf, lhs: a.ids, sizes, stats }));
  return found;
}

/**
 * A cell's value as messages quote it and fixes write it: a text column's text, a CSV cell as written
 * (unquoted), else the value (dates as ISO dates).
 */
export function cellText(data: IngestResult, row: number, c: number): string {
  if (TEXT_KINDS.includes(data.columns[c].kind)) {
    // By value id: only the values quoted are decoded.
    const distinct = distinctValues(data, c);
    return distinct.ids[row] >= 0 ? distinct.text(distinct.ids[row]) : '';
  }
  const written = cellSourceText(data, row, c);
  if (written !== undefined) return written.startsWith('"') ? written.slice(1, -1).replace(/""/g, '"') : written;
  const value: unknown = data.table.getChildAt(c)?.get(row);
  if (value instanceof Date) return value.toISOString().slice(0, data.columns[c].kind === 'date' ? 10 : 19);
  return value === null || value === undefined ? '' : String(value);
}

/** Whether two texts of 3 characters or more are one or two keystrokes apart (edit distance ≤ 2, and ≤ a third of the shorter). */
export function nearVariant(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 3) return false;
  const limit = Math.min(2, Math.max(1, Math.floor(Math.min(a.length, b.length) / 3)));
  return editDistance(a, b, limit) <= limit;
}

/**
 * Whether row `r`'s value of column `g` is what another of its values contradicts: a dependency learned from
 * the table (zip → state) whose group agrees on another value of `g`. The row is then in the wrong group (a state
 * typed for another), and its other cells are no evidence against themselves. `besides`: columns whose dependencies
 * are not asked (the cells whose evidence is weighed: a settlement date says its claim is closed).
 */
export function contradictedCell(data: IngestResult, r: number, g: number, besides: (column: number) => boolean = () => false): boolean {
  const ids = valueCodes(data, g).ids;
  for (const dep of dependenciesOf(data)) {
    if (dep.rhs !== g || dep.lhs.some(besides)) continue;
    const scan = disagreeingGroups(data, dep);
    const group = scan.lhs[r];
    const consensus = group >= 0 ? scan.consensusOf(group) : undefined;
    if (consensus && ids[consensus.row] !== ids[r]) return true;
  }
  return false;
}
