/** "Show data profile": checks the file (or reuses the newest check) and opens its quality report. */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { ReportPanel } from '../panels/report-panel';
import { dataFileOrPick } from './pick-data-file';
import { CHECK_COMMAND } from './check';

export const PROFILE_COMMAND = 'datasetInspector.showDataProfile';

export function registerProfileCommand(services: ExtensionServices): vscode.Disposable {
  return vscode.commands.registerCommand(PROFILE_COMMAND, async (arg?: unknown) => {
    const uri = await dataFileOrPick(arg, vscode.l10n.t('Data file to profile'));
    if (!uri) return undefined;
    try {
      // Reuse the newest check; otherwise run one through the command, which also publishes its diagnostics.
      let outcome = services.checkService.lastOutcome(uri);
      if (!outcome) {
        await vscode.commands.executeCommand(CHECK_COMMAND, uri);
        outcome = services.checkService.lastOutcome(uri);
      }
      if (!outcome) return undefined;
      const panel = ReportPanel.show(services, outcome);
      return { viewType: panel.panel.viewType, title: panel.panel.title };
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Dataset Inspector: {0}', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  });
}
