/** Date formats learned per column: more formats read as dates, day/month swaps and other formats reported with a fix. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { inferColumnType, parseDateTime } from '../../../src/core/ingest/csv/infer';
import { ingestCsvBytes, ingestTextBytes } from '../../../src/core/ingest/index';
import { prepareCsvBytes } from '../../../src/core/ingest/csv/decode';
import { readPreparedCsvInParallel } from '../../../src/core/ingest/csv/parallel';


const days = (n: number, write: (d: Date) => string) => Array.from({ length: n }, (_, i) => write(new Date(Date.UTC(2001, 0, 1 + i * 3, 8 + (i % 10), 5))));
const pad = (n: number) => String(n).padStart(2, '0');

test('timestamps with a non-ISO date and dates with month names are read as such', () => {
  assert.deepEqual(inferColumnType(['2001/02/13 10:40', '2001/02/14 11:40', '2001/02/28 23:05']), { kind: 'timestamp', dateFormat: 'YYYY/MM/DD' });
  assert.deepEqual(inferColumnType(['Dec 31 1955', 'Jan 2 1960', 'May 14 1999']), { kind: 'date', dateFormat: 'MMM D YYYY' });
  assert.deepEqual(inferColumnType(['31 Dec 1955', '2 Jan 1960']), { kind: 'date', dateFormat: 'D MMM YYYY' });
  assert.deepEqual(inferColumnType(['2020-01-01 10:00', '2020-01-02 10:00']), { kind: 'timestamp' }, 'ISO stays ISO');
  assert.equal(parseDateTime('Dec 1 2001 7:10 PM', 'MMM D YYYY'), Date.UTC(2001, 11, 1, 19, 10));
  assert.equal(parseDateTime('13/02/2001 10:40', 'DD/MM/YYYY'), Date.UTC(2001, 1, 13, 10, 40));
  const data = ingestCsvBytes(new TextEncoder().encode(['when', ...days(40, (d) => `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:05`)].join('\n')));
  assert.equal(data.columns[0].kind, 'timestamp');
  assert.equal(data.table.getChild('when')!.get(0), Date.UTC(2001, 0, 1, 8, 5));
});

test('clean: a column in one date format gets no finding', () => {
  const rows = days(40, (d) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`).map((t) => [t]);
  assert.deepEqual(findingsOf(checkCsv(csv(['day'], rows)), 'mixed-date-format'), []);
});

test('dirty: a day/month swap in a column its days over 12 settle is reported, with the swap undone as fix', () => {
  const rows = days(40, (d) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`).map((t) => [t]);
  rows.push(['03/25/2001']);
  const found = findingsOf(checkCsv(csv(['day'], rows)), 'mixed-date-format');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /"03\/25\/2001" has day and month swapped: column "day" is written DD\/MM\/YYYY/);
  assert.equal(fixText(found[0]), '25/03/2001');
  assert.equal(found[0].evidence?.swapped, true);
});

test('dirty: a swapped timestamp and another format in a year-first timestamp column', () => {
  const rows = days(40, (d) => `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:05`).map((t) => [t]);
  rows.push(['2001/22/02 18:49'], ['Feb 27, 2001 15:19'], ['04/03/2001 12:50']);
  const found = findingsOf(checkCsv(csv(['when'], rows)), 'mixed-date-format');
  assert.deepEqual(found.map(fixText), ['2001/02/22 18:49', '"2001/02/27 15:19"', undefined], 'an ambiguous day-first/month-first date gets no fix (a quoted field stays quoted)');
  assert.match(found[1].message, /another date format than column "when" \(YYYY\/MM\/DD\)/);
});

test('dirty: dates with month names in another format are reported with the column\'s format as fix', () => {
  const rows = days(40, (d) => `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}`).map((t) => [t]);
  rows.push(['1955/12/31'], ['May 14, 1999']);
  const found = findingsOf(checkCsv(csv(['released'], rows)), 'mixed-date-format');
  assert.deepEqual(found.map(fixText), ['Dec 31 1955', '"May 14 1999"']);
});

test('spreadsheet dates are read as dates: "5/25/94", "01-01-13" (two-digit years as strptime reads them), "25-May-94", "25-May-1994"', () => {
  assert.deepEqual(inferColumnType(['5/25/94', '12/31/68', '1/2/69']), { kind: 'date', dateFormat: 'MM/DD/YY' });
  assert.deepEqual(inferColumnType(['25/05/94', '31/12/68']), { kind: 'date', dateFormat: 'DD/MM/YY' });
  assert.deepEqual(inferColumnType(['25-May-94', '1-Jan-03']), { kind: 'date', dateFormat: 'D-MMM-YY' });
  assert.deepEqual(inferColumnType(['25-May-1994', '01-Jan-2003']), { kind: 'date', dateFormat: 'D-MMM-YYYY' });
  const data = ingestCsvBytes(new TextEncoder().encode(['born,joined', '5/25/94,25-May-94', '12/31/68,31-Dec-68', '1/2/69,2-Jan-69'].join('\n')));
  const [born, joined] = [data.table.getChild('born')!, data.table.getChild('joined')!];
  assert.deepEqual([0, 1, 2].map((r) => born.get(r)), [Date.UTC(1994, 4, 25), Date.UTC(2068, 11, 31), Date.UTC(1969, 0, 2)], '69–99 are 1969–1999, 00–68 2000–2068');
  assert.deepEqual([0, 1, 2].map((r) => joined.get(r)), [Date.UTC(1994, 4, 25), Date.UTC(2068, 11, 31), Date.UTC(1969, 0, 2)]);
  assert.deepEqual(inferColumnType(['1.2.3', '1.10.2', '2.0.11']), { kind: 'string' }, 'version numbers are no dates');
  assert.deepEqual(inferColumnType(['01-01-13', '31-12-13', '15-06-14']), { kind: 'date', dateFormat: 'DD-MM-YY' }, 'dashes too ("01-01-13", a published hotel table\'s dates)');
  assert.deepEqual(inferColumnType(['12-45-33', '11-74-21', '40-04-21']).kind, 'string', 'codes of that shape that are no dates stay text');
  assert.deepEqual(inferColumnType(['1.2.10', '2.0.11', '3.1.12']).kind, 'string', 'dots with two-digit years are versions');
});

test('dirty: ISO dates among "5/25/94" and "25-May-94" are reported with the fix in the column\'s format', () => {
  const us = days(40, (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}`).map((t) => [t]);
  us.push(['2001-06-30'], ['1950-06-30']);
  const found = findingsOf(checkCsv(csv(['day'], us)), 'mixed-date-format');
  assert.deepEqual(found.map((f) => f.value), ['2001-06-30', '1950-06-30']);
  assert.match(found[0].message, /another date format than column "day" \(MM\/DD\/YY\)/);
  assert.deepEqual(found.map(fixText), ['06/30/01', undefined], 'a year two digits cannot say (1950 would read 2050) gets no fix');
  const oracle = days(40, (d) => `${d.getUTCDate()}-${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]}-${String(d.getUTCFullYear()).slice(2)}`).map((t) => [t]);
  oracle.push(['06/30/2001']);
  assert.deepEqual(findingsOf(checkCsv(csv(['day'], oracle)), 'mixed-date-format').map(fixText), ['30-Jun-01']);
});

/** Films' release dates as catalogues write them: the date, then the country in brackets ("8 September 1960 (USA)"). */
function releases(n: number): string[][] {
  const months = ['January', 'March', 'May', 'July', 'September', 'December'];
  const countries = ['USA', 'UK', 'France', 'Japan'];
  return Array.from({ length: n }, (_, i) => [`${1 + (i % 28)} ${months[i % 6]} ${1950 + ((i * 7) % 60)} (${countries[i % 4]})`]);
}

test('dates inside text (a qualifier in brackets, a weekday before): the column stays text; a date in another format among them is reported, with the column\'s format as fix', () => {
  const clean = releases(200);
  const data = ingestCsvBytes(new TextEncoder().encode(csv(['release_date'], clean)));
  assert.equal(data.columns[0].kind, 'string', 'the qualifier is part of the value');
  assert.deepEqual(findingsOf(checkCsv(csv(['release_date'], clean)), 'mixed-date-format'), [], 'one format: no finding');
  // A tenth of the rows written otherwise (as a second catalogue writes them): more than a rare pattern.
  const dirty = clean.map((row, i) => (i % 10 === 4 ? [i % 20 === 4 ? `${1950 + ((i * 7) % 60)}-09-${String(1 + (i % 28)).padStart(2, '0')}` : `Sep ${1 + (i % 28)}, ${1950 + ((i * 7) % 60)} (USA)`] : row));
  const found = findingsOf(checkCsv(csv(['release_date'], dirty)), 'mixed-date-format');
  assert.deepEqual(found.map((f) => f.row), Array.from({ length: 20 }, (_, k) => 4 + 10 * k), 'each date in another format');
  assert.match(found[0].message, /^"1978-09-05" holds a date written in another format than the dates of column "release_date" \(D MMM YYYY in 90% of its rows, like "1 January 1950 \(USA\)"\)\.$/);
  assert.deepEqual(found.slice(0, 2).map(fixText), ['5 September 1978', '"15 September 1988 (USA)"'], 'written as the column writes its dates (months written out), a qualifier kept');
  // Months of four letters written whole ("June", "July") are whole names, not abbreviations ("Sept").
  const summer = Array.from({ length: 40 }, (_, i) => [`${1 + (i % 28)} ${i % 2 ? 'June' : 'July'} ${1950 + i} (UK)`]);
  summer.push(['1957-06-08']);
  assert.deepEqual(findingsOf(checkCsv(csv(['release_date'], summer)), 'mixed-date-format').map(fixText), ['8 June 1957']);
  const weekdays = Array.from({ length: 60 }, (_, i) => [`${['Monday', 'Wednesday', 'Friday'][i % 3]}, ${['May', 'June'][i % 2]} ${1 + (i % 28)}, 1994`]);
  weekdays.push(['12/06/1994']);
  assert.deepEqual(findingsOf(checkCsv(csv(['day'], weekdays)), 'mixed-date-format').map((f) => f.value), ['12/06/1994'], 'after a weekday');
});

test('timestamps written another way than their column ("T" among spaces, seconds, a zone) are reported; fractions and midnights written as dates are not', () => {
  const stamp = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:17`;
  const rows = days(60, stamp).map((t) => [t]);
  rows.push(['2001-03-05T21:25:34'], ['2001-03-06 21:25'], ['2001-03-07T08:05:00Z'], ['2001-03-08 10:11:12.250'], ['2001-03-09']);
  const found = findingsOf(checkCsv(csv(['reported_at'], rows)), 'mixed-date-format');
  assert.deepEqual(found.map((f) => f.value), ['2001-03-05T21:25:34', '2001-03-06 21:25', '2001-03-07T08:05:00Z'], 'a fraction of seconds, and a date alone, are no other form');
  assert.deepEqual(found.map(fixText), ['2001-03-05 21:25:34', '2001-03-06 21:25:00', undefined], 'a zone is left to the user');
  assert.match(found[0].message, /written another way than the timestamps of column "reported_at" \(\d+% of them like "2001-01-01 08:05:17"\): a "T" between date and time/);
  assert.match(found[2].message, /a "T" between date and time, a zone \(Z\)/);
  assert.equal(found[0].evidence?.columnForm, 'date time with seconds');
});

test('clean: a timestamp column written two ways about equally, or with too few values, gets no form finding', () => {
  const mixed = days(60, (d) => `2001-01-${pad(1 + (d.getUTCDate() % 28))}${d.getUTCDate() % 2 ? 'T' : ' '}10:00:00`).map((t) => [t]);
  assert.deepEqual(findingsOf(checkCsv(csv(['when'], mixed)), 'mixed-date-format'), []);
  const few = days(12, (d) => `2001-01-${pad(d.getUTCDate())} 10:00:00`).map((t) => [t]);
  few.push(['2001-02-01T10:00:00']);
  assert.deepEqual(findingsOf(checkCsv(csv(['when'], few)), 'mixed-date-format'), []);
});

test('JSON Lines and a parallel CSV read list the timestamps written another way as the column\'s variant cells', async () => {
  const stamps = Array.from({ length: 40 }, (_, i) => `2001-01-${pad(1 + (i % 28))} 10:${pad(i)}:00`);
  stamps[7] = '2001-01-08T10:07:00';
  const jsonl = ingestTextBytes(new TextEncoder().encode(stamps.map((t, i) => JSON.stringify({ id: i, at: t })).join('\n')), { path: 'a.jsonl' });
  assert.equal(jsonl.columns[1].kind, 'timestamp');
  assert.deepEqual(jsonl.variantCells, [{ row: 7, column: 1, text: '2001-01-08T10:07:00' }]);
  const rows = Array.from({ length: 6_000 }, (_, i) => `${i},2001-01-${pad(1 + (i % 28))}${i === 4_567 ? 'T' : ' '}10:${pad(i % 60)}:00`);
  const { result } = await readPreparedCsvInParallel(prepareCsvBytes(new TextEncoder().encode(['id,at', ...rows].join('\n'))), { threads: 2, parallelChunkBytes: 4096 });
  assert.deepEqual(result.variantCells, [{ row: 4_567, column: 1, text: `2001-01-${pad(1 + (4_567 % 28))}T10:${pad(4_567 % 60)}:00` }]);
});
