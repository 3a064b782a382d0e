/** conflicting-records: two records of one entity that disagree (issue #9, point 2: one train number, two departure times). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';

const rules = allRules.filter((r) => r.id === 'conflicting-records' || r.id === 'duplicate-key' || r.id === 'dependency-violation');
const check = (lines: string[]) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode(`${lines.join('\n')}\n`)), { maxFindingsPerRuleAndColumn: 10_000 }, undefined, rules).findings;

/** A timetable merged from two sources: each train twice, with its departure; `departure(i, source)` may differ. */
function timetable(conflict?: number): string[] {
  const lines = ['train,source,departure,platform'];
  for (let i = 0; i < 120; i++) {
    const time = `${String(6 + (i % 16)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
    for (const source of ['A', 'B']) {
      const departure = conflict === i && source === 'B' ? `${String(6 + (i % 16)).padStart(2, '0')}:${String(((i * 7) % 60) + 1).padStart(2, '0')}`.replace(':60', ':59') : time;
      lines.push(`IC ${1000 + i},${source},${departure},${1 + (i % 9)}`);
    }
  }
  return lines;
}

test('a clean merged timetable has no finding', () => {
  assert.deepEqual(check(timetable()), []);
});

test('the two records of train IC 1050 disagree on its departure: both cells are reported, each pointing at the other', () => {
  const findings = check(timetable(50)).filter((f) => f.rule === 'conflicting-records');
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[100, 'departure'], [101, 'departure']]);
  assert.match(findings[0].message, /^Two records of train "IC 1050" disagree on "departure": "08:50" here, "08:51" in the other \(train → departure holds in 99% of train values\)\.$/);
  assert.deepEqual(findings[0].related?.map((p) => p.row), [101]);
  assert.deepEqual(findings[1].related?.map((p) => p.row), [100]);
  // Neither duplicate-key (train repeats by design) nor dependency-violation (no majority in two rows) reports it.
  assert.deepEqual(check(timetable(50)).filter((f) => f.rule !== 'conflicting-records'), []);
});
