/**
 * Host side of the training panel: one panel per data file; each run of that file is drawn in it, so runs
 * can be overlaid and compared. Events from the job are batched and posted at most every 100 ms; an event
 * after a quiet spell (such as the first loss of a run) goes out at once. After a window reload, VS Code
 * restores the panel through {@link registerTrainingPanelSerializer} with the state its webview persisted:
 * curves, metrics and exports come back; a run the reload cut short is shown as stopped.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { WEIGHTS_FILE, tfjsModelArtifacts } from '../../core/train/export-tfjs';
import type { ExtensionServices } from '../services';
import type { TrainingEvent, TrainingResult } from '../../core/train/types';
import {
  isReplayedEvent,
  type RunDescription,
  type RunState,
  type TrainingHostMessage,
  type TrainingPanelState,
  type TrainingWebviewMessage,
} from '../../shared/protocol/training';
import { createAppPanel, loadApp } from './webview-html';

export const TRAINING_VIEW_TYPE = 'datasetInspector.training';
const FLUSH_MS = 100;

interface RunHandle {
  state: RunState;
  cancel(): void;
  /** Events not yet posted (batched). */
  pending: TrainingEvent[];
  /** Every event but the transient ones (isReplayedEvent), replayed when the webview is (re)loaded. */
  log: TrainingEvent[];
  /** A run restored after a window reload: `state` is whole (points, result) and is replayed as it is. */
  restored?: boolean;
}

export class TrainingPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, TrainingPanel>();
  private readonly runs = new Map<string, RunHandle>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private lastFlush = 0;

  static forFile(services: ExtensionServices, dataFile: vscode.Uri): TrainingPanel {
    const key = dataFile.toString();
    const existing = TrainingPanel.panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const panel = createAppPanel(services.context.extensionUri, TRAINING_VIEW_TYPE, `Training: ${path.basename(dataFile.fsPath)}`, 'training', {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
    });
    const created = new TrainingPanel(panel, key);
    TrainingPanel.panels.set(key, created);
    return created;
  }

  /** Re-attaches a panel VS Code restored after a window reload, with the runs its webview kept. */
  static restore(services: ExtensionServices, panel: vscode.WebviewPanel, state: TrainingPanelState | undefined): void {
    const key = state?.runs[0]?.run.fileUri;
    if (!key || TrainingPanel.panels.has(key)) {
      panel.dispose();
      return;
    }
    loadApp(panel, services.context.extensionUri, 'training');
    const restored = new TrainingPanel(panel, key);
    TrainingPanel.panels.set(key, restored);
    for (const run of state.runs) {
      const cutShort = run.status === 'running';
      const runState: RunState = cutShort ? { ...run, status: 'stopped', messages: [...run.messages, vscode.l10n.t('Stopped: the window was reloaded while this run trained.')] } : run;
      restored.runs.set(run.run.runId, { state: runState, cancel: () => undefined, pending: [], log: [], restored: true });
    }
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly key: string,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: TrainingWebviewMessage) => this.onMessage(message)),
    );
  }

  /** Registers a run; returns the callbacks the job feeds. */
  addRun(description: Omit<RunDescription, 'fileUri'>, cancel: () => void): { onEvent(e: TrainingEvent): void; end(status: RunState['status'], error?: string): void } {
    const run: RunDescription = { ...description, fileUri: this.key };
    const handle: RunHandle = { state: { run, status: 'running', points: [], messages: [], elapsedMs: 0 }, cancel, pending: [], log: [] };
    this.runs.set(run.runId, handle);
    if (this.ready) void this.post({ type: 'run-started', run });
    return {
      onEvent: (event) => {
        handle.pending.push(event);
        this.scheduleFlush();
      },
      end: (status, error) => {
        handle.state.status = status;
        this.flush();
        if (this.ready) void this.post({ type: 'run-ended', runId: run.runId, status, error });
      },
    };
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    const wait = FLUSH_MS - (Date.now() - this.lastFlush);
    if (wait <= 0) this.flush();
    else this.flushTimer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.lastFlush = Date.now();
    for (const [runId, handle] of this.runs) {
      if (handle.pending.length === 0) continue;
      const events = handle.pending.splice(0);
      for (const e of events) {
        if (isReplayedEvent(e)) handle.log.push(e);
        if (e.type === 'done') handle.state.result = e.result;
      }
      if (this.ready) void this.post({ type: 'events', runId, events });
    }
  }

  private post(message: TrainingHostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private async onMessage(message: TrainingWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        // A (re)loaded webview gets every run from the start: events that came before it was ready included.
        this.ready = true;
        for (const handle of this.runs.values()) {
          if (handle.restored) {
            await this.post({ type: 'run-restored', state: handle.state });
            continue;
          }
          await this.post({ type: 'run-started', run: handle.state.run });
          for (const e of handle.pending.splice(0)) if (isReplayedEvent(e)) handle.log.push(e);
          await this.post({ type: 'events', runId: handle.state.run.runId, events: handle.log });
          if (handle.state.status !== 'running') await this.post({ type: 'run-ended', runId: handle.state.run.runId, status: handle.state.status });
        }
        break;
      }
      case 'stop':
        this.runs.get(message.runId)?.cancel();
        break;
      case 'export':
        await this.export(message.runId, message.what);
        break;
    }
  }

  private async export(runId: string, what: 'metrics' | 'loss' | 'model'): Promise<void> {
    const handle = this.runs.get(runId);
    const result: TrainingResult | undefined = handle?.state.result;
    if (!handle || !result) {
      void vscode.window.showInformationMessage('Dataset Inspector: the run has no results yet.');
      return;
    }
    const folder = path.dirname(vscode.Uri.parse(this.key).fsPath);
    const base = `${path.basename(handle.state.run.fileName, path.extname(handle.state.run.fileName))}-${handle.state.run.target}`;
    if (what === 'model') {
      // A tfjs layers model: model.json plus weights.bin beside it (the name the manifest points at).
      const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(path.join(folder, `${base}-model`, 'model.json')), filters: { 'TensorFlow.js model': ['json'] } });
      if (!target) return;
      const { modelJson, weights } = tfjsModelArtifacts(result, handle.state.run.target);
      await mkdir(path.dirname(target.fsPath), { recursive: true });
      await writeFile(target.fsPath, JSON.stringify(modelJson, null, 2));
      await writeFile(path.join(path.dirname(target.fsPath), WEIGHTS_FILE), new Uint8Array(weights.buffer));
      return;
    }
    const content =
      what === 'loss'
        ? ['epoch,train_loss,validation_loss', ...result.lossHistory.map((p) => `${p.epoch},${p.trainLoss},${p.validationLoss ?? ''}`)].join('\n') + '\n'
        : JSON.stringify({ task: result.task, split: result.metricsSplit, metrics: result.metrics, coefficients: result.coefficients, backend: result.backend }, null, 2);
    const extension = what === 'loss' ? 'csv' : 'json';
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(folder, `${base}-${what}.${extension}`)),
      filters: what === 'loss' ? { CSV: ['csv'] } : { JSON: ['json'] },
    });
    if (target) await writeFile(target.fsPath, content);
  }

  dispose(): void {
    TrainingPanel.panels.delete(this.key);
    for (const handle of this.runs.values()) if (handle.state.status === 'running') handle.cancel();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** Restores training panels after a window reload (activation event `onWebviewPanel:datasetInspector.training`). */
export function registerTrainingPanelSerializer(services: ExtensionServices): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(TRAINING_VIEW_TYPE, {
    deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => TrainingPanel.restore(services, panel, state as TrainingPanelState | undefined),
  });
}
