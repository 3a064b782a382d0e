/** Pure state of the training view: folding job events into per-run state (unit-tested without a browser). */
import type { TrainingEvent } from '../../src/core/train/types';
import type { RunDescription, RunState } from '../../src/shared/protocol/training';

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
    case 'progress':
      state.progress = { epoch: event.epoch, batch: event.batch, batchesPerEpoch: event.batchesPerEpoch };
      break;
    case 'epoch':
      if (!state.points.some((p) => p.epoch === event.epoch)) state.points.push({ epoch: event.epoch, trainLoss: event.trainLoss, validationLoss: event.validationLoss });
      state.elapsedMs = Math.max(state.elapsedMs, event.elapsedMs);
      break;
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
      state.status = 'failed';
      state.error = event.message;
      break;
  }
  return state;
}

/** Loss values for a log-scale axis must be positive: non-positive values are dropped from the series. */
export function lossSeries(points: RunState['points'], which: 'trainLoss' | 'validationLoss', logScale: boolean): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (const p of points) {
    const y = p[which];
    if (y === null || !Number.isFinite(y) || (logScale && y <= 0)) continue;
    out.push({ x: p.epoch, y });
  }
  return out;
}
