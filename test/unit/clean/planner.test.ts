/** Proposals: one step per rule × column from the findings with their counts, plus what the data shows, in pipeline order. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestFile } from '../../../src/core/ingest/index';
import { runQualityCheck } from '../../../src/core/quality/engine';
import { describeSource, probeSource } from '../../../src/core/clean/api';
import { proposeSteps, safeDefaultSteps } from '../../../src/core/clean/planner';
import { RULE_STEPS } from '../../../src/core/clean/rule-steps';
import { stepById } from '../../../src/core/clean/steps/index';
import { allRules } from '../../../src/core/quality/engine';
import { tempDir } from './helpers';

test('the dirty sample: a step per rule and column, with counts; steps that change what a model learns are off', async () => {
  const path = 'samples/dirty.csv';
  const findings = runQualityCheck(await ingestFile(path), { now: new Date('2026-11-25') }).findings;
  const source = await describeSource(path);
  const proposals = proposeSteps(source.schema, await probeSource(source), findings);
  const summary = proposals.map((p) => `${p.step.step}${p.column ? `:${p.column}` : ''}${p.step.enabled ? '' : ' (off)'} ${p.reasons.join(' + ')}`);
  assert.deepEqual(summary, [
    'drop-malformed-rows ragged-row (2) + malformed rows (2)',
    'trim-whitespace:city whitespace (3) + untrimmed cells (3)',
    'null-na-tokens:district NA tokens (1)',
    'null-na-tokens:bedrooms NA tokens (1)',
    'null-na-tokens:price_eur NA tokens (1)',
    'null-na-tokens:agent NA tokens (1)',
    'normalize-numbers:price_eur type-mismatch (1)',
    'parse-dates:sale_date mixed-date-format (3) + dates not in ISO form (3)',
    'unify-categories:city category-variant (4)',
    'drop-duplicate-rows duplicate-row (2)',
    'impute-missing:district (off) missing-value (1)',
    'impute-missing:bedrooms (off) missing-value (1)',
    'impute-missing:area_m2 (off) missing-value (7)',
    'impute-missing:price_eur (off) missing-value (1)',
    'impute-missing:agent (off) missing-value (2)',
    'impute-missing:sold_with_garden (off) missing-value (1)',
    'handle-outliers:area_m2 (off) outlier (1)',
    'handle-outliers:price_eur (off) outlier (1)',
    'scale-numeric:price_eur (off) scale-disparity (1)',
  ]);
  const trim = proposals.find((p) => p.step.step === 'trim-whitespace')!;
  assert.equal(trim.count, 3);
});

test('every rule mapped to a step names a step that exists, and most rules that a step can fix are mapped', () => {
  for (const [rule, choose] of Object.entries(RULE_STEPS)) {
    const choice = choose({ name: 'x', kind: 'float' }) ?? choose({ name: 'x', kind: 'date' }) ?? choose(null);
    assert.ok(choice && stepById(choice.step), `${rule} → ${choice?.step}`);
  }
  for (const id of ['whitespace', 'category-variant', 'duplicate-row', 'ragged-row', 'missing-value', 'outlier', 'mixed-date-format', 'type-mismatch', 'suspect-label']) {
    assert.ok(allRules.some((r) => r.id === id) && RULE_STEPS[id], id);
  }
});

test('the data alone (no findings) proposes formatted numbers and non-ISO dates, on any table', async () => {
  const dir = tempDir();
  try {
    const source = await describeSource(dir.file('t.csv', 'amount,when,label\n"$1,200",03/04/2023,a\n950,2023-05-01,b\n"$2,000",05/06/2023,c\n'));
    const facts = await probeSource(source);
    assert.deepEqual(proposeSteps(source.schema, facts).map((p) => `${p.step.step}:${p.column}`), ['normalize-numbers:amount', 'parse-dates:when']);
    assert.deepEqual(safeDefaultSteps(source.schema, facts).map((st) => `${st.step} ${JSON.stringify(st.options)}`), [
      // "$1,200" among plain numbers: the reader reads amount as numbers (in dollars), so it is no text column.
      'trim-whitespace {"columns":["label"]}',
      'null-na-tokens {"columns":["amount","when","label"]}',
      'normalize-numbers {"columns":["amount"],"percent":"auto","decimal":"auto"}',
      'unify-categories {"columns":["label"],"typos":true,"maxDistinct":1000}',
      'drop-duplicate-rows {}',
    ]);
  } finally {
    dir.dispose();
  }
});
