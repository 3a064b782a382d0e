/** counter-reversal: a reading that goes back within its entity where the column never does. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';

const rule = 'counter-reversal';
const HEADER = ['record', 'vehicle', 'date', 'odometer_km', 'litres'];

/** A deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** Fuel log: 30 vehicles filling up in turn over a year, each odometer growing by 200–900 km a fill; rows in date order. */
function fuelLog(): (string | number)[][] {
  const next = random(11);
  const odometer = Array.from({ length: 30 }, () => Math.floor(5_000 + next() * 150_000));
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 3000; i++) {
    const vehicle = Math.floor(next() * 30);
    odometer[vehicle] += Math.floor(200 + next() * 700);
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(i / 9) * 86_400_000).toISOString().slice(0, 10);
    rows.push([`R${i}`, `V${String(vehicle).padStart(3, '0')}`, day, odometer[vehicle], (20 + next() * 50).toFixed(2)]);
  }
  return rows;
}

/** The row of `vehicle` after its `k`-th (so that it has neighbours on both sides). */
function rowOf(rows: (string | number)[][], vehicle: string, k: number): number {
  let seen = 0;
  return rows.findIndex((row) => row[1] === vehicle && seen++ === k);
}

test('an odometer that goes back within its vehicle is reported (a trip reading, a digit slip, a 0); the clean log gets nothing', () => {
  const rows = fuelLog();
  assert.deepEqual(findingsOf(checkCsv(csv(HEADER, rows)), rule), []);
  const [trip, slip, zero] = [rowOf(rows, 'V003', 20), rowOf(rows, 'V007', 40), rowOf(rows, 'V012', 60)];
  rows[trip][3] = 588;
  rows[slip][3] = Number(rows[slip][3]) * 10;
  rows[zero][3] = 0;
  const findings = findingsOf(checkCsv(csv(HEADER, rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.evidence?.side]).sort((a, b) => Number(a[0]) - Number(b[0])), [[trip, 'odometer_km', 'low'], [slip, 'odometer_km', 'high'], [zero, 'odometer_km', 'low']].sort((a, b) => Number(a[0]) - Number(b[0])));
  const found = findings.find((f) => f.row === trip);
  assert.match(found?.message ?? '', /^588 in column "odometer_km" goes back within vehicle "V003": its reading before it is \d+/);
  assert.equal(found?.related?.length, 2, 'the readings before and after');
});

test('a date written wrong moves its row in time, not in the file; a record sent again at the end is out of place in the file, not in time: neither reading is reported', () => {
  const rows = fuelLog();
  // A day and month swapped (2023-03-05 → 2023-05-03) in a row of the log, listed where it was.
  const swapped = rows.findIndex((row) => row[2] === '2023-03-05');
  rows[swapped][2] = '2023-05-03';
  // A record sent again, appended at the end with its own date and reading.
  rows.push([...rows[1500]]);
  rows[rows.length - 1][0] = 'R9999';
  assert.deepEqual(findingsOf(checkCsv(csv(HEADER, rows)), rule).map((f) => f.row), []);
});

test('no counter where readings go back often (litres); a counter that restarts (a replaced meter: its next readings go on from low) and two readings of one day listed the other way round are not reported', () => {
  const rows = fuelLog();
  // Vehicle V005's odometer replaced halfway: its readings from there start again near 0.
  const rowsOf5 = rows.map((row, r) => [row, r] as const).filter(([row]) => row[1] === 'V005');
  const from = rowsOf5[Math.floor(rowsOf5.length / 2)][1];
  const base = Number(rows[from][3]) - 300;
  for (const [row, r] of rowsOf5) if (r >= from) row[3] = Number(row[3]) - base;
  // Two fills of V009 on one day listed the other way round: in order either way.
  const [a, b] = [rowOf(rows, 'V009', 30), rowOf(rows, 'V009', 31)];
  rows[b][2] = rows[a][2];
  [rows[a][3], rows[b][3]] = [rows[b][3], rows[a][3]];
  assert.deepEqual(findingsOf(checkCsv(csv(HEADER, rows)), rule).map((f) => [f.row, f.column]), []);
});
