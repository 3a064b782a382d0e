/**
 * A worker kept between jobs, so the next job meets code already compiled and optimized (a second check on a
 * kept worker spends 5–12% less CPU than on a fresh one: `npm run bench check-worker`): at most one idle worker, stopped
 * after a while without a job. A job that is cancelled or fails with its worker (an uncaught error, an exit)
 * has that worker stopped; the next job starts a new one. No `vscode` here: unit-tested with stand-in workers.
 */

/** How long an idle check worker is kept before it is stopped. */
export const CHECK_WORKER_IDLE_MS = 2 * 60 * 1000;

/** What the keeper needs of a worker (node's `Worker` has it). */
export interface StoppableWorker {
  terminate(): Promise<number>;
  once(event: 'exit', listener: (code: number) => void): unknown;
  off(event: 'exit', listener: (code: number) => void): unknown;
}

export interface KeptWorkerTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemTimers: KeptWorkerTimers = {
  setTimeout: (run, ms) => {
    const handle = setTimeout(run, ms);
    // An idle worker's timer never keeps the process alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class KeptWorker<W extends StoppableWorker> {
  private idle: { worker: W; timer: unknown; onExit: () => void } | undefined;
  private disposed = false;

  constructor(
    private readonly spawn: () => W,
    private readonly idleMs = CHECK_WORKER_IDLE_MS,
    private readonly timers: KeptWorkerTimers = systemTimers,
  ) {}

  /** Whether an idle worker is waiting for the next job. */
  get hasIdle(): boolean {
    return this.idle !== undefined;
  }

  /** A worker for one job: the idle one if there is one, else a new one. */
  acquire(): W {
    const idle = this.takeIdle();
    return idle ?? this.spawn();
  }

  /** The job ended and its worker can take another: kept idle (unless one already is), stopped after the idle time. */
  release(worker: W): void {
    if (this.disposed || this.idle) {
      void worker.terminate();
      return;
    }
    // A kept worker that stops on its own (a crash) is forgotten: the next job starts a new one.
    const onExit = () => {
      if (this.idle?.worker !== worker) return;
      this.timers.clearTimeout(this.idle.timer);
      this.idle = undefined;
    };
    worker.once('exit', onExit);
    const timer = this.timers.setTimeout(() => {
      if (this.idle?.worker !== worker) return;
      this.takeIdle();
      void worker.terminate();
    }, this.idleMs);
    this.idle = { worker, timer, onExit };
  }

  /** The job was cancelled or its worker failed: the worker is stopped, never reused. */
  discard(worker: W): void {
    void worker.terminate();
  }

  /** Stops the idle worker; workers released later are stopped at once. */
  dispose(): void {
    this.disposed = true;
    const idle = this.takeIdle();
    if (idle) void idle.terminate();
  }

  private takeIdle(): W | undefined {
    const idle = this.idle;
    if (!idle) return undefined;
    this.idle = undefined;
    this.timers.clearTimeout(idle.timer);
    idle.worker.off('exit', idle.onExit);
    return idle.worker;
  }
}
