/** Preparation: rows, imputation, standardization from the training split, encoding, splits, tasks, and every bad input's message. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDataset, kFoldAssignments, prepareData, splitDataset, TrainingDataError } from '../../../src/core/train/prepare';
import { describeTargetCandidates, suggestFeatureExclusions } from '../../../src/core/train/defaults';
import { carsInput, config, tableInput, type Cell } from './helpers';

const range = (n: number, f: (i: number) => Cell): Cell[] => Array.from({ length: n }, (_, i) => f(i));

function throwsClear(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof TrainingDataError, `expected a TrainingDataError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
}

test('rows without a target are dropped and counted; missing features imputed with the training median', () => {
  const input = tableInput({
    x: range(100, (i) => (i % 10 === 3 ? null : i)),
    y: range(100, (i) => (i % 25 === 0 ? null : 2 * i + 40 * Math.sin(i))),
  });
  const p = prepareData(input, config('y', { validationFraction: 0.2, testFraction: 0.2 }));
  assert.equal(p.summary.rowsRead, 100);
  assert.equal(p.summary.rowsDroppedMissingTarget, 4);
  assert.equal(p.summary.trainRows + p.summary.validationRows + p.summary.testRows, 96);
  assert.equal(p.summary.validationRows, 19);
  assert.equal(p.summary.testRows, 19);
  assert.match(p.summary.notes.join('\n'), /4 rows without a target value dropped/);
  assert.match(p.summary.notes.join('\n'), /"x": 10 missing values imputed with the training median/);
  // Statistics come from the training rows only: recompute them from the rows that went to training.
  const trainValues = Array.from(p.train.tableRows, (r) => (r % 10 === 3 ? null : r)).filter((v): v is number => v !== null);
  const sorted = [...trainValues].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const imputed = Array.from(p.train.tableRows, (r) => (r % 10 === 3 ? median : r));
  const mean = imputed.reduce((s, v) => s + v, 0) / imputed.length;
  const std = Math.sqrt(imputed.reduce((s, v) => s + (v - mean) ** 2, 0) / imputed.length);
  assert.ok(Math.abs(p.center[0] - mean) < 1e-9);
  assert.ok(Math.abs(p.scale[0] - std) < 1e-9);
  const missingTestRow = Array.from(p.test.tableRows).findIndex((r) => r % 10 === 3);
  if (missingTestRow >= 0) assert.ok(Math.abs(p.test.x[missingTestRow] - (median - mean) / std) < 1e-5, 'test rows imputed with the training median');
  // The regression target is standardized with training statistics too.
  const ys = Array.from(p.train.target);
  const ym = ys.reduce((s, v) => s + v, 0) / ys.length;
  assert.ok(Math.abs(p.targetCenter - ym) < 1e-9);
});

test('drop mode removes rows with a missing feature instead', () => {
  const input = tableInput({ x: range(50, (i) => (i < 5 ? null : i)), y: range(50, (i) => i * 3 + 30 * Math.sin(i)) });
  const p = prepareData(input, config('y', { missingFeatures: 'drop' }));
  assert.equal(p.summary.rowsDroppedMissingFeatures, 5);
  assert.equal(p.summary.trainRows + p.summary.validationRows + p.summary.testRows, 45);
});

test('categoricals: one-hot against the most frequent category, capped, the rest as "(other)"; booleans as 0/1', () => {
  const labels = ['red', 'red', 'red', 'red', 'blue', 'blue', 'blue', 'green', 'green', 'pink', 'teal'];
  const n = 220;
  const input = tableInput({
    color: range(n, (i) => labels[i % labels.length]),
    flag: range(n, (i) => i % 3 === 0),
    y: range(n, (i) => i + (i % 7)),
  });
  const p = prepareData(input, config('y', { maxCategories: 3, validationFraction: 0, testFraction: 0 }));
  assert.deepEqual(p.inputNames, ['color=blue', 'color=green', 'color=(other)', 'flag']);
  assert.deepEqual(Array.from(p.center), [0, 0, 0, 0], 'indicators and booleans are not standardized');
  assert.deepEqual(Array.from(p.scale), [1, 1, 1, 1]);
  const d = p.inputNames.length;
  for (let i = 0; i < p.train.rows; i++) {
    const r = p.train.tableRows[i];
    const color = labels[r % labels.length];
    const row = Array.from(p.train.x.subarray(i * d, (i + 1) * d));
    assert.deepEqual(row, [color === 'blue' ? 1 : 0, color === 'green' ? 1 : 0, color === 'pink' || color === 'teal' ? 1 : 0, r % 3 === 0 ? 1 : 0]);
  }
  const notes = p.summary.notes.join('\n');
  assert.match(notes, /"color": 5 categories; the 3 most frequent kept, 2 rarer ones grouped as "\(other\)"/);
  assert.match(notes, /reference category "red"/);
});

test('date columns: left out automatically (with a note), or days since 1970 when listed', () => {
  const day = 86_400_000;
  const input = tableInput({ when: range(60, (i) => new Date((18000 + i) * day)), x: range(60, (i) => (i * 7) % 13), y: range(60, (i) => i * 2 + ((i * 7) % 13)) });
  const auto = prepareData(input, config('y'));
  assert.deepEqual(auto.inputNames, ['x']);
  assert.match(auto.summary.notes.join('\n'), /"when" \(date column; list it as a feature/);
  const listed = prepareData(input, config('y', { features: ['when', 'x'], validationFraction: 0, testFraction: 0 }));
  assert.deepEqual(listed.inputNames, ['when', 'x']);
  assert.ok(Math.abs(listed.center[0] - (18000 + 29.5)) < 1e-6, 'mean day number');
  assert.match(listed.summary.notes.join('\n'), /"when" used as a number: days since 1970-01-01/);
});

test('task auto-detection and overrides', () => {
  const n = 90;
  const input = tableInput({
    x: range(n, (i) => (i * 37) % 11),
    num: range(n, (i) => i * 1.5),
    zeroOne: range(n, (i) => i % 2),
    bool: range(n, (i) => i % 3 === 0),
    species: range(n, (i) => ['a', 'b', 'c'][i % 3]),
    two: range(n, (i) => (i % 2 ? 'yes' : 'no')),
  });
  const task = (target: string, t: 'auto' | 'classification' | 'regression' = 'auto') =>
    extractDataset(input, config(target, { features: [target === 'x' ? 'num' : 'x'], task: t }));
  assert.equal(task('num').task, 'regression');
  const zo = task('zeroOne');
  assert.equal(zo.task, 'binary-classification');
  assert.deepEqual(zo.classes, ['0', '1']);
  assert.match(zo.notes.join('\n'), /only 0 and 1: trained as binary classification/);
  assert.equal(task('zeroOne', 'regression').task, 'regression');
  assert.deepEqual(task('bool').classes, ['false', 'true']);
  assert.equal(task('species').task, 'multiclass-classification');
  assert.deepEqual(task('species').classes, ['a', 'b', 'c']);
  assert.deepEqual(task('two').classes, ['no', 'yes'], 'binary: the positive class is the second');
  assert.equal(task('x', 'classification').task, 'multiclass-classification');
  throwsClear(() => extractDataset(input, config('species', { features: ['x'], task: 'binary-classification' })), /has 3 classes; binary classification needs exactly two/);
});

test('split: seeded, reproducible, stratified by class; k folds cover every row once', () => {
  const n = 1000;
  const input = tableInput({ x: range(n, (i) => i % 17), label: range(n, (i) => (i % 10 === 0 ? 'rare' : i % 3 === 0 ? 'b' : 'a')) });
  const cfg = config('label', { validationFraction: 0.2, testFraction: 0.1 });
  const ds = extractDataset(input, cfg);
  const a = splitDataset(ds, cfg);
  assert.deepEqual(a, splitDataset(ds, cfg), 'same seed, same split');
  assert.notDeepEqual(a.test, splitDataset(ds, { ...cfg, seed: 7 }).test, 'other seed, other split');
  const count = (rows: Int32Array, c: number) => Array.from(rows).filter((r) => ds.y[r] === c).length;
  for (let c = 0; c < (ds.classes?.length ?? 0); c++) {
    const total = count(Int32Array.from({ length: n }, (_, i) => i), c);
    assert.equal(count(a.test, c), Math.round(total * 0.1), `class ${ds.classes?.[c]} in test`);
    assert.equal(count(a.validation, c), Math.round(total * 0.2), `class ${ds.classes?.[c]} in validation`);
  }
  const all = [...a.train, ...a.validation, ...a.test].sort((x, y) => x - y);
  assert.deepEqual(all, Array.from({ length: n }, (_, i) => i), 'a partition of the rows');
  const folds = kFoldAssignments(ds, 5, 42);
  const seen = new Int32Array(n);
  for (const f of folds) {
    for (const r of f.test) seen[r]++;
    assert.equal(f.train.length + f.test.length, n);
    assert.ok(Math.abs(count(f.test, 2) - 20) <= 1, 'stratified folds');
  }
  assert.ok(seen.every((s) => s === 1));
});

test('bad input: each gives a clear message', () => {
  const n = 40;
  const base = { x: range(n, (i) => i % 9), z: range(n, (i) => (i * 5) % 7) };
  throwsClear(() => prepareData(tableInput({ ...base, name: range(n, (i) => `n${i % 4}`) }), config('name', { task: 'regression' })), /regression needs a numeric target/);
  throwsClear(() => prepareData(tableInput({ ...base, y: range(n, () => 5) }), config('y')), /Target "y" is constant \(every row used has the value 5\)/);
  throwsClear(() => prepareData(tableInput({ ...base, y: range(n, () => 'only') }), config('y')), /only one class \("only"\).*at least two/);
  throwsClear(() => prepareData(tableInput({ ...base, y: range(n, () => null) }, { y: 'float' }), config('y')), /Every row \(40\) is missing the target "y"/);
  throwsClear(() => prepareData(tableInput({ ...base, y: range(n, () => null) }), config('y')), /Target "y" is empty/);
  const wide: Record<string, Cell[]> = { y: range(6, (i) => i * 1.5) };
  for (let j = 0; j < 8; j++) wide[`f${j}`] = range(6, (i) => (i * (j + 2)) % 7);
  throwsClear(() => prepareData(tableInput(wide), config('y', { validationFraction: 0, testFraction: 0 })), /Only 6 training rows for \d model inputs plus an intercept: the fit is underdetermined/);
  const infinite = Float64Array.from({ length: n }, (_, i) => (i === 7 ? Infinity : i));
  throwsClear(() => prepareData(tableInput({ ...base, inf: infinite, y: range(n, (i) => i) }), config('y', { features: ['x', 'inf'] })), /Feature "inf" has 1 infinite value \(first in data row 8\)/);
  throwsClear(() => prepareData(tableInput({ ...base, y: Float64Array.from({ length: n }, (_, i) => (i === 3 ? -Infinity : i)) }), config('y')), /Target "y" has 1 infinite value/);
  const nan = prepareData(tableInput({ ...base, v: Float64Array.from({ length: n }, (_, i) => (i % 8 === 0 ? NaN : i)), y: range(n, (i) => i * 2.5 + 20 * Math.sin(i)) }), config('y'));
  assert.match(nan.summary.notes.join('\n'), /Feature "v": 5 NaN values read as missing/);
  throwsClear(() => prepareData(tableInput({ ...base, y: range(n, (i) => i) }), config('nope')), /Target column "nope" not found. Columns: "x", "z", "y"/);
  throwsClear(() => prepareData(tableInput({ ...base, y: range(n, (i) => i) }), config('y', { features: ['x', 'w'] })), /Feature column "w" not found/);
  throwsClear(() => prepareData(tableInput({ ...base, y: range(n, (i) => i) }), config('y', { features: ['y'] })), /cannot also be a feature/);
  throwsClear(() => prepareData(tableInput({ ...base, y: range(n, (i) => i) }), config('y', { learningRate: -1, testFraction: 0.9 })), /Invalid training settings: the learning rate must be a positive number.*leave no training rows/);
  throwsClear(() => prepareData(tableInput({ x: [], y: [] }, { x: 'float', y: 'float' }), config('y')), /no data rows/);
  throwsClear(() => prepareData(tableInput({ c: range(n, () => 'k'), y: range(n, (i) => i) }), config('y', { features: ['c'] })), /No model inputs remain/);
  throwsClear(() => prepareData(tableInput({ ...base, y: range(n, (i) => i) }), config('y', { excludeRows: range(n, (i) => i) as number[] })), /All 40 rows were excluded/);
  throwsClear(() => prepareData(tableInput({ ...base, y: range(n, (i) => (i < 30 ? null : i)) }), config('y', { excludeRows: range(30, (i) => 30 + i) as number[] })), /No rows left: 10 excluded and the other 30 are missing the target/);
});

test('excluded rows are left out and counted', () => {
  const input = tableInput({ x: range(100, (i) => i % 13), y: range(100, (i) => i) });
  const p = prepareData(input, config('y', { excludeRows: [0, 1, 2, 2, 500, -1] }));
  assert.equal(p.summary.rowsExcluded, 3);
  const used = [...p.train.tableRows, ...p.validation.tableRows, ...p.test.tableRows];
  assert.equal(used.length, 97);
  assert.ok(!used.includes(0) && !used.includes(2));
});

test('target candidates: type, missing %, usable, auto task', () => {
  const cars = describeTargetCandidates(carsInput());
  const byName = new Map(cars.map((c) => [c.name, c]));
  const mpg = byName.get('Miles_per_Gallon');
  assert.equal(mpg?.task, 'regression');
  assert.equal(mpg?.missing, 8);
  assert.ok(Math.abs((mpg?.missingPercent ?? 0) - (100 * 8) / 406) < 1e-9);
  assert.match(mpg?.description ?? '', /^float · 2\.0% missing · \d+ distinct · regression$/);
  assert.equal(byName.get('Origin')?.task, 'multiclass-classification');
  assert.equal(byName.get('Year')?.usable, false);
  assert.match(byName.get('Year')?.reason ?? '', /date/);
});

test('feature exclusions: constant, empty, identifiers (text, or named like one), leakage', () => {
  const n = 200;
  const input = tableInput({
    id: range(n, (i) => `row-${i}`),
    constant: range(n, () => 3),
    empty: range(n, () => null),
    x: range(n, (i) => (i * 31) % 97),
    price: range(n, (i) => 100 + ((i * 31) % 97) * 2 + (i % 5) * 30),
    priceWithTax: range(n, (i) => 1.2 * (100 + ((i * 31) % 97) * 2 + (i % 5) * 30)),
    grade: range(n, (i) => ['A', 'B', 'C'][i % 3]),
    gradeCopy: range(n, (i) => ['top', 'mid', 'low'][i % 3]),
    sale_id: range(n, (i) => 5000 + ((i * 7) % n)),
    store_id: range(n, (i) => i % 10),
  });
  const exclusions = new Map(suggestFeatureExclusions(input, 'price').map((e) => [e.name, e]));
  assert.equal(exclusions.get('id')?.kind, 'identifier');
  assert.match(exclusions.get('sale_id')?.reason ?? '', /^identifier \(named like one, 200 distinct values\)$/, 'a numeric id: named like one, every value distinct');
  assert.ok(!exclusions.has('store_id'), 'an id column whose values repeat (a foreign key) stays');
  assert.equal(exclusions.get('constant')?.reason, 'constant');
  assert.equal(exclusions.get('empty')?.kind, 'empty');
  assert.match(exclusions.get('priceWithTax')?.reason ?? '', /possible leakage: correlation 1\.0000 with the target/);
  assert.ok(!exclusions.has('x'), 'a merely correlated feature stays');
  assert.ok(!exclusions.has('grade'));
  const forGrade = new Map(suggestFeatureExclusions(input, 'grade').map((e) => [e.name, e]));
  assert.match(forGrade.get('gradeCopy')?.reason ?? '', /maps one-to-one onto the target/);
  // The automatic feature list leaves them out, with the reasons in the notes.
  const p = prepareData(input, config('price'));
  assert.deepEqual(p.inputNames.filter((name) => !name.startsWith('grade')), ['x', 'store_id']);
  assert.match(p.summary.notes.join('\n'), /"priceWithTax" \(possible leakage/);
});
