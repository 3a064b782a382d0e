/**
 * Runs the enabled rules over an ingested table and returns capped findings, totals, fixes and scores.
 * The engine knows no rule by name: rules come from the registry (rules/index.ts).
 */
import type { IngestResult, TextRange } from '../table/model';
import type { TableProfile } from '../profile/types';
import type { Finding, FindingFix, RelatedPlace, Severity } from './finding';
import type { QualityRule, ReportedFinding, ReportedPlace, RuleOptions } from './rule';
import { allRules } from './rules/index';
import { DEFAULTS, optionMention } from '../defaults';
import { FindingMarks, scoresOf, type QualityScores, type ScoreTally } from './score';
import { groupedInteger } from '../shared/grouped-integer';

export { allRules };
export type { QualityScores };

export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
  options?: RuleOptions;
}

/** A rule to skip, for one column or (without `column`) for the whole file. */
export interface IgnoreEntry {
  rule: string;
  column?: string;
}

/**
 * A value the user said is fine in one column for one rule ("this value is fine"): rules that learn what a
 * column's values look like (patterns, typos, dependencies) neither flag it nor count it as an error when
 * they learn, so it counts as a valid value (and its form as a valid form).
 */
export interface AcceptEntry {
  rule: string;
  column: string;
  value: string;
}

export interface QualityConfig {
  rules: Record<string, RuleSetting>;
  ignore: IgnoreEntry[];
  /** Values accepted as fine, per rule and column. */
  accept: AcceptEntry[];
  /** Findings published per rule and column; the rest are summarized in one finding. */
  maxFindingsPerRuleAndColumn: number;
  /** Fixes kept per rule for "fix all" (beyond the published findings). */
  maxFixesPerRule: number;
  now?: Date;
}

export const DEFAULT_QUALITY_CONFIG: QualityConfig = {
  rules: {},
  ignore: [],
  accept: [],
  maxFindingsPerRuleAndColumn: DEFAULTS.maxFindingsPerRule,
  maxFixesPerRule: 50_000,
};

export interface QualityReport {
  findings: Finding[];
  /** Findings per rule before capping. */
  totals: Record<string, number>;
  fixesByRule: Record<string, FindingFix[]>;
  scores: QualityScores;
  /** The counts the scores come from (docs/score.md), for merging with other batches or files. */
  scoreTally: ScoreTally;
  rulesRun: string[];
}

/** A report with the marks behind its scores: a batched check adds the findings it makes across batches. */
export interface QualityRun extends QualityReport {
  marks: FindingMarks;
}

function resolve<T>(value: T | (() => T)): T {
  return typeof value === 'function' ? (value as () => T)() : value;
}

const fileStart: TextRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A reported finding's or place's range: its own, else its cell's (or, without a cell, its row's, its column header's, the file start). */
function rangeOf(data: IngestResult, reported: ReportedFinding | ReportedPlace): TextRange {
  if (reported.range !== undefined) return resolve(reported.range);
  if (reported.row !== null && reported.columnIndex !== null) return data.source.cellRange(reported.row, reported.columnIndex);
  if (reported.row !== null) return data.source.rowRange(reported.row);
  if (reported.columnIndex !== null) return data.source.headerRange(reported.columnIndex);
  return fileStart;
}

const NONE_ACCEPTED: ReadonlySet<string> = new Set();

/** The values accepted for `rule`, by column name. */
function acceptedByColumn(accept: readonly AcceptEntry[], rule: string): Map<string, Set<string>> {
  const byColumn = new Map<string, Set<string>>();
  for (const entry of accept) {
    if (entry.rule !== rule) continue;
    let values = byColumn.get(entry.column);
    if (!values) byColumn.set(entry.column, (values = new Set()));
    values.add(entry.value);
  }
  return byColumn;
}

/** A partial configuration completed with the defaults. */
export function resolveQualityConfig(partialConfig: Partial<QualityConfig>): QualityConfig {
  return { ...DEFAULT_QUALITY_CONFIG, ...partialConfig, rules: partialConfig.rules ?? {}, ignore: partialConfig.ignore ?? [], accept: partialConfig.accept ?? [] };
}

/** The severity a rule's findings get under `config`. */
export function severityOf(rule: QualityRule, config: QualityConfig): Severity {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}

/** The message of the summary finding that stands for the findings beyond the publishing cap. */
export function summaryMessage(title: string, count: number, column: string | null, cap: number): string {
  return (
    `${title}: ${groupedInteger(count)} findings${column !== null ? ` in column "${column}"` : ''}; ` +
    `the first ${cap} are shown, ${groupedInteger(count - cap)} more are not (${optionMention('maxFindingsPerRule')}).`
  );
}

/** A rule's options under `config`: its defaults, overridden by the settings. */
export function ruleOptions(rule: QualityRule, config: QualityConfig): RuleOptions {
  return { ...rule.defaultOptions, ...(config.rules[rule.id]?.options ?? {}) };
}

export function isRuleEnabled(rule: QualityRule, config: QualityConfig): boolean {
  return config.rules[rule.id]?.enabled ?? rule.enabledByDefault ?? true;
}

/**
 * Runs `rules` over `data`. `rowOffset`: the file row of the table's first row, when `data` is a batch of
 * a larger file; findings, related places and messages then give file rows.
 */
export function runQualityCheck(
  data: IngestResult,
  partialConfig: Partial<QualityConfig> = {},
  profile?: TableProfile,
  rules: readonly QualityRule[] = allRules,
  rowOffset = 0,
): QualityRun {
  const config = resolveQualityConfig(partialConfig);
  const now = config.now ?? new Date();
  const findings: Finding[] = [];
  const totals: Record<string, number> = {};
  const fixesByRule: Record<string, FindingFix[]> = {};
  const rulesRun: string[] = [];
  const marks = new FindingMarks(data.table.numRows, data.columns.length);
  const columnName = (index: number | null) => (index === null ? null : (data.columns[index]?.name ?? `column${index + 1}`));
  const fileRow = (row: number | null) => (row === null ? null : row + rowOffset);
  const rowNumber = (row: number) => row + rowOffset + 1;
  const place = (reported: ReportedPlace): RelatedPlace => ({
    row: fileRow(reported.row),
    column: columnName(reported.columnIndex),
    columnIndex: reported.columnIndex,
    range: rangeOf(data, reported),
    message: reported.message,
  });

  for (const rule of rules) {
    if (!isRuleEnabled(rule, config) || (rule.formats && !rule.formats.includes(data.format))) continue;
    const severity = severityOf(rule, config);
    const ignoredColumns = new Set(config.ignore.filter((i) => i.rule === rule.id).map((i) => i.column ?? '*'));
    if (ignoredColumns.has('*')) continue;
    rulesRun.push(rule.id);
    marks.check(rule.dimension);
    const perColumn = new Map<number, { count: number; summaryIndex: number }>();
    const fixes: FindingFix[] = [];
    let total = 0;
    const isIgnored = (columnIndex: number | null) => columnIndex !== null && ignoredColumns.size > 0 && ignoredColumns.has(columnName(columnIndex) ?? '');
    const accepted = acceptedByColumn(config.accept, rule.id);
    const acceptedValues = (columnIndex: number) => accepted.get(columnName(columnIndex) ?? '') ?? NONE_ACCEPTED;
    const isAccepted = (columnIndex: number, value: string) => accepted.size > 0 && acceptedValues(columnIndex).has(value);

    // The one finding that stands for a column's findings beyond the cap (its count is filled in after the rule).
    const summarize = (slot: { summaryIndex: number }, columnIndex: number | null, range: () => TextRange) => {
      if (slot.summaryIndex >= 0) return;
      slot.summaryIndex = findings.length;
      findings.push({ rule: rule.id, dimension: rule.dimension, severity, row: null, column: columnName(columnIndex), columnIndex, range: range(), message: '', summaryOf: 0, option: 'maxFindingsPerRule' });
    };

    const report = (reported: ReportedFinding) => {
      if (isIgnored(reported.columnIndex)) return;
      // An accepted value is never reported by a rule that honours acceptance (the rule also learns from it).
      if (rule.acceptsValues && accepted.size > 0 && reported.value !== undefined && reported.columnIndex !== null && isAccepted(reported.columnIndex, reported.value)) return;
      total++;
      marks.mark(rule.dimension, severity, reported.row, reported.columnIndex);
      const key = reported.columnIndex ?? -1;
      let slot = perColumn.get(key);
      if (!slot) perColumn.set(key, (slot = { count: 0, summaryIndex: -1 }));
      slot.count++;
      const published = slot.count <= config.maxFindingsPerRuleAndColumn;
      const reportedFixes = reported.fixes && (published || fixes.length < config.maxFixesPerRule) ? resolve(reported.fixes) : undefined;
      if (reportedFixes) for (const fix of reportedFixes) if (fixes.length < config.maxFixesPerRule) fixes.push(fix);
      if (published) {
        const finding: Finding = {
          rule: rule.id,
          dimension: rule.dimension,
          severity,
          row: fileRow(reported.row),
          column: columnName(reported.columnIndex),
          columnIndex: reported.columnIndex,
          range: rangeOf(data, reported),
          message: reported.message,
        };
        if (reported.value !== undefined) finding.value = reported.value;
        if (rule.acceptsValues && reported.value !== undefined && reported.columnIndex !== null) finding.acceptable = true;
        if (reported.evidence) finding.evidence = reported.evidence;
        if (reported.related) finding.related = resolve(reported.related).map(place);
        if (reportedFixes?.length) finding.fixes = reportedFixes;
        findings.push(finding);
      } else summarize(slot, reported.columnIndex, () => (reported.columnIndex !== null ? data.source.headerRange(reported.columnIndex) : rangeOf(data, reported)));
    };

    // report() for plain findings on many cells of one column: marked together, counted, and only the published
    // ones built (in row order, as report() would publish them).
    const reportCells = (columnIndex: number, rows: ArrayLike<number>, message: string) => {
      if (rows.length === 0 || isIgnored(columnIndex)) return;
      total += rows.length;
      marks.markCells(rule.dimension, severity, rows, columnIndex);
      let slot = perColumn.get(columnIndex);
      if (!slot) perColumn.set(columnIndex, (slot = { count: 0, summaryIndex: -1 }));
      const column = columnName(columnIndex);
      const publishing = Math.max(0, Math.min(rows.length, config.maxFindingsPerRuleAndColumn - slot.count));
      for (let i = 0; i < publishing; i++) {
        const row = rows[i];
        findings.push({ rule: rule.id, dimension: rule.dimension, severity, row: fileRow(row), column, columnIndex, range: data.source.cellRange(row, columnIndex), message });
      }
      slot.count += rows.length;
      if (publishing < rows.length) summarize(slot, columnIndex, () => data.source.headerRange(columnIndex));
    };

    try {
      rule.check({ data, profile, options: ruleOptions(rule, config), now, isIgnored, isAccepted, acceptedValues, rowNumber, report, reportCells });
    } catch (error) {
      // A failing rule must not hide the others' findings: report it as a finding of its own.
      findings.push({
        rule: rule.id,
        dimension: rule.dimension,
        severity: 'information',
        row: null,
        column: null,
        columnIndex: null,
        range: fileStart,
        message: `Rule "${rule.id}" could not run: ${error instanceof Error ? error.message : String(error)}`,
      });
    }

    for (const [key, slot] of perColumn) {
      if (slot.summaryIndex < 0) continue;
      const summary = findings[slot.summaryIndex];
      summary.summaryOf = slot.count;
      summary.message = summaryMessage(rule.title, slot.count, key >= 0 ? columnName(key) : null, config.maxFindingsPerRuleAndColumn);
    }
    totals[rule.id] = total;
    if (fixes.length) fixesByRule[rule.id] = fixes;
  }

  const scoreTally = marks.tally();
  return { findings, totals, fixesByRule, scores: scoresOf(scoreTally), scoreTally, marks, rulesRun };
}
