/** In-host tests: findings of JSON Lines files at their values, of gzip files on the read-only view of the decompressed text. */
import * as assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import * as vscode from 'vscode';
import { runCheckCommand as check, codeOf, writeScratchFile } from './helpers';
import type { CheckCommandResult } from '../../src/extension/commands/check';

const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: i, city: ['Zürich', 'Genève', 'Bern'][i % 3], price: i === 17 ? -4.5 : 10 + (i % 7) }));
lines[9] = '{"id": 9, "city": "Zürich ", "price": 12}';
lines[33] = '{"id": 33, "city": "Bern", "price": 12,}';
const text = `${lines.join('\n')}\n`;

describe('Check data quality (JSON Lines, gzip)', () => {
  it('puts the findings of a .jsonl file on its values, and an invalid line on that line', async () => {
    const uri = writeScratchFile('shop.jsonl', text);
    const result = await check(uri);
    assert.equal(result.rows, 59, 'the invalid line adds no row');
    assert.equal(result.diagnosticsUri, uri.toString(), 'findings are on the file itself');
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostics = vscode.languages.getDiagnostics(uri);
    const invalid = diagnostics.find((d) => codeOf(d) === 'invalid-json-line');
    assert.ok(invalid, `an invalid-json-line diagnostic: ${diagnostics.map((d) => codeOf(d)).join(', ')}`);
    assert.equal(invalid.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(invalid.range.start.line, 33);
    assert.equal(document.getText(invalid.range), lines[33]);
    const space = diagnostics.find((d) => codeOf(d) === 'whitespace');
    assert.ok(space);
    assert.equal(document.getText(space.range), '"Zürich "', 'the value with its quotes, after a multi-byte character');
    const negative = diagnostics.find((d) => codeOf(d) === 'impossible-value');
    assert.ok(negative);
    assert.equal(negative.range.start.line, 17);
    assert.equal(document.getText(negative.range), '-4.5');
  });

  it('publishes the findings of a .jsonl.gz on a read-only view of its decompressed text, saying so', async () => {
    const uri = writeScratchFile('shop.jsonl.gz', gzipSync(text));
    const result = await check(uri);
    assert.equal(result.rows, 59);
    const view = vscode.Uri.parse(result.diagnosticsUri);
    assert.equal(view.scheme, 'dataset-inspector-table');
    assert.ok(view.path.endsWith('shop.jsonl.gz (decompressed).jsonl'), view.path);
    assert.equal(vscode.languages.getDiagnostics(uri).length, 0, 'nothing on the compressed file itself');
    const document = await vscode.workspace.openTextDocument(view);
    assert.equal(document.getText(), text, 'the view shows the decompressed text');
    const diagnostics = vscode.languages.getDiagnostics(view);
    const invalid = diagnostics.find((d) => codeOf(d) === 'invalid-json-line');
    assert.ok(invalid);
    assert.equal(document.getText(invalid.range), lines[33]);
    assert.match(invalid.message, /\(line 34 of the decompressed text of shop\.jsonl\.gz\)$/);
    const space = diagnostics.find((d) => codeOf(d) === 'whitespace');
    assert.ok(space);
    assert.equal(document.getText(space.range), '"Zürich "');
    // No quick fix edits a view: only "ignore" actions are offered there.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', view, space.range);
    const edits = actions.filter((a) => a.edit || a.command?.command === 'datasetInspector.applyFix' || a.command?.command === 'datasetInspector.fixAll');
    assert.ok(actions.length > 0 && edits.length === 0, `no edit on a read-only view: ${actions.map((a) => a.title).join(' | ')}`);
  });

  it('refuses gzip content named .csv with one clear error, not CSV findings', async () => {
    const uri = writeScratchFile('export.csv', gzipSync('a,b\n1,2\n'));
    const result = await vscode.commands.executeCommand<CheckCommandResult | undefined>('datasetInspector.checkDataQuality', uri);
    assert.equal(result, undefined, 'the check fails (its error is shown to the user)');
    assert.equal(vscode.languages.getDiagnostics(uri).length, 0);
  });
});
