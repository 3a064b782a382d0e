/**
 * The table editor: a read-only custom editor showing a data file as a scrollable grid. Each document has
 * a table worker (table-client.ts) holding the file's table session; each editor's webview
 * (webview-ui/table) asks for row windows of its view through the host, which only relays them. Findings of
 * the newest check of the file are placed on the cells. VS Code restores custom editors itself after a
 * reload; the webview keeps its view, scroll position and column widths in its state.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import * as fs from 'node:fs';
import type { CheckService, CheckOutcome } from '../check-service';
import type { TableFinding, TableHostMessage, TableWebviewMessage, GridColumn } from '../../shared/protocol/table';
import type { ColumnInfo } from '../../core/table/model';
import { columnSummaries } from '../../core/table-session/summaries';
import { readCheckSettings } from '../config';
import { CHECK_COMMAND } from '../commands/check';
import { loadApp } from '../panels/webview-html';
import { TableWorkerClient, type TableWorkerEvent } from './table-client';
import type { TableLoaded, TableOpened, TableQueries, TableQueryName } from '../../jobs/table-protocol';
import { DEFAULT_SESSION_LIMITS } from '../../core/table-session/session';
import { TABLE_EDITOR_TYPES } from './formats';

export const OPEN_AS_TEXT_COMMAND = 'datasetInspector.openAsText';

/** Findings sent to a grid at most (each rule and column is capped by the check already). */
const MAX_FINDINGS_IN_GRID = 5000;

/** A data file open in table editors: its worker, read again (a new worker) when the file changes on disk. */
export class TableDocument implements vscode.CustomDocument {
  private current: TableWorkerClient;
  private readonly watcher: vscode.FileSystemWatcher;
  private readonly reloaded = new vscode.EventEmitter<void>();
  /** The file changed and is being read again: editors attach to the new `client`. */
  readonly onDidReload = this.reloaded.event;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** The file's size and modification time when the current worker began reading it. */
  private readStamp: string;
  /** How many times the file was read (1, plus one per change on disk). */
  private readCount = 1;

  constructor(
    readonly uri: vscode.Uri,
    private readonly extensionUri: vscode.Uri,
    private readonly onDispose: () => void,
  ) {
    this.readStamp = fileStamp(uri.fsPath);
    this.current = this.start();
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), path.basename(uri.path)), true, false, true);
    this.watcher.onDidChange(() => {
      // Saves and external writers change a file in several steps: read it once they are done.
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => this.reload(), 300);
    });
  }

  get client(): TableWorkerClient {
    return this.current;
  }

  get reads(): number {
    return this.readCount;
  }

  private start(): TableWorkerClient {
    return new TableWorkerClient(this.extensionUri, this.uri.fsPath, readCheckSettings(this.uri).read);
  }

  private reload(): void {
    // Watchers also report writes that ended before the read began (a file written, then opened at once).
    const stamp = fileStamp(this.uri.fsPath);
    if (stamp === this.readStamp) return;
    this.readStamp = stamp;
    this.readCount++;
    const old = this.current;
    this.current = this.start();
    this.reloaded.fire();
    old.retire();
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    this.onDispose();
    this.watcher.dispose();
    this.reloaded.dispose();
    this.current.dispose();
  }
}

/** Size and modification time of a file ('' when it cannot be read): equal stamps, same contents read. */
function fileStamp(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return '';
  }
}

function gridColumns(columns: readonly ColumnInfo[]): GridColumn[] {
  return columns.map((c) => ({ name: c.name, kind: c.kind, arrowType: c.arrowType }));
}

function tableFindings(outcome: CheckOutcome): TableFinding[] {
  return outcome.result.findings.slice(0, MAX_FINDINGS_IN_GRID).map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    row: f.row,
    column: f.columnIndex,
    columnName: f.column,
  }));
}

let nextViewId = 1;

/** One webview showing a TableDocument, with its own view (sort, filter) in the document's worker. */
class TableEditor implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly view = nextViewId++;
  private ready = false;
  private disposed = false;
  /** A reveal asked for before the webview was ready. */
  private pendingReveal: { row: number; column: number | null } | undefined;
  /** The subscription to the document's current worker (a new one after the file changed). */
  private clientEvents: vscode.Disposable;

  constructor(
    private readonly document: TableDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly checkService: CheckService,
    extensionUri: vscode.Uri,
  ) {
    loadApp(panel, extensionUri, 'table');
    this.clientEvents = document.client.onEvent((event) => this.ready && this.forward(event));
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: TableWebviewMessage) => this.receive(message)),
      document.onDidReload(() => {
        this.clientEvents.dispose();
        this.clientEvents = document.client.onEvent((event) => this.ready && this.forward(event));
        this.showFindings();
      }),
      checkService.onDidCheck((outcome) => {
        if (outcome.uri.toString() === document.uri.toString()) this.sendFindings(outcome);
      }),
    );
  }

  private post(message: TableHostMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  /** The grid's first message: the first rows as far as read (`loaded` once the read ended: its first rows replace a CSV preview's). */
  private init(opened: TableOpened, loaded?: TableLoaded): void {
    const { rows, columns, firstRows } = loaded ?? opened;
    const complete = loaded !== undefined;
    this.post({ type: 'init', init: { fileName: path.basename(this.document.uri.fsPath), format: opened.format, paged: opened.paged, columns: gridColumns(columns), rows, complete, firstRows } });
  }

  private forward(event: TableWorkerEvent): void {
    switch (event.type) {
      case 'opened':
        return this.init(event.opened);
      case 'progress':
        return this.post({ type: 'progress', rows: event.rows, bytesRead: event.bytesRead, totalBytes: event.totalBytes });
      case 'loaded':
        return this.post({ type: 'loaded', rows: event.loaded.rows, columns: gridColumns(event.loaded.columns), readMs: event.loaded.readMs, firstRows: event.loaded.firstRows });
      case 'profile':
        return this.post({ type: 'summaries', summaries: columnSummaries(event.profile) });
      case 'error':
        return this.post({ type: 'error', message: event.message });
    }
  }

  /** Sends what the worker said so far (to a webview that was just created or reloaded). */
  private replay(): void {
    const { opened, progress, loaded, profile, error } = this.document.client.latest;
    if (error) this.forward(error);
    if (!opened) return;
    if (loaded) this.init(opened.opened, loaded.loaded);
    else {
      this.forward(opened);
      if (progress) this.forward(progress);
    }
    if (profile) this.forward(profile);
  }

  /**
   * Shows the findings of the file's check: its kept outcome; or, when the file was checked but its outcome
   * was dropped (datasetInspector.resultMemoryMB), a new check's (which also renews its diagnostics;
   * onDidCheck brings the findings).
   */
  private showFindings(): void {
    const outcome = this.checkService.lastOutcome(this.document.uri);
    this.sendFindings(outcome);
    if (!outcome && this.checkService.wasChecked(this.document.uri)) void vscode.commands.executeCommand(CHECK_COMMAND, this.document.uri);
  }

  private sendFindings(outcome: CheckOutcome | undefined): void {
    const findings = outcome ? tableFindings(outcome) : null;
    this.document.client.setFindings((findings ?? []).map((f) => ({ row: f.row, column: f.column, severity: f.severity })));
    const total = outcome ? Object.values(outcome.result.totals).reduce((a, b) => a + b, 0) : 0;
    this.post({ type: 'findings', findings, shown: findings?.length ?? 0, total });
  }

  reveal(row: number, column: number | null): void {
    if (this.ready) this.post({ type: 'reveal', row, column });
    else this.pendingReveal = { row, column };
  }

  private async receive(message: TableWebviewMessage): Promise<void> {
    const client = this.document.client;
    try {
      switch (message.type) {
        case 'ready':
          this.ready = true;
          this.replay();
          this.showFindings();
          if (this.pendingReveal) this.post({ type: 'reveal', ...this.pendingReveal });
          this.pendingReveal = undefined;
          break;
        case 'window': {
          const { requestId, start, count, c0, c1 } = message;
          try {
            this.post({ type: 'window', requestId, window: await client.query('window', { start, count, c0, c1 }, this.view) });
          } catch (error) {
            // Answered all the same: the webview keeps a few requests in flight and waits for each.
            this.post({ type: 'windowFailed', requestId, message: error instanceof Error ? error.message : String(error) });
          }
          break;
        }
        case 'view':
          try {
            this.post({ type: 'view', requestId: message.requestId, info: await client.query('view', { sort: message.sort, filter: message.filter }, this.view) });
          } catch (error) {
            this.post({ type: 'viewFailed', requestId: message.requestId, message: error instanceof Error ? error.message : String(error) });
          }
          break;
        case 'locate':
          this.post({ type: 'located', requestId: message.requestId, index: (await client.query('locate', { row: message.row }, this.view)).index });
          break;
        case 'copy': {
          const copied = await client.query('copy', { start: message.start, end: message.end, c0: message.c0, c1: message.c1 }, this.view);
          await vscode.env.clipboard.writeText(copied.text);
          const status = copied.truncated
            ? vscode.l10n.t('Copied the first {0} rows of the selection (a copy holds at most {1} cells).', copied.rows.toLocaleString(), DEFAULT_SESSION_LIMITS.copyCells.toLocaleString())
            : copied.rows === 1
              ? vscode.l10n.t('Copied 1 row.')
              : vscode.l10n.t('Copied {0} rows.', copied.rows.toLocaleString());
          this.post({ type: 'status', message: status });
          break;
        }
        case 'check':
          await vscode.commands.executeCommand(CHECK_COMMAND, this.document.uri);
          break;
        case 'openText':
          await vscode.commands.executeCommand(OPEN_AS_TEXT_COMMAND, this.document.uri);
          break;
      }
    } catch (error) {
      // A closed editor's queries fail quietly; anything else is shown in the grid.
      if (!this.disposed) this.post({ type: 'status', message: error instanceof Error ? error.message : String(error) });
    }
  }

  dispose(): void {
    this.disposed = true;
    this.document.client.closeView(this.view);
    this.clientEvents.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** What `TableEditorProvider.query` answers besides the worker's queries: the document's reading state. */
export interface TableDocumentState {
  opened?: TableOpened;
  loaded?: TableLoaded;
  error?: string;
  /** How many times the file was read (a change on disk reads it again). */
  reads: number;
}

export class TableEditorProvider implements vscode.CustomReadonlyEditorProvider<TableDocument> {
  private readonly editors = new Map<string, Set<TableEditor>>();
  private readonly documents = new Map<string, TableDocument>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly checkService: CheckService,
  ) {}

  openCustomDocument(uri: vscode.Uri): TableDocument {
    const document = new TableDocument(uri, this.extensionUri, () => this.documents.delete(uri.toString()));
    this.documents.set(uri.toString(), document);
    return document;
  }

  /**
   * Asks the worker of an open table (tests and other extensions: the rows a grid would show), or its
   * reading state (`name` 'state').
   */
  query(uri: vscode.Uri, name: TableQueryName | 'state', query?: unknown): Promise<TableQueries[TableQueryName]['reply'] | TableDocumentState> {
    const document = this.documents.get(uri.toString());
    if (!document) return Promise.reject(new Error(`${uri.fsPath} is not open as a table.`));
    const { opened, loaded, error } = document.client.latest;
    if (name === 'state') return Promise.resolve({ opened: opened?.opened, loaded: loaded?.loaded, error: error?.message, reads: document.reads });
    // A command argument: the worker checks what it is asked (rows and columns in range, known column kinds).
    return document.client.query(name, query as TableQueries[typeof name]['query']);
  }

  resolveCustomEditor(document: TableDocument, panel: vscode.WebviewPanel): void {
    const editor = new TableEditor(document, panel, this.checkService, this.extensionUri);
    const key = document.uri.toString();
    const set = this.editors.get(key) ?? new Set<TableEditor>();
    set.add(editor);
    this.editors.set(key, set);
    panel.onDidDispose(() => {
      editor.dispose();
      set.delete(editor);
      if (set.size === 0) this.editors.delete(key);
    });
  }

  /** Shows file row `row` (and column) in the active grid of `uri` (the one that was just opened). */
  reveal(uri: vscode.Uri, row: number, column: number | null): boolean {
    const editors = [...(this.editors.get(uri.toString()) ?? [])];
    const editor = editors.find((e) => e.panel.active) ?? editors[editors.length - 1];
    editor?.reveal(row, column);
    return editor !== undefined;
  }

  register(): vscode.Disposable {
    return vscode.Disposable.from(
      ...TABLE_EDITOR_TYPES.map((type) =>
        vscode.window.registerCustomEditorProvider(type.viewType, this, { supportsMultipleEditorsPerDocument: true, webviewOptions: { retainContextWhenHidden: false } }),
      ),
    );
  }
}
