// Grid candidate for `npm run bench table`: finos/regular-table over a synthetic 3M × 8 data model (no I/O),
// the library alone. Exposes window.grid = { scroller, lastRow() } to the bench.
import 'regular-table';

const ROWS = 3_000_000;
const COLUMNS = 8;
// Cells sized like the editor's (22 px rows, 6 px padding, the editor font), so both draw a similar screen.
const style = document.createElement('style');
style.textContent = 'regular-table td, regular-table th { padding: 0 6px; height: 22px; white-space: nowrap; font: 13px monospace }';
document.head.append(style);
const table = document.createElement('regular-table');
document.body.append(table);
table.setDataListener((x0, y0, x1, y1) => {
  const data = [];
  for (let x = x0; x < x1; x++) {
    const column = [];
    for (let y = y0; y < y1; y++) column.push(`r${String(y).padStart(7, '0')}c${x} ${String((y * 7919 + x) % 1000).padStart(3, '0')}`);
    data.push(column);
  }
  const row_headers = [];
  for (let y = y0; y < y1; y++) row_headers.push([String(y + 1)]);
  const column_headers = [];
  for (let x = x0; x < x1; x++) column_headers.push([`column ${x}`]);
  return Promise.resolve({ num_rows: ROWS, num_columns: COLUMNS, data, row_headers, column_headers });
});
void table.draw();
window.grid = {
  scroller: table,
  lastRow: () => {
    const headers = table.querySelectorAll('tbody th');
    return Number(headers[headers.length - 1]?.textContent ?? -1);
  },
};
