/** The whole check of one file (ingest → profile → rules), independent of how it is hosted (worker, CLI, test). */
import { ingestCsvBytes, ingestFile } from '../core/ingest/index';
import { profileTable } from '../core/profile/index';
import { runQualityCheck } from '../core/quality/engine';
import { renderTableText } from '../core/ingest/render-text';
import type { CheckRequest, CheckResult } from './check-protocol';
import type { IngestResult } from '../core/table/model';

export interface CheckProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  stage: 'ingest' | 'profile' | 'quality';
}

export async function runCheckRequest(request: CheckRequest, onProgress: (p: CheckProgress) => void): Promise<CheckResult> {
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
    timingsMs: { ingest: Math.round(t1 - t0), profile: Math.round(t2 - t1), quality: Math.round(t3 - t2) },
  };
}
