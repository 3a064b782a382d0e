/**
 * An estimate of the memory a check result holds in the extension host (findings, fixes, profile, the
 * rendered text of a binary file): what the host's cache of results counts against its budget. Strings
 * count two bytes per character (V8 keeps non-Latin-1 strings so), objects a fixed overhead.
 */
import type { Finding, FindingFix } from '../quality/finding';
import type { CheckResult } from './check-file';

const OBJECT_BYTES = 80;
const text = (s: string | null | undefined) => 2 * (s?.length ?? 0);

function fixBytes(fix: FindingFix): number {
  return 3 * OBJECT_BYTES + text(fix.title) + (fix.kind === 'replace' ? text(fix.newText) : 0);
}

function findingBytes(finding: Finding): number {
  let bytes = 4 * OBJECT_BYTES + text(finding.message) + text(finding.rule) + text(finding.column) + text(finding.value);
  for (const [key, value] of Object.entries(finding.evidence ?? {})) bytes += 32 + text(key) + (typeof value === 'string' ? text(value) : 8);
  for (const place of finding.related ?? []) bytes += 4 * OBJECT_BYTES + text(place.message) + text(place.column);
  for (const fix of finding.fixes ?? []) bytes += fixBytes(fix);
  return bytes;
}

export function estimatedResultBytes(result: CheckResult): number {
  let bytes = OBJECT_BYTES + text(result.renderedText) + text(JSON.stringify(result.profile)) + text(JSON.stringify(result.columns));
  for (const finding of result.findings) bytes += findingBytes(finding);
  for (const fixes of Object.values(result.fixesByRule)) for (const fix of fixes) bytes += fixBytes(fix);
  for (const note of result.notes) bytes += text(note);
  return bytes;
}
