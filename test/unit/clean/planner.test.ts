/** Proposals: one step per rule × column from the findings with their counts, plus what the data shows, in pipeline order. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestFile } from '../../../src/core/ingest/index';
import { runQualityCheck } from '../../../src/core/quality/engine';
import { readFileSync } from 'node:fs';
import { cleanToFile, describeSource, newRecipe, probeSource } from '../../../src/core/clean/api';
import { proposeSteps, safeDefaultSteps } from '../../../src/core/clean/planner';
import { RULE_STEPS, RULES_WITHOUT_STEP } from '../../../src/core/clean/rule-steps';
import type { Finding } from '../../../src/core/quality/finding';
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
    'replace-values:city (off) dependency-violation (1)',
    'replace-values:bedrooms (off) impossible-value (1)',
    'replace-values:area_m2 (off) impossible-value (1) + sentinel-value (1)',
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
    'handle-outliers:price_eur (off) outlier (1)',
    'scale-numeric:price_eur (off) scale-disparity (1)',
    'drop-columns:notes (off) mostly-empty-column (1)',
  ]);
  const trim = proposals.find((p) => p.step.step === 'trim-whitespace')!;
  assert.equal(trim.count, 3);
});

test('every rule is either mapped to steps that exist or listed as having none, also the rules of q2-relations', () => {
  const relations = ['dependency-violation', 'conflicting-records', 'column-shift', 'out-of-order-timestamp'];
  for (const id of [...allRules.map((r) => r.id), ...relations]) {
    assert.ok((RULE_STEPS[id] !== undefined) !== RULES_WITHOUT_STEP.has(id), `${id}: in RULE_STEPS or RULES_WITHOUT_STEP (exactly one)`);
  }
  const finding = (rule: string, fields: Partial<Finding>): Finding => ({ rule, dimension: 'accuracy', severity: 'warning', row: 3, column: 'x', columnIndex: 0, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } }, message: 'not read', ...fields });
  const findingsFor: Record<string, Finding[]> = {
    typo: [finding('typo', { value: 'a', evidence: { likely: 'b' } })],
    'word-typo': [finding('word-typo', { value: 'ann@yhaoo.com', evidence: { word: 'yhaoo', likelyWord: 'yahoo', likely: 'ann@yahoo.com' } })],
    'encoding-damage': [finding('encoding-damage', { value: 'a', evidence: { repaired: 'b' } })],
    'number-format': [finding('number-format', { value: 'a', evidence: { readAs: 2 } })],
    'dependency-violation': [finding('dependency-violation', { value: 'a', evidence: { expected: 'b' } })],
    'contradicted-flag': [
      finding('contradicted-flag', { value: 'N', evidence: { flag: 'x', number: 'child_exemp', cut: 0, highValue: 'Y', expected: 'Y' } }),
      finding('contradicted-flag', { row: 9, column: 'child_exemp', value: '1500', evidence: { flag: 'x', number: 'child_exemp', cut: 0, highValue: 'Y', expected: 'Y', vouched: true } }),
    ],
    'column-shift': [finding('column-shift', { value: 'a', evidence: { neighbour: 'y', neighbourEmpty: true } })],
    'spelled-out-code': [finding('spelled-out-code', { value: 'Male', evidence: { code: 'M' } })],
    'name-variant': [finding('name-variant', { value: 'United States', evidence: { kind: 'country', entity: 'US', name: 'United States of America', columnSpelling: 'USA', columnSpellingRows: 73 } })],
    'abbreviated-value': [finding('abbreviated-value', { value: 'M', evidence: { full: 'Male', fullRows: 197, wordShare: 0.98 } })],
    'broken-relation': [finding('broken-relation', { row: 8, column: 'x', value: '7679', evidence: { relation: 'sum', formula: 'total = men + women', holdingShare: 0.99, rows: 1000, expected: '6993' } })],
    'date-part-mismatch': [finding('date-part-mismatch', { row: 8, column: 'year', value: '2041', evidence: { part: 'year', date: 'first_registration', dateValue: '2014-03-02', number: 'year', numberValue: '2041', equalRows: 498, rows: 500, expected: '2014' } })],
    'elapsed-years-mismatch': [finding('elapsed-years-mismatch', { row: 8, column: 'age', value: '61', evidence: { date: 'birth_date', dateValue: '1975-03-02', expected: '51', yearsOff: 10, holdingRows: 498, rows: 500 } })],
    'duration-mismatch': [finding('duration-mismatch', { row: 8, column: 'minutes', value: '120', evidence: { from: 'started_at', fromValue: '2025-03-01 10:00', to: 'ended_at', toValue: '2025-03-01 10:12', unit: 'minutes', expected: '12', holdingRows: 498, rows: 500 } })],
    'merged-neighbour': [finding('merged-neighbour', { value: 'Portland, OR', evidence: { neighbour: 'state', neighbourValue: 'OR', ownPart: 'Portland' } })],
    'reversed-range': [finding('reversed-range', { value: '285-91', evidence: { start: 285, end: 91, ascendingShare: 0.98, fixed: '285-291' } })],
    'mixed-time-format': [finding('mixed-time-format', { value: '7:10am', evidence: { notation: 'h:mmxm', columnNotation: 'h:mm x.m.', columnShare: 0.8, example: '9:05 a.m.', fixed: '7:10 a.m.' } })],
    'mixed-list-separator': [finding('mixed-list-separator', { value: 'A; B', evidence: { separator: '; ', columnSeparator: ', ', columnShare: 0.9, example: 'C, D', fixed: 'A, B' } })],
    'mixed-letter-case': [finding('mixed-letter-case', { value: 'THE GODFATHER', evidence: { letterCase: 'capitals', columnCase: 'mixed case', columnShare: 0.97, fixed: 'The Godfather' } })],
    'lookalike-character': [finding('lookalike-character', { value: 'WBAJG11OARZ835203', evidence: { letter: 'O', digit: '0', letterCodes: 1, digitCodes: 3400, codes: 3600, fixed: 'WBAJG110ARZ835203' } })],
    'truncated-value': [
      finding('truncated-value', { value: 'Livingston Munic', evidence: { width: 16, word: 'Munic', completion: 'Municipal', completionRows: 955, cutRows: 20, fixed: 'Livingston Municipal' } }),
      finding('truncated-value', { row: 9, value: 'Eveleth-Virginia Mu', evidence: { width: 19, word: 'Mu', completion: 'Municipal', completionRows: 955, cutRows: 20 } }),
    ],
  };
  for (const [rule, choose] of Object.entries(RULE_STEPS)) {
    const findings = findingsFor[rule] ?? [finding(rule, { value: 'a' })];
    const choices = [...choose({ name: 'x', kind: 'float' }, findings), ...choose({ name: 'x', kind: 'date' }, findings), ...choose(null, findings)];
    assert.ok(choices.length > 0, `${rule} proposes a step`);
    for (const choice of choices) assert.ok(stepById(choice.step), `${rule} → ${choice.step}`);
  }
  // Row-specific corrections of q2-relations' rules: the row, the value it holds and the value it should hold.
  assert.deepEqual(RULE_STEPS['dependency-violation']({ name: 'x', kind: 'string' }, findingsFor['dependency-violation']), [
    { step: 'replace-values', options: { columns: ['x'], cells: { x: [{ row: 3, from: 'a', to: 'b' }] } }, enabled: false },
  ]);
  assert.deepEqual(
    RULE_STEPS['contradicted-flag']({ name: 'x', kind: 'string' }, findingsFor['contradicted-flag']),
    [{ step: 'replace-values', options: { columns: ['x'], cells: { x: [{ row: 3, from: 'N', to: 'Y' }] } }, enabled: false }],
    'the flag the number calls for, off by default; a finding on the number itself names no value for it',
  );
  assert.deepEqual(RULE_STEPS['spelled-out-code']({ name: 'x', kind: 'string' }, findingsFor['spelled-out-code'])[0].options, { columns: ['x'], values: { x: { Male: 'M' } } });
  assert.deepEqual(RULE_STEPS['word-typo']({ name: 'x', kind: 'string' }, findingsFor['word-typo'])[0].options, { columns: ['x'], values: { x: { 'ann@yhaoo.com': 'ann@yahoo.com' } } }, 'the value with its word corrected');
  assert.deepEqual(RULE_STEPS['abbreviated-value']({ name: 'x', kind: 'string' }, findingsFor['abbreviated-value'])[0].options, { columns: ['x'], values: { x: { M: 'Male' } } });
  assert.deepEqual(RULE_STEPS['broken-relation']({ name: 'x', kind: 'integer' }, findingsFor['broken-relation'])[0].options, { columns: ['x'], cells: { x: [{ row: 8, from: '7679', to: '6993' }] } });
  const swapped = finding('column-shift', { value: 'WA', evidence: { neighbour: 'state', neighbourEmpty: false, swapped: true, neighbourValue: 'Seattle' } });
  assert.deepEqual(RULE_STEPS['column-shift']({ name: 'x', kind: 'string' }, [swapped])[0].options, { columns: ['x'], cells: { x: [{ row: 3, from: 'WA', to: 'Seattle' }] } }, 'a swapped value takes the other\'s in its own cell');
  assert.deepEqual(RULE_STEPS['merged-neighbour']({ name: 'x', kind: 'string' }, findingsFor['merged-neighbour'])[0].options, { columns: ['x'], values: { x: { 'Portland, OR': 'Portland' } } });
  assert.deepEqual(RULE_STEPS['reversed-range']({ name: 'x', kind: 'string' }, findingsFor['reversed-range'])[0].options, { columns: ['x'], values: { x: { '285-91': '285-291' } } });
  assert.deepEqual(RULE_STEPS['mixed-time-format']({ name: 'x', kind: 'string' }, findingsFor['mixed-time-format'])[0].options, { columns: ['x'], values: { x: { '7:10am': '7:10 a.m.' } } });
  assert.deepEqual(RULE_STEPS['mixed-list-separator']({ name: 'x', kind: 'string' }, findingsFor['mixed-list-separator'])[0].options, { columns: ['x'], values: { x: { 'A; B': 'A, B' } } });
  assert.deepEqual(RULE_STEPS['mixed-letter-case']({ name: 'x', kind: 'string' }, findingsFor['mixed-letter-case'])[0].options, { columns: ['x'], values: { x: { 'THE GODFATHER': 'The Godfather' } } });
  assert.deepEqual(RULE_STEPS['truncated-value']({ name: 'x', kind: 'string' }, findingsFor['truncated-value'])[0].options, { columns: ['x'], values: { x: { 'Livingston Munic': 'Livingston Municipal' } } }, 'a value cut short is written in full where the column tells it, else left');
  assert.deepEqual(RULE_STEPS['column-shift']({ name: 'x', kind: 'string' }, findingsFor['column-shift'])[0].options, {
    columns: ['x', 'y'],
    cells: { x: [{ row: 3, from: 'a', to: null }], y: [{ row: 3, from: null, to: 'a' }] },
  });
});

test('a unit variant, a typo and mojibake: the findings\' corrections become the proposed steps, and the cleaned file has none of them', async () => {
  const dir = tempDir();
  try {
    const cities = [['manchester', 40], ['london', 30], ['birmingham', 25], ['leeds', 20]] as const;
    const stations = ['Zürich', 'Łódź', 'São Paulo', 'Köln'];
    const lines = ['id,city,station,weight'];
    for (const [city, n] of cities) for (let i = 0; i < n; i++) lines.push(`${lines.length - 1},${city},${stations[lines.length % 4]},${3000 + lines.length * 11} lbs`);
    lines.push('115,mancheter,ZÃ¼rich,3504 pounds');
    const path = dir.file('t.csv', `${lines.join('\n')}\n`);
    const findings = runQualityCheck(await ingestFile(path)).findings;
    const source = await describeSource(path);
    const proposals = proposeSteps(source.schema, await probeSource(source), findings);
    const replace = proposals.filter((p) => p.step.step === 'replace-values');
    assert.deepEqual(
      replace.map((p) => [p.column, p.reasons, p.step.options]),
      [
        ['city', ['typo (1)'], { columns: ['city'], values: { city: { mancheter: 'manchester' } }, cells: {} }],
        // Mojibake read back as "Zürich" (encoding-damage; typo leaves damaged text to it).
        ['station', ['encoding-damage (1)'], { columns: ['station'], values: { station: { 'ZÃ¼rich': 'Zürich' } }, cells: {} }],
        ['weight', ['number-format (1)'], { columns: ['weight'], values: { weight: { '3504 pounds': '3504' } }, cells: {} }],
      ],
    );
    assert.ok(proposals.some((p) => p.step.step === 'normalize-numbers' && p.column === 'weight' && p.reasons.includes('number-format (1)')));
    const recipe = newRecipe(source, proposals.filter((p) => p.step.enabled).map((p) => p.step));
    const out = dir.file('t.clean.csv');
    await cleanToFile(source, recipe, out);
    const cleaned = readFileSync(out, 'utf8');
    for (const gone of ['mancheter', 'ZÃ¼rich', 'pounds', 'lbs']) assert.ok(!cleaned.includes(gone), `${gone} is cleaned away`);
    assert.match(cleaned, /\n115,manchester,Zürich,3504\n/);
    assert.match(cleaned, /\n0,manchester,[^,]+,3011\n/, 'the column\'s other cells become plain numbers too');
  } finally {
    dir.dispose();
  }
});

test('dates inside text: the step writes the other format\'s dates as the column does and keeps the words; no "parse dates" on the text', async () => {
  const dir = tempDir();
  try {
    const months = ['January', 'March', 'May', 'July', 'September', 'December'];
    const lines = ['title,release_date'];
    for (let i = 0; i < 60; i++) lines.push(`Film ${i},${i === 7 ? '1957-03-08' : `${1 + (i % 28)} ${months[i % 6]} ${1950 + i} (USA)`}`);
    const path = dir.file('films.csv', `${lines.join('\n')}\n`);
    const findings = runQualityCheck(await ingestFile(path)).findings;
    const source = await describeSource(path);
    const proposals = proposeSteps(source.schema, await probeSource(source), findings).filter((p) => p.column === 'release_date');
    assert.deepEqual(
      proposals.map((p) => [p.step.step, p.step.options]),
      [['replace-values', { columns: ['release_date'], values: { release_date: { '1957-03-08': '8 March 1957' } }, cells: {} }]],
      'the finding\'s fix, not a step turning the column into dates',
    );
    const out = dir.file('films.clean.csv');
    await cleanToFile(source, newRecipe(source, proposals.map((p) => p.step)), out);
    const cleaned = readFileSync(out, 'utf8');
    assert.match(cleaned, /\nFilm 7,8 March 1957\n/);
    assert.match(cleaned, /\nFilm 0,1 January 1950 \(USA\)\n/, 'the other dates as written');
  } finally {
    dir.dispose();
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
