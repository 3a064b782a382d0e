/**
 * The linear models, trained with TensorFlow.js in a custom loop: linear regression (MSE), logistic
 * regression (sigmoid cross-entropy) for binary targets and softmax regression for multiclass ones, with an
 * L2 penalty (l2 · Σw², intercept not penalized) and sgd or adam.
 *
 * Per the measurements in shared/notes/performance.md, per-step overhead (kernel launches, each ~3–20 µs
 * of JavaScript) is what limits tfjs on small models, so the loop keeps it small: the data become tensors
 * once (one tensor per equal-sized batch, batch order reshuffled per epoch); the intercept is folded into
 * the weight matrix (inputs get a column of ones: one variable); a step computes loss and gradient in
 * closed form (Xᵀ·∂loss/∂logits, no autodiff tape, no backward pass) and applies its own Adam/SGD update
 * whose constants are tensors made once (linear regression with Adam: 17 kernels per step, against 29
 * plus the gradient tape through `optimizer.minimize`); the epoch loss is accumulated on the backend and
 * read only for events.
 * Events: 'backend', 'prepared', 'progress' (after the first batch, then ≤ one per `progressIntervalMs`),
 * 'epoch', 'stopped-early', 'diverged'. The caller sends 'done' / 'error' (see run.ts).
 */
import type { Scalar, Tensor, Tensor2D, Variable } from '@tensorflow/tfjs-core';
import { type Tf, type TrainingRuntime, initBackend } from './backend';
import { effectiveBatchSize } from './defaults';
import { classificationMetrics, originalScaleCoefficients, regressionMetrics } from './metrics';
import type { DesignMatrix, PreparedData } from './prepare';
import { seededRandom, shuffleInPlace } from './rng';
import type { OptimizerName, TrainingConfig, TrainingEvent, TrainingResult } from './types';
import { TrainingCancelledError } from '../shared/cancel';

export { TrainingCancelledError };

export class TrainingDivergedError extends Error {
  override name = 'TrainingDivergedError';
}

export interface TrainModelOptions {
  /** An initialized backend; default: initBackend(config.backend ?? 'auto'). */
  runtime?: TrainingRuntime;
  /** Minimum time between 'progress' events inside an epoch (default 100 ms). */
  progressIntervalMs?: number;
  /** Relative improvement the monitored loss must make to reset early-stopping patience (default 1e-4). */
  minRelativeImprovement?: number;
  /**
   * Early stopping waits for this many optimizer steps (default 250): on small data an epoch is one or
   * two steps, and Adam's early overshoot would otherwise look like a plateau.
   */
  minStepsBeforeStopping?: number;
}

/** A standardized-scale loss this many times the starting loss counts as divergence, even if finite. */
const DIVERGENCE_FACTOR = 1e6;
/** Regression predictions kept for the predicted-vs-actual chart. */
const MAX_PREDICTIONS = 2000;

/** Plateau schedule: factor per reduction and the floor, relative to the configured rate. */
const LR_FACTOR = 0.2;
const LR_FLOOR = 0.01;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function divergenceAdvice(config: TrainingConfig, epoch: number, loss: number): string {
  const lower = config.learningRate / 10;
  return (
    `The loss became ${Number.isNaN(loss) ? 'NaN' : Number.isFinite(loss) ? `huge (${loss.toExponential(2)})` : 'infinite'} at epoch ${epoch} ` +
    `with ${config.optimizer} at learning rate ${config.learningRate}. Lower the learning rate (try ${lower}); ` +
    'standardize the inputs (numeric features are standardized here, so look for extreme values or outliers in the features), ' +
    (config.optimizer === 'sgd' ? 'or switch to adam, which is less sensitive to the learning rate.' : 'or add an L2 penalty.')
  );
}

/** Row-major rows × (d + 1): the inputs followed by a 1 for the intercept. */
function withOnes(x: Float32Array, rows: number, d: number): Float32Array {
  const out = new Float32Array(rows * (d + 1));
  for (let i = 0; i < rows; i++) {
    out.set(x.subarray(i * d, (i + 1) * d), i * (d + 1));
    out[i * (d + 1) + d] = 1;
  }
  return out;
}

interface Batch {
  x: Tensor2D;
  y: Tensor2D;
  rows: number;
}

/** Adam's constants, as in tf.train.adam (epsilon: the backend's, 1e-7 in float32). */
const BETA1 = 0.9;
const BETA2 = 0.999;

/**
 * One parameter update from a gradient given as `scale · g` (`scale` a plain number, so the 1/rows of a
 * mean folds into constants made once per batch size instead of an extra kernel per step).
 */
export interface StepOptimizer {
  /** Read and set between steps (the plateau schedule). */
  learningRate: number;
  apply(g: Tensor, scale: number): void;
  dispose(): void;
}

/** The optimizer of a run, updating `w` in place (exported for tests). */
export function createStepOptimizer(tf: Tf, name: OptimizerName, w: Variable, learningRate: number): StepOptimizer {
  return name === 'adam' ? adamOptimizer(tf, w, learningRate) : sgdOptimizer(tf, w, learningRate);
}

/** W ← W − lr · scale · g: two kernels per step. */
function sgdOptimizer(tf: Tf, w: Variable, learningRate: number): StepOptimizer {
  const factors = new Map<number, Scalar>();
  let lr = learningRate;
  const clear = () => {
    for (const t of factors.values()) t.dispose();
    factors.clear();
  };
  return {
    get learningRate() {
      return lr;
    },
    set learningRate(value: number) {
      if (value !== lr) clear();
      lr = value;
    },
    apply(g, scale) {
      let factor = factors.get(scale);
      if (!factor) {
        factor = tf.keep(tf.scalar(lr * scale));
        factors.set(scale, factor);
      }
      const f = factor;
      tf.tidy(() => {
        w.assign(tf.sub(w, tf.mul(g, f)));
      });
    },
    dispose: clear,
  };
}

/**
 * Adam with the same update as tf.train.adam (m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
 * w ← w − lr·m̂/(√v̂ + ε) with bias-corrected m̂, v̂), written as w ← w − lrₜ·m/(√v + εₜ) with
 * lrₜ = lr·√(1−β2ᵗ)/(1−β1ᵗ) and εₜ = ε·√(1−β2ᵗ), which is the same number: the bias corrections are
 * computed in JavaScript instead of by four kernels on accumulator variables. Twelve kernels per step.
 */
function adamOptimizer(tf: Tf, w: Variable, learningRate: number): StepOptimizer {
  const epsilon = tf.backend().epsilon();
  const m = tf.tidy(() => tf.variable(tf.zerosLike(w), false));
  const v = tf.tidy(() => tf.variable(tf.zerosLike(w), false));
  const beta1 = tf.keep(tf.scalar(BETA1));
  const beta2 = tf.keep(tf.scalar(BETA2));
  /** Per gradient scale: (1 − β1)·scale and (1 − β2)·scale². */
  const factors = new Map<number, [Scalar, Scalar]>();
  let step = 0;
  return {
    learningRate,
    apply(g, scale) {
      step++;
      let factor = factors.get(scale);
      if (!factor) {
        factor = [tf.keep(tf.scalar((1 - BETA1) * scale)), tf.keep(tf.scalar((1 - BETA2) * scale * scale))];
        factors.set(scale, factor);
      }
      const [f1, f2] = factor;
      const correction = Math.sqrt(1 - BETA2 ** step);
      const stepSize = (this.learningRate * correction) / (1 - BETA1 ** step);
      tf.tidy(() => {
        m.assign(tf.add(tf.mul(m, beta1), tf.mul(g, f1)));
        v.assign(tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), f2)));
        w.assign(tf.sub(w, tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsilon * correction)), stepSize)));
      });
    },
    dispose() {
      for (const t of [m, v, beta1, beta2, ...[...factors.values()].flat()]) t.dispose();
      factors.clear();
    },
  };
}

/** The sizes a run works with. */
interface ModelShape {
  task: PreparedData['task'];
  /** Inputs. */
  d: number;
  /** Outputs: classes for multiclass, else 1. */
  k: number;
  /** Training rows. */
  n: number;
  batchSize: number;
  /** Rows of each batch tensor (the training rows split into equal-sized batches). */
  batchRows: number;
  /** Standardized-scale loss × lossScale = loss in the target's units (regression), or as is. */
  lossScale: number;
}

function modelShape(prepared: PreparedData, config: TrainingConfig): ModelShape {
  const task = prepared.task;
  const n = prepared.train.rows;
  const batchSize = effectiveBatchSize(config.batchSize, n);
  const batchesPerEpoch = Math.ceil(n / Math.min(batchSize, n));
  return {
    task,
    d: prepared.inputNames.length,
    k: task === 'multiclass-classification' ? (prepared.classes?.length ?? 2) : 1,
    n,
    batchSize,
    batchRows: Math.ceil(n / batchesPerEpoch),
    lossScale: task === 'regression' ? prepared.targetScale * prepared.targetScale : 1,
  };
}

/** Tensors made during a run, disposed together at its end. */
type Own = <T extends Tensor>(t: T) => T;

/** A design matrix as tensors: inputs with a column of ones for the intercept, and labels (one-hot for multiclass). */
function batchOf(tf: Tf, m: DesignMatrix, { d, k }: ModelShape, own: Own): Batch {
  const labels = tf.tidy(() =>
    k === 1 ? tf.tensor2d(m.y, [m.rows, 1]) : (tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(m.y), 'int32'), k), 'float32') as Tensor2D),
  );
  return { x: own(tf.tensor2d(withOnes(m.x, m.rows, d), [m.rows, d + 1])), y: own(labels), rows: m.rows };
}

/**
 * The training rows as batch tensors, made once, one independent tensor per batch (slices of one big
 * tensor can share its buffer, which made every wasm step cost as much as copying the whole training set).
 */
function trainingBatches(tf: Tf, train: DesignMatrix, shape: ModelShape, own: Own): Batch[] {
  const { n, d, batchRows } = shape;
  const batches: Batch[] = [];
  for (let start = 0; start < n; start += batchRows) {
    const rows = Math.min(batchRows, n - start);
    const part: DesignMatrix = {
      rows,
      x: train.x.subarray(start * d, (start + rows) * d),
      y: train.y.subarray(start, start + rows),
      target: train.target.subarray(start, start + rows),
      tableRows: train.tableRows.subarray(start, start + rows),
    };
    batches.push(batchOf(tf, part, shape, own));
  }
  return batches;
}

/**
 * The weights (d rows) and intercept (last row) in one variable: zero weights; the intercept starts at
 * the training prior (log-odds / log class shares) for classification.
 */
function initialWeights(tf: Tf, prepared: PreparedData, { task, d, k, n }: ModelShape): Variable {
  const initialBias = new Float32Array(k);
  if (task !== 'regression') {
    const counts = new Float64Array(Math.max(2, k));
    for (const v of prepared.train.y) counts[v]++;
    if (k === 1) initialBias[0] = Math.log((counts[1] + 0.5) / (counts[0] + 0.5));
    else for (let c = 0; c < k; c++) initialBias[c] = Math.log((counts[c] + 0.5) / (n + 0.5 * k));
  }
  const initial = new Float32Array((d + 1) * k);
  initial.set(initialBias, d * k);
  return tf.tidy(() => tf.variable(tf.tensor2d(initial, [d + 1, k])));
}

/** The loss of the model and its optimizer step on a batch. */
interface LinearModel {
  /** Mean data loss of a batch (standardized scale). */
  dataLoss(batch: Batch): Tensor;
  /** One optimizer step on a batch; returns the batch's summed data loss (before the step). */
  trainStep(batch: Batch): Tensor;
}

/**
 * The summed data loss of a batch and ∂(summed loss)/∂logits up to the factor `gradientFactor`, with the
 * gradient written out instead of taken by autodiff (no tape, no backward pass): mean loss L has
 * ∂L/∂W = (gradientFactor / rows) · Xᵀ·dLogits. Regression: Σ(z − y)², dLogits = z − y (factor 2);
 * logistic: Σ softplus(z) − z·y, dLogits = σ(z) − y; softmax: −Σ y·log softmax(z), dLogits = softmax(z) − y.
 * The L2 penalty l2·Σw² adds 2·l2·W to the gradient of the weight rows (not the intercept row).
 */
function linearModel(tf: Tf, { task, d, k }: ModelShape, W: Variable, l2: number, step: StepOptimizer, own: Own): LinearModel {
  const gradientFactor = task === 'regression' ? 2 : 1;
  const forward = (x: Tensor2D, y: Tensor2D): { lossSum: Tensor; dLogits: Tensor } => {
    const logits = tf.matMul(x, W as Tensor2D);
    if (task === 'regression') {
      const error = tf.sub(logits, y);
      return { lossSum: tf.matMul(error, error, true, false), dLogits: error };
    }
    if (k === 1) {
      return { lossSum: tf.sum(tf.sub(tf.softplus(logits), tf.mul(logits, y))), dLogits: tf.sub(tf.sigmoid(logits), y) };
    }
    const logProbabilities = tf.logSoftmax(logits);
    return { lossSum: tf.neg(tf.sum(tf.mul(y, logProbabilities))), dLogits: tf.sub(tf.exp(logProbabilities), y) };
  };
  const l2Gradient = l2 > 0 ? own(tf.tidy(() => tf.concat([tf.fill([d, k], 2 * l2), tf.zeros([1, k])]))) : undefined;
  const scales = new Map<number, Scalar>();
  const scaleOf = (rows: number): Scalar => {
    let s = scales.get(rows);
    if (!s) {
      s = own(tf.keep(tf.scalar(gradientFactor / rows)));
      scales.set(rows, s);
    }
    return s;
  };
  return {
    dataLoss: (batch) => tf.tidy(() => tf.div(forward(batch.x, batch.y).lossSum, batch.rows)),
    trainStep(batch) {
      const { lossSum, dLogits } = forward(batch.x, batch.y);
      const g = tf.matMul(batch.x, dLogits, true, false);
      if (l2Gradient) step.apply(tf.add(tf.mul(g, scaleOf(batch.rows)), tf.mul(W, l2Gradient)), 1);
      else step.apply(g, gradientFactor / batch.rows);
      return lossSum;
    },
  };
}

const readScalar = async (t: Tensor): Promise<number> => (await t.data())[0];

/** What the epochs of a run leave: the loss per epoch, how many ran and why they stopped. */
interface Fit {
  lossHistory: TrainingResult['lossHistory'];
  epochsRun: number;
  stopReason: TrainingResult['stopReason'];
}

/**
 * The epochs: shuffled batch order per epoch, 'progress' events within long epochs, 'epoch' events,
 * divergence, early stopping on the monitored loss (validation, else training) with the plateau
 * learning-rate schedule; with a validation split and early stopping, the best epoch's weights are kept.
 */
async function fitEpochs(
  tf: Tf,
  run: { model: LinearModel; W: Variable; step: StepOptimizer; batches: Batch[]; validation: Batch | undefined },
  shape: ModelShape,
  config: TrainingConfig,
  onEvent: (event: TrainingEvent) => void,
  signal: AbortSignal | undefined,
  options: TrainModelOptions,
  started: number,
): Promise<Fit> {
  const { model, W, step, batches, validation } = run;
  const { n, lossScale } = shape;
  const minImprovement = options.minRelativeImprovement ?? 1e-4;
  const minSteps = options.minStepsBeforeStopping ?? 250;
  const plateauSchedule = config.learningRateSchedule !== 'constant' && config.earlyStoppingPatience > 0;
  const reduceAfter = Math.max(1, Math.ceil(config.earlyStoppingPatience / 2));
  const initialLoss = await readScalarOnce(model.dataLoss(batches[0]));
  const random = seededRandom(config.seed + 1);
  const order = Int32Array.from({ length: batches.length }, (_, i) => i);
  const lossHistory: TrainingResult['lossHistory'] = [];
  // `best`: the lowest monitored loss (its weights are kept when early stopping is on and there is a
  // validation split); `reference`: the last loss that improved by at least minImprovement (patience).
  let best = Infinity;
  let bestEpoch = 0;
  let bestWeights: Tensor | undefined;
  let reference = Infinity;
  let sinceBest = 0;
  const keepBest = validation !== undefined && config.earlyStoppingPatience > 0;
  let epochsRun = 0;
  let stopReason: TrainingResult['stopReason'] = 'epochs';
  const pacing: Pacing = { lastYield: performance.now(), lastProgress: -Infinity, progressInterval: options.progressIntervalMs ?? 100, lossScale, onEvent, signal };

  const diverge = (epoch: number, loss: number): never => {
    const advice = divergenceAdvice(config, epoch, loss);
    onEvent({ type: 'diverged', epoch, advice });
    throw new TrainingDivergedError(`Training diverged at epoch ${epoch}. ${advice}`);
  };
  const isDiverged = (standardizedLoss: number) =>
    !Number.isFinite(standardizedLoss) || standardizedLoss > DIVERGENCE_FACTOR * Math.max(initialLoss, 1e-3);

  try {
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      if (batches.length > 1) shuffleInPlace(order, random);
      const trainStd = (await readScalarOnce(await trainEpoch(tf, model, batches, order, epoch, pacing, isDiverged, diverge))) / n;
      epochsRun = epoch;
      if (isDiverged(trainStd)) diverge(epoch, trainStd * lossScale);
      let validationLoss: number | null = null;
      if (validation) {
        const vs = await readScalarOnce(model.dataLoss(validation));
        if (!Number.isFinite(vs)) diverge(epoch, vs);
        validationLoss = vs * lossScale;
      }
      const trainLoss = trainStd * lossScale;
      const learningRate = step.learningRate;
      lossHistory.push({ epoch, trainLoss, validationLoss });
      onEvent({ type: 'epoch', epoch, trainLoss, validationLoss, elapsedMs: performance.now() - started, learningRate });

      const monitored = validationLoss ?? trainLoss;
      if (monitored < best) {
        best = monitored;
        bestEpoch = epoch;
        if (keepBest) {
          bestWeights?.dispose();
          bestWeights = tf.clone(W);
        }
      }
      if (monitored < reference * (1 - minImprovement)) {
        reference = monitored;
        sinceBest = 0;
      } else {
        sinceBest++;
        const steps = epoch * batches.length;
        if (config.earlyStoppingPatience > 0 && sinceBest >= config.earlyStoppingPatience && steps >= minSteps && epoch < config.epochs) {
          stopReason = 'early-stopping';
          onEvent({
            type: 'stopped-early',
            epoch,
            reason:
              `${validation ? 'validation' : 'training'} loss has not improved for ${config.earlyStoppingPatience} epochs ` +
              `(best ${best.toPrecision(4)} at epoch ${bestEpoch}${keepBest ? '; keeping those weights' : ''})`,
          });
          break;
        }
        if (plateauSchedule && steps >= minSteps && sinceBest % reduceAfter === 0 && learningRate > config.learningRate * LR_FLOOR * 1.0001) {
          step.learningRate = Math.max(config.learningRate * LR_FLOOR, learningRate * LR_FACTOR);
        }
      }
      await yieldToEventLoop();
      pacing.lastYield = performance.now();
      if (signal?.aborted) throw new TrainingCancelledError();
    }
    if (bestWeights) W.assign(bestWeights);
  } finally {
    bestWeights?.dispose();
  }
  return { lossHistory, epochsRun, stopReason };
}

/** When a run last sent 'progress' and yielded to the event loop, and what it needs to do so. */
interface Pacing {
  lastYield: number;
  lastProgress: number;
  progressInterval: number;
  lossScale: number;
  onEvent: (event: TrainingEvent) => void;
  signal: AbortSignal | undefined;
}

/**
 * One epoch: a step per batch in `order`; within the epoch, 'progress' events (the first after the first
 * batch) and yields to the event loop (checking for cancellation). Returns the epoch's summed loss, kept on
 * the backend (read only for events).
 */
async function trainEpoch(
  tf: Tf,
  model: LinearModel,
  batches: Batch[],
  order: Int32Array,
  epoch: number,
  pacing: Pacing,
  isDiverged: (standardizedLoss: number) => boolean,
  diverge: (epoch: number, loss: number) => never,
): Promise<Tensor> {
  let sum: Tensor = tf.scalar(0);
  let rowsSoFar = 0;
  for (let i = 0; i < order.length; i++) {
    const batch = batches[order[i]];
    const previous = sum;
    sum = tf.tidy(() => tf.add(previous, model.trainStep(batch)));
    previous.dispose();
    rowsSoFar += batch.rows;
    if (batches.length > 1 && i < order.length - 1) {
      const now = performance.now();
      // The first progress event goes out after the first batch: the first point on the chart
      // does not wait for a whole epoch of a large file.
      if (now - pacing.lastProgress >= pacing.progressInterval) {
        pacing.lastProgress = now;
        const running = (await readScalar(sum)) / rowsSoFar;
        if (isDiverged(running)) {
          sum.dispose();
          diverge(epoch, running * pacing.lossScale);
        }
        pacing.onEvent({ type: 'progress', epoch, batch: i + 1, batchesPerEpoch: batches.length, trainLoss: running * pacing.lossScale });
      }
      if (now - pacing.lastYield >= 50) {
        await yieldToEventLoop();
        pacing.lastYield = performance.now();
        if (pacing.signal?.aborted) {
          sum.dispose();
          throw new TrainingCancelledError();
        }
      }
    }
  }
  return sum;
}

/** Reads a scalar tensor and disposes it. */
async function readScalarOnce(t: Tensor): Promise<number> {
  const value = await readScalar(t);
  t.dispose();
  return value;
}

/** Metrics (and regression predictions) on the held-out split: test, else validation, else the training data. */
function evaluate(prepared: PreparedData, weights: ArrayLike<number>, bias: ArrayLike<number>, { task, d, k }: ModelShape): Pick<TrainingResult, 'metricsSplit' | 'metrics' | 'predictions'> {
  const split: TrainingResult['metricsSplit'] = prepared.test.rows > 0 ? 'test' : prepared.validation.rows > 0 ? 'validation' : 'train';
  const evaluation = split === 'test' ? prepared.test : split === 'validation' ? prepared.validation : prepared.train;
  const outputs = predictLogits(evaluation, weights, bias, d, k);
  if (task === 'regression') {
    const predicted = new Float64Array(evaluation.rows);
    for (let i = 0; i < evaluation.rows; i++) predicted[i] = prepared.targetCenter + prepared.targetScale * outputs[i];
    const predictions: TrainingResult['predictions'] = [];
    for (let i = 0; i < Math.min(MAX_PREDICTIONS, evaluation.rows); i++) predictions.push({ actual: evaluation.target[i], predicted: predicted[i] });
    return { metricsSplit: split, metrics: regressionMetrics(evaluation.target, predicted), predictions };
  }
  const classes = prepared.classes ?? ['0', '1'];
  const predicted = new Int32Array(evaluation.rows);
  const actual = Int32Array.from(evaluation.target);
  if (k === 1) {
    const scores = new Float64Array(evaluation.rows);
    for (let i = 0; i < evaluation.rows; i++) {
      scores[i] = 1 / (1 + Math.exp(-outputs[i]));
      predicted[i] = outputs[i] >= 0 ? 1 : 0;
    }
    return { metricsSplit: split, metrics: classificationMetrics(actual, predicted, classes, scores) };
  }
  for (let i = 0; i < evaluation.rows; i++) {
    let arg = 0;
    for (let c = 1; c < k; c++) if (outputs[i * k + c] > outputs[i * k + arg]) arg = c;
    predicted[i] = arg;
  }
  return { metricsSplit: split, metrics: classificationMetrics(actual, predicted, classes) };
}

/**
 * Trains the linear model of `prepared`: the data become tensors once, the epochs run (fitEpochs), and
 * the model is evaluated on the held-out split with its coefficients on the original feature scale.
 */
export async function trainModel(
  prepared: PreparedData,
  config: TrainingConfig,
  onEvent: (event: TrainingEvent) => void,
  signal?: AbortSignal,
  options: TrainModelOptions = {},
): Promise<TrainingResult> {
  const started = performance.now();
  if (signal?.aborted) throw new TrainingCancelledError();
  const runtime = options.runtime ?? (await initBackend(config.backend ?? 'auto'));
  const { tf } = runtime;
  onEvent({ type: 'backend', backend: runtime.backend, detail: runtime.detail });
  onEvent({ type: 'prepared', summary: prepared.summary });

  const shape = modelShape(prepared, config);
  const owned: Tensor[] = [];
  const own: Own = (t) => {
    owned.push(t);
    return t;
  };
  let step: StepOptimizer | undefined;
  try {
    const batches = trainingBatches(tf, prepared.train, shape, own);
    const validation = prepared.validation.rows > 0 ? batchOf(tf, prepared.validation, shape, own) : undefined;
    const W = own(initialWeights(tf, prepared, shape));
    step = createStepOptimizer(tf, config.optimizer, W, config.learningRate);
    const model = linearModel(tf, shape, W, config.l2, step, own);
    const fit = await fitEpochs(tf, { model, W, step, batches, validation }, shape, config, onEvent, signal, options, started);

    const all = await W.data();
    const { d, k } = shape;
    const weights = all.subarray(0, d * k);
    const bias = all.subarray(d * k);
    const { metricsSplit, metrics, predictions } = evaluate(prepared, weights, bias, shape);
    const coefficients = originalScaleCoefficients({
      task: shape.task,
      inputNames: prepared.inputNames,
      classes: prepared.classes,
      weights,
      bias,
      center: prepared.center,
      scale: prepared.scale,
      targetCenter: prepared.targetCenter,
      targetScale: prepared.targetScale,
    });
    const result: TrainingResult = {
      backend: runtime.backend,
      backendDetail: runtime.detail,
      task: shape.task,
      epochsRun: fit.epochsRun,
      metricsSplit,
      metrics,
      coefficients,
      lossHistory: fit.lossHistory,
      elapsedMs: performance.now() - started,
      preparation: prepared.summary,
      stopReason: fit.stopReason,
      batchSize: shape.batchSize,
    };
    if (predictions) result.predictions = predictions;
    return result;
  } finally {
    step?.dispose();
    for (const t of owned) if (!t.isDisposed) t.dispose();
  }
}

/** Logits (row-major rows × k) of a design matrix, in double precision. */
export function predictLogits(m: DesignMatrix, weights: ArrayLike<number>, bias: ArrayLike<number>, d: number, k: number): Float64Array {
  const out = new Float64Array(m.rows * k);
  for (let i = 0; i < m.rows; i++) {
    const base = i * d;
    for (let c = 0; c < k; c++) {
      let z = bias[c];
      for (let j = 0; j < d; j++) z += m.x[base + j] * weights[j * k + c];
      out[i * k + c] = z;
    }
  }
  return out;
}
