/** The data file a command works on: its argument, the active tab's file, or one picked from the workspace. */
import * as vscode from 'vscode';
import { isDataFile, resolveDataFile } from '../data-files';
import { dataFileGlob, formatNames } from '../../core/ingest/formats';

export async function pickDataFile(title: string): Promise<vscode.Uri | undefined> {
  const files = await vscode.workspace.findFiles(dataFileGlob(), '**/node_modules/**', 500);
  if (files.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Dataset Inspector: no {0} files in this workspace.', formatNames()));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    files
      .sort((a, b) => a.fsPath.localeCompare(b.fsPath))
      .map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title, placeHolder: vscode.l10n.t('Pick a data file') },
  );
  return picked?.uri;
}

/** The command's argument or the active tab's data file; else a quick pick of the workspace's data files. */
export async function dataFileOrPick(arg: unknown, title: string): Promise<vscode.Uri | undefined> {
  const resolved = resolveDataFile(arg);
  return resolved && isDataFile(resolved) ? resolved : pickDataFile(title);
}
