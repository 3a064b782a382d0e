/** Which files the extension reads, and how their findings are addressed. */
import * as vscode from 'vscode';

export const TEXT_DATA_EXTENSIONS = ['.csv', '.tsv', '.tab', '.txt'] as const;
export const BINARY_DATA_EXTENSIONS = ['.arrow', '.feather', '.arrows', '.parquet'] as const;

/** Scheme of the read-only text view of binary data files (Arrow, Parquet). */
export const TABLE_VIEW_SCHEME = 'dataset-inspector-table';

function extensionOf(uri: vscode.Uri): string {
  const base = uri.path.slice(uri.path.lastIndexOf('/') + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot);
}

export function isBinaryDataFile(uri: vscode.Uri): boolean {
  return (BINARY_DATA_EXTENSIONS as readonly string[]).includes(extensionOf(uri));
}

export function isDataFile(uri: vscode.Uri): boolean {
  const ext = extensionOf(uri);
  return ext === '.csv' || ext === '.tsv' || ext === '.tab' || isBinaryDataFile(uri);
}

/** The virtual document that shows a binary data file as text: `dataset-inspector-table:/abs/path.arrow.csv`. */
export function tableViewUri(dataFile: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: TABLE_VIEW_SCHEME, path: `${dataFile.path}.csv`, query: dataFile.toString() });
}

/** The data file a table view shows. */
export function dataFileOfTableView(view: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(view.query, true);
}

/** Where the findings of `dataFile` are attached: the file itself, or its table view for binary formats. */
export function diagnosticsUriFor(dataFile: vscode.Uri): vscode.Uri {
  return isBinaryDataFile(dataFile) ? tableViewUri(dataFile) : dataFile;
}

/**
 * The file of the active editor tab, whatever shows it: a text editor, a custom editor (the table), or the
 * placeholder VS Code shows instead of a file too large or too binary for a text editor (no text editor
 * and no document exist then, only the tab).
 */
export function activeTabFile(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputNotebook) return input.uri;
  if (input instanceof vscode.TabInputTextDiff) return input.modified;
  return undefined;
}

/** Resolves a command argument (Explorer/editor context, table view, active tab or editor) to a data file. */
export function resolveDataFile(arg: unknown): vscode.Uri | undefined {
  const uri = arg instanceof vscode.Uri ? arg : (activeTabFile() ?? vscode.window.activeTextEditor?.document.uri);
  if (!uri) return undefined;
  return uri.scheme === TABLE_VIEW_SCHEME ? dataFileOfTableView(uri) : uri;
}

/** A URI command argument; arguments that went through the workbench (e.g. code actions run by tests) arrive as plain objects or strings. */
export function uriFromArgument(value: vscode.Uri | Parameters<typeof vscode.Uri.from>[0] | string): vscode.Uri {
  return value instanceof vscode.Uri ? value : typeof value === 'string' ? vscode.Uri.parse(value) : vscode.Uri.from(value);
}
