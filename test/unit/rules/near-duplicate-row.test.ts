/** near-duplicate-row: a record entered twice with one field changed (issue #9: rows of one entity that disagree). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';
import { poissonAtMost } from '../../../src/core/quality/rules/near-duplicate-row';

const rule = allRules.filter((r) => r.id === 'near-duplicate-row');
const check = (lines: string[]) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode(`${lines.join('\n')}\n`)), { maxFindingsPerRuleAndColumn: 10_000 }, undefined, rule).findings;

/** A deterministic pseudo-random integer in 0..n−1 from a row and a salt. */
const pick = (i: number, salt: number, n: number) => ((Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b)) >>> 0) % n;

/** A catalogue merged from several sources: 600 products with brand, model, category, colour, supplier, price, weight and rating. */
function catalogue(): string[][] {
  const brands = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka'];
  const categories = ['kitchen', 'garden', 'toys', 'tools', 'office'];
  const colours = ['red', 'blue', 'green', 'black', 'white', 'grey'];
  return Array.from({ length: 600 }, (_, i) => [
    brands[pick(i, 1, brands.length)],
    `M-${100 + pick(i, 7, 300)}`,
    categories[pick(i, 2, categories.length)],
    colours[pick(i, 3, colours.length)],
    `supplier ${pick(i, 8, 30)}`,
    (5 + pick(i, 4, 20_000) / 100).toFixed(2),
    (0.1 + pick(i, 5, 5000) / 1000).toFixed(3),
    (1 + pick(i, 6, 40) / 10).toFixed(1),
  ]);
}
const HEADER = 'brand,model,category,colour,supplier,price,weight_kg,rating';
const PRICE = 5;
const lines = (rows: string[][]) => [HEADER, ...rows.map((r) => r.join(','))];

test('a clean catalogue has no near-duplicate row', () => {
  assert.deepEqual(check(lines(catalogue())), []);
});

test('a product entered again with its price re-typed: the later copy\'s price is reported, pointing at the first', () => {
  const rows = catalogue();
  const copy = [...rows[100]];
  copy[PRICE] = (Number(copy[PRICE]) * 1.05).toFixed(2);
  rows.splice(130, 0, copy);
  const findings = check(lines(rows));
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.evidence?.column, f.evidence?.value]), [[130, null, 'price', copy[PRICE]]]);
  const [f] = findings;
  assert.match(f.message, new RegExp(`^Row 131 repeats row 101 in every column but "price" \\("${copy[PRICE]}" here, "${rows[100][PRICE]}" there\\): a near copy of the same record\\.$`));
  assert.deepEqual(f.related?.map((p) => [p.row, p.column]), [[130, 'price'], [100, 'price']]);
  assert.equal(f.evidence?.otherRow, 101);
  assert.ok(Number(f.evidence?.bits) >= Number(f.evidence?.bitsNeeded));
});

test('rows of a few categories agree naturally: no finding where chance explains the agreement', () => {
  // 400 survey answers over three small categories and one yes/no column: many rows differ in one cell only.
  const rows = Array.from({ length: 400 }, (_, i) => [['north', 'south', 'east'][pick(i, 1, 3)], ['a', 'b'][pick(i, 2, 2)], ['x', 'y', 'z'][pick(i, 3, 3)], ['yes', 'no'][pick(i, 4, 2)]]);
  assert.deepEqual(check(['region,plan,tier,renewed', ...rows.map((r) => r.join(','))]), []);
});

test('a record sent again under a new id or a later date is a near copy where the other columns identify rows; a snapshot that repeats rows day after day is not', () => {
  // One product entered again under a new id, one listed again a month later: the other columns are unique otherwise.
  const withIds = catalogue().map((r, i) => [`P-${1000 + i}`, ...r]);
  withIds.splice(60, 0, ['P-9999', ...catalogue()[50]]);
  const byId = check(['product_id,' + HEADER, ...withIds.map((r) => r.join(','))]);
  assert.deepEqual(byId.map((f) => [f.row, f.evidence?.column, f.evidence?.value]), [[60, 'product_id', 'P-9999']]);
  const dated = catalogue().map((r, i) => [`2026-01-${String(1 + (i % 28)).padStart(2, '0')}`, ...r]);
  const copy = [...dated[50]];
  copy[0] = '2026-02-01';
  dated.splice(60, 0, copy);
  assert.deepEqual(check(['date,' + HEADER, ...dated.map((r) => r.join(','))]).map((f) => [f.row, f.evidence?.column]), [[60, 'date']]);
  // A snapshot of 300 products on two days: most rows repeat the day before but for the date (prices rarely change).
  const products = catalogue().slice(0, 300);
  const snapshot: string[][] = [];
  for (let day = 1; day <= 2; day++) for (const [k, r] of products.entries()) snapshot.push([`2026-01-0${day}`, ...r.slice(0, 5), (Number(r[5]) + (pick(k, day, 10) === 0 ? day : 0)).toFixed(2), ...r.slice(6)]);
  assert.deepEqual(check(['date,' + HEADER, ...snapshot.map((r) => r.join(','))]), []);
});

test('a calendar of daily counts: a day recorded twice with another count breaks the key the other columns form', () => {
  // year, month, day repeat a lot each, yet every (year, month, day) appears once: far fewer repeats than
  // unrelated columns would make, so a repeated day is a record entered twice.
  const days: string[][] = [];
  for (const year of [2021, 2022, 2023]) for (let month = 1; month <= 12; month++) for (let day = 1; day <= 28; day++) days.push([`${year}`, `${month}`, `${day}`, `${9000 + pick(days.length, 7, 2000)}`]);
  const header = 'year,month,day,births';
  assert.deepEqual(check([header, ...days.map((r) => r.join(','))]), []);
  const copy = [...days[400]];
  copy[3] = `${Number(copy[3]) + 37}`;
  days.splice(401, 0, copy);
  assert.deepEqual(check([header, ...days.map((r) => r.join(','))]).map((f) => [f.row, f.evidence?.column, f.related?.[1].row]), [[401, 'births', 400]]);
});

test('poissonAtMost: the chance of a count at most k for a Poisson mean, also for large means', () => {
  assert.ok(Math.abs(poissonAtMost(0, 2) - Math.exp(-2)) < 1e-12);
  assert.ok(Math.abs(poissonAtMost(3, 10) - 0.010336) < 1e-5);
  assert.equal(poissonAtMost(5, 0), 1);
  assert.ok(poissonAtMost(900, 800) > 0.99, 'a count above a large mean is likely');
  assert.ok(poissonAtMost(10, 800) < 1e-300);
});

test('an identifier or a date left empty in a copy is a difference: the same record, once without it', () => {
  const rows = catalogue().map((r, i) => [`P-${1000 + i}`, `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`, ...r]);
  const header = 'product_id,listed,' + HEADER;
  const noId = [...rows[50]];
  noId[0] = '';
  const noDate = [...rows[300]];
  noDate[1] = '';
  rows.splice(400, 0, noDate);
  rows.splice(60, 0, noId);
  const findings = check([header, ...rows.map((r) => r.join(','))]);
  assert.deepEqual(findings.map((f) => [f.row, f.evidence?.column, f.related?.[1].row]), [
    [60, 'product_id', 50],
    [401, 'listed', 301],
  ]);
});


/** A league's results: 20 teams, each plays once per match day (home or away), 60 match days, scores 0–4. */
function league(): string[][] {
  const teams = Array.from({ length: 20 }, (_, i) => `Team ${String.fromCharCode(65 + i)}`);
  const rows: string[][] = [];
  for (let day = 0; day < 60; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + 3 * day)).toISOString().slice(0, 10);
    // A rotation pairs every team with another once per day.
    const order = teams.map((_, i) => teams[(i * 7 + day * 3) % teams.length]);
    for (let k = 0; k < order.length; k += 2) rows.push([date, order[k], order[k + 1], `${pick(rows.length, 1, 5)}`, `${pick(rows.length, 2, 5)}`]);
  }
  return rows;
}

test('a league\'s results: a match recorded twice with the away team changed breaks the key date + home team', () => {
  const header = 'date,home_team,away_team,home_score,away_score';
  const rows = league();
  assert.deepEqual(check([header, ...rows.map((r) => r.join(','))]), []);
  const copy = [...rows[300]];
  copy[2] = copy[2] === 'Team A' ? 'Team B' : 'Team A';
  rows.splice(420, 0, copy);
  const findings = check([header, ...rows.map((r) => r.join(','))]);
  assert.deepEqual(findings.map((f) => [f.row, f.evidence?.column, f.related?.[1].row]), [[420, 'away_team', 300]]);
  assert.equal(findings[0].evidence?.keyColumns, 'date, home_team');
  assert.ok(Number(findings[0].evidence?.keyRepeats) * 10 <= Number(findings[0].evidence?.repeatsByChance));
});

test('a record sent again under a new id at a new time is reported on its row, with a fix deleting it; a snapshot with ids and times is not', () => {
  // 600 products, each with its id and the time it was listed; product 50 listed again under a new id 8 seconds later.
  const time = (i: number) => `2026-01-${String(1 + (i % 28)).padStart(2, '0')} ${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
  const rows = catalogue().map((r, i) => [`P-${1000 + i}`, time(i), ...r]);
  rows.splice(60, 0, ['P-9999', time(50).replace(/:(\d\d)$/, (_, s: string) => `:${String((Number(s) + 8) % 60).padStart(2, '0')}`), ...catalogue()[50]]);
  const found = check(['product_id,listed_at,' + HEADER, ...rows.map((r) => r.join(','))]);
  assert.deepEqual(found.map((f) => [f.row, f.column, f.evidence?.otherRow, f.evidence?.differingColumns]), [[60, null, 51, 'product_id, listed_at']]);
  assert.match(found[0].message, /^Row 61 repeats row 51 in every column but "product_id" and "listed_at": the same record sent again\.$/);
  assert.equal(found[0].fixes?.[0]?.kind, 'delete-row');
  // The same product listed again months later under a new id is a listing of its own, not a copy sent again.
  rows[60][1] = rows[60][1].replace('2026-01-', '2026-04-');
  assert.deepEqual(check(['product_id,listed_at,' + HEADER, ...rows.map((r) => r.join(','))]), []);
  // A snapshot of 300 products on two days, each row with its own id and time: most rows repeat the day before.
  const products = catalogue().slice(0, 300);
  const snapshot: string[][] = [];
  for (let day = 1; day <= 2; day++) for (const [k, r] of products.entries()) snapshot.push([`S-${day}-${k}`, `2026-01-0${day} 09:${String(k % 60).padStart(2, '0')}:00`, ...r]);
  assert.deepEqual(check(['snapshot_id,taken_at,' + HEADER, ...snapshot.map((r) => r.join(','))]), []);
});

test('a record sent again with one time changed and the duration that follows from it is a copy; two changes of unlike amounts, or under another id too, are not', () => {
  // 1,000 visits: id, patient, arrival, departure, length of stay in minutes, and five fields more.
  const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  const visits = Array.from({ length: 1000 }, (_, i) => {
    const arrival = Date.UTC(2024, 0, 1) + i * 97 * 60_000;
    const stay = 30 + pick(i, 3, 400);
    // (A pick among 2 or 4 repeats every 2 or 4 rows — values taken in turn at a regular step, as a station's readings
    // are, every 388 minutes: among 5 or 7 it does not.)
    const complaint = ['chest pain', 'fever', 'fall', 'cough', 'fever', 'fall', 'cough'][pick(i, 6, 7)];
    const disposition = pick(i, 7, 5) < 2 ? 'Admitted' : 'Discharged';
    return [`V-${1000 + i}`, `P${pick(i, 4, 600)}`, stamp(arrival), stamp(arrival + stay * 60_000), String(stay), String(1 + pick(i, 5, 5)), complaint, disposition, `Dr ${pick(i, 8, 30)}`, `B${pick(i, 9, 50)}`];
  });
  const again = (i: number, minutes: number, stayChange = minutes) => {
    const v = [...visits[i]];
    v[3] = stamp(Date.parse(`${v[3]}Z`) + minutes * 60_000);
    v[4] = String(Number(v[4]) + stayChange);
    return v;
  };
  const header = 'visit_id,patient_id,arrival,departure,los_min,triage,complaint,disposition,attending,bed';
  const lines = (rows: string[][]) => [header, ...rows.map((r) => r.join(','))];
  const rows = [...visits];
  rows.splice(121, 0, again(120, 5));
  const found = check(lines(rows));
  assert.deepEqual(found.map((f) => [f.row, f.evidence?.otherRow, f.evidence?.differingColumns]), [[121, 121, 'departure, los_min']]);
  assert.match(found[0].message, /^Row 122 repeats row 121 in every column but "departure" and "los_min", which changed by the same amount: the same record sent again with one change\.$/);
  assert.equal(found[0].fixes?.[0]?.kind, 'delete-row');
  // The stay changed by another amount than the departure: two facts changed, not one.
  rows[121] = again(120, 5, 9);
  assert.deepEqual(check(lines(rows)), []);
  // The same changes under a new id: a visit of its own (it differs in three columns).
  rows[121] = again(120, 5);
  rows[121][0] = 'V-9999';
  assert.deepEqual(check(lines(rows)), []);
  // Without the id column, the departure and the stay it spans (a relation the table holds) still make one record.
  const withoutIds = (table: string[][]) => [header.replace('visit_id,', ''), ...table.map((r) => r.slice(1).join(','))];
  rows[121] = again(120, 5);
  assert.deepEqual(check(withoutIds(rows)).map((f) => [f.row, f.evidence?.differingColumns]), [[121, 'departure, los_min']]);
  // The same patient's visit an hour later with a stay as long (arrival and departure moved together): another visit.
  const later = (i: number) => visits[i].map((v, k) => (k === 2 || k === 3 ? stamp(Date.parse(`${v}Z`) + 3_600_000) : v));
  assert.deepEqual(check(withoutIds([...visits.slice(0, 301), later(300), ...visits.slice(301)])), []);
  // Two columns no relation ties (the triage level and the stay, both up by 2) are one record only under one visit id.
  rows[121] = [...visits[120]];
  rows[121][5] = String(Number(rows[121][5]) + 2);
  rows[121][4] = String(Number(rows[121][4]) + 2);
  assert.deepEqual(check(lines(rows)).map((f) => [f.row, f.evidence?.differingColumns]), [[121, 'los_min, triage']]);
  assert.deepEqual(check(withoutIds(rows)), []);
});

test('a booking sent again with its rate changed and the total recomputed (total = rate × nights holds in both rows) is a copy; a total left as it was is not', () => {
  // 1,500 bookings: hotel, arrival, nights, room, board, rate, total = rate × nights, channel, guest's country, guest.
  const bookings = Array.from({ length: 1500 }, (_, i) => {
    const nights = 1 + pick(i, 1, 9);
    const rate = (80 + pick(i, 2, 30_000) / 100).toFixed(2);
    return [`H${pick(i, 3, 40)}`, `2025-${String(1 + pick(i, 4, 12)).padStart(2, '0')}-${String(1 + pick(i, 5, 28)).padStart(2, '0')}`, String(nights), ['single', 'double', 'suite'][pick(i, 6, 3)], ['RO', 'BB', 'HB'][pick(i, 7, 3)], rate, (Number(rate) * nights).toFixed(2), ['web', 'agent', 'phone'][pick(i, 8, 3)], `C${pick(i, 9, 60)}`, `Guest ${pick(i, 10, 500)}`];
  });
  const header = 'hotel,arrival,nights,room,board,rate,total,channel,guest_country,guest';
  const withCopy = (total: (rate: string, nights: string) => string) => {
    const copy = [...bookings[700]];
    copy[5] = (Number(copy[5]) * 1.05).toFixed(2);
    copy[6] = total(copy[5], copy[2]);
    return [header, ...[...bookings.slice(0, 701), copy, ...bookings.slice(701)].map((r) => r.join(','))];
  };
  const found = check(withCopy((rate, nights) => (Number(rate) * Number(nights)).toFixed(2)));
  assert.deepEqual(found.map((f) => [f.row, f.evidence?.otherRow, f.evidence?.differingColumns]), [[701, 701, 'rate, total']]);
  assert.deepEqual(check(withCopy(() => bookings[700][6])).filter((f) => f.evidence?.differingColumns === 'rate, total'), []);
});
