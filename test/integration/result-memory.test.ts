/**
 * In-host test of the memory the extension keeps for check results: within the budget of
 * datasetInspector.resultMemoryMB, the files used least recently are dropped; their diagnostics stay, and
 * what needs their results (a "fix all") checks them again. And of the check worker kept between checks.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, runCheckCommand, waitFor, writeScratchFile } from './helpers';
import { CheckService } from '../../src/extension/check-service';

interface ResultMemory {
  files: number;
  bytes: number;
  budgetBytes: number;
}

const EXTENSION_ID = 'dataset-inspector.dataset-inspector';

/** A CSV of 400,000 rows: a check of it is still running while a test stops its service. */
function longCheckFile(name: string): vscode.Uri {
  const rows = Array.from({ length: 400_000 }, (_, i) => `${i},${(i * 7) % 1000},name ${i % 5000}`);
  return writeScratchFile(name, ['id,value,name', ...rows].join('\n') + '\n');
}

/** Runs `test` with a check service of its own (beside the extension's), its output channel disposed after. */
async function withCheckService(test: (service: CheckService) => Promise<void>): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const output = vscode.window.createOutputChannel('Dataset Inspector (test)', { log: true });
  try {
    await test(new CheckService(extension.extensionUri, output));
  } finally {
    output.dispose();
  }
}

describe('Result memory', function () {
  this.timeout(180_000);

  it('20 checked files: the kept results stay within the budget, every file keeps its diagnostics, a dropped one is checked again when fixed', async () => {
    const api = await vscode.extensions.getExtension<{ resultMemory(): ResultMemory }>(EXTENSION_ID)?.activate();
    assert.ok(api, 'the extension exports its API');
    const config = vscode.workspace.getConfiguration('datasetInspector');
    await config.update('resultMemoryMB', 1, vscode.ConfigurationTarget.Workspace);
    try {
      // Each file: 300 padded cells, each a finding with a fix (about 150 KB of results).
      const uris = Array.from({ length: 20 }, (_, f) =>
        writeScratchFile(`memory-${f}.csv`, ['id,name', ...Array.from({ length: 600 }, (_, i) => `${i},${i % 2 ? ` name ${f}-${i} ` : `name ${f}-${i}`}`)].join('\n') + '\n'),
      );
      // Results of files checked by earlier tests, as kept within the budget (small ones may stay).
      const before = api.resultMemory().files;
      const heapBefore = process.memoryUsage().heapUsed;
      const kept: number[] = [];
      for (const uri of uris) {
        await runCheckCommand(uri);
        const memory = api.resultMemory();
        kept.push(memory.files);
        assert.equal(memory.budgetBytes, 2 ** 20);
        assert.ok(memory.bytes <= memory.budgetBytes || memory.files === 1, `${memory.bytes} bytes kept for ${memory.files} files`);
      }
      console.log(`kept results per check: ${kept.join(' ')}; heap ${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(1)} MiB above the start`);
      const last = kept[kept.length - 1];
      assert.ok(last < before + uris.length && last >= 2, `several results kept, the older ones dropped: ${kept.join(' ')} (${before} kept before)`);
      for (const uri of uris) assert.ok(vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'whitespace'), `${uri.path}: its diagnostics stay`);
      // The first file's results were dropped: "fix all" checks it again, then trims every padded cell.
      const document = await vscode.workspace.openTextDocument(uris[0]);
      assert.equal(await vscode.commands.executeCommand('datasetInspector.fixAll', uris[0].toString(), 'whitespace'), true);
      assert.ok(!/, | \n/.test(document.getText()), 'every padded cell trimmed');
      assert.equal(document.lineAt(2).text, '1,name 0-1');
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await config.update('resultMemoryMB', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('a disposed check service stops its running worker (the check resolves as cancelled)', async () => {
    await withCheckService(async (service) => {
      const check = service.check(longCheckFile('long-check.csv'), { showProgress: false });
      await waitFor(() => service.runningWorkers === 1, 10_000, 'the worker to start');
      service.dispose();
      assert.equal(service.runningWorkers, 0);
      assert.equal(await check, undefined, 'cancelled, not an error');
      assert.equal(service.resultMemory().files, 0);
    });
  });

  it('the check worker is kept for the next check: a second check reuses it, and the next one takes it from idle', async () => {
    await withCheckService(async (service) => {
      const small = (name: string) => writeScratchFile(name, ['id,name', ...Array.from({ length: 50 }, (_, i) => `${i},${i === 7 ? ' padded ' : `name ${i}`}`)].join('\n') + '\n');
      const first = await service.check(small('kept-1.csv'), { showProgress: false });
      assert.ok(first?.result.findings.some((f) => f.rule === 'whitespace'));
      assert.equal(service.idleWorkers, 1, 'the worker waits for the next check');
      const second = await service.check(small('kept-2.csv'), { showProgress: false });
      assert.ok(second?.result.findings.some((f) => f.rule === 'whitespace'), 'the kept worker checks again');
      assert.equal(service.idleWorkers, 1);
      const long = service.check(longCheckFile('kept-long.csv'), { showProgress: false });
      await waitFor(() => service.runningWorkers === 1, 10_000, 'the check to start');
      assert.equal(service.idleWorkers, 0, 'the idle worker took the check');
      service.dispose();
      assert.equal(await long, undefined, 'cancelled');
    });
  });
});
