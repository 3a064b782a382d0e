/**
 * The commands behind quick fixes: one finding's fix, or every fix of a rule in a file ("fix all"), applied
 * only to the text they were computed on. When the document changed since its check, the file is checked
 * again first: "fix all" then applies the new check's fixes; a single fix is applied where the edits since
 * moved its cell, only if the new check offers the same edit there. Never a range of an older text.
 */
import * as vscode from 'vscode';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { FindingFix } from '../../core/quality/finding';
import type { TextRange } from '../../core/table/model';
import type { CheckOutcome, CheckedText } from '../check-service';
import type { DocumentMark, EditLog } from '../edit-log';
import type { ExtensionServices } from '../services';
import { toVscodeRange } from '../reveal';

export const APPLY_FIX_COMMAND = 'datasetInspector.applyFix';
export const FIX_ALL_COMMAND = 'datasetInspector.fixAll';

/** What a quick fix action carries: the fix, and the text it was computed on. */
export interface FixArguments {
  uri: string;
  rule: string;
  fix: FindingFix;
  checked: CheckedText;
}

/** Checks a file again (as the user sees it) and publishes its findings; undefined when cancelled. */
type Recheck = (uri: vscode.Uri, showProgress: boolean) => Promise<CheckOutcome | undefined>;

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

/**
 * The text a check read, as a mark of `document`: the document's text then; or, when it read the file on
 * disk with no document open, the document's text now if that still is the file as it was (nothing unsaved,
 * same size and modification time).
 */
export function markOfChecked(checked: CheckedText, document: vscode.TextDocument, editLog: EditLog): DocumentMark | undefined {
  if (checked.mark) return checked.mark;
  if (!checked.stamp || document.isDirty) return undefined;
  try {
    const now = statSync(document.uri.fsPath);
    return now.size === checked.stamp.size && now.mtimeMs === checked.stamp.mtimeMs ? editLog.mark(document) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `document` still holds the text the check read. */
function readsCurrentText(checked: CheckedText, document: vscode.TextDocument, editLog: EditLog): boolean {
  const mark = markOfChecked(checked, document, editLog);
  return mark !== undefined && editLog.isCurrent(mark, document);
}

const sameRange = (a: TextRange, b: TextRange) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** The fix of `rule` in a new check that makes the same edit as `fix` at `range` (where the cell is now). */
function sameFixAt(outcome: CheckOutcome, rule: string, fix: FindingFix, range: TextRange): FindingFix | undefined {
  const candidates = [...(outcome.result.fixesByRule[rule] ?? []), ...outcome.result.findings.filter((f) => f.rule === rule).flatMap((f) => f.fixes ?? [])];
  return candidates.find((c) => c.kind === fix.kind && sameRange(c.range, range) && (c.kind !== 'replace' || (fix.kind === 'replace' && c.newText === fix.newText)));
}

/** Applies fixes as one undoable edit. */
function applyFixes(uri: vscode.Uri, fixes: readonly FindingFix[]): Thenable<boolean> {
  const edit = new vscode.WorkspaceEdit();
  for (const fix of fixes) {
    if (fix.kind === 'replace') edit.replace(uri, toVscodeRange(fix.range), fix.newText);
    else edit.delete(uri, toVscodeRange(fix.range));
  }
  return vscode.workspace.applyEdit(edit);
}

export function registerFixCommands({ checkService, editLog }: ExtensionServices, recheck: Recheck): vscode.Disposable {
  const changedMessage = (uri: vscode.Uri, what: string) =>
    vscode.l10n.t('{0} changed since it was checked. It was checked again: {1}', path.basename(uri.fsPath), what);

  const applyFix = vscode.commands.registerCommand(APPLY_FIX_COMMAND, async ({ uri: uriText, rule, fix, checked }: FixArguments): Promise<boolean> => {
    const uri = vscode.Uri.parse(uriText, true);
    const document = await vscode.workspace.openTextDocument(uri);
    const mark = markOfChecked(checked, document, editLog);
    if (mark && editLog.isCurrent(mark, document)) return applyFixes(uri, [fix]);
    // Where the fix's cell is now (undefined when it was edited), then whether a new check offers the same edit there.
    const range = mark && editLog.rangeNow(mark, document, fix.range);
    const outcome = await recheck(uri, true);
    if (!outcome) return false;
    const again = range && readsCurrentText(outcome.checked, document, editLog) ? sameFixAt(outcome, rule, fix, range) : undefined;
    if (!again) {
      void vscode.window.showInformationMessage(changedMessage(uri, vscode.l10n.t('"{0}" is not offered for that cell any more; the quick fixes now match its current text.', fix.title)));
      return false;
    }
    return applyFixes(uri, [again]);
  });

  const fixAll = vscode.commands.registerCommand(FIX_ALL_COMMAND, async (uriText: string, rule: string): Promise<boolean> => {
    const uri = vscode.Uri.parse(uriText, true);
    const document = await vscode.workspace.openTextDocument(uri);
    let outcome = checkService.lastOutcome(uri);
    if (!outcome || !readsCurrentText(outcome.checked, document, editLog)) outcome = await recheck(uri, true);
    if (!outcome) return false;
    if (!readsCurrentText(outcome.checked, document, editLog)) {
      void vscode.window.showInformationMessage(changedMessage(uri, vscode.l10n.t('it changed again meanwhile, so nothing was fixed; try again.')));
      return false;
    }
    const fixes = nonOverlappingFixes(outcome.result.fixesByRule[rule] ?? []);
    return fixes.length > 0 && applyFixes(uri, fixes);
  });

  return vscode.Disposable.from(applyFix, fixAll);
}
