/**
 * The table editor's side of a worker thread (check-worker.ts serves a table when its first request opens
 * one): opens one data file as a table session (core/table-session) and answers row windows, views,
 * positions and copies for as long as the editor is open. The extension host never holds the table; it
 * terminates the worker when the editor's document closes.
 */
import type { MessagePort } from 'node:worker_threads';
import { openTable, type OpenedTable } from '../core/table-session/open';
import { TableSession } from '../core/table-session/session';
import type { GridFinding } from '../core/table-session/types';
import type { TableOpenRequest, TableQueryMessage, TableRequest, TableWorkerMessage } from './table-protocol';
import { GRID_BLOCK } from '../shared/protocol/table';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One view (sort, filter) of the table per editor showing it; all share the rows and the findings. */
interface View {
  session: TableSession;
  /** The view being computed: windows wait for it, so they never mix two views. */
  done: Promise<unknown>;
  abort?: AbortController;
}

class TableServer {
  private findings: readonly GridFinding[] = [];
  private readonly views = new Map<number, View>();
  private readonly table: Promise<OpenedTable>;
  /** The session of the first rows (its store grows until the read ends). */
  private readonly first: Promise<TableSession>;

  constructor(
    private readonly port: MessagePort,
    request: TableOpenRequest,
  ) {
    let firstRows: (session: TableSession) => void = () => undefined;
    this.first = new Promise<TableSession>((resolve) => (firstRows = resolve));
    let lastProgress = 0;
    this.table = openTable(request.path, {
      ...request.read,
      onFirstRows: (session, first) => {
        firstRows(session);
        // The first block goes out now: a CSV's complete read, next, keeps this thread busy for a while.
        void session.window(0, GRID_BLOCK.rows, 0, GRID_BLOCK.columns).then((rows) => this.post({ type: 'opened', opened: { ...first, rows: session.store.rowCount, firstRows: rows } }));
      },
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastProgress < 100 && p.bytesRead < p.totalBytes) return;
        lastProgress = now;
        this.post({ type: 'progress', ...p });
      },
    });
    // A read that fails before its first rows fails every query too.
    this.first = Promise.race([this.first, this.table.then((opened) => opened.session)]);
    this.first.catch(() => undefined);
    this.table.then(
      async (opened) => {
        const { session } = opened;
        const firstRows = await session.window(0, GRID_BLOCK.rows, 0, GRID_BLOCK.columns);
        this.post({ type: 'loaded', loaded: { rows: session.store.rowCount, columns: session.store.columns, dialect: opened.dialect, readMs: opened.readMs, firstRows } });
        this.post({ type: 'profile', profile: await opened.profile() });
      },
      (error: unknown) => this.post({ type: 'error', message: errorText(error) }),
    );
    port.on('message', (message: TableRequest) => this.receive(message));
  }

  private post(message: TableWorkerMessage): void {
    this.port.postMessage(message);
  }

  private async viewOf(id: number): Promise<View> {
    const first = await this.first;
    let view = this.views.get(id);
    if (!view) {
      const session = new TableSession(first.store, first.limits);
      session.setFindings(this.findings);
      view = { session, done: Promise.resolve() };
      this.views.set(id, view);
    }
    return view;
  }

  private async answer(message: TableQueryMessage): Promise<TableWorkerMessage> {
    const view = await this.viewOf(message.view);
    const { session } = view;
    switch (message.name) {
      case 'window': {
        await view.done;
        const { start, count, c0, c1 } = message.query;
        return { type: 'reply', id: message.id, value: await session.window(start, count, c0, c1) };
      }
      case 'view': {
        // A sort or filter covers the whole file: wait for the read to end; a newer view cancels this one.
        await this.table;
        view.abort?.abort();
        const abort = (view.abort = new AbortController());
        const { sort, filter } = message.query;
        const computed = view.done.catch(() => undefined).then(() => session.applyView(sort, filter, abort.signal));
        view.done = computed.catch(() => undefined);
        return { type: 'reply', id: message.id, value: await computed };
      }
      case 'locate':
        await view.done;
        return { type: 'reply', id: message.id, value: { index: session.locate(message.query.row) } };
      case 'copy': {
        await view.done;
        const { start, end, c0, c1 } = message.query;
        return { type: 'reply', id: message.id, value: await session.copy(start, end, c0, c1) };
      }
    }
  }

  private receive(message: TableRequest): void {
    switch (message.type) {
      case 'open':
        // One file per worker: it was opened with the first request.
        break;
      case 'findings':
        this.findings = message.findings;
        for (const view of this.views.values()) view.session.setFindings(this.findings);
        break;
      case 'close':
        this.views.get(message.view)?.abort?.abort();
        this.views.delete(message.view);
        break;
      case 'query':
        this.answer(message).then(
          (reply) => this.post(reply),
          (error: unknown) => this.post({ type: 'failed', id: message.id, message: errorText(error) }),
        );
        break;
    }
  }
}

/** Serves the table of `request.path` on `port` until the worker is terminated. */
export function serveTable(port: MessagePort, request: TableOpenRequest): void {
  new TableServer(port, request);
}
