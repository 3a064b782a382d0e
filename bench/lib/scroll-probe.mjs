// Functions `npm run bench table` runs inside a page or webview frame (serialised by Playwright: self-contained).

/**
 * Scrolls `args.selector` once per animation frame and returns the frame deltas: mode 'jump' goes from top
 * to bottom in `args.frames` frames, 'continuous' moves `args.rowsPerFrame` rows per frame from the top.
 * A frame is blank when the first visible row has no row number yet (its data is still on its way).
 * `settleMs`: from the last scroll to the first frame where every visible row has its row number (the rows
 * of the place a scroll-bar drag ended at, asked for while the drag went on); measured in the table webview
 * (its grid says its row count in aria-rowcount, after three header rows).
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
  // Rows past the table's end (regular-table draws a partial row below the last) have no number.
  const rows = Number(el.getAttribute('aria-rowcount')) - 3;
  const settled = () => {
    const headers = [...el.querySelectorAll('tbody th')];
    const first = headers.length > 0 && el.getMeta ? el.getMeta(headers[0]) : undefined;
    if (!(rows >= 0) || first?.y === undefined) return true;
    return headers.slice(0, rows - first.y).every((th) => th.textContent !== '');
  };
  while (!settled() && performance.now() - last < 10_000) await nextFrame();
  return { deltas, blank, settleMs: performance.now() - last };
}

/** When the table webview was ready for rows, painted its first rows and knew its file read (Date.now() values), and its rows. */
export function tableTimes() {
  const data = document.body.dataset;
  const table = document.querySelector('regular-table');
  return { readyAt: Number(data.readyAt), firstRowsAt: Number(data.firstRowsAt), loadedAt: Number(data.loadedAt), rows: Number(table?.getAttribute('aria-rowcount')) - 3 };
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

/**
 * code-server serves every webview from the workbench's own origin, so each new webview re-registers the one
 * webview service worker under its own id and its page waits for the swap (~1 s measured on a busy machine,
 * against ~0.1 s for the first webview of a window). VS Code desktop and vscode.dev give each webview its own
 * origin (vscode-webview://<id>, <id>.vscode-cdn.net), hence a fresh registration each time: dropping the
 * registration before each open measures that, not code-server's swap. Run in the workbench page.
 */
export async function dropWebviewServiceWorkers() {
  for (const registration of await window.navigator.serviceWorker.getRegistrations()) if (registration.scope.includes('/webview/')) await registration.unregister();
}
