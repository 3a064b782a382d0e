/**
 * Runs cleaning requests in a worker thread (the data jobs' worker, dist/jobs/check-worker.js), one worker
 * per request, so the extension host never holds a table; a cancellation token or `cancel()` terminates it.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { CleanProgress, CleanReply, CleanRequest, CleanSourceRequest, CleanWorkerMessage } from '../jobs/clean-protocol';
import type { Recipe } from '../core/clean/recipe';

export interface CleanJob<R extends CleanReply> {
  /** The reply; undefined when cancelled. */
  done: Promise<R | undefined>;
  cancel(): void;
}

export function startCleanJob<T extends CleanRequest['type']>(
  extensionUri: vscode.Uri,
  request: Extract<CleanRequest, { type: T }>,
  onProgress: (progress: CleanProgress) => void = () => undefined,
): CleanJob<Extract<CleanReply, { type: T }>> {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'jobs', 'check-worker.js').fsPath;
  const worker = new Worker(script);
  let finish: (action: () => void) => void = () => undefined;
  const done = new Promise<Extract<CleanReply, { type: T }> | undefined>((resolve, reject) => {
    let settled = false;
    finish = (action) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      action();
    };
    worker.on('message', (message: CleanWorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'result') finish(() => resolve(message.reply as Extract<CleanReply, { type: T }>));
      else finish(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`The cleaning worker stopped unexpectedly (exit code ${code}).`))));
    worker.postMessage(request);
  });
  return { done, cancel: () => finish(() => undefined) };
}

/** Runs a request with a cancellable progress notification. */
export async function runCleanJobWithProgress<T extends CleanRequest['type']>(
  extensionUri: vscode.Uri,
  title: string,
  request: Extract<CleanRequest, { type: T }>,
): Promise<Extract<CleanReply, { type: T }> | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    let reported = 0;
    const job = startCleanJob(extensionUri, request, (p) => {
      const share = progressShare(p);
      progress.report({ message: progressText(p), increment: Math.max(0, 100 * (share - reported)) });
      reported = Math.max(reported, share);
    });
    token.onCancellationRequested(() => job.cancel());
    return job.done;
  });
}

/** Overall progress 0–1 over every pass. */
export function progressShare(p: CleanProgress): number {
  const within = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  return Math.min(1, (p.pass - 1 + within) / Math.max(1, p.passes));
}

export function progressText(p: CleanProgress): string {
  const rows = p.rows.toLocaleString();
  return p.passes > 1 ? vscode.l10n.t('pass {0} of {1}: {2} rows', p.pass, p.passes, rows) : vscode.l10n.t('{0} rows', rows);
}

/** A cleaned copy of a data file made with a recipe, for training on it (a CSV in a temporary folder). */
export interface CleanedCopy {
  path: string;
  /** A column's name in the copy (recipes may rename), or undefined when the recipe removed or encoded it. */
  columnName(original: string): string | undefined;
  /** The copy's columns. */
  columns: string[];
  dispose(): void;
}

/** Applies the recipe at `recipePath` to `dataFile` into a temporary CSV (cancellable progress notification). */
export async function cleanedCopy(extensionUri: vscode.Uri, dataFile: vscode.Uri, recipePath: string, read: CleanSourceRequest['read']): Promise<CleanedCopy | undefined> {
  const recipe = JSON.parse(await readFile(recipePath, 'utf8')) as Recipe;
  const dir = await mkdtemp(path.join(tmpdir(), 'dataset-inspector-clean-'));
  const outputPath = path.join(dir, `${path.basename(dataFile.fsPath, path.extname(dataFile.fsPath))}.clean.csv`);
  const reply = await runCleanJobWithProgress(extensionUri, vscode.l10n.t('Cleaning {0} with {1}', path.basename(dataFile.fsPath), path.basename(recipePath)), {
    type: 'write',
    source: { path: dataFile.fsPath, read },
    recipe: { ...recipe, output: { ...recipe.output, format: 'csv' } },
    outputPath,
  });
  const dispose = () => void rm(dir, { recursive: true, force: true });
  if (!reply) {
    dispose();
    return undefined;
  }
  const columns = reply.run.schemaOut.map((c) => c.name);
  // Follow each source column through the recipe's renames.
  const nameOf = new Map(reply.run.schemaIn.map((c) => [c.name, c.name]));
  for (const step of reply.recipe.steps) {
    if (step.step !== 'rename-columns' || !step.enabled) continue;
    const { mapping } = step.options as { mapping: Record<string, string> };
    for (const [original, current] of nameOf) if (mapping[current] !== undefined) nameOf.set(original, mapping[current]);
  }
  return {
    path: outputPath,
    columns,
    columnName(original) {
      const name = nameOf.get(original) ?? original;
      return columns.includes(name) ? name : undefined;
    },
    dispose,
  };
}
