// Functions `npm run bench table` runs inside a page or webview frame (serialised by Playwright: self-contained).

/**
 * Scrolls `args.selector` once per animation frame and returns the frame deltas: mode 'jump' goes from top
 * to bottom in `args.frames` frames, 'continuous' moves `args.rowsPerFrame` rows per frame from the top.
 * A frame is blank when the first visible row has no row number yet (its data is still on its way).
 */
export async function scrollInPage(args) {
  const el = document.querySelector(args.selector);
  const nextFrame = () => new Promise((resolve) => window.requestAnimationFrame(resolve));
  el.scrollTop = 0;
  await nextFrame();
  await new Promise((r) => setTimeout(r, 300));
  const max = el.scrollHeight - el.clientHeight;
  const rowHeight = el.querySelector('tbody td, [data-row]')?.getBoundingClientRect().height || 22;
  const deltas = [];
  let blank = 0;
  let last = await nextFrame();
  for (let i = 1; i <= args.frames; i++) {
    el.scrollTop = args.mode === 'jump' ? (max * i) / args.frames : Math.min(max, i * args.rowsPerFrame * rowHeight);
    const now = await nextFrame();
    deltas.push(now - last);
    last = now;
    const firstHeader = el.querySelector('tbody th');
    if (firstHeader && firstHeader.textContent === '') blank++;
  }
  return { deltas, blank };
}

/** When the table webview painted its first rows and read its file (Date.now() values), and its rows. */
export function tableTimes() {
  const data = document.body.dataset;
  const table = document.querySelector('regular-table');
  return { firstRowsAt: Number(data.firstRowsAt), loadedAt: Number(data.loadedAt), rows: Number(table?.getAttribute('aria-rowcount')) - 3 };
}

/** The rows are read and the header summaries are in (the worker is idle). */
export function tableReady() {
  const data = document.body.dataset;
  return Boolean(data.firstRowsAt && data.loadedAt && data.summariesAt);
}

export function domNodes() {
  return document.getElementsByTagName('*').length;
}

/** The last row number a grid candidate shows (window.grid from bench/lib/grid-candidates, else the row headers). */
export function candidateLastRow() {
  if (window.grid) return window.grid.lastRow();
  const headers = document.querySelectorAll('regular-table tbody th');
  return Number((headers[headers.length - 1]?.textContent ?? '-1').replace(/,/g, ''));
}
