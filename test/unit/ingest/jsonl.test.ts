/** JSON Lines reader: types, the union of keys, nested values, invalid lines at their line, exact value ranges. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ingestTextBytes } from '../../../src/core/ingest/index';
import { runQualityCheck } from '../../../src/core/quality/engine';
import type { IngestResult, StructuralIssue } from '../../../src/core/table/model';
import { textAt } from './helpers';

const read = (text: string): IngestResult => ingestTextBytes(new TextEncoder().encode(text), { path: 'data.jsonl' });
const column = (r: IngestResult, name: string): unknown[] => {
  const vector = r.table.getChild(name)!;
  return Array.from({ length: vector.length }, (_, i) => vector.get(i));
};
const issues = (r: IngestResult, kind: StructuralIssue['kind']) => r.structuralIssues.filter((i) => i.kind === kind);
const kinds = (r: IngestResult) => Object.fromEntries(r.columns.map((c) => [c.name, `${c.kind} ${c.arrowType}`]));

test('JSON types give the column types; strings are inferred as CSV text is', () => {
  const r = read(
    [
      '{"id": 1, "big": 9007199254740993, "x": 1.5, "ok": true, "day": "2024-01-05", "n": "12", "label": "a", "bits": 0}',
      '{"id": 2, "big": -9007199254740995, "x": 2, "ok": false, "day": "2024-02-29", "n": "13", "label": "b", "bits": 1}',
      '{"id": 3, "big": 12, "x": -3e2, "ok": null, "day": "2023-12-31", "n": "-4", "label": "c", "bits": 1}',
    ].join('\n'),
  );
  assert.deepEqual(kinds(r), {
    id: 'integer Int32',
    big: 'integer Int64',
    x: 'float Float64',
    ok: 'boolean Bool',
    day: 'date Date64<MILLISECOND>',
    n: 'integer Int32',
    label: 'string Utf8',
    // JSON numbers stay numbers: 0 and 1 are not read as a boolean, as they would be in CSV text.
    bits: 'integer Int32',
  });
  // Integers beyond 2^53 are kept exactly.
  assert.deepEqual(column(r, 'big'), [9007199254740993n, -9007199254740995n, 12n]);
  assert.deepEqual(column(r, 'x'), [1.5, 2, -300]);
  assert.deepEqual(column(r, 'ok'), [true, false, null]);
  assert.deepEqual(column(r, 'n'), [12, 13, -4]);
  assert.equal(new Date(column(r, 'day')[1] as number).toISOString().slice(0, 10), '2024-02-29');
});

test('integers beyond Int64 make a Float64 column; a value of another JSON type does not fit and is kept for the rules', () => {
  const r = read(['{"v": 123456789012345678901234}', '{"v": 1}', '{"v": 2}'].join('\n'));
  assert.equal(kinds(r).v, 'float Float64');
  assert.equal(column(r, 'v')[0], Number('123456789012345678901234'));
  const mixed = read(Array.from({ length: 40 }, (_, i) => (i === 7 ? '{"v": true}' : `{"v": ${i}}`)).join('\n'));
  assert.equal(kinds(mixed).v, 'integer Int32');
  assert.deepEqual(mixed.rejectedCells, [{ row: 7, column: 0, text: 'true' }]);
});

test('the columns are the union of the keys in order of first appearance; missing keys and null are nulls', () => {
  const r = read(['{"a": 1}', '{"b": "x", "a": 2}', '{}', '{"c": null, "a": 3}', '{"b": "y"}'].join('\n') + '\n');
  assert.deepEqual(
    r.columns.map((c) => c.name),
    ['a', 'b', 'c'],
  );
  assert.equal(r.table.numRows, 5);
  assert.deepEqual(column(r, 'a'), [1, 2, null, 3, null]);
  assert.deepEqual(column(r, 'b'), [null, 'x', null, null, 'y']);
  assert.equal(kinds(r).c, 'empty Utf8');
  assert.equal(r.format, 'jsonl');
  assert.equal(r.dialect, undefined);
});

test('nested objects and arrays become their JSON text in a string column; a repeated key keeps its last value', () => {
  const r = read(['{"tags": ["a", "b"], "meta": {"k": [1, {"z": null}]}, "d": 1, "d": 2}', '{"tags": [], "meta": "plain"}'].join('\n'));
  assert.deepEqual(column(r, 'tags'), ['["a", "b"]', '[]']);
  assert.deepEqual(column(r, 'meta'), ['{"k": [1, {"z": null}]}', 'plain']);
  assert.equal(kinds(r).tags, 'string Utf8');
  assert.deepEqual(column(r, 'd'), [2, null]);
});

test('escaped strings are decoded (\\" \\\\ \\n \\u00e9, surrogate pairs); NA tokens and empty strings are missing values', () => {
  const r = read(String.raw`{"s": "a\"b\\c\nd\u00e9\ud83d\ude00", "t": "NA"}` + '\n' + '{"s": "", "t": "N/A"}\n{"s": "ok", "t": "fine"}\n');
  assert.deepEqual(column(r, 's'), ['a"b\\c\nd\u00e9\u{1f600}', null, 'ok']);
  assert.deepEqual(
    r.naTokenCells.map((c) => [c.row, c.column, c.text]),
    [
      [0, 1, 'NA'],
      [1, 1, 'N/A'],
    ],
  );
});

test('invalid lines are reported at their line and add no row', () => {
  const text = [
    '{"id": 1, "name": "a"}',
    '{"id": 2, "name": "b",}',
    '[1, 2]',
    '{"id": 3, "name": "c"} trailing',
    '{"id": 4, "name": "d"}',
    'not json at all',
    '{"id": 5, "name": "unterminated',
    '{"id": 6, "typo_key": 1 "name": "f"}',
    '{"id": 7, "name": "g"}',
    '{"id": 8, "name": "truncated at the end of the file"',
  ].join('\n');
  const r = read(text);
  assert.deepEqual(column(r, 'id'), [1, 4, 7]);
  assert.deepEqual(
    r.columns.map((c) => c.name),
    ['id', 'name'],
    'a key first met on an invalid line is no column',
  );
  const invalid = issues(r, 'invalid-json-line');
  assert.deepEqual(
    invalid.map((i) => i.range.start.line),
    [1, 2, 3, 5, 6, 7, 9],
  );
  const lines = text.split('\n');
  for (const issue of invalid) {
    assert.equal(issue.row, null);
    assert.equal(textAt(text, issue.range), lines[issue.range.start.line], 'the range is the whole line');
  }
  assert.match(invalid[0].detail!, /expected a key in double quotes, found "}" \(column 23\)/);
  assert.match(invalid[1].detail!, /each line must be one JSON object; this one is an array/);
  assert.match(invalid[2].detail!, /expected the line to end after its object, found "t" \(column 24\)/);
  assert.match(invalid[3].detail!, /found "n" \(column 1\)/);
  assert.match(invalid[4].detail!, /a string that is never closed on this line/);
  assert.match(invalid[5].detail!, /expected "," or "}", found """ \(column 25\)/);
  assert.match(invalid[6].detail!, /expected "," or "}", found the end of the line/);
  // The check reports them through the invalid-json-line rule, and no CSV-only rule runs.
  const report = runQualityCheck(r, { now: new Date('2026-01-01') });
  assert.equal(report.totals['invalid-json-line'], 7);
  for (const csvOnly of ['ragged-row', 'stray-quote', 'unterminated-quote', 'mixed-line-endings', 'duplicate-header']) assert.ok(!report.rulesRun.includes(csvOnly), csvOnly);
  assert.match(report.findings.find((f) => f.rule === 'invalid-json-line')!.message, /^Invalid JSON line: expected a key/);
});

test('empty input, blank lines and CRLF line endings', () => {
  const empty = read('');
  assert.equal(empty.table.numRows, 0);
  assert.equal(issues(empty, 'empty-file').length, 1);
  assert.equal(issues(read('\n  \n'), 'empty-file').length, 1);
  const crlf = '{"a": "x"}\r\n\r\n{"a": "y"}\r\n';
  const r = read(crlf);
  assert.deepEqual(column(r, 'a'), ['x', 'y']);
  assert.deepEqual(
    issues(r, 'blank-row').map((i) => i.range),
    [{ start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }],
  );
  assert.equal(textAt(crlf, r.source.rowRange(1)), '{"a": "y"}', 'a row ends before its CR');
  assert.equal(textAt(crlf, r.source.cellRange(1, 0)), '"y"');
});

test('a cell range is the value as written (quotes included), in UTF-16 characters after multi-byte text and escapes', () => {
  const text = String.raw`{"emoji": "😀 naïve", "esc": "tab\there \u00e9", "n": -1.5e3, "obj": {"a": [1, "}"]}}` + '\n' + '{"n": 7,   "emoji":"x"}\n';
  const r = read(text);
  const at = (row: number, name: string) => textAt(text, r.source.cellRange(row, r.columns.findIndex((c) => c.name === name)));
  assert.equal(at(0, 'emoji'), '"😀 naïve"');
  assert.equal(at(0, 'esc'), String.raw`"tab\there \u00e9"`);
  assert.equal(at(0, 'n'), '-1.5e3');
  assert.equal(at(0, 'obj'), '{"a": [1, "}"]}');
  assert.equal(at(1, 'emoji'), '"x"');
  assert.equal(at(1, 'n'), '7');
  // The emoji is two UTF-16 code units, as VS Code counts characters.
  assert.deepEqual(r.source.cellRange(0, 1).start, { line: 0, character: 29 });
  // A key the line lacks: the empty place before the closing brace.
  const missing = r.source.cellRange(1, r.columns.findIndex((c) => c.name === 'esc'));
  assert.deepEqual(missing, { start: { line: 1, character: 22 }, end: { line: 1, character: 22 } });
  // A header range is the key (with its quotes) in the first line that has it.
  assert.equal(textAt(text, r.source.headerRange(0)), '"emoji"');
  assert.deepEqual(r.source.headerRange(3).start, { line: 0, character: 62 });
  assert.equal(textAt(text, r.source.rowRange(1)), '{"n": 7,   "emoji":"x"}');
});

test('an empty key is a column with a made-up name and a blank-header finding at the key', () => {
  const text = '{"": 1, "column1": 2}\n';
  const r = read(text);
  assert.deepEqual(
    r.columns.map((c) => c.name),
    ['column1 (2)', 'column1'],
  );
  assert.equal(textAt(text, issues(r, 'blank-header')[0].range), '""');
});

test('quick fixes write valid JSON: a trimmed string stays quoted and escaped, an NA token becomes null, a duplicate row is deleted with its line', () => {
  const rows = Array.from({ length: 30 }, (_, i) => `{"id": ${i}, "city": "${['Paris', 'Lyon', 'Nice'][i % 3]}", "price": ${i === 3 ? '"NA"' : 10 + i}}`);
  rows[4] = '{"id": 4, "city": " Lyon \\"x\\"", "price": 14}';
  rows.push(rows[10]);
  const text = rows.join('\n') + '\n';
  const data = read(text);
  const report = runQualityCheck(data, { now: new Date('2026-01-01') });
  const apply = (range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string) => {
    const lines = text.split('\n');
    const line = lines[range.start.line];
    return line.slice(0, range.start.character) + newText + line.slice(range.end.character);
  };
  const trim = report.findings.find((f) => f.rule === 'whitespace')?.fixes?.[0];
  assert.ok(trim && trim.kind === 'replace');
  assert.deepEqual(JSON.parse(apply(trim.range, trim.newText)), { id: 4, city: 'Lyon "x"', price: 14 });
  const na = report.findings.find((f) => f.rule === 'missing-value' && f.fixes?.length)?.fixes?.[0];
  assert.ok(na && na.kind === 'replace');
  assert.equal(na.title, 'Replace "NA" with null');
  assert.deepEqual(JSON.parse(apply(na.range, na.newText)).price, null);
  const dup = report.findings.find((f) => f.rule === 'duplicate-row')?.fixes?.[0];
  assert.ok(dup && dup.kind === 'delete-row');
  assert.deepEqual(dup.range, { start: { line: 30, character: 0 }, end: { line: 31, character: 0 } });
});

test('numbers with units, percent signs or currencies in JSON strings are read as numbers; the value rules\' fixes write valid JSON', () => {
  const rows = Array.from({ length: 60 }, (_, i) => {
    const ounces = i % 5 === 0 ? '"16 oz"' : i % 5 === 1 ? '"16.0 ounce"' : i % 5 === 2 ? '12.0' : '12';
    const abv = i === 7 ? '"7%"' : String(0.04 + (i % 4) / 100);
    const weight = i === 9 ? '3504' : `"${3000 + i} lbs"`;
    const count = i === 12 ? '"2540.0"' : String(100 + i);
    const city = i === 15 ? '"unknown"' : `"${['Lyon', 'Paris', 'Nice'][i % 3]}"`;
    return `{"id": ${i}, "ounces": ${ounces}, "abv": ${abv}, "weight": ${weight}, "count": ${count}, "city": ${city}}`;
  });
  const text = rows.join('\n') + '\n';
  const data = read(text);
  assert.deepEqual(kinds(data), { id: 'integer Int32', ounces: 'float Float64', abv: 'float Float64', weight: 'float Float64', count: 'integer Int32', city: 'categorical Dictionary<Int32, Utf8>' });
  assert.equal(data.columns[1].numberFormat?.unit, 'oz');
  assert.equal(data.columns[3].numberFormat?.suffix, ' lbs');
  assert.deepEqual([column(data, 'ounces')[1], column(data, 'abv')[7], column(data, 'weight')[9], column(data, 'count')[12]], [16, 0.07, 3504, 2540]);
  assert.deepEqual(data.rejectedCells, []);
  const report = runQualityCheck(data, { now: new Date('2026-01-01') });
  const fixed = (rule: string, row: number) => {
    const fix = report.findings.find((f) => f.rule === rule && f.row === row)?.fixes?.[0];
    assert.ok(fix && fix.kind === 'replace', `${rule} row ${row}`);
    const line = text.split('\n')[fix.range.start.line];
    return JSON.parse(line.slice(0, fix.range.start.character) + fix.newText + line.slice(fix.range.end.character)) as Record<string, unknown>;
  };
  assert.equal(fixed('number-format', 1).ounces, 16, 'normalized to a JSON number');
  assert.equal(fixed('number-format', 7).abv, 0.07);
  assert.equal(fixed('number-format', 9).weight, '3504 lbs', 'written in the column\'s form');
  assert.equal(fixed('disguised-missing', 15).city, null);
  assert.deepEqual(report.findings.filter((f) => f.rule === 'type-mismatch'), []);
});

/** Random JSON objects written with random spacing and key order. */
const jsonValue = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ unit: 'binary' }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2, noNullPrototype: true }),
);
const record = fc.dictionary(fc.constantFrom('id', 'naïve', 'é"q', 'x y', '😀', 'n'), jsonValue, { maxKeys: 6, noNullPrototype: true });
const space = fc.constantFrom('', ' ', '  ', '\t');

test('property: every value of every line is found at exactly the range where the writer put it', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(record, space, space), { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      const text = lines.map(([obj, s1, s2]) => `${s1}{${Object.entries(obj).map(([k, v]) => `${s2}${JSON.stringify(k)}${s1}:${s2}${JSON.stringify(v)}`).join(`${s1},`)}${s2}}${s1}`).join(eol) + eol;
      const r = read(text);
      const keys = [...new Set(lines.flatMap(([obj]) => Object.keys(obj)))];
      // Objects without keys hold no data: a table without columns (and rows), as an empty file.
      assert.equal(r.table.numRows, keys.length ? lines.length : 0);
      assert.deepEqual(
        r.structuralIssues.filter((i) => i.kind !== 'blank-header').map((i) => i.kind),
        keys.length ? [] : ['empty-file'],
      );
      assert.deepEqual(
        r.columns.map((c, i) => (keys[i] === '' ? '' : c.name)),
        keys,
      );
      lines.forEach(([obj], row) => {
        keys.forEach((key, c) => {
          const range = r.source.cellRange(row, c);
          if (key in obj) assert.deepEqual(JSON.parse(textAt(text, range)), JSON.parse(JSON.stringify(obj[key])), `row ${row} key ${key}`);
          else assert.equal(textAt(text, range), '', `row ${row} lacks ${key}`);
        });
      });
    }),
    { numRuns: 300 },
  );
});
