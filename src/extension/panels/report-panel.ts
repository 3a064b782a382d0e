/** Host side of the quality report: one panel per data file, refreshed whenever that file is checked again. */
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { ExtensionServices } from '../services';
import type { CheckOutcome } from '../check-service';
import type { ReportHostMessage, ReportState, ReportWebviewMessage } from '../../shared/protocol/report';
import { revealRange } from '../reveal';
import { withSettingOf } from '../config';
import { createAppPanel } from './webview-html';
import { CLEAN_COMMAND } from '../commands/clean';

export const REPORT_VIEW_TYPE = 'datasetInspector.report';

/** Findings sent to the webview at most (the Problems panel shows at most 1,000 per file anyway). */
const MAX_FINDINGS_IN_REPORT = 2000;

export function reportState(outcome: CheckOutcome): ReportState {
  const r = outcome.result;
  return {
    fileName: path.basename(r.path),
    filePath: r.path,
    format: r.format,
    rows: r.rowCount,
    scores: r.scores,
    columns: r.profile.columns,
    findings: r.findings.slice(0, MAX_FINDINGS_IN_REPORT).map((f) => (f.option ? { ...f, message: withSettingOf(f.message, f.option) } : f)),
    totals: r.totals,
    checkedAt: new Date().toISOString(),
  };
}

export class ReportPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, ReportPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  static show(services: ExtensionServices, outcome: CheckOutcome): ReportPanel {
    const key = outcome.uri.toString();
    const existing = ReportPanel.panels.get(key);
    if (existing) {
      existing.update(outcome);
      existing.panel.reveal(undefined, false);
      return existing;
    }
    const panel = createAppPanel(services.context.extensionUri, REPORT_VIEW_TYPE, `Data profile: ${path.basename(outcome.uri.fsPath)}`, 'report', vscode.ViewColumn.Beside);
    const created = new ReportPanel(panel, services, outcome);
    ReportPanel.panels.set(key, created);
    return created;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    services: ExtensionServices,
    private outcome: CheckOutcome,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: ReportWebviewMessage) => this.onMessage(message)),
      services.checkService.onDidCheck((checked) => {
        if (checked.uri.toString() === this.outcome.uri.toString()) this.update(checked);
      }),
    );
  }

  update(outcome: CheckOutcome): void {
    this.outcome = outcome;
    if (this.ready) void this.post({ type: 'state', state: reportState(outcome) });
  }

  private post(message: ReportHostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private async onMessage(message: ReportWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.post({ type: 'state', state: reportState(this.outcome) });
        break;
      case 'reveal': {
        const finding = this.outcome.result.findings[message.findingIndex];
        if (finding) await revealRange(this.outcome.diagnosticsUri, finding.range, vscode.ViewColumn.One);
        break;
      }
      case 'recheck':
        await vscode.commands.executeCommand('datasetInspector.checkDataQuality', this.outcome.uri);
        break;
      case 'clean':
        await vscode.commands.executeCommand(CLEAN_COMMAND, this.outcome.uri);
        break;
    }
  }

  dispose(): void {
    ReportPanel.panels.delete(this.outcome.uri.toString());
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
