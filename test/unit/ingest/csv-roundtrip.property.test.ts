/**
 * Property: random tables → a CSV writer with random delimiters, quoting and line endings → the reader →
 * identical values, and every cell's source range covers exactly the text the writer put there.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { offsetOf } from './helpers';

interface Written {
  text: string;
  /** [start, end) offsets of each data cell as written (quotes included). */
  cells: [number, number][][];
}

function writeCsv(header: string[], rows: string[][], delimiter: string, eol: string, quoteAll: boolean, finalNewline: boolean): Written {
  let text = '';
  const cells: [number, number][][] = [];
  const needsQuotes = (v: string) => quoteAll || v.includes(delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r') || v === '';
  const field = (v: string) => (needsQuotes(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const line = (values: string[], positions?: [number, number][]) => {
    values.forEach((v, i) => {
      if (i > 0) text += delimiter;
      const start = text.length;
      text += field(v);
      positions?.push([start, text.length]);
    });
  };
  line(header);
  for (const row of rows) {
    text += eol;
    const positions: [number, number][] = [];
    line(row, positions);
    cells.push(positions);
  }
  if (finalNewline) text += eol;
  return { text, cells };
}

// Text cells: a letter first (so every column stays a string column), then anything, delimiters,
// quotes and line breaks included.
const cellArb = fc
  .tuple(fc.constantFrom('x', 'é', 'Z', '名'), fc.string({ unit: fc.oneof(fc.constantFrom(',', ';', '\t', '|', '"', '\n', '\r\n', ' ', '😀'), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 12 }))
  .map(([a, b]) => a + b);

test('random tables survive the writer → reader round trip with exact cell ranges', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 5 }).chain((width) =>
        fc.record({
          rows: fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
          width: fc.constant(width),
          delimiter: fc.constantFrom(',', ';', '\t', '|'),
          eol: fc.constantFrom('\n', '\r\n'),
          quoteAll: fc.boolean(),
          finalNewline: fc.boolean(),
        }),
      ),
      ({ rows, width, delimiter, eol, quoteAll, finalNewline }) => {
        const header = Array.from({ length: width }, (_, i) => `col${i}`);
        const written = writeCsv(header, rows, delimiter, eol, quoteAll, finalNewline);
        const result = ingestCsvBytes(new TextEncoder().encode(written.text), { delimiter, hasHeader: true });
        assert.equal(result.table.numRows, rows.length);
        assert.deepEqual(result.columns.map((c) => c.name), header);
        assert.deepEqual(result.structuralIssues, []);
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            assert.equal(String(result.table.getChildAt(c)?.get(r)), value, `cell ${r},${c}`);
            const range = result.source.cellRange(r, c);
            assert.deepEqual([offsetOf(written.text, range.start), offsetOf(written.text, range.end)], written.cells[r][c], `range of cell ${r},${c}`);
          }),
        );
      },
    ),
    { numRuns: 300 },
  );
});

test('the delimiter is sniffed from random tables too', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 10 }),
      fc.constantFrom(',', ';', '\t', '|'),
      (rows, delimiter) => {
        const written = writeCsv(['a', 'b', 'c'], rows, delimiter, '\n', false, true);
        const result = ingestCsvBytes(new TextEncoder().encode(written.text), { hasHeader: true });
        assert.equal(result.dialect?.delimiter, delimiter);
      },
    ),
    { numRuns: 100 },
  );
});
