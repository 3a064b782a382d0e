/**
 * Values far out in a column whose body is normal (docs/rules/outlier.md, kind `normal`).
 *
 * The gap test of tail-outliers asks whether a column's extreme values lie beyond a gap in its tail; errors
 * spread over a range (a test score on another scale: 1,707 to 1,945 among scores up to 1,544) leave no gap
 * between them, and as a block of many rows they look like a second population. Where the column's body is
 * normal — its 1st, 5th, 95th and 99th percentiles lie where a normal distribution's do, in units of the
 * spread its quartiles give — its tails are known too: n normal values reach z standard deviations from the
 * median with a chance under n·φ(z)/z (Mills' ratio, an upper bound). Heavy-tailed, skewed, bounded or
 * zero-inflated columns fail the body's test on the raw scale; log-normal ones pass it on the log scale,
 * where their natural tails are normal ones.
 */
import type { SortedRuns } from './column-values';
import { countSorted } from '../shared/count-sorted';

/** Percentiles whose place, in standard deviations from the median, tells a normal body: p and the standard normal's quantile. */
const BODY_PERCENTILES: readonly { p: number; z: number }[] = [
  { p: 0.01, z: -2.3263 },
  { p: 0.05, z: -1.6449 },
  { p: 0.95, z: 1.6449 },
  { p: 0.99, z: 2.3263 },
];
/**
 * How far (as a share of the normal's distance) each percentile may lie from the normal's place: 2.5 times the
 * error of a sample's 99th percentile (about 1.6/√n of it: 3% at 3,000 values), from 3% to 8%. Tails a little
 * heavier than normal show here (Student's t with 20 degrees of freedom puts its 99th percentile 7% further out,
 * with 10 degrees 14%): they pass only in a small sample, whose bound they reach by a chance of about 1%.
 */
const BODY_TOLERANCE = { perRootN: 4, min: 0.03, max: 0.08 };
/** The spread of a normal distribution's quartiles in standard deviations (σ = IQR / 1.349). */
const NORMAL_IQR = 1.349;
/** Fewer values, or fewer distinct ones, tell no body's shape. */
const MIN_VALUES = 200;
const MIN_DISTINCT = 30;
/** The data's resolution must be this fine against σ (integers of a narrow range are no normal body). */
const MAX_STEP_SIGMAS = 0.1;
/**
 * The part of the column's false-alarm level this test spends (over two sides and two scales): the gap test
 * has the rest. A clean normal column of 3,000 values is flagged beyond 5.2 σ.
 */
const ALPHA_SHARE = 0.1;
/** At most this share of the column is flagged on a side (more far values break the body's test anyway). */
const MAX_SHARE = 0.01;

export interface NormalTailOutlier {
  tail: 'upper' | 'lower';
  /** Flagged distinct values, most extreme first. */
  values: number[];
  /** Rows holding them. */
  rows: number;
  /** The most extreme value on that side not flagged. */
  next: number;
  /** The column's median and σ (from its quartiles), on the scale tested. */
  median: number;
  sigma: number;
  /** Standard deviations from the median of the least extreme flagged value, and the bound it passes. */
  deviations: number;
  bound: number;
  /** Upper bound on the chance that a clean column of this many values reaches so far (before correction). */
  pValue: number;
  logScale: boolean;
}

const standardDensity = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** Upper bound on the chance that one of `n` normal values lies `z` or more σ out on one side. */
function chanceBeyond(z: number, n: number): number {
  return z > 0 ? Math.min(1, (n * standardDensity(z)) / z) : 1;
}

/** Whether the body of `n` values given by `at` (a percentile on the scale tested) is normal around `median` with spread `sigma`. */
function normalBody(at: (p: number) => number, median: number, sigma: number, n: number): boolean {
  const tolerance = Math.min(BODY_TOLERANCE.max, Math.max(BODY_TOLERANCE.min, BODY_TOLERANCE.perRootN / Math.sqrt(n)));
  return BODY_PERCENTILES.every(({ p, z }) => Math.abs((at(p) - median) / (z * sigma) - 1) <= tolerance);
}

/**
 * The values of `runs` (sorted distinct values with counts) beyond what a normal body lets `n` values reach,
 * leaving out `flagged` values (found by other tests) from both the result and `next`; empty when the body is not
 * normal on the raw scale nor, for positive columns, on the log scale. The body is the values within the bound
 * (the median and σ come from the quartiles, which a few far values hardly move; the 99th percentile of all the
 * values would be moved by 0.4% of them out as far as the 99.4th).
 */
export function normalTails(runs: SortedRuns, alpha: number, flagged: ReadonlySet<number>): NormalTailOutlier[] {
  let n = 0;
  for (let i = 0; i < runs.counts.length; i++) n += runs.counts[i];
  const d = runs.values.length;
  if (n < MIN_VALUES || d < MIN_DISTINCT) return [];
  let step = Infinity;
  for (let i = 1; i < d; i++) step = Math.min(step, runs.values[i] - runs.values[i - 1]);
  // Rows up to each distinct value: a quantile is a binary search (the columns read here hold up to a value per row).
  const cumulative = new Float64Array(d);
  for (let i = 0, seen = 0; i < d; i++) cumulative[i] = seen += runs.counts[i];
  /** The value at rank `rank` (0-based) of the sorted values. */
  const atRank = (rank: number) => runs.values[Math.min(d - 1, countSorted(cumulative, rank, false))];
  const quantile = (p: number) => atRank(Math.floor(p * (n - 1)));
  const scales: { logScale: boolean; of: (v: number) => number }[] = [{ logScale: false, of: (v) => v }];
  if (runs.values[0] > 0) scales.push({ logScale: true, of: Math.log });
  const level = (ALPHA_SHARE * alpha) / (2 * scales.length);
  let bound = 3;
  while (chanceBeyond(bound, n) > level) bound += 0.01;
  for (const { logScale, of } of scales) {
    const median = of(quantile(0.5));
    const sigma = (of(quantile(0.75)) - of(quantile(0.25))) / NORMAL_IQR;
    if (!(sigma > 0)) continue;
    // On the log scale the step is that of the smallest values, where the logarithm spreads them most.
    const stepThere = logScale ? Math.log(runs.values[0] + step) - Math.log(runs.values[0]) : step;
    if (stepThere > MAX_STEP_SIGMAS * sigma) continue;
    const deviation = (i: number) => (of(runs.values[i]) - median) / sigma;
    // Rows beyond the bound on each side: left out of the body.
    let below = 0;
    let above = 0;
    for (let i = 0; i < d && deviation(i) <= -bound; i++) below += runs.counts[i];
    for (let i = d - 1; i >= 0 && deviation(i) >= bound; i--) above += runs.counts[i];
    const body = n - below - above;
    if (below > MAX_SHARE * n || above > MAX_SHARE * n) continue;
    const bodyQuantile = (p: number) => of(atRank(below + Math.floor(p * (body - 1))));
    if (!normalBody(bodyQuantile, median, sigma, body)) continue;
    const found: NormalTailOutlier[] = [];
    for (const tail of ['upper', 'lower'] as const) {
      const direction = tail === 'upper' ? 1 : -1;
      const values: number[] = [];
      let rows = 0;
      let next = NaN;
      let deviations = Infinity;
      for (let k = 0; k < d; k++) {
        const i = tail === 'upper' ? d - 1 - k : k;
        const z = direction * deviation(i);
        if (flagged.has(runs.values[i])) continue;
        if (z < bound) {
          next = runs.values[i];
          break;
        }
        values.push(runs.values[i]);
        rows += runs.counts[i];
        deviations = z;
      }
      if (values.length > 0) found.push({ tail, values, rows, next, median, sigma, deviations, bound, pValue: chanceBeyond(deviations, n), logScale });
    }
    return found;
  }
  return [];
}
