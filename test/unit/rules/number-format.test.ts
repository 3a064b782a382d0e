/** number-format: numbers written unlike their column (units, percent signs, currencies, separators). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { NOW, checkCsv, csv, findingsOf, fixText } from './check-text';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { runQualityCheck } from '../../../src/core/quality/engine';

/** A beer catalogue as merged from several sources: ounces partly with units, abv partly with percent signs. */
function beers(): string {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 60; i++) {
    const ounces = i % 6 === 0 ? '16 oz' : i % 6 === 1 ? '16.0 ounce' : i % 6 === 2 ? '12 OZ.' : '12.0';
    const abv = i === 7 ? '0.07%' : i === 8 ? '7%' : (0.04 + (i % 4) / 100).toFixed(2);
    rows.push([i, `Beer ${i}`, ounces, abv]);
  }
  return csv(['id', 'name', 'ounces', 'abv'], rows);
}

test('clean: columns written one way (plain, or all with one unit, or all grouped) get no finding', () => {
  const rows = Array.from({ length: 40 }, (_, i) => [i, `${12 + (i % 3)} oz`, `$${(1000 + i * 37).toLocaleString('en-US')}`, (0.05 + (i % 3) / 100).toFixed(2)]);
  const report = checkCsv(csv(['id', 'size', 'price', 'abv'], rows));
  assert.deepEqual(findingsOf(report, 'number-format'), []);
  assert.deepEqual(findingsOf(report, 'type-mismatch'), []);
});

test('dirty: unit variants are reported with the column\'s form and share, and normalized to the number', () => {
  const report = checkCsv(beers());
  const ounces = findingsOf(report, 'number-format').filter((f) => f.column === 'ounces');
  assert.equal(ounces.length, 30, 'every cell written with a unit');
  const ounce = ounces.find((f) => f.value === '16.0 ounce')!;
  assert.match(ounce.message, /50% of its values are plain numbers, in oz/);
  assert.equal(fixText(ounce), '16.0');
  assert.equal(fixText(ounces.find((f) => f.value === '12 OZ.')), '12');
  assert.equal(ounce.evidence?.readAs, 16);
  assert.ok(ounce.acceptable, 'offers "accept this value"');
  assert.ok(report.fixesByRule['number-format'].length >= 30, 'fix all covers every variant');
});

test('dirty: a percent sign among fractions is read at the column\'s scale, and the message says which reading', () => {
  const abv = findingsOf(checkCsv(beers()), 'number-format').filter((f) => f.column === 'abv');
  const extra = abv.find((f) => f.value === '0.07%')!;
  const converted = abv.find((f) => f.value === '7%')!;
  assert.match(extra.message, /read as 0\.07 \(not 0\.0007: .*the percent sign is extra\)/);
  assert.match(converted.message, /read as 0\.07 \(7% of 1: the column holds fractions/);
  assert.deepEqual([fixText(extra), fixText(converted)], ['0.07', '0.07']);
});

test('dirty: in a column that writes its unit, a bare number or another spelling gets the column\'s form as fix', () => {
  const rows = Array.from({ length: 40 }, (_, i) => [`${3000 + i * 11} lbs`]);
  rows.push(['3504'], ['3504 pounds']);
  const found = findingsOf(checkCsv(csv(['weight'], rows)), 'number-format');
  assert.deepEqual(found.map(fixText), ['3504 lbs', '3504 lbs']);
  assert.match(found[0].message, /numbers with "lbs" after/);
});

test('edge: a number in another unit is reported (not converted, not read) instead of as a type mismatch', () => {
  const rows = Array.from({ length: 40 }, (_, i) => [`${3000 + i} lbs`]);
  rows.push(['1600 kg']);
  const report = checkCsv(csv(['weight'], rows));
  const other = findingsOf(report, 'number-format');
  assert.equal(other.length, 1);
  assert.match(other[0].message, /"1600 kg" is in kg, column "weight" is in lbs/);
  assert.equal(other[0].fixes, undefined);
  assert.deepEqual(findingsOf(report, 'type-mismatch'), []);
});

test('edge: thousands separators and currencies in a plain column', () => {
  const rows = Array.from({ length: 60 }, (_, i) => [String(900 + i * 50)]);
  rows.push(['$1,234'], ['2,500']);
  const found = findingsOf(checkCsv(csv(['price'], rows)), 'number-format');
  assert.deepEqual(found.map(fixText), ['"1234"', '"2500"'], 'the field stays quoted as written');
});

test('accepting a value accepts its form: cells written that way are no longer reported', () => {
  const accept = [{ rule: 'number-format', column: 'ounces', value: '16 oz' }];
  const found = findingsOf(checkCsv(beers(), { accept }), 'number-format').filter((f) => f.column === 'ounces');
  assert.ok(!found.some((f) => f.value === '16 oz'));
  assert.equal(found.length, 20, '"16.0 ounce" and "12 OZ." are still reported');
  assert.match(found[0].message, /66% of its values/, 'the accepted form counts with the column\'s');
});

test('a file written as in Germany (decimal commas, points for thousands, "45,3 %") is read as numbers and gets no findings', () => {
  const cities = ['Berlin', 'München', 'Hamburg', 'Köln', 'Frankfurt', 'Stuttgart'];
  const thousands = (n: number) => n.toString().replace(/\B(?=(\d{3})+$)/g, '.');
  const lines = Array.from({ length: 300 }, (_, i) => {
    const amount = ((i * 7919) % 95000) - 5000;
    return [
      `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.2020`,
      cities[i % cities.length],
      `${(i % 30) - 8},${i % 10}`,
      `${amount < 0 ? '-' : ''}${thousands(Math.abs(amount))},25`,
      thousands(1_000_000 + (i % cities.length) * 345_678),
      `${(i * 13) % 100},${i % 10} %`,
    ].join(';');
  });
  const data = ingestCsvBytes(new TextEncoder().encode(['Datum;Stadt;Temperatur;Umsatz;Einwohner;Anteil', ...lines].join('\n') + '\n'));
  assert.deepEqual(
    data.columns.map((c) => c.kind),
    ['date', 'categorical', 'float', 'float', 'float', 'float'],
  );
  assert.equal(data.table.getChild('Umsatz')?.get(1), 2919.25);
  assert.equal(data.table.getChild('Einwohner')?.get(1), 1345678);
  const warnings = runQualityCheck(data, { now: NOW }).findings.filter((f) => f.severity !== 'information').map((f) => `${f.rule} ${f.message}`);
  assert.deepEqual(warnings, [], 'no error or warning on a clean file written with decimal commas');
});

test('dirty: ratings written out of 10 among plain ratings are reported as such, with the number as fix', () => {
  const rows = Array.from({ length: 100 }, (_, i) => [i, `${(2 + (i % 70) / 10).toFixed(1)}${i % 8 === 3 ? '/10' : ''}`]);
  const found = findingsOf(checkCsv(csv(['id', 'rating'], rows)), 'number-format');
  assert.equal(found.length, 13, 'each rating written out of 10');
  assert.equal(found[0].message, '"2.3/10" is written unlike column "rating" (87% of its values are plain numbers, out of 10); read as 2.3 out of 10.');
  assert.equal(fixText(found[0]), '2.3');
});

test('dirty: where most cells carry a unit but a tenth or more are bare, the cells with the unit are reported (a number\'s form is plain)', () => {
  // Two sources merged: 65% of the rows written "12.0 oz", the rest bare; and 96% written "3504 lbs" (bare slips).
  const rows = Array.from({ length: 100 }, (_, i) => [i < 65 ? `${12 + (i % 3)}.0 oz` : `${12 + (i % 3)}.0`, i < 96 ? `${3000 + i * 7} lbs` : `${3000 + i * 7}`]);
  const found = findingsOf(checkCsv(csv(['ounces', 'weight'], rows)), 'number-format');
  const ounces = found.filter((f) => f.column === 'ounces');
  assert.equal(ounces.length, 65, 'every cell written with its unit, none of the bare ones');
  assert.ok(ounces.every((f) => / oz$/.test(f.value ?? '')), 'only cells with the unit');
  assert.match(ounces[0].message, /writes 35% of its values as plain numbers, in oz/);
  assert.equal(fixText(ounces[0]), '12.0');
  const weight = found.filter((f) => f.column === 'weight');
  assert.deepEqual(weight.map((f) => f.value), ['3672', '3679', '3686', '3693'], 'bare slips in a column that writes its unit');
});

test('dirty: thousands separators are the column\'s form only where nearly every large number has them', () => {
  // 60% of the amounts written "12,345" by one source, 40% "12345" by another: the grouped ones are reported.
  const mixed = Array.from({ length: 100 }, (_, i) => [i < 60 ? (10000 + i * 37).toLocaleString('en-US') : String(10000 + i * 37)]);
  const found = findingsOf(checkCsv(csv(['amount'], mixed)), 'number-format');
  assert.equal(found.length, 60, 'every grouped amount');
  assert.ok(found.every((f) => f.value?.includes(',')), 'only grouped ones');
  assert.equal(fixText(found[0]), '"10000"', 'the field stays quoted as written');
  // 97% grouped: the three bare amounts are the slips.
  const slips = Array.from({ length: 100 }, (_, i) => [i < 97 ? (10000 + i * 37).toLocaleString('en-US') : String(10000 + i * 37)]);
  assert.deepEqual(findingsOf(checkCsv(csv(['amount'], slips)), 'number-format').map((f) => f.value), ['13589', '13626', '13663']);
});

test('numbers in two units of one family among plain numbers: those in the unit written less are converted by the fix, not written as they stand', () => {
  // Weights in kg, plain; a second source writes "64.9 kg", a third "146 lbs" (its pounds would be kilograms if normalized as written).
  const rows = Array.from({ length: 300 }, (_, i) => {
    const kg = 60 + ((i * 37) % 300) / 10;
    return [i, i % 40 === 7 ? `${Math.round(kg * 2.20462)} lbs` : i % 40 === 9 || i % 40 === 11 ? `${kg.toFixed(1)} kg` : kg.toFixed(1)];
  });
  const findings = findingsOf(checkCsv(csv(['id', 'weight'], rows)), 'number-format');
  const pounds = findings.filter((f) => /lbs/.test(f.value ?? ''));
  const kilograms = findings.filter((f) => / kg$/.test(f.value ?? ''));
  assert.deepEqual([pounds.length, kilograms.length], [8, 16], 'every cell written with a unit');
  assert.equal(pounds[0].message, '"189 lbs" is in lb; column "weight" writes its numbers with a unit in kg as often or more (like "63.3 kg"), on the scale of its plain numbers: 189 lb is 85.7 kg.');
  assert.equal(fixText(pounds[0]), '85.7');
  const off = pounds.map((f) => Math.abs(Number(fixText(f)) - Number(f.value?.split(' ')[0]) / 2.20462));
  assert.ok(off.every((d) => d < 0.1), `pounds converted to kilograms: ${off.join(', ')}`);
  assert.deepEqual(kilograms.slice(0, 2).map(fixText), ['63.3', '70.7'], 'kilograms written as their number');
  // One unit only (pounds among plain numbers): the plain numbers are taken to be in it, as before.
  const one = rows.map(([i, w]) => [i, String(w).endsWith(' kg') ? String(w).replace(' kg', '') : w]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'weight'], one)), 'number-format').map(fixText).slice(0, 1), ['189']);
  // Units written onto numbers that are not in them (a day of the month "7 kg", "20 oz"): converting would leave
  // the column's scale, so each is its number as written.
  const days = Array.from({ length: 300 }, (_, i) => [i, i % 40 === 7 ? `${1 + (i % 28)} kg` : i % 40 === 9 || i % 40 === 11 ? `${1 + (i % 28)} oz` : String(1 + (i % 28))]);
  const written = findingsOf(checkCsv(csv(['id', 'day'], days)), 'number-format');
  assert.deepEqual(written.filter((f) => / kg$/.test(f.value ?? '')).map(fixText).slice(0, 2), ['8', '20'], 'not converted: "8 kg" is 8');
});
