/**
 * Starts a training run in a child process (pure Node, no vscode: used by the VS Code shell and tests),
 * speaking the protocol of train-protocol.ts. The child (train-job) streams TrainingEvents; a native
 * crash, a kill or a protocol problem in the child rejects `done` with a clear message and never throws
 * into the parent. Each call forks its own process, so several runs may go at once.
 *
 * `warmTrainingJob(path)` starts the process ahead of the configuration: it reads the file and initializes
 * the backend while the user is still in the pickers (which ask it which features to leave out), so
 * `start(config)` trains at once.
 *
 * Tests can run the TypeScript job directly: `{ jobScript: 'src/jobs/train-job.ts', execArgv: ['--import', 'tsx'] }`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TrainingConfig, TrainingEvent, TrainingResult } from '../core/train/types';
import type { FeatureExclusion } from '../core/train/candidates';
import { TrainingCancelledError } from '../core/shared/cancel';
import { CANCELLED_EXIT_CODE, asTrainJobMessage, type TrainJobRequest } from './train-protocol';

export interface TrainingJobOptions {
  /** Absolute path of dist/jobs/train-job.js (or the .ts entry with execArgv ['--import', 'tsx']). */
  jobScript: string;
  /** Node options for the child; default none (the parent's, e.g. an inspector port, are not inherited). */
  execArgv?: string[];
  onEvent: (event: TrainingEvent) => void;
  /** Environment of the child; default the parent's. */
  env?: NodeJS.ProcessEnv;
  /** After cancel(), how long the child gets to stop by itself before it is killed (default 500 ms). */
  killAfterMs?: number;
}

export interface TrainingJob {
  /** Stops the run: asks the child to stop, kills it if it does not exit promptly; `done` rejects with a TrainingCancelledError. */
  cancel(): void;
  /** The result, or a rejection with the reason (bad data, divergence, crash; a TrainingCancelledError when cancelled). */
  done: Promise<TrainingResult>;
  /** The child's process id (undefined if it could not start). */
  readonly pid: number | undefined;
}

const STDERR_TAIL = 4000;

/** A job process started ahead of its configuration (see warmTrainingJob). */
export interface WarmTrainingJob {
  /**
   * Starts the run. The first call for the preloaded file uses the warm process; any other call (another
   * file, a second run, or the warm process is gone) starts a fresh one, as startTrainingJob does.
   */
  start(config: TrainingConfig, onEvent: (event: TrainingEvent) => void): TrainingJob;
  /** The features to leave out for `target` (suggestFeatureExclusions on the preloaded table), with their reasons. */
  exclusions(target: string): Promise<FeatureExclusion[]>;
  /** Ends the warm process if start() has not taken it (the user left the pickers). */
  dispose(): void;
  readonly pid: number | undefined;
}

type JobProcessOptions = Omit<TrainingJobOptions, 'onEvent'>;

interface JobProcess {
  child: ChildProcess;
  /** The last lines the child wrote to stderr. */
  stderrTail(): string;
}

/** Sends a request to the job; false when the channel is closed (the 'exit' handlers report the outcome). */
function sendRequest(child: ChildProcess, request: TrainJobRequest): boolean {
  if (!child.connected) return false;
  try {
    child.send(request);
    return true;
  } catch {
    return false;
  }
}

function forkJob(options: JobProcessOptions): JobProcess | Error {
  if (!existsSync(options.jobScript)) {
    return new Error(`The training job script is missing: ${options.jobScript}. Rebuild the extension (npm run build).`);
  }
  let child: ChildProcess;
  try {
    child = fork(options.jobScript, [], {
      execArgv: options.execArgv ?? [],
      env: options.env ?? process.env,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
  } catch (error) {
    return new Error(`Could not start the training job: ${error instanceof Error ? error.message : String(error)}`);
  }
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL);
  });
  // Spawn failures and sends on a closed channel surface here; the run's own handlers report them.
  child.on('error', () => undefined);
  return { child, stderrTail: () => stderr };
}

function failedJob(error: Error): TrainingJob {
  return { cancel: () => undefined, done: Promise.reject(error), pid: undefined };
}

export function startTrainingJob(config: TrainingConfig, options: TrainingJobOptions): TrainingJob {
  const forked = forkJob(options);
  if (forked instanceof Error) return failedJob(forked);
  return runInProcess(forked, config, options);
}

/**
 * Forks the job now and has it read `path` and initialize its backend (the extension calls this when the
 * pickers open), so that training starts without that wait once the configuration is known.
 */
export function warmTrainingJob(path: string, options: JobProcessOptions): WarmTrainingJob {
  const forked = forkJob(options);
  let taken = forked instanceof Error;
  let exited = false;
  if (!(forked instanceof Error)) {
    forked.child.once('exit', () => {
      exited = true;
    });
    // A dead child is noticed by the 'exit' handler; start() then forks a fresh one.
    sendRequest(forked.child, { type: 'preload', path });
  }
  return {
    pid: forked instanceof Error ? undefined : forked.child.pid,
    start(config, onEvent) {
      if (taken || exited || forked instanceof Error || config.path !== path) return startTrainingJob(config, { ...options, onEvent });
      taken = true;
      return runInProcess(forked, config, { ...options, onEvent });
    },
    exclusions(target) {
      if (forked instanceof Error) return Promise.reject(forked);
      return askExclusions(forked.child, target);
    },
    dispose() {
      if (taken || forked instanceof Error) return;
      taken = true;
      if (!exited) forked.child.kill('SIGKILL');
    },
  };
}

function askExclusions(child: ChildProcess, target: string): Promise<FeatureExclusion[]> {
  return new Promise<FeatureExclusion[]>((resolve, reject) => {
    const onMessage = (raw: unknown) => {
      const message = asTrainJobMessage(raw);
      if ((message?.type !== 'exclusions' && message?.type !== 'exclusions-failed') || message.target !== target) return;
      done();
      if (message.type === 'exclusions') resolve(message.exclusions);
      else reject(new Error(message.message));
    };
    const onExit = () => {
      done();
      reject(new Error('The training job ended before it could read the file.'));
    };
    const done = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (!sendRequest(child, { type: 'exclusions', target })) onExit();
  });
}

function runInProcess({ child, stderrTail }: JobProcess, config: TrainingConfig, options: TrainingJobOptions): TrainingJob {
  let settled = false;
  let resolveDone: (result: TrainingResult) => void = () => undefined;
  let rejectDone: (error: Error) => void = () => undefined;
  const done = new Promise<TrainingResult>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  const settle = (outcome: { result: TrainingResult } | { error: Error }) => {
    if (settled) return;
    settled = true;
    if ('result' in outcome) resolveDone(outcome.result);
    else rejectDone(outcome.error);
  };
  const deliver = (event: TrainingEvent) => {
    try {
      options.onEvent(event);
    } catch {
      // A failing listener must not break the job's bookkeeping.
    }
  };

  let cancelled = false;
  let errorMessage: string | undefined;
  let killTimer: NodeJS.Timeout | undefined;

  child.on('message', (raw: unknown) => {
    const message = asTrainJobMessage(raw);
    if (!message || message.type === 'exclusions' || message.type === 'exclusions-failed') return;
    deliver(message);
    if (message.type === 'done') settle({ result: message.result });
    else if (message.type === 'error') {
      if (message.cancelled) cancelled = true;
      else errorMessage = message.message;
    }
  });
  child.on('error', (error) => {
    // Spawn failures, or a send on a closed channel: the 'exit' handler reports the outcome.
    if (child.pid === undefined) settle({ error: new Error(`Could not start the training job: ${error.message}`) });
  });
  const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
    if (killTimer) clearTimeout(killTimer);
    if (cancelled || code === CANCELLED_EXIT_CODE) return settle({ error: new TrainingCancelledError() });
    if (errorMessage !== undefined) return settle({ error: new Error(errorMessage) });
    if (settled) return;
    const tail = stderrTail().trim().split('\n').slice(-6).join('\n').slice(-1200);
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    settle({
      error: new Error(
        code === 0 && !signal
          ? 'The training job ended without a result.'
          : `The training job crashed (it ${how}).${tail ? ` Last output:\n${tail}` : ''}`,
      ),
    });
  };
  child.on('exit', onExit);

  if (!sendRequest(child, { type: 'start', config })) settle({ error: new Error('Could not start the training job: its channel is closed.') });

  return {
    pid: child.pid,
    done,
    cancel() {
      if (cancelled || child.exitCode !== null || child.signalCode !== null) return;
      cancelled = true;
      settle({ error: new TrainingCancelledError() });
      // On a closed channel the kill below ends it.
      sendRequest(child, { type: 'cancel' });
      killTimer = setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }, options.killAfterMs ?? 500);
      killTimer.unref();
    },
  };
}
