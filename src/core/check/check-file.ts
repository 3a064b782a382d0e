/**
 * The whole check of one file (ingest → profile → rules), whoever hosts it: the extension's check worker
 * and the CLI call it. A file over the memory budget (CSV/TSV, JSON Lines, plain or gzip; Arrow IPC;
 * Parquet) is checked batch by batch (batched.ts).
 */
import { stat } from 'node:fs/promises';
import { OverBudgetError, ingestFile, ingestTextBytes, textSizeOf } from '../ingest/index';
import { TEXT_READERS, isTextDataPath, readingOf } from '../ingest/formats';
import type { ReadSettings } from '../ingest/options';
import { decompressedTextView } from '../ingest/gzip';
import { profileTable } from '../profile/index';
import type { TableProfile } from '../profile/types';
import { runQualityCheck, type QualityConfig, type QualityReport } from '../quality/engine';
import { validRuleSettings, type SettingProblem } from '../quality/rule-settings';
import type { Finding, FindingFix } from '../quality/finding';
import { renderTableText } from '../ingest/render-text';
import type { ColumnInfo, CsvDialect, IngestResult, RangesIn, SourceFormat, TextRange } from '../table/model';
import { checkInBatches } from './batched';
import { DEFAULT_CHUNK_BYTES } from '../ingest/text-batches';
import { readSourceBackFromFile } from '../ingest/csv/source-map';
import type { FileStamp } from '../ingest/source-bytes';
import { closeSharedPool, threadCount } from '../ingest/csv/pool';

export interface CheckFileRequest {
  path: string;
  read: ReadSettings;
  quality: Partial<QualityConfig>;
  /**
   * For files without editable text (Arrow, Parquet, gzip): also return the text the findings' ranges point
   * into (the table rendered as text, or the decompressed text) for a read-only view.
   */
  renderText?: boolean;
  /** Unsaved editor content of a text file, checked instead of the file on disk. */
  text?: string;
  /**
   * The caller reads no other file for now (the extension's check worker, which then waits for its next check):
   * the CSV reader's worker threads are stopped once the file is read, their memory free for the profile and the
   * rules (a later read starts them again).
   */
  releaseReaderThreads?: boolean;
}

export interface CheckResult {
  path: string;
  format: SourceFormat;
  rangesIn: RangesIn;
  rowCount: number;
  columns: ColumnInfo[];
  dialect?: CsvDialect;
  findings: Finding[];
  /** Findings per rule before capping. */
  totals: Record<string, number>;
  fixesByRule: Record<string, FindingFix[]>;
  scores: QualityReport['scores'];
  profile: TableProfile;
  renderedText?: string;
  /** What the user should know about how the file was checked (e.g. in batches, over the memory budget). */
  notes: string[];
  /** Rule settings left out because they do not fit the rule (a wrong type, an unknown option): the rule keeps its defaults there. */
  settingProblems: SettingProblem[];
  timingsMs: { ingest: number; profile: number; quality: number };
  /** Threads a CSV could be read with (the threads setting on this machine). */
  threads: number;
}

export interface CheckProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  stage: 'ingest' | 'profile' | 'quality';
}

/** Whether the file is over the in-memory budget (checked batch by batch then; a text file by the size of its text). */
async function overBudget(request: CheckFileRequest): Promise<boolean> {
  const budget = request.read.memoryBudgetBytes;
  const { reader, compression } = readingOf(request.path);
  // gzip-compressed Arrow and Parquet are refused by the reader, whatever their size.
  if (request.text !== undefined || budget === undefined || (compression && !TEXT_READERS.includes(reader))) return false;
  return (await textSizeOf(request.path)) > budget;
}

async function checkFileInBatches(request: CheckFileRequest, quality: ValidQuality, onProgress: (p: CheckProgress) => void): Promise<CheckResult> {
  const t0 = performance.now();
  const budget = request.read.memoryBudgetBytes;
  const checked = await checkInBatches(request.path, quality.config, {
    ...request.read,
    path: request.path,
    // A batch takes at most a quarter of the budget (its table, profile and findings take a few times its size).
    chunkBytes: budget === undefined ? DEFAULT_CHUNK_BYTES : Math.max(1, Math.min(DEFAULT_CHUNK_BYTES, Math.floor(budget / 4))),
    renderText: request.renderText,
    onProgress: (p) => onProgress({ ...p, stage: 'quality' }),
  });
  const view = request.renderText ? await decompressedView(request, checked.rangesIn) : undefined;
  return {
    path: request.path,
    format: checked.format,
    rangesIn: checked.rangesIn,
    rowCount: checked.rowCount,
    columns: checked.columns,
    dialect: checked.dialect,
    findings: view ? placeInView(checked.report.findings, view.lines) : checked.report.findings,
    totals: checked.report.totals,
    fixesByRule: checked.report.fixesByRule,
    scores: checked.report.scores,
    profile: checked.profile,
    renderedText: view?.text ?? checked.renderedText,
    notes: checked.notes,
    settingProblems: quality.problems,
    // Reading, profiling and the rules are interleaved batch by batch: the time is all in one.
    timingsMs: { ingest: Math.round(performance.now() - t0), profile: 0, quality: 0 },
    threads: threadCount(request.read.threads),
  };
}

/** The quality configuration with the rule settings that fit their rules, and those left out. */
interface ValidQuality {
  config: Partial<QualityConfig>;
  problems: SettingProblem[];
}

/** Validates the rule settings once for the whole check (every batch and rule then reads the result). */
function validQuality(quality: Partial<QualityConfig>): ValidQuality {
  const { rules, problems } = validRuleSettings(quality.rules);
  return { config: { ...quality, rules }, problems };
}

export async function checkFile(request: CheckFileRequest, onProgress: (p: CheckProgress) => void = () => undefined): Promise<CheckResult> {
  const quality = validQuality(request.quality);
  if (await overBudget(request)) return checkFileInBatches(request, quality, onProgress);
  const t0 = performance.now();
  const stamp = request.text === undefined ? await stat(request.path) : undefined;
  let data: IngestResult;
  try {
    data =
      request.text !== undefined
        ? ingestTextBytes(new TextEncoder().encode(request.text), { ...request.read, path: request.path })
        : await ingestFile(request.path, {
            ...request.read,
            onProgress: (p) => onProgress({ ...p, stage: 'ingest' }),
          });
  } catch (error) {
    // A gzip file whose trailer understated its size (several members) turns out over the budget while read.
    if (error instanceof OverBudgetError && isTextDataPath(request.path)) return checkFileInBatches(request, quality, onProgress);
    throw error;
  }
  const t1 = performance.now();
  // Not awaited: the threads stop on their own while the profile runs.
  if (request.releaseReaderThreads) void closeSharedPool();
  const { profile, report, t2 } = profileAndRules(data, quality.config, stamp, onProgress);
  const t3 = performance.now();
  const view = request.renderText ? await decompressedView(request, data.rangesIn) : undefined;
  const renderedText = request.renderText && data.rangesIn === 'rendered' ? renderTableText(data.table, data.columns).text : view?.text;
  return {
    path: request.path,
    format: data.format,
    rangesIn: data.rangesIn,
    rowCount: data.table.numRows,
    columns: data.columns,
    dialect: data.dialect,
    findings: view ? placeInView(report.findings, view.lines) : report.findings,
    totals: report.totals,
    fixesByRule: report.fixesByRule,
    scores: report.scores,
    profile,
    renderedText,
    notes: [],
    settingProblems: quality.problems,
    timingsMs: { ingest: Math.round(t1 - t0), profile: Math.round(t2 - t1), quality: Math.round(t3 - t2) },
    threads: threadCount(request.read.threads),
  };
}

/**
 * The profile and the rules over an ingested table. They keep the table, not the file's bytes: when the file
 * is as `stamp` says, the ranges of findings read the few records they need back from it.
 */
function profileAndRules(data: IngestResult, quality: Partial<QualityConfig>, stamp: FileStamp | undefined, onProgress: (p: CheckProgress) => void) {
  const file = stamp && readSourceBackFromFile(data, stamp);
  try {
    onProgress({ bytesRead: 0, totalBytes: 0, rows: data.table.numRows, stage: 'profile' });
    const profile = profileTable(data);
    const t2 = performance.now();
    onProgress({ bytesRead: 0, totalBytes: 0, rows: data.table.numRows, stage: 'quality' });
    return { profile, report: runQualityCheck(data, quality, profile), t2 };
  } finally {
    file?.close();
  }
}

/** The decompressed text findings point into, when the ranges are in one (a gzip file). */
async function decompressedView(request: CheckFileRequest, rangesIn: RangesIn) {
  return rangesIn === 'decompressed' ? decompressedTextView(request.path, { encoding: request.read.encoding }) : undefined;
}

/**
 * Findings of a gzip file, placed on the view of its decompressed text: each carries the line of that text
 * it is on (the file itself has no lines to point at), and ranges beyond the lines the view shows point at
 * its last line, which says the text goes on.
 */
function placeInView(findings: readonly Finding[], shownLines: number): Finding[] {
  const last = { line: shownLines, character: 0 };
  const clamp = (range: TextRange): TextRange => (range.start.line < shownLines ? range : { start: last, end: last });
  return findings.map((f) => ({
    ...f,
    decompressedLine: f.range.start.line + 1,
    range: clamp(f.range),
    ...(f.related ? { related: f.related.map((r) => ({ ...r, range: clamp(r.range) })) } : {}),
  }));
}
