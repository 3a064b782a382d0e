/**
 * Default training settings and the picker helpers. The defaults suit standardized inputs (which
 * preparation always produces): Adam at 0.05 moves each standardized weight by at most ~0.05 per step.
 * With early stopping on (patience 5) the learning rate drops 5× after 3 stalled epochs, which takes
 * mini-batch runs to within ~0.3% of the least-squares optimum.
 *
 * Batch size 'auto' (see autoBatchSize): 1,024 rows per step up to 262,144 training rows (files under
 * 1,024 training rows train full-batch for up to 200 epochs; early stopping waits for 250 steps), and
 * for larger training splits the power of two that gives 128–256 steps per epoch, at most 8,192. Why:
 * every TensorFlow.js step costs a fixed ~0.1–0.2 ms of kernel launches (about 17 for linear
 * regression with Adam, see model.ts), which at 1,024 rows is more than the arithmetic itself, while a
 * plain JavaScript loop pays per row only. On 1M × 10 (`npm run bench train`) the wasm backend does
 * ~0.4× the plain loop's rows/s at 1,024 and ~1.0–1.1× at 4,096, with the same final loss: large files
 * still get 128+ steps per epoch, small ones keep the smaller batches that converge in fewer epochs.
 */
import type { TrainingConfig } from './types';

export { describeTargetCandidates, suggestFeatureExclusions } from './candidates';
export type { ExclusionKind, ExclusionOptions, FeatureExclusion, TargetCandidate } from './candidates';

export const DEFAULT_TRAINING: Omit<TrainingConfig, 'path' | 'target'> = {
  features: [],
  task: 'auto',
  optimizer: 'adam',
  learningRate: 0.05,
  epochs: 200,
  batchSize: 'auto',
  l2: 0,
  validationFraction: 0.15,
  testFraction: 0.15,
  seed: 42,
  earlyStoppingPatience: 5,
  missingFeatures: 'impute',
  maxCategories: 20,
  backend: 'auto',
};

export function defaultTrainingConfig(path: string, target: string): TrainingConfig {
  return { path, target, ...DEFAULT_TRAINING, features: [] };
}

/** Rows per step below which 'auto' never goes, and the cap it never exceeds. */
export const AUTO_BATCH_MIN = 1024;
export const AUTO_BATCH_MAX = 8192;
/** 'auto' aims at no more than this many steps per epoch (and at least half as many) for large training splits. */
export const AUTO_STEPS_PER_EPOCH = 256;

/** The 'auto' batch size for `trainRows` training rows: a power of two from 1,024 to 8,192. */
export function autoBatchSize(trainRows: number): number {
  const wanted = Math.max(1, trainRows / AUTO_STEPS_PER_EPOCH);
  const power = 2 ** Math.ceil(Math.log2(wanted));
  return Math.min(AUTO_BATCH_MAX, Math.max(AUTO_BATCH_MIN, power));
}

/** The batch size a run uses on `trainRows` training rows: 'auto' resolved, at least 1, at most the training split. */
export function effectiveBatchSize(batchSize: number | 'auto', trainRows: number): number {
  const size = batchSize === 'auto' ? autoBatchSize(trainRows) : batchSize;
  return Math.max(1, Math.min(size, trainRows));
}

/** How a batch size reads in messages: "auto (4096)" or "512". */
export function describeBatchSize(batchSize: number | 'auto', trainRows?: number): string {
  if (batchSize !== 'auto') return String(batchSize);
  return trainRows === undefined ? 'auto' : `auto (${effectiveBatchSize('auto', trainRows)})`;
}

/** A batch size typed by a person: "auto" or a whole number ≥ 1; undefined otherwise. */
export function parseBatchSize(text: string): number | 'auto' | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'auto') return 'auto';
  const n = Number(t);
  return t !== '' && Number.isInteger(n) && n >= 1 ? n : undefined;
}
