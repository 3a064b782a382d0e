/**
 * Shared column facts (profile/column-facts.ts): each fast path against the plain computation it replaces —
 * sorting, numbers read from typed arrays, distinct values from bytes and dictionary indices, null masks
 * of sliced and chunked data — and the exact profile from facts against the accumulators.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  Bool,
  DateDay,
  DateMillisecond,
  Dictionary,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  Table,
  TimestampMicrosecond,
  TimestampNanosecond,
  Float16,
  makeVector,
  TimestampMillisecond,
  TimestampSecond,
  Uint32,
  Utf8,
  LargeUtf8,
  makeData,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import { binaryIngestResult } from '../../../src/core/ingest/arrow';
import { columnFacts, runsOf, sortFinite, sortFiniteWithRuns, clearColumnFactsCache, type DistinctValues } from '../../../src/core/profile/column-facts';
import { createAccumulator, exactProfileFromFacts } from '../../../src/core/profile/columns';
import { profileTable } from '../../../src/core/profile/index';
import { prepareCsvBytes } from '../../../src/core/ingest/csv/decode';
import { readPreparedCsvInParallel } from '../../../src/core/ingest/csv/parallel';
import { closeSharedPool } from '../../../src/core/ingest/csv/pool';

/** The sort the fast one replaces. */
const reference = (values: Float64Array) => values.filter((v) => Number.isFinite(v)).sort();

/** Same length and same values, −0 and 0 told apart. */
function assertSameArray(actual: Float64Array, expected: Float64Array, label = ''): void {
  assert.equal(actual.length, expected.length, `${label} length`);
  for (let i = 0; i < expected.length; i++) if (!Object.is(actual[i], expected[i])) assert.fail(`${label} [${i}]: ${actual[i]} ≠ ${expected[i]}`);
}

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) ^ (s + 0x6d2b79f5)) >>> 0) / 4294967296);
}

test('sortFinite sorts like Float64Array.prototype.sort over the finite values, on every path', () => {
  const next = random(7);
  const cases: Record<string, Float64Array> = {
    'many distinct (radix)': Float64Array.from({ length: 40_000 }, () => (next() - 0.5) * 1e6),
    'few distinct (table)': Float64Array.from({ length: 20_000 }, () => Math.floor(next() * 300) / 4 - 20),
    'already ordered': Float64Array.from({ length: 5000 }, (_, i) => i * 0.5),
    'ordered with ties': Float64Array.from({ length: 5000 }, (_, i) => Math.floor(i / 3)),
    'reversed': Float64Array.from({ length: 5000 }, (_, i) => -i),
    'signed zeros and non-finite': Float64Array.from({ length: 3000 }, (_, i) => [0, -0, NaN, Infinity, -Infinity, 1, -1, 1e-310, -1e-310][i % 9]),
    'ordered +0 then −0': Float64Array.from([0, -0, 0, -0, 1]),
    'tiny': Float64Array.from([3, NaN, 1, 2]),
    'empty': new Float64Array(0),
    'large magnitudes': Float64Array.from({ length: 30_000 }, () => (next() < 0.5 ? -1 : 1) * 10 ** (next() * 600 - 300)),
    // Only the lowest 16 bits differ: one radix pass, whose result comes back from the scratch buffer.
    'one radix pass': new Float64Array(Uint32Array.from({ length: 2 * 40_000 }, (_, i) => (i % 2 ? 0x40590000 : Math.floor(next() * 65536))).buffer),
  };
  for (const [label, values] of Object.entries(cases)) {
    const expected = reference(values);
    assertSameArray(sortFinite(values), expected, label);
    const { sorted, runs } = sortFiniteWithRuns(values);
    if (runs) {
      const plain = runsOf(expected);
      assertSameArray(runs.values, plain.values, `${label} runs`);
      assert.deepEqual([...runs.counts], [...plain.counts], `${label} run counts`);
    }
    assertSameArray(sorted, expected, label);
  }
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.double(), fc.integer({ min: -5, max: 5 }), fc.constantFrom(0, -0, NaN)), { maxLength: 1500 }), (list) => {
      const values = Float64Array.from(list);
      assertSameArray(sortFinite(values), reference(values));
    }),
    { numRuns: 200 },
  );
});

/** Numbers as the rules read them before: `vector.get`, null → NaN, booleans 0/1, dates as epoch ms. */
function numbersByGet(vector: Vector): Float64Array {
  return Float64Array.from({ length: vector.length }, (_, r) => {
    const v: unknown = vector.get(r);
    return v === null || v === undefined ? NaN : typeof v === 'boolean' ? Number(v) : v instanceof Date ? v.getTime() : Number(v);
  });
}

test('numbers(): typed-array reads equal vector.get for every supported type, chunked and sliced; others are left to get()', () => {
  const nulls = <T>(values: T[]) => values.map((v, i) => (i % 7 === 3 ? null : v));
  const columns: Array<[string, Vector]> = [
    ['int8', vectorFromArray(nulls([1, -2, 3, 127, -128, 0, 5, 9]), new Int8())],
    ['int16', vectorFromArray(nulls([1, -2, 300, 0, 5, 7, 8, 9]), new Int16())],
    ['int32', vectorFromArray(nulls([1, -2, 2 ** 31 - 1, -(2 ** 31), 5, 6, 7, 8]), new Int32())],
    ['uint32', vectorFromArray(nulls([1, 2, 2 ** 32 - 1, 0, 5, 6, 7, 8]), new Uint32())],
    ['int64', vectorFromArray(nulls([1n, -2n, 2n ** 53n + 1n, -(2n ** 62n), 2n ** 63n - 1n, 0n, 7n, 8n]), new Int64())],
    ['float32', vectorFromArray(nulls([1.5, -2.25, 3.1, 0, -0, 5, 6, 7]), new Float32())],
    ['float64', vectorFromArray(nulls([1.5, -2.25, NaN, Infinity, -0, 5, 6, 7]), new Float64())],
    ['bool', vectorFromArray(nulls([true, false, true, true, false, true, false, true]), new Bool())],
    ['date32', vectorFromArray(nulls([0, 86_400_000, -86_400_000, 1.6e12 - (1.6e12 % 86_400_000), 5 * 86_400_000, 0, 0, 0]).map((v) => (v === null ? null : new Date(v))), new DateDay())],
    ['date64', vectorFromArray(nulls([0, 1, -1, 1.6e12, 5, 6, 7, 8]).map((v) => (v === null ? null : new Date(v))), new DateMillisecond())],
    ['timestamp s', vectorFromArray(nulls([0, 1000, -5000, 1.6e12, 5000, 6000, 7000, 8000]), new TimestampSecond())],
    ['timestamp ms', vectorFromArray(nulls([0, 1, -5, 1.6e12, 5, 6, 7, 8]), new TimestampMillisecond())],
  ];
  for (const [label, vector] of columns) {
    const chunked = vector.concat(vector.slice(2, 6), vector);
    for (const [shape, v] of [['whole', vector], ['chunked and sliced', chunked], ['sliced', vector.slice(1, 7)]] as const) {
      clearColumnFactsCache();
      const numbers = columnFacts(v.data).numbers();
      assert.ok(numbers, `${label} ${shape}: supported`);
      assertSameArray(numbers, numbersByGet(v), `${label} ${shape}`);
      const mask = columnFacts(v.data).nullMask();
      assert.deepEqual([...mask], Array.from({ length: v.length }, (_, r) => (v.isValid(r) ? 0 : 1)), `${label} ${shape} mask`);
      assert.deepEqual([...columnFacts(v.data).nullRows()], [...mask.keys()].filter((r) => mask[r]), `${label} ${shape} null rows`);
    }
  }
  // Micro- and nanosecond timestamps: get() divides with BigInt (quotient + remainder / divisor).
  const raw = [0n, 1n, -1n, 999n, -999n, 1000n, -1000n, 1_700_000_000_123_456n, -1_700_000_000_123_456n, 2n ** 53n - 1n, 2n ** 53n + 12_345n, -(2n ** 60n) - 7n, 2n ** 62n + 999_999n];
  for (const type of [new TimestampMicrosecond(), new TimestampNanosecond()]) {
    const vector = makeVector(makeData({ type, length: raw.length, nullCount: 0, data: BigInt64Array.from(raw) }));
    assertSameArray(columnFacts(vector.data).numbers()!, numbersByGet(vector), String(type));
  }
  assert.equal(columnFacts(vectorFromArray([1, 2], new Float16()).data).numbers(), null, 'float16: read by get()');
  assert.equal(columnFacts(vectorFromArray(['a'], new Utf8()).data).numbers(), null, 'text: no numbers');
});

/** Distinct values the plain way: a Map over the texts `get` returns. */
function distinctByGet(vector: Vector): { ids: number[]; texts: string[]; counts: number[]; firstRows: number[] } {
  const byText = new Map<string, number>();
  const out = { ids: [] as number[], texts: [] as string[], counts: [] as number[], firstRows: [] as number[] };
  for (let r = 0; r < vector.length; r++) {
    const v: unknown = vector.get(r);
    if (v === null) {
      out.ids.push(-1);
      continue;
    }
    let id = byText.get(String(v));
    if (id === undefined) {
      byText.set(String(v), (id = out.texts.length));
      out.texts.push(String(v));
      out.counts.push(0);
      out.firstRows.push(r);
    }
    out.counts[id]++;
    out.ids.push(id);
  }
  return out;
}

function assertDistinct(distinct: DistinctValues | null, vector: Vector, label: string): void {
  assert.ok(distinct, `${label}: supported`);
  const expected = distinctByGet(vector);
  assert.deepEqual([...distinct.ids], expected.ids, `${label} ids`);
  assert.equal(distinct.size, expected.texts.length, `${label} size`);
  assert.deepEqual([...distinct.counts], expected.counts, `${label} counts`);
  assert.deepEqual([...distinct.firstRows], expected.firstRows, `${label} first rows`);
  const untrimmed = [...distinct.maybeUntrimmedIds()];
  const lengths = expected.texts.map((text) => [...text].length);
  assert.deepEqual(distinct.codePointRange(), [Math.min(...lengths), Math.max(...lengths)], `${label} length range`);
  expected.texts.forEach((text, id) => {
    assert.equal(distinct.text(id), text, `${label} text ${id}`);
    assert.equal(distinct.codePoints(id), [...text].length, `${label} code points of ${text}`);
    const certain = text.length > 0 && text.trim() === text;
    if (distinct.maybeUntrimmed(id)) assert.ok(untrimmed.includes(id), `${label}: ${JSON.stringify(text)} listed`);
    else assert.ok(certain && !untrimmed.includes(id), `${label}: ${JSON.stringify(text)} is trimmed`);
  });
}

test('distinct values from Utf8 bytes and dictionary indices equal a Map over the texts', () => {
  const next = random(11);
  const pool = ['Paris', 'paris', ' Paris', 'Paris ', '', ' ', 'Zürich', 'e\u0301', 'é', '\u00a0Nice', 'Nice\u3000', '日本', '😀x', 'a,b', 'x'.repeat(40)];
  const texts = Array.from({ length: 5000 }, (_, i) => (next() < 0.05 ? null : next() < 0.5 ? pool[Math.floor(next() * pool.length)] : `u${i % 1700}-${Math.floor(next() * 3)}`));
  const utf8 = vectorFromArray(texts, new Utf8());
  const dictionary = vectorFromArray(texts, new Dictionary(new Utf8(), new Int32()));
  const unique = vectorFromArray(Array.from({ length: 70_000 }, (_, i) => (i % 1000 === 5 ? null : `item ${i}, said "hi" ${i % 97}`)), new Utf8());
  const cases: Array<[string, Vector]> = [
    ['utf8', utf8],
    ['utf8 chunked and sliced', utf8.slice(0, 2000).concat(utf8.slice(1500, 4000), utf8)],
    ['utf8 all unique (bitset path)', unique],
    ['utf8 all unique, chunked and sliced, an empty chunk among them (bitset path)', unique.slice(0, 30_000).concat(unique.slice(5, 5), unique.slice(20_000), unique.slice(100, 5000))],
    // Over 4 × 32,768 rows whose first values all differ: numbered by the bitsets at once (no table-only attempt).
    ['utf8 distinct at first, many repeats later (bitset path at once)', vectorFromArray(Array.from({ length: 140_000 }, (_, i) => (i % 777 === 3 ? null : `v${i < 3000 ? i : i % 40_000}`)), new Utf8())],
    ['utf8 distinct at first, then a few values only (bitset path at once)', vectorFromArray(Array.from({ length: 140_000 }, (_, i) => `w${i % 3000}`), new Utf8())],
    ['large utf8, chunked', vectorFromArray(texts, new LargeUtf8()).concat(vectorFromArray(texts.slice(100, 900), new LargeUtf8()))],
    ['dictionary', dictionary],
    ['dictionary chunks with their own dictionaries', dictionary.slice(0, 2500).concat(vectorFromArray(texts.slice(2500).reverse(), new Dictionary(new Utf8(), new Int32())))],
  ];
  for (const [label, vector] of cases) {
    clearColumnFactsCache();
    assertDistinct(columnFacts(vector.data).distinct(), vector, label);
  }
  // Bytes that are not valid UTF-8, or a value starting with a byte-order mark: left to the text path.
  const invalid = makeData({ type: new Utf8(), length: 2, nullCount: 0, valueOffsets: Int32Array.from([0, 2, 4]), data: Uint8Array.from([0xff, 0x41, 0xfe, 0x41]) });
  assert.equal(columnFacts([invalid]).distinct(), null, 'invalid UTF-8');
  assert.equal(columnFacts(vectorFromArray(['a', '\ufeffa'], new Utf8()).data).distinct(), null, 'byte-order mark');
  fc.assert(
    fc.property(fc.array(fc.option(fc.string({ unit: 'binary', maxLength: 6 }), { nil: null }), { maxLength: 300 }), (list) => {
      // Values starting with a byte-order mark are left to the text path (decoders drop the mark).
      const vector = vectorFromArray(list, new Utf8());
      const distinct = columnFacts(vector.data).distinct();
      if (list.some((v) => v !== null && v.startsWith('\ufeff'))) assert.equal(distinct, null);
      else assertDistinct(distinct, vector, 'generated');
    }),
    { numRuns: 150 },
  );
});

test('the exact profile from column facts equals the accumulators, and is shared with later reads', () => {
  const next = random(3);
  const n = 30_000;
  const pick = <T>(values: T[]) => values[Math.floor(next() * values.length)];
  const table = new Table({
    id: vectorFromArray(Array.from({ length: n }, (_, i) => i), new Int32()),
    price: vectorFromArray(Array.from({ length: n }, () => (next() < 0.02 ? null : Math.exp(next() * 8))), new Float64()),
    level: vectorFromArray(Array.from({ length: n }, () => (next() < 0.02 ? null : pick([1, 2, 3, 5, 8, -0, 0]))), new Float64()),
    odd: vectorFromArray(Array.from({ length: n }, () => pick([NaN, Infinity, -Infinity, 1, 2, null])), new Float64()),
    big: vectorFromArray(Array.from({ length: n }, () => (next() < 0.01 ? null : BigInt(Math.floor(next() * 1e6)) * 10n ** 9n)), new Int64()),
    day: vectorFromArray(Array.from({ length: n }, () => (next() < 0.01 ? null : new Date(Date.UTC(2000 + Math.floor(next() * 20), 0, 1 + Math.floor(next() * 365))))), new DateDay()),
    name: vectorFromArray(Array.from({ length: n }, (_, i) => (next() < 0.03 ? null : next() < 0.7 ? `name ${Math.floor(next() * 50)}` : `ünique ${i}`)), new Utf8()),
    flag: vectorFromArray(Array.from({ length: n }, () => (next() < 0.01 ? null : next() < 0.3)), new Bool()),
    city: vectorFromArray(Array.from({ length: n }, () => (next() < 0.01 ? null : pick(['Paris', 'Lyon', 'Nice']))), new Dictionary(new Utf8(), new Int32())),
    large: vectorFromArray(Array.from({ length: n }, (_, i) => (next() < 0.01 ? null : `é${i % 999}`)), new LargeUtf8()),
    micros: makeVector(makeData({ type: new TimestampMicrosecond(), length: n, nullCount: 0, data: BigInt64Array.from({ length: n }, () => BigInt(Math.floor(next() * 1e15))) })),
    score: vectorFromArray(Array.from({ length: n }, () => (next() < 0.02 ? null : Math.round(next() * 1000) / 10)), new Float64()),
  });
  const data = binaryIngestResult(table, 'arrow', '/nonexistent.arrow');
  clearColumnFactsCache();
  const profile = profileTable(data);
  // Few distinct values are held as runs (no sorted copy), −0 beside 0 as the sorted copy: both paths are compared.
  assert.equal(columnFacts(table.getChild('score')!.data).sortedNumbers()!.array, undefined);
  assert.notEqual(columnFacts(table.getChild('level')!.data).sortedNumbers()!.array, undefined);
  for (const info of data.columns) {
    const type: DataType = table.schema.fields[info.index].type;
    const acc = createAccumulator(info, type, { exactLimit: Infinity, kllK: 256, topCapacity: 1024 });
    for (const batch of table.batches) acc.addChunk(batch.data.children[info.index]);
    assert.deepEqual(profile.columns[info.index], acc.finish(), info.name);
    const facts = columnFacts(table.batches.map((b) => b.data.children[info.index]));
    const fromFacts = exactProfileFromFacts(info, type, facts);
    if (fromFacts) assert.deepEqual(fromFacts, profile.columns[info.index], `${info.name} again`);
  }
  // The facts the profile computed are the ones later reads get.
  const facts = columnFacts(table.getChild('price')!.data);
  assert.equal(facts.sortedNumbers(), facts.sortedNumbers());
  assert.ok(facts.sortedRuns()!.values.length > 1000);
});

test('facts share what the table already holds: a Float64 column is its own numbers, numbers in order their own sorted copy, distinct values their own runs', () => {
  clearColumnFactsCache();
  const values = [2.5, null, -1, 7, null, 3.25, 0, 11];
  const floats = vectorFromArray(values, new Float64());
  const numbers = columnFacts(floats.data).numbers()!;
  assert.equal(numbers.buffer, floats.data[0].values.buffer, 'no copy of a Float64 chunk');
  assertSameArray(numbers, Float64Array.from(values, (v) => v ?? NaN), 'NaN under the nulls');
  assert.deepEqual(
    Array.from({ length: floats.length }, (_, r) => floats.get(r)),
    values,
    'the table still reads the same: nulls are null, the other values unchanged',
  );

  const ids = vectorFromArray(Array.from({ length: 1000 }, (_, i) => i * 3), new Int32());
  const idFacts = columnFacts(ids.data);
  assert.equal(idFacts.sortedNumbers()!.array, idFacts.numbers(), 'numbers in order, all finite: their own sorted copy');
  assert.equal(idFacts.sortedRuns()!.values, idFacts.numbers(), 'all distinct: the runs are the sorted values');

  const next = random(5);
  const shuffled = vectorFromArray(Array.from({ length: 40_000 }, () => next() * 1e6), new Float64());
  const facts = columnFacts(shuffled.data);
  assert.equal(facts.sortedRuns()!.values, facts.sortedNumbers()!.array, 'all distinct, sorted by radix: the runs are the sorted values');
  assert.deepEqual(new Set(facts.sortedRuns()!.counts), new Set([1]));

  const other = vectorFromArray(Array.from({ length: 40_000 }, (_, i) => String(i)), new Utf8());
  assert.equal(columnFacts(other.data).nullMask(), facts.nullMask(), 'columns without nulls share one mask');
  assert.ok(facts.nullMask().every((m) => m === 0));
  assert.equal(columnFacts(other.data).nullCount(), 0);
});

test('a Float64 column read by several threads is its own numbers too: its chunks are consecutive views of one buffer', async () => {
  clearColumnFactsCache();
  const next = random(11);
  const cells = Array.from({ length: 3000 }, (_, r) => (r % 17 === 5 ? null : Math.round(next() * 1e6) / 100));
  const csv = `amount,label\n${cells.map((v, r) => `${v ?? ''},row ${r}`).join('\n')}\n`;
  try {
    const { result } = await readPreparedCsvInParallel(prepareCsvBytes(new TextEncoder().encode(csv)), { threads: 2, parallelChunkBytes: 4096 });
    const chunks = result.table.getChild('amount')!.data;
    assert.ok(chunks.length > 2, 'read in several chunks');
    const numbers = columnFacts(chunks).numbers()!;
    assert.equal(numbers.buffer, chunks[0].values.buffer, 'no copy of the chunks');
    assertSameArray(numbers, Float64Array.from(cells, (v) => v ?? NaN), 'the values in order, NaN under the nulls');
    assert.deepEqual(Array.from({ length: cells.length }, (_, r) => result.table.getChild('amount')!.get(r)), cells, 'the table still reads the same');
  } finally {
    await closeSharedPool();
  }
});

test('a boolean column out of order has the sorted numbers and runs the scan gives the same 0/1 values (its two runs counted straight)', () => {
  clearColumnFactsCache();
  const next = random(11);
  const shapes: Record<string, (boolean | null)[]> = {
    mixed: Array.from({ length: 5000 }, () => (next() < 0.05 ? null : next() < 0.3)),
    'in order': Array.from({ length: 3000 }, (_, i) => (i % 97 === 0 ? null : i >= 1000)),
    'one value': Array.from({ length: 3000 }, (_, i) => (i % 50 === 0 ? null : true)),
    'one value out of place': Array.from({ length: 3000 }, (_, i) => i !== 2000),
    short: [true, false, null, true, false, true, false, false, true, true],
    'few values': Array.from({ length: 600 }, (_, i) => (i < 596 ? null : i % 2 === 0)),
  };
  for (const [shape, values] of Object.entries(shapes)) {
    const bools = columnFacts(vectorFromArray(values, new Bool()).data);
    const bytes = columnFacts(vectorFromArray(values.map((v) => (v === null ? null : Number(v))), new Int8()).data);
    const [sorted, expected] = [bools.sortedNumbers()!, bytes.sortedNumbers()!];
    assert.deepEqual([sorted.array === undefined, sorted.length], [expected.array === undefined, expected.length], `${shape}: the same form and length`);
    assert.deepEqual(
      [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1].map((q) => sorted.quantile(q)),
      [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1].map((q) => expected.quantile(q)),
      `${shape}: quantiles`,
    );
    assert.deepEqual([sorted.rank(0, false), sorted.rank(1, false), sorted.rank(1, true)], [expected.rank(0, false), expected.rank(1, false), expected.rank(1, true)], `${shape}: ranks`);
    const [runs, expectedRuns] = [bools.sortedRuns()!, bytes.sortedRuns()!];
    assert.deepEqual([Array.from(runs.values), Array.from(runs.counts)], [Array.from(expectedRuns.values), Array.from(expectedRuns.counts)], `${shape}: runs`);
    assert.deepEqual(bools.finiteStats(), bytes.finiteStats(), `${shape}: the moments, scanned when asked`);
  }
});
