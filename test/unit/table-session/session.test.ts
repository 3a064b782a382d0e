/**
 * Table sessions as the grid uses them: windows with the file's texts, sort, filter, findings on cells,
 * locate and copy — in memory, and paged through batches for files over the memory budget (which must show
 * the same rows and say what a sort or filter covers).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Table, Utf8, Float64, Int32, tableToIPC, vectorFromArray, RecordBatchStreamWriter, RecordBatchFileWriter } from 'apache-arrow';
import { openTable, type OpenTableOptions } from '../../../src/core/table-session/open';
import { cellText } from '../../../src/core/table-session/values';
import { PagedStore } from '../../../src/core/table-session/stores';
import { loadParquetWasm } from '../../../src/core/ingest/parquet-wasm';
import type { GridCell } from '../../../src/core/table-session/types';

const dir = mkdtempSync(path.join(tmpdir(), 'di-session-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const CITIES = ['Paris', 'Lyon', 'Nice', 'Lille'];
const N = 2000;

/** Row i: id i, price (NA every 50th, "12O" at row 7: read as 12 written otherwise, "twelve" at row 9: rejected), a city, a date. */
function csv(): string {
  const lines = ['id,price,city,day'];
  for (let i = 0; i < N; i++) {
    const price = i === 7 ? '12O' : i === 9 ? 'twelve' : i % 50 === 3 ? 'NA' : ((i * 37) % 1000) / 4;
    const day = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    lines.push(`${i},${price},${CITIES[i % 4]},${day}`);
  }
  return lines.join('\n') + '\n';
}

const csvFile = path.join(dir, 'planted.csv');
writeFileSync(csvFile, csv());

const texts = (cells: GridCell[][]) => cells.map((row) => row.map(cellText));

/** Batches of a paged store (fails for a store in memory). */
function batchCount(store: unknown): number {
  assert.ok(store instanceof PagedStore, 'the file is paged');
  return store.batchCount;
}

async function open(file: string, options: OpenTableOptions = {}) {
  return openTable(file, options);
}

/** Paged: a budget smaller than the file and ~4 KiB chunks (many batches). */
const PAGED: OpenTableOptions = { memoryBudgetBytes: 1024, chunkBytes: 4096, previewBytes: 4096 };

test('a window shows the file texts: typed values, NA tokens and values that did not fit their type', async () => {
  const { session, paged, format } = await open(csvFile);
  assert.equal(paged, false);
  assert.equal(format, 'csv');
  const w = await session.window(0, 10);
  assert.deepEqual(w.rowNumbers, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(texts(w.cells)[0], ['0', '0', 'Paris', '2024-01-01']);
  assert.deepEqual(w.cells[3][1], { text: 'NA', note: 'na' });
  assert.equal(w.cells[7][1], '12O', 'a number written unlike its column shows as written');
  assert.deepEqual(w.cells[9][1], { text: 'twelve', note: 'rejected' });
  const cols = await session.window(5, 2, 2, 4);
  assert.equal(cols.firstColumn, 2);
  assert.deepEqual(texts(cols.cells), [['Lyon', '2024-06-06'], ['Nice', '2024-07-07']]);
});

test('sort by a number column (missing last both ways), by text, then back to file order', async () => {
  const { session } = await open(csvFile);
  let info = await session.applyView({ column: 1, direction: 'asc' }, null);
  assert.equal(info.rows, N);
  const asc = await session.window(0, N);
  const prices = asc.cells.map((r) => r[1]);
  // "12O" is read as 12 and sorts there.
  const numbers = prices.filter((c): c is string => typeof c === 'string').map((text) => (text === '12O' ? 12 : Number(text)));
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
  assert.ok(prices.includes('12O'));
  // 40 NA + the rejected cell: missing values at the end.
  assert.ok(prices.slice(-41).every((c) => typeof c === 'object'));
  info = await session.applyView({ column: 1, direction: 'desc' }, null);
  const desc = (await session.window(0, 3)).cells.map((r) => Number(cellText(r[1])));
  assert.deepEqual(desc, [249.75, 249.75, 249.5]);
  await session.applyView({ column: 2, direction: 'asc' }, null);
  const cities = (await session.window(0, N)).cells.map((r) => cellText(r[2]));
  assert.deepEqual([...new Set(cities)], ['Lille', 'Lyon', 'Nice', 'Paris']);
  info = await session.applyView(null, null);
  assert.deepEqual((await session.window(0, 3)).rowNumbers, [0, 1, 2]);
  assert.equal(info.sort, null);
});

test('filters: contains, comparisons on numbers and dates, missing, only rows with findings; "n of N"', async () => {
  const { session } = await open(csvFile);
  let info = await session.applyView(null, { conditions: [{ kind: 'contains', column: 2, text: 'LY' }], onlyFindings: false });
  assert.equal(info.rows, N / 4);
  assert.equal(info.totalRows, N);
  info = await session.applyView(null, { conditions: [{ kind: 'compare', column: 1, op: '>=', value: '249' }], onlyFindings: false });
  const high = (await session.window(0, info.rows)).cells.map((r) => Number(cellText(r[1])));
  assert.ok(high.length > 0 && high.every((p) => p >= 249));
  info = await session.applyView(null, { conditions: [{ kind: 'compare', column: 3, op: '<', value: '2024-01-03' }], onlyFindings: false });
  assert.ok((await session.window(0, info.rows)).cells.every((r) => cellText(r[3]) < '2024-01-03'));
  info = await session.applyView(null, { conditions: [{ kind: 'missing', column: 1, missing: true }], onlyFindings: false });
  assert.equal(info.rows, 41);
  // Kept texts are found as written: "12O" (read as 12), the rejected "twelve".
  info = await session.applyView(null, { conditions: [{ kind: 'contains', column: null, text: '12o' }], onlyFindings: false });
  assert.deepEqual((await session.window(0, 5)).rowNumbers, [7]);
  info = await session.applyView(null, { conditions: [{ kind: 'contains', column: 1, text: 'TWEL' }], onlyFindings: false });
  assert.deepEqual((await session.window(0, 5)).rowNumbers, [9]);
  session.setFindings([
    { row: 7, column: 1, severity: 'error' },
    { row: 7, column: null, severity: 'information' },
    { row: 1500, column: 2, severity: 'warning' },
    { row: null, column: 2, severity: 'hint' },
  ]);
  info = await session.applyView({ column: 0, direction: 'desc' }, { conditions: [], onlyFindings: true });
  const w = await session.window(0, 10);
  assert.deepEqual(w.rowNumbers, [1500, 7]);
  assert.deepEqual(w.marks, [
    { row: 0, column: 2, severity: 'warning', finding: 2 },
    { row: 1, column: 1, severity: 'error', finding: 0 },
    { row: 1, column: null, severity: 'information', finding: 1 },
  ]);
  assert.equal(session.locate(7), 1);
  assert.equal(session.locate(8), -1);
  await assert.rejects(session.applyView(null, { conditions: [{ kind: 'compare', column: 1, op: '<', value: 'abc' }], onlyFindings: false }), /not a number/);
});

test('numbers written with decimal commas, points for thousands and negatives in parentheses show as the file writes them', async () => {
  const file = path.join(dir, 'european.csv');
  const rows = Array.from({ length: 40 }, (_, i) => `${i % 9},${100 + i};${i % 3 ? `${i}.${100 + i}.567` : '999'};${i % 5 === 2 ? `(${10 + i},50)` : `${20 + i},25`}`);
  writeFileSync(file, `weight;population;amount\n${rows.join('\n')}\n`);
  const { session, columns } = await open(file);
  assert.deepEqual(columns.map((c) => c.kind), ['float', 'float', 'float']);
  const shown = texts((await session.window(0, 3)).cells);
  assert.deepEqual(shown, [
    ['0,1', '999', '20,25'],
    ['1,101', '1.101.567', '21,25'],
    ['2,102', '2.102.567', '(12,5)'],
  ]);
});

test('numbers written with a unit, percent sign or currency show as written, sort by value and are found by their text', async () => {
  const file = path.join(dir, 'written.csv');
  const rows = ['16 oz,7%,"$1,234.5"', '12 oz,8.5%,"$2,000"', '16.0 ounce,10%,$999', '8 oz,NA,"$12,345,678"', '10 oz,3%,$5', '11 oz,2%,$6', '9 oz,1%,$7', '13 OZ.,5%,$8'];
  writeFileSync(file, `weight,share,cost\n${rows.join('\n')}\n`);
  const { session, columns } = await open(file);
  assert.deepEqual(columns.map((c) => c.kind), ['float', 'float', 'float']);
  const shown = texts((await session.window(0, 8)).cells);
  assert.deepEqual(shown.slice(0, 3), [
    ['16 oz', '7%', '$1,234.5'],
    ['12 oz', '8.5%', '$2,000'],
    ['16.0 ounce', '10%', '$999'],
  ]);
  assert.deepEqual(shown[7], ['13 OZ.', '5%', '$8']);
  await session.applyView({ column: 2, direction: 'desc' }, null);
  assert.deepEqual(texts((await session.window(0, 3)).cells).map((r) => r[2]), ['$12,345,678', '$2,000', '$1,234.5']);
  await session.applyView(null, { conditions: [{ kind: 'contains', column: 0, text: 'ounce' }], onlyFindings: false });
  assert.deepEqual((await session.window(0, 5)).rowNumbers, [2]);
  await session.applyView(null, { conditions: [{ kind: 'compare', column: 1, op: '>', value: '7' }], onlyFindings: false });
  assert.deepEqual((await session.window(0, 5)).rowNumbers, [1, 2]);
  await session.applyView(null, null);
  assert.equal((await session.copy(3, 4, 0, 3)).text, '8 oz\tNA\t$12,345,678');
});

test('copy: the selection as TSV with whole texts, quoted where needed', async () => {
  const file = path.join(dir, 'quotes.csv');
  writeFileSync(file, 'a,b\n"x\ty",1\n"say ""hi""",2\n' + `${'z'.repeat(1500)},3\n`);
  const { session } = await open(file);
  const copied = await session.copy(0, 3, 0, 2);
  assert.equal(copied.text, `"x\ty"\t1\n"say ""hi"""\t2\n${'z'.repeat(1500)}\t3`);
  assert.equal(copied.truncated, false);
  // The grid itself gets capped texts.
  assert.equal(cellText((await session.window(2, 1)).cells[0][0]).length, 1001);
});

test('CSV preview: the first rows are shown before the whole file is read', async () => {
  let firstRows = -1;
  const opened = await open(csvFile, { previewBytes: 4096, onFirstRows: (s) => (firstRows = s.store.rowCount) });
  assert.ok(firstRows > 0 && firstRows < N, `${firstRows} rows in the preview`);
  assert.equal(opened.session.store.rowCount, N);
});

test('over the memory budget a CSV is paged through batches and shows the same rows as in memory', async () => {
  const memory = await open(csvFile);
  const paged = await open(csvFile, PAGED);
  assert.equal(paged.paged, true);
  const store = paged.session.store;
  assert.ok(store instanceof PagedStore);
  assert.ok(store.batchCount > 5, `${store.batchCount} batches`);
  assert.equal(store.rowCount, N);
  for (const start of [0, 1990, 400, 0, 1000]) {
    assert.deepEqual(texts((await paged.session.window(start, 10)).cells), texts((await memory.session.window(start, 10)).cells), `rows from ${start}`);
  }
  assert.ok(store.reloads > 0, 'batches dropped from the cache were read again');
  const profile = await paged.profile();
  assert.equal(profile.rows, N);
  assert.equal(profile.columns[1].nulls, 41);
});

test('JSON Lines and gzip-compressed CSV open like CSV, in memory and paged', async () => {
  const jsonl = path.join(dir, 'planted.jsonl');
  writeFileSync(jsonl, Array.from({ length: N }, (_, i) => JSON.stringify({ id: i, city: CITIES[i % 4], score: i % 7 === 0 ? null : i / 4 })).join('\n') + '\n');
  const gz = path.join(dir, 'planted.csv.gz');
  writeFileSync(gz, gzipSync(readFileSync(csvFile)));
  const expected = texts((await (await open(csvFile)).session.window(1500, 5)).cells);
  for (const [file, options] of [[gz, {}], [gz, PAGED]] as const) {
    const opened = await open(file, options);
    assert.equal(opened.session.store.rowCount, N, file);
    assert.deepEqual(texts((await opened.session.window(1500, 5)).cells), expected, `${path.basename(file)} ${opened.paged ? 'paged' : 'in memory'}`);
  }
  const memory = await open(jsonl);
  const paged = await open(jsonl, PAGED);
  assert.equal(memory.format, 'jsonl');
  assert.equal(batchCount(paged.session.store) > 5, true);
  for (const start of [1990, 0, 700]) assert.deepEqual(texts((await paged.session.window(start, 5)).cells), texts((await memory.session.window(start, 5)).cells));
  assert.deepEqual(texts((await memory.session.window(7, 1)).cells)[0], ['7', 'Lille', '']);
});

test('paged filter scans every row; paged sort keeps the first rows in sort order and says so', async () => {
  const paged = await open(csvFile, { ...PAGED, limits: { sortLimit: 100, matchLimit: 300, copyCells: 1000 } });
  let info = await paged.session.applyView(null, { conditions: [{ kind: 'contains', column: 2, text: 'nice' }], onlyFindings: false });
  assert.equal(info.rows, 300);
  assert.deepEqual(info.coverage, { scannedRows: N, matchLimit: 300 });
  assert.deepEqual((await paged.session.window(0, 3)).rowNumbers, [2, 6, 10]);
  info = await paged.session.applyView({ column: 1, direction: 'desc' }, { conditions: [{ kind: 'contains', column: 2, text: 'paris' }], onlyFindings: false });
  assert.equal(info.rows, 100);
  assert.deepEqual(info.coverage, { scannedRows: N, sortLimit: 100 });
  const memory = await open(csvFile);
  await memory.session.applyView({ column: 1, direction: 'desc' }, { conditions: [{ kind: 'contains', column: 2, text: 'paris' }], onlyFindings: false });
  assert.deepEqual((await paged.session.window(0, 100)).rowNumbers, (await memory.session.window(0, 100)).rowNumbers);
  const copied = await paged.session.copy(0, 100, 0, 4);
  assert.equal(copied.rows, 100);
  assert.equal(copied.text.split('\n')[0], texts((await memory.session.window(0, 1)).cells)[0].join('\t'));
});

const table = new Table({
  id: vectorFromArray(Int32Array.from({ length: N }, (_, i) => i)),
  value: vectorFromArray(Array.from({ length: N }, (_, i) => (i % 9 === 0 ? null : (i * 13) % 101)), new Float64()),
  label: vectorFromArray(Array.from({ length: N }, (_, i) => `label ${i % 17}`), new Utf8()),
  small: vectorFromArray(Array.from({ length: N }, (_, i) => i % 3), new Int32()),
});

/** The table in batches of 250 rows. */
function batched(): Table {
  return new Table(Array.from({ length: N / 250 }, (_, k) => table.slice(k * 250, (k + 1) * 250).batches[0]));
}

for (const layout of ['file', 'stream'] as const) {
  test(`Arrow IPC ${layout} format: in memory and paged show the same rows and sort alike`, async () => {
    const file = path.join(dir, `t.${layout === 'file' ? 'arrow' : 'arrows'}`);
    const Writer = layout === 'file' ? RecordBatchFileWriter : RecordBatchStreamWriter;
    writeFileSync(file, Writer.writeAll(batched()).toUint8Array(true));
    const memory = await open(file);
    const paged = await open(file, { memoryBudgetBytes: 1024 });
    assert.equal(batchCount(paged.session.store), 8);
    for (const start of [1900, 0, 777]) {
      assert.deepEqual(texts((await paged.session.window(start, 5)).cells), texts((await memory.session.window(start, 5)).cells));
    }
    await memory.session.applyView({ column: 1, direction: 'asc' }, null);
    const first = (await memory.session.window(0, 3)).cells.map((r) => cellText(r[1]));
    assert.deepEqual(first, ['0', '0', '0']);
    await paged.session.applyView({ column: 1, direction: 'asc' }, null);
    assert.deepEqual((await paged.session.window(0, 3)).rowNumbers, (await memory.session.window(0, 3)).rowNumbers);
    await paged.close();
  });
}

test('Parquet over the budget is paged by row group', async () => {
  const pw = await loadParquetWasm();
  const props = new pw.WriterPropertiesBuilder().setMaxRowGroupSize(300).build();
  const file = path.join(dir, 't.parquet');
  writeFileSync(file, pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(table, 'stream')), props));
  const memory = await open(file);
  const paged = await open(file, { memoryBudgetBytes: 1024 });
  assert.equal(batchCount(paged.session.store), Math.ceil(N / 300));
  for (const start of [1990, 0, 650]) {
    assert.deepEqual(texts((await paged.session.window(start, 10)).cells), texts((await memory.session.window(start, 10)).cells));
  }
  const info = await paged.session.applyView(null, { conditions: [{ kind: 'compare', column: 3, op: '=', value: '2' }], onlyFindings: false });
  assert.equal(info.rows, Math.floor(N / 3));
  await paged.close();
});
