// The page side of `npm run bench grid-rows` (bench/parts/grid-rows.bench.ts), evaluated by Playwright: self-contained.

/** Runs in the page: builds the table, scrolls it `frames` times by 10 rows, one step per animation frame. */
export async function scrollRows(args) {
  const ROWS = 36;
  const COLUMNS = 12;
  const STEP = 10;
  const categories = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
  const random = (y, x) => {
    let h = Math.imul(y ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(x + 1, 0xc2b2ae35);
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    h ^= h >>> 15;
    h = Math.imul(h, 0x846ca68b);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
  const format = new Intl.NumberFormat('en-US');
  /** Row y's text in column x (-1: the row number), like table-1m.csv in the editor. */
  const text = (y, x) => {
    const r = random(y, x);
    if (x > 0 && random(y, x + 100) < 0.01) return '';
    const values = [format.format(y), format.format(Math.round(r * 1e6)), (r * 100).toFixed(2), `20${10 + Math.floor(r * 15)}-0${1 + Math.floor(r * 9)}-1${Math.floor(r * 9)}`, r < 0.5 ? 'true' : 'false', categories[Math.floor(r * 6)], `item ${y}, said "hello" ${Math.floor(r * 1000)}`, format.format(Math.floor(r * 1e5)), r.toFixed(5), `City ${Math.floor(r * 200)}`, `C${Math.floor(r * 1e7)}`, 'plain note'];
    return x < 0 ? format.format(y + 1) : values[x];
  };
  const table = document.createElement('table');
  const body = document.createElement('tbody');
  table.append(body);
  document.body.append(table);
  /** The <tr>s in DOM order, each with its cells' text nodes. */
  const rows = [];
  for (let k = 0; k < ROWS; k++) {
    const tr = document.createElement('tr');
    const texts = [];
    for (let x = -1; x < COLUMNS; x++) {
      const cell = document.createElement(x < 0 ? 'th' : 'td');
      const node = document.createTextNode(text(k, x));
      cell.append(node);
      tr.append(cell);
      texts.push(node);
    }
    body.append(tr);
    rows.push({ tr, texts });
  }
  const fill = (row, y) => row.texts.forEach((node, i) => (node.data = text(y, i - 1)));
  const nextFrame = () => new Promise((resolve) => window.requestAnimationFrame(resolve));
  /** Ring mode: the <tr> at DOM index k shows row `shown[k]`, placed at its slot by its and the <tbody>'s transforms. */
  const shown = rows.map((_, k) => k);
  const deltas = [];
  let last = await nextFrame();
  for (let frame = 1; frame <= args.frames; frame++) {
    const top = frame * STEP;
    if (args.mode === 'refill') {
      rows.forEach((row, k) => fill(row, top + k));
    } else if (args.mode === 'moved rows') {
      const moved = rows.splice(0, STEP);
      rows.push(...moved);
      moved.forEach((row, i) => fill(row, top + ROWS - STEP + i));
      body.append(...moved.map((row) => row.tr));
    } else {
      // Each <tr> is offset by the rows it skipped when it wrapped (only the rows that came into view change);
      // the <tbody> by the scroll (one write a frame).
      rows.forEach((row, k) => {
        if (shown[k] >= top) return;
        shown[k] += ROWS;
        fill(row, shown[k]);
        row.tr.style.transform = `translateY(${(shown[k] - k) * 22}px)`;
      });
      body.style.transform = `translateY(${-top * 22}px)`;
    }
    const now = await nextFrame();
    deltas.push(now - last);
    last = now;
  }
  return deltas;
}
