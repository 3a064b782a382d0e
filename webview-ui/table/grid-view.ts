/**
 * The grid's DOM: a scroll container whose scroll height is capped and mapped to the rows (scroll-map.ts), and a
 * `<table>` kept in view inside it: three header rows and a fixed pool of body rows (`<tr>`s). A row keeps its
 * element and its text while it stays on screen; the rows entering the screen take the elements of those that
 * left (row-ring.ts), and rows are placed by transforms, so a scrolled frame writes text only into the rows that
 * entered, and Chromium lays out and paints little else (`npm run bench grid-rows`: 0.42× the CPU a frame of
 * refilling every row, as regular-table did). When scrolling pauses the rows go back to screen order in the DOM.
 * Columns are virtual too (the ones on screen, shown whole), as wide as their widest cell seen or as resized.
 * What a cell says and how it is marked comes from the source (grid.ts).
 */
import { ColumnLayout, widthKey } from './column-layout';
import { assignRows, longestIncreasingRun, NO_ROW, slotOffset } from './row-ring';
import { anchorFor, firstRowAt, pageAt, rowsOnScreen, scrollHeightOf, scrollTopFor, type ScrollAnchor, type ScrollGeometry } from './scroll-map';

/** Header rows: name, type and missing share, histogram. */
export const HEADER_ROWS = 3;
/** The row height until one is measured (styles.ts sets 22px). */
const DEFAULT_ROW_HEIGHT = 22;
/** After this long without a scrolled frame, the row elements go back to screen order in the DOM. */
const SETTLE_MS = 200;
/** Rows the body may be moved by before its rows are put back in order (keeps transforms small). */
const REBASE_ROWS = 5000;

export interface Viewport {
  /** Rows [y0, y1) and columns [x0, x1) on screen. */
  y0: number;
  y1: number;
  x0: number;
  x1: number;
}

export type CellPlace = { type: 'body'; x: number; y: number } | { type: 'rowHeader'; y: number } | { type: 'columnHeader'; x: number; level: number } | { type: 'corner'; level: number };

/** What the grid shows: the product's data, words and marks (grid.ts). */
export interface GridViewSource {
  readonly rowCount: number;
  readonly columnCount: number;
  /** Header level 0 (name), 1 (type, missing share) or 2 (a histogram element) of column x. */
  headerContent(x: number, level: number): string | HTMLElement;
  bodyText(y: number, x: number): string;
  rowHeaderText(y: number): string;
  /** Sets a cell's classes, title and ARIA attributes (called whenever its row or marks may have changed). */
  decorateBody(cell: HTMLTableCellElement, y: number, x: number): void;
  decorateRowHeader(cell: HTMLTableCellElement, y: number): void;
  decorateColumnHeader(cell: HTMLTableCellElement, x: number, level: number): void;
  /** After each draw, with the rows and columns on screen. */
  drawn(viewport: Viewport): void;
}

export interface DrawRequest {
  /** Every cell on screen again (new data, new row count): text is written only where it changed. */
  refill?: boolean;
  /** Every cell's marks again (cursor, selection). */
  restyle?: boolean;
  /** The header cells' content again (columns, summaries, sort). */
  headers?: boolean;
}

interface BodyRow {
  /** The row's own `<tbody>`: moved by a transform (a row's transform would restyle each of its cells). */
  group: HTMLTableSectionElement;
  tr: HTMLTableRowElement;
  header: HTMLTableCellElement;
  headerText: Text;
  cells: HTMLTableCellElement[];
  texts: Text[];
  /** The row shown (NO_ROW: none yet). */
  row: number;
  /** The transform written, in rows. */
  offset: number;
}

interface HeaderRow {
  corner: HTMLTableCellElement;
  cells: HTMLTableCellElement[];
}

type Place = { kind: 'body'; row: BodyRow; position: number } | { kind: 'rowHeader'; row: BodyRow } | { kind: 'columnHeader'; level: number; position: number } | { kind: 'corner'; level: number };

function setText(node: Text, text: string): void {
  if (node.data !== text) node.data = text;
}

function cell(tag: 'td' | 'th'): { cell: HTMLTableCellElement; text: Text } {
  const element = document.createElement(tag);
  const text = document.createTextNode('');
  element.append(text);
  return { cell: element, text };
}

/** Whether a pooled row shows no data row (none yet, or beyond the last of `rows`). */
function pastEnd(row: BodyRow, rows: number): boolean {
  return row.row >= rows || row.row === NO_ROW;
}

export class GridView {
  readonly element: HTMLDivElement;
  readonly columns = new ColumnLayout();
  private readonly sizer: HTMLDivElement;
  private readonly table: HTMLTableElement;
  private readonly thead: HTMLTableSectionElement;
  /** Scrolled (by the script alone) to move the body rows under the header: a scroll restyles nothing. */
  private readonly clip: HTMLDivElement;
  private readonly headerRows: HeaderRow[] = [];
  /** The pooled body rows, in DOM order. */
  private ring: BodyRow[] = [];
  private readonly places = new WeakMap<Element, Place>();
  /** Column widths the user set, as body-cell rules (the columns on screen move, so rules go by position). */
  private readonly overrideSheet = new CSSStyleSheet();
  private rowHeight = 0;
  private headerHeight = 0;
  private rowHeaderWidth = 0;
  /** The row slot 0 showed when the rows were last in DOM order; the body is moved by first − base rows. */
  private base = 0;
  private bodyOffset = 0;
  private columnWindow = { x0: 0, x1: 0, columns: -1 };
  /** Set by scrollToRow to a row a page jump skips, for the geometry it was set in (scroll-map.ts). */
  private anchor: { anchor: ScrollAnchor; geometry: string } | null = null;
  private sizerSize = { height: -1, width: -1 };
  private queued: DrawRequest | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private drawnViewport: Viewport = { y0: 0, y1: 0, x0: 0, x1: 0 };
  private drag: { x: number; startX: number; startWidth: number } | null = null;
  onResized: () => void = () => undefined;

  constructor(private readonly source: GridViewSource) {
    const element = document.createElement('div');
    element.className = 'grid';
    element.tabIndex = 0;
    element.setAttribute('role', 'grid');
    this.sizer = document.createElement('div');
    this.sizer.className = 'grid-sizer';
    const clip = document.createElement('div');
    clip.className = 'grid-clip';
    this.clip = clip;
    this.table = document.createElement('table');
    this.table.setAttribute('role', 'presentation');
    this.thead = document.createElement('thead');
    this.thead.setAttribute('role', 'rowgroup');
    this.table.append(this.thead);
    clip.append(this.table);
    element.append(this.sizer, clip);
    for (let level = 0; level < HEADER_ROWS; level++) {
      const tr = document.createElement('tr');
      tr.setAttribute('role', 'row');
      tr.setAttribute('aria-rowindex', String(level + 1));
      const corner = document.createElement('th');
      corner.setAttribute('role', 'columnheader');
      if (level === 0) corner.textContent = '#';
      this.places.set(corner, { kind: 'corner', level });
      tr.append(corner);
      this.thead.append(tr);
      this.headerRows.push({ corner, cells: [] });
    }
    this.element = element;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.overrideSheet];
    element.addEventListener('scroll', () => this.requestDraw(), { passive: true });
    element.addEventListener('mousedown', (event) => this.startResize(event));
    element.addEventListener('dblclick', (event) => this.resetWidth(event));
    new ResizeObserver(() => this.requestDraw()).observe(element);
  }

  /** The rows and columns on screen at the last draw. */
  get viewport(): Viewport {
    return this.drawnViewport;
  }

  /** Draws on the next frame (requests coalesce). */
  requestDraw(request: DrawRequest = {}): void {
    const queued = this.queued;
    this.queued = { refill: queued?.refill || request.refill, restyle: queued?.restyle || request.restyle, headers: queued?.headers || request.headers };
    if (queued) return;
    requestAnimationFrame(() => this.drawQueued());
  }

  /** Draws now what is queued (and a full refill), e.g. before scrolling to a row. */
  drawNow(): void {
    this.queued = { refill: true, restyle: true, headers: true, ...this.queued };
    this.drawQueued();
  }

  private drawQueued(): void {
    const request = this.queued;
    if (!request) return;
    this.queued = null;
    this.draw(request);
  }

  /** What a cell shows: a body cell's row and column, a header's column and level. */
  placeOf(element: Element): CellPlace | undefined {
    const place = this.places.get(element);
    if (!place) return undefined;
    const { x0 } = this.columnWindow;
    switch (place.kind) {
      case 'body':
        return place.row.row === NO_ROW ? undefined : { type: 'body', x: x0 + place.position, y: place.row.row };
      case 'rowHeader':
        return place.row.row === NO_ROW ? undefined : { type: 'rowHeader', y: place.row.row };
      case 'columnHeader':
        return { type: 'columnHeader', x: x0 + place.position, level: place.level };
      case 'corner':
        return { type: 'corner', level: place.level };
    }
  }

  /** The widths the user set, by width key (regular-table's saveColumnSizes format). */
  saveColumnSizes(): Record<number, number> {
    return { ...this.columns.overrides };
  }

  restoreColumnSizes(sizes: Record<number, number>): void {
    this.columns.overrides = { ...sizes };
    this.writeOverrides();
    this.requestDraw({ refill: true });
  }

  private geometry(): ScrollGeometry {
    return { rows: this.source.rowCount, rowHeight: this.rowHeight || DEFAULT_ROW_HEIGHT, headerHeight: this.headerHeight || HEADER_ROWS * DEFAULT_ROW_HEIGHT, viewportHeight: this.element.clientHeight };
  }

  /** Scrolls so row `row` is the first on screen (or the last rows are on screen, for rows near the end). */
  scrollToRow(row: number): void {
    const g = this.geometry();
    this.updateSizer(g);
    this.element.scrollTop = scrollTopFor(row, g);
    const anchor = anchorFor(row, this.element.scrollTop, g);
    this.anchor = anchor ? { anchor, geometry: JSON.stringify(g) } : null;
    this.requestDraw();
  }

  /** Scrolls just enough for column x to be on screen whole. */
  scrollToColumn(x: number): void {
    const { x0, x1 } = this.columnWindow;
    const width = this.element.clientWidth - this.rowHeaderWidth;
    const layout = this.columns;
    if (x < x0) this.element.scrollLeft = layout.left(x);
    else if (x >= x1 - 1 || layout.left(x + 1) - layout.left(x0) > width) {
      // The first column from which x ends within the screen.
      let first = x;
      while (first > 0 && layout.left(x + 1) - layout.left(first - 1) <= width) first--;
      this.element.scrollLeft = layout.left(first);
    }
    this.requestDraw();
  }

  private updateSizer(g: ScrollGeometry): void {
    const height = scrollHeightOf(g);
    const width = Math.ceil(this.rowHeaderWidth + this.columns.total(this.source.columnCount));
    if (height !== this.sizerSize.height) this.sizer.style.height = `${height}px`;
    if (width !== this.sizerSize.width) this.sizer.style.width = `${width}px`;
    this.sizerSize = { height, width };
  }

  /** Reads what the last frame laid out (the layout is clean at the start of a frame): row height, header height, column widths. */
  private measure(): void {
    if (!this.rowHeight && this.ring.length >= 2) this.rowHeight = this.ring[1].tr.offsetTop - this.ring[0].tr.offsetTop || 0;
    else if (!this.rowHeight && this.ring.length === 1) this.rowHeight = this.ring[0].tr.offsetHeight;
    if (this.ring.length) this.headerHeight = this.thead.offsetHeight || this.headerHeight;
    const names = this.headerRows[0];
    this.rowHeaderWidth = names.corner.offsetWidth || this.rowHeaderWidth;
    const { x0 } = this.columnWindow;
    names.cells.forEach((th, position) => {
      const x = x0 + position;
      if (this.columns.grow(x, th.offsetWidth)) th.style.minWidth = `${this.columns.floor(x)}px`;
    });
    // The row numbers' column keeps its width too (numbers grow with the rows scrolled to).
    const corner = names.corner;
    if (this.columns.grow(-1, corner.offsetWidth)) corner.style.minWidth = `${this.columns.floor(-1)}px`;
  }

  private draw(request: DrawRequest): void {
    const { rowCount: rows, columnCount: columns } = this.source;
    this.measure();
    const g = this.geometry();
    this.updateSizer(g);
    const scrollTop = this.element.scrollTop;
    // An anchor holds while the scroll stays in its page, in the geometry it was set for.
    if (this.anchor && (this.anchor.anchor.page !== pageAt(scrollTop, g) || this.anchor.geometry !== JSON.stringify(g))) this.anchor = null;
    const first = firstRowAt(scrollTop, g, this.anchor?.anchor);
    const slots = Math.max(1, Math.ceil(rowsOnScreen(g)));
    const { x0, x1 } = this.columns.window(this.element.scrollLeft, this.element.clientWidth - this.rowHeaderWidth, columns);

    let refill = request.refill === true;
    if (x0 !== this.columnWindow.x0 || x1 !== this.columnWindow.x1 || columns !== this.columnWindow.columns) {
      this.columnWindow = { x0, x1, columns };
      this.layoutColumns(x1 - x0);
      this.writeOverrides();
      refill = true;
    }
    if (request.headers || refill) this.fillHeaders();
    else if (request.restyle) this.decorateHeaders();

    if (slots !== this.ring.length) {
      this.resizeRing(slots);
      refill = true;
    }
    const { shown, entered } = assignRows(
      this.ring.map((r) => r.row),
      first,
    );
    if (entered.length === this.ring.length) {
      // Every row is new (a jump, a resize): the slots in order, nothing moved.
      this.ring.forEach((r, slot) => (r.row = first + slot));
      this.base = first;
    } else this.ring.forEach((r, slot) => (r.row = shown[slot]));
    const filled = refill || entered.length === this.ring.length ? this.ring : entered.map((slot) => this.ring[slot]);
    for (const row of filled) this.fillRow(row, rows);
    if (!refill && request.restyle) for (const row of this.ring) if (!filled.includes(row)) this.decorateRow(row, rows);
    if (Math.abs(first - this.base) > REBASE_ROWS) this.putInOrder();
    else this.place(first);
    if (this.ring.some((r, slot) => r.offset !== 0 || r.row !== first + slot)) this.settleSoon();

    this.drawnViewport = { y0: first, y1: Math.min(rows, first + slots), x0, x1 };
    this.source.drawn(this.drawnViewport);
  }

  /**
   * Each slot's `<tbody>` moved by its offset from DOM order; the body rows by the rows scrolled since the slots
   * were in order, scrolling the clip under the sticky header.
   */
  private place(first: number): void {
    const height = this.rowHeight || DEFAULT_ROW_HEIGHT;
    this.ring.forEach((r, slot) => {
      const offset = slotOffset(r.row, slot, this.base);
      if (offset === r.offset) return;
      r.offset = offset;
      r.group.style.transform = offset ? `translateY(${offset * height}px)` : '';
    });
    const bodyOffset = (first - this.base) * height;
    if (bodyOffset !== this.bodyOffset) {
      this.bodyOffset = bodyOffset;
      this.clip.scrollTop = bodyOffset;
    }
  }

  /** Once scrolling pauses: the row elements in screen order in the DOM (for assistive technology), untransformed. */
  private settleSoon(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.putInOrder();
    }, SETTLE_MS);
  }

  private putInOrder(): void {
    clearTimeout(this.settleTimer);
    const ordered = [...this.ring].sort((a, b) => a.row - b.row);
    // Only the rows out of order move (a moved row is laid out and restyled again): those off the longest run
    // already in order, each put before the row that follows it.
    const staying = new Set(longestIncreasingRun(this.ring.map((r) => r.row)).map((slot) => this.ring[slot]));
    let next: Node | null = null;
    for (let i = ordered.length - 1; i >= 0; i--) {
      const row = ordered[i];
      if (!staying.has(row)) this.table.insertBefore(row.group, next);
      next = row.group;
    }
    this.ring = ordered;
    this.base = ordered[0]?.row ?? 0;
    this.place(this.base);
  }

  private resizeRing(slots: number): void {
    while (this.ring.length > slots) this.ring.pop()?.group.remove();
    while (this.ring.length < slots) {
      const tr = document.createElement('tr');
      tr.setAttribute('role', 'row');
      const { cell: header, text: headerText } = cell('th');
      header.setAttribute('role', 'rowheader');
      tr.append(header);
      const group = document.createElement('tbody');
      group.setAttribute('role', 'presentation');
      group.append(tr);
      const row: BodyRow = { group, tr, header, headerText, cells: [], texts: [], row: NO_ROW, offset: 0 };
      this.places.set(header, { kind: 'rowHeader', row });
      this.addCells(row, this.columnWindow.x1 - this.columnWindow.x0);
      this.table.append(group);
      this.ring.push(row);
    }
    for (const row of this.ring) row.row = NO_ROW;
  }

  private addCells(row: BodyRow, count: number): void {
    while (row.cells.length > count) {
      row.cells.pop()?.remove();
      row.texts.pop();
    }
    while (row.cells.length < count) {
      const { cell: td, text } = cell('td');
      td.setAttribute('role', 'gridcell');
      this.places.set(td, { kind: 'body', row, position: row.cells.length });
      row.tr.append(td);
      row.cells.push(td);
      row.texts.push(text);
    }
  }

  /** As many cells a row as columns on screen; the header floors (widest seen) written for the columns now there. */
  private layoutColumns(count: number): void {
    for (const row of this.ring) this.addCells(row, count);
    this.headerRows.forEach((header, level) => {
      while (header.cells.length > count) header.cells.pop()?.remove();
      while (header.cells.length < count) {
        const { cell: th } = cell('th');
        th.setAttribute('role', 'columnheader');
        if (level === 0) {
          const handle = document.createElement('div');
          handle.className = 'column-resize';
          th.append(handle);
        }
        this.places.set(th, { kind: 'columnHeader', level, position: header.cells.length });
        header.corner.parentElement?.append(th);
        header.cells.push(th);
      }
    });
    const { x0 } = this.columnWindow;
    this.headerRows[0].cells.forEach((th, position) => {
      const x = x0 + position;
      const floor = this.columns.overrides[widthKey(x)] === undefined ? this.columns.floor(x) : undefined;
      th.style.minWidth = floor === undefined ? '' : `${floor}px`;
    });
  }

  private fillHeaders(): void {
    const { x0 } = this.columnWindow;
    this.headerRows.forEach((header, level) => {
      header.cells.forEach((th, position) => {
        const content = this.source.headerContent(x0 + position, level);
        if (typeof content === 'string') {
          const first = th.firstChild;
          if (first instanceof Text) setText(first, content);
          else th.replaceChildren(document.createTextNode(content));
        } else if (th.firstChild !== content || th.childNodes.length !== 1) th.replaceChildren(content);
      });
    });
    this.decorateHeaders();
  }

  private decorateHeaders(): void {
    const { x0 } = this.columnWindow;
    this.headerRows.forEach((header, level) => header.cells.forEach((th, position) => this.source.decorateColumnHeader(th, x0 + position, level)));
  }

  private fillRow(row: BodyRow, rows: number): void {
    const past = pastEnd(row, rows);
    row.tr.classList.toggle('past-end', past);
    if (past !== row.tr.hasAttribute('aria-hidden')) {
      if (past) row.tr.setAttribute('aria-hidden', 'true');
      else row.tr.removeAttribute('aria-hidden');
    }
    if (past) {
      row.tr.removeAttribute('aria-rowindex');
      setText(row.headerText, '');
      for (const text of row.texts) setText(text, '');
      return;
    }
    const y = row.row;
    const { x0 } = this.columnWindow;
    const index = String(y + HEADER_ROWS + 1);
    if (row.tr.getAttribute('aria-rowindex') !== index) row.tr.setAttribute('aria-rowindex', index);
    setText(row.headerText, this.source.rowHeaderText(y));
    row.texts.forEach((text, position) => setText(text, this.source.bodyText(y, x0 + position)));
    this.decorateRow(row, rows);
  }

  private decorateRow(row: BodyRow, rows: number): void {
    if (pastEnd(row, rows)) return;
    const { x0 } = this.columnWindow;
    this.source.decorateRowHeader(row.header, row.row);
    row.cells.forEach((td, position) => this.source.decorateBody(td, row.row, x0 + position));
  }

  /** The widths the user set, as rules for the cells at the positions of those columns on screen. */
  private writeOverrides(): void {
    const { x0, x1 } = this.columnWindow;
    const rules: string[] = [];
    for (let x = x0; x < x1; x++) {
      const width = this.columns.overrides[widthKey(x)];
      if (width === undefined) continue;
      rules.push(`.grid tr > :nth-child(${x - x0 + 2}) { width: ${width}px; min-width: ${width}px; max-width: ${width}px; overflow: hidden; text-overflow: ellipsis; }`);
    }
    this.overrideSheet.replaceSync(rules.join('\n'));
    this.headerRows[0].cells.forEach((th, position) => {
      if (this.columns.overrides[widthKey(x0 + position)] !== undefined) th.style.minWidth = '';
    });
  }

  private resizeHandleColumn(event: MouseEvent): { x: number; th: HTMLElement } | undefined {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.classList.contains('column-resize')) return undefined;
    const th = target.parentElement;
    const place = th ? this.placeOf(th) : undefined;
    return th && place?.type === 'columnHeader' ? { x: place.x, th } : undefined;
  }

  private startResize(event: MouseEvent): void {
    const handle = this.resizeHandleColumn(event);
    if (!handle || event.button !== 0) return;
    event.preventDefault();
    this.drag = { x: handle.x, startX: event.clientX, startWidth: handle.th.getBoundingClientRect().width };
    const move = (e: MouseEvent) => {
      const drag = this.drag;
      if (!drag) return;
      this.columns.setOverride(drag.x, drag.startWidth + e.clientX - drag.startX);
      this.writeOverrides();
      this.requestDraw();
    };
    const up = () => {
      this.drag = null;
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
      this.onResized();
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  }

  /** A double-click on a resize handle gives the column its own width back. */
  private resetWidth(event: MouseEvent): void {
    const handle = this.resizeHandleColumn(event);
    if (!handle) return;
    event.preventDefault();
    this.columns.setOverride(handle.x, undefined);
    handle.th.style.minWidth = '';
    this.writeOverrides();
    this.requestDraw({ refill: true });
    this.onResized();
  }
}
