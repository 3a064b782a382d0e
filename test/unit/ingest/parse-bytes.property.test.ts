/**
 * Property: the byte fast paths of the CSV reader return exactly what the string parsers return, for
 * every input they accept (and leave the rest to the string parsers).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { NOT_HANDLED, booleanFromBytes, floatFromBytes, integerFromBytes, isoDateFromBytes } from '../../../src/core/ingest/csv/parse-bytes';
import { parseBooleanWord, parseDate, parseFloatCell, parseIntegral } from '../../../src/core/ingest/csv/infer';

const encode = (text: string) => new TextEncoder().encode(text);

const numberText = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map((v) => v.toFixed(3)),
  fc.double({ noNaN: true }).map((v) => v.toExponential(4)),
  fc.integer().map(String),
  fc.tuple(fc.constantFrom('', '+', '-', ' ', '\t'), fc.stringMatching(/^[0-9]{0,20}(\.[0-9]{0,20})?([eE][+-]?[0-9]{1,5})?$/), fc.constantFrom('', ' ', 'x')).map((p) => p.join('')),
);

test('floats read from bytes equal Number() of the text (Clinger fast path)', () => {
  fc.assert(
    fc.property(numberText, (text) => {
      const bytes = encode(text);
      const fast = floatFromBytes(bytes, 0, bytes.length);
      if (fast !== NOT_HANDLED) assert.ok(Object.is(fast, parseFloatCell(text)), `${JSON.stringify(text)}: ${fast} vs ${parseFloatCell(text)}`);
    }),
    { numRuns: 20_000 },
  );
  // The cases the bench file is made of are handled, not left to the slow path.
  for (const text of ['4.172e+5', '87.25', '0.00012', '-3', '1e-7']) assert.notEqual(floatFromBytes(encode(text), 0, text.length), NOT_HANDLED, text);
});

test('integers read from bytes equal parseIntegral of the text (integers, and numbers with a fraction of zeros)', () => {
  const integralText = fc.oneof(
    numberText,
    fc.tuple(fc.constantFrom('', '+', '-', ' '), fc.stringMatching(/^[0-9]{1,17}$/), fc.constantFrom('.', '.0', '.00', '.000', '.01', '.10', '.0x'), fc.constantFrom('', ' ')).map((p) => p.join('')),
  );
  fc.assert(
    fc.property(integralText, (text) => {
      const bytes = encode(text);
      const fast = integerFromBytes(bytes, 0, bytes.length);
      if (fast !== NOT_HANDLED) assert.ok(Object.is(fast, parseIntegral(text)), `${JSON.stringify(text)}: ${String(fast)} vs ${parseIntegral(text)}`);
    }),
    { numRuns: 20_000 },
  );
  // "2540.0" in an integer column is the integer 2540 (a value exported through a float).
  for (const [text, value] of [['2540.0', 2540], ['-7.', -7], ['12.00', 12]] as const) assert.equal(integerFromBytes(encode(text), 0, text.length), value, text);
  for (const text of ['2540.5', '1e3', '12.0x']) assert.equal(integerFromBytes(encode(text), 0, text.length), null, text);
});

test('ISO dates read from bytes equal parseDate of the text, invalid days included', () => {
  const dates = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  );
  fc.assert(
    fc.property(dates, (text) => {
      const bytes = encode(text);
      const fast = isoDateFromBytes(bytes, 0, bytes.length);
      if (fast !== NOT_HANDLED) assert.equal(fast, parseDate(text, 'YYYY-MM-DD'), text);
    }),
    { numRuns: 10_000 },
  );
  assert.equal(isoDateFromBytes(encode('2024-02-29'), 0, 10), Date.UTC(2024, 1, 29));
  assert.equal(isoDateFromBytes(encode('2023-02-29'), 0, 10), null);
});

test('booleans read from bytes agree with the word and 0/1 readings', () => {
  for (const text of ['true', 'TRUE', 'False', 'yes', 'NO', '1', '0', 'y', 'truth', 'nope', '2', ' yes']) {
    const bytes = encode(text);
    const fast = booleanFromBytes(bytes, 0, bytes.length);
    if (fast === NOT_HANDLED) continue;
    assert.equal(fast.word, parseBooleanWord(text), text);
    assert.equal(fast.zeroOne, text === '1' ? true : text === '0' ? false : null, text);
  }
});
