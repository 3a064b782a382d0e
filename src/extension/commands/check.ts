/** "Check data quality": runs the check for a file, publishes its findings and keeps them fresh. */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import type { DiagnosticsPublisher } from '../diagnostics';
import type { CheckOutcome } from '../check-service';
import { diagnosticsUriFor, isBinaryDataFile, isDataFile, tableViewUri } from '../data-files';
import { dataFileOrPick } from './pick-data-file';
import { affectsCheck, readCheckSettings, withSettingOf } from '../config';
import { OptionError } from '../../core/defaults';
import { dataFileGlob } from '../../core/ingest/formats';

export const CHECK_COMMAND = 'datasetInspector.checkDataQuality';

/** How long settings edits must pause before the files they affect are checked again. */
const SETTINGS_SETTLE_MS = 300;

/** What the command returns (useful to tests and other extensions). */
export interface CheckCommandResult {
  uri: string;
  diagnosticsUri: string;
  rows: number;
  findings: number;
  /** Threads the check could read a CSV with. */
  threads: number;
  /** Rule settings ignored because they do not fit their rule (`rules.outlier.severity`), as the Output channel lists them. */
  ignoredSettings: string[];
}

function summarize(outcome: CheckOutcome): string {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of outcome.result.findings) counts[f.severity]++;
  const total = Object.values(outcome.result.totals).reduce((a, b) => a + b, 0);
  return vscode.l10n.t(
    'Dataset Inspector: {0} rows, {1} findings ({2} errors, {3} warnings shown), quality score {4}/100',
    outcome.result.rowCount.toLocaleString(),
    total.toLocaleString(),
    counts.error,
    counts.warning,
    Math.round(outcome.result.scores.overall),
  );
}

/** Whether a table editor of `uri` is the visible editor of some group. */
function shownAsTable(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((group) => {
    const input = group.activeTab?.input;
    return input instanceof vscode.TabInputCustom && input.uri.toString() === uri.toString();
  });
}

/**
 * Checks a file as the user sees it (an unsaved editor's text, else the file on disk) and publishes the
 * findings; resolves undefined when cancelled.
 */
export function checkerAndPublisher({ checkService, editLog }: ExtensionServices, publisher: DiagnosticsPublisher) {
  return async function checkAndPublish(uri: vscode.Uri, showProgress: boolean): Promise<CheckOutcome | undefined> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = document?.isDirty ? document.getText() : undefined;
    const outcome = await checkService.check(uri, { showProgress, text, mark: document && editLog.mark(document) });
    if (!outcome) return undefined;
    publisher.publish(outcome);
    if (document && outcome.checked.mark) editLog.forgetUpTo(outcome.checked.mark, document);
    vscode.window.setStatusBarMessage(summarize(outcome), 8000);
    return outcome;
  };
}

export function registerCheckCommand(services: ExtensionServices, publisher: DiagnosticsPublisher): vscode.Disposable {
  const { checkService, output } = services;
  const checkAndPublish = checkerAndPublisher(services, publisher);

  const command = vscode.commands.registerCommand(CHECK_COMMAND, async (arg?: unknown): Promise<CheckCommandResult | undefined> => {
    const uri = await dataFileOrPick(arg, vscode.l10n.t('Check Data Quality: data file'));
    if (!uri) return undefined;
    try {
      const outcome = await checkAndPublish(uri, true);
      if (!outcome) return undefined;
      // A binary file's findings live on its text view: show it, unless the file is on screen as a table.
      if (isBinaryDataFile(uri) && !shownAsTable(uri)) {
        await vscode.window.showTextDocument(tableViewUri(uri), { preview: true, preserveFocus: true });
      }
      return {
        uri: uri.toString(),
        diagnosticsUri: outcome.diagnosticsUri.toString(),
        rows: outcome.result.rowCount,
        findings: outcome.result.findings.length,
        threads: outcome.result.threads,
        ignoredSettings: outcome.result.settingProblems.map((p) => p.setting),
      };
    } catch (error) {
      const message = withSettingOf(error instanceof Error ? error.message : String(error), error instanceof OptionError ? error.option : undefined);
      output.error(`Check of ${uri.fsPath} failed: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Dataset Inspector could not check {0}: {1}', vscode.workspace.asRelativePath(uri), message));
      return undefined;
    }
  });

  const recheck = (uri: vscode.Uri) => {
    if (!checkService.wasChecked(uri)) return;
    checkAndPublish(uri, false).catch((error: unknown) => output.error(`Re-check of ${uri.fsPath} failed: ${String(error)}`));
  };

  const onSave = vscode.workspace.onDidSaveTextDocument((document) => {
    if (isDataFile(document.uri) && readCheckSettings(document.uri).checkOnSave) recheck(document.uri);
  });
  const onOpen = vscode.workspace.onDidOpenTextDocument((document) => {
    const uri = document.uri;
    if (uri.scheme === 'file' && isDataFile(uri) && !isBinaryDataFile(uri) && !checkService.wasChecked(uri) && readCheckSettings(uri).checkOnOpen) {
      checkAndPublish(uri, false).catch((error: unknown) => output.error(`Check of ${uri.fsPath} failed: ${String(error)}`));
    }
  });
  // A setting that changes what the check finds (rules, ignores, NA tokens, CSV options, …) re-checks the
  // files whose findings are shown, one after another (the most recently checked first), once the edits settle.
  const staleBySettings = new Map<string, vscode.Uri>();
  let settingsTimer: NodeJS.Timeout | undefined;
  const recheckStale = async () => {
    const uris = [...staleBySettings.values()];
    staleBySettings.clear();
    for (const uri of uris) {
      if (!checkService.wasChecked(uri)) continue;
      await checkAndPublish(uri, false).catch((error: unknown) => output.error(`Re-check of ${uri.fsPath} after a settings change failed: ${String(error)}`));
    }
  };
  const onSettings = vscode.workspace.onDidChangeConfiguration((event) => {
    for (const uri of checkService.checkedFiles()) if (affectsCheck(event, uri)) staleBySettings.set(uri.toString(), uri);
    if (staleBySettings.size === 0) return;
    clearTimeout(settingsTimer);
    settingsTimer = setTimeout(() => void recheckStale(), SETTINGS_SETTLE_MS);
  });
  const stopSettingsTimer = { dispose: () => clearTimeout(settingsTimer) };
  const forget = (uri: vscode.Uri) => {
    publisher.clear(diagnosticsUriFor(uri));
    checkService.forget(uri);
  };
  const onDelete = vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(forget));
  const onRename = vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => forget(f.oldUri)));
  // Deletions outside VS Code (terminal, git) are seen by a file watcher.
  const watcher = vscode.workspace.createFileSystemWatcher(dataFileGlob(), true, true, false);
  const onWatchDelete = watcher.onDidDelete(forget);
  const clearCommand = vscode.commands.registerCommand('datasetInspector.clearFindings', () => publisher.clearAll());

  return vscode.Disposable.from(command, onSave, onOpen, onSettings, stopSettingsTimer, onDelete, onRename, watcher, onWatchDelete, clearCommand);
}
