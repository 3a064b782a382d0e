/** absence-mismatch: columns that hold nothing (0 or empty) in the same rows, and the cell of a row that says otherwise. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';
import { mulberry32 } from '../../../src/core/shared/random';

const rule = 'absence-mismatch';

/** Customers: 15% never ordered (no orders, no value, no last order date). */
function customers(n: number): string[][] {
  const next = mulberry32(7);
  return Array.from({ length: n }, (_, i) => {
    const segment = next() < 0.7 ? 'Consumer' : 'SMB';
    if (next() < 0.15) return [`C${i}`, segment, '0', '0.00', ''];
    const orders = 1 + Math.floor(next() * 20);
    const day = 1 + Math.floor(next() * 28);
    return [`C${i}`, segment, String(orders), (orders * (20 + next() * 200)).toFixed(2), `2025-03-${String(day).padStart(2, '0')}`];
  });
}
const header = ['customer', 'segment', 'order_count', 'lifetime_value', 'last_order_date'];

test('a cell alone in its group in holding nothing, or something, is reported: an order count of 0 beside a value and a date, a date left empty beside orders; the clean table gets nothing', () => {
  const rows = customers(2000);
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
  const ordered = rows.flatMap((row, i) => (row[2] !== '0' ? [i] : []));
  const never = rows.flatMap((row, i) => (row[2] === '0' ? [i] : []));
  rows[ordered[10]][2] = '0';
  rows[ordered[20]][4] = '';
  rows[never[5]][3] = '310.50';
  const found = findingsOf(checkCsv(csv(header, rows)), rule);
  assert.deepEqual(
    found.map((f) => [f.row, f.column]),
    [
      [ordered[10], 'order_count'],
      [never[5], 'lifetime_value'],
      [ordered[20], 'last_order_date'],
    ].sort((a, b) => Number(a[0]) - Number(b[0])),
  );
  assert.match(found.find((f) => f.column === 'order_count')?.message ?? '', /"0" in column "order_count" holds nothing \(0 or empty\) where "lifetime_value", "last_order_date" hold something/);
});

test('two columns alone outvote neither; one column breaking its group one way in more than 1% of its rows is a kind of record, not slips', () => {
  const two = customers(2000).map((row) => [row[0], row[1], row[2], row[4]]);
  const ordered = two.flatMap((row, i) => (row[2] !== '0' ? [i] : []));
  two[ordered[3]][2] = '0';
  assert.deepEqual(findingsOf(checkCsv(csv(['customer', 'segment', 'order_count', 'last_order_date'], two)), rule), []);
  const rows = customers(2000);
  // A value of 0 on customers whose orders were all refunded, 2% as many as never ordered: the value's way, not slips.
  const neverCount = rows.filter((row) => row[2] === '0').length;
  ordered.slice(0, Math.round(0.02 * neverCount)).forEach((i) => (rows[i][3] = '0.00'));
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
});
