/**
 * Host side of "Clean data…": one panel per data file. It asks the cleaning worker for proposals, keeps
 * the recipe being edited, previews it after each change (debounced; a newer preview cancels the older),
 * and writes the cleaned file, its recipe and (on request) a pandas script beside the source, asking before
 * it replaces anything. The table stays in the worker.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import type { ExtensionServices } from '../services';
import type { CheckOutcome } from '../check-service';
import type { CleanHostMessage, CleanState, CleanWebviewMessage, PanelStep } from '../../shared/protocol/clean';
import type { CleanReply, CleanRequest, CleanSourceRequest, WriteReply } from '../../jobs/clean-protocol';
import type { Recipe } from '../../core/clean/recipe';
import { cleanOutputPath, pandasScriptPathFor, recipePathFor, type OutputFormat } from '../../core/clean/formats';
import { readCheckSettings } from '../config';
import { progressShare, progressText, startCleanJob } from '../clean-jobs';
import { createAppPanel } from './webview-html';

export const CLEAN_VIEW_TYPE = 'datasetInspector.clean';
const PREVIEW_DELAY_MS = 300;

export function cleanSourceRequest(uri: vscode.Uri): CleanSourceRequest {
  return { path: uri.fsPath, read: readCheckSettings(uri).read };
}

/** Files `write` would replace. */
function existing(paths: (string | undefined)[]): string[] {
  return paths.filter((p): p is string => p !== undefined && existsSync(p));
}

/** Asks before replacing files; true when there is nothing to replace or the user agreed. */
export async function confirmReplace(paths: string[]): Promise<boolean> {
  if (paths.length === 0) return true;
  const names = paths.map((p) => path.basename(p)).join(', ');
  const replace = vscode.l10n.t('Replace');
  const question = paths.length === 1 ? vscode.l10n.t('{0} already exists. Replace it?', names) : vscode.l10n.t('{0} already exist. Replace them?', names);
  const answer = await vscode.window.showWarningMessage(question, { modal: true }, replace);
  return answer === replace;
}

export class CleanPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, CleanPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private state: CleanState;
  private base: Recipe | undefined;
  private job: { cancel(): void } | undefined;
  private previewTimer: NodeJS.Timeout | undefined;
  /** Resolves when the proposals are in (tests and the command wait on it). */
  readonly planned: Promise<void>;

  static show(services: ExtensionServices, uri: vscode.Uri, outcome: CheckOutcome | undefined): CleanPanel {
    const key = uri.toString();
    const existingPanel = CleanPanel.panels.get(key);
    if (existingPanel) {
      existingPanel.panel.reveal(undefined, false);
      return existingPanel;
    }
    const panel = createAppPanel(services.context.extensionUri, CLEAN_VIEW_TYPE, vscode.l10n.t('Clean: {0}', path.basename(uri.fsPath)), 'clean', vscode.ViewColumn.Beside);
    const created = new CleanPanel(panel, services, uri, outcome);
    CleanPanel.panels.set(key, created);
    return created;
  }

  static forFile(uri: vscode.Uri): CleanPanel | undefined {
    return CleanPanel.panels.get(uri.toString());
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: ExtensionServices,
    private readonly uri: vscode.Uri,
    outcome: CheckOutcome | undefined,
  ) {
    const format: OutputFormat = 'csv';
    this.state = {
      fileName: path.basename(uri.fsPath),
      filePath: uri.fsPath,
      columns: [],
      steps: [],
      catalog: [],
      output: { format, compression: 'snappy', path: cleanOutputPath(uri.fsPath, format) },
    };
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: CleanWebviewMessage) => this.onMessage(message)),
    );
    this.planned = this.plan(outcome);
  }

  /** The current state (tests read it). */
  get current(): CleanState {
    return this.state;
  }

  private update(patch: Partial<CleanState>): void {
    this.state = { ...this.state, ...patch };
    if (this.ready) void this.post({ type: 'state', state: this.state });
  }

  private post(message: CleanHostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private recipe(): Recipe {
    if (!this.base) throw new Error('The file has not been read yet.');
    return {
      ...this.base,
      steps: this.state.steps.map((s) => s.entry),
      output: { ...this.base.output, format: this.state.output.format, compression: this.state.output.compression },
    };
  }

  private run<T extends CleanRequest['type']>(what: NonNullable<CleanState['busy']>['what'], request: Extract<CleanRequest, { type: T }>): Promise<Extract<CleanReply, { type: T }> | undefined> {
    this.job?.cancel();
    this.update({ busy: { what }, error: undefined });
    const job = startCleanJob(this.services.context.extensionUri, request, (p) => this.update({ busy: { what, progress: progressShare(p), detail: progressText(p) } }));
    this.job = job;
    return job.done.finally(() => {
      if (this.job === job) {
        this.job = undefined;
        this.update({ busy: undefined });
      }
    });
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.services.output.error(`Cleaning ${this.uri.fsPath}: ${message}`);
    this.update({ error: message });
  }

  private async plan(outcome: CheckOutcome | undefined): Promise<void> {
    try {
      const reply = await this.run('planning', { type: 'plan', source: cleanSourceRequest(this.uri), findings: outcome?.result.findings ?? [] });
      if (!reply) return;
      this.base = reply.recipe;
      const format = reply.recipe.output.format;
      this.update({
        columns: reply.schema,
        catalog: reply.catalog,
        steps: reply.proposals.map((p) => ({ entry: p.step, reasons: p.reasons, count: p.count })),
        output: { format, compression: reply.recipe.output.compression, path: cleanOutputPath(this.uri.fsPath, format) },
      });
      this.schedulePreview(0);
    } catch (error) {
      this.fail(error);
    }
  }

  private schedulePreview(delay = PREVIEW_DELAY_MS): void {
    if (this.previewTimer) clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => void this.preview(), delay);
  }

  /** Previews the current recipe; resolves when done (or superseded). */
  async preview(): Promise<void> {
    if (!this.base) return;
    try {
      const reply = await this.run('previewing', { type: 'preview', source: cleanSourceRequest(this.uri), recipe: this.recipe(), quality: readCheckSettings(this.uri).quality });
      if (!reply) return;
      const { preview } = reply;
      this.update({
        preview: {
          rows: preview.rows,
          complete: preview.complete,
          rowsOut: preview.run.rowsOut,
          reports: preview.run.steps,
          samples: preview.run.samples,
          columnsIn: preview.run.schemaIn.map((c) => c.name),
          columnsOut: preview.run.schemaOut.map((c) => c.name),
          before: preview.before,
          after: preview.after,
          notes: preview.run.notes,
        },
      });
    } catch (error) {
      this.fail(error);
    }
  }

  /** Writes the cleaned file and its recipe beside the source (asking before replacing); the reply, or undefined when not written. */
  async write(options: { confirm?: boolean } = {}): Promise<WriteReply | undefined> {
    const outputPath = this.state.output.path;
    const recipePath = recipePathFor(this.uri.fsPath);
    if (options.confirm !== false && !(await confirmReplace(existing([outputPath, recipePath])))) return undefined;
    try {
      const reply = await this.run('writing', { type: 'write', source: cleanSourceRequest(this.uri), recipe: this.recipe(), outputPath, recipePath });
      if (!reply) return undefined;
      this.update({
        written: { outputPath, recipePath, rowsIn: reply.run.rowsIn, rowsOut: reply.run.rowsOut, columns: reply.run.schemaOut.length, notes: [...reply.run.notes, ...reply.write.notes] },
      });
      this.services.output.info(`Cleaned ${this.uri.fsPath} → ${outputPath}: ${reply.run.rowsOut} of ${reply.run.rowsIn} rows; recipe ${recipePath}.`);
      const open = vscode.l10n.t('Open');
      const train = vscode.l10n.t('Train Linear Model');
      const wrote = vscode.l10n.t('Wrote {0} ({1} rows) and {2}.', path.basename(outputPath), reply.run.rowsOut.toLocaleString(), path.basename(recipePath));
      void vscode.window.showInformationMessage(wrote, open, train).then((choice) => {
        if (choice === open) void this.openOutput();
        if (choice === train) void vscode.commands.executeCommand('datasetInspector.trainLinearModel', vscode.Uri.file(outputPath));
      });
      return reply;
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  private async exportPython(): Promise<void> {
    const pythonPath = pandasScriptPathFor(this.uri.fsPath);
    if (!(await confirmReplace(existing([pythonPath])))) return;
    try {
      const reply = await this.run('writing', { type: 'python', source: cleanSourceRequest(this.uri), recipe: this.recipe(), outputPath: this.state.output.path, pythonPath });
      if (!reply) return;
      this.update({ written: this.state.written ? { ...this.state.written, pythonPath } : undefined });
      await vscode.window.showTextDocument(vscode.Uri.file(pythonPath), { viewColumn: vscode.ViewColumn.One, preview: false });
    } catch (error) {
      this.fail(error);
    }
  }

  private async openOutput(): Promise<void> {
    const target = this.state.written?.outputPath;
    if (target) await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(target), vscode.ViewColumn.One);
  }

  /** Replaces the steps (from the webview, or tests) and previews them. */
  setSteps(steps: PanelStep[]): void {
    this.update({ steps, written: undefined });
    this.schedulePreview();
  }

  private async onMessage(message: CleanWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.post({ type: 'state', state: this.state });
        break;
      case 'steps':
        this.setSteps(message.steps);
        break;
      case 'output':
        this.update({ output: { format: message.format, compression: message.compression, path: cleanOutputPath(this.uri.fsPath, message.format) }, written: undefined });
        break;
      case 'preview':
        this.schedulePreview(0);
        break;
      case 'cancel':
        this.job?.cancel();
        this.job = undefined;
        this.update({ busy: undefined });
        break;
      case 'write':
        await this.write();
        break;
      case 'export-python':
        await this.exportPython();
        break;
      case 'open-output':
        await this.openOutput();
        break;
      case 'train':
        if (this.state.written) await vscode.commands.executeCommand('datasetInspector.trainLinearModel', vscode.Uri.file(this.state.written.outputPath));
        break;
    }
  }

  dispose(): void {
    CleanPanel.panels.delete(this.uri.toString());
    if (this.previewTimer) clearTimeout(this.previewTimer);
    this.job?.cancel();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
