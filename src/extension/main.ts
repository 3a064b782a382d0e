/** Extension entry point: wires the services, commands and providers; all real work lives elsewhere. */
import * as vscode from 'vscode';
import { CheckService } from './check-service';
import { DiagnosticsPublisher } from './diagnostics';
import { IGNORE_RULE_COMMAND, QualityCodeActionProvider } from './code-actions';
import { registerCheckCommand } from './commands/check';
import { registerProfileCommand } from './commands/profile';
import { registerTrainCommand } from './commands/train';
import { registerTableView } from './table-view';
import { registerReportPanelSerializer } from './panels/report-panel';
import { registerTrainingPanelSerializer } from './panels/training-panel';
import { addIgnoreEntry } from './config';
import { TABLE_VIEW_SCHEME, diagnosticsUriFor, resolveDataFile, tableViewUri, uriFromArgument } from './data-files';
import { registerTableEditor } from './table-editor/commands';
import type { ExtensionServices } from './services';
import { TEXT_FORMATS, dataFileGlob } from '../core/ingest/formats';

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Dataset Inspector', { log: true });
  const checkService = new CheckService(context.extensionUri, output);
  const publisher = new DiagnosticsPublisher(context.extensionUri);
  const services: ExtensionServices = { context, checkService, output };

  context.subscriptions.push(
    output,
    checkService,
    publisher,
    registerTableView(checkService),
    registerTableEditor(context.extensionUri, checkService),
    registerCheckCommand(services, publisher),
    registerProfileCommand(services),
    registerTrainCommand(services),
    registerReportPanelSerializer(services),
    registerTrainingPanelSerializer(services),
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file', language: 'csv' }, { scheme: 'file', language: 'tsv' }, { scheme: 'file', language: 'jsonl' }, { scheme: 'file', pattern: dataFileGlob(TEXT_FORMATS) }, { scheme: TABLE_VIEW_SCHEME }],
      new QualityCodeActionProvider(publisher),
      { providedCodeActionKinds: QualityCodeActionProvider.providedCodeActionKinds },
    ),
    vscode.commands.registerCommand(IGNORE_RULE_COMMAND, async (file: Parameters<typeof uriFromArgument>[0], rule: string, column: string | null) => {
      const dataFile = uriFromArgument(file);
      await addIgnoreEntry(dataFile, rule, column);
      const outcome = await checkService.check(dataFile, { showProgress: false });
      if (outcome) publisher.publish(outcome);
      else publisher.clear(diagnosticsUriFor(dataFile));
    }),
    vscode.commands.registerCommand('datasetInspector.openTableView', async (arg?: unknown) => {
      const uri = resolveDataFile(arg);
      if (uri) await vscode.window.showTextDocument(tableViewUri(uri), { preview: false });
    }),
  );
  output.info(`Dataset Inspector activated (VS Code ${vscode.version}, Node ${process.version}).`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions; running workers are terminated with their owners.
}
