/** Rule documentation pages stay in sync with the rules; the `check` CLI's formats and exit codes. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { allRules } from '../../../src/core/quality/engine';
import { docsDir, ruleDocsPage } from '../../../scripts/gen-rule-docs';

test('docs/rules/<id>.md exists and is current for every rule (regenerate: npx tsx scripts/gen-rule-docs.ts)', () => {
  for (const rule of allRules) assert.equal(readFileSync(path.join(docsDir, `${rule.id}.md`), 'utf8'), ruleDocsPage(rule), rule.id);
});

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'check', ...args], { encoding: 'utf8' });

test('check --format json: an array of findings with rule, dimension, severity, row, column, range, message', () => {
  const r = cli('samples/dirty.csv', '--format', 'json', '--now', '2026-11-25');
  assert.equal(r.status, 1, 'errors present → exit 1 with the default --fail-on error');
  const findings = JSON.parse(r.stdout) as Record<string, unknown>[];
  const ragged = findings.find((f) => f.rule === 'ragged-row');
  assert.deepEqual(ragged, {
    file: 'samples/dirty.csv',
    rule: 'ragged-row',
    dimension: 'structure',
    severity: 'error',
    row: 131,
    column: null,
    range: { start: { line: 133, character: 0 }, end: { line: 133, character: 45 } },
    message: 'Row has 7 fields but the header has 10 (3 missing).',
  });
});

test('check --fail-on decides the exit code; text format prints path:line:col', () => {
  assert.equal(cli('samples/clean.csv', '--fail-on', 'warning').status, 0);
  assert.equal(cli('samples/dirty.csv', '--fail-on', 'never').status, 0);
  const text = cli('samples/dirty.csv', '--fail-on', 'warning', '--now', '2026-11-25');
  assert.equal(text.status, 1);
  assert.match(text.stdout, /^samples\/dirty\.csv:134:1: error \[ragged-row\] Row has 7 fields/m);
  assert.equal(cli('samples/dirty.csv', '--format', 'xml').status, 2, 'usage error');
  assert.equal(cli('does-not-exist.csv').status, 1, 'unreadable file');
});

test('check --format sarif: SARIF 2.1.0 with rules, help links and 1-based regions', () => {
  const sarif = JSON.parse(cli('samples/dirty.csv', '--format', 'sarif').stdout) as {
    version: string;
    runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: Record<string, number> } }[] }[] }[];
  };
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.ok(run.tool.driver.rules.find((r) => r.id === 'ragged-row')?.helpUri.endsWith('/docs/rules/ragged-row.md'));
  const ragged = run.results.find((r) => r.ruleId === 'ragged-row');
  assert.equal(ragged?.level, 'error');
  assert.deepEqual(ragged?.locations[0].physicalLocation.region, { startLine: 134, startColumn: 1, endLine: 134, endColumn: 46 });
});

test('check: the text output ends with "quality score N/100", the SARIF run properties carry the same numbers', () => {
  const text = cli('samples/dirty.csv', '--now', '2026-11-25').stdout.trimEnd().split('\n');
  const last = text.at(-1) ?? '';
  assert.match(last, /^quality score \d+\/100$/);
  const score = Number(/(\d+)\/100/.exec(last)?.[1]);
  assert.ok(score < 95, `the dirty sample scores ${score}`);
  assert.match(text.at(-2) ?? '', /^rows without an error or warning: [\d.]+%, cells: [\d.]+%, 5 error findings$/);
  const sarif = JSON.parse(cli('samples/dirty.csv', '--format', 'sarif', '--now', '2026-11-25').stdout) as {
    runs: { properties: { qualityScore: number; files: { uri: string; qualityScore: number; rows: number; cells: number; byDimension: Record<string, number> }[] } }[];
  };
  const properties = sarif.runs[0].properties;
  assert.equal(properties.qualityScore, score);
  assert.equal(properties.files[0].uri, 'samples/dirty.csv');
  assert.equal(properties.files[0].qualityScore, score);
  assert.ok(properties.files[0].byDimension.structure < 100);
  // Two files: one line per file, then the score of both together (capped: the dirty one has errors).
  const both = cli('samples/clean.csv', 'samples/dirty.csv', '--now', '2026-11-25').stdout.trimEnd().split('\n');
  assert.match(both.at(-3) ?? '', /^samples\/clean\.csv: quality score 100\/100; /);
  assert.equal(both.at(-1), 'quality score 94/100');
});
