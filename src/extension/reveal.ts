/** Opens the place a finding points at: the cell in the CSV, or in the read-only table view of a binary file. */
import * as vscode from 'vscode';
import type { TextRange } from '../core/table/model';

export function toVscodeRange(range: TextRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export async function revealRange(documentUri: vscode.Uri, range: TextRange, viewColumn?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(documentUri);
  const selection = toVscodeRange(range);
  const editor = await vscode.window.showTextDocument(document, { selection, viewColumn, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
