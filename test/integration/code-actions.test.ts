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

  it('replaces a value that breaks a dependency with the value of its group (zip → city), undoably', async () => {
    const cities = ['Lyon', 'Paris', 'Nantes', 'Lille', 'Nice', 'Brest'];
    const rows = Array.from({ length: 120 }, (_, i) => `${i},${69000 + (i % 12)},${cities[(i % 12) % cities.length]}`);
    rows[30] = '30,69006,Paris';
    const uri = writeScratchFile('dependency.csv', ['id,zip,city', ...rows].join('\n') + '\n');
    const document = await vscode.workspace.openTextDocument(uri);
    const { diagnostic, actions } = await checkAndGetActions(uri, 'dependency-violation');
    assert.equal(diagnostic.range.start.line, 31);
    assert.ok((diagnostic.relatedInformation?.length ?? 0) > 0, 'related information: rows holding the expected value');
    const replace = actions.find((a) => a.edit && a.title.startsWith('Replace with "Lyon"'));
    assert.ok(replace, `a replace fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(replace.edit!));
    assert.equal(document.lineAt(31).text, '30,69006,Lyon');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.lineAt(31).text, '30,69006,Paris', 'the fix is undoable');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('splits two fields merged into one cell ("Lyon FR" with country empty)', async () => {
    const places = [['Lyon', 'FR'], ['Berlin', 'DE'], ['Madrid', 'ES'], ['Roma', 'IT']];
    const rows = Array.from({ length: 80 }, (_, i) => `${i},${places[i % 4][0]},${places[i % 4][1]}`);
    rows[9] = '9,Lyon FR,';
    const uri = writeScratchFile('shift.csv', ['id,city,country', ...rows].join('\n') + '\n');
    const document = await vscode.workspace.openTextDocument(uri);
    const { actions } = await checkAndGetActions(uri, 'column-shift');
    const split = actions.find((a) => a.edit && a.title.startsWith('Split "Lyon FR"'));
    assert.ok(split, `a split fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(split.edit!));
    assert.equal(document.lineAt(10).text, '9,Lyon,FR');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
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
