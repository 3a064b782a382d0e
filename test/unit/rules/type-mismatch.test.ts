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

test('a route code of digits and a letter ("45X", 4% of the rows) among routes 7, 12 and 31 is one of the column\'s codes; "45X" once, and "unknown" in as many rows, are not', () => {
  const routes = (express: (i: number) => string) => Array.from({ length: 1000 }, (_, i) => [`E${i}`, i % 25 === 4 ? express(i) : ['7', '12', '31'][i % 3]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['stop_event', 'route_id'], routes(() => '45X'))), 'type-mismatch'), []);
  const once = routes(() => '12');
  once[500][1] = '45X';
  assert.deepEqual(findingsOf(checkCsv(csv(['stop_event', 'route_id'], once)), 'type-mismatch').map((f) => f.row), [500]);
  assert.equal(findingsOf(checkCsv(csv(['stop_event', 'route_id'], routes(() => 'unknown'))), 'type-mismatch').length, 40);
});
