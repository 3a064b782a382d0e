/**
 * Quick fixes for findings: each is an explicit, undoable edit (or a settings change), never applied silently.
 * Fixes come from the rules (`Finding.fixes`); "fix all" uses the uncapped list the engine returns per rule,
 * so it also covers findings beyond the Problems-panel cap. Edits run through commands (commands/fixes.ts)
 * that first make sure the document is still the text the fixes were computed on.
 */
import * as vscode from 'vscode';
import type { Finding, FindingFix } from '../core/quality/finding';
import type { DiagnosticsPublisher } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { CheckService, CheckedText } from './check-service';
import { APPLY_FIX_COMMAND, FIX_ALL_COMMAND, nonOverlappingFixes, type FixArguments } from './commands/fixes';
import { RULE_STEPS } from '../core/clean/rule-steps';
import { CLEAN_COMMAND } from './commands/clean';
import { tableViewTypeFor } from './table-editor/formats';
import { SHOW_IN_TABLE_COMMAND } from './table-editor/commands';

export const IGNORE_RULE_COMMAND = 'datasetInspector.ignoreRule';
export const ACCEPT_VALUE_COMMAND = 'datasetInspector.acceptValue';

export class QualityCodeActionProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly publisher: DiagnosticsPublisher,
    private readonly checkService: CheckService,
  ) {}

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
        finding.fixes?.forEach((fix, i) => actions.push(this.fixAction(document.uri, diagnostic, finding.rule, outcome.checked, fix, i === 0)));
        // The count when the check's outcome is still kept (else "fix all" checks the file again first).
        const all = this.checkService.lastOutcome(outcome.uri)?.result.fixesByRule[finding.rule];
        if (finding.fixes?.length && (all === undefined || all.length > 1) && !offeredFixAll.has(finding.rule)) {
          offeredFixAll.add(finding.rule);
          actions.push(this.fixAllAction(document.uri, finding, all && nonOverlappingFixes(all).length));
        }
      }
      if (finding.acceptable && finding.column !== null && finding.value !== undefined) actions.push(this.acceptAction(outcome.uri, diagnostic, finding.rule, finding.column, finding.value));
      actions.push(this.ignoreAction(outcome.uri, diagnostic, finding));
      if (finding.row !== null && tableViewTypeFor(outcome.uri.path)) actions.push(this.showInTableAction(outcome.uri, diagnostic, finding));
    }
    const cleanable = context.diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE && RULE_STEPS[this.publisher.findingFor(document.uri, d)?.rule ?? ''] !== undefined);
    if (cleanable) actions.push(this.cleanAction(outcome.uri));
    return actions;
  }

  /** Opens "Clean data…" for the file: a step for this finding's rule and column is among the proposals. */
  private cleanAction(dataFile: vscode.Uri): vscode.CodeAction {
    const action = new vscode.CodeAction(vscode.l10n.t('Clean data… (write a cleaned copy with a recipe)'), vscode.CodeActionKind.QuickFix);
    action.command = { command: CLEAN_COMMAND, title: action.title, arguments: [dataFile] };
    return action;
  }

  /** Opens the grid at the finding's cell (a Problems entry itself opens the text, where its range lives). */
  private showInTableAction(dataFile: vscode.Uri, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction {
    const action = new vscode.CodeAction(vscode.l10n.t('Show in Table'), vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.command = { command: SHOW_IN_TABLE_COMMAND, title: action.title, arguments: [dataFile, finding.row, finding.columnIndex] };
    return action;
  }

  private fixAction(uri: vscode.Uri, diagnostic: vscode.Diagnostic, rule: string, checked: CheckedText, fix: FindingFix, preferred: boolean): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = preferred;
    const args: FixArguments = { uri: uri.toString(), rule, fix, checked };
    action.command = { command: APPLY_FIX_COMMAND, title: fix.title, arguments: [args] };
    return action;
  }

  private fixAllAction(uri: vscode.Uri, finding: Finding, count: number | undefined): vscode.CodeAction {
    const title = count === undefined ? vscode.l10n.t('Fix all "{0}" findings in this file', finding.rule) : vscode.l10n.t('Fix all {0} "{1}" findings in this file', count, finding.rule);
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.command = { command: FIX_ALL_COMMAND, title, arguments: [uri.toString(), finding.rule] };
    return action;
  }

  private acceptAction(dataFile: vscode.Uri, diagnostic: vscode.Diagnostic, rule: string, column: string, value: string): vscode.CodeAction {
    const action = new vscode.CodeAction(vscode.l10n.t('Accept "{0}" in column "{1}" (this value is fine)', value, column), vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.command = { command: ACCEPT_VALUE_COMMAND, title: action.title, arguments: [dataFile, rule, column, value] };
    return action;
  }

  private ignoreAction(dataFile: vscode.Uri, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction {
    const title = finding.column ? vscode.l10n.t('Ignore "{0}" for column "{1}"', finding.rule, finding.column) : vscode.l10n.t('Ignore "{0}" for this file', finding.rule);
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.command = { command: IGNORE_RULE_COMMAND, title: action.title, arguments: [dataFile, finding.rule, finding.column] };
    return action;
  }
}
