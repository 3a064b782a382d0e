/** duplicate-key: a repeat in an identifier-like column is an error; free text that repeats is not a key. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';
import { mulberry32 } from '../../../src/core/shared/random';

const rule = allRules.filter((r) => r.id === 'duplicate-key');
const check = (header: string, values: string[]) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode([header, ...values].join('\n'))), {}, undefined, rule).findings;

test('a unique code column that repeats once: the repeat is reported; unique free text that repeats once is not a key', () => {
  const codes = Array.from({ length: 300 }, (_, i) => `K-${(i * 7919) % 100000}`);
  codes[250] = codes[10];
  assert.deepEqual(check('code', codes).map((f) => f.row), [250]);
  const notes = Array.from({ length: 300 }, (_, i) => `left at door ${i} please ring`);
  notes[250] = notes[10];
  assert.deepEqual(check('note', notes), []);
});

/** Values that repeat about as often as random draws would are no key (chance-repeats.ts); a key repeats far less. */
const random = mulberry32(7);
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

test('seven-digit phone numbers drawn at random repeat by chance: no duplicate keys; the same numbers handed out once each, then copied, are', () => {
  // A first digit of 2–9, as phone numbers have: a quarter more repeats than ten choices per digit would give.
  const drawn = Array.from({ length: 100_000 }, () => `${2 + Math.floor(random() * 8)}${digits(2)}-${digits(4)}`);
  const repeats = drawn.length - new Set(drawn).size;
  assert.ok(repeats > 550, `the draws repeat (${repeats})`);
  assert.deepEqual(check('phone', drawn), [], 'repeats as many as chance gives');
  const handedOut = [...new Set(drawn)].slice(0, 29_990);
  const copied = [...handedOut, handedOut[5], handedOut[700], handedOut[9000]];
  assert.deepEqual(check('phone', copied).map((f) => f.value), [handedOut[5], handedOut[700], handedOut[9000]]);
  // One repeat among 775 random six-digit numbers: chance gives one or more a quarter of the time.
  const few = [...new Set(Array.from({ length: 800 }, () => digits(6)))].slice(0, 775);
  assert.deepEqual(check('phone', [...few, few[17]]), [], 'a repeat chance gives often');
});

test('whole numbers: random readings that meet by chance are no key; ids handed out in order and repeated are, and so is a column named an id', () => {
  const readings = Array.from({ length: 20_000 }, () => String(Math.floor(random() * 1_000_000)));
  assert.ok(new Set(readings).size < readings.length - 100, 'the readings repeat');
  assert.deepEqual(check('reading', readings), [], 'random readings');
  // Heavy-tailed (log-normal) counts meet far more often among the small ones: the local density says so.
  const populations = Array.from({ length: 20_000 }, () => String(Math.round(Math.exp(13 + 1.5 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())))));
  assert.ok(new Set(populations).size >= 0.99 * populations.length && new Set(populations).size < populations.length, 'mostly distinct, some repeats');
  assert.deepEqual(check('population', populations), [], 'heavy-tailed counts');
  const tickets = Array.from({ length: 20_000 }, (_, i) => String(100_000 + i));
  tickets[15_000] = tickets[3];
  tickets[17_000] = tickets[40];
  assert.deepEqual(check('ticket', tickets).map((f) => f.row), [15_000, 17_000]);
  assert.ok(check('order_id', readings).length >= 100, 'a column named an id: its repeats reported (up to the publishing cap)');
});

test('the chance of texts of several shapes follows how often each shape occurs: 3-letter codes among a few of 4 letters still repeat far less than chance', () => {
  const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(65 + Math.floor(random() * 26))).join('');
  const codes = [...new Set(Array.from({ length: 4000 }, () => letters(3)))].slice(0, 3000);
  const all = [...codes, ...new Set(Array.from({ length: 60 }, () => letters(4)))];
  all.push(codes[1], codes[2], codes[3], codes[4], codes[5]);
  assert.deepEqual(check('iata', all).length, 5, 'the copied codes');
});

/** A day's ISO date, `day` days after 2020-01-01. */
const isoDay = (day: number) => new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);

test('dates: a daily series with days entered twice is keyed by its date, whole rows copied beside them or not; events at random times are no key', () => {
  // 400 days, one reading each; days 120 and 300 entered again with another reading.
  const series = Array.from({ length: 400 }, (_, d) => `${isoDay(d)},${(20 + 10 * Math.sin(d / 9)).toFixed(1)}`);
  const twice = [...series.slice(0, 121), `${isoDay(120)},3.5`, ...series.slice(121, 301), `${isoDay(300)},41.0`, ...series.slice(301)];
  const found = check('day,reading', twice);
  assert.deepEqual(found.map((f) => [f.row, f.column, f.value]), [[121, 'day', isoDay(120)], [302, 'day', isoDay(300)]], 'the day written twice, later occurrence');
  assert.match(found[0].message, /^Key "2020-04-30" in column "day" already appears in row 121\.$/);
  // Besides, 3% of the rows copied whole (duplicate-row's): the date still identifies the other records.
  const copied = twice.flatMap((line, i) => (i % 33 === 7 ? [line, line] : [line]));
  assert.ok(copied.length - new Set(copied.map((l) => l.split(',')[0])).size > 0.01 * copied.length, 'over 1% of the dates repeat');
  assert.deepEqual(check('day,reading', copied).filter((f) => f.value === isoDay(120) || f.value === isoDay(300)).length, 2, 'the days entered twice are still found');
  // A date typed wrong that names a later day of the series: the wrong one is the occurrence out of order, though first.
  const typed = series.map((line, d) => (d === 50 ? `${isoDay(300)},${line.split(',')[1]}` : line));
  const misplaced = check('day,reading', typed);
  assert.deepEqual(misplaced.map((f) => [f.row, f.value, f.related?.[0].row]), [[50, isoDay(300), 300]], 'row 50, out of order; row 300 in order');
  assert.equal(misplaced[0].message, 'Key "2020-10-27" in column "day" also appears in row 301, where it is in the column\'s time order; here it is not.');
  // Alarms at random seconds over a day: some meet in one second by chance.
  const seconds = Array.from({ length: 2000 }, () => Math.floor(random() * 86_400)).sort((a, b) => a - b);
  assert.ok(new Set(seconds).size < seconds.length, 'some alarms share a second');
  const alarms = seconds.map((s, i) => `${new Date(Date.UTC(2024, 4, 1, 0, 0, s)).toISOString().slice(0, 19).replace('T', ' ')},sensor-${i % 7}`);
  assert.deepEqual(check('time,source', alarms), [], 'events meet by chance');
});

test('a column unique but for rows copied whole is no key: the copies are duplicate-row\'s', () => {
  const sales = Array.from({ length: 300 }, (_, i) => `film ${i},${1_000_000 + ((i * 7_919_993) % 90_000_000)}`);
  const copied = sales.flatMap((line, i) => (i % 20 === 3 ? [line, line] : [line]));
  assert.deepEqual(check('title,sales', copied), [], 'repeats in copies only');
  // A record entered again under another title: the sales figure repeats outside the copies, yet is a measurement.
  assert.deepEqual(check('title,sales', [...copied, `film 999,${sales[40].split(',')[1]}`]), [], 'a measurement is no key');
});

test("of an email written twice, the copy is the one its own row contradicts (it holds neither of the row's names), though it comes first", () => {
  const firsts = ['linda', 'mateo', 'sarah', 'james', 'yuki', 'karen', 'john', 'sofia', 'thomas', 'susan', 'omar', 'nina'];
  const lasts = ['mensah', 'williams', 'lopez', 'brown', 'garcia', 'smith', 'sato', 'nguyen', 'wilson', 'miller', 'davis', 'jackson', 'khan'];
  const staff = Array.from({ length: 150 }, (_, i) => {
    const [first, last] = [firsts[i % 12], lasts[Math.floor(i / 12)]];
    return [first, last, `${first}.${last}@acme.com`];
  });
  const lines = (rows: string[][]) => rows.map((row) => row.join(','));
  // Row 10 holds row 100's email (copied there): the copy comes first.
  const copiedFirst = staff.map((row) => [...row]);
  copiedFirst[10][2] = staff[100][2];
  const findings = check('first_name,last_name,email', lines(copiedFirst));
  assert.deepEqual(findings.map((f) => [f.row, f.related?.[0]?.row]), [[10, 100]], 'the copy in row 10 is reported, pointing at its own row 100');
  assert.match(findings[0].message, /also appears in row 101, whose values it holds; here it holds neither "first_name" \("omar"\) nor "last_name" \("mensah"\) of its row/);
  // Row 100 holds row 10's email: the later occurrence, reported as any repeat.
  const copiedLater = staff.map((row) => [...row]);
  copiedLater[100][2] = staff[10][2];
  assert.deepEqual(check('first_name,last_name,email', lines(copiedLater)).map((f) => [f.row, f.related?.[0]?.row]), [[100, 10]]);
});

test('events sent twice with a field or two changed say nothing of whether their time identifies rows: drop-off times meet as chance says elsewhere, no key', () => {
  const next = mulberry32(41);
  // Trips over a month: a few meet in one second by chance.
  const trips = Array.from({ length: 5000 }, () => {
    const day = Math.floor(next() * 30);
    const second = Math.floor(next() * 86_400);
    const fare = (5 + next() * 40).toFixed(2);
    const tip = next() < 0.6 ? (Number(fare) * 0.2).toFixed(2) : '0.00';
    return { at: new Date(Date.UTC(2024, 2, 1 + day, 0, 0, second)).toISOString().slice(0, 19).replace('T', ' '), zone: `Z${Math.floor(next() * 60)}`, fare, tip, payment: tip === '0.00' ? 'Cash' : 'Card', passengers: String(1 + Math.floor(next() * 3)) };
  });
  const line = (t: (typeof trips)[number]) => [t.at, t.zone, t.fare, t.tip, (Number(t.fare) + Number(t.tip)).toFixed(2), t.payment, t.passengers, 'V1', 'standard', 'N'].join(',');
  const lines = trips.map(line);
  // 35 trips sent again with the tip adjusted and the total with it.
  for (let i = 0; i < 35; i++) {
    const t = trips[i * 100 + 7];
    lines.splice(i * 101 + 8, 0, line({ ...t, tip: (Number(t.tip) + 1).toFixed(2) }));
  }
  const times = lines.map((l) => l.split(',')[0]);
  assert.ok(times.length - new Set(times).size > 35, 'the copies and some trips share a second');
  assert.deepEqual(check('dropoff,zone,fare,tip,total,payment,passengers,vendor,rate_code,store_and_forward', lines).filter((f) => f.column === 'dropoff'), []);
});

test('a parcel sold twice, each sale with its deed\'s own number at another date, its address and lot alike, is one thing recorded twice: no duplicate key; a parcel id reused for another parcel, a sale copied, or a sale entered again at its date, is', () => {
  const random = mulberry32(31);
  const streets = ['OAK', 'ELM', 'PINE', 'CEDAR', 'MAPLE', 'BIRCH'];
  const parcels = Array.from({ length: 600 }, (_, i) => ({ id: `R${2400000 + i * 37}`, address: `${100 + i} SW ${streets[i % 6]} ST`, lot: String(4000 + Math.floor(random() * 9000)), year: String(1950 + Math.floor(random() * 70)) }));
  const day = (d: number) => new Date(Date.UTC(2023, 0, 2 + d)).toISOString().slice(0, 10);
  const line = (n: number, p: (typeof parcels)[number], d: number, price: number, recorded = d + 1) => `2023-${String(n).padStart(6, '0')},${p.id},${day(d)},${day(recorded)},${price},${p.address},${p.lot},${p.year}`;
  const header = 'instrument_no,parcel_id,sale_date,recording_date,sale_price,address,lot_sqft,year_built';
  const sales = parcels.map((p, i) => line(i + 1, p, i % 300, 200000 + 1000 * Math.floor(random() * 100)));
  // 30 parcels sold again later.
  for (let i = 0; i < 30; i++) sales.push(line(601 + i, parcels[i * 17], 310 + i, 250000 + 1000 * Math.floor(random() * 100)));
  assert.deepEqual(check(header, sales), []);
  // The id of parcel 5 given to another parcel; a sale copied whole; a sale entered again under a new number, its
  // date kept.
  const other = { ...parcels[500], id: parcels[5].id };
  const again = line(701, parcels[60], 60 % 300, 333000, 60 % 300 + 8);
  const errors = [...sales, line(700, other, 350, 410000), sales[40], again];
  assert.deepEqual(
    check(header, errors).map((f) => [f.column, f.value]),
    [['instrument_no', '2023-000041'], ['parcel_id', parcels[5].id], ['parcel_id', parcels[40].id], ['parcel_id', parcels[60].id]],
  );
});
