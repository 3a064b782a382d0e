/** lookalike-character: a letter typed for the digit it looks like in a code. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { mulberry32 } from '../../../src/core/shared/random';

/** `n` codes of 17 characters drawn from `alphabet`. */
function codes(n: number, alphabet: string, seed: number): string[] {
  const next = mulberry32(seed);
  return Array.from({ length: n }, () => Array.from({ length: 17 }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
}

test('an O for a zero in vehicle numbers (which never use I, O nor Q) is reported with the digit as fix; random ids using every letter are not', () => {
  const vins = codes(600, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789', 1);
  const rows = vins.map((vin, i) => [i, vin]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'vin'], rows)), 'lookalike-character'), []);
  const withZero = vins.findIndex((vin) => vin.includes('0'));
  rows[withZero][1] = vins[withZero].replace('0', 'O');
  const findings = findingsOf(checkCsv(csv(['id', 'vin'], rows)), 'lookalike-character');
  assert.deepEqual(findings.map((f) => f.row), [withZero]);
  assert.equal(fixText(findings[0]), vins[withZero].replace('0', 'O').split('O').join('0'));
  assert.match(findings[0].message, /holds the letter "O", which no other of the column's 600 codes holds, where the digit 0 that it looks like is in \d+ of them/);
  // Identifiers drawn from every letter and digit: an O is as common as any other letter.
  const ids = codes(600, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 2).map((id, i) => [i, id]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'ref'], ids)), 'lookalike-character'), []);
});
