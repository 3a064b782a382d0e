/** Extension entry point: wires the services, commands and providers; all real work lives elsewhere. */
import * as vscode from 'vscode';
import { CheckService, type ResultMemory } from './check-service';
import { DiagnosticsPublisher } from './diagnostics';
import { ACCEPT_VALUE_COMMAND, IGNORE_RULE_COMMAND, QualityCodeActionProvider } from './code-actions';
import { checkerAndPublisher, registerCheckCommand } from './commands/check';
import { registerFixCommands } from './commands/fixes';
import { EditLog } from './edit-log';
import { registerProfileCommand } from './commands/profile';
import { registerTrainCommand } from './commands/train';
import { registerTableView } from './table-view';
import { registerReportPanelSerializer } from './panels/report-panel';
import { registerTrainingPanelSerializer } from './panels/training-panel';
import { addAcceptEntry, addIgnoreEntry } from './config';
import { TABLE_VIEW_SCHEME, diagnosticsUriFor, resolveDataFile, tableViewUri } from './data-files';
import type { ExtensionServices } from './services';
import { TEXT_FORMATS, dataFileGlob } from '../core/ingest/formats';

/** A file argument of a command: arguments that went through the workbench (e.g. vscode.executeCodeActionProvider) arrive as plain objects. */
type CommandUri = vscode.Uri | Parameters<typeof vscode.Uri.from>[0] | string;

function uriOf(file: CommandUri): vscode.Uri {
  return file instanceof vscode.Uri ? file : typeof file === 'string' ? vscode.Uri.parse(file) : vscode.Uri.from(file);
}

/** What the extension offers other extensions and its tests. */
export interface DatasetInspectorApi {
  /** What the kept check results take (estimated) against their budget. */
  resultMemory(): ResultMemory;
}

export function activate(context: vscode.ExtensionContext): DatasetInspectorApi {
  const output = vscode.window.createOutputChannel('Dataset Inspector', { log: true });
  const checkService = new CheckService(context.extensionUri, output);
  const publisher = new DiagnosticsPublisher(context.extensionUri);
  const editLog = new EditLog();
  const services: ExtensionServices = { context, checkService, editLog, output };
  /** Checks a file again after a settings change and publishes the findings. */
  const recheck = async (dataFile: vscode.Uri) => {
    const outcome = await checkService.check(dataFile, { showProgress: false });
    if (outcome) publisher.publish(outcome);
    else publisher.clear(diagnosticsUriFor(dataFile));
  };

  context.subscriptions.push(
    output,
    checkService,
    publisher,
    editLog,
    registerTableView(checkService),
    registerCheckCommand(services, publisher),
    registerFixCommands(services, checkerAndPublisher(services, publisher)),
    registerProfileCommand(services),
    registerTrainCommand(services),
    registerReportPanelSerializer(services),
    registerTrainingPanelSerializer(services),
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file', language: 'csv' }, { scheme: 'file', language: 'tsv' }, { scheme: 'file', language: 'jsonl' }, { scheme: 'file', pattern: dataFileGlob(TEXT_FORMATS) }, { scheme: TABLE_VIEW_SCHEME }],
      new QualityCodeActionProvider(publisher, checkService),
      { providedCodeActionKinds: QualityCodeActionProvider.providedCodeActionKinds },
    ),
    vscode.commands.registerCommand(IGNORE_RULE_COMMAND, async (file: CommandUri, rule: string, column: string | null) => {
      const dataFile = uriOf(file);
      await addIgnoreEntry(dataFile, rule, column);
      await recheck(dataFile);
    }),
    vscode.commands.registerCommand(ACCEPT_VALUE_COMMAND, async (file: CommandUri, rule: string, column: string, value: string) => {
      const dataFile = uriOf(file);
      await addAcceptEntry(dataFile, rule, column, value);
      await recheck(dataFile);
    }),
    vscode.commands.registerCommand('datasetInspector.openTableView', async (arg?: unknown) => {
      const uri = resolveDataFile(arg);
      if (uri) await vscode.window.showTextDocument(tableViewUri(uri), { preview: false });
    }),
  );
  output.info(`Dataset Inspector activated (VS Code ${vscode.version}, Node ${process.version}).`);
  return { resultMemory: () => checkService.resultMemory() };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions; running workers are terminated with their owners.
}
