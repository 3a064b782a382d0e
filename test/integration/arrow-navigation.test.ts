/** In-host tests: findings of a binary (Arrow) file are navigable through its read-only table view, also when it is checked batch by batch. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RecordBatchFileWriter, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { codeOf, workspaceRoot, writeScratchFile } from './helpers';

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

describe('Check data quality (Arrow over the memory budget)', function () {
  this.timeout(180_000);

  it('checks an Arrow file over the budget batch by batch, its findings on the text view at their file lines', async () => {
    const rows = 600_000;
    const columns: Record<string, Vector> = {};
    for (const name of ['a', 'b', 'c', 'd']) columns[name] = vectorFromArray(Float64Array.from({ length: rows }, (_, i) => i % 97));
    // A padded city at row 500,000 (a later batch of record batches).
    columns.city = vectorFromArray(Array.from({ length: rows }, (_, i) => (i === 500_000 ? ' Paris ' : ['Lyon', 'Nice', 'Paris'][i % 3])), new Utf8());
    const whole = new Table(columns);
    const table = new Table(Array.from({ length: rows / 50_000 }, (_, k) => whole.slice(k * 50_000, (k + 1) * 50_000).batches[0]));
    const bytes = RecordBatchFileWriter.writeAll(table).toUint8Array(true);
    assert.ok(bytes.length > 17 * 2 ** 20, `${bytes.length} bytes: over the 16 MiB budget`);
    const arrow = writeScratchFile('over-budget.arrow', bytes);
    const config = vscode.workspace.getConfiguration('datasetInspector');
    await config.update('memoryBudgetMB', 16, vscode.ConfigurationTarget.Workspace);
    try {
      const result = await vscode.commands.executeCommand<CheckCommandResult>('datasetInspector.checkDataQuality', arrow);
      assert.ok(result, 'the check returned a result (the file is not refused)');
      assert.equal(result.rows, rows);
      const viewUri = vscode.Uri.parse(result.diagnosticsUri);
      const padded = vscode.languages.getDiagnostics(viewUri).filter((d) => codeOf(d) === 'whitespace');
      assert.equal(padded.length, 1, 'the planted padded cell');
      assert.equal(padded[0].range.start.line, 500_001);
      const document = await vscode.workspace.openTextDocument(viewUri);
      assert.equal(document.getText(padded[0].range), '" Paris "');
    } finally {
      // Deleted first: a checked file is checked again when the budget setting changes back (in memory, slow here).
      const edit = new vscode.WorkspaceEdit();
      edit.deleteFile(arrow, { ignoreIfNotExists: true });
      await vscode.workspace.applyEdit(edit);
      await config.update('memoryBudgetMB', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
