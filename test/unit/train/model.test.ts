/**
 * Training: known weights come back within 1% on the original scale; on a real regression set (vega-datasets
 * cars) the test R² matches the closed-form least-squares fit on the same standardized training split;
 * logistic and softmax regression; divergence, cancellation, backends, cross-validation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initBackend } from '../../../src/core/train/backend';
import { regressionMetrics } from '../../../src/core/train/metrics';
import { TrainingCancelledError, TrainingDivergedError, createStepOptimizer, trainModel } from '../../../src/core/train/model';
import { prepareData } from '../../../src/core/train/prepare';
import { seededRandom } from '../../../src/core/train/rng';
import { runTraining } from '../../../src/core/train/run';
import type { TrainingEvent } from '../../../src/core/train/types';
import { carsInput, config, gaussian, leastSquares, penguinsInput, tableInput } from './helpers';

function synthetic(n: number, seed = 1) {
  const random = seededRandom(seed);
  const g = gaussian(random);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = 10 + 5 * g();
    b[i] = -3 + 2 * g();
    c[i] = 1000 * random();
    y[i] = 7 + 3 * a[i] - 20 * b[i] + 0.01 * c[i] + 0.05 * g();
  }
  return tableInput({ a, b, c, y });
}

test('linear regression: known weights come back within 1% on the original feature scale', async () => {
  // Full batch so that the optimizer's mini-batch jitter does not blur the check of the pipeline.
  const cfg = config('y', { validationFraction: 0.1, testFraction: 0.1, batchSize: 100_000, epochs: 800, earlyStoppingPatience: 0 });
  const events: TrainingEvent[] = [];
  const result = await trainModel(prepareData(synthetic(3000), cfg), cfg, (e) => events.push(e));
  const coefficient = new Map(result.coefficients.map((c) => [c.name, c.value]));
  for (const [name, expected] of [['(intercept)', 7], ['a', 3], ['b', -20], ['c', 0.01]] as const) {
    const actual = coefficient.get(name) ?? NaN;
    assert.ok(Math.abs(actual - expected) <= 0.01 * Math.abs(expected), `${name}: ${actual} vs ${expected}`);
  }
  assert.equal(result.metricsSplit, 'test');
  assert.ok(result.metrics.kind === 'regression' && result.metrics.r2 > 0.9999);
  assert.deepEqual(events.slice(0, 2).map((e) => e.type), ['backend', 'prepared']);
  assert.equal(events.filter((e) => e.type === 'epoch').length, 800);
  assert.equal(result.lossHistory.length, 800);
  assert.ok(result.lossHistory[799].trainLoss < result.lossHistory[0].trainLoss / 100, 'the loss fell');
  assert.ok((result.predictions?.length ?? 0) === 300);
});

test('real regression set (cars): test R² within 0.01 of the closed-form least-squares fit', async () => {
  // Full batch, no early stopping: the optimum the normal equations give on the same standardized split.
  const cfg = config('Miles_per_Gallon', { batchSize: 100_000, epochs: 1500, earlyStoppingPatience: 0, learningRate: 0.05 });
  const prepared = prepareData(carsInput(), cfg);
  const d = prepared.inputNames.length;
  assert.deepEqual(prepared.inputNames, ['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Origin=Europe', 'Origin=Japan']);
  const beta = leastSquares(prepared.train.x, prepared.train.y, prepared.train.rows, d);
  const closedForm = Array.from({ length: prepared.test.rows }, (_, i) => {
    let z = beta[0];
    for (let j = 0; j < d; j++) z += beta[j + 1] * prepared.test.x[i * d + j];
    return prepared.targetCenter + prepared.targetScale * z;
  });
  const expected = regressionMetrics(prepared.test.target, closedForm).r2;
  const result = await trainModel(prepared, cfg, () => undefined);
  assert.ok(result.metrics.kind === 'regression');
  assert.ok(Math.abs(result.metrics.r2 - expected) < 0.01, `R² ${result.metrics.r2} vs closed form ${expected}`);
  // Default settings (mini-batches, early stopping) land close too.
  const defaults = await trainModel(prepareData(carsInput(), config('Miles_per_Gallon')), config('Miles_per_Gallon'), () => undefined);
  assert.ok(defaults.metrics.kind === 'regression' && Math.abs(defaults.metrics.r2 - expected) < 0.03, `defaults R² ${defaults.metrics.kind === 'regression' ? defaults.metrics.r2 : NaN}`);
});

test('logistic regression reaches the maximum-likelihood optimum (zero gradient) and separates the classes', async () => {
  const n = 3000;
  const random = seededRandom(5);
  const g = gaussian(random);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const label: string[] = [];
  for (let i = 0; i < n; i++) {
    x1[i] = g();
    x2[i] = 50 + 10 * g();
    const p = 1 / (1 + Math.exp(-(0.5 + 2 * x1[i] - 0.1 * (x2[i] - 50))));
    label.push(random() < p ? 'yes' : 'no');
  }
  const cfg = config('label', { batchSize: 100_000, epochs: 600, earlyStoppingPatience: 0, validationFraction: 0, testFraction: 0.2 });
  const prepared = prepareData(tableInput({ x1, x2, label }), cfg);
  const result = await trainModel(prepared, cfg, () => undefined);
  assert.ok(result.metrics.kind === 'classification');
  assert.deepEqual(result.metrics.classes, ['no', 'yes']);
  assert.ok((result.metrics.rocAuc ?? 0) > 0.85, `AUC ${result.metrics.rocAuc}`);
  assert.ok(result.metrics.accuracy > 0.75);
  // Gradient of the mean log-likelihood at the learned weights (standardized scale) is ~0.
  const w = result.coefficients.map((c) => c.value);
  const [b0, w1, w2] = w;
  const d = 2;
  const grad = [0, 0, 0];
  for (let i = 0; i < prepared.train.rows; i++) {
    const raw1 = prepared.train.x[i * d] * prepared.scale[0] + prepared.center[0];
    const raw2 = prepared.train.x[i * d + 1] * prepared.scale[1] + prepared.center[1];
    const p = 1 / (1 + Math.exp(-(b0 + w1 * raw1 + w2 * raw2)));
    const e = p - prepared.train.y[i];
    grad[0] += e / prepared.train.rows;
    grad[1] += (e * prepared.train.x[i * d]) / prepared.train.rows;
    grad[2] += (e * prepared.train.x[i * d + 1]) / prepared.train.rows;
  }
  for (const gj of grad) assert.ok(Math.abs(gj) < 2e-3, `gradient ${grad.join(', ')}`);
  // And the truth is recovered within sampling error.
  assert.ok(Math.abs(w1 - 2) < 0.3 && Math.abs(w2 + 0.1) < 0.02, `coefficients ${w.join(', ')}`);
});

test('softmax regression on penguins: three species, per-class coefficients, macro metrics', async () => {
  const cfg = config('Species', { features: ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'] });
  const result = await trainModel(prepareData(penguinsInput(), cfg), cfg, () => undefined);
  assert.equal(result.task, 'multiclass-classification');
  assert.ok(result.metrics.kind === 'classification');
  assert.deepEqual(result.metrics.classes, ['Adelie', 'Chinstrap', 'Gentoo']);
  assert.ok(result.metrics.accuracy >= 0.9, `accuracy ${result.metrics.accuracy}`);
  assert.ok(result.metrics.f1 >= 0.85);
  assert.equal(result.metrics.confusion.flat().reduce((s, v) => s + v, 0), result.preparation.testRows);
  assert.equal(result.coefficients.length, 3 * 5);
  assert.deepEqual([...new Set(result.coefficients.map((c) => c.class))], ['Adelie', 'Chinstrap', 'Gentoo']);
});

test('divergence: a huge learning rate stops with advice', async () => {
  const cfg = config('Miles_per_Gallon', { optimizer: 'sgd', learningRate: 1e4 });
  const events: TrainingEvent[] = [];
  await assert.rejects(trainModel(prepareData(carsInput(), cfg), cfg, (e) => events.push(e)), (error: unknown) => {
    assert.ok(error instanceof TrainingDivergedError);
    assert.match(error.message, /Training diverged at epoch \d+\. The loss became (NaN|infinite|huge)/);
    return true;
  });
  const diverged = events.find((e) => e.type === 'diverged');
  assert.ok(diverged && diverged.type === 'diverged');
  assert.match(diverged.advice, /Lower the learning rate \(try 1000\)/);
  assert.match(diverged.advice, /standardize/);
  // Adam's steps are bounded by the learning rate: a huge one gives a huge (finite) loss, caught too.
  const adam = config('Miles_per_Gallon', { learningRate: 1e5 });
  await assert.rejects(trainModel(prepareData(carsInput(), adam), adam, () => undefined), TrainingDivergedError);
});

test('cancellation through the AbortSignal', async () => {
  const controller = new AbortController();
  const cfg = config('y', { epochs: 100_000, batchSize: 16, earlyStoppingPatience: 0 });
  const run = trainModel(prepareData(synthetic(2000), cfg), cfg, (e) => {
    if (e.type === 'epoch' && e.epoch === 2) controller.abort();
  }, controller.signal);
  await assert.rejects(run, TrainingCancelledError);
  await assert.rejects(trainModel(prepareData(synthetic(100), cfg), cfg, () => undefined, AbortSignal.abort()), /cancelled/);
});

test('early stopping ends the run and keeps the best validation weights', async () => {
  const cfg = config('Miles_per_Gallon', { epochs: 5000, earlyStoppingPatience: 3 });
  const events: TrainingEvent[] = [];
  const result = await trainModel(prepareData(carsInput(), cfg), cfg, (e) => events.push(e));
  assert.equal(result.stopReason, 'early-stopping');
  assert.ok(result.epochsRun < 5000);
  const stopped = events.find((e) => e.type === 'stopped-early');
  assert.ok(stopped && stopped.type === 'stopped-early' && stopped.epoch === result.epochsRun);
  assert.match(stopped.reason, /validation loss has not improved for 3 epochs/);
});

test('backends: wasm is found and chosen here, cpu on request; both learn the same model', async () => {
  const auto = await initBackend('auto');
  assert.equal(auto.backend, 'wasm', auto.detail);
  assert.match(auto.detail, /@tensorflow\/tfjs-node is not installed/);
  // Trained to convergence: early on, Adam turns float32 rounding noise in the (zero) intercept gradient
  // into full-size steps, so unconverged trajectories of two backends may differ by more than rounding.
  const cfg = config('y', { validationFraction: 0, testFraction: 0.2, epochs: 300, earlyStoppingPatience: 0 });
  const data = prepareData(synthetic(1000, 3), cfg);
  const wasm = await trainModel(data, { ...cfg, backend: 'wasm' }, () => undefined);
  const cpu = await trainModel(data, { ...cfg, backend: 'cpu' }, () => undefined);
  assert.equal(wasm.backend, 'wasm');
  assert.equal(cpu.backend, 'cpu');
  assert.match(cpu.backendDetail ?? '', /requested/);
  for (let i = 0; i < wasm.coefficients.length; i++) {
    assert.ok(Math.abs(wasm.coefficients[i].value - cpu.coefficients[i].value) <= 1e-3 * Math.max(1, Math.abs(cpu.coefficients[i].value)));
  }
});

test('all rows for training: metrics labelled as training-data metrics; k-fold cross-validation mean ± std', async () => {
  const cfg = config('Miles_per_Gallon', { validationFraction: 0, testFraction: 0, crossValidationFolds: 4, epochs: 60 });
  const events: TrainingEvent[] = [];
  const result = await runTraining(carsInput(), cfg, (e) => events.push(e), undefined, { progressIntervalMs: 0 });
  assert.equal(result.metricsSplit, 'train');
  assert.equal(result.preparation.trainRows, 398);
  assert.equal(events.at(-1)?.type, 'done');
  const cv = result.crossValidation;
  assert.equal(cv?.folds, 4);
  const r2 = cv?.metrics.find((m) => m.name === 'r2');
  assert.equal(r2?.values.length, 4);
  assert.ok(r2 && r2.mean > 0.6 && r2.mean < 0.8 && r2.std > 0 && r2.std < 0.15, JSON.stringify(r2));
  // Per-fold progress: each fold starts (epoch 0), reports its epochs, and ends with its own metrics,
  // after the main run's epochs and before 'done'.
  const folds = events.flatMap((e) => (e.type === 'fold' ? [e] : []));
  const firstFold = events.findIndex((e) => e.type === 'fold');
  const lastEpoch = events.map((e) => e.type).lastIndexOf('epoch');
  assert.ok(firstFold > lastEpoch && firstFold < events.length - 1);
  for (let f = 1; f <= 4; f++) {
    const mine = folds.filter((e) => e.fold === f);
    assert.ok(mine.every((e) => e.folds === 4 && e.epochs === 60));
    assert.equal(mine[0].epoch, 0, `fold ${f} starts`);
    assert.ok(mine.length > 2, `fold ${f} reports progress (progressIntervalMs 0: every epoch)`);
    const end = mine.at(-1);
    assert.deepEqual(end?.metrics?.map((m) => m.name), ['mse', 'rmse', 'mae', 'r2']);
    assert.equal(end?.metrics?.find((m) => m.name === 'r2')?.value, r2?.values[f - 1], 'the fold event carries that fold\'s held-out metric');
    assert.equal(mine.filter((e) => e.metrics).length, 1);
  }
  assert.deepEqual([...new Set(folds.map((e) => e.fold))], [1, 2, 3, 4], 'folds in order');
});

test('the optimizers take the same steps as tf.train.adam / tf.train.sgd, with the gradient scale folded into constants', async () => {
  const { tf } = await initBackend('cpu');
  const target = tf.tensor2d([3, -2, 0.5, 10], [4, 1]);
  for (const name of ['adam', 'sgd'] as const) {
    const ours = tf.variable(tf.zeros([4, 1]), true, `ours-${name}`);
    const reference = tf.variable(tf.zeros([4, 1]), true, `reference-${name}`);
    const step = createStepOptimizer(tf, name, ours, 0.1);
    const tfOptimizer = name === 'adam' ? tf.train.adam(0.1) : tf.train.sgd(0.1);
    for (let t = 1; t <= 60; t++) {
      if (t === 40) {
        step.learningRate = 0.02;
        if (name === 'sgd') (tfOptimizer as ReturnType<typeof tf.train.sgd>).setLearningRate(0.02);
        else (tfOptimizer as unknown as { learningRate: number }).learningRate = 0.02;
      }
      // Gradient of ½‖w − target‖² (plus a quadratic term so the steps vary): ours gets it as 0.5 · (2g).
      tf.tidy(() => {
        const g = (w: typeof ours) => tf.add(tf.sub(w, target), tf.mul(0.1, tf.square(w)));
        step.apply(tf.mul(g(ours), 2), 0.5);
        tfOptimizer.applyGradients([{ name: reference.name, tensor: g(reference) }]);
      });
      const a = ours.dataSync();
      const b = reference.dataSync();
      for (let i = 0; i < 4; i++) assert.ok(Math.abs(a[i] - b[i]) <= 1e-5 * Math.max(1, Math.abs(b[i])), `${name} step ${t}: ${Array.from(a)} vs ${Array.from(b)}`);
    }
    step.dispose();
    tfOptimizer.dispose();
    ours.dispose();
    reference.dispose();
  }
  target.dispose();
});

test("batch size 'auto' trains in batches of 1,024 here; the first loss goes out after the first batch; no tensors leak", async () => {
  const { tf } = await initBackend('cpu');
  const cfg = config('y', { epochs: 2, earlyStoppingPatience: 0, validationFraction: 0.1, testFraction: 0.1 });
  assert.equal(cfg.batchSize, 'auto');
  const prepared = prepareData(synthetic(6000, 2), cfg);
  const before = tf.memory().numTensors;
  const events: TrainingEvent[] = [];
  const result = await trainModel(prepared, cfg, (e) => events.push(e), undefined, { progressIntervalMs: 60_000 });
  assert.equal(tf.memory().numTensors, before, 'every tensor of the run is disposed');
  assert.equal(result.batchSize, 1024);
  const progress = events.filter((e) => e.type === 'progress');
  const first = events.findIndex((e) => e.type === 'progress' || e.type === 'epoch');
  assert.equal(events[first].type, 'progress', 'a loss point before the end of epoch 1');
  assert.ok(progress[0].type === 'progress' && progress[0].epoch === 1 && progress[0].batch === 1 && progress[0].batchesPerEpoch === 5, JSON.stringify(progress[0]));
  assert.ok(progress[0].type === 'progress' && Number.isFinite(progress[0].trainLoss) && progress[0].trainLoss > 0);
  assert.equal(progress.length, 1, 'then at most one per progress interval');
});

test('L2 shrinks the standardized weights; the reported loss stays the data loss', async () => {
  const base = config('y', { validationFraction: 0, testFraction: 0.2, batchSize: 100_000, epochs: 400, earlyStoppingPatience: 0 });
  const data = prepareData(synthetic(1000, 4), base);
  const plain = await trainModel(data, base, () => undefined);
  const ridge = await trainModel(data, { ...base, l2: 1 }, () => undefined);
  const slope = (r: typeof plain, name: string) => r.coefficients.find((c) => c.name === name)?.value ?? NaN;
  // With l2 = 1 on standardized inputs, w_std ≈ w_ols / (1 + l2 / var) — roughly halved here.
  assert.ok(Math.abs(slope(ridge, 'a')) < 0.7 * Math.abs(slope(plain, 'a')), `${slope(ridge, 'a')} vs ${slope(plain, 'a')}`);
  const last = ridge.lossHistory.at(-1);
  assert.ok(last && ridge.metrics.kind === 'regression' && Math.abs(last.trainLoss - ridge.metrics.mse) / ridge.metrics.mse < 0.5, 'train loss is the MSE without the penalty');
});
