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
