/** spike and stuck-value: a value far from both its neighbouring rows, and a run of one value, in a series. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) ^ (s + 0x6d2b79f5)) >>> 0) / 4294967296) || 1e-12;
}

/** The time of reading k: every 10 minutes from 1 March 2024. */
const timeOf = (k: number) => new Date(Date.UTC(2024, 2, 1) + k * 600_000).toISOString().slice(0, 19).replace('T', ' ');

/** Readings every 10 minutes for 3,000 rows: a daily cycle of temperature with noise; `edit` replaces some; without their times when `timed` is false. */
function readings(edit: Record<number, string> = {}, order: (rows: number[]) => number[] = (rows) => rows, timed = true): string {
  const u = random(31);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const values = Array.from({ length: 3000 }, (_, i) => (12 + 6 * Math.sin((2 * Math.PI * (i % 144)) / 144) + 0.3 * normal()).toFixed(2));
  const rows = order(values.map((_, i) => i)).map((i, k) => (timed ? [timeOf(k), edit[k] ?? values[i]] : [k, edit[k] ?? values[i]]));
  return csv([timed ? 'time' : 'reading', 'temperature'], rows);
}

test('a spike in a series is reported: far from both neighbouring rows, which agree; within the column\'s range it is no outlier', () => {
  assert.deepEqual(findingsOf(checkCsv(readings()), 'spike'), [], 'a clean series');
  const found = findingsOf(checkCsv(readings({ 500: '17.50', 1300: '7.00' })), 'spike');
  assert.deepEqual(found.map((f) => f.row), [500, 1300]);
  assert.match(found[0].message, /17\.5 in column "temperature" is a spike: the rows before and after hold [\d.]+ and [\d.]+/);
  assert.deepEqual(findingsOf(checkCsv(readings({ 500: '17.50', 1300: '7.00' })), 'outlier'), [], 'both lie within the column\'s range');
  // Rows without a time in order are no series in time (places listed by code have near latitudes).
  assert.deepEqual(findingsOf(checkCsv(readings({ 500: '17.50', 1300: '7.00' }, undefined, false)), 'spike'), [], 'no time order');
});

test('a glitch of two or three rows is one spike, each row reported (even one up and one down); four rows far away are a level the series visited', () => {
  const found = findingsOf(checkCsv(readings({ 500: '18.50', 501: '18.20', 1300: '19.00', 1301: '4.00', 2000: '3.00', 2001: '3.10', 2002: '2.90' })), 'spike');
  assert.deepEqual(found.map((f) => f.row), [500, 501, 1300, 1301, 2000, 2001, 2002]);
  assert.match(found[0].message, /^18\.5 in column "temperature" is one of 2 consecutive rows that make a spike: the rows before and after them hold [\d.]+ and [\d.]+/);
  const edit: Record<number, string> = {};
  for (let r = 500; r < 504; r++) edit[r] = '17.50';
  assert.deepEqual(findingsOf(checkCsv(readings(edit)), 'spike'), [], 'four rows');
  // Two readings pasted from another series (both 13000.00) with two ordinary ones between them: each pasted one is a
  // spike, the ordinary ones are not.
  const slipped = findingsOf(checkCsv(readings({ 700: '13000.00', 703: '13000.00' })), 'spike');
  assert.deepEqual(slipped.map((f) => f.row), [700, 703]);
});

test('a day that moves far in a turbulent stretch is no spike: prices that fall 9% and recover amid days moving 5% for two weeks', () => {
  const u = random(17);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  let price = 1000;
  const rows: (string | number)[][] = [];
  for (let k = 0; k < 2000; k++) {
    // Calm days move 0.5%; from day 1504, for 13 days, 5%; on day 1510 a fall of 9%, recovered the next day.
    const turbulent = k >= 1504 && k < 1517;
    price *= 1 + (turbulent ? 0.05 : 0.005) * normal();
    rows.push([timeOf(k * 144).slice(0, 10), (k === 1510 ? price * 0.91 : price).toFixed(2)]);
  }
  assert.deepEqual(findingsOf(checkCsv(csv(['day', 'close'], rows)), 'spike'), []);
});

test('no spikes where the rows are in no order, nor at a step to a new level', () => {
  const u = random(7);
  const shuffled = (rows: number[]) => rows.map((r) => [u(), r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  assert.deepEqual(findingsOf(checkCsv(readings({}, shuffled)), 'spike'), [], 'shuffled readings are no series');
  // A level shift: every reading from row 800 on is 9 degrees higher; the row at the step is no spike.
  const edit: Record<number, string> = {};
  const base = readings().trim().split('\n').slice(1).map((line) => Number(line.split(',')[1]));
  for (let r = 800; r < 3000; r++) edit[r] = (base[r] + 9).toFixed(2);
  assert.deepEqual(findingsOf(checkCsv(readings(edit)), 'spike'), []);
});

test('a stuck reading (one value in 12 consecutive rows of a series that changes at every row) is reported, each row after the first', () => {
  assert.deepEqual(findingsOf(checkCsv(readings()), 'stuck-value'), [], 'a clean series');
  const base = readings().trim().split('\n').slice(1).map((line) => line.split(',')[1]);
  const edit: Record<number, string> = {};
  for (let r = 1001; r < 1012; r++) edit[r] = base[1000];
  const found = findingsOf(checkCsv(readings(edit)), 'stuck-value');
  assert.deepEqual(found.map((f) => f.row), Array.from({ length: 11 }, (_, k) => 1001 + k));
  assert.match(found[0].message, /is held by 12 consecutive rows \(from row 1001\) where the column's values change at nearly every row/);
  assert.deepEqual(findingsOf(checkCsv(readings(edit, undefined, false)), 'stuck-value'), [], 'rows in no time order: one entity\'s rows share its values');
});

test('a run of one value over rows of different entities is no stuck reading (matches behind closed doors, attendance 0); a run within one sensor\'s rows is', () => {
  // Matches in date order, each at another home team's stadium: attendance varies, then 8 matches in a row at 0.
  const u = random(5);
  const teams = Array.from({ length: 20 }, (_, k) => `Team ${k}`);
  const matches = Array.from({ length: 1200 }, (_, i) => [timeOf(i * 36), teams[(i * 7) % 20], teams[(i * 7 + 3) % 20], i >= 600 && i < 608 ? 0 : Math.round(20000 + 30000 * u())]);
  assert.deepEqual(findingsOf(checkCsv(csv(['kickoff', 'home', 'away', 'attendance'], matches)), 'stuck-value'), []);
  // Two sensors listed one after the other, each in time order: one sticks for 12 readings.
  const base = readings().trim().split('\n').slice(1).map((line) => line.split(',')[1]);
  const rows = base.map((v, i) => [timeOf(i % 1500), i < 1500 ? 'north' : 'south', i > 1000 && i < 1012 ? base[1000] : v]);
  assert.deepEqual(findingsOf(checkCsv(csv(['time', 'sensor', 'temperature'], rows)), 'stuck-value').map((f) => f.row), Array.from({ length: 11 }, (_, k) => 1001 + k));
});

test('runs of a value are no stuck reading in a sorted column (its ties sit together) or one whose values often repeat', () => {
  // Prices sorted ascending, nearly all distinct; one price, 19.99, held by 8 items, whose rows sort together.
  const u = random(3);
  const sorted = Array.from({ length: 2000 }, () => (5 + 30 * u()).toFixed(3)).concat(Array(8).fill('19.990')).sort((a, b) => Number(a) - Number(b));
  assert.deepEqual(findingsOf(checkCsv(csv(['listed', 'price'], sorted.map((p, i) => [timeOf(i), p]))), 'stuck-value'), [], 'sorted prices');
  const levels = Array.from({ length: 2000 }, (_, i) => [timeOf(i), String(Math.floor(u() * 4))]);
  levels.splice(100, 6, ...Array.from({ length: 6 }, (_, k) => [timeOf(100 + k), '2']));
  assert.deepEqual(findingsOf(checkCsv(csv(['time', 'level'], levels)), 'stuck-value'), [], 'four levels repeat by chance');
});

test('a stuck reading within one station\'s rows, where the file interleaves three stations hour by hour, is reported; the clean interleaved file gets nothing', () => {
  const base = readings().trim().split('\n').slice(1).map((line) => line.split(',')[1]);
  // Each hour, a row per station: station s reads the series shifted by s × 500 readings.
  const rows = (stuck: (station: number, k: number) => boolean) =>
    Array.from({ length: 3000 }, (_, i) => {
      const [k, station] = [Math.floor(i / 3), i % 3];
      return [timeOf(k * 6), `ST${station}`, stuck(station, k) ? base[1 * 500 + 400] : base[station * 500 + k]];
    });
  assert.deepEqual(findingsOf(checkCsv(csv(['time', 'station', 'no2'], rows(() => false))), 'stuck-value'), []);
  const found = findingsOf(checkCsv(csv(['time', 'station', 'no2'], rows((station, k) => station === 1 && k >= 400 && k < 412))), 'stuck-value');
  assert.deepEqual(found.map((f) => f.row), Array.from({ length: 11 }, (_, j) => 3 * (401 + j) + 1));
  assert.match(found[0].message, /is held by 12 consecutive readings of station ST1 \(from row \d+\)/);
});

test('each station is judged by its own rate of repeats: one at its detection limit, repeating it in runs, is no stuck sensor among stations that never repeat', () => {
  const base = readings().trim().split('\n').slice(1).map((line) => line.split(',')[1]);
  // Ten stations, 300 readings each, interleaved hour by hour; station 9 reads its floor (2.00) in eight runs of 6.
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const [k, station] = [Math.floor(i / 10), i % 10];
    const floor = station === 9 && k % 36 < 6 && k < 36 * 8;
    return [timeOf(k * 6), `ST${station}`, floor ? '2.00' : base[(station * 300 + k) % 3000]];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['time', 'station', 'no2'], rows)), 'stuck-value'), []);
});

test('a product code\'s rows, several to a day, are no series of readings: a run of one value among its rows is no stuck sensor', () => {
  const base = readings().trim().split('\n').slice(1).map((line) => line.split(',')[1]);
  // Three codes, each with three lines a day interleaved with the others'; code P1 holds one duty in 12 of its lines.
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const [k, code] = [Math.floor(i / 3), i % 3];
    return [timeOf(Math.floor(k / 3) * 144), `P${code}`, code === 1 && k >= 400 && k < 412 ? base[400] : base[code * 500 + k]];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['day', 'code', 'duty'], rows)), 'stuck-value'), []);
});

test('a run of a value its station holds often (a zero in a tenth of its readings) is no stuck sensor', () => {
  const base = readings().trim().split('\n').slice(1).map((line) => line.split(',')[1]);
  const u = random(9);
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const [k, station] = [Math.floor(i / 3), i % 3];
    const zero = station === 0 && ((k >= 500 && k < 506) || u() < 0.1);
    return [timeOf(k * 6), `ST${station}`, zero ? '0.00' : base[station * 500 + k]];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['time', 'station', 'rain'], rows)), 'stuck-value'), []);
});

test('the rows of one kind of weather are no series of readings (their days follow no step): a run of one value among them is no stuck sensor', () => {
  const base = readings().trim().split('\n').slice(1).map((line) => line.split(',')[1]);
  const u = random(13);
  // One reading an hour, each hour of one of three kinds at random; six "fog" hours in a row of kind fog hold one value.
  let fog = 0;
  const rows = Array.from({ length: 3000 }, (_, k) => {
    const kind = ['sun', 'rain', 'fog'][Math.floor(u() * 3)];
    const stuck = kind === 'fog' && fog++ >= 300 && fog <= 307;
    return [timeOf(k * 6), kind, stuck ? base[299] : base[k]];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['time', 'weather', 'no2'], rows)), 'stuck-value'), []);
});

test('a table of several series one after another (each station\'s hours in time order): the jumps where a new station begins are no changes of a series, and a reading in °F within a station\'s hours is a spike', () => {
  const rows: string[][] = [];
  // Sixteen stations, 60 hours each, lowland and mountain ones in turn (25 °C apart).
  Array.from({ length: 16 }, (_, k) => `S${k + 1}`).forEach((station, k) => {
    for (let h = 0; h < 60; h++) {
      const temp = (k % 2 ? -10 : 15) + 4 * Math.sin((2 * Math.PI * h) / 24) + 0.3 * Math.sin(h * 1.7);
      rows.push([station, new Date(Date.UTC(2024, 2, 1, h)).toISOString().slice(0, 16).replace('T', ' '), temp.toFixed(1)]);
    }
  });
  const header = ['station', 'timestamp', 'temp_c'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'spike'), [], 'clean');
  // Station S3's hour 30 written in °F.
  const r = 2 * 60 + 30;
  rows[r][2] = ((Number(rows[r][2]) * 9) / 5 + 32).toFixed(1);
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'spike').map((f) => [f.row, f.column]), [[r, 'temp_c']]);
});
