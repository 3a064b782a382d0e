/** profileTable statistics against hand-computed values, and streaming vs exact agreement. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Bool, DateDay, Dictionary, Float64, Int32, Null, Table, Utf8, vectorFromArray, makeData, makeVector } from 'apache-arrow';
import { binaryIngestResult } from '../../../src/core/ingest/arrow';
import { profileTable, createStreamingProfiler, quantileSorted } from '../../../src/core/profile/index';
import type { ColumnProfile } from '../../../src/core/profile/types';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { formatProfileText } from '../../../src/cli/commands/profile';

const DAY = 86_400_000;

function profileOf(table: Table): ColumnProfile[] {
  return profileTable(binaryIngestResult(table, 'arrow', '/nonexistent.arrow')).columns;
}

const close = (a: number | null, b: number, eps = 1e-9) => assert.ok(a !== null && Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)), `${a} ≈ ${b}`);

test('float column: moments, type-7 quantiles, Tukey outliers, histogram, top values', () => {
  const [x] = profileOf(new Table({ x: vectorFromArray([1, 2, 3, 4, 100, null], new Float64()) }));
  assert.equal(x.kind, 'float');
  assert.equal(x.count, 6);
  assert.equal(x.nulls, 1);
  assert.equal(x.distinct, 5);
  assert.equal(x.distinctMethod, 'exact');
  assert.equal(x.min, 1);
  assert.equal(x.max, 100);
  close(x.mean, 22);
  close(x.std, Math.sqrt(7610 / 4));
  assert.deepEqual(Object.keys(x.quantiles!), ['p5', 'p25', 'p50', 'p75', 'p95']);
  close(x.quantiles!.p5, 1.2);
  close(x.quantiles!.p25, 2);
  close(x.quantiles!.p50, 3);
  close(x.quantiles!.p75, 4);
  close(x.quantiles!.p95, 80.8);
  // IQR 2 → fences [-1, 7]: 100 is a high outlier and does not stretch the histogram.
  assert.equal(x.lowOutliers, 0);
  assert.equal(x.highOutliers, 1);
  assert.equal(x.histogram!.length, 5);
  assert.equal(x.histogram![0].lower, 1);
  assert.equal(x.histogram![4].upper, 4);
  assert.deepEqual(
    x.histogram!.map((b) => b.count),
    [1, 1, 0, 1, 1],
  );
  assert.deepEqual(
    x.topValues.map((t) => t.value),
    ['1', '2', '3', '4', '100'],
  );
  assert.equal(x.nonFinite, 0);
});

test('integer column: frequencies, std, integer histogram', () => {
  const [n] = profileOf(new Table({ n: vectorFromArray([5, 5, 5, 7, null, null], new Int32()) }));
  assert.equal(n.kind, 'integer');
  assert.equal(n.nulls, 2);
  assert.equal(n.distinct, 2);
  assert.deepEqual(n.topValues, [
    { value: '5', count: 3 },
    { value: '7', count: 1 },
  ]);
  close(n.mean, 5.5);
  close(n.std, 1);
  close(n.quantiles!.p50, 5);
  close(n.quantiles!.p75, 5.5);
  assert.equal(n.highOutliers, 1);
  assert.deepEqual(n.histogram, [{ lower: 5, upper: 5, count: 3 }]);
});

test('integer histogram bins are integer-aligned and count every inlier', () => {
  const values = Array.from({ length: 1000 }, (_, i) => (i * 37) % 101);
  const [c] = profileOf(new Table({ c: vectorFromArray(Int32Array.from(values)) }));
  const total = c.histogram!.reduce((s, b) => s + b.count, 0);
  assert.equal(total + c.lowOutliers + c.highOutliers, 1000);
  for (const b of c.histogram!) assert.ok(Number.isInteger(b.lower) && Number.isInteger(b.upper));
  assert.ok(c.histogram!.length <= 30);
});

test('NaN and Infinity are counted apart from the statistics', () => {
  const [f] = profileOf(new Table({ f: vectorFromArray([1, NaN, Infinity, 3, NaN], new Float64()) }));
  assert.equal(f.nonFinite, 3);
  assert.equal(f.nulls, 0);
  assert.equal(f.min, 1);
  assert.equal(f.max, 3);
  close(f.mean, 2);
  assert.equal(f.distinct, 4, '1, 3, NaN, Infinity');
});

test('string column: distinct, top values, lengths in code points', () => {
  const [s] = profileOf(new Table({ s: vectorFromArray(['Paris', 'paris ', 'Paris', null, 'Lyon', '😀x'], new Utf8()) }));
  assert.equal(s.kind, 'string');
  assert.equal(s.nulls, 1);
  assert.equal(s.distinct, 4);
  assert.deepEqual(s.topValues, [
    { value: 'Paris', count: 2 },
    { value: 'Lyon', count: 1 },
    { value: 'paris ', count: 1 },
    { value: '😀x', count: 1 },
  ]);
  assert.equal(s.minLength, 2);
  assert.equal(s.maxLength, 6);
  assert.equal(s.min, null);
  assert.equal(s.quantiles, null);
  assert.equal(s.histogram, null);
});

test('only repeated values are listed as top values when there are many distinct values', () => {
  const values = Array.from({ length: 50 }, (_, i) => `id-${i}`).concat(['dup', 'dup']);
  const [s] = profileOf(new Table({ s: vectorFromArray(values, new Utf8()) }));
  assert.deepEqual(s.topValues, [{ value: 'dup', count: 2 }]);
});

test('boolean, date, dictionary and null-typed columns', () => {
  const table = new Table({
    b: vectorFromArray([true, false, true, null], new Bool()),
    d: vectorFromArray([0, DAY, DAY, null], new DateDay()),
    c: vectorFromArray(['red', 'blue', 'red', null], new Dictionary(new Utf8(), new Int32())),
    z: makeVector(makeData({ type: new Null(), length: 4 })),
  });
  const [b, d, c, z] = profileOf(table);
  assert.equal(b.kind, 'boolean');
  assert.equal(b.distinct, 2);
  assert.deepEqual(b.topValues, [
    { value: 'true', count: 2 },
    { value: 'false', count: 1 },
  ]);
  close(b.mean, 2 / 3);
  assert.equal(d.kind, 'date');
  assert.equal(d.min, 0);
  assert.equal(d.max, DAY);
  assert.deepEqual(d.topValues[0], { value: '1970-01-02', count: 2 });
  assert.equal(c.kind, 'categorical');
  assert.equal(c.distinct, 2);
  assert.equal(c.nulls, 1);
  assert.deepEqual(c.topValues, [
    { value: 'red', count: 2 },
    { value: 'blue', count: 1 },
  ]);
  assert.equal(c.minLength, 3);
  assert.equal(c.maxLength, 4);
  assert.equal(z.kind, 'empty');
  assert.equal(z.nulls, 4);
  assert.equal(z.distinct, 0);
});

test('sliced tables (non-zero offsets) are profiled correctly', () => {
  const full = new Table({ x: vectorFromArray([null, 1, 2, null, 4, 5, null, 7], new Float64()), b: vectorFromArray([true, false, null, true, true, false, true, null], new Bool()) });
  const [x, b] = profileOf(full.slice(3, 8));
  assert.equal(x.count, 5);
  assert.equal(x.nulls, 2);
  assert.equal(x.min, 4);
  assert.equal(x.max, 7);
  assert.deepEqual(b.topValues, [
    { value: 'true', count: 3 },
    { value: 'false', count: 1 },
  ]);
  assert.equal(b.nulls, 1);
});

test('streaming profile equals the exact one below the exact limit, approximates it above', () => {
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const n = 50_000;
  const normal = Float64Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand()) * 10 + 50);
  const ids = Array.from({ length: n }, (_, i) => `k${(i * 7919) % 20_000}`);
  const table = new Table({ x: vectorFromArray(normal), k: vectorFromArray(ids, new Utf8()) });
  const result = binaryIngestResult(table, 'arrow', '/nonexistent');
  const exact = profileTable(result);
  const batches = [];
  for (let s = 0; s < n; s += 4096) batches.push(...table.slice(s, s + 4096).batches);

  const same = createStreamingProfiler(result.columns, { exactLimit: 1e9 });
  for (const b of batches) same.addBatch(b);
  const sameProfile = same.finish({ mode: 'streaming' });
  assert.deepEqual(sameProfile.columns, exact.columns);

  const approx = createStreamingProfiler(result.columns, { exactLimit: 1000 });
  for (const b of batches) approx.addBatch(b);
  const [x, k] = approx.finish().columns;
  assert.equal(x.distinctMethod, 'approximate');
  assert.equal(x.quantileMethod, 'approximate');
  assert.equal(x.min, exact.columns[0].min);
  assert.equal(x.max, exact.columns[0].max);
  close(x.mean, exact.columns[0].mean!, 1e-9);
  close(x.std, exact.columns[0].std!, 1e-9);
  const trueDistinct = exact.columns[0].distinct;
  assert.ok(trueDistinct > 40_000);
  assert.ok(Math.abs(x.distinct - trueDistinct) / trueDistinct < 0.03, `distinct ${x.distinct} vs ${trueDistinct}`);
  const sorted = normal.slice().sort();
  for (const [key, q] of Object.entries({ p5: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95 })) {
    // Rank error below 2 %: the estimate lies between the true (q ± 0.02) quantiles.
    const v = x.quantiles![key];
    assert.ok(v >= quantileSorted(sorted, q - 0.02) && v <= quantileSorted(sorted, q + 0.02), `${key}: ${v}`);
  }
  const histTotal = x.histogram!.reduce((s, b) => s + b.count, 0) + x.lowOutliers + x.highOutliers;
  assert.ok(Math.abs(histTotal - n) <= x.histogram!.length + 2, `histogram total ${histTotal}`);
  assert.equal(k.distinctMethod, 'approximate');
  assert.ok(Math.abs(k.distinct - 20_000) / 20_000 < 0.03, `distinct ${k.distinct}`);
});

test('a column of numbers written with a unit is profiled as numbers, its unit shown (exact and streaming)', () => {
  const rows = ['id,ounces', ...Array.from({ length: 40 }, (_, i) => `${i},${i % 4 === 0 ? '16 oz' : i % 4 === 1 ? '16.0 ounce' : '12'}`)];
  const data = ingestCsvBytes(new TextEncoder().encode(rows.join('\n')));
  const exact = profileTable(data).columns[1];
  assert.equal(exact.unit, 'oz');
  assert.equal(exact.kind, 'float');
  assert.equal(exact.max, 16);
  assert.equal(exact.mean, 14);
  const streaming = createStreamingProfiler(data.columns);
  for (const batch of data.table.batches) streaming.addBatch(batch);
  assert.equal(streaming.finish().columns[1].unit, 'oz');
  assert.equal(profileTable(data).columns[0].unit, undefined);
  assert.match(formatProfileText(profileTable(data)), /float Float64 \[oz\]/);
});
