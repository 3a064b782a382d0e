/** decimal-places: a number written with other decimals than every other number of its column (issue #9, point 1: format signatures). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';
import { mulberry32 } from '../../../src/core/shared/random';

const rule = 'decimal-places';

/** 1,200 objects with heights and widths to the tenth of a centimetre ("210.0" too); `edit` sets cells (row → [column, text]). */
function objects(edit: Record<number, [number, string]> = {}): string {
  const random = mulberry32(8);
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const row = [`O${i}`, (5 + random() * 200).toFixed(1), (5 + random() * 150).toFixed(1)];
    const [column, text] = edit[i] ?? [-1, ''];
    if (column >= 0) row[column] = text;
    return row;
  });
  return csv(['object_id', 'height_cm', 'width_cm'], rows);
}

test('a height in millimetres ("2100") or inches ("12.87") among heights written to the tenth ("210.0") is reported; the clean column is not', () => {
  assert.deepEqual(findingsOf(checkCsv(objects()), rule), []);
  const found = findingsOf(checkCsv(objects({ 68: [1, '2100'], 379: [1, '12.87'], 700: [2, '1605'] })), rule);
  assert.deepEqual(found.map((f) => [f.row, f.column, f.value]), [[68, 'height_cm', '2100'], [379, 'height_cm', '12.87'], [700, 'width_cm', '1605']]);
  assert.match(found[0].message, /^"2100" in column "height_cm" is written with 0 decimals, where the column writes 1 \(1,198 of its 1,200 numbers, like "[\d.]+"\): a value in another unit, or from another source\?$/);
  assert.deepEqual(found[0].evidence, { decimals: 0, columnDecimals: 1, numbers: 1200, writtenSo: 1198 });
});

test('amounts of a currency without cents (yen) among amounts to the cent are that currency\'s way; a column written with several precisions, and whole numbers written "254.0", are not reported', () => {
  const random = mulberry32(9);
  const rows = Array.from({ length: 1000 }, (_, i) => {
    const yen = i % 60 === 7;
    return [`T${i}`, yen ? 'JPY' : 'EUR', yen ? String(500 + Math.floor(random() * 20_000)) : (-(1 + random() * 300)).toFixed(2)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['txn', 'currency', 'amount'], rows)), rule), []);
  // A euro amount keyed without its cents is not the currency's way.
  rows[500][2] = '-45';
  assert.deepEqual(findingsOf(checkCsv(csv(['txn', 'currency', 'amount'], rows)), rule).map((f) => f.row), [500]);
  // Several precisions: a tenth of the numbers to the tenth.
  const mixed = Array.from({ length: 600 }, (_, i) => [`M${i}`, i % 10 === 3 ? (i / 7).toFixed(1) : (i / 7).toFixed(2)]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'reading'], mixed)), rule), []);
  // Whole numbers, one written "254.0": a column of integers writes no decimals to differ from.
  const counts = Array.from({ length: 600 }, (_, i) => [`C${i}`, i === 99 ? '254.0' : String(i % 300)]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'count'], counts)), rule), []);
});
