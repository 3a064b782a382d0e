/**
 * The worker threads the CSV reader (and the per-column profile) share: spawned on first use, kept for
 * the life of the process and never keeping it alive while idle. Each worker holds the chunk readers of
 * the reads it takes part in and answers their requests in order.
 *
 * The worker script is the esbuild bundle `csv-worker.js` (dist/jobs/, next to the check worker and the
 * training job; the CLI and the extension host find it from dist/); run from the TypeScript sources
 * (unit tests under tsx) it is `worker.ts`, loaded through tsx.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { PoolReply, PoolRequest } from './worker-protocol';

/**
 * Threads a read uses for a `threads` setting: a positive number as given (1 reads in the calling thread
 * only), anything else (0, unset) every available core.
 */
export function threadCount(threads: number | undefined): number {
  return threads !== undefined && Number.isFinite(threads) && threads >= 1 ? Math.floor(threads) : availableParallelism();
}

interface WorkerScript {
  file: string;
  eval: boolean;
}

/** Where the worker script is, or undefined (the reader then works in the calling thread only). */
function findWorkerScript(): WorkerScript | undefined {
  if (__filename.endsWith('.ts')) {
    const source = join(__dirname, 'worker.ts');
    const tsx = 'tsx/cjs'; // a dev dependency, only for running the sources (not a string literal: bundlers leave it alone)
    return { file: `require(${JSON.stringify(require.resolve(tsx))}); require(${JSON.stringify(source)});`, eval: true };
  }
  for (const dir of [__dirname, join(__dirname, 'jobs'), join(__dirname, '..', 'jobs'), join(__dirname, '..', '..', 'jobs')]) {
    const file = join(dir, 'csv-worker.js');
    if (existsSync(file)) return { file, eval: false };
  }
  return undefined;
}

type Pending = { resolve: (reply: unknown) => void; reject: (error: Error) => void };

class PoolWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextSeq = 0;
  private failure: Error | undefined;

  constructor(script: WorkerScript, onExit: () => void) {
    this.worker = new Worker(script.file, { eval: script.eval });
    this.worker.unref();
    this.worker.on('message', (message: PoolReply) => {
      const pending = this.pending.get(message.seq);
      if (!pending) return;
      this.settle(message.seq);
      if (message.error !== undefined) pending.reject(new Error(message.error));
      else pending.resolve(message.reply);
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const [seq, pending] of [...this.pending]) {
        this.settle(seq);
        pending.reject(error);
      }
      onExit();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`A CSV reader thread stopped (exit code ${code}).`)));
  }

  private settle(seq: number): void {
    this.pending.delete(seq);
    // An idle worker does not keep the process alive.
    if (this.pending.size === 0) this.worker.unref();
  }

  /** Posts a message that needs no answer. */
  post(message: PoolRequest): void {
    if (!this.failure) this.worker.postMessage(message);
  }

  /** Posts a request and resolves with the worker's answer. */
  call<T>(message: (seq: number) => PoolRequest): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.nextSeq++;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(seq, { resolve: (reply) => resolve(reply as T), reject });
      this.worker.postMessage(message(seq));
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

export class WorkerPool {
  private readonly workers: (PoolWorker | undefined)[] = [];
  private nextSession = 0;

  constructor(private readonly script: WorkerScript) {}

  /** Worker `i` (spawned on first use, again after a crash). */
  worker(i: number): PoolWorker {
    const existing = this.workers[i];
    if (existing) return existing;
    const fresh = new PoolWorker(this.script, () => {
      if (this.workers[i] === fresh) this.workers[i] = undefined;
    });
    this.workers[i] = fresh;
    return fresh;
  }

  session(): number {
    return this.nextSession++;
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0).filter((w): w is PoolWorker => w !== undefined);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

let shared: WorkerPool | null | undefined;

/** The process's pool, or undefined when no worker script is found (reads then stay in the calling thread). */
export function sharedPool(): WorkerPool | undefined {
  if (shared === undefined) {
    const script = findWorkerScript();
    shared = script ? new WorkerPool(script) : null;
  }
  return shared ?? undefined;
}

/** Terminates the shared pool's workers (tests; a process exits without it). */
export async function closeSharedPool(): Promise<void> {
  await shared?.close();
}
