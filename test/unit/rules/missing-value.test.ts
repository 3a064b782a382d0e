/** missing-value: cell by cell in a mostly complete column, one finding for a sparse column (issue #9, point 7). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { runQualityCheck, allRules } from '../../../src/core/quality/engine';

const rule = allRules.filter((r) => r.id === 'missing-value' || r.id === 'mostly-empty-column');
const check = (header: string, rows: string[]) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode([header, ...rows].join('\n'))), { maxFindingsPerRuleAndColumn: 10_000 }, undefined, rule);
/** 200 rows: a complete id, and a column with `missing(i)` deciding which cells are empty (or NA). */
const table = (missing: (i: number) => string | undefined) => check('id,value', Array.from({ length: 200 }, (_, i) => `${i},${missing(i) ?? `v${i % 7}`}`));

test('a complete column has no finding', () => {
  assert.equal(table(() => undefined).findings.length, 0);
});

test('a mostly complete column (≥ 95%) gets one finding per missing cell, NA tokens with a fix', () => {
  const report = table((i) => (i === 3 ? 'N/A' : i % 50 === 7 ? '' : undefined));
  const findings = report.findings.filter((f) => f.rule === 'missing-value');
  assert.deepEqual(findings.map((f) => f.row), [3, 7, 57, 107, 157]);
  assert.equal(findings[0].value, 'N/A');
  assert.equal(findings[0].fixes?.[0]?.kind, 'replace');
});

test('a sparse column (40% empty) gets one column finding with the share, not 80 cell findings', () => {
  const report = table((i) => (i % 5 < 2 ? (i === 1 ? 'NA' : '') : undefined));
  const findings = report.findings.filter((f) => f.rule === 'missing-value');
  assert.equal(findings.length, 1);
  const [sparse] = findings;
  assert.equal(sparse.row, null);
  assert.equal(sparse.column, 'value');
  assert.deepEqual(sparse.evidence, { missing: 80, rows: 200, naTokens: 1 });
  assert.match(sparse.message, /"value" is 40% empty \(80 of 200 values missing, 1 written as NA tokens\)/);
  assert.equal(report.totals['mostly-empty-column'], 0);
});

test('the boundary: 10 of 200 missing (95% complete) cell by cell, 11 as one finding; over half empty: mostly-empty-column only', () => {
  assert.equal(table((i) => (i < 10 ? '' : undefined)).totals['missing-value'], 10);
  assert.equal(table((i) => (i < 11 ? '' : undefined)).totals['missing-value'], 1);
  const mostlyEmpty = table((i) => (i < 150 ? '' : undefined));
  assert.equal(mostlyEmpty.totals['missing-value'], 0);
  assert.equal(mostlyEmpty.totals['mostly-empty-column'], 1);
});

test('text in a numeric column is not missing: beside 8 text cells (4%), its 4 empty cells are still listed one by one', () => {
  // 12 nulls in the typed column (6%) but 4 missing (2%): the column is mostly complete.
  const rows = Array.from({ length: 200 }, (_, i) => `${i},${i % 25 === 3 ? `${i} kg and more` : i % 50 === 7 ? '' : String(i % 40)}`);
  const report = check('id,value', rows);
  assert.deepEqual(report.findings.filter((f) => f.rule === 'missing-value').map((f) => f.row), [7, 57, 107, 157]);
});
