/** "Show data profile": checks the file (or reuses the newest check) and opens its quality report. */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { isDataFile, resolveDataFile } from '../data-files';
import { ReportPanel } from '../panels/report-panel';
import { pickDataFile } from './pick-data-file';

export const PROFILE_COMMAND = 'datasetInspector.showDataProfile';

export function registerProfileCommand(services: ExtensionServices): vscode.Disposable {
  return vscode.commands.registerCommand(PROFILE_COMMAND, async (arg?: unknown) => {
    const resolved = resolveDataFile(arg);
    const uri = resolved && isDataFile(resolved) ? resolved : await pickDataFile('Data file to profile');
    if (!uri) return undefined;
    try {
      const outcome = services.checkService.lastOutcome(uri) ?? (await vscode.commands.executeCommand('datasetInspector.checkDataQuality', uri), services.checkService.lastOutcome(uri));
      if (!outcome) return undefined;
      const panel = ReportPanel.show(services, outcome);
      return { viewType: panel.panel.viewType, title: panel.panel.title };
    } catch (error) {
      void vscode.window.showErrorMessage(`Dataset Inspector: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });
}
