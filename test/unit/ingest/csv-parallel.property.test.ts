/**
 * Property: the parallel reader (many tiny chunks over worker threads) reads exactly what the one-thread
 * reader reads — values, types, rejected and NA cells, structural issues with their ranges, every cell's
 * range — on generated CSVs with quoted fields spanning chunk boundaries, CRLF/CR/LF, blank and ragged
 * rows, stray and unterminated quotes, NA tokens, columns whose values change type from chunk to chunk, and
 * numbers written with units, percent signs, currencies or thousands separators, "2540.0" integers, dates
 * with month names and timestamps with non-ISO dates (column formats, variant cells, and percents read at
 * the scale of the whole column).
 */
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { prepareCsvBytes } from '../../../src/core/ingest/csv/decode';
import { readPreparedCsv, type CsvRead, type CsvReadOptions } from '../../../src/core/ingest/csv/read';
import { readPreparedCsvInParallel, threadsFor } from '../../../src/core/ingest/csv/parallel';
import { availableParallelism } from 'node:os';
import { closeSharedPool } from '../../../src/core/ingest/csv/pool';
import { guessRecordStart } from '../../../src/core/ingest/csv/boundaries';
import { scanRecords } from '../../../src/core/ingest/csv/scan';
import type { InferredColumn } from '../../../src/core/ingest/csv/infer';

after(() => closeSharedPool());

/** Everything a user can see of a read, as comparable data. */
function observed(read: CsvRead, rangeStride = 1) {
  const { result } = read;
  const { table, source } = result;
  const values = table.schema.fields.map((field, c) => {
    const column = table.getChildAt(c)!;
    return { type: String(field.type), cells: Array.from({ length: table.numRows }, (_, r) => column.get(r) as unknown) };
  });
  return {
    rows: table.numRows,
    names: table.schema.fields.map((f) => f.name),
    values,
    columns: result.columns,
    rejected: result.rejectedCells,
    variants: result.variantCells,
    na: result.naTokenCells,
    structural: result.structuralIssues,
    dialect: result.dialect,
    consumed: read.consumed,
    lines: read.lines,
    rowRanges: Array.from({ length: Math.ceil(table.numRows / rangeStride) }, (_, i) => source.rowRange(i * rangeStride)),
    cellRanges: Array.from({ length: Math.ceil(table.numRows / rangeStride) }, (_, i) => Array.from({ length: table.numCols }, (_, c) => source.cellRange(i * rangeStride, c))),
    headerRanges: Array.from({ length: table.numCols }, (_, c) => source.headerRange(c)),
  };
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Column kinds whose cells (raw field text, quoting included) depend on the row: types change along the file. */
const columnKinds = [
  'int',
  'int-then-float',
  'int32-then-int64',
  'bool',
  'zero-one',
  'date',
  'date-formats',
  'timestamp',
  'category',
  'text',
  'sparse',
  'mostly-int',
  'unit',
  'percent-scale',
  'thousands',
  'integral',
  'month-date',
  'timestamp-other',
  'padded-code',
] as const;
type ColumnKind = (typeof columnKinds)[number];

function cellArb(kind: ColumnKind, row: number, rows: number): fc.Arbitrary<string> {
  const late = row >= rows / 2;
  const typed: Record<ColumnKind, fc.Arbitrary<string>> = {
    int: fc.integer({ min: -5000, max: 5000 }).map(String),
    'int-then-float': late ? fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x.toFixed(3)) : fc.integer({ min: 0, max: 99 }).map(String),
    'int32-then-int64': late && row % 7 === 0 ? fc.constantFrom('3000000000', '-9007199254740991') : fc.integer().map(String),
    bool: fc.constantFrom('true', 'false', 'yes', 'no', 'TRUE'),
    'zero-one': fc.constantFrom('0', '1'),
    date: fc.date({ min: new Date('1950-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    'date-formats': fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2030 })).map(([d, m, y]) => (late ? `${d}/${m}/${y}` : `${m}/${d}/${y}`)),
    timestamp: fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    category: fc.constantFrom('alpha', 'beta', 'gamma', late ? 'delta' : 'alpha', ' beta '),
    text: fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r\n', '\r', ' ', 'é', '😀', '\t'), maxLength: 8 }).map(quoted),
    sparse: row % 5 === 3 ? fc.integer({ min: 0, max: 9 }).map(String) : fc.constant(''),
    'mostly-int': fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 99 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('n/a', 'x', '1.5') }),
    // Ounces, mostly as "N oz", some spelled otherwise or plain, one in another unit.
    unit: fc.tuple(fc.integer({ min: 1, max: 64 }), fc.constantFrom(' oz', ' oz', ' oz', ' ounce', '.0 oz', '', ' OZ.', ' kg')).map(([n, u]) => `${n}${u}`),
    // Fractions, with percents among them late in the file (read at the scale of the whole column).
    'percent-scale': late && row % 3 === 0 ? fc.integer({ min: 1, max: 99 }).map((n) => `${n}%`) : fc.integer({ min: 1, max: 99 }).map((n) => `0.${String(n).padStart(2, '0')}`),
    thousands: fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.constantFrom('', '$', '€')).map(([n, c]) => quoted(`${c}${n.toLocaleString('en-US')}`)),
    integral: fc.integer({ min: -99_999, max: 99_999 }).map((n) => (row % 4 === 0 ? `${n}.0` : String(n))),
    'month-date': fc
      .tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom('Jan', 'Feb', 'March', 'Sept', 'Dec'), fc.integer({ min: 1950, max: 2030 }))
      .map(([d, m, y]) => (late ? `${d} ${m} ${y}` : quoted(`${m} ${d}, ${y}`))),
    'timestamp-other': fc
      .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 59 }))
      .map(([d, m, y, h, min]) => `${y}/${m}/${d} ${h}:${String(min).padStart(2, '0')}${row % 2 ? ' PM' : ''}`),
    // Zip codes written with their zeros (text), some late in the file only, now and then one that lost them.
    'padded-code': fc.integer({ min: late ? 100 : 10_000, max: 99_999 }).map((n) => (row % 9 === 4 ? String(n) : String(n).padStart(5, '0'))),
  };
  return fc.oneof(
    { weight: 12, arbitrary: typed[kind] },
    { weight: 1, arbitrary: fc.constantFrom('', 'NA', 'null', '-', '?', ' NA ') },
    { weight: 1, arbitrary: typed[kind].map((v) => (v.startsWith('"') ? v : quoted(v))) },
  );
}

interface Shape {
  kinds: ColumnKind[];
  rows: number;
  endings: string[];
  blanks: number[];
  ragged: number[];
  strayQuote: boolean;
  unterminated: boolean;
  finalNewline: boolean;
  delimiter: string;
}

const shapeArb = fc.record({
  kinds: fc.array(fc.constantFrom(...columnKinds), { minLength: 1, maxLength: 5 }),
  rows: fc.integer({ min: 0, max: 40 }),
  endings: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 }),
  blanks: fc.array(fc.nat(40), { maxLength: 3 }),
  ragged: fc.array(fc.nat(40), { maxLength: 3 }),
  strayQuote: fc.boolean(),
  unterminated: fc.boolean(),
  finalNewline: fc.boolean(),
  delimiter: fc.constantFrom(',', ';', '\t'),
});

const csvArb = shapeArb.chain((shape: Shape) =>
  fc
    .tuple(...Array.from({ length: shape.rows }, (_, r) => fc.tuple(...shape.kinds.map((kind) => cellArb(kind, r, shape.rows)))))
    .map((cells) => {
      const lines = [shape.kinds.map((k, c) => `${k}${c}`).join(shape.delimiter)];
      cells.forEach((row, r) => {
        let fields: string[] = row;
        if (shape.ragged.includes(r)) fields = r % 2 ? fields.slice(0, -1) : [...fields, 'extra'];
        if (shape.strayQuote && r === 1) fields = [`ab"c`, ...fields.slice(1)];
        lines.push(fields.join(shape.delimiter));
        if (shape.blanks.includes(r)) lines.push('');
      });
      let text = '';
      lines.forEach((line, i) => (text += (i > 0 ? shape.endings[i % shape.endings.length] : '') + line));
      if (shape.finalNewline) text += shape.endings[0];
      if (shape.unterminated) text += `${shape.endings[0]}"never closed${shape.delimiter}1`;
      return { text, delimiter: shape.delimiter };
    }),
);

async function assertSameRead(text: string, options: CsvReadOptions, parallelChunkBytes: number, threads: number, rangeStride = 1): Promise<void> {
  const prepared = prepareCsvBytes(new TextEncoder().encode(text));
  const one = readPreparedCsv(prepared, options);
  const many = await readPreparedCsvInParallel(prepared, { ...options, threads, parallelChunkBytes });
  assert.deepEqual(observed(many, rangeStride), observed(one, rangeStride), `chunks of ${parallelChunkBytes} bytes over ${threads} threads`);
}

test('parallel reads of generated CSVs equal the one-thread read, for tiny chunks over worker threads', async () => {
  await fc.assert(
    fc.asyncProperty(csvArb, fc.integer({ min: 1, max: 64 }), fc.constantFrom(2, 3), fc.boolean(), async ({ text, delimiter }, parallelChunkBytes, threads, sniff) => {
      await assertSameRead(text, sniff ? {} : { delimiter }, parallelChunkBytes, threads);
    }),
    { numRuns: 150 },
  );
});

test('chunks of a streamed file (may end mid-record) and fixed column types read the same in parallel', async () => {
  await fc.assert(
    fc.asyncProperty(csvArb, fc.integer({ min: 1, max: 64 }), async ({ text, delimiter }, parallelChunkBytes) => {
      // Data after the first batch: no header, the first batch's names and types, bytes cut anywhere.
      const cut = text.slice(0, Math.floor(text.length * 0.8));
      await assertSameRead(cut, { delimiter, final: false }, parallelChunkBytes, 2);
      const types: InferredColumn[] = [{ kind: 'integer', int32: true }, { kind: 'categorical' }, { kind: 'float' }, { kind: 'string' }, { kind: 'date', dateFormat: 'YYYY-MM-DD' }];
      await assertSameRead(cut, { delimiter, final: false, hasHeader: false, columnNames: types.map((_, i) => `c${i}`), columnTypes: types, firstLine: 7 }, parallelChunkBytes, 3);
    }),
    { numRuns: 60 },
  );
});

test('large inputs, where types are inferred from a sample, read the same in parallel', async () => {
  // 60,000 rows: the sample is every third row (INFERENCE_SAMPLE = 20,000), whatever the chunks.
  const n = 60_000;
  const sampled = (i: number) => i % 3 === 0;
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 20_000, max: 600_000 }), async (seed, parallelChunkBytes) => {
      const rows: string[] = ['id,switch,big,misled,unseen,mostly,cat,few,share,weight,early,spread'];
      let s = seed;
      const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
      for (let i = 0; i < n; i++) {
        rows.push(
          [
            i,
            // Integers in the first half, floats in the second.
            i < n / 2 ? String(Math.floor(next() * 100)) : (next() * 100).toFixed(2),
            // Int32 in the sample; beyond Int32 in a few rows it does not see: widened to Int64.
            !sampled(i) && i % 101 === 1 ? '5000000000' : String(Math.floor(next() * 1000)),
            // Integers in the sample, text elsewhere: the sample misleads, every value decides.
            sampled(i) ? String(i % 10) : `t${i % 10}`,
            // Values only in rows the sample does not see.
            i % 3 === 2 && i % 7 === 0 ? String(i) : '',
            // Integers with 12 % text.
            next() < 0.12 ? 'oops' : String(i % 100),
            // 600 distinct values in the first half, 600 others in the second: over the dictionary cap together.
            `v${i < n / 2 ? i % 600 : 600 + (i % 600)}`,
            `d${i % (seed + 3)}`,
            // Fractions, with percents in the last tenth: read at the scale of the whole column, in other chunks than its values.
            i > n * 0.9 && i % 5 === 0 ? `${i % 100}%` : `0.${String(i % 100).padStart(2, '0')}`,
            // Ounces, a few written otherwise.
            i % 50 === 0 ? `${i % 40}.0 ounce` : `${i % 40} oz`,
            // Text in the first 15 % of the rows, integers after: the sample's text is too much in the first chunks alone.
            i < n * 0.15 ? `e${i % 4}` : String(i % 50),
            // Integers with one value in 8 of text, everywhere: too much text only over the chunks together.
            i % 8 === 0 ? `s${i % 3}` : String(i % 50),
          ].join(','),
        );
      }
      const text = rows.join('\n') + '\n';
      await assertSameRead(text, {}, parallelChunkBytes, 2, 97);
      const { columns } = (await readPreparedCsvInParallel(prepareCsvBytes(new TextEncoder().encode(text)), { threads: 2, parallelChunkBytes })).result;
      assert.deepEqual(
        columns.map((c) => `${c.name}: ${c.kind} ${c.arrowType}`),
        [
          'id: integer Int32',
          'switch: float Float64',
          'big: integer Int64',
          'misled: categorical Dictionary<Int32, Utf8>',
          'unseen: integer Int32',
          'mostly: categorical Dictionary<Int32, Utf8>',
          'cat: string Utf8',
          seed + 3 <= 1000 ? 'few: categorical Dictionary<Int32, Utf8>' : 'few: string Utf8',
          'share: float Float64',
          'weight: float Float64',
          'early: categorical Dictionary<Int32, Utf8>',
          'spread: categorical Dictionary<Int32, Utf8>',
        ],
      );
      assert.equal(columns[9].numberFormat?.unit, 'oz');
      // "50%" in row 55,050 is 0.5 among fractions (the chunk it is in may hold no fraction).
      const { table } = (await readPreparedCsvInParallel(prepareCsvBytes(new TextEncoder().encode(text)), { threads: 2, parallelChunkBytes })).result;
      assert.equal(table.getChildAt(8)?.get(55_050), 0.5);
    }),
    { numRuns: 4 },
  );
});

test('threads: the setting caps them (1 = one thread, 0 = every core), and so does the file size (memory)', () => {
  const MiB = 2 ** 20;
  assert.equal(threadsFor(100 * MiB, 1), 1);
  assert.equal(threadsFor(100 * MiB, 16), 2);
  assert.equal(threadsFor(256 * MiB, 16), 5);
  assert.equal(threadsFor(1024 * MiB, 16), 16);
  assert.equal(threadsFor(1024 * MiB, 0), Math.min(availableParallelism(), 17));
});

test('chunk cuts: the quote-aware guess finds true record starts where the first line break would not', () => {
  // Every third record has a quoted field with line breaks, doubled quotes and delimiters in it.
  const records = ['id,note,n'];
  for (let i = 0; i < 3000; i++) records.push(i % 3 === 0 ? `${i},"line one, ""quoted""\nline two\r\nline three",${i}` : `${i},plain ${i},${i}`);
  const bytes = new TextEncoder().encode(records.join('\n') + '\n');
  const scan = scanRecords(bytes, { delimiter: 44, quote: 34, width: 3, headerStart: 0, trailingDelimiter: false, estimatedRows: 3000, firstLine: 0, final: true });
  const starts = new Set([...scan.rowStarts, bytes.length]);
  const firstLineBreak = (offset: number) => {
    for (let p = Math.max(0, offset - 1); p < bytes.length; p++) if (bytes[p] === 10) return p + 1;
    return bytes.length;
  };
  let guessed = 0;
  let naive = 0;
  let offsets = 0;
  for (let offset = 1; offset < bytes.length; offset += 37) {
    offsets++;
    if (starts.has(guessRecordStart(bytes, offset, 44, 34))) guessed++;
    if (starts.has(firstLineBreak(offset))) naive++;
  }
  assert.ok(guessed >= offsets * 0.99, `${guessed} of ${offsets} guesses are record starts`);
  assert.ok(naive < offsets * 0.9, `${naive} of ${offsets} first line breaks are record starts`);
});
