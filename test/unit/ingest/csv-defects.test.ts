/** Structural defects, encodings and dialects: what the reader reports and where. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import type { IngestResult, StructuralIssueKind } from '../../../src/core/table/model';
import { textAt } from './helpers';
import { corpus } from '../corpus';

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (text: string, options = {}) => ingestCsvBytes(utf8(text), options);
const issues = (r: IngestResult, kind: StructuralIssueKind) => r.structuralIssues.filter((i) => i.kind === kind);

test('ragged rows: missing cells become nulls, extra cells are dropped, each record is reported with its range', () => {
  const text = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n';
  const r = read(text);
  assert.equal(r.table.numRows, 3);
  assert.equal(r.table.getChildAt(2)?.get(1), null);
  assert.equal(r.table.getChildAt(2)?.get(2), 8);
  const ragged = issues(r, 'ragged-row');
  assert.deepEqual(ragged.map((i) => [i.row, i.expectedFields, i.actualFields]), [[1, 3, 2], [2, 3, 4]]);
  assert.equal(textAt(text, ragged[0].range), '4,5');
  assert.equal(textAt(text, ragged[1].range), '6,7,8,9');
});

test('blank lines are not rows; each is reported at its line', () => {
  const r = read('a,b\n1,2\n\n3,4\n,\n5,6\n');
  assert.equal(r.table.numRows, 3);
  assert.deepEqual(issues(r, 'blank-row').map((i) => i.range.start.line), [2, 4]);
  assert.deepEqual(r.source.rowRange(1).start, { line: 3, character: 0 });
});

test('quotes: embedded delimiters, doubled quotes, newlines; stray and unterminated quotes are reported', () => {
  const text = 'name,note\n"Smith, J","say ""hi""\nthere"\nbad,a"b\ntail,"open\n';
  const r = read(text);
  assert.equal(r.table.getChildAt(0)?.get(0), 'Smith, J');
  assert.equal(r.table.getChildAt(1)?.get(0), 'say "hi"\nthere');
  const stray = issues(r, 'stray-quote');
  assert.equal(stray.length, 1);
  assert.equal(textAt(text, stray[0].range), 'a"b');
  const open = issues(r, 'unterminated-quote');
  assert.equal(open.length, 1);
  assert.deepEqual(open[0].range.start, { line: 4, character: 5 });
  assert.equal(r.source.cellRange(1, 0).start.line, 3, 'row 1 starts after the two-line record');
});

test('CRLF, lone CR and mixed line endings', () => {
  assert.equal(read('a,b\r\n1,2\r\n3,4\r\n').dialect?.lineEnding, 'crlf');
  const cr = read('a,b\r1,2\r3,4');
  assert.equal(cr.table.numRows, 2);
  assert.equal(cr.dialect?.lineEnding, 'cr');
  assert.deepEqual(cr.source.cellRange(1, 1), { start: { line: 2, character: 2 }, end: { line: 2, character: 3 } });
  const mixed = read('a,b\r\n1,2\n3,4\r\n');
  assert.equal(mixed.dialect?.lineEnding, 'mixed');
  assert.equal(issues(mixed, 'mixed-line-endings').length, 1);
  assert.equal(issues(mixed, 'mixed-line-endings')[0].range.start.line, 1);
});

test('BOM, last line without newline, trailing delimiter', () => {
  const bom = ingestCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id,name\n1,Ada')]));
  assert.equal(bom.dialect?.bom, true);
  assert.equal(bom.columns[0].name, 'id');
  assert.equal(bom.table.getChildAt(1)?.get(0), 'Ada');
  const trailing = read('a,b,\n1,2,\n3,4,\n');
  assert.deepEqual(trailing.columns.map((c) => c.name), ['a', 'b']);
  assert.equal(trailing.structuralIssues.length, 0);
});

test('UTF-16 with BOM, Windows-1252 detection, invalid UTF-8 reported at its position', () => {
  const text = 'city,n\nZürich,1\nKöln,2\n';
  const le = new Uint8Array(2 + text.length * 2);
  le.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) new DataView(le.buffer).setUint16(2 + 2 * i, text.charCodeAt(i), true);
  const r16 = ingestCsvBytes(le);
  assert.equal(r16.dialect?.encoding, 'utf-16le');
  assert.equal(r16.table.getChildAt(0)?.get(0), 'Zürich');
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
  assert.equal(ingestCsvBytes(be).table.getChildAt(0)?.get(1), 'Köln');

  const latin = new Uint8Array([...utf8('city,n\nZ'), 0xfc, ...utf8('rich,1\nK'), 0xf6, ...utf8('ln,2\n')]);
  const r1252 = ingestCsvBytes(latin);
  assert.equal(r1252.dialect?.encoding, 'windows-1252');
  assert.equal(r1252.table.getChildAt(0)?.get(0), 'Zürich');
  assert.ok(r1252.dialect?.uncertainties.some((u) => /Windows-1252/.test(u)));

  // One corrupt byte in an otherwise UTF-8 file: reported, not guessed away.
  const corrupt = new Uint8Array([...utf8('city,n\nZürich,1\nK'), 0xff, ...utf8('ln,2\nGenève,3\n')]);
  const bad = ingestCsvBytes(corrupt);
  assert.equal(bad.dialect?.encoding, 'utf-8');
  const invalid = issues(bad, 'invalid-encoding');
  assert.equal(invalid.length, 1);
  assert.deepEqual(invalid[0].range.start, { line: 2, character: 1 });
  assert.match(invalid[0].detail ?? '', /0xFF/);
  assert.equal(ingestCsvBytes(corrupt, { encoding: 'windows-1252' }).table.getChildAt(0)?.get(1), 'Kÿln');
  // The corrupt cell's value shows U+FFFD (Arrow strings stay valid UTF-8), and positions after it are right.
  assert.equal(bad.table.getChildAt(0)?.get(1), 'K\ufffdln');
  assert.deepEqual(bad.source.cellRange(2, 1), { start: { line: 3, character: 7 }, end: { line: 3, character: 8 } });
});

test('a record longer than 64 KiB (one huge quoted cell) keeps its values and positions', () => {
  const huge = 'x'.repeat(70_000) + '""' + 'y'.repeat(10);
  const text = `id,blob,n\n1,"${huge}",5\n2,short,6\n`;
  const r = read(text);
  assert.equal(r.table.numRows, 2);
  assert.equal(r.table.getChildAt(1)?.get(0), huge.replace('""', '"'));
  assert.equal(r.table.getChildAt(2)?.get(0), 5);
  assert.equal(textAt(text, r.source.cellRange(0, 2)), '5');
  assert.equal(textAt(text, r.source.cellRange(1, 1)), 'short');
});

test('empty and garbage inputs give a table and a finding, never a crash', () => {
  const empty = read('');
  assert.equal(empty.table.numRows, 0);
  assert.equal(issues(empty, 'empty-file').length, 1);
  assert.equal(issues(read('\n\n\n'), 'empty-file').length, 1);
  const garbage = ingestCsvBytes(new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  assert.ok(garbage.table.numRows >= 0);
  const headerOnly = read('a,b,c\n');
  assert.equal(headerOnly.table.numRows, 0);
  assert.deepEqual(headerOnly.columns.map((c) => c.kind), ['empty', 'empty', 'empty']);
});

test('sniffing: semicolons with decimal commas, tabs, and a header-less numeric file', () => {
  const semi = read('name;price;qty\n"a;b";1,5;3\nc;2,25;4\nd;3,0;5\n');
  assert.equal(semi.dialect?.delimiter, ';');
  assert.equal(semi.table.getChildAt(0)?.get(0), 'a;b');
  assert.equal(ingestCsvBytes(utf8('a\tb\n1\t2\n'), { path: 'x.tsv' }).dialect?.delimiter, '\t');
  const headerless = read('1,2.5,3\n4,5.5,6\n7,8.5,9\n');
  assert.equal(headerless.dialect?.hasHeader, false);
  assert.equal(headerless.table.numRows, 3);
  assert.deepEqual(headerless.columns.map((c) => c.name), ['column1', 'column2', 'column3']);
  const single = read('just one column\nvalue\nanother\n');
  assert.equal(single.columns.length, 1);
  assert.ok(single.dialect?.uncertainties.some((u) => /single column/.test(u)));
});

test('header labels: blank and duplicate labels are reported at the header cell', () => {
  const text = 'id,,name,id\n1,2,3,4\n';
  const r = read(text);
  assert.deepEqual(issues(r, 'blank-header').map((i) => textAt(text, { start: i.range.start, end: { line: 0, character: i.range.start.character + 1 } })), [',']);
  assert.deepEqual(issues(r, 'duplicate-header').map((i) => i.column), [3]);
  assert.equal(new Set(r.table.schema.fields.map((f) => f.name)).size, 4, 'table field names are unique');
});

test('type inference: ints, floats with exponents and NaN/Inf, booleans, dates, timestamps, NA tokens, misfits', () => {
  const rows = Array.from({ length: 40 }, (_, i) => `${i},${i}.5e-3,${i % 2 ? 'yes' : 'no'},2024-01-${String((i % 28) + 1).padStart(2, '0')},2024-03-01T10:${String(i).padStart(2, '0')}:00Z,${['red', 'blue'][i % 2]},${i}`);
  rows[3] = rows[3].replace(/,3$/, ',NA');
  rows[5] = rows[5].replace(/^5,/, 'five,');
  rows[7] = rows[7].replace('7.5e-3', 'Inf');
  rows[9] = rows[9].replace('2024-01-10', '10/01/2024');
  const r = read(['i,f,b,d,ts,cat,withna', ...rows].join('\n'));
  assert.deepEqual(r.columns.map((c) => c.kind), ['integer', 'float', 'boolean', 'date', 'timestamp', 'categorical', 'integer']);
  assert.equal(r.columns[3].dateFormat, 'YYYY-MM-DD');
  assert.deepEqual(r.columns.map((c) => c.arrowType).slice(0, 2), ['Int32', 'Float64']);
  assert.equal(r.table.getChildAt(1)?.get(7), Infinity);
  assert.equal(r.table.getChildAt(3)?.get(0), Date.UTC(2024, 0, 1));
  assert.equal(r.table.getChildAt(4)?.get(1), Date.UTC(2024, 2, 1, 10, 1));
  assert.deepEqual(r.naTokenCells, [{ row: 3, column: 6, text: 'NA' }]);
  assert.deepEqual(r.rejectedCells, [
    { row: 5, column: 0, text: 'five' },
    { row: 9, column: 3, text: '10/01/2024' },
  ]);
  assert.equal(r.table.getChildAt(0)?.get(5), null);
  const big = read('id\n1\n3000000000\n');
  assert.equal(big.columns[0].arrowType, 'Int64');
  const zeroOne = read('flag\n0\n1\n1\n0\n');
  assert.equal(zeroOne.columns[0].kind, 'boolean');
  const dayFirst = read('d\n13/01/2024\n02/03/2024\n');
  assert.equal(dayFirst.columns[0].dateFormat, 'DD/MM/YYYY');
  assert.equal(dayFirst.table.getChildAt(0)?.get(1), Date.UTC(2024, 2, 2));
});

test('a dirty numeric column (8% text) is still numeric, its text kept as rejected cells; 12% text makes it text', () => {
  const column = (share: number) => Array.from({ length: 100 }, (_, i) => (i < share ? `${i} units or so` : String(i)));
  const dirty = read(['weight', ...column(8)].join('\n'));
  assert.equal(dirty.columns[0].kind, 'integer');
  assert.equal(dirty.rejectedCells.length, 8);
  assert.equal(dirty.table.getChildAt(0)?.get(50), 50);
  assert.equal(read(['weight', ...column(12)].join('\n')).columns[0].kind, 'string');
});

test('numbers with a fraction in more than a slip\'s share of a column of integers make it a column of floats; a lone one is a type mismatch', () => {
  // Doses in mg: halves and tenths of a milligram where a drug needs them (9% of the rows), whole numbers elsewhere.
  const doses = Array.from({ length: 1000 }, (_, i) => (i % 11 === 0 ? ['2.5', '0.125', '0.05'][i % 3] : String([5, 10, 20, 500][i % 4])));
  const measured = read(['dose_mg', ...doses].join('\n'));
  assert.equal(measured.columns[0].kind, 'float');
  assert.equal(measured.rejectedCells.length, 0);
  assert.equal(measured.table.getChildAt(0)?.get(0), 2.5);
  // One count written with a fraction among a thousand: a slip in a column of counts.
  const counts = Array.from({ length: 1000 }, (_, i) => (i === 400 ? '3.5' : String(i % 7)));
  const slipped = read(['children', ...counts].join('\n'));
  assert.equal(slipped.columns[0].kind, 'integer');
  assert.deepEqual(slipped.rejectedCells.map((cell) => [cell.row, cell.text]), [[400, '3.5']]);
  // Fractions (2%) only in rows the inference sample skips (it reads every other value of 50,000): the whole column decides.
  const late = Array.from({ length: 50_000 }, (_, i) => (i % 50 === 1 ? '7.25' : String(i % 90)));
  const unsampled = read(['weight', ...late].join('\n'));
  assert.equal(unsampled.columns[0].kind, 'float');
  assert.equal(unsampled.rejectedCells.length, 0);
  assert.equal(unsampled.table.getChildAt(0)?.get(1), 7.25);
});

test('a column of dividends, 0 on most days, with a decimal on the days paid (under 1% of the rows): decimals, for zeros say nothing of them', () => {
  const dividends = Array.from({ length: 3000 }, (_, i) => (i % 120 === 60 ? ['0.24', '0.5', '1.15'][(i / 120) % 3 | 0] : '0'));
  const paid = read(['dividend', ...dividends].join('\n'));
  assert.equal(paid.columns[0].kind, 'float');
  assert.equal(paid.rejectedCells.length, 0);
});

test('zero-padded codes (zip codes, ids, hours) are text that keeps its zeros; numbers written loosely and a stray zero stay numbers', () => {
  const zips = Array.from({ length: 60 }, (_, i) => String(1000 + i * 1601).padStart(5, '0'));
  const codes = read(['zip,id,hour', ...zips.map((z, i) => `${z},${String(i * 17).padStart(4, '0')},${String(i % 24).padStart(2, '0')}`)].join('\n'));
  assert.deepEqual(codes.columns.map((c) => c.kind === 'string' || c.kind === 'categorical'), [true, true, true], 'every column is text');
  assert.deepEqual([0, 1, 2].map((c) => codes.table.getChildAt(c)?.get(0)), ['01000', '0000', '00'], 'the zeros are kept');
  assert.equal(codes.table.getChildAt(0)?.get(59), '95459', 'codes without a leading zero are text too');
  // "01", "002", "00003" do not share a width: numbers written loosely (frictionless reads them as 1, 2, 3).
  const loose = read('value\n01\n002\n00003\n');
  assert.equal(loose.columns[0].kind, 'integer');
  assert.deepEqual([0, 1, 2].map((r) => loose.table.getChildAt(0)?.get(r)), [1, 2, 3]);
  // Two values written with a zero among amounts of every width, most below 1000 written without one.
  const amounts = Array.from({ length: 200 }, (_, i) => String((i * 7919) % 5000));
  amounts[10] = '0123';
  amounts[20] = '0456';
  assert.equal(read(['amount', ...amounts].join('\n')).columns[0].kind, 'integer', 'a stray zero is not a convention');
  // Years: every value the same width, one written "0199": one padded value is no convention either.
  const years = Array.from({ length: 100 }, (_, i) => String(1950 + (i % 70)));
  years[5] = '0199';
  assert.equal(read(['year', ...years].join('\n')).columns[0].kind, 'integer');
});

test('text with up to 1,000 distinct values is categorical, each value once in its dictionary', () => {
  const labels = (distinct: number) => read(['label', ...Array.from({ length: 3000 }, (_, i) => `d${i % distinct}`)].join('\n'));
  const few = labels(990);
  assert.equal(few.columns[0].kind, 'categorical');
  const dictionary = few.table.getChildAt(0)!.data[0].dictionary!;
  assert.equal(dictionary.length, 990);
  assert.equal(new Set(dictionary.toArray()).size, 990);
  assert.equal(few.table.getChildAt(0)?.get(2128), 'd148');
  assert.equal(labels(1001).columns[0].kind, 'string');
});

const frictionless = corpus('frictionless');
const fromCorpus = (name: string) => ingestCsvBytes(readFileSync(path.join(frictionless.dir, name)), { path: name });
/** Frictionless positions: row 1-based counting the header as row 1 (so data row r is r + 2), field 1-based. */
const rowOf = (r: IngestResult, line: number) => r.structuralIssues.filter((i) => i.range.start.line === line);

test('frictionless corpus: the reader reports the structural defects frictionless does', { skip: frictionless.skip }, () => {
  const invalid = fromCorpus('invalid.csv');
  assert.deepEqual(issues(invalid, 'blank-header').map((i) => i.column), [2]);
  assert.deepEqual(issues(invalid, 'duplicate-header').map((i) => i.column), [3]);
  assert.deepEqual(issues(invalid, 'ragged-row').map((i) => i.range.start.line + 1), [2, 3, 5]);
  assert.deepEqual(issues(invalid, 'blank-row').map((i) => i.range.start.line + 1), [4]);
  assert.deepEqual(issues(fromCorpus('blank-headers.csv'), 'blank-header').map((i) => i.column), [1]);
  assert.deepEqual(issues(fromCorpus('duplicate-headers.csv'), 'duplicate-header').map((i) => i.column), [2, 4]);
  assert.deepEqual(issues(fromCorpus('defective-rows.csv'), 'ragged-row').map((i) => i.range.start.line + 1), [2, 3]);
  assert.deepEqual(issues(fromCorpus('blank-rows.csv'), 'blank-row').map((i) => i.range.start.line + 1), [4]);
  const multiple = issues(fromCorpus('blank-rows-multiple.csv'), 'blank-row').map((i) => i.range.start.line + 1);
  assert.deepEqual(multiple, Array.from({ length: 11 }, (_, i) => i + 4));
  const structure = fromCorpus('structure-errors.csv');
  assert.equal(rowOf(structure, 3).filter((i) => i.kind === 'blank-row').length, 1);
  assert.deepEqual(issues(structure, 'ragged-row').map((i) => i.range.start.line + 1), [5]);
});

test('numbers beside codes of digit groups joined by points are such codes: text ("1987.1" and "1987.10" two objects beside "1987.10.2"); a stray "1.2.3" among measurements is not', () => {
  // A museum's accession numbers: lot 1987's objects 1 to 12, some in parts ("1987.10.2").
  const accessions = Array.from({ length: 300 }, (_, i) => `${1900 + Math.floor(i / 12)}.${(i % 12) + 1}${i % 25 === 3 ? '.2' : ''}`);
  const codes = read(`accession,title\n${accessions.map((a, i) => `${a},Object ${i}`).join('\n')}\n`);
  assert.equal(codes.columns[0].kind, 'string');
  assert.deepEqual([codes.table.getChildAt(0)?.get(9), codes.table.getChildAt(0)?.get(0)], ['1900.10', '1900.1'], 'written as they are');
  assert.equal(codes.rejectedCells.length, 0);
  // Weights with one value written "1.2.3" by a slip: numbers, that value rejected.
  const weights = Array.from({ length: 300 }, (_, i) => (i === 40 ? '1.2.3' : (1 + (i % 90) / 10).toFixed(1)));
  const measured = read(`id,weight\n${weights.map((w, i) => `${i},${w}`).join('\n')}\n`);
  assert.equal(measured.columns[1].kind, 'float');
  assert.deepEqual(measured.rejectedCells.map((cell) => cell.row), [40]);
});
