/** Messages and state of the training panel, shared by the host (src/extension/panels) and webview-ui/training. */
import type { TrainingEvent, TrainingResult } from '../../core/train/types';

export interface RunDescription {
  runId: string;
  /** "as is", "without flagged rows", or "run 2". */
  label: string;
  fileName: string;
  /** The data file (a URI string): the panel that shows the run belongs to it, also after a window reload. */
  fileUri: string;
  target: string;
  features: string[];
  optimizer: string;
  learningRate: number;
  epochs: number;
  batchSize: number | 'auto';
  startedAt: number;
}

export interface RunState {
  run: RunDescription;
  backend?: string;
  backendDetail?: string;
  status: 'running' | 'done' | 'failed' | 'stopped';
  points: { epoch: number; trainLoss: number; validationLoss: number | null }[];
  /**
   * The running training loss inside epochs that have not ended yet ('progress' events), at fractional
   * epochs (epoch − 1 + batch / batchesPerEpoch): the curve starts after the first batches instead of
   * after the first epoch of a large file. Replaced by the epoch's own point when it ends.
   */
  partialPoints?: { x: number; trainLoss: number }[];
  progress?: { epoch: number; batch: number; batchesPerEpoch: number };
  /** Cross-validation after the main run: the fold in progress. */
  fold?: { fold: number; folds: number; epoch: number; epochs: number };
  messages: string[];
  result?: TrainingResult;
  error?: string;
  elapsedMs: number;
}

/** What the training webview persists (vscode.setState) and the panel serializer restores. */
export interface TrainingPanelState {
  runs: RunState[];
  logScale: boolean;
}

export type TrainingHostMessage =
  | { type: 'run-started'; run: RunDescription }
  /** A run restored after a window reload, as the host holds it now (a run cut short by the reload is 'stopped'). */
  | { type: 'run-restored'; state: RunState }
  | { type: 'events'; runId: string; events: TrainingEvent[] }
  | { type: 'run-ended'; runId: string; status: RunState['status']; error?: string };

export type TrainingWebviewMessage =
  | { type: 'ready' }
  | { type: 'stop'; runId: string }
  | { type: 'export'; runId: string; what: 'metrics' | 'loss' | 'model' };

/**
 * Whether the panel keeps an event to replay when the webview is (re)loaded: not the transient ones
 * (in-epoch 'progress' and in-fold progress), whose state the later events supersede.
 */
export function isReplayedEvent(event: TrainingEvent): boolean {
  if (event.type === 'progress') return false;
  if (event.type === 'fold') return event.metrics !== undefined || event.epoch === 0;
  return true;
}
