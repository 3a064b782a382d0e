/** Messages and state of the cleaning panel, shared by the host (src/extension/panels) and webview-ui/clean. */
import type { ColumnSpec } from '../../core/clean/frame';
import type { RecipeStep } from '../../core/clean/recipe';
import type { StepCatalogEntry } from '../../core/clean/catalog';
import type { RowSample, StepReport } from '../../core/clean/run';
import type { QualitySnapshot } from '../../core/clean/preview';
import type { OutputFormat, ParquetCompression } from '../../core/clean/formats';

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
