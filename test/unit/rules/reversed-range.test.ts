/** reversed-range: a range ending below its start in a column of ascending ranges. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { expandedEnd } from '../../../src/core/quality/rules/reversed-range';

/** Articles with their pages ("start-end"); `edit` rewrites some rows' pages. */
function articles(edit: Record<number, string> = {}): string[][] {
  return Array.from({ length: 200 }, (_, i) => {
    const start = 1 + ((i * 37) % 900);
    return [`Article ${i}`, edit[i] ?? `${start}-${start + 3 + (i % 20)}`];
  });
}

test('a page range written short or swapped is reported with the range in full as fix', () => {
  const header = ['title', 'pages'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, articles())), 'reversed-range'), [], 'ascending ranges');
  const findings = findingsOf(checkCsv(csv(header, articles({ 3: '112-9', 10: '371–80', 20: '741-560', 30: '1098-102' }))), 'reversed-range');
  assert.deepEqual(findings.map((f) => [f.row, f.value, fixText(f)]), [[3, '112-9', '112-119'], [10, '371–80', '371–380'], [20, '741-560', '560-741'], [30, '1098-102', '1098-1102']]);
  assert.equal(findings[0].message, '"112-9" in column "pages" ends below its start, where 98% of the column\'s ranges ascend: "112-119" written short?');
  assert.equal(findings[2].message, '"741-560" in column "pages" ends below its start, where 98% of the column\'s ranges ascend: "560-741" swapped?');
});

test('not ranges that ascend: years and months, match scores, phone numbers, a column of other values', () => {
  const header = ['id', 'value'];
  const months = Array.from({ length: 100 }, (_, i) => [String(i), `${2000 + (i % 20)}-${1 + (i % 12)}`]);
  assert.deepEqual(findingsOf(checkCsv(csv(header, months)), 'reversed-range'), [], 'year-month');
  const scores = Array.from({ length: 100 }, (_, i) => [String(i), `${i % 4}-${(i * 7) % 3}`]);
  assert.deepEqual(findingsOf(checkCsv(csv(header, scores)), 'reversed-range'), [], 'scores');
  const phones = Array.from({ length: 100 }, (_, i) => [String(i), `${200 + ((i * 13) % 700)}-${String((i * 97) % 10000).padStart(4, '0')}`]);
  assert.deepEqual(findingsOf(checkCsv(csv(header, phones)), 'reversed-range'), [], 'phone numbers');
  const mixed = articles({ 3: '112-9' }).map(([title, pages], i) => [title, i % 10 === 0 ? 'see note' : pages]);
  assert.deepEqual(findingsOf(checkCsv(csv(header, mixed)), 'reversed-range'), [], 'a tenth of the column is no range');
});

test('a short end means the next number at or above the start ending in its digits', () => {
  assert.equal(expandedEnd('285', '91'), '291');
  assert.equal(expandedEnd('285', '1'), '291');
  assert.equal(expandedEnd('1098', '102'), '1102');
  assert.equal(expandedEnd('300', '285'), undefined, 'as many digits: no short form');
});

test('a column of more distinct ranges than a pattern sample holds is still read in full', () => {
  // 30,000 distinct ranges (value-patterns samples columns of over 20,000) with 2% of other values.
  const rows = Array.from({ length: 30_000 }, (_, i) => [String(i), i % 50 === 7 ? 'n/a' : `${1000 + i}-${1000 + i + 1 + (i % 9)}`]);
  rows[12_345][1] = '13345-40';
  rows[29_999][1] = '31000-30999';
  const findings = findingsOf(checkCsv(csv(['id', 'pages'], rows)), 'reversed-range');
  assert.deepEqual(findings.map((f) => [f.row, fixText(f)]), [[12_345, '13345-13440'], [29_999, '30999-31000']]);
});
