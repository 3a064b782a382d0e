/**
 * The rules' fast paths (shared column facts, distinct values, sorted runs, blocked sums) against the plain
 * computations they replace, and encoding-independence: a text column gives the same findings whether it
 * is stored as Utf8 or dictionary-encoded, in one chunk or several.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dictionary, Float64, Int32, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { binaryIngestResult } from '../../../src/core/ingest/arrow';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { runQualityCheck } from '../../../src/core/quality/engine';
import { finiteStats } from '../../../src/core/quality/column-values';
import { pearson, pearsonPairs } from '../../../src/core/quality/rules/high-correlation';
import { skewness } from '../../../src/core/quality/rules/extreme-skew';
import type { IngestResult } from '../../../src/core/table/model';

const now = new Date('2026-11-25T00:00:00Z');

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) ^ (s + 0x6d2b79f5)) >>> 0) / 4294967296);
}

test('pearsonPairs equals pearson pair by pair; skewness with known moments equals the two-pass one', () => {
  const next = random(9);
  const rows = 10_000;
  const columns = Array.from({ length: 5 }, (_, k) => Float64Array.from({ length: rows }, (_, i) => (next() < 0.02 ? NaN : k === 4 ? 3 * i + 1 : next() * 10 ** k)));
  // A column with two values only: its pairs have too few rows for a correlation.
  columns.push(Float64Array.from({ length: rows }, (_, i) => (i === 5 || i === 7000 ? i : NaN)));
  const pairs: [number, number][] = [];
  for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) pairs.push([i, j]);
  pairs.push([0, 0], [5, 5]);
  assert.deepEqual(
    pearsonPairs(columns, pairs),
    pairs.map(([i, j]) => pearson(columns[i], columns[j])),
  );
  const data = ingestCsvBytes(new TextEncoder().encode(['v', ...Array.from({ length: 500 }, (_, i) => (i % 17 === 0 ? '' : String(Math.exp(next() * 6))))].join('\n')));
  const values = Float64Array.from({ length: 500 }, (_, r) => Number(data.table.getChildAt(0)!.get(r) ?? NaN));
  assert.deepEqual(skewness(values, finiteStats(data, 0)), skewness(values));
});

/** Findings without ranges (the rendered text differs with the encoding; the findings must not). */
const findingsOf = (data: IngestResult) =>
  runQualityCheck(data, { now, maxFindingsPerRuleAndColumn: 1e9 }).findings.map((f) => `${f.rule} ${f.row} ${f.column} ${f.message}`);

test('text columns: the same findings stored as Utf8 or dictionary, in one chunk or several', () => {
  const next = random(21);
  const pool = ['Paris', 'paris', 'PARIS ', ' Lyon', 'Lyon', 'lyon', 'Zürich', 'zurich', '', ' ', 'Nice\u00a0'];
  const rows = 3000;
  const city = Array.from({ length: rows }, () => (next() < 0.03 ? null : pool[Math.floor(next() * pool.length)]));
  const code = Array.from({ length: rows }, (_, i) => (i % 400 === 7 ? `K${i - 1}` : `K${i}`));
  const same = Array.from({ length: rows }, (_, i) => (i === 5 ? null : 'constant'));
  const amount = Array.from({ length: rows }, (_, i) => (i % 250 === 0 ? 1e6 : 10 + (i % 37)));
  const table = (encode: (values: (string | null)[]) => Vector, chunks: number) => {
    const size = Math.ceil(rows / chunks);
    // Each chunk encodes on its own: dictionary chunks get dictionaries of their own.
    const chunked = <T>(values: T[], make: (part: T[]) => Vector) =>
      Array.from({ length: chunks }, (_, k) => make(values.slice(k * size, (k + 1) * size))).reduce((a, b) => a.concat(b));
    const t = new Table({ city: chunked(city, encode), key_code: chunked(code, encode), same: chunked(same, encode), amount: chunked(amount, (part) => vectorFromArray(part, new Float64())) });
    assert.equal(t.batches.length, chunks);
    return binaryIngestResult(t, 'arrow', '/nonexistent.arrow');
  };
  const utf8 = (values: (string | null)[]) => vectorFromArray(values, new Utf8());
  const dictionary = (values: (string | null)[]) => vectorFromArray(values, new Dictionary(new Utf8(), new Int32()));
  const expected = findingsOf(table(utf8, 1));
  for (const rule of ['whitespace', 'category-variant', 'duplicate-key', 'constant-column', 'missing-value', 'outlier']) assert.ok(expected.some((f) => f.startsWith(`${rule} `)), `${rule} fires`);
  assert.deepEqual(findingsOf(table(utf8, 3)), expected, 'utf8, 3 chunks');
  assert.deepEqual(findingsOf(table(dictionary, 1)), expected.map((f) => f), 'dictionary');
  assert.deepEqual(findingsOf(table(dictionary, 4)), expected, 'dictionary, 4 chunks with their own dictionaries');
});

test('duplicate rows: found across chunks; a never-repeating column rules them out; NaN never equals NaN', () => {
  const csv = (lines: string[]) => ingestCsvBytes(new TextEncoder().encode(lines.join('\n')));
  const rowsOf = (data: IngestResult) => runQualityCheck(data, { now }).findings.filter((f) => f.rule === 'duplicate-row').map((f) => f.row);
  assert.deepEqual(rowsOf(csv(['a,b,c', '1,x,2.5', '2,y,', '1,x,2.5', '2,y,', '3,z,1'])), [2, 3]);
  assert.deepEqual(rowsOf(csv(['id,b', '1,x', '2,x', '3,x'])), [], 'unique id column');
  const withNaN = binaryIngestResult(new Table({ v: vectorFromArray([NaN, NaN, 1, 1], new Float64()), w: vectorFromArray(['a', 'a', 'b', 'b'], new Utf8()) }), 'arrow', '/x.arrow');
  assert.deepEqual(rowsOf(withNaN), [3]);
  const split = new Table({
    k: vectorFromArray(['p', 'q'], new Dictionary(new Utf8(), new Int32())).concat(vectorFromArray(['q', 'p'], new Dictionary(new Utf8(), new Int32()))),
    n: vectorFromArray([1, 2], new Int32()).concat(vectorFromArray([2, 1], new Int32())),
  });
  assert.deepEqual(rowsOf(binaryIngestResult(split, 'arrow', '/x.arrow')), [2, 3]);
});
