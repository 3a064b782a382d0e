/** date-part-mismatch: a year (month, day) column that is not the year of its row's date, where the other rows' are. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';

const rule = allRules.filter((r) => r.id === 'date-part-mismatch');
const check = (lines: string[]) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode(lines.join('\n'))), { maxFindingsPerRuleAndColumn: 10_000 }, undefined, rule).findings;

/** 400 cars: a model year from 2008 to 2025 and the first registration in that year; `edit` rewrites rows (year, date). */
function cars(edit: Record<number, [string, string]> = {}): string[] {
  return [
    'id,year,first_registration,price',
    ...Array.from({ length: 400 }, (_, i) => {
      const year = 2008 + ((i * 7) % 18);
      const date = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const [y, d] = edit[i] ?? [String(year), date];
      return `${i},${y},${d},${5000 + ((i * 131) % 20000)}`;
    }),
  ];
}

test('a year with two digits swapped is reported on the year, with the date\'s year as the fix; a clean table has no finding', () => {
  assert.deepEqual(check(cars()), []);
  // Row 4 is a 2018 car (2008 + 28 % 18) written 2081; row 10 a 2021 car (2008 + 70 % 18 = 2024: its date is edited) written 2012.
  const findings = check(cars({ 4: ['2081', '2018-05-05'], 10: ['2012', '2021-11-11'] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.value]), [[4, 'year', '2081'], [10, 'year', '2012']]);
  assert.equal(findings[0].evidence?.expected, '2018');
  const fix = findings[0].fixes?.[0];
  assert.equal(fix?.kind === 'replace' ? fix.newText : undefined, '2018');
  assert.match(findings[0].message, /2081 in column "year" is not the year of first_registration 2018-05-05 in this row \(2018\), though "year" is the year of "first_registration" as in 398 of the 400 rows/);
});

test('a placeholder date beside the right year is reported on the date, whose year lies outside the years of the table', () => {
  const findings = check(cars({ 7: ['2015', '1970-01-01'] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.value]), [[7, 'first_registration', '1970-01-01']]);
  assert.equal(findings[0].fixes, undefined);
});

test('a year that only tends to be its date\'s (a model year registered the year after) is no relation', () => {
  const loose = cars();
  // A fifth of the cars registered in the year after their model year.
  const shifted = loose.map((line, i) => (i > 0 && i % 5 === 0 ? line.replace(/,(\d{4})-/, (_, y: string) => `,${Number(y) + 1}-`) : line));
  assert.deepEqual(check(shifted), []);
});

test('month and day columns split from a date are checked too', () => {
  const lines = ['date,month,day', ...Array.from({ length: 200 }, (_, i) => {
    const [m, d] = [1 + (i % 12), 1 + ((i * 5) % 28)];
    return `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')},${i === 50 ? 21 : m},${d}`;
  })];
  // Row 50: month 3 (50 % 12 = 2, + 1) written 21 — outside the months.
  assert.deepEqual(check(lines).map((f) => [f.row, f.column, f.value]), [[50, 'month', '21']]);
});

test('a weekday name that is not its date\'s ("TUE" beside a Sunday) is reported with the date\'s, written as the column writes them; a date out of place in a log in time order is the date\'s error', () => {
  const day = 86_400_000;
  const names = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
  const write = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const ms = Date.UTC(2024, 0, 1) + Math.floor(i / 4) * day + (i % 4) * 3_600_000;
    return [String(4_700_000 + i), write(ms), names[new Date(ms).getUTCDay()], String(i % 3)];
  });
  const lines = () => ['collision_id,crash_datetime,day_of_week,persons_injured', ...rows.map((row) => row.join(','))];
  assert.deepEqual(check(lines()), [], 'clean');
  const sunday = rows.findIndex((row, i) => i > 300 && row[2] === 'SUN');
  rows[sunday][2] = 'TUE';
  // Row 900 dated a day before its neighbours (its weekday as it was).
  rows[900][1] = write(Date.parse(`${rows[900][1].replace(' ', 'T')}:00Z`) - day);
  const findings = check(lines());
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[sunday, 'day_of_week'], [900, 'crash_datetime']]);
  const fix = findings[0].fixes?.[0];
  assert.equal(fix?.kind === 'replace' ? fix.newText : undefined, 'SUN');
  assert.match(findings[1].message, /; and it lies out of place among the dates of the rows around it, which are listed in time order\.$/);
});
