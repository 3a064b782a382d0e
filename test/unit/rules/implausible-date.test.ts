/** implausible-date: dates before `minYear` or far older than their column's bulk, and dates beyond a gap before the rest. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';
import { mulberry32 } from '../../../src/core/shared/random';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** 2,000 staff hired since 2005 (more in later years), born 1960–2000; `hires` sets rows' hire dates. */
function staff(seed: number, hires: Record<number, string> = {}): string {
  const random = mulberry32(seed);
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const hired = Date.UTC(2005, 0, 1) + Math.floor(Math.sqrt(random()) * 21 * 365) * DAY;
    const born = Date.UTC(1960, 0, 1) + Math.floor(random() * 40 * 365) * DAY;
    return [`E${i}`, iso(born), hires[i] ?? iso(hired)];
  });
  return csv(['employee_id', 'birth_date', 'hire_date'], rows);
}

test('hire dates decades before the company\'s first hires are reported; clean columns are not', () => {
  for (const seed of [1, 2, 3]) assert.deepEqual(findingsOf(checkCsv(staff(seed)), 'implausible-date'), [], `seed ${seed}`);
  const found = findingsOf(checkCsv(staff(1, { 30: '1962-04-29', 400: '1986-07-07', 1500: '1979-06-14' })), 'implausible-date');
  assert.deepEqual(found.map((f) => [f.row, f.column]), [[30, 'hire_date'], [400, 'hire_date'], [1500, 'hire_date']]);
  assert.match(found[0].message, /^1962-04-29 in column "hire_date" lies far from the column's other dates: 4\d\.\d+ years before the column's earliest other date, 20\d\d-\d\d-\d\d, a gap \d+ times the spacing of its earliest dates \(chance in a clean column/);
  assert.equal(found[0].evidence?.kind, 'gap');
});

test('late events after the bulk (a death months after the riot) are no finding; nor are early dates their row\'s coupled date agrees with', () => {
  const random = mulberry32(4);
  // Deaths within a week of 1992-04-29, three of them months later.
  const deaths = Array.from({ length: 60 }, (_, i) => [`V${i}`, iso(Date.UTC(1992, 3, 29) + (i < 3 ? 80 + 200 * i : Math.floor(random() * 7)) * DAY)]);
  assert.deepEqual(findingsOf(checkCsv(csv(['victim', 'death_date'], deaths)), 'implausible-date'), []);
  // Excavated contexts: started over a year from 2016-08, ended within days; two contexts of an earlier dig, both dates in 2008.
  const contexts = Array.from({ length: 120 }, (_, i) => {
    const start = (i < 2 ? Date.UTC(2008, 7, 31) : Date.UTC(2016, 7, 29)) + Math.floor(random() * 365) * DAY;
    return [`C${i}`, iso(start), iso(start + Math.floor(random() * 5) * DAY)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['context', 'started', 'ended'], contexts)), 'implausible-date'), [], 'a season of its own moves both dates');
  contexts[7][1] = '2006-09-02';
  assert.deepEqual(findingsOf(checkCsv(csv(['context', 'started', 'ended'], contexts)), 'implausible-date').map((f) => [f.row, f.column]), [[7, 'started']], 'a start typed wrong moves one');
});
