/**
 * A row's kind by its empty cells (row-kind.ts): call records where a roaming call has a country and no cell tower,
 * and a call at home a tower and no country. inapplicable-value blames the roaming flag where the row's cells are a
 * roaming call's, its tower among them empty.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';

const HEADER = ['record_id', 'call_type', 'duration_s', 'cell_id', 'tower_city', 'roaming', 'roaming_country'];
const CITIES = ['Berlin', 'Hamburg', 'Munich', 'Cologne', 'Frankfurt'];
const COUNTRIES = ['AT', 'FR', 'IT', 'ES', 'NL', 'US'];

/** 1,200 calls, every tenth roaming. */
function calls(): (string | number)[][] {
  return Array.from({ length: 1200 }, (_, i) => {
    const roaming = i % 10 === 3;
    const city = CITIES[(i * 7) % CITIES.length];
    return [5_100_000 + i, i % 3 === 0 ? 'sms' : 'voice', 20 + ((i * 37) % 600), roaming ? '' : 6_100_000 + ((i * 13) % 97), roaming ? '' : city, roaming ? 'Y' : 'N', roaming ? COUNTRIES[(i * 5) % COUNTRIES.length] : ''];
  });
}

test('a roaming call marked "N" (a country, no tower): the flag is reported with "Y" as fix, not the country', () => {
  const rows = calls();
  rows[13][5] = 'N';
  const report = checkCsv(csv(HEADER, rows));
  const found = findingsOf(report, 'inapplicable-value');
  assert.deepEqual(
    found.map((f) => [f.row, f.column]),
    [[13, 'roaming']],
  );
  assert.match(found[0].message, /"N" in column "roaming" disagrees with its row: "roaming_country" is filled, and "cell_id" empty, "tower_city" empty, as in the rows whose "roaming" is "Y"/);
  assert.equal(fixText(found[0]), 'Y');
});

test('a country written into a call at home (its tower given, or its city where its tower id is lost): the country is reported, as before', () => {
  const rows = calls();
  rows[14][6] = 'FR';
  // The cells disagree among themselves (no tower id, a tower city): nothing says the flag is the one wrong cell.
  rows[15][6] = 'IT';
  rows[15][3] = '';
  const found = findingsOf(checkCsv(csv(HEADER, rows)), 'inapplicable-value');
  assert.deepEqual(
    found.map((f) => [f.row, f.column]),
    [
      [14, 'roaming_country'],
      [15, 'roaming_country'],
    ],
  );
});

test('a call at home marked "Y" (its tower and tower city given): the flag is the one wrong cell, not the two cells filled as at home; one filled cell alone is reported', () => {
  // Without the country: only the cells a roaming call leaves empty tell the kind.
  const rows = calls().map((row) => row.slice(0, -1));
  rows[24][5] = 'Y';
  const found = findingsOf(checkCsv(csv(HEADER.slice(0, -1), rows)), 'inapplicable-value');
  assert.deepEqual(
    found.map((f) => [f.row, f.column]),
    [[24, 'roaming']],
  );
  assert.equal(fixText(found[0]), 'N');
  // A roaming call given a tower id but no tower city: one filled cell, as often the slip as the flag.
  const one = calls().map((row) => row.slice(0, -1));
  one[33][3] = 6_100_033;
  assert.deepEqual(
    findingsOf(checkCsv(csv(HEADER.slice(0, -1), one)), 'inapplicable-value').map((f) => [f.row, f.column]),
    [[33, 'cell_id']],
  );
});
