/** HyperLogLog, KLL and Misra–Gries: accuracy and merging. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HyperLogLog, KllSketch, MisraGries } from '../../../src/core/profile/sketches';

test('HyperLogLog p=14 estimates within 2 % from 10 to 1,000,000 distinct values', () => {
  for (const n of [10, 1000, 50_000, 1_000_000]) {
    const h = new HyperLogLog(14);
    for (let i = 0; i < n; i++) h.addNumber(i * 1.5);
    const e = h.estimate();
    assert.ok(Math.abs(e - n) / n < 0.02, `n=${n}: ${e}`);
  }
  const s = new HyperLogLog();
  for (let i = 0; i < 100_000; i++) s.addString(`user-${i % 30_000}`);
  assert.ok(Math.abs(s.estimate() - 30_000) / 30_000 < 0.02, `strings: ${s.estimate()}`);
});

test('HyperLogLog merge estimates the union', () => {
  const a = new HyperLogLog();
  const b = new HyperLogLog();
  for (let i = 0; i < 60_000; i++) a.addNumber(i);
  for (let i = 40_000; i < 100_000; i++) b.addNumber(i);
  a.merge(b);
  assert.ok(Math.abs(a.estimate() - 100_000) / 100_000 < 0.02, `${a.estimate()}`);
  assert.throws(() => a.merge(new HyperLogLog(12)), RangeError);
});

test('KLL quantiles have small rank error, bounded memory, and merge', () => {
  const n = 200_000;
  const k = new KllSketch(256);
  const values: number[] = [];
  let seed = 1;
  for (let i = 0; i < n; i++) {
    seed = (seed * 16807) % 2147483647;
    const v = seed / 2147483647;
    values.push(v);
    k.update(v);
  }
  assert.equal(k.n, n);
  assert.ok(k.retained < 2000, `retained ${k.retained}`);
  values.sort((a, b) => a - b);
  for (const q of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
    const est = k.quantile(q);
    const rank = values.findIndex((v) => v >= est) / n;
    assert.ok(Math.abs(rank - q) < 0.015, `q=${q}: rank ${rank}`);
  }
  const r = k.rank(0.5);
  assert.ok(Math.abs(r - n / 2) / n < 0.015);

  const a = new KllSketch(256, 1);
  const b = new KllSketch(256, 2);
  for (let i = 0; i < 50_000; i++) a.update(i);
  for (let i = 50_000; i < 100_000; i++) b.update(i);
  a.merge(b);
  assert.equal(a.n, 100_000);
  assert.ok(Math.abs(a.quantile(0.5) - 50_000) < 2000, `${a.quantile(0.5)}`);
  assert.ok(Math.abs(a.quantile(0.9) - 90_000) < 2000, `${a.quantile(0.9)}`);
});

test('KLL is exact while small', () => {
  const k = new KllSketch(256);
  [5, 1, 4, 2, 3].forEach((v) => k.update(v));
  assert.equal(k.quantile(0), 1);
  assert.equal(k.quantile(0.5), 3);
  assert.equal(k.quantile(1), 5);
  assert.equal(k.rank(3), 3);
  assert.equal(k.rank(3, true), 2);
});

test('Misra–Gries finds the heavy hitters with lower-bound counts', () => {
  const mg = new MisraGries<string>(10);
  const truth = new Map<string, number>();
  for (let i = 0; i < 20_000; i++) {
    const key = i % 3 === 0 ? 'hot' : i % 7 === 0 ? 'warm' : `cold-${i}`;
    mg.add(key);
    truth.set(key, (truth.get(key) ?? 0) + 1);
  }
  for (const key of ['hot', 'warm']) {
    const c = mg.counts.get(key);
    assert.ok(c !== undefined, key);
    assert.ok(c <= truth.get(key)! && c >= truth.get(key)! - 20_000 / 11, `${key}: ${c}`);
  }
});
