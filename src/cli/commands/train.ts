/**
 * `dataset-inspector train FILE --target COL [...]`: trains a linear model in-process (the same pipeline
 * as the extension's training job) and prints the backend, per-epoch losses, the metrics (on the held-out
 * test split, or labelled as training-data metrics with `--val-split 0 --test-split 0`) and the
 * coefficients on the original feature scale. `--format json` prints the TrainingResult as JSON.
 * The training itself (TensorFlow.js) is in ../train-run.ts, loaded only when the command runs.
 */
import { formatHelp, runCommand, type CommandSpec } from '../args';
import { CSV_READ_FLAGS, THREADS_FLAG, csvReadSettings } from '../input';
import { AUTO_BATCH_MAX, AUTO_BATCH_MIN, DEFAULT_TRAINING, defaultTrainingConfig, describeBatchSize, parseBatchSize } from '../../core/train/defaults';
import { BACKENDS, MISSING_FEATURE_HANDLINGS, OPTIMIZERS } from '../../core/train/types';
import type { ClassificationMetrics, RegressionMetrics, TrainingConfig, TrainingEvent, TrainingResult } from '../../core/train/types';

/** --task values: short names of the tasks. */
const TASK_NAMES = ['auto', 'regression', 'classification', 'binary', 'multiclass'] as const;
const TASKS: Record<(typeof TASK_NAMES)[number], TrainingConfig['task']> = {
  auto: 'auto',
  regression: 'regression',
  classification: 'classification',
  binary: 'binary-classification',
  multiclass: 'multiclass-classification',
};

export const trainSpec = {
  name: 'train',
  summary: 'Train a linear model (linear regression, or logistic/softmax regression) on a data file with TensorFlow.js.',
  positionals: [{ name: 'FILE', required: true }],
  flags: {
    target: { type: 'string', short: 't', placeholder: 'COL', description: 'Column to predict (required).' },
    features: { type: 'string', placeholder: 'a,b,...', description: 'Feature columns, comma-separated (default: every usable column except the target, leaving out constant, identifier-like and leaking ones).' },
    task: { type: 'string', choices: TASK_NAMES, description: 'Task (default auto: numeric target → regression, boolean/text or 0/1 → classification).' },
    optimizer: { type: 'string', choices: OPTIMIZERS, description: `Optimizer (default ${DEFAULT_TRAINING.optimizer}).` },
    lr: { type: 'number', placeholder: 'X', description: `Learning rate (default ${DEFAULT_TRAINING.learningRate}).` },
    epochs: { type: 'number', placeholder: 'N', description: `Maximum epochs (default ${DEFAULT_TRAINING.epochs}).` },
    'batch-size': {
      type: 'string',
      placeholder: 'N|auto',
      description: `Rows per step (default ${DEFAULT_TRAINING.batchSize}: ${AUTO_BATCH_MIN}, or for large files the power of two giving 128–256 steps per epoch, at most ${AUTO_BATCH_MAX}; the training split if smaller).`,
    },
    l2: { type: 'number', placeholder: 'X', description: `L2 penalty on the standardized weights (default ${DEFAULT_TRAINING.l2}).` },
    seed: { type: 'number', placeholder: 'N', description: `Seed of the split and batch order (default ${DEFAULT_TRAINING.seed}).` },
    'val-split': { type: 'number', placeholder: 'F', description: `Validation fraction (default ${DEFAULT_TRAINING.validationFraction}).` },
    'test-split': { type: 'number', placeholder: 'F', description: `Test fraction (default ${DEFAULT_TRAINING.testFraction}). With --val-split 0 --test-split 0 all rows train and the metrics are training-data metrics.` },
    patience: { type: 'number', placeholder: 'N', description: `Early-stopping patience in epochs, 0 = off (default ${DEFAULT_TRAINING.earlyStoppingPatience}).` },
    missing: { type: 'string', choices: MISSING_FEATURE_HANDLINGS, description: 'Missing feature values: impute (median / most frequent, default) or drop the row.' },
    'max-categories': { type: 'number', placeholder: 'N', description: `One-hot cap per categorical feature (default ${DEFAULT_TRAINING.maxCategories}).` },
    folds: { type: 'number', placeholder: 'K', description: 'Also run K-fold cross-validation and report mean ± std (default off).' },
    backend: { type: 'string', choices: ['auto', ...BACKENDS], description: 'TensorFlow.js backend (default auto: tensorflow, else wasm, else cpu).' },
    format: { type: 'string', short: 'f', choices: ['text', 'json'], description: 'Output format (default text).' },
    quiet: { type: 'boolean', short: 'q', description: 'Text format: do not print a line per epoch.' },
    ...CSV_READ_FLAGS,
    threads: THREADS_FLAG,
  },
  epilog: 'Exit codes: 0 success, 1 the data could not be used or training failed (diverged), 2 usage error.',
} as const satisfies CommandSpec;

export async function runTrain(args: string[]): Promise<number> {
  return runCommand(trainSpec, args, async ({ flags, multiples, positionals }) => {
    if (!flags.target) {
      process.stderr.write(`dataset-inspector train: --target is required\n\n${formatHelp(trainSpec)}`);
      return 2;
    }
    const path = positionals[0];
    const config = defaultTrainingConfig(path, flags.target);
    if (flags.features !== undefined) config.features = flags.features.split(',').map((f) => f.trim()).filter((f) => f !== '');
    if (flags.task !== undefined) config.task = TASKS[flags.task];
    if (flags.optimizer !== undefined) config.optimizer = flags.optimizer;
    if (flags.lr !== undefined) config.learningRate = flags.lr;
    if (flags.epochs !== undefined) config.epochs = flags.epochs;
    if (flags['batch-size'] !== undefined) {
      const batchSize = parseBatchSize(flags['batch-size']);
      if (batchSize === undefined) {
        process.stderr.write(`dataset-inspector train: --batch-size must be a whole number ≥ 1 or "auto" (got "${flags['batch-size']}")\n`);
        return 2;
      }
      config.batchSize = batchSize;
    }
    if (flags.l2 !== undefined) config.l2 = flags.l2;
    if (flags.seed !== undefined) config.seed = flags.seed;
    if (flags['val-split'] !== undefined) config.validationFraction = flags['val-split'];
    if (flags['test-split'] !== undefined) config.testFraction = flags['test-split'];
    if (flags.patience !== undefined) config.earlyStoppingPatience = flags.patience;
    if (flags.missing !== undefined) config.missingFeatures = flags.missing;
    if (flags['max-categories'] !== undefined) config.maxCategories = flags['max-categories'];
    if (flags.folds !== undefined) config.crossValidationFolds = flags.folds;
    if (flags.backend !== undefined) config.backend = flags.backend;

    const read = csvReadSettings(flags, multiples.na);

    const json = flags.format === 'json';
    const out = (line: string) => process.stdout.write(`${line}\n`);
    const onEvent = (event: TrainingEvent) => {
      if (json) return;
      if (event.type === 'backend') out(`Backend: ${event.backend} (${event.detail})`);
      else if (event.type === 'prepared') for (const line of formatPreparation(event.summary, config)) out(line);
      else if (event.type === 'epoch' && !flags.quiet) {
        out(`epoch ${String(event.epoch).padStart(4)}  train loss ${fmt(event.trainLoss)}${event.validationLoss === null ? '' : `  validation loss ${fmt(event.validationLoss)}`}`);
      } else if (event.type === 'fold' && event.metrics && !flags.quiet) {
        out(`cross-validation fold ${event.fold}/${event.folds}: ${event.metrics.map((m) => `${m.name} ${fmt(m.value)}`).join(', ')}`);
      } else if (event.type === 'stopped-early') out(`Stopped early at epoch ${event.epoch}: ${event.reason}.`);
      else if (event.type === 'diverged') out(`Diverged at epoch ${event.epoch}.`);
    };
    const { trainOnFile } = await import('../train-run.js');
    const result = await trainOnFile(path, read, config, onEvent);
    process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatResult(result));
    return 0;
  });
}

/** Numbers for people: 6 significant digits, exponent form for very large or small magnitudes. */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return 'n/a';
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e9)) return x.toExponential(4);
  return String(Number(x.toPrecision(6)));
}

function formatPreparation(s: TrainingResult['preparation'], config: TrainingConfig): string[] {
  const lines = [
    `Data: ${s.rowsRead} rows read` +
      (s.rowsExcluded ? `, ${s.rowsExcluded} excluded` : '') +
      (s.rowsDroppedMissingTarget ? `, ${s.rowsDroppedMissingTarget} without a target dropped` : '') +
      (s.rowsDroppedMissingFeatures ? `, ${s.rowsDroppedMissingFeatures} with missing features dropped` : '') +
      `; ${s.trainRows} train / ${s.validationRows} validation / ${s.testRows} test rows; ${s.inputNames.length} model inputs.`,
    `Task: ${s.task}${s.classes ? ` (classes ${s.classes.map((c) => `"${c}"`).join(', ')})` : ''}, target "${config.target}"; ` +
      `${config.optimizer}, learning rate ${config.learningRate}, batch ${describeBatchSize(config.batchSize, s.trainRows)}, up to ${config.epochs} epochs, L2 ${config.l2}.`,
  ];
  if (s.loss) lines.push(`Loss: ${s.loss}.`);
  for (const note of s.notes) lines.push(`  note: ${note}`);
  return lines;
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => `  ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`);
}

export function formatResult(result: TrainingResult): string {
  const lines: string[] = [''];
  const split =
    result.metricsSplit === 'test'
      ? `held-out test split, ${result.preparation.testRows} rows`
      : result.metricsSplit === 'validation'
        ? `validation split (no test split), ${result.preparation.validationRows} rows`
        : `TRAINING data, ${result.preparation.trainRows} rows: no held-out split, so these are training-data metrics`;
  lines.push(`Metrics (${split}):`);
  const m = result.metrics;
  if (m.kind === 'regression') lines.push(...formatRegression(m));
  else lines.push(...formatClassification(m));
  if (result.crossValidation) {
    lines.push('', `Cross-validation (${result.crossValidation.folds} folds, mean ± std):`);
    lines.push(...table(result.crossValidation.metrics.map((c) => [c.name, `${fmt(c.mean)} ± ${fmt(c.std)}`])));
  }
  lines.push('', 'Coefficients (original feature scale):');
  const multi = result.coefficients.some((c) => c.class !== undefined);
  lines.push(...table(result.coefficients.map((c) => (multi ? [`${c.class ?? ''}`, c.name, fmt(c.value)] : [c.name, fmt(c.value)]))));
  lines.push('', `${result.epochsRun} epochs (${result.stopReason === 'early-stopping' ? 'early stopping' : 'all epochs'}) in ${(result.elapsedMs / 1000).toFixed(2)} s on ${result.backend}.`);
  return `${lines.join('\n')}\n`;
}

function formatRegression(m: RegressionMetrics): string[] {
  return table([
    ['MSE', fmt(m.mse)],
    ['RMSE', fmt(m.rmse)],
    ['MAE', fmt(m.mae)],
    ['R²', fmt(m.r2)],
  ]);
}

function formatClassification(m: ClassificationMetrics): string[] {
  const averaged = m.classes.length > 2 ? ' (macro)' : ` (positive class "${m.classes[1]}")`;
  const lines = table([
    ['accuracy', fmt(m.accuracy)],
    [`precision${averaged}`, fmt(m.precision)],
    [`recall${averaged}`, fmt(m.recall)],
    [`F1${averaged}`, fmt(m.f1)],
    ...(m.rocAuc !== undefined ? [['ROC-AUC', fmt(m.rocAuc)]] : []),
  ]);
  lines.push('', 'Confusion matrix (rows actual, columns predicted):');
  lines.push(...table([['', ...m.classes], ...m.confusion.map((row, i) => [m.classes[i], ...row.map(String)])]));
  return lines;
}
