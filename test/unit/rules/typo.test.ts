/** typo: rare values one or two edits from a frequent value of their column. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { editDistance, NearWordIndex } from '../../../src/core/quality/edit-distance';
import { alphabetOf, maxTypoDistance, spelledApart } from '../../../src/core/quality/rules/typo';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';
import { hasControlCharacters } from '../../../src/core/quality/text-damage';
import { mulberry32 } from '../../../src/core/shared/random';

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

/**
 * Zip codes placed by latitude and longitude in clusters, one county per cluster: short county names among many
 * (one edit is too likely by chance for a name of four letters) and names of five letters. `extra` adds rows
 * [county, cluster they lie in]. A column of many rare town names keeps the county vocabulary from looking closed.
 */
function zipcodes(extra: [string, number][]): string {
  const counties = ['Lake', 'Polk', 'Cook', 'Kent', 'Pike', 'Clay', 'Knox', 'Hall', 'Bell', 'Ware', 'Iron', 'Ohio', 'Ross', 'Wood', 'Adams', 'Boone', 'Floyd', 'Grant', 'Logan', 'Perry', 'Allen', 'Union'];
  const rows: (string | number)[][] = [];
  const place = (county: string, cluster: number) => {
    const i = rows.length;
    const jitter = (k: number) => (((i * k) % 17) - 8) / 80;
    // Zip codes follow the places too.
    rows.push([10000 + cluster * 50 + (i % 23), (30 + cluster * 0.9 + jitter(5)).toFixed(4), (-100 + cluster * 0.7 + jitter(11)).toFixed(4), county]);
  };
  counties.forEach((county, k) => {
    for (let j = 0; j < 10; j++) place(county, k);
  });
  for (const [county, cluster] of extra) place(county, cluster);
  // Rare counties far from any frequent name: an open vocabulary.
  ['Yellowstone', 'Quachita', 'Zavala', 'Menominee', 'Tuscarawas', 'Oglethorpe', 'Kalamazoo', 'Winnebago'].forEach((county, k) => place(county, 30 + k));
  return csv(['zip', 'latitude', 'longitude', 'county'], rows);
}

test('a row among the rows of a frequent value ties a rare near value to it: a short name one edit off, a name two edits off', () => {
  // "Lgke" is one edit from "Lake" (and a four-letter word is that near one of 22 names by chance 1% of the time);
  // "Abamz" is two edits from "Adams". Each lies among the zip codes of that county.
  const found = findingsOf(checkCsv(zipcodes([['Lgke', 0], ['Abamz', 14]])), 'typo');
  assert.deepEqual(found.map((f) => [f.value, fixText(f)]), [['Lgke', 'Lake'], ['Abamz', 'Adams']]);
  assert.match(found[0].message, /5 of its 5 nearest rows by zip, latitude, longitude hold "Lake"/);
  assert.deepEqual(findingsOf(checkCsv(zipcodes([['Lgke', 5], ['Abamz', 2]])), 'typo'), [], 'among the rows of other counties: a name of its own');
});

test('a two-letter code one edit off is told by its row alone: "VN" among Nevada\'s zip codes is "NV"; a code of its own in its own place, or two edits from its neighbours\', is not', () => {
  const states = ['CA', 'NV', 'AZ', 'OR', 'WA', 'ID', 'UT', 'NM', 'CO', 'MD', 'VA', 'TX'];
  const rows: (string | number)[][] = [];
  const place = (state: string, cluster: number) => {
    const i = rows.length;
    const jitter = (k: number) => (((i * k) % 17) - 8) / 80;
    rows.push([10000 + cluster * 50 + (i % 23), (30 + cluster * 0.9 + jitter(5)).toFixed(4), (-100 + cluster * 0.7 + jitter(11)).toFixed(4), state]);
  };
  const table = (extra: [string, number][]) => {
    rows.length = 0;
    states.forEach((state, k) => {
      for (let j = 0; j < 12; j++) place(state, k);
    });
    for (const [state, cluster] of extra) place(state, cluster);
    return csv(['zip', 'latitude', 'longitude', 'state'], rows);
  };
  // Slips: a transposition, a letter lost, a letter added.
  const found = findingsOf(checkCsv(table([['VN', 1], ['C', 0], ['UTT', 6]])), 'typo');
  assert.deepEqual(found.map((f) => [f.value, fixText(f)]), [['VN', 'NV'], ['C', 'CA'], ['UTT', 'UT']]);
  // "GU" far from every other row (a territory's own zip code), "DC" among Maryland's (two edits from "MD"), "VN" among
  // California's (two edits from "CA", and one from "NV", whose rows are elsewhere): no finding.
  assert.deepEqual(findingsOf(checkCsv(table([['GU', 40], ['DC', 9], ['VN', 0]])), 'typo'), [], 'no tie to a code one edit away');
});

test('a three-letter code one edit off is told by its row: "LX" and "BOLS" in Los Angeles\'s and Boston\'s rows; a code of its own near a frequent one ("JAC" of Jackson, WY beside Jackson, MS\'s "JAN") is not', () => {
  const airports = [['LAX', 'Los Angeles', 'CA'], ['BOS', 'Boston', 'MA'], ['JAN', 'Jackson', 'MS'], ['ORD', 'Chicago', 'IL'], ['DEN', 'Denver', 'CO'], ['SEA', 'Seattle', 'WA'], ['ATL', 'Atlanta', 'GA'], ['PHX', 'Phoenix', 'AZ'], ['MIA', 'Miami', 'FL'], ['DFW', 'Dallas', 'TX']];
  const table = (extra: string[][]) => {
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 200; i++) rows.push([i, ...airports[i % airports.length]]);
    for (const row of extra) rows.push([rows.length, ...row]);
    return csv(['flight', 'origin', 'city', 'state'], rows);
  };
  const found = findingsOf(checkCsv(table([['LX', 'Los Angeles', 'CA'], ['BOLS', 'Boston', 'MA']])), 'typo');
  assert.deepEqual(found.map((f) => [f.value, fixText(f)]), [['LX', 'LAX'], ['BOLS', 'BOS']]);
  // Jackson Hole's code: its city's rows say "JAN", but its state is not Mississippi's.
  assert.deepEqual(findingsOf(checkCsv(table([['JAC', 'Jackson', 'WY']])), 'typo'), [], 'a code of its own, with a state of its own');
  // A slip whose row has a second slip, in its state: still Jackson's code.
  assert.deepEqual(findingsOf(checkCsv(table([['JNA', 'Jackson', 'M']])), 'typo').map((f) => [f.value, fixText(f)]), [['JNA', 'JAN'], ['M', 'MS']], 'a slip with a slip of its state beside it');
});

test('an entity recorded in several rows ties a rare value to what its other rows hold', () => {
  // Products, each named once except one recorded three times; categories an open vocabulary (many rare ones).
  const rows: (string | number)[][] = [];
  const categories = ['Electronics', 'Garden', 'Kitchen', 'Toys', 'Books'];
  for (let i = 0; i < 150; i++) rows.push([`Product ${i}`, categories[i % categories.length], 10 + ((i * 37) % 90)]);
  ['Pottery', 'Jewellery', 'Aquariums', 'Bicycles', 'Luggage', 'Stationery', 'Perfume', 'Tobacco'].forEach((category, i) => rows.push([`Rare ${i}`, category, 20 + i]));
  const typo = (name: string) => [...rows, ['Blender X', 'Kitchen', 48], ['Blender X', 'Kitchen', 49], [name, 'Kitchne', 51]];
  const found = findingsOf(checkCsv(csv(['name', 'category', 'price'], typo('Blender X'))), 'typo');
  assert.deepEqual(found.map((f) => [f.value, fixText(f)]), [['Kitchne', 'Kitchen']]);
  assert.match(found[0].message, /its name goes with "Kitchen" in 2 of 2 other rows/);
  assert.deepEqual(findingsOf(checkCsv(csv(['name', 'category', 'price'], typo('Product 999'))), 'typo'), [], 'a product of its own: nothing ties it');
});

test('a very long value does not hang the check: values over 64 characters are not names', { timeout: 20_000 }, () => {
  // A 3 KB file with a 2,800-character cell once took over a minute and gigabytes in the deletion index.
  const long = 'lorem ipsum dolor sit amet '.repeat(104);
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 20; i++) rows.push([i, i % 2 ? 'alpha' : 'beta']);
  rows.push([20, long]);
  const typoOnly = allRules.filter((r) => r.id === 'typo');
  const report = runQualityCheck(ingestCsvBytes(new TextEncoder().encode(csv(['id', 'kind'], rows))), {}, undefined, typoOnly);
  assert.deepEqual(findingsOf(report, 'typo'), []);
});

test('near words are found by the first seven characters of long words, edits at either end included', () => {
  const index = new NearWordIndex(2);
  ['international business machines', 'general electric company'].forEach((w, i) => index.add(i, w));
  assert.deepEqual(index.near('xnternational business machines', 2), [{ id: 0, distance: 1 }]);
  assert.deepEqual(index.near('ntrnational business machines', 2), [{ id: 0, distance: 2 }]);
  assert.deepEqual(index.near('general electric compayn', 2), [{ id: 1, distance: 1 }]);
  assert.deepEqual(index.near('generla electirc company', 1), [], 'two edits are beyond one');
});

test('rare values other errors explain (case, damage, shifted and merged cells) do not open a closed vocabulary: its typos are still found', () => {
  // Phases of flight and wildlife sizes, the phases also holding what a dirty table does beside its typos:
  // case and space variants, damaged text, sizes shifted in from the next column, two cells merged.
  const phases = ['Approach', 'Climb', 'Take-off run', 'Landing Roll', 'Descent'];
  const sizes = ['Small', 'Medium', 'Large'];
  const rows: string[][] = Array.from({ length: 600 }, (_, i) => [String(i), phases[(i * 7) % 5], sizes[(i * 3) % 3]]);
  const explained = ['APPROACH', ' Climb', 'landing roll', 'Appro\uFFFDch', 'Cl\u000bimb', 'Take-off run\u0002', 'Small', 'Medium', 'Large', 'Approach Medium', 'Climb Small', 'Descent Large'];
  explained.forEach((value, k) => (rows[10 + 13 * k][1] = value));
  const typos = { 300: 'Cljmb', 320: 'Apprach', 340: 'Lading Roll', 360: 'Descnet' } as Record<number, string>;
  for (const [r, value] of Object.entries(typos)) rows[Number(r)][1] = value;
  const findings = findingsOf(checkCsv(csv(['id', 'phase', 'size'], rows)), 'typo').filter((f) => !hasControlCharacters(f.value ?? '') && !(f.value ?? '').includes('\uFFFD'));
  assert.deepEqual(findings.map((f) => [f.row, f.value]), Object.entries(typos).map(([r, v]) => [Number(r), v]));
});

/** Words of ten random letters (seeded): far from each other, as the names of a catalogue are. */
function randomNames(count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () => Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join(''));
}

/** One letter of a word replaced ("x" for the letter at `at`, or "y" where it was an "x"). */
const slip = (word: string, at: number) => word.slice(0, at) + (word[at] === 'x' ? 'y' : 'x') + word.slice(at + 1);

test('a catalogue whose frequent names are never near each other is closed even with many rare names: its slips are typos', () => {
  // 50 distributors in 6 rows each, 40 real distributors seen once, and 20 slips of frequent ones: a third
  // of the rare values are near a frequent one (under half), none of the frequent ones near another.
  const [frequent, rareNames] = [randomNames(50, 7), randomNames(40, 11)];
  const rows: string[][] = [];
  for (const name of frequent) for (let i = 0; i < 6; i++) rows.push([String(rows.length), `${name} pictures`]);
  for (const name of rareNames) rows.push([String(rows.length), `${name} pictures`]);
  const slips = frequent.slice(0, 20).map((name, k) => `${slip(name, k % 10)} pictures`);
  for (const name of slips) rows.push([String(rows.length), name]);
  const found = findingsOf(checkCsv(csv(['id', 'distributor'], rows)), 'typo');
  assert.deepEqual(found.map((f) => f.value).sort(), [...slips].sort());
  assert.match(found[0].message, /20 of the column's 60 rare values are this near a frequent one \(0 of its 50 values held by two rows or more are near a frequent one\)/);
});

test('a column of directors, a few frequent and many with two films, none a keystroke from another: closed, its slips are typos though an eighth of the rare values are slips', () => {
  // 20 directors in 6 rows, 200 in 2 rows, 30 in one; 25 slips of the frequent ones. Measured on the 20 frequent
  // names alone, how often real names lie near each other is too uncertain to call the column closed.
  const [frequent, twice, once] = [randomNames(20, 21), randomNames(200, 23), randomNames(30, 29)];
  const rows: string[][] = [];
  for (const name of frequent) for (let i = 0; i < 6; i++) rows.push([String(rows.length), `${name} smith`]);
  for (const name of twice) for (let i = 0; i < 2; i++) rows.push([String(rows.length), `${name} smith`]);
  for (const name of once) rows.push([String(rows.length), `${name} smith`]);
  const slips = Array.from({ length: 25 }, (_, k) => `${slip(frequent[k % 20], (k + Math.floor(k / 20)) % 10)} smith`);
  for (const name of slips) rows.push([String(rows.length), name]);
  const found = findingsOf(checkCsv(csv(['id', 'director'], rows)), 'typo');
  assert.deepEqual(found.map((f) => f.value).sort(), [...slips].sort());
  assert.match(found[0].message, /\(0 of its 220 values held by two rows or more are near a frequent one\)/);
});

test('where the frequent values are often near each other, a third of rare values near one is what real names do: no typo without a row tie', () => {
  // 25 names, each also frequent one letter apart (Sara and Sarah): half the frequent values have a near one.
  const base = randomNames(25, 7);
  const frequent = [...base, ...base.map((name) => slip(name, 4))];
  const rows: string[][] = [];
  for (const name of frequent) for (let i = 0; i < 6; i++) rows.push([String(rows.length), `${name} pictures`]);
  for (const name of randomNames(40, 11)) rows.push([String(rows.length), `${name} pictures`]);
  for (const name of base.slice(0, 20).map((n, k) => slip(n, k % 4))) rows.push([String(rows.length), `${name} pictures`]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'distributor'], rows)), 'typo').map((f) => f.value), []);
});

test('dates and numbers shifted into a column of words, alone or glued to one of its values, do not open its vocabulary', () => {
  const ratings = ['PG-13', 'Not Rated', 'Approved', 'Passed'];
  const rows: string[][] = Array.from({ length: 400 }, (_, i) => [String(i), ratings[(i * 7) % 4]]);
  const shifted = ['Mar 12 1999', 'Dec 20 1996', 'May 01 2009', 'Dec 31 2008 Passed', 'Approved 86', 'PG-13 113', 'Jul 21 2006 Not Rated', '7.5'];
  shifted.forEach((value, k) => (rows[5 + 11 * k][1] = value));
  const typos: Record<number, string> = { 200: 'Not Ratde', 220: 'Aproved', 240: 'Pased' };
  for (const [r, value] of Object.entries(typos)) rows[Number(r)][1] = value;
  const found = findingsOf(checkCsv(csv(['id', 'rating'], rows)), 'typo');
  assert.deepEqual(found.map((f) => [f.row, f.value]), Object.entries(typos).map(([r, v]) => [Number(r), v]));
});

test('the same slip in many rows of a closed vocabulary is still a typo; a value one edit from a value not twenty times as common is not', () => {
  const ratings: [string, number][] = [['PG-13', 600], ['Not Rated', 150], ['Approved', 120], ['Passed', 90]];
  const rows: string[][] = [];
  for (const [rating, n] of ratings) for (let i = 0; i < n; i++) rows.push([String(rows.length), rating]);
  // Slips seen once close the vocabulary; "G-13" repeats in 8 rows (under 1% of the column, 75 times rarer).
  for (const slip of ['PG-1', 'Not Rate', 'Aproved', 'Pased']) rows.push([String(rows.length), slip]);
  for (let i = 0; i < 8; i++) rows.push([String(rows.length), 'G-13']);
  // "Passe" in 6 rows against 90 "Passed": 15 times rarer, not a repeated slip.
  for (let i = 0; i < 6; i++) rows.push([String(rows.length), 'Passe']);
  const found = findingsOf(checkCsv(csv(['id', 'rating'], rows)), 'typo');
  assert.deepEqual([...new Set(found.map((f) => f.value))].sort(), ['Aproved', 'G-13', 'Not Rate', 'PG-1', 'Pased']);
  assert.equal(found.filter((f) => f.value === 'G-13').length, 8);
  assert.match(found.find((f) => f.value === 'G-13')?.message ?? '', /"G-13" looks like a typo of "PG-13" in column "rating": 8 rows against 600, 1 edit apart/);
  // A slip in three rows — too many for a rare value's bar (each further row asks ten times the rows), too few to be
  // more than rare — is the same slip made again: "Aproved" three times against 120.
  rows.push([String(rows.length), 'Aproved'], [String(rows.length + 1), 'Aproved']);
  const again = findingsOf(checkCsv(csv(['id', 'rating'], rows)), 'typo');
  assert.equal(again.filter((f) => f.value === 'Aproved').length, 3);
});

test('case variants, damaged text and placeholders frequent in a dirty column are not words a slip could be drawn from: one-edit slips of a short word are still typos', () => {
  const levels: [string, number][] = [['None', 760], ['Minor', 80], ['Medium', 40], ['Substantial', 30], ['Destroyed', 10]];
  // What a dirty column also holds, each in enough rows to be frequent.
  const dirt: [string, number][] = [['NONE', 10], ['none', 10], ['None ', 8], [' None', 6], ['N\uFFFDne', 8], ['Non\uFFFD', 6], ['MINOR', 6], ['xxx', 10], ['Not Available', 8], ['n/a', 6], ['-', 6]];
  const rows: string[][] = [];
  for (const [value, n] of [...levels, ...dirt]) for (let i = 0; i < n; i++) rows.push([String(rows.length), value]);
  const slips = ['Nobe', 'Nnoe', 'Noe', 'Nonne', 'Mnior'];
  for (const value of slips) rows.push([String(rows.length), value]);
  const found = findingsOf(checkCsv(csv(['id', 'damage'], rows)), 'typo').filter((f) => !(f.value ?? '').includes('\uFFFD'));
  assert.deepEqual(found.map((f) => f.value).sort(), [...slips].sort(), 'every slip, nothing else');
});

test("a neighbour's values shifted into a column often enough to be frequent there are not words a slip could be drawn from: one-edit slips of four-letter words are still typos", () => {
  // A time of day beside the species struck (birdstrikes): 1% of the rows shifted, so the neighbour's two
  // commonest species are frequent in the time column too, and values merged with a number ("Day 0", "Night 0"):
  // counted as words, eight of them would put a four-letter word's one-edit slips within chance.
  const times: [string, number][] = [['Day', 500], ['Night', 300], ['Dusk', 60], ['Dawn', 50]];
  const species = ['Unknown bird - small', 'Unknown bird - medium', 'Gull', 'Mourning dove', 'Rock pigeon'];
  const rows: string[][] = [];
  for (const [time, n] of times) for (let i = 0; i < n; i++) rows.push([String(rows.length), time, species[(i * 7) % 5]]);
  for (let i = 0; i < 6; i++) rows.push([String(rows.length), 'Unknown bird - small', '']);
  for (let i = 0; i < 6; i++) rows.push([String(rows.length), 'Unknown bird - medium', '']);
  for (let i = 0; i < 5; i++) rows.push([String(rows.length), 'Day 0', 'Gull']);
  for (let i = 0; i < 5; i++) rows.push([String(rows.length), 'Night 0', 'Gull']);
  const slips = ['Dwn', 'Duuk', 'Dawx', 'Vusk'];
  for (const value of slips) rows.push([String(rows.length), value, 'Gull']);
  const found = findingsOf(checkCsv(csv(['id', 'time_of_day', 'species'], rows)), 'typo').filter((f) => f.column === 'time_of_day');
  assert.deepEqual(found.map((f) => f.value).sort(), [...slips].sort(), 'every slip, nothing else');
});

/** 30 frequent first names, and one slip of each of 20 long ones (a vocabulary closed by its slips). */
const FIRST_NAMES = ['james', 'mary', 'john', 'patricia', 'robert', 'jennifer', 'michael', 'linda', 'william', 'elizabeth', 'david', 'barbara', 'richard', 'susan', 'joseph',
  'jessica', 'thomas', 'sarah', 'charles', 'karen', 'chris', 'nancy', 'daniel', 'lisa', 'matthew', 'betty', 'anthony', 'margaret', 'mark', 'sandra'];
const LONG_NAME_SLIPS = ['patrcia', 'jenifer', 'micheal', 'willam', 'elizbeth', 'barbra', 'richrd', 'josph', 'jessca', 'tomas', 'charls', 'danel', 'mathew', 'anthny', 'margret',
  'sandr', 'robrt', 'lnda', 'sarh', 'karn'];

test('in a closed vocabulary, slips of short words beyond their reach are typos too, unless the column has genuine rare values of its own', () => {
  // 30 first names, 60 rows each: slips of the long ones close the vocabulary; "jahn", "ohn", "lsa" and
  // "xark" are one edit from a four- or three-letter name, nearer than a random word's 1% chance allows.
  const shortSlips = ['jahn', 'ohn', 'lsa', 'xark'];
  const table = (genuine: string[]) => {
    const rows: string[][] = [];
    for (const name of FIRST_NAMES) for (let i = 0; i < 60; i++) rows.push([String(rows.length), name]);
    for (const name of [...LONG_NAME_SLIPS, ...shortSlips, ...genuine]) rows.push([String(rows.length), name]);
    return checkCsv(csv(['id', 'f_name'], rows));
  };
  const found = findingsOf(table([]), 'typo');
  assert.deepEqual(
    found.filter((f) => shortSlips.includes(f.value ?? '')).map((f) => [f.value, fixText(f)]),
    [['jahn', 'john'], ['ohn', 'john'], ['lsa', 'lisa'], ['xark', 'mark']],
  );
  assert.equal(found.length, LONG_NAME_SLIPS.length + shortSlips.length, 'every slip, nothing else');
  // Twelve rare names of the column's own, near no frequent name: rare values there are not only slips, and
  // a short word one edit from "john" may be one of them.
  const genuine = ['xiomara', 'quincy', 'bartholomew', 'ignatius', 'wolfgang', 'ottoline', 'zebulon', 'hyacinth', 'percival', 'gwendolyn', 'evander', 'fitzgerald'];
  const withGenuine = findingsOf(table(genuine), 'typo');
  assert.deepEqual(withGenuine.filter((f) => shortSlips.includes(f.value ?? '')).map((f) => f.value), [], 'short slips need a row tie there');
  assert.equal(withGenuine.length, LONG_NAME_SLIPS.length, 'the long slips are still typos');
});

test('a large closed vocabulary repeats its slips: values held by two rows or more that a name holds twenty times are slips, not real names that vouch for nearness', () => {
  // The same 30 first names, 2,000 rows each: every slip is in 2 rows, and each name's slip of its second letter
  // in 30 (a large table makes the same slip again: "jhn", "mry"). Counted as real values, and as the names'
  // neighbours, they made every name look near another, and no short slip was a typo.
  const shortSlips = ['jahn', 'ohn', 'xark', 'lisx'];
  const repeated = FIRST_NAMES.map((name) => name[0] + name.slice(2));
  // Two genuine rare names near no frequent one: the short slips still outnumber what chance would bring near.
  const genuine = ['xiomara', 'quincy'];
  const rows: string[][] = [];
  for (const name of FIRST_NAMES) for (let i = 0; i < 2000; i++) rows.push([String(rows.length), name]);
  for (const name of [...LONG_NAME_SLIPS, ...shortSlips]) for (let i = 0; i < 2; i++) rows.push([String(rows.length), name]);
  for (const name of repeated) for (let i = 0; i < 30; i++) rows.push([String(rows.length), name]);
  for (const name of genuine) rows.push([String(rows.length), name]);
  // Another slip of "john" in 70 rows, one edit from "jhn" too: "jhn" is still "john"'s alone.
  for (let i = 0; i < 70; i++) rows.push([String(rows.length), 'jon']);
  const found = findingsOf(checkCsv(csv(['id', 'f_name'], rows), { maxFindingsPerRuleAndColumn: 10_000 }), 'typo');
  const byValue = new Map(found.map((f) => [f.value ?? '', fixText(f)]));
  assert.deepEqual(
    shortSlips.map((slip) => [slip, byValue.get(slip)]),
    [['jahn', 'john'], ['ohn', 'john'], ['xark', 'mark'], ['lisx', 'lisa']],
  );
  const unfixed = repeated.filter((slip, i) => byValue.get(slip) !== FIRST_NAMES[i]);
  assert.deepEqual(unfixed, [], 'each repeated slip, with its name as the fix');
  assert.equal(byValue.get('jon'), 'john');
  const expected = new Set([...LONG_NAME_SLIPS, ...shortSlips, ...repeated, 'jon']);
  assert.deepEqual([...byValue.keys()].filter((v) => !expected.has(v)), [], 'nothing else');
  assert.deepEqual([...expected].filter((v) => !byValue.has(v)), [], 'every slip');
});

test('a number written with a unit and another number with that unit are other quantities, not spellings apart: "250 mg" is no slip of "20 mg"', () => {
  assert.equal(spelledApart('250 mg', '20 mg'), false);
  assert.equal(spelledApart('4 mg', '40 mg'), false);
  assert.equal(spelledApart('10 MG', '1000 mg'), false);
  assert.equal(spelledApart('PG-1', 'PG-13'), true, 'a code cut short is still a slip');
  assert.equal(spelledApart('mancheter', 'manchester'), true);
  assert.equal(spelledApart('20 mg', '20 ml'), true, 'another unit');
});

test('four-letter codes among thirty, where one edit is within a 1% chance of none: a column whose rare values are nearly all one edit from a code is closed by them', () => {
  // Vehicle makes as parking tickets write them, with skewed counts; twelve tickets of 5,000 carry a slipped code,
  // one a real make seen once ("FERR", near none). Then the same table with twelve real rare codes instead (codes of
  // makes a city sees once or twice, random letters that land one edit from a frequent code no more than chance
  // says): none of those is a typo.
  const makes = ['TOYT', 'HOND', 'FORD', 'CHEV', 'NISS', 'TSLA', 'MERZ', 'BMW', 'HYUN', 'SUBA', 'VOLK', 'KIA', 'MAZD', 'JEEP', 'LEXS', 'AUDI', 'ACUR', 'DODG', 'INFI', 'GMC', 'MINI', 'RAM', 'VOLV', 'CHRY', 'MITS', 'PORS', 'OTHR', 'JAGU', 'LNDR', 'FIAT'];
  const random = mulberry32(5);
  const pick = () => makes[Math.min(makes.length - 1, Math.floor(makes.length * random() ** 2.2))];
  const slips = ['ROYT', 'HODN', 'NERZ', 'CHWV', 'NSIS', 'ADUI', 'HONND', 'TSSLA', 'LESX', 'HYYN', 'GOND', 'MISS'];
  const rows = (rare: string[]) => Array.from({ length: 5_000 }, (_, i) => [`C${900_000 + i}`, i % 400 === 7 ? rare[(i - 7) / 400] : i === 4_321 ? 'FERR' : pick(), (20 + (i % 9) * 15).toFixed(2)]);
  const flagged = (rare: string[]) => findingsOf(checkCsv(csv(['citation', 'make', 'fine'], rows(rare)), { maxFindingsPerRuleAndColumn: 1_000 }), 'typo').map((f) => f.value);
  assert.deepEqual(flagged(slips).sort(), [...slips].sort());
  const genuine = ['XQZW', 'PLUG', 'YUGO', 'SAAB', 'LOTS', 'DAEW', 'ISUZ', 'SMRT', 'GENS', 'BUGT', 'ALFA', 'DELO'];
  assert.deepEqual(flagged(genuine), []);
});

test('a rare value whose rows hold a value of their own in another column (a jacket in XL: its SKU and its name both one letter from the XS\'s) is a thing of its own; a slip in two rows that keep the XS\'s name is still a typo', () => {
  const random = mulberry32(41);
  const products = Array.from({ length: 20 }, (_, k) => ({ sku: `APP-${10400 + k * 7}-${['OLI', 'NAV', 'BLK', 'RED'][k % 4]}${['XS', 'S', 'M', 'L'][k % 4]}`, name: `Quilted Jacket ${k} - ${['Olive', 'Navy', 'Black', 'Red'][k % 4]}, ${['XS', 'S', 'M', 'L'][k % 4]}`, price: (30 + k * 2.5).toFixed(2) }));
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 2000; i++) {
    const p = products[Math.floor(random() * products.length)];
    rows.push([`RMA${i}`, p.sku, p.name, p.price, 1 + Math.floor(random() * 3)]);
  }
  // Two returns of the XL (the XS's SKU and name with "L" for "S", at the XS's price); two rows whose SKU was slipped.
  const xs = products[0];
  rows.push(['RMA-X1', xs.sku.replace(/XS$/, 'XL'), xs.name.replace(/XS$/, 'XL'), xs.price, 1], ['RMA-X2', xs.sku.replace(/XS$/, 'XL'), xs.name.replace(/XS$/, 'XL'), xs.price, 2]);
  const slipped = xs.sku.replace('OLI', 'OIL');
  rows.push(['RMA-S1', slipped, xs.name, xs.price, 1], ['RMA-S2', slipped, xs.name, xs.price, 1]);
  const found = findingsOf(checkCsv(csv(['rma', 'sku', 'product_name', 'unit_price', 'qty'], rows)), 'typo');
  assert.deepEqual(found.map((f) => f.value), [slipped, slipped]);
});
