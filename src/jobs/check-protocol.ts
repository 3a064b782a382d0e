/** Messages between the extension host and the check worker (worker_threads). Plain structured-clone data. */
import type { ColumnInfo, CsvDialect, SourceFormat, TextEncodingName } from '../core/table/model';
import type { Finding, FindingFix, Dimension } from '../core/quality/finding';
import type { TableProfile } from '../core/profile/types';
import type { QualityConfig } from '../core/quality/engine';

/** The serializable subset of the reader's options (no callbacks, no signal). */
export interface CheckIngestOptions {
  delimiter?: string;
  quote?: string;
  hasHeader?: boolean;
  encoding?: TextEncodingName;
  naTokens?: string[];
  memoryBudgetBytes?: number;
  /** Threads reading a CSV (0 or unset: every available core). */
  threads?: number;
}

export interface CheckRequest {
  type: 'check';
  path: string;
  ingest: CheckIngestOptions;
  quality: Partial<QualityConfig>;
  /** For binary formats: also return the text rendering the findings' ranges point into. */
  renderText: boolean;
  /** Unsaved editor content of a text file, checked instead of the file on disk. */
  text?: string;
}

export interface CheckResult {
  path: string;
  format: SourceFormat;
  rangesIn: 'file' | 'rendered';
  rowCount: number;
  columns: ColumnInfo[];
  dialect?: CsvDialect;
  findings: Finding[];
  /** Findings per rule before capping. */
  totals: Record<string, number>;
  fixesByRule: Record<string, FindingFix[]>;
  scores: { overall: number; byDimension: Partial<Record<Dimension, number>> };
  profile: TableProfile;
  renderedText?: string;
  /** What the user should know about how the file was checked (e.g. in batches, over the memory budget). */
  notes: string[];
  timingsMs: { ingest: number; profile: number; quality: number };
  /** Threads the check could read and profile with (the datasetInspector.threads setting on this machine). */
  threads: number;
}

export type CheckWorkerMessage =
  | { type: 'progress'; bytesRead: number; totalBytes: number; rows: number; stage: 'ingest' | 'profile' | 'quality' }
  | { type: 'result'; result: CheckResult }
  | { type: 'error'; message: string };
