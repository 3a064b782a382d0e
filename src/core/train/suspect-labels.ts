/**
 * Rows whose label looks wrong, from k-fold out-of-fold predictions of a linear model (every row is
 * predicted by a model that never saw it) and a noise model fitted to them (label-noise.ts):
 * - classification: softmax/logistic out-of-fold probabilities, recalibrated by a temperature fitted with
 *   the share of wrong labels (symmetric label noise) by maximum likelihood;
 * - regression: least-squares out-of-fold residuals in a mixture of "right values near the prediction"
 *   (Student-t) and "wrong values unrelated to their row" (the column's own distribution).
 * A row is suspect when the probability that its label is wrong exceeds `minErrorProbability` — and, for
 * classes, another class is more probable (the suggestion). The share of wrong labels comes from the data,
 * so a clean file gets few or no suspects. The default bar, ½ (more likely wrong than right), was measured
 * against 0.8: on the bench's weak tables 0.8 is more precise (car origin, weather: 0.97 and 0.98 against
 * 0.91 and 0.83) but finds fewer, and on penguins over 30 seeds it lowers recall from 0.97 to 0.92 (one
 * seed 0.52 against at least 0.87); so ½, with 0.8 for users who want fewer, surer findings. Raising the
 * bar only where the model looks weak was worse than either. Training again without the suspects and
 * judging again, as confident learning does, was measured too: no better on the bench's tables, worse on
 * penguins, at twice the cost.
 *
 * Features are prepared as for training (prepare.ts: imputation, standardization, one-hot), statistics from
 * each fold's training rows only. Two linear models are fitted per fold: on the features as they are, and
 * with hinges at each numeric feature's quintiles (hinge-basis.ts: an additive model that bends); the one
 * whose out-of-fold predictions fit the given labels better (held-out likelihood) is judged. Measured on the
 * bench's tables (5 seeds, precision / recall / out-of-fold accuracy, straight only → chosen): car origin
 * 0.91 / 0.38 / 0.71 → 0.92 / 0.42 / 0.75, weather 0.83 / 0.29 / 0.74 → 0.96 / 0.28 / 0.75, house prices
 * 0.36 / 0.35 / R² 0.65 → 0.41 / 0.34 / R² 0.73; penguins keeps the straight model (1.00 / 1.00). A
 * k-nearest-neighbour model averaged in was measured too: a little better on car origin, much less precise
 * on weather (0.53 against 0.83) and occupation, so not kept. Where the model predicts the label poorly, label errors and its own
 * errors look alike: the result's notes say how well it predicts and how many wrong labels the noise
 * model estimates beside how many it can single out.
 */
import { defaultTrainingConfig } from './defaults';
import { fitClassNoise, fitValueNoise } from './label-noise';
import { encodeDataset, extractDataset, kFoldAssignments, type Dataset } from './prepare';
import { fitRidge, fitSoftmax, predictRidge, predictSoftmax } from './plain-fit';
import { DEFAULT_KNOTS, expandHinges, learnHingeBasis } from './hinge-basis';
import type { TaskKind, TrainingConfig } from './types';
import type { TrainingInput } from './columns';

export interface SuspectLabelOptions {
  target: string;
  /** Feature columns; empty or absent: every usable column but the target (as training picks them). */
  features?: string[];
  folds?: number;
  seed?: number;
  /** A row is suspect when the estimated probability that its label is wrong exceeds this. */
  minErrorProbability?: number;
  /** Data rows (0-based) to leave out. */
  excludeRows?: number[];
}

export interface SuspectLabel {
  /** 0-based table row. */
  row: number;
  /** The label as given (class name, or the number for regression). */
  given: string | number;
  /** What the model predicts out of fold. */
  predicted: string | number;
  /** Classification: probability of the given label; regression: the residual in scales of the right values' residuals. */
  score: number;
  /** Estimated probability that the label is wrong (the noise model's posterior). */
  errorProbability: number;
  /** Classification: probability of the predicted class, and the given class's typical self-confidence. */
  predictedProbability?: number;
  typicalConfidence?: number;
}

/** How well the out-of-fold model predicts the given labels: accuracy (classes) or R² (numbers). */
export interface OutOfFoldFit {
  metric: 'accuracy' | 'r2';
  value: number;
}

export interface SuspectLabelResult {
  task: TaskKind;
  rowsUsed: number;
  suspects: SuspectLabel[];
  /** Rows the noise model estimates to be wrong (its noise rate × rows used); more than the suspects where the model cannot single them out. */
  estimatedErrors: number;
  outOfFold: OutOfFoldFit;
  notes: string[];
}

export const SUSPECT_DEFAULTS = { folds: 5, seed: 1, minErrorProbability: 0.5 } as const;

/**
 * L2 penalty of the out-of-fold fits (per row, on standardized inputs and their hinges): enough to keep
 * the hinges of a small table from chasing single rows, small beside the data term of any table.
 */
const L2 = 1e-3;

/**
 * Training rows per fold at most (a seeded random sample of the fold's training rows beyond that): a linear
 * model of a few dozen inputs is estimated about as well from them as from more, and the time of a check
 * stops growing with the file, beside one pass to encode and predict every row.
 */
export const MAX_TRAINING_ROWS = 5000;

/** Knots per continuous input of the bent model (hinge-basis.ts); the straight model has none. */
const KNOTS = { straight: 0, bent: DEFAULT_KNOTS } as const;
type Shape = keyof typeof KNOTS;

/**
 * Out-of-fold predictions per kept row, one array per entry of `knots` (the hinge basis's knots per
 * continuous input; 0: the inputs as they are): a value (regression) or k probabilities. Each fold is
 * encoded once for all of them.
 */
function outOfFold(dataset: Dataset, config: TrainingConfig, folds: number, seed: number, knots: readonly number[]): Float64Array[] {
  const n = dataset.rows.length;
  const isRegression = dataset.task === 'regression';
  const k = dataset.classes?.length ?? 1;
  const predicted = knots.map(() => new Float64Array(n * k));
  for (const fold of kFoldAssignments(dataset, Math.min(folds, n), seed)) {
    // The training rows are shuffled: the first ones are a seeded random sample.
    const assignment = { ...fold, train: fold.train.subarray(0, MAX_TRAINING_ROWS) };
    const prepared = encodeDataset(dataset, assignment, config);
    const { train, test } = prepared;
    knots.forEach((count, m) => {
      const basis = learnHingeBasis(train.x, train.rows, prepared.inputNames.length, count);
      const trainX = expandHinges(train.x, train.rows, basis);
      const testX = expandHinges(test.x, test.rows, basis);
      const d = basis.inputs + basis.hinges.length;
      if (isRegression) {
        const out = predictRidge(testX, test.rows, d, fitRidge(trainX, train.y, train.rows, d, L2));
        for (let i = 0; i < test.rows; i++) predicted[m][assignment.test[i]] = out[i] * prepared.targetScale + prepared.targetCenter;
      } else {
        const p = predictSoftmax(testX, test.rows, d, k, fitSoftmax(trainX, train.y, train.rows, d, k, { l2: L2 }));
        for (let i = 0; i < test.rows; i++) predicted[m].set(p.subarray(i * k, (i + 1) * k), assignment.test[i] * k);
      }
    });
  }
  return predicted;
}

/**
 * How well out-of-fold predictions fit the given labels, higher is better: the log-likelihood of the labels
 * (classes), or minus the sum of absolute residuals (numbers: a Laplace likelihood, so the wrong values
 * weigh no more than their distance).
 */
function heldOutFit(dataset: Pick<Dataset, 'task' | 'classes' | 'y'>, predicted: Float64Array): number {
  const n = dataset.y.length;
  let sum = 0;
  if (dataset.task === 'regression') {
    for (let i = 0; i < n; i++) sum -= Math.abs(dataset.y[i] - predicted[i]);
    return sum;
  }
  const k = dataset.classes?.length ?? 1;
  for (let i = 0; i < n; i++) sum += Math.log(Math.max(predicted[i * k + dataset.y[i]], 1e-12));
  return sum;
}

/**
 * The out-of-fold predictions of the straight model (the features as they are) and of the bent one (with
 * hinges at each numeric feature's quintiles), whichever fits the given labels better on the rows it did
 * not see: the bent one follows curved effects, the straight one keeps a small table where they are
 * straight from noise it would fit.
 */
function bestOutOfFold(dataset: Dataset, config: TrainingConfig, folds: number, seed: number): { predicted: Float64Array; shape: Shape } {
  const [straight, bent] = outOfFold(dataset, config, folds, seed, [KNOTS.straight, KNOTS.bent]);
  return heldOutFit(dataset, bent) > heldOutFit(dataset, straight) ? { predicted: bent, shape: 'bent' } : { predicted: straight, shape: 'straight' };
}

interface Judgement {
  suspects: SuspectLabel[];
  estimatedErrors: number;
  outOfFold: OutOfFoldFit;
  note: string;
}

function percent(share: number): string {
  return `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%`;
}

function judgeClasses(dataset: Dataset, p: Float64Array, minErrorProbability: number): Judgement {
  const classes = dataset.classes!;
  const k = classes.length;
  const n = dataset.rows.length;
  const labels = dataset.y;
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  let correct = 0;
  const argmax = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    sums[labels[i]] += p[i * k + labels[i]];
    counts[labels[i]]++;
    let best = 0;
    for (let c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
    argmax[i] = best;
    if (best === labels[i]) correct++;
  }
  const typical = sums.map((s, c) => (counts[c] > 0 ? s / counts[c] : 1));
  const noise = fitClassNoise(p, labels, k);
  const suspects: SuspectLabel[] = [];
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    // A label the model itself prefers is never suspect.
    if (noise.errorProbability[i] <= minErrorProbability || argmax[i] === label) continue;
    suspects.push({
      row: dataset.rows[i],
      given: classes[label],
      predicted: classes[argmax[i]],
      score: p[i * k + label],
      errorProbability: noise.errorProbability[i],
      predictedProbability: p[i * k + argmax[i]],
      typicalConfidence: typical[label],
    });
  }
  const accuracy = correct / n;
  return {
    suspects,
    estimatedErrors: Math.round(noise.noiseRate * n),
    outOfFold: { metric: 'accuracy', value: accuracy },
    note: `Out-of-fold accuracy ${percent(accuracy)}; the noise model estimates ${percent(noise.noiseRate)} of the labels wrong (about ${Math.round(noise.noiseRate * n)} rows)`,
  };
}

function judgeValues(dataset: Dataset, predicted: Float64Array, minErrorProbability: number): Judgement {
  const n = dataset.rows.length;
  const residuals = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    residuals[i] = dataset.y[i] - predicted[i];
    mean += dataset.y[i] / n;
  }
  let ssTotal = 0;
  let ssResidual = 0;
  for (let i = 0; i < n; i++) {
    ssTotal += (dataset.y[i] - mean) ** 2;
    ssResidual += residuals[i] ** 2;
  }
  const noise = fitValueNoise(residuals, dataset.y);
  const suspects: SuspectLabel[] = [];
  for (let i = 0; i < n; i++) {
    if (noise.errorProbability[i] <= minErrorProbability) continue;
    suspects.push({ row: dataset.rows[i], given: dataset.y[i], predicted: predicted[i], score: (residuals[i] - noise.center) / noise.scale, errorProbability: noise.errorProbability[i] });
  }
  const r2 = ssTotal > 0 ? 1 - ssResidual / ssTotal : 0;
  const spread = Math.sqrt(ssTotal / n);
  return {
    suspects,
    estimatedErrors: Math.round(noise.noiseRate * n),
    outOfFold: { metric: 'r2', value: r2 },
    note:
      `Out-of-fold R² ${r2.toFixed(2)}: right values lie within about ${Number(noise.scale.toPrecision(3))} of their prediction (the target's standard deviation is ${Number(spread.toPrecision(3))}), ` +
      `so only wrong values farther off than that can be told apart; the noise model estimates ${percent(noise.noiseRate)} of the values wrong (about ${Math.round(noise.noiseRate * n)} rows)`,
  };
}

/** What the judged out-of-fold model was: its shape, why, and on how many rows each fold trained. */
function describeModel(dataset: Dataset, shape: Shape, folds: number): string {
  const fit = dataset.task === 'regression' ? 'least squares' : 'logistic regression';
  let text =
    shape === 'bent'
      ? `Out-of-fold model: ${fit} with a bend at each numeric feature's quintiles (it fitted the held-out labels better than straight lines).`
      : `Out-of-fold model: ${fit} on the features as they are (it fitted the held-out labels better than one bending at each numeric feature's quintiles).`;
  const trainingRows = dataset.rows.length - Math.floor(dataset.rows.length / Math.min(folds, dataset.rows.length));
  if (trainingRows > MAX_TRAINING_ROWS) text += ` Each fold trained on a random sample of ${MAX_TRAINING_ROWS.toLocaleString('en-US')} of its ${trainingRows.toLocaleString('en-US')} training rows.`;
  return text;
}

export function findSuspectLabels(input: TrainingInput, options: SuspectLabelOptions): SuspectLabelResult {
  const folds = options.folds ?? SUSPECT_DEFAULTS.folds;
  const seed = options.seed ?? SUSPECT_DEFAULTS.seed;
  const minErrorProbability = options.minErrorProbability ?? SUSPECT_DEFAULTS.minErrorProbability;
  const config = { ...defaultTrainingConfig('', options.target), features: options.features ?? [], seed, excludeRows: options.excludeRows, missingFeatures: 'impute' as const, l2: 0 };
  const dataset = extractDataset(input, config);
  const foldConfig = { ...config, validationFraction: 0, testFraction: 1 / folds };
  const { predicted, shape } = bestOutOfFold(dataset, foldConfig, folds, seed);
  const result = dataset.task === 'regression' ? judgeValues(dataset, predicted, minErrorProbability) : judgeClasses(dataset, predicted, minErrorProbability);
  const flagged = result.suspects.length;
  let note = `${result.note}; ${flagged} flagged (estimated probability of a wrong label above ${minErrorProbability}).`;
  if (flagged < result.estimatedErrors / 2) {
    note += ' The model cannot single out the rest: where it predicts the label poorly, wrong labels and its own errors look alike.';
  }
  const notes = [...dataset.notes, describeModel(dataset, shape, folds), note];
  return { task: dataset.task, rowsUsed: dataset.rows.length, suspects: result.suspects, estimatedErrors: result.estimatedErrors, outOfFold: result.outOfFold, notes };
}
