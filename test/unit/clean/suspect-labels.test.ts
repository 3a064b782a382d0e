/**
 * Suspect labels: out-of-fold predictions of a linear model find planted label flips (penguins, 5% of the
 * species flipped) and planted target errors (a regression); the suspect-label rule reports them with the
 * predicted value, only when a target is configured; the cleaning step drops them.
 */
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import { readCsvBytes } from '../../../src/core/ingest/csv/read';
import { findSuspectLabels } from '../../../src/core/train/suspect-labels';
import { runQualityCheck } from '../../../src/core/quality/engine';
import { suspectLabel } from '../../../src/core/quality/rules/suspect-label';
import { mulberry32 } from '../../../src/core/shared/random';
import { fitRidge, fitSoftmax, predictRidge, predictSoftmax } from '../../../src/core/train/plain-fit';
import { cleanCsv } from './helpers';

type Row = Record<string, string | number | null>;
const penguins = (JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules', 'vega-datasets', 'data', 'penguins.json'), 'utf8')) as Row[]).filter((r) => r.Species !== null);

function csvOf(rows: Row[]): string {
  const columns = Object.keys(rows[0]);
  return `${columns.join(',')}\n${rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))).join(',')).join('\n')}\n`;
}

/** Flips `share` of the labels to another class; returns the rows and the flipped row numbers. */
function flipLabels(rows: Row[], target: string, share: number, seed: number): { rows: Row[]; flipped: Set<number> } {
  const random = mulberry32(seed);
  const classes = [...new Set(rows.map((r) => r[target]))];
  const flipped = new Set<number>();
  const out = rows.map((r, i) => {
    if (random() >= share) return r;
    const others = classes.filter((c) => c !== r[target]);
    flipped.add(i);
    return { ...r, [target]: others[Math.floor(random() * others.length)] };
  });
  return { rows: out, flipped };
}

function precisionRecall(found: Set<number>, planted: Set<number>): { precision: number; recall: number } {
  let hits = 0;
  for (const r of found) if (planted.has(r)) hits++;
  return { precision: found.size ? hits / found.size : 1, recall: planted.size ? hits / planted.size : 1 };
}

test('the plain models fit what they should: least squares recovers coefficients, softmax separates classes', () => {
  const random = mulberry32(3);
  const n = 200;
  const x = new Float64Array(n * 2);
  const y = new Float64Array(n);
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = random() * 2 - 1;
    x[2 * i + 1] = random() * 2 - 1;
    y[i] = 3 * x[2 * i] - 2 * x[2 * i + 1] + 0.5;
    labels[i] = x[2 * i] + x[2 * i + 1] > 0 ? 1 : 0;
  }
  const w = fitRidge(x, y, n, 2, 0);
  assert.deepEqual(Array.from(w, (v) => Math.round(v * 1000) / 1000), [3, -2, 0.5]);
  assert.ok(Math.abs(predictRidge(x, n, 2, w)[0] - y[0]) < 1e-9);
  const p = predictSoftmax(x, n, 2, 2, fitSoftmax(x, labels, n, 2, 2));
  let correct = 0;
  for (let i = 0; i < n; i++) correct += (p[2 * i + 1] > 0.5 ? 1 : 0) === labels[i] ? 1 : 0;
  assert.ok(correct / n > 0.97, `accuracy ${correct / n}`);
});

test('penguins with 5% of the species flipped: the flips are found with precision and recall ≥ 0.8', () => {
  for (const seed of [11, 12]) {
    const { rows, flipped } = flipLabels(penguins, 'Species', 0.05, seed);
    const data = readCsvBytes(Buffer.from(csvOf(rows)));
    const result = findSuspectLabels({ table: data.table, columns: data.columns }, { target: 'Species' });
    const { precision, recall } = precisionRecall(new Set(result.suspects.map((s) => s.row)), flipped);
    assert.ok(flipped.size >= 10, `${flipped.size} flips planted`);
    assert.ok(precision >= 0.8 && recall >= 0.8, `seed ${seed}: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`);
    const first = result.suspects.find((s) => flipped.has(s.row))!;
    assert.equal(first.predicted, penguins[first.row].Species, 'the suggestion is the true species');
  }
  const clean = readCsvBytes(Buffer.from(csvOf(penguins)));
  const unflipped = findSuspectLabels({ table: clean.table, columns: clean.columns }, { target: 'Species' }).suspects;
  assert.ok(unflipped.length <= 5, `few suspects without flips (ambiguous Adelie/Chinstrap rows, a row without measurements): ${unflipped.length}`);
});

test('regression: rows whose target is far off the out-of-fold prediction (planted errors) are found', () => {
  const random = mulberry32(5);
  const rows: Row[] = [];
  const planted = new Set<number>();
  for (let i = 0; i < 400; i++) {
    const a = random() * 10;
    const b = random() * 5;
    let y = 2 * a - 3 * b + (random() - 0.5);
    if (i % 40 === 7) {
      y += (random() < 0.5 ? -1 : 1) * 15;
      planted.add(i);
    }
    rows.push({ a: a.toFixed(3), b: b.toFixed(3), y: y.toFixed(3) });
  }
  const data = readCsvBytes(Buffer.from(csvOf(rows)));
  const result = findSuspectLabels({ table: data.table, columns: data.columns }, { target: 'y' });
  const { precision, recall } = precisionRecall(new Set(result.suspects.map((s) => s.row)), planted);
  assert.ok(precision >= 0.9 && recall >= 0.9, `precision ${precision}, recall ${recall}`);
  assert.equal(result.task, 'regression');
});

test('the suspect-label rule: only with a target; findings on the label cell with the predicted value', () => {
  const { rows, flipped } = flipLabels(penguins, 'Species', 0.05, 11);
  const data = readCsvBytes(Buffer.from(csvOf(rows)));
  const silent = runQualityCheck(data, {}, undefined, [suspectLabel]);
  assert.equal(silent.totals['suspect-label'], 0, 'no target configured: nothing');
  const report = runQualityCheck(data, { rules: { 'suspect-label': { options: { target: 'Species' } } } }, undefined, [suspectLabel]);
  const findings = report.findings.filter((f) => f.rule === 'suspect-label');
  assert.ok(findings.length >= flipped.size * 0.8);
  const f = findings.find((x) => flipped.has(x.row!))!;
  assert.equal(f.column, 'Species');
  assert.match(f.message, new RegExp(`^Label "${rows[f.row!].Species}" of "Species" looks wrong: a model trained on the other rows predicts "${penguins[f.row!].Species}" \\(p = 0\\.\\d\\d\\)`));
  const missing = runQualityCheck(data, { rules: { 'suspect-label': { options: { target: 'nope' } } } }, undefined, [suspectLabel]);
  assert.match(missing.findings[0].message, /could not run: target "nope" is not a column/);
});

test('the drop-suspect-labels step drops the flagged rows and records them', async () => {
  const { rows, flipped } = flipLabels(penguins, 'Species', 0.05, 12);
  const { run, recipe } = await cleanCsv(csvOf(rows), [['drop-suspect-labels', { target: 'Species' }]]);
  const dropped = new Set((recipe.steps[0].fitted as { rows: number[] }).rows);
  const { precision, recall } = precisionRecall(dropped, flipped);
  assert.ok(precision >= 0.8 && recall >= 0.8, `precision ${precision}, recall ${recall}`);
  assert.equal(run.steps[0].rowsDropped, dropped.size);
  assert.equal(run.rowsOut, rows.length - dropped.size);
});
