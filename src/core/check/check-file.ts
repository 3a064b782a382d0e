/**
 * The whole check of one file (ingest → profile → rules), whoever hosts it: the extension's check worker
 * and the CLI call it. A CSV over the memory budget is checked batch by batch (batched.ts).
 */
import { stat } from 'node:fs/promises';
import { ingestCsvBytes, ingestFile } from '../ingest/index';
import { isBinaryDataPath } from '../ingest/formats';
import type { ReadSettings } from '../ingest/options';
import { profileTable } from '../profile/index';
import type { TableProfile } from '../profile/types';
import { runQualityCheck, type QualityConfig, type QualityReport } from '../quality/engine';
import type { Finding, FindingFix } from '../quality/finding';
import { renderTableText } from '../ingest/render-text';
import type { ColumnInfo, CsvDialect, IngestResult, SourceFormat } from '../table/model';
import { checkCsvInBatches } from './batched';

export interface CheckFileRequest {
  path: string;
  read: ReadSettings;
  quality: Partial<QualityConfig>;
  /** For binary formats: also return the text rendering the findings' ranges point into. */
  renderText?: boolean;
  /** Unsaved editor content of a text file, checked instead of the file on disk. */
  text?: string;
}

export interface CheckResult {
  path: string;
  format: SourceFormat;
  rangesIn: 'file' | 'rendered';
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
  timingsMs: { ingest: number; profile: number; quality: number };
}

export interface CheckProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  stage: 'ingest' | 'profile' | 'quality';
}

/** Whether the file is a CSV/TSV over the in-memory budget (checked batch by batch then). */
async function overBudgetCsv(request: CheckFileRequest): Promise<boolean> {
  const budget = request.read.memoryBudgetBytes;
  if (request.text !== undefined || budget === undefined || isBinaryDataPath(request.path)) return false;
  return (await stat(request.path)).size > budget;
}

async function checkInBatches(request: CheckFileRequest, onProgress: (p: CheckProgress) => void): Promise<CheckResult> {
  const t0 = performance.now();
  const checked = await checkCsvInBatches(request.path, request.quality, {
    ...request.read,
    path: request.path,
    onProgress: (p) => onProgress({ ...p, stage: 'quality' }),
  });
  return {
    path: request.path,
    format: 'csv',
    rangesIn: 'file',
    rowCount: checked.rowCount,
    columns: checked.columns,
    dialect: checked.dialect,
    findings: checked.report.findings,
    totals: checked.report.totals,
    fixesByRule: checked.report.fixesByRule,
    scores: checked.report.scores,
    profile: checked.profile,
    notes: checked.notes,
    // Reading, profiling and the rules are interleaved batch by batch: the time is all in one.
    timingsMs: { ingest: Math.round(performance.now() - t0), profile: 0, quality: 0 },
  };
}

export async function checkFile(request: CheckFileRequest, onProgress: (p: CheckProgress) => void = () => undefined): Promise<CheckResult> {
  if (await overBudgetCsv(request)) return checkInBatches(request, onProgress);
  const t0 = performance.now();
  const data: IngestResult =
    request.text !== undefined
      ? ingestCsvBytes(new TextEncoder().encode(request.text), { ...request.read, path: request.path })
      : await ingestFile(request.path, {
          ...request.read,
          onProgress: (p) => onProgress({ ...p, stage: 'ingest' }),
        });
  const t1 = performance.now();
  onProgress({ bytesRead: 0, totalBytes: 0, rows: data.table.numRows, stage: 'profile' });
  const profile = profileTable(data);
  const t2 = performance.now();
  onProgress({ bytesRead: 0, totalBytes: 0, rows: data.table.numRows, stage: 'quality' });
  const report = runQualityCheck(data, request.quality, profile);
  const t3 = performance.now();
  const renderedText = request.renderText && data.rangesIn === 'rendered' ? renderTableText(data.table, data.columns).text : undefined;
  return {
    path: request.path,
    format: data.format,
    rangesIn: data.rangesIn,
    rowCount: data.table.numRows,
    columns: data.columns,
    dialect: data.dialect,
    findings: report.findings,
    totals: report.totals,
    fixesByRule: report.fixesByRule,
    scores: report.scores,
    profile,
    renderedText,
    notes: [],
    timingsMs: { ingest: Math.round(t1 - t0), profile: Math.round(t2 - t1), quality: Math.round(t3 - t2) },
  };
}
