/**
 * The generated Python (pandas) script reproduces Dataset Inspector's output byte for byte: run with
 * python3 + pandas where present (Debian's python3-pandas in CI); skipped with a message elsewhere.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { cleanToFile, describeSource, newRecipe, defaultOutput, writePandasScript } from '../../../src/core/clean/api';
import { makeStep, type RecipeStep } from '../../../src/core/clean/recipe';
import { dirtyCsv } from './dirty-table';
import { pythonWithPandas, tempDir } from './helpers';

const python = pythonWithPandas();
const skip = python === null && 'python3 with pandas is not installed here (Debian: apt-get install python3-pandas)';
if (skip) console.log(`# SKIP the generated-code comparison: ${skip}`);
const tmp = tempDir('clean-pandas-');
after(() => tmp.dispose());

async function compare(name: string, csv: string, steps: RecipeStep[], compressed = false): Promise<void> {
  const input = compressed ? tmp.file(`${name}.csv.gz`, gzipSync(csv)) : tmp.file(`${name}.csv`, csv);
  const source = await describeSource(input);
  const ours = tmp.file(`${name}.clean.csv`);
  const result = await cleanToFile(source, newRecipe(source, steps, defaultOutput('csv', source)), ours);
  const script = tmp.file(`${name}.clean.py`);
  await writePandasScript(script, source, result.recipe, ours);
  const theirs = tmp.file(`${name}.pandas.csv`);
  const r = spawnSync(python!, [script, input, theirs], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const a = readFileSync(ours, 'utf8');
  const b = readFileSync(theirs, 'utf8');
  if (a !== b) {
    const al = a.split('\n');
    const bl = b.split('\n');
    const i = al.findIndex((l, k) => l !== bl[k]);
    assert.fail(`${name}: line ${i + 1} differs:\n  ours:   ${JSON.stringify(al[i])}\n  pandas: ${JSON.stringify(bl[i])}`);
  }
}

test('every step: the pandas script writes the same bytes (dirty sample and a 5,000-row dirty table)', { skip }, async () => {
  await compare('sample', readFileSync('samples/dirty.csv', 'utf8'), [
    makeStep('drop-malformed-rows', {}),
    makeStep('replace-values', { columns: ['district', 'agent', 'notes'], values: { district: { Prado: 'Le Prado', 'Croix-Rousse': null } }, cells: { agent: [{ row: 1, from: 'Martin', to: 'Martine' }, { row: 2, from: 'not Martin', to: 'x' }], notes: [{ row: 0, from: null, to: 'first' }] } }),
    makeStep('trim-whitespace', { columns: ['city', 'agent'] }),
    makeStep('null-na-tokens', { columns: ['district', 'price_eur', 'agent', 'bedrooms'] }),
    makeStep('normalize-numbers', { columns: ['price_eur'] }),
    makeStep('parse-dates', { columns: ['sale_date'] }),
    makeStep('unify-categories', { columns: ['city'] }),
    makeStep('cast-type', { columns: ['bedrooms'], to: 'integer' }),
    makeStep('drop-duplicate-rows', {}),
    makeStep('impute-missing', { columns: ['area_m2'], method: 'median' }),
    makeStep('impute-missing', { columns: ['agent'], method: 'mode' }),
    makeStep('handle-outliers', { columns: ['price_eur'], action: 'drop-rows' }),
    makeStep('handle-outliers', { columns: ['area_m2'], bounds: 'quantiles', lower: 0.05, upper: 0.95 }),
    makeStep('scale-numeric', { columns: ['area_m2'] }),
    makeStep('scale-numeric', { columns: ['bedrooms'], method: 'minmax' }),
    makeStep('one-hot-encode', { columns: ['city'] }),
    makeStep('rename-columns', { mapping: { price_eur: 'price' } }),
    makeStep('drop-columns', { columns: ['notes'] }),
  ]);
  await compare('dirty', dirtyCsv(5000), [
    makeStep('trim-whitespace', { columns: ['city'] }),
    makeStep('null-na-tokens', { columns: ['city', 'price'] }),
    makeStep('normalize-numbers', { columns: ['price', 'weight'] }),
    makeStep('parse-dates', { columns: ['day'] }),
    makeStep('unify-categories', { columns: ['city'] }),
    makeStep('drop-duplicate-rows', {}),
    makeStep('impute-missing', { columns: ['price'], method: 'mean' }),
    makeStep('impute-missing', { columns: ['city'], method: 'constant', value: 'unknown' }),
    makeStep('handle-outliers', { columns: ['price'], action: 'empty' }),
    makeStep('cast-type', { columns: ['flag'], to: 'boolean' }),
    makeStep('one-hot-encode', { columns: ['city'], maxCategories: 3 }),
  ]);
});

test('units among plain numbers: the script converts and keeps the units the recipe does', { skip }, async () => {
  const rows = Array.from({ length: 14 }, (_, i) => `${(60 + i * 2.5).toFixed(1)},${1 + i * 2}`);
  rows.push('64.9 kg,7 kg', '146 lbs,20 oz', '70.2 kg,9 kg');
  await compare('units', `w,d\n${rows.join('\n')}\n`, [makeStep('normalize-numbers', { columns: ['w', 'd'] })]);
});

test('decimal commas: the script reads them as Dataset Inspector does', { skip }, async () => {
  await compare('decimal-commas', 'p,w\n46.37,"8,536"\n"57,38","0,855"\n12.5,"2,137"\n"1,234","1,5"\n3,1.234\n', [makeStep('normalize-numbers', { columns: ['p', 'w'] })]);
});

test('a gzip-compressed CSV: the script reads it as Dataset Inspector does', { skip }, async () => {
  await compare('gzipped', readFileSync('samples/dirty.csv', 'utf8'), [makeStep('trim-whitespace', { columns: ['city'] }), makeStep('normalize-numbers', { columns: ['price_eur'] })], true);
});

test('spreadsheet dates ("25-May-94", "5/25/94"): the script parses them to ISO as Dataset Inspector does', { skip }, async () => {
  await compare('spreadsheet-dates', 'a,b\n25-May-94,5/25/94\n1-Jan-03,12/31/68\n2-Jan-69,1/2/69\n25-May-1994,2001-06-30\n25 May 94,13/13/13\n', [makeStep('parse-dates', { columns: ['a', 'b'] })]);
});
