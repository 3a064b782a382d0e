/**
 * "Train linear model": pick data, target, features and hyperparameters (or pass an options object),
 * then run the training job in a child process and stream its events into the training panel.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { ExtensionServices } from '../services';
import type { CheckOutcome } from '../check-service';
import { OPTIMIZERS, type OptimizerName, type TaskKind, type TrainingConfig, type TrainingEvent, type TrainingResult } from '../../core/train/types';
import { defaultTrainingConfig, describeBatchSize, parseBatchSize } from '../../core/train/defaults';
import { startTrainingJob, warmTrainingJob, type WarmTrainingJob } from '../../jobs/train-client';
import { TrainingPanel } from '../panels/training-panel';
import { dataFileOrPick } from './pick-data-file';
import { readCheckSettings, trainingBackend } from '../config';
import { isCancellation } from '../../core/shared/cancel';
import { rankTargetChoices, type TargetChoice } from '../../core/train/target';
import type { ColumnProfile } from '../../core/profile/types';
import { existsSync } from 'node:fs';
import { recipePathFor } from '../../core/clean/formats';
import { cleanedCopy } from '../clean-jobs';

export const TRAIN_COMMAND = 'datasetInspector.trainLinearModel';

/** The options object accepted by the command (tests and other extensions start runs without pickers). */
export interface TrainCommandOptions {
  file: string | vscode.Uri;
  target: string;
  features?: string[];
  task?: TaskKind | 'auto';
  optimizer?: OptimizerName;
  learningRate?: number;
  epochs?: number;
  /** Rows per step, or 'auto' (default: 1,024, larger for large files). */
  batchSize?: number | 'auto';
  l2?: number;
  validationFraction?: number;
  testFraction?: number;
  seed?: number;
  earlyStoppingPatience?: number;
  /** Also train without the rows the quality check flags (errors and warnings), side by side. */
  compareWithoutFlaggedRows?: boolean;
  /** Also train on the data cleaned by this recipe (`name.clean.recipe.json`), side by side. */
  compareWithRecipe?: string;
}

export interface TrainRunSummary {
  label: string;
  result: TrainingResult;
  events: number;
}

const STATE_KEY = 'datasetInspector.lastTraining';

/** The names of runs in the training panel. */
const RUN_LABELS = {
  asIs: () => vscode.l10n.t('as is'),
  withoutFlagged: () => vscode.l10n.t('without flagged rows'),
  run: () => vscode.l10n.t('run'),
  cleaned: () => vscode.l10n.t('cleaned (recipe)'),
};

/** What the target picker says a column's model would be (the CLI says TASK_LABELS of the core). */
function taskLabel(task: TaskKind): string {
  switch (task) {
    case 'regression':
      return vscode.l10n.t('regression');
    case 'binary-classification':
      return vscode.l10n.t('binary classification');
    case 'multiclass-classification':
      return vscode.l10n.t('multiclass classification');
  }
}

type RememberedChoices = Pick<TrainingConfig, 'target' | 'features' | 'task' | 'optimizer' | 'learningRate' | 'epochs' | 'batchSize' | 'l2'>;

function isOptions(arg: unknown): arg is TrainCommandOptions {
  return typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) && 'target' in arg && 'file' in arg;
}

/** Rows the quality check flagged as errors or warnings (for the "without flagged rows" comparison). */
export function flaggedRows(outcome: CheckOutcome): number[] {
  const rows = new Set<number>();
  for (const f of outcome.result.findings) if (f.row !== null && (f.severity === 'error' || f.severity === 'warning')) rows.add(f.row);
  return [...rows].sort((a, b) => a - b);
}

export function registerTrainCommand(services: ExtensionServices): vscode.Disposable {
  let runCounter = 0;
  /** Set by the pickers when "as is vs. cleaned (recipe)" was chosen. */
  let recipeChosen: string | undefined;

  const jobScript = () => vscode.Uri.joinPath(services.context.extensionUri, 'dist', 'jobs', 'train-job.js').fsPath;

  async function run(dataFile: vscode.Uri, config: TrainingConfig, label: string, warm?: WarmTrainingJob): Promise<TrainRunSummary> {
    const panel = TrainingPanel.forFile(services, dataFile);
    // Unique across window reloads too: a restored training panel keeps the runs of the previous session.
    const runId = `run-${Date.now().toString(36)}-${++runCounter}`;
    let events = 0;
    let cancel = () => {};
    const feed = panel.addRun(
      {
        runId,
        label,
        fileName: path.basename(dataFile.fsPath),
        target: config.target,
        features: config.features,
        optimizer: config.optimizer,
        learningRate: config.learningRate,
        epochs: config.epochs,
        batchSize: config.batchSize,
        startedAt: Date.now(),
      },
      () => cancel(),
    );
    const onEvent = (event: TrainingEvent) => {
      events++;
      if (event.type === 'backend') services.output.info(`Training ${label} on ${path.basename(dataFile.fsPath)}: backend ${event.backend} (${event.detail})`);
      if (event.type === 'diverged') services.output.warn(`Training ${label} diverged at epoch ${event.epoch}: ${event.advice}`);
      feed.onEvent(event);
    };
    const job = warm ? warm.start(config, onEvent) : startTrainingJob(config, { jobScript: jobScript(), onEvent });
    cancel = () => job.cancel();
    try {
      const result = await job.done;
      feed.end('done');
      return { label, result, events };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      feed.end(isCancellation(error) ? 'stopped' : 'failed', message);
      throw error;
    }
  }

  async function configFromPickers(dataFile: vscode.Uri, outcome: CheckOutcome, warm: WarmTrainingJob): Promise<TrainingConfig | undefined> {
    const remembered = services.context.workspaceState.get<Record<string, RememberedChoices>>(STATE_KEY, {})[dataFile.toString()];
    const profile = outcome.result.profile;
    const target = await pickTarget(profile.columns, remembered?.target);
    if (!target) return undefined;
    // The job process has (or is) reading the file: it says which features to leave out, as the CLI would.
    const exclusions = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Dataset Inspector: reading the data') }, () =>
      warm.exclusions(target),
    );
    const reasons = new Map(exclusions.map((e) => [e.name, e.reason]));
    const featurePicks = await vscode.window.showQuickPick(
      profile.columns
        .filter((c) => c.name !== target)
        .map((c) => {
          const reason = reasons.get(c.name);
          const rememberedPick = remembered?.target === target ? remembered.features.includes(c.name) : undefined;
          return { label: c.name, description: reason ? vscode.l10n.t('{0} — not selected: {1}', c.kind, reason) : c.kind, picked: rememberedPick ?? !reason };
        }),
      { title: vscode.l10n.t('Train Linear Model (2/3): features'), canPickMany: true, placeHolder: vscode.l10n.t('Columns the model may use') },
    );
    if (!featurePicks || featurePicks.length === 0) return undefined;
    const base = { ...defaultTrainingConfig(dataFile.fsPath, target), backend: trainingBackend(), ...(remembered?.target === target ? remembered : {}) };
    const config: TrainingConfig = { ...base, target, features: featurePicks.map((p) => p.label) };
    const start = await vscode.window.showQuickPick(
      [
        {
          label: `$(play) ${vscode.l10n.t('Start')}`,
          detail: vscode.l10n.t(
            '{0} · {1}, learning rate {2}, {3} epochs, batch {4}, L2 {5}',
            config.task,
            config.optimizer,
            config.learningRate,
            config.epochs,
            describeBatchSize(config.batchSize),
            config.l2,
          ),
          action: 'start',
        },
        { label: `$(settings) ${vscode.l10n.t('Edit hyperparameters…')}`, action: 'edit' },
        { label: `$(diff) ${vscode.l10n.t('Compare: as is vs. without flagged rows')}`, detail: vscode.l10n.t('Trains twice to show how the flagged rows change the model'), action: 'compare' },
        ...(existsSync(recipePathFor(dataFile.fsPath))
          ? [
              {
                label: `$(sparkle) ${vscode.l10n.t('Compare: as is vs. cleaned (recipe)')}`,
                detail: vscode.l10n.t('Cleans with {0}, then trains on both', path.basename(recipePathFor(dataFile.fsPath))),
                action: 'recipe',
              },
            ]
          : []),
      ],
      { title: vscode.l10n.t('Train Linear Model (3/3)') },
    );
    if (!start) return undefined;
    if (start.action === 'edit' && !(await editHyperparameters(config))) return undefined;
    const all = services.context.workspaceState.get<Record<string, RememberedChoices>>(STATE_KEY, {});
    all[dataFile.toString()] = { target, features: config.features, task: config.task, optimizer: config.optimizer, learningRate: config.learningRate, epochs: config.epochs, batchSize: config.batchSize, l2: config.l2 };
    await services.context.workspaceState.update(STATE_KEY, all);
    if (start.action === 'recipe') recipeChosen = recipePathFor(dataFile.fsPath);
    return start.action === 'compare' ? { ...config, excludeRows: flaggedRows(outcome) } : config;
  }

  /** Trains on the data as is and on its copy cleaned by the recipe, side by side. */
  async function compareWithCleaned(dataFile: vscode.Uri, config: TrainingConfig, recipePath: string, warm?: WarmTrainingJob): Promise<TrainRunSummary[] | undefined> {
    const copy = await cleanedCopy(services.context.extensionUri, dataFile, recipePath, readCheckSettings(dataFile).read);
    if (!copy) return undefined;
    try {
      const target = copy.columnName(config.target);
      if (!target) throw new Error(vscode.l10n.t('the recipe {0} removes or encodes the target "{1}"', path.basename(recipePath), config.target));
      const features = config.features.map((f) => copy.columnName(f));
      // Features the recipe encoded (one-hot) or dropped: let training pick from the cleaned columns.
      const cleaned: TrainingConfig = { ...config, path: copy.path, target, features: features.every((f) => f !== undefined) ? (features as string[]) : [] };
      return await Promise.all([run(dataFile, config, RUN_LABELS.asIs(), warm), run(dataFile, cleaned, RUN_LABELS.cleaned())]);
    } finally {
      copy.dispose();
    }
  }

  return vscode.commands.registerCommand(TRAIN_COMMAND, async (arg?: unknown): Promise<TrainRunSummary[] | undefined> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Dataset Inspector: training starts a child process and is disabled in untrusted workspaces.'));
      return undefined;
    }
    try {
      if (isOptions(arg)) {
        const dataFile = typeof arg.file === 'string' ? vscode.Uri.file(arg.file) : arg.file;
        const { file: _file, compareWithoutFlaggedRows, compareWithRecipe, ...overrides } = arg;
        const config: TrainingConfig = { ...defaultTrainingConfig(dataFile.fsPath, arg.target), backend: trainingBackend(), ...overrides, features: arg.features ?? [] };
        if (compareWithRecipe) return await compareWithCleaned(dataFile, config, compareWithRecipe);
        const runs = [run(dataFile, config, RUN_LABELS.asIs())];
        if (compareWithoutFlaggedRows) {
          const outcome = services.checkService.lastOutcome(dataFile) ?? (await services.checkService.check(dataFile, { showProgress: false }));
          if (outcome) runs.push(run(dataFile, { ...config, excludeRows: flaggedRows(outcome) }, RUN_LABELS.withoutFlagged()));
        }
        return await Promise.all(runs);
      }
      const dataFile = await dataFileOrPick(arg, vscode.l10n.t('Train Linear Model: data file'));
      if (!dataFile) return undefined;
      const outcome = services.checkService.lastOutcome(dataFile) ?? (await services.checkService.check(dataFile));
      if (!outcome) return undefined;
      // While the pickers are open, a job process reads the file and starts its backend: the first loss
      // point then follows "Start" without that wait.
      const warm = warmTrainingJob(dataFile.fsPath, { jobScript: jobScript() });
      let config: TrainingConfig | undefined;
      recipeChosen = undefined;
      try {
        config = await configFromPickers(dataFile, outcome, warm);
      } finally {
        if (!config) warm.dispose();
      }
      if (!config) return undefined;
      if (recipeChosen) return await compareWithCleaned(dataFile, config, recipeChosen, warm);
      if (config.excludeRows) {
        const { excludeRows, ...asIs } = config;
        return await Promise.all([run(dataFile, asIs, RUN_LABELS.asIs(), warm), run(dataFile, { ...asIs, excludeRows }, RUN_LABELS.withoutFlagged())]);
      }
      return [await run(dataFile, config, RUN_LABELS.run(), warm)];
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      services.output.error(`Training failed: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Dataset Inspector: training failed: {0}', message));
      return undefined;
    }
  });
}

/**
 * The target picker: usable columns first, the suggested one on top (so Enter through the pickers trains),
 * then, after a separator, the columns that cannot be targets (dates, identifiers, …) with the reason.
 * Picking one of those says why and asks again.
 */
async function pickTarget(columns: readonly ColumnProfile[], remembered: string | undefined): Promise<string | undefined> {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const choices = rankTargetChoices(columns, remembered);
  const items: (vscode.QuickPickItem & { choice?: TargetChoice })[] = [];
  choices.forEach((choice, i) => {
    const c = byName.get(choice.name);
    if (!c) return;
    if (!choice.usable && (i === 0 || choices[i - 1].usable)) items.push({ label: vscode.l10n.t('Not usable as target'), kind: vscode.QuickPickItemKind.Separator });
    const facts = vscode.l10n.t('{0} · {1}% missing · {2} distinct', c.kind, c.count ? ((100 * c.nulls) / c.count).toFixed(1) : '0', c.distinct);
    items.push({
      label: choice.usable ? choice.name : `$(circle-slash) ${choice.name}`,
      description: `${facts} · ${choice.task ? taskLabel(choice.task) : vscode.l10n.t('not usable: {0}', choice.reason ?? '')}`,
      detail: i === 0 && choice.usable ? vscode.l10n.t('Suggested target') : undefined,
      choice,
    });
  });
  for (;;) {
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Train Linear Model (1/3): target column'), placeHolder: vscode.l10n.t('The column to predict'), matchOnDescription: true });
    if (!pick?.choice) return undefined;
    if (pick.choice.usable) return pick.choice.name;
    void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" cannot be the target: {1}.', pick.choice.name, pick.choice.reason ?? ''));
  }
}

async function editHyperparameters(config: TrainingConfig): Promise<boolean> {
  const number = async (title: string, value: number, valid: (n: number) => boolean): Promise<number | undefined> => {
    const text = await vscode.window.showInputBox({
      title,
      value: String(value),
      validateInput: (t) => (t.trim() !== '' && Number.isFinite(Number(t)) && valid(Number(t)) ? undefined : vscode.l10n.t('Enter a valid number')),
    });
    return text === undefined ? undefined : Number(text);
  };
  const picked = await vscode.window.showQuickPick([...OPTIMIZERS], { title: vscode.l10n.t('Optimizer'), placeHolder: config.optimizer });
  const optimizer = OPTIMIZERS.find((name) => name === picked);
  if (!optimizer) return false;
  config.optimizer = optimizer;
  const fields: [keyof TrainingConfig, string, (n: number) => boolean][] = [
    ['learningRate', vscode.l10n.t('Learning rate'), (n) => n > 0],
    ['epochs', vscode.l10n.t('Epochs'), (n) => Number.isInteger(n) && n > 0],
    ['batchSize', vscode.l10n.t('Batch size'), (n) => Number.isInteger(n) && n > 0],
    ['l2', vscode.l10n.t('L2 regularization'), (n) => n >= 0],
    ['validationFraction', vscode.l10n.t('Validation fraction'), (n) => n >= 0 && n < 1],
    ['testFraction', vscode.l10n.t('Test fraction'), (n) => n >= 0 && n < 1],
    ['seed', vscode.l10n.t('Random seed'), (n) => Number.isInteger(n)],
    ['earlyStoppingPatience', vscode.l10n.t('Early-stopping patience (epochs, 0 = off)'), (n) => Number.isInteger(n) && n >= 0],
  ];
  for (const [key, title, valid] of fields) {
    if (key === 'batchSize') {
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Batch size ("auto": 1024, larger for large files)'),
        value: String(config.batchSize),
        validateInput: (t) => (parseBatchSize(t) === undefined ? vscode.l10n.t('Enter a whole number ≥ 1 or "auto"') : undefined),
      });
      const value = text === undefined ? undefined : parseBatchSize(text);
      if (value === undefined) return false;
      config.batchSize = value;
      continue;
    }
    const value = await number(title, config[key] as number, valid);
    if (value === undefined) return false;
    (config as unknown as Record<string, number>)[key] = value;
  }
  return true;
}

