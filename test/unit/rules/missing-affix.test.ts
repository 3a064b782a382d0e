/** missing-affix: values without the fixed beginning or ending nearly every value of their column shares. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';

const rule = 'missing-affix';

/** Colleges' websites ("www.<slug>.edu"); `edit` sets rows' websites. */
function websites(edit: Record<number, string> = {}, rows = 400): string {
  const words = ['north', 'south', 'lake', 'river', 'mount', 'saint', 'grand', 'valley', 'state', 'tech'];
  return csv(
    ['name', 'website'],
    Array.from({ length: rows }, (_, i) => [`College ${i}`, edit[i] ?? `www.${words[i % 10]}${words[Math.floor(i / 10) % 10]}${i}.edu`]),
  );
}

test('a website ending in ".com" or written without "www." among colleges\' websites is reported, with the column\'s part and an example', () => {
  assert.deepEqual(findingsOf(checkCsv(websites()), rule), []);
  const found = findingsOf(checkCsv(websites({ 14: 'www.lakenorth14.com', 200: 'grandnorth200.edu', 301: 'http://www.southmount301.edu' })), rule);
  assert.deepEqual(found.map((f) => [f.row, f.value, f.evidence?.side, f.evidence?.affix, f.evidence?.columnAffix]), [
    [14, 'www.lakenorth14.com', 'suffix', '.com', '.edu'],
    [200, 'grandnorth200.edu', 'prefix', '', 'www.'],
    [301, 'http://www.southmount301.edu', 'prefix', 'http:', 'www.'],
  ]);
  assert.equal(found[0].message, '"www.lakenorth14.com" in column "website" ends in ".com", unlike 99% of the column\'s values, which end in ".edu" (like "www.northnorth0.edu").');
  assert.match(found[1].message, /does not begin with "www\."/);
});

test('no finding where the part is a category\'s (few distinct values), where 2% of the values differ, for parts without letters, or where words are parted by spaces', () => {
  // Few distinct values: a category written in many rows.
  const few = csv(['site'], Array.from({ length: 400 }, (_, i) => [i === 5 ? 'www.a.com' : `www.s${i % 20}.edu`]));
  assert.deepEqual(findingsOf(checkCsv(few), rule), []);
  // 2% of another ending: the column has two.
  const two: Record<number, string> = {};
  for (let i = 0; i < 8; i++) two[i * 50] = `www.other${i}.org`;
  assert.deepEqual(findingsOf(checkCsv(websites(two)), rule), []);
  // Batch codes whose beginning is digits ("2024-A17"): "2024-" holds no letter, so "2023-B4" has no other part.
  const batches = csv(['batch'], Array.from({ length: 400 }, (_, i) => [i === 3 ? `2023-B${i}` : `2024-A${i}`]));
  assert.deepEqual(findingsOf(checkCsv(batches), rule), []);
  // Names of counties: " County" is a word, not a marked part.
  const counties = csv(['county'], Array.from({ length: 400 }, (_, i) => [i === 9 ? 'Baltimore city' : `Place${i} County`]));
  assert.deepEqual(findingsOf(checkCsv(counties), rule), []);
});
