/** Checks CSV text with the default rules (fixed "now"): what the rule tests share. */
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { runQualityCheck, type QualityConfig, type QualityReport } from '../../../src/core/quality/engine';
import type { Finding } from '../../../src/core/quality/finding';

export const NOW = new Date('2026-11-25T00:00:00Z');

export function checkCsv(text: string, config: Partial<QualityConfig> = {}): QualityReport {
  return runQualityCheck(ingestCsvBytes(new TextEncoder().encode(text)), { now: NOW, ...config });
}

export function findingsOf(report: QualityReport, rule: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}

/** The replacement text of a finding's first fix. */
export function fixText(finding: Finding | undefined): string | undefined {
  const fix = finding?.fixes?.[0];
  return fix?.kind === 'replace' ? fix.newText : undefined;
}

/** A CSV from a header and rows of cells (quoted where needed). */
export function csv(header: string[], rows: (string | number)[][]): string {
  const field = (v: string | number) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  return [header.join(','), ...rows.map((r) => r.map(field).join(','))].join('\n') + '\n';
}
