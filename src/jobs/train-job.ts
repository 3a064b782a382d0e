/**
 * Child-process entry of a training run (bundled to dist/jobs/train-job.js; started by train-client.ts
 * with child_process.fork), speaking the protocol of train-protocol.ts. SIGTERM and a lost parent (IPC
 * disconnect) cancel too. A native crash simply ends the process; the client reports it.
 */
import { stat } from 'node:fs/promises';
import { ingestFile } from '../core/ingest/index';
import type { IngestResult } from '../core/table/model';
import { type TrainingRuntime, initBackend } from '../core/train/backend';
import { runTraining } from '../core/train/run';
import { suggestFeatureExclusions } from '../core/train/candidates';
import type { TrainingEvent } from '../core/train/types';
import { parseTrainingConfig } from '../core/train/config-schema';
import { TrainingCancelledError, isCancellation } from '../core/shared/cancel';
import { CANCELLED_EXIT_CODE, asTrainJobRequest, type TrainJobMessage } from './train-protocol';

/** 'progress' events at most this often (epoch events always go out). */
const PROGRESS_INTERVAL_MS = 100;
/** A preloaded job that never gets its 'start' leaves after this long (a parent that forgot it). */
const PRELOAD_IDLE_MS = 30 * 60_000;

const controller = new AbortController();
let started = false;
let exiting = false;

interface Preload {
  path: string;
  /** Size and modification time when the read began: a file changed since is read again. */
  version: Promise<string>;
  input: Promise<IngestResult>;
  runtime: Promise<TrainingRuntime>;
  idle: NodeJS.Timeout;
}
let preload: Preload | undefined;

const fileVersion = async (path: string): Promise<string> => {
  const s = await stat(path);
  return `${s.size}:${s.mtimeMs}`;
};

function startPreload(path: string): void {
  const version = fileVersion(path);
  const input = version.then(() => ingestFile(path, { signal: controller.signal }));
  const runtime = initBackend('auto');
  // Failures surface when 'start' uses them (or the file is read again).
  for (const p of [version, input, runtime]) p.catch(() => undefined);
  const idle = setTimeout(() => {
    if (!started) void finish(0);
  }, PRELOAD_IDLE_MS);
  idle.unref();
  preload = { path, version, input, runtime, idle };
}

/** The preloaded table when it is of this file and the file has not changed since; otherwise a fresh read. */
async function readInput(path: string): Promise<IngestResult> {
  if (preload && preload.path === path) {
    try {
      const [before, now] = await Promise.all([preload.version, fileVersion(path)]);
      if (before === now) return await preload.input;
    } catch {
      // Fall through: read it now, and report that error if it persists.
    }
  }
  return ingestFile(path, { signal: controller.signal });
}

const pending = new Set<Promise<void>>();

function send(event: TrainJobMessage): Promise<void> {
  const sent = new Promise<void>((resolve) => {
    if (!process.send || !process.connected) return resolve();
    try {
      process.send(event, undefined, {}, () => resolve());
    } catch {
      resolve();
    }
  });
  pending.add(sent);
  void sent.then(() => pending.delete(sent));
  return sent;
}

async function finish(code: number): Promise<void> {
  if (exiting) return;
  exiting = true;
  // The code also when the process ends on its own before the timer below (nothing else keeps it alive).
  process.exitCode = code;
  await Promise.all([...pending]);
  // Let the IPC channel drain, then leave.
  setTimeout(() => process.exit(code), 20).unref();
  if (process.connected) process.disconnect();
}

/** Runs the training a 'start' message asks for; a malformed configuration ends the job with an 'error' event saying what is wrong. */
async function run(rawConfig: unknown): Promise<void> {
  let lastProgress = 0;
  const onEvent = (event: TrainingEvent) => {
    if (event.type === 'progress') {
      const now = Date.now();
      if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
    }
    void send(event);
  };
  try {
    if (preload) clearTimeout(preload.idle);
    const config = parseTrainingConfig(rawConfig);
    // Initialize the backend while the file is read.
    const backend = config.backend ?? 'auto';
    const runtime = preload && backend === 'auto' ? preload.runtime : initBackend(backend);
    runtime.catch(() => undefined);
    const input = await readInput(config.path);
    if (controller.signal.aborted) throw new TrainingCancelledError();
    await runTraining(input, config, onEvent, controller.signal, { runtime, progressIntervalMs: PROGRESS_INTERVAL_MS });
    await finish(0);
  } catch (error) {
    const cancelled = controller.signal.aborted || isCancellation(error);
    const message = cancelled ? new TrainingCancelledError().message : error instanceof Error ? error.message : String(error);
    await send({ type: 'error', message, cancelled });
    await finish(cancelled ? CANCELLED_EXIT_CODE : 1);
  }
}

/** Answers which features to leave out for `target`, from the preloaded table. */
async function answerExclusions(target: string): Promise<void> {
  try {
    if (!preload) throw new Error('The training job has no file to read (no preload).');
    const exclusions = suggestFeatureExclusions(await preload.input, target);
    await send({ type: 'exclusions', target, exclusions });
  } catch (error) {
    await send({ type: 'exclusions-failed', target, message: error instanceof Error ? error.message : String(error) });
  }
}

process.on('message', (raw: unknown) => {
  const message = asTrainJobRequest(raw);
  if (message?.type === 'preload' && !started && !preload) {
    startPreload(message.path);
  } else if (message?.type === 'exclusions' && !started) {
    void answerExclusions(message.target);
  } else if (message?.type === 'start' && !started) {
    started = true;
    void run(message.config);
  } else if (message?.type === 'cancel') {
    controller.abort();
    if (!started) void finish(CANCELLED_EXIT_CODE);
  }
});

const cancelAndExit = () => {
  controller.abort();
  // The training loop notices the abort at its next yield (≤ ~50 ms); exit regardless soon after.
  setTimeout(() => process.exit(CANCELLED_EXIT_CODE), 1000).unref();
};
process.on('SIGTERM', cancelAndExit);
process.on('disconnect', () => {
  if (!exiting) cancelAndExit();
});
