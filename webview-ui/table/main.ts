/**
 * The table editor's webview: a toolbar (rows shown, reading progress, filter, findings toggle, check,
 * open as text), the grid, the findings list beside it and a status line. Rows come from the host in
 * windows of the current view; the view, scroll position, cursor and column widths survive hide/restore
 * and window reloads (webview state).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { html, nothing, render } from 'lit';
import type { ColumnSummary, GridColumn, SortSpec, TableFinding, TableHostMessage, TableInit, TableWebviewMessage, ViewInfo } from '../../src/shared/protocol/table';
import { connectToHost } from '../shared/vscode-api';
import { TableGrid } from './grid';
import { EMPTY_FORM, filterFromForm, nextSort, operatorsFor, rowsOf, viewLine, type CellPosition, type FilterForm, type FilterOperator } from './model';
import { messages } from './messages';
import { tableStyles } from './styles';

interface PersistedState {
  sort: SortSpec | null;
  form: FilterForm;
  topRow: number;
  cursor: CellPosition | null;
  columnWidths: Record<number, number>;
  findingsOpen: boolean;
}

const host = connectToHost<TableWebviewMessage, TableHostMessage, PersistedState>();
const restored = host.getState();
const persisted: PersistedState = restored ?? { sort: null, form: EMPTY_FORM, topRow: 0, cursor: null, columnWidths: {}, findingsOpen: true };

const ui = {
  init: null as TableInit | null,
  totalRows: 0,
  complete: false,
  readShare: 0,
  view: null as ViewInfo | null,
  busy: null as string | null,
  findings: null as TableFinding[] | null,
  findingsTotal: 0,
  status: '',
  error: '',
};

document.adoptedStyleSheets = [...document.adoptedStyleSheets, tableStyles.styleSheet as CSSStyleSheet];
const app = document.getElementById('app') as HTMLElement;

// ------------------------------------------------------------------ requests to the host

let nextLocateRequest = 1;
let viewRequest = 0;
const locateRequests = new Map<number, (index: number) => void>();
/** Waiting for a view reply (windows keep coming for the old one until then). */
let viewSettled: Promise<void> = Promise.resolve();
let settleView: () => void = () => undefined;

const grid = new TableGrid(
  {
    fetch(requestId, block) {
      host.post({ type: 'window', requestId, start: block.start, count: block.count, c0: block.c0, c1: block.c1 });
    },
    sort(column) {
      persisted.sort = nextSort(persisted.sort, column);
      applyView();
    },
    copy(rect) {
      host.post({ type: 'copy', start: rect.rows[0], end: rect.rows[1], c0: rect.columns[0], c1: rect.columns[1] });
    },
    moved: () => persistSoon(),
  },
  messages.gridLabel(''),
);

let persistTimer: ReturnType<typeof setTimeout> | undefined;
function persistSoon(): void {
  clearTimeout(persistTimer);
  persistTimer = setTimeout(persist, 200);
}

/** Until the saved scroll position and cursor are back on screen, the saved ones are what to keep. */
let restorePending = restored !== undefined;

/**
 * Saves the view, scroll position, cursor and column widths. The grid's own position counts only while it is
 * on screen and restored: a hidden or unloading editor, or one still reading its file after a reload, shows
 * row 0, and saving that would bring the grid back at the top.
 */
function persist(): void {
  if (grid.onScreen && !restorePending) {
    persisted.topRow = grid.topRow;
    persisted.cursor = grid.cursor;
    persisted.columnWidths = grid.saveColumnSizes();
  }
  host.setState(persisted);
}
window.addEventListener('pagehide', persist);

/** Asks the worker for the view the toolbar describes; windows of the new view are asked for once it is there. */
function applyView(): Promise<void> {
  const filter = filterFromForm(persisted.form);
  const requestId = ++viewRequest;
  ui.busy = filter ? messages.filtering : persisted.sort ? messages.sorting : null;
  viewSettled = new Promise((resolve) => (settleView = resolve));
  host.post({ type: 'view', requestId, sort: persisted.sort, filter });
  host.setState(persisted);
  update();
  return viewSettled;
}

function locate(row: number): Promise<number> {
  const requestId = nextLocateRequest++;
  return new Promise((resolve) => {
    locateRequests.set(requestId, resolve);
    host.post({ type: 'locate', requestId, row });
  });
}

let markInitialized: () => void = () => undefined;
/** Resolves once the first rows are known (a reveal may arrive before them). */
const initialized = new Promise<void>((resolve) => (markInitialized = resolve));

/** Shows file row `row` (and a column): clears a filter that hides it. */
async function goTo(row: number, column: number | null): Promise<void> {
  await initialized;
  await viewSettled;
  let index = await locate(row);
  if (index < 0 && (filterFromForm(persisted.form) || persisted.sort)) {
    // Hidden by the filter (or beyond the rows a sort of a paged file keeps): back to the whole file.
    persisted.form = { ...EMPTY_FORM };
    if (ui.init?.paged) persisted.sort = null;
    await applyView();
    ui.status = messages.notInView;
    index = await locate(row);
  }
  if (index >= 0) await grid.reveal({ row: index, column: column ?? grid.cursor?.column ?? 0 });
  update();
}

// ------------------------------------------------------------------ messages from the host

function setColumns(columns: GridColumn[]): void {
  grid.setColumns(columns);
  if (ui.init) ui.init = { ...ui.init, columns };
}

function showRows(rows: number): void {
  grid.setRows(rows);
  update();
}

function onInit(init: TableInit): void {
  const first = ui.init === null;
  if (!first) {
    // The file changed and is read again: rows, view and first rows start over.
    ui.view = null;
    viewRestored = false;
    restorePending = restored !== undefined;
    grid.invalidate();
  }
  ui.init = init;
  ui.totalRows = init.rows;
  ui.complete = init.complete;
  grid.element.setAttribute('aria-label', messages.gridLabel(init.fileName));
  setColumns(init.columns);
  grid.sort = persisted.sort;
  if (first && restored) grid.restoreColumnSizes(persisted.columnWidths);
  showRows(init.rows);
  grid.seed(init.firstRows);
  markInitialized();
  if (init.complete) whenLoaded();
}

/** Every row is read: the saved view comes back; benchmarks and tests see when (data-loaded-at). */
function whenLoaded(): void {
  document.body.dataset.loadedAt ??= String(Date.now());
  restoreView();
}

let viewRestored = false;
/** After a reload: the sort and filter the webview had, then its scroll position and cursor. */
function restoreView(): void {
  if (viewRestored) return;
  viewRestored = true;
  const scroll = async () => {
    if (restored) await grid.restore(persisted.topRow, persisted.cursor);
    restorePending = false;
  };
  // Also without a sort or filter: the worker may still have the view of this webview before a reload.
  void applyView().then(scroll);
}

host.onMessage((message) => {
  switch (message.type) {
    case 'init':
      onInit(message.init);
      break;
    case 'progress':
      ui.totalRows = message.rows;
      ui.readShare = message.totalBytes > 0 ? message.bytesRead / message.totalBytes : 0;
      if (!ui.view) showRows(message.rows);
      else update();
      break;
    case 'loaded':
      ui.totalRows = message.rows;
      ui.complete = true;
      setColumns(message.columns);
      showRows(ui.view ? ui.view.rows : message.rows);
      // Blocks are asked for again (a CSV preview's rows become the whole read's, with its column types); the
      // first block comes with the message, so the top of the file stays on screen.
      grid.invalidate(ui.view ? undefined : message.firstRows);
      whenLoaded();
      break;
    case 'summaries':
      grid.setSummaries(message.summaries satisfies ColumnSummary[]);
      document.body.dataset.summariesAt = String(Date.now());
      break;
    case 'window':
      grid.receive(message.requestId, message.window);
      break;
    case 'windowFailed':
      grid.failed(message.requestId);
      ui.status = message.message;
      update();
      break;
    case 'view': {
      if (message.requestId !== viewRequest) break;
      const view = message.info.sort || message.info.filter ? message.info : null;
      ui.busy = null;
      // The whole file again (as after a reload without a sort or filter): the rows on screen stay.
      if (view || ui.view) {
        grid.sort = message.info.sort;
        grid.invalidate();
      }
      ui.view = view;
      showRows(message.info.rows);
      settleView();
      break;
    }
    case 'viewFailed':
      if (message.requestId !== viewRequest) break;
      ui.busy = null;
      ui.status = message.message;
      settleView();
      update();
      break;
    case 'findings':
      ui.findings = message.findings;
      ui.findingsTotal = message.total;
      grid.findings = message.findings ?? [];
      // Marks come with the windows: ask again; a findings-only filter changes with the findings.
      if (persisted.form.onlyFindings) void applyView();
      else grid.invalidate();
      grid.redraw();
      update();
      break;
    case 'reveal':
      void goTo(message.row, message.column);
      break;
    case 'located':
      locateRequests.get(message.requestId)?.(message.index);
      locateRequests.delete(message.requestId);
      break;
    case 'status':
      ui.status = message.message;
      update();
      break;
    case 'error':
      ui.error = messages.openFailed(message.message);
      update();
      break;
  }
});

// ------------------------------------------------------------------ rendering

let filterTimer: ReturnType<typeof setTimeout> | undefined;
function setForm(change: Partial<FilterForm>, debounce = false): void {
  persisted.form = { ...persisted.form, ...change };
  if (!operatorsFor(persisted.form.column).includes(persisted.form.operator)) persisted.form.operator = 'contains';
  clearTimeout(filterTimer);
  if (debounce) filterTimer = setTimeout(() => void applyView(), 300);
  else void applyView();
}

function findingsPanel() {
  const findings = ui.findings;
  const choose = (f: TableFinding) => void (f.row !== null ? goTo(f.row, f.column) : f.column !== null ? grid.reveal({ row: grid.topRow, column: f.column }) : undefined);
  return html`<aside class="findings-panel" aria-label=${messages.findingsLabel}>
    ${findings === null
      ? html`<p class="muted">${messages.notChecked}</p>`
      : findings.length === 0
        ? html`<p class="muted">${messages.noFindings}</p>`
        : html`${ui.findingsTotal > findings.length ? html`<p class="muted">${messages.moreFindings(findings.length, ui.findingsTotal)}</p>` : nothing}
            <ol>
              ${findings.map(
                (f) =>
                  html`<li
                    class=${f.severity}
                    role="button"
                    tabindex="0"
                    @click=${() => choose(f)}
                    @keydown=${(e: KeyboardEvent) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        choose(f);
                      }
                    }}
                  >
                    <span class="rule">${f.rule}</span><span class="where">${messages.findingWhere(f.row, f.columnName)}</span>
                    <div>${f.message}</div>
                  </li>`,
              )}
            </ol>`}
  </aside>`;
}

function toolbar() {
  const init = ui.init;
  const form = persisted.form;
  const columns = init?.columns ?? [];
  const line = ui.view ? viewLine(ui.view, messages.viewLineWords) : rowsOf(messages.viewLineWords, ui.totalRows, ui.totalRows);
  const needsValue = form.operator !== 'missing' && form.operator !== 'present';
  return html`<header class="toolbar">
    <span class="title">${init?.fileName ?? ''}</span>
    <span class="count" aria-live="polite">${line}</span>
    ${!ui.complete && init ? html`<span class="busy">${messages.reading(ui.totalRows, ui.readShare)}</span>` : nothing}
    ${init?.paged ? html`<span class="busy">${messages.paged}</span>` : nothing}
    ${ui.busy ? html`<span class="busy">${ui.busy}</span>` : nothing}
    <span class="spacer"></span>
    <select
      aria-label=${messages.filterColumn}
      .value=${String(form.column)}
      @change=${(e: Event) => {
        const value = (e.target as HTMLSelectElement).value;
        setForm({ column: value === 'all' ? 'all' : Number(value) });
      }}
    >
      <option value="all" ?selected=${form.column === 'all'}>${messages.allColumns}</option>
      ${columns.map((c, i) => html`<option value=${String(i)} ?selected=${form.column === i}>${c.name}</option>`)}
    </select>
    <select aria-label=${messages.filterOperator} @change=${(e: Event) => setForm({ operator: (e.target as HTMLSelectElement).value as FilterOperator })}>
      ${operatorsFor(form.column).map((op) => html`<option value=${op} ?selected=${form.operator === op}>${messages.operators[op]}</option>`)}
    </select>
    ${needsValue
      ? html`<input
          type="search"
          aria-label=${messages.filterValue}
          placeholder=${messages.filterPlaceholder}
          .value=${form.value}
          @input=${(e: Event) => setForm({ value: (e.target as HTMLInputElement).value }, true)}
        />`
      : nothing}
    <label><input type="checkbox" .checked=${form.onlyFindings} @change=${(e: Event) => setForm({ onlyFindings: (e.target as HTMLInputElement).checked })} />${messages.onlyFindings}</label>
    <vscode-button secondary @click=${() => host.post({ type: 'check' })}>${messages.check}</vscode-button>
    <vscode-button secondary @click=${() => host.post({ type: 'openText' })}>${messages.openText}</vscode-button>
    <vscode-button
      secondary
      aria-pressed=${String(persisted.findingsOpen)}
      @click=${() => {
        persisted.findingsOpen = !persisted.findingsOpen;
        host.setState(persisted);
        update();
      }}
      >${messages.findings(ui.findingsTotal)}</vscode-button
    >
  </header>`;
}

function update(): void {
  render(
    html`${toolbar()}
      <div class="body">
        <div class="grid-box">${grid.element}</div>
        ${persisted.findingsOpen ? findingsPanel() : nothing}
      </div>
      <footer class="status" role="status">${ui.error ? html`<span class="error">${ui.error}</span>` : ui.status}</footer>`,
    app,
  );
  app.setAttribute('aria-busy', String(!ui.init));
}

update();
// For benchmarks: when the page could take rows (VS Code's webview loading ends here).
document.body.dataset.readyAt = String(Date.now());
host.post({ type: 'ready' });
