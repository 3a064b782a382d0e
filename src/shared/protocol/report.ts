/** Messages and state of the quality report panel, shared by the host (src/extension/panels) and webview-ui/report. */
import type { ColumnProfile } from '../../core/profile/types';
import type { Finding } from '../../core/quality/finding';
import type { QualityScores } from '../../core/quality/score';

export interface ReportState {
  fileName: string;
  filePath: string;
  format: string;
  rows: number;
  /** The quality score (docs/score.md), as the CLI and SARIF give it. */
  scores: QualityScores;
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
