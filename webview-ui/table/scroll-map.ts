/**
 * The grid's scroll geometry: millions of rows scroll end to end in a scroll height capped below what browsers
 * can lay out (Chromium clamps near 33.5M px), the scroll position mapped to a share of the rows. Rows are shown
 * whole (the first row on screen is an integer); pure, unit-tested without a browser.
 */

/** The tallest scroll height the grid uses (as regular-table did: Chromium lays out 10M px without glitches). */
export const MAX_SCROLL_HEIGHT = 10_000_000;

export interface ScrollGeometry {
  rows: number;
  rowHeight: number;
  /** The header rows' height, above the body. */
  headerHeight: number;
  /** The scroll container's visible height. */
  viewportHeight: number;
}

/** The scroll height: one row height a row, capped. */
export function scrollHeightOf(g: ScrollGeometry): number {
  return Math.min(MAX_SCROLL_HEIGHT, g.rows * g.rowHeight + g.headerHeight);
}

/** Rows that fit below the header (fractional: the last may show in part). */
export function rowsOnScreen(g: ScrollGeometry): number {
  return Math.max(1, (g.viewportHeight - g.headerHeight) / g.rowHeight);
}

/** Rows that can be scrolled past: at the end of the scroll, the last row shows whole. */
function scrollableRows(g: ScrollGeometry): number {
  return Math.max(0, g.rows - Math.floor(rowsOnScreen(g)));
}

/** The last row that can be first on screen. */
export function lastFirstRow(g: ScrollGeometry): number {
  return Math.floor(scrollableRows(g));
}

/** The first row on screen at a scroll position: the share scrolled of the rows that can be scrolled past. */
export function firstRowAt(scrollTop: number, g: ScrollGeometry): number {
  const scrollRange = Math.max(1, Math.round(scrollHeightOf(g)) - g.viewportHeight);
  const share = Math.min(1, Math.max(0, Math.ceil(scrollTop)) / scrollRange);
  return Math.min(Math.floor(scrollableRows(g) * share), lastFirstRow(g));
}

/** The scroll position whose first row on screen is `row` (or the nearest scrollable one). */
export function scrollTopFor(row: number, g: ScrollGeometry): number {
  const scrollRange = Math.max(0, Math.round(scrollHeightOf(g)) - g.viewportHeight);
  const scrollable = scrollableRows(g);
  if (scrollable <= 0 || scrollRange <= 0) return 0;
  return Math.min(scrollRange, Math.ceil((Math.max(0, row) / scrollable) * scrollRange));
}
