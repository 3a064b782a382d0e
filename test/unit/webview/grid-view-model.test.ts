/** Pure parts of the table grid's view: the scroll map over a capped height, the row ring, the column widths. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { anchorFor, firstRowAt, lastFirstRow, MAX_SCROLL_HEIGHT, scrollHeightOf, scrollTopFor, type ScrollGeometry } from '../../../webview-ui/table/scroll-map';
import { assignRows, longestIncreasingRun, NO_ROW, slotOffset } from '../../../webview-ui/table/row-ring';
import { ColumnLayout, ESTIMATED_COLUMN_WIDTH } from '../../../webview-ui/table/column-layout';

/** A grid 700 px tall with a 66 px header and 22 px rows: 26.8 rows on screen. */
const geometry = (rows: number): ScrollGeometry => ({ rows, rowHeight: 22, headerHeight: 66, viewportHeight: 700 });

test('a short file scrolls one row per row height, and its end shows the last row whole', () => {
  const g = geometry(1000);
  assert.equal(scrollHeightOf(g), 1000 * 22 + 66);
  assert.equal(firstRowAt(0, g), 0);
  assert.equal(firstRowAt(220, g), 10);
  assert.equal(firstRowAt(230, g), 10);
  const end = scrollHeightOf(g) - 700;
  assert.equal(firstRowAt(end, g), lastFirstRow(g));
  // The last row is on screen whole: the rows from the first shown fit below the header.
  assert.ok((1000 - lastFirstRow(g)) * 22 <= 700 - 66);
  for (const row of [0, 1, 17, 500, lastFirstRow(g)]) assert.equal(firstRowAt(scrollTopFor(row, g), g), row);
});

test('millions of rows: the scroll height is capped, a wheel still moves row by row, and the scroll bar reaches the last row', () => {
  const g = geometry(3_000_000);
  assert.equal(scrollHeightOf(g), MAX_SCROLL_HEIGHT);
  const range = MAX_SCROLL_HEIGHT - 700;
  // Ten rows' height scrolled moves ten rows (not the 66 a proportional map would).
  assert.equal(firstRowAt(220, g), 10);
  assert.equal(firstRowAt(2200, g) - firstRowAt(1980, g), 10);
  // The end of the scroll is the end of the file; halfway is about halfway (within a page's jump).
  assert.equal(firstRowAt(range, g), lastFirstRow(g));
  assert.ok(Math.abs(firstRowAt(range / 2, g) - 1_500_000) < 30_000, String(firstRowAt(range / 2, g)));
  // Rows never go backwards as the scroll position grows.
  let previous = -1;
  for (let top = 0; top <= range; top += 7919) {
    const row = firstRowAt(top, g);
    assert.ok(row >= previous, `row ${row} at ${top} after ${previous}`);
    previous = row;
  }
});

test('scrolling to any row of millions shows it first: directly, or with an anchor for a row a page jump skips', () => {
  const g = geometry(3_000_000);
  for (const row of [0, 1, 4_321, 29_000, 1_234_567, 2_999_000, lastFirstRow(g)]) {
    const top = scrollTopFor(row, g);
    assert.ok(top >= 0 && top <= MAX_SCROLL_HEIGHT - 700);
    assert.equal(firstRowAt(top, g, anchorFor(row, top, g)), row, `row ${row}`);
  }
  // A row just past a page's end is one a jump skips: it needs the anchor.
  const skipped = 29_000;
  const top = scrollTopFor(skipped, g);
  assert.notEqual(firstRowAt(top, g), skipped);
  // Scrolling on from there moves row by row from the row shown.
  const anchor = anchorFor(skipped, top, g);
  assert.equal(firstRowAt(top - 220, g, anchor), skipped - 10);
});

test('the row ring: rows still on screen keep their slots, the rows entering take the freed ones', () => {
  assert.deepEqual(assignRows([NO_ROW, NO_ROW, NO_ROW], 5), { shown: [5, 6, 7], entered: [0, 1, 2] });
  // Scrolled down two rows: 10 stays in slot 2, 11 and 12 take slots 0 and 1.
  assert.deepEqual(assignRows([8, 9, 10], 10), { shown: [11, 12, 10], entered: [0, 1] });
  // Back up one row: 11 and 12 stay, 10 takes the slot of 13.
  assert.deepEqual(assignRows([11, 12, 13], 10), { shown: [11, 12, 10], entered: [2] });
  assert.deepEqual(assignRows([1, 2, 3], 2), { shown: [4, 2, 3], entered: [0] });
  // A slot's offset from its place in DOM order: slot 0 showing row 11 when slot 0 showed row 8 is 3 rows down.
  assert.equal(slotOffset(11, 0, 8), 3);
  assert.equal(slotOffset(10, 2, 8), 0);
  // Back in order when scrolling pauses: after a scroll of two rows, only the two wrapped rows move.
  assert.deepEqual(longestIncreasingRun([11, 12, 5, 6, 7, 8, 9, 10]), [2, 3, 4, 5, 6, 7]);
  assert.deepEqual(longestIncreasingRun([3, 4, 5, 1, 2]), [0, 1, 2]);
  assert.deepEqual(longestIncreasingRun([]), []);
});

test('columns grow to their widest cell seen, a resize overrides it, and the columns on screen follow the scroll', () => {
  const layout = new ColumnLayout();
  assert.equal(layout.width(3), ESTIMATED_COLUMN_WIDTH);
  assert.equal(layout.grow(0, 120), true);
  assert.equal(layout.grow(0, 90), false);
  assert.equal(layout.width(0), 120);
  layout.setOverride(0, 200);
  assert.equal(layout.width(0), 200);
  assert.equal(layout.grow(0, 300), false);
  // Saved as regular-table saved them: the row numbers are key 0, column x is key x + 1.
  assert.deepEqual(layout.overrides, { 1: 200 });
  layout.setOverride(0, undefined);
  assert.equal(layout.width(0), ESTIMATED_COLUMN_WIDTH);
  // Ten columns of 80 px, 250 px of screen: from the scroll position's column, as many as fill it and one more.
  const narrow = new ColumnLayout();
  assert.deepEqual(narrow.window(0, 250, 10), { x0: 0, x1: 5 });
  assert.deepEqual(narrow.window(160, 250, 10), { x0: 2, x1: 7 });
  assert.deepEqual(narrow.window(161, 250, 10), { x0: 3, x1: 8 });
  assert.deepEqual(narrow.window(10_000, 250, 10), { x0: 9, x1: 10 });
});
