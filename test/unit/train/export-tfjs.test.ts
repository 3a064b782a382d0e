/** The exported tfjs model loads with tf.loadLayersModel and predicts what the coefficients say. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadLayersModel, type LayersModel } from '@tensorflow/tfjs-layers';
import { tfjsModelArtifacts } from '../../../src/core/train/export-tfjs';
import type { TrainingResult } from '../../../src/core/train/types';

function result(task: TrainingResult['task'], coefficients: TrainingResult['coefficients'], classes?: string[]): TrainingResult {
  return {
    backend: 'cpu', task, epochsRun: 1, metricsSplit: 'test', coefficients, lossHistory: [], elapsedMs: 1,
    metrics: { kind: 'regression', mse: 0, rmse: 0, mae: 0, r2: 1 },
    preparation: { rowsRead: 1, rowsDroppedMissingTarget: 0, rowsDroppedMissingFeatures: 0, rowsExcluded: 0, trainRows: 1, validationRows: 0, testRows: 0, inputNames: ['a', 'b'], task, classes, notes: [] },
  } as TrainingResult;
}

async function load(r: TrainingResult): Promise<LayersModel> {
  await tf.setBackend('cpu');
  const { modelJson, weights } = tfjsModelArtifacts(r, 'y');
  const manifest = modelJson.weightsManifest as { weights: tf.io.WeightsManifestEntry[] }[];
  return loadLayersModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology as object, weightSpecs: manifest[0].weights, weightData: weights.buffer as ArrayBuffer }));
}

test('regression: y = 1 + 2a − 3b', async () => {
  const model = await load(result('regression', [{ name: '(intercept)', value: 1 }, { name: 'a', value: 2 }, { name: 'b', value: -3 }]));
  const y = (model.predict(tf.tensor2d([[1, 1], [2, 0]])) as tf.Tensor).dataSync();
  assert.deepEqual(Array.from(y), [0, 5]);
});

test('multiclass: one unit per class with softmax', async () => {
  const coefficients = [
    { name: '(intercept)', class: 'x', value: 0 }, { name: 'a', class: 'x', value: 5 }, { name: 'b', class: 'x', value: 0 },
    { name: '(intercept)', class: 'z', value: 0 }, { name: 'a', class: 'z', value: 0 }, { name: 'b', class: 'z', value: 5 },
  ];
  const model = await load(result('multiclass-classification', coefficients, ['x', 'z']));
  const p = (model.predict(tf.tensor2d([[1, 0], [0, 1]])) as tf.Tensor).arraySync() as number[][];
  assert.ok(p[0][0] > 0.99 && p[1][1] > 0.99);
});
