/** missing-value: cell by cell in a mostly complete column, one finding for a sparse column (issue #9, point 7). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { runQualityCheck, allRules } from '../../../src/core/quality/engine';
import { mulberry32 } from '../../../src/core/shared/random';
import { STOCK_HEADER, stockMovements } from './stock-movements';

const rule = allRules.filter((r) => r.id === 'missing-value' || r.id === 'mostly-empty-column');
const check = (header: string, rows: string[]) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode([header, ...rows].join('\n'))), { maxFindingsPerRuleAndColumn: 10_000 }, undefined, rule);
/** 200 rows: a complete id, and a column with `missing(i)` deciding which cells are empty (or NA). */
const table = (missing: (i: number) => string | undefined) => check('id,value', Array.from({ length: 200 }, (_, i) => `${i},${missing(i) ?? `v${i % 7}`}`));

test('a complete column has no finding', () => {
  assert.equal(table(() => undefined).findings.length, 0);
});

test('a mostly complete column (≥ 95%) gets one finding per missing cell, NA tokens with a fix', () => {
  const report = table((i) => (i === 3 ? 'N/A' : i % 50 === 7 ? '' : undefined));
  const findings = report.findings.filter((f) => f.rule === 'missing-value');
  assert.deepEqual(findings.map((f) => f.row), [3, 7, 57, 107, 157]);
  assert.equal(findings[0].value, 'N/A');
  assert.equal(findings[0].fixes?.[0]?.kind, 'replace');
});

test('a sparse column (40% empty) gets one column finding with the share, not 80 cell findings', () => {
  const report = table((i) => (i % 5 < 2 ? 'NA' : undefined));
  const findings = report.findings.filter((f) => f.rule === 'missing-value');
  assert.equal(findings.length, 1);
  const [sparse] = findings;
  assert.equal(sparse.row, null);
  assert.equal(sparse.column, 'value');
  assert.deepEqual(sparse.evidence, { missing: 80, rows: 200, naTokens: 80 });
  assert.match(sparse.message, /"value" is 40% empty \(80 of 200 values missing, 80 written as NA tokens\)/);
  assert.equal(report.totals['mostly-empty-column'], 0);
});

test('a sparse column that writes its missing values two ways lists its NA tokens one by one, with their fix, but not its empty cells', () => {
  // 40% missing: 20 cells "N/A", 60 empty (a catalogue merged from two sources, one writing "N/A").
  const report = table((i) => (i % 5 < 2 ? (i % 10 === 0 ? 'N/A' : '') : undefined));
  const findings = report.findings.filter((f) => f.rule === 'missing-value');
  const tokenRows = Array.from({ length: 200 }, (_, i) => i).filter((i) => i % 10 === 0);
  assert.equal(tokenRows.length, 20);
  assert.deepEqual(findings.filter((f) => f.row !== null).map((f) => f.row), tokenRows, 'each "N/A" cell, no empty cell');
  assert.equal(findings.filter((f) => f.row === null).length, 1, 'the column finding stays');
  const first = findings.find((f) => f.row === tokenRows[0]);
  assert.equal(first?.message, 'Missing value in "value" written as the NA token "N/A", though the column writes others as 60 empty cells: missing values written 2 ways.');
  assert.deepEqual(first?.evidence, { emptyCells: 60, naTokens: 20, spellings: 2 });
  assert.equal(first?.fixes?.[0]?.kind === 'replace' ? first.fixes[0].newText : undefined, '', 'the fix empties the cell');
});

test('two NA tokens in a sparse column are two ways too; over half empty, the tokens are listed beside mostly-empty-column', () => {
  const twoTokens = table((i) => (i % 5 < 2 ? (i % 5 === 0 ? 'NA' : '-') : undefined));
  assert.equal(twoTokens.findings.filter((f) => f.rule === 'missing-value' && f.row !== null).length, 80, 'all 80 tokens');
  const mostlyEmpty = table((i) => (i < 150 ? (i < 10 ? 'null' : '') : undefined));
  assert.deepEqual(mostlyEmpty.findings.filter((f) => f.rule === 'missing-value').map((f) => f.row), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(mostlyEmpty.totals['mostly-empty-column'], 1);
});

test('the boundary: 10 of 200 missing (95% complete) cell by cell, 11 as one finding; over half empty: mostly-empty-column only', () => {
  assert.equal(table((i) => (i < 10 ? '' : undefined)).totals['missing-value'], 10);
  assert.equal(table((i) => (i < 11 ? '' : undefined)).totals['missing-value'], 1);
  const mostlyEmpty = table((i) => (i < 150 ? '' : undefined));
  assert.equal(mostlyEmpty.totals['missing-value'], 0);
  assert.equal(mostlyEmpty.totals['mostly-empty-column'], 1);
});

test('text in a numeric column is not missing: beside 8 text cells (4%), its 4 empty cells are still listed one by one', () => {
  // 12 nulls in the typed column (6%) but 4 missing (2%): the column is mostly complete.
  const rows = Array.from({ length: 200 }, (_, i) => `${i},${i % 25 === 3 ? `${i} kg and more` : i % 50 === 7 ? '' : String(i % 40)}`);
  const report = check('id,value', rows);
  assert.deepEqual(report.findings.filter((f) => f.rule === 'missing-value').map((f) => f.row), [7, 57, 107, 157]);
});

test('an empty cell that its group of a dependency fills (a journal\'s ISSN in its other rows) is listed with that value as the fix, in a sparse column too', () => {
  // 300 articles of 30 journals (journal → issn holds); journals 0–19 leave their ISSN out of 2 of their 10
  // articles, journals 20–29 give it in their first article only (43% of the column empty: a sparse column).
  const rows = Array.from({ length: 300 }, (_, i) => {
    const j = i % 30;
    const issn = `${1000 + j * 37}-${String(2000 + j * 53).slice(0, 4)}`;
    const left = j < 20 ? Math.floor(i / 30) % 4 === 3 : i >= 30;
    return `Article ${i},Journal ${j},${left ? '' : issn}`;
  });
  const report = check('title,journal,issn', rows);
  const findings = report.findings.filter((f) => f.rule === 'missing-value');
  const column = findings.find((f) => f.row === null);
  const cells = findings.filter((f) => f.row !== null);
  assert.ok(column, 'the sparse column still has its column finding');
  assert.match(column.message, /an optional field, its empty cells are not listed one by one but for the 40 that other rows fill\.$/);
  assert.deepEqual(cells.map((f) => f.row), rows.flatMap((_, i) => (i % 30 < 20 && Math.floor(i / 30) % 4 === 3 ? [i] : [])), 'the empty ISSNs of journals whose other rows give it');
  const first = cells[0];
  assert.equal(first.message, 'Missing value in "issn": the other rows with journal "Journal 0" say "1000-2000" (8 rows).');
  assert.equal(first.fixes?.[0]?.kind === 'replace' ? first.fixes[0].newText : undefined, '1000-2000');
  assert.equal(first.fixes?.[0]?.title, 'Fill with "1000-2000" (as in 8 rows with journal "Journal 0")');
});

/** Listings: a sold date wherever the status is "Sold" (60% of the rows), none for "Active" or "Pending"; `gaps` rows of sold homes lose it. */
function listings(gaps: number[], status = (i: number) => (i % 5 < 3 ? 'Sold' : i % 5 === 3 ? 'Active' : 'Pending')): string[] {
  return Array.from({ length: 600 }, (_, i) => {
    const sold = status(i) === 'Sold' && !gaps.includes(i) ? `2024-0${1 + (i % 9)}-1${i % 10}` : '';
    return `L${i},${status(i)},${sold},${100 + i}`;
  });
}

test('an empty cell of a sparse column that its row\'s value of another column calls for is listed (a sold date where the status is "Sold")', () => {
  const header = 'listing,status,sold_date,price';
  assert.deepEqual(check(header, listings([])).findings.filter((f) => f.rule === 'missing-value' && f.row !== null), [], 'no gap: the column finding only');
  const report = check(header, listings([10, 222, 480]));
  const cells = report.findings.filter((f) => f.rule === 'missing-value' && f.row !== null);
  assert.deepEqual(cells.map((f) => [f.row, f.column]), [[10, 'sold_date'], [222, 'sold_date'], [480, 'sold_date']]);
  assert.equal(cells[0].message, 'Missing value in "sold_date": it is filled in 357 of the 360 rows whose "status" is "Sold", as this one\'s is.');
  assert.deepEqual(cells[0].evidence, { requiredBy: 'status', requiredValue: 'Sold', filled: 357, rows: 360 });
  const column = report.findings.find((f) => f.rule === 'missing-value' && f.row === null);
  assert.match(column?.message ?? '', /not listed one by one but for the 3 that another column's value calls for\.$/);
  // A value whose rows are filled only mostly (96%) calls for nothing: the field is optional there too.
  const optional = Array.from({ length: 15 }, (_, k) => k * 40);
  assert.deepEqual(check(header, listings(optional)).findings.filter((f) => f.rule === 'missing-value' && f.row !== null), []);
  // Nor does a value (B, filled in 298 of 300 rows) where the other values' rows are mostly filled too (A, 80%): the
  // column is filled nearly everywhere, not because of it.
  const empty = (i: number) => (i % 2 ? i % 5 === 0 : i === 2 || i === 4);
  const everywhere = Array.from({ length: 600 }, (_, i) => `L${i},${i % 2 ? 'A' : 'B'},${empty(i) ? '' : `2024-01-0${1 + (i % 9)}`},${100 + i}`);
  assert.deepEqual(check(header, everywhere).findings.filter((f) => f.rule === 'missing-value' && f.row !== null), []);
});

test('empty cells another column\'s value explains (an engine\'s size where the fuel is electric) are not listed; a gap elsewhere is', () => {
  // 600 cars, 4% electric (no displacement); one petrol car's displacement left out.
  const rows = Array.from({ length: 600 }, (_, i) => {
    const fuel = i % 25 === 0 ? 'Electric' : i % 3 === 0 ? 'Diesel' : 'Petrol';
    const cc = fuel === 'Electric' || i === 301 ? '' : String(1000 + (i % 9) * 200);
    return `${i},${fuel},${cc}`;
  });
  const findings = check('id,fuel,engine_cc', rows).findings.filter((f) => f.rule === 'missing-value');
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[301, 'engine_cc']]);
  // Without the fuel, nothing says those cells have no value to hold: each is listed.
  const unexplained = check('id,engine_cc', rows.map((row) => row.replace(/,(Electric|Diesel|Petrol),/, ','))).findings.filter((f) => f.rule === 'missing-value');
  assert.equal(unexplained.length, 25);
});

test('two values that each empty a column (no grade on a complaint\'s inspection nor before a permit) explain their empty cells; a graded inspection\'s gap is listed', () => {
  // 1,200 inspections: 12% complaints, 2% before a permit, neither graded; the score decides the grade elsewhere (the
  // table's own dependency fills a gap); one routine inspection's grade left out.
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const type = i % 8 === 0 ? 'Complaint' : i % 50 === 1 ? 'Pre-permit' : i % 4 ? 'Routine' : 'Re-inspection';
    const score = i % 40;
    const grade = type === 'Complaint' || type === 'Pre-permit' || i === 602 ? '' : score < 14 ? 'A' : score < 28 ? 'B' : 'C';
    return `${i},${type},${score},${grade}`;
  });
  const findings = check('id,type,score,grade', rows).findings.filter((f) => f.rule === 'missing-value' && f.row !== null);
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.evidence?.expected]), [[602, 'grade', 'A']]);
});

test('empty cells gathered in the rows of a value far beyond chance (agencies\' bookings leave the guest\'s country out) are not listed; gaps elsewhere are', () => {
  // 3,000 bookings: travel agents (10%) leave the country out in 12% of their rows, the GDS (4%) in half; two gaps elsewhere.
  const channels = ['Direct', 'Booking.com', 'Expedia', 'Corporate', 'Travel Agent', 'GDS'];
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const channel = i % 10 === 4 ? 'Travel Agent' : i % 25 === 7 ? 'GDS' : channels[i % 4];
    const left = (channel === 'Travel Agent' && i % 80 < 10) || (channel === 'GDS' && i % 50 === 7) || i === 1001 || i === 2002;
    return `${i},${channel},${left ? '' : ['DE', 'FR', 'GB', 'US', 'IT'][i % 5]}`;
  });
  const findings = check('id,channel,country', rows).findings.filter((f) => f.rule === 'missing-value');
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[1001, 'country'], [2002, 'country']]);
});

test('cells empty together in several columns (an order not shipped: no ship date, carrier nor tracking number) are not listed; a gap alone is', () => {
  // 2,000 orders, 3% not shipped yet; shipped orders' carriers left out in row 400 and in every 80th row from 7, all of
  // them rows without a gift message (95% of the rows have none: empty beside any gap, by chance).
  const gap = (i: number) => i === 400 || i % 80 === 7;
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const shipped = i % 33 !== 5;
    return [i, `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`, shipped ? `2025-04-${String(1 + (i % 28)).padStart(2, '0')}` : '', shipped && !gap(i) ? ['UPS', 'DHL', 'GLS'][i % 3] : '', shipped ? `TRK${100000 + i}` : '', i % 20 === 0 ? 'Happy birthday' : ''].join(',');
  });
  const findings = check('id,ordered,shipped,carrier,tracking,gift_message', rows).findings.filter((f) => f.rule === 'missing-value' && f.row !== null);
  const gaps = Array.from({ length: 2000 }, (_, i) => i).filter((i) => gap(i) && i % 33 !== 5);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), gaps.map((i) => [i, 'carrier']));
});

test('a sparser column empty in step with another (a lab unit at the visits without a lab value) has nothing its dependency fills; a unit left out beside a value is filled', () => {
  const sites = ['001', '002', '003', '004'];
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const site = sites[i % 4];
    const lab = i % 5 < 3;
    return `S${i},${site},${lab ? (0.6 + (i % 40) / 50).toFixed(2) : ''},${lab ? (site === '001' ? 'mg/dL' : 'umol/L') : ''}`;
  });
  const cells = (found: ReturnType<typeof check>) => found.findings.filter((f) => f.column === 'creat_unit' && f.row !== null).map((f) => f.row);
  assert.deepEqual(cells(check('subject,site,creatinine,creat_unit', rows)), []);
  // Visit 10 (site 003) has its value and no unit: the site's other rows say "umol/L".
  rows[10] = rows[10].replace(/,umol\/L$/, ',');
  assert.match(rows[10], /,0\.\d+,$/);
  assert.deepEqual(cells(check('subject,site,creatinine,creat_unit', rows)), [10]);
});

test('cells empty where another column holds 0 (no payment method on an invoice of 0.00) are not listed; a gap beside an amount is', () => {
  const rows = Array.from({ length: 800 }, (_, i) => {
    const free = i % 25 === 3;
    const total = free ? '0.00' : (20 + ((i * 37) % 300)).toFixed(2);
    return `V${i},${total},${free ? '' : ['card', 'cash', 'insurance'][i % 3]}`;
  });
  const cells = (lines: string[]) => check('visit,invoice_total,paid_by', lines).findings.filter((f) => f.rule === 'missing-value' && f.row !== null).map((f) => f.row);
  assert.deepEqual(cells(rows), [], 'nothing to pay, no way paid');
  rows[101] = rows[101].replace(/,[a-z]+$/, ',');
  assert.deepEqual(cells(rows), [101]);
});

test('empty cells in the rows of one frequent value of a column of many values (an owner-builder has no contractor\'s licence) are not listed', () => {
  // 1,500 permits by 150 contractors, each with its licence; 60 permits by "OWNER/BUILDER", without a licence; one
  // contractor's licence left out.
  const rows = Array.from({ length: 1560 }, (_, i) => {
    if (i % 26 === 25) return `${i},OWNER/BUILDER,`;
    const k = i % 150;
    return `${i},Contractor ${k},${i === 700 ? '' : `LIC${5000 + k}`}`;
  });
  const findings = check('permit,contractor,licence', rows).findings.filter((f) => f.rule === 'missing-value');
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[700, 'licence']]);
});

test('empty cells in a stretch of the file\'s first rows (a field recorded only since some time) are not listed; a gap after it is', () => {
  // A catalogue in accession order: the first 200 of 3,000 objects' acquisition dates were mostly never written (60 of
  // them); later ones always are, but for one gap.
  const rows = Array.from({ length: 3000 }, (_, i) => `${1870 + Math.floor(i / 20)}.${(i % 20) + 1},Object ${i},${(i < 200 && i % 10 < 3) || i === 2400 ? '' : `${1870 + Math.floor(i / 20)}-0${1 + (i % 9)}-1${i % 10}`}`);
  const findings = check('accession,title,acquired', rows).findings.filter((f) => f.rule === 'missing-value');
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[2400, 'acquired']]);
});

test("empty cells crowded into the file's last rows (the newest claims, no adjuster assigned yet) are not listed; gaps before them are, and so are two at the end", () => {
  // 2,000 claims in the order they came in; the adjuster is left out of claims 400, 1100 and 1650, and not assigned yet
  // to `open` of the last eight.
  const claims = (open: number[]) =>
    Array.from({ length: 2000 }, (_, i) => `CLM-${23_000 + i},${(1000 + i * 7) % 9000},${i === 400 || i === 1100 || i === 1650 || open.includes(i) ? '' : `ADJ-${100 + (i % 23)}`}`);
  const listed = (open: number[]) => check('claim,amount,adjuster', claims(open)).findings.filter((f) => f.rule === 'missing-value').map((f) => f.row);
  assert.deepEqual(listed([1992, 1993, 1995, 1996, 1998, 1999]), [400, 1100, 1650]);
  // Two empty cells at the end are within what chance puts there: listed.
  assert.deepEqual(listed([1995, 1999]), [400, 1100, 1650, 1995, 1999]);
});

test('a few records of a kind, empty in the same columns and rows (precincts without voters: no turnout, polling place nor zip), are not listed; a gap elsewhere is', () => {
  // 1,200 precinct × contest rows; two new precincts (8 rows) without registered voters; one polling place left out.
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const precinct = Math.floor(i / 4);
    const fresh = precinct === 77 || precinct === 213;
    const voters = fresh ? 0 : 500 + ((precinct * 37) % 900);
    return `P${precinct},C${i % 4},${voters},${fresh ? '' : (40 + (precinct % 50)).toFixed(2)},${fresh || i === 601 ? '' : `School ${precinct % 90}`},${fresh ? '' : `07${String(100 + (precinct % 60))}`}`;
  });
  const findings = check('precinct,contest,registered,turnout,polling_place,zip', rows).findings.filter((f) => f.rule === 'missing-value');
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[601, 'polling_place']]);
  // Without a zero marking the kind, the two precincts' fields are still empty in each of their records (precinct →
  // turnout, polling place, zip): not recorded for those precincts, where a gap leaves one record empty beside the others.
  const unmarked = rows.map((row) => row.replace(/^(P\d+,C\d),0,/, '$1,650,'));
  assert.deepEqual(check('precinct,contest,registered,turnout,polling_place,zip', unmarked).findings.filter((f) => f.rule === 'missing-value').map((f) => [f.row, f.column]), [[601, 'polling_place']]);
  // Emptied in one record of each only, the 24 cells are gaps the precincts' other records fill.
  const broken = rows.map((row, i) => (i % 4 === 1 && (Math.floor(i / 4) === 77 || Math.floor(i / 4) === 213) ? row : row.replace(/^(P(77|213),C\d),0,,,$/, (_, head) => `${head},650,41.00,School 3,07130`)));
  assert.equal(check('precinct,contest,registered,turnout,polling_place,zip', broken).findings.filter((f) => f.rule === 'missing-value').length, 7);
});

test('a block of empty cells in the middle of the file is no field recorded only since some time: each is listed', () => {
  const rows = Array.from({ length: 2000 }, (_, i) => `${i},Object ${i},${i >= 600 && i < 640 ? '' : `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`}`);
  assert.equal(check('id,title,acquired', rows).findings.filter((f) => f.rule === 'missing-value').length, 40);
});

test('rows copied in blocks, each copy empty where its original is, are no kinds of record a code explains: empty in every copy, a code\'s note was not recorded', () => {
  // 100 records copied 25 times (2,500 rows): four records' notes are empty, in each of their copies.
  const rows = Array.from({ length: 2500 }, (_, i) => {
    const k = i % 100;
    return `${i},C${1000 + k},${[3, 17, 40, 52].includes(k) || i === 1234 ? '' : `note ${k % 7}`}`;
  });
  // Row 1234's note alone left out of C1034's 25 copies: listed.
  assert.deepEqual(check('id,code,note', rows).findings.filter((f) => f.rule === 'missing-value').map((f) => f.row), [1234]);
});

/**
 * An earthquake catalogue: blasts (a share `blasts` of the events) have no depth error; earthquakes of one network (a
 * share `us`) have their depth fixed, and no depth error in `fixed` of them; `gaps` other earthquakes lost theirs.
 */
function catalogue(blasts: number, us: number, fixed: number, gaps: number[]): string[] {
  const rows: string[] = [];
  for (let i = 0; i < 5_000; i++) {
    const blast = (i * 7919) % 1000 < 1000 * blasts;
    const network = !blast && (i * 104_729) % 1000 < 1000 * us ? 'us' : ['uu', 'nn', 'wy'][i % 3];
    const empty = blast || (network === 'us' && (i * 31) % 100 < 100 * fixed) || gaps.includes(i);
    rows.push(`ev${i},${network},${blast ? 'quarry blast' : 'earthquake'},${(1 + (i % 40) / 10).toFixed(2)},${empty ? '' : (0.2 + (i % 17) / 10).toFixed(2)}`);
  }
  return rows;
}
const depthErrors = (rows: string[]) => check('event_id,net,event_type,mag,depth_err', rows).findings.filter((f) => f.row !== null && f.column === 'depth_err').map((f) => f.row);

test('empty cells concentrated in a value\'s rows among the rows other explanations leave are how those records are kept: a network\'s fixed depths beside blasts', () => {
  const gaps = [1201, 2403, 3605];
  const isEarthquake = (rows: string[], r: number) => rows[r].includes(',earthquake,');
  // Mostly complete (4.6% empty): the blasts explain theirs; the network's 30% then stands out among the rest.
  const dense = catalogue(0.04, 0.02, 0.3, gaps);
  assert.deepEqual(depthErrors(dense).sort(), gaps.filter((r) => isEarthquake(dense, r)).sort());
  // Sparser (7% empty): an earthquake calls for a depth error; not in the network's rows that go without.
  const sparse = catalogue(0.06, 0.02, 0.4, gaps);
  assert.deepEqual(depthErrors(sparse).sort(), gaps.filter((r) => isEarthquake(sparse, r)).sort());
});

test('a few objects without a height nor a width (12 of 1,200, far beyond chance together) are not listed; a height left out alone is', () => {
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const unmeasured = i % 100 === 17;
    return `${i},Object ${i},${unmeasured || i === 640 ? '' : (10 + (i % 90)).toFixed(1)},${unmeasured ? '' : (12 + (i % 70)).toFixed(1)}`;
  });
  const findings = check('object_id,title,height_cm,width_cm', rows).findings.filter((f) => f.rule === 'missing-value');
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[640, 'height_cm']]);
});

test("a living artist's death year, empty in each of the artist's rows, is not filled from a credit line shared with another artist's objects", () => {
  // 30 artists of 10 objects (the first 10 living: no death year); credit lines of two objects of one artist, but for
  // one gift that adds a living artist's object to two objects of an artist who died in 1850.
  const rows: string[] = [];
  for (let a = 0; a < 30; a++) {
    for (let k = 0; k < 10; k++) {
      const i = rows.length;
      const credit = a === 3 && k === 0 ? 'Gift of J. Doe 1950' : a === 20 && k < 2 ? 'Gift of J. Doe 1950' : `Gift ${Math.floor(i / 2)}`;
      rows.push(`O${i},Artist ${a},${credit},${a < 10 ? '' : String(1800 + a * 2 + (a === 20 ? 10 : 0))}`);
    }
  }
  const fills = check('object_id,artist,credit_line,artist_death_year', rows).findings.filter((f) => f.rule === 'missing-value' && f.row !== null);
  assert.deepEqual(fills, []);
});

test('a group that leaves the column empty in many of its rows (dental visits without a drug, 40% of them) fills none of its empty cells; a group complete but for a gap does', () => {
  const codes: [string, string][] = [['DEN01', 'Clindamycin'], ['INF01', 'Amoxicillin'], ['DER01', 'Apoquel'], ['GAS01', 'Maropitant'], ['OTI01', 'Surolan'], ['ART01', 'Meloxicam'], ['URI01', 'Enrofloxacin'], ['PAR01', 'Bravecto']];
  const rows = Array.from({ length: 800 }, (_, i) => {
    const [code, drug] = codes[i % 8];
    const empty = (code === 'DEN01' && Math.floor(i / 8) % 5 < 2) || i === 81 || i === 161;
    return `V${i},${i % 3 === 0 ? 'Cat' : 'Dog'},${code},${empty ? '' : drug}`;
  });
  const cells = check('visit,species,dx_code,drug', rows).findings.filter((f) => f.rule === 'missing-value' && f.row !== null);
  assert.deepEqual(cells.map((f) => f.row), [81, 161], 'the two gaps of INF01, none of the dental visits');
  assert.match(cells[0].message, /the other rows with (dx_code "INF01"|species "\w+", dx_code "INF01") say "Amoxicillin"/);
});

test('nor does a pair of columns whose small group fills the cell (a breed and the dental code) where one of its columns\' values leaves it empty in many rows', () => {
  const codes: [string, string][] = [['DEN01', 'Clindamycin'], ['INF01', 'Amoxicillin'], ['DER01', 'Apoquel'], ['GAS01', 'Maropitant'], ['OTI01', 'Surolan'], ['ART01', 'Meloxicam'], ['URI01', 'Enrofloxacin'], ['PAR01', ''], ['VAC01', ''], ['VAC02', ''], ['VAC03', '']];
  // 40 breeds, 20 of each species: a breed's dental visits are a few rows, 40% of them empty by chance or not.
  const breeds = Array.from({ length: 40 }, (_, k) => `Breed ${k}`);
  const random = mulberry32(5);
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const [code, drug] = codes[i % codes.length];
    const breed = breeds[Math.floor(random() * breeds.length)];
    const cat = breeds.indexOf(breed) >= 20;
    // A parasite treatment by species, vaccinations without a drug (a sparse column: only the cells others fill are
    // listed); dental visits without a drug in 40% of them.
    const given = code === 'PAR01' ? (cat ? 'Revolution' : 'Bravecto') : drug;
    const empty = code === 'DEN01' && random() < 0.4;
    return `V${i},${breed},${cat ? 'Cat' : 'Dog'},${code},${empty ? '' : given}`;
  });
  const cells = check('visit,breed,species,dx_code,drug', rows).findings.filter((f) => f.rule === 'missing-value' && f.row !== null);
  assert.deepEqual(cells.map((f) => f.message), []);
});

test('columns empty together in a few rows, nearly all of each one\'s empty cells, marked by a note (nine plots not harvested: no weight, yield nor moisture), are a kind of record; a gap of one of them elsewhere is reported; unmarked, each is', () => {
  const random = mulberry32(9);
  const unharvested = new Set([47, 66, 389, 673, 801, 1076, 1098, 1115, 1501]);
  const notes = ['Bird damage', 'Wheel track across plot', 'Patchy establishment'];
  const table = (marked: boolean) =>
    Array.from({ length: 1600 }, (_, i) => {
      const weight = (8 + random() * 6).toFixed(2);
      const moisture = (13 + random() * 4).toFixed(1);
      const note = i % 23 === 5 ? notes[i % 3] : '';
      if (unharvested.has(i)) return `P${i},,,,${marked ? (i % 2 ? 'Not harvested – waterlogged' : 'Plot lost – drilling fault') : note}`;
      return `P${i},${i === 900 ? '' : weight},${(Number(weight) / 1.2).toFixed(2)},${moisture},${note}`;
    });
  const listed = (marked: boolean) => check('plot,grain_weight_kg,yield_t_ha,moisture_pct,notes', table(marked)).findings.filter((f) => f.rule === 'missing-value' && f.row !== null);
  assert.deepEqual(listed(true).map((f) => [f.row, f.column]), [[900, 'grain_weight_kg']]);
  assert.equal(listed(false).length, 1 + 3 * unharvested.size, 'unmarked, nine rows emptied in the same columns may be nine broken records');
});

test('a category column with a few misspelt values in a row or two each is still one of few values: an expiry date left out on a perishable category\'s row is listed', () => {
  const rows = stockMovements();
  const gap = rows.findIndex((row, i) => i > 2000 && row[1] === 'Beverages');
  rows[gap][2] = '';
  const found = check(STOCK_HEADER.join(','), rows.map((row) => row.join(','))).findings.filter((f) => f.rule === 'missing-value' && f.row !== null);
  assert.deepEqual(found.map((f) => [f.row, f.column, f.evidence?.requiredValue]), [[gap, 'expiry_date', 'Beverages']]);
});

test("a match's minutes empty in both its players' rows were not recorded for the match: not listed; one row's left out beside the other's is", () => {
  // 300 matches, two rows each (winner, loser) sharing the match's minutes; matches 40, 110, 180 and 250 have none recorded.
  const rows = (leftOut?: number) =>
    Array.from({ length: 600 }, (_, i) => {
      const match = Math.floor(i / 2);
      const minutes = [40, 110, 180, 250].includes(match) || (leftOut === i) ? '' : String(60 + ((match * 37) % 120));
      return `M${1000 + match},${i % 2 ? 'L' : 'W'},P${(i * 13) % 97},${minutes}`;
    });
  const cells = (findings: ReturnType<typeof check>['findings']) => findings.filter((f) => f.rule === 'missing-value').map((f) => [f.row, f.column]);
  assert.deepEqual(cells(check('match_id,result,player_id,minutes', rows()).findings), []);
  // Row 301's minutes left out: the other record of match M1150 holds them.
  assert.deepEqual(cells(check('match_id,result,player_id,minutes', rows(301)).findings), [[301, 'minutes']]);
});
