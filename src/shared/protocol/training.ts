/** Messages and state of the training panel, shared by the host (src/extension/panels) and webview-ui/training. */
import type { TrainingEvent, TrainingResult } from '../../core/train/types';

export interface RunDescription {
  runId: string;
  /** "as is", "without flagged rows", or "run 2". */
  label: string;
  fileName: string;
  target: string;
  features: string[];
  optimizer: string;
  learningRate: number;
  epochs: number;
  batchSize: number;
  startedAt: number;
}

export interface RunState {
  run: RunDescription;
  backend?: string;
  backendDetail?: string;
  status: 'running' | 'done' | 'failed' | 'stopped';
  points: { epoch: number; trainLoss: number; validationLoss: number | null }[];
  progress?: { epoch: number; batch: number; batchesPerEpoch: number };
  messages: string[];
  result?: TrainingResult;
  error?: string;
  elapsedMs: number;
}

export type TrainingHostMessage =
  | { type: 'run-started'; run: RunDescription }
  | { type: 'events'; runId: string; events: TrainingEvent[] }
  | { type: 'run-ended'; runId: string; status: RunState['status']; error?: string };

export type TrainingWebviewMessage =
  | { type: 'ready' }
  | { type: 'stop'; runId: string }
  | { type: 'export'; runId: string; what: 'metrics' | 'loss' | 'model' };
