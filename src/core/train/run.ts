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
  if (folds >= 2) {
    const cvOptions = options.progressIntervalMs === undefined ? { onEvent } : { onEvent, progressIntervalMs: options.progressIntervalMs };
    result.crossValidation = await crossValidate(dataset, config, folds, runtime, signal, cvOptions);
  }
  onEvent({ type: 'done', result });
  return result;
}

export interface CrossValidationOptions {
  /** Receives 'fold' events: each fold's start, its progress (≤ one per progressIntervalMs) and its end with metrics. */
  onEvent?: (event: TrainingEvent) => void;
  progressIntervalMs?: number;
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
  options: CrossValidationOptions = {},
): Promise<CrossValidationResult> {
  const emit = options.onEvent ?? (() => undefined);
  const interval = options.progressIntervalMs ?? 100;
  const foldConfig: TrainingConfig = { ...config, validationFraction: 0, testFraction: 1 / folds };
  const values = new Map<string, number[]>();
  for (const [index, assignment] of kFoldAssignments(dataset, folds, config.seed).entries()) {
    const fold = index + 1;
    const epochs = config.epochs;
    emit({ type: 'fold', fold, folds, epoch: 0, epochs });
    const prepared = encodeDataset(dataset, assignment, foldConfig);
    let lastProgress = performance.now();
    const onFoldEvent = (event: TrainingEvent) => {
      if (event.type !== 'epoch') return;
      const now = performance.now();
      if (now - lastProgress < interval) return;
      lastProgress = now;
      emit({ type: 'fold', fold, folds, epoch: event.epoch, epochs });
    };
    const result = await trainModel(prepared, foldConfig, onFoldEvent, signal, { runtime });
    const m = result.metrics;
    const named: [string, number | undefined][] =
      m.kind === 'regression'
        ? [['mse', m.mse], ['rmse', m.rmse], ['mae', m.mae], ['r2', m.r2]]
        : [['accuracy', m.accuracy], ['precision', m.precision], ['recall', m.recall], ['f1', m.f1], ['rocAuc', m.rocAuc]];
    const metrics: { name: string; value: number }[] = [];
    for (const [name, value] of named) {
      if (value === undefined) continue;
      metrics.push({ name, value });
      values.set(name, [...(values.get(name) ?? []), value]);
    }
    emit({ type: 'fold', fold, folds, epoch: result.epochsRun, epochs, metrics });
  }
  return { folds, metrics: [...values].map(([name, list]) => ({ name, ...meanStd(list), values: list })) };
}
