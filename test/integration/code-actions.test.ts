/**
 * In-host tests of quick fixes: each is an explicit, undoable edit, made only on the text it was computed on
 * (after an edit, the file is checked again first and the same cells are fixed); "ignore" writes the
 * workspace settings.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, waitFor, writeScratchFile } from './helpers';

/** Runs a code action as the lightbulb does: its edit, then its command. */
async function run(action: vscode.CodeAction): Promise<unknown> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit));
  return action.command && vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** A CSV of 20 rows with one padded cell (" Lyon " in row 4, on line 5), open in a text model. */
async function paddedCityFile(name: string): Promise<{ uri: vscode.Uri; rows: string[]; document: vscode.TextDocument }> {
  const rows = Array.from({ length: 20 }, (_, i) => `${i},${['Paris', 'Lyon', 'Nantes'][i % 3]}`);
  rows[4] = '4, Lyon ';
  const uri = writeScratchFile(name, ['id,city', ...rows].join('\n') + '\n');
  return { uri, rows, document: await vscode.workspace.openTextDocument(uri) };
}

/** Inserts `text` at the start of `line`, as typing would (the document is then unsaved). */
async function insertAt(document: vscode.TextDocument, line: number, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(line, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

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
    const { uri, document } = await paddedCityFile('whitespace.csv');
    const { actions } = await checkAndGetActions(uri, 'whitespace');
    const trim = actions.find((a) => a.isPreferred);
    assert.ok(trim, `a preferred fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await run(trim), true);
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
    const remove = actions.find((a) => /delete|remove/i.test(a.title));
    assert.ok(remove, `a delete-row fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await run(remove), true);
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
    const normalize = actions.find((a) => a.isPreferred);
    assert.equal(normalize?.title, 'Normalize to the number: "16"');
    assert.ok(normalize);
    assert.equal(await run(normalize), true);
    assert.equal(document.lineAt(4).text, '3,16');
    const fixAll = actions.find((a) => /^Fix all 6 "number-format"/.test(a.title));
    assert.ok(fixAll, `a fix-all among: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(await run(fixAll), true);
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
    const correct = typo.actions.find((a) => a.isPreferred);
    assert.equal(correct?.title, 'Correct to "manchester"');
    assert.ok(correct);
    assert.equal(await run(correct), true);
    assert.equal(document.lineAt(10).text, '9,manchester,Zürich');
    const damage = await checkAndGetActions(uri, 'encoding-damage');
    const repair = damage.actions.find((a) => a.isPreferred);
    assert.equal(repair?.title, 'Repair the text: "Köln"');
    assert.ok(repair);
    assert.equal(await run(repair), true);
    assert.equal(document.lineAt(13).text, '12,manchester,Köln');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('a quick fix chosen after the text changed checks it again and fixes the same cell where it is now', async () => {
    const { uri, rows, document } = await paddedCityFile('stale-fix.csv');
    const { actions } = await checkAndGetActions(uri, 'whitespace');
    const trim = actions.find((a) => a.isPreferred);
    assert.ok(trim);
    // Two rows typed above it, one of them with a padded cell of its own: the planted cell is now on line 7.
    await insertAt(document, 1, '-2, Lyon \n-1,Nice\n');
    assert.equal(document.lineAt(7).text, '4, Lyon ');
    assert.equal(await run(trim), true);
    const expected = ['id,city', '-2, Lyon ', '-1,Nice', ...rows.map((r) => r.replace('4, Lyon ', '4,Lyon'))].join('\n') + '\n';
    assert.equal(document.getText(), expected, 'only the planted cell changed, at its new place');
    const whitespace = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'whitespace');
    assert.deepEqual(whitespace.map((d) => d.range.start.line), [1, 7], 'the check ran again on the edited text');
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

  it('a quick fix whose cell was edited since the check changes nothing', async () => {
    const { uri, document } = await paddedCityFile('edited-cell.csv');
    const { actions } = await checkAndGetActions(uri, 'whitespace');
    const trim = actions.find((a) => a.isPreferred);
    assert.ok(trim);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(5, 7), 's');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const edited = document.getText();
    assert.equal(document.lineAt(5).text, '4, Lyons ');
    assert.equal(await run(trim), false);
    assert.equal(document.getText(), edited, 'no edit: the cell is not the text the fix was computed on');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"Fix all" after an edit checks the text again and fixes exactly the cells of the current text', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${['Paris', 'Lyon', 'Nantes'][i % 3]}`);
    for (const i of [3, 11, 20]) rows[i] = rows[i].replace(',', ', ') + ' ';
    const uri = writeScratchFile('stale-fix-all.csv', ['id,city', ...rows].join('\n') + '\n');
    const document = await vscode.workspace.openTextDocument(uri);
    const { actions } = await checkAndGetActions(uri, 'whitespace');
    const fixAll = actions.find((a) => a.title.startsWith('Fix all') && a.title.includes('"whitespace"'));
    assert.ok(fixAll, `a "fix all" among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(fixAll.title, /Fix all 3 "whitespace" findings/);
    // A padded row typed at the top, and one planted cell cleaned by hand: every line below moved.
    await insertAt(document, 1, 'x, Nice \n');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, document.lineAt(13).range, '11,Nantes');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await run(fixAll), true);
    const expected = ['id,city', 'x,Nice', ...rows.map((r) => r.replace(/, (\w+) $/, ',$1'))].join('\n') + '\n';
    assert.equal(document.getText(), expected);
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
    const replace = actions.find((a) => a.title.startsWith('Replace with "Lyon"'));
    assert.ok(replace, `a replace fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await run(replace), true);
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
    const split = actions.find((a) => a.title.startsWith('Split "Lyon FR"'));
    assert.ok(split, `a split fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await run(split), true);
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
