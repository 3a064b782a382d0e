/**
 * Host side of the quality report: one panel per data file, refreshed whenever that file is checked again.
 * After a window reload VS Code restores the panel ({@link registerReportPanelSerializer}): the webview shows
 * the report it persisted at once, and the file is checked again (which also brings its diagnostics back).
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import type { ExtensionServices } from '../services';
import type { CheckOutcome } from '../check-service';
import type { ReportHostMessage, ReportPanelState, ReportState, ReportWebviewMessage } from '../../shared/protocol/report';
import { revealRange } from '../reveal';
import { withSettingOf } from '../config';
import { CHECK_COMMAND } from '../commands/check';
import { createAppPanel, loadApp } from './webview-html';

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
    const created = new ReportPanel(panel, services, outcome.uri, outcome);
    ReportPanel.panels.set(key, created);
    return created;
  }

  /** Re-attaches a panel VS Code restored after a window reload and checks its file again. */
  static async restore(services: ExtensionServices, panel: vscode.WebviewPanel, state: ReportPanelState | undefined): Promise<void> {
    const filePath = state?.report?.filePath;
    const uri = filePath ? vscode.Uri.file(filePath) : undefined;
    if (!uri || !existsSync(uri.fsPath) || ReportPanel.panels.has(uri.toString())) {
      panel.dispose();
      return;
    }
    loadApp(panel, services.context.extensionUri, 'report');
    ReportPanel.panels.set(uri.toString(), new ReportPanel(panel, services, uri, undefined));
    await vscode.commands.executeCommand(CHECK_COMMAND, uri);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    services: ExtensionServices,
    private readonly uri: vscode.Uri,
    /** The newest check of the file; undefined in a restored panel until its check ends. */
    private outcome: CheckOutcome | undefined,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: ReportWebviewMessage) => this.onMessage(message)),
      services.checkService.onDidCheck((checked) => {
        if (checked.uri.toString() === this.uri.toString()) this.update(checked);
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
        if (this.outcome) await this.post({ type: 'state', state: reportState(this.outcome) });
        break;
      case 'reveal': {
        const finding = this.outcome?.result.findings[message.findingIndex];
        if (this.outcome && finding) await revealRange(this.outcome.diagnosticsUri, finding.range, vscode.ViewColumn.One);
        break;
      }
      case 'recheck':
        await vscode.commands.executeCommand(CHECK_COMMAND, this.uri);
        break;
    }
  }

  dispose(): void {
    ReportPanel.panels.delete(this.uri.toString());
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** Restores report panels after a window reload (activation event `onWebviewPanel:datasetInspector.report`). */
export function registerReportPanelSerializer(services: ExtensionServices): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
    deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown) => ReportPanel.restore(services, panel, state as ReportPanelState | undefined),
  });
}
