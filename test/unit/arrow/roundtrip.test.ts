/** Arrow round trips (table → IPC file/stream → reader → same values) and the text rendering's source map. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  Bool,
  DateDay,
  Dictionary,
  Float64,
  Int32,
  Int64,
  RecordBatch,
  Table,
  TimestampMillisecond,
  Utf8,
  tableToIPC,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import { readArrowBytes, readArrowFile, openArrowBatches, kindOfArrowType } from '../../../src/core/ingest/arrow';
import { csvField, formatTableCell, renderTableText, createRenderedSourceMap } from '../../../src/core/ingest/render-text';
import type { TextRange } from '../../../src/core/table/model';

const dir = mkdtempSync(path.join(tmpdir(), 'di-arrow-rt-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

type Cell = number | bigint | string | boolean | null;

interface ColumnSpec {
  type: () => DataType;
  arb: fc.Arbitrary<Cell>;
  /** Normalises what Arrow's get() returns for comparison. */
  norm?: (v: unknown) => unknown;
}

const DAY = 86_400_000;
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('a,b', 'say "hi"', 'line\nbreak', ' padded ', 'tab\there', 'Paris', 'paris ', '', 'é€😀'),
);
const specs: Record<string, ColumnSpec> = {
  int32: { type: () => new Int32(), arb: fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { nil: null }) },
  int64: { type: () => new Int64(), arb: fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { nil: null }) },
  float64: { type: () => new Float64(), arb: fc.option(fc.double(), { nil: null }) },
  utf8: { type: () => new Utf8(), arb: fc.option(text, { nil: null }) },
  bool: { type: () => new Bool(), arb: fc.option(fc.boolean(), { nil: null }) },
  date: { type: () => new DateDay(), arb: fc.option(fc.integer({ min: -700_000, max: 2_900_000 }).map((d) => d * DAY), { nil: null }) },
  timestamp: { type: () => new TimestampMillisecond(), arb: fc.option(fc.integer({ min: -1e13, max: 1e13 }), { nil: null }) },
  dict: { type: () => new Dictionary(new Utf8(), new Int32()), arb: fc.option(fc.constantFrom('red', 'green', 'blue, "dark"', 'x\ny'), { nil: null }) },
};

const tableArb = fc
  .uniqueArray(fc.constantFrom(...Object.keys(specs)), { minLength: 1, maxLength: 6 })
  .chain((kinds) =>
    fc.tuple(
      fc.constant(kinds),
      fc.integer({ min: 0, max: 40 }).chain((rows) => fc.tuple(...kinds.map((k) => fc.array(specs[k].arb, { minLength: rows, maxLength: rows })))),
      fc.integer({ min: 1, max: 4 }),
    ),
  );

function buildTable(kinds: string[], columns: Cell[][], batches: number): Table {
  const rows = columns[0]?.length ?? 0;
  const vectors: Record<string, Vector> = {};
  kinds.forEach((k, i) => {
    vectors[`${k}_${i}`] = vectorFromArray(columns[i], specs[k].type());
  });
  const full = new Table(vectors);
  if (rows === 0) return full;
  // Re-chunk into several batches (sliced data: non-zero offsets on the writer side).
  const size = Math.max(1, Math.ceil(rows / batches));
  const out: RecordBatch[] = [];
  for (let start = 0; start < rows; start += size) out.push(...full.slice(start, start + size).batches);
  return new Table(out);
}

function cellsOf(table: Table): unknown[][] {
  return table.schema.fields.map((_, c) => {
    const v = table.getChildAt(c)!;
    return Array.from({ length: table.numRows }, (_, r) => v.get(r) as unknown);
  });
}

function sliceRange(lines: string[], range: TextRange): string {
  assert.equal(range.start.line, range.end.line, 'ranges stay on one line');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

test('random tables survive IPC file and stream round trips, with exact source ranges', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(tableArb, async ([kinds, columns, batches]) => {
      const table = buildTable(kinds, columns, batches);
      const expected = cellsOf(table);
      for (const format of ['file', 'stream'] as const) {
        const bytes = tableToIPC(table, format);
        const file = path.join(dir, `rt-${n++}.${format === 'file' ? 'arrow' : 'arrows'}`);
        writeFileSync(file, bytes);
        for (const result of [await readArrowFile(file), readArrowBytes(bytes, file)]) {
          assert.equal(result.table.numRows, table.numRows);
          assert.deepEqual(cellsOf(result.table), expected);
          assert.deepEqual(
            result.columns.map((c) => c.kind),
            table.schema.fields.map((f) => kindOfArrowType(f.type)),
          );
          // Source map from the reader = ranges in the rendered text.
          const rendered = renderTableText(result.table, result.columns);
          const lines = rendered.text.split('\n');
          assert.equal(lines.length, table.numRows + 2);
          for (let c = 0; c < result.columns.length; c++) {
            assert.equal(sliceRange(lines, result.source.headerRange(c)), csvField(result.columns[c].name));
          }
          for (let r = 0; r < table.numRows; r++) {
            const row = result.source.rowRange(r);
            assert.equal(sliceRange(lines, row), lines[r + 1]);
            for (let c = 0; c < result.columns.length; c++) {
              const field = sliceRange(lines, result.source.cellRange(r, c));
              assert.equal(field, csvField(formatTableCell(result.table, r, c)));
              assert.deepEqual(result.source.cellRange(r, c), rendered.source.cellRange(r, c));
            }
          }
        }
      }
    }),
    { numRuns: 60, seed: 42 },
  );
});

test('rendered values: dates ISO, quoting, escapes, nulls', () => {
  const table = new Table({
    d: vectorFromArray([0, 19_000 * DAY, null], new DateDay()),
    t: vectorFromArray([Date.UTC(2024, 0, 2, 3, 4, 5, 600), null, 0], new TimestampMillisecond()),
    s: vectorFromArray(['plain', 'a,b "c"', 'x\ny'], new Utf8()),
    b: vectorFromArray([true, false, null], new Bool()),
  });
  const { text } = renderTableText(table, []);
  assert.equal(
    text,
    ['d,t,s,b', '1970-01-01,2024-01-02T03:04:05.600,plain,true', '2022-01-08,,"a,b ""c""",false', ',1970-01-01T00:00:00,x\\ny,', ''].join('\n'),
  );
});

test('row cap: rows beyond it map to the marker line', () => {
  const table = new Table({ x: vectorFromArray(Int32Array.from({ length: 25 }, (_, i) => i)) });
  const r = renderTableText(table, [], { rowCap: 10 });
  const lines = r.text.split('\n');
  assert.equal(r.renderedRows, 10);
  assert.equal(r.truncated, true);
  assert.equal(lines.length, 1 + 10 + 1 + 1);
  assert.match(lines[11], /^# … 15 more rows not shown/);
  assert.equal(r.source.cellRange(3, 0).start.line, 4);
  assert.deepEqual(r.source.cellRange(20, 0), { start: { line: 11, character: 0 }, end: { line: 11, character: lines[11].length } });
  assert.deepEqual(r.source.rowRange(10), r.source.cellRange(24, 0));
  assert.throws(() => r.source.cellRange(25, 0), RangeError);
  // The reader's map agrees with the renderer for the same cap.
  assert.deepEqual(createRenderedSourceMap(table, [], { rowCap: 10 }).rowRange(12), r.source.rowRange(12));
});

test('openArrowBatches yields batches one by one with progress, then closes the file', async () => {
  const table = new Table({ x: vectorFromArray(Float64Array.from({ length: 1000 }, (_, i) => i)) });
  const batches = [0, 250, 500, 750].map((s) => table.slice(s, s + 250).batches).flat();
  const file = path.join(dir, 'batches.arrow');
  writeFileSync(file, tableToIPC(new Table(batches), 'file'));
  const progress: number[] = [];
  const source = await openArrowBatches(file, { onProgress: (p) => progress.push(p.rows) });
  let rows = 0;
  let count = 0;
  for await (const b of source.batches) {
    rows += b.numRows;
    count++;
  }
  assert.equal(rows, 1000);
  assert.equal(count, 4);
  assert.deepEqual(progress, [250, 500, 750, 1000, 1000]);
});
