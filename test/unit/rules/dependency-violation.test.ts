/** dependency-violation and the dependencies learned from a table (issue #9, point 2). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';
import { dependenciesOf } from '../../../src/core/quality/dependencies';

const rules = (...ids: string[]) => allRules.filter((r) => ids.includes(r.id));
const ingest = (lines: string[]) => ingestCsvBytes(new TextEncoder().encode(`${lines.join('\n')}\n`));
const check = (lines: string[], accept: { rule: string; column: string; value: string }[] = []) =>
  runQualityCheck(ingest(lines), { maxFindingsPerRuleAndColumn: 10_000, accept }, undefined, rules('dependency-violation')).findings;

/** Orders of 40 customers' zip codes: zip → city holds; `edit` changes some rows. */
function orders(edit: Record<number, [string, string]> = {}): string[] {
  const cities = ['Lyon', 'Paris', 'Nantes', 'Lille', 'Nice', 'Brest', 'Caen', 'Dijon'];
  const lines = ['order,zip,city,amount'];
  for (let i = 0; i < 400; i++) {
    const k = (i * 7) % 40;
    const [zip, city] = edit[i] ?? [`${69000 + k}`, cities[k % cities.length]];
    lines.push(`${1000 + i},${zip},${city},${(10 + ((i * 37) % 90)).toFixed(2)}`);
  }
  return lines;
}

test('zip → city is learned from the rows; a column unrelated to zip is not a dependency', () => {
  const data = ingest(orders());
  const found = dependenciesOf(data).map((d) => `${d.lhs.map((c) => data.columns[c].name).join('+')}>${data.columns[d.rhs].name}`);
  assert.ok(found.includes('zip>city'), found.join(' '));
  assert.ok(!found.some((d) => d.endsWith('>amount')), found.join(' '));
  assert.deepEqual(check(orders()), [], 'a clean table has no violation');
});

test('the minority value of a group is reported with the majority as evidence, related rows and a fix', () => {
  // Row 14 (zip 69018, normally "Nantes") says "Paris"; row 23 (69001, "Paris") says "Pariss".
  const findings = check(orders({ 14: ['69018', 'Paris'], 23: ['69001', 'Pariss'] }));
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.value]), [[14, 'city', 'Paris'], [23, 'city', 'Pariss']]);
  const [f] = findings;
  assert.match(f.message, /^"Paris" in column "city" breaks zip → city: zip "69018" is "Nantes" in 9 rows \(the dependency holds in 100% of zip values\)\.$/);
  assert.deepEqual(f.evidence?.expected, 'Nantes');
  assert.equal(f.related?.length, 3);
  assert.ok(f.related?.every((p) => p.message === 'zip "69018" is "Nantes" here'));
  const fix = f.fixes?.[0];
  assert.equal(fix?.kind === 'replace' ? fix.newText : undefined, 'Nantes');
  assert.equal(fix?.title, 'Replace with "Nantes" (as in 9 rows with zip "69018")');
});

test('no finding for a balanced split (a city name in two states), an accepted value, or a case variant', () => {
  // Zip 69018 has "Nantes" 5 times and "Paris" 5 times: no clear majority.
  const split: Record<number, [string, string]> = {};
  let n = 0;
  for (let i = 0; i < 400 && n < 5; i++) {
    if ((i * 7) % 40 !== 18) continue;
    split[i] = ['69018', 'Paris'];
    n++;
  }
  assert.deepEqual(check(orders(split)), []);
  assert.deepEqual(check(orders({ 14: ['69018', 'Paris'] }), [{ rule: 'dependency-violation', column: 'city', value: 'Paris' }]), []);
  assert.deepEqual(check(orders({ 14: ['69018', 'nantes'] })), [], 'category-variant reports case variants');
});

test('a wrong left side is blamed, not the right sides it breaks: origin → city, origin → state, city → origin', () => {
  const airports = [['LYS', 'Lyon', 'ARA'], ['CDG', 'Paris', 'IDF'], ['NTE', 'Nantes', 'PDL'], ['LIL', 'Lille', 'HDF'], ['NCE', 'Nice', 'PAC'], ['BES', 'Brest', 'BRE']];
  const lines = ['flight,origin,city,region'];
  for (let i = 0; i < 300; i++) {
    const [code, city, region] = airports[i % airports.length];
    lines.push(`F${i},${i === 100 ? 'CDG' : code},${city},${region}`);
  }
  // Row 100 is a Nice flight whose origin was typed CDG: its city and region still say Nice.
  const findings = check(lines);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[100, 'origin']]);
  assert.match(findings[0].message, /breaks city → origin: city "Nice" is "NCE" in 49 rows/);
});
