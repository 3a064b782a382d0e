/**
 * The host side of a table worker: starts the data worker (`dist/jobs/check-worker.js`, which serves a table
 * when its first request opens one) for one file, relays its events and
 * turns queries into promises. The worker holds the table; the host only passes windows through.
 */
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { GridFinding } from '../../core/table-session/types';
import type { ReadSettings } from '../../core/ingest/options';
import type { TableQueries, TableQueryName, TableRequest, TableWorkerMessage } from '../../jobs/table-protocol';

/** What the worker says besides replies: opened, progress, loaded, profile, error. */
export type TableWorkerEvent = Exclude<TableWorkerMessage, { type: 'reply' } | { type: 'failed' }>;

/** How long a replaced worker may take to answer the questions asked before the file changed. */
const RETIRE_TIMEOUT_MS = 30_000;

export class TableWorkerClient implements vscode.Disposable {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  private readonly events = new vscode.EventEmitter<TableWorkerEvent>();
  /** opened, progress, loaded, profile and error events of the worker. */
  readonly onEvent = this.events.event;
  private stopped = false;
  /** Set while a replaced worker answers its last questions (retire). */
  private retiring: ReturnType<typeof setTimeout> | undefined;
  /** The latest of each event, for editors that attach after it happened. */
  readonly latest: Partial<{ [K in TableWorkerEvent['type']]: Extract<TableWorkerEvent, { type: K }> }> = {};

  constructor(extensionUri: vscode.Uri, path: string, read: ReadSettings) {
    this.worker = new Worker(vscode.Uri.joinPath(extensionUri, 'dist', 'jobs', 'check-worker.js').fsPath);
    this.worker.on('message', (message: TableWorkerMessage) => this.receive(message));
    this.worker.on('error', (error) => this.fail(error.message));
    this.worker.on('exit', (code) => this.fail(`The table worker stopped unexpectedly (exit code ${code}).`));
    this.send({ type: 'open', path, read });
  }

  private send(message: TableRequest): void {
    if (!this.stopped) this.worker.postMessage(message);
  }

  private receive(message: TableWorkerMessage): void {
    if (message.type === 'reply' || message.type === 'failed') {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'reply') waiting?.resolve(message.value as never);
      else waiting?.reject(new Error(message.message));
      if (this.retiring !== undefined && this.pending.size === 0) this.dispose();
      return;
    }
    (this.latest as Record<string, TableWorkerEvent>)[message.type] = message;
    this.events.fire(message);
  }

  private fail(message: string): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const waiting of this.pending.values()) waiting.reject(new Error(message));
    this.pending.clear();
    const event: TableWorkerEvent = { type: 'error', message };
    this.latest.error = event;
    this.events.fire(event);
  }

  /** Asks about view `view` (one per editor; 0 for callers without an editor). */
  query<K extends TableQueryName>(name: K, query: TableQueries[K]['query'], view = 0): Promise<TableQueries[K]['reply']> {
    if (this.stopped) return Promise.reject(new Error(this.latest.error?.message ?? 'The table worker has stopped.'));
    const id = this.nextId++;
    return new Promise<TableQueries[K]['reply']>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject });
      this.send({ type: 'query', id, view, name, query } as TableRequest);
    });
  }

  closeView(view: number): void {
    this.send({ type: 'close', view });
  }

  setFindings(findings: GridFinding[]): void {
    this.send({ type: 'findings', findings });
  }

  /**
   * Replaced by a worker reading the file again: questions already asked are still answered (by the
   * table as it was), then the worker ends. New questions go to the new worker.
   */
  retire(): void {
    if (this.pending.size === 0 || this.stopped) {
      this.dispose();
      return;
    }
    this.retiring = setTimeout(() => this.dispose(), RETIRE_TIMEOUT_MS);
  }

  dispose(): void {
    clearTimeout(this.retiring);
    this.retiring = undefined;
    this.stopped = true;
    for (const waiting of this.pending.values()) waiting.reject(new Error('The table was closed.'));
    this.pending.clear();
    void this.worker.terminate();
    this.events.dispose();
  }
}
