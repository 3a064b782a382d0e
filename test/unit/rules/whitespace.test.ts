/** whitespace: numbers written with white space around them, in a column whose numbers are written without. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { inferColumnType } from '../../../src/core/ingest/csv/infer';

/** A price list: prices and quantities; `spaced(i)` the rows whose price is written with white space around it. */
function prices(spaced: (i: number) => string | undefined, unit = ''): string {
  const rows = Array.from({ length: 200 }, (_, i) => {
    const price = `${(3 + ((i * 37) % 91) / 7).toFixed(2)}${unit}`;
    return [i, spaced(i) ?? price, 1 + (i % 9), i % 2 ? 'tea' : 'coffee'];
  });
  return csv(['id', 'price', 'qty', 'item'], rows);
}

test('a number with white space around it is read as the number and reported, with a fix that trims it', () => {
  // Row 30's field is quoted with its white space inside the quotes.
  const text = prices((i) => (i === 10 ? ' 4.50' : i === 20 ? '7.25 ' : i === 30 ? 'QUOTED' : undefined)).replace('QUOTED', '" 9.00 "');
  const data = ingestCsvBytes(new TextEncoder().encode(text));
  const price = data.table.getChild('price')!;
  assert.equal(price.get(10), 4.5, 'read as the number');
  assert.equal(price.get(30), 9);
  const report = checkCsv(text);
  const found = findingsOf(report, 'whitespace');
  assert.deepEqual(
    found.map((f) => [f.row, f.column, f.value]),
    [
      [10, 'price', ' 4.50'],
      [20, 'price', '7.25 '],
      [30, 'price', ' 9.00 '],
    ],
  );
  assert.match(found[0].message, /leading white space \(its other numbers are written without\)/);
  assert.match(found[2].message, /leading and trailing white space/);
  assert.equal(fixText(found[0]), '4.50');
  assert.equal(fixText(found[2]), '"9.00"', 'a quoted field stays quoted');
  assert.deepEqual(findingsOf(report, 'number-format'), [], 'the number is in the column\'s form: not a number-format finding');
  assert.deepEqual(findingsOf(report, 'type-mismatch'), []);
});

test('numbers aligned by their source (more than a tenth written with white space) are not reported', () => {
  const report = checkCsv(prices((i) => (i % 4 === 0 ? ` ${(3 + ((i * 37) % 91) / 7).toFixed(2)}` : undefined)));
  assert.deepEqual(findingsOf(report, 'whitespace'), []);
  assert.deepEqual(inferColumnType(['1', ' 2', '3']).listSpaced, undefined, 'a third written so: the column\'s own habit');
  assert.equal(inferColumnType(Array.from({ length: 20 }, (_, i) => (i === 0 ? ' 7' : String(i)))).listSpaced, true);
});

test('in a column written with a unit, white space around a cell in its form is white space; another form is number-format\'s', () => {
  const report = checkCsv(prices((i) => (i === 10 ? ' 4.50 oz' : i === 20 ? '7.25 OZ.' : undefined), ' oz'));
  assert.deepEqual(
    findingsOf(report, 'whitespace').map((f) => [f.row, f.value]),
    [[10, ' 4.50 oz']],
  );
  assert.deepEqual(
    findingsOf(report, 'number-format').map((f) => [f.row, f.value]),
    [[20, '7.25 OZ.']],
  );
});
