/**
 * Runs "Check data quality" for one file in a worker thread (never on the extension host's event loop),
 * with a cancellable progress notification, and keeps the newest outcome per file.
 */
import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { CheckRequest, CheckResult, CheckWorkerMessage } from '../jobs/check-protocol';
import { readCheckSettings } from './config';
import { diagnosticsUriFor, isBinaryDataFile } from './data-files';

export interface CheckOutcome {
  /** The data file. */
  uri: vscode.Uri;
  /** Where diagnostics and reveals point: the file itself, or its read-only table view. */
  diagnosticsUri: vscode.Uri;
  result: CheckResult;
}

export interface CheckOptions {
  /** Show a progress notification with a Cancel button (default true). */
  showProgress?: boolean;
  /** Unsaved editor content to check instead of the file on disk (text formats only). */
  text?: string;
}

export class CheckService implements vscode.Disposable {
  private readonly outcomes = new Map<string, CheckOutcome>();
  private readonly running = new Map<string, Promise<CheckOutcome | undefined>>();
  private readonly didCheck = new vscode.EventEmitter<CheckOutcome>();
  readonly onDidCheck = this.didCheck.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  lastOutcome(uri: vscode.Uri): CheckOutcome | undefined {
    return this.outcomes.get(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.outcomes.delete(uri.toString());
  }

  /** Checks `uri`; resolves undefined when cancelled. Concurrent calls for the same file share one run. */
  check(uri: vscode.Uri, options: CheckOptions = {}): Promise<CheckOutcome | undefined> {
    const key = uri.toString();
    const pending = this.running.get(key);
    if (pending) return pending;
    const run = this.runCheck(uri, options.showProgress ?? true, options.text).finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  private async runCheck(uri: vscode.Uri, showProgress: boolean, text: string | undefined): Promise<CheckOutcome | undefined> {
    if (uri.scheme !== 'file') throw new Error(`Dataset Inspector reads files on disk; ${uri.toString()} is not one.`);
    const settings = readCheckSettings(uri);
    const request: CheckRequest = {
      type: 'check',
      path: uri.fsPath,
      ingest: settings.ingest,
      quality: settings.quality,
      renderText: isBinaryDataFile(uri),
      text: isBinaryDataFile(uri) ? undefined : text,
    };
    const started = Date.now();
    const name = path.basename(uri.fsPath);
    const execute = (report: (message: string, increment?: number) => void, token?: vscode.CancellationToken) =>
      this.runWorker(request, report, token);
    const result = showProgress
      ? await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Checking ${name}`, cancellable: true },
          (progress, token) => execute((message, increment) => progress.report({ message, increment }), token),
        )
      : await execute(() => undefined);
    if (!result) {
      this.output.info(`Check of ${uri.fsPath} cancelled.`);
      return undefined;
    }
    const outcome: CheckOutcome = { uri, diagnosticsUri: diagnosticsUriFor(uri), result };
    this.outcomes.set(uri.toString(), outcome);
    this.output.info(
      `Checked ${uri.fsPath}: ${result.rowCount} rows, ${result.findings.length} findings shown ` +
        `(ingest ${result.timingsMs.ingest} ms, profile ${result.timingsMs.profile} ms, rules ${result.timingsMs.quality} ms, total ${Date.now() - started} ms; ${result.threads} thread${result.threads === 1 ? '' : 's'}).`,
    );
    for (const note of result.notes) {
      this.output.info(note);
      if (showProgress) void vscode.window.showInformationMessage(note);
    }
    this.didCheck.fire(outcome);
    return outcome;
  }

  private runWorker(
    request: CheckRequest,
    report: (message: string, increment?: number) => void,
    token: vscode.CancellationToken | undefined,
  ): Promise<CheckResult | undefined> {
    const script = vscode.Uri.joinPath(this.extensionUri, 'dist', 'jobs', 'check-worker.js').fsPath;
    return new Promise<CheckResult | undefined>((resolve, reject) => {
      const worker = new Worker(script);
      let settled = false;
      let lastPercent = 0;
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        cancellation?.dispose();
        void worker.terminate();
        action();
      };
      const cancellation = token?.onCancellationRequested(() => finish(() => resolve(undefined)));
      worker.on('message', (message: CheckWorkerMessage) => {
        switch (message.type) {
          case 'progress': {
            const percent = message.totalBytes > 0 ? Math.floor((100 * message.bytesRead) / message.totalBytes) : 0;
            const stage = message.stage === 'ingest' ? `reading (${message.rows.toLocaleString()} rows)` : message.stage;
            report(stage, message.stage === 'ingest' ? Math.max(0, percent - lastPercent) * 0.8 : undefined);
            lastPercent = Math.max(lastPercent, percent);
            break;
          }
          case 'result':
            finish(() => resolve(message.result));
            break;
          case 'error':
            finish(() => reject(new Error(message.message)));
            break;
        }
      });
      worker.on('error', (error) => finish(() => reject(error)));
      worker.on('exit', (code) => finish(() => reject(new Error(`The check worker stopped unexpectedly (exit code ${code}).`))));
      worker.postMessage(request);
    });
  }

  dispose(): void {
    this.didCheck.dispose();
  }
}
