/**
 * Read-only text view of data files without editable text: Arrow and Parquet tables rendered as CSV text,
 * gzip-compressed CSV/JSON Lines as their decompressed text. Findings of such files are published on this
 * view's URI with real ranges, so the Problems panel navigates to the offending row and column.
 */
import * as vscode from 'vscode';
import type { CheckService } from './check-service';
import { TABLE_VIEW_SCHEME, dataFileOfTableView, tableViewUri } from './data-files';

export class TableViewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly checkService: CheckService) {
    this.subscription = checkService.onDidCheck((outcome) => {
      if (outcome.result.renderedText !== undefined) this.changed.fire(tableViewUri(outcome.uri));
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const dataFile = dataFileOfTableView(uri);
    const outcome = this.checkService.lastOutcome(dataFile) ?? (await this.checkService.check(dataFile));
    if (!outcome) return '';
    return outcome.result.renderedText ?? '';
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function registerTableView(checkService: CheckService): vscode.Disposable {
  const provider = new TableViewProvider(checkService);
  return vscode.Disposable.from(provider, vscode.workspace.registerTextDocumentContentProvider(TABLE_VIEW_SCHEME, provider));
}
