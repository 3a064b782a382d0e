/** abbreviated-value: a category written as its first letters in a column of words. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';

const rule = 'abbreviated-value';
/** `n` rows of a column cycling through `values`. */
const column = (n: number, values: readonly string[]) => Array.from({ length: n }, (_, i) => [`${i}`, values[i % values.length]]);

test('"M" and "F" among "Male" and "Female" are reported with the word as fix; the words alone get nothing', () => {
  const rows = column(400, ['Male', 'Female']);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'sex'], rows)), rule), [], 'words only');
  for (const r of [10, 30, 50]) rows[r][1] = 'M';
  for (const r of [11, 31]) rows[r][1] = 'f';
  const findings = findingsOf(checkCsv(csv(['id', 'sex'], rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.value, fixText(f)]), [[10, 'M', 'Male'], [11, 'f', 'Female'], [30, 'M', 'Male'], [31, 'f', 'Female'], [50, 'M', 'Male']]);
  assert.equal(findings[0].message, '"M" in column "sex" looks like "Male" written as its first letters: 98% of the column are words, and 197 rows write "Male".');
  assert.deepEqual(findings[0].evidence, { full: 'Male', fullRows: 197, wordShare: 395 / 400 });
});

test('a tenth of the values from a source that writes codes: "Eng" among "English", "Mon" among the days of the week', () => {
  const languages = column(500, ['English', 'English', 'French', 'German', 'Spanish']);
  for (let r = 0; r < 500; r += 10) languages[r][1] = languages[r][1].slice(0, 3);
  const found = findingsOf(checkCsv(csv(['id', 'language'], languages)), rule);
  assert.equal(found.length, 50, 'every code');
  assert.deepEqual([...new Set(found.map((f) => `${f.value}→${fixText(f)}`))], ['Eng→English']);
  const days = column(700, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
  for (let r = 3; r < 700; r += 20) days[r][1] = days[r][1].slice(0, 3);
  assert.deepEqual(new Set(findingsOf(checkCsv(csv(['id', 'day'], days)), rule).map((f) => `${f.value}→${fixText(f)}`)), new Set(['Thu→Thursday', 'Sun→Sunday', 'Fri→Friday', 'Mon→Monday', 'Wed→Wednesday', 'Sat→Saturday', 'Tue→Tuesday']));
});

test('no finding where the value cannot be told from a category of its own or a slip', () => {
  const check = (rows: string[][]) => findingsOf(checkCsv(csv(['id', 'value'], rows)), rule);
  const countries = column(400, ['India', 'Indonesia', 'France', 'Germany']);
  countries[5][1] = 'Ind';
  assert.deepEqual(check(countries), [], '"Ind" begins two words');
  const states = column(400, ['California', 'Nevada', 'Texas', 'Ohio']);
  states[5][1] = 'Ca';
  assert.deepEqual(check(states), [], 'two letters are as often initials');
  const damage = column(400, ['None', 'Minor', 'Medium', 'Substantial']);
  damage[5][1] = 'Non';
  assert.deepEqual(check(damage), [], 'one letter lost is a slip (typo reports it)');
  const half = column(400, ['Male', 'Female', 'M', 'F']);
  assert.deepEqual(check(half), [], 'codes in as many rows as their words: two ways of the column, neither the column\'s');
  const names = Array.from({ length: 400 }, (_, i) => [`${i}`, ['Anna', 'Benjamin', 'Charlotte', 'Daniel', 'Emma', 'Frederick'][i % 6] + (i < 300 ? ` ${i}` : '')]);
  names[7][1] = 'Ann';
  assert.deepEqual(check(names), [], 'a column of names, each rare, is no column of words');
  const sex = column(400, ['Male', 'Female']);
  sex[9][1] = 'M';
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'value'], sex), { accept: [{ rule, column: 'value', value: 'M' }] }), rule), [], 'an accepted code');
});

test('a value of several words written as its initials: "CC" among "Credit Card", "PayPal" and "Bank Transfer"; initials two values share are not told', () => {
  const rows = column(500, ['Credit Card', 'Credit Card', 'PayPal', 'Bank Transfer']);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'payment'], rows)), rule), [], 'words only');
  for (const r of [3, 40]) rows[r][1] = 'CC';
  rows[77][1] = 'bt';
  const findings = findingsOf(checkCsv(csv(['id', 'payment'], rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.value, fixText(f)]), [[3, 'CC', 'Credit Card'], [40, 'CC', 'Credit Card'], [77, 'bt', 'Bank Transfer']]);
  assert.match(findings[0].message, /^"CC" in column "payment" looks like "Credit Card" written as its initials: /);
  const shared = column(500, ['Credit Card', 'Cash Collected', 'PayPal']);
  shared[3][1] = 'CC';
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'payment'], shared)), rule), [], 'the initials of two values');
});

test('a short value whose rows stand apart from the word\'s in another column is a value of its own: "Wood" of carvings beside "Woodcut" of prints', () => {
  // A museum's media: prints in woodcut, etching or lithograph; sculptures in wood, bronze or marble (wood 1 in 10).
  const rows = Array.from({ length: 600 }, (_, i) => {
    const print = i % 2 === 0;
    const medium = print ? ['Woodcut', 'Etching', 'Lithograph', 'Woodcut'][i % 4 === 0 ? 0 : (i >> 1) % 3] : i % 10 === 1 ? 'Wood' : ['Bronze', 'Marble'][(i >> 1) % 2];
    return [`${i}`, print ? 'Print' : 'Sculpture', medium];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'classification', 'medium'], rows)), rule), []);
  // "Wood" written by a source in rows of prints like the woodcuts' is the word written short.
  const short = rows.map((row, i) => (row[2] === 'Wood' ? [row[0], row[1], 'Bronze'] : i % 40 === 0 ? [row[0], 'Print', 'Wood'] : row));
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'classification', 'medium'], short)), rule).map((f) => [f.value, f.evidence?.word ?? fixText(f)]), Array(15).fill(['Wood', 'Woodcut']));
});
