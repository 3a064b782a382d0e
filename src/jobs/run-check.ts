/** The whole check of one file (ingest → profile → rules), independent of how it is hosted (worker, CLI, test). */
import { OverBudgetError, ingestFile, ingestTextBytes, isBinaryDataPath, textSizeOf } from '../core/ingest/index';
import { profileTable } from '../core/profile/index';
import { runQualityCheck } from '../core/quality/engine';
import { renderTableText } from '../core/ingest/render-text';
import type { CheckRequest, CheckResult } from './check-protocol';
import type { IngestResult, RangesIn, TextRange } from '../core/table/model';
import { checkInBatches } from '../core/check/batched';
import { decompressedTextView } from '../core/ingest/gzip';
import type { Finding } from '../core/quality/finding';
import { basename } from 'node:path';


export interface CheckProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  stage: 'ingest' | 'profile' | 'quality';
}

/** Whether the file is a text data file (CSV/TSV, JSON Lines; plain or gzip) over the in-memory budget (checked batch by batch then). */
async function overBudgetText(request: CheckRequest): Promise<boolean> {
  const budget = request.ingest.memoryBudgetBytes;
  if (request.text !== undefined || budget === undefined || isBinaryDataPath(request.path)) return false;
  return (await textSizeOf(request.path)) > budget;
}

async function runBatchedCheck(request: CheckRequest, onProgress: (p: CheckProgress) => void): Promise<CheckResult> {
  const t0 = performance.now();
  const checked = await checkInBatches(request.path, request.quality, {
    ...request.ingest,
    path: request.path,
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
    findings: view ? placeInView(checked.report.findings, request.path, view.lines) : checked.report.findings,
    totals: checked.report.totals,
    fixesByRule: checked.report.fixesByRule,
    scores: checked.report.scores,
    profile: checked.profile,
    renderedText: view?.text,
    notes: checked.notes,
    // Reading, profiling and the rules are interleaved batch by batch: the time is all in one.
    timingsMs: { ingest: Math.round(performance.now() - t0), profile: 0, quality: 0 },
  };
}

export async function runCheckRequest(request: CheckRequest, onProgress: (p: CheckProgress) => void): Promise<CheckResult> {
  if (await overBudgetText(request)) return runBatchedCheck(request, onProgress);
  const t0 = performance.now();
  let data: IngestResult;
  try {
    data =
      request.text !== undefined
        ? ingestTextBytes(new TextEncoder().encode(request.text), { ...request.ingest, path: request.path })
        : await ingestFile(request.path, {
            ...request.ingest,
            onProgress: (p) => onProgress({ ...p, stage: 'ingest' }),
          });
  } catch (error) {
    // A gzip file whose trailer understated its size (several members) turns out over the budget while read.
    if (error instanceof OverBudgetError && !isBinaryDataPath(request.path)) return runBatchedCheck(request, onProgress);
    throw error;
  }
  const t1 = performance.now();
  onProgress({ bytesRead: 0, totalBytes: 0, rows: data.table.numRows, stage: 'profile' });
  const profile = profileTable(data);
  const t2 = performance.now();
  onProgress({ bytesRead: 0, totalBytes: 0, rows: data.table.numRows, stage: 'quality' });
  const report = runQualityCheck(data, request.quality, profile);
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
    findings: view ? placeInView(report.findings, request.path, view.lines) : report.findings,
    totals: report.totals,
    fixesByRule: report.fixesByRule,
    scores: report.scores,
    profile,
    renderedText,
    notes: [],
    timingsMs: { ingest: Math.round(t1 - t0), profile: Math.round(t2 - t1), quality: Math.round(t3 - t2) },
  };
}

/** The decompressed text findings point into, when the ranges are in one (a gzip file). */
async function decompressedView(request: CheckRequest, rangesIn: RangesIn) {
  return rangesIn === 'decompressed' ? decompressedTextView(request.path, { encoding: request.ingest.encoding }) : undefined;
}

/**
 * Findings of a gzip file, placed on the view of its decompressed text: each message says where it is in
 * that text (the file itself has no lines to point at), and ranges beyond the lines the view shows point at
 * its last line, which says the text goes on.
 */
function placeInView(findings: readonly Finding[], path: string, shownLines: number): Finding[] {
  const name = basename(path);
  const last = { line: shownLines, character: 0 };
  const clamp = (range: TextRange): TextRange => (range.start.line < shownLines ? range : { start: last, end: last });
  return findings.map((f) => ({
    ...f,
    message: `${f.message} (line ${f.range.start.line + 1} of the decompressed text of ${name})`,
    range: clamp(f.range),
    ...(f.related ? { related: f.related.map((r) => ({ ...r, range: clamp(r.range) })) } : {}),
  }));
}
