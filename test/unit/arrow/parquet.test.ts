/** Parquet through parquet-wasm: every compression codec, values, nulls, batches, and broken files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Bool, DateDay, Float64, Int32, Int64, Table, TimestampMillisecond, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { openParquetBatches, readParquetBytes, readParquetFile } from '../../../src/core/ingest/parquet';
import { loadParquetWasm } from '../../../src/core/ingest/parquet-wasm';
import { renderTableText } from '../../../src/core/ingest/render-text';
import { profileTable, createStreamingProfiler } from '../../../src/core/profile/index';

const dir = mkdtempSync(path.join(tmpdir(), 'di-parquet-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const N = 3000;
const DAY = 86_400_000;
const source = new Table({
  id: vectorFromArray(Int32Array.from({ length: N }, (_, i) => i)),
  big: vectorFromArray(Array.from({ length: N }, (_, i) => (i % 5 === 0 ? null : BigInt(i) * 1_000_000_007n)), new Int64()),
  price: vectorFromArray(Array.from({ length: N }, (_, i) => (i % 7 === 0 ? null : Math.round(Math.sin(i) * 1e6) / 100)), new Float64()),
  city: vectorFromArray(Array.from({ length: N }, (_, i) => (i % 11 === 0 ? null : ['Paris', 'Lyon', 'Nice, FR', 'São Paulo'][i % 4])), new Utf8()),
  ok: vectorFromArray(Array.from({ length: N }, (_, i) => (i % 13 === 0 ? null : i % 3 === 0)), new Bool()),
  day: vectorFromArray(Array.from({ length: N }, (_, i) => (i % 17 === 0 ? null : (18_000 + i) * DAY)), new DateDay()),
  at: vectorFromArray(Array.from({ length: N }, (_, i) => 1_700_000_000_000 + i * 1000), new TimestampMillisecond()),
  small: vectorFromArray(Array.from({ length: N }, (_, i) => i % 100), new Int32()),
});

async function writeParquetFile(name: string, compression: string): Promise<string> {
  const pw = await loadParquetWasm();
  const codec = pw.Compression[compression as keyof typeof pw.Compression];
  const props = new pw.WriterPropertiesBuilder().setCompression(codec).setMaxRowGroupSize(1000).build();
  const bytes = pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(source, 'stream')), props);
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

function column(table: Table, name: string): unknown[] {
  const v = table.getChild(name)!;
  return Array.from({ length: table.numRows }, (_, i) => {
    const x = v.get(i) as unknown;
    return typeof x === 'bigint' ? x.toString() : x;
  });
}

for (const compression of ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'ZSTD', 'BROTLI', 'LZ4_RAW']) {
  test(`parquet ${compression}: values, nulls and types survive`, async () => {
    const file = await writeParquetFile(`t-${compression}.parquet`, compression);
    const result = await readParquetFile(file);
    assert.equal(result.format, 'parquet');
    assert.equal(result.rangesIn, 'rendered');
    assert.equal(result.table.numRows, N);
    for (const f of source.schema.fields) assert.deepEqual(column(result.table, f.name), column(source, f.name), `${compression} ${f.name}`);
    assert.deepEqual(
      result.columns.map((c) => c.kind),
      ['integer', 'integer', 'float', 'string', 'boolean', 'date', 'timestamp', 'integer'],
    );
    const profile = profileTable(result);
    assert.equal(profile.columns[1].nulls, N / 5);
    assert.equal(profile.columns[3].nulls, Math.ceil(N / 11));
    assert.equal(profile.columns[0].max, N - 1);
    // The in-memory reader agrees.
    const fromBytes = await readParquetBytes(new Uint8Array(readFileSync(file)), file);
    assert.deepEqual(column(fromBytes.table, 'city'), column(source, 'city'));
    // Rendered text has one line per row and navigable ranges.
    const { text, source: map } = renderTableText(result.table, result.columns);
    const lines = text.split('\n');
    const r = map.cellRange(42, 3);
    assert.equal(lines[r.start.line].slice(r.start.character, r.end.character), '"Nice, FR"');
  });
}

test('parquet batches stream with progress and feed the streaming profiler', async () => {
  const file = await writeParquetFile('stream.parquet', 'SNAPPY');
  const seen: number[] = [];
  const batchSource = await openParquetBatches(file, { onProgress: (p) => seen.push(p.rows) });
  assert.equal(batchSource.totalRows, N);
  const profiler = createStreamingProfiler(batchSource.columns);
  let batches = 0;
  for await (const b of batchSource.batches) {
    profiler.addBatch(b);
    batches++;
  }
  assert.ok(batches >= 3, `row groups of 1000 rows → ≥ 3 batches (got ${batches})`);
  assert.equal(seen[seen.length - 1], N);
  const streamed = profiler.finish({ path: file, format: 'parquet' });
  const exact = profileTable(await readParquetFile(file));
  assert.equal(streamed.rows, N);
  for (let k = 0; k < exact.columns.length; k++) {
    assert.equal(streamed.columns[k].nulls, exact.columns[k].nulls);
    assert.equal(streamed.columns[k].distinct, exact.columns[k].distinct);
    assert.deepEqual(streamed.columns[k].quantiles, exact.columns[k].quantiles, 'exact below the exact limit');
  }
});

test('broken parquet files give clear errors', async () => {
  const good = readFileSync(await writeParquetFile('good.parquet', 'ZSTD'));
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['empty.parquet', new Uint8Array(0), /is not a Parquet file: the file is empty/],
    ['text.parquet', new TextEncoder().encode('a,b\n1,2\n'), /is not a Parquet file: it does not start with "PAR1"/],
    ['arrow.parquet', tableToIPC(source, 'file'), /is not a Parquet file.*Arrow IPC/],
    ['cut.parquet', good.subarray(0, good.length - 100), /is truncated: the Parquet footer is missing/],
    ['cut2.parquet', good.subarray(0, 6), /is truncated/],
  ];
  // A corrupted footer (magic intact) must still fail cleanly.
  const bad = new Uint8Array(good);
  for (let i = bad.length - 200; i < bad.length - 8; i++) bad[i] ^= 0x55;
  cases.push(['corrupt.parquet', bad, /could not be read as Parquet/]);
  for (const [name, bytes, re] of cases) {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    await assert.rejects(readParquetFile(file), re, name);
  }
});

const flights = path.resolve(__dirname, '../../../node_modules/vega-datasets/data/flights-3m.parquet');
test('vega-datasets flights-3m.parquet streams with bounded batches', { skip: !existsSync(flights) && 'vega-datasets parquet absent' }, async () => {
  const s = await openParquetBatches(flights);
  assert.equal(s.totalRows, 3_000_000);
  let rows = 0;
  let maxBatch = 0;
  for await (const b of s.batches) {
    rows += b.numRows;
    maxBatch = Math.max(maxBatch, b.numRows);
  }
  assert.equal(rows, 3_000_000);
  assert.ok(maxBatch <= 65_536);
  assert.deepEqual(
    s.columns.map((c) => c.kind),
    ['timestamp', 'integer', 'integer', 'string', 'string'],
  );
});
