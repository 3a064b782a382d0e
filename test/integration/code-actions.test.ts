/** In-host tests of quick fixes: each is an explicit, undoable edit; "ignore" writes the workspace settings. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, waitFor, writeScratchFile } from './helpers';

async function checkAndGetActions(uri: vscode.Uri, rule: string): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  // Code actions are computed on an open text model.
  await vscode.workspace.openTextDocument(uri);
  await vscode.commands.executeCommand('datasetInspector.checkDataQuality', uri);
  const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === rule);
  assert.ok(diagnostic, `a ${rule} diagnostic; got ${vscode.languages.getDiagnostics(uri).map((d) => codeOf(d)).join(', ')}`);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return { diagnostic, actions: actions.filter((a) => a.diagnostics === undefined || a.diagnostics.some((d) => codeOf(d) === rule) || a.title.includes(rule)) };
}

describe('Quick fixes', function () {
  this.timeout(30_000);

  it('trims whitespace in one cell with an undoable edit', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${['Paris', 'Lyon', 'Nantes'][i % 3]}`);
    rows[4] = '4, Lyon ';
    const uri = writeScratchFile('whitespace.csv', ['id,city', ...rows].join('\n') + '\n');
    const document = await vscode.workspace.openTextDocument(uri);
    const { actions } = await checkAndGetActions(uri, 'whitespace');
    const trim = actions.find((a) => a.edit && a.isPreferred);
    assert.ok(trim, `a preferred fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(trim.edit!));
    assert.equal(document.lineAt(5).text, '4,Lyon');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.lineAt(5).text, '4, Lyon ', 'the fix is undoable');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('deletes a duplicate row, pointing at the first occurrence', async () => {
    const uri = writeScratchFile('duplicates.csv', 'id,name,score\n1,Ada,3\n2,Bob,4\n1,Ada,3\n3,Cy,5\n');
    const document = await vscode.workspace.openTextDocument(uri);
    const { diagnostic, actions } = await checkAndGetActions(uri, 'duplicate-row');
    assert.equal(diagnostic.range.start.line, 3);
    assert.equal(diagnostic.relatedInformation?.[0]?.location.range.start.line, 1, 'related information: the first occurrence');
    const remove = actions.find((a) => a.edit && /delete|remove/i.test(a.title));
    assert.ok(remove, `a delete-row fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(remove.edit!));
    assert.equal(document.getText(), 'id,name,score\n1,Ada,3\n2,Bob,4\n3,Cy,5\n');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('normalizes a unit variant to the number, one cell or all of them ("fix all")', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${i % 10 === 3 ? '16 oz' : i % 10 === 7 ? '16.0 ounce' : '12.0'}`);
    const uri = writeScratchFile('ounces.csv', ['id,ounces', ...rows].join('\n') + '\n');
    const document = await vscode.workspace.openTextDocument(uri);
    const { diagnostic, actions } = await checkAndGetActions(uri, 'number-format');
    assert.match(diagnostic.message, /plain numbers, in oz/);
    const normalize = actions.find((a) => a.edit && a.isPreferred);
    assert.equal(normalize?.title, 'Normalize to the number: "16"');
    assert.ok(await vscode.workspace.applyEdit(normalize.edit!));
    assert.equal(document.lineAt(4).text, '3,16');
    const fixAll = actions.find((a) => a.edit && /^Fix all 6 "number-format"/.test(a.title));
    assert.ok(fixAll, `a fix-all among: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit!));
    assert.ok(!/oz|ounce/.test(document.getText().split('\n').slice(1).join('\n')), document.getText());
    assert.equal(document.lineAt(8).text, '7,16.0');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('corrects a typo to the frequent value, and repairs mojibake', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i},${['manchester', 'london', 'leeds', 'bristol'][i % 4]},${['Zürich', 'Köln'][i % 2]}`);
    rows[9] = '9,mancheter,Zürich';
    rows[12] = '12,manchester,KÃ¶ln';
    const uri = writeScratchFile('typos.csv', ['id,city,station', ...rows].join('\n') + '\n');
    const document = await vscode.workspace.openTextDocument(uri);
    const typo = await checkAndGetActions(uri, 'typo');
    const correct = typo.actions.find((a) => a.edit && a.isPreferred);
    assert.equal(correct?.title, 'Correct to "manchester"');
    assert.ok(await vscode.workspace.applyEdit(correct.edit!));
    assert.equal(document.lineAt(10).text, '9,manchester,Zürich');
    const damage = await checkAndGetActions(uri, 'encoding-damage');
    const repair = damage.actions.find((a) => a.edit && a.isPreferred);
    assert.equal(repair?.title, 'Repair the text: "Köln"');
    assert.ok(await vscode.workspace.applyEdit(repair.edit!));
    assert.equal(document.lineAt(13).text, '12,manchester,Köln');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"Accept this value" writes the accept setting: the value and its form are no longer reported, the rest are', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${i % 10 === 3 ? '16 oz' : i % 10 === 7 ? '16.0 ounce' : '12.0'}`);
    const uri = writeScratchFile('accept.csv', ['id,ounces', ...rows].join('\n') + '\n');
    const { actions } = await checkAndGetActions(uri, 'number-format');
    const accept = actions.find((a) => a.command?.command === 'datasetInspector.acceptValue');
    assert.equal(accept?.title, 'Accept "16 oz" in column "ounces" (this value is fine)');
    await vscode.commands.executeCommand(accept.command!.command, ...(accept.command!.arguments ?? []));
    const setting = vscode.workspace.getConfiguration('datasetInspector', uri).get<{ rule: string; column: string; value: string }[]>('accept', []);
    assert.ok(setting.some((e) => e.rule === 'number-format' && e.column === 'ounces' && e.value === '16 oz'), JSON.stringify(setting));
    const remaining = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'number-format');
      return found.length === 3 ? found : undefined;
    }, 10_000, 'only the "16.0 ounce" cells to remain');
    assert.ok(remaining.every((d) => d.message.includes('16.0 ounce')), remaining.map((d) => d.message).join('\n'));
    await vscode.workspace.getConfiguration('datasetInspector', uri).update('accept', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  });

  it('"Ignore this rule for this column" writes the workspace setting and the finding disappears', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${['Paris', 'Lyon', 'Nantes'][i % 3]}`);
    rows[7] = '7,Paris ';
    const uri = writeScratchFile('ignore.csv', ['id,city', ...rows].join('\n') + '\n');
    const { actions } = await checkAndGetActions(uri, 'whitespace');
    const ignore = actions.find((a) => a.command?.command === 'datasetInspector.ignoreRule');
    assert.ok(ignore?.command, 'an ignore action');
    await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
    const setting = vscode.workspace.getConfiguration('datasetInspector', uri).get<{ rule: string; column?: string }[]>('ignore', []);
    assert.ok(setting.some((e) => e.rule === 'whitespace' && e.column === 'city'), JSON.stringify(setting));
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'whitespace'), 10_000, 'the finding to disappear');
    await vscode.workspace.getConfiguration('datasetInspector', uri).update('ignore', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  });
});
