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

test('a count written with decimals agrees within its last decimal: days to close of complaints closed within hours, some written in hours, are found', () => {
  const random = mulberry32(7);
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const created = Date.UTC(2023, 0, 1) + Math.floor(random() * 300 * 24 * 60) * MINUTE;
    // Most complaints close within a day, a few weeks later.
    const minutes = Math.floor(random() < 0.8 ? 10 + random() * 900 : 1440 + random() * 30 * 1440);
    return [`${1000 + i}`, stamp(created), stamp(created + minutes * MINUTE), (minutes / 1440).toFixed(2)];
  });
  const text = (edit: Record<number, string> = {}) => csv(['request', 'created', 'closed', 'days_to_close'], rows.map((row, i) => (edit[i] ? [...row.slice(0, 3), edit[i]] : row)));
  assert.deepEqual(findingsOf(checkCsv(text()), 'duration-mismatch'), []);
  // Within a day of the time between the dates by chance in most rows: only the last decimal tells.
  const hours = Object.fromEntries([30, 400, 1201].map((r) => [r, (Number(rows[r][3]) * 24).toFixed(2)]));
  const found = findingsOf(checkCsv(text(hours)), 'duration-mismatch');
  assert.deepEqual(found.map((f) => [f.row, f.evidence?.expected]), [30, 400, 1201].map((r) => [r, rows[r][3]]));
});

test('a date written with its day and month exchanged is the wrong cell where, read back, the count agrees: reported on the date, with the fix', () => {
  const text = responses(3);
  const lines = text.split('\n');
  // The first response started on a day of 12 or less, other than its month: its start written day first.
  const r = lines.slice(1).findIndex((line) => {
    const day = Number(line.split(',')[1].slice(8, 10));
    return day <= 12 && day !== 3 && day !== 4;
  });
  const start = lines[r + 1].split(',')[1];
  const exchanged = `${start.slice(0, 5)}${start.slice(8, 10)}-${start.slice(5, 7)}${start.slice(10)}`;
  const found = findingsOf(checkCsv(responses(3, { [r]: [1, exchanged] })), 'duration-mismatch');
  assert.deepEqual(found.map((f) => [f.row, f.column, f.evidence?.expected]), [[r, 'started_at', start]]);
  assert.match(found[0].message, /looks written with its day and month exchanged: read so, the minutes from started_at to ended_at are the \d+ of "minutes" in this row/);
});

/** 1,500 stops of a bus: scheduled and actual arrival as clock times ("05:09:00"), the delay in seconds (early buses below zero). */
function stops(seed: number, edit: (row: string[], i: number) => void = () => {}): string {
  const random = mulberry32(seed);
  const clock = (seconds: number) => {
    const s = ((seconds % 86_400) + 86_400) % 86_400;
    return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
  };
  const rows = Array.from({ length: 1500 }, (_, i) => {
    // Scheduled through the day and past midnight (the last trips): 05:00 to 00:50.
    const scheduled = 5 * 3600 + Math.floor(random() * 20 * 60) * 60;
    const delay = Math.round((random() - 0.2) * 400);
    const row = [`T${i % 90}`, clock(scheduled), clock(scheduled + delay), String(delay), String(Math.floor(random() * 30))];
    edit(row, i);
    return row;
  });
  return csv(['trip', 'scheduled_arrival', 'actual_arrival', 'delay_sec', 'boardings'], rows);
}

test('a delay between two clock times is learned (read round midnight); a delay with its sign changed is reported, times an hour off in several rows are reported on the later time', () => {
  const data = ingestCsvBytes(new TextEncoder().encode(stops(5)));
  assert.deepEqual(elapsedTimes(data).map((r) => [r.count, r.from, r.to, r.unit.name, r.clock]), [[3, 1, 2, 'seconds', true]]);
  assert.deepEqual(findingsOf(checkCsv(stops(5)), 'duration-mismatch'), [], 'arrivals after midnight scheduled before it agree');
  const found = findingsOf(
    checkCsv(
      stops(5, (row, i) => {
        if (i === 100 || i === 200) row[3] = String(-Number(row[3]));
        if (i >= 300 && i < 303) row[2] = row[2].replace(/^(\d\d)/, (h) => String((Number(h) + 1) % 24).padStart(2, '0'));
        if (i === 500) row[3] = String(Number(row[3]) + 3600);
      }),
    ),
    'duration-mismatch',
  );
  const delays = stops(5).split('\n').slice(1).map((line) => Number(line.split(',')[3]));
  assert.deepEqual(
    found.map((f) => [f.row, f.column]),
    [...[100, 200].filter((i) => Math.abs(delays[i]) > 1).map((i) => [i, 'delay_sec']), [300, 'actual_arrival'], [301, 'actual_arrival'], [302, 'actual_arrival'], [500, 'delay_sec']],
    'a sign changed is reported whether the bus was early or late; three arrivals an hour late are a clock, one delay an hour long a slip',
  );
  assert.match(found[2].message, /is 1 hour later than scheduled_arrival .* a clock changed, or a time in another zone/);
  // Half an hour late written −1800: the times are an hour further apart than the delay says, yet the sign is the slip.
  const halfHourLate = (row: string[], i: number) => {
    if (i !== 400) return;
    const [h, m, sec] = row[1].split(':').map(Number);
    row[2] = [(h + Math.floor((m + 30) / 60)) % 24, (m + 30) % 60, sec].map((n) => String(n).padStart(2, '0')).join(':');
    row[3] = '-1800';
  };
  assert.deepEqual(findingsOf(checkCsv(stops(5, halfHourLate)), 'duration-mismatch').map((f) => [f.row, f.column]), [[400, 'delay_sec']]);
});

test('a start and an end exchanged are both reported, each with the other\'s value as fix', () => {
  const lines = responses(1).split('\n');
  const cells = lines[301].split(',');
  [cells[1], cells[2]] = [cells[2], cells[1]];
  lines[301] = cells.join(',');
  const found = findingsOf(checkCsv(lines.join('\n')), 'duration-mismatch');
  assert.deepEqual(found.map((f) => [f.row, f.column, f.evidence?.expected]), [[300, 'started_at', cells[2]], [300, 'ended_at', cells[1]]]);
  assert.match(found[0].message, /look exchanged in this row: read the other way round, they are the \d+ minutes of "minutes" apart/);
});

test('days in a monthly period (30 or 31, which shuffled rows match half the time) are learned where they never miss: a period typed 13 days is reported', () => {
  // 800 invoices of monthly periods, both days counted: days = end − start + 1.
  const DAY = 86_400_000;
  const invoices = (edit: Record<number, string> = {}) => {
    const random = mulberry32(11);
    const rows = Array.from({ length: 800 }, (_, i) => {
      const start = Date.UTC(2024, 0, 1) + Math.floor(random() * 330) * DAY;
      const days = 30 + Math.floor(random() * 2);
      const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      return [`INV-${1000 + i}`, date(start), date(start + (days - 1) * DAY), edit[i] ?? String(days), (20 + random() * 80).toFixed(2)];
    });
    return csv(['invoice', 'period_start', 'period_end', 'days_in_period', 'total'], rows);
  };
  assert.deepEqual(findingsOf(checkCsv(invoices()), 'duration-mismatch'), []);
  const found = findingsOf(checkCsv(invoices({ 300: '13' })), 'duration-mismatch');
  assert.deepEqual(found.map((f) => [f.row, f.column, f.value]), [[300, 'days_in_period', '13']]);
});

test('an age in months, completed calendar months from birth to the dose, is learned; an age typed in years is reported with the months the dates give', () => {
  const doses = (edit: Record<number, string> = {}) => {
    const random = mulberry32(4);
    const rows = Array.from({ length: 900 }, (_, i) => {
      const birth = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 2500) * 86_400_000);
      const given = new Date(birth.getTime() + Math.floor(30 + random() * 2000) * 86_400_000);
      const months = (given.getUTCFullYear() - birth.getUTCFullYear()) * 12 + given.getUTCMonth() - birth.getUTCMonth() - (given.getUTCDate() < birth.getUTCDate() ? 1 : 0);
      return [`D${i}`, birth.toISOString().slice(0, 10), given.toISOString().slice(0, 10), edit[i] ?? String(months)];
    });
    return csv(['dose', 'birth_date', 'given_on', 'age_months'], rows);
  };
  assert.deepEqual(findingsOf(checkCsv(doses()), 'duration-mismatch'), []);
  const months = Number(doses().split('\n')[101].split(',')[3]);
  const found = findingsOf(checkCsv(doses({ 100: String(Math.floor(months / 12)) })), 'duration-mismatch');
  assert.deepEqual(found.map((f) => [f.row, f.column]), [[100, 'age_months']]);
  assert.match(found[0].message, /months from birth_date/);
});
