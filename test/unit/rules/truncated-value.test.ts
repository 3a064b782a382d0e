/** truncated-value: texts cut short at a field's width. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';

const rule = 'truncated-value';
const TOWNS = ['Livingston', 'Meadow Lake', 'Bay Springs', 'Colorado Springs', 'Thigpen', 'Greenwood', 'Morgantown', 'Fredericksburg', 'Wilmington', 'Harrisonburg', 'Albertville', 'Brownsville', 'Circleville', 'Shelbyville', 'Natchitoches', 'Rhinelander', 'Bellefontaine', 'Poplarville', 'Taylorville', 'Cartersville'];
const KINDS = ['Municipal', 'Regional', 'International', 'County', 'Memorial Field', 'Airpark'];

/** Airports: a name (town and kind), its town and a state; deterministic. */
function airports(n: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const town = TOWNS[(i * 7) % TOWNS.length];
    rows.push([`${i}`, `${town} ${KINDS[(i * 5 + Math.floor(i / 20)) % KINDS.length]}`, town, ['MS', 'TX', 'GA', 'OH'][i % 4]]);
  }
  return rows;
}
const HEADER = ['id', 'name', 'city', 'state'];

/** Cuts the name of every `every`-th row (from `from`) at `width` characters, as a source of fixed-width fields writes it. */
function cutNames(rows: string[][], width: number, every: number, from = 3): Map<number, string> {
  const cut = new Map<number, string>();
  for (let r = from; r < rows.length; r += every) {
    const name = rows[r][1];
    if (name.length <= width) continue;
    rows[r][1] = name.slice(0, width).trimEnd();
    cut.set(r, rows[r][1]);
  }
  return cut;
}

test('names cut at one width inside a word are reported with the width and the word; the clean table gets nothing', () => {
  const rows = airports(800);
  assert.deepEqual(findingsOf(checkCsv(csv(HEADER, rows)), rule), [], 'clean');
  const cut = cutNames(rows, 16, 25);
  const findings = findingsOf(checkCsv(csv(HEADER, rows)), rule);
  const insideWord = [...cut].filter(([, text]) => /\p{L}$/u.test(text) && !/ (Municipal|Regional|International|County|Memorial|Field|Airpark)$/.test(text));
  assert.ok(insideWord.length >= 15, `enough cuts inside a word to test (${insideWord.length})`);
  assert.deepEqual(
    findings.map((f) => f.row),
    insideWord.map(([r]) => r),
    'every value cut inside a word, and nothing else',
  );
  const first = findings[0];
  assert.equal(first.evidence?.width, 16);
  assert.match(first.message, /^"[^"]+" in column "name" looks cut short at 16 characters: "\p{L}+" is no word of the column, which writes "\p{L}+" \(\d+ rows\), and \d+ of its rows hold values that end inside a word at exactly 16 characters/u);
});

test('the fix writes the value in full where the column holds one value beginning so, else the word completed where one completion stands out', () => {
  const rows = airports(800);
  rows[3][1] = 'Natchitoches Int'; // only "Natchitoches International" begins so
  rows[28][1] = 'Harrisonburg Mun'; // only "… Municipal"
  rows[53][1] = 'Thigpen Memorial'; // a whole word: not a cut
  rows[78][1] = 'Wilmington Regio';
  rows[103][1] = 'Albertville Coun';
  rows[128][1] = 'Koyuk Internatio'; // no value begins so: the word is completed
  const findings = findingsOf(checkCsv(csv(HEADER, rows)), rule);
  const byRow = new Map(findings.map((f) => [f.row, fixText(f)]));
  assert.equal(byRow.get(3), 'Natchitoches International');
  assert.equal(byRow.get(28), 'Harrisonburg Municipal');
  assert.equal(byRow.has(53), false, '"Memorial" is a word of the column');
  assert.equal(byRow.get(78), 'Wilmington Regional');
  assert.equal(byRow.get(103), 'Albertville County');
  assert.equal(byRow.get(128), 'Koyuk International');
  assert.deepEqual(findings.find((f) => f.row === 3)?.evidence, { width: 16, word: 'Int', completion: 'International', completionRows: findings.find((f) => f.row === 3)?.evidence?.completionRows, cutRows: 5, fixed: 'Natchitoches International' });
});

test('no finding without a width: odd values at many lengths, words the column writes short, names that begin longer names', () => {
  const check = (rows: string[][]) => findingsOf(checkCsv(csv(HEADER, rows)), rule);
  const odd = airports(800);
  // One cut-looking value per length: no length gathers them.
  odd[5][1] = 'Livingston Munic';
  odd[30][1] = 'Greenwood Regi';
  odd[55][1] = 'Thigpen Internatio';
  odd[80][1] = 'Morgantown Cou';
  assert.deepEqual(check(odd), [], 'one value per length');
  // Streets written short by the column itself ("St", "Ave" are words of it, in many rows).
  const streets = airports(800).map((row, i) => [row[0], `${100 + i} ${['Main', 'Oak', 'Maple', 'Cedar'][i % 4]} ${['St', 'Ave', 'Street', 'Avenue'][(i >> 2) % 4]}`, row[2], row[3]]);
  assert.deepEqual(check(streets), [], 'short forms the column writes');
  // Towns whose names begin others' ("Lincoln" and "Lincolnton"), at every length.
  const towns = ['Lincoln', 'Lincolnton', 'Warren', 'Warrendale', 'Rogers', 'Rogersville', 'Brooks', 'Brooksville', 'Collins', 'Collinsville', 'Crawford', 'Crawfordsville', 'Mill', 'Millbrook'];
  const cities = airports(800).map((row, i) => [row[0], row[1], towns[(i * 3) % towns.length], row[3]]);
  assert.deepEqual(check(cities), [], 'names that begin longer names');
  // Damaged text: the letters after a replaced character are no cut word (encoding-damage reports them).
  const damaged = airports(800);
  ['Albertville', 'Brownsville', 'Circleville', 'Shelbyville', 'Rhinelander', 'Poplarville'].forEach((town, k) => (damaged[5 + 25 * k][1] = `${town} Coun\uFFFDI`));
  assert.deepEqual(check(damaged), [], 'letters after a damaged character');
});

test('an accepted value is not reported', () => {
  const rows = airports(800);
  cutNames(rows, 16, 25);
  const findings = findingsOf(checkCsv(csv(HEADER, rows)), rule);
  const value = findings[0].value!;
  const accepted = findingsOf(checkCsv(csv(HEADER, rows), { accept: [{ rule, column: 'name', value }] }), rule);
  assert.equal(accepted.some((f) => f.value === value), false, 'the accepted value');
  assert.equal(accepted.length, findings.filter((f) => f.value !== value).length, 'the others still');
});

test('a cut to one letter is a cut though another column writes that letter as an initial', () => {
  const towns = ['Livingston', 'Morgantown', 'Wilmington', 'Greensboro', 'Louisville', 'Georgetown', 'Charleston'];
  const kinds = ['Municipal', 'Regional', 'County', 'International'];
  const managers = ['John M. Smith', 'Mary R. Jones', 'Ann C. Lee', 'Bob I. Hart'];
  const rows = Array.from({ length: 700 }, (_, i) => [`${i}`, `${towns[i % towns.length]} ${kinds[Math.floor(i / 7) % kinds.length]}`, managers[i % managers.length]]);
  const cut = new Set<number>();
  for (let r = 5; r < rows.length; r += 20) {
    rows[r][1] = rows[r][1].slice(0, 12);
    cut.add(r);
  }
  const findings = findingsOf(checkCsv(csv(['id', 'name', 'manager'], rows)), rule);
  assert.deepEqual(new Set(findings.map((f) => f.row)), cut, '"Livingston M", "Wilmington C"… beside managers "John M. Smith"');
});

test('codes that end in a short part (a size after a product code) are not cut short', () => {
  // Brand, category, number and (apparel) a size or (electronics, sports) a colour: "URB-APP-6407-L", "LUM-ELC-3906-BL".
  const brands = ['URB', 'LUM', 'NOR', 'SOU', 'BRI', 'FIT', 'BLU', 'WHI', 'SMA', 'MOD'];
  const suffixes: Record<string, string[]> = { APP: ['S', 'M', 'L', 'XL'], ELC: ['BL', 'WH', 'GR'], SPT: ['BL', 'GR'], TOY: [''] };
  const skus = Array.from({ length: 120 }, (_, k) => {
    const category = Object.keys(suffixes)[k % 4];
    const suffix = suffixes[category][Math.floor(k / 4) % suffixes[category].length];
    return `${brands[k % brands.length]}-${category}-${1000 + ((k * 7919) % 9000)}${suffix ? `-${suffix}` : ''}`;
  });
  const rows = Array.from({ length: 1200 }, (_, i) => [skus[(i * 37) % skus.length], i]);
  assert.deepEqual(findingsOf(checkCsv(csv(['sku', 'line'], rows)), 'truncated-value'), []);
});

test('number plates in a format ending in two letters are whole, though plates of another format end in three', () => {
  // A rental fleet across countries: French "LN-984-AD" beside Spanish "9177 ADV" and British "DX74 EHD"; every value
  // of a format has its length, and no longer value has the shape of a French plate's beginning.
  let seed = 7;
  const next = (n: number): number => ((seed = (seed * 48271) % 2147483647), seed % n);
  const letters = (n: number): string => Array.from({ length: n }, () => 'ABCDEFGHJKLMNPRSTVWXYZ'[next(22)]).join('');
  const fleet = Array.from({ length: 600 }, (_, k) =>
    k % 3 === 0 ? `${letters(2)}-${100 + next(900)}-${letters(2)}` : k % 3 === 1 ? `${1000 + next(9000)} ${letters(3)}` : `${letters(2)}${10 + next(90)} ${letters(3)}`,
  );
  const rows = Array.from({ length: 3000 }, (_, i) => [i, fleet[(i * 7919) % fleet.length]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['agreement', 'plate'], rows)), rule), []);
});

test('a short last word written after values of several lengths is a word of the column, not a cut ("Avenue CA" after house numbers of two and three digits)', () => {
  const streets = ['31 STREET', 'QUEENS BOULEVARD', 'CASTLE HILL AVENUE', 'LINDEN BOULEVARD', 'MAIN STREET', 'NOSTRAND AVENUE', 'FORT WASHINGTON AVENUE', 'BEDFORD AVENUE', 'JEROME AVENUE', 'SOUTHERN BOULEVARD', 'SAINT NICHOLAS AVENUE', 'FLATBUSH AVENUE', 'FULTON STREET', 'OCEAN AVENUE', 'KINGS HIGHWAY', 'WEBSTER AVENUE', 'BROADWAY', 'ARTHUR KILL ROAD', 'EAST 4 STREET', 'EASTERN PARKWAY', 'WHITE PLAINS ROAD', 'AMBOY ROAD', 'BAY STREET', 'MOTT STREET'];
  const rows = Array.from({ length: 6000 }, (_, i) => {
    // House numbers of two digits in a fifth of the rows, of three in the rest; "AVENUE CA" in every 200th row.
    const twoDigits = i % 200 === 0 ? i % 1000 === 0 : i % 5 === 0;
    return [`${i}`, `${twoDigits ? (i % 89) + 10 : ((i * 7919) % 900) + 100} ${i % 200 === 0 ? 'AVENUE CA' : streets[(i * 31) % streets.length]}`];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'address'], rows)), rule), [], '"800 AVENUE CA" and "10 AVENUE CA": the word ends values of two lengths');
});

test('a code ending in one letter is no cut where no longer value begins with it ("SPAY-C" for a cat beside "DENT-CLN")', () => {
  const codes = ['EXAM-STD', 'EXAM-STD', 'NAIL', 'VAC-RAB', 'BLD-PNL', 'VAC-DHPP', 'EXAM-EXO', 'XRAY-2V', 'DENT-CLN', 'DENT-EXT', 'SPAY-C', 'SPAY-D', 'NEUT-C', 'NEUT-D', 'HLTH-CERT', 'MCHIP'];
  const rows = Array.from({ length: 1600 }, (_, i) => [`V${1000 + i}`, codes[(i * 7) % codes.length]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['visit', 'procedure_code'], rows)), rule), []);
});

test('a note cut anywhere inside a word, which longer notes of the column go on from, is reported with the note in full; a place name that begins a longer one is not', () => {
  const notes = ['Low miles for the year.', 'Hail damage on roof, priced accordingly.', 'One owner, clean history.', 'New tires and brakes.', 'Financing available for all credit types.'];
  const places = ['Saint Peter', 'Saint Petersburg', 'Mc Graw', 'Mc Grawn', 'La Salle', 'Springfield', 'Fairview', 'Georgetown'];
  const rows = Array.from({ length: 400 }, (_, i) => {
    const note = `${notes[i % 5]} ${notes[(i * 3 + 1) % 5]}`;
    return [i, i === 77 ? 'Hail damage on roof, pri' : note, places[(i * 7) % places.length]];
  });
  const found = findingsOf(checkCsv(csv(['listing', 'notes', 'town'], rows)), 'truncated-value');
  assert.deepEqual(found.map((f) => `${f.row}:${f.column}`), ['77:notes']);
  assert.equal(found[0].evidence?.width, undefined);
  assert.match(found[0].message, /^"Hail damage on roof, pri" in column "notes" looks cut short: "pri" is no word of the column, which writes "priced" \(\d+ rows\), and longer values of the column begin with the whole of it; in full, "Hail damage on roof, priced accordingly\. [^"]+"\.$/);
});
