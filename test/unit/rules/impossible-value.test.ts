/** impossible-value: a sign the row's category never has (issue #9: learned from the data, not the column's name). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';

/** 1,200 stock movements: picks leave stock (negative), receipts enter it (positive), adjustments go either way. */
function movements(): string[][] {
  return Array.from({ length: 1200 }, (_, i) => {
    const type = i % 10 < 6 ? 'pick' : i % 10 < 8 ? 'receipt' : 'adjustment';
    const size = type === 'receipt' ? 20 + ((i * 37) % 300) : 1 + ((i * 13) % 40);
    const sign = type === 'pick' || (type === 'adjustment' && i % 3 > 0) ? -1 : 1;
    return [`MV${i}`, type, String(sign * size)];
  });
}

test('a number of the sign its row\'s category never has is reported (a pick of +7), with the sign changed as fix; adjustments of either sign are not', () => {
  const rows = movements();
  rows[12][2] = '7'; // a pick whose minus sign was lost
  rows[27][2] = '-120'; // a receipt with a minus sign
  const found = findingsOf(checkCsv(csv(['movement', 'type', 'quantity'], rows)), 'impossible-value');
  assert.deepEqual(found.map((f) => [f.row, f.value, f.evidence?.signValue, f.evidence?.sign]), [
    [12, '7', 'pick', 'negative'],
    [27, '-120', 'receipt', 'positive'],
  ]);
  assert.equal(fixText(found[0]), '-7');
  assert.match(found[0].message, /7 in column "quantity" is positive, where 719 of the 720 rows of type "pick" are negative/);
});

test('a row whose category a dependency contradicts is in the wrong group: its sign is no slip (a movement code says receipt, its type pick)', () => {
  // Each type written beside its numeric code (10, 20, 30): code → type holds.
  const codes: Record<string, string> = { pick: '10', receipt: '20', adjustment: '30' };
  const rows = movements().map((row) => [...row, codes[row[1]]]);
  rows[26][1] = 'pick'; // a receipt (code 20, +) whose type was typed as a pick
  rows[12][2] = '7'; // a pick whose minus sign was lost, its code 10
  const found = findingsOf(checkCsv(csv(['movement', 'type', 'quantity', 'code'], rows)), 'impossible-value');
  assert.deepEqual(
    found.map((f) => f.row),
    [12],
  );
});

test('a measurement continuing across zero is no sign slip: January\'s few mild days above freezing among cold ones', () => {
  // Daily means by month: January −15 to −0.2 °C but for a few days of 0.3 to 1.5 °C; July 12 to 30 °C.
  const rows = Array.from({ length: 1240 }, (_, i) => {
    const month = i % 2 === 0 ? 'January' : 'July';
    const t = month === 'July' ? 12 + ((i * 7) % 19) : i % 200 === 0 ? 0.3 + (i % 7) * 0.2 : -0.2 - ((i * 37) % 149) / 10;
    return [`D${i}`, month, t.toFixed(1)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['day', 'month', 'mean_temp'], rows)), 'impossible-value'), []);
});

test('a column whose values all lean one way gives no direction: refunds among a country\'s purchases are no sign slips', () => {
  // 2,400 card transactions: salaries (no country) are credits, purchases debits, 1.5% of them refunded (credits).
  const rows = Array.from({ length: 2400 }, (_, i) => {
    if (i % 12 === 0) return [`T${i}`, '', String(1500 + (i % 700))];
    const refund = i % 67 === 5;
    return [`T${i}`, ['DE', 'FR', 'NL'][i % 3], String((refund ? 1 : -1) * (5 + ((i * 29) % 180)))];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['transaction', 'country', 'amount'], rows)), 'impossible-value'), []);
});

test('a kind of record holding both signs excuses its own: a refund of a department store paid by card, among card purchases', () => {
  // Card purchases are debits, transfers in (salaries) credits; a department store refunds 1 purchase in 20, a grocer none.
  const rows = Array.from({ length: 2400 }, (_, i) => {
    if (i % 12 === 0) return [`T${i}`, 'TRANSFER', 'Income', String(1500 + (i % 700))];
    const category = ['Groceries', 'Department Stores', 'Fuel'][i % 3];
    const refund = category === 'Department Stores' && i % 20 === 7;
    return [`T${i}`, 'CARD', category, String((refund ? 1 : -1) * (5 + ((i * 29) % 180)))];
  });
  rows[301] = ['T301', 'CARD', 'Fuel', '61']; // a fuel purchase that lost its minus sign
  const found = findingsOf(checkCsv(csv(['transaction', 'channel', 'category', 'amount'], rows)), 'impossible-value');
  assert.deepEqual(found.map((f) => [f.row, f.value]), [[301, '61']]);
});
