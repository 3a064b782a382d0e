/**
 * In-host tests of the table editor: which files open in it, the rows its worker serves (through the same
 * host relay the grid uses), sort and filter over the whole table, paging over the memory budget,
 * "Show in Table" from a finding, and palette commands that find their file through the active tab.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runCheckCommand, waitFor, workspaceRoot, writeScratchFile } from './helpers';
import type { RowWindow, ViewInfo, GridCell } from '../../src/core/table-session/types';
import type { TableDocumentState } from '../../src/extension/table-editor/table-editor';

const EXTENSION_ID = 'dataset-inspector.dataset-inspector';

function query<T>(uri: vscode.Uri, name: string, q?: unknown): Thenable<T> {
  return vscode.commands.executeCommand<T>('datasetInspector.tableQuery', uri, name, q);
}

const text = (cell: GridCell) => (cell === null ? '' : typeof cell === 'string' ? cell : cell.text);

function activeTabInput(): unknown {
  return vscode.window.tabGroups.activeTabGroup.activeTab?.input;
}

/** Waits until the active tab shows `uri` in a custom editor of `viewType`. */
async function tableTabOf(uri: vscode.Uri, viewType: string): Promise<void> {
  await waitFor(() => {
    const input = activeTabInput();
    return input instanceof vscode.TabInputCustom && input.uri.toString() === uri.toString() && input.viewType === viewType;
  }, 15_000, `a ${viewType} tab for ${path.basename(uri.fsPath)}`);
}

/** Waits until the worker has read every row (or indexed every batch). */
async function loaded(uri: vscode.Uri, timeoutMs = 60_000): Promise<TableDocumentState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await query<TableDocumentState>(uri, 'state').then(
      (s) => s,
      () => undefined,
    );
    if (state?.error) throw new Error(state.error);
    if (state?.loaded) return state;
    if (Date.now() > deadline) throw new Error(`${uri.fsPath} was not read within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function vegaFile(name: string): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return path.join(extension.extensionPath, 'node_modules', 'vega-datasets', 'data', name);
}

describe('Table editor', function () {
  this.timeout(120_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens Arrow files by default and serves their rows from the worker, with the file texts', async () => {
    const arrow = vscode.Uri.file(path.join(workspaceRoot(), 'housing.arrow'));
    await vscode.commands.executeCommand('vscode.open', arrow);
    await tableTabOf(arrow, 'datasetInspector.table');
    const state = await loaded(arrow);
    assert.equal(state.loaded?.rows, 1000);
    assert.equal(state.opened?.paged, false);
    const columns = state.loaded?.columns.map((c) => c.name) ?? [];
    const window = await query<RowWindow>(arrow, 'window', { start: 17, count: 2, c0: 0, c1: columns.length });
    assert.deepEqual(window.rowNumbers, [17, 18]);
    // samples/README.md: row 17 has a negative area.
    assert.match(text(window.cells[0][columns.indexOf('area_m2')]), /^-45(\.0+)?$/);
  });

  it('offers CSV files through "Open as Table" from their text editor, and "Open as Text" goes back', async () => {
    const csv = vscode.Uri.file(path.join(workspaceRoot(), 'dirty.csv'));
    await vscode.window.showTextDocument(csv);
    assert.ok(activeTabInput() instanceof vscode.TabInputText, 'a CSV opens as text by default');
    assert.equal(await vscode.commands.executeCommand('datasetInspector.openAsTable'), true);
    await tableTabOf(csv, 'datasetInspector.tableForText');
    const state = await loaded(csv);
    assert.ok((state.loaded?.rows ?? 0) > 100);
    await vscode.commands.executeCommand('datasetInspector.openAsText');
    await waitFor(() => {
      const input = activeTabInput();
      return input instanceof vscode.TabInputText && input.uri.toString() === csv.toString();
    }, 10_000, 'the CSV back in a text editor');
  });

  it('reads the file again when it changes on disk', async () => {
    const csv = writeScratchFile('changing.csv', 'id,name\n1,a\n2,b\n3,c\n');
    assert.equal(await vscode.commands.executeCommand('datasetInspector.openAsTable', csv), true);
    assert.equal((await loaded(csv)).loaded?.rows, 3);
    fs.writeFileSync(csv.fsPath, 'id,name\n1,a\n2,b\n3,c\n4,d\n5,e\n');
    const deadline = Date.now() + 20_000;
    for (;;) {
      const state = await query<TableDocumentState>(csv, 'state');
      if (state.loaded?.rows === 5) break;
      if (Date.now() > deadline) throw new Error(`still ${state.loaded?.rows} rows after the file changed`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const window = await query<RowWindow>(csv, 'window', { start: 4, count: 1, c0: 0, c1: 2 });
    assert.deepEqual(window.cells[0].map(text), ['5', 'e']);
  });

  it('reads a file written just before it opened once: the late change event of that write does not read it again and fail the questions in flight', async () => {
    const csv = writeScratchFile('just-written.csv', 'id,score\n' + Array.from({ length: 50_000 }, (_, i) => `${i},${(i * 7919) % 1009}`).join('\n') + '\n');
    assert.equal(await vscode.commands.executeCommand('datasetInspector.openAsTable', csv), true);
    assert.equal((await loaded(csv)).loaded?.rows, 50_000);
    // Watchers report a write up to ~1 s late; questions asked meanwhile must be answered by this read.
    const until = Date.now() + 2_000;
    while (Date.now() < until) {
      const info = await query<ViewInfo>(csv, 'view', { sort: { column: 1, direction: 'desc' }, filter: null });
      assert.equal(info.rows, 50_000);
    }
    assert.equal((await query<TableDocumentState>(csv, 'state')).reads, 1);
  });

  it('sorts and filters the whole table in the worker ("n of N rows")', async () => {
    const source = vegaFile('flights-200k.arrow');
    if (!fs.existsSync(source)) {
      console.log('    (skipped: vega-datasets flights-200k.arrow is not installed)');
      return;
    }
    const arrow = writeScratchFile('flights-200k.arrow', fs.readFileSync(source));
    await vscode.commands.executeCommand('vscode.open', arrow);
    await tableTabOf(arrow, 'datasetInspector.table');
    const state = await loaded(arrow);
    const total = state.loaded?.rows ?? 0;
    assert.equal(total, 200_000);
    const names = state.loaded?.columns.map((c) => c.name) ?? [];
    const delay = names.indexOf('delay');
    const distance = names.indexOf('distance');
    let info = await query<ViewInfo>(arrow, 'view', { sort: { column: delay, direction: 'desc' }, filter: null });
    assert.equal(info.rows, total);
    let window = await query<RowWindow>(arrow, 'window', { start: 0, count: 500, c0: 0, c1: names.length });
    const delays = window.cells.map((r) => Number(text(r[delay])));
    assert.deepEqual(delays, [...delays].sort((a, b) => b - a), 'descending delays');
    info = await query<ViewInfo>(arrow, 'view', {
      sort: { column: delay, direction: 'desc' },
      filter: { conditions: [{ kind: 'compare', column: distance, op: '>=', value: '1000' }], onlyFindings: false },
    });
    assert.ok(info.rows > 0 && info.rows < total, `${info.rows} of ${info.totalRows}`);
    assert.equal(info.totalRows, total);
    assert.deepEqual(info.coverage, { scannedRows: total });
    window = await query<RowWindow>(arrow, 'window', { start: 0, count: 200, c0: 0, c1: names.length });
    assert.ok(window.cells.every((r) => Number(text(r[distance])) >= 1000));
    const filtered = window.cells.map((r) => Number(text(r[delay])));
    assert.deepEqual(filtered, [...filtered].sort((a, b) => b - a), 'still sorted');
  });

  it('pages through a CSV over the memory budget instead of refusing it, and says what a sort covers', async () => {
    const config = vscode.workspace.getConfiguration('datasetInspector');
    await config.update('memoryBudgetMB', 16, vscode.ConfigurationTarget.Workspace);
    try {
      const lines = ['id,score,city'];
      for (let i = 0; i < 900_000; i++) lines.push(`${i},${(i * 7919) % 100003},${['Paris', 'Lyon', 'Nice'][i % 3]} ${'x'.repeat(i % 7)}`);
      const csv = writeScratchFile('paged.csv', lines.join('\n') + '\n');
      assert.ok(fs.statSync(csv.fsPath).size > 16 * 2 ** 20);
      assert.equal(await vscode.commands.executeCommand('datasetInspector.openAsTable', csv), true);
      const state = await loaded(csv);
      assert.equal(state.opened?.paged, true);
      assert.equal(state.loaded?.rows, 900_000);
      for (const start of [899_990, 0, 450_000]) {
        const window = await query<RowWindow>(csv, 'window', { start, count: 3, c0: 0, c1: 3 });
        assert.deepEqual(window.cells.map((r) => r.map(text).join(',')), lines.slice(start + 1, start + 4), `rows from ${start}`);
      }
      const info = await query<ViewInfo>(csv, 'view', { sort: { column: 1, direction: 'desc' }, filter: null });
      assert.equal(info.coverage.sortLimit, 10_000);
      assert.equal(info.coverage.scannedRows, 900_000);
      const top = await query<RowWindow>(csv, 'window', { start: 0, count: 1, c0: 0, c1: 3 });
      assert.equal(text(top.cells[0][1]), '100002');
    } finally {
      await config.update('memoryBudgetMB', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('a checked file whose kept results were dropped (datasetInspector.resultMemoryMB) is checked again when its grid opens: its findings mark the grid', async () => {
    const api = await vscode.extensions.getExtension<{ resultMemory(): { files: number; bytes: number; budgetBytes: number } }>(EXTENSION_ID)?.activate();
    assert.ok(api);
    const config = vscode.workspace.getConfiguration('datasetInspector');
    await config.update('resultMemoryMB', 1, vscode.ConfigurationTarget.Workspace);
    try {
      // 300 padded cells per file (odd rows): about 150 KB of results each, so a dozen later checks push the first out.
      const padded = (f: number) => ['id,name', ...Array.from({ length: 600 }, (_, i) => `${i},${i % 2 ? ` name ${f}-${i} ` : `name ${f}-${i}`}`)].join('\n') + '\n';
      const csv = writeScratchFile('dropped-0.csv', padded(0));
      await runCheckCommand(csv);
      for (let f = 1; f <= 12; f++) await runCheckCommand(writeScratchFile(`dropped-${f}.csv`, padded(f)));
      const memory = api.resultMemory();
      assert.ok(memory.files < 13 && memory.bytes <= memory.budgetBytes, `${memory.files} results kept in ${memory.bytes} bytes`);
      assert.equal(await vscode.commands.executeCommand('datasetInspector.openAsTable', csv), true);
      await loaded(csv);
      const onlyFindings = { sort: null, filter: { conditions: [], onlyFindings: true } };
      const deadline = Date.now() + 30_000;
      let info = await query<ViewInfo>(csv, 'view', onlyFindings);
      while (info.rows === 0) {
        if (Date.now() > deadline) throw new Error('the grid got no findings: the file was not checked again');
        await new Promise((r) => setTimeout(r, 200));
        info = await query<ViewInfo>(csv, 'view', onlyFindings);
      }
      const window = await query<RowWindow>(csv, 'window', { start: 0, count: info.rows, c0: 0, c1: 2 });
      assert.ok(window.rowNumbers.every((row) => row % 2 === 1), 'the rows with findings are the padded ones');
    } finally {
      await config.update('resultMemoryMB', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('"Show in Table" on an Arrow finding opens the grid (the Problems entry itself keeps opening the text)', async () => {
    const arrow = vscode.Uri.file(path.join(workspaceRoot(), 'housing.arrow'));
    const result = await vscode.commands.executeCommand<{ diagnosticsUri: string }>('datasetInspector.checkDataQuality', arrow);
    assert.ok(result);
    const view = vscode.Uri.parse(result.diagnosticsUri);
    const diagnostic = vscode.languages.getDiagnostics(view).find((d) => d.range.start.line === 18 && !d.range.isEmpty);
    assert.ok(diagnostic, 'a finding on row 17 (line 18 of the text table)');
    await vscode.window.showTextDocument(view);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', view, diagnostic.range);
    const show = actions.find((a) => a.title === 'Show in Table');
    assert.ok(show?.command, `a "Show in Table" action among ${actions.map((a) => a.title).join(', ')}`);
    assert.deepEqual(show.command.arguments?.slice(1), [17, 2], 'row 17, column area_m2');
    await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
    await tableTabOf(arrow, 'datasetInspector.table');
  });

  it('palette commands use the active tab: the table editor, and the placeholder of a file too large for a text editor', async () => {
    const arrow = vscode.Uri.file(path.join(workspaceRoot(), 'housing.arrow'));
    await vscode.commands.executeCommand('vscode.open', arrow);
    await tableTabOf(arrow, 'datasetInspector.table');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString() === arrow.toString(), false);
    let result = await vscode.commands.executeCommand<{ uri: string } | undefined>('datasetInspector.checkDataQuality');
    assert.equal(result?.uri, arrow.toString());

    const lines = ['id,value'];
    for (let i = 0; i < 1_300_000; i++) lines.push(`${i},${i % 977}`);
    const big = writeScratchFile('too-large.csv', lines.join('\n') + '\n');
    await vscode.commands.executeCommand('vscode.open', big);
    await waitFor(() => {
      const input = activeTabInput();
      return input instanceof vscode.TabInputText && input.uri.toString() === big.toString();
    }, 15_000, 'a tab for the large CSV');
    const shownAsText = vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === big.toString());
    assert.equal(shownAsText, false, 'no text editor shows the large file');
    result = await vscode.commands.executeCommand<{ uri: string } | undefined>('datasetInspector.checkDataQuality');
    assert.equal(result?.uri, big.toString());
  });
});
