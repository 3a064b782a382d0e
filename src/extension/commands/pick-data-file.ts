/** A quick pick of the workspace's data files, for commands run without a file. */
import * as vscode from 'vscode';
import { DATA_FILE_GLOB } from '../../core/ingest/formats-sniff';

export async function pickDataFile(title: string): Promise<vscode.Uri | undefined> {
  const files = await vscode.workspace.findFiles(DATA_FILE_GLOB, '**/node_modules/**', 500);
  if (files.length === 0) {
    void vscode.window.showWarningMessage('Dataset Inspector: no CSV, TSV, JSON Lines, Arrow or Parquet files in this workspace.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    files
      .sort((a, b) => a.fsPath.localeCompare(b.fsPath))
      .map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title, placeHolder: 'Pick a data file' },
  );
  return picked?.uri;
}
