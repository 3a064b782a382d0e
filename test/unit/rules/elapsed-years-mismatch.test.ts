/** elapsed-years-mismatch: an age that is not the whole years since its row's birth date, as the other rows count them. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';
import { mulberry32 } from '../../../src/core/shared/random';

const rule = allRules.filter((r) => r.id === 'elapsed-years-mismatch');
const check = (lines: string[]) =>
  runQualityCheck(ingestCsvBytes(new TextEncoder().encode(`${lines.join('\n')}\n`)), { maxFindingsPerRuleAndColumn: 10_000, now: new Date('2026-12-01') }, undefined, rule).findings;

/** Staff: birth dates from 1960 to 2000, ages counted on 2026-06-01; `ages` overrides some rows' age. */
function staff(ages: Record<number, number> = {}, reference = Date.UTC(2026, 5, 1)): string[] {
  const random = mulberry32(7);
  const lines = ['id,birth_date,age,salary'];
  for (let i = 0; i < 500; i++) {
    const birth = new Date(Date.UTC(1960, 0, 1) + Math.floor(random() * 40 * 365.25) * 86_400_000);
    let age = new Date(reference).getUTCFullYear() - birth.getUTCFullYear();
    const birthday = Date.UTC(new Date(reference).getUTCFullYear(), birth.getUTCMonth(), birth.getUTCDate());
    if (birthday > reference) age--;
    lines.push(`E${i},${birth.toISOString().slice(0, 10)},${ages[i] ?? age},${40_000 + Math.floor(random() * 80_000)}`);
  }
  return lines;
}

test('an age ten years off its birth date is reported on the age, with the years the date gives', () => {
  assert.deepEqual(check(staff()), [], 'ages counted on one day: no finding');
  const clean = staff();
  const [, birth, age] = clean[1 + 17].split(',');
  const findings = check(staff({ 17: Number(age) + 10, 230: 3 }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[17, 'age'], [230, 'age']]);
  assert.equal(findings[0].evidence?.expected, age);
  assert.equal(findings[0].evidence?.dateValue, birth);
  assert.match(findings[0].message, new RegExp(`^${Number(age) + 10} in column "age" is not the years since birth_date ${birth} of this row \\(${age}\\), as age counts them from birth_date to 2026-0\\d in 498 of the 500 rows holding both\\.$`));
  assert.equal(findings[0].related?.[0]?.column, 'birth_date');
});

test('an age one year off (a birthday not counted yet) and a birth date in the future are not reported', () => {
  const clean = staff();
  const age = Number(clean[1 + 40].split(',')[2]);
  assert.deepEqual(check(staff({ 40: age + 1 })), [], 'one year off');
  const future = staff().map((line, i) => (i === 1 + 60 ? line.replace(/,\d{4}-/, ',2031-') : line));
  assert.deepEqual(check(future), [], 'a date in the future is future-date\'s');
});

test('no relation where ages were counted on many days (a survey over years), nor between unrelated columns', () => {
  const random = mulberry32(3);
  // Each row's age counted on its own day over 8 years: year(birth) + age spreads over 8 years.
  const spread = staff().map((line, i) => {
    if (i === 0) return line;
    const [id, birth, age, salary] = line.split(',');
    return [id, birth, Number(age) + Math.floor(random() * 8), salary].join(',');
  });
  assert.deepEqual(check(spread), []);
  const unrelated = staff().map((line, i) => (i === 0 ? line : line.replace(/,(\d+),(\d+)$/, (_, _age: string, salary: string) => `,${Math.floor(random() * 90)},${salary}`)));
  assert.deepEqual(check(unrelated), []);
});
