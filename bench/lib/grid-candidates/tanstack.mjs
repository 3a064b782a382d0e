// Grid candidate for `npm run bench table`: @tanstack/virtual-core (headless) driving absolutely positioned
// DOM rows over the same synthetic 3M × 8 model. Exposes window.grid = { scroller, lastRow() } to the bench.
import { Virtualizer, observeElementRect, observeElementOffset, elementScroll } from '@tanstack/virtual-core';

const ROWS = 3_000_000;
const COLUMNS = 8;
const scroller = document.createElement('div');
scroller.style.cssText = 'position:absolute;inset:0;overflow:auto;font:13px monospace';
const inner = document.createElement('div');
inner.style.position = 'relative';
scroller.append(inner);
document.body.append(scroller);
const pool = [];
const virtualizer = new Virtualizer({
  count: ROWS,
  getScrollElement: () => scroller,
  estimateSize: () => 22,
  overscan: 5,
  observeElementRect,
  observeElementOffset,
  scrollToFn: elementScroll,
  onChange: () => render(),
});
function render() {
  inner.style.height = `${virtualizer.getTotalSize()}px`;
  const items = virtualizer.getVirtualItems();
  while (pool.length < items.length) {
    const row = document.createElement('div');
    row.style.cssText = 'position:absolute;left:0;right:0;height:22px;display:flex;white-space:nowrap';
    for (let c = 0; c <= COLUMNS; c++) {
      const cell = document.createElement('div');
      cell.style.cssText = 'width:110px;overflow:hidden';
      row.append(cell);
    }
    inner.append(row);
    pool.push(row);
  }
  pool.forEach((row, i) => {
    const item = items[i];
    if (!item) {
      row.style.display = 'none';
      return;
    }
    row.style.display = 'flex';
    row.style.transform = `translateY(${item.start}px)`;
    row.children[0].textContent = String(item.index + 1);
    for (let x = 0; x < COLUMNS; x++) row.children[x + 1].textContent = `r${String(item.index).padStart(7, '0')}c${x} ${String((item.index * 7919 + x) % 1000).padStart(3, '0')}`;
    row.dataset.row = String(item.index + 1);
  });
}
virtualizer._didMount();
virtualizer._willUpdate();
render();
window.grid = {
  scroller,
  lastRow: () => Math.max(...[...inner.children].filter((e) => e.style.display !== 'none').map((e) => Number(e.dataset.row))),
};
