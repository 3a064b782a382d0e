/** conflicting-records: two records of one entity that disagree (issue #9, point 2: one train number, two departure times). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';
import { dependenciesOf, isEntityColumn } from '../../../src/core/quality/dependencies';

const rules = allRules.filter((r) => r.id === 'conflicting-records' || r.id === 'duplicate-key' || r.id === 'dependency-violation');
const check = (lines: string[]) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode(`${lines.join('\n')}\n`)), { maxFindingsPerRuleAndColumn: 10_000 }, undefined, rules).findings;

/** A timetable merged from two sources: each train twice, with its departure; `departure(i, source)` may differ. */
function timetable(conflict?: number): string[] {
  const lines = ['train,source,departure,platform'];
  for (let i = 0; i < 120; i++) {
    const time = `${String(6 + (i % 16)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
    for (const source of ['A', 'B']) {
      const departure = conflict === i && source === 'B' ? `${String(6 + (i % 16)).padStart(2, '0')}:${String(((i * 7) % 60) + 1).padStart(2, '0')}`.replace(':60', ':59') : time;
      lines.push(`IC ${1000 + i},${source},${departure},${1 + (i % 9)}`);
    }
  }
  return lines;
}

test('a clean merged timetable has no finding', () => {
  assert.deepEqual(check(timetable()), []);
});

test('the two records of train IC 1050 disagree on its departure: both cells are reported, each pointing at the other', () => {
  const findings = check(timetable(50)).filter((f) => f.rule === 'conflicting-records');
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[100, 'departure'], [101, 'departure']]);
  assert.match(findings[0].message, /^Two records of train "IC 1050" disagree on "departure": "08:50" here, "08:51" in the other \(train → departure holds in 99% of train values\)\.$/);
  assert.deepEqual(findings[0].related?.map((p) => p.row), [101]);
  assert.deepEqual(findings[1].related?.map((p) => p.row), [100]);
  // Neither duplicate-key (train repeats by design) nor dependency-violation (no majority in two rows) reports it.
  assert.deepEqual(check(timetable(50)).filter((f) => f.rule !== 'conflicting-records'), []);
});

test("two records of a zip that disagree on the city: the zips sharing its first digits say which; the zip is wrong where the row's state vouches for its city", () => {
  const cities: [string, string, number][] = [['Boise', 'ID', 83700], ['Eugene', 'OR', 97400], ['Denver', 'CO', 80200], ['Austin', 'TX', 78700], ['Tulsa', 'OK', 74100]];
  // Listings: each city's 60 zips (its first three digits), the even ones in two rows, the odd ones in one.
  const rows: string[][] = [];
  for (const [city, state, base] of cities) {
    for (let j = 0; j < 60; j++) for (let k = 0; k < (j % 2 ? 1 : 2); k++) rows.push([`L${rows.length}`, city, state, String(base + j)]);
  }
  const lines = (edited: string[][]) => ['listing,city,state,zip', ...edited.map((row) => row.join(','))];
  assert.deepEqual(check(lines(rows)).filter((f) => f.rule === 'conflicting-records'), []);
  const edited = rows.map((row) => [...row]);
  const rowOf = (zip: string) => rows.findIndex((row) => row[3] === zip);
  // A listing of Eugene, OR under Boise's zip 83703 (held by one other listing); a listing of zip 83704 (and of ID) whose
  // city is typed "Eugene".
  const [eugene, boise] = [rowOf('97403'), rowOf('83704')];
  edited[eugene][3] = '83703';
  edited[boise][1] = 'Eugene';
  const findings = check(lines(edited))
    .filter((f) => f.rule === 'conflicting-records')
    .sort((x, y) => (x.row ?? 0) - (y.row ?? 0));
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.value]), [[boise, 'city', 'Eugene'], [eugene, 'zip', '83703']]);
  assert.match(findings[1].message, /^"83703" in column "zip" looks wrong: the other record of zip "83703" and the zip values starting "8370" say "Boise" \(\d+ of their \d+ other rows\), while this row's city "Eugene" is what its state "OR" says \(city → state\)\.$/);
  assert.match(findings[0].message, /^Two records of zip "83704" disagree on "city": "Eugene" here, "Boise" in the other, as the zip values starting "8370" say "Boise" \(\d+ of their \d+ other rows\)\.$/);
  // A zip accepted as fine is not reported.
  const accepted = runQualityCheck(ingestCsvBytes(new TextEncoder().encode(`${lines(edited).join('\n')}\n`)), { maxFindingsPerRuleAndColumn: 10_000, accept: [{ rule: 'conflicting-records', column: 'zip', value: '83703' }] }, undefined, rules).findings;
  assert.deepEqual(accepted.filter((f) => f.rule === 'conflicting-records').map((f) => [f.row, f.column]), [[boise, 'city']]);
});

test('two lines of an order that disagree on the discount where one is a clearance product\'s fixed markdown (every line of that product, across orders) are no conflict; a coupon typed wrong on one line is', () => {
  let s = 41;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const rows: string[][] = [];
  for (let o = 0; o < 800; o++) {
    const coupon = next() < 0.7 ? '0' : next() < 0.5 ? '10' : '15';
    for (let l = 1; l <= 2; l++) {
      const sku = `SKU-${100 + Math.floor(next() * 40)}`;
      rows.push([`SO${10_000 + o}`, String(l), sku, sku === 'SKU-100' ? '50' : coupon]);
    }
  }
  const table = () => ['order_id,line_no,sku,discount_pct', ...rows.map((row) => row.join(','))];
  assert.ok(rows.filter((row) => row[3] === '50').length >= 20, 'clearance lines');
  assert.deepEqual(check(table()).filter((f) => f.column === 'discount_pct'), []);
  const plain = rows.findIndex((row, i) => i % 2 === 0 && i > 100 && row[3] === '0' && rows[i + 1][3] === '0');
  rows[plain][3] = '15';
  assert.deepEqual(check(table()).filter((f) => f.column === "discount_pct").map((f) => f.row ?? -1).sort((x, y) => x - y), [plain, plain + 1]);
});

test('two lines of an order that differ in what, with the order, sets the value (one sent back, one refunded without) are two things, not one recorded twice; two lines alike that disagree still conflict', () => {
  // 400 orders of two return lines, refunded a few days (the order's own) after the line came back, or the day it was
  // asked for where nothing came back: one order in eight has one line of each (order + received date → refund date).
  // Order 17's two lines came back the same day, refunded apart.
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const lines = ['return_id,order_id,received_date,refund_date,sku'];
  let id = 0;
  for (let o = 0; o < 400; o++) {
    const [asked, back] = [(o * 3) % 300, (o * 3) % 300 + 5 + (o % 4)];
    for (let k = 0; k < 2; k++) {
      const sentBack = !(o % 8 === 3 && k === 1);
      const refund = o === 17 && k === 1 ? back + 4 : sentBack ? back + (o % 3) : asked;
      lines.push([`R${10_000 + id++}`, `O${String(70_000 + o).padStart(8, '0')}`, sentBack ? day(back) : '', day(refund), `SKU-${(o * 7 + k) % 90}`].join(','));
    }
  }
  const conflicts = check(lines).filter((f) => f.rule === 'conflicting-records');
  assert.deepEqual(conflicts.map((f) => [f.row, f.column]), [[34, 'refund_date'], [35, 'refund_date']]);
});

test('of two records of an order that disagree on its status, the spelling the column holds in one row only is the slip ("drlivered" beside "delivered"): only it is reported', () => {
  const lines = ['order_id,line,sku,status'];
  const statuses = ['delivered', 'delivered', 'delivered', 'shipped', 'cancelled'];
  for (let i = 0; i < 150; i++) {
    const status = statuses[i % statuses.length];
    for (const line of [1, 2]) lines.push(`${5000 + i},${line},SKU-${(i * 7 + line) % 40},${i === 60 && line === 2 ? 'drlivered' : status}`);
  }
  const findings = check(lines).filter((f) => f.rule === 'conflicting-records');
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.value]), [[121, 'status', 'drlivered']]);
});

/**
 * Admissions: 300 patients (mrn → age), 120 of them admitted twice; `birthdays` of those a year older at the second
 * admission, `slip` one whose second age is keyed with its digits swapped.
 */
function admissions(birthdays: number, slip?: number): string[] {
  const lines = ['encounter,mrn,age,ward'];
  let encounter = 0;
  for (let p = 0; p < 300; p++) {
    const age = 20 + ((p * 37) % 70);
    const mrn = String(1_000_000 + p * 13).padStart(8, '0');
    lines.push(`E${encounter++},${mrn},${age},W${p % 7}`);
    if (p % 5 > 2) continue;
    const again = p === slip ? Number([...String(age)].reverse().join('')) : p < 3 * birthdays ? age + 1 : age;
    lines.push(`E${encounter++},${mrn},${again},W${(p + 1) % 7}`);
  }
  return lines;
}

test("an age a year on at a patient's next admission is no conflict where most patients' records that differ differ so (the value drifts); a slip of its digits still is", () => {
  const conflicts = (lines: string[]) => check(lines).filter((f) => f.rule === 'conflicting-records');
  // 12 patients a year older at their second admission: the value drifts; none is reported.
  assert.deepEqual(conflicts(admissions(12)), []);
  // Patient 2 (age 24, as 42 at the second admission), beside the drifting ones: only it is reported.
  const slipped = conflicts(admissions(12, 2));
  assert.deepEqual(slipped.map((f) => [f.row, f.column, f.value]), [[4, 'age', '24'], [5, 'age', '42']]);
  // Three patients a year on (0, 1 and 5) and the slip: too few to tell a drift, all four conflicts are reported.
  assert.deepEqual(conflicts(admissions(2, 2)).map((f) => f.row), [0, 1, 2, 3, 4, 5, 8, 9]);
});

test('a column of clock times measures, as numbers do: no entity whose records conflict, and a dependency on it needs four agreeing rows', () => {
  const clock = (s: number) => `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  const lines = ['bib,split_30k,wave'];
  // Each split time held by two runners of one start wave (the waves are 10 minutes apart): split → wave holds.
  for (let i = 0; i < 1200; i++) lines.push(`${1000 + i},${clock(5400 + Math.floor(i / 2) * 7)},${'ABCDEF'[Math.floor(i / 200)]}`);
  const data = ingestCsvBytes(new TextEncoder().encode(`${lines.join('\n')}\n`));
  assert.equal(isEntityColumn(data, [1]), false, 'split times name no entity');
  assert.equal(isEntityColumn(data, [0]) || isEntityColumn(data, [2]), true, 'a text column of codes does');
  const onSplit = dependenciesOf(data).filter((d) => d.lhs.length === 1 && d.lhs[0] === 1);
  assert.ok(onSplit.length > 0 && onSplit.every((d) => d.measure === true), 'a dependency on split times is one on a measure');
});

/** A log of trips merged from two sources, in date order: each trip twice, with its date and duration; `edit` sets source B's cells. */
function trips(edit: { trip: number; date?: string; minutes?: number } | undefined = undefined): string[] {
  const lines = ['trip,source,date,minutes'];
  for (let i = 0; i < 240; i++) {
    const day = new Date(Date.UTC(2024, 0, 2 + Math.floor(i / 4))).toISOString().slice(0, 10);
    const minutes = 40 + ((i * 37) % 160);
    for (const source of ['A', 'B']) {
      const own = source === 'B' && edit?.trip === i;
      lines.push(`T${5000 + i},${source},${own && edit.date ? edit.date : day},${own && edit.minutes !== undefined ? edit.minutes : minutes}`);
    }
  }
  return lines;
}

test('of two records that disagree, one out of place in the date order or far beyond its column is the one reported', () => {
  assert.deepEqual(check(trips()).filter((f) => f.rule === 'conflicting-records'), []);
  // Trip 5128 is of 2024-02-03; source B writes its day and month exchanged (2024-03-02: within the log's dates, out of
  // place among its neighbours).
  const date = check(trips({ trip: 128, date: '2024-03-02' })).filter((f) => f.rule === 'conflicting-records');
  assert.deepEqual(date.map((f) => [f.row, f.column]), [[257, 'date']]);
  // Trip 5090 lasted 50 minutes (40 + 3,330 mod 160); source B writes 999, far beyond the column's 40–199.
  const minutes = check(trips({ trip: 90, minutes: 999 })).filter((f) => f.rule === 'conflicting-records');
  assert.deepEqual(minutes.map((f) => [f.row, f.column]), [[181, 'minutes']]);
  // Two ordinary durations (50 and 60): which is right is not known, both are reported.
  const both = check(trips({ trip: 90, minutes: 60 })).filter((f) => f.rule === 'conflicting-records');
  assert.deepEqual(both.map((f) => [f.row, f.column]), [[180, 'minutes'], [181, 'minutes']]);
});
