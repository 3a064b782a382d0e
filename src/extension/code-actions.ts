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
    }
    return actions;
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
    const action = new vscode.CodeAction(`Accept "${value}" in column "${column}" (this value is fine)`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.command = { command: ACCEPT_VALUE_COMMAND, title: action.title, arguments: [dataFile, rule, column, value] };
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
