/**
 * Default training settings and the picker helpers. The defaults suit standardized inputs (which
 * preparation always produces): Adam at 0.05 moves each standardized weight by at most ~0.05 per step;
 * batches of 1,024 keep TensorFlow.js's per-step overhead small (see shared/notes/performance.md: on
 * 1M × 10 the wasm backend does ~3M rows/s at 1,024 against ~0.6M at 256) while large files still get
 * hundreds of steps per epoch; files under ~1,000 training rows train full-batch for up to 200 epochs
 * (early stopping waits for 250 steps). With early stopping on (patience 5) the learning rate drops 5×
 * after 3 stalled epochs, which takes mini-batch runs to within ~0.3% of the least-squares optimum.
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
  batchSize: 1024,
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
