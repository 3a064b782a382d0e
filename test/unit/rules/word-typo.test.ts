/** word-typo: a misspelled word at a place of mostly distinct values where the column draws its words from a few. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';

const rule = 'word-typo';

const FIRST = ['james', 'mary', 'john', 'linda', 'robert', 'susan', 'david', 'karen', 'paul', 'helen'];
const LAST = ['smith', 'jones', 'brown', 'wilson', 'taylor', 'moore', 'clark', 'lewis', 'walker', 'young'];
const DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'comcast.net'];

/** 600 customers with distinct emails; `edit` replaces some emails. */
function customers(edit: Record<number, string> = {}): string {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 600; i++) {
    const email = `${FIRST[i % 10]}.${LAST[Math.floor(i / 10) % 10]}${i}@${DOMAINS[(i * 7) % DOMAINS.length]}`;
    rows.push([i, edit[i] ?? email]);
  }
  return csv(['id', 'email'], rows);
}

test('a slip in an email\'s domain is reported with the domain the column writes, and its fix writes it', () => {
  assert.deepEqual(findingsOf(checkCsv(customers()), rule), [], 'distinct emails at a few domains');
  const found = findingsOf(checkCsv(customers({ 12: 'paul.jones12@yhaoo.com', 40: 'james.lewis40@gmial.com' })), rule);
  assert.deepEqual(
    found.map((f) => [f.row, f.value, f.evidence?.likely]),
    [
      [12, 'paul.jones12@yhaoo.com', 'paul.jones12@yahoo.com'],
      [40, 'james.lewis40@gmial.com', 'james.lewis40@gmail.com'],
    ],
  );
  assert.match(found[0].message, /"yhaoo" in "paul\.jones12@yhaoo\.com" looks like a typo of "yahoo" in column "email": \d+ rows have "yahoo" as their word before the last, 1 has "yhaoo"/);
  assert.equal(fixText(found[1]), 'james.lewis40@gmail.com');
});

test('a rare domain no frequent one is a keystroke from is no slip, nor is an ending too short to tell ("con") where no provider decides it', () => {
  assert.deepEqual(findingsOf(checkCsv(customers({ 5: 'linda.smith5@proton.me', 6: 'mary.smith6@proton.mee' })), rule), []);
  // Providers that write two endings each ("yahoo.com" and "yahoo.net"), but for gmail: the providers decide nothing.
  const rows = Array.from({ length: 600 }, (_, i) => {
    const provider = ['gmail', 'yahoo', 'hotmail', 'outlook'][i % 4];
    return [i, `${FIRST[i % 10]}.${LAST[Math.floor(i / 10) % 10]}${i}@${provider}.${provider === 'gmail' ? 'com' : ['com', 'net', 'com', 'org'][Math.floor(i / 4) % 4]}`];
  });
  rows[6][1] = 'mary.smith6@gmail.con';
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'email'], rows)), rule), []);
});

test('a short ending is told by the provider beside it: "gmail.con", "yahoo.co" where each provider writes one ending', () => {
  const found = findingsOf(checkCsv(customers({ 6: 'mary.smith6@gmail.con', 9: 'karen.smith9@yahoo.co', 11: 'mary.jones11@comcast.ne' })), rule);
  assert.deepEqual(
    found.map((f) => [f.row, f.evidence?.likely]),
    [
      [6, 'mary.smith6@gmail.com'],
      [9, 'karen.smith9@yahoo.com'],
      [11, 'mary.jones11@comcast.net'],
    ],
  );
  assert.match(found[0].message, /^"con" in "mary\.smith6@gmail\.con" looks like a typo of "com" in column "email": \d+ of the \d+ rows with "gmail" beside it have "com" as their last word, 1 has "con", 1 edit apart\.$/);
});

/** 500 addresses "12 Oak Street", street types drawn from eight; `edit` replaces some. */
function addresses(edit: Record<number, string> = {}): string {
  const streets = ['Oak', 'Pine', 'Maple', 'Cedar', 'Elm', 'Lake', 'Hill', 'Park', 'River', 'Church', 'Spring', 'Forest'];
  const types = ['Street', 'Street', 'Street', 'Avenue', 'Avenue', 'Road', 'Drive', 'Lane', 'Boulevard', 'Court'];
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 500; i++) rows.push([i, edit[i] ?? `${100 + i * 7} ${streets[i % streets.length]} ${types[(i * 3) % types.length]}`]);
  return csv(['id', 'address'], rows);
}

test('a street type misspelled in one address, and the same slip made in four, are reported', () => {
  assert.deepEqual(findingsOf(checkCsv(addresses()), rule), [], 'every street type is spelled right');
  const edit: Record<number, string> = { 3: '121 Elm Stret' };
  for (const i of [50, 150, 250, 350]) edit[i] = `${100 + i * 7} Oak Avenu`;
  const found = findingsOf(checkCsv(addresses(edit)), rule);
  assert.deepEqual(
    found.map((f) => [f.row, f.evidence?.likely]),
    [[3, '121 Elm Street'], ...[50, 150, 250, 350].map((i) => [i, `${100 + i * 7} Oak Avenue`])],
  );
});

test('values that repeat are left to the typo rule: "New Yrok" among cities is its finding, not this rule\'s', () => {
  const cities = ['New York', 'Los Angeles', 'San Diego', 'San Jose', 'Las Vegas', 'El Paso'];
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 600; i++) rows.push([i, i === 77 ? 'New Yrok' : cities[i % cities.length]]);
  const report = checkCsv(csv(['id', 'city'], rows));
  assert.deepEqual(findingsOf(report, rule), []);
  assert.deepEqual(findingsOf(report, 'typo').map((f) => f.row), [77], 'the typo rule reports the whole value');
});

test('first names are no closed vocabulary: slips of common names are not reported where real names lie as near', () => {
  // 22 common names in about 80 rows each; beside each a real name a keystroke from it in 5 rows (Michel and
  // Michael): too many rows for its slip. Then as many slips of one row each ("mixhael").
  const common = ['michael', 'jennifer', 'patricia', 'elizabeth', 'barbara', 'richard', 'charles', 'thomas', 'daniel', 'matthew', 'anthony', 'donald', 'steven', 'andrew', 'joshua', 'kenneth', 'deborah', 'rebecca', 'stephanie', 'virginia', 'kathleen', 'pamela'];
  const near = ['michel', 'jenifer', 'patrice', 'elisabeth', 'barbra', 'richards', 'charley', 'tomas', 'danielle', 'mathew', 'antony', 'ronald', 'stephen', 'andrea', 'joshue', 'kennet', 'debora', 'rebeca', 'stefanie', 'virgina', 'kathlene', 'pamella'];
  const names: string[] = [];
  for (let k = 0; k < 5; k++) names.push(...near);
  names.push(...common.map((name) => `${name.slice(0, 2)}x${name.slice(3)}`));
  while (names.length < 2000) names.push(common[names.length % common.length]);
  const rows = names.map((name, i) => [i, `${name} ${LAST[i % LAST.length]} ${i}`]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'customer'], rows)), rule), []);
});
