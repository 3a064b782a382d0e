import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance } from '../../../src/core/quality/edit-distance';

/** The optimal-string-alignment distance by its textbook table (a fresh full table per call). */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

test('editDistance equals the textbook table (with a bound: within it, else above it), across calls of every length (its rows are reused)', () => {
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const word = () => Array.from({ length: Math.floor(next() * (next() < 0.1 ? 150 : 9)) }, () => 'abcab'[Math.floor(next() * 5)]).join('');
  for (let k = 0; k < 2000; k++) {
    const [a, b] = [word(), next() < 0.5 ? word() : 'ab'];
    const exact = reference(a, b);
    assert.equal(editDistance(a, b), exact, `"${a}" / "${b}"`);
    for (const max of [0, 1, 2]) {
      const bounded = editDistance(a, b, max);
      if (exact <= max) assert.equal(bounded, exact, `"${a}" / "${b}" within ${max}`);
      else assert.ok(bounded > max, `"${a}" / "${b}" beyond ${max}: ${bounded}`);
    }
  }
  assert.equal(editDistance('ca', 'ac'), 1, 'a swap of neighbours is one edit');
});
