/** In-host test: findings of a binary (Arrow) file are navigable through its read-only table view. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { workspaceRoot } from './helpers';

interface CheckCommandResult {
  uri: string;
  diagnosticsUri: string;
  rows: number;
  findings: number;
}

describe('Check data quality (Arrow)', () => {
  it('publishes findings on the table view with ranges that point at the offending cell', async () => {
    const arrow = vscode.Uri.file(path.join(workspaceRoot(), 'housing.arrow'));
    const result = await vscode.commands.executeCommand<CheckCommandResult>('datasetInspector.checkDataQuality', arrow);
    assert.ok(result, 'the check returned a result');
    assert.equal(result.rows, 1000);
    const viewUri = vscode.Uri.parse(result.diagnosticsUri);
    assert.equal(viewUri.scheme, 'dataset-inspector-table');
    assert.equal(vscode.languages.getDiagnostics(arrow).length, 0, 'nothing is attached to the binary file itself');
    const diagnostics = vscode.languages.getDiagnostics(viewUri);
    assert.ok(diagnostics.length > 0, 'the planted defects are found');

    const document = await vscode.workspace.openTextDocument(viewUri);
    assert.equal(document.lineAt(0).text.split(',')[0], 'id', 'the view starts with the header');
    assert.equal(document.lineCount >= 1001, true, 'one line per row');
    // Row 17 has a negative area (samples/README.md): a cell finding there points at "-45" on line 18.
    const areaColumn = document.lineAt(0).text.split(',').indexOf('area_m2');
    const cellFindings = diagnostics.filter((d) => d.range.start.line === 18 && !d.range.isEmpty);
    assert.ok(cellFindings.length > 0, `a finding on row 17 (line 18); got lines ${diagnostics.map((d) => d.range.start.line).join(', ')}`);
    assert.equal(document.getText(cellFindings[0].range), document.lineAt(18).text.split(',')[areaColumn]);
    assert.match(document.getText(cellFindings[0].range), /^-45(\.0+)?$/);

    const editor = await vscode.window.showTextDocument(document, { selection: cellFindings[0].range });
    assert.equal(editor.document.uri.toString(), viewUri.toString());
    assert.equal(editor.selection.start.line, 18);
  });
});
