/** typo: rare values one or two edits from a frequent value of their column. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { editDistance, NearWordIndex } from '../../../src/core/quality/edit-distance';
import { alphabetOf, maxTypoDistance } from '../../../src/core/quality/rules/typo';

/** Rows of a registry: each city repeated, like hospitals repeated once per measure. */
function registry(extra: (string | number)[][] = []): string {
  const cities = [['manchester', 40], ['london', 30], ['birmingham', 25], ['leeds', 20], ['bristol', 15]] as const;
  const rows: (string | number)[][] = [];
  for (const [city, n] of cities) for (let i = 0; i < n; i++) rows.push([rows.length, city, `yes`]);
  return csv(['id', 'city', 'emergency'], [...rows, ...extra]);
}

test('edit distance counts a swap of neighbours as one edit; the deletion index finds every near word', () => {
  assert.equal(editDistance('manchester', 'mancheter'), 1);
  assert.equal(editDistance('london', 'lodnon'), 1);
  assert.equal(editDistance('birmingham', 'birmingxam'), 1);
  assert.equal(editDistance('abc', 'xyz'), 3);
  assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3, 'stops above the bound');
  const index = new NearWordIndex(2);
  ['manchester', 'london', 'leeds'].forEach((w, i) => index.add(i, w));
  assert.deepEqual(index.near('mancehstr', 2).map((n) => n.id), [0]);
  assert.deepEqual(index.near('lees', 1), [{ id: 2, distance: 1 }]);
});

test('short words among many frequent ones are too likely near one by chance to count', () => {
  assert.equal(maxTypoDistance(2, 50), 0, 'state codes');
  assert.equal(maxTypoDistance(10, 500), 2);
  assert.equal(maxTypoDistance(5, 100), 1);
  assert.equal(maxTypoDistance(5, 100, 10), 0, 'codes of five digits among a hundred');
  assert.equal(Math.round(alphabetOf(['male', 'female'])), 26, 'any letter may be mistyped');
  assert.equal(Math.round(alphabetOf(['1234', '5678'])), 10);
});

test('dirty: a rare misspelling of a frequent value is reported with the correction as fix', () => {
  const report = checkCsv(registry([[200, 'mancheter', 'yes'], [201, 'birmingxam', 'yes'], [202, 'lodnon', 'yes']]));
  const found = findingsOf(report, 'typo');
  assert.deepEqual(found.map((f) => [f.value, fixText(f)]), [['mancheter', 'manchester'], ['birmingxam', 'birmingham'], ['lodnon', 'london']]);
  assert.match(found[0].message, /"mancheter" looks like a typo of "manchester" in column "city": 1 row against 40, 1 edit apart/);
  assert.equal(found[0].related?.[0].row, 0, 'points at a row holding the frequent value');
  assert.ok(found[0].acceptable);
});

test('clean: a column of real names, with many rare names near frequent ones, gets no typo finding', () => {
  // Zipf-distributed names where rare real names sit one edit from frequent ones (Abby/Abbey, Jon/John, …).
  const names = ['John', 'Mary', 'James', 'Linda', 'Michael', 'Sarah', 'David', 'Karen', 'Robert', 'Susan', 'William', 'Lisa', 'Thomas', 'Nancy', 'Daniel', 'Laura', 'Matthew', 'Emily', 'Joseph', 'Anna'];
  const rare = ['Jon', 'Marie', 'Jamie', 'Lynda', 'Micheal', 'Sara', 'Davis', 'Karin', 'Roberta', 'Susana', 'Willian', 'Lise', 'Thomasina', 'Nanci', 'Danielle', 'Lauren', 'Mathew', 'Emely', 'Josephine', 'Anne',
    'Abbey', 'Abbie', 'Xavier', 'Yolanda', 'Zachary', 'Quentin', 'Ophelia', 'Percival', 'Ingrid', 'Gustav', 'Beatrix', 'Cornelius', 'Delphine', 'Evander', 'Fiona', 'Horatio', 'Imogen', 'Jasper', 'Kendall', 'Leopold'];
  const rows: (string | number)[][] = [];
  names.forEach((name, k) => {
    for (let i = 0; i < Math.round(200 / (k + 1)); i++) rows.push([rows.length, name]);
  });
  for (const name of rare) rows.push([rows.length, name]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'first_name'], rows)), 'typo').map((f) => f.value), []);
});

test('an open vocabulary needs a dependency: a row whose zip code goes with the frequent city is reported', () => {
  const rows: (string | number)[][] = [];
  // Many cities seen once or twice (an open vocabulary), and one frequent city with its zip code.
  for (let i = 0; i < 120; i++) rows.push([`Town${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}ville`, 10000 + i]);
  for (let i = 0; i < 30; i++) rows.push(['Springfield', 62701]);
  const withZip = csv(['city', 'zip'], [...rows, ['Sprngfield', 62701]]);
  const found = findingsOf(checkCsv(withZip), 'typo');
  assert.deepEqual(found.map((f) => f.value), ['Sprngfield']);
  assert.match(found[0].message, /its zip goes with "Springfield" in 30 rows/);
  const otherZip = csv(['city', 'zip'], [...rows, ['Sprngfield', 99999]]);
  assert.deepEqual(findingsOf(checkCsv(otherZip), 'typo'), [], 'no dependency, open vocabulary: not reported');
});

test('edge: codes differing in digits, case variants and values repeated in several rows are not typos', () => {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 30; i++) rows.push(['AB-1001', 'Manchester']);
  rows.push(['AB-1007', 'MANCHESTER'], ['AB-1001', 'Manchestre'], ['AB-1001', 'Manchestre'], ['AB-1001', 'Manchestre']);
  const found = findingsOf(checkCsv(csv(['code', 'city'], rows)), 'typo');
  assert.deepEqual(found, [], 'another code; a case variant (category-variant); a spelling in 3 rows needs a far more frequent value');
});

test('an accepted value is not reported and does not count as an error of its column', () => {
  const accept = [{ rule: 'typo', column: 'city', value: 'lodnon' }];
  const found = findingsOf(checkCsv(registry([[200, 'mancheter', 'yes'], [202, 'lodnon', 'yes']]), { accept }), 'typo');
  assert.deepEqual(found.map((f) => f.value), ['mancheter']);
});
