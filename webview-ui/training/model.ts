/** Pure state of the training view: folding job events into per-run state (unit-tested without a browser). */
import type { TrainingEvent } from '../../src/core/train/types';
import type { RunDescription, RunState } from '../../src/shared/protocol/training';
import { formatNumber } from '../shared/format';

/** Running-loss points kept per unfinished epoch (the oldest are thinned out beyond this). */
const MAX_PARTIAL_POINTS = 200;

export function newRun(run: RunDescription): RunState {
  return { run, status: 'running', points: [], messages: [], elapsedMs: 0 };
}

/** Applies one event to a run's state (returns the same object, mutated). */
export function applyEvent(state: RunState, event: TrainingEvent): RunState {
  switch (event.type) {
    case 'backend':
      state.backend = event.backend;
      state.backendDetail = event.detail;
      break;
    case 'prepared':
      // A replayed event must not repeat its lines.
      if (state.messages.length) break;
      state.messages.push(
        `${event.summary.trainRows} train / ${event.summary.validationRows} validation / ${event.summary.testRows} test rows; ` +
          `${event.summary.inputNames.length} inputs` +
          (event.summary.rowsDroppedMissingTarget ? `; ${event.summary.rowsDroppedMissingTarget} rows without a target dropped` : '') +
          (event.summary.rowsExcluded ? `; ${event.summary.rowsExcluded} flagged rows excluded` : ''),
        ...event.summary.notes,
      );
      break;
    case 'progress': {
      state.progress = { epoch: event.epoch, batch: event.batch, batchesPerEpoch: event.batchesPerEpoch };
      // Only for epochs not drawn yet (a late 'progress' must not add a point behind its epoch's).
      if (state.points.some((p) => p.epoch >= event.epoch)) break;
      const partial = (state.partialPoints ??= []);
      partial.push({ x: event.epoch - 1 + event.batch / Math.max(1, event.batchesPerEpoch), trainLoss: event.trainLoss });
      if (partial.length > MAX_PARTIAL_POINTS) state.partialPoints = partial.filter((_, i) => i % 2 === 0 || i === partial.length - 1);
      break;
    }
    case 'epoch':
      if (!state.points.some((p) => p.epoch === event.epoch)) state.points.push({ epoch: event.epoch, trainLoss: event.trainLoss, validationLoss: event.validationLoss });
      state.elapsedMs = Math.max(state.elapsedMs, event.elapsedMs);
      if (state.partialPoints) state.partialPoints = state.partialPoints.filter((p) => p.x > event.epoch);
      break;
    case 'fold': {
      state.fold = { fold: event.fold, folds: event.folds, epoch: event.epoch, epochs: event.epochs };
      const prefix = `Cross-validation fold ${event.fold}/${event.folds}:`;
      if (event.metrics && !state.messages.some((m) => m.startsWith(prefix))) {
        state.messages.push(`${prefix} ${event.metrics.map((m) => `${m.name} ${formatNumber(m.value)}`).join(', ')}`);
      }
      break;
    }
    case 'diverged':
      state.messages.push(`Diverged at epoch ${event.epoch}: ${event.advice}`);
      break;
    case 'stopped-early':
      state.messages.push(`Stopped early at epoch ${event.epoch}: ${event.reason}`);
      break;
    case 'done':
      state.result = event.result;
      state.status = 'done';
      state.elapsedMs = event.result.elapsedMs;
      break;
    case 'error':
      state.status = event.cancelled ? 'stopped' : 'failed';
      state.error = event.message;
      break;
  }
  return state;
}

/**
 * A chart series: the epoch points, and for the training loss also the running in-epoch points (sorted
 * by x). Loss values for a log-scale axis must be positive: non-positive values are dropped.
 */
export function lossSeries(
  points: RunState['points'],
  which: 'trainLoss' | 'validationLoss',
  logScale: boolean,
  partialPoints: RunState['partialPoints'] = [],
): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  const keep = (y: number | null): y is number => y !== null && Number.isFinite(y) && !(logScale && y <= 0);
  for (const p of points) {
    const y = p[which];
    if (keep(y)) out.push({ x: p.epoch, y });
  }
  if (which === 'trainLoss') {
    for (const p of partialPoints) if (keep(p.trainLoss)) out.push({ x: p.x, y: p.trainLoss });
    out.sort((a, b) => a.x - b.x);
  }
  return out;
}

/** Share of the run done (0–1): epochs (and batches) of the main run, then the cross-validation folds. */
export function runProgress(state: RunState): number {
  if (state.fold) {
    const { fold, folds, epoch, epochs } = state.fold;
    return Math.min(1, (fold - 1 + Math.min(1, epoch / Math.max(1, epochs))) / Math.max(1, folds));
  }
  const last = state.points[state.points.length - 1];
  const epochs = Math.max(1, state.run.epochs);
  const fraction = state.progress
    ? (state.progress.epoch - 1 + state.progress.batch / Math.max(1, state.progress.batchesPerEpoch)) / epochs
    : (last?.epoch ?? 0) / epochs;
  return Math.min(1, Math.max(0, fraction, (last?.epoch ?? 0) / epochs));
}
