/** inapplicable-value: a cell filled where its row's value of another column leaves the column empty in every other row. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { STOCK_HEADER, stockMovements } from './stock-movements';

/** 1,500 bookings: 80% checked out, 17% cancelled (with the date of cancellation), 3% no-shows; `dated` rows given a date. */
function bookings(dated: number[] = []): (string | number)[][] {
  return Array.from({ length: 1500 }, (_, i) => {
    const status = i % 6 === 1 ? 'Cancelled' : i % 33 === 2 ? 'No-Show' : 'Checked-Out';
    const day = 1 + (i % 28);
    const cancelled = status === 'Cancelled' || dated.includes(i) ? `2024-03-${String(day).padStart(2, '0')}` : '';
    return [i, ['Direct', 'Booking.com', 'Expedia', 'Agency'][i % 4], status, cancelled];
  });
}

test('a cancellation date on a stay checked out is reported on the date, with the status beside it and the empty cell as fix', () => {
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'channel', 'status', 'cancelled_on'], bookings())), 'inapplicable-value'), [], 'clean: no finding');
  const found = findingsOf(checkCsv(csv(['id', 'channel', 'status', 'cancelled_on'], bookings([12, 400, 1300]))), 'inapplicable-value');
  assert.deepEqual(found.map((f) => [f.row, f.column]), [[12, 'cancelled_on'], [400, 'cancelled_on'], [1300, 'cancelled_on']]);
  assert.match(found[0].message, /^"2024-03-13" in column "cancelled_on" where "status" is "Checked-Out": the column is empty in 1,\d{3} of the 1,\d{3} rows whose "status" is "Checked-Out", and filled in 250 of the 250 rows where it is "Cancelled"\.$/);
  assert.equal(fixText(found[0]), '');
  assert.deepEqual(found[0].related?.map((r) => r.column), ['status', 'cancelled_on']);
});

test('rows of a kind that fill the column (motor claims whose cover was typed as a home\'s name their vehicles) are not reported; a field filled in 5% of a value\'s rows is optional there', () => {
  // 1,200 claims: motor claims name the vehicle; home claims do not. Rows 40, 80 and 120, motor claims, have a home cover.
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const motor = i % 2 === 0;
    const cover = [40, 80, 120].includes(i) ? 'Contents' : motor ? ['Collision', 'Third Party'][i % 4 >> 1] : ['Contents', 'Building'][i % 4 >> 1];
    return [i, motor ? 'Motor' : 'Home', cover, motor ? ['VW', 'Opel', 'BMW'][i % 3] : ''];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'line', 'cover', 'make'], rows)), 'inapplicable-value'), []);
  // A note filled in every fourth "Direct" booking's row and in 5% of the others: optional, not misplaced.
  const notes = bookings().map((row, i) => [...row, row[1] === 'Direct' ? (i % 8 === 0 ? 'late arrival' : '') : i % 20 === 3 ? 'sea view' : '']);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'channel', 'status', 'cancelled_on', 'note'], notes)), 'inapplicable-value'), []);
});

test('a value that leaves the column empty, which a dependency of the table contradicts (a urine specimen for a blood test, whose unit is given), is the wrong cell', () => {
  // 1,200 results: blood tests with their units; a urine test (specific gravity) without one; the test decides the specimen.
  const tests: [string, string, string][] = [['GLU', 'Blood', 'mg/dL'], ['HGB', 'Blood', 'g/dL'], ['K', 'Blood', 'mmol/L'], ['CRP', 'Blood', 'mg/L'], ['SG', 'Urine', '']];
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const [code, specimen, unit] = tests[i % 5];
    return [i, code, i === 300 ? 'Urine' : specimen, unit];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'test', 'specimen', 'unit'], rows)), 'inapplicable-value'), []);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'test', 'specimen', 'unit'], rows)), 'dependency-violation').map((f) => [f.row, f.column]), [[300, 'specimen']]);
});

test('a remark no calibration hour writes, on a valid hour ("Site visit – no intervention"), is a note written where it applies; a calibration\'s note on a valid hour is still reported', () => {
  const calibrationNotes = ['Scheduled zero/span calibration', 'Analyser maintenance', 'Multipoint calibration'];
  const rows = Array.from({ length: 2400 }, (_, i) => {
    const flag = i % 30 === 4 ? 'calibration' : 'valid';
    const note = flag === 'calibration' ? calibrationNotes[i % 3] : i % 211 === 9 ? ['Site visit – no intervention', 'Shelter temperature alarm cleared'][i % 2] : '';
    return [`S${i % 8}`, String(i), flag, note];
  });
  const header = ['station', 'hour', 'qc_flag', 'qc_note'];
  assert.ok(rows.filter((row) => row[2] === 'valid' && row[3] !== '').length >= 10);
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'inapplicable-value'), [], 'clean');
  rows[100][3] = 'Analyser maintenance';
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'inapplicable-value').map((f) => [f.row, f.value]), [[100, 'Analyser maintenance']]);
});

test('a category column with a few misspelt values in a row or two each is still one of few values: an expiry date on a hardware row is reported', () => {
  const rows = stockMovements();
  const hardware = rows.findIndex((row, i) => i > 2000 && row[1] === 'Hardware');
  rows[hardware][2] = '2025-06-14';
  assert.deepEqual(findingsOf(checkCsv(csv(STOCK_HEADER, rows)), 'inapplicable-value').map((f) => [f.row, f.column]), [[hardware, 'expiry_date']]);
});
