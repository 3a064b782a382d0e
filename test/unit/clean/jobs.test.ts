/** The cleaning worker's requests (as the panel sends them): plan, preview with quality before/after, write, Python. */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { runCleanRequest } from '../../../src/jobs/run-clean-job';
import type { CleanSourceRequest } from '../../../src/jobs/clean-protocol';
import { ingestFile } from '../../../src/core/ingest/index';
import { runQualityCheck } from '../../../src/core/quality/engine';
import { tempDir } from './helpers';

const tmp = tempDir('clean-jobs-');
after(() => tmp.dispose());
const path = tmp.file('dirty.csv');
copyFileSync('samples/dirty.csv', path);
const source: CleanSourceRequest = { path, read: {} };
const quality = { now: new Date('2026-11-25') };

async function plan() {
  const findings = runQualityCheck(await ingestFile(path), quality).findings;
  const reply = await runCleanRequest({ type: 'plan', source, findings }, () => undefined);
  assert.equal(reply.type, 'plan');
  return reply;
}

test('plan: the proposals as a recipe, the columns, and the catalog of steps with their option schemas', async () => {
  const reply = await plan();
  assert.equal(reply.rows, 199);
  assert.deepEqual(reply.recipe.steps, reply.proposals.map((p) => p.step));
  assert.equal(reply.catalog.length, 16);
  const impute = reply.catalog.find((c) => c.id === 'impute-missing')!;
  assert.equal(impute.scope, 'columns');
  assert.deepEqual((impute.options as { properties: { method: { enum: string[] } } }).properties.method.enum, ['mean', 'median', 'mode', 'constant', 'drop-rows']);
  assert.equal(reply.catalog.find((c) => c.id === 'drop-suspect-labels')!.scope, 'target');
});

test('preview: what each step changes, sample rows, and a better quality score after', async () => {
  const { recipe } = await plan();
  const progress: number[] = [];
  const reply = await runCleanRequest({ type: 'preview', source, recipe, quality }, (p) => progress.push(p.pass));
  assert.equal(reply.type, 'preview');
  const { preview } = reply;
  assert.equal(preview.complete, true);
  assert.equal(preview.rows, 199);
  assert.ok(preview.run.samples.length > 0);
  assert.ok(preview.after.scores.overall > preview.before.scores.overall, `${preview.before.scores.overall} → ${preview.after.scores.overall}`);
  assert.ok(preview.after.scores.byDimension.consistency! > preview.before.scores.byDimension.consistency!);
  assert.equal(preview.before.totals['ragged-row'], 2);
  assert.equal(preview.after.totals['ragged-row'], 0);
  assert.equal(preview.after.totals['duplicate-row'], 0);
  assert.ok(progress.length > 0);
  const trim = preview.run.steps.find((s) => s.step === 'trim-whitespace')!;
  assert.equal(trim.cellsChanged, 3);
});

test('write and python: the cleaned file, its recipe and a script beside the source; invalid recipes are refused', async () => {
  const { recipe } = await plan();
  const outputPath = tmp.file('dirty.clean.csv');
  const recipePath = tmp.file('dirty.clean.recipe.json');
  const written = await runCleanRequest({ type: 'write', source, recipe, outputPath, recipePath }, () => undefined);
  assert.equal(written.type, 'write');
  assert.ok(existsSync(outputPath) && existsSync(recipePath));
  assert.equal(JSON.parse(readFileSync(recipePath, 'utf8')).source.file, 'dirty.csv');
  const pythonPath = tmp.file('dirty.clean.py');
  await runCleanRequest({ type: 'python', source, recipe, outputPath, pythonPath }, () => undefined);
  assert.match(readFileSync(pythonPath, 'utf8'), /^#!\/usr\/bin\/env python3[\s\S]*import pandas as pd[\s\S]*write_csv\(df, OUTPUT/);
  const broken = { ...recipe, steps: [{ step: 'impute-missing', enabled: true, options: { columns: ['area_m2'], method: 'constant' } }] } as unknown as typeof recipe;
  await assert.rejects(runCleanRequest({ type: 'preview', source, recipe: broken, quality }, () => undefined), /needs a value/);
});
