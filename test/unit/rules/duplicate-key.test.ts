/** duplicate-key: a repeat in an identifier-like column is an error; free text that repeats is not a key. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';
import { mulberry32 } from '../../../src/core/shared/random';

const rule = allRules.filter((r) => r.id === 'duplicate-key');
const check = (header: string, values: string[]) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode([header, ...values].join('\n'))), {}, undefined, rule).findings;

test('a unique code column that repeats once: the repeat is reported; unique free text that repeats once is not a key', () => {
  const codes = Array.from({ length: 300 }, (_, i) => `K-${(i * 7919) % 100000}`);
  codes[250] = codes[10];
  assert.deepEqual(check('code', codes).map((f) => f.row), [250]);
  const notes = Array.from({ length: 300 }, (_, i) => `left at door ${i} please ring`);
  notes[250] = notes[10];
  assert.deepEqual(check('note', notes), []);
});

/** Values that repeat about as often as random draws would are no key (chance-repeats.ts); a key repeats far less. */
const random = mulberry32(7);
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

test('seven-digit phone numbers drawn at random repeat by chance: no duplicate keys; the same numbers handed out once each, then copied, are', () => {
  // A first digit of 2–9, as phone numbers have: a quarter more repeats than ten choices per digit would give.
  const drawn = Array.from({ length: 100_000 }, () => `${2 + Math.floor(random() * 8)}${digits(2)}-${digits(4)}`);
  const repeats = drawn.length - new Set(drawn).size;
  assert.ok(repeats > 550, `the draws repeat (${repeats})`);
  assert.deepEqual(check('phone', drawn), [], 'repeats as many as chance gives');
  const handedOut = [...new Set(drawn)].slice(0, 29_990);
  const copied = [...handedOut, handedOut[5], handedOut[700], handedOut[9000]];
  assert.deepEqual(check('phone', copied).map((f) => f.value), [handedOut[5], handedOut[700], handedOut[9000]]);
  // One repeat among 775 random six-digit numbers: chance gives one or more a quarter of the time.
  const few = [...new Set(Array.from({ length: 800 }, () => digits(6)))].slice(0, 775);
  assert.deepEqual(check('phone', [...few, few[17]]), [], 'a repeat chance gives often');
});

test('whole numbers: random readings that meet by chance are no key; ids handed out in order and repeated are, and so is a column named an id', () => {
  const readings = Array.from({ length: 20_000 }, () => String(Math.floor(random() * 1_000_000)));
  assert.ok(new Set(readings).size < readings.length - 100, 'the readings repeat');
  assert.deepEqual(check('reading', readings), [], 'random readings');
  // Heavy-tailed (log-normal) counts meet far more often among the small ones: the local density says so.
  const populations = Array.from({ length: 20_000 }, () => String(Math.round(Math.exp(13 + 1.5 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())))));
  assert.ok(new Set(populations).size >= 0.99 * populations.length && new Set(populations).size < populations.length, 'mostly distinct, some repeats');
  assert.deepEqual(check('population', populations), [], 'heavy-tailed counts');
  const tickets = Array.from({ length: 20_000 }, (_, i) => String(100_000 + i));
  tickets[15_000] = tickets[3];
  tickets[17_000] = tickets[40];
  assert.deepEqual(check('ticket', tickets).map((f) => f.row), [15_000, 17_000]);
  assert.ok(check('order_id', readings).length >= 100, 'a column named an id: its repeats reported (up to the publishing cap)');
});

test('the chance of texts of several shapes follows how often each shape occurs: 3-letter codes among a few of 4 letters still repeat far less than chance', () => {
  const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(65 + Math.floor(random() * 26))).join('');
  const codes = [...new Set(Array.from({ length: 4000 }, () => letters(3)))].slice(0, 3000);
  const all = [...codes, ...new Set(Array.from({ length: 60 }, () => letters(4)))];
  all.push(codes[1], codes[2], codes[3], codes[4], codes[5]);
  assert.deepEqual(check('iata', all).length, 5, 'the copied codes');
});
