/** Helpers for in-host tests: a scratch folder inside the (temporary) test workspace. */
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import type { CheckCommandResult } from '../../src/extension/commands/check';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('In-host tests need a workspace folder (the harness opens a temp copy of samples/).');
  return folder.uri.fsPath;
}

/** Writes `content` to `<workspace>/.scratch/<name>` and returns its URI. */
export function writeScratchFile(name: string, content: string | Uint8Array): vscode.Uri {
  const dir = path.join(workspaceRoot(), '.scratch');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return vscode.Uri.file(file);
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

/** Waits until `predicate` holds (VS Code applies some changes asynchronously). */
export async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs "Check data quality" on `uri` and returns what the command returns (failing the test when it returns nothing). */
export async function runCheckCommand(uri: vscode.Uri): Promise<CheckCommandResult> {
  const result = await vscode.commands.executeCommand<CheckCommandResult | undefined>('datasetInspector.checkDataQuality', uri);
  assert.ok(result, 'the check command returned no result');
  return result;
}
