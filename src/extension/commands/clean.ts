/**
 * "Clean data…": opens the cleaning panel for a data file (Explorer, editor, title bar, report view, or a
 * code action on a finding), after checking the file when it has not been checked in this session. Called
 * with an options object it cleans without the panel (tests, other extensions): the proposals the planner
 * turns on, or a recipe file, written beside the source.
 */
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { ExtensionServices } from '../services';
import { dataFileOrPick } from './pick-data-file';
import { CleanPanel, cleanSourceRequest } from '../panels/clean-panel';
import { runCleanJobWithProgress } from '../clean-jobs';
import { cleanOutputPath, recipePathFor, type OutputFormat } from '../../core/clean/formats';
import type { Recipe } from '../../core/clean/recipe';

export const CLEAN_COMMAND = 'datasetInspector.cleanData';

export interface CleanCommandOptions {
  file: string | vscode.Uri;
  /** A recipe file to apply (default: the steps the planner turns on). */
  recipe?: string;
  format?: OutputFormat;
  /** Replace existing outputs without asking (default false: fail when they exist). */
  overwrite?: boolean;
}

export interface CleanCommandResult {
  outputPath: string;
  recipePath: string;
  rowsIn: number;
  rowsOut: number;
  steps: { step: string; summary: string; cellsChanged: number; rowsDropped: number }[];
}

function isOptions(arg: unknown): arg is CleanCommandOptions {
  return typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) && 'file' in arg;
}

export function registerCleanCommand(services: ExtensionServices): vscode.Disposable {
  const { checkService, context } = services;

  async function headless(options: CleanCommandOptions): Promise<CleanCommandResult | undefined> {
    const uri = typeof options.file === 'string' ? vscode.Uri.file(options.file) : options.file;
    let recipe: Recipe | undefined;
    if (options.recipe) recipe = JSON.parse(await readFile(options.recipe, 'utf8')) as Recipe;
    else {
      const outcome = checkService.lastOutcome(uri) ?? (await checkService.check(uri, { showProgress: false }));
      const plan = await runCleanJobWithProgress(context.extensionUri, vscode.l10n.t('Planning the cleaning'), { type: 'plan', source: cleanSourceRequest(uri), findings: outcome?.result.findings ?? [] });
      if (!plan) return undefined;
      recipe = { ...plan.recipe, steps: plan.recipe.steps.filter((s) => s.enabled) };
    }
    const format = options.format ?? recipe.output?.format ?? 'csv';
    recipe = { ...recipe, output: { ...recipe.output, format } };
    const outputPath = cleanOutputPath(uri.fsPath, format);
    const recipePath = recipePathFor(uri.fsPath);
    const present = [outputPath, recipePath].filter((p) => existsSync(p));
    if (present.length && !options.overwrite) throw new Error(`${present.join(' and ')} already exist${present.length === 1 ? 's' : ''} (pass overwrite: true to replace)`);
    const reply = await runCleanJobWithProgress(context.extensionUri, vscode.l10n.t('Cleaning {0}', vscode.workspace.asRelativePath(uri)), { type: 'write', source: cleanSourceRequest(uri), recipe, outputPath, recipePath });
    if (!reply) return undefined;
    return {
      outputPath,
      recipePath,
      rowsIn: reply.run.rowsIn,
      rowsOut: reply.run.rowsOut,
      steps: reply.run.steps.map((s) => ({ step: s.step, summary: s.summary, cellsChanged: s.cellsChanged, rowsDropped: s.rowsDropped })),
    };
  }

  return vscode.commands.registerCommand(CLEAN_COMMAND, async (arg?: unknown): Promise<CleanCommandResult | { panel: string } | undefined> => {
    try {
      if (isOptions(arg)) return await headless(arg);
      const uri = await dataFileOrPick(arg, vscode.l10n.t('Clean Data: data file'));
      if (!uri) return undefined;
      const outcome = checkService.lastOutcome(uri) ?? (await checkService.check(uri));
      const panel = CleanPanel.show(services, uri, outcome);
      return { panel: panel.panel.title };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      services.output.error(`Cleaning failed: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Dataset Inspector: cleaning failed: {0}', message));
      return undefined;
    }
  });
}
