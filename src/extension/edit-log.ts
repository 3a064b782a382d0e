/**
 * The edits made to open text data files, so that a quick fix computed on an older version of a document
 * finds the same cell in the current text (core/shared/text-changes.ts), or learns that the cell was edited.
 */
import * as vscode from 'vscode';
import { rangeAfterChanges, textChange, type TextChange } from '../core/shared/text-changes';
import type { TextRange } from '../core/table/model';
import { isBinaryDataFile, isDataFile } from './data-files';

/** One text of a document: which opening of it (closing and opening it again starts another) and its version. */
export interface DocumentMark {
  opening: number;
  version: number;
}

interface Log {
  opening: number;
  /** The edits in the order they were made, each with the version it made. */
  changes: { version: number; change: TextChange }[];
  /** The edits that made this version and earlier ones are forgotten. */
  forgotten: number;
}

const logged = (document: vscode.TextDocument) => document.uri.scheme === 'file' && isDataFile(document.uri) && !isBinaryDataFile(document.uri);

export class EditLog implements vscode.Disposable {
  private readonly logs = new Map<string, Log>();
  private openings = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    for (const document of vscode.workspace.textDocuments) if (logged(document)) this.logOf(document);
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (logged(document)) this.logs.set(document.uri.toString(), { opening: ++this.openings, changes: [], forgotten: 0 });
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.logs.delete(document.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!logged(event.document) || event.contentChanges.length === 0) return;
        const log = this.logOf(event.document);
        // In the order given: the extension host applies them one after the other to its copy of the text.
        for (const c of event.contentChanges) log.changes.push({ version: event.document.version, change: textChange(c.range, c.text) });
      }),
    ];
  }

  private logOf(document: vscode.TextDocument): Log {
    const key = document.uri.toString();
    let log = this.logs.get(key);
    if (!log) this.logs.set(key, (log = { opening: ++this.openings, changes: [], forgotten: 0 }));
    return log;
  }

  /** The document's text now. */
  mark(document: vscode.TextDocument): DocumentMark {
    return { opening: this.logOf(document).opening, version: document.version };
  }

  /** Whether the document's text is still the one marked. */
  isCurrent(mark: DocumentMark, document: vscode.TextDocument): boolean {
    return this.logs.get(document.uri.toString())?.opening === mark.opening && document.version === mark.version;
  }

  /** Where `range` of the marked text is in the document now; undefined when an edit since touched it (or the document was closed since). */
  rangeNow(mark: DocumentMark, document: vscode.TextDocument, range: TextRange): TextRange | undefined {
    const log = this.logs.get(document.uri.toString());
    if (!log || log.opening !== mark.opening || mark.version < log.forgotten) return undefined;
    return rangeAfterChanges(range, log.changes.filter((c) => c.version > mark.version).map((c) => c.change));
  }

  /** Forgets the edits that made the marked text (fixes are computed on it or on later texts from now on). */
  forgetUpTo(mark: DocumentMark, document: vscode.TextDocument): void {
    const log = this.logs.get(document.uri.toString());
    if (log?.opening !== mark.opening || mark.version <= log.forgotten) return;
    log.changes = log.changes.filter((c) => c.version > mark.version);
    log.forgotten = mark.version;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.logs.clear();
  }
}
