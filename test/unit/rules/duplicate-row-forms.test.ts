/**
 * duplicate-row on records merged from several sources: a row equal to an earlier one once each cell is read by
 * its form (case, white space, punctuation, accents, a number or a date written otherwise) is a copy, and the
 * cells written otherwise are named.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { formOf } from '../../../src/core/quality/cell-forms';
import { checkCsv, csv, findingsOf } from './check-text';

/** A deterministic pseudo-random integer in 0..n−1 from a row and a salt. */
const pick = (i: number, salt: number, n: number) => ((Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b)) >>> 0) % n;

const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Eva', 'Frank', 'Grace', 'Hugo', 'Iris', 'Jonas', 'Karin', 'Liam', 'Mona', 'Nils'];
const LAST = ['Miller', 'Schmidt', 'Rossi', 'Dubois', 'Novak', 'Jensen', 'García', 'Kowalski', 'Smith', 'Weber'];
const STREETS = ['Main St.', 'Oak Ave.', 'Pine Rd.', 'Elm St.', 'Lake Dr.', 'Hill Rd.', 'Park Ave.'];
const CITIES = [['Springfield', 'IL'], ['Portland', 'OR'], ['Madison', 'WI'], ['Austin', 'TX'], ['Denver', 'CO']];

/** A customer list: 300 customers with name, street, city, state, email, signup date (DD/MM/YYYY) and lifetime value. */
function customers(): string[][] {
  return Array.from({ length: 300 }, (_, i) => {
    const [first, last] = [FIRST[pick(i, 1, FIRST.length)], LAST[pick(i, 2, LAST.length)]];
    const [city, state] = CITIES[pick(i, 3, CITIES.length)];
    const date = `${String(1 + pick(i, 4, 28)).padStart(2, '0')}/${String(1 + pick(i, 5, 12)).padStart(2, '0')}/${2015 + pick(i, 6, 10)}`;
    return [first, last, `${1 + pick(i, 7, 900)} ${STREETS[pick(i, 8, STREETS.length)]}`, city, state, `${first.toLowerCase()}.${i}@mail.com`, date, `${100 + pick(i, 9, 9000)}.${10 + pick(i, 10, 90)}`];
  });
}
const CUSTOMER_HEADER = ['first_name', 'last_name', 'street', 'city', 'state', 'email', 'signup_date', 'lifetime_value'];

const duplicates = (text: string) => findingsOf(checkCsv(text), 'duplicate-row');

/** The customer list with `copy` (a changed copy of row `of`) inserted at row `at`. */
function withCopy(of: number, at: number, change: (row: string[]) => void): string {
  const rows = customers();
  const copy = [...rows[of]];
  change(copy);
  rows.splice(at, 0, copy);
  return csv(CUSTOMER_HEADER, rows);
}

test('a clean customer list has no duplicate row, written otherwise or not', () => {
  assert.deepEqual(duplicates(csv(CUSTOMER_HEADER, customers())), []);
});

test('a customer entered again with the name in capitals: a duplicate naming the cell written otherwise', () => {
  const findings = duplicates(withCopy(40, 200, (row) => (row[1] = row[1].toUpperCase())));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[200, null]]);
  const [f] = findings;
  const last = customers()[40][1];
  assert.equal(f.message, `Row 201 duplicates row 41 written otherwise: "last_name" ("${last.toUpperCase()}" here, "${last}" there).`);
  assert.deepEqual(f.evidence, { otherRow: 41, writtenOtherwise: 'last_name' });
  assert.deepEqual(f.related?.map((r) => r.row), [40]);
  assert.equal(f.fixes?.[0]?.kind, 'delete-row');
});

test('white space, punctuation and accents written otherwise ("12  Main St. " / "12 Main St", "Garcia" / "García")', () => {
  const rows = customers();
  const of = rows.findIndex((r) => r[1] === 'García');
  const findings = duplicates(
    withCopy(of, 250, (row) => {
      row[2] = `${row[2].replace(' ', '  ').replace('.', '')} `;
      row[1] = 'Garcia';
    }),
  );
  assert.deepEqual(findings.map((f) => [f.row, f.evidence?.writtenOtherwise]), [[250, 'last_name, street']]);
  assert.match(findings[0].message, /"street" \("\d+ {2}\w+ \w+ " here, "\d+ \w+ \w+\." there\)/);
});

test('a date written in another format that reads as the same day is the same value', () => {
  const findings = duplicates(
    withCopy(10, 120, (row) => {
      const [day, month, year] = row[6].split('/');
      row[6] = `${year}-${month}-${day}`;
    }),
  );
  assert.deepEqual(findings.map((f) => [f.row, f.evidence?.writtenOtherwise]), [[120, 'signup_date']]);
});

test('a number written otherwise ("1,200" / "1200", "3.0" / "3") is the same number: an exact duplicate', () => {
  const products = Array.from({ length: 200 }, (_, i) => [`SKU-${10_000 + 7 * i}`, `item ${pick(i, 1, 50)}`, `${1000 + pick(i, 2, 8000)}`, `${1 + pick(i, 3, 300)}.00`]);
  const copy = [...products[30]];
  copy[2] = Number(copy[2]).toLocaleString('en-US');
  copy[3] = copy[3].replace('.00', '');
  products.splice(100, 0, copy);
  const findings = duplicates(csv(['sku', 'name', 'stock', 'price'], products));
  assert.deepEqual(findings.map((f) => [f.row, f.message]), [[100, 'Row 101 duplicates row 31.']]);
});

test('a value changed, not only written otherwise, is no duplicate of this kind', () => {
  assert.deepEqual(duplicates(withCopy(40, 200, (row) => (row[1] = row[1] === 'Weber' ? 'Miller' : 'Weber'))), []);
  assert.deepEqual(duplicates(withCopy(40, 200, (row) => (row[7] = `${Number(row[7]) + 1}`))), []);
});

test('formOf: case, accents, white space and punctuation set aside; separators between digits kept', () => {
  assert.equal(formOf(' Lake  Dr. '), formOf('lake dr'));
  assert.equal(formOf('Zürich'), formOf('ZURICH'));
  assert.equal(formOf('Smith,  John'), formOf('Smith, John'));
  assert.notEqual(formOf('1.5'), formOf('15'));
  assert.notEqual(formOf('10-12'), formOf('1012'));
  assert.notEqual(formOf('-'), formOf('?'));
  assert.notEqual(formOf('Lake Dr'), formOf('Lake Rd'));
});
