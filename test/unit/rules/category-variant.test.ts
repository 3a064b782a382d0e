/** category-variant: one category spelled several ways. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';

test('punctuation beside a letter does not make another category: "PG13" among "PG-13", "datsun b210" beside "datsun b-210"', () => {
  const ratings = ['PG-13', 'PG', 'R', 'G', 'PG-13', 'R'];
  const rows = Array.from({ length: 300 }, (_, i) => [`Film ${i}`, ratings[i % ratings.length]]);
  rows[7][1] = 'PG13';
  const findings = findingsOf(checkCsv(csv(['title', 'rating'], rows)), 'category-variant');
  assert.deepEqual(findings.map((f) => [f.row, f.value, f.evidence?.canonical]), [[7, 'PG13', 'PG-13']]);
  assert.equal(fixText(findings[0]), 'PG-13');
});

test('punctuation between digits is part of the value: "v1.5" and "v15" are two categories', () => {
  const versions = ['v1.5', 'v15', 'v2.5', 'v25', 'v3'];
  const rows = Array.from({ length: 300 }, (_, i) => [`Item ${i}`, versions[i % versions.length]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['item', 'version'], rows)), 'category-variant'), []);
  rows[4][1] = 'V-3';
  assert.deepEqual(findingsOf(checkCsv(csv(['item', 'version'], rows)), 'category-variant').map((f) => f.value), ['V-3']);
});
