/** In-host test: "Train linear model" started with an options object streams loss events and ends with metrics. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor, workspaceRoot } from './helpers';

interface TrainRunSummary {
  label: string;
  events: number;
  result: {
    backend: string;
    metricsSplit: string;
    epochsRun: number;
    metrics: { kind: string; r2?: number; accuracy?: number };
    coefficients: { name: string; value: number }[];
    lossHistory: { epoch: number; trainLoss: number; validationLoss: number | null }[];
  };
}

function trainingTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('datasetInspector.training'));
}

describe('Train linear model', function () {
  this.timeout(120_000);

  it('trains a regression from an options object and reports held-out metrics', async () => {
    const file = path.join(workspaceRoot(), 'clean.csv');
    const runs = await vscode.commands.executeCommand<TrainRunSummary[]>('datasetInspector.trainLinearModel', {
      file,
      target: 'price_k',
      epochs: 30,
      seed: 7,
    });
    assert.ok(runs && runs.length === 1, 'one run');
    const [run] = runs;
    assert.ok(run.events >= 5, `loss events streamed (${run.events})`);
    assert.ok(['tensorflow', 'wasm', 'cpu'].includes(run.result.backend), `backend named: ${run.result.backend}`);
    assert.equal(run.result.metricsSplit, 'test');
    assert.equal(run.result.metrics.kind, 'regression');
    assert.ok((run.result.metrics.r2 ?? 0) > 0.8, `R² on the test split: ${run.result.metrics.r2}`);
    assert.ok(run.result.lossHistory.length >= 2);
    assert.ok(run.result.lossHistory.every((p) => p.validationLoss !== null), 'validation loss per epoch');
    assert.ok(run.result.coefficients.some((c) => c.name === 'area_m2'), 'named coefficients');
    await waitFor(() => trainingTabs().length > 0, 5000, 'the training panel');
  });

  it('compares the data as is with the data without the rows the quality check flags', async () => {
    const file = path.join(workspaceRoot(), 'dirty.csv');
    const runs = await vscode.commands.executeCommand<TrainRunSummary[]>('datasetInspector.trainLinearModel', {
      file,
      target: 'price_eur',
      features: ['area_m2', 'bedrooms'],
      epochs: 10,
      compareWithoutFlaggedRows: true,
    });
    assert.equal(runs?.length, 2);
    assert.deepEqual(runs.map((r) => r.label), ['as is', 'without flagged rows']);
    for (const r of runs) assert.equal(r.result.metrics.kind, 'regression');
  });
});
