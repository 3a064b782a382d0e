/** contained-value: a value that another column's text repeats on nearly every row, missing from it in one row. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';
import { containsToken } from '../../../src/core/quality/contained-texts';

const rule = allRules.filter((r) => r.id === 'contained-value');
const check = (lines: string[]) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode(`${lines.join('\n')}\n`)), { maxFindingsPerRuleAndColumn: 10_000 }, undefined, rule).findings;

const MONTHS = ['January', 'March', 'May', 'July', 'October', 'December'];

/** Films: title, year, release date (which writes the year), rating; `years` overrides some rows' year. */
function films(years: Record<number, number> = {}): string[] {
  const lines = ['title,year,release_date,rating'];
  for (let i = 0; i < 300; i++) {
    const year = 1960 + ((i * 7) % 55);
    lines.push(`Film ${i + 1},${years[i] ?? year},${1 + (i % 28)} ${MONTHS[i % 6]} ${year} (USA),${(3 + (i % 60) / 10).toFixed(1)}`);
  }
  return lines;
}

test('a year that its release date does not hold is reported on the year, pointing at the date', () => {
  assert.deepEqual(check(films()), [], 'a consistent table has no finding');
  const findings = check(films({ 24: 1978, 150: 2001 }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[24, 'year'], [150, 'year']]);
  assert.match(findings[0].message, /^"1978" in column "year" is not in "release_date" \("\d+ \w+ \d{4} \(USA\)"\) of row 25, which holds "year" in 99% of rows \(298 of 300\)\.$/);
  assert.equal(findings[0].related?.[0]?.column, 'release_date');
});

test('a near-constant column is in every text by chance: no finding', () => {
  const lines = ['id,country,actor'];
  for (let i = 0; i < 300; i++) lines.push(`${i},${i === 7 ? 'Belarus' : 'Ukraine'},${i === 7 ? 'Protesters (Russia)' : `Group ${i % 9} (Ukraine)`}`);
  assert.deepEqual(check(lines), []);
});

test('cells that hold each other the other way round agree ("Aldino" beside "Aldino/Aldein")', () => {
  const lines = ['code,name,name_it'];
  // The bilingual name holds the Italian one: 6 rows of 300 (2%), which would break a 98% containment.
  for (let i = 0; i < 300; i++) lines.push(`${i},${i % 50 === 0 ? `Town${i}/Stadt${i}` : `Town${i}`},Town${i}`);
  assert.deepEqual(check(lines), []);
});

test('containsToken: whole words and numbers, not parts of them', () => {
  assert.equal(containsToken('20 october 1979 usa', '1979'), true);
  assert.equal(containsToken('20 october 19790', '1979'), false);
  assert.equal(containsToken('nz public sector', 'public sector'), true);
  assert.equal(containsToken('greenvillemunicipal', 'greenville'), false);
});

test('a row counter written into a label is not compared ("item 41")', () => {
  const lines = ['id,label,score'];
  for (let i = 0; i < 300; i++) lines.push(`${i},item ${i === 40 ? 41 : i},${i % 17}`);
  assert.deepEqual(check(lines), []);
});

test('a dirtier table (a tenth of the years wrong): the years its release date contradicts are reported on the year; dates written without their year on the date', () => {
  // Every 10th film's year has its last two digits swapped or is a century off (1978 → 1987, 1878); every 25th
  // film's date is written without its year ("14 May (USA)"): 86% of the rows hold their year.
  const wrong: Record<number, number> = {};
  for (let i = 5; i < 300; i += 10) {
    const year = 1960 + ((i * 7) % 55);
    const swapped = Number(`${String(year).slice(0, 2)}${String(year)[3]}${String(year)[2]}`);
    wrong[i] = swapped !== year && swapped >= 1960 && swapped <= 2014 ? swapped : year - 100;
  }
  const lines = films(wrong).map((line, k) => (k > 0 && (k - 1) % 25 === 3 ? line.replace(/ \d{4} \(USA\)/, ' (USA)') : line));
  const findings = check(lines);
  assert.deepEqual(findings.filter((f) => f.column === 'year').map((f) => f.row), Object.keys(wrong).map(Number), 'each contradicted year, on the year');
  const yearless = findings.filter((f) => f.column === 'release_date');
  assert.deepEqual(yearless.map((f) => f.row), Array.from({ length: 12 }, (_, k) => 3 + 25 * k), 'each date without its year, on the date: written unlike its column');
  assert.match(yearless[0].message, /^"\d+ \w+ \(USA\)" in column "release_date" does not hold "year" \("\d{4}"\) of row 4, as 86% of its rows do \(\d+ of 300\), and is written unlike the rest of the column\.$/);
  assert.equal(yearless[0].related?.[0]?.column, 'year', 'pointing at the year');
});

test('a text written unlike its column that leaves out the value is the wrong cell ("1960-09-08" among "8 September 1960 (USA)")', () => {
  const lines = ['title,country,release_date'];
  const countries = ['USA', 'UK', 'France', 'Italy', 'Japan'];
  for (let i = 0; i < 300; i++) {
    const [day, year, country] = [1 + (i % 28), 1950 + (i % 60), countries[(i * i + (i >> 3)) % 5]];
    lines.push(`Film ${i},${country},${i % 50 === 7 ? `${year}-03-${String(day).padStart(2, '0')}` : `${day} ${MONTHS[i % 6]} ${year} (${country})`}`);
  }
  const findings = check(lines);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [7, 57, 107, 157, 207, 257].map((r) => [r, 'release_date']), 'the ISO dates, not their rows\' countries');
  assert.equal(findings[0].evidence?.writtenUnlike, true);
});

test('letters and digits part tokens: a name in an email numbered after it, a year after its prefix', () => {
  assert.ok(containsToken('linda.mensah2@acme-corp.com', 'mensah'));
  assert.ok(containsToken('fy2021 budget', '2021'));
  assert.ok(!containsToken('mensahs@acme-corp.com', 'mensah'), 'inside a longer word');
  assert.ok(!containsToken('20215', '2021'), 'inside a longer number');
});

/** Staff: first and last names, an email made of them (numbered where names repeat); `emails` overrides some rows' email. */
function staff(emails: Record<number, string> = {}): string[] {
  const first = ['Mary', 'John', 'Linda', 'Wei', 'Priya', 'Mateo', 'Olga', 'Kwame', 'Sarah', 'David', 'Yuki'];
  const last = ['Smith', 'Garcia', 'Mensah', 'Chen', 'Patel', 'Ivanova', 'Sato', 'Brown', 'Lopez'];
  const lines = ['id,first_name,last_name,email'];
  for (let i = 0; i < 400; i++) {
    const [f, l] = [first[i % first.length], last[(i * 5) % last.length]];
    lines.push(`${i},${f},${l},${emails[i] ?? `${f.toLowerCase()}.${l.toLowerCase()}${i % 4 ? i % 7 : ''}@acme-corp.com`}`);
  }
  return lines;
}

test('an email holding neither the first nor the last name of its row (another person\'s) is the wrong cell, not the names', () => {
  assert.deepEqual(check(staff()), [], 'a consistent table has no finding');
  const findings = check(staff({ 20: 'linda.mensah2@acme-corp.com', 91: 'yuki.sato@acme-corp.com' }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[20, 'email'], [91, 'email']], 'one finding per row, on the email');
  assert.match(findings[0].message, /^"linda\.mensah2@acme-corp\.com" in column "email" holds neither "first_name" \("\w+"\) nor "last_name" \("\w+"\) of row 21, as 99% of its rows or more hold each of them\.$/);
  assert.deepEqual(findings[0].related?.map((r) => r.column), ['first_name', 'last_name']);
  // One name left out of an email that keeps the other: the name is reported, as for one pair.
  const one = check(staff({ 20: 'dave.garcia@acme-corp.com' }));
  assert.deepEqual(one.map((f) => [f.row, f.column]), [[20, 'first_name']], 'David Garcia written "dave.garcia": the one pair broken blames the name, as before');
});

test('names with accents, or of two words, in emails written in ASCII and run together ("Käthe" in "kathe.weber@…", "Wei Ming" in "weiming.chen@…") agree; a misspelt name does not', () => {
  const first = ['Käthe', 'Jörg', 'Wei Ming', 'Małgorzata', 'Zoé', 'John', 'Mary', 'Linda', 'Priya', 'Sarah', 'David'];
  const last = ['Weber', 'Müller', 'Chen', 'Kowalczyk', 'Dubois', 'Smith', 'Garcia'];
  const ascii = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace('ł', 'l').replaceAll(' ', '').toLowerCase();
  const rows = (typo?: number) => {
    const lines = ['id,first_name,last_name,email'];
    for (let i = 0; i < 400; i++) {
      const [f, l] = [first[i % first.length], last[(i * 3) % last.length]];
      lines.push(`${i},${i === typo ? 'Jorj' : f},${l},${ascii(f)}.${ascii(l)}${i % 4 ? i % 7 : ''}@corvanta.com`);
    }
    return lines;
  };
  assert.deepEqual(check(rows()), [], 'no finding');
  assert.deepEqual(check(rows(12)).map((f) => [f.row, f.column]), [[12, 'first_name']], '"Jorj" for Jörg, whose email says jorg');
});

test("a station's name that leaves out its suburb is the wrong cell where the station's code says another name (a name typed for another station)", () => {
  const suburbs = ['Fairfield', 'Parramatta', 'Hornsby', 'Penrith', 'Engadine', 'Bexley', 'Auburn', 'Blacktown', 'Bankstown', 'Ryde', 'Kogarah', 'Manly', 'Cronulla', 'Epping', 'Liverpool'];
  const brands = ['BP', 'Ampol', '7-Eleven', 'Shell'];
  // 61 stations, each reporting about 6 times: its code fixes its name (brand and suburb) and its suburb.
  const lines = (swapped?: number) => ['report,station_code,station_name,suburb', ...Array.from({ length: 360 }, (_, i) => {
    const s = i % 61;
    const own = `${brands[s % 4]} ${suburbs[s % 15]}`;
    const name = swapped === i ? `${brands[(s + 1) % 4]} ${suburbs[(s + 1) % 15]}` : own;
    return `${i},${1000 + s},${name},${suburbs[s % 15]}`;
  })];
  assert.deepEqual(check(lines()), []);
  // Report 125 (station 1003, "Shell Penrith", in Penrith) carries station 1004's name, "BP Engadine": the name is
  // reported, not the suburb.
  const findings = check(lines(125));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[125, 'station_name']]);
  assert.match(findings[0].message, /the row's other values say another "station_name"\.$/);
});
