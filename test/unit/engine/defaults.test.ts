/** One defaults module: package.json's settings, the engine and the CLI use its values; core messages name options, shells say where they are set. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { DEFAULTS, OptionError } from '../../../src/core/defaults';
import { DEFAULT_QUALITY_CONFIG, runQualityCheck } from '../../../src/core/quality/engine';
import { ingestCsvBytes, ingestFile } from '../../../src/core/ingest/index';
import { delimiterOf } from '../../../src/core/ingest/options';
import { TEXT_ENCODINGS } from '../../../src/core/table/model';
import { temporaryDirectory } from '../temp-dir';

const settings = (JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, { default: unknown; enum?: string[] }> } } }).contributes
  .configuration.properties;

test('package.json declares the defaults of the defaults module', () => {
  assert.equal(settings['datasetInspector.memoryBudgetMB'].default, DEFAULTS.memoryBudgetMB);
  assert.equal(settings['datasetInspector.maxFindingsPerRule'].default, DEFAULTS.maxFindingsPerRule);
  assert.deepEqual(settings['datasetInspector.naTokens'].default, DEFAULTS.naTokens);
  assert.equal(settings['datasetInspector.resultMemoryMB'].default, DEFAULTS.resultMemoryMB);
  assert.equal(DEFAULT_QUALITY_CONFIG.maxFindingsPerRuleAndColumn, DEFAULTS.maxFindingsPerRule);
  assert.deepEqual(settings['datasetInspector.csv.encoding'].enum, ['auto', ...TEXT_ENCODINGS]);
  // The default NA tokens are what the reader uses without settings.
  const data = ingestCsvBytes(new TextEncoder().encode(`x,y\n${DEFAULTS.naTokens.map((t, i) => `${t},${i}`).join('\n')}\n1,9\n`));
  assert.equal(data.naTokenCells.length, DEFAULTS.naTokens.length);
});

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });

test('the CLI help states the defaults of the module and offers the encodings the reader reads', () => {
  for (const command of ['check', 'profile']) {
    const help = cli(command, '--help').stdout;
    assert.match(help, new RegExp(`--memory-budget[^\\n]*default ${DEFAULTS.memoryBudgetMB}`), command);
    assert.match(help, new RegExp(TEXT_ENCODINGS.join('[^\\n]*')), command);
  }
});

test('delimiters are named the same way in settings and CLI flags', () => {
  assert.deepEqual(['\\t', 'TAB', 'comma', 'semicolon', 'pipe', 'space', ';', 'constructor'].map(delimiterOf), ['\t', '\t', ',', ';', '|', ' ', ';', 'constructor']);
});

test('core messages name the option, not a VS Code setting; the CLI says which flag sets it', async () => {
  const dir = temporaryDirectory('di-defaults-');
  // The summary finding beyond the cap.
  const csv = path.join(dir, 'spaces.csv');
  writeFileSync(csv, `name,n\n${Array.from({ length: 30 }, (_, i) => ` v${i} ,${i}`).join('\n')}\n`);
  const summary = runQualityCheck(ingestCsvBytes(readFileSync(csv)), { maxFindingsPerRuleAndColumn: 2 }).findings.find((f) => f.summaryOf !== undefined);
  assert.ok(summary);
  assert.equal(summary.option, 'maxFindingsPerRule');
  assert.match(summary.message, /more are not \(option maxFindingsPerRule\)\.$/);
  assert.doesNotMatch(summary.message, /datasetInspector/);
  const config = path.join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ maxFindingsPerRuleAndColumn: 2 }));
  const text = cli('check', csv, '--config', config, '--fail-on', 'never');
  assert.match(text.stdout, /\(option maxFindingsPerRule\)\. Set it with --max-findings\.$/m);
  // The flag sets the cap; programs reading JSON get DEFAULTS.maxFindingsPerRuleForPrograms (here: all 30).
  const capped = cli('check', csv, '--max-findings', '3', '--format', 'json', '--fail-on', 'never');
  const findings = (out: string) => JSON.parse(out) as { rule: string; row: number | null; summaryOf?: number }[];
  const whitespace = (out: string) => findings(out).filter((f) => f.rule === 'whitespace');
  assert.deepEqual([whitespace(capped.stdout).filter((f) => f.row !== null).length, whitespace(capped.stdout).filter((f) => f.summaryOf).length], [3, 1]);
  const json = whitespace(cli('check', csv, '--format', 'json', '--fail-on', 'never').stdout);
  assert.deepEqual([json.length, json.filter((f) => f.summaryOf).length], [30, 0]);
  assert.ok(DEFAULTS.maxFindingsPerRuleForPrograms >= 30 && DEFAULTS.maxFindingsPerRule < DEFAULTS.maxFindingsPerRuleForPrograms);
  assert.equal(cli('check', csv, '--max-findings', '-1').status, 2, 'a negative cap is a usage error');
  const all = cli('check', csv, '--max-findings', '0', '--fail-on', 'never').stdout;
  assert.equal(all.split('\n').filter((line) => line.includes('[whitespace]')).length, 30, '0 lists every finding');
  // A file over the memory budget: an OptionError naming memoryBudgetMB, whatever the format.
  const arrow = path.join(dir, 'big.arrow');
  writeFileSync(arrow, tableToIPC(tableFromArrays({ x: Float64Array.from({ length: 5000 }, (_, i) => i) }), 'file'));
  const error = await ingestFile(arrow, { memoryBudgetBytes: 1024 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof OptionError);
  assert.equal(error.option, 'memoryBudgetMB');
  assert.doesNotMatch(error.message, /datasetInspector/);
  // (A check reads it batch by batch; an in-memory profile refuses it.)
  const refused = cli('profile', arrow, '--no-streaming', '--memory-budget', '0.001');
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /over the in-memory budget.*\(option memoryBudgetMB\).*Set it with --memory-budget\./s);
  // Windows-1252 read where UTF-8 was invalid: the note names the encoding option.
  const latin = ingestCsvBytes(Uint8Array.from([...Buffer.from('name\ncaf'), 0xe9, 0x0a, ...Buffer.from('na'), 0xef, 0x76, 0x65, 0x0a]));
  assert.ok(latin.dialect?.uncertainties.some((u) => /option encoding/.test(u) && !/datasetInspector/.test(u)), latin.dialect?.uncertainties.join(' | '));
});
