/**
 * Suspect labels: out-of-fold predictions of a linear model and a noise model fitted to them find planted
 * label flips (penguins and a synthetic separable table, 5% flipped) and planted target errors (a
 * regression); a clean table, even one the model predicts poorly, gets about no suspects; where the model
 * is weak the few rows flagged are mostly right and the notes say the rest cannot be singled out. The
 * suspect-label rule reports them with the predicted value, only when a target is configured; the
 * cleaning step drops them.
 */
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import { readCsvBytes } from '../../../src/core/ingest/csv/read';
import { findSuspectLabels, MAX_TRAINING_ROWS } from '../../../src/core/train/suspect-labels';
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

/** Gaussian classes: feature j of class c ~ N(separation · [c = j], 1), three features, `n` rows; `share` of the labels flipped. */
function blobs(n: number, separation: number, share: number, seed: number): { csv: string; truth: string[]; flipped: Set<number> } {
  const random = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const classes = ['a', 'b', 'c'];
  const truth: string[] = [];
  const flipped = new Set<number>();
  const lines = ['x0,x1,x2,label'];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    const x = [0, 1, 2].map((j) => (separation * (j === c ? 1 : 0) + normal()).toFixed(4));
    let label = classes[c];
    truth.push(label);
    if (random() < share) {
      label = classes[(c + 1 + Math.floor(random() * 2)) % 3];
      flipped.add(i);
    }
    lines.push(`${x.join(',')},${label}`);
  }
  return { csv: `${lines.join('\n')}\n`, truth, flipped };
}

function suspectsOf(csv: string, target: string) {
  const data = readCsvBytes(Buffer.from(csv));
  return findSuspectLabels({ table: data.table, columns: data.columns }, { target });
}

test('a separable table with 5% of the labels flipped: the flips are found with precision and recall ≥ 0.9, the count estimated', () => {
  const { csv, truth, flipped } = blobs(900, 6, 0.05, 21);
  const result = suspectsOf(csv, 'label');
  const { precision, recall } = precisionRecall(new Set(result.suspects.map((s) => s.row)), flipped);
  assert.ok(precision >= 0.9 && recall >= 0.9, `precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`);
  for (const s of result.suspects.filter((x) => flipped.has(x.row))) {
    assert.equal(s.predicted, truth[s.row], 'the suggestion is the true class');
    assert.ok(s.errorProbability > 0.5 && s.errorProbability <= 1);
  }
  assert.ok(Math.abs(result.estimatedErrors - flipped.size) <= flipped.size * 0.3, `${result.estimatedErrors} wrong labels estimated, ${flipped.size} planted`);
  assert.equal(result.outOfFold.metric, 'accuracy');
});

test('a clean table gets about no suspects, even where the model predicts the label poorly', () => {
  // Overlapping classes: the model misclassifies about a quarter of the rows, none of them mislabelled.
  const weak = suspectsOf(blobs(900, 1.5, 0, 22).csv, 'label');
  assert.ok(weak.outOfFold.value < 0.8, `out-of-fold accuracy ${weak.outOfFold.value}`);
  assert.ok(weak.suspects.length <= 3, `${weak.suspects.length} suspects on a clean table`);
  const clean = suspectsOf(blobs(900, 6, 0, 23).csv, 'label');
  assert.equal(clean.suspects.length, 0);
  assert.ok(clean.estimatedErrors <= 3);
});

test('where the model is weak, the few rows flagged are mostly mislabelled and the notes say the rest look like its own errors', () => {
  const { csv, flipped } = blobs(1500, 1.5, 0.05, 24);
  const result = suspectsOf(csv, 'label');
  const { precision, recall } = precisionRecall(new Set(result.suspects.map((s) => s.row)), flipped);
  assert.ok(result.suspects.length >= 5, `${result.suspects.length} flagged`);
  assert.ok(precision >= 0.8, `precision ${precision.toFixed(2)} (recall ${recall.toFixed(2)})`);
  assert.ok(recall < 0.8, 'a weak model cannot find most flips');
  assert.match(result.notes.at(-1)!, /^Out-of-fold accuracy \d+%; the noise model estimates [\d.]+% of the labels wrong \(about \d+ rows\); \d+ flagged .*The model cannot single out the rest/);
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
  assert.equal(result.outOfFold.metric, 'r2');
});

test('regression: a value swapped with another row\'s is found where it is far from the prediction; a clean table gets no suspects', () => {
  const random = mulberry32(6);
  const rows: Row[] = [];
  for (let i = 0; i < 600; i++) {
    const a = random() * 10;
    const b = random() * 5;
    rows.push({ a: a.toFixed(3), b: b.toFixed(3), y: (2 * a - 3 * b + (random() - 0.5)).toFixed(3) });
  }
  assert.equal(suspectsOf(csvOf(rows), 'y').suspects.length, 0, 'clean: nothing flagged');
  const swapped = rows.map((r) => ({ ...r }));
  const planted = new Set<number>();
  for (let i = 5; i < rows.length; i += 20) {
    const donor = (i * 7 + 3) % rows.length;
    // Only swaps that change the value by more than the residuals' spread are detectable at all.
    if (Math.abs(Number(rows[donor].y) - Number(rows[i].y)) < 3) continue;
    swapped[i].y = rows[donor].y;
    planted.add(i);
  }
  const result = suspectsOf(csvOf(swapped), 'y');
  const { precision, recall } = precisionRecall(new Set(result.suspects.map((s) => s.row)), planted);
  assert.ok(planted.size >= 20, `${planted.size} swaps planted`);
  assert.ok(precision >= 0.9 && recall >= 0.9, `precision ${precision}, recall ${recall}`);
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

test('a label that depends on a feature through a bend: the bent model is chosen, finds the flips a straight line cannot and says so', () => {
  const random = mulberry32(31);
  const flipped = new Set<number>();
  const lines = ['x,noise,label'];
  for (let i = 0; i < 800; i++) {
    const x = random() * 4 - 2;
    // "inside" only in a middle band: no straight line separates it.
    let label = Math.abs(x) < 0.8 ? 'inside' : 'outside';
    if (random() < 0.05) {
      label = label === 'inside' ? 'outside' : 'inside';
      flipped.add(i);
    }
    lines.push(`${x.toFixed(4)},${random().toFixed(4)},${label}`);
  }
  const result = suspectsOf(`${lines.join('\n')}\n`, 'label');
  const { precision, recall } = precisionRecall(new Set(result.suspects.map((s) => s.row)), flipped);
  // A straight line predicts "outside" everywhere (accuracy about 0.6) and finds none; the bend misses only flips near the band's edges.
  assert.ok(precision >= 0.9 && recall >= 0.75, `precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`);
  assert.ok(result.outOfFold.value > 0.85, `out-of-fold accuracy ${result.outOfFold.value}`);
  assert.ok(result.notes.some((note) => note.startsWith('Out-of-fold model: logistic regression with a bend at each numeric feature\'s quintiles')), result.notes.join('\n'));
});

test('a table beyond the training cap: each fold trains on a seeded sample, the notes say so, the findings are the same on every run', () => {
  const random = mulberry32(41);
  const rows: Row[] = [];
  const planted = new Set<number>();
  for (let i = 0; i < 7000; i++) {
    const a = random() * 10;
    let y = 2 * a + (random() - 0.5);
    if (i % 100 === 3) {
      y += 15;
      planted.add(i);
    }
    rows.push({ a: a.toFixed(3), y: y.toFixed(3) });
  }
  const csv = csvOf(rows);
  const first = suspectsOf(csv, 'y');
  assert.ok(first.notes.some((note) => note.includes(`Each fold trained on a random sample of ${MAX_TRAINING_ROWS.toLocaleString('en-US')} of its 5,600 training rows`)), first.notes.join('\n'));
  const { precision, recall } = precisionRecall(new Set(first.suspects.map((s) => s.row)), planted);
  assert.ok(precision >= 0.9 && recall >= 0.9, `precision ${precision}, recall ${recall}`);
  assert.deepEqual(suspectsOf(csv, 'y').suspects, first.suspects);
});
