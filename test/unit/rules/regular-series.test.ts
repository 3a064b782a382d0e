/**
 * A wind farm's SCADA export: the 10-minute readings of six turbines interleaved. A reading recorded twice
 * (near-duplicate-row), a kind of record that leaves its measures empty (missing-value), and a power written in MW
 * beside its energy in kWh (broken-relation blames the cell off the rows most like its row).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';

/** A deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const HEADER = ['timestamp', 'turbine', 'wind_ms', 'rotor_rpm', 'pitch_deg', 'power_kw', 'energy_kwh', 'ambient_c', 'status'];
const STEPS = 250;
const TURBINES = 6;
/** Steps at which every turbine lost its link: the status says so and the measures are empty. */
const LINK_LOST = new Set([40]);

type Row = (string | number)[];

/** Row of turbine t at step k: power follows the wind through a power curve, energy is a tenth of an hour's power. */
function reading(k: number, t: number, next: () => number): Row {
  const time = new Date(Date.UTC(2024, 1, 27, 0, 10 * k)).toISOString().slice(0, 19).replace('T', ' ');
  const turbine = `WTG-0${t + 1}`;
  if (LINK_LOST.has(k)) return [time, turbine, '', '', '', '', '', '', 'Communication lost'];
  const wind = 3 + 10 * next() + Math.sin(k / 9 + t);
  const power = Math.min(2000, Math.max(0, 2000 * ((wind - 3) / 9) ** 3 + 20 * (next() - 0.5)));
  const powerText = power.toFixed(1);
  return [
    time,
    turbine,
    wind.toFixed(2),
    (6 + wind * 0.7 + next() * 0.2).toFixed(2),
    Math.max(0, (wind - 11) * 2 + next()).toFixed(1),
    powerText,
    (Number(powerText) / 6).toFixed(2),
    (4 + 3 * Math.sin(k / 40) + next()).toFixed(1),
    'Normal operation',
  ];
}

function farm(): Row[] {
  const next = random(11);
  const rows: Row[] = [];
  for (let k = 0; k < STEPS; k++) for (let t = 0; t < TURBINES; t++) rows.push(reading(k, t, next));
  return rows;
}

test('a reading recorded again with some values revised is one row reported (the later), not the reading before it nor a reading at a time written wrong', () => {
  const rows = farm();
  // Turbine 3's reading at step 100 sent again right after it, its power, energy and temperature revised.
  const original = rows[100 * TURBINES + 2];
  const again = [...original];
  again[5] = (Number(original[5]) + 3.1).toFixed(1);
  again[6] = (Number(again[5]) / 6).toFixed(2);
  again[7] = (Number(original[7]) + 0.1).toFixed(1);
  // A reading whose time was written an hour early: the same turbine and time as a reading six steps before, every measure apart.
  const early = rows[160 * TURBINES + 4];
  early[0] = rows[154 * TURBINES + 4][0];
  rows.splice(100 * TURBINES + 3, 0, again);
  const report = checkCsv(csv(HEADER, rows));
  const found = findingsOf(report, 'near-duplicate-row');
  assert.deepEqual(
    found.map((f) => f.row),
    [100 * TURBINES + 3],
  );
  assert.match(found[0].message, /repeats the reading of "turbine" WTG-03 at "timestamp" 2024-02-27 16:40:00 of row 603 \(each turbine is read once per regular step of timestamp\), with "power_kw", "energy_kwh" and "ambient_c" written otherwise/);
  assert.equal(found[0].fixes?.[0]?.kind, 'delete-row');
});

test('where readings repeat in more than 1% of the rows (several per step), none is a reading recorded twice', () => {
  const rows = farm();
  const next = random(5);
  // Turbine 2 read twice at every fifth step, by a second logger with its own values.
  const copies: Row[] = [];
  rows.forEach((row, i) => {
    if (row[1] === 'WTG-02' && i % (5 * TURBINES) === 1 && row[2] !== '') {
      const copy = [...row];
      copy[3] = (Number(row[3]) + 0.1 + 0.5 * next()).toFixed(2);
      copy[7] = (Number(row[7]) + 0.1 + 0.5 * next()).toFixed(1);
      copies.push(copy);
    }
  });
  assert.ok(copies.length > 0.01 * rows.length);
  assert.deepEqual(findingsOf(checkCsv(csv(HEADER, [...rows, ...copies])), 'near-duplicate-row'), []);
});

test('the empty measures of a kind of record (a link lost: 6 rows, every measure empty) are not listed; a gap elsewhere is', () => {
  const rows = farm();
  rows[77][3] = '';
  const missing = findingsOf(checkCsv(csv(HEADER, rows)), 'missing-value');
  assert.deepEqual(
    missing.map((f) => [f.row, f.column]),
    [[77, 'rotor_rpm']],
  );
});

test('a power written in MW beside its energy in kWh: the power is off the rows most like its row, so the power is reported', () => {
  const rows = farm();
  // Three readings at a good wind (a power near 0 in MW or kW is alike: nothing tells which cell slipped).
  const slipped = [300, 900, 1400].map((from) => rows.findIndex((row, r) => r >= from && Number(row[5]) > 500));
  for (const r of slipped) rows[r][5] = (Number(rows[r][5]) / 1000).toFixed(3);
  const found = findingsOf(checkCsv(csv(HEADER, rows)), 'broken-relation');
  assert.deepEqual(
    found.map((f) => [f.row, f.column]),
    slipped.map((r) => [r, 'power_kw']),
  );
});
