/** out-of-order-timestamp: the out-of-place row itself, in a column otherwise in order; jitter is not an error (issue #9, point 6). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';
import { longestOrdered, segmentStarts } from '../../../src/core/quality/rules/out-of-order-timestamp';

const rule = allRules.filter((r) => r.id === 'out-of-order-timestamp');
const check = (lines: string[]) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode(`${lines.join('\n')}\n`)), { maxFindingsPerRuleAndColumn: 10_000 }, undefined, rule).findings;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const start = Date.UTC(2024, 0, 1, 8);

test('longestOrdered keeps a longest non-decreasing (or non-increasing) subsequence', () => {
  const values = Float64Array.from([1, 2, 9, 3, 3, 4, 0, 5]);
  assert.deepEqual([...longestOrdered(values, 1)], [1, 1, 0, 1, 1, 1, 0, 1]);
  assert.deepEqual([...longestOrdered(Float64Array.from([9, 8, 1, 7, 7, 6]), -1)], [1, 1, 0, 1, 1, 1]);
});

test('a year typed wrong: the row itself is reported (not the next one), with its ordered neighbours and where it belongs', () => {
  const times = Array.from({ length: 300 }, (_, i) => start + i * 600_000);
  const lines = ['id,at', ...times.map((t, i) => `${i},${iso(i === 120 ? t - 365 * 86_400_000 : t)}`)];
  const findings = check(lines);
  assert.deepEqual(findings.map((f) => f.row), [120]);
  const [f] = findings;
  assert.equal(f.value, iso(times[120] - 365 * 86_400_000));
  assert.deepEqual(f.related?.map((p) => [p.row, p.message]), [[119, 'Previous row in order'], [121, 'Next row in order'], [0, 'Where its value belongs']]);
  assert.match(f.message, /^2023-01-02 04:00:00 in column "at" is out of place: the rows around it run from 2024-01-02 03:50:00 \(row 120\) to 2024-01-02 04:10:00 \(row 122\), in a column otherwise in time order; it belongs near row 1\.$/);
  assert.equal(f.evidence?.rowsAway, 120);
});

test('a log a few seconds out of order now and then (payments after orders) has no finding', () => {
  // Orders every ~7 minutes; each payment 0–60 s later: now and then a payment precedes the previous one.
  let s = 7;
  const u = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) ^ (s + 0x6d2b79f5)) >>> 0) / 4294967296) || 1e-9;
  let t = start;
  const lines = ['paid_at'];
  let backwards = 0;
  let previous = 0;
  for (let i = 0; i < 3000; i++) {
    t += Math.round(-Math.log(u()) * 20) * 1000;
    const paid = t + Math.round(-Math.log(u()) * 15) * 1000;
    if (paid < previous) backwards++;
    previous = paid;
    lines.push(iso(paid));
  }
  assert.ok(backwards > 20, `${backwards} payments out of order`);
  assert.deepEqual(check(lines), []);
});

test('newest first: the misplaced row is found; an unordered column has no finding', () => {
  const times = Array.from({ length: 200 }, (_, i) => start - i * 86_400_000);
  const lines = ['day', ...times.map((t, i) => iso(i === 50 ? t + 90 * 86_400_000 : t).slice(0, 10))];
  assert.deepEqual(check(lines).map((f) => f.row), [50]);
  assert.match(check(lines)[0].message, /in a column otherwise in reverse time order/);
  const shuffled = ['day', ...times.map((t, i) => iso(t + ((i * 7919) % 200) * 86_400_000).slice(0, 10))];
  assert.deepEqual(check(shuffled), []);
});

test('two logs one after the other: the restart is not an error, a misplaced row in either is', () => {
  const first = Array.from({ length: 150 }, (_, i) => start + i * 3_600_000);
  const second = Array.from({ length: 150 }, (_, i) => start + 30 * 86_400_000 + i * 3_600_000);
  const times = [...second, ...first];
  times[200] += 200 * 86_400_000;
  assert.deepEqual(segmentStarts(Float64Array.from(times), 1), [0, 150]);
  assert.deepEqual(check(['at', ...times.map(iso)]).map((f) => f.row), [200]);
});

test('restarts are found in the column as read, empty cells skipped: the same as in its present values', () => {
  // The search as it ran on a copy of the present values, to compare with.
  const median3 = (a: number, b: number, c: number) => Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  const onCopy = (values: Float64Array, sign: 1 | -1) => {
    const starts = [0];
    for (let i = 3; i + 2 < values.length; i++) {
      if (!(sign * values[i] < sign * values[i - 1])) continue;
      const after = median3(sign * values[i], sign * values[i + 1], sign * values[i + 2]);
      const before = median3(sign * values[i - 3], sign * values[i - 2], sign * values[i - 1]);
      if (after < before && i - starts[starts.length - 1] >= 3) starts.push(i);
    }
    return starts;
  };
  let s = 9;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let round = 0; round < 200; round++) {
    // Logs that restart, with jitter and empty cells (NaN), of every length from none to a few hundred.
    const length = Math.floor(next() * 400);
    const column = Float64Array.from({ length }, (_, i) => (next() < 0.1 ? NaN : (i % (20 + (round % 90))) * 10 + next() * 15));
    const present = column.filter((v) => !Number.isNaN(v));
    for (const sign of [1, -1] as const) {
      const all = onCopy(present, sign);
      assert.deepEqual(segmentStarts(column, sign), all, `round ${round}, sign ${sign}`);
      // With a limit, the search stops at the first restart beyond it: the same starts up to there.
      const limit = round % 7;
      assert.deepEqual(segmentStarts(column, sign, limit), all.slice(0, limit + 2), `round ${round}, sign ${sign}, at most ${limit} restarts`);
    }
  }
});

test('a wrong year on the first and last rows still fits the order: it does not stretch the span that says how far a row must be out of place', () => {
  // A month of flights, 1,000 rows: the first row's year typed 1994, the last row's 2011 (both in order), and one
  // row two days out of place.
  const times = Array.from({ length: 1000 }, (_, i) => start + i * 2_600_000);
  const year = 365 * 86_400_000;
  const at = (i: number) => (i === 0 ? times[0] - 30 * year : i === 999 ? times[999] + 11 * year : i === 500 ? times[500] + 2 * 86_400_000 : times[i]);
  const lines = ['id,at', ...times.map((_, i) => `${i},${iso(at(i))}`)];
  assert.deepEqual(check(lines).map((f) => f.row), [500]);
});

test('a time that keeps its distance from an ordered one (a drop-off minutes after its pick-up) moved with it where both are out of place; not where only the ordered one is', () => {
  const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  const start = Date.UTC(2024, 2, 1);
  let at = start;
  const trips = Array.from({ length: 3000 }, (_, i) => {
    at += 60_000 + ((i * 7919) % 600) * 1000;
    return [stamp(at), stamp(at + (5 + ((i * 31) % 40)) * 60_000), String(1 + (i % 4))];
  });
  // Row 1000: both written with day and month exchanged (March 9 → September 3); row 2000: only the pick-up.
  const swap = (text: string) => text.replace(/^2024-03-0(\d)/, '2024-0$1-03');
  assert.match(trips[1000][0], /^2024-03-0\d/);
  trips[1000] = [swap(trips[1000][0]), swap(trips[1000][1]), trips[1000][2]];
  trips[2000][0] = trips[2000][0].replace(/^2024-03/, '2024-01');
  const found = check(['pickup,dropoff,passengers', ...trips.map((t) => t.join(','))]);
  assert.deepEqual(found.map((f) => [f.row, f.column]), [[1000, 'pickup'], [2000, 'pickup'], [1000, 'dropoff']]);
  assert.match(found[2].message, /out of place with pickup .* of its row, which it keeps its usual distance from: both moved\.$/);
});

test('clock times written as text keep a time order too: a finish time out of place among results sorted by it is reported', () => {
  const clock = (seconds: number) => `${Math.floor(seconds / 3600)}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  const rows = Array.from({ length: 800 }, (_, i) => [`${i + 1}`, `Runner ${i}`, clock(7800 + Math.floor(i * 16.5))]);
  const checkRows = (table: string[][]) => check(['place,name,chip_time', ...table.map((row) => row.join(','))]);
  assert.deepEqual(checkRows(rows), []);
  const edited = rows.map((row) => [...row]);
  edited[300][2] = clock(7800 + Math.floor(300 * 16.5) + 3600);
  const found = checkRows(edited);
  assert.deepEqual(found.map((f) => [f.row, f.column, f.value]), [[300, 'chip_time', edited[300][2]]]);
  assert.match(found[0].message, /is out of place: the rows around it run from \d:\d\d:\d\d \(row \d+\) to \d:\d\d:\d\d \(row \d+\)/);
});

test("a ledger of accounts, each account's transactions in time order after the previous account's: a transaction out of place within its account is reported", () => {
  // 60 accounts of 40 transactions over the same half year (60 restarts in 2,400 rows: too many for logs one after the
  // other, one per block of the account column).
  const DAY = 86_400_000;
  const ledger = (edit: Record<number, number> = {}) => {
    const lines = ['txn,account,posted_at,amount'];
    for (let a = 0; a < 60; a++) {
      for (let k = 0; k < 40; k++) {
        const i = a * 40 + k;
        const t = edit[i] ?? start + k * 4 * DAY + ((a * 7 + k * 13) % 24) * 3_600_000;
        lines.push(`T${i},ACC${1000 + a},${iso(t)},${(-(5 + ((i * 37) % 200))).toFixed(2)}`);
      }
    }
    return lines;
  };
  assert.deepEqual(check(ledger()), []);
  // Transaction 20 of account 10 posted 60 days early; transaction 5 of account 33, 50 days late.
  const found = check(ledger({ 420: start + 20 * 4 * DAY - 60 * DAY, 1325: start + 5 * 4 * DAY + 50 * DAY }));
  assert.deepEqual(found.map((f) => f.row), [420, 1325]);
});
