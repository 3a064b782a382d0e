/** band-mismatch: a label whose row's number lies in the band of numbers another of its values holds. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { mulberry32 } from '../../../src/core/shared/random';

/** Hourly PM2.5 and PM10 readings with the category the PM2.5 reading's band gives; `edit` changes some rows. */
function readings(edit: (row: (string | number)[], i: number) => void = () => {}, seed = 3): string {
  const random = mulberry32(seed);
  const category = (pm: number) => (pm <= 9 ? 'Good' : pm <= 35.4 ? 'Moderate' : pm <= 55.4 ? 'Unhealthy for Sensitive Groups' : pm <= 125.4 ? 'Unhealthy' : 'Very Unhealthy');
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 3_000; i++) {
    const pm25 = Math.round(Math.exp(2.6 + 1.2 * (random() + random() + random() - 1.5)) * 10) / 10;
    const row: (string | number)[] = [`S${i % 12}`, pm25.toFixed(1), (pm25 * (1.3 + 0.4 * random())).toFixed(1), category(pm25)];
    edit(row, i);
    rows.push(row);
  }
  return csv(['station', 'pm25', 'pm10', 'category'], rows);
}

test('clean readings: the category is the band of its reading, and nothing is reported', () => {
  assert.deepEqual(findingsOf(checkCsv(readings()), 'band-mismatch'), []);
});

test('a category one band off its reading is reported on the category, with the band\'s category as the fix; an exchanged reading is not the label\'s error', () => {
  const wrong = new Map<number, string>();
  const exchanged: number[] = [];
  const text = readings((row, i) => {
    if (i % 250 === 17 && row[3] === 'Moderate') wrong.set(i, (row[3] = 'Good'));
    else if (i % 250 === 101 && row[3] === 'Unhealthy for Sensitive Groups') wrong.set(i, (row[3] = 'Unhealthy'));
    else if (exchanged.length < 6 && row[3] === 'Moderate' && Number(row[1]) > 26 && Number(row[2]) > 35.4) {
      // PM2.5 and PM10 exchanged: the category is the true PM2.5's.
      [row[1], row[2]] = [row[2], row[1]];
      exchanged.push(i);
    }
  });
  assert.ok(wrong.size >= 5 && exchanged.length >= 2, `${wrong.size} wrong, ${exchanged.length} exchanged`);
  const findings = findingsOf(checkCsv(text, { maxFindingsPerRuleAndColumn: 1_000 }), 'band-mismatch');
  const reported = findings.map((f) => f.row);
  for (const r of wrong.keys()) assert.ok(reported.includes(r), `row ${r} reported`);
  for (const r of exchanged) assert.ok(!reported.includes(r), `exchanged row ${r} not blamed on its category`);
  assert.equal(findings.length, wrong.size);
  const f = findings.find((x) => wrong.get(x.row!) === 'Good')!;
  assert.equal(f.column, 'category');
  assert.equal(fixText(f), 'Moderate');
  assert.match(f.message, /"Good" in column "category" where pm25 is [\d.]+: the rows with pm25 from 9\.1 to [\d.]+ are "Moderate"/);
});

test('a label that only leans with the number (a station\'s readings run high) is no band', () => {
  const text = readings((row) => {
    // A region whose readings are higher on average: its values overlap the others' everywhere.
    row[3] = Number(row[1]) + 12 * Number(String(row[0]).slice(1)) > 60 ? 'urban' : 'rural';
  });
  assert.deepEqual(findingsOf(checkCsv(text), 'band-mismatch'), []);
});

test('a status cut from the availability, whose downtime in hours only follows it (daylight varies): a row the availability puts in its band is no mismatch on the downtime\'s bands; a status off both still is', () => {
  const random = mulberry32(11);
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 2_500; i++) {
    const r = random();
    const availability = r < 0.6 ? 100 : r < 0.85 ? 90 + Math.round(random() * 99) / 10 : 80 + Math.round(random() * 99) / 10;
    const daylight = 12 + random() * 1.5;
    const downtime = ((100 - availability) / 100) * daylight;
    const status = availability === 100 ? 'OK' : availability >= 90 ? 'DEGRADED' : 'FAULT';
    rows.push([`P${i % 10}`, availability.toFixed(1), downtime.toFixed(2), status]);
  }
  const header = ['plant', 'availability_pct', 'downtime_h', 'status'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows), { maxFindingsPerRuleAndColumn: 1_000 }), 'band-mismatch'), []);
  const wrong = rows.findIndex((row, i) => i > 100 && row[3] === 'FAULT' && Number(row[1]) < 85);
  rows[wrong][3] = 'DEGRADED';
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows), { maxFindingsPerRuleAndColumn: 1_000 }), 'band-mismatch').map((f) => f.row), [wrong], 'reported once, though off the bands of both numbers');
});
