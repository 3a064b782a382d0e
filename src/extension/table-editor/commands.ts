/** The table editor's provider and commands: "Open as Table", "Open as Text", and "Show in Table" (from a finding). */
import * as vscode from 'vscode';
import type { CheckService } from '../check-service';
import { isBinaryDataFile, resolveDataFile, uriFromArgument, type UriArgument } from '../data-files';
import { pickDataFile } from '../commands/pick-data-file';
import { OPEN_AS_TEXT_COMMAND, TableEditorProvider } from './table-editor';
import { tableViewTypeFor } from './formats';

export const OPEN_AS_TABLE_COMMAND = 'datasetInspector.openAsTable';
export const SHOW_IN_TABLE_COMMAND = 'datasetInspector.showInTable';
/** Not in the palette: the rows, views and state of an open table (in-host tests, other extensions). */
export const TABLE_QUERY_COMMAND = 'datasetInspector.tableQuery';

/** Opens `uri` in the grid; false (with a message) when the grid does not read its format. */
async function openAsTable(uri: vscode.Uri): Promise<boolean> {
  const viewType = tableViewTypeFor(uri.path);
  if (!viewType) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Dataset Inspector cannot show {0} as a table.', vscode.workspace.asRelativePath(uri)));
    return false;
  }
  await vscode.commands.executeCommand('vscode.openWith', uri, viewType);
  return true;
}

export function registerTableEditor(extensionUri: vscode.Uri, checkService: CheckService): vscode.Disposable {
  const provider = new TableEditorProvider(extensionUri, checkService);
  return vscode.Disposable.from(
    provider.register(),
    vscode.commands.registerCommand(OPEN_AS_TABLE_COMMAND, async (arg?: unknown) => {
      const resolved = resolveDataFile(arg);
      const uri = resolved && tableViewTypeFor(resolved.path) ? resolved : await pickDataFile(vscode.l10n.t('Open as Table: data file'));
      return uri ? openAsTable(uri) : false;
    }),
    vscode.commands.registerCommand(OPEN_AS_TEXT_COMMAND, async (arg?: unknown) => {
      const uri = resolveDataFile(arg);
      if (!uri) return;
      // Binary files: the read-only text table that carries their findings; text files: the text editor.
      if (isBinaryDataFile(uri)) await vscode.commands.executeCommand('datasetInspector.openTableView', uri);
      else await vscode.commands.executeCommand('vscode.openWith', uri, 'default');
    }),
    vscode.commands.registerCommand(TABLE_QUERY_COMMAND, (file: UriArgument, name: Parameters<TableEditorProvider['query']>[1], query?: unknown) =>
      provider.query(uriFromArgument(file), name, query),
    ),
    vscode.commands.registerCommand(SHOW_IN_TABLE_COMMAND, async (file: UriArgument, row: number, column: number | null) => {
      const uri = uriFromArgument(file);
      if (await openAsTable(uri)) provider.reveal(uri, row, column ?? null);
    }),
  );
}
