/** A quick pick of the workspace's data files, for commands run without a file. */
import * as vscode from 'vscode';
import { dataFileGlob, formatNames } from '../../core/ingest/formats';

export async function pickDataFile(title: string): Promise<vscode.Uri | undefined> {
  const files = await vscode.workspace.findFiles(dataFileGlob(), '**/node_modules/**', 500);
  if (files.length === 0) {
    void vscode.window.showWarningMessage(`Dataset Inspector: no ${formatNames()} files in this workspace.`);
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
