/** pattern-mismatch: text values whose pattern is rare where one pattern dominates. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { patternOf } from '../../../src/core/quality/value-patterns';
import { mulberry32 } from '../../../src/core/shared/random';

const states = ['MA', 'TX', 'CA', 'NY', 'OH', 'WA', 'FL', 'IL', 'MI', 'GA', 'NC', 'OR'];
const names = ['Mary', 'Mary-Ann', "O'Neil", 'McDonald', 'Jo', 'Bartholomew', 'Anne Marie', 'Zoë', 'Li', 'Émile'];

test('a value is generalized to its shape, form and class', () => {
  assert.deepEqual(patternOf('AB-1234'), { shape: 'a2|-|94', form: 'a-9', class: 'mixed' });
  assert.deepEqual(patternOf('7:10 a.m.'), { shape: '91|:|92| |a1|.|a1|.', form: '9:9 a.a.', class: 'mixed' });
  assert.equal(patternOf('Mary-Ann').class, 'letters');
  assert.equal(patternOf('555-1234').class, 'digits');
  // An English ordinal beginning a word is a word: "2nd Ave" is shaped as "Main St"; digits and letters otherwise mixed are not.
  assert.equal(patternOf('4557 2nd Ave').form, patternOf('3962 Marine Dr').form);
  assert.equal(patternOf('11th St').form, 'a a');
  assert.equal(patternOf('UY2 0TH').form, 'a9 9a', 'a postcode\'s inward part, ending the value, is no ordinal');
  assert.equal(patternOf('12nd').form, '9a', 'not an ordinal: 12 takes "th"');
  assert.equal(patternOf('A12TH').form, 'a9a', 'the digits do not begin a word');
});

test('clean: names, free text, hex ids and codes written one way get no finding', () => {
  const rows = Array.from({ length: 200 }, (_, i) => [
    names[i % names.length],
    `note ${i}: the parcel was left with a neighbour, who signed for it`,
    (0x10000000 + i * 7919).toString(16),
    `AB-${1000 + i}`,
    states[i % states.length],
  ]);
  assert.deepEqual(findingsOf(checkCsv(csv(['name', 'note', 'hex', 'code', 'state'], rows)), 'pattern-mismatch'), []);
});

test('dirty: a number among words, a word among numbers, a code of another form or width', () => {
  const rows = Array.from({ length: 200 }, (_, i) => [names[i % names.length], `555-${1000 + i}`, `AB-${1000 + i}`, states[i % states.length]]);
  rows.push(['1217', 'call me', 'AB1234', 'MO USA'], ['Mary', '5551234', 'AB-12345', 'Bethel']);
  const found = findingsOf(checkCsv(csv(['name', 'phone', 'code', 'state'], rows)), 'pattern-mismatch').sort((a, b) => a.row! - b.row! || a.columnIndex! - b.columnIndex!);
  assert.deepEqual(found.map((f) => [f.row, f.column, f.evidence?.level]), [
    [200, 'name', 'class'],
    [200, 'phone', 'class'],
    [200, 'code', 'shape'],
    [200, 'state', 'form'],
    [201, 'phone', 'shape'],
    [201, 'code', 'shape'],
    [201, 'state', 'shape'],
  ]);
  assert.match(found[0].message, /"1217" in column "name" is digits only, unlike 99% of the column, which is letters only \(like "Mary"\)/);
  // The phone number's digits written without the hyphen: the column's shape, with the hyphen put back.
  assert.match(found[4].message, /"5551234" in column "phone" writes the letters and digits of the column's shape "999-9999" \(99% of its values, like "555-1000"\) with other separators: "555-1234"\?/);
  assert.match(found[5].message, /shaped "AA-99999", unlike 99% of the column, shaped "AA-9999"/);
});

test('edge: one frequent category is no pattern; among a few categories, another shape in many rows is one more category', () => {
  const rows = Array.from({ length: 100 }, () => ['plain note']);
  rows.push(['first line, second line']);
  assert.deepEqual(findingsOf(checkCsv(csv(['note'], rows)), 'pattern-mismatch'), []);
  const countries = Array.from({ length: 300 }, (_, i) => [i % 50 === 1 ? 'usa' : i % 50 === 2 ? 'USA ' : 'USA']);
  countries.push(['Thailand']);
  assert.deepEqual(findingsOf(checkCsv(csv(['country'], countries)), 'pattern-mismatch'), [], '"usa" and "USA " are still one category');
  const sizes = Array.from({ length: 300 }, (_, i) => [['S', 'M', 'L'][i % 3]]);
  for (let i = 0; i < 5; i++) sizes.push(['XL']);
  assert.deepEqual(findingsOf(checkCsv(csv(['size'], sizes)), 'pattern-mismatch'), [], '"XL" in 5 rows');
  const states = Array.from({ length: 300 }, (_, i) => [['OH', 'IN', 'MI', 'KY'][i % 4]]);
  states.push(['Dayton']);
  assert.deepEqual(findingsOf(checkCsv(csv(['state'], states)), 'pattern-mismatch').map((f) => f.value), ['Dayton'], 'a city once among four state codes');
});

test('edge: few values, a column without a dominant pattern, placeholders (left to disguised-missing)', () => {
  assert.deepEqual(findingsOf(checkCsv(csv(['code'], [['AB-1'], ['AB-2'], ['XYZ']])), 'pattern-mismatch'), [], 'under minRows');
  const mixed = Array.from({ length: 100 }, (_, i) => [i % 3 === 0 ? `${i}` : i % 3 === 1 ? `A${i}` : `item ${i}`]);
  assert.deepEqual(findingsOf(checkCsv(csv(['ref'], mixed)), 'pattern-mismatch'), []);
  const rows = Array.from({ length: 100 }, (_, i) => [`555-${1000 + i}`]);
  rows.push(['N/A']);
  assert.deepEqual(findingsOf(checkCsv(csv(['phone'], rows)), 'pattern-mismatch'), []);
});

test('accepting a value makes its pattern one of the column\'s', () => {
  const rows = Array.from({ length: 100 }, (_, i) => [`AB-${1000 + i}`]);
  rows.push(['AB1234'], ['CD5678']);
  const accept = [{ rule: 'pattern-mismatch', column: 'code', value: 'AB1234' }];
  assert.equal(findingsOf(checkCsv(csv(['code'], rows)), 'pattern-mismatch').length, 2);
  assert.deepEqual(findingsOf(checkCsv(csv(['code'], rows), { accept }), 'pattern-mismatch'), []);
});

test('a column may follow a few patterns: ISSNs end in a digit or X, and one written without its hyphen is reported', () => {
  // 30 journals, every tenth with a check character X: "9999-9999" in 90% of the rows, "9999-999X" in 10%.
  const issns = Array.from({ length: 30 }, (_, j) => `${1000 + j * 271}-${j % 10 === 3 ? `${100 + j}X` : 1000 + j * 37}`);
  const rows = Array.from({ length: 600 }, (_, i) => [issns[(i * 7) % 30]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['issn'], rows)), 'pattern-mismatch'), [], 'two shapes of one column are its patterns');
  rows.push(['18137888'], ['1271-1074']);
  const findings = findingsOf(checkCsv(csv(['issn'], rows)), 'pattern-mismatch');
  assert.deepEqual(findings.map((f) => f.value), ['18137888']);
  assert.match(findings[0].message, /writes the letters and digits of the column's shape "9999-9999" \(\d+% of its values, like "[\d-]+"\) with other separators: "1813-7888"\?/);
});

test('numbers whose lengths vary are not shapes to keep: page ranges across 99 → 100 and 999 → 1000', () => {
  const rows = Array.from({ length: 600 }, (_, i) => {
    const first = 10 + ((i * 37) % 1400);
    return [`${first}-${first + 3 + (i % 15)}`];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['pages'], rows)), 'pattern-mismatch'), []);
});

test('several kinds of value side by side are not one pattern with variants', () => {
  // "12", "A12" and "item 12" in a third of the rows each: a rare fourth form is one more kind, not a slip.
  const rows = Array.from({ length: 300 }, (_, i) => [i % 3 === 0 ? `${i}` : i % 3 === 1 ? `A${i}` : `item ${i}`]);
  rows.push(['12-B']);
  assert.deepEqual(findingsOf(checkCsv(csv(['ref'], rows)), 'pattern-mismatch'), []);
});

test('integer codes of one width: a zip code that lost a digit is reported, numbers of varying width are not', () => {
  const zips = Array.from({ length: 40 }, (_, k) => 43200 + k * 613);
  const rows = Array.from({ length: 600 }, (_, i) => [`${i + 1}`, `${zips[(i * 7) % 40]}`, `${20 + ((i * 37) % 300)}`]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'zip', 'amount'], rows)), 'pattern-mismatch'), [], 'ids 1–600 vary in width by nature');
  rows[100][1] = '4983';
  const findings = findingsOf(checkCsv(csv(['id', 'zip', 'amount'], rows)), 'pattern-mismatch');
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.value]), [[100, 'zip', '4983']]);
  assert.match(findings[0].message, /^"4983" in column "zip" has 4 digits, unlike 99% of the column's codes, which have 5 \(like "\d{5}"\)\.$/);
});

test('zip codes written with their zeros: one that lost its zero (as a spreadsheet drops it) is reported', () => {
  const zips = Array.from({ length: 40 }, (_, k) => String(1200 + k * 2377).padStart(5, '0'));
  const rows = Array.from({ length: 600 }, (_, i) => [`${i + 1}`, zips[(i * 7) % 40]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'zip'], rows)), 'pattern-mismatch'), [], 'zip codes of one width');
  rows[103][1] = String(Number(rows[103][1]));
  assert.match(rows[103][1], /^\d{4}$/, 'the planted value lost its zero');
  const findings = findingsOf(checkCsv(csv(['id', 'zip'], rows)), 'pattern-mismatch');
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.value]), [[103, 'zip', rows[103][1]]]);
});

test('codes among words pasted in: the codes\' form is measured among the values not reported as words; a code written "06101.0" is the code', () => {
  const codes = Array.from({ length: 60 }, (_, k) => String(1100 + k * 1613).padStart(5, '0'));
  const rows = Array.from({ length: 1000 }, (_, i) => [`${i + 1}`, codes[(i * 7) % 60]]);
  // 4% of the column holds words (a city pasted in, a unit glued on), each reported as letters among digits,
  // and 1.2% codes written with a thousands separator: 94.7% of the column is written as plain digits.
  for (let i = 0; i < 40; i++) rows[10 + i * 16][1] = i % 2 ? 'Lyon' : `${codes[i]} km`;
  const thousands = Array.from({ length: 12 }, (_, i) => 13 + i * 64);
  for (const r of thousands) rows[r][1] = `${rows[r][1].slice(0, 2)},${rows[r][1].slice(2)}`;
  rows[733][1] = '06101.0';
  const findings = findingsOf(checkCsv(csv(['id', 'county'], rows)), 'pattern-mismatch');
  assert.equal(findings.filter((f) => /[a-z]/.test(f.value ?? '')).length, 40, 'the words are reported');
  assert.deepEqual(
    findings.filter((f) => !/[a-z]/.test(f.value ?? '')).map((f) => f.row),
    thousands,
    'the codes with a thousands separator are reported, "06101.0" (the code 06101) is not',
  );
});

test('a code of another width among codes that are also written in other forms: the width is measured among the codes written as digits', () => {
  const codes = Array.from({ length: 60 }, (_, k) => String(1000 + k * 1409).padStart(5, '0'));
  const rows = Array.from({ length: 1000 }, (_, i) => [`${i + 1}`, codes[(i * 7) % 60]]);
  // 2% written with a thousands separator, 2% with a sign: 96% of the column is digits alone.
  for (let i = 0; i < 20; i++) rows[3 + i * 50][1] = `${rows[3 + i * 50][1].slice(0, 2)},${rows[3 + i * 50][1].slice(2)}`;
  for (let i = 0; i < 20; i++) rows[5 + i * 50][1] = `-${rows[5 + i * 50][1]}`;
  // 1.5% slipped by ×10: six digits where the column's codes have five (94.5% of the column has five).
  const slips = Array.from({ length: 15 }, (_, i) => 7 + i * 60);
  for (const r of slips) rows[r][1] = `${rows[r][1]}0`;
  const findings = findingsOf(checkCsv(csv(['id', 'code'], rows)), 'pattern-mismatch');
  assert.deepEqual(
    findings.filter((f) => /^\d+$/.test(f.value ?? '')).map((f) => f.row),
    slips,
    'each code of six digits is reported',
  );
  assert.equal(findings.length, 55, 'and each code written with a separator or a sign');
});

test('words vary in length: among three-letter codes and names of several words, a one-word name is no code of another width', () => {
  const rows: string[][] = [];
  const add = (value: string, n: number) => {
    for (let i = 0; i < n; i++) rows.push([`${rows.length + 1}`, value]);
  };
  add('USA', 930);
  for (const typo of ['UAS', 'USS', 'UDA']) add(typo, 4);
  for (const name of ['N Mariana Islands', 'Federated States of Micronesia', 'Puerto Rico']) add(name, 15);
  add('Thailand', 3);
  add('Palau', 3);
  const flagged = findingsOf(checkCsv(csv(['id', 'country'], rows)), 'pattern-mismatch').map((f) => f.value);
  assert.ok(!flagged.includes('Thailand') && !flagged.includes('Palau'), `one-word names are not flagged: ${[...new Set(flagged)].join(', ')}`);
});

test('a code that lost the letters every code has ("102589" among "SKU-100000") is reported; digits among hex ids, whose forms vary, are not', () => {
  const rows = Array.from({ length: 300 }, (_, i) => [`SKU-${100000 + i}`, (0x10000000 + i * 7919).toString(16)]);
  rows[40][0] = '100040';
  rows[41][1] = '12345678';
  const found = findingsOf(checkCsv(csv(['sku', 'hex'], rows)), 'pattern-mismatch');
  assert.deepEqual(
    found.map((f) => [f.row, f.column]),
    [[40, 'sku']],
    found.map((f) => f.message).join(' | '),
  );
  assert.equal(found[0].message, '"100040" in column "sku" is shaped "9", unlike 99% of the column, shaped "A-9" (like "SKU-100000").');
});

test('a code written with other separators is reported whatever its share, up to a third of the values, with the column’s way as fix', () => {
  // ISSNs "1234-5678"; every tenth, then every fourth written "12345678" or "1234 5678" (another catalogue's way).
  const issn = (i: number) => [`${1000 + ((i * 37) % 9000)}`, `${1000 + ((i * 7919) % 9000)}`];
  for (const every of [10, 4]) {
    const rows = Array.from({ length: 400 }, (_, i) => {
      const [a, b] = issn(i);
      return [i % every === 1 ? (Math.floor(i / every) % 2 ? `${a}${b}` : `${a} ${b}`) : `${a}-${b}`, ['x', 'y'][i % 2]];
    });
    const found = findingsOf(checkCsv(csv(['issn', 'kind'], rows)), 'pattern-mismatch');
    const written = rows.flatMap(([value], r) => (value.includes('-') ? [] : [r]));
    assert.deepEqual(found.map((f) => f.row), written, `every ${every}th value written another way is found`);
    const [a, b] = issn(written[0]);
    assert.equal(fixText(found[0]), `${a}-${b}`, 'the fix writes the column\'s hyphen');
    assert.equal(found[0].evidence?.separators, true);
  }
  // Written so in 40% of the rows: two ways of one column side by side, neither a slip.
  const split = Array.from({ length: 400 }, (_, i) => {
    const [a, b] = issn(i);
    return [i % 5 < 2 ? `${a}${b}` : `${a}-${b}`];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['issn'], split)), 'pattern-mismatch'), [], 'two to one at least');
});

test('words with other punctuation, and numbers of other lengths, are not codes written another way', () => {
  // Names with and without an apostrophe or hyphen (letters only), and page ranges with and without a hyphen of other digits.
  const surnames = ["O'Neil", 'ONeil', 'Smith-Jones', 'SmithJones', 'Li', 'McDonald', 'Zoë', "D'Arcy", 'Abbott', 'Brown', 'Clark', 'Diaz'];
  const rows = Array.from({ length: 300 }, (_, i) => [surnames[i % surnames.length], i % 9 === 0 ? `${100 + i}` : `${100 + i}-${104 + i}`]);
  assert.deepEqual(findingsOf(checkCsv(csv(['surname', 'pages'], rows)), 'pattern-mismatch'), []);
});

test('numbers and damaged codes are not codes written with other separators', () => {
  // Decimal commas whose integer part grows a digit ("116,6645321" among "49,66065393"), signs and thousands
  // separators added to county codes, and a control character inside a code (encoding damage, not a separator).
  const rows = Array.from({ length: 300 }, (_, i) => [
    i % 12 === 0 ? `1${10 + (i % 89)},${6645321 + i}` : `${10 + (i % 89)},${66065393 + i}`,
    `${27000 + i}`,
    `AB-${1000 + i}`,
  ]);
  rows.push(['50,12345678', '-39025', 'AB-\u00011234'], ['51,12345678', '46,021', 'AB-1235']);
  const found = findingsOf(checkCsv(csv(['revpar', 'county_id', 'code'], rows)), 'pattern-mismatch');
  assert.deepEqual(found.filter((f) => f.evidence?.separators), [], 'no value read as another way of writing a code');
});

test('among numbers written as text with a fraction, "35.0" is compared as written (one decimal among two), not read as a code "35"', () => {
  // Prices kept as text (a word in every fifth row: "call", "sold"…); "35.0" and "20.0" are prices with one decimal.
  const words = ['call', 'sold', 'free', 'ask', 'gone'];
  const rows = Array.from({ length: 300 }, (_, i) => [i === 41 ? '35.0' : i === 91 ? '20.0' : i % 5 === 2 ? words[i % 25 >> 2] ?? 'call' : `${10 + (i % 80)}.${String(10 + (i % 89)).padStart(2, '0')}`]);
  const found = findingsOf(checkCsv(csv(['price'], rows)), 'pattern-mismatch');
  const written = found.find((f) => f.value === '35.0');
  assert.match(written?.message ?? '', /"35\.0" in column "price" is shaped "99\.9", unlike \d+% of the column, shaped "99\.99"/, 'its own shape, not the form of a code "35"');
});

test('codes of one length whose letters and digits mix freely (vehicle numbers): a code that lost or gained a character is reported', () => {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  // 17 characters each, letters and digits at positions that vary from code to code (no shape dominates).
  const next = mulberry32(17);
  const codes = Array.from({ length: 300 }, () => Array.from({ length: 17 }, () => (next() < 0.4 ? letters[Math.floor(next() * letters.length)] : String(Math.floor(next() * 10)))).join(''));
  const vin = (i: number) => codes[i];
  const rows = Array.from({ length: 300 }, (_, i) => [i, vin(i)]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'vin'], rows)), 'pattern-mismatch'), [], 'every code has 17 characters');
  rows[40][1] = vin(40).slice(0, 16);
  rows[90][1] = `${vin(90)}7`;
  const findings = findingsOf(checkCsv(csv(['id', 'vin'], rows)), 'pattern-mismatch');
  assert.deepEqual(findings.map((f) => [f.row, f.value]), [[40, vin(40).slice(0, 16)], [90, `${vin(90)}7`]]);
  assert.match(findings[0].message, /has 16 characters, unlike 99% of the column's codes, which have 17/);
  // Names of one length are no codes: white space, or a length below 4.
  const short = Array.from({ length: 300 }, (_, i) => [i, i === 7 ? 'USA' : ['FR', 'DE', 'ES', 'IT', 'NL', 'BE', 'AT', 'PL', 'SE', 'DK', 'FI', 'PT'][i % 12]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'country'], short)), 'pattern-mismatch').filter((f) => f.evidence?.level === 'length'), []);
});

test('a shape per value of another column (a postcode\'s per country): a value of another shape in its group\'s rows is reported', () => {
  const next = mulberry32(23);
  const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join('');
  const letter = () => 'ABDEFGHJLNPRSTUWXYZ'[Math.floor(next() * 19)];
  const postcode: Record<string, () => string> = {
    DE: () => digits(5),
    FR: () => digits(5),
    NL: () => `${1 + Math.floor(next() * 9)}${digits(3)} ${letter()}${letter()}`,
    GB: () => `${letter()}${letter()}${1 + Math.floor(next() * 9)} ${digits(1)}${letter()}${letter()}`,
    SE: () => `${digits(3)} ${digits(2)}`,
  };
  const countries = Object.keys(postcode);
  const rows = Array.from({ length: 1500 }, (_, i) => [i, countries[i % countries.length], postcode[countries[i % countries.length]]()]);
  assert.deepEqual(findingsOf(checkCsv(csv(['order', 'country', 'postcode'], rows)), 'pattern-mismatch'), [], 'each country writes its own shape');
  // German postcodes whose leading zero a spreadsheet dropped.
  rows[0][2] = '7439';
  rows[5][2] = '1217';
  const findings = findingsOf(checkCsv(csv(['order', 'country', 'postcode'], rows)), 'pattern-mismatch');
  assert.deepEqual(findings.map((f) => [f.row, f.value]), [[0, '7439'], [5, '1217']]);
  assert.match(findings[0].message, /"7439" in column "postcode" is shaped "9999", unlike 99% of its values where "country" is "DE", shaped "99999"/);
});

test('addresses whose street names hold one, two or three words: the number of words is no pattern ("67 Broadway" among "176 High St"); a value without its number is', () => {
  const streets = ['High St', 'Harvard Ave', 'Boylston St', 'Commonwealth Ave Ext', 'Old Colony Rd', 'Main St', 'Beacon St', 'Tremont St', 'Park Dr', 'Elm St', 'Cross St', 'Hanover St'];
  const rows = Array.from({ length: 600 }, (_, i) => [i, `${10 + ((i * 37) % 900)} ${streets[i % streets.length]}`]);
  for (const r of [5, 205, 405]) rows[r][1] = `${r} Broadway`;
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'address'], rows)), 'pattern-mismatch'), []);
  rows[300][1] = 'Broadway';
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'address'], rows)), 'pattern-mismatch').map((f) => f.row), [300]);
});

test('a value an entity always writes so is its own (a dentist\'s licence among physicians\'); a slip in one row of an entity that writes the column\'s shape is found', () => {
  // 400 physicians (licence "MD" and six digits) and 3 dentists ("DDS" and six digits), each in 5 to 15 dispensings.
  const prescribers = Array.from({ length: 403 }, (_, k) => ({ name: `Prescriber ${k}`, licence: `${k < 400 ? 'MD' : 'DDS'}${String(100000 + k * 1979)}` }));
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 4000; i++) {
    const p = prescribers[i % 100 < 1 ? 400 + (i % 3) : (i * 13) % 400];
    rows.push([i, p.name, p.licence]);
  }
  const header = ['rx', 'prescriber', 'licence'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'pattern-mismatch').map((f) => f.value), []);
  const slipRow = rows.findIndex((row) => row[1] === 'Prescriber 5');
  rows[slipRow][2] = String(rows[slipRow][2]).slice(0, -1);
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'pattern-mismatch').map((f) => f.row), [slipRow]);
});

test('a country and its currency swapped in a few rows are no entity\'s own spelling: each is the other column\'s value', () => {
  const places: [string, string][] = ['GB', 'DE', 'FR', 'US', 'SE', 'CH', 'DK', 'PL', 'NL', 'BE', 'AT', 'IT', 'ES', 'PT', 'IE', 'NO', 'FI', 'CZ', 'HU', 'JP', 'CA', 'AU'].map((country) => [country, `${country}X`]);
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const [country, currency] = places[i % 8 === 0 ? 0 : (i * 7) % places.length];
    return [i, (10 + ((i * 37) % 500)).toFixed(2), currency, country];
  });
  // Four British rows: "GBX" in the country column, "GB" in the currency column, each pair in those rows alone.
  const swapped = [104, 1200, 2304, 2904];
  for (const r of swapped) [rows[r][2], rows[r][3]] = [rows[r][3], rows[r][2]];
  const found = findingsOf(checkCsv(csv(['txn', 'amount', 'currency', 'country'], rows)), 'pattern-mismatch').filter((f) => f.column === 'country');
  assert.deepEqual(found.map((f) => f.row), swapped);
});

test('a mark every value writes once (an email\'s "@"): a value without it, with it doubled, or with white space inside is reported; a second dot ("mail.co.uk") is no break', () => {
  const names = ['anna', 'ben.k', 'carla_m', 'dev99', 'eli', 'f.gomez', 'gus', 'hana.l', 'ivo', 'jo'];
  const domains = ['gmail.com', 'yahoo.com', 'outlook.com', 'acme-corp.com', 'mail.co.uk', 'icloud.com'];
  const emails = Array.from({ length: 600 }, (_, i) => `${names[i % names.length]}${i}@${domains[(i * 7) % domains.length]}`);
  emails[40] = 'bob40gmail.com';
  emails[41] = 'carl41@@icloud.com';
  emails[42] = 'dana42 @yahoo.com';
  const findings = findingsOf(checkCsv(csv(['customer', 'email'], emails.map((e, i) => [i, e]))), 'pattern-mismatch');
  assert.deepEqual(findings.map((f) => [f.row, f.value]), [[40, 'bob40gmail.com'], [41, 'carl41@@icloud.com'], [42, 'dana42 @yahoo.com']]);
  assert.match(findings[0].message, /writes "@" not at all, unlike 99% of the column's values, which write it once/);
  // Sites with one dot: "shop.co.uk" writes two apart (its own), "shop..com" one struck twice.
  const plain = (i: number) => names[i % names.length].replace(/[._]/g, '');
  const sites = Array.from({ length: 600 }, (_, i) => [`${plain(i)}${i}.com`, `${i}${plain(i + 3)}.org`, `${plain(i)}-${plain(i + 1)}${i}.net`][i % 3]);
  sites[10] = 'shop10.co.uk';
  sites[11] = 'shop11..com';
  const ofSites = findingsOf(checkCsv(csv(['customer', 'site'], sites.map((e, i) => [i, e]))), 'pattern-mismatch');
  assert.deepEqual(ofSites.map((f) => [f.row, f.value]), [[11, 'shop11..com']]);
  // Brackets enclose a note, they part nothing: an actor without its country in brackets is no break.
  const country = (i: number) => ['Belarus', 'Ukraine', 'Chad', 'Peru'][i % 4];
  const actors = Array.from({ length: 600 }, (_, i) => [`${plain(i)} Militia ${i} (${country(i)})`, `Protesters of ${plain(i)}-${plain(i + 1)} (${country(i)})`, `${i} ${plain(i)} Rioters (${country(i)})`, `Forces ${i} (${country(i)})`][i % 4]);
  actors[7] = 'Donetsk Government 7';
  assert.deepEqual(findingsOf(checkCsv(csv(['event', 'actor'], actors.map((e, i) => [i, e]))), 'pattern-mismatch'), []);
});

test('a pattern one value of another column always writes, and no other (one network\'s event ids, each of its own shape), is that value\'s own; the same ids over every network are not', () => {
  // Four networks numbering events "nn00712026"; a fifth, "us", in its own base-36 style ("us7000a04k"), whose
  // letters and digits fall where they may. Then the same ids in rows of every network: a pattern broken at random.
  const random = mulberry32(9);
  const base36 = () => Array.from({ length: 4 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 36)]).join('');
  const table = (scattered: boolean) => {
    const rows: string[][] = [];
    for (let i = 0; i < 2_000; i++) {
      const net = ['uu', 'nn', 'wy', 'mb'][i % 4];
      const us = i % 50 === 13;
      const id = us ? `us7000${base36()}` : `${net}${String(60_000_000 + i * 7).padStart(8, '0')}`;
      rows.push([id, us && !scattered ? 'us' : net, (1 + random() * 3).toFixed(2)]);
    }
    return checkCsv(csv(['event_id', 'net', 'mag'], rows), { maxFindingsPerRuleAndColumn: 1_000 });
  };
  assert.deepEqual(findingsOf(table(false), 'pattern-mismatch'), []);
  assert.ok(findingsOf(table(true), 'pattern-mismatch').length >= 30, 'ids of the base-36 style in every network\'s rows');
});

test('a pattern whose rows lie where the other rows\' numbers seldom do (an open age group "M75+" exactly where the age is 75 or more) names a state of its own; the pattern elsewhere is still reported', () => {
  const group = (sex: string, age: number) => {
    if (age >= 75) return `${sex}75+`;
    const bands = [[18, 34], [35, 39], [40, 44], [45, 49], [50, 54], [55, 59], [60, 64], [65, 69], [70, 74]];
    const [low, high] = bands.find(([, hi]) => age <= hi)!;
    return `${sex}${low}-${high}`;
  };
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const age = i % 90 === 0 ? 75 + (i % 13) : 18 + ((i * 37) % 56);
    const sex = i % 3 ? 'M' : 'F';
    return [`R${i}`, sex, String(age), group(sex, age)];
  });
  const header = ['runner', 'sex', 'age', 'age_group'];
  const open = rows.filter((row) => row[3].endsWith('+')).length;
  assert.ok(open >= 5 && open < 0.02 * rows.length);
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'pattern-mismatch'), [], 'clean');
  rows[500][3] = 'M75+';
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'pattern-mismatch').map((f) => [f.row, f.value]), [[500, 'M75+']]);
});

test('scores annotated with one word in many values ("6-4 2-1 RET", a retirement) are the column\'s own; a word in one value is still reported', () => {
  const random = mulberry32(11);
  const set = () => {
    const [a, b] = [6, Math.floor(random() * 5)];
    return random() < 0.5 ? `${a}-${b}` : `${b}-${a}`;
  };
  const rows = Array.from({ length: 1000 }, (_, i) => {
    const score = Array.from({ length: 2 + (i % 2) }, set).join(' ');
    // 20 retirements, each a score cut short with "RET"; row 999 a score with a stray word.
    return [`M${i}`, i % 50 === 3 ? `${set()} ${Math.floor(random() * 5)}-${Math.floor(random() * 5)} RET` : i === 999 ? `${set()} ${set()} x2` : score];
  });
  const found = findingsOf(checkCsv(csv(['match_id', 'score'], rows)), 'pattern-mismatch');
  assert.deepEqual(found.map((f) => f.row), [999]);
});

test('a value whose rows leave another column empty, filled nearly everywhere else, names a state (a walkover\'s "W/O" without minutes)', () => {
  const random = mulberry32(12);
  const set = () => `${6}-${Math.floor(random() * 5)}`;
  const rows = (filled: boolean) =>
    Array.from({ length: 1000 }, (_, i) => {
      const walkover = i % 125 === 9;
      return [`M${i}`, walkover ? 'W/O' : `${set()} ${set()}`, walkover && !filled ? '' : String(60 + ((i * 37) % 120))];
    });
  assert.deepEqual(findingsOf(checkCsv(csv(['match_id', 'score', 'minutes'], rows(false))), 'pattern-mismatch'), []);
  // The same eight "W/O" beside minutes played: nothing sets them apart, each is reported.
  assert.equal(findingsOf(checkCsv(csv(['match_id', 'score', 'minutes'], rows(true))), 'pattern-mismatch').length, 8);
});
