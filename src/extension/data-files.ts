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

/** Resolves a command argument (Explorer/editor context, table view, active editor) to a data file. */
export function resolveDataFile(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg.scheme === TABLE_VIEW_SCHEME ? dataFileOfTableView(arg) : arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active) return active.scheme === TABLE_VIEW_SCHEME ? dataFileOfTableView(active) : active;
  return undefined;
}
