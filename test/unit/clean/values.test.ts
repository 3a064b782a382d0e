/**
 * Reading cell texts for cleaning: formatted numbers, units, dates in mixed formats, number texts; and the
 * generated script's Python helpers give exactly the same answers (run with python3 where present).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { convertUnit, dayOrderOf, isMissing, isoDate, numberText, parseFormattedNumber } from '../../../src/core/clean/values';
import { castText } from '../../../src/core/clean/steps/cast-type';
import { PYTHON_HELPERS, pythonHelpers } from '../../../src/core/clean/python/helpers';
import { anyPython } from './helpers';

test('numbers written with formatting read as the number they stand for', () => {
  const read = (t: string, d: '.' | ',' = '.') => parseFormattedNumber(t, d);
  assert.deepEqual(read('1,234.50'), { value: 1234.5, unit: null, percent: false });
  assert.deepEqual(read('$1,200'), { value: 1200, unit: '$', percent: false });
  assert.deepEqual(read('USD 12'), { value: 12, unit: 'usd', percent: false });
  assert.deepEqual(read('(45)'), { value: -45, unit: null, percent: false });
  assert.deepEqual(read('−3'), { value: -3, unit: null, percent: false });
  assert.deepEqual(read('45 %'), { value: 45, unit: null, percent: true });
  assert.deepEqual(read('16 oz'), { value: 16, unit: 'oz', percent: false });
  assert.deepEqual(read('2.5k'), { value: 2500, unit: null, percent: false });
  assert.deepEqual(read('1 234 567'), { value: 1234567, unit: null, percent: false });
  assert.deepEqual(read('1.234,5', ','), { value: 1234.5, unit: null, percent: false });
  assert.deepEqual(read('3,5 kg', ','), { value: 3.5, unit: 'kg', percent: false });
  assert.deepEqual(read('7.5/10'), { value: 7.5, unit: '/10', percent: false }, 'a score out of its scale');
  assert.deepEqual(read('4 / 5'), { value: 4, unit: '/5', percent: false });
  assert.deepEqual(read('1 hr. 49 min.'), { value: 109, unit: 'min', percent: false }, 'hours and minutes, in minutes');
  for (const t of ['about 250k', '3/4', '1 hr 75 min', '1,23', '12-34', '2023-01-05', 'N/A', '', '(12', '$12€', '1,234,56']) assert.equal(read(t), null, t);
});

test('units convert within a family, percents become fractions or stay numbers', () => {
  assert.equal(convertUnit(parseFormattedNumber('500 g')!, 'kg', 'number'), 0.5);
  assert.equal(convertUnit(parseFormattedNumber('1 lb')!, 'oz', 'number'), 16);
  assert.equal(convertUnit(parseFormattedNumber('3 kg')!, 'm', 'number'), null, 'mass is not length');
  assert.equal(convertUnit(parseFormattedNumber('45%')!, null, 'fraction'), 0.45);
  assert.equal(convertUnit(parseFormattedNumber('45%')!, null, 'number'), 45);
});

test('dates in mixed formats become ISO dates; ambiguous day/month ones follow the order given', () => {
  assert.equal(isoDate('2023-4-3', 'DMY'), '2023-04-03');
  assert.equal(isoDate('03/04/2023', 'DMY'), '2023-04-03');
  assert.equal(isoDate('03/04/2023', 'MDY'), '2023-03-04');
  assert.equal(isoDate('13/04/2023', 'MDY'), '2023-04-13', 'only day-first fits');
  assert.equal(isoDate('4.3.2023', 'MDY'), '2023-03-04', 'dots are day-first');
  assert.equal(isoDate('03/04/23', 'DMY'), '2023-04-03');
  assert.equal(isoDate('03/04/79', 'DMY'), '1979-04-03');
  assert.equal(isoDate('12 Jan 2023', 'MDY'), '2023-01-12');
  assert.equal(isoDate('12-Sept-2023', 'MDY'), '2023-09-12');
  assert.equal(isoDate('January 12, 2023', 'DMY'), '2023-01-12');
  assert.equal(isoDate('25-May-94', 'MDY'), '1994-05-25', 'a two-digit year after a month name, with dashes');
  assert.equal(isoDate('25 May 94', 'MDY'), null, 'not with spaces: the reader does not read it as a date either');
  assert.equal(isoDate('2023/11/19', 'DMY'), '2023-11-19');
  assert.equal(isoDate('2023-01-05T00:00:00', 'DMY'), '2023-01-05');
  for (const t of ['2023-01-05T10:00', '31/02/2023', 'Jan 2023', '12 Foo 2023', '1234', '0050-01-01']) assert.equal(isoDate(t, 'DMY'), null, t);
  assert.equal(dayOrderOf('03/04/2023'), 'both');
  assert.equal(dayOrderOf('13/04/2023'), 'DMY');
  assert.equal(dayOrderOf('04/13/2023'), 'MDY');
});

test('numbers are written the way JavaScript writes them; missing means empty, blank or an NA token', () => {
  assert.deepEqual([0.1 + 0.2, 1e21, 1e-7, 123456789012345680000, -0, 1.5e-7, 100, 0.000001].map(numberText), ['0.30000000000000004', '1e+21', '1e-7', '123456789012345680000', '0', '1.5e-7', '100', '0.000001']);
  const na = new Set(['NA', 'N/A']);
  assert.ok(isMissing(null, na) && isMissing('  ', na) && isMissing(' N/A ', na));
  assert.ok(!isMissing('NAN', na) && !isMissing('0', na));
});

/** Inputs run through each TypeScript function and its Python twin. */
const twins: { name: string; ts: (s: string) => unknown; py: string; inputs: string[] }[] = [
  {
    name: 'parse_formatted',
    ts: (s) => {
      const r = parseFormattedNumber(s);
      return r && [numberText(r.value), r.unit, r.percent];
    },
    py: 'lambda s: (lambda r: r and [js_num(r[0]), r[1], r[2]])(parse_formatted(s))',
    inputs: ['1,234.50', '$1,200', 'USD 12', '(45)', '−3', '45 %', '16 oz', '2.5k', '3bn', '1 234 567', '12.', '.5', '1e3 kg', 'about 250k', '€ 3,50', '-$12', '12 m²', '5 M', 'km/h 3', 'X12', '1,23', ' 7 ', '7.5/10', '4 / 5', '85/100', '3/4', '1 hr. 49 min.', '1h 49m', '2 hours 5 minutes', '1 hr 75 min'],
  },
  {
    name: 'parse_formatted (decimal comma)',
    ts: (s) => {
      const r = parseFormattedNumber(s, ',');
      return r && [numberText(r.value), r.unit, r.percent];
    },
    py: 'lambda s: (lambda r: r and [js_num(r[0]), r[1], r[2]])(parse_formatted(s, ","))',
    inputs: ['1.234,5', '3,5 kg', '12', '1.234', '1,234.5'],
  },
  { name: 'iso_date', ts: (s) => isoDate(s, 'DMY'), py: 'lambda s: iso_date(s, "DMY")', inputs: ['2023-4-3', '03/04/2023', '13/04/2023', '4.3.2023', '03/04/23', '03/04/79', '12 Jan 2023', '12th-Sept-2023', 'January 12, 2023', 'Jan. 5 2023', '2023/11/19', '2023-01-05 00:00', '2023-01-05T10:00', '31/02/2023', '29/02/2024', '0050-01-01', 'Mai 3, 2023'] },
  { name: 'iso_date (MDY)', ts: (s) => isoDate(s, 'MDY'), py: 'lambda s: iso_date(s, "MDY")', inputs: ['03/04/2023', '04/13/2023', '3-4-2023'] },
  {
    name: 'js_num',
    ts: (s) => numberText(Number(s)),
    py: 'lambda s: js_num(float(s))',
    inputs: ['0.1', '1e21', '1e-7', '123456789012345680000', '-0', '1.5e-7', '100', '0.000001', '123.456', '5e-324', '1.7976931348623157e308', '-2.5', '1e20', '1e-6', '12345.678e10', '0.30000000000000004'],
  },
  { name: 'js_trim', ts: (s) => s.trim(), py: 'js_trim', inputs: [' a ', '\u00a0b\u3000', '\ufeffc\u2028', '\u0085d\u0085', '\u200be\u200b', '\u001cf'] },
  { name: 'cast_text integer', ts: (s) => castText(s, 'integer', 'DMY'), py: 'lambda s: cast_text(s, "integer", "DMY")', inputs: ['007', '+5', '-0', '3.0', '3.5', '12345678901234567890', 'x', '1e3'] },
  { name: 'cast_text boolean', ts: (s) => castText(s, 'boolean', 'DMY'), py: 'lambda s: cast_text(s, "boolean", "DMY")', inputs: ['1', '0', 'Yes', ' false ', 'maybe'] },
  { name: 'cast_text float', ts: (s) => castText(s, 'float', 'DMY'), py: 'lambda s: cast_text(s, "float", "DMY")', inputs: ['1.50', ' 2 ', 'inf', 'NaN', '1e400', 'abc'] },
];

test('the Python helpers of the generated script answer exactly as their TypeScript twins', { skip: anyPython() === null && 'no python3 here' }, () => {
  const python = anyPython()!;
  const helpers = pythonHelpers(['parse_formatted', 'iso_date', 'js_num', 'js_trim', 'cast_text'])
    .map((n) => PYTHON_HELPERS[n].code)
    .join('\n\n');
  const program = [
    'import datetime, json, math, re, sys',
    'NA_TOKENS = set()',
    helpers,
    'cases = json.loads(sys.stdin.read())',
    `out = [[(eval(fn))(s) for s in inputs] for fn, inputs in cases]`,
    'print(json.dumps(out, ensure_ascii=False))',
  ].join('\n');
  const input = JSON.stringify(twins.map((t) => [t.py, t.inputs]));
  const r = spawnSync(python, ['-c', program], { input, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const results = JSON.parse(r.stdout) as unknown[][];
  twins.forEach((t, i) => {
    const expected = t.inputs.map((s) => t.ts(s) ?? null);
    assert.deepEqual(results[i], expected, t.name);
  });
});
