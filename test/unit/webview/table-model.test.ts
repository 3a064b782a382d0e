/** Pure parts of the table webview: sorting clicks, the filter form, the "n of N" line, keyboard moves, the row cache. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { EMPTY_FORM, filterFromForm, moveCursor, nextSort, operatorsFor, rowLabel, selectionRect, viewLine } from '../../../webview-ui/table/model';
import { WindowCache } from '../../../webview-ui/table/window-cache';
import type { RowWindow } from '../../../src/shared/protocol/table';

test('a header click cycles ascending, descending, file order; another column starts ascending', () => {
  let sort = nextSort(null, 2);
  assert.deepEqual(sort, { column: 2, direction: 'asc' });
  sort = nextSort(sort, 2);
  assert.deepEqual(sort, { column: 2, direction: 'desc' });
  assert.equal(nextSort(sort, 2), null);
  assert.deepEqual(nextSort(sort, 0), { column: 0, direction: 'asc' });
});

test('the filter form becomes a filter: contains in any column, comparisons and missing in one column, findings only', () => {
  assert.equal(filterFromForm(EMPTY_FORM), null);
  assert.deepEqual(filterFromForm({ ...EMPTY_FORM, value: 'par' }), { conditions: [{ kind: 'contains', column: null, text: 'par' }], onlyFindings: false });
  assert.deepEqual(filterFromForm({ column: 3, operator: '>=', value: '10', onlyFindings: false }), { conditions: [{ kind: 'compare', column: 3, op: '>=', value: '10' }], onlyFindings: false });
  assert.deepEqual(filterFromForm({ column: 1, operator: 'missing', value: '', onlyFindings: true }), { conditions: [{ kind: 'missing', column: 1, missing: true }], onlyFindings: true });
  assert.deepEqual(filterFromForm({ ...EMPTY_FORM, onlyFindings: true }), { conditions: [], onlyFindings: true });
  assert.deepEqual(operatorsFor('all'), ['contains']);
  assert.ok(operatorsFor(0).includes('<='));
});

/** The English words the host sends (src/extension/panels/webview-strings.ts). */
const words = { rows: '{0} rows', rowsOfTotal: '{0} of {1} rows', sortCoverage: 'sorted: the first {0} rows in this order, of {1}', filterCoverage: 'filtered: the first {0} matches of {1} rows' };

test('the view line says "n of N rows" and what a paged sort or filter covers', () => {
  assert.equal(viewLine({ rows: 1000, totalRows: 1000, sort: null, filter: null, coverage: { scannedRows: 1000 } }, words), '1,000 rows');
  assert.equal(viewLine({ rows: 44, totalRows: 1000, sort: null, filter: null, coverage: { scannedRows: 1000 } }, words), '44 of 1,000 rows');
  assert.equal(
    viewLine({ rows: 10_000, totalRows: 9_000_000, sort: { column: 1, direction: 'asc' }, filter: null, coverage: { scannedRows: 9_000_000, sortLimit: 10_000 } }, words),
    '10,000 of 9,000,000 rows · sorted: the first 10,000 rows in this order, of 9,000,000',
  );
});

test('keyboard moves: arrows, pages, Home/End and Ctrl+Home/End stay inside the grid (row -1 is the header)', () => {
  const at = { row: 5, column: 2 };
  assert.deepEqual(moveCursor(at, 'ArrowUp', false, 20, 100, 4), { row: 4, column: 2 });
  assert.deepEqual(moveCursor({ row: 0, column: 2 }, 'ArrowUp', false, 20, 100, 4), { row: -1, column: 2 });
  assert.deepEqual(moveCursor(at, 'ArrowRight', false, 20, 100, 4), { row: 5, column: 3 });
  assert.deepEqual(moveCursor({ row: 5, column: 3 }, 'ArrowRight', false, 20, 100, 4), { row: 5, column: 3 });
  assert.deepEqual(moveCursor(at, 'PageDown', false, 20, 100, 4), { row: 25, column: 2 });
  assert.deepEqual(moveCursor(at, 'PageUp', false, 20, 100, 4), { row: 0, column: 2 });
  assert.deepEqual(moveCursor(at, 'End', false, 20, 100, 4), { row: 5, column: 3 });
  assert.deepEqual(moveCursor(at, 'End', true, 20, 100, 4), { row: 99, column: 3 });
  assert.deepEqual(moveCursor(at, 'Home', true, 20, 100, 4), { row: 0, column: 0 });
  assert.equal(moveCursor(at, 'x', false, 20, 100, 4), null);
  assert.deepEqual(selectionRect({ row: 9, column: 3 }, { row: 2, column: 1 }), { rows: [2, 10], columns: [1, 4] });
});

test('row numbers are grouped by thousands as the rest of the UI writes them', () => {
  for (const n of [1, 12, 999, 1000, 123456, 3000000, 1234567890]) assert.equal(rowLabel(n), n.toLocaleString('en-US'));
});

function window(start: number, count: number, c0: number, c1: number): RowWindow {
  return {
    start,
    firstColumn: c0,
    rowNumbers: Array.from({ length: count }, (_, i) => 1000 + start + i),
    cells: Array.from({ length: count }, (_, i) => Array.from({ length: c1 - c0 }, (_, c) => `r${start + i}c${c0 + c}`)),
    marks: [{ row: 1, column: c0, severity: 'warning', finding: 7 }],
  };
}

test('the row cache says whether the rows on screen have all arrived (the grid asks for the rows around them only then)', () => {
  const cache = new WindowCache(100, 10, 8);
  const [first, second] = cache.missing(50, 150, 0, 10, 1_000_000, 12);
  assert.equal(cache.holds(50, 150, 0, 10), false, 'asked for is not arrived');
  cache.put(first.key, window(first.start, first.count, first.c0, first.c1));
  assert.equal(cache.holds(50, 100, 0, 10), true);
  assert.equal(cache.holds(50, 150, 0, 10), false, 'one of the two blocks is still on its way');
  cache.put(second.key, window(second.start, second.count, second.c0, second.c1));
  assert.equal(cache.holds(50, 150, 0, 10), true);
  assert.equal(cache.holds(50, 150, 0, 12), false, 'the next column block was never asked for');
});

test('the row cache asks for each missing block once, holds a bounded number of blocks, and finds cells and marks', () => {
  const cache = new WindowCache(100, 10, 3);
  const asked = cache.missing(0, 150, 0, 12, 1_000_000, 12);
  assert.deepEqual(asked.map((b) => [b.start, b.count, b.c0, b.c1]), [[0, 100, 0, 10], [0, 100, 10, 12], [100, 100, 0, 10], [100, 100, 10, 12]]);
  assert.equal(cache.missing(0, 150, 0, 12, 1_000_000, 12).length, 0, 'pending blocks are not asked for again');
  for (const b of asked) assert.ok(cache.put(b.key, window(b.start, b.count, b.c0, b.c1)));
  assert.equal(cache.size, 3, 'at most maxBlocks blocks, whatever the row count');
  assert.equal(cache.cell(150, 11), 'r150c11');
  assert.equal(cache.rowNumber(101, 10), 1101);
  assert.deepEqual(cache.marks(101, 10), [{ row: 1, column: 10, severity: 'warning', finding: 7 }]);
  assert.deepEqual(cache.marks(102, 10), []);
  assert.equal(cache.cell(0, 0), undefined, 'the least recently used block was dropped');
  assert.equal(cache.rowNumber(0, 0), undefined);
  cache.clear();
  assert.equal(cache.put(asked[0].key, window(0, 100, 0, 10)), false, 'a block of an older view is ignored');
  assert.ok(cache.seed(window(0, 100, 0, 10), 1_000_000, 12), 'the first block can arrive unasked');
  assert.equal(cache.cell(5, 3), 'r5c3');
});

test('the row cache forgets what it found once the view changes, and finds marks on whole rows', () => {
  const cache = new WindowCache(100, 10, 8);
  const rowMark = { row: 3, column: null, severity: 'error', finding: 2 } as const;
  assert.ok(cache.seed({ ...window(0, 100, 0, 10), marks: [rowMark] }, 1_000_000, 12));
  assert.equal(cache.cell(5, 3), 'r5c3');
  assert.deepEqual(cache.marks(3, -1, 4), [rowMark], 'a row mark is read from the block of a column on screen');
  assert.deepEqual(cache.marks(3, 4), [], 'a row mark is not a mark of its cells');
  cache.clear();
  assert.equal(cache.cell(5, 3), undefined, 'the rows of the old view are gone');
  assert.deepEqual(cache.marks(3, -1, 4), []);
  assert.ok(cache.seed(window(0, 100, 0, 10), 1_000_000, 12));
  const [next] = cache.missing(100, 101, 0, 1, 1_000_000, 12);
  assert.ok(cache.put(next.key, { ...window(100, 100, 0, 10), cells: window(100, 100, 0, 10).cells.map((r) => r.map((c) => `new ${c}`)) }));
  assert.equal(cache.cell(150, 2), 'new r150c2');
  assert.equal(cache.cell(5, 3), 'r5c3');
});
