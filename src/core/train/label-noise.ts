/**
 * Noise models for suspect labels (suspect-labels.ts): given out-of-fold predictions, how many labels are
 * wrong and, per row, the probability that its label is one of them. Both are mixtures fitted by maximum
 * likelihood, so the share of wrong labels comes from the data, not from a fixed cut:
 *
 * - classes (symmetric label noise, as in the noisy-label literature: Angluin & Laird 1988; Natarajan et al.
 *   2013): the given label is the true class with probability 1 − ε, else any other class alike. The model's
 *   out-of-fold probabilities are recalibrated by a temperature T (p^(1/T), renormalized), fitted jointly
 *   with ε; then P(label wrong | x, label a) = (1 − q_a)·ε/(k−1) / ((1 − ε)·q_a + (1 − q_a)·ε/(k−1)).
 * - numbers: a right value lies near the row's prediction (residual ~ Student-t with centre, scale and
 *   degrees of freedom fitted, heavy tails allowed for a model's own misses), a wrong one is unrelated to its
 *   row (drawn from the column's own distribution, estimated by a window density); EM fits ε, centre and
 *   scale, the degrees of freedom are chosen by likelihood.
 */
import { logGamma } from '../quality/tail-outliers';
import { minimizeConvex } from '../shared/golden-section';
import { median } from '../shared/quantile';

export interface NoiseFit {
  /** Estimated share of rows whose label is wrong. */
  noiseRate: number;
  /** Per row: the estimated probability that its label is wrong. */
  errorProbability: Float64Array;
}

export interface ClassNoiseFit extends NoiseFit {
  temperature: number;
}

export interface ValueNoiseFit extends NoiseFit {
  center: number;
  scale: number;
  degreesOfFreedom: number;
}

const TINY = 1e-12;

/** The maximum of a function concave on [lo, hi], within `tolerance`. */
function maximizeConcave(f: (x: number) => number, lo: number, hi: number, tolerance = 1e-5): number {
  return minimizeConvex((x) => -f(x), lo, hi, (width) => width <= tolerance);
}

/** The probability of each row's label under probabilities `p` (n × k) recalibrated by temperature `t`. */
function temperedLabelProbability(p: Float64Array, labels: ArrayLike<number>, k: number, t: number): Float64Array {
  const n = labels.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let own = 0;
    for (let c = 0; c < k; c++) {
      const v = Math.max(p[i * k + c], 1e-300) ** (1 / t);
      sum += v;
      if (c === labels[i]) own = v;
    }
    out[i] = Math.min(1 - TINY, Math.max(TINY, own / sum));
  }
  return out;
}

function classNoiseLogLikelihood(q: Float64Array, noise: number, k: number): number {
  const other = noise / (k - 1);
  let sum = 0;
  for (let i = 0; i < q.length; i++) sum += Math.log((1 - noise) * q[i] + other * (1 - q[i]));
  return sum;
}

/** Temperatures tried (log grid from 1/4 to 4): the likelihood is not concave in T, so a grid, not a search. */
const TEMPERATURES = Array.from({ length: 17 }, (_, i) => 2 ** ((i - 8) / 4));

/**
 * Symmetric label noise fitted to out-of-fold class probabilities `p` (row-major n × k) and the given
 * `labels` (class indices).
 */
export function fitClassNoise(p: Float64Array, labels: ArrayLike<number>, k: number): ClassNoiseFit {
  let best: { temperature: number; noiseRate: number; q: Float64Array; logLikelihood: number } = { temperature: 1, noiseRate: 0, q: new Float64Array(0), logLikelihood: -Infinity };
  const maxNoise = (k - 1) / k;
  for (const temperature of TEMPERATURES) {
    const q = temperedLabelProbability(p, labels, k, temperature);
    const noiseRate = maximizeConcave((e) => classNoiseLogLikelihood(q, e, k), 0, maxNoise);
    const logLikelihood = classNoiseLogLikelihood(q, noiseRate, k);
    if (logLikelihood > best.logLikelihood) best = { temperature, noiseRate, q, logLikelihood };
  }
  const { q, noiseRate } = best;
  const other = noiseRate / (k - 1);
  const errorProbability = q.map((qi) => ((1 - qi) * other) / ((1 - noiseRate) * qi + (1 - qi) * other));
  return { temperature: best.temperature, noiseRate, errorProbability };
}

/**
 * Density of the other rows' values at each value (a wrong value is another row's, or unrelated to any row):
 * the count of other values within a window of half-width h (Silverman's rule, robust version) over 2h·n,
 * plus one value's worth spread uniformly over the range, so a value far from all others still has a density.
 */
function otherValuesDensity(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const quantile = (f: number) => sorted[Math.min(n - 1, Math.floor(f * (n - 1)))];
  let mean = 0;
  for (const v of sorted) mean += v / n;
  let ss = 0;
  for (const v of sorted) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / n);
  const iqr = (quantile(0.75) - quantile(0.25)) / 1.34;
  const spread = iqr > 0 ? Math.min(sd, iqr) : sd;
  const range = Math.max(sorted[n - 1] - sorted[0], TINY);
  const h = Math.max(0.9 * spread * n ** -0.2, range * 1e-9, TINY);
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const others = lowerBound(v + h + h * 1e-9) - lowerBound(v - h) - 1;
    out[i] = (others / (2 * h) + 1 / range) / n;
  }
  return out;
}

/** log of a Student-t density's constant with `df` degrees of freedom (Infinity: normal), scale 1. */
function logStudentConstant(df: number): number {
  return df === Infinity ? -0.5 * Math.log(2 * Math.PI) : logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
}

/** log density of that Student-t at standardized z, without the constant and the scale. */
function logStudentKernel(z: number, df: number): number {
  return df === Infinity ? -0.5 * z * z : -((df + 1) / 2) * Math.log1p((z * z) / df);
}


/** Degrees of freedom tried for the residuals of right values (Infinity: normal). */
const DEGREES_OF_FREEDOM = [1, 2, 4, 8, Infinity];
const EM_ITERATIONS = 200;

/**
 * Wrong-value noise fitted to out-of-fold `residuals` (given − predicted) of the `values` given: EM on
 * the mixture (1 − ε)·Student-t(residual) + ε·density of the column at the value.
 */
export function fitValueNoise(residuals: Float64Array, values: ArrayLike<number>): ValueNoiseFit {
  const n = residuals.length;
  const logDensity = Float64Array.from(otherValuesDensity(values), Math.log);
  const center0 = median(residuals);
  const scale0 = 1.4826 * median(residuals.map((r) => Math.abs(r - center0))) || Math.sqrt(residuals.reduce((s, r) => s + (r - center0) ** 2, 0) / n) || 1;
  let best: ValueNoiseFit = { noiseRate: 0, errorProbability: new Float64Array(n), center: center0, scale: scale0, degreesOfFreedom: Infinity };
  let bestLogLikelihood = -Infinity;
  for (const df of DEGREES_OF_FREEDOM) {
    const constant = logStudentConstant(df);
    let center = center0;
    let scale = scale0;
    let noise = 0.05;
    const post = new Float64Array(n);
    let logLikelihood = -Infinity;
    for (let iteration = 0; iteration < EM_ITERATIONS; iteration++) {
      // E step: responsibilities of the "wrong value" component, and the t-weights of the right ones.
      let total = 0;
      let sumPost = 0;
      let weight = 0;
      let weightedResidual = 0;
      let weightedSquares = 0;
      let rightShare = 0;
      const logRight = Math.log(1 - noise) + constant - Math.log(scale);
      const logWrong = noise > 0 ? Math.log(noise) : -Infinity;
      for (let i = 0; i < n; i++) {
        const z = (residuals[i] - center) / scale;
        const right = logRight + logStudentKernel(z, df);
        const wrong = logWrong + logDensity[i];
        const top = Math.max(right, wrong);
        const logSum = top + Math.log(Math.exp(right - top) + Math.exp(wrong - top));
        total += logSum;
        post[i] = Math.exp(wrong - logSum);
        sumPost += post[i];
        const u = df === Infinity ? 1 : (df + 1) / (df + z * z);
        const w = (1 - post[i]) * u;
        weight += w;
        weightedResidual += w * residuals[i];
        rightShare += 1 - post[i];
      }
      // M step.
      noise = Math.min(0.5, sumPost / n);
      center = weight > 0 ? weightedResidual / weight : center;
      for (let i = 0; i < n; i++) {
        const z = (residuals[i] - center) / scale;
        const u = df === Infinity ? 1 : (df + 1) / (df + z * z);
        weightedSquares += (1 - post[i]) * u * (residuals[i] - center) ** 2;
      }
      scale = Math.max(Math.sqrt(weightedSquares / Math.max(rightShare, TINY)), TINY);
      const converged = Math.abs(total - logLikelihood) < 1e-9 * Math.max(1, Math.abs(total));
      logLikelihood = total;
      if (converged) break;
    }
    if (logLikelihood > bestLogLikelihood) {
      best = { noiseRate: noise, errorProbability: post, center, scale, degreesOfFreedom: df };
      bestLogLikelihood = logLikelihood;
    }
  }
  return best;
}
