/** spelled-out-code: a category written out in full in a column of short codes. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';

const LANGUAGES = ['eng', 'eng', 'eng', 'eng', 'fre', 'ger', 'spa', 'chi'];

test('"English" among "eng" and "fre" is reported as the code written out, with the code as fix', () => {
  const rows = Array.from({ length: 800 }, (_, i) => [`Article ${i}`, LANGUAGES[i % LANGUAGES.length]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['title', 'language'], rows)), 'spelled-out-code'), [], 'codes only');
  // Written out in 12 rows (1.5%): too many rows for a slip of pattern, still rare beside its code.
  for (let i = 0; i < 12; i++) rows[i * 60 + 5][1] = i % 3 === 0 ? 'French' : 'English';
  const findings = findingsOf(checkCsv(csv(['title', 'language'], rows)), 'spelled-out-code');
  assert.deepEqual(
    findings.map((f) => [f.row, f.value]),
    Array.from({ length: 12 }, (_, i) => [i * 60 + 5, i % 3 === 0 ? 'French' : 'English']),
  );
  const english = findings.find((f) => f.value === 'English')!;
  assert.match(english.message, /^"English" in column "language" looks like the code "eng" written out: 9\d% of the column are short codes, and \d+ rows write "eng"\.$/);
  assert.equal(fixText(english), 'eng');
});

test('"Male" and "female" among "M" and "F"', () => {
  const rows = Array.from({ length: 400 }, (_, i) => [`${i}`, i % 2 ? 'M' : 'F']);
  rows[10][1] = 'Male';
  rows[11][1] = 'female';
  const findings = findingsOf(checkCsv(csv(['id', 'sex'], rows)), 'spelled-out-code');
  assert.deepEqual(findings.map((f) => [f.value, f.evidence?.code]), [['Male', 'M'], ['female', 'F']]);
});

test('no finding where a value cannot be told from another category: two-letter codes, names, frequent words', () => {
  const states = ['CA', 'NY', 'NE', 'NV', 'TX', 'OH'];
  const rows = Array.from({ length: 600 }, (_, i) => [states[i % states.length]]);
  rows[3][0] = 'Nevada'; // NE or NV: two-letter codes are as often initials as first letters
  assert.deepEqual(findingsOf(checkCsv(csv(['state'], rows)), 'spelled-out-code'), []);
  const names = ['Al', 'Bo', 'Cy', 'Ed', 'Alice', 'Bob', 'Cyril', 'Edward', 'Albert', 'Edith'];
  const people = Array.from({ length: 600 }, (_, i) => [names[i % names.length]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['name'], people)), 'spelled-out-code'), [], 'names are not codes');
  const sizes = Array.from({ length: 300 }, (_, i) => [['S', 'M', 'L'][i % 3]]);
  for (let i = 0; i < 30; i++) sizes.push(['Large']);
  assert.deepEqual(findingsOf(checkCsv(csv(['size'], sizes)), 'spelled-out-code'), [], '"Large" in 9% of the rows is a category of its own');
  sizes.splice(300, 24);
  assert.deepEqual(findingsOf(checkCsv(csv(['size'], sizes)), 'spelled-out-code').map((f) => [f.value, f.evidence?.code]), Array(6).fill(['Large', 'L']));
});

test('a code written twice is a code of its own: "HH" (critical high) among "H" and "L" is not "H" written out', () => {
  const flags = Array.from({ length: 600 }, (_, i) => [i + 1, i % 97 === 5 ? 'HH' : i % 89 === 7 ? 'LL' : i % 2 ? 'H' : 'L']);
  assert.deepEqual(findingsOf(checkCsv(csv(['accession', 'flag'], flags)), 'spelled-out-code'), []);
  flags[10][1] = 'High';
  assert.deepEqual(findingsOf(checkCsv(csv(['accession', 'flag'], flags)), 'spelled-out-code').map((f) => [f.row, f.value]), [[10, 'High']]);
});

test('a word whose rows lie where the other rows\' numbers seldom do (a start wave "Elite" exactly where the places are the first) names a group of its own; the word elsewhere is still its code written out', () => {
  const waves = ['A', 'B', 'C', 'D', 'E'];
  const rows = Array.from({ length: 1200 }, (_, i) => [String(i + 1), i < 20 ? 'Elite' : waves[Math.floor(((i - 20) * 5) / 1180)]]);
  const header = ['place', 'wave'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'spelled-out-code'), [], 'clean');
  rows[700][1] = 'Elite';
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'spelled-out-code').map((f) => [f.row, f.value]), [[700, 'Elite']]);
});
