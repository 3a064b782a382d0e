/**
 * Runs "Check data quality" for one file in a worker thread (never on the extension host's event loop; the
 * worker is kept for the next check a while, see kept-worker.ts), with a cancellable progress notification, and keeps recent outcomes per file within a memory budget
 * (least recently used dropped first: their diagnostics stay, and they are checked again when needed).
 */
import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { CheckRequest, CheckResult, CheckWorkerMessage } from '../jobs/check-protocol';
import { SECTION, readCheckSettings, resultMemoryBytes } from './config';
import { OptionError } from '../core/defaults';
import { SizeLru } from '../core/shared/size-lru';
import { estimatedResultBytes } from '../core/check/result-size';
import type { FileStamp } from '../core/ingest/source-bytes';
import { diagnosticsUriFor, isBinaryDataFile } from './data-files';
import type { DocumentMark } from './edit-log';
import { KeptWorker } from './kept-worker';

/** The text a check read: an open document's (its mark), and the file on disk when it read that (its size and modification time before). */
export interface CheckedText {
  mark?: DocumentMark;
  stamp?: FileStamp;
}

export interface CheckOutcome {
  /** The data file. */
  uri: vscode.Uri;
  /** Where diagnostics and reveals point: the file itself, or its read-only table view. */
  diagnosticsUri: vscode.Uri;
  checked: CheckedText;
  result: CheckResult;
}

export interface CheckOptions {
  /** Show a progress notification with a Cancel button (default true). */
  showProgress?: boolean;
  /** Unsaved editor content to check instead of the file on disk (text formats only). */
  text?: string;
  /** The open document of the file, as it is when the check is asked for. */
  mark?: DocumentMark;
}

/** What the kept outcomes take. */
export interface ResultMemory {
  files: number;
  bytes: number;
  budgetBytes: number;
}

/** The progress notification's words for the stages after reading. */
function stageLabel(stage: 'profile' | 'quality'): string {
  return stage === 'profile' ? vscode.l10n.t('profiling') : vscode.l10n.t('running the rules');
}

export class CheckService implements vscode.Disposable {
  private readonly outcomes = new SizeLru<string, CheckOutcome>(resultMemoryBytes());
  /** Every file checked in this session (findings shown), whether its outcome is still kept or not. */
  private readonly checked = new Map<string, vscode.Uri>();
  private readonly running = new Map<string, Promise<CheckOutcome | undefined>>();
  /** How to stop each running worker (the check then resolves as cancelled). */
  private readonly stops = new Set<() => void>();
  private readonly didCheck = new vscode.EventEmitter<CheckOutcome>();
  readonly onDidCheck = this.didCheck.event;
  private readonly onSettings: vscode.Disposable;
  /** The check worker, kept between checks so that the next one meets compiled code (kept-worker.ts). */
  private readonly workers: KeptWorker<Worker>;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
  ) {
    const script = vscode.Uri.joinPath(this.extensionUri, 'dist', 'jobs', 'check-worker.js').fsPath;
    this.workers = new KeptWorker(() => new Worker(script));
    this.onSettings = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.resultMemoryMB`)) this.dropped(this.outcomes.resize(resultMemoryBytes()));
    });
  }

  /** The newest outcome of `uri`, if still kept. */
  lastOutcome(uri: vscode.Uri): CheckOutcome | undefined {
    return this.outcomes.get(uri.toString());
  }

  /** The files checked in this session (findings shown), their outcomes kept or not: the most recently checked first. */
  checkedFiles(): vscode.Uri[] {
    return [...this.checked.values()].reverse();
  }

  wasChecked(uri: vscode.Uri): boolean {
    return this.checked.has(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.outcomes.delete(uri.toString());
    this.checked.delete(uri.toString());
  }

  /** What the kept outcomes take (estimated), against the budget (setting datasetInspector.resultMemoryMB). */
  resultMemory(): ResultMemory {
    return { files: this.outcomes.size, bytes: this.outcomes.bytes, budgetBytes: this.outcomes.budgetBytes };
  }

  /** Check workers running now. */
  get runningWorkers(): number {
    return this.stops.size;
  }

  /** Check workers waiting for the next check (0 or 1). */
  get idleWorkers(): number {
    return this.workers.hasIdle ? 1 : 0;
  }

  private dropped(keys: string[]): void {
    for (const key of keys) this.output.info(`Dropped the kept results of ${vscode.Uri.parse(key).fsPath} (memory budget); its diagnostics stay, it is checked again when needed.`);
  }

  /** Checks `uri`; resolves undefined when cancelled. Concurrent calls for the same file share one run. */
  check(uri: vscode.Uri, options: CheckOptions = {}): Promise<CheckOutcome | undefined> {
    const key = uri.toString();
    const pending = this.running.get(key);
    if (pending) return pending;
    const run = this.runCheck(uri, options.showProgress ?? true, options.text, options.mark).finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  private async runCheck(uri: vscode.Uri, showProgress: boolean, text: string | undefined, mark: DocumentMark | undefined): Promise<CheckOutcome | undefined> {
    if (uri.scheme !== 'file') throw new Error(vscode.l10n.t('Dataset Inspector reads files on disk; {0} is not one.', uri.toString()));
    const settings = readCheckSettings(uri);
    const request: CheckRequest = {
      type: 'check',
      path: uri.fsPath,
      read: settings.read,
      quality: settings.quality,
      renderText: isBinaryDataFile(uri),
      text: isBinaryDataFile(uri) ? undefined : text,
    };
    // The file as it is before the worker reads it: a later change of it shows in its size or modification time.
    const checked: CheckedText = { mark, stamp: request.text === undefined ? await stat(uri.fsPath).then(({ size, mtimeMs }) => ({ size, mtimeMs }), () => undefined) : undefined };
    const started = Date.now();
    const name = path.basename(uri.fsPath);
    const execute = (report: (message: string, increment?: number) => void, token?: vscode.CancellationToken) =>
      this.runWorker(request, report, token);
    const result = showProgress
      ? await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking {0}', name), cancellable: true },
          (progress, token) => execute((message, increment) => progress.report({ message, increment }), token),
        )
      : await execute(() => undefined);
    if (!result) {
      this.output.info(`Check of ${uri.fsPath} cancelled.`);
      return undefined;
    }
    const outcome: CheckOutcome = { uri, diagnosticsUri: diagnosticsUriFor(uri), checked, result };
    // Deleted first, so that the map's order is the order of the latest checks.
    this.checked.delete(uri.toString());
    this.checked.set(uri.toString(), uri);
    this.dropped(this.outcomes.set(uri.toString(), outcome, estimatedResultBytes(result)));
    this.output.info(
      `Checked ${uri.fsPath}: ${result.rowCount} rows, ${result.findings.length} findings shown ` +
        `(ingest ${result.timingsMs.ingest} ms, profile ${result.timingsMs.profile} ms, rules ${result.timingsMs.quality} ms, total ${Date.now() - started} ms; ${result.threads} thread${result.threads === 1 ? '' : 's'}).`,
    );
    for (const note of result.notes) {
      this.output.info(note);
      if (showProgress) void vscode.window.showInformationMessage(note);
    }
    for (const { setting, problem } of result.settingProblems) {
      this.output.warn(vscode.l10n.t('Setting datasetInspector.{0} ignored: the rule keeps its defaults.', `${setting} (${problem})`));
    }
    this.didCheck.fire(outcome);
    return outcome;
  }

  private runWorker(
    request: CheckRequest,
    report: (message: string, increment?: number) => void,
    token: vscode.CancellationToken | undefined,
  ): Promise<CheckResult | undefined> {
    return new Promise<CheckResult | undefined>((resolve, reject) => {
      const worker = this.workers.acquire();
      let settled = false;
      let lastPercent = 0;
      const stop = () => finish(false, () => resolve(undefined));
      /** Ends this check: its worker kept for the next one (`keep`, after a result or an error the worker reported) or stopped. */
      const finish = (keep: boolean, action: () => void) => {
        if (settled) return;
        settled = true;
        cancellation?.dispose();
        this.stops.delete(stop);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (keep) this.workers.release(worker);
        else this.workers.discard(worker);
        action();
      };
      this.stops.add(stop);
      const cancellation = token?.onCancellationRequested(stop);
      const onMessage = (message: CheckWorkerMessage) => {
        switch (message.type) {
          case 'progress': {
            const percent = message.totalBytes > 0 ? Math.floor((100 * message.bytesRead) / message.totalBytes) : 0;
            const stage = message.stage === 'ingest' ? vscode.l10n.t('reading ({0} rows)', message.rows.toLocaleString()) : stageLabel(message.stage);
            report(stage, message.stage === 'ingest' ? Math.max(0, percent - lastPercent) * 0.8 : undefined);
            lastPercent = Math.max(lastPercent, percent);
            break;
          }
          case 'result':
            finish(true, () => resolve(message.result));
            break;
          case 'error':
            finish(true, () => reject(message.option ? new OptionError(message.message, message.option) : new Error(message.message)));
            break;
        }
      };
      const onError = (error: Error) => finish(false, () => reject(error));
      const onExit = (code: number) => finish(false, () => reject(new Error(vscode.l10n.t('The check worker stopped unexpectedly (exit code {0}).', String(code)))));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }

  /** Stops the running workers (their checks resolve as cancelled) and the idle one, and lets go of the kept outcomes. */
  dispose(): void {
    for (const stop of [...this.stops]) stop();
    this.workers.dispose();
    this.onSettings.dispose();
    this.outcomes.clear();
    this.didCheck.dispose();
  }
}
