/**
 * Outliers robust to a column's shape, from its sorted distinct values and their counts (docs/rules/outlier.md).
 *
 * Each tail is tested on its own: its j most extreme values against the spacings of the values next to them.
 * In a tail of exponential type the normalized spacings i·(X₍ₙ₋ᵢ₊₁₎ − X₍ₙ₋ᵢ₎) are independent exponentials
 * of one scale (Rényi), so the gap below the block has an exact p-value against an order statistic of the
 * next spacings (robust to other errors among them). The raw values are tested unless their tail is
 * clearly heavier than exponential (its index, fitted by maximum likelihood on the ranks of the next values,
 * exceeds 0 by two standard errors); the logarithm whenever the tail's values have one sign (a Pareto tail is
 * exponential there, log-normal and exponential tails lighter). Tied values (integers, rounded values) are
 * spread over the local resolution, and a gap must exceed one step of the data's grid. A block must also lie
 * beyond the span of the next values or beyond a hard edge (a bounded scale dense up to its end: 6 among
 * ratings of 1 to 5), and a large block twice as far from the median as the rest's extreme
 * (a second population is not an outlier). Non-negative integer columns of small counts must also be
 * improbable under a Poisson or negative binomial fit of the other values. Tails are peeled: after a block
 * is flagged the rest is tested again, so errors of several sizes are found layer by layer. A value of the
 * other sign than all others (a lost minus sign) is flagged apart, and the tails are those of the other
 * values. A block is at most 5% of the column; one over 2% is large: it needs its gap significant on the log
 * scale whenever its values have one sign. The level of one test is `alpha` over 2 tails × block sizes × 2
 * scales (Bonferroni, with a tenth of `alpha` for the large blocks): a clean column gets a finding with
 * probability about `alpha`.
 */
import { minimizeConvex } from '../shared/golden-section';
import type { SortedRuns } from './column-values';
import { countSorted } from '../shared/count-sorted';
import { UNIT_RATIOS, type UnitRatio } from '../shared/unit-factors';
import { normalTails } from './normal-tails';

/** Standard errors by which a tail's fitted index may exceed 0 before its raw values count as heavy-tailed. */
const HEAVY = 2;

export interface TailTestOptions {
  /** Probability that a clean column gets a finding. */
  alpha: number;
  /** Most values one tail may flag (more are a second population or a unit mix-up, not outliers). */
  maxOutliers: number;
  /** Values tested against: at most this many of the next values set the scale. */
  window: number;
  /**
   * Whether the rows holding `value` share something else (another column's value they mostly hold, and
   * few other rows do): a population of its own, not a value pasted into rows picked at random. Without it,
   * no heap is looked for among the other far values (see heapsInLayer).
   */
  explained?: (values: readonly number[]) => boolean;
  /**
   * Whether the rows holding the values gather in few values of another column (fewer than rows drawn at random
   * would hold): a population of its own, not rows a unit mix-up or a slipped decimal point picked (see unitCopy, decadeSlips).
   */
  gathered?: (values: readonly number[]) => boolean;
  /**
   * Whether the values are another column's value's own (most rows of that value hold them): a level of the table
   * (a drug's strength of 10,000 mg), where the tail ends as at a population of its own.
   */
  owned?: (values: readonly number[]) => boolean;
  /**
   * Whether the rows holding the values are all the rows of one value of another column, and no others (a rare fuel's
   * prices): a population of its own, where the tail ends as at a level (see ownedLevel).
   */
  alone?: (values: readonly number[]) => boolean;
  /**
   * Whether the rows holding the values are an episode of the table's own: each next to another of them in the file, and
   * gathered in few values of another column (a detoured trip's delays at each of its stops), not rows picked at random.
   */
  episode?: (values: readonly number[]) => boolean;
}

/** The tests' default options (the outlier rule's, which the user may change for it). */
export const OUTLIER_TEST_DEFAULTS: TailTestOptions = { alpha: 0.01, maxOutliers: 1000, window: 50 };

export interface TailOutliers {
  tail: 'upper' | 'lower';
  /**
   * `gap`: beyond an improbable gap in the tail; `sign`: of the other sign than every other value of the
   * column and at least as far from 0 as its median (a lost or added minus sign); `heap`: one value in many
   * rows far beyond the rest, where the column's values seldom repeat; `slip`: far beyond the column's bulk and an
   * ordinary value times 10, 100 or 1,000, where far values are such multiples far more often than the bulk's own
   * values are that round (see decadeSlips); `normal`: beyond what a column whose body is normal reaches (see
   * normalTails); `unit`: a block beyond a significant gap, too many rows for outliers,
   * that is the column's own values in another unit (see unitCopy).
   */
  kind: 'gap' | 'sign' | 'heap' | 'slip' | 'unit' | 'normal';
  /** The flagged distinct values (raw), most extreme first. */
  values: number[];
  /** Rows holding them. */
  rows: number;
  /** The nearest value that is not flagged (the column's own extreme without them). */
  next: number;
  /**
   * `gap`: the gap below (above) the flagged values over the typical spacing of the next values (normalized);
   * `sign`: the median of the other values' magnitudes; `heap`: rows per distinct value among the next values;
   * `slip`: the power of ten the flagged values are ordinary values times; `unit`: the ratio of the two units;
   * `normal`: the least extreme flagged value's distance from the median in standard deviations.
   */
  score: number;
  /** `gap`: the chance of so large a gap in a clean tail of this shape (before the multiple-testing correction). */
  pValue: number;
  logScale: boolean;
  /** For small counts: the mean (and, overdispersed, the negative binomial size) of the fit to the other values. */
  countFit?: { mean: number; size?: number };
  /** A heap among other far values (see heapsInLayer): `next` is then the bound the column's bulk stays within on that side. */
  amongFarValues?: true;
  /** `unit`: the two units (the flagged values are the column's values in the other one). */
  units?: UnitRatio;
  /** `normal`: the column's median and standard deviation on the scale tested, and the bound in standard deviations the values pass. */
  normalFit?: { median: number; sigma: number; bound: number };
}

/** A tail as a sequence going outward: raw values, most extreme first, ties spread over their grid step. */
interface Tail {
  tail: 'upper' | 'lower';
  /** Jittered raw values, most extreme first. */
  values: Float64Array;
  /** Index of the distinct value each entry belongs to, in tail order (0 = the most extreme distinct value). */
  distinct: Int32Array;
  /** Distinct raw values in tail order. */
  distinctValues: number[];
  distinctCounts: number[];
}

/** Smallest positive difference between consecutive distinct values (the data's resolution); 0 for one value. */
function resolution(values: Float64Array): number {
  let step = Infinity;
  for (let i = 1; i < values.length; i++) step = Math.min(step, values[i] - values[i - 1]);
  return Number.isFinite(step) ? step : 0;
}

/**
 * The `length` most extreme values of one tail after its `skip` most extreme distinct values (already
 * flagged); `skipZero` leaves zeros (and the stray values below them) out. Tied values (integers, rounded
 * values) are spread evenly over the data's local resolution (the median distance between the next distinct
 * values), as if measured more finely: a value rounded to tens over ten units, an integer over one.
 */
function tailOf(runs: SortedRuns, tail: 'upper' | 'lower', length: number, skipZero: boolean, skip: number): Tail {
  const out: number[] = [];
  const distinct: number[] = [];
  const distinctValues: number[] = [];
  const distinctCounts: number[] = [];
  const d = runs.values.length;
  // Distinct values in tail order (outward first), zeros left out when asked: enough for `length` values and
  // for `length` distinct values.
  const order: number[] = [];
  let rows = 0;
  let skipped = 0;
  for (let k = 0; k < d && (rows < length || order.length <= length); k++) {
    const index = tail === 'upper' ? d - 1 - k : k;
    if (skipZero && runs.values[index] <= 0) continue;
    if (skipped < skip) {
      skipped++;
      continue;
    }
    order.push(index);
    rows += runs.counts[index];
  }
  for (let p = 0; p < order.length; p++) {
    if (out.length >= length) {
      distinctValues.push(runs.values[order[p]]);
      distinctCounts.push(runs.counts[order[p]]);
      continue;
    }
    const v = runs.values[order[p]];
    const c = runs.counts[order[p]];
    distinctValues.push(v);
    distinctCounts.push(c);
    // The local resolution: the median distance between the next few distinct values inward.
    const gaps: number[] = [];
    for (let q = p; q + 1 < order.length && gaps.length < 9; q++) gaps.push(Math.abs(runs.values[order[q]] - runs.values[order[q + 1]]));
    gaps.sort((x, y) => x - y);
    const width = gaps.length ? gaps[gaps.length >> 1] : 0;
    const above = width / 2;
    const below = width / 2;
    for (let t = 0; t < c && out.length < length; t++) {
      // Outward first: from the outer end of the spread to its inner end.
      const offset = c === 1 ? 0 : above - ((t + 0.5) / c) * (above + below);
      out.push(tail === 'upper' ? v + offset : v - offset);
      distinct.push(distinctValues.length - 1);
    }
  }
  return { tail, values: Float64Array.from(out), distinct: Int32Array.from(distinct), distinctValues, distinctCounts };
}

/** Share of the next spacings at or below the order statistic that sets the scale: robust to 20% of other errors among them. */
const SCALE_QUANTILE = 0.8;

/**
 * The j-th normalized spacing of `y` (outward-first, decreasing) against the m-th smallest q of the next k
 * (m = ⌈0.8·k⌉): under an exponential tail the spacings are independent exponentials, and
 * P(D_j > t·q) = Π_{i ≤ m} (k − i + 1)/(k − i + 1 + t) exactly (the Laplace transform of an exponential
 * sample's order statistic). Unlike their mean, that order statistic is not moved by a few other errors
 * among the next values. The score is D_j over the scale q estimates. Not `ranked`: the spacings as they are,
 * alike and exponential where values are spread evenly (inside a hard edge, see edgeTest).
 */
function spacingTest(y: Float64Array, j: number, k: number, ranked = true): { score: number; pValue: number } {
  const dj = (ranked ? j : 1) * (y[j - 1] - y[j]);
  const window = new Float64Array(k);
  for (let r = 0; r < k; r++) window[r] = (ranked ? j + 1 + r : 1) * (y[j + r] - y[j + 1 + r]);
  window.sort();
  const m = Math.ceil(SCALE_QUANTILE * k);
  const q = window[m - 1];
  if (!(dj > 0)) return { score: 0, pValue: 1 };
  if (!(q > 0)) return { score: Infinity, pValue: 0 };
  const t = dj / q;
  // The expected m-th order statistic of k unit exponentials: Σ 1/(k − i + 1), i ≤ m.
  let logP = 0;
  let expected = 0;
  for (let i = 1; i <= m; i++) {
    logP += Math.log((k - i + 1) / (k - i + 1 + t));
    expected += 1 / (k - i + 1);
  }
  return { score: t * expected, pValue: Math.exp(logP) };
}

/**
 * The index ξ of a tail (outward-first, decreasing values) and its standard error, from the normalized
 * spacings at ranks `from` + 1 … `from` + k: in a tail of index ξ (0 exponential; > 0 heavier: log-normal,
 * Pareto, Weibull of shape below 1; < 0 bounded) the normalized spacing at rank i is about exponential
 * with mean c·i^−ξ. ξ is fitted by maximum likelihood (c profiled out). Ranks, not values, enter the fit:
 * leaving out the `from` values under test does not bias it when they belong to the tail. `firstRank` is the
 * rank given to value `from` + 1: by default its rank in the whole tail; 1 judges the rest as a tail of its own.
 */
function tailIndex(y: Float64Array, from: number, k: number, firstRank = from + 1): { xi: number; se: number } {
  const d = new Float64Array(k);
  const x = new Float64Array(k);
  let meanX = 0;
  for (let r = 0; r < k; r++) {
    const i = from + 1 + r;
    const rank = firstRank + r;
    d[r] = rank * (y[i - 1] - y[i]);
    x[r] = Math.log(rank);
    meanX += x[r];
  }
  meanX /= k;
  let sxx = 0;
  for (let r = 0; r < k; r++) sxx += (x[r] - meanX) ** 2;
  // The negative log-likelihood profiled over c is k·log c(ξ) − ξ·Σ log i + const, c(ξ) = mean of d·i^ξ.
  const cost = (xi: number) => {
    let sum = 0;
    for (let r = 0; r < k; r++) sum += d[r] * Math.exp(xi * (x[r] - meanX));
    return sum > 0 ? Math.log(sum) : 0;
  };
  // ξ in [−1, 2] (the cost is convex in ξ), in 32 golden-section steps.
  const xi = minimizeConvex(cost, -1, 2, (_width, steps) => steps >= 32);
  return { xi, se: sxx > 0 ? 1 / Math.sqrt(sxx) : Infinity };
}

/** log Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  const c = [0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.61503916999186, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * An upper bound of P(X ≥ x) for X Poisson(mean) (size undefined) or negative binomial (mean, size): the
 * probability of x times a geometric series bounding the ratios of the next probabilities.
 */
export function countTail(x: number, mean: number, size?: number): number {
  if (x <= mean) return 1;
  if (size === undefined) {
    const logPmf = x * Math.log(mean) - mean - logGamma(x + 1);
    const ratio = mean / (x + 1);
    return Math.min(1, Math.exp(logPmf) / (1 - ratio));
  }
  const p = size / (size + mean);
  const logPmf = logGamma(x + size) - logGamma(size) - logGamma(x + 1) + size * Math.log(p) + x * Math.log1p(-p);
  // The ratio of successive probabilities, (x + size)/(x + 1)·(1 − p), tends to 1 − p (from above when size > 1).
  const ratio = Math.max((1 - p) * ((x + size) / (x + 1)), 1 - p);
  return ratio >= 1 ? 1 : Math.min(1, Math.exp(logPmf) / (1 - ratio));
}

/** P(at least j of n draws reach a value of probability `tail`): Poisson approximation of the binomial tail. */
function atLeast(j: number, n: number, tail: number): number {
  const mu = n * tail;
  if (mu >= j) return 1;
  let term = Math.exp(-mu);
  let below = 0;
  for (let i = 0; i < j; i++) {
    below += term;
    term *= mu / (i + 1);
  }
  return Math.max(0, 1 - below);
}

/**
 * Variance below this share of the mean is no count of events (a Poisson count's variance is its mean;
 * binomial ones lose at most what their success rate takes): years, or a calendar's day numbers, are spread
 * far more narrowly than their size, and a count model would call a year a century off likely.
 */
const UNDERDISPERSED = 0.1;

/** Whether the column holds small non-negative counts (a Poisson or negative binomial model fits such columns). */
function isCountColumn(runs: SortedRuns): boolean {
  const d = runs.values.length;
  if (d === 0 || runs.values[0] < 0 || runs.values[d - 1] > 10_000 || d > 2_000) return false;
  for (let i = 0; i < d; i++) if (!Number.isInteger(runs.values[i])) return false;
  return true;
}


/** The value at rank ⌊p·(n − 1)⌋ of the `n` values given as sorted runs (p = 0.5: the median, the lower middle value). */
function quantileOfRuns(runs: SortedRuns, n: number, p: number): number {
  const rank = Math.floor(p * (n - 1));
  let seen = 0;
  for (let i = 0; i < runs.values.length; i++) {
    seen += runs.counts[i];
    if (seen > rank) return runs.values[i];
  }
  return NaN;
}

/**
 * Shares of a column's values its minority sign holds when it is a population of its own: fewer are lost or
 * added minus signs; more make a two-sided column (delays early and late), whose tails are judged alike.
 */
const MINORITY_POPULATION = { min: 0.01, max: 0.25 };

function minoritySignPopulation(positive: number, negative: number, n: number): boolean {
  const minority = Math.min(positive, negative);
  return minority >= MINORITY_POPULATION.min * n && minority <= MINORITY_POPULATION.max * n;
}

/** Mean and variance of the values without the `skip` most extreme distinct values of the upper tail. */
function momentsWithout(runs: SortedRuns, skip: number): { n: number; mean: number; variance: number } {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < runs.values.length - skip; i++) {
    const c = runs.counts[i];
    const v = runs.values[i];
    n += c;
    sum += c * v;
    sumSq += c * v * v;
  }
  const mean = n > 0 ? sum / n : 0;
  return { n, mean, variance: n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0 };
}

/**
 * Largest share of a column's values one tail may flag: more are a second population or a unit mix-up. A
 * dirty column can hold this many (×10, ×100, ×1000 slips, each a layer), found as one block or peeled in layers.
 */
export const MAX_TAIL_SHARE = 0.05;
/**
 * Blocks of more than this share of a column are large: they need stronger evidence, a gap significant on the
 * scale that shows them far from the rest (on the raw scale, a heavy tail's top always looks far), and get a
 * small part of the level (`LARGE_BLOCK_ALPHA`).
 */
const LARGE_BLOCK_SHARE = 0.02;
/**
 * The part of `alpha` spent on large blocks (weighted Bonferroni): errors in layers that large leave gaps far
 * beyond any level, while a lone outlier keeps nearly the power it has when only small blocks are tested.
 */
const LARGE_BLOCK_ALPHA = 0.1;

/**
 * The block sizes (all, and the small ones) and window length for `n` values (fewer than 20 values are not
 * tested).
 */
function tailSizes(n: number, options: TailTestOptions): { blocks: number; smallBlocks: number; window: number; shape: number } | undefined {
  if (n < 20) return undefined;
  const smallBlocks = Math.max(1, Math.min(options.maxOutliers, Math.ceil(n * LARGE_BLOCK_SHARE)));
  const blocks = Math.max(smallBlocks, Math.min(options.maxOutliers, Math.ceil(n * MAX_TAIL_SHARE)));
  const window = Math.min(options.window, Math.max(8, Math.round(2 * Math.sqrt(n))), n - blocks - 1);
  // The tail's shape is judged on its top tenth (20 to 500 values).
  const shape = Math.max(window, Math.min(500, Math.max(20, Math.floor(n / 10)), n - blocks - 1));
  return window >= 5 ? { blocks, smallBlocks, window, shape } : undefined;
}

/** One round of a tail's test: the block of extreme values with the strongest evidence (its own rows, and the next value below it). */
type Block = Omit<TailOutliers, 'tail' | 'kind'>;

/**
 * A round's outcome: its strongest block, if any; else, when a block of many rows beyond a significant gap
 * was left out as a population of its own (not far enough beyond the rest to be errors), its outermost value.
 */
interface Round {
  best?: Block;
  population?: number;
  /**
   * When no block is flagged: the blocks of more than MODE_ROWS rows beyond a significant gap that were left out
   * (within the span of the next values, or a population of its own) above a rest whose tail is not heavy by its own
   * ranks, the most significant gap first (see unitCopy).
   */
  leftOut?: Block[];
}

/** Rows a block must exceed to be a population of its own, unless it lies far beyond the rest. */
const MODE_ROWS = 3;

/**
 * Share of the column's rows within the outer tenth of the rest's range (from the far 1% quantile) that makes
 * the rest's end a hard edge — a bounded scale dense up to its end (ratings 1–5, a share up to 100%): a uniform
 * column holds a tenth of its rows there, a normal one under 1%; films' running times thin out below 80
 * minutes (3% of them), so a short film beyond is no value past an edge.
 */
const EDGE_SHARE = 0.05;
/** The outer part of the rest's range that is its edge (EDGE_SHARE of the rows there make it a hard one). */
const EDGE_RANGE = 0.1;
/**
 * Times the widest gap between the rest's distinct values in the outer quarter of its range that the gap
 * beyond a hard edge must be: values heaped on a few levels (a school district's pupil-teacher ratio shared by
 * its tracts) or places clustered on a map leave gaps of their own, and one more is no edge.
 */
const EDGE_GAP_RATIO = 5;

/**
 * Whether the rest of the column ends at a hard edge (EDGE_SHARE of its rows in the outer tenth of its range)
 * that the block's gap lies beyond: the gap is EDGE_GAP_RATIO times any gap in the rest's outer quarter (6 on a
 * scale of 1 to 5 read to tenths: the last tenth of the scale holds a tenth of the rows, and no two values near
 * 5 are more than 0.1 apart). With the spacing test significant, such a gap is far beyond the rest although the
 * span of the next values is wider.
 */
function beyondHardEdge(ctx: TailContext, next: number, innermost: number): boolean {
  const direction = ctx.side === 'upper' ? 1 : -1;
  const range = rangeOfRest(ctx, next);
  const gap = direction * (innermost - next);
  if (!(range > 0)) return false;
  let edgeRows = 0;
  let widest = 0;
  let previous = next;
  const { values, counts } = ctx.runs;
  // Distinct values inward from `next` (the runs ascend; the upper tail is read from its end).
  for (let k = 0; k < values.length; k++) {
    const i = direction === 1 ? values.length - 1 - k : k;
    const inward = direction * (next - values[i]);
    if (inward < 0) continue;
    if (inward > 0.25 * range) break;
    if (inward <= EDGE_RANGE * range) edgeRows += counts[i];
    widest = Math.max(widest, direction * (previous - values[i]));
    // A gap of the rest's own already as wide: no edge, whatever the rows say.
    if (EDGE_GAP_RATIO * widest > gap) return false;
    previous = values[i];
  }
  return edgeRows >= EDGE_SHARE * ctx.n;
}

/**
 * The gap below a block of at most MODE_ROWS values of the other sign beyond a floor at zero ({@link
 * beyondHardEdge}: a stock of −24 among 0 to 500, dense down to 0), tested against the spacings of the next
 * `window` values as they are, not multiplied by their ranks: near an edge where the column is dense, the
 * values are spread evenly (locally uniform), and their spacings are alike and exponential, which ranks assume
 * of a tail's. Only where those values lie within the outer tenth of the rest's range, the edge's own (in a
 * small column they reach where it thins out). An edge elsewhere is no bound the values could not pass (2.0%
 * as the smallest of households' shares; 0.8% below it is the tail going on). Undefined where the test does
 * not apply.
 */
function edgeTest(ctx: TailContext, outward: Float64Array, j: number, next: number, innermost: number): { score: number; pValue: number } | undefined {
  const k = ctx.window;
  if (next !== 0 || outward.length <= j + k || outward[j] - outward[j + k] > EDGE_RANGE * rangeOfRest(ctx, next) || !beyondHardEdge(ctx, next, innermost)) return undefined;
  return spacingTest(outward, j, k, false);
}

/** The rest's range from its extreme `next` to the column's far 1% quantile. */
function rangeOfRest(ctx: TailContext, next: number): number {
  return (ctx.side === 'upper' ? 1 : -1) * (next - (ctx.side === 'upper' ? ctx.low : ctx.high));
}

/** What one tail's rounds share. */
interface TailContext {
  runs: SortedRuns;
  side: 'upper' | 'lower';
  skipZero: boolean;
  /** The data's resolution (smallest distance between distinct values). */
  step: number;
  /** Non-negative small integers: a count model must agree. */
  counts: boolean;
  /** Finite values in the column (all tails). */
  n: number;
  /** Significance level of one test of a small block (at most `smallBlocks` rows), and of a large one. */
  level: number;
  largeLevel: number;
  smallBlocks: number;
  /** The column's median and quartiles. */
  median: number;
  /**
   * Where the tail's values lie: the median, or for the upper tail of a zero-inflated column the median of its values
   * above zero — what a block of many rows must lie far from, twice the rest's extreme, to be no population of its own
   * (ten overtime stubs keyed in minutes beyond a largest 30 are not, from a median of 0). The other tests keep the
   * column's median: values pasted into most of the few rows above zero make that part's median their own.
   */
  centre: number;
  lowerQuartile: number;
  upperQuartile: number;
  /**
   * The sign most of the column's non-zero values have, when the other sign is a population of its own
   * (`MINORITY_POPULATION` of the values: receipts among outlays); else 0.
   */
  majoritySign: number;
  /** The column's 1st and 99th percentiles: how far its bulk reaches on either side. */
  low: number;
  high: number;
  window: number;
}

/**
 * The block of the j most extreme values (after the `skip` distinct values already flagged, j ≤ `blocks`)
 * with the strongest evidence of lying beyond a gap: significant on the raw scale (a tail no heavier than
 * exponential) or the log scale, beyond the span of the next values, tight unless small, and improbable
 * under a count model for small counts.
 */
function strongestBlock(ctx: TailContext, skip: number, blocks: number, shape: number): Round {
  const { runs, side, step, window } = ctx;
  const tail = tailOf(runs, side, blocks + shape + 1, ctx.skipZero, skip);
  if (tail.values.length < blocks + shape + 1) return {};
  const direction = side === 'upper' ? 1 : -1;
  const outward = tail.values.map((v) => direction * v);
  const sign = Math.sign(tail.values[0]);
  const oneSign = sign !== 0 && tail.values.every((v) => Math.sign(v) === sign);
  // Toward zero (the lower tail of positive values), rounding makes the smallest values coarse: not tested then.
  const towardZero = oneSign && direction * sign < 0;
  const fineNearZero = !towardZero || tail.values.every((v) => Math.abs(v) >= 20 * step);
  const logged = oneSign && fineNearZero ? tail.values.map((v) => direction * sign * Math.log(Math.abs(v))) : undefined;
  let best: Block | undefined;
  let population: number | undefined;
  const leftOutBlocks: Block[] = [];
  for (let j = 1; j <= blocks; j++) {
    // The block is the j most extreme values: it must end at a distinct value's last row.
    if (tail.distinct[j - 1] === tail.distinct[j]) continue;
    const flaggedDistinct = tail.distinct[j - 1] + 1;
    const next = tail.distinctValues[flaggedDistinct];
    const innermost = tail.distinctValues[flaggedDistinct - 1];
    if (Math.abs(innermost - next) <= 1.5 * step) continue;
    // Raw values are tested only where their tail is not clearly heavier than exponential (a heavy tail's
    // spacings are far from exponential: only its logarithm's are); the logarithm whenever the tail has one sign.
    const large = j > ctx.smallBlocks;
    const level = large ? ctx.largeLevel : ctx.level;
    // Whether the rest's tail is heavier than exponential. Ranked from the tail's top, the rest's shape is judged as
    // if the block belonged to it. Beneath a large block of errors (ratings ×10 in 3% of rows) that makes a light
    // tail look heavy; there, the rest is heavy only when it is by its own ranks too.
    const k = Math.min(shape, outward.length - j - 1);
    const heavy = (index: { xi: number; se: number }) => index.xi > HEAVY * index.se;
    const heavyRest = () => heavy(tailIndex(outward, j, k)) && (!large || heavy(tailIndex(outward, j, k, 1)));
    let rawTest: { score: number; pValue: number } | undefined = spacingTest(outward, j, window);
    // Raw values are tested only where the rest's tail is not heavy.
    if (rawTest.pValue <= level && heavyRest()) rawTest = undefined;
    const logTest = logged ? spacingTest(logged, j, window) : undefined;
    const rawSignificant = rawTest !== undefined && rawTest.pValue <= level;
    const logSignificant = logTest !== undefined && logTest.pValue <= level;
    // Beyond a hard edge the rest is no tail: its spacings there are alike without their ranks (edgeTest).
    const edge = !rawSignificant && !logSignificant && j <= MODE_ROWS ? edgeTest(ctx, outward, j, next, innermost) : undefined;
    if (!rawSignificant && !logSignificant && !(edge && edge.pValue <= level)) continue;
    const useLog = logSignificant && (!rawSignificant || (logTest?.pValue ?? 1) <= (rawTest?.pValue ?? 1));
    const chosen = edge ?? (useLog ? logTest : rawTest);
    if (!chosen || (best && chosen.pValue >= best.pValue)) continue;
    // Far beyond the rest, not the edge of a second population or of values heaped on round numbers: the
    // gap exceeds the span of the next `window` distinct values. A block of more than a few rows is a second
    // population of its own (Hawaii among mainland flights, Pacific islands below the mainland's latitudes)
    // unless it lies at least twice as far from the median as the rest's extreme.
    // The span reaches no further than the column's far quartile: in a column of few distinct values (years,
    // ratings) the next `window` of them would span its whole range, its other end's errors included.
    const windowEnd = tail.distinctValues[Math.min(flaggedDistinct + window, tail.distinctValues.length - 1)];
    const farQuartile = side === 'upper' ? ctx.lowerQuartile : ctx.upperQuartile;
    const last = direction * windowEnd < direction * farQuartile ? farQuartile : windowEnd;
    // Both hold on the raw or, for values of one sign, on the log scale (errors are often off by a factor); a gap
    // beyond a hard edge (a bounded scale dense up to its end) is far on any scale.
    const scales: ((v: number) => number)[] = [(v) => direction * v];
    if (logged && ctx.median * sign > 0) scales.push((v) => direction * sign * Math.log(Math.abs(v)));
    const gap = (at: (v: number) => number) => at(innermost) - at(next);
    const spanned = scales.filter((at) => gap(at) >= at(next) - at(last));
    // The edge is looked at only where a scale falls short of the span (it reads the rest's outer quarter).
    const beyondSpan = edge || (spanned.length < scales.length && beyondHardEdge(ctx, next, innermost)) ? scales : spanned;
    // A block of many rows beyond a significant gap, left out here or below as no outliers, above a rest whose tail is
    // not heavy by its own ranks (a heavy tail's top, brought back by some ratio, spreads over the column too): perhaps
    // the column in another unit.
    const leftOut = (): void => {
      if (j > MODE_ROWS && !heavy(tailIndex(outward, j, k, 1))) leftOutBlocks.push({ values: tail.distinctValues.slice(0, flaggedDistinct), rows: j, next, score: chosen.score, pValue: chosen.pValue, logScale: useLog });
    };
    if (beyondSpan.length === 0) {
      leftOut();
      continue;
    }
    // Values of the column's minority sign, when they are a population (receipts among outlays), are judged
    // by the column's scale, not by the spacings of the values next to zero: one is an outlier only farther
    // from the median than the bulk of the other side reaches (its 1st or 99th percentile).
    if (ctx.majoritySign !== 0 && Math.sign(innermost) === -ctx.majoritySign && Math.abs(innermost - ctx.median) < Math.abs((side === 'upper' ? ctx.low : ctx.high) - ctx.median)) continue;
    // A large block needs its gap significant on the scale that shows it far, and on the log scale whenever the
    // tail has one sign (errors off by a factor stand out there; a heavy tail's top, on the raw scale, always does).
    if (large && logged && !logSignificant) continue;
    const farScales = large ? beyondSpan.filter((at) => (at === scales[0] ? rawSignificant : logSignificant)) : beyondSpan;
    if (j > MODE_ROWS && !farScales.some((at) => gap(at) >= at(next) - at(ctx.centre))) {
      population = tail.distinctValues[0];
      leftOut();
      continue;
    }
    let countFit: Block['countFit'];
    if (ctx.counts && side === 'upper') {
      const { n: others, mean, variance } = momentsWithout(runs, skip + flaggedDistinct);
      if (variance >= UNDERDISPERSED * mean) {
        const size = variance > mean ? (mean * mean) / (variance - mean) : undefined;
        countFit = size === undefined ? { mean } : { mean, size };
        if (mean > 0 && atLeast(j, others + j, countTail(innermost, mean, size)) > level) continue;
      }
    }
    best = { values: tail.distinctValues.slice(0, flaggedDistinct), rows: j, next, score: chosen.score, pValue: chosen.pValue, logScale: useLog, ...(countFit ? { countFit } : {}) };
  }
  return best ? { best } : { ...(population === undefined ? {} : { population }), leftOut: leftOutBlocks.sort((a, b) => a.pValue - b.pValue) };
}

/**
 * A value of the tail (after `skip` distinct values, among the next `window`) that many rows hold, far beyond
 * the rest (twice as far from the median as the next value inward), where the next values seldom repeat: one
 * value pasted into many rows or a placeholder, not a measurement, with the few values beyond it (other slips
 * past it: ×100 and ×1000 of a gross). The gap test alone cannot see it in a short or heavy tail (3 × the
 * largest cost in ten rows of a column with 70 costs). Under the column's own rate of repeats among its next
 * `window` distinct values (m rows each, a geometric count), P(count ≥ c) = (1 − 1/m)^(c−1) must be at most
 * the test level (the outermost value's; a tenth of it per value further in); the block holds at most
 * `MAX_TAIL_SHARE` of the column, as any tail's flagged values (one value pasted into 3% of a column is still
 * far beyond it; in more rows, a cap or a code).
 */
function heapBeyond(ctx: TailContext, skip: number): Block | undefined {
  const { runs, side, window } = ctx;
  const d = runs.values.length;
  const order: number[] = [];
  let skipped = 0;
  for (let k = 0; k < d && order.length < 2 * window + 1; k++) {
    const i = side === 'upper' ? d - 1 - k : k;
    if (ctx.skipZero && runs.values[i] <= 0) continue;
    if (skipped++ < skip) continue;
    order.push(i);
  }
  let beyond = 0;
  for (let h = 0; h + window < order.length; h++) {
    const count = runs.counts[order[h]];
    const value = runs.values[order[h]];
    const next = runs.values[order[h + 1]];
    if (beyond + count > MAX_TAIL_SHARE * ctx.n) return undefined;
    if (count >= 2 && farBeyond(value, next, ctx.median)) {
      let rowsNext = 0;
      for (let p = 1; p <= window; p++) rowsNext += runs.counts[order[h + p]];
      // Rows per distinct value among the next ones, one more row than seen (never exactly 1).
      const perValue = (rowsNext + 1) / window;
      const pValue = (1 - 1 / perValue) ** (count - 1);
      if (pValue <= (h === 0 ? ctx.level : ctx.level / window)) {
        return { values: order.slice(0, h + 1).map((i) => runs.values[i]), rows: beyond + count, next, score: perValue, pValue, logScale: false };
      }
    }
    beyond += count;
  }
  return undefined;
}

/**
 * Share of a column's rows beyond the bound of its bulk, on either side, where heaps among other far values are
 * looked for (heapsInLayer): twice what one tail may flag, as a tail's errors may fill more than that.
 */
export const BEYOND_BULK_SHARE = 2 * MAX_TAIL_SHARE;
/** Rows a value needs to be a heap among other far values. */
const LAYER_HEAP_MIN_ROWS = 10;
/** Distinct values beyond the bulk around a heap its repeats are measured against: at least, and at most on either side. */
const LAYER_MIN_NEIGHBOURS = 5;
const LAYER_NEIGHBOURS = 10;
/** Part of the rows between a heap and the bulk that the rows beyond it must make at least, for it to lie among far values and not on the bulk's edge. */
const EDGE_OUTWARD_PART = 0.1;
/** Heaps among other far values one tail may hold: more are the column's levels. */
const LAYER_MAX_HEAPS = 3;

/**
 * Values many rows hold among the tail's other far values, which neither the gap test nor heapBeyond sees: a
 * value pasted into 2% of a column among ×10–×1000 slips that fill two decades beyond the real maximum (the
 * slips leave no gap, and the heap's next value inward is a slip, not the rest). A value is such a heap when
 * - it lies twice as far from the median as the bound of the column's bulk (the value `BEYOND_BULK_SHARE` of the
 *   rows lie beyond), on the raw or the log scale (farBeyond), and is not flagged yet;
 * - at least LAYER_HEAP_MIN_ROWS rows hold it, at most `MAX_TAIL_SHARE` of the column (in more rows, a cap or
 *   a code), improbably many at the rate the values beyond the bulk around it repeat (up to LAYER_NEIGHBOURS on
 *   either side, other heaps left out: a geometric count, as in heapBeyond), at the tail test's level over the values
 *   tested;
 * - no value beyond it (but other such heaps) is held by more than MODE_ROWS rows: errors beyond a pasted value
 *   are slips, each in a row or two; several values of many rows far out are a population of their own (islands
 *   below the mainland's latitudes, each place's rows at its centroid);
 * - it is no rounder than those values (a price point or a budget of 150,000,000 repeats among costs;
 *   decimal places count: 28.5 is less round than 28);
 * - at most LAYER_MAX_HEAPS values of the tail are such heaps (more are the column's levels: price points, codes);
 * - its rows share nothing else (`explained`): Puerto Rico's zip codes, geocoded to one centroid far below the
 *   mainland's latitudes, share their state; rows an error picked do not.
 */
function heapsInLayer(ctx: TailContext, bulk: number, flagged: readonly Block[], explained: (values: readonly number[]) => boolean): Block[] {
  const { runs, side, n } = ctx;
  const taken = new Set(flagged.flatMap((b) => b.values));
  const d = runs.values.length;
  // The values beyond the bulk, most extreme first.
  const region: number[] = [];
  for (let k = 0; k < d; k++) {
    const i = side === 'upper' ? d - 1 - k : k;
    if (side === 'upper' ? runs.values[i] <= bulk : runs.values[i] >= bulk) break;
    region.push(i);
  }
  const isCandidate = region.map((i) => runs.counts[i] >= LAYER_HEAP_MIN_ROWS && runs.counts[i] <= MAX_TAIL_SHARE * n && !taken.has(runs.values[i]) && farBeyond(runs.values[i], bulk, ctx.median));
  const candidates = isCandidate.filter(Boolean).length;
  if (candidates === 0) return [];
  // The outermost value of many rows that is no candidate: candidates further in lie inside a population.
  const populated = region.findIndex((i, at) => !isCandidate[at] && runs.counts[i] > MODE_ROWS);
  const qualified: Block[] = [];
  for (let at = 0; at < region.length && (populated < 0 || at < populated); at++) {
    if (!isCandidate[at]) continue;
    const around: number[] = [];
    for (const step of [-1, 1]) {
      for (let k = at + step, seen = 0; k >= 0 && k < region.length && seen < LAYER_NEIGHBOURS && Math.abs(k - at) <= 2 * LAYER_NEIGHBOURS; k += step) {
        if (isCandidate[k]) continue;
        around.push(region[k]);
        seen++;
      }
    }
    if (around.length < LAYER_MIN_NEIGHBOURS) continue;
    const i = region[at];
    // A heap far beyond the bulk on the log scale only, with far fewer rows beyond it than between it and the bulk,
    // sits on the bulk's edge: a floor the column's values are clipped at (an azimuthal gap never written below 25,
    // beside a few values shifted in below it), not a value pasted among slips.
    if (!farOnRawScale(runs.values[i], bulk, ctx.median)) {
      let [outward, inward] = [0, 0];
      for (let k = 0; k < region.length; k++) {
        if (isCandidate[k]) continue;
        if (k < at) outward += runs.counts[region[k]];
        else inward += runs.counts[region[k]];
      }
      if (outward < EDGE_OUTWARD_PART * inward) continue;
    }
    const rowsAround = around.reduce((sum, j) => sum + runs.counts[j], 0);
    const perValue = (rowsAround + 1) / around.length;
    const pValue = (1 - 1 / perValue) ** (runs.counts[i] - 1);
    if (pValue > ctx.level / candidates || roundness(runs.values[i]) > median(around.map((j) => roundness(runs.values[j])))) continue;
    qualified.push({ values: [runs.values[i]], rows: runs.counts[i], next: bulk, score: perValue, pValue, logScale: false });
  }
  // Many heaps far out are the column's levels (price points, codes), not values pasted in error.
  if (qualified.length > LAYER_MAX_HEAPS) return [];
  return qualified.filter((b) => !explained(b.values));
}

/** Standard errors within which a block's ranks, brought back by a unit ratio, must be those of random rows of the column (their mean and spread). */
const UNIT_RANK_Z = 3;
/** Rows a block needs before its ranks say it is a copy of the column. */
const MIN_UNIT_ROWS = 10;
/** Part of the column's share of distinct values (distinct values per row) a copy of it must have at least. */
const UNIT_DISTINCT_PART = 0.5;

/**
 * Whether a population (a block of more than MODE_ROWS rows beyond a significant gap, not far enough beyond the
 * rest to count as outliers: see strongestBlock) is the column's own values written in another unit: weights in
 * pounds among kilograms, 125–200 beyond a column that ends at 116. For some ratio between two units of one family
 * (UNIT_RATIOS: no power of ten, decadeSlips' kind), every value of the block brought back by it lies within the
 * column's 1st and 99th percentiles, and the values so brought back rank among the column's other values as random
 * rows do: the mean of their ranks (shares of the other values below each, ties half) within UNIT_RANK_Z standard
 * errors of 1/2, and their variance not below 1/12 by more than that (the variance of a sample of m uniform ranks
 * has standard error √((1/80 − 1/144)/m)). A second population of its own (Hawaii among mainland flight distances)
 * brought back by a ratio lands on a narrow part of the column, and a tail's far values too; a copy of the column in
 * another unit spreads over all of it. The block needs MIN_UNIT_ROWS rows, a gap significant on the log scale (a
 * factor's), values as distinct as the column's (at least UNIT_DISTINCT_PART of its distinct values per row: islands
 * geocoded to a few points are no copies of random rows), and rows that share nothing else (`explained`: a territory's
 * places share their state; `gathered`: southern places come from three states where random rows would come from
 * twenty). The ratio whose mean rank is nearest 1/2 names the units.
 */
function unitCopy(ctx: TailContext, block: Block, options: TailTestOptions): (Block & { units: UnitRatio }) | undefined {
  const { runs, side } = ctx;
  if (block.rows < MIN_UNIT_ROWS || !block.logScale || ctx.median <= 0 || block.values.some((v) => v <= 0)) return undefined;
  // Copies of random rows repeat their values about as often as the column does (places geocoded to one point do more).
  if (block.values.length / block.rows < UNIT_DISTINCT_PART * Math.min(1, runs.values.length / ctx.n)) return undefined;
  const d = runs.values.length;
  // The column's other values, ascending (the block and the values beyond it left out), with the rows below each.
  const innermost = block.values[block.values.length - 1];
  const others: number[] = [];
  const below: number[] = [0];
  const weights: number[] = [];
  for (let i = 0; i < d; i++) {
    const v = runs.values[i];
    if (side === 'upper' ? v >= innermost : v <= innermost) {
      if (block.values.includes(v)) weights[block.values.indexOf(v)] = runs.counts[i];
      continue;
    }
    others.push(v);
    below.push(below[below.length - 1] + runs.counts[i]);
  }
  const total = below[others.length];
  const m = block.rows;
  if (total === 0) return undefined;
  let best: { units: UnitRatio; z: number } | undefined;
  for (const units of UNIT_RATIOS) {
    const back = block.values.map((v) => (side === 'upper' ? v / units.ratio : v * units.ratio));
    if (back.some((v) => v < ctx.low || v > ctx.high)) continue;
    let sum = 0;
    let squares = 0;
    back.forEach((v, k) => {
      const lo = countSorted(others, v, true);
      const ties = lo < others.length && others[lo] === v ? below[lo + 1] - below[lo] : 0;
      const rank = (below[lo] + ties / 2) / total;
      sum += (weights[k] ?? 0) * rank;
      squares += (weights[k] ?? 0) * rank * rank;
    });
    const mean = sum / m;
    const zMean = meanRankZ(sum, m);
    const zSpread = (squares / m - mean * mean - 1 / 12) / Math.sqrt((1 / 80 - 1 / 144) / m);
    if (zMean > UNIT_RANK_Z || zSpread < -UNIT_RANK_Z) continue;
    if (!best || zMean < best.z) best = { units, z: zMean };
  }
  if (!best || options.explained?.(block.values) || options.gathered?.(block.values)) return undefined;
  return { ...block, score: best.units.ratio, units: best.units };
}

/** Powers of ten a slip multiplies a value by: a decimal point moved one to three places, a unit of a thousand. */
const SLIP_DECADES = 3;
/** Distinct values of the bulk whose trailing zeros are counted (evenly spread, weighted by their rows). */
const ROUNDNESS_SAMPLE = 2000;
/** Rows, and distinct values, of the bulk with room for j trailing zeros (j + 1 digits or more) needed to measure how often they have them. */
const ROUNDNESS_MIN_ROWS = 20;
const ROUNDNESS_MIN_VALUES = 10;
/**
 * Standard errors from 1/2 beyond which the mean rank of a power's origins among the column's values (uniform for
 * values copied from random rows: mean 1/2, variance 1/12) says they are no copies of the column's values: the
 * largest values of a column of estimates, rounded to a few significant digits (24100, 3600, 195000 above exact
 * counts), have mantissas spread over their digits, not like the column.
 */
const SLIP_RANK_Z = 3;
/**
 * Values far beyond the column's bulk (twice as far from the median as the bound BEYOND_BULK_SHARE of the rows
 * lie beyond, farBeyond; not flagged yet) that are ordinary values times a power of ten: a far value with k
 * trailing zeros (k from 1 to SLIP_DECADES) whose value / 10^k is of the bulk's sign and not far beyond it. Where
 * ×10–×1000 slips fill two or three decades beyond the real maximum, they leave no gap for the spacing test, but
 * 31700, 43200.0 and 1068000 among exact distances are each a distance with zeros added, which an exact column's
 * far values seldom are. For each k, such far values are flagged when they are more than the bulk's own rate of
 * values ending in exactly k zeros explains (measured on its values of k + 1 digits or more, ROUNDNESS_MIN_ROWS
 * rows of ROUNDNESS_MIN_VALUES distinct values at least, one more such row counted; where too few are that long,
 * a tenth of its share ending in one zero per further zero; a Poisson count at the tail test's level over the
 * powers tested), and when their value / 10^k rank among the column's values as copies of
 * random rows do (likeTheColumn: estimates rounded to a few digits do not). A column rounded by nature (budgets
 * in millions) has a bulk as round as its far values; values written to significant digits (23.6482 beside
 * 2.36482) have no trailing zeros to add.
 */
function decadeSlips(ctx: TailContext, bulk: number, flagged: readonly Block[]): Block[] {
  const { runs, side } = ctx;
  // Slips away from zero only: the far side must be that of the bulk's bound.
  const sign = Math.sign(bulk);
  if (sign === 0 || sign !== (side === 'upper' ? 1 : -1) || bulk === ctx.median) return [];
  const taken = new Set(flagged.flatMap((b) => b.values));
  const d = runs.values.length;
  const far: number[] = [];
  let farRows = 0;
  for (let k = 0; k < d; k++) {
    const i = side === 'upper' ? d - 1 - k : k;
    const v = runs.values[i];
    if (!farBeyond(v, bulk, ctx.median)) break;
    if (taken.has(v)) continue;
    far.push(i);
    farRows += runs.counts[i];
  }
  if (far.length === 0) return [];
  // The bulk's values on this side of 0 (up to its bound): a sample of its distinct values, weighted by rows.
  const inBulk = (v: number) => Math.sign(v) === sign && Math.abs(v) <= Math.abs(bulk);
  let bulkDistinct = 0;
  for (let i = 0; i < d; i++) if (inBulk(runs.values[i])) bulkDistinct++;
  const stride = Math.max(1, Math.floor(bulkDistinct / ROUNDNESS_SAMPLE));
  const roomRows = new Array<number>(SLIP_DECADES + 1).fill(0);
  const roomValues = new Array<number>(SLIP_DECADES + 1).fill(0);
  const roundRows = new Array<number>(SLIP_DECADES + 1).fill(0);
  for (let i = 0, seen = 0; i < d; i++) {
    const v = runs.values[i];
    if (!inBulk(v) || seen++ % stride !== 0) continue;
    const zeros = roundness(v);
    for (let j = 1; j <= SLIP_DECADES && Math.abs(v) >= 10 ** j; j++) {
      roomRows[j] += runs.counts[i];
      roomValues[j]++;
      if (zeros === j) roundRows[j] += runs.counts[i];
    }
  }
  // A far value's power: its trailing zeros, when it without them is an ordinary value (of the bulk's sign, not far
  // beyond it).
  const ordinary = (v: number) => Math.sign(v) === sign && !farBeyond(v, bulk, ctx.median);
  const power = (v: number) => {
    const zeros = roundness(v);
    return zeros >= 1 && zeros <= SLIP_DECADES && ordinary(v / 10 ** zeros) ? zeros : 0;
  };
  const found: Block[] = [];
  const measured = (j: number) => roomRows[j] >= ROUNDNESS_MIN_ROWS && roomValues[j] >= ROUNDNESS_MIN_VALUES;
  const share = (j: number) => (roundRows[j] + 1) / (roomRows[j] + 1);
  for (let j = 1; j <= SLIP_DECADES; j++) {
    // The bulk's share ending in exactly j zeros (one more such row counted); where its values are too short to
    // show it (delays of minutes, under 100), a tenth of its share ending in one zero per further zero, as the
    // digits of exact numbers go.
    if (!measured(j) && !measured(1)) continue;
    const rate = measured(j) ? share(j) : share(1) * 10 ** (1 - j);
    const slips = far.filter((i) => power(runs.values[i]) === j);
    const rows = slips.reduce((sum, i) => sum + runs.counts[i], 0);
    const expected = farRows * rate;
    const pValue = countTail(rows, expected);
    // The values a slip of this power copies: ordinary ones it takes far out.
    const copied = (v: number) => ordinary(v) && farBeyond(v * 10 ** j, bulk, ctx.median);
    if (rows === 0 || pValue > ctx.level / SLIP_DECADES || !likeTheColumn(runs, copied, slips.map((i) => runs.values[i] / 10 ** j), slips.map((i) => runs.counts[i]))) continue;
    found.push({ values: slips.map((i) => runs.values[i]), rows, next: bulk, score: 10 ** j, pValue, logScale: false });
  }
  return found;
}

/**
 * Whether `values` (each held by `weights` rows, all of them `copied`) rank among the column's values that are
 * `copied` (those a slip of their power copies: of the bulk's sign, not far out themselves, and taken far out by
 * it) as copies of random rows do: their mean rank (the share of those values below each, ties counted half) within
 * SLIP_RANK_Z standard errors of 1/2. (Delays of −5 minutes have no slip upward, and a delay of 1 typed ×100 is
 * no far value.)
 */
function likeTheColumn(runs: SortedRuns, copied: (v: number) => boolean, values: readonly number[], weights: readonly number[]): boolean {
  // The runs copied, in ascending order, with the rows below each.
  const kept: number[] = [];
  const below: number[] = [0];
  for (let i = 0; i < runs.values.length; i++) {
    if (!copied(runs.values[i])) continue;
    kept.push(runs.values[i]);
    below.push(below[below.length - 1] + runs.counts[i]);
  }
  const total = below[kept.length];
  let sum = 0;
  let rows = 0;
  values.forEach((v, k) => {
    // The first run copied not below v; a tie counts half.
    const lo = countSorted(kept, v, true);
    const ties = lo < kept.length && kept[lo] === v ? below[lo + 1] - below[lo] : 0;
    sum += weights[k] * ((below[lo] + ties / 2) / total);
    rows += weights[k];
  });
  return meanRankZ(sum, rows) <= SLIP_RANK_Z;
}

/** Standard errors from 1/2 of a mean rank (`sum` of ranks in [0, 1] over `rows`): uniform ranks have mean 1/2, variance 1/12. */
function meanRankZ(sum: number, rows: number): number {
  return Math.abs(sum / rows - 0.5) * Math.sqrt(12 * rows);
}

/** The largest power of ten (its exponent) that divides the number as written in decimal: 1100 → 2, 28 → 0, 28.5 → −1. */
function roundness(value: number): number {
  if (value === 0) return 0;
  for (let k = 15; k > -12; k--) {
    const scaled = value / 10 ** k;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-12 * Math.abs(scaled)) return k;
  }
  return -12;
}

/** The median of a few numbers (the lower middle one). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Whether a value lies twice as far from the median as `extreme` does, on the raw scale. */
function farOnRawScale(value: number, extreme: number, median: number): boolean {
  return Math.abs(value - median) >= 2 * Math.abs(extreme - median);
}

/**
 * Whether `value` lies at least twice as far from the median as `extreme` does, on the raw scale or, when
 * all three have one sign, on the log scale.
 */
function farBeyond(value: number, extreme: number, median: number): boolean {
  if (farOnRawScale(value, extreme, median)) return true;
  const sign = Math.sign(median);
  if (sign === 0 || Math.sign(value) !== sign || Math.sign(extreme) !== sign) return false;
  const log = (v: number) => Math.log(Math.abs(v));
  return Math.abs(log(value) - log(median)) >= 2 * Math.abs(log(extreme) - log(median));
}

/**
 * The outliers of a numeric column given as its sorted runs (see the module comment); empty when none.
 * Each tail is peeled: the block with the strongest evidence is flagged, then the rest is tested again
 * (errors of several sizes at one end are found layer by layer), up to `maxOutliers` values. A clean
 * column stops at the first round, so the false-alarm rate is that of one round.
 */
export function tailOutliers(column: SortedRuns, options: TailTestOptions): TailOutliers[] {
  // A lost minus sign first: its message explains it better than a gap does.
  const flipped = signFlips(column, countOf(column));
  const found: TailOutliers[] = flipped ? [flipped] : [];
  // The tails are those of the other values: a flipped value is not the column's extreme on either side.
  const runs = flipped ? withoutValues(column, flipped.values) : column;
  const n = countOf(runs);
  let zeros = 0;
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < runs.values.length; i++) {
    const v = runs.values[i];
    if (v === 0) zeros += runs.counts[i];
    else if (v > 0) positive += runs.counts[i];
    else negative += runs.counts[i];
  }
  // What both tails share: the column's resolution, kind and quantiles (each a pass over the runs, made once).
  const shared = {
    runs,
    step: resolution(runs.values),
    counts: isCountColumn(runs),
    n,
    median: quantileOfRuns(runs, n, 0.5),
    lowerQuartile: quantileOfRuns(runs, n, 0.25),
    upperQuartile: quantileOfRuns(runs, n, 0.75),
    majoritySign: minoritySignPopulation(positive, negative, n) ? Math.sign(positive - negative) : 0,
    low: quantileOfRuns(runs, n, 0.01),
    high: quantileOfRuns(runs, n, 0.99),
  };
  for (const side of ['upper', 'lower'] as const) {
    // The upper tail of a zero-inflated column is its part above zero (a stray negative value does not change that).
    const skipZero = side === 'upper' && zeros >= 0.05 * n;
    const total = skipZero ? positive : n;
    const sizes = tailSizes(total, options);
    if (!sizes) continue;
    // Bonferroni over 2 tails × the block sizes × 2 scales.
    const ctx: TailContext = {
      ...shared,
      // Its values lie around the median of the values above zero (overtime hours, 0 in most rows, around 5 where worked).
      centre: skipZero ? quantileOfRuns(runs, n, 1 - positive / (2 * n)) : shared.median,
      side,
      skipZero,
      level: (1 - (sizes.blocks > sizes.smallBlocks ? LARGE_BLOCK_ALPHA : 0)) * (options.alpha / (2 * sizes.smallBlocks * 2)),
      largeLevel: (LARGE_BLOCK_ALPHA * options.alpha) / (2 * Math.max(1, sizes.blocks - sizes.smallBlocks) * 2),
      smallBlocks: sizes.smallBlocks,
      window: sizes.window,
    };
    const blocks: Block[] = [];
    let unit: (Block & { units: UnitRatio }) | undefined;
    let skip = 0;
    let rows = 0;
    while (rows < sizes.blocks) {
      const { best: found, population: beyondAll, leftOut = [] } = strongestBlock(ctx, skip, sizes.blocks - rows, sizes.shape);
      // A value of the block that is another column's value's own is a level of the table: the tail's population starts
      // there, and the values beyond it are judged against it (a strength in micrograms beyond a drug's 10,000 mg).
      const owned = found ? ownedLevel(runs, found.values, options) : -1;
      const block = owned < 0 ? found : owned > 0 && found ? { ...found, values: found.values.slice(0, owned), rows: rowsHolding(runs, found.values.slice(0, owned)) } : undefined;
      const population = owned >= 0 && found ? found.values[owned] : beyondAll;
      // A population that is the column's own values in another unit is a unit mix-up, not a population.
      for (const candidate of leftOut) if ((unit = unitCopy(ctx, candidate, options))) break;
      if (unit) break;
      // Far values in runs of neighbouring rows that gather in few values of another column (a bus's delays at every stop
      // of three detoured trips, where rows picked at random would come from twenty trips) are an episode of those, not
      // slips in rows an error picked at random: a population of the table's own.
      if (block && block.rows >= MIN_EPISODE_ROWS && options.episode?.(block.values)) break;
      if (!block) {
        // The tail ends in a population of its own: the values flagged beyond it were judged against its
        // spacings, as if it were the column's tail; those not far beyond it belong to it (American Samoa
        // beyond the Pacific islands).
        if (population !== undefined) {
          const far = blocks.findIndex((b) => !farBeyond(b.values.at(-1) ?? NaN, population, ctx.median));
          if (far >= 0) blocks.length = far;
        }
        break;
      }
      blocks.push(block);
      skip += block.values.length;
      rows += block.rows;
    }
    // Then heaps, each with the few values beyond it, peeled as the blocks are (a value pasted into 26 rows beyond
    // another pasted into 30), within MAX_TAIL_SHARE of the column in all.
    const heaps: Block[] = [];
    let skipped = blocks.reduce((k, b) => k + b.values.length, 0) + (unit?.values.length ?? 0);
    let heapRows = 0;
    for (let heap = heapBeyond(ctx, skipped); heap && heapRows + heap.rows <= MAX_TAIL_SHARE * ctx.n && ownedLevel(runs, heap.values, options) < 0; heap = heapBeyond(ctx, skipped)) {
      heaps.push(heap);
      heapRows += heap.rows;
      skipped += heap.values.length;
    }
    // Then heaps among the other far values, which neither test sees (a value pasted into 2% of the rows among
    // ×10–×1000 slips beyond the real maximum), each judged alone.
    // The bound the column's bulk stays within on this side (the value BEYOND_BULK_SHARE of the rows lie beyond).
    const bulk = quantileOfRuns(runs, n, side === 'upper' ? 1 - BEYOND_BULK_SHARE : BEYOND_BULK_SHARE);
    const layered = options.explained ? heapsInLayer(ctx, bulk, [...heaps, ...blocks, ...(unit ? [unit] : [])], options.explained) : [];
    // Then values that are the bulk's own times a power of ten, where far values are far rounder than the bulk — and
    // their rows share nothing else (orders of ten items: their totals are prices times ten, and their quantity says so;
    // totals in kronor and zloty among totals in euros gather in three currencies of seven).
    const slips = decadeSlips(ctx, bulk, [...heaps, ...blocks, ...layered, ...(unit ? [unit] : [])]).filter((b) => !options.explained?.(b.values) && !options.gathered?.(b.values));
    // Each block's values are reported against the column's extreme without any of them.
    const all = [...blocks, ...heaps];
    const extreme = all.at(-1)?.next ?? NaN;
    const flagged = all.reduce((k, b) => k + b.rows, 0);
    for (const b of all) found.push({ tail: side, kind: heaps.includes(b) ? 'heap' : 'gap', values: b.values, rows: flagged, next: extreme, score: b.score, pValue: b.pValue, logScale: b.logScale, ...(b.countFit ? { countFit: b.countFit } : {}) });
    for (const b of layered) found.push({ tail: side, kind: 'heap', values: b.values, rows: b.rows, next: b.next, score: b.score, pValue: b.pValue, logScale: false, amongFarValues: true });
    for (const b of slips) found.push({ tail: side, kind: 'slip', ...b });
    if (unit) found.push({ tail: side, kind: 'unit', ...unit });
  }
  // Then, where the column's body is normal, values farther out than its normal tails reach (errors spread over a
  // range leave no gap between them).
  const flaggedValues = new Set(found.flatMap((f) => f.values));
  for (const far of normalTails(runs, options.alpha, flaggedValues)) {
    found.push({ tail: far.tail, kind: 'normal', values: far.values, rows: far.rows, next: far.next, score: far.deviations, pValue: far.pValue, logScale: far.logScale, normalFit: { median: far.median, sigma: far.sigma, bound: far.bound } });
  }
  return found;
}

/** Rows a block of far values needs before its rows can say it is an episode (see TailTestOptions.episode). */
const MIN_EPISODE_ROWS = 3;

/** Rows a level needs before another column's value can own it (see TailTestOptions.owned). */
const OWNED_MIN_ROWS = 3;
/** Rows a block of values each in fewer rows needs before another column's value can own it as a whole. */
const OWNED_BLOCK_MIN_ROWS = 20;

/** Rows holding one of `values` (distinct values of `runs`). */
function rowsHolding(runs: SortedRuns, values: readonly number[]): number {
  let rows = 0;
  for (const value of values) {
    let [lo, hi] = [0, runs.values.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runs.values[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    if (runs.values[lo] === value) rows += runs.counts[lo];
  }
  return rows;
}

/**
 * The position in `values` (a block's, outermost first) of the outermost value another column's value owns (see
 * TailTestOptions.owned), of those held by OWNED_MIN_ROWS rows or more; −1 where none is.
 */
function ownedLevel(runs: SortedRuns, values: readonly number[], options: TailTestOptions): number {
  if (!options.owned) return -1;
  const level = values.findIndex((value) => rowsHolding(runs, [value]) >= OWNED_MIN_ROWS && options.owned?.([value]));
  // Or the block as a whole, of many rows: an entity's own numbers, each in one row (Berkshire's share prices of
  // 540,000, in the rows of its ticker, where the others' lie below 20,000).
  if (level < 0 && rowsHolding(runs, values) >= OWNED_BLOCK_MIN_ROWS && options.owned([...values])) return 0;
  // Or the block's inner values, from some on, where their rows are all the rows of one value of another column (LPG's
  // prices far below petrol's), the values beyond them judged against them.
  if (level < 0 && options.alone) {
    for (let k = 0; k < values.length; k++) if (rowsHolding(runs, values.slice(k)) >= OWNED_MIN_ROWS && options.alone(values.slice(k))) return k;
  }
  return level;
}

/** How many values the runs hold. */
function countOf(runs: SortedRuns): number {
  let n = 0;
  for (let i = 0; i < runs.counts.length; i++) n += runs.counts[i];
  return n;
}

/** The runs without some of their distinct values. */
export function withoutValues(runs: SortedRuns, drop: readonly number[]): SortedRuns {
  const dropped = new Set(drop);
  const keep: number[] = [];
  for (let i = 0; i < runs.values.length; i++) if (!dropped.has(runs.values[i])) keep.push(i);
  return { values: Float64Array.from(keep, (i) => runs.values[i]), counts: Int32Array.from(keep, (i) => runs.counts[i]) };
}

/**
 * Values of the other sign in a column whose values all have one sign (zeros aside), when they are rare
 * (fewer than a population of the minority sign holds, MINORITY_POPULATION.min of the values; at least one)
 * and at least as far from 0 as the median magnitude of the others: a minus sign lost or added. A value just
 * across 0 (−0.5 among temperatures in °C) is not one.
 */
function signFlips(runs: SortedRuns, n: number): TailOutliers | undefined {
  let negative = 0;
  let positive = 0;
  for (let i = 0; i < runs.values.length; i++) {
    if (runs.values[i] < 0) negative += runs.counts[i];
    else if (runs.values[i] > 0) positive += runs.counts[i];
  }
  const rare = Math.max(1, Math.ceil(MINORITY_POPULATION.min * n) - 1);
  let side: 'upper' | 'lower' | undefined = negative > 0 && negative <= rare && positive >= 20 ? 'lower' : positive > 0 && positive <= rare && negative >= 20 ? 'upper' : undefined;
  // More values of the minority sign than lost signs leave, but few within the majority's bulk (MIRROR_BULK of its
  // magnitudes): those beyond are gross errors whatever their sign (longitudes shifted into a latitude column),
  // left to the tails, and the few within it are lost signs.
  let bound = Infinity;
  if (!side) {
    const minority = negative <= positive ? 'lower' : 'upper';
    const majorityRows = minority === 'lower' ? positive : negative;
    if (majorityRows >= 20) {
      const limit = majorityMagnitude(runs, minority, majorityRows, MIRROR_BULK);
      const within = minorityRowsWithin(runs, minority, limit);
      if (within > 0 && within <= rare) [side, bound] = [minority, limit];
    }
  }
  if (!side) return undefined;
  const median = majorityMagnitude(runs, side, side === 'lower' ? positive : negative, 0.5);
  const d = runs.values.length;
  const values: number[] = [];
  let rows = 0;
  let next = NaN;
  for (let k = 0; k < d; k++) {
    const i = side === 'lower' ? k : d - 1 - k;
    const v = runs.values[i];
    if (side === 'lower' ? v >= 0 : v <= 0) {
      next = v;
      break;
    }
    if (Math.abs(v) >= median && Math.abs(v) <= bound) {
      values.push(v);
      rows += runs.counts[i];
    }
  }
  if (values.length === 0 || (rows > MODE_ROWS && mirrorsNoMajority(runs, side, values))) return undefined;
  return { tail: side, kind: 'sign', values, rows, next, score: median, pValue: NaN, logScale: false };
}

/**
 * The magnitude of the majority sign (the sign other than `side`'s: positive where the minority is the 'lower'
 * tail) below which `share` of its `rows` lie, its values walked from 0 outward (0.5: its median magnitude).
 */
function majorityMagnitude(runs: SortedRuns, side: 'upper' | 'lower', rows: number, share: number): number {
  const d = runs.values.length;
  let seen = 0;
  for (let k = 0; k < d; k++) {
    const i = side === 'lower' ? k : d - 1 - k;
    const v = runs.values[i];
    if (side === 'lower' ? v <= 0 : v >= 0) continue;
    seen += runs.counts[i];
    if (seen >= share * rows) return Math.abs(v);
  }
  return 0;
}

/** Rows of the minority sign (`side`: 'lower' for negative values) whose magnitudes are at most `bound`. */
function minorityRowsWithin(runs: SortedRuns, side: 'upper' | 'lower', bound: number): number {
  let rows = 0;
  for (let i = 0; i < runs.values.length; i++) {
    const v = runs.values[i];
    if ((side === 'lower' ? v < 0 : v > 0) && Math.abs(v) <= bound) rows += runs.counts[i];
  }
  return rows;
}

/** How far (in standard errors) other-sign values' mean rank may stray before they are a population of their own. */
const MIRROR_Z = 5;
/**
 * Other-sign values whose magnitudes rank above this share of the majority's are beyond its bulk: gross errors
 * whatever their sign (another column's values shifted in), left out of the mirror test so that they cannot
 * make the lost signs among them look like a population.
 */
const MIRROR_BULK = 0.95;

/**
 * Whether the other-sign `values` (on `side`) are unlike a random draw of the majority's values with their
 * sign lost: their magnitudes' mean rank among the majority's magnitudes (each rank a share in [0, 1], uniform
 * for lost signs, mean 1/2 and variance 1/12) strays more than `MIRROR_Z` standard errors from 1/2. Longitudes
 * east of 180° in a table of American places (Guam, Palau) all rank among the largest: a population, not lost signs.
 * Values beyond the majority's bulk (`MIRROR_BULK`) are left out; the ranks of the others, shares of the bulk,
 * are uniform again.
 */
function mirrorsNoMajority(runs: SortedRuns, side: 'upper' | 'lower', values: readonly number[]): boolean {
  // The majority's magnitudes, ascending (walked from 0 outward), with the rows below each.
  const magnitudes: number[] = [];
  const rowsBelow: number[] = [];
  const rowsAt: number[] = [];
  let total = 0;
  const d = runs.values.length;
  for (let k = 0; k < d; k++) {
    const i = side === 'upper' ? d - 1 - k : k;
    const v = runs.values[i];
    if (side === 'upper' ? v >= 0 : v <= 0) continue;
    magnitudes.push(Math.abs(v));
    rowsBelow.push(total);
    rowsAt.push(runs.counts[i]);
    total += runs.counts[i];
  }
  if (total === 0) return false;
  const countOfValue = new Map<number, number>();
  for (let i = 0; i < d; i++) countOfValue.set(runs.values[i], runs.counts[i]);
  let sum = 0;
  let rows = 0;
  for (const v of values) {
    const m = Math.abs(v);
    // The first majority magnitude ≥ m; a tie counts half.
    const lo = countSorted(magnitudes, m, true);
    const under = lo < magnitudes.length ? rowsBelow[lo] + (magnitudes[lo] === m ? rowsAt[lo] / 2 : 0) : total;
    if (under > MIRROR_BULK * total) continue;
    const c = countOfValue.get(v) ?? 0;
    sum += (c * under) / (MIRROR_BULK * total);
    rows += c;
  }
  return rows > 0 && meanRankZ(sum, rows) > MIRROR_Z;
}
