/**
 * Rule settings that do not fit their rule (a wrong type, an unknown option) are left out — that part of
 * the rule keeps its default — and reported with the check, instead of breaking the rule or passing silently.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { validRuleSettings } from '../../../src/core/quality/rule-settings';
import { checkFile } from '../../../src/core/check/check-file';
import type { RuleSetting } from '../../../src/core/quality/engine';

const sample = path.resolve(__dirname, '../../../samples/dirty.csv');

test('valid settings pass unchanged, with no problem', () => {
  const rules = { outlier: { enabled: true, severity: 'hint', options: { alpha: 0.05 } }, typo: { enabled: false } };
  assert.deepEqual(validRuleSettings(rules), { rules, problems: [] });
  assert.deepEqual(validRuleSettings(undefined), { rules: {}, problems: [] });
});

test('a part that does not fit is left out and named; the valid parts of the same rule are kept', () => {
  const { rules, problems } = validRuleSettings({
    outlier: { enabled: false, severity: 'fatal', options: { alpha: '0.05', maxOutliers: 40, alpah: 1 } },
    typo: 'off',
    'no-such-rule': {},
  });
  assert.deepEqual(rules, { outlier: { enabled: false, options: { maxOutliers: 40 } } }, 'enabled: false is still honoured');
  assert.deepEqual(problems, [
    { setting: 'rules.outlier.severity', problem: 'expected one of error, warning, information, hint; got "fatal"' },
    { setting: 'rules.outlier.options.alpha', problem: 'expected a number; got "0.05"' },
    { setting: 'rules.outlier.options.alpah', problem: 'unknown key; did you mean "alpha"?' },
    { setting: 'rules.typo', problem: 'expected an object; got "off"' },
    { setting: 'rules.no-such-rule', problem: 'unknown key' },
  ]);
});

/** Settings as VS Code hands them over: of whatever shape the user wrote (their type is not checked). */
function asRead(settings: object): Record<string, RuleSetting> {
  return JSON.parse(JSON.stringify(settings)) as Record<string, RuleSetting>;
}

test('a check with a bad severity: the rule runs with its default severity and the check reports the setting', async () => {
  const result = await checkFile({ path: sample, read: {}, quality: { rules: asRead({ outlier: { severity: 'fatal' } }) } });
  assert.deepEqual(result.settingProblems, [{ setting: 'rules.outlier.severity', problem: 'expected one of error, warning, information, hint; got "fatal"' }]);
  const outliers = result.findings.filter((f) => f.rule === 'outlier');
  assert.ok(outliers.length > 0, 'the sample has a planted price outlier');
  assert.ok(outliers.every((f) => f.severity === 'warning'), 'the default severity');
});

test('a check with valid settings reports no setting problem', async () => {
  const result = await checkFile({ path: sample, read: {}, quality: { rules: { outlier: { severity: 'hint' } } } });
  assert.deepEqual(result.settingProblems, []);
  assert.ok(result.findings.filter((f) => f.rule === 'outlier').every((f) => f.severity === 'hint'));
});
