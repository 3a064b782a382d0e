/**
 * The table grid: the grid view (grid-view.ts: a real <table> of the cells on screen, virtual in both
 * directions, rows kept while on screen) fed from the WindowCache. This module adds what the product needs on
 * top: row numbers of the file, three header rows (name and sort, type and missing share, a histogram or top
 * values), findings on cells, a cursor and a rectangular selection driven by mouse and keyboard, and the ARIA
 * grid's states.
 */
import type { CellMark, ColumnSummary, GridCell, GridColumn, RowWindow, SortSpec, TableFinding } from '../../src/shared/protocol/table';
import { WindowCache, type BlockRequest } from './window-cache';
import { BlockFetcher } from './block-fetcher';
import { GridView, HEADER_ROWS, type GridViewSource, type Viewport } from './grid-view';
import { mayReachMaxWidth, moveCursor, rowLabel, selectionRect, type CellPosition, type Rect } from './model';
import { messages } from './messages';

export interface GridHost {
  /** Asks the host for a block of rows; it answers with the rows or a failure, under the same request id. */
  fetch(requestId: number, request: BlockRequest): void;
  sort(column: number): void;
  copy(rect: Rect): void;
  /** The cursor, selection or scroll position changed (to persist). */
  moved(): void;
}

/** Rows fetched beyond the visible ones, above and below (a block and a half: the next block is asked for early). */
const PREFETCH_ROWS = 192;
const SEVERITY_CLASS = { error: 'sev-error', warning: 'sev-warning', information: 'sev-info', hint: 'sev-hint' } as const;
/** What was last written on each cell element's classes, title and ARIA states. */
const written = new WeakMap<Element, string>();
/** The classes the grid sets on cells. */
const CELL_CLASSES: readonly string[] = [...Object.values(SEVERITY_CLASS), 'clip', 'missing', 'na', 'rejected', 'selected', 'cursor'];

/** Sets the grid's classes of a cell to `classes` (space-separated). */
function setCellClasses(cell: Element, classes: string): void {
  const wanted = classes.split(' ');
  for (const name of CELL_CLASSES) cell.classList.toggle(name, wanted.includes(name));
}

function cellDisplay(cell: GridCell | undefined): string {
  if (cell === undefined || cell === null) return '';
  return typeof cell === 'string' ? cell : cell.text;
}

export class TableGrid implements GridViewSource {
  readonly view: GridView;
  readonly cache = new WindowCache();
  private readonly fetcher: BlockFetcher;
  columns: GridColumn[] = [];
  rows = 0;
  sort: SortSpec | null = null;
  findings: readonly TableFinding[] = [];
  cursor: CellPosition | null = null;
  anchor: CellPosition | null = null;
  private summaries: ColumnSummary[] = [];
  private readonly sparklines = new Map<number, HTMLElement>();
  private visible: Viewport = { x0: 0, x1: 0, y0: 0, y1: 0 };
  private started = false;
  private firstRowsPainted = false;
  /** A cell with data was decorated in this draw. */
  private painted = false;

  constructor(
    private readonly host: GridHost,
    label: string,
  ) {
    this.fetcher = new BlockFetcher((requestId, block) => host.fetch(requestId, block));
    this.view = new GridView(this);
    const element = this.view.element;
    element.setAttribute('aria-label', label);
    element.setAttribute('aria-multiselectable', 'true');
    element.addEventListener('mousedown', (event) => this.onMouseDown(event));
    element.addEventListener('keydown', (event) => this.onKeyDown(event));
    element.addEventListener('scroll', () => this.host.moved(), { passive: true });
    this.view.onResized = () => this.host.moved();
  }

  /** The grid element (role grid), scrolled and focused. */
  get element(): HTMLElement {
    return this.view.element;
  }

  get rowCount(): number {
    return this.rows;
  }

  get columnCount(): number {
    return this.columns.length;
  }

  /** First view row on screen. */
  get topRow(): number {
    return this.visible.y0;
  }

  /** Whether the grid is laid out on a visible page (not in a hidden or unloading editor, whose scroll reads 0). */
  get onScreen(): boolean {
    return document.visibilityState === 'visible' && this.element.isConnected && this.element.clientHeight > 0;
  }

  setColumns(columns: GridColumn[]): void {
    this.columns = columns;
    this.element.setAttribute('aria-colcount', String(columns.length + 1));
  }

  setRows(rows: number): void {
    this.rows = rows;
    this.element.setAttribute('aria-rowcount', String(rows + HEADER_ROWS));
    this.fetchVisible();
    this.redraw();
  }

  setSummaries(summaries: ColumnSummary[]): void {
    this.summaries = summaries;
    this.sparklines.clear();
    this.redraw();
  }

  /** The view changed: every cached row is stale (`first`: the new view's first block, already there). */
  invalidate(first?: RowWindow): void {
    this.cache.clear();
    this.fetcher.reset();
    if (first) this.seed(first);
    this.fetchVisible();
  }

  /** A block of rows arrived: drawn when it is on screen (a block fetched ahead waits for the scroll that shows it). */
  receive(requestId: number, window: RowWindow): void {
    const request = this.fetcher.settle(requestId);
    if (!request || !this.cache.put(request.key, window)) return;
    // The screen's blocks are all here: ask for those around them.
    this.fetchVisible();
    const { y0, y1, x0, x1 } = this.visible;
    const onScreen = request.start < y1 && request.start + request.count > y0 && request.c0 < x1 && request.c1 > x0;
    if (!this.started || onScreen) this.redraw();
  }

  /** The first rows, sent with the file's first rows: painted without a round trip. */
  seed(window: RowWindow): void {
    if (this.cache.seed(window, this.rows, this.columns.length)) this.redraw();
  }

  /** The host could not answer a request: its block may be asked for again (on the next draw). */
  failed(requestId: number): void {
    const request = this.fetcher.settle(requestId);
    if (request) this.cache.forget(request.key);
  }

  /** Draws every cell on screen again on the next frame (text is written only where it changed). */
  redraw(): void {
    if (this.columns.length === 0) return;
    this.view.requestDraw({ refill: true, headers: true });
  }

  /** The cursor or selection moved: the cells' marks again on the next frame. */
  private restyle(): void {
    if (this.columns.length === 0) return;
    this.view.requestDraw({ restyle: true });
  }

  /** Widths the user gave columns (saved with the webview's state). */
  saveColumnSizes(): Record<number, number> {
    return this.view.saveColumnSizes();
  }

  restoreColumnSizes(sizes: Record<number, number>): void {
    this.view.restoreColumnSizes(sizes);
  }

  /**
   * Asks for the blocks on screen; once they are all here, for those around them. A jump (dragging the scroll
   * bar) thus asks for what it shows, not for the rows around each place it passes; blocks still waiting for a
   * free request slot are wanted again only if this place needs them.
   */
  private fetchVisible(): void {
    for (const block of this.fetcher.takeQueued()) this.cache.forget(block.key);
    const { y0, y1, x0, x1 } = this.visible;
    const height = Math.max(y1 - y0, 40);
    const width = Math.max(x1 - x0, 16);
    const [columns, rows] = [this.columns.length, this.rows];
    const onScreen = this.cache.missing(y0, y0 + height, x0, x0 + width, rows, columns);
    const around = this.cache.holds(y0, Math.min(y0 + height, rows), x0, Math.min(x0 + width, columns)) ? this.cache.missing(y0 - PREFETCH_ROWS, y0 + height + PREFETCH_ROWS, x0, x0 + width, rows, columns) : [];
    this.fetcher.want([...onScreen, ...around]);
  }

  // ---------------------------------------------------------------- what the view shows (GridViewSource)

  bodyText(y: number, x: number): string {
    return cellDisplay(this.cache.cell(y, x));
  }

  rowHeaderText(y: number): string {
    const rowNumber = this.cache.rowNumber(y, this.visible.x0);
    return rowNumber === undefined ? '' : rowLabel(rowNumber + 1);
  }

  headerContent(x: number, level: number): string | HTMLElement {
    const cell = this.columnHeaders(x)[level];
    return cell ?? '';
  }

  drawn(viewport: Viewport): void {
    this.started = true;
    const moved = viewport.y0 !== this.visible.y0 || viewport.y1 !== this.visible.y1 || viewport.x0 !== this.visible.x0 || viewport.x1 !== this.visible.x1;
    this.visible = viewport;
    if (moved) this.fetchVisible();
    const active = this.cursor ? 'grid-cursor' : '';
    if (this.element.getAttribute('aria-activedescendant') !== active) this.element.setAttribute('aria-activedescendant', active);
    if (this.painted && !this.firstRowsPainted) {
      this.firstRowsPainted = true;
      // For benchmarks and tests: when the first rows reached the screen.
      document.body.dataset.firstRowsAt = String(Date.now());
    }
  }

  /** Header cells by column, built on first draw and again only when the columns, their summaries or the sort change. */
  private headerCells: { columns: GridColumn[]; summaries: ColumnSummary[]; sort: string; byColumn: (string | HTMLElement)[][] } | null = null;

  /** The header cells of column x. */
  private columnHeaders(x: number): (string | HTMLElement)[] {
    const sort = this.sort ? `${this.sort.column}${this.sort.direction}` : '';
    let built = this.headerCells;
    if (!built || built.columns !== this.columns || built.summaries !== this.summaries || built.sort !== sort) {
      built = this.headerCells = { columns: this.columns, summaries: this.summaries, sort, byColumn: [] };
    }
    return (built.byColumn[x] ??= this.headerCell(x));
  }

  private headerCell(x: number): (string | HTMLElement)[] {
    const column = this.columns[x];
    const summary = this.summaries[x];
    const arrow = this.sort?.column === x ? (this.sort.direction === 'asc' ? ' ▲' : ' ▼') : '';
    // The same sparkline element every draw: the view leaves a header cell holding it alone.
    const sparkline = this.sparkline(x) ?? '';
    return [`${column.name}${arrow}`, summary ? `${column.kind} · ${messages.missingShare(summary.missing)}` : column.kind, sparkline];
  }

  /** Rows one screen holds. */
  private page(): number {
    return Math.max(1, Math.floor(this.visible.y1 - this.visible.y0) - 1);
  }

  private findingTitle(marks: readonly CellMark[]): string {
    return marks.map((m) => `${this.findings[m.finding]?.rule ?? ''}: ${this.findings[m.finding]?.message ?? ''}`).join('\n');
  }

  decorateBody(cell: HTMLTableCellElement, y: number, x: number): void {
    const rect = this.cursor && this.anchor ? selectionRect(this.anchor, this.cursor) : null;
    const value = this.cache.cell(y, x);
    this.painted ||= value !== undefined;
    const marks = this.cache.marks(y, x);
    let classes = marks.length ? SEVERITY_CLASS[marks[0].severity] : '';
    if (mayReachMaxWidth(cellDisplay(value))) classes += ' clip';
    if (value === null) classes += ' missing';
    else if (value && typeof value === 'object') classes += value.note === 'na' ? ' na' : ' rejected';
    const selected = rect !== null && y >= rect.rows[0] && y < rect.rows[1] && x >= rect.columns[0] && x < rect.columns[1];
    if (selected) classes += ' selected';
    const isCursor = this.cursor?.row === y && this.cursor.column === x;
    if (isCursor) classes += ' cursor';
    const title = marks.length
      ? this.findingTitle(marks)
      : value === null
        ? messages.missingCell
        : value && typeof value === 'object'
          ? value.note === 'na'
            ? messages.naCell(value.text)
            : messages.rejectedCell(value.text)
          : '';
    // Cells are reused: write only what changed since this element was last decorated.
    const signature = `${x}|${classes}|${selected}|${title}`;
    if (written.get(cell) === signature) return;
    written.set(cell, signature);
    setCellClasses(cell, classes);
    cell.setAttribute('aria-colindex', String(x + 2));
    cell.setAttribute('aria-selected', String(selected));
    if (isCursor) cell.id = 'grid-cursor';
    else if (cell.id) cell.removeAttribute('id');
    if (title) cell.title = title;
    else if (cell.hasAttribute('title')) cell.removeAttribute('title');
  }

  decorateRowHeader(cell: HTMLTableCellElement, y: number): void {
    const marks = this.cache.marks(y, -1, this.visible.x0);
    const title = marks.length ? this.findingTitle(marks) : '';
    const signature = `r|${y}|${title}`;
    if (written.get(cell) === signature) return;
    written.set(cell, signature);
    setCellClasses(cell, marks.length ? SEVERITY_CLASS[marks[0].severity] : '');
    if (title) cell.title = title;
    else if (cell.hasAttribute('title')) cell.removeAttribute('title');
  }

  decorateColumnHeader(cell: HTMLTableCellElement, x: number, level: number): void {
    const isCursor = this.cursor?.row === -1 && this.cursor.column === x && level === 0;
    const sorted = this.sort?.column === x ? this.sort.direction : null;
    const signature = `h|${x}|${level}|${isCursor}|${sorted}|${this.columns[x]?.name}`;
    if (written.get(cell) === signature) return;
    written.set(cell, signature);
    cell.setAttribute('aria-colindex', String(x + 2));
    cell.classList.toggle('cursor', isCursor);
    if (isCursor) cell.id = 'grid-cursor';
    else if (cell.id === 'grid-cursor') cell.removeAttribute('id');
    if (level === 0) {
      cell.setAttribute('aria-sort', sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none');
      cell.title = `${this.columns[x]?.name ?? ''} (${this.columns[x]?.arrowType ?? ''})\n${sorted ? messages.sortState[sorted] : messages.sortHint}`;
      cell.classList.add('sortable');
    }
  }

  /** A small histogram (numbers, dates) or stacked top-values bar (text) for a column header. */
  private sparkline(x: number): HTMLElement | undefined {
    const cached = this.sparklines.get(x);
    if (cached) return cached;
    const summary = this.summaries[x];
    if (!summary) return undefined;
    const box = document.createElement('div');
    box.className = 'sparkline';
    if (summary.histogram) {
      const max = Math.max(1, ...summary.histogram.counts);
      for (const count of summary.histogram.counts) {
        const bar = document.createElement('span');
        bar.className = 'bar';
        bar.style.height = `${Math.max(count > 0 ? 8 : 0, (100 * count) / max)}%`;
        box.append(bar);
      }
      box.title = messages.histogram(summary.histogram.from, summary.histogram.to);
    } else if (summary.topValues) {
      box.classList.add('top-values');
      summary.topValues.forEach((t, i) => {
        const part = document.createElement('span');
        part.className = `part part-${i}`;
        part.style.width = `${100 * t.share}%`;
        box.append(part);
      });
      box.title = messages.topValues(summary.topValues);
    }
    this.sparklines.set(x, box);
    return box;
  }

  private onMouseDown(event: MouseEvent): void {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.classList.contains('column-resize')) return;
    const cell = target.closest('td, th');
    const place = cell ? this.view.placeOf(cell) : undefined;
    if (!place) return;
    if (place.type === 'columnHeader') {
      this.cursor = this.anchor = { row: -1, column: place.x };
      if (place.level === 0) this.host.sort(place.x);
    } else if (place.type === 'body') {
      const position = { row: place.y, column: place.x };
      if (!event.shiftKey || !this.anchor || this.anchor.row < 0) this.anchor = position;
      this.cursor = position;
    } else return;
    this.restyle();
    this.host.moved();
  }

  private onKeyDown(event: KeyboardEvent): void {
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && event.key.toLowerCase() === 'c') {
      const rect = this.selection();
      if (rect) {
        event.preventDefault();
        this.host.copy(rect);
      }
      return;
    }
    if (ctrl && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      this.anchor = { row: 0, column: 0 };
      this.cursor = { row: Math.max(0, this.rows - 1), column: Math.max(0, this.columns.length - 1) };
      this.restyle();
      return;
    }
    const cursor = this.cursor ?? { row: 0, column: 0 };
    if ((event.key === 'Enter' || event.key === ' ') && cursor.row === -1) {
      event.preventDefault();
      this.host.sort(cursor.column);
      return;
    }
    const moved = moveCursor(cursor, event.key, ctrl, this.page(), this.rows, this.columns.length);
    if (!moved) return;
    event.preventDefault();
    if (!event.shiftKey || !this.anchor) this.anchor = moved;
    this.cursor = moved;
    this.ensureVisible(moved);
    this.restyle();
    this.host.moved();
  }

  /** The selected rectangle of body cells (the header row is not part of a selection). */
  selection(): Rect | null {
    if (!this.cursor || !this.anchor || this.cursor.row < 0) return null;
    return selectionRect({ row: Math.max(0, this.anchor.row), column: this.anchor.column }, this.cursor);
  }

  /** Scrolls so view row `row` is the first row on screen (the scroll height is mapped, not one pixel per row). */
  scrollToRow(row: number): void {
    this.view.scrollToRow(row);
  }

  /** Scrolls just enough for a cell to be on screen. */
  ensureVisible(position: CellPosition): void {
    const { y0, y1, x0, x1 } = this.visible;
    if (position.row >= 0) {
      const last = y1 - 2;
      if (position.row < y0) this.scrollToRow(position.row);
      else if (position.row > last) this.scrollToRow(position.row - (last - y0));
    }
    if (position.column < x0 || position.column >= x1 - 1) this.view.scrollToColumn(position.column);
  }

  /** Back to a saved scroll position and cursor (after hide/restore or a reload), once drawn at the right height. */
  restore(topRow: number, cursor: CellPosition | null): Promise<void> {
    this.cursor = this.anchor = cursor;
    this.view.drawNow();
    this.scrollToRow(topRow);
    this.redraw();
    return Promise.resolve();
  }

  /** Puts the cursor on a cell and shows it a few rows below the top. */
  reveal(position: CellPosition): Promise<void> {
    this.cursor = this.anchor = position;
    // Drawn first, so the scroll height reflects the row count.
    this.view.drawNow();
    this.scrollToRow(Math.max(0, position.row - 2));
    this.view.scrollToColumn(position.column);
    this.element.focus();
    this.redraw();
    this.host.moved();
    return Promise.resolve();
  }
}
