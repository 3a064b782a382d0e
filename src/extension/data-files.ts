/** Which files the extension reads, and how their findings are addressed. */
import * as vscode from 'vscode';
import { posix } from 'node:path';
import { dataFormatOf, decompressedName, isBinaryDataPath } from '../core/ingest/formats';

/** Scheme of the read-only text views: binary data files (Arrow, Parquet) rendered as CSV, gzip files decompressed. */
export const TABLE_VIEW_SCHEME = 'dataset-inspector-table';

/** Whether the file's findings go on a read-only view (Arrow, Parquet, gzip) rather than on the file itself. */
export function isBinaryDataFile(uri: vscode.Uri): boolean {
  return isBinaryDataPath(uri.path);
}

export function isDataFile(uri: vscode.Uri): boolean {
  return dataFormatOf(uri.path) !== undefined;
}

/**
 * The virtual document that shows a data file as text: `dataset-inspector-table:/abs/path.arrow.csv` for
 * Arrow/Parquet (the table rendered as CSV), `…/data.csv.gz (decompressed).csv` for a gzip file (its
 * decompressed text, in the language of the inner extension).
 */
export function tableViewUri(dataFile: vscode.Uri): vscode.Uri {
  const decompressed = decompressedName(dataFile.path);
  const path = decompressed !== dataFile.path ? `${dataFile.path} (decompressed)${posix.extname(decompressed)}` : `${dataFile.path}.csv`;
  return vscode.Uri.from({ scheme: TABLE_VIEW_SCHEME, path, query: dataFile.toString() });
}

/** The data file a table view shows. */
export function dataFileOfTableView(view: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(view.query, true);
}

/** Where the findings of `dataFile` are attached: the file itself, or its read-only view. */
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
export type UriArgument = vscode.Uri | Parameters<typeof vscode.Uri.from>[0] | string;

export function uriFromArgument(value: UriArgument): vscode.Uri {
  return value instanceof vscode.Uri ? value : typeof value === 'string' ? vscode.Uri.parse(value) : vscode.Uri.from(value);
}
