/** Messages between the extension host and the data jobs' worker for cleaning (check-worker.ts). Plain structured-clone data. */
import type { ReadSettings } from '../core/ingest/options';
import type { Finding } from '../core/quality/finding';
import type { QualityConfig } from '../core/quality/engine';
import type { ColumnSpec } from '../core/clean/frame';
import type { Proposal } from '../core/clean/planner';
import type { Recipe } from '../core/clean/recipe';
import type { DataFacts } from '../core/clean/probe';
import type { PreviewResult } from '../core/clean/preview';
import type { StepCatalogEntry } from '../core/clean/catalog';
import type { CleanProgress, CleanRun } from '../core/clean/run';

export type { CleanProgress };
import type { WriteResult } from '../core/clean/writers';

export interface CleanSourceRequest {
  path: string;
  read: ReadSettings;
}

export type CleanRequest =
  /** Proposes steps for the file from the check's findings and a probe of its first rows. */
  | { type: 'plan'; source: CleanSourceRequest; findings: Finding[] }
  /** Applies the recipe to the first rows in memory and checks the data before and after. */
  | { type: 'preview'; source: CleanSourceRequest; recipe: Recipe; quality: Partial<QualityConfig> }
  /** Cleans the whole file into `outputPath`, and writes the recipe (and the pandas script) beside it. */
  | { type: 'write'; source: CleanSourceRequest; recipe: Recipe; outputPath: string; recipePath?: string; pythonPath?: string }
  /** Learns the recipe's parameters over the whole file (nothing written but) the pandas script reproducing `outputPath`. */
  | { type: 'python'; source: CleanSourceRequest; recipe: Recipe; outputPath: string; pythonPath: string };

export interface PlanResult {
  type: 'plan';
  schema: ColumnSpec[];
  rows: number;
  facts: DataFacts;
  proposals: Proposal[];
  /** A recipe holding every proposal as a step (off where the planner says so). */
  recipe: Recipe;
  catalog: StepCatalogEntry[];
}

export interface PreviewReply {
  type: 'preview';
  preview: PreviewResult;
}

export interface WriteReply {
  type: 'write';
  run: CleanRun;
  write: WriteResult;
  recipe: Recipe;
  outputPath: string;
  recipePath?: string;
  pythonPath?: string;
}

export interface PythonReply {
  type: 'python';
  pythonPath: string;
  recipe: Recipe;
}

export type CleanReply = PlanResult | PreviewReply | WriteReply | PythonReply;

export type CleanWorkerMessage = { type: 'progress'; progress: CleanProgress } | { type: 'result'; reply: CleanReply } | { type: 'error'; message: string };
