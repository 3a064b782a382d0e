/** contradicted-flag: a yes/no column that a number decides at a threshold, and the rows where they disagree. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';

const rule = 'contradicted-flag';

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Tax records: has_child Y exactly where the child exemption is above zero, married M exactly where the married exemption is. */
function taxRows(n: number): string[][] {
  const next = random(7);
  return Array.from({ length: n }, (_, i) => {
    const children = next() < 0.4 ? 0 : 1 + Math.floor(next() * 3);
    const married = next() < 0.5;
    const salary = 20000 + Math.floor(next() * 80000);
    const exemption = 1000 + 250 * (salary % 9);
    return [`${i}`, String(salary), children ? 'Y' : 'N', String(children * 1000), married ? 'M' : 'S', married ? '0' : String(exemption), married ? String(2 * exemption) : '0'];
  });
}
const TAX = ['id', 'salary', 'has_child', 'child_exemp', 'marital_status', 'single_exemp', 'married_exemp'];

test('a flag that its number contradicts is reported, with the value the number calls for', () => {
  const rows = taxRows(1000);
  assert.deepEqual(findingsOf(checkCsv(csv(TAX, rows)), rule), [], 'clean');
  const flipped = [3, 120, 555, 871];
  for (const r of flipped) rows[r][2] = rows[r][2] === 'Y' ? 'N' : 'Y';
  const findings = findingsOf(checkCsv(csv(TAX, rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column]), flipped.map((r) => [r, 'has_child']));
  const first = findings[0];
  const expected = rows[3][2] === 'Y' ? 'N' : 'Y';
  assert.equal(fixText(first), expected);
  assert.match(first.message, new RegExp(`^"has_child" is "${rows[3][2]}" where "child_exemp" is ${rows[3][3]}: in 996 of the other 999 rows, "has_child" is "N" where "child_exemp" is at most 0 and "Y" where it is 1000 or more\\.$`));
});

test('where another number vouches for the flag, the number that strays is the cell reported', () => {
  const rows = taxRows(1000);
  // A married exemption written in a single person's row: marital_status "S" still agrees with single_exemp.
  const r = rows.findIndex((row) => row[4] === 'S');
  rows[r][6] = '4500';
  const findings = findingsOf(checkCsv(csv(TAX, rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.value]), [[r, 'married_exemp', '4500']]);
  assert.equal(fixText(findings[0]), undefined, 'no value is known for the number');
});

test('two populations that overlap near a boundary, a one-way rule and a rule with too many exceptions are no threshold', () => {
  const next = random(11);
  // Species told by their size: the few that cross lie near the boundary.
  const sizes = Array.from({ length: 1000 }, (_, i) => {
    const big = i % 2 === 0;
    const size = big ? 60 + next() * 40 : 20 + next() * 40;
    return [big ? 'large' : 'small', size.toFixed(1)];
  });
  for (let i = 0; i < 8; i++) sizes[2 * i][1] = (58 + next() * 2).toFixed(1);
  // Out of stock where the stock is empty, but also for other reasons (discontinued): 8 of the 108 "no" rows.
  const stock = Array.from({ length: 1000 }, (_, i) => {
    const empty = i % 10 === 0;
    const discontinued = i % 125 === 1;
    return [empty || discontinued ? 'no' : 'yes', String(empty ? 0 : 1 + Math.floor(next() * 300))];
  });
  // Pass above 50 points, with 3% of the rows on the wrong side.
  const exam = Array.from({ length: 1000 }, (_, i) => {
    const score = Math.floor(next() * 100);
    return [(score >= 50) !== (i % 33 === 0) ? 'pass' : 'fail', String(score)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['species', 'size'], sizes)), rule), [], 'overlap at the boundary');
  assert.deepEqual(findingsOf(checkCsv(csv(['in_stock', 'stock'], stock)), rule), [], 'one way only');
  assert.deepEqual(findingsOf(checkCsv(csv(['result', 'score'], exam)), rule), [], '3% break it');
  // The same exam with two slips far from the boundary is a threshold the table follows.
  const slips = exam.map((row) => [Number(row[1]) >= 50 ? 'pass' : 'fail', row[1]]);
  const wrong = [slips.findIndex((row) => Number(row[1]) > 90), slips.findIndex((row) => Number(row[1]) < 10)];
  for (const r of wrong) slips[r][0] = slips[r][0] === 'pass' ? 'fail' : 'pass';
  assert.deepEqual(findingsOf(checkCsv(csv(['result', 'score'], slips)), rule).map((f) => f.row), [...wrong].sort((a, b) => a - b));
});

test('a one-way rule at the number\'s floor: a child exemption above 0 means "Y", where states without the tax write 0 for everyone', () => {
  const rows = taxRows(2000);
  // A fifth of the rows come from states without an income tax: every exemption 0, whatever the family.
  rows.forEach((row, i) => {
    if (i % 5 === 0) [row[3], row[5], row[6]] = ['0', '0', '0'];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(TAX, rows)), rule), [], 'clean');
  const yes = rows.findIndex((row, i) => i % 5 !== 0 && row[2] === 'Y');
  rows[yes][2] = 'N';
  const findings = findingsOf(checkCsv(csv(TAX, rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.value]), [[yes, 'has_child', 'N']]);
  assert.match(findings[0].message, /^"has_child" is "N" where "child_exemp" is \d+: in [\d,]+ of the other [\d,]+ rows where "child_exemp" is above 0, "has_child" is "Y"\.$/);
  assert.equal(fixText(findings[0]), 'Y');
  // A "Y" at 0 breaks nothing: the floor holds both values.
  const no = rows.findIndex((row, i) => i % 5 !== 0 && row[3] === '0');
  rows[no][2] = 'Y';
  assert.deepEqual(findingsOf(checkCsv(csv(TAX, rows)), rule).map((f) => f.row), [yes]);
});

test('a rare value that keeps off a side only as chance would is no one-way rule', () => {
  const next = random(5);
  // "refund" is "yes" in 1% of the rows, whatever the amount; a tenth of the amounts are 0, and one "yes" among them
  // (three were due by chance).
  const rows = Array.from({ length: 3000 }, (_, i) => [i % 100 === 7 || i === 10 ? 'yes' : 'no', String(i % 10 === 0 ? 0 : 1 + Math.floor(next() * 500))]);
  assert.deepEqual(findingsOf(checkCsv(csv(['refund', 'amount'], rows)), rule), []);
});

test('a boolean column is a flag: "passed" written true/false, read from its bits', () => {
  const next = random(3);
  const rows = Array.from({ length: 600 }, () => {
    const score = Math.floor(next() * 100);
    return [String(score >= 60), String(score)];
  });
  assert.deepEqual(findingsOf(checkCsv(csv(['passed', 'score'], rows)), rule), [], 'clean');
  const r = rows.findIndex((row) => Number(row[1]) > 85);
  rows[r][0] = 'false';
  const findings = findingsOf(checkCsv(csv(['passed', 'score'], rows)), rule);
  assert.deepEqual(findings.map((f) => [f.row, f.value]), [[r, 'false']]);
  assert.equal(fixText(findings[0]), 'true');
  assert.match(findings[0].message, /"passed" is "false" where "score" is \d+: in 599 of the other 599 rows, "passed" is "false" where "score" is at most 59 and "true" where it is 60 or more\./);
});
