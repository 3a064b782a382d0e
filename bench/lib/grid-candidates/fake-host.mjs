// For `npm run bench table`: the table editor's webview (dist/webview/table.js) outside VS Code, with a fake host
// that answers its messages at once from the same synthetic 3M × 8 model as the candidates (no worker, no IPC).
const ROWS = 3_000_000;
const COLUMNS = 8;
const columns = Array.from({ length: COLUMNS }, (_, x) => ({ name: `column ${x}`, kind: 'string', arrowType: 'Utf8' }));
let state;
function reply(message) {
  window.dispatchEvent(new window.MessageEvent('message', { data: message }));
}
function rows(start, count, c0, c1) {
  const rowNumbers = [];
  const cells = [];
  for (let y = start; y < start + count; y++) {
    rowNumbers.push(y);
    const row = [];
    for (let x = c0; x < c1; x++) row.push(`r${String(y).padStart(7, '0')}c${x} ${String((y * 7919 + x) % 1000).padStart(3, '0')}`);
    cells.push(row);
  }
  return { start, firstColumn: c0, rowNumbers, cells, marks: [] };
}
window.acquireVsCodeApi = () => ({
  getState: () => state,
  setState: (s) => (state = s),
  postMessage(message) {
    setTimeout(() => {
      if (message.type === 'ready') {
        reply({ type: 'init', init: { fileName: 'synthetic', format: 'arrow', paged: false, columns, rows: ROWS, complete: true, firstRows: rows(0, 128, 0, COLUMNS) } });
        reply({ type: 'findings', findings: null, shown: 0, total: 0 });
        // Header summaries as a profile gives them: histograms and top-values bars.
        const summaries = columns.map((_, x) =>
          x % 2 === 0
            ? { missing: 0.01, distinct: 1000, histogram: { counts: Array.from({ length: 20 }, (_, i) => ((i + x) * 37) % 50), from: '0', to: '999' } }
            : { missing: 0, distinct: 8, topValues: Array.from({ length: 5 }, (_, i) => ({ value: `v${i}`, share: 0.3 - i * 0.05 })) },
        );
        reply({ type: 'summaries', summaries });
      } else if (message.type === 'window') {
        reply({ type: 'window', requestId: message.requestId, window: rows(message.start, message.count, message.c0, message.c1) });
      } else if (message.type === 'view') {
        reply({ type: 'view', requestId: message.requestId, info: { rows: ROWS, totalRows: ROWS, sort: message.sort, filter: message.filter, coverage: { scannedRows: ROWS } } });
      }
    }, 0);
  },
});
