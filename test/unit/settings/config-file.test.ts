/** The CLI's `--config` file: checked against the rules' schema with plain-English messages, resolved per file by its globs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigFileError, parseQualityConfigFile, qualityConfigFor } from '../../../src/core/quality/config-file';

function problemsOf(document: unknown): string[] {
  try {
    parseQualityConfigFile(JSON.stringify(document), 'c.json');
  } catch (error) {
    if (error instanceof ConfigFileError) return error.problems;
    throw error;
  }
  return [];
}

test('a wrong value says where it is and what was expected, in plain English', () => {
  assert.deepEqual(problemsOf({ rules: { outlier: { severity: 'fatal' } } }), ['rules.outlier.severity: expected one of error, warning, information, hint; got "fatal"']);
  assert.deepEqual(problemsOf({ rules: { outlier: { options: { alpha: 'x' } } } }), ['rules.outlier.options.alpha: expected a number; got "x"']);
  assert.deepEqual(problemsOf({ accept: [{ rule: 'typo', column: 'city' }] }), ['accept[0].value: expected a string; it is missing']);
  assert.deepEqual(problemsOf({ ignore: [{ rule: 'no-such-rule' }] }), ['ignore[0].rule: expected a rule id (as in docs/rules/); got "no-such-rule"']);
});

test('a misspelt key is named with the key it was probably meant as; every problem is listed', () => {
  assert.deepEqual(problemsOf({ rules: { outlire: {}, outlier: { severty: 'hint', options: { alpah: 0.1 } } }, ignores: [] }), [
    'rules.outlier.options.alpah: unknown key; did you mean "alpha"?',
    'rules.outlier.severty: unknown key; did you mean "severity"?',
    'rules.outlire: unknown key; did you mean "outlier"?',
    'ignores: unknown key; did you mean "ignore"?',
  ]);
});

test('a file that is not JSON says so', () => {
  assert.throws(() => parseQualityConfigFile('{ "rules": ', 'c.json'), (error: unknown) => error instanceof ConfigFileError && /^not valid JSON/.test(error.problems[0]));
});

test('a valid file gives each data file the entries whose glob matches its path from the base folder', () => {
  const config = parseQualityConfigFile(
    JSON.stringify({
      rules: { outlier: { severity: 'hint', options: { alpha: 0.05 } } },
      ignore: [{ rule: 'typo', file: 'data/*.csv' }, { rule: 'whitespace' }],
      accept: [{ rule: 'typo', column: 'city', value: 'Pariss', file: '**/sales.csv' }],
      maxFindingsPerRuleAndColumn: 5,
    }),
    'c.json',
  );
  const inData = qualityConfigFor(config, 'data/sales.csv', '/project');
  assert.deepEqual(inData.ignore, [{ rule: 'typo' }, { rule: 'whitespace' }]);
  assert.deepEqual(inData.accept, [{ rule: 'typo', column: 'city', value: 'Pariss' }]);
  assert.deepEqual(inData.rules, { outlier: { severity: 'hint', options: { alpha: 0.05 } } });
  assert.equal(inData.maxFindingsPerRuleAndColumn, 5);
  const elsewhere = qualityConfigFor(config, '/project/archive/data/other.csv', '/project');
  assert.deepEqual(elsewhere.ignore, [{ rule: 'whitespace' }], 'data/*.csv is anchored at the base folder');
  assert.deepEqual(elsewhere.accept, []);
});
