/** category-variant: one category spelled several ways. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { ingestCsvBytes } from '../../../src/core/ingest/index';

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

test('a zip code that lost its leading zero is a variant of the code: "6103" among "06103" (a few codes, 5 rows of it)', () => {
  const zips = ['06103', '02139', '19103', '07302', '10001'];
  const rows = Array.from({ length: 400 }, (_, i) => [`${i}`, zips[i % zips.length]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'zip'], rows)), 'category-variant'), [], 'codes written one way');
  for (const r of [0, 50, 100, 150, 200]) rows[r][1] = '6103';
  rows[301][1] = '2139';
  const findings = findingsOf(checkCsv(csv(['id', 'zip'], rows)), 'category-variant');
  assert.deepEqual(findings.map((f) => [f.row, f.value, f.evidence?.canonical]), [
    [0, '6103', '06103'],
    [50, '6103', '06103'],
    [100, '6103', '06103'],
    [150, '6103', '06103'],
    [200, '6103', '06103'],
    [301, '2139', '02139'],
  ]);
  assert.equal(fixText(findings[0]), '06103');
});

test('in a column of names, a package "query" beside a class "Query" is no variant; a car written with and without a hyphen, an account in title case, are', () => {
  const words = ['Query', 'Scale', 'Axis', 'Legend', 'Filter', 'Layout', 'Encoder', 'Palette'];
  const names = Array.from({ length: 200 }, (_, i) => `Node${i}`);
  words.forEach((w, i) => {
    names[10 * i] = w;
    names[10 * i + 5] = w.toLowerCase();
  });
  names[150] = 'datsun b210';
  names[151] = 'datsun b-210';
  names[160] = 'Breached Bond Penalties';
  names[161] = 'Breached bond penalties';
  const findings = findingsOf(checkCsv(csv(['name'], names.map((n) => [n]))), 'category-variant');
  assert.deepEqual(findings.map((f) => [f.row, f.value]), [[150, 'datsun b210'], [161, 'Breached bond penalties']]);
  // Among categories (values that repeat), a case variant is one even in a tie: the spelling the column's way of
  // writing letters (small letters here) does not write.
  const rows = Array.from({ length: 300 }, (_, i) => [['red', 'green', 'blue'][i % 3]]);
  rows.push(['Teal'], ['teal']);
  assert.deepEqual(findingsOf(checkCsv(csv(['colour'], rows)), 'category-variant').map((f) => f.value), ['Teal']);
});

test('a word written short: "St. Louis" and "St Paul" beside "Saint Louis" and "Saint Paul", "Ft. Collins", "&" for "and"; a code alone is no contraction', () => {
  const cities = ['Saint Louis', 'Saint Paul', 'Fort Collins', 'Denver', 'Johnson and Johnson', 'Le Mans'];
  const rows = Array.from({ length: 300 }, (_, i) => [`Shop ${i}`, cities[i % cities.length]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['shop', 'city'], rows)), 'category-variant'), []);
  const edits: Record<number, string> = { 6: 'St. Louis', 7: 'St Paul', 8: 'Ft. Collins', 10: 'Johnson & Johnson', 11: 'Les Mans', 13: 'Sn Paul' };
  for (const [row, value] of Object.entries(edits)) rows[Number(row)][1] = value;
  const findings = findingsOf(checkCsv(csv(['shop', 'city'], rows)), 'category-variant');
  assert.deepEqual(
    findings.map((f) => [f.row, f.value, f.evidence?.canonical]),
    [[6, 'St. Louis', 'Saint Louis'], [7, 'St Paul', 'Saint Paul'], [8, 'Ft. Collins', 'Fort Collins'], [10, 'Johnson & Johnson', 'Johnson and Johnson']],
    '"Les Mans" is not "Le Mans" written out; "Sn" is not a contraction of "Saint" (its last letter is t)',
  );
  assert.equal(fixText(findings[0]), 'Saint Louis');
  // Codes: "AP" beside "Api-Ip", "KM" beside "KPM": two letters alone are a code of their own.
  const codes = Array.from({ length: 300 }, (_, i) => [`${i}`, ['Api-Ip', 'KPM', 'Lazio'][i % 3]]);
  codes[5][1] = 'AP';
  codes[9][1] = 'KM';
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'flag'], codes)), 'category-variant'), []);
  // Units: "50 mg" is no "50 mcg" written short (a word of three letters is not contracted to two).
  const doses = Array.from({ length: 500 }, (_, i) => [`${i}`, ['50 mg', '50 mg', '50 mcg', '500 mg', '25 mg'][i % 5]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['rx', 'strength'], doses)), 'category-variant'), []);
});

test('a yes/no answer written another way: "TRUE" and "F" among "Y" and "N"; "yes" is left to spelled-out-code; a column of other words is no yes/no column', () => {
  const rows = Array.from({ length: 200 }, (_, i) => [`${i}`, i % 3 ? 'Y' : 'N']);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'member'], rows)), 'category-variant'), []);
  rows[4][1] = 'TRUE';
  rows[9][1] = 'F';
  rows[10][1] = 'yes';
  const findings = findingsOf(checkCsv(csv(['id', 'member'], rows)), 'category-variant');
  assert.deepEqual(findings.map((f) => [f.row, f.value, f.evidence?.canonical]), [[4, 'TRUE', 'Y'], [9, 'F', 'N']]);
  const other = Array.from({ length: 200 }, (_, i) => [`${i}`, ['Y', 'N', 'Maybe'][i % 3]]);
  other[4][1] = 'TRUE';
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'member'], other)), 'category-variant'), [], '"Maybe" is no spelling of true or false');
});

test('a boolean column written "Yes"/"No": "true", "false" and "yes" among them are variants, with the column\'s spelling as fix', () => {
  const rows = Array.from({ length: 3000 }, (_, i) => [`${i}`, i % 3 ? 'Yes' : 'No']);
  const clean = checkCsv(csv(['id', 'emergency'], rows));
  assert.equal(clean.findings.filter((f) => f.rule === 'category-variant').length, 0, 'one spelling per answer');
  const planted = new Map<number, string>([[10, 'true'], [11, 'true'], [1500, 'false'], [2999, 'yes'], [2001, 'TRUE']]);
  for (const [r, text] of planted) rows[r][1] = text;
  const report = checkCsv(csv(['id', 'emergency'], rows));
  const findings = report.findings.filter((f) => f.rule === 'category-variant');
  assert.equal(ingestCsvBytes(new TextEncoder().encode(csv(['id', 'emergency'], rows))).columns[1].kind, 'boolean', 'the column is read as booleans');
  assert.deepEqual(
    findings.map((f) => [f.row, f.value, fixText(f)]).sort((a, b) => Number(a[0]) - Number(b[0])),
    [[10, 'true', 'Yes'], [11, 'true', 'Yes'], [1500, 'false', 'No'], [2001, 'TRUE', 'Yes'], [2999, 'yes', 'Yes']],
    'every variant of the 3,000 rows, read after the even sample showed one',
  );
  assert.match(findings[0].message, /^"true" is a variant of "Yes" in column "emergency" \(\d+ rows spell it that way\)\.$/);
  const excel = Array.from({ length: 200 }, (_, i) => [`${i}`, i % 2 ? 'TRUE' : 'FALSE']);
  assert.equal(checkCsv(csv(['id', 'flag'], excel)).findings.filter((f) => f.rule === 'category-variant').length, 0, 'TRUE/FALSE alone is one way');
});

test('a name written last name first ("Hitchcock, Alfred") beside the column\'s "Alfred Hitchcock" is a variant of it, and the reverse; places with a comma are not', () => {
  const directors = ['Alfred Hitchcock', 'Agnes Varda', 'Akira Kurosawa', 'Billy Wilder', 'Jane Campion'];
  const rows = Array.from({ length: 100 }, (_, i) => {
    const name = directors[i % 5];
    const [first, last] = name.split(' ');
    return [`Film ${i}`, i % 25 === 3 ? `${last}, ${first}` : name, i % 2 === 0 ? 'Portland, OR' : 'Bend, OR'];
  });
  const found = findingsOf(checkCsv(csv(['title', 'director', 'place'], rows)), 'category-variant');
  assert.deepEqual(found.map((f) => [f.row, f.value, fixText(f)]), [3, 28, 53, 78].map((r) => [r, 'Wilder, Billy', '"Billy Wilder"']), 'last name first, with the column\'s order as fix (the cell stays quoted)');
  // The other way round: the column writes "Last, First"; one row writes "First Last".
  const reversed = rows.map(([title, name, place]) => [title, name.includes(',') ? name.split(', ').reverse().join(' ') : `${name.split(' ')[1]}, ${name.split(' ')[0]}`, place]);
  const back = findingsOf(checkCsv(csv(['title', 'director', 'place'], reversed)), 'category-variant');
  assert.deepEqual(back.map((f) => [f.value, fixText(f)]), Array(4).fill(['Billy Wilder', '"Wilder, Billy"']));
});

test('the column\'s order decides, not each name\'s rows: a director written last name first in more of his rows is still reported there', () => {
  const directors = ['Alfred Hitchcock', 'Agnes Varda', 'Akira Kurosawa', 'Billy Wilder', 'Jane Campion', 'Hugh Wilson'];
  const rows: string[][] = [];
  for (let i = 0; i < 50; i++) rows.push([`Film ${i}`, directors[i % 5]]);
  // Hugh Wilson's five films: three from the second catalogue ("Wilson, Hugh"), two from the first.
  for (let i = 0; i < 5; i++) rows.push([`Wilson film ${i}`, i < 3 ? 'Wilson, Hugh' : 'Hugh Wilson']);
  const found = findingsOf(checkCsv(csv(['title', 'director'], rows)), 'category-variant');
  assert.deepEqual(found.map((f) => [f.value, fixText(f)]), Array(3).fill(['Wilson, Hugh', '"Hugh Wilson"']), 'the names of the column are written first name first');
});

test('padding is never the spelling to unify to: where most cells of a category are padded ("Seattle   "), the padded ones are the variants', () => {
  // A source that pads its fields wrote 60% of the rows; the other source wrote the same cities tidy, and "SEATTLE" once.
  const cities = ['Seattle', 'Boston', 'Denver', 'Austin'];
  const rows = Array.from({ length: 100 }, (_, i) => [`${i}`, i % 5 < 3 ? `${cities[i % 4]}   ` : cities[i % 4]]);
  rows[99][1] = 'SEATTLE';
  const findings = findingsOf(checkCsv(csv(['id', 'city'], rows)), 'category-variant');
  assert.equal(findings.length, 61, 'the 60 padded cells and "SEATTLE"');
  assert.ok(findings.every((f) => f.value !== f.value?.trim() || f.value === 'SEATTLE'), 'no tidy cell is reported');
  assert.ok(findings.every((f) => f.evidence?.canonical === cities.find((c) => c.toLowerCase() === f.value?.trim().toLowerCase())), 'each unified to its tidy spelling');
  assert.equal(fixText(findings.find((f) => f.value === 'SEATTLE')), 'Seattle');
});

test('the spelling to unify to is written the column\'s way: "Seattle" in a column of mixed case, though a second source wrote "SEATTLE" in more rows', () => {
  const cities = ['Seattle', 'Boston', 'Denver', 'Austin', 'Portland', 'Chicago'];
  const rows = Array.from({ length: 120 }, (_, i) => [`${i}`, cities[i % 6]]);
  // The second source wrote Seattle's rows mostly: 15 of its 20 in capitals.
  rows.forEach((row, i) => i % 6 === 0 && i < 90 && (row[1] = 'SEATTLE'));
  const findings = findingsOf(checkCsv(csv(['id', 'city'], rows)), 'category-variant');
  assert.deepEqual([...new Set(findings.map((f) => `${f.value} → ${f.evidence?.canonical}`))], ['SEATTLE → Seattle']);
  assert.equal(findings.length, 15, 'every row in capitals, none of the five in mixed case');
});

test('a name in capitals in nearly all of its rows is its own way: "Sap Se" in 2 rows is the variant of "SAP SE" in 40, in a column of mixed case', () => {
  const names = ['Apple Inc.', 'Microsoft Corporation', 'The Boeing Company', 'Siemens AG', 'SAP SE'];
  const rows = Array.from({ length: 200 }, (_, i) => [`${i}`, names[i % names.length]]);
  rows[4][1] = 'Sap Se';
  rows[9][1] = 'Sap Se';
  const findings = findingsOf(checkCsv(csv(['id', 'company'], rows)), 'category-variant');
  assert.deepEqual(findings.map((f) => [f.row, f.value, f.evidence?.canonical]), [[4, 'Sap Se', 'SAP SE'], [9, 'Sap Se', 'SAP SE']]);
});

test('a path written with another mark between its parts is the category: "Home/Kitchen" among "Home > Kitchen"; "1/2" and "1-2" stay two values', () => {
  const paths = ['Home > Kitchen', 'Home > Garden', 'Electronics > Audio', 'Electronics > Accessories', 'Toys > Games'];
  const rows = Array.from({ length: 500 }, (_, i) => [`Item ${i}`, paths[i % paths.length], ['1/2', '1-2', '3/4'][i % 3]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['item', 'category', 'size'], rows)), 'category-variant'), [], 'one mark in every path');
  rows[10][1] = 'Home/Kitchen';
  rows[22][1] = 'Electronics | Audio';
  const findings = findingsOf(checkCsv(csv(['item', 'category', 'size'], rows)), 'category-variant');
  assert.deepEqual(findings.map((f) => [f.row, f.value, f.evidence?.canonical]), [[10, 'Home/Kitchen', 'Home > Kitchen'], [22, 'Electronics | Audio', 'Electronics > Audio']]);
  assert.equal(fixText(findings[0]), 'Home > Kitchen');
});

test('a column naming persons last name first among companies: "Mary Carter" is the variant of "Carter, Mary", as the other persons\' names say', () => {
  const companies = ['Acme Printing Inc.', 'Blue Ridge Consulting', 'Capitol Strategies LLC', 'Delta Media Group', 'Evergreen Catering', 'Granite Data'];
  const persons = ['Carter, Mary', 'Irwin, Mary', 'Carter, Patricia', 'Kim, Robert', 'Diaz, Paul', 'Garcia, Lisa'];
  const rows: string[][] = [];
  for (let i = 0; i < 300; i++) rows.push([`E${i}`, i % 3 === 0 ? persons[i % persons.length] : companies[i % companies.length]]);
  rows[30][1] = 'Mary Carter';
  rows[60][1] = 'Mary Carter';
  const found = findingsOf(checkCsv(csv(['id', 'payee'], rows)), 'category-variant');
  assert.deepEqual(found.map((f) => [f.row, f.value, f.evidence?.canonical]), [30, 60].map((r) => [r, 'Mary Carter', 'Carter, Mary']), 'the companies (most rows) do not make persons first name first');
  // A second source that wrote a fifth of the rows with names last name first, each name also written first name first:
  // the names written both ways are in more rows first name first, so the commas are the variants.
  const directors = ['Alfred Hitchcock', 'Agnes Varda', 'Akira Kurosawa', 'Billy Wilder', 'Jane Campion', 'Hugh Wilson'];
  const films = Array.from({ length: 300 }, (_, i) => {
    const [first, last] = directors[i % 6].split(' ');
    return [`Film ${i}`, i % 5 === 0 ? `${last}, ${first}` : `${first} ${last}`];
  });
  const second = findingsOf(checkCsv(csv(['title', 'director'], films)), 'category-variant');
  assert.equal(second.length, 60);
  assert.ok(second.every((f) => f.value?.includes(',') && !f.evidence?.canonical?.toString().includes(',')), 'last name first is the variant');
});

test('a company\'s name with and without its legal form is one name; two different forms may be two companies', () => {
  const names = ['Golden Gate Florist Corp.', 'Redwood Payroll Inc.', 'Acme Inc.', 'Acme LLC', 'Meridian Polling Co.', 'Sport Limited', 'Sport'];
  const rows = Array.from({ length: 350 }, (_, i) => [`E${i}`, names[i % names.length]]);
  rows[0][1] = 'Golden Gate Florist';
  rows[1][1] = 'Redwood Payroll, Inc.';
  rows[4][1] = 'Meridian Polling Company';
  rows[7][1] = 'Golden Gate Florist Corporation';
  rows[2][1] = 'Acme';
  const found = findingsOf(checkCsv(csv(['id', 'payee'], rows)), 'category-variant');
  assert.deepEqual(
    found.map((f) => [f.row, f.value, f.evidence?.canonical]),
    [
      [0, 'Golden Gate Florist', 'Golden Gate Florist Corp.'],
      [1, 'Redwood Payroll, Inc.', 'Redwood Payroll Inc.'],
      [4, 'Meridian Polling Company', 'Meridian Polling Co.'],
      [7, 'Golden Gate Florist Corporation', 'Golden Gate Florist Corp.'],
    ],
    '"Acme" beside "Acme Inc." and "Acme LLC" names neither; "Sport" beside "Sport Limited" (a word, not a legal form written short) is another value',
  );
  assert.equal(fixText(found[0]), 'Golden Gate Florist Corp.');
});

test('words joined by a hyphen where another value parts them by a space are one category ("Full Time" beside "Full-time")', () => {
  const types = ['Full-time', 'Part-time', 'Contractor', 'Self employed'];
  const rows = Array.from({ length: 200 }, (_, i) => [`E${i}`, types[i % 4]]);
  rows[5][1] = 'Full Time';
  rows[9][1] = 'Self-Employed';
  rows[13][1] = 'Fulltime';
  const found = findingsOf(checkCsv(csv(['id', 'employment_type'], rows)), 'category-variant');
  assert.deepEqual(
    found.map((f) => [f.row, f.value, f.evidence?.canonical]),
    [
      [5, 'Full Time', 'Full-time'],
      [9, 'Self-Employed', 'Self employed'],
      [13, 'Fulltime', 'Full-time'],
    ],
  );
});

test('spellings apart only by accents whose rows stand apart in another column are two names ("Martín" in Spain, "Martin" in France); an accent lost among rows like the others is a variant', () => {
  const countries = ['FR', 'FR', 'US', 'GB', 'DE'];
  const rows: string[][] = [];
  for (let i = 0; i < 400; i++) {
    const country = countries[i % countries.length];
    const city = i % 4 === 0 ? 'Zürich' : i % 4 === 1 ? 'Lyon' : i % 4 === 2 ? 'Boston' : 'Leeds';
    rows.push([`C${i}`, i % 5 === 0 ? 'Martin' : `Name${i % 37}`, country, city]);
  }
  for (const i of [3, 47, 91, 133, 177, 211, 259]) rows[i] = [`C${i}`, 'Martín', 'ES', 'Lyon'];
  rows[8][3] = 'Zurich';
  const findings = findingsOf(checkCsv(csv(['customer', 'last_name', 'country', 'city'], rows)), 'category-variant');
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.value]), [[8, 'city', 'Zurich']]);
});

test('a yes/no column with a stray value of another kind ("opt-out" once) is still a column of answers: "TRUE" among "Y" and "N" is a variant', () => {
  const rows = Array.from({ length: 500 }, (_, i) => [`C${i}`, i % 3 === 0 ? 'N' : 'Y']);
  rows[10][1] = 'TRUE';
  rows[20][1] = 'TRUE';
  rows[30][1] = 'opt-out';
  const findings = findingsOf(checkCsv(csv(['customer', 'consent'], rows)), 'category-variant');
  assert.deepEqual(findings.map((f) => [f.row, f.value, f.evidence?.canonical]), [[10, 'TRUE', 'Y'], [20, 'TRUE', 'Y']]);
});

test('two spellings each with an identifier of its own in another column are two companies, the rarer one in two rows too; a slip holding its company\'s licence is a variant', () => {
  // 40 contractors, each with its licence; "Pascack Construction" (12 rows) and "Pascack Construction LLC" (15 rows) hold two licences.
  const contractors = Array.from({ length: 40 }, (_, k) => [`Contractor ${String.fromCharCode(65 + (k % 26))}${k} Inc.`, `LIC${1000 + k}`]);
  const rows: string[][] = [];
  for (let i = 0; i < 600; i++) rows.push([`P${i}`, ...contractors[i % 40]]);
  for (let i = 0; i < 12; i++) rows.push([`Q${i}`, 'Pascack Construction', 'LIC7001']);
  for (let i = 0; i < 15; i++) rows.push([`R${i}`, 'Pascack Construction LLC', 'LIC7002']);
  const two = findingsOf(checkCsv(csv(['permit', 'contractor', 'licence'], rows)), 'category-variant');
  assert.deepEqual(two, [], 'each spelling holds its own licence in every row, and no other row holds it');
  // The shorter name in three rows holding the company's own licence is a slip of its name: a variant.
  const slips = [...rows.slice(0, 600), ...rows.slice(612), ...[0, 1, 2].map((i) => [`S${i}`, 'Pascack Construction', 'LIC7002'])];
  const found = findingsOf(checkCsv(csv(['permit', 'contractor', 'licence'], slips)), 'category-variant');
  assert.deepEqual(found.map((f) => [f.value, f.evidence?.canonical]), Array(3).fill(['Pascack Construction', 'Pascack Construction LLC']));
  // A company of two rows with a licence of its own beside another of 15 rows is a company too; one row holding a
  // licence no other row holds may be a slip of its own.
  const twoRows = [...rows.slice(0, 600), ...rows.slice(610)];
  assert.deepEqual(findingsOf(checkCsv(csv(['permit', 'contractor', 'licence'], twoRows)), 'category-variant'), [], 'two rows holding a licence no other row holds');
  const oneRow = [...rows.slice(0, 600), ...rows.slice(611)];
  assert.deepEqual(findingsOf(checkCsv(csv(['permit', 'contractor', 'licence'], oneRow)), 'category-variant').map((f) => f.value), ['Pascack Construction']);
});

test('letter grades with signs ("A-", "B+", "B-" beside "A" and "B") are grades of their own; a sign typed on one value of a column that signs none is a variant', () => {
  const grades = ['A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D', 'F'];
  const rows = Array.from({ length: 1000 }, (_, i) => [String(i), grades[(i * 7) % grades.length]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['enrollment', 'grade'], rows)), 'category-variant'), []);
  const sizes = ['Small', 'Medium', 'Large'];
  const sized = Array.from({ length: 600 }, (_, i) => [String(i), i === 77 ? 'Medium-' : sizes[i % 3]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['item', 'size'], sized)), 'category-variant').map((f) => f.row), [77]);
});

test('a staff list whose surnames are written with and without their accents, each way the more common for some names, holds names, not variants; an accent lost one way in a city column still is', () => {
  // (spelling, rows): the accented spelling the more common for some names, the less common for others.
  const names: [string, number][] = [['García', 2], ['Garcia', 4], ['Rodríguez', 6], ['Rodriguez', 2], ['Muñoz', 3], ['Munoz', 1], ['Peña', 1], ['Pena', 3]];
  const others = Array.from({ length: 120 }, (_, i) => [`Name${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, 2] as [string, number]);
  const rows = [...names, ...others].flatMap(([name, n]) => Array.from({ length: n }, () => name)).map((name, i) => [i + 1, name]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'last_name'], rows)), 'category-variant'), []);
  // Accents lost the one way: the plain spelling always the rarer.
  const cities: [string, number][] = [['Zürich', 40], ['Zurich', 2], ['Genève', 30], ['Geneve', 1], ['Neuchâtel', 20], ['Neuchatel', 1], ['Bern', 50]];
  const cityRows = cities.flatMap(([city, n]) => Array.from({ length: n }, () => city)).map((city, i) => [i + 1, city]);
  assert.deepEqual(
    findingsOf(checkCsv(csv(['id', 'city'], cityRows)), 'category-variant').map((f) => f.value).sort(),
    ['Geneve', 'Neuchatel', 'Zurich', 'Zurich'],
  );
});

test('terms in capitals from the sites that type so ("NAUSEA" in every row of two sites) are their habit; "HEADACHE" typed once at another site is a variant', () => {
  const terms = ['Nausea', 'Headache', 'Fatigue', 'Dizziness', 'Back pain', 'Insomnia', 'Rash', 'Cough', 'Constipation', 'Diarrhea'];
  const sites = ['1001', '1002', '1003', '2101', '2102', '3001', '3002', '4001'];
  const capitals = new Set(['2101', '2102']);
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const site = sites[i % sites.length];
    const term = terms[Math.floor(i / sites.length) % terms.length];
    return [`AE${i}`, site, capitals.has(site) ? term.toUpperCase() : term];
  });
  const header = ['event', 'site', 'ae_term'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'category-variant'), [], 'clean');
  const elsewhere = rows.findIndex((row) => row[1] === '1003' && row[2] === 'Headache');
  rows[elsewhere][2] = 'HEADACHE';
  assert.deepEqual(findingsOf(checkCsv(csv(header, rows)), 'category-variant').map((f) => [f.row, f.value, fixText(f)]), [[elsewhere, 'HEADACHE', 'Headache']]);
});
