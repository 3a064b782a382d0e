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

/** The findings list's filters ('all' or a value; `text` matches messages). */
export interface FindingFilter {
  severity: string;
  rule: string;
  column: string;
  text: string;
}

/** What the report webview persists (vscode.setState) and the panel serializer restores. */
export interface ReportPanelState {
  report?: ReportState;
  filter: FindingFilter;
}

export type ReportHostMessage = { type: 'state'; state: ReportState };

export type ReportWebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; findingIndex: number }
  | { type: 'recheck' };
