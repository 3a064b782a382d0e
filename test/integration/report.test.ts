/** In-host test: "Show data profile" opens the quality report for a file. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor, workspaceRoot } from './helpers';

describe('Show data profile', function () {
  this.timeout(60_000);

  it('opens the report panel of the file', async () => {
    const file = vscode.Uri.file(path.join(workspaceRoot(), 'dirty.csv'));
    const opened = await vscode.commands.executeCommand<{ viewType: string; title: string }>('datasetInspector.showDataProfile', file);
    assert.ok(opened, 'the command returned the panel');
    assert.equal(opened.title, 'Data Profile: dirty.csv');
    const tab = await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Data Profile: dirty.csv'),
      5000,
      'the report tab',
    );
    assert.ok((tab.input as vscode.TabInputWebview).viewType.includes('datasetInspector.report'));
  });
});
