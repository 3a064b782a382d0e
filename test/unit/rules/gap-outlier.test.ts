/** gap-outlier: the time between two coupled dates of a row far beyond what the other rows keep, and which date is wrong. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';
import { durationText } from '../../../src/core/shared/duration-text';
import { mulberry32 } from '../../../src/core/shared/random';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Two years of orders: shipped 1–7 days after the order (most within 3), delivered 1–6 days after shipping; each
 * customer born some time in 40 years (no coupling with the order). `edit` moves a row's date by days.
 */
function orders(edit: Record<number, [string, number]> = {}, seed = 1): string {
  const random = mulberry32(seed);
  const rows: string[][] = [];
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < 3000; i++) {
    const ordered = start + Math.floor(random() * 700) * DAY;
    const shipped = ordered + [1, 1, 2, 2, 2, 3, 3, 4, 5, 7][Math.floor(random() * 10)] * DAY;
    const delivered = shipped + (1 + Math.floor(random() * 6)) * DAY;
    const born = Date.UTC(1960, 0, 1) + Math.floor(random() * 40 * 365) * DAY;
    const dates: Record<string, number> = { order_date: ordered, ship_date: shipped, delivery_date: delivered, birth_date: born };
    const [column, days] = edit[i] ?? ['', 0];
    if (column) dates[column] += days * DAY;
    rows.push([`O${10000 + i}`, iso(dates.order_date), iso(dates.ship_date), iso(dates.delivery_date), iso(dates.birth_date)]);
  }
  return csv(['order_id', 'order_date', 'ship_date', 'delivery_date', 'birth_date'], rows);
}

test('clean orders have no finding: their gaps are days, their birth dates are not coupled to them', () => {
  for (const seed of [1, 2, 3]) assert.deepEqual(findingsOf(checkCsv(orders({}, seed)), 'gap-outlier'), [], `seed ${seed}`);
});

test('a date a year or a month off keeps every order but lies far from its row\'s other dates: the date in most far gaps is reported', () => {
  const edit: Record<number, [string, number]> = { 40: ['delivery_date', 365], 700: ['order_date', -366], 1500: ['delivery_date', 31], 2222: ['order_date', -30] };
  const found = findingsOf(checkCsv(orders(edit)), 'gap-outlier');
  assert.deepEqual(
    found.map((f) => [f.row, f.column]),
    [
      [40, 'delivery_date'],
      [700, 'order_date'],
      [1500, 'delivery_date'],
      [2222, 'order_date'],
    ],
  );
  const [late] = found;
  assert.match(late.message, /^\d{4}-\d\d-\d\d in column "delivery_date" lies 3\d\d days after (ship_date|order_date) \(\d{4}-\d\d-\d\d\) in this row, where delivery_date − (ship_date|order_date) lies from \d+ days? to \d+ days in 90% of the 3,000 rows holding both \(median \d+ days?\)\.$/);
  assert.equal(late.evidence?.rows, 3000);
});

test('a ship date a year late breaks the order with its delivery: broken-order reports the ship date, which its gap to the order also blames', () => {
  const found = checkCsv(orders({ 100: ['ship_date', 365], 900: ['ship_date', 366] })).findings.filter((f) => f.rule === 'broken-order' || f.rule === 'gap-outlier');
  assert.deepEqual(
    found.map((f) => [f.rule, f.row, f.column]),
    [
      ['broken-order', 100, 'ship_date'],
      ['broken-order', 900, 'ship_date'],
    ],
  );
});

test('durations read as years, days, hours or minutes', () => {
  assert.equal(durationText(43.27 * 365.25 * DAY), '43.27 years');
  assert.equal(durationText(366 * DAY), '366 days');
  assert.equal(durationText(DAY), '1 day');
  assert.equal(durationText(-3.5 * 3_600_000), '-3.5 hours');
  assert.equal(durationText(8767 * 3_600_000), '365.3 days');
  assert.equal(durationText(90 * 60_000), '90 minutes');
  assert.equal(durationText(20 * 60_000), '20 minutes');
});

test('hospital stays with a long natural tail (log-normal hours, timestamps) have no finding; a discharge a year late is found', () => {
  const stays = (edit?: number, seed = 1) => {
    const random = mulberry32(seed);
    const normal = () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
    const rows: string[][] = [];
    for (let i = 0; i < 2500; i++) {
      const admitted = Date.UTC(2022, 0, 1) + Math.floor(random() * 900 * 24 * 60) * 60_000;
      const hours = Math.exp(Math.log(60) + 0.9 * normal());
      const discharged = admitted + Math.round(hours * 60) * 60_000 + (i === edit ? 365 * DAY : 0);
      rows.push([`A${i}`, new Date(admitted).toISOString().slice(0, 16).replace('T', ' '), new Date(discharged).toISOString().slice(0, 16).replace('T', ' ')]);
    }
    return csv(['stay', 'admitted_at', 'discharged_at'], rows);
  };
  for (const seed of [1, 2, 3]) assert.deepEqual(findingsOf(checkCsv(stays(undefined, seed)), 'gap-outlier'), [], `seed ${seed}`);
  // Two dates alone: either may be the wrong one (the one further into its column's tail is reported, pointing at the other).
  const found = findingsOf(checkCsv(stays(1234)), 'gap-outlier');
  assert.deepEqual(found.map((f) => f.row), [1234]);
  assert.deepEqual(new Set([found[0].columnIndex, found[0].related?.[0]?.columnIndex]), new Set([1, 2]));
  assert.match(found[0].message, /lies 36\d(\.\d)? days (after|before) (admitted_at|discharged_at) .*, where discharged_at − admitted_at lies from [\d.]+ hours to [\d.]+ days in 90% of the 2,500 rows holding both \(median [\d.]+ days\)\.$/);
});

test('a kind of record with gaps of its own (a test resulted the next day, where most take an hour) is no outlier; a result a day late among the hour tests is', () => {
  const random = mulberry32(43);
  const HOUR = 3_600_000;
  const tests = ['GLU', 'K', 'NA', 'CREA', 'HGB', 'WBC', 'PLT'];
  const rows = Array.from({ length: 1600 }, (_, i) => {
    // 2% of the tests are HbA1c, resulted the next day.
    const test = i % 50 === 7 ? 'HBA1C' : tests[i % tests.length];
    const collected = Date.UTC(2024, 2, 4, 6) + i * 9 * 60_000;
    const hours = test === 'HBA1C' ? 12 + random() * 10 : 0.4 + random() * 1.4;
    const stamp = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
    return [i + 1, test, stamp(collected), stamp(collected + hours * HOUR)];
  });
  const header = ['accession', 'test_code', 'collected_at', 'resulted_at'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'gap-outlier'), []);
  const late = 14; // a glucose
  rows[late][3] = new Date(Date.parse(`${rows[late][3]}Z`.replace(' ', 'T')) + 20 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'gap-outlier').map((f) => f.row), [late]);
});
