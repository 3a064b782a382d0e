/**
 * Full-batch linear models in double precision, without TensorFlow.js: ridge least squares in closed form
 * and softmax (or logistic) regression by gradient descent. For quick repeated fits on small data, e.g.
 * k-fold out-of-fold predictions (suspect-labels.ts); the trained models of the product use model.ts.
 * Inputs are row-major n × d matrices, already standardized (prepare.ts); an intercept is added here.
 */

/** Solves the symmetric positive-definite system A x = b (A is m × m, row-major) by Cholesky; A and b are overwritten. */
function choleskySolve(a: Float64Array, b: Float64Array, m: number): Float64Array {
  for (let j = 0; j < m; j++) {
    let d = a[j * m + j];
    for (let k = 0; k < j; k++) d -= a[j * m + k] * a[j * m + k];
    if (!(d > 0)) d = 1e-12;
    const l = Math.sqrt(d);
    a[j * m + j] = l;
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j];
      for (let k = 0; k < j; k++) s -= a[i * m + k] * a[j * m + k];
      a[i * m + j] = s / l;
    }
  }
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= a[i * m + k] * y[k];
    y[i] = s / a[i * m + i];
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < m; k++) s -= a[k * m + i] * x[k];
    x[i] = s / a[i * m + i];
  }
  return x;
}

/**
 * Ridge regression: minimizes Σ(y − Xw − b)² / n + l2 · Σw² (intercept not penalized). Returns d weights
 * followed by the intercept.
 */
export function fitRidge(x: ArrayLike<number>, y: ArrayLike<number>, n: number, d: number, l2: number): Float64Array {
  const m = d + 1;
  const a = new Float64Array(m * m);
  const b = new Float64Array(m);
  const row = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = x[i * d + j];
    row[d] = 1;
    const yi = y[i];
    for (let j = 0; j < m; j++) {
      const rj = row[j];
      if (rj === 0) continue;
      b[j] += rj * yi;
      for (let k = 0; k <= j; k++) a[j * m + k] += rj * row[k];
    }
  }
  for (let j = 0; j < m; j++) for (let k = j + 1; k < m; k++) a[j * m + k] = a[k * m + j];
  for (let j = 0; j < d; j++) a[j * m + j] += l2 * n;
  return choleskySolve(a, b, m);
}

/** Predictions X w + b of a ridge model. */
export function predictRidge(x: ArrayLike<number>, n: number, d: number, w: Float64Array): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = w[d];
    for (let j = 0; j < d; j++) z += x[i * d + j] * w[j];
    out[i] = z;
  }
  return out;
}

export interface SoftmaxOptions {
  l2: number;
  iterations: number;
  learningRate: number;
}

const DEFAULT_SOFTMAX: SoftmaxOptions = { l2: 1e-3, iterations: 400, learningRate: 0.1 };

/** Class probabilities (row-major n × k) of a softmax model with weights (d + 1) × k (last row: intercepts). */
export function predictSoftmax(x: ArrayLike<number>, n: number, d: number, k: number, w: Float64Array): Float64Array {
  const p = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const row = i * k;
    for (let c = 0; c < k; c++) p[row + c] = w[d * k + c];
    // Inputs outer, classes inner, zeros skipped (one-hot indicators and hinges are mostly 0): the same sums.
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j];
      if (v === 0) continue;
      for (let c = 0; c < k; c++) p[row + c] += v * w[j * k + c];
    }
    let max = -Infinity;
    for (let c = 0; c < k; c++) if (p[row + c] > max) max = p[row + c];
    let sum = 0;
    for (let c = 0; c < k; c++) sum += p[i * k + c] = Math.exp(p[i * k + c] - max);
    for (let c = 0; c < k; c++) p[i * k + c] /= sum;
  }
  return p;
}

/**
 * Softmax regression (k ≥ 2 classes; for two it is logistic regression) by full-batch gradient descent with
 * Adam on mean cross-entropy + l2 · Σw². Deterministic: starts from zero weights.
 */
export function fitSoftmax(x: ArrayLike<number>, labels: ArrayLike<number>, n: number, d: number, k: number, options: Partial<SoftmaxOptions> = {}): Float64Array {
  const { l2, iterations, learningRate } = { ...DEFAULT_SOFTMAX, ...options };
  const size = (d + 1) * k;
  const w = new Float64Array(size);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const g = new Float64Array(size);
  const errors = new Float64Array(k);
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let t = 1; t <= iterations; t++) {
    g.fill(0);
    const p = predictSoftmax(x, n, d, k, w);
    for (let i = 0; i < n; i++) {
      const label = labels[i];
      for (let c = 0; c < k; c++) {
        const e = (p[i * k + c] - (c === label ? 1 : 0)) / n;
        errors[c] = e;
        g[d * k + c] += e;
      }
      for (let j = 0; j < d; j++) {
        const v = x[i * d + j];
        if (v === 0) continue;
        for (let c = 0; c < k; c++) g[j * k + c] += v * errors[c];
      }
    }
    let norm = 0;
    for (let j = 0; j < d * k; j++) g[j] += 2 * l2 * w[j];
    for (let j = 0; j < size; j++) norm += g[j] * g[j];
    if (norm < 1e-14) break;
    const correction1 = 1 - beta1 ** t;
    const correction2 = 1 - beta2 ** t;
    for (let j = 0; j < size; j++) {
      m[j] = beta1 * m[j] + (1 - beta1) * g[j];
      v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
      w[j] -= (learningRate * (m[j] / correction1)) / (Math.sqrt(v[j] / correction2) + 1e-8);
    }
  }
  return w;
}
