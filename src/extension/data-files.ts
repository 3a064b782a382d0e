/** Which files the extension reads, and how their findings are addressed. */
import * as vscode from 'vscode';
import { dataFormatOf, isBinaryDataPath } from '../core/ingest/formats';

/** Scheme of the read-only text view of binary data files (Arrow, Parquet). */
export const TABLE_VIEW_SCHEME = 'dataset-inspector-table';

/** Whether the file's findings go on its table view (Arrow, Parquet) rather than on the file itself. */
export function isBinaryDataFile(uri: vscode.Uri): boolean {
  return isBinaryDataPath(uri.path);
}

export function isDataFile(uri: vscode.Uri): boolean {
  return dataFormatOf(uri.path) !== undefined;
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
