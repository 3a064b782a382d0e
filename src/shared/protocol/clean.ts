/** Messages and state of the cleaning panel, shared by the host (src/extension/panels) and webview-ui/clean. */
import type { ColumnSpec } from '../../core/clean/frame';
import type { RecipeStep } from '../../core/clean/recipe';
import type { StepCatalogEntry } from '../../core/clean/catalog';
import type { RowSample, StepReport } from '../../core/clean/run';
import type { QualitySnapshot } from '../../core/clean/preview';
import type { OutputFormat, ParquetCompression } from '../../core/clean/formats';
import type { Dimension } from '../../core/quality/finding';

/** A step of the recipe being edited, with why it was proposed. */
export interface PanelStep {
  entry: RecipeStep;
  /** Rules and facts behind a proposal ("whitespace (3)"); empty for steps the user added. */
  reasons: string[];
  count: number;
}

export interface PanelPreview {
  /** Rows the preview covers and whether that is the whole file. */
  rows: number;
  complete: boolean;
  rowsOut: number;
  /** Per step of `steps` (same order). */
  reports: StepReport[];
  samples: RowSample[];
  columnsIn: string[];
  columnsOut: string[];
  before: QualitySnapshot;
  after: QualitySnapshot;
  notes: string[];
}

export interface PanelWritten {
  outputPath: string;
  recipePath?: string;
  pythonPath?: string;
  rowsIn: number;
  rowsOut: number;
  columns: number;
  notes: string[];
}

export interface CleanState {
  fileName: string;
  filePath: string;
  columns: ColumnSpec[];
  steps: PanelStep[];
  catalog: StepCatalogEntry[];
  output: { format: OutputFormat; compression: ParquetCompression; path: string };
  preview?: PanelPreview;
  /** What the panel is doing now, with progress (0–1) when known. */
  busy?: { what: 'planning' | 'previewing' | 'writing'; progress?: number; detail?: string };
  written?: PanelWritten;
  error?: string;
}

export type CleanHostMessage = { type: 'state'; state: CleanState };

export type CleanWebviewMessage =
  | { type: 'ready' }
  /** The steps as edited (toggled, options changed, added, removed); the host previews them again. */
  | { type: 'steps'; steps: PanelStep[] }
  | { type: 'output'; format: OutputFormat; compression: ParquetCompression }
  | { type: 'preview' }
  | { type: 'cancel' }
  | { type: 'write' }
  | { type: 'export-python' }
  | { type: 'open-output' }
  | { type: 'train' };

/**
 * The cleaning panel's words in the user's language, filled by the host with vscode.l10n.t and written into
 * its page (webview-ui/shared/l10n.ts fills `{0}`, `{1}` …). Step titles, summaries and notes come from the
 * core (shared with the CLI) and stay English.
 */
export interface CleanStrings {
  /** Clean Data: {0} (a file name) */
  heading: string;
  headingNoFile: string;
  readingFile: string;
  busy: Record<'planning' | 'previewing' | 'writing', string>;
  cancel: string;
  /** {0} cells */
  cells: string;
  oneCell: string;
  /** {0} rows */
  rows: string;
  oneRow: string;
  /** {0} (cells) in {1} (rows) */
  cellsInRows: string;
  /** {0} (quoted column names) and {1} more */
  andMore: string;
  /** {0} (rows) dropped */
  rowsDropped: string;
  off: string;
  noChange: string;
  newColumnNames: string;
  commaSeparated: string;
  options: string;
  remove: string;
  /** Remove step {0}: {1} */
  removeStep: string;
  stepToAdd: string;
  columnOfStep: string;
  addStep: string;
  lookingForSteps: string;
  nothingToClean: string;
  steps: string;
  cleaningSteps: string;
  preview: string;
  previewPending: string;
  /** the whole file ({0} rows) */
  wholeFile: string;
  /** the first {0} rows */
  firstRows: string;
  /** Applied to {0}: {1} rows remain. */
  appliedTo: string;
  scoresBeforeAfter: string;
  overall: string;
  dimensions: Record<Dimension, string>;
  affectedColumns: string;
  affectedColumnsTable: string;
  noColumnStep: string;
  changedRows: string;
  changedRowsTable: string;
  noRowChanges: string;
  empty: string;
  newColumn: string;
  removed: string;
  rowDropped: string;
  profileHeaders: Record<'column' | 'type' | 'missing' | 'distinct' | 'mean' | 'std' | 'range', string>;
  sampleHeaders: Record<'row' | 'column' | 'before' | 'after' | 'by', string>;
  output: string;
  format: string;
  parquetCompression: string;
  /** Writes {0} and the recipe beside it; asks before replacing a file. */
  writesTo: string;
  writeCleanedFile: string;
  exportPython: string;
  /** Wrote {0}: {1} rows × {2} columns (from {3} rows){4}. — {4} is wroteRecipe or empty */
  wrote: string;
  /** , recipe {0} */
  wroteRecipe: string;
  open: string;
  trainOnIt: string;
}
