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
  // The grid's body rows in screen order: by aria-rowindex (the table webview's grid keeps a row's element while
  // it stays on screen, so DOM order is not screen order while scrolling), else in DOM order.
  const bodyRowsInOrder = (grid) => {
    const rows = [...grid.querySelectorAll('tbody tr')];
    const indexed = rows.filter((tr) => tr.hasAttribute('aria-rowindex'));
    if (indexed.length === 0) return rows;
    return indexed.sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
  };
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
    const firstHeader = bodyRowsInOrder(el)[0]?.querySelector('th');
    if (firstHeader && firstHeader.textContent === '') blank++;
  }
  // Rows past the table's end (regular-table draws a partial row below the last) have no number.
  const rows = Number(el.getAttribute('aria-rowcount')) - 3;
  const settled = () => {
    if (el.getMeta) {
      // regular-table (main before its own grid): its row headers in DOM order, the first one's row from its metadata.
      const headers = [...el.querySelectorAll('tbody th')];
      const first = headers.length > 0 ? el.getMeta(headers[0]) : undefined;
      if (!(rows >= 0) || first?.y === undefined) return true;
      return headers.slice(0, rows - first.y).every((th) => th.textContent !== '');
    }
    const ordered = bodyRowsInOrder(el);
    const firstIndex = Number(ordered[0]?.getAttribute('aria-rowindex'));
    if (!(rows >= 0) || !(firstIndex > 3)) return true;
    return ordered
      .slice(0, rows - (firstIndex - 4))
      .map((tr) => tr.querySelector('th'))
      .every((th) => th && th.textContent !== '');
  };
  while (!settled() && performance.now() - last < 10_000) await nextFrame();
  return { deltas, blank, settleMs: performance.now() - last };
}

/** When the table webview was ready for rows, painted its first rows and knew its file read (Date.now() values), and its rows. */
export function tableTimes() {
  const data = document.body.dataset;
  const table = document.querySelector('[role=grid]');
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
  // The highest row number a body row shows (the table webview's grid does not keep its rows in DOM order).
  const headers = [...document.querySelectorAll('regular-table tbody th, [role=grid] tbody th')];
  return Math.max(-1, ...headers.map((th) => Number((th.textContent || '-1').replace(/,/g, ''))));
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
