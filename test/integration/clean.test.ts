/**
 * In-host tests of "Clean data…": the command cleans a file without the panel (options object) and writes
 * the cleaned copy and its recipe; with a file it opens the panel; a finding offers it as a code action;
 * "Train linear model" compares the data as is with the data cleaned by the recipe.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, waitFor, workspaceRoot, writeScratchFile } from './helpers';

interface CleanResult {
  outputPath: string;
  recipePath: string;
  rowsIn: number;
  rowsOut: number;
  steps: { step: string; summary: string; cellsChanged: number; rowsDropped: number }[];
}

function dirtyCopy(name: string): vscode.Uri {
  return writeScratchFile(name, fs.readFileSync(path.join(workspaceRoot(), 'dirty.csv')));
}

describe('Clean data', function () {
  this.timeout(120_000);

  it('cleans a file with the steps the planner turns on, writing the copy and its recipe beside it', async () => {
    const uri = dirtyCopy('to-clean.csv');
    const result = await vscode.commands.executeCommand<CleanResult>('datasetInspector.cleanData', { file: uri.fsPath, overwrite: true });
    assert.ok(result, 'the command returned a result');
    assert.equal(result.outputPath, path.join(path.dirname(uri.fsPath), 'to-clean.clean.csv'));
    assert.equal(result.rowsIn, 199);
    assert.ok(result.rowsOut < 199, `rows dropped: ${result.rowsOut}`);
    const steps = result.steps.map((s) => s.step);
    for (const id of ['drop-malformed-rows', 'trim-whitespace', 'null-na-tokens', 'parse-dates', 'unify-categories', 'drop-duplicate-rows']) assert.ok(steps.includes(id), id);
    assert.ok(!steps.includes('impute-missing'), 'steps that change what a model learns are off by default');
    const text = fs.readFileSync(result.outputPath, 'utf8');
    assert.ok(!/paris |PARIS|, Lyon|03\/04\/2023/.test(text), 'variants, spaces and other date formats are gone');
    const recipe = JSON.parse(fs.readFileSync(result.recipePath, 'utf8')) as { version: number; steps: { step: string }[] };
    assert.equal(recipe.version, 1);
    assert.deepEqual(recipe.steps.map((s) => s.step), steps);
    const again = await vscode.commands.executeCommand<CleanResult | undefined>('datasetInspector.cleanData', { file: uri.fsPath });
    assert.equal(again, undefined, 'an existing output is not replaced without overwrite');
  });

  it('opens the cleaning panel for a file; a finding offers "Clean data…" as a code action', async () => {
    const uri = dirtyCopy('panel.csv');
    const opened = await vscode.commands.executeCommand<{ panel: string }>('datasetInspector.cleanData', uri);
    assert.equal(opened?.panel, 'Clean: panel.csv');
    await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('datasetInspector.clean')),
      10_000,
      'the cleaning panel',
    );
    await vscode.workspace.openTextDocument(uri);
    await vscode.commands.executeCommand('datasetInspector.checkDataQuality', uri);
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'whitespace'), 20_000, 'a whitespace diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const clean = actions.find((a) => a.command?.command === 'datasetInspector.cleanData');
    assert.ok(clean, `a Clean data… action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(clean.title, /^Clean data…/);
  });

  it('trains on the data as is and on the data cleaned by the recipe, side by side', async () => {
    const uri = dirtyCopy('train-clean.csv');
    const cleaned = await vscode.commands.executeCommand<CleanResult>('datasetInspector.cleanData', { file: uri.fsPath, overwrite: true });
    const runs = await vscode.commands.executeCommand<{ label: string; result: { metrics: { kind: string }; preparation: { rowsRead: number } } }[]>('datasetInspector.trainLinearModel', {
      file: uri.fsPath,
      target: 'price_eur',
      features: ['area_m2', 'bedrooms', 'city'],
      epochs: 10,
      compareWithRecipe: cleaned.recipePath,
    });
    assert.deepEqual(runs?.map((r) => r.label), ['as is', 'cleaned (recipe)']);
    assert.equal(runs[0].result.preparation.rowsRead, 199);
    assert.equal(runs[1].result.preparation.rowsRead, cleaned.rowsOut, 'the second run reads the cleaned rows');
  });
});
