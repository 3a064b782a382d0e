/**
 * outlier, kind `group`: a number ordinary for its column but far from the numbers of its row's group (a °F
 * reading among °C where station and month say the temperature); groups that cluster, repeat or spread
 * widely, codes, and groupings that explain little are left alone.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkCsv, csv, findingsOf } from './check-text';

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) ^ (s + 0x6d2b79f5)) >>> 0) / 4294967296) || 1e-12;
}

const STATIONS = ['Lyon', 'Paris', 'Nice', 'Lille', 'Brest', 'Metz', 'Pau', 'Tours'];

/** Monthly temperatures of 8 stations (°C, 1 decimal), 2,400 rows; `fahrenheit` rows written in °F. */
function temperatures(seed: number, fahrenheit: number[] = [], noise = (u: () => number) => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u())): (string | number)[][] {
  const u = random(seed);
  const base = STATIONS.map(() => 8 + 10 * u());
  return Array.from({ length: 2400 }, (_, i) => {
    const station = i % STATIONS.length;
    const month = 1 + (Math.floor(i / STATIONS.length) % 12);
    const celsius = Math.round(10 * (base[station] + 12 * Math.sin(((month - 4) / 12) * 2 * Math.PI) + 2.5 * noise(u))) / 10;
    const value = fahrenheit.includes(i) ? Math.round(10 * (celsius * 1.8 + 32)) / 10 : celsius;
    return [i, STATIONS[station], month, value];
  });
}

const header = ['id', 'station', 'month', 'temp_c'];

/** Four rows (one in 25 tried) whose reading in °F stays below the column's largest °C: no extreme of the column. */
function withinColumn(seed: number): number[] {
  const rows = temperatures(seed);
  const max = Math.max(...rows.map((row) => Number(row[3])));
  return rows.filter((row, i) => i % 25 === 7 && Number(row[3]) * 1.8 + 32 < max - 2).map((row) => Number(row[0])).slice(0, 4);
}

test('a temperature in °F among °C is far from its station and month, though within the column', () => {
  const fahrenheit = withinColumn(1);
  assert.equal(fahrenheit.length, 4, 'four winter readings');
  const rows = temperatures(1, fahrenheit);
  const findings = findingsOf(checkCsv(csv(header, rows)), 'outlier');
  assert.deepEqual(findings.map((f) => f.row), fahrenheit, 'the four readings in °F, nothing else');
  const f = findings[0];
  assert.equal(f.evidence?.kind, 'group');
  assert.ok(f.evidence?.['group:station'] === rows[f.row ?? 0][1] && f.evidence?.['group:month'] === String(rows[f.row ?? 0][2]), `grouped by station and month: ${JSON.stringify(f.evidence)}`);
  assert.match(f.message, /^[\d.]+ is an outlier in column "temp_c" for its group: where "station" is "\w+" and "month" is "\d+" \(\d+ rows\) the values lie around [\d.-]+, typically within [\d.]+ of it; this one is \d+ times as far above, where no other row lies more than [\d.]+ times as far from its group's values \(a unit or another group's value\?\)\.$/);
});

test('no finding on clean temperatures, normal or with heavy (Laplace) noise, nor where the grouping explains little', () => {
  for (const seed of [1, 2, 3]) assert.deepEqual(findingsOf(checkCsv(csv(header, temperatures(seed))), 'outlier'), [], `normal noise, seed ${seed}`);
  const laplace = (u: () => number) => (u() < 0.5 ? 1 : -1) * Math.log(u()) * 1.5;
  for (const seed of [1, 2, 3]) assert.deepEqual(findingsOf(checkCsv(csv(header, temperatures(seed, [], laplace))), 'outlier'), [], `Laplace noise, seed ${seed}`);
  // Stations and months that say nothing of the temperature: the °F readings are not far from anything learned.
  const readings = temperatures(4, withinColumn(4)).map((row) => row[3]);
  const u = random(9);
  for (let i = readings.length - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [readings[i], readings[j]] = [readings[j], readings[i]];
  }
  const shuffled = temperatures(4).map((row, i) => [row[0], row[1], row[2], readings[i]]);
  assert.deepEqual(findingsOf(checkCsv(csv(header, shuffled)), 'outlier'), [], 'a grouping that explains nothing');
});

test('no finding: groups whose values repeat or cluster, a group with many far values, a code numbered within its region', () => {
  const u = random(7);
  const noise = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  // A region's towns: most rows at its capital (one latitude), a few elsewhere in the region.
  const towns = Array.from({ length: 600 }, (_, i) => {
    const region = i % 6;
    const capital = 50 + region;
    return [i, `R${region}`, u() < 0.8 ? capital : Math.round(1000 * (capital + (u() - 0.5) * 1.5)) / 1000];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'region', 'latitude'], towns)), 'outlier'), [], 'a capital repeated');
  // Wind in bands of latitude: over the sea about 6 m/s; one band also crosses land (about 2.2 m/s in a third of its
  // rows, one calm spot at 0.6), as calm as a band further north.
  const wind = Array.from({ length: 600 }, (_, i) => {
    const band = i % 6;
    const speed = band === 5 ? 0.8 + 0.1 * noise() : band === 0 && i % 18 === 0 ? 2.2 + 0.1 * noise() : 6 + 0.1 * noise();
    return [i, `B${band}`, Math.round(10_000 * speed) / 10_000];
  });
  wind[6][2] = 0.6;
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'band', 'speed'], wind)), 'outlier'), [], 'two clusters in a group');
  // One station of six logs 8% of its readings somewhere else on its scale: a population of its own.
  const readings = Array.from({ length: 600 }, (_, i) => [i, `S${i % 6}`, Math.round(1000 * (20 + 5 * (i % 6) + noise())) / 1000]);
  for (let k = 0; k < 8; k++) readings[6 * (5 + 11 * k)][2] = 30 + 2 * k;
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'station', 'reading'], readings)), 'outlier'), [], 'many far values in one group');
  // Municipality numbers by region (region k's from 5000·k + 1): two of region 0's transferred from region 18 keep theirs.
  const codes = Array.from({ length: 600 }, (_, i) => [`R${i % 20}`, (i % 20) * 5000 + 1 + Math.floor(i / 20)]);
  for (const i of [20, 40]) codes[i][1] = 90_000 + i;
  assert.deepEqual(findingsOf(checkCsv(csv(['region', 'comune'], codes)), 'outlier'), [], 'codes');
});

const windvectors = path.resolve(__dirname, '../../../node_modules/vega-datasets/data/windvectors.csv');
test('no finding in a published grid of winds, whose bands of latitude cross sea and land', { skip: !existsSync(windvectors) && 'vega-datasets absent' }, () => {
  // Grouped by direction and latitude, a band holds winds over the sea and over land: measured by its larger
  // cluster alone, a calm spot over land (0.53 m/s where the sea has 6) looked 31 spreads away.
  assert.deepEqual(findingsOf(checkCsv(readFileSync(windvectors, 'utf8')), 'outlier'), []);
});

test('a row in the wrong group (its state typed for another, which its zip contradicts): the number is not blamed', () => {
  const u = random(11);
  // 10 states, 10 zips each (6 rows a zip), latitudes around each state's centre.
  const rows = Array.from({ length: 600 }, (_, i) => {
    const zip = i % 100;
    const state = Math.floor(zip / 10);
    return [`${10_000 + zip}`, `S${state}`, Math.round(10_000 * (30 + 2 * state + 0.3 * (zip % 10) / 10 + 0.2 * (u() - 0.5))) / 10_000];
  });
  rows[205][1] = 'S9';
  const report = checkCsv(csv(['zip', 'state', 'latitude'], rows));
  assert.deepEqual(findingsOf(report, 'outlier'), [], 'the latitude is right for its zip');
  assert.deepEqual(findingsOf(report, 'dependency-violation').map((f) => [f.row, f.column]), [[205, 'state']], 'the state is reported');
});

test('a fractional number shared by rows (a town\'s pupil-teacher ratio) is no label to group by', () => {
  const u = random(12);
  const noise = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  // Ten towns of 40 tracts; a tract's distance to work centres is about its town's, one tract far out of town.
  const rows = Array.from({ length: 400 }, (_, i) => [(12 + (i % 10) * 0.7).toFixed(1), Math.round(1000 * (1 + (i % 10) + 0.2 * noise())) / 1000]);
  rows[30][1] = 7.5;
  assert.deepEqual(findingsOf(checkCsv(csv(['ptratio', 'distance'], rows)), 'outlier'), []);
  // The same towns named: the far tract is reported.
  const named = rows.map(([ratio, distance], i) => [`T${i % 10}`, ratio, distance]);
  assert.deepEqual(findingsOf(checkCsv(csv(['town', 'ptratio', 'distance'], named)), 'outlier').map((f) => f.row), [30]);
});

test('a group whose numbers cluster in two places is measured by both: a value beyond the smaller cluster is not far', () => {
  const u = random(13);
  const noise = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  // 24 bands of latitude; band 0 crosses land (a third of its rows at 5.8, the sea at 8), band 23 is calm.
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const band = i % 24;
    const centre = band === 23 ? 0.9 : band === 0 ? (i % 72 === 0 ? 5.8 : 8) : 3 + band;
    return [`B${band}`, Math.round(1000 * (centre + (band === 23 ? 0.1 : band === 0 ? 0.2 : 0.45) * noise())) / 1000];
  });
  rows[48][1] = 0.7;
  assert.deepEqual(findingsOf(checkCsv(csv(['band', 'speed'], rows)), 'outlier'), []);
});

test('labels that say nothing of a heavy-tailed column: its groups are not used (their spreads are noise)', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const u = random(seed);
    const laplace = () => (u() < 0.5 ? 1 : -1) * Math.log(u()) * 3;
    const rows = Array.from({ length: 1200 }, (_, i) => [`L${Math.floor(u() * 60)}`, `K${i % 3}`, Math.round(1000 * (50 + laplace())) / 1000]);
    assert.deepEqual(findingsOf(checkCsv(csv(['label', 'kind', 'value'], rows)), 'outlier'), [], `seed ${seed}`);
  }
});

/** Payments to 60 payees (each at its own level, spread by a factor of about 1.6 around it), 6,000 rows; `times` rows multiplied. */
function payments(seed: number, times: Map<number, number> = new Map()): (string | number)[][] {
  const u = random(seed);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const levels = Array.from({ length: 60 }, () => Math.exp(7 + 0.8 * normal()));
  return Array.from({ length: 6000 }, (_, i) => {
    const payee = i % 60;
    const amount = levels[payee] * Math.exp(0.5 * normal()) * (times.get(i) ?? 1);
    return [`E${i}`, `Payee ${payee}`, amount.toFixed(2)];
  });
}

test('a skewed column is measured on the log scale: a payment 100 times its payee\'s is far, a payee\'s natural tail is not', () => {
  const header = ['id', 'payee', 'amount'];
  for (const seed of [1, 2, 3]) assert.deepEqual(findingsOf(checkCsv(csv(header, payments(seed))), 'outlier'), [], `clean payments, seed ${seed}`);
  const wrong = [41, 814, 1227, 3139, 4414];
  const rows = payments(1, new Map(wrong.map((r) => [r, 100])));
  const findings = findingsOf(checkCsv(csv(header, rows)), 'outlier');
  // A payment 100 times its payee's lies about 9 spreads above (a factor of 1.65): one drawn low may stay within the bound of 8.
  assert.ok(findings.length >= 4 && findings.every((f) => wrong.includes(f.row ?? -1)), `payments with a decimal point lost, nothing else: ${findings.map((f) => f.row)}`);
  const f = findings[0];
  assert.equal(f.evidence?.scale, 'log');
  assert.equal(f.evidence?.['group:payee'], 'Payee 41');
  assert.match(f.message, /for its group: where "payee" is "Payee 41" \(100 rows\) the values lie around [\d.]+, typically within a factor of [\d.]+ of it; this one is \d+ times as far above on a log scale, /);
});

test('an entity apart from the others in most of its rows is its own population; one cell of an entity is an error', () => {
  const u = random(5);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const brackets = [10, 8, 12, 9, 7, 5, 3, 2, 1.5, 1];
  const rows: (string | number)[][] = [];
  for (let s = 0; s < 60; s++) {
    brackets.forEach((base, b) => {
      // "Island" lies apart in every bracket, within the column's range: 1.5 times the others' share in the small
      // brackets, 0.6 times in the large ones; State 7 has one share doubled (6 where its bracket's lie around 3).
      const shift = s === 0 ? (base <= 7 ? 1.5 : 0.6) : 1;
      const typo = s === 7 && b === 6 ? 2 : 1;
      rows.push([s === 0 ? 'Island' : `State ${s}`, `bracket ${b}`, (base * shift * typo * (1 + 0.03 * normal())).toFixed(2)]);
    });
  }
  const findings = findingsOf(checkCsv(csv(['name', 'bracket', 'pct'], rows)), 'outlier');
  assert.deepEqual(findings.map((f) => rows[f.row ?? 0][0]), ['State 7'], 'the one cell twice its bracket\'s, not the island\'s rows');
});

test('rounded measurements repeat their values without a spread collapsing: a result ×3 among its test\'s is found', () => {
  const u = random(11);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  // Four tests, 500 results each, written to one decimal: a few dozen distinct values per test, none in half its rows.
  const tests: [string, number, number][] = [['Creatinine', 0.95, 0.15], ['Potassium', 4.2, 0.3], ['Hemoglobin', 14, 1.1], ['Albumin', 4.1, 0.3]];
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const [name, mean, sd] = tests[i % 4];
    return [`R${i}`, name, (mean + sd * normal()).toFixed(1)];
  });
  rows[401][2] = (Number(rows[401][2]) * 3).toFixed(1); // a potassium of about 12.6: within the column (hemoglobins), far from potassium's
  const findings = findingsOf(checkCsv(csv(['id', 'test', 'value'], rows)), 'outlier');
  assert.deepEqual(findings.map((f) => [f.row, f.evidence?.kind]), [[401, 'group']]);
});

/** Nightly rates of 24 hotels (22 in euros around 120 to 330, Prague's in koruny, Budapest's in forints), 4,800 rows. */
function hotelRates(seed: number): (string | number)[][] {
  const u = random(seed);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const hotels = Array.from({ length: 24 }, (_, h) => (h === 0 ? { code: 'PRG01', level: 5200 } : h === 1 ? { code: 'BUD01', level: 61_000 } : { code: `EU${String(h).padStart(2, '0')}`, level: 120 + 10 * h }));
  return Array.from({ length: 4800 }, (_, i) => {
    const hotel = hotels[i % hotels.length];
    return [i, hotel.code, Math.round(100 * hotel.level * Math.exp(0.3 * normal())) / 100];
  });
}

test('a rate in euros among a Prague hotel\'s koruny: below its group, apart from its low end, among other groups\' rates', () => {
  const rows = hotelRates(5);
  assert.deepEqual(findingsOf(checkCsv(csv(['booking', 'hotel', 'rate'], rows)), 'outlier'), [], 'clean: no finding, though most hotels\' rates are alike');
  // Prague's rows are every 24th from row 0: three of them written in euros (the koruny ÷ 25).
  for (const r of [240, 1200, 3600]) rows[r][2] = Math.round(Number(rows[r][2]) / 0.25) / 100;
  const found = findingsOf(checkCsv(csv(['booking', 'hotel', 'rate'], rows)), 'outlier');
  assert.deepEqual(found.map((f) => [f.row, f.evidence?.kind, f.evidence?.side]), [240, 1200, 3600].map((r) => [r, 'group', 'lower']));
});

test('a low value that continues its group\'s low end, or lies below 99% of the column, is not one', () => {
  const rows = hotelRates(6);
  // Prague's lowest rates drawn lower, step by step down to a tenth of its level: a thin tail, no gap.
  [0, 24, 48, 72, 96, 120].forEach((r, k) => (rows[r][2] = Math.round(5200 * Math.pow(0.65, k + 1))));
  assert.deepEqual(findingsOf(checkCsv(csv(['booking', 'hotel', 'rate'], rows)), 'outlier').filter((f) => f.evidence?.side === 'lower'), []);
});

test('an entity of two rows, both apart from their groups, is its own population too; one cell of an entity still is an error', () => {
  const u = random(7);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const brackets = [10, 8, 12, 9, 7, 5, 3, 2, 1.5, 1];
  const rows: (string | number)[][] = [];
  for (let s = 1; s < 60; s++) {
    brackets.forEach((base, b) => {
      const typo = s === 7 && b === 6 ? 2 : 1;
      rows.push([`State ${s}`, `bracket ${b}`, (base * typo * (1 + 0.03 * normal())).toFixed(2)]);
    });
  }
  // An island reported in two brackets only, 1.5 times the states' share in both.
  rows.push(['Island', 'bracket 5', (5 * 1.5).toFixed(2)], ['Island', 'bracket 6', (3 * 1.5).toFixed(2)]);
  const findings = findingsOf(checkCsv(csv(['name', 'bracket', 'pct'], rows)), 'outlier');
  assert.deepEqual(findings.map((f) => rows[f.row ?? 0][0]), ['State 7']);
});
