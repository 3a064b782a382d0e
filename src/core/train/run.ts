/**
 * The whole training pipeline on an already-read table: prepare → train → (optional) k-fold
 * cross-validation → 'done' event. Shared by the child-process job and the CLI; no process or vscode use.
 */
import { type TrainingRuntime, initBackend } from './backend';
import { meanStd } from './metrics';
import { trainModel } from './model';
import { type Dataset, type TrainingInput, encodeDataset, extractDataset, kFoldAssignments, splitDataset } from './prepare';
import type { CrossValidationResult, TrainingConfig, TrainingEvent, TrainingResult } from './types';

export interface RunTrainingOptions {
  /** An initialized (or initializing) backend; default initBackend(config.backend ?? 'auto'). */
  runtime?: TrainingRuntime | Promise<TrainingRuntime>;
  progressIntervalMs?: number;
}

/** Trains per `config` on `input` and emits every event including 'done'. Throws on bad data, divergence or cancellation. */
export async function runTraining(
  input: TrainingInput,
  config: TrainingConfig,
  onEvent: (event: TrainingEvent) => void,
  signal?: AbortSignal,
  options: RunTrainingOptions = {},
): Promise<TrainingResult> {
  const dataset = extractDataset(input, config);
  const prepared = encodeDataset(dataset, splitDataset(dataset, config), config);
  const runtime = await (options.runtime ?? initBackend(config.backend ?? 'auto'));
  const trainOptions = options.progressIntervalMs === undefined ? { runtime } : { runtime, progressIntervalMs: options.progressIntervalMs };
  const result = await trainModel(prepared, config, onEvent, signal, trainOptions);
  const folds = config.crossValidationFolds ?? 0;
  if (folds >= 2) result.crossValidation = await crossValidate(dataset, config, folds, runtime, signal);
  onEvent({ type: 'done', result });
  return result;
}

/**
 * k-fold cross-validation: trains on k − 1 folds (statistics and imputation from those rows only, no
 * validation split, early stopping on the training loss) and evaluates on the held-out fold.
 */
export async function crossValidate(
  dataset: Dataset,
  config: TrainingConfig,
  folds: number,
  runtime: TrainingRuntime,
  signal?: AbortSignal,
): Promise<CrossValidationResult> {
  const foldConfig: TrainingConfig = { ...config, validationFraction: 0, testFraction: 1 / folds };
  const values = new Map<string, number[]>();
  const add = (name: string, v: number | undefined) => {
    if (v === undefined) return;
    const list = values.get(name) ?? [];
    list.push(v);
    values.set(name, list);
  };
  for (const assignment of kFoldAssignments(dataset, folds, config.seed)) {
    const prepared = encodeDataset(dataset, assignment, foldConfig);
    const result = await trainModel(prepared, foldConfig, () => undefined, signal, { runtime });
    const m = result.metrics;
    if (m.kind === 'regression') {
      add('mse', m.mse);
      add('rmse', m.rmse);
      add('mae', m.mae);
      add('r2', m.r2);
    } else {
      add('accuracy', m.accuracy);
      add('precision', m.precision);
      add('recall', m.recall);
      add('f1', m.f1);
      add('rocAuc', m.rocAuc);
    }
  }
  return { folds, metrics: [...values].map(([name, list]) => ({ name, ...meanStd(list), values: list })) };
}
