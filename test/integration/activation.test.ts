/** In-host tests: the extension is installed, activates on its command, and registers its commands. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { workspaceRoot } from './helpers';

const EXTENSION_ID = 'dataset-inspector.dataset-inspector';

describe('Activation', () => {
  it('the extension is present', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    assert.equal(ext.packageJSON.name, 'dataset-inspector');
  });

  it('activates when "Check data quality" runs', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const uri = vscode.Uri.file(path.join(workspaceRoot(), 'clean.csv'));
    await vscode.commands.executeCommand('datasetInspector.checkDataQuality', uri);
    assert.equal(ext.isActive, true, 'the extension is active after its command ran');
  });

  it('registers its commands', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of ['datasetInspector.checkDataQuality', 'datasetInspector.trainLinearModel', 'datasetInspector.showDataProfile']) {
      assert.ok(commands.has(id), `command ${id} is registered`);
    }
  });
});
