/**
 * In-host tests of the editor lifecycle: a changed setting re-checks the files whose findings are shown,
 * and pressing Enter through the "Train Linear Model" pickers trains the suggested target.
 * (Panels surviving a window reload are tested by reloading the page: test/e2e/lifecycle.e2e.mjs.)
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, waitFor, workspaceRoot, writeScratchFile } from './helpers';

interface TrainRunSummary {
  label: string;
  result: { task: string; coefficients: { name: string }[]; metrics: { kind: string; accuracy?: number } };
}

describe('Lifecycle', function () {
  this.timeout(120_000);

  it('a changed rule setting re-checks a checked file without a command', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${['Paris', 'Lyon', 'Nantes'][i % 3]}`);
    rows[3] = '3, Nantes ';
    const uri = writeScratchFile('settings-refresh.csv', ['id,city', ...rows].join('\n') + '\n');
    await vscode.commands.executeCommand('datasetInspector.checkDataQuality', uri);
    const whitespace = () => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'whitespace');
    assert.equal(whitespace().length, 1, 'the whitespace finding before the settings change');
    const config = vscode.workspace.getConfiguration('datasetInspector');
    await config.update('rules', { whitespace: { enabled: false } }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => whitespace().length === 0, 15_000, 'the finding to go when its rule is disabled');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => whitespace().length === 1, 15_000, 'the finding to come back when the rule is enabled again');
  });

  it('Enter through the pickers trains the suggested target (not the date in the first column)', async () => {
    // clean.csv: listing_id, listed_on (a date), …, price_k, premium (true/false).
    const file = vscode.Uri.file(path.join(workspaceRoot(), 'clean.csv'));
    let settled = false;
    const training = Promise.resolve(vscode.commands.executeCommand<TrainRunSummary[] | undefined>('datasetInspector.trainLinearModel', file)).finally(() => {
      settled = true;
    });
    // Press Enter in whatever picker is open (target, features, then Start) until the command ends.
    const deadline = Date.now() + 90_000;
    while (!settled && Date.now() < deadline) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 400));
    }
    const runs = await training;
    assert.ok(runs && runs.length === 1, 'one run, not an error');
    const [run] = runs;
    assert.equal(run.result.task, 'binary-classification', 'the suggested target premium (true/false)');
    const inputs = run.result.coefficients.map((c) => c.name);
    assert.ok(!inputs.includes('premium') && inputs.includes('price_k'), `premium is the target, not an input: ${inputs.join(', ')}`);
    assert.ok(!inputs.some((n) => n.startsWith('listing_id')), 'the identifier is not an input');
    assert.equal(run.result.metrics.kind, 'classification');
  });
});
