/** mixed-time-format: a time of day written another way than most of its column. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { readTimeOfDay, writeTimeOfDay } from '../../../src/core/quality/time-of-day';

/** A timetable of 120 departures, "7:10 a.m." style; `edit` rewrites some rows' times. */
function timetable(edit: Record<number, string> = {}): string[][] {
  return Array.from({ length: 120 }, (_, i) => {
    const minutes = 300 + ((i * 47) % 900);
    const [h, m] = [Math.floor(minutes / 60), minutes % 60];
    return [`AA-${100 + (i % 40)}`, edit[i] ?? `${h % 12 || 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'a.m.' : 'p.m.'}`];
  });
}

test('a time written another way than most of its column is reported, with the time written the column\'s way as fix', () => {
  const header = ['flight', 'departure'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, timetable())), 'mixed-time-format'), [], 'one notation');
  const edits = { 3: '7:10am', 10: '19:05', 20: 'Dec 1 6:40 a.m.', 30: '9:15 A.M.', 40: '8:20:30 p.m.' };
  const findings = findingsOf(checkCsv(csv(header, timetable(edits))), 'mixed-time-format');
  assert.deepEqual(
    findings.map((f) => [f.row, f.value, fixText(f)]),
    [
      [3, '7:10am', '7:10 a.m.'],
      [10, '19:05', '7:05 p.m.'],
      [20, 'Dec 1 6:40 a.m.', '6:40 a.m.'],
      [30, '9:15 A.M.', '9:15 a.m.'],
      [40, '8:20:30 p.m.', undefined],
    ],
    'the seconds the column does not write are left to the user',
  );
  assert.match(findings[0].message, /^"7:10am" in column "departure" writes the time another way than 95% of the column's times \(like "[^"]+"\): "7:10 a\.m\."\?$/);
  assert.deepEqual(findings[0].evidence, { notation: 'h:mmxm', columnNotation: 'h:mm x.m.', columnShare: 0.95, example: findings[0].evidence?.example, fixed: '7:10 a.m.' });
});

test('sources writing their own notation: a third of the column in two other notations is still reported', () => {
  const edits: Record<number, string> = {};
  for (let i = 0; i < 120; i += 3) edits[i] = `${7 + (i % 5)}:${String(i % 60).padStart(2, '0')}${i % 2 ? 'pm' : 'am'}`;
  const findings = findingsOf(checkCsv(csv(['flight', 'departure'], timetable(edits))), 'mixed-time-format');
  assert.equal(findings.length, 40, 'every time of the minority notations');
});

test('no finding: no notation holds a majority, too few times, times among other values, a date with the time in a column of several dates', () => {
  const header = ['flight', 'departure'];
  const thirds = timetable().map(([f, t], i) => [f, i % 3 === 0 ? t.replace(' a.m.', 'am').replace(' p.m.', 'pm') : i % 3 === 1 ? t.replace('.m.', 'm') : t]);
  assert.deepEqual(findingsOf(checkCsv(csv(header, thirds)), 'mixed-time-format'), [], 'no majority notation');
  assert.deepEqual(findingsOf(checkCsv(csv(header, timetable({ 3: '7:10am' }).slice(0, 15))), 'mixed-time-format'), [], 'fifteen times');
  const notes = timetable({ 3: '7:10am' }).map(([f, t], i) => [f, i % 5 === 0 ? `gate ${i}` : t]);
  assert.deepEqual(findingsOf(checkCsv(csv(header, notes)), 'mixed-time-format'), [], 'a fifth of the column is no time');
  const dated = findingsOf(checkCsv(csv(header, timetable({ 3: 'Dec 1 7:10 a.m.', 4: 'Dec 2 7:15 a.m.' }))), 'mixed-time-format');
  assert.deepEqual(dated.map((f) => [f.value, fixText(f)]), [['Dec 1 7:10 a.m.', undefined], ['Dec 2 7:15 a.m.', undefined]], 'the date says which day: no fix');
});

test('a date written after the time, or the one day spelled two ways, is a notation of its own; the time is rewritten where the dates name one day', () => {
  const edits = { 3: '7:10 a.m. Dec 1', 4: '12/01/2011 7:15 AM', 5: 'Dec 1 - 7:20am' };
  const findings = findingsOf(checkCsv(csv(['flight', 'departure'], timetable(edits))), 'mixed-time-format');
  assert.deepEqual(
    findings.map((f) => [f.row, f.evidence?.notation, fixText(f)]),
    [
      [3, 'h:mm x.m. date', '7:10 a.m.'],
      [4, 'date h:mm XM', '7:15 a.m.'],
      [5, 'date h:mmxm', '7:20 a.m.'],
    ],
    '"Dec 1" and "12/01/2011" name one day: it says nothing',
  );
});

test('many sources, none writing most of the column: a notation written half again as often as any other is the column\'s; two about as common are not', () => {
  const rewrite = (t: string, way: number) => [t, t.replace('.m.', 'm').replace(' ', ''), `Dec 1 ${t}`, `${t.replace(' a.m.', 'a').replace(' p.m.', 'p')}`][way];
  // 40% "7:10 a.m.", 20% each "7:10am", "Dec 1 7:10 a.m.", "7:10a".
  const plural = timetable().map(([f, t], i) => [f, rewrite(t, [0, 0, 1, 2, 3][i % 5])]);
  const findings = findingsOf(checkCsv(csv(['flight', 'departure'], plural)), 'mixed-time-format');
  assert.equal(findings.length, 72, 'the three fifths in other notations');
  assert.match(findings[0].message, /another way than 40% of the column's times \(like "[^"]+", more than any other way\): "[^"]+"\?$/);
  // 40% and 30%: no notation stands out.
  const close = timetable().map(([f, t], i) => [f, rewrite(t, [0, 0, 0, 0, 1, 1, 1, 2, 3, 3][i % 10])]);
  assert.deepEqual(findingsOf(checkCsv(csv(['flight', 'departure'], close)), 'mixed-time-format'), [], '40% beside 30%');
});

test('a 24-hour column pads its hours as most of its values do', () => {
  const rows = Array.from({ length: 60 }, (_, i) => [String(i), `${String(i % 24).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`]);
  rows[5][1] = '5:35 a.m.';
  rows[7][1] = '7:49';
  const findings = findingsOf(checkCsv(csv(['id', 'time'], rows)), 'mixed-time-format');
  assert.deepEqual(findings.map((f) => [f.row, fixText(f)]), [[5, '05:35']], '"7:49" beside "07:49" is one notation');
});

test('notations and writing a time in one', () => {
  assert.deepEqual(['7:10 a.m.', '7:10am', '7:10a', '07:10', 'Dec 2 7:10am', '7:10 AM', '19:10:05'].map((t) => readTimeOfDay(t)?.notation), ['h:mm x.m.', 'h:mmxm', 'h:mmx', 'h:mm', 'date h:mmxm', 'h:mm XM', 'h:mm:ss']);
  assert.equal(writeTimeOfDay(19 * 3600 + 5 * 60, 'h:mm x.m.', 1), '7:05 p.m.');
  assert.equal(writeTimeOfDay(5 * 60, 'h:mmXM', 2), '12:05AM');
  assert.equal(writeTimeOfDay(7 * 3600 + 5 * 60 + 9, 'h:mm:ss', 2), '07:05:09');
  assert.equal(writeTimeOfDay(7 * 3600 + 5 * 60 + 9, 'h:mm', 2), undefined, 'seconds the notation drops');
  assert.equal(writeTimeOfDay(7 * 3600, 'date h:mm', 2), undefined, 'a date it does not know');
});
