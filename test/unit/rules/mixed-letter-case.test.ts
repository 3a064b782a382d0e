/** mixed-letter-case: a text written in capitals or small letters among values whose letters are written otherwise. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { codeCaseOf, letterCaseOf } from '../../../src/core/quality/letter-case';

const rule = 'mixed-letter-case';
const FIRST = ['The', 'A', 'Return of the', 'Night of the', 'Beyond the', 'Escape from the', 'Revenge of the', 'Legend of the'];
const NOUNS = ['Mountain', 'River', 'Stranger', 'Garden', 'Island', 'Machine', 'Dragon', 'Castle', 'Forest', 'Kingdom', 'Harbor', 'Empire'];

/** Film titles in mixed case, each distinct ("The Mountain 1", "Return of the River 2"…), with a year. */
function films(n: number): string[][] {
  const combos = FIRST.length * NOUNS.length;
  return Array.from({ length: n }, (_, i) => [`${FIRST[i % FIRST.length]} ${NOUNS[Math.floor(i / FIRST.length) % NOUNS.length]}${i >= combos ? ` ${Math.floor(i / combos) + 1}` : ''}`, `${1950 + (i % 60)}`]);
}

test('letterCaseOf: capitals, small letters, mixed case, and too few letters to tell', () => {
  assert.equal(letterCaseOf('THE GODFATHER'), 'capitals');
  assert.equal(letterCaseOf('sex, lies, and videotape'), 'small letters');
  assert.equal(letterCaseOf('crazy/beautiful'), undefined, 'a path, an address or a code: case belongs to it');
  assert.equal(letterCaseOf('TUT.BY'), undefined, 'a mark inside a word');
  assert.equal(letterCaseOf('The Godfather Part II'), 'mixed case');
  assert.equal(letterCaseOf('JFK'), undefined, 'three letters');
  assert.equal(letterCaseOf('1984 — 2001'), undefined, 'no letters');
  assert.equal(letterCaseOf('ÉTÉ À PARIS'), 'capitals', 'letters beyond ASCII');
});

test('titles written in capitals among titles in mixed case are reported, with the title as the column writes it', () => {
  const rows = films(400);
  assert.deepEqual(findingsOf(checkCsv(csv(['title', 'year'], rows)), rule), [], 'clean');
  for (const r of [5, 17, 60, 111, 250, 333]) rows[r][0] = rows[r][0].toUpperCase();
  rows[90][0] = rows[90][0].toLowerCase();
  const findings = findingsOf(checkCsv(csv(['title', 'year'], rows)), rule);
  assert.deepEqual(findings.map((f) => f.row), [5, 17, 60, 90, 111, 250, 333]);
  const first = findings[0];
  assert.equal(first.message, `"${rows[5][0]}" is written in capitals, unlike 98% of column "title", which writes its letters in mixed case ("${films(400)[5][0]}").`);
  assert.equal(fixText(first), films(400)[5][0], 'each word as the column writes it: "Return of the River", not "Return Of The River"');
  assert.deepEqual(first.evidence, { letterCase: 'capitals', columnCase: 'mixed case', columnShare: 393 / 400, fixed: films(400)[5][0] });
  assert.equal(fixText(findings.find((f) => f.row === 90)), films(400)[90][0], 'small letters written as the column does');
});

test('a column in capitals: a value in mixed case is reported with the value in capitals', () => {
  const rows = films(300).map(([title, year]) => [title.toUpperCase(), year]);
  rows[40][0] = films(300)[40][0];
  const findings = findingsOf(checkCsv(csv(['title', 'year'], rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, fixText(f)]), [[40, films(300)[40][0].toUpperCase()]]);
  assert.match(findings[0].message, /written in mixed case, unlike 99% of column "title", which writes its letters in capitals/);
});

test('no finding where the case says nothing: initialisms and brands, no way of its own, a variant category-variant reports, an accepted value', () => {
  const check = (rows: string[][], config = {}) => findingsOf(checkCsv(csv(['title', 'year'], rows), config), rule);
  const brands = films(400);
  for (const [r, brand] of [[5, 'NASA'], [17, 'NASDAQ'], [60, 'UNESCO']] as const) brands[r][0] = brand;
  assert.deepEqual(check(brands), [], 'initialisms: words the column does not write otherwise, shorter than 7 letters');
  const brand = films(400);
  for (const r of [30, 31, 32]) brand[r][0] = 'KEROPETROL';
  assert.deepEqual(check(brand), [], 'a name in several rows written no other way: how the name is written');
  const half = films(400).map(([title, year], i) => [i % 2 === 0 ? title.toUpperCase() : title, year]);
  assert.deepEqual(check(half), [], 'half in capitals: the column has no way of its own (mixed case needs more than half)');
  const placeholders = films(400);
  placeholders[12][0] = 'NOT AVAILABLE';
  assert.deepEqual(check(placeholders), [], 'a placeholder for a missing value: disguised-missing\'s');
  const urls = films(400).map(([title, year]) => [`https://example.org/films/${title.toLowerCase().replace(/ /g, '-')}`, year]);
  urls[20][0] = 'https://example.org/Films/Return-Of-The-River';
  assert.deepEqual(check(urls), [], 'addresses: case belongs to them');
  const categories = Array.from({ length: 400 }, (_, i) => [['Drama', 'Comedy', 'Thriller Film', 'Romantic Comedy'][i % 4], `${1950 + (i % 60)}`]);
  categories[9][0] = 'ROMANTIC COMEDY';
  assert.deepEqual(check(categories), [], 'another value in another case: category-variant\'s');
  assert.equal(findingsOf(checkCsv(csv(['title', 'year'], categories)), 'category-variant').length, 1, 'which reports it');
  const shouted = films(400);
  shouted[5][0] = shouted[5][0].toUpperCase();
  assert.deepEqual(check(shouted, { accept: [{ rule, column: 'title', value: shouted[5][0] }] }), [], 'accepted');
});

test('a name in capitals beside its own mixed-case rows, in a column too varied for category-variant (over 1,000 values)', () => {
  const rows = Array.from({ length: 1300 }, (_, i) => [i % 30 === 0 ? 'Washington' : `${NOUNS[i % NOUNS.length]}ville Heights ${i}`, `${1950 + (i % 60)}`]);
  for (const r of [7, 8, 9]) rows[r][0] = 'WASHINGTON';
  const findings = findingsOf(checkCsv(csv(['city', 'year'], rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, fixText(f)]), [[7, 'Washington'], [8, 'Washington'], [9, 'Washington']]);
  assert.equal(findingsOf(checkCsv(csv(['city', 'year'], rows)), 'category-variant').length, 0, 'category-variant does not read the column');
});

test('a second source that wrote a third of the rows in capitals: mixed case is the way of the rest, and the capitals are reported with their fix', () => {
  const rows = films(400).map(([title, year], i) => [i % 3 === 0 ? title.toUpperCase() : title, year]);
  const findings = findingsOf(checkCsv(csv(['title', 'year'], rows)), rule);
  const shouted = rows.filter(([title]) => title === title.toUpperCase()).length;
  // Those whose words the column writes otherwise elsewhere (a word only ever in capitals may be a name's own way).
  assert.ok(findings.length >= 0.7 * shouted, `${findings.length} of ${shouted} titles in capitals reported`);
  assert.ok(findings.every((f) => f.value === f.value?.toUpperCase()), 'only titles in capitals');
  const row = findings[0].row;
  assert.ok(row !== null, 'a finding on a cell');
  assert.equal(fixText(findings[0]), films(400)[row][0], 'fixed to the title as the column writes it');
});

test('a code written in small letters among codes in capitals is reported, however few its letters; mixed-case identifiers and new prefixes are not', () => {
  const rows = Array.from({ length: 300 }, (_, i) => [`SKU-${100000 + 7 * i}`, `B${10 + (i % 80)}`, `${i % 5 === 0 ? 'aZ' : 'Qx'}${i}k`]);
  const header = ['sku', 'cabin', 'token'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), rule), [], 'clean');
  rows[12][0] = rows[12][0].toLowerCase();
  rows[40][1] = 'b51';
  rows[41][0] = 'abc-100287';
  rows[77][2] = rows[77][2].toLowerCase();
  const findings = findingsOf(checkCsv(csv(header, rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.value]), [[12, 'sku', 'sku-100084'], [40, 'cabin', 'b51']], 'a new prefix ("abc") and a token of mixed-case identifiers are not');
  assert.equal(findings[0].message, '"sku-100084" is written in small letters, unlike 99% of column "sku", which writes its letters in capitals ("SKU-100084").');
  assert.equal(fixText(findings[0]), 'SKU-100084');
});

test('codeCaseOf: a token of letters and digits has the case of its letters; words and numbers are no codes', () => {
  assert.equal(codeCaseOf('SKU-100049'), 'capitals');
  assert.equal(codeCaseOf('a3f0c2'), 'small letters');
  assert.equal(codeCaseOf('aZ3x'), 'mixed case');
  assert.equal(codeCaseOf('12 Elm St'), undefined, 'spaces: not one token');
  assert.equal(codeCaseOf('Kitchen'), undefined, 'no digit');
  assert.equal(codeCaseOf('100049'), undefined, 'no letter');
});

test('prose is its writers\': notes in capitals among notes in sentence case are not reported, nor a sentence that begins with a number', () => {
  const PHRASES = ['One owner.', 'Clean history, garage kept.', 'Needs new tires.', 'Leather interior, navigation.', 'Priced to sell!', 'Tow package.', 'Recent oil change and inspection.', 'Heated seats, sunroof.'];
  const notes = (i: number) => `${PHRASES[i % PHRASES.length]} ${PHRASES[Math.floor(i / PHRASES.length) % PHRASES.length]} Stock ${i}.`;
  const rows = Array.from({ length: 400 }, (_, i) => [notes(i), `${1990 + (i % 30)}`]);
  for (const r of [4, 50, 123, 200, 301, 377]) rows[r][0] = rows[r][0].toUpperCase();
  assert.deepEqual(findingsOf(checkCsv(csv(['notes', 'year'], rows)), rule), [], 'notes in capitals: a writer\'s way');
  const FEATURES = ['Heated seats', 'Third row seats', 'Tow package', 'New tires', 'Garage kept', 'Sunroof and navigation'];
  const features = Array.from({ length: 400 }, (_, i) => [`${FEATURES[i % FEATURES.length]} ${i}`, `${1990 + (i % 30)}`]);
  features[10][0] = '3rd row seats 10';
  features[11][0] = '4 new tires 11';
  features[12][0] = 'tow package 12';
  features[13][0] = 'GARAGE KEPT 13';
  const findings = findingsOf(checkCsv(csv(['features', 'year'], features)), rule);
  assert.deepEqual(findings.map((f) => [f.row, fixText(f)]), [[12, 'Tow package 12'], [13, 'Garage kept 13']], 'no prose: small letters and capitals reported, not a value beginning with a number whose words the column writes so');
});
