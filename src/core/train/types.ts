/** Training configuration, events and results: plain JSON-safe data shared by the job, CLI and panel. */

/** The tasks a model is trained for: the one list the types, the CLI flags and the job's message schema use. */
export const TASK_KINDS = ['regression', 'binary-classification', 'multiclass-classification'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const OPTIMIZERS = ['adam', 'sgd'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];
/** The TensorFlow.js backends, in the order 'auto' tries them. */
export const BACKENDS = ['tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
/** What happens to a row with a missing feature value. */
export const MISSING_FEATURE_HANDLINGS = ['impute', 'drop'] as const;
export const LEARNING_RATE_SCHEDULES = ['plateau', 'constant'] as const;

export interface TrainingConfig {
  /** Absolute path of the data file. */
  path: string;
  target: string;
  /** Feature column names; empty = all usable columns except the target. */
  features: string[];
  /**
   * 'auto' picks regression for numeric targets, classification for boolean/categorical ones (and for a
   * numeric target holding only 0 and 1); 'classification' picks binary or multiclass by the class count.
   */
  task: TaskKind | 'auto' | 'classification';
  optimizer: OptimizerName;
  learningRate: number;
  epochs: number;
  /**
   * Rows per optimizer step, or 'auto' (the default): 1,024, and for training splits over 262,144 rows
   * the power of two that gives 128–256 steps per epoch, at most 8,192 (autoBatchSize in defaults.ts).
   * Never more than the training split.
   */
  batchSize: number | 'auto';
  l2: number;
  validationFraction: number;
  testFraction: number;
  seed: number;
  /** Stop when validation loss has not improved for this many epochs; 0 disables. */
  earlyStoppingPatience: number;
  /**
   * 'plateau' (default): with early stopping on, the learning rate is divided by 5 whenever the monitored
   * loss has stalled for half the patience (down to 1/100 of the start), which removes the noise floor a
   * constant rate leaves with mini-batches. 'constant': never changed.
   */
  learningRateSchedule?: (typeof LEARNING_RATE_SCHEDULES)[number];
  /** 'drop' rows with a missing feature, or 'impute' (median / most frequent). */
  missingFeatures: (typeof MISSING_FEATURE_HANDLINGS)[number];
  /** One-hot cap per categorical feature; rarer categories go to "other". */
  maxCategories: number;
  /** Optional preferred backend; the job falls back when it is unavailable. */
  backend?: BackendName | 'auto';
  /** Data rows (0-based) to leave out, e.g. those the quality check flagged. */
  excludeRows?: number[];
  /** k-fold cross-validation after the main run (k ≥ 2; absent or < 2 = off): mean ± std of the metrics. */
  crossValidationFolds?: number;
}

export interface PreparationSummary {
  rowsRead: number;
  rowsDroppedMissingTarget: number;
  rowsDroppedMissingFeatures: number;
  rowsExcluded: number;
  trainRows: number;
  validationRows: number;
  testRows: number;
  /** Encoded model inputs, e.g. "price", "color=red". */
  inputNames: string[];
  task: TaskKind;
  classes?: string[];
  notes: string[];
  /** What the loss values are, e.g. "mean squared error (target units²)" or "cross-entropy (nats)". */
  loss?: string;
}

export type TrainingEvent =
  | { type: 'backend'; backend: BackendName; detail: string }
  | { type: 'prepared'; summary: PreparationSummary }
  | { type: 'progress'; epoch: number; batch: number; batchesPerEpoch: number; trainLoss: number }
  | { type: 'epoch'; epoch: number; trainLoss: number; validationLoss: number | null; elapsedMs: number; learningRate?: number }
  | { type: 'diverged'; epoch: number; advice: string }
  | { type: 'stopped-early'; epoch: number; reason: string }
  /**
   * k-fold cross-validation (after the main run): fold `fold` (1-based) of `folds` has started (epoch 0),
   * is training (≤ one event per progress interval), or has ended — then with its held-out metrics.
   */
  | { type: 'fold'; fold: number; folds: number; epoch: number; epochs: number; metrics?: { name: string; value: number }[] }
  | { type: 'done'; result: TrainingResult }
  /** The job's run ended without a result; `cancelled`: it was stopped on request. */
  | { type: 'error'; message: string; cancelled?: boolean };

export interface RegressionMetrics {
  kind: 'regression';
  mse: number;
  rmse: number;
  mae: number;
  r2: number;
}

export interface ClassificationMetrics {
  kind: 'classification';
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** Rows = actual class, columns = predicted class, in `classes` order. */
  confusion: number[][];
  classes: string[];
  /** Binary tasks only. */
  rocAuc?: number;
  roc?: { fpr: number[]; tpr: number[] };
}

export interface Coefficient {
  /** Input name ("price", "color=red", "(intercept)"). */
  name: string;
  /** For multiclass, one entry per class. */
  class?: string;
  /** On the original feature scale. */
  value: number;
}

export interface TrainingResult {
  backend: BackendName;
  task: TaskKind;
  epochsRun: number;
  /**
   * Which split the metrics were computed on: the held-out test split; the validation split when the
   * test fraction is 0; 'train' only when validation and test fractions are both 0.
   */
  metricsSplit: 'test' | 'validation' | 'train';
  metrics: RegressionMetrics | ClassificationMetrics;
  coefficients: Coefficient[];
  lossHistory: { epoch: number; trainLoss: number; validationLoss: number | null }[];
  /** A sample of (actual, predicted) pairs for regression plots, at most 2,000. */
  predictions?: { actual: number; predicted: number }[];
  elapsedMs: number;
  preparation: PreparationSummary;
  /** Rows per optimizer step as run ('auto' resolved, capped at the training split). */
  batchSize?: number;
  /** Why training ended. */
  stopReason?: 'epochs' | 'early-stopping';
  /** The backend's detail, as in the 'backend' event. */
  backendDetail?: string;
  crossValidation?: CrossValidationResult;
}

/** k-fold cross-validation: each metric on each held-out fold, with mean and (sample) standard deviation. */
export interface CrossValidationResult {
  folds: number;
  metrics: { name: string; mean: number; std: number; values: number[] }[];
}
