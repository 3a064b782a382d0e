/** What a quality rule is: metadata plus a `check` over the ingested table. One rule per file in rules/. */
import type { IngestResult, SourceFormat, TextRange } from '../table/model';
import type { TableProfile } from '../profile/types';
import type { Dimension, Evidence, FindingFix, Severity } from './finding';

export type RuleOptionValue = number | string | boolean | string[];
export type RuleOptions = Record<string, RuleOptionValue>;

/**
 * A place as a rule reports it (rows and columns of this table): the engine adds the column name and, when
 * `range` is left out, the range of the cell, the row or the column header.
 */
export interface ReportedPlace {
  row: number | null;
  columnIndex: number | null;
  range?: TextRange;
  message: string;
}

/** A finding as a rule reports it; the engine adds rule id, dimension, severity and the column name. */
export interface ReportedFinding {
  row: number | null;
  columnIndex: number | null;
  /**
   * A value, or a function so ranges are only computed for findings that are published. Left out for a
   * finding about one cell (`row` and `columnIndex` given): the engine then uses that cell's range (a rule
   * reporting many cells saves a closure per finding).
   */
  range?: TextRange | (() => TextRange);
  /** Built from the fields below; rows in it are numbered with {@link RuleContext.rowNumber}. */
  message: string;
  value?: string;
  evidence?: Evidence;
  related?: ReportedPlace[] | (() => ReportedPlace[]);
  fixes?: FindingFix[] | (() => FindingFix[]);
}

export interface RuleContext<O extends RuleOptions = RuleOptions> {
  data: IngestResult;
  profile?: TableProfile;
  options: O;
  /** "Now" for timeliness rules (configurable for reproducible checks). */
  now: Date;
  /** Whether the configuration ignores this rule for a column (rules may skip work for it). */
  isIgnored(columnIndex: number | null): boolean;
  /**
   * Whether the user accepted `value` in this column for this rule ("this value is fine"): a rule that sets
   * {@link QualityRule.acceptsValues} neither reports it nor counts it as an error when it learns the column.
   */
  isAccepted(columnIndex: number, value: string): boolean;
  /** The values accepted in this column for this rule (to count them, and their forms, as valid). */
  acceptedValues(columnIndex: number): ReadonlySet<string>;
  /** How messages number data row `row`: from 1, in the whole file (a batch of a large file starts further on). */
  rowNumber(row: number): number;
  report(finding: ReportedFinding): void;
  /**
   * Reports, for each of `rows` in order, a finding on that row's cell of column `columnIndex` with `message` and
   * nothing else (no value, evidence, related places or fixes): the same as calling {@link report} for each row, at
   * a fraction of the cost (thousands of empty cells).
   */
  reportCells(columnIndex: number, rows: ArrayLike<number>, message: string): void;
}

export interface QualityRule<O extends RuleOptions = RuleOptions> {
  /** Kebab-case id, shown as the diagnostic code and used in settings. */
  id: string;
  title: string;
  dimension: Dimension;
  defaultSeverity: Severity;
  /** Off unless enabled in settings (expensive or opinionated checks). */
  enabledByDefault?: boolean;
  /** The source formats the rule applies to (default: all); it is not run on other files. */
  formats?: readonly SourceFormat[];
  /**
   * The rule honours accepted values (RuleContext.isAccepted): its findings about one value in a column offer
   * the "accept this value" quick fix.
   */
  acceptsValues?: boolean;
  defaultOptions: O;
  /** One sentence: what the rule finds. */
  description: string;
  /** Markdown: why it matters for models, how to fix, what the options mean. */
  docs: string;
  check(context: RuleContext<O>): void;
}

/** Erases a rule's option type so rules of different option shapes can share one registry array. */
export function defineRule<O extends RuleOptions>(rule: QualityRule<O>): QualityRule {
  return rule as unknown as QualityRule;
}
