/**
 * Sorted finite numbers held as runs (profile/facts/sorted-numbers.ts) read exactly as the sorted copy they
 * replace: every position, rank, quantile (the rules' and the profile's) and view without the first values,
 * −0 and 0 told apart; and a column with few distinct values is held as runs by its facts (the exact profile
 * from runs against the accumulator: column-facts.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { Float64, Int32, vectorFromArray } from 'apache-arrow';
import { SortedNumbers, columnFacts, runsOf, sortFinite } from '../../../src/core/profile/column-facts';
import { countSorted } from '../../../src/core/shared/count-sorted';
import { quantile } from '../../../src/core/shared/quantile';

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) ^ (s + 0x6d2b79f5)) >>> 0) / 4294967296);
}

const QS = [0, 0.005, 0.01, 0.05, 0.1, 0.25, 1 / 3, 0.5, 0.75, 0.9, 0.95, 0.99, 0.995, 1];

/** Every read of `held` equals the same read of the sorted array `sorted` (Object.is: −0 and 0 apart, NaN = NaN). */
function assertReadsLike(held: SortedNumbers, sorted: Float64Array, label: string): void {
  assert.equal(held.length, sorted.length, `${label}: length`);
  for (let i = -1; i <= sorted.length; i++) assert.ok(Object.is(held.at(i), sorted[i]), `${label}: at(${i}) ${held.at(i)} ≠ ${sorted[i]}`);
  for (const q of QS) assert.ok(Object.is(held.quantile(q), quantile(sorted, q)), `${label}: quantile(${q}) ${held.quantile(q)} ≠ ${quantile(sorted, q)}`);
  const distinct = runsOf(sorted).values;
  const probes = [NaN, Infinity, -Infinity, 0, -0, ...distinct, ...distinct.map((v) => v + 0.5), ...distinct.map((v) => v - 1e-9)];
  for (const x of probes) {
    for (const strict of [true, false]) assert.equal(held.rank(x, strict), countSorted(sorted, x, strict), `${label}: rank(${x}, ${strict})`);
  }
}

/** The sorted finite values of `values` held both ways, checked against the sorted array, also without their first values. */
function assertBothForms(values: Float64Array, label: string): void {
  const sorted = sortFinite(values);
  const { values: distinct, counts } = runsOf(sorted);
  const runs = SortedNumbers.ofRuns(distinct, counts);
  assert.equal(runs.array, undefined, `${label}: held as runs`);
  assertReadsLike(runs, sorted, `${label} (runs)`);
  assertReadsLike(SortedNumbers.ofArray(sorted), sorted, `${label} (array)`);
  for (const start of [0, 1, Math.floor(sorted.length / 3), sorted.length - 1, sorted.length]) {
    if (start < 0 || start > sorted.length) continue;
    assertReadsLike(runs.from(start), sorted.subarray(start), `${label} (runs from ${start})`);
  }
}

test('runs read like the sorted copy: random values with ties, nulls and non-finite values, one value, none', () => {
  const next = random(11);
  const cases: Record<string, Float64Array> = {
    'few distinct, random order': Float64Array.from({ length: 3000 }, () => Math.floor(next() * 40) / 4 - 3),
    'ties at both ends': Float64Array.from({ length: 500 }, (_, i) => (i < 200 ? -7 : i > 400 ? 1e6 : Math.floor(next() * 10))),
    'NaN (nulls) and ±Infinity among them': Float64Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 ? NaN : i % 17 === 0 ? Infinity : i % 19 === 0 ? -Infinity : Math.floor(next() * 8))),
    'only −0 as zero': Float64Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? -0 : (i % 3) * 2.5)),
    'one value': Float64Array.from({ length: 400 }, () => 42),
    'a single cell': Float64Array.from([3.5]),
    'no finite value': Float64Array.from([NaN, NaN, Infinity]),
    'none': new Float64Array(0),
    'all distinct': Float64Array.from({ length: 200 }, () => next() * 100),
  };
  for (const [label, values] of Object.entries(cases)) assertBothForms(values, label);
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.integer({ min: -6, max: 6 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constantFrom(NaN, Infinity, 1e300, -1e300)), { maxLength: 300 }), (list) => {
      // A run of zeros mixing −0 and 0 is left to the array form (see compact), so these keep to +0.
      assertBothForms(Float64Array.from(list, (v) => (Object.is(v, -0) ? 0 : v)), 'property');
    }),
    { numRuns: 150 },
  );
});

test('compact keeps runs only when they are few and never mix −0 and 0', () => {
  const few = Float64Array.from({ length: 400 }, (_, i) => i % 10).sort();
  assert.equal(SortedNumbers.compact(few, runsOf(few)).array, undefined, '10 distinct among 400: runs');
  const many = Float64Array.from({ length: 400 }, (_, i) => i % 150).sort();
  assert.equal(SortedNumbers.compact(many, runsOf(many)).array, many, '150 distinct among 400: the array');
  const zeros = Float64Array.from({ length: 400 }, (_, i) => [-0, 0, 1, 2][i % 4]).sort();
  const mixed = SortedNumbers.compact(zeros, runsOf(zeros));
  assert.equal(mixed.array, zeros, '−0 and 0 in one run: the array, which tells them apart');
  assert.ok(Object.is(mixed.at(0), -0) && Object.is(mixed.at(199), 0));
});

test('a column with few distinct values is held as runs by its facts, read as its sorted copy', () => {
  const next = random(3);
  const scores = Array.from({ length: 20_000 }, (_, i) => (i % 50 === 0 ? null : Math.round(next() * 1000) / 10));
  const vector = vectorFromArray(scores, new Float64());
  const facts = columnFacts(vector.data);
  const held = facts.sortedNumbers()!;
  assert.equal(held.array, undefined, '1,001 distinct among 19,600 values: runs, no sorted copy');
  const expected = Float64Array.from(scores.filter((v): v is number => v !== null)).sort();
  assertReadsLike(held, expected, 'scores');
  assert.equal(facts.sortedRuns()!.values.length, runsOf(expected).values.length);

  const levels = vectorFromArray(Array.from({ length: 5000 }, (_, i) => (i * 7) % 5), new Int32());
  const levelFacts = columnFacts(levels.data);
  assert.equal(levelFacts.sortedNumbers()!.array, undefined, 'five levels: runs');
  assertReadsLike(levelFacts.sortedNumbers()!, Float64Array.from(levels.toArray()).sort(), 'levels');
});
