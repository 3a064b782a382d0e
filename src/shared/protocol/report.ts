/** Messages and state of the quality report panel, shared by the host (src/extension/panels) and webview-ui/report. */
import type { ColumnProfile } from '../../core/profile/types';
import type { Dimension, Finding } from '../../core/quality/finding';

export interface ReportState {
  fileName: string;
  filePath: string;
  format: string;
  rows: number;
  scores: { overall: number; byDimension: Partial<Record<Dimension, number>> };
  columns: ColumnProfile[];
  findings: Finding[];
  /** Findings per rule before the Problems-panel cap. */
  totals: Record<string, number>;
  checkedAt: string;
}

export type ReportHostMessage = { type: 'state'; state: ReportState };

export type ReportWebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; findingIndex: number }
  | { type: 'recheck' }
  | { type: 'clean' };
