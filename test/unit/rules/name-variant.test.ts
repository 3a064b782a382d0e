/** name-variant: a country or language written another way than its column writes it. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { knownEntity } from '../../../src/core/quality/known-names';

/** A film catalogue of 200 films: country and language as one source writes them; `edit` rewrites some rows' cells. */
function films(edit: Record<number, [string?, string?]> = {}): string {
  const made = [
    ['USA', 'English'],
    ['USA', 'English'],
    ['USA', 'English'],
    ['UK', 'English'],
    ['France', 'French'],
    ['Germany', 'German'],
    ['Japan', 'Japanese'],
    ['Italy', 'Italian'],
  ];
  const rows = Array.from({ length: 200 }, (_, i) => {
    const [country, language] = made[i % made.length];
    const [otherCountry, otherLanguage] = edit[i] ?? [];
    return [`Film ${i}`, otherCountry ?? country, otherLanguage ?? language];
  });
  return csv(['title', 'country', 'language'], rows);
}

test('known names: codes, names and their common forms name one country or language; a name two countries share names neither', () => {
  assert.deepEqual(['USA', 'U.S.A.', 'us', 'United States', 'United States of America'].map((t) => knownEntity('country', t)?.id), ['US', 'US', 'US', 'US', 'US']);
  assert.deepEqual(['fr', 'French', 'Français', 'francais'].map((t) => knownEntity('language', t)?.id), ['fr', 'fr', 'fr', 'fr']);
  assert.deepEqual([knownEntity('country', 'Congo'), knownEntity('country', 'Atlantis')], [undefined, undefined]);
});

test('a country or language written another way than the column writes it is reported, with the column\'s spelling as fix', () => {
  assert.deepEqual(findingsOf(checkCsv(films()), 'name-variant'), [], 'one spelling each');
  const findings = findingsOf(checkCsv(films({ 8: ['United States'], 16: ['U.S.'], 11: ['United Kingdom'], 12: [undefined, 'fr'], 20: ['usa'] })), 'name-variant');
  assert.deepEqual(
    findings.map((f) => [f.row, f.column, f.value, fixText(f)]),
    [
      [8, 'country', 'United States', 'USA'],
      [11, 'country', 'United Kingdom', 'UK'],
      [16, 'country', 'U.S.', 'USA'],
      [12, 'language', 'fr', 'French'],
    ],
    '"usa" is the column\'s spelling in other letters: category-variant\'s',
  );
  assert.equal(findings[0].message, '"United States" in column "country" is the country United States of America (US), which the column writes "USA" in 73 rows.');
});

test('no finding: US state codes (some are also country codes), yes and no, a column of two countries', () => {
  const states = ['CA', 'NY', 'TX', 'FL', 'IN', 'GA', 'WA', 'PA'];
  const stateRows = Array.from({ length: 100 }, (_, i) => [i, i === 40 ? 'Canada' : states[i % states.length]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'state'], stateRows)), 'name-variant'), [], 'state codes are no countries');
  const answers = Array.from({ length: 100 }, (_, i) => [i, i % 3 ? 'yes' : 'no']);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'answer'], answers)), 'name-variant'), [], '"no" is Norway only in a list of countries');
  const two = Array.from({ length: 100 }, (_, i) => [i, i === 7 ? 'United States' : i % 2 ? 'USA' : 'Canada']);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'country'], two)), 'name-variant'), [], 'two countries are no list of them');
});
