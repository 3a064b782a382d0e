/**
 * The grid's scroll geometry. Millions of rows scroll end to end in a scroll height capped below what browsers
 * can lay out (Chromium clamps near 33.5M px). The capped height is cut into pages: within a page the rows move
 * one row height for each row height scrolled (a wheel or the arrow keys move row by row, as in a short file),
 * and from one page to the next the rows jump by the rows the cap leaves out, so the whole scroll range still
 * covers every row and a scroll-bar drag reaches the last one (SlickGrid's scheme). Rows are shown whole (the
 * first row on screen is an integer). Pure, unit-tested without a browser.
 */

/** The tallest scroll height the grid uses (as regular-table did: Chromium lays out 10M px without glitches). */
export const MAX_SCROLL_HEIGHT = 10_000_000;
/** Pages of a capped scroll height. */
export const PAGES = 100;

export interface ScrollGeometry {
  rows: number;
  rowHeight: number;
  /** The header rows' height, above the body. */
  headerHeight: number;
  /** The scroll container's visible height. */
  viewportHeight: number;
}

/** A scroll position's first row moved by `rows` while the scroll stays in `page` (scrollToRow to a row a page jump skips). */
export interface ScrollAnchor {
  page: number;
  rows: number;
}

/** The scroll height: one row height a row, capped. */
export function scrollHeightOf(g: ScrollGeometry): number {
  return Math.min(MAX_SCROLL_HEIGHT, g.rows * g.rowHeight + g.headerHeight);
}

/** Rows that fit below the header (fractional: the last may show in part). */
export function rowsOnScreen(g: ScrollGeometry): number {
  return Math.max(1, (g.viewportHeight - g.headerHeight) / g.rowHeight);
}

/** The last row that can be first on screen: at the end of the scroll, the last row shows whole. */
export function lastFirstRow(g: ScrollGeometry): number {
  return Math.max(0, g.rows - Math.floor(rowsOnScreen(g)));
}

interface Paging {
  /** The scroll range (px the scroll position can take). */
  range: number;
  /** The px of rows (uncapped) the scroll range stands for. */
  virtualRange: number;
  pageHeight: number;
  pages: number;
  /** The px of rows skipped at each page boundary. */
  jump: number;
}

function paging(g: ScrollGeometry): Paging | null {
  const range = Math.max(0, Math.round(scrollHeightOf(g)) - g.viewportHeight);
  const virtualRange = Math.max(0, g.rows * g.rowHeight + g.headerHeight - g.viewportHeight);
  if (range <= 0 || virtualRange <= range + 0.5) return null;
  const pageHeight = Math.max(g.viewportHeight, range / PAGES);
  const pages = Math.ceil(range / pageHeight);
  if (pages < 2) return null;
  return { range, virtualRange, pageHeight, pages, jump: (virtualRange - range) / (pages - 1) };
}

/** The page a scroll position is in (0 without pages). */
export function pageAt(scrollTop: number, g: ScrollGeometry): number {
  const p = paging(g);
  if (!p) return 0;
  return Math.min(p.pages - 1, Math.floor(Math.min(p.range, Math.max(0, scrollTop)) / p.pageHeight));
}

/** The first row on screen at a scroll position (moved by an anchor set for this page). */
export function firstRowAt(scrollTop: number, g: ScrollGeometry, anchor: ScrollAnchor | null = null): number {
  const p = paging(g);
  const last = lastFirstRow(g);
  const range = p ? p.range : Math.max(0, Math.round(scrollHeightOf(g)) - g.viewportHeight);
  const top = Math.min(range, Math.max(0, scrollTop));
  // At the end of the scroll, the last rows whole.
  if (range > 0 && top >= range - 0.5) return last;
  const page = pageAt(top, g);
  const virtualTop = p ? top + page * p.jump : top;
  const moved = anchor && anchor.page === page ? anchor.rows : 0;
  return Math.max(0, Math.min(last, Math.floor(virtualTop / g.rowHeight + 1e-6) + moved));
}

/** The scroll position whose first row is `row`, or the nearest one (a row skipped at a page jump needs an anchor). */
export function scrollTopFor(row: number, g: ScrollGeometry): number {
  const p = paging(g);
  const virtualTop = Math.max(0, Math.min(row, lastFirstRow(g))) * g.rowHeight;
  if (!p) return Math.min(Math.max(0, Math.round(scrollHeightOf(g)) - g.viewportHeight), Math.ceil(virtualTop));
  const page = Math.min(p.pages - 1, Math.floor(virtualTop / (p.pageHeight + p.jump)));
  const pageEnd = Math.min(p.range, (page + 1) * p.pageHeight) - 1;
  return Math.max(0, Math.min(pageEnd, Math.ceil(virtualTop - page * p.jump)));
}

/** The anchor that makes `scrollTop` (as the browser took it) show `row` first, or null when it does already. */
export function anchorFor(row: number, scrollTop: number, g: ScrollGeometry): ScrollAnchor | null {
  const wanted = Math.max(0, Math.min(row, lastFirstRow(g)));
  const shown = firstRowAt(scrollTop, g);
  return shown === wanted ? null : { page: pageAt(scrollTop, g), rows: wanted - shown };
}
