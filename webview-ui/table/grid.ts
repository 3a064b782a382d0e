/**
 * The grid: a `<regular-table>` (finos/regular-table: a real <table> rendered for the visible cells only,
 * virtual in both directions, with a scroll height capped and mapped so millions of rows scroll end to end)
 * fed from the WindowCache. This module adds what the product needs on top: row numbers of the file, three
 * header rows (name and sort, type and missing share, a histogram or top values), findings on cells,
 * a cursor and a rectangular selection driven by mouse and keyboard, and ARIA grid roles.
 */
import 'regular-table';
import type { RegularTableElement } from 'regular-table';
import type { CellMark, ColumnSummary, GridCell, GridColumn, RowWindow, SortSpec, TableFinding } from '../../src/shared/protocol/table';
import { WindowCache, type BlockRequest } from './window-cache';
import { BlockFetcher } from './block-fetcher';
import { registerOffsetProperties } from './offset-properties';
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

/** Header rows: name, type and missing share, histogram. */
const HEADER_ROWS = 3;
/** Rows fetched beyond the visible ones, above and below (a block and a half: the next block is asked for early). */
const PREFETCH_ROWS = 192;
const SEVERITY_CLASS = { error: 'sev-error', warning: 'sev-warning', information: 'sev-info', hint: 'sev-hint' } as const;
/** What the style listener last wrote on each cell element. */
const written = new WeakMap<Element, string>();
/** The classes the style listener sets on cells; regular-table's own (rt-cell-clip, rt-col-N column tags) stay. */
const CELL_CLASSES: readonly string[] = [...Object.values(SEVERITY_CLASS), 'clip', 'missing', 'na', 'rejected', 'selected', 'cursor'];

/** Sets the listener's classes of a cell to `classes` (space-separated), leaving regular-table's alone. */
function setCellClasses(cell: Element, classes: string): void {
  const wanted = classes.split(' ');
  for (const name of CELL_CLASSES) cell.classList.toggle(name, wanted.includes(name));
}

function cellDisplay(cell: GridCell | undefined): string {
  if (cell === undefined || cell === null) return '';
  return typeof cell === 'string' ? cell : cell.text;
}

export class TableGrid {
  readonly element: RegularTableElement;
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
  private visible = { x0: 0, x1: 0, y0: 0, y1: 0 };
  private drawQueued = false;
  private queuedPreserveWidth = false;
  private started = false;
  private firstRowsPainted = false;

  constructor(
    private readonly host: GridHost,
    label: string,
  ) {
    this.fetcher = new BlockFetcher((requestId, block) => host.fetch(requestId, block));
    registerOffsetProperties();
    const table = document.createElement('regular-table');
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-label', label);
    table.setAttribute('aria-multiselectable', 'true');
    table.setDataListener((x0, y0, x1, y1) => this.data(x0, y0, x1, y1), { virtual_mode: 'both' });
    table.addStyleListener(() => this.style());
    table.addEventListener('mousedown', (event) => this.onMouseDown(event));
    table.addEventListener('keydown', (event) => this.onKeyDown(event));
    table.addEventListener('scroll', () => this.host.moved(), { passive: true });
    this.element = table;
  }

  /** First view row on screen. */
  get topRow(): number {
    return Math.floor(this.visible.y0);
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
    if (!this.started) this.redraw();
    // New values in cells already laid out: keep the column widths (no measuring pass).
    else if (onScreen) this.redraw(true);
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

  /** Draws on the next frame (coalesced; `preserveWidth` only if every draw asked for it skips column sizing). */
  redraw(preserveWidth = false): void {
    this.queuedPreserveWidth = this.drawQueued ? this.queuedPreserveWidth && preserveWidth : preserveWidth;
    if (this.drawQueued || this.columns.length === 0) return;
    this.drawQueued = true;
    requestAnimationFrame(() => {
      this.drawQueued = false;
      this.started = true;
      void this.element.draw({ preserve_width: this.queuedPreserveWidth });
    });
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

  private data(x0: number, y0: number, x1: number, y1: number) {
    const lastColumn = Math.min(x1, this.columns.length);
    const lastRow = Math.min(y1, this.rows);
    // Before each draw regular-table asks for the empty window (0, 0, 0, 0), for the table's size only; a draw
    // whose rows did not change asks for nothing more. So that window is not the place on screen: taking it for
    // one left the grid thinking it showed row 0 (blocks arriving for the real place were not drawn, the rows
    // around row 0 were asked for, and the saved scroll position could read 0).
    if (x1 > x0 && y1 > y0) {
      this.visible = { x0, x1: lastColumn, y0, y1: lastRow };
      this.fetchVisible();
    }
    const data: string[][] = [];
    for (let x = x0; x < lastColumn; x++) {
      const column: string[] = [];
      for (let y = y0; y < lastRow; y++) column.push(cellDisplay(this.cache.cell(y, x)));
      data.push(column);
    }
    const row_headers: string[][] = [];
    for (let y = y0; y < lastRow; y++) {
      const rowNumber = this.cache.rowNumber(y, x0);
      row_headers.push([rowNumber === undefined ? '' : rowLabel(rowNumber + 1)]);
    }
    const column_headers = this.columnHeaders(x0, lastColumn);
    // No header merging: regular-table's default joins neighbouring header cells of equal text into one
    // (two columns both "integer · 0% missing", or rows whose numbers have not arrived yet).
    return Promise.resolve({ num_rows: this.rows, num_columns: this.columns.length, data, row_headers, column_headers, num_row_headers: 1, merge_headers: 'column' as const, column_header_merge_depth: 0 });
  }

  /** Header cells by column, built on first draw and again only when the columns, their summaries or the sort change. */
  private headerCells: { columns: GridColumn[]; summaries: ColumnSummary[]; sort: string; byColumn: string[][] } | null = null;

  /** The header cells of columns [x0, x1). */
  private columnHeaders(x0: number, x1: number): string[][] {
    const sort = this.sort ? `${this.sort.column}${this.sort.direction}` : '';
    let built = this.headerCells;
    if (!built || built.columns !== this.columns || built.summaries !== this.summaries || built.sort !== sort) {
      built = this.headerCells = { columns: this.columns, summaries: this.summaries, sort, byColumn: [] };
    }
    const headers: string[][] = [];
    for (let x = x0; x < x1; x++) headers.push((built.byColumn[x] ??= this.headerCell(x)));
    return headers;
  }

  private headerCell(x: number): string[] {
    const column = this.columns[x];
    const summary = this.summaries[x];
    const arrow = this.sort?.column === x ? (this.sort.direction === 'asc' ? ' ▲' : ' ▼') : '';
    // The same sparkline element every draw, so regular-table leaves its header cell (and resize handle) alone.
    // regular-table draws an HTMLElement header as it is (thead.ts), though its DataResponse type says strings only.
    const sparkline = (this.sparkline(x) ?? '') as unknown as string;
    return [`${column.name}${arrow}`, summary ? `${column.kind} · ${messages.missingShare(summary.missing)}` : column.kind, sparkline];
  }

  /** Rows one screen holds. */
  private page(): number {
    return Math.max(1, Math.floor(this.visible.y1 - this.visible.y0) - 1);
  }

  private findingTitle(marks: readonly CellMark[]): string {
    return marks.map((m) => `${this.findings[m.finding]?.rule ?? ''}: ${this.findings[m.finding]?.message ?? ''}`).join('\n');
  }

  private style(): void {
    const table = this.element;
    const rect = this.cursor && this.anchor ? selectionRect(this.anchor, this.cursor) : null;
    let painted = false;
    for (const tr of table.getElementsByTagName('tr')) if (!tr.hasAttribute('role')) tr.setAttribute('role', 'row');
    for (const cell of table.querySelectorAll<HTMLTableCellElement>('td, th')) {
      const meta = table.getMeta(cell);
      if (!meta) continue;
      if (meta.type === 'body') {
        const { x, y } = meta;
        const value = this.cache.cell(y, x);
        painted ||= value !== undefined;
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
        // regular-table reuses its cells: write only what changed since this element was last styled.
        const signature = `${x}|${classes}|${selected}|${title}`;
        if (written.get(cell) === signature) continue;
        written.set(cell, signature);
        setCellClasses(cell, classes);
        if (!cell.hasAttribute('role')) cell.setAttribute('role', 'gridcell');
        cell.setAttribute('aria-colindex', String(x + 2));
        cell.setAttribute('aria-selected', String(selected));
        if (isCursor) cell.id = 'grid-cursor';
        else if (cell.id) cell.removeAttribute('id');
        if (title) cell.title = title;
        else if (cell.hasAttribute('title')) cell.removeAttribute('title');
      } else if (meta.type === 'row_header') {
        const marks = this.cache.marks(meta.y, -1, this.visible.x0);
        const title = marks.length ? this.findingTitle(marks) : '';
        const signature = `r|${meta.y}|${title}`;
        if (written.get(cell) === signature) continue;
        written.set(cell, signature);
        setCellClasses(cell, marks.length ? SEVERITY_CLASS[marks[0].severity] : '');
        if (!cell.hasAttribute('role')) cell.setAttribute('role', 'rowheader');
        if (title) cell.title = title;
        else if (cell.hasAttribute('title')) cell.removeAttribute('title');
        cell.parentElement?.setAttribute('aria-rowindex', String(meta.y + HEADER_ROWS + 1));
      } else if (meta.type === 'column_header') {
        const level = meta.column_header_y;
        const x = meta.x;
        const isCursor = this.cursor?.row === -1 && this.cursor.column === x && level === 0;
        const sorted = this.sort?.column === x ? this.sort.direction : null;
        const signature = `h|${x}|${level}|${isCursor}|${sorted}|${this.columns[x]?.name}`;
        if (written.get(cell) === signature) continue;
        written.set(cell, signature);
        if (!cell.hasAttribute('role')) cell.setAttribute('role', 'columnheader');
        cell.setAttribute('aria-colindex', String(x + 2));
        cell.parentElement?.setAttribute('aria-rowindex', String(level + 1));
        cell.classList.toggle('cursor', isCursor);
        if (isCursor) cell.id = 'grid-cursor';
        else if (cell.id === 'grid-cursor') cell.removeAttribute('id');
        if (level === 0) {
          cell.setAttribute('aria-sort', sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none');
          cell.title = `${this.columns[x]?.name ?? ''} (${this.columns[x]?.arrowType ?? ''})\n${sorted ? messages.sortState[sorted] : messages.sortHint}`;
          cell.classList.add('sortable');
        }
      } else if (!cell.hasAttribute('role')) {
        cell.setAttribute('role', 'columnheader');
        if (meta.column_header_y === 0) cell.textContent = '#';
      }
    }
    const active = this.cursor ? 'grid-cursor' : '';
    if (table.getAttribute('aria-activedescendant') !== active) table.setAttribute('aria-activedescendant', active);
    if (painted && !this.firstRowsPainted) {
      this.firstRowsPainted = true;
      // For benchmarks and tests: when the first rows reached the screen.
      document.body.dataset.firstRowsAt = String(Date.now());
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
    const target = event.target as HTMLElement;
    if (target.classList.contains('rt-column-resize')) return;
    const cell = target.closest('td, th');
    if (!(cell instanceof HTMLTableCellElement)) return;
    const meta = this.element.getMeta(cell);
    if (!meta) return;
    if (meta.type === 'column_header') {
      this.cursor = this.anchor = { row: -1, column: meta.x };
      if (meta.column_header_y === 0) this.host.sort(meta.x);
    } else if (meta.type === 'body') {
      const position = { row: meta.y, column: meta.x };
      if (!event.shiftKey || !this.anchor || this.anchor.row < 0) this.anchor = position;
      this.cursor = position;
    } else return;
    // The cursor and selection change classes, never column widths.
    this.redraw(true);
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
      this.redraw(true);
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
    this.redraw(true);
    this.host.moved();
  }

  /** The selected rectangle of body cells (the header row is not part of a selection). */
  selection(): Rect | null {
    if (!this.cursor || !this.anchor || this.cursor.row < 0) return null;
    return selectionRect({ row: Math.max(0, this.anchor.row), column: this.anchor.column }, this.cursor);
  }

  /** Scrolls so view row `row` is the first row on screen (the scroll height is mapped, not one pixel per row). */
  scrollToRow(row: number): void {
    const table = this.element;
    const rowHeight = table.querySelector('tbody td')?.getBoundingClientRect().height || 22;
    const visibleRows = Math.max(1, table.clientHeight / rowHeight - HEADER_ROWS);
    const scrollable = Math.max(0, this.rows - visibleRows);
    const total = table.scrollHeight - table.clientHeight;
    table.scrollTop = scrollable > 0 ? Math.floor((Math.max(0, row) / scrollable) * total) : 0;
  }

  /** Scrolls just enough for a cell to be on screen. */
  ensureVisible(position: CellPosition): void {
    const { y0, y1, x0, x1 } = this.visible;
    if (position.row >= 0) {
      const first = Math.ceil(y0);
      const last = Math.floor(y1) - 1;
      if (position.row < first) this.scrollToRow(position.row);
      else if (position.row > last) this.scrollToRow(position.row - (last - first));
    }
    if (position.column < Math.ceil(x0) || position.column >= Math.floor(x1) - 1) {
      const header = [...this.element.querySelectorAll<HTMLTableCellElement>('thead th')].find((th) => {
        const meta = this.element.getMeta(th);
        return meta?.type === 'column_header' && meta.x === position.column;
      });
      const box = this.element.getBoundingClientRect();
      if (header) {
        const cell = header.getBoundingClientRect();
        if (cell.right > box.right) this.element.scrollLeft += cell.right - box.right + 8;
        else if (cell.left < box.left + 60) this.element.scrollLeft -= box.left + 60 - cell.left;
      } else {
        // Not rendered: estimate from the average width of the columns on screen.
        const average = (this.element.scrollWidth || box.width) / Math.max(1, this.columns.length);
        this.element.scrollLeft = Math.max(0, position.column * average - box.width / 3);
      }
    }
  }

  /** Back to a saved scroll position and cursor (after hide/restore or a reload), once drawn at the right height. */
  async restore(topRow: number, cursor: CellPosition | null): Promise<void> {
    this.cursor = this.anchor = cursor;
    await this.element.draw();
    this.scrollToRow(topRow);
    this.redraw(true);
  }

  /** Puts the cursor on a cell and shows it a few rows below the top. */
  async reveal(position: CellPosition): Promise<void> {
    this.cursor = this.anchor = position;
    // Drawn first, so the scroll height reflects the row count.
    await this.element.draw();
    this.scrollToRow(Math.max(0, position.row - 2));
    this.ensureVisible({ row: -1, column: position.column });
    this.element.focus();
    this.redraw();
    this.host.moved();
  }
}
