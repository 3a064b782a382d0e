/**
 * Worker-thread entry point of the table editor: opens one data file as a table session (core/table-session)
 * and answers row windows, views, positions and copies for as long as the editor is open. The extension
 * host never holds the table; it terminates the worker when the editor's document closes.
 */
import { parentPort } from 'node:worker_threads';
import { openTable, type OpenedTable } from '../core/table-session/open';
import { TableSession } from '../core/table-session/session';
import type { GridFinding } from '../core/table-session/types';
import type { TableQueryMessage, TableRequest, TableWorkerMessage } from './table-protocol';
import { GRID_BLOCK } from '../shared/protocol/table';

const port = parentPort;
if (!port) throw new Error('table-worker must run in a worker thread');

const post = (message: TableWorkerMessage) => port.postMessage(message);
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

let findings: readonly GridFinding[] = [];
let resolveSession: (session: TableSession) => void = () => undefined;
let rejectSession: (error: unknown) => void = () => undefined;
const sessionReady = new Promise<TableSession>((resolve, reject) => {
  resolveSession = resolve;
  rejectSession = reject;
});
let table: Promise<OpenedTable> | undefined;
sessionReady.catch(() => undefined);

/** One view (sort, filter) of the table per editor showing it; all share the rows and the findings. */
interface View {
  session: TableSession;
  /** The view being computed: windows wait for it, so they never mix two views. */
  done: Promise<unknown>;
  abort?: AbortController;
}
const views = new Map<number, View>();

async function viewOf(id: number): Promise<View> {
  const first = await sessionReady;
  let view = views.get(id);
  if (!view) {
    const session = new TableSession(first.store, first.limits);
    session.setFindings(findings);
    view = { session, done: Promise.resolve() };
    views.set(id, view);
  }
  return view;
}

function open(path: string, read: Extract<TableRequest, { type: 'open' }>['read']): void {
  let lastProgress = 0;
  table = openTable(path, {
    ...read,
    onFirstRows: (session, first) => {
      session.setFindings(findings);
      resolveSession(session);
      // The first block goes out now: a CSV's complete read, next, keeps this thread busy for a while.
      void session.window(0, GRID_BLOCK.rows, 0, GRID_BLOCK.columns).then((firstRows) => post({ type: 'opened', opened: { ...first, rows: session.store.rowCount, firstRows } }));
    },
    onProgress: (p) => {
      const now = Date.now();
      if (now - lastProgress < 100 && p.bytesRead < p.totalBytes) return;
      lastProgress = now;
      post({ type: 'progress', ...p });
    },
  });
  table.then(
    async (opened) => {
      post({ type: 'loaded', loaded: { rows: opened.session.store.rowCount, columns: opened.session.store.columns, dialect: opened.dialect, readMs: opened.readMs } });
      post({ type: 'profile', profile: await opened.profile() });
    },
    (error: unknown) => {
      rejectSession(error);
      post({ type: 'error', message: errorText(error) });
    },
  );
}

async function answer(message: TableQueryMessage): Promise<TableWorkerMessage> {
  const view = await viewOf(message.view);
  const { session } = view;
  switch (message.name) {
    case 'window': {
      await view.done;
      const { start, count, c0, c1 } = message.query;
      return { type: 'reply', id: message.id, value: await session.window(start, count, c0, c1) };
    }
    case 'view': {
      // A sort or filter covers the whole file: wait for the read to end; a newer view cancels this one.
      await table;
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

port.on('message', (message: TableRequest) => {
  switch (message.type) {
    case 'open':
      if (!table) open(message.path, message.read);
      break;
    case 'findings':
      findings = message.findings;
      for (const view of views.values()) view.session.setFindings(findings);
      break;
    case 'close':
      views.get(message.view)?.abort?.abort();
      views.delete(message.view);
      break;
    case 'query':
      answer(message).then(post, (error: unknown) => post({ type: 'failed', id: message.id, message: errorText(error) }));
      break;
  }
});
