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
 * each fold's training rows only. Where the model predicts the label poorly, label errors and its own
 * errors look alike: the result's notes say how well it predicts and how many wrong labels the noise
 * model estimates beside how many it can single out.
 */
import { defaultTrainingConfig } from './defaults';
import { fitClassNoise, fitValueNoise } from './label-noise';
import { encodeDataset, extractDataset, kFoldAssignments, type Dataset } from './prepare';
import { fitRidge, fitSoftmax, predictRidge, predictSoftmax } from './plain-fit';
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

/** Out-of-fold predictions per kept row: a value (regression) or k probabilities. */
function outOfFold(dataset: Dataset, config: TrainingConfig, folds: number, seed: number): Float64Array {
  const n = dataset.rows.length;
  const isRegression = dataset.task === 'regression';
  const k = dataset.classes?.length ?? 1;
  const predicted = new Float64Array(n * k);
  for (const assignment of kFoldAssignments(dataset, Math.min(folds, n), seed)) {
    const prepared = encodeDataset(dataset, assignment, config);
    const d = prepared.inputNames.length;
    const { train, test } = prepared;
    if (isRegression) {
      const w = fitRidge(train.x, train.y, train.rows, d, 1e-4);
      const out = predictRidge(test.x, test.rows, d, w);
      for (let i = 0; i < test.rows; i++) predicted[assignment.test[i]] = out[i] * prepared.targetScale + prepared.targetCenter;
    } else {
      const w = fitSoftmax(train.x, train.y, train.rows, d, k);
      const p = predictSoftmax(test.x, test.rows, d, k, w);
      for (let i = 0; i < test.rows; i++) predicted.set(p.subarray(i * k, (i + 1) * k), assignment.test[i] * k);
    }
  }
  return predicted;
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

export function findSuspectLabels(input: TrainingInput, options: SuspectLabelOptions): SuspectLabelResult {
  const folds = options.folds ?? SUSPECT_DEFAULTS.folds;
  const seed = options.seed ?? SUSPECT_DEFAULTS.seed;
  const minErrorProbability = options.minErrorProbability ?? SUSPECT_DEFAULTS.minErrorProbability;
  const config = { ...defaultTrainingConfig('', options.target), features: options.features ?? [], seed, excludeRows: options.excludeRows, missingFeatures: 'impute' as const, l2: 0 };
  const dataset = extractDataset(input, config);
  const foldConfig = { ...config, validationFraction: 0, testFraction: 1 / folds };
  const predicted = outOfFold(dataset, foldConfig, folds, seed);
  const result = dataset.task === 'regression' ? judgeValues(dataset, predicted, minErrorProbability) : judgeClasses(dataset, predicted, minErrorProbability);
  const flagged = result.suspects.length;
  let note = `${result.note}; ${flagged} flagged (estimated probability of a wrong label above ${minErrorProbability}).`;
  if (flagged < result.estimatedErrors / 2) {
    note += ' The model cannot single out the rest: where it predicts the label poorly, wrong labels and its own errors look alike.';
  }
  const notes = [...dataset.notes, note];
  return { task: dataset.task, rowsUsed: dataset.rows.length, suspects: result.suspects, estimatedErrors: result.estimatedErrors, outOfFold: result.outOfFold, notes };
}
