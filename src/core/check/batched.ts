/**
 * The quality check of a text data file (CSV/TSV, JSON Lines; plain or gzip) too large for the in-memory
 * budget: the file is read batch by batch (ingestTextBatches, bounded memory), each batch is checked with
 * the same rules and its row offset (so its findings and their messages give file rows), and the findings
 * are merged into one report over the whole file — the publishing cap and summaries applied to the whole,
 * column-level findings kept once — while a streaming profiler builds the whole file's profile. Duplicate
 * rows and keys whose first occurrence is in an earlier batch are found by value hashes kept across
 * batches (cross-batch-duplicates.ts); the column statistics the rules use are per batch, and the
 * result's notes say so.
 */
import { ingestTextBatches } from '../ingest/index';
import type { CsvBatchOptions } from '../ingest/csv/stream';
import { createStreamingProfiler, profileTable } from '../profile/index';
import type { TableProfile } from '../profile/types';
import { allRules, isRuleEnabled, resolveQualityConfig, ruleOptions, runQualityCheck, severityOf, summaryMessage, type QualityConfig, type QualityReport } from '../quality/engine';
import { recordRangeWithLineBreak } from '../quality/column-values';
import { CrossBatchDuplicates, CrossBatchKeys } from './cross-batch-duplicates';
import { duplicateKeyMessage, keyColumns, keyOptions } from '../quality/rules/duplicate-key';
import { deleteDuplicateTitle, duplicateRowMessage } from '../quality/rules/duplicate-row';
import type { Finding, FindingFix } from '../quality/finding';
import { FindingMarks, mergeTallies, scoresOf, type ScoreTally } from '../quality/score';
import type { ColumnInfo, CsvDialect, RangesIn, SourceFormat } from '../table/model';

export interface BatchedCheckResult {
  format: SourceFormat;
  rangesIn: RangesIn;
  report: QualityReport;
  profile: TableProfile;
  rowCount: number;
  columns: ColumnInfo[];
  dialect?: CsvDialect;
  batches: number;
  /** What the user should know about a batched check (empty after one batch). */
  notes: string[];
}

export async function checkInBatches(path: string, partialConfig: Partial<QualityConfig>, options: CsvBatchOptions = {}): Promise<BatchedCheckResult> {
  const config: QualityConfig = resolveQualityConfig(partialConfig);
  const cap = config.maxFindingsPerRuleAndColumn;
  const findings: Finding[] = [];
  const totals: Record<string, number> = {};
  const fixesByRule: Record<string, FindingFix[]> = {};
  const rulesRun = new Set<string>();
  /** Per rule and column (index, -1 for none) over the whole file: findings counted, and the first one published. */
  const perKey = new Map<string, { count: number; published: number; firstIndex: number; rule: string; columnIndex: number | null; column: string | null }>();
  const slotOf = (rule: string, columnIndex: number | null, column: string | null) => {
    const key = `${rule}\u0000${columnIndex ?? -1}`;
    let slot = perKey.get(key);
    if (!slot) perKey.set(key, (slot = { count: 0, published: 0, firstIndex: -1, rule, columnIndex, column }));
    return slot;
  };
  /** Publishes a finding unless its rule and column are at the cap. */
  const publish = (slot: ReturnType<typeof slotOf>, finding: Finding) => {
    if (slot.published >= cap) return;
    if (slot.firstIndex < 0) slot.firstIndex = findings.length;
    slot.published++;
    findings.push(finding);
  };
  const columnLevelSeen = new Set<string>();
  let profiler: ReturnType<typeof createStreamingProfiler> | undefined;
  let columns: ColumnInfo[] = [];
  let dialect: CsvDialect | undefined;
  let rowCount = 0;
  let batches = 0;
  let totalBytes = 0;
  let format: SourceFormat = 'csv';
  let rangesIn: RangesIn = 'file';
  /** JSON Lines keys that appear only after the first batch (not columns of the checked table). */
  const lateKeys: { name: string; line: number }[] = [];
  let tally: ScoreTally | undefined;

  const duplicateRule = allRules.find((r) => r.id === 'duplicate-row');
  const crossBatch =
    duplicateRule && isRuleEnabled(duplicateRule, config) && !config.ignore.some((i) => i.rule === duplicateRule.id && i.column === undefined)
      ? new CrossBatchDuplicates()
      : undefined;
  const keyRule = allRules.find((r) => r.id === 'duplicate-key');
  const keyIgnores = config.ignore.filter((i) => i.rule === 'duplicate-key');
  const crossBatchKeys = keyRule && isRuleEnabled(keyRule, config) && !keyIgnores.some((i) => i.column === undefined) ? new CrossBatchKeys() : undefined;
  const { onProgress, ...readOptions } = options;
  for await (const batch of ingestTextBatches(path, readOptions)) {
    const data = batch.result;
    batches++;
    format = data.format;
    rangesIn = data.rangesIn;
    if (batch.unknownKeys) lateKeys.push(...batch.unknownKeys);
    totalBytes = batch.totalBytes;
    columns = data.columns;
    dialect ??= data.dialect;
    profiler ??= createStreamingProfiler(data.columns);
    for (const recordBatch of data.table.batches) profiler.addBatch(recordBatch);
    const offset = batch.rowOffset;
    const report = runQualityCheck(data, config, profileTable(data), allRules, offset);
    report.rulesRun.forEach((id) => rulesRun.add(id));
    // Per rule and column: the published findings, and the count a summary gives beyond the cap.
    const published = new Map<string, Finding[]>();
    const summarized = new Map<string, number>();
    for (const f of report.findings) {
      const key = `${f.rule}\u0000${f.columnIndex ?? -1}`;
      if (f.summaryOf !== undefined) summarized.set(key, f.summaryOf);
      else {
        const list = published.get(key);
        if (list) list.push(f);
        else published.set(key, [f]);
      }
    }
    for (const [key, list] of published) {
      const slot = slotOf(list[0].rule, list[0].columnIndex, list[0].column);
      // Column- and file-level findings: once for the file (from the first batch that has them).
      const columnLevel = list.filter((f) => f.row === null);
      const keepColumnLevel = columnLevel.length > 0 && !columnLevelSeen.has(key);
      if (keepColumnLevel) columnLevelSeen.add(key);
      for (const f of [...(keepColumnLevel ? columnLevel : []), ...list.filter((f) => f.row !== null)]) {
        publish(slot, f);
      }
      slot.count += (summarized.get(key) ?? list.length) - (keepColumnLevel ? 0 : columnLevel.length);
    }
    if (crossBatch && duplicateRule) {
      // Duplicates of rows in earlier batches (the rule saw this batch alone).
      const severity = severityOf(duplicateRule, config);
      for (const dup of crossBatch.addBatch(data, offset)) {
        const slot = slotOf(duplicateRule.id, null, null);
        slot.count++;
        report.marks.mark(duplicateRule.dimension, severity, dup.row, null);
        const fixRange = recordRangeWithLineBreak(data, dup.row);
        const row = offset + dup.row;
        const fixes = fixRange ? [{ kind: 'delete-row' as const, title: deleteDuplicateTitle(row + 1), range: fixRange }] : [];
        const kept = (fixesByRule[duplicateRule.id] ??= []);
        for (const fix of fixes) if (kept.length < config.maxFixesPerRule) kept.push(fix);
        const firstLine = { line: dup.firstLine, character: 0 };
        publish(slot, {
          rule: duplicateRule.id,
          dimension: duplicateRule.dimension,
          severity,
          row,
          column: null,
          columnIndex: null,
          range: data.source.rowRange(dup.row),
          message: duplicateRowMessage(row + 1, dup.firstRow + 1),
          related: [{ row: dup.firstRow, column: null, columnIndex: null, range: { start: firstLine, end: firstLine }, message: 'First occurrence' }],
          ...(fixes.length ? { fixes } : {}),
        });
      }
    }
    if (crossBatchKeys && keyRule) {
      // Keys repeating a value of an earlier batch, in the columns the rule treats as keys in this batch.
      const severity = severityOf(keyRule, config);
      const columns = keyColumns(data, keyOptions(ruleOptions(keyRule, config)), true).filter(
        (c) => !keyIgnores.some((i) => i.column === data.columns[c].name),
      );
      for (const repeat of crossBatchKeys.addBatch(data, offset, columns)) {
        const column = data.columns[repeat.column].name;
        const slot = slotOf(keyRule.id, repeat.column, column);
        slot.count++;
        report.marks.mark(keyRule.dimension, severity, repeat.row, repeat.column);
        const firstLine = { line: repeat.firstLine, character: 0 };
        publish(slot, {
          rule: keyRule.id,
          dimension: keyRule.dimension,
          severity,
          row: offset + repeat.row,
          column,
          columnIndex: repeat.column,
          range: data.source.cellRange(repeat.row, repeat.column),
          value: repeat.key,
          message: duplicateKeyMessage(repeat.key, column, repeat.firstRow + 1),
          related: [{ row: repeat.firstRow, column, columnIndex: repeat.column, range: { start: firstLine, end: firstLine }, message: 'First occurrence' }],
        });
      }
    }
    for (const [rule, fixes] of Object.entries(report.fixesByRule)) {
      const kept = (fixesByRule[rule] ??= []);
      for (const fix of fixes) if (kept.length < config.maxFixesPerRule) kept.push(fix);
    }
    const batchTally = report.marks.tally();
    tally = tally ? mergeTallies(tally, batchTally) : batchTally;
    rowCount += data.table.numRows;
    onProgress?.({ bytesRead: batch.bytesRead, totalBytes: batch.totalBytes, rows: rowCount });
  }

  for (const slot of perKey.values()) {
    totals[slot.rule] = (totals[slot.rule] ?? 0) + slot.count;
    if (slot.count <= cap) continue;
    const first = findings[slot.firstIndex];
    findings.push({
      rule: slot.rule,
      dimension: first.dimension,
      severity: first.severity,
      row: null,
      column: slot.column,
      columnIndex: slot.columnIndex,
      range: first.range,
      summaryOf: slot.count,
      option: 'maxFindingsPerRule',
      message: summaryMessage(allRules.find((r) => r.id === slot.rule)?.title ?? slot.rule, slot.count, slot.column, cap),
    });
  }
  for (const id of rulesRun) totals[id] ??= 0;
  const scoreTally = tally ?? new FindingMarks(0, columns.length).tally();
  const scores = scoresOf(scoreTally);
  const profile = (profiler ?? createStreamingProfiler(columns)).finish({ path, format, bytes: totalBytes, mode: 'streaming' });
  return {
    format,
    rangesIn,
    report: { findings, totals, fixesByRule, scores, scoreTally, rulesRun: [...rulesRun] },
    profile,
    rowCount,
    columns,
    dialect,
    batches,
    notes: [
      ...(batches > 1
        ? [
            `${path} (${(totalBytes / 2 ** 20).toFixed(0)} MiB) is over the in-memory budget and was checked in ${batches} batches: ` +
              'the rules use per-batch column statistics (the profile covers the whole file); duplicate rows and keys are found across batches' +
              (crossBatch?.full || crossBatchKeys?.full ? ' (among the first values that fit their bounded tables)' : '') +
              '.',
          ]
        : []),
      ...(lateKeys.length
        ? [
            `Keys that first appear after the first batch are not columns of the checked table: ${lateKeys
              .slice(0, 10)
              .map((k) => `"${k.name}" (line ${k.line + 1})`)
              .join(', ')}${lateKeys.length > 10 ? ` and ${lateKeys.length - 10} more` : ''}.`,
          ]
        : []),
    ],
  };
}
