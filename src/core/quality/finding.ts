/** A data-quality finding: plain data, printed by the CLI and turned into diagnostics by the shell. */
import type { TextRange } from '../table/model';
import type { OptionName } from '../defaults';

export type Dimension =
  | 'structure'
  | 'completeness'
  | 'consistency'
  | 'accuracy'
  | 'uniqueness'
  | 'timeliness'
  | 'ml-readiness';

/** The severities a finding can have, most severe first: the one list settings, schemas and printers use. */
export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

export type Severity = (typeof SEVERITIES)[number];

/** A safe, explicit edit the editor may offer as a quick fix (never applied silently). */
export type FindingFix =
  | { kind: 'replace'; title: string; range: TextRange; newText: string }
  | { kind: 'delete-row'; title: string; range: TextRange };

/** Another place a finding refers to (the first occurrence of a duplicate, the other column of a pair). */
export interface RelatedPlace {
  /** 0-based data row, null when the place is not one row (a column header). */
  row: number | null;
  /** Column name, null when the place is not one column. */
  column: string | null;
  columnIndex: number | null;
  range: TextRange;
  message: string;
}

/** The numbers and texts a finding's judgement rests on, by name (e.g. an outlier's median and score). */
export type Evidence = Record<string, number | string | boolean>;

export interface Finding {
  rule: string;
  dimension: Dimension;
  severity: Severity;
  /** 0-based data row, null when the finding is not about one row. */
  row: number | null;
  /** Column name, null when not about one column. */
  column: string | null;
  columnIndex: number | null;
  range: TextRange;
  /** English text for people, built by the rule from the fields here (rows counted from 1 in the file). */
  message: string;
  /**
   * The offending cell's value as the message quotes it, when the finding is about one value (the text of
   * a cell that did not fit its column's type, else the typed value as text).
   */
  value?: string;
  evidence?: Evidence;
  related?: RelatedPlace[];
  fixes?: FindingFix[];
  /**
   * When a rule fires more often than the publishing cap, the engine replaces the extra findings with
   * one summary finding carrying the total.
   */
  summaryOf?: number;
  /** The option the message names (a summary's cap): each shell says where it is set. */
  option?: OptionName;
  /** The user may accept `value` in this column as fine for this rule (the rule honours accepted values). */
  acceptable?: boolean;
  /**
   * Set when the range is in a view of the file's decompressed text (a gzip file, which has no lines of its
   * own): the 1-based line of that text the finding is on, which each shell states beside the message.
   */
  decompressedLine?: number;
}
