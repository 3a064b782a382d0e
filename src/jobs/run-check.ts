/** The whole check of one file (ingest → profile → rules), independent of how it is hosted (worker, CLI, test). */
import { ingestCsvBytes, ingestFile, isBinaryDataPath } from '../core/ingest/index';
import { profileTableInParallel } from '../core/profile/parallel';
import { runQualityCheck } from '../core/quality/engine';
import { renderTableText } from '../core/ingest/render-text';
import type { CheckRequest, CheckResult } from './check-protocol';
import type { IngestResult } from '../core/table/model';
import { checkCsvInBatches } from '../core/check/batched';
import { stat } from 'node:fs/promises';
import { threadCount } from '../core/ingest/csv/pool';


export interface CheckProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  stage: 'ingest' | 'profile' | 'quality';
}

/** Whether the file is a CSV/TSV over the in-memory budget (checked batch by batch then). */
async function overBudgetCsv(request: CheckRequest): Promise<boolean> {
  const budget = request.ingest.memoryBudgetBytes;
  if (request.text !== undefined || budget === undefined || isBinaryDataPath(request.path)) return false;
  return (await stat(request.path)).size > budget;
}

async function runBatchedCheck(request: CheckRequest, onProgress: (p: CheckProgress) => void): Promise<CheckResult> {
  const t0 = performance.now();
  const checked = await checkCsvInBatches(request.path, request.quality, {
    ...request.ingest,
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
    threads: threadCount(request.ingest.threads),
  };
}

export async function runCheckRequest(request: CheckRequest, onProgress: (p: CheckProgress) => void): Promise<CheckResult> {
  if (await overBudgetCsv(request)) return runBatchedCheck(request, onProgress);
  const t0 = performance.now();
  const data: IngestResult =
    request.text !== undefined
      ? ingestCsvBytes(new TextEncoder().encode(request.text), { ...request.ingest, path: request.path })
      : await ingestFile(request.path, {
          ...request.ingest,
          onProgress: (p) => onProgress({ ...p, stage: 'ingest' }),
        });
  const t1 = performance.now();
  onProgress({ bytesRead: 0, totalBytes: 0, rows: data.table.numRows, stage: 'profile' });
  const profile = await profileTableInParallel(data, { threads: request.ingest.threads });
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
    threads: threadCount(request.ingest.threads),
  };
}
