/** In-host tests of "Check data quality": diagnostics a user sees in the Problems panel. */
import * as assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';
import { runCheckCommand as check, codeOf, waitFor, writeScratchFile } from './helpers';

describe('Check data quality (CSV)', () => {
  it('reports a row whose field count differs from the header, with the exact range and rule code', async () => {
    const uri = writeScratchFile('ragged.csv', 'name,age,city\nAda,36,London\nBob,41\nCy,29,Paris\n');
    const result = await check(uri);
    assert.equal(result.rows, 3);
    const ragged = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'ragged-row');
    assert.equal(ragged.length, 1, 'exactly one ragged-row diagnostic');
    const [d] = ragged;
    assert.equal(d.source, 'Dataset Inspector');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [2, 0, 2, 6]);
    assert.match(d.message, /2 fields?.*3|3.*2 fields?/i, `message names both field counts: ${d.message}`);
    assert.ok(typeof d.code === 'object', 'the rule code is a link');
    assert.equal(d.code.target.scheme, 'command');
    assert.equal(d.code.target.path, 'datasetInspector.openRuleDocs');
    assert.deepEqual(JSON.parse(d.code.target.query), ['ragged-row'], 'the link opens the docs of its rule');
  });

  it('opens a rule code link as a Markdown preview of the rule page, not as an editable file', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = writeScratchFile('ragged-docs.csv', 'a,b\n1,2\n3\n');
    await check(uri);
    const [d] = vscode.languages.getDiagnostics(uri).filter((x) => codeOf(x) === 'ragged-row');
    assert.ok(d && typeof d.code === 'object');
    // What the Problems panel does with the link: run its command with its arguments.
    await vscode.commands.executeCommand(d.code.target.path, ...(JSON.parse(d.code.target.query) as unknown[]));
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const preview = await waitFor(
      () => tabs().find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('markdown.preview') && t.label.includes('ragged-row')),
      15_000,
      'a Markdown preview of ragged-row.md',
    );
    assert.ok(preview);
    assert.equal(tabs().filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('/docs/rules/ragged-row.md')).length, 0, 'no text editor of the rule page');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('clears the findings of a file when it is deleted', async () => {
    const uri = writeScratchFile('deleted.csv', 'a,b\n1,2\n3\n');
    await check(uri);
    assert.ok(vscode.languages.getDiagnostics(uri).length > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(uri);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(vscode.languages.getDiagnostics(uri).length, 0);
  });

  it('gives a clear message instead of failing on an empty file', async () => {
    const uri = writeScratchFile('empty.csv', '');
    const result = await check(uri);
    assert.equal(result.rows, 0);
    const messages = vscode.languages.getDiagnostics(uri).map((d) => d.message);
    assert.ok(messages.some((m) => /empty/i.test(m)), `an "empty file" finding: ${messages.join(' | ')}`);
  });

  it('reads a large CSV with the threads of datasetInspector.threads; one thread and every core find the same', async function () {
    this.timeout(120_000);
    // ~5 MB with quoted line breaks and defects spread through it: several chunks read in parallel.
    const rows: string[] = ['id,price,city,comment,day'];
    for (let i = 0; i < 100_000; i++) {
      const price = i % 4999 === 0 ? 'n/a' : i % 7001 === 0 ? '99999' : ((i * 37) % 1000) / 10;
      const comment = i % 13 === 0 ? `"line one\nline ${i}, ""two"""` : `note ${i % 50}`;
      rows.push(`${i},${price},${['Paris', 'Lyon', 'Nice', ' Lille'][i % 4]},${comment},2024-0${(i % 9) + 1}-1${i % 10}${i === 54_321 ? ',extra' : ''}`);
    }
    const uri = writeScratchFile('threads.csv', rows.join('\n') + '\n');
    const config = vscode.workspace.getConfiguration('datasetInspector');
    const diagnostics = () => vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
    try {
      await config.update('threads', 1, vscode.ConfigurationTarget.Workspace);
      const one = await check(uri);
      assert.equal(one.threads, 1);
      const seen = diagnostics();
      await config.update('threads', undefined, vscode.ConfigurationTarget.Workspace);
      const all = await check(uri);
      assert.equal(all.threads, availableParallelism());
      assert.equal(all.rows, 100_000);
      assert.deepEqual(diagnostics(), seen);
      assert.ok(seen.some((d) => d.startsWith('ragged-row ')), seen.slice(0, 5).join(' | '));
    } finally {
      await config.update('threads', undefined, vscode.ConfigurationTarget.Workspace);
      // Deleted: later tests' settings changes would check this large file again.
      const edit = new vscode.WorkspaceEdit();
      edit.deleteFile(uri);
      await vscode.workspace.applyEdit(edit);
    }
  });

  it('a rule setting that does not fit its rule is ignored and reported: the rule keeps its default there', async () => {
    const config = vscode.workspace.getConfiguration('datasetInspector');
    await config.update('rules', { whitespace: { severity: 'loud', options: { unknownOption: 1 } } }, vscode.ConfigurationTarget.Workspace);
    try {
      const uri = writeScratchFile('padded-settings.csv', `name,n\n${Array.from({ length: 6 }, (_, i) => ` v${i} ,${i}`).join('\n')}\n`);
      const result = await check(uri);
      assert.deepEqual(result.ignoredSettings, ['rules.whitespace.severity', 'rules.whitespace.options.unknownOption']);
      const whitespace = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'whitespace');
      assert.ok(whitespace.length > 0, 'the rule still runs');
      assert.ok(whitespace.every((d) => d.severity === vscode.DiagnosticSeverity.Warning), 'with its default severity');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('summarizes the findings beyond the cap in one diagnostic that names the setting which sets the cap', async () => {
    const config = vscode.workspace.getConfiguration('datasetInspector');
    await config.update('maxFindingsPerRule', 2, vscode.ConfigurationTarget.Workspace);
    try {
      const uri = writeScratchFile('padded.csv', `name,n\n${Array.from({ length: 12 }, (_, i) => ` v${i} ,${i}`).join('\n')}\n`);
      await check(uri);
      const whitespace = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'whitespace');
      assert.equal(whitespace.length, 3, 'two findings and their summary');
      assert.match(whitespace[2].message, /12 findings in column "name"; the first 2 are shown, 10 more are not \(option maxFindingsPerRule\)\. Setting: datasetInspector\.maxFindingsPerRule\.$/);
    } finally {
      await config.update('maxFindingsPerRule', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('checks a CSV over the memory budget batch by batch, with file line numbers in every batch', async function () {
    this.timeout(120_000);
    const config = vscode.workspace.getConfiguration('datasetInspector');
    await config.update('memoryBudgetMB', 16, vscode.ConfigurationTarget.Workspace);
    try {
      // ~20 MB: over the 16 MiB budget, so it is read in 16 MiB chunks.
      const rows: string[] = ['id,score,city,note'];
      for (let i = 0; i < 760_000; i++) rows.push(`${i},${(i % 1000) / 10},${['Paris', 'Lyon', 'Nice'][i % 3]},note number ${i}`);
      rows[700_001] = '700000,70,Nice,note number 700000,extra';
      const content = rows.join('\n') + '\n';
      assert.ok(content.length > 17 * 2 ** 20, `${content.length} bytes`);
      const uri = writeScratchFile('over-budget.csv', content);
      const result = await check(uri);
      assert.equal(result.rows, 760_000);
      const ragged = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'ragged-row');
      assert.equal(ragged.length, 1, 'the planted ragged row');
      // Line 700,001 (0-based: the header is line 0) lies in the second batch.
      assert.equal(ragged[0].range.start.line, 700_001);
      assert.equal(ragged[0].range.end.character, '700000,70,Nice,note number 700000,extra'.length);
      // Deleted before the budget setting changes back, which would check it again (in memory, while later tests run).
      const edit = new vscode.WorkspaceEdit();
      edit.deleteFile(uri);
      assert.ok(await vscode.workspace.applyEdit(edit));
    } finally {
      await config.update('memoryBudgetMB', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
