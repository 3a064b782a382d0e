/**
 * Messages between the training client (train-client.ts, in the extension host or a test) and the job
 * (train-job.ts, a child process), over its IPC channel:
 *   parent → child  optionally { type: 'preload', path } (read the file and initialize the backend while
 *                   the pickers are open) and any number of { type: 'exclusions', target } (which features to
 *                   leave out for that target, answered from the preloaded table), then
 *                   { type: 'start', config }, then optionally { type: 'cancel' }
 *   child → parent  'exclusions' answers, and the run's TrainingEvents: 'backend', 'prepared', 'progress',
 *                   'epoch', …, then 'done' or 'error' (with `cancelled` when it was stopped on request)
 * The child exits when the run ends (0 after 'done', 1 after 'error', {@link CANCELLED_EXIT_CODE} when
 * cancelled).
 */
import type { FeatureExclusion } from '../core/train/candidates';
import type { TrainingConfig, TrainingEvent } from '../core/train/types';

export type TrainJobRequest =
  | { type: 'preload'; path: string }
  | { type: 'exclusions'; target: string }
  | { type: 'start'; config: TrainingConfig }
  | { type: 'cancel' };

/**
 * A request as the job receives it: a 'start' carries its configuration unchecked, which the job checks
 * with its schema (core/train/config-schema.ts, kept out of the extension host that imports this module).
 */
export type ReceivedTrainJobRequest = Exclude<TrainJobRequest, { type: 'start' }> | { type: 'start'; config: unknown };

export type ExclusionsReply =
  | { type: 'exclusions'; target: string; exclusions: FeatureExclusion[] }
  | { type: 'exclusions-failed'; target: string; message: string };

export type TrainJobMessage = TrainingEvent | ExclusionsReply;

export const CANCELLED_EXIT_CODE = 130;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A message from the parent, checked but for a start's configuration (the channel carries whatever the other side sends). */
export function asTrainJobRequest(message: unknown): ReceivedTrainJobRequest | undefined {
  if (!isRecord(message)) return undefined;
  switch (message.type) {
    case 'preload':
      return typeof message.path === 'string' ? { type: 'preload', path: message.path } : undefined;
    case 'exclusions':
      return typeof message.target === 'string' ? { type: 'exclusions', target: message.target } : undefined;
    case 'start':
      return { type: 'start', config: message.config };
    case 'cancel':
      return { type: 'cancel' };
    default:
      return undefined;
  }
}

/** A message from the child, checked as far as the parent relies on it (its `type`). */
export function asTrainJobMessage(message: unknown): TrainJobMessage | undefined {
  return isRecord(message) && typeof message.type === 'string' ? (message as unknown as TrainJobMessage) : undefined;
}
