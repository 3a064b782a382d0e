/** broken-order: orders between numeric columns learned from a table's rows, and the cells of the rows that break them. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';

const rule = 'broken-order';

/** Two years of a city's days: the minimum and maximum temperature follow the season; `edit` sets rows' minimum. */
function weather(edit: Record<number, number> = {}): string {
  const rows: (string | number)[][] = [];
  for (let d = 0; d < 730; d++) {
    const season = 12 - 9 * Math.cos((2 * Math.PI * d) / 365);
    const wobble = 2 * Math.sin(d * 1.7);
    const max = season + 4 + wobble;
    const min = edit[d] ?? season - 4 + wobble / 2;
    rows.push([`2020-01-01+${d}`, min.toFixed(1), max.toFixed(1), ((d * 37) % 11).toFixed(1)]);
  }
  return csv(['day', 'temp_min', 'temp_max', 'wind'], rows);
}

test('a minimum set above its day\'s maximum is reported on the minimum, in summer and in winter; a clean table has no finding', () => {
  assert.deepEqual(findingsOf(checkCsv(weather()), rule), [], 'every day keeps min ≤ max');
  // Day 10 (winter, max about 6): a minimum of 8.5; day 180 (summer, max about 24): 25.0.
  const found = findingsOf(checkCsv(weather({ 10: 8.5, 180: 25 })), rule);
  assert.deepEqual(found.map((f) => [f.row, f.column, f.value]), [[10, 'temp_min', '8.5'], [180, 'temp_min', '25.0']]);
  const [winter] = found;
  assert.match(winter.message, /^8\.5 in column "temp_min" is above temp_max \([\d.]+\) in this row, though temp_min ≤ temp_max in 728 of the 730 rows holding both ordinary values\.$/);
  assert.equal(winter.evidence?.order, 'temp_min ≤ temp_max');
  assert.deepEqual(winter.related?.map((r) => [r.row, r.columnIndex]), [[10, 2]]);
});

/** A stock's days: low ≤ open, close ≤ high; rows in no particular order of price. `edit` sets rows' low. */
function prices(edit: Record<number, number> = {}, swapped: number[] = []): string {
  const rows: (string | number)[][] = [];
  for (let d = 0; d < 400; d++) {
    const level = 50 + ((d * 7919) % 400) / 4;
    const [open, close] = [level + ((d * 13) % 7) / 10, level + ((d * 29) % 9) / 10];
    const [low, high] = [Math.min(open, close) - 1 - (d % 3) / 10, Math.max(open, close) + 1 + (d % 5) / 10];
    const [first, last] = swapped.includes(d) ? [high, low] : [edit[d] ?? low, high];
    rows.push([d, first.toFixed(2), open.toFixed(2), close.toFixed(2), last.toFixed(2)]);
  }
  return csv(['day', 'low', 'open', 'close', 'high'], rows);
}

test('a low above its open, close and high is the one wrong cell: the column in most of the row\'s broken orders', () => {
  assert.deepEqual(findingsOf(checkCsv(prices()), rule), []);
  // Day 79, among the cheapest days (level 50.25): its low set to 53.25 is an ordinary low, and its open, close and
  // high are among the lowest of theirs — each order alone would blame them; the low is in all three broken orders.
  const found = findingsOf(checkCsv(prices({ 79: 53.25 })), rule);
  assert.deepEqual(found.map((f) => [f.row, f.column]), [[79, 'low']], 'one finding, on the low');
  // Day 158's low and high swapped: both are in four broken orders, and each order blames the one of them it holds,
  // not the open or the close between them.
  const swapped = findingsOf(checkCsv(prices({}, [158])), rule);
  assert.deepEqual(swapped.map((f) => [f.row, f.column]).sort(), [[158, 'high'], [158, 'low']]);
});

test('columns one of which is below the other by magnitude alone keep no order worth a finding: a share in percent beside a count', () => {
  const rows: (string | number)[][] = [];
  // Shares of 0–30% and counts of 25–1,000 (one group in ten below 30): a share above its count is rare by
  // magnitude alone (about 1 row in 100 with the counts shuffled), so a table keeping "share ≤ count" on all rows
  // but those few says nothing of them.
  for (let i = 0; i < 600; i++) rows.push([i, ((i * 37) % 300) / 10, i % 10 === 0 ? 25 + (i % 7) : 30 + ((i * 7919) % 971)]);
  const table = csv(['group', 'share', 'count'], rows);
  assert.ok(rows.some(([, share, count]) => Number(share) > Number(count)), 'some rows have a share above their count');
  assert.deepEqual(findingsOf(checkCsv(table), rule), []);
});

test('dates keep orders too: a shipping date before its order date is reported on the date that jumps from its neighbours', () => {
  const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  const rows: (string | number)[][] = [];
  // 400 orders placed in time order, each shipped 1 to 6 days later; order 120's shipping date typed a month early.
  for (let i = 0; i < 400; i++) rows.push([`A${1000 + i}`, day(Math.floor(i / 2)), day(Math.floor(i / 2) + 1 + (i % 6)), (5 + (i % 17)).toFixed(2)]);
  assert.deepEqual(findingsOf(checkCsv(csv(['order', 'ordered', 'shipped', 'amount'], rows)), rule), [], 'every order shipped after it was placed');
  rows[120][2] = day(30);
  const found = findingsOf(checkCsv(csv(['order', 'ordered', 'shipped', 'amount'], rows)), rule);
  assert.deepEqual(found.map((f) => [f.row, f.column, f.value]), [[120, 'shipped', day(30)]]);
  assert.match(found[0].message, new RegExp(`^${day(30)} in column "shipped" is before ordered \\(${day(60)}\\) in this row, though ordered ≤ shipped in 399 of the 400 rows`));
});

/** Colleges: tuition out of state is the in-state one at private colleges (6 in 11) and higher at public ones; `swapped` rows (public ones) set it below. */
function tuitions(swapped: number[] = [], copies = false): string {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 1100; i++) {
    const publicCollege = i % 11 < 5;
    const inState = publicCollege ? 4000 + ((i * 7919) % 110) * 100 : 15000 + ((i * 104729) % 470) * 100;
    // A copy that differs on a tenth of the rows only, above or below: no order.
    const outOfState = copies ? inState + (i % 10 === 0 ? (i % 20 === 0 ? 500 : -500) : 0) : publicCollege ? inState + 5000 + ((i * 31) % 200) * 100 : inState;
    rows.push([`college ${i}`, publicCollege ? 'Public' : 'Private', inState, swapped.includes(i) ? inState - 3000 : outOfState]);
  }
  return csv(['name', 'control', 'tuition_in', 'tuition_out'], rows);
}

test('an order the rows keep where the two differ, though they are equal on most rows (private colleges charge one tuition), is learned and its breaks found', () => {
  assert.deepEqual(findingsOf(checkCsv(tuitions()), rule), []);
  const found = findingsOf(checkCsv(tuitions([12, 300, 606])), rule);
  assert.deepEqual(found.map((f) => [f.row, f.column]), [[12, 'tuition_out'], [300, 'tuition_out'], [606, 'tuition_out']]);
  assert.equal(found[0].evidence?.order, 'tuition_in ≤ tuition_out');
  // Columns that differ on a tenth of the rows, either way, keep no order.
  assert.deepEqual(findingsOf(checkCsv(tuitions([12, 300], true)), rule), []);
});

test('dates keep their orders strictly: terminations before their hires in 1.5% of the rows are reported; a numeric order kept on 98% is a tendency', () => {
  const day = 86_400_000;
  const rows: string[][] = [];
  for (let i = 0; i < 600; i++) {
    const hire = Date.UTC(2005, 0, 1) + ((i * 7919) % 5000) * day;
    const term = hire + (60 + ((i * 104729) % 2500)) * day;
    const wrong = i % 67 === 5; // 9 rows: the termination a few months before the hire
    rows.push([`E${i}`, new Date(hire).toISOString().slice(0, 10), new Date(wrong ? hire - 100 * day : term).toISOString().slice(0, 10)]);
  }
  const found = findingsOf(checkCsv(csv(['id', 'hire_date', 'termination_date'], rows)), rule);
  assert.deepEqual(found.map((f) => f.row), rows.map((_, i) => i).filter((i) => i % 67 === 5), 'the nine rows, kept on 98.5%');
  // Numbers: horsepower below displacement on 98% of the cars is a tendency, not an order to report.
  const cars = Array.from({ length: 500 }, (_, i) => {
    const displacement = 80 + ((i * 37) % 300);
    return [`car ${i}`, String(i % 50 === 7 ? displacement + 20 : Math.round(displacement * 0.6)), String(displacement)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['name', 'horsepower', 'displacement'], cars)), rule), []);
});

test('between a date the rows are listed by and another, the listed one is blamed where it is out of place among its neighbours, else the other', () => {
  // Listings in the order they were listed (two a day), three in five sold, mostly within weeks, some after a year.
  const day = (k: number) => new Date(Date.UTC(2022, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
  const rows = Array.from({ length: 1000 }, (_, i) => [`L${1000 + i}`, day(Math.floor(i / 2)), i % 5 < 3 ? day(Math.floor(i / 2) + 10 + Math.floor(((i * 37) % 100) ** 2 / 40)) : '']);
  const header = ['listing', 'listed_date', 'sold_date'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'broken-order'), []);
  // Sales dated five weeks before their listings (the sale dates wrong), and a listing date typed a year late.
  const soldBefore = [300, 641, 991];
  for (const r of soldBefore) rows[r][2] = day(Math.floor(r / 2) - 36);
  rows[700][1] = day(350 + 365);
  const found = findingsOf(checkCsv(csv(header, rows)), 'broken-order');
  assert.deepEqual(found.map((f) => [f.row, f.column]), [[300, 'sold_date'], [641, 'sold_date'], [700, 'listed_date'], [991, 'sold_date']]);
});

test('two values exchanged (a day\'s minimum written as its maximum and the reverse, the mean between them) are both reported; a minimum slipped alone only at itself', () => {
  const rows: string[][] = [];
  for (let d = 0; d < 730; d++) {
    const season = 12 - 9 * Math.cos((2 * Math.PI * d) / 365);
    const wobble = 2 * Math.sin(d * 1.7);
    const [min, max] = [season - 4 + wobble / 2, season + 4 + wobble];
    rows.push([`2020-01-01+${d}`, min.toFixed(1), ((min + max) / 2).toFixed(1), max.toFixed(1)]);
  }
  const header = ['day', 'temp_min', 'temp_mean', 'temp_max'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), []);
  for (const r of [20, 200]) [rows[r][1], rows[r][3]] = [rows[r][3], rows[r][1]];
  rows[400][1] = (Number(rows[400][3]) + 1).toFixed(1);
  const found = findingsOf(checkCsv(csv(header, rows)), rule);
  assert.deepEqual(found.map((f) => [f.row, f.column]).sort(), [[20, 'temp_max'], [20, 'temp_min'], [200, 'temp_max'], [200, 'temp_min'], [400, 'temp_min']]);
  assert.match(found.find((f) => f.row === 20)?.message ?? '', /^[\d.]+ in column "temp_min" and [\d.]+ in column "temp_max" look exchanged: temp_min ≤ temp_max in .* that each of them breaks here\.$/);
});

test('times written as clock times keep orders too: a chip time above its gun time is reported', () => {
  const clock = (seconds: number) => `${Math.floor(seconds / 3600)}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
  // Finishers of a marathon: the chip time from 2:10 to 6:00, the gun time the chip time plus the wave's start delay.
  const rows = Array.from({ length: 600 }, (_, i) => {
    const chip = 7800 + ((i * 7919) % 13200);
    const delay = 30 + ((i * 37) % 900);
    return [`${i + 1}`, clock(chip / 4.3), clock(chip), clock(chip + delay)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['bib', 'split_10k', 'chip_time', 'gun_time'], rows)), rule), [], 'every row keeps chip ≤ gun');
  for (const r of [40, 222, 515]) rows[r][2] = clock(8 * 3600 + r);
  const found = findingsOf(checkCsv(csv(['bib', 'split_10k', 'chip_time', 'gun_time'], rows)), rule);
  assert.deepEqual(found.map((f) => [f.row, f.column]), [[40, 'chip_time'], [222, 'chip_time'], [515, 'chip_time']]);
  assert.match(found[0].message, /^8:00:40 in column "chip_time" is above gun_time \(\d:\d\d:\d\d\) in this row, though chip_time ≤ gun_time in 597 of the 600 rows/);
});

/**
 * Drinking-water results beside their limit (mcl) and an exceedance flag: result ≤ mcl in 99% of the rows, the rows
 * above their limit flagged "Y". `unflagged`: rows whose result passes the limit with the flag left "N".
 */
function waterSamples(unflagged: number[] = []): string {
  const limits = [4, 10, 15, 60, 80];
  const rows: (string | number)[][] = [];
  for (let r = 0; r < 1200; r++) {
    const mcl = limits[r % limits.length];
    const exceeds = r % 150 === 7 || unflagged.includes(r);
    const result = exceeds ? mcl * (1.1 + ((r * 7) % 9) / 10) : mcl * (0.05 + ((r * 37) % 80) / 100);
    rows.push([`S${1000 + r}`, result.toFixed(2), mcl, exceeds && !unflagged.includes(r) ? 'Y' : 'N']);
  }
  return csv(['sample_id', 'result', 'mcl', 'exceedance'], rows);
}

test('rows above their limit that a flag of the row records are a state of the table, not a broken order; one left unflagged is reported', () => {
  // Rows 7, 157, … 1057 exceed their limit flagged "Y": the flag records them.
  assert.deepEqual(findingsOf(checkCsv(waterSamples()), rule), []);
  // Row 500 passes its limit with the flag "N": no flag records it, so the order it breaks is reported.
  const found = findingsOf(checkCsv(waterSamples([500])), rule);
  assert.deepEqual(found.map((f) => f.row), [500]);
});
