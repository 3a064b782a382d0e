/** Numbers written with units, percent signs, currencies and separators: parsed, and read by the CSV reader as numbers. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseWrittenNumber, percentScaled, unitKey, writeInForm } from '../../../src/core/ingest/written-number';
import { ingestCsvBytes } from '../../../src/core/ingest/index';

const read = (text: string) => ingestCsvBytes(new TextEncoder().encode(text));
const column = (text: string, name: string) => {
  const data = read(text);
  const info = data.columns.find((c) => c.name === name)!;
  return { data, info, values: data.table.getChild(name)!.toArray() as Float64Array | Int32Array };
};

test('spellings of one unit share one key; other units and non-units do not', () => {
  for (const text of ['16 oz', '16oz', '16.0 ounce', '16 OZ.', '16 ounces', '16 fl oz']) assert.equal(parseWrittenNumber(text)?.unit, 'oz', text);
  for (const text of ['3504 lbs', '3504 pounds', '3504 LBS.', '3504 lb']) assert.equal(parseWrittenNumber(text)?.unit, 'lb', text);
  assert.equal(unitKey('miles per gallon'), 'mpg');
  assert.equal(unitKey('degrees C'), '°C');
  assert.equal(unitKey('bedrooms'), 'bedroom');
  assert.notEqual(parseWrittenNumber('3 kg')?.unit, 'lb');
});

test('text of digits, signs and points alone is never a written number (the reader parses only cells with other bytes)', () => {
  fc.assert(fc.property(fc.stringMatching(/^[0-9.+-]{0,14}$/), (text) => parseWrittenNumber(text) === null), { numRuns: 20_000 });
  for (const text of ['1 234', '1,234', '7%', '16oz', '$5']) assert.ok(/[^0-9.+-]/.test(text) && parseWrittenNumber(text) !== null, text);
});

test('currencies, thousands separators and percent signs are read; the sign and decimals are kept', () => {
  assert.deepEqual(parseWrittenNumber('$1,234'), { value: 1234, prefix: '$', suffix: '', unit: 'USD', grouped: true, decimals: 0, decimalComma: false, commaMayBeDecimal: true });
  assert.equal(parseWrittenNumber('1234 USD')?.unit, 'USD');
  assert.equal(parseWrittenNumber('-$5.25')?.value, -5.25);
  assert.equal(parseWrittenNumber('1,234,567.5')?.value, 1234567.5);
  assert.deepEqual(parseWrittenNumber('0.07%'), { value: 0.07, prefix: '', suffix: '%', unit: '%', grouped: false, decimals: 2, decimalComma: false });
  assert.equal(parseWrittenNumber('12.5 pct')?.unit, '%');
});

test('plain numbers, times, ordinals, codes and phrases are not written numbers', () => {
  for (const text of ['12', '12.5', '12:30', '3rd', '5th', 'A1', '10x20', '1.2.3', '12 Main Street Apt', '255,0,0', '2B', '']) assert.equal(parseWrittenNumber(text), null, text);
});

test('a percent is x or x/100 by the column\'s own scale; the number is written back in a column\'s form', () => {
  assert.deepEqual(percentScaled({ value: 7, unit: '%' }, '', 0.05), { value: 0.07, converted: true });
  assert.deepEqual(percentScaled({ value: 0.07, unit: '%' }, '', 0.05), { value: 0.07, converted: false });
  assert.deepEqual(percentScaled({ value: 0.102, unit: '' }, '%', 12), { value: 10.2, converted: true });
  assert.equal(writeInForm(16, 1, undefined), '16.0');
  assert.equal(writeInForm(3504, 0, { prefix: '', suffix: ' lbs', grouped: false }), '3504 lbs');
  assert.equal(writeInForm(1234.5, 2, { prefix: '$', suffix: '', grouped: true }), '$1,234.50');
  assert.equal(writeInForm(-5, 0, { prefix: '$', suffix: '', grouped: false }), '-$5');
});

test('a catalogue column with 40% unit variants is read as numbers, its unit recorded, the variants listed', () => {
  const rows = ['id,ounces'];
  for (let i = 0; i < 50; i++) rows.push(`${i},${i % 5 === 0 ? '16 oz' : i % 5 === 1 ? '16.0 ounce' : i % 5 === 2 ? '12.0' : '12'}`);
  const { data, info, values } = column(rows.join('\n'), 'ounces');
  assert.equal(info.kind, 'float');
  assert.equal(info.numberFormat?.unit, 'oz');
  assert.deepEqual([values[0], values[1], values[2]], [16, 16, 12]);
  assert.equal(data.rejectedCells.length, 0);
  assert.deepEqual(new Set(data.variantCells.map((c) => c.text)), new Set(['16 oz', '16.0 ounce']));
  assert.equal(data.variantCells.length, 20);
});

test('a column that writes its unit lists the cells without it or spelled otherwise; another unit is not read', () => {
  const rows = ['weight'];
  for (let i = 0; i < 60; i++) rows.push(`${3000 + i} lbs`);
  rows.push('3504', '3504 pounds', '1600 kg');
  const { data, info, values } = column(rows.join('\n'), 'weight');
  assert.equal(info.numberFormat?.suffix, ' lbs');
  assert.deepEqual(data.variantCells.map((c) => c.text), ['3504', '3504 pounds']);
  assert.deepEqual([values[60], values[61]], [3504, 3504]);
  assert.deepEqual(data.rejectedCells.map((c) => c.text), ['1600 kg']);
});

test('units of several kinds on a few cells of a column of plain numbers (oz, kg, cm on sales): numbers, those cells its variants; units of several kinds throughout: text', () => {
  // 200 sales figures: 14 written with a unit of some kind, 10 with thousands separators, 3 two figures merged (no
  // number): 86.5% plain numbers, 91.5% without a unit.
  const units = [' oz', 'kg', ' CM.', ' oz', ' kg', 'cm'];
  const withUnit = (i: number) => i % 15 === 3;
  const grouped = (i: number) => i % 20 === 10;
  const merged = (i: number) => i % 60 === 40;
  const rows = ['sales'];
  for (let i = 0; i < 200; i++) {
    const v = 1_000_000 + 7919 * i;
    rows.push(withUnit(i) ? `${v}${units[((i - 3) / 15) % units.length]}` : grouped(i) ? `"${v.toLocaleString('en-US')}"` : merged(i) ? `"${v}, 2000000"` : String(v));
  }
  const { data, info, values } = column(rows.join('\n'), 'sales');
  assert.equal(info.kind, 'float', 'numbers');
  assert.equal(info.numberFormat?.unit ?? '', '', 'no unit is the column\'s');
  assert.equal(values[3], 1_000_000 + 7919 * 3);
  const all = Array.from({ length: 200 }, (_, i) => i);
  assert.deepEqual(data.variantCells.map((c) => c.row), all.filter((i) => withUnit(i) || grouped(i)), 'the unit-bearing and grouped cells are variants');
  assert.deepEqual(data.rejectedCells.map((c) => c.row), all.filter(merged), 'merged figures are no number');
  // Most cells with a unit, of several kinds: text.
  const mixed = ['size', ...Array.from({ length: 60 }, (_, i) => `${i + 1}${units[i % 6]}`)].join('\n');
  assert.equal(column(mixed, 'size').info.kind, 'string');
});

test('percent cells in a column of fractions, and fractions in a column of percents, are read at the column\'s scale', () => {
  const fractions = ['abv', ...Array.from({ length: 40 }, (_, i) => (0.04 + (i % 4) / 100).toFixed(2)), '0.07%', '7%'];
  const abv = column(fractions.join('\n'), 'abv');
  assert.deepEqual([abv.values[40], abv.values[41]], [0.07, 0.07]);
  const percents = ['share', ...Array.from({ length: 40 }, (_, i) => `${(8 + (i % 5)).toFixed(1)}%`), '0.102', '10.2'];
  const share = column(percents.join('\n'), 'share');
  assert.equal(share.info.numberFormat?.unit, '%');
  assert.ok(Math.abs(share.values[40] - 10.2) < 1e-9 && share.values[41] === 10.2);
});

test('an integer column reads "2540.0" as the integer 2540 (no type mismatch)', () => {
  const { data, info, values } = column(['n', ...Array.from({ length: 60 }, (_, i) => String(100 + i)), '2540.0', '254.'].join('\n'), 'n');
  assert.equal(info.kind, 'integer');
  assert.deepEqual([values[60], values[61]], [2540, 254]);
  assert.equal(data.rejectedCells.length + data.variantCells.length, 0);
});

test('a bare degree sign stands for the column\'s °C', () => {
  const rows = ['temp', ...Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? `${10 + i} °C` : i % 3 === 1 ? `${10 + i} DEG.` : `${10 + i}.0 degrees C`))];
  const { data, info } = column(rows.join('\n'), 'temp');
  assert.equal(info.kind, 'float');
  assert.equal(info.numberFormat?.unit, '°C');
  assert.equal(data.rejectedCells.length, 0);
});

test('ordinals, codes and free text stay text', () => {
  const ordinals = column(['place', ...Array.from({ length: 30 }, (_, i) => `${i + 1}${['st', 'nd', 'rd'][i] ?? 'th'}`)].join('\n'), 'place');
  assert.ok(['string', 'categorical'].includes(ordinals.info.kind));
  const units = column(['size', ...Array.from({ length: 30 }, (_, i) => `${i} ${['kg', 'cm', 'min', 'oz'][i % 4]}`)].join('\n'), 'size');
  assert.ok(['string', 'categorical'].includes(units.info.kind), 'several units in one column: not one quantity');
});

test('a decimal comma is read where only it can be meant, and where the column says so', () => {
  // Fewer or more than three digits after the comma, a zero alone before it, or points grouping the digits before it.
  for (const [text, value] of [['3,5', 3.5], ['1,23', 1.23], ['0,855', 0.855], ['-12,5', -12.5], ['1.234,56', 1234.56], ['1234,567', 1234.567], ['12,5 kg', 12.5], ['€3,50', 3.5]] as const) {
    const written = parseWrittenNumber(text);
    assert.equal(written?.value, value, text);
    assert.equal(written?.decimalComma, true, text);
  }
  // "8,536" is 8536 unless its column writes decimal commas; "1,234,567" and "1,234.5" only ever group thousands.
  assert.deepEqual([parseWrittenNumber('8,536')?.value, parseWrittenNumber('8,536')?.commaMayBeDecimal], [8536, true]);
  assert.equal(parseWrittenNumber('8,536', true)?.value, 8.536);
  assert.equal(parseWrittenNumber('1,234,567', true)?.value, 1234567);
  assert.equal(parseWrittenNumber('1,234.5')?.decimalComma, false);
  assert.equal(writeInForm(1234.5, 1, { prefix: '', suffix: '', grouped: true, decimalComma: true }), '1.234,5');
  assert.equal(writeInForm(57.38, 2, { prefix: '', suffix: ' kg', grouped: false, decimalComma: true }), '57,38 kg');
});

test('a file that writes decimal commas is read as numbers; a decimal comma among points is a variant, and the reverse', () => {
  // Prices and weights written as in much of Europe ("478,06", "0,855"; "8,536" is 8.536 there), semicolon-separated.
  const rows = Array.from({ length: 120 }, (_, i) => `${i};${100 + i},${String(i % 100).padStart(2, '0')};${1 + (i % 9)},${String(100 + ((i * 37) % 900))}`);
  const eu = column(['id;price;weight', ...rows].join('\n') + '\n', 'weight');
  assert.equal(eu.info.kind, 'float');
  assert.equal(eu.info.numberFormat?.decimalComma, true);
  assert.equal(eu.values[1], 2.137, '"2,137" is 2.137 in a column of decimal commas');
  assert.equal(column(['id;price;weight', ...rows].join('\n') + '\n', 'price').values[5], 105.05);
  assert.deepEqual(eu.data.variantCells, [], 'every cell in the column\'s form');
  // Among decimal points, cells written with a decimal comma are read and listed as variants; and a point among commas.
  const mixed = Array.from({ length: 100 }, (_, i) => (i % 10 === 3 ? `"${20 + i},5"` : `${20 + i}.25`));
  const us = column(['price', ...mixed].join('\n') + '\n', 'price');
  assert.equal(us.info.kind, 'float');
  assert.equal(us.values[3], 23.5);
  assert.deepEqual(us.data.variantCells.map((cell) => cell.row), [3, 13, 23, 33, 43, 53, 63, 73, 83, 93]);
  const commas = column(['price', ...Array.from({ length: 100 }, (_, i) => (i === 7 ? '27.25' : `"${20 + i},25"`))].join('\n') + '\n', 'price');
  assert.equal(commas.info.numberFormat?.decimalComma, true);
  assert.deepEqual(commas.data.variantCells.map((cell) => [cell.row, cell.text]), [[7, '27.25']]);
  // Thousands separators stay thousands separators where no value says otherwise.
  const grouped = column(['total', '"1,234"', '"12,345"', '"999"', '"2,000"', '"45,100"', '"1,234,567"'].join('\n') + '\n', 'total');
  assert.deepEqual(Array.from(grouped.values), [1234, 12345, 999, 2000, 45100, 1234567]);
});

test('in a file that writes decimal points, a column of "9,6" holds pairs of numbers, not decimal commas', () => {
  const rows = Array.from({ length: 200 }, (_, i) => `${(i * 7.25).toFixed(2)},${i},"${1 + (i % 9)},${1 + ((i * 5) % 9)}"`);
  const pairs = column(['decimal,count,array', ...rows].join('\n') + '\n', 'array');
  assert.notEqual(pairs.info.kind, 'float', 'pairs stay text');
  // The same column in a file without decimal points is read as decimal commas.
  const alone = column(['count;array', ...Array.from({ length: 200 }, (_, i) => `${i};${1 + (i % 9)},${1 + ((i * 5) % 9)}`)].join('\n') + '\n', 'array');
  assert.equal(alone.info.kind, 'float');
});

test('a currency symbol after the number is its currency; percents and prices with decimal commas are numbers beside columns of points', () => {
  assert.deepEqual([parseWrittenNumber('12,50 €')?.value, parseWrittenNumber('12,50 €')?.unit], [12.5, 'EUR']);
  assert.equal(parseWrittenNumber('12.50 €')?.value, 12.5);
  // "1.0" and "1.5E-3" elsewhere write points; "49,5%" and "45,05 €" are no pairs of numbers: their commas are decimal commas.
  const rows = Array.from({ length: 100 }, (_, i) => `${i % 2}.0;${(i % 7) + 1}.5E-3;${10 + (i % 80)},5%;${20 + (i % 50)},05 €`);
  const text = ['flag;tiny;pct;eur', ...rows].join('\n') + '\n';
  const pct = column(text, 'pct');
  assert.equal(pct.info.kind, 'float');
  assert.equal(pct.values[3], 13.5);
  const eur = column(text, 'eur');
  assert.deepEqual([eur.info.kind, eur.info.numberFormat?.unit, eur.values[3]], ['float', 'EUR', 23.05]);
  assert.deepEqual(eur.data.variantCells, []);
});

test('where the decimal mark is a comma, points group thousands: "12.345" is 12345 and "1.234.567" a number; elsewhere dotted codes stay text', () => {
  const rows = Array.from({ length: 120 }, (_, i) => `${i};${i % 3 === 0 ? '999' : i % 3 === 1 ? `${12 + i}.345` : `1.${100 + i}.567`};${(i % 9) + 1},5`);
  const population = column(['id;population;rate', ...rows].join('\n') + '\n', 'population');
  assert.equal(population.info.kind, 'float');
  assert.deepEqual(Array.from(population.values.slice(0, 3)), [999, 13345, 1102567]);
  assert.deepEqual(population.data.rejectedCells, []);
  // A zero never leads a group of thousands: "0.125" and "0.250" are fractions there too.
  const fractions = Array.from({ length: 120 }, (_, i) => `${i};${i % 2 ? '0.125' : '0.250'};${(i % 9) + 1},5;${i},75`);
  assert.deepEqual(Array.from(column(['id;share;rate;price', ...fractions].join('\n') + '\n', 'share').values.slice(0, 2)), [0.25, 0.125]);
  // The same values in a file of decimal points ("1.5"): codes, not numbers.
  const codes = Array.from({ length: 120 }, (_, i) => `${i},${i % 2 ? `1.${100 + i}.567` : `${12 + i}.345`},${(i % 9) + 1}.5`);
  assert.equal(column(['id,code,rate', ...codes].join('\n') + '\n', 'code').info.kind, 'string');
});

test('negative amounts in parentheses are numbers: the column’s way of writing negatives, or variants among minus signs; labels "(1)" stay text', () => {
  assert.deepEqual([parseWrittenNumber('(1,234.50)')?.value, parseWrittenNumber('(1,234.50)')?.accounting], [-1234.5, true]);
  assert.equal(parseWrittenNumber('($45)')?.value, -45);
  assert.equal(parseWrittenNumber('(-45)'), null);
  // Accounts: every seventh amount negative, in parentheses. The column is numbers, with no cell in another form.
  const amounts = Array.from({ length: 140 }, (_, i) => (i % 7 === 3 ? `"(${100 + i}.50)"` : `${200 + i}.25`));
  const accounts = column(['amount', ...amounts].join('\n') + '\n', 'amount');
  assert.deepEqual([accounts.info.kind, accounts.info.numberFormat?.accounting, accounts.values[3]], ['float', true, -103.5]);
  assert.deepEqual(accounts.data.variantCells, []);
  // A negative with a minus sign there is written another way; with minus signs the usual way, parentheses are.
  const withMinus = column(['amount', ...amounts.map((a, i) => (i === 10 ? '-5.25' : a))].join('\n') + '\n', 'amount');
  assert.deepEqual(withMinus.data.variantCells.map((cell) => cell.text), ['-5.25']);
  assert.equal(writeInForm(-5.25, 2, withMinus.info.numberFormat), '(5.25)');
  const minus = column(['amount', ...Array.from({ length: 140 }, (_, i) => (i === 3 ? '"(103.50)"' : i % 7 === 3 ? `-${100 + i}.5` : `${200 + i}.25`))].join('\n') + '\n', 'amount');
  assert.deepEqual([minus.info.numberFormat?.accounting, minus.data.variantCells.map((cell) => cell.row)], [undefined, [3]]);
  // Footnote labels are not negative numbers.
  assert.equal(column(['ref', ...Array.from({ length: 60 }, (_, i) => `(${1 + (i % 5)})`)].join('\n') + '\n', 'ref').info.kind !== 'float', true);
});

test('a typographic minus sign ("−3.5", U+2212) is a negative number, in another form than its column: other tools read it as text', () => {
  assert.deepEqual([parseWrittenNumber('\u22123.5')?.value, parseWrittenNumber('\u22123.5')?.unicodeMinus], [-3.5, true]);
  assert.equal(parseWrittenNumber('$\u22125')?.value, -5);
  // A quarter of the temperatures negative, written so (as tables copied from typeset pages are): numbers, each a variant.
  const rows = Array.from({ length: 100 }, (_, i) => `${i},${i % 4 === 1 ? `\u2212${i}.5` : `${i}.5`}`);
  const temp = column(['id,temp', ...rows].join('\n') + '\n', 'temp');
  assert.deepEqual([temp.info.kind, temp.values[1]], ['float', -1.5]);
  assert.equal(temp.data.variantCells.length, 25);
});

test('a score written out of its scale ("7.5/10", "4/5", "85/100") is the number with the scale as its unit; fractions and dates are not', () => {
  assert.deepEqual([parseWrittenNumber('7.5/10')?.value, parseWrittenNumber('7.5/10')?.unit], [7.5, '/10']);
  assert.equal(parseWrittenNumber('4 / 5')?.unit, '/5');
  assert.equal(parseWrittenNumber('85/100')?.unit, '/100');
  for (const text of ['3/4', '1/2', '5/25/94', '12/2001', '7.5/11']) assert.equal(parseWrittenNumber(text), null, text);
  // A tenth of a rating column written out of 10 (as another catalogue writes it): numbers, those cells its variants.
  const rows = ['id,rating'];
  for (let i = 0; i < 100; i++) rows.push(`${i},${(2 + (i % 70) / 10).toFixed(1)}${i % 8 === 3 ? '/10' : ''}`);
  const { data, info, values } = column(rows.join('\n'), 'rating');
  assert.equal(info.kind, 'float');
  assert.equal(values[3], 2.3);
  assert.equal(data.rejectedCells.length, 0);
  assert.equal(data.variantCells.length, 13, 'the cells written out of 10');
});

test('durations in hours and minutes ("1 hr. 49 min.", "1h 49m") are minutes in a column in minutes; elsewhere they are not numbers', () => {
  for (const text of ['1 hr 49 min', '1 hr. 49 min.', '1h 49m', '1h49m', '1 hour 49 minutes']) assert.deepEqual([parseWrittenNumber(text)?.value, parseWrittenNumber(text)?.unit], [109, 'min'], text);
  for (const text of ['1 hr 75 min', '1 hr', '49 min 1 hr']) assert.notEqual(parseWrittenNumber(text)?.hoursMinutes, true, text);
  // A quarter of a catalogue's running times written as a second catalogue writes them.
  const rows = ['id,duration'];
  for (let i = 0; i < 80; i++) rows.push(`${i},${i % 4 === 1 ? `${1 + (i % 2)} hr. ${10 + (i % 40)} min.` : `${70 + i} min`}`);
  const { data, info, values } = column(rows.join('\n'), 'duration');
  assert.equal(info.kind, 'float', 'numbers, as a column with a unit is');
  assert.equal(info.numberFormat?.suffix, ' min', 'the column writes "min"; hours and minutes are never its form');
  assert.equal(values[1], 131, '2 hr. 11 min.');
  assert.equal(data.variantCells.length, 20);
  // Only durations in hours and minutes: text, as before (no unit of the column's own to read them in).
  const all = column(['duration', ...Array.from({ length: 30 }, (_, i) => `${1 + (i % 2)} hr ${10 + i} min`)].join('\n'), 'duration');
  assert.equal(all.info.kind, 'string');
  // Plain numbers (of unknown unit) do not read them either.
  const plain = column(['duration', ...Array.from({ length: 40 }, (_, i) => (i === 5 ? '1 hr 5 min' : `${90 + i}`))].join('\n'), 'duration');
  assert.deepEqual(plain.data.rejectedCells.map((c) => c.text), ['1 hr 5 min']);
});
