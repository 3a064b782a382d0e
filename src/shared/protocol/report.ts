/** Messages and state of the quality report panel, shared by the host (src/extension/panels) and webview-ui/report. */
import type { ColumnProfile } from '../../core/profile/types';
import type { Dimension, Finding, Severity } from '../../core/quality/finding';
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
  | { type: 'recheck' }
  | { type: 'clean' };

/**
 * The report's words in the user's language: the host fills them with vscode.l10n.t and hands them to the
 * webview in its HTML (webview-ui/shared/l10n.ts). `{0}`, `{1}` … are filled in by the webview.
 */
export interface ReportStrings {
  checking: string;
  /** {0} rows · {1} columns · {2} findings */
  summary: string;
  checkAgain: string;
  /** The button that opens the Clean Data panel, and its tooltip. */
  cleanData: string;
  cleanDataExplained: string;
  qualityScore: string;
  /** The overall score's tooltip: how it is computed. */
  scoreExplained: string;
  /** rows {0}% · cells {1}% clean */
  cleanShares: string;
  /** {0} error (one) */
  oneError: string;
  /** {0} errors */
  errors: string;
  dimensions: Record<Dimension, string>;
  columns: string;
  findings: string;
  type: string;
  /** {0} is a unit such as "USD". */
  inUnit: string;
  missing: string;
  distinct: string;
  approximate: string;
  minMax: string;
  meanStd: string;
  quantiles: string;
  length: string;
  /** {0} is a column name. */
  columnLabel: string;
  /** {0} is a count. */
  findingCount: string;
  /** {0} is a column name. */
  histogramOf: string;
  severity: string;
  rule: string;
  column: string;
  /** {0} is the filter's label ("Severity"). */
  all: string;
  severities: Record<Severity, string>;
  filterMessages: string;
  revealInData: string;
  /** {0} is a row number. */
  atRow: string;
  /** {0} is a column name. */
  atColumn: string;
  atFile: string;
}
