/**
 * Quick fixes for findings: each is an explicit, undoable WorkspaceEdit (or a settings change), never
 * applied silently. Fixes come from the rules (`Finding.fixes`); "fix all" uses the uncapped list the
 * engine returns per rule, so it also covers findings beyond the Problems-panel cap.
 */
import * as vscode from 'vscode';
import type { Finding, FindingFix } from '../core/quality/finding';
import type { DiagnosticsPublisher } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { toVscodeRange } from './reveal';
import { tableViewTypeFor } from './table-editor/formats';
import { SHOW_IN_TABLE_COMMAND } from './table-editor/commands';

export const IGNORE_RULE_COMMAND = 'datasetInspector.ignoreRule';

function addFixToEdit(edit: vscode.WorkspaceEdit, uri: vscode.Uri, fix: FindingFix): void {
  if (fix.kind === 'replace') edit.replace(uri, toVscodeRange(fix.range), fix.newText);
  else edit.delete(uri, toVscodeRange(fix.range));
}

/** Sorts and drops fixes whose ranges overlap an earlier one (a WorkspaceEdit must not overlap). */
export function nonOverlappingFixes(fixes: readonly FindingFix[]): FindingFix[] {
  const sorted = [...fixes].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const kept: FindingFix[] = [];
  for (const fix of sorted) {
    const last = kept[kept.length - 1];
    const overlaps =
      last &&
      (fix.range.start.line < last.range.end.line ||
        (fix.range.start.line === last.range.end.line && fix.range.start.character < last.range.end.character));
    if (!overlaps) kept.push(fix);
  }
  return kept;
}

export class QualityCodeActionProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly publisher: DiagnosticsPublisher) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const outcome = this.publisher.outcomeFor(document.uri);
    if (!outcome) return actions;
    const editable = document.uri.scheme === 'file';
    const offeredFixAll = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = this.publisher.findingFor(document.uri, diagnostic);
      if (!finding) continue;
      if (editable) {
        finding.fixes?.forEach((fix, i) => actions.push(this.fixAction(document.uri, diagnostic, fix, i === 0)));
        const all = outcome.result.fixesByRule[finding.rule] ?? [];
        if (finding.fixes?.length && all.length > 1 && !offeredFixAll.has(finding.rule)) {
          offeredFixAll.add(finding.rule);
          actions.push(this.fixAllAction(document.uri, finding, all));
        }
      }
      actions.push(this.ignoreAction(outcome.uri, diagnostic, finding));
      if (finding.row !== null && tableViewTypeFor(outcome.uri.path)) actions.push(this.showInTableAction(outcome.uri, diagnostic, finding));
    }
    return actions;
  }

  /** Opens the grid at the finding's cell (a Problems entry itself opens the text, where its range lives). */
  private showInTableAction(dataFile: vscode.Uri, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction {
    const action = new vscode.CodeAction(vscode.l10n.t('Show in Table'), vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.command = { command: SHOW_IN_TABLE_COMMAND, title: action.title, arguments: [dataFile, finding.row, finding.columnIndex] };
    return action;
  }

  private fixAction(uri: vscode.Uri, diagnostic: vscode.Diagnostic, fix: FindingFix, preferred: boolean): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = preferred;
    action.edit = new vscode.WorkspaceEdit();
    addFixToEdit(action.edit, uri, fix);
    return action;
  }

  private fixAllAction(uri: vscode.Uri, finding: Finding, fixes: readonly FindingFix[]): vscode.CodeAction {
    const kept = nonOverlappingFixes(fixes);
    const action = new vscode.CodeAction(`Fix all ${kept.length} "${finding.rule}" findings in this file`, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    for (const fix of kept) addFixToEdit(action.edit, uri, fix);
    return action;
  }

  private ignoreAction(dataFile: vscode.Uri, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction {
    const scope = finding.column ? `for column "${finding.column}"` : 'for this file';
    const action = new vscode.CodeAction(`Ignore "${finding.rule}" ${scope}`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.command = { command: IGNORE_RULE_COMMAND, title: action.title, arguments: [dataFile, finding.rule, finding.column] };
    return action;
  }
}
