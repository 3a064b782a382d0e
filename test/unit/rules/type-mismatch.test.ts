/** type-mismatch: a cell that does not fit its column's type; limits written in place of a number are the column's way. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';

test('a result below its detection limit written "<0.5" in several rows is the column\'s way of writing it; "about 3" once is not a number', () => {
  const rows = Array.from({ length: 400 }, (_, i) => [i + 1, i % 50 === 3 ? '<0.5' : i % 70 === 9 ? '>1000' : (1 + ((i * 37) % 200) / 10).toFixed(1)]);
  rows.push([401, '>1000']);
  assert.deepEqual(findingsOf(checkCsv(csv(['accession', 'result'], rows)), 'type-mismatch'), []);
  rows[20][1] = 'about 3';
  rows[21][1] = '<7';
  assert.deepEqual(findingsOf(checkCsv(csv(['accession', 'result'], rows)), 'type-mismatch').map((f) => [f.row, f.value]), [[20, 'about 3'], [21, '<7']]);
});
