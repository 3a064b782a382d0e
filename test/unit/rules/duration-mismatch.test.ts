/** duration-mismatch: a number that counts the time between two dates of its row, learned from the rows, and the rows where it does not. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';
import { mulberry32 } from '../../../src/core/shared/random';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { elapsedTimes } from '../../../src/core/quality/elapsed-times';

const MINUTE = 60_000;
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** 2,000 survey responses: start, end (2–60 minutes later), the minutes taken, an age; `edit` sets cells (row → [column, text]). */
function responses(seed: number, edit: Record<number, [number, string]> = {}): string {
  const random = mulberry32(seed);
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const start = Date.UTC(2025, 2, 1) + Math.floor(random() * 40 * 24 * 60) * MINUTE;
    const minutes = 2 + Math.floor(random() * random() * 58);
    const row = [`R${i}`, stamp(start), stamp(start + minutes * MINUTE), String(minutes), String(18 + Math.floor(random() * 60))];
    const [column, text] = edit[i] ?? [-1, ''];
    if (column >= 0) row[column] = text;
    return row;
  });
  return csv(['response', 'started_at', 'ended_at', 'minutes', 'age'], rows);
}

test('minutes that are not the time between start and end are reported with the minutes the times give; clean rows are not', () => {
  for (const seed of [1, 2, 3]) assert.deepEqual(findingsOf(checkCsv(responses(seed)), 'duration-mismatch'), [], `seed ${seed}`);
  const minutesOf = (r: number) => Number(responses(1).split('\n')[r + 1].split(',')[3]);
  const found = findingsOf(checkCsv(responses(1, { 40: [3, String(minutesOf(40) * 10)], 700: [3, String(minutesOf(700) + 7)] })), 'duration-mismatch');
  assert.deepEqual(found.map((f) => [f.row, f.column, f.evidence?.expected]), [[40, 'minutes', String(minutesOf(40))], [700, 'minutes', String(minutesOf(700))]]);
  assert.match(found[0].message, /^\d+ in column "minutes" is not the minutes from started_at \(2025-\d\d-\d\d \d\d:\d\d\) to ended_at \(2025-\d\d-\d\d \d\d:\d\d\) of this row, \d+, as minutes counts them in 1,998 of the 2,000 rows holding all three\.$/);
  assert.equal(found[0].evidence?.unit, 'minutes');
});

test('a date that is the wrong cell is no error of the number: an end a minute before its start, an end a year late', () => {
  const text = responses(2);
  const startOf = (r: number) => Date.parse(`${text.split('\n')[r + 1].split(',')[1].replace(' ', 'T')}:00Z`);
  const edited = responses(2, { 50: [2, stamp(startOf(50) - MINUTE)], 60: [2, stamp(startOf(60) + 365 * 24 * 60 * MINUTE)] });
  assert.deepEqual(findingsOf(checkCsv(edited), 'duration-mismatch'), []);
  assert.deepEqual(findingsOf(checkCsv(edited), 'gap-outlier').map((f) => f.row), [60], 'the year-late end is gap-outlier\'s');
  // The minutes are the one count of time between the two: the ages beside them are none, in any unit.
  const data = ingestCsvBytes(new TextEncoder().encode(responses(3)));
  assert.deepEqual(
    elapsedTimes(data).map((e) => [data.columns[e.count].name, data.columns[e.from].name, data.columns[e.to].name, e.unit.name]),
    [['minutes', 'started_at', 'ended_at', 'minutes']],
  );
});

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** 1,500 stays: arrival, nights (1–9, mostly short), departure = arrival + nights, a rate and total = rate × nights; `edit` as in responses. */
function stays(edit: Record<number, [number, string]> = {}): string {
  const random = mulberry32(7);
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const arrival = Date.UTC(2024, 0, 1) + Math.floor(random() * 330) * DAY;
    const nights = 1 + Math.floor(random() * random() * 9);
    const rate = 80 + Math.floor(random() * 200);
    const row = [`B${i}`, day(arrival), String(nights), day(arrival + nights * DAY), `${rate}.00`, `${rate * nights}.00`];
    const [column, text] = edit[i] ?? [-1, ''];
    if (column >= 0) row[column] = text;
    return row;
  });
  return csv(['booking', 'arrival', 'nights', 'departure', 'rate', 'total'], rows);
}

test('a departure a day off its arrival plus the nights the total was charged for is the wrong cell: reported on the date, with the date they give', () => {
  assert.deepEqual(findingsOf(checkCsv(stays()), 'duration-mismatch'), [], 'clean');
  const cells = (r: number) => stays().split('\n')[r + 1].split(',');
  const late = (r: number) => day(Date.parse(cells(r)[3]) + DAY);
  const found = findingsOf(checkCsv(stays({ 30: [3, late(30)], 900: [3, late(900)] })), 'duration-mismatch');
  assert.deepEqual(found.map((f) => [f.row, f.column, f.evidence?.expected]), [[30, 'departure', cells(30)[3]], [900, 'departure', cells(900)[3]]]);
  assert.match(found[0].message, /"nights" agrees with "total" in this row\.$/);
  // A night count off, which the total does not confirm: the count, as before.
  const miscounted = findingsOf(checkCsv(stays({ 30: [2, String(Number(cells(30)[2]) + 1)] })), 'duration-mismatch');
  assert.deepEqual(miscounted.map((f) => [f.row, f.column]), [[30, 'nights']]);
  // An arrival with its day and month swapped: the arrival is the wrong cell, not the departure.
  const swappable = Array.from({ length: 100 }, (_, r) => r).find((r) => {
    const [, m, d] = cells(r)[1].split('-');
    return Number(d) <= 12 && d !== m;
  }) ?? -1;
  const [y, m, d] = cells(swappable)[1].split('-');
  assert.deepEqual(findingsOf(checkCsv(stays({ [swappable]: [1, `${y}-${d}-${m}`] })), 'duration-mismatch'), []);
});

test('nights counted exactly: a relation of short stays is learned against exact agreement by chance, not within a night', () => {
  const relations = elapsedTimes(ingestCsvBytes(new TextEncoder().encode(stays())));
  assert.deepEqual(relations.map((r) => [r.count, r.from, r.to, r.unit.name, r.offset]), [[2, 1, 3, 'days', 0]]);
});
