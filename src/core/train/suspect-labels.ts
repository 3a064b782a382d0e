/**
 * Rows whose label looks wrong, from k-fold out-of-fold predictions of a linear model (every row is
 * predicted by a model that never saw it):
 * - classification (after confident learning, Northcutt et al. 2021): each class's typical self-confidence
 *   is the mean predicted probability of that class over the rows labelled with it; a row is suspect when
 *   its label's probability is far below that (under `confidenceShare` of it, default one half) and another
 *   class is more probable (the suggestion);
 * - regression: the out-of-fold residual is far from the residuals' median, in robust standard deviations
 *   (MAD · 1.4826) — `threshold` of them.
 * Features are prepared as for training (prepare.ts: imputation, standardization, one-hot), statistics from
 * each fold's training rows only.
 */
import { defaultTrainingConfig } from './defaults';
import { encodeDataset, extractDataset, kFoldAssignments, type TrainingInput } from './prepare';
import { fitRidge, fitSoftmax, predictRidge, predictSoftmax } from './plain-fit';
import type { TaskKind } from './types';

export interface SuspectLabelOptions {
  target: string;
  /** Feature columns; empty or absent: every usable column but the target (as training picks them). */
  features?: string[];
  folds?: number;
  seed?: number;
  /** Regression: robust standard deviations of the residual beyond which a row is suspect. */
  threshold?: number;
  /** Classification: a label is suspect when its probability is below this share of its class's typical self-confidence. */
  confidenceShare?: number;
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
  /** Classification: probability of the given label; regression: the standardized residual. */
  score: number;
  /** Classification: probability of the predicted class, and the given class's typical self-confidence. */
  predictedProbability?: number;
  typicalConfidence?: number;
}

export interface SuspectLabelResult {
  task: TaskKind;
  rowsUsed: number;
  suspects: SuspectLabel[];
  notes: string[];
}

export const SUSPECT_DEFAULTS = { folds: 5, seed: 1, threshold: 4, confidenceShare: 0.5 } as const;

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function findSuspectLabels(input: TrainingInput, options: SuspectLabelOptions): SuspectLabelResult {
  const folds = options.folds ?? SUSPECT_DEFAULTS.folds;
  const seed = options.seed ?? SUSPECT_DEFAULTS.seed;
  const config = { ...defaultTrainingConfig('', options.target), features: options.features ?? [], seed, excludeRows: options.excludeRows, missingFeatures: 'impute' as const, l2: 0 };
  const dataset = extractDataset(input, config);
  const n = dataset.rows.length;
  const foldConfig = { ...config, validationFraction: 0, testFraction: 1 / folds };
  const isRegression = dataset.task === 'regression';
  const k = dataset.classes?.length ?? 1;
  // Out-of-fold predictions per kept row (index into dataset.rows): a value, or k probabilities.
  const predicted = new Float64Array(n * (isRegression ? 1 : k));
  const positionOf = new Map<number, number>();
  dataset.rows.forEach((tableRow, i) => positionOf.set(tableRow, i));
  for (const assignment of kFoldAssignments(dataset, Math.min(folds, n), seed)) {
    const prepared = encodeDataset(dataset, assignment, foldConfig);
    const d = prepared.inputNames.length;
    const { train, test } = prepared;
    if (isRegression) {
      const w = fitRidge(train.x, train.y, train.rows, d, 1e-4);
      const out = predictRidge(test.x, test.rows, d, w);
      for (let i = 0; i < test.rows; i++) predicted[positionOf.get(test.tableRows[i])!] = out[i] * prepared.targetScale + prepared.targetCenter;
    } else {
      const w = fitSoftmax(train.x, train.y, train.rows, d, k);
      const p = predictSoftmax(test.x, test.rows, d, k, w);
      for (let i = 0; i < test.rows; i++) predicted.set(p.subarray(i * k, (i + 1) * k), positionOf.get(test.tableRows[i])! * k);
    }
  }
  const suspects: SuspectLabel[] = [];
  if (isRegression) {
    const residuals = new Float64Array(n);
    for (let i = 0; i < n; i++) residuals[i] = dataset.y[i] - predicted[i];
    const center = median(residuals);
    const spread = 1.4826 * median(residuals.map((r) => Math.abs(r - center)));
    const threshold = options.threshold ?? SUSPECT_DEFAULTS.threshold;
    if (spread > 0) {
      for (let i = 0; i < n; i++) {
        const z = (residuals[i] - center) / spread;
        if (Math.abs(z) > threshold) suspects.push({ row: dataset.rows[i], given: dataset.y[i], predicted: predicted[i], score: z });
      }
    }
  } else {
    const classes = dataset.classes!;
    const sums = new Float64Array(k);
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      sums[dataset.y[i]] += predicted[i * k + dataset.y[i]];
      counts[dataset.y[i]]++;
    }
    const typical = sums.map((s, c) => (counts[c] > 0 ? s / counts[c] : 1));
    const p = (i: number, c: number) => predicted[i * k + c];
    const argmax = (i: number) => {
      let best = 0;
      for (let c = 1; c < k; c++) if (p(i, c) > p(i, best)) best = c;
      return best;
    };
    const share = options.confidenceShare ?? SUSPECT_DEFAULTS.confidenceShare;
    for (let i = 0; i < n; i++) {
      const label = dataset.y[i];
      if (p(i, label) >= share * typical[label]) continue;
      // A label the model itself prefers is never suspect.
      const best = argmax(i);
      if (best === label) continue;
      suspects.push({
        row: dataset.rows[i],
        given: classes[label],
        predicted: classes[best],
        score: p(i, label),
        predictedProbability: p(i, best),
        typicalConfidence: typical[label],
      });
    }
  }
  return { task: dataset.task, rowsUsed: n, suspects, notes: dataset.notes };
}
