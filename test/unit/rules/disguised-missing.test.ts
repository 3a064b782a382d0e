/** Disguised missing values: placeholder words and blank cells (disguised-missing), -1 (sentinel-value), 0 (zero-as-missing). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { isPlaceholderText, isolatedBelow } from '../../../src/core/quality/placeholders';
import { SortedNumbers, runsOf } from '../../../src/core/profile/column-facts';

test('placeholder words are recognised whatever their case and punctuation; real words are not', () => {
  for (const text of ['unknown', 'UNKNOWN', 'N.A.', 'n/a', '#N/A', 'not available', 'None given', 'TBD', 'xxx', '(blank)', ' ', '--']) assert.ok(isPlaceholderText(text), text);
  for (const text of ['Unknown bird - medium', 'Nairobi', 'no', 'Nan Goldin', 'x', 'Nil', 'Nan', 'Blank']) assert.ok(!isPlaceholderText(text), text);
  for (const text of ['nil', 'NaN', 'NULL', 'N/A', 'None']) assert.ok(isPlaceholderText(text), text);
  // Signs that name a unit, a currency or a result are values: a lab test's unit "%", a price in "$", a result "+".
  for (const text of ['%', '$', '€', '°', '+', '<', '‰']) assert.ok(!isPlaceholderText(text), text);
});

test('clean: a unit column whose unit for one test is "%" has no placeholder; its "??" beside it is one', () => {
  const units = ['mg/dL', 'mmol/L', 'g/dL', 'U/L', 'mg/L'];
  // "%" in 5% of the rows (HbA1c among the tests).
  const rows = Array.from({ length: 80 }, (_, i) => [i, i % 20 === 7 ? '%' : units[i % units.length]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'unit'], rows)), 'disguised-missing'), []);
  rows.push([80, '??']);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'unit'], rows)), 'disguised-missing').map((f) => f.value), ['??']);
});

test('a number below the other values counts as a placeholder only when it does not continue their lower tail', () => {
  const sorted = (values: Float64Array) => SortedNumbers.ofArray(values);
  const prices = Float64Array.from({ length: 100 }, (_, i) => 700 + i * 17);
  assert.ok(isolatedBelow(0, sorted(prices)), 'price 0 among prices from 700');
  const wind = Float64Array.from({ length: 100 }, (_, i) => 0.4 + i * 0.1);
  assert.ok(!isolatedBelow(0, sorted(wind)), 'wind 0 among speeds from 0.4');
  const counts = Float64Array.from({ length: 120 }, (_, i) => 1 + (i % 12)).sort();
  assert.ok(!isolatedBelow(0, sorted(counts)), '0 continues counts 1, 2, 3, …');
  const countRuns = runsOf(counts);
  assert.ok(!isolatedBelow(0, SortedNumbers.ofRuns(countRuns.values, countRuns.counts)), 'the same counts held as runs');
  const levels = Float64Array.from({ length: 120 }, (_, i) => 500 + 100 * (i % 3)).sort();
  const levelRuns = runsOf(levels);
  assert.ok(isolatedBelow(0, SortedNumbers.ofRuns(levelRuns.values, levelRuns.counts)), '0 among three levels from 500, held as runs');
  assert.ok(isolatedBelow(0, sorted(levels)), 'the same levels as an array');
  assert.ok(isolatedBelow(-1, sorted(Float64Array.from({ length: 50 }, (_, i) => 10 + i))), '-1 among values from 10');
});

test('dirty: placeholder words and blank cells in a text column are reported, with an empty cell as fix', () => {
  const rows = Array.from({ length: 60 }, (_, i) => [i, ['Boston', 'Chicago', 'Denver', 'Houston'][i % 4]]);
  rows.push([60, 'N.A.'], [61, 'Not Available'], [62, ' '], [63, 'unknown']);
  const found = findingsOf(checkCsv(csv(['id', 'city'], rows)), 'disguised-missing');
  assert.deepEqual(found.map((f) => f.value), ['N.A.', 'Not Available', ' ', 'unknown']);
  assert.deepEqual(found.map(fixText), ['', '', '', '']);
  assert.match(found[0].message, /"N\.A\." in column "city" stands for a missing value \(1 of 64 values\)/);
});

test('clean: a placeholder that is one of the column\'s levels ("None" in 40% of the rows) is not reported', () => {
  const rows = Array.from({ length: 50 }, (_, i) => [i, ['None', 'Minor', 'None', 'Medium', 'Substantial'][i % 5]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'damage'], rows)), 'disguised-missing'), []);
});

test('numbers: NaN in a float column, -1 among non-negative values, 0 far below positive ones', () => {
  const rows = Array.from({ length: 60 }, (_, i) => [i, (700 + i * 13.5).toFixed(2), String(1 + (i % 12)), (0.5 + (i % 9) * 0.4).toFixed(1)]);
  rows.push([60, 'nan', '-1', '0'], [61, '0', '6', '3.1']);
  const report = checkCsv(csv(['id', 'close', 'month', 'wind'], rows));
  assert.deepEqual(findingsOf(report, 'disguised-missing').map((f) => [f.row, f.column]), [[60, 'close']]);
  assert.deepEqual(findingsOf(report, 'sentinel-value').map((f) => [f.row, f.column]), [[60, 'month']]);
  assert.deepEqual(findingsOf(report, 'zero-as-missing').map((f) => [f.row, f.column]), [[61, 'close']], 'not the wind of 0 among speeds from 0.5');
});

test('-1 among non-negative values is a placeholder beside a stray negative value (a lost minus sign, 1 in 200 rows), not beside several', () => {
  const months = (negatives: number[]) => {
    const rows = Array.from({ length: 200 }, (_, i) => [i, String((negatives.includes(i) ? -1 : 1) * (1 + (i % 12)))]);
    rows[50] = [50, '-1'];
    return findingsOf(checkCsv(csv(['id', 'month'], rows)), 'sentinel-value').map((f) => f.row);
  };
  assert.deepEqual(months([]), [50]);
  assert.deepEqual(months([30]), [50]);
  assert.deepEqual(months([30, 70, 110]), []);
});

test('-1.0 among readings that cross zero (-0.7, -1.6) is a reading, not a placeholder', () => {
  const rows = Array.from({ length: 500 }, (_, i) => [i, (0.1 + ((i * 7) % 300) / 10).toFixed(1)]);
  rows.push([500, '-0.7'], [501, '-1.0'], [502, '-1.6']);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'temp_c'], rows)), 'sentinel-value'), []);
  // Alone below zero (beside lost minus signs far from it, or of a small fraction), -1 is still one.
  rows[500][1] = '-12.4';
  rows[502][1] = '-0.004';
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'temp_c'], rows)), 'sentinel-value').map((f) => f.row), [501]);
});

test('an accepted placeholder is not reported', () => {
  const rows = Array.from({ length: 30 }, (_, i) => [i, i === 5 ? 'Unknown' : ['red', 'blue'][i % 2]]);
  const accept = [{ rule: 'disguised-missing', column: 'answer', value: 'Unknown' }];
  assert.equal(findingsOf(checkCsv(csv(['id', 'answer'], rows)), 'disguised-missing').length, 1);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'answer'], rows), { accept }), 'disguised-missing'), []);
});

test('zero-as-missing: a production budget or a fare of 0 among amounts that continue down to it is still a money amount', () => {
  // Budgets from 50,000 up, spread so that 0 does not stand alone below them: the column's name says it is money.
  const rows = Array.from({ length: 200 }, (_, i) => [`Film ${i}`, i === 17 || i === 90 ? 0 : 50_000 + i * i * 900]);
  const report = checkCsv(csv(['title', 'Production Budget'], rows));
  assert.deepEqual(findingsOf(report, 'zero-as-missing').map((f) => f.row), [17, 90]);
  const counts = checkCsv(csv(['title', 'Screenings'], rows));
  assert.deepEqual(findingsOf(counts, 'zero-as-missing').map((f) => f.row), [], 'a count named so: zeros may be real');
});

test('zero-as-missing: a latitude of 0 in a table of places north of the equator is a missing position', () => {
  // Airports from 13° to 71° north, few of them far south (Guam, Puerto Rico): the lowest latitudes spread out, so
  // 0 does not stand alone below them by the values alone.
  const rows = Array.from({ length: 300 }, (_, i) => [`Airport ${i}`, i === 40 || i === 200 ? 0 : Number((13 + Math.sqrt(i / 300) * 58).toFixed(4))]);
  assert.deepEqual(findingsOf(checkCsv(csv(['name', 'latitude'], rows)), 'zero-as-missing').map((f) => f.row), [40, 200]);
});

test('zeros that another column\'s values carry (violation codes worth no points) are no missing values; a zero weight beside them is', () => {
  // Codes and their points: two codes worth 0 points, the others 2 to 5 (0 lies apart below them).
  const points: Record<string, number> = { '02A': 5, '02B': 4, '03A': 3, '04H': 5, '08A': 4, '10B': 2, '20F': 0, '15L': 0 };
  const codes = Object.keys(points);
  const rows = Array.from({ length: 800 }, (_, i) => {
    const code = i % 50 === 0 ? codes[6 + ((i / 50) % 2)] : codes[i % 6];
    return [i, code, points[code], (20 + (i % 37)).toFixed(1)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'code', 'points', 'weight'], rows)), 'zero-as-missing'), []);
  rows[7][3] = '0';
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'code', 'points', 'weight'], rows)), 'zero-as-missing').map((f) => [f.row, f.column]), [[7, 'weight']]);
});

test('a placeholder word the row\'s numbers say too (an occupancy "EMPTY" exactly where the passenger load is 0) is a state, not a missing value; "unknown" beside loads of every size is missing', () => {
  const statuses = (load: number) => (load === 0 ? 'EMPTY' : load < 30 ? 'MANY_SEATS_AVAILABLE' : load < 50 ? 'FEW_SEATS_AVAILABLE' : 'STANDING_ROOM_ONLY');
  const rows = Array.from({ length: 600 }, (_, i) => {
    const load = i % 20 === 3 ? 0 : 1 + ((i * 37) % 70);
    return [`T${i}`, String(load), i % 50 === 11 ? 'unknown' : statuses(load)];
  });
  const found = findingsOf(checkCsv(csv(['stop_event', 'passenger_load', 'occupancy_status'], rows)), 'disguised-missing');
  assert.deepEqual([...new Set(found.map((f) => f.value))], ['unknown']);
  assert.equal(found.length, 12);
});

test('a placeholder word whose rows\' numbers lie where the others\' never do (an action "Not applicable" for events after the last dose, day 366 on) names a state; the same word on an event during dosing is missing', () => {
  const rows = Array.from({ length: 800 }, (_, i) => {
    const day = 1 + ((i * 53) % 400);
    const action = day > 365 ? 'Not applicable' : ['Dose not changed', 'Dose reduced', 'Drug interrupted'][i % 3];
    return [`AE${i}`, String(day), action];
  });
  const header = ['event', 'study_day', 'action_taken'];
  assert.ok(rows.filter((row) => row[2] === 'Not applicable').length < 0.1 * rows.length, 'the word is no level of its own');
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'disguised-missing'), [], 'clean');
  const during = rows.findIndex((row) => Number(row[1]) < 200);
  rows[during][2] = 'Not applicable';
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'disguised-missing').map((f) => [f.row, f.value]), [[during, 'Not applicable']]);
});

test('an answer word ("None") written often in a column that writes its missing values as empty cells is a level (an education "None" beside the children not asked); "unknown" so written is still missing, and so is a rare "None"', () => {
  const levels = ['Primary', 'Secondary', 'Secondary', 'University', 'Primary', 'Secondary', 'Higher', 'Primary'];
  const rows = Array.from({ length: 1000 }, (_, i) => {
    const age = 3 + ((i * 31) % 80);
    const education = age < 5 ? '' : i % 19 === 7 ? 'None' : levels[i % levels.length];
    return [`P${i}`, String(age), education];
  });
  const header = ['person', 'age', 'education_level'];
  const nones = rows.filter((row) => row[2] === 'None').length;
  assert.ok(nones > 0.02 * rows.length && nones < 0.1 * rows.length && rows.some((row) => row[2] === ''));
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'disguised-missing'), [], 'clean');
  const written = rows.map((row) => (row[2] === 'None' ? [row[0], row[1], 'unknown'] : row));
  assert.equal(findingsOf(checkCsv(csv(header, written)), 'disguised-missing').length, nones, 'a placeholder that is no answer');
  const rare = rows.map((row, i) => (row[2] === 'None' && i > 200 ? [row[0], row[1], 'Primary'] : row));
  assert.ok(findingsOf(checkCsv(csv(header, rare)), 'disguised-missing').length > 0, 'a rare "None"');
});

test('a word whose rows hold one number in most of them, slips in a few aside, names a state: "NONE" where the price change is 0', () => {
  // 1,000 price reports; 20 unchanged ("NONE", change 0), two of them with the change keyed wrong (3 and -2).
  const rows = Array.from({ length: 1000 }, (_, i) => {
    const none = i % 50 === 7;
    const change = none ? (i === 57 ? 3 : i === 457 ? -2 : 0) : i % 5 === 0 ? 1 + (i % 7) : -1 - (i % 4);
    return [i, change, none ? 'NONE' : change > 0 ? 'UP' : 'DOWN'];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['report_id', 'price_change', 'direction'], rows)), 'disguised-missing'), []);
  // Four of its 20 rows at another change (80% at 0): no state the numbers say, a placeholder, reported.
  const worse = rows.map((row, i) => (i === 107 || i === 207 ? [i, 4, 'NONE'] : row));
  assert.equal(findingsOf(checkCsv(csv(['report_id', 'price_change', 'direction'], worse)), 'disguised-missing').length, 20);
});

test('in a column of few values, a placeholder in over 2% of the rows is one of them (a sex "Unknown" beside four others); a few are still reported', () => {
  const sexes = ['Intact Male', 'Intact Female', 'Neutered Male', 'Spayed Female'];
  const rows = (unknownEvery: number) => Array.from({ length: 1000 }, (_, i) => [i, i % unknownEvery === 3 ? 'Unknown' : sexes[(i * 7) % 4]]);
  // 91 of 1,000 (9%): a level of the column.
  assert.deepEqual(findingsOf(checkCsv(csv(['animal', 'sex'], rows(11))), 'disguised-missing'), []);
  // 10 of 1,000 (1%): placeholders.
  assert.equal(findingsOf(checkCsv(csv(['animal', 'sex'], rows(100))), 'disguised-missing').length, 10);
});
