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

/** Resolves a command argument (Explorer/editor context, table view, active editor) to a data file. */
export function resolveDataFile(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg.scheme === TABLE_VIEW_SCHEME ? dataFileOfTableView(arg) : arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active) return active.scheme === TABLE_VIEW_SCHEME ? dataFileOfTableView(active) : active;
  return undefined;
}
