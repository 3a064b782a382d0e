/** Recipes: validated with clear messages, versioned, documented (JSON Schema), and a round trip gives the same bytes. */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cleanToFile, defaultOutput, describeSource, newRecipe, readRecipeFile, sourceOptionsOf, writeRecipeFile } from '../../../src/core/clean/api';
import { makeStep, parseRecipe, parseRecipeText, RECIPE_KIND, recipeText } from '../../../src/core/clean/recipe';
import { allSteps } from '../../../src/core/clean/steps/index';
import { recipeSchemaText, schemaPath } from '../../../scripts/gen-recipe-schema';
import { dirtyCsv } from './dirty-table';
import { tempDir } from './helpers';

const tmp = tempDir('clean-recipe-');
after(() => tmp.dispose());

test('a recipe written after a run and applied again gives byte-identical output, without learning again', async () => {
  const input = tmp.file('in.csv', dirtyCsv(3000));
  const source = await describeSource(input);
  const recipe = newRecipe(source, [
    makeStep('trim-whitespace', { columns: ['city'] }),
    makeStep('unify-categories', { columns: ['city'] }),
    makeStep('impute-missing', { columns: ['price'], method: 'median' }),
    makeStep('scale-numeric', { columns: ['weight'] }),
  ]);
  const first = await cleanToFile(source, recipe, tmp.file('a.csv'));
  assert.equal(first.run.passes, 2, 'one pass learns every parameter (the columns do not depend on each other), one writes');
  const recipePath = tmp.file('in.clean.recipe.json');
  await writeRecipeFile(recipePath, first.recipe);
  const reread = await readRecipeFile(recipePath);
  assert.deepEqual(reread, first.recipe, 'the recipe reads back as written');
  assert.deepEqual(reread.source, { file: 'in.csv', bytes: source.totalBytes, rows: 3000 });
  const again = await cleanToFile(await describeSource(input, sourceOptionsOf(reread)), reread, tmp.file('b.csv'));
  assert.equal(again.run.passes, 1, 'everything already learned: one pass');
  assert.equal(Buffer.compare(readFileSync(tmp.file('a.csv')), readFileSync(tmp.file('b.csv'))), 0);
  assert.equal(recipeText(again.recipe), recipeText(first.recipe));
});

test('invalid recipes are refused with every problem and where it is', () => {
  const base = { kind: RECIPE_KIND, version: 1, input: { format: 'csv', naTokens: [], columns: [{ name: 'a', kind: 'integer' }] } };
  assert.throws(() => parseRecipe({ ...base, steps: [{ step: 'impute-missing', options: { columns: ['a'], method: 'average' } }] }), /method/);
  assert.throws(() => parseRecipe({ ...base, steps: [{ step: 'impute-missing', options: { columns: ['a'], method: 'constant' } }] }), /needs a value/);
  assert.throws(() => parseRecipe({ ...base, steps: [{ step: 'make-coffee', options: {} }] }), /step/);
  assert.throws(() => parseRecipe({ ...base, steps: [{ step: 'trim-whitespace', options: { columns: [] } }] }), /columns/);
  assert.throws(() => parseRecipe({ ...base, version: 2, steps: [] }), /version 2.*up to version 1/);
  assert.throws(() => parseRecipeText('{ not json'), /not valid JSON/);
  const ok = parseRecipe({ ...base, steps: [{ step: 'trim-whitespace', options: { columns: ['a'] } }] });
  assert.equal(ok.steps[0].enabled, true, 'defaults filled in');
  assert.deepEqual(ok.output, defaultOutput('csv'));
});

test('docs/recipe.schema.json is current (regenerate: npx tsx scripts/gen-recipe-schema.ts) and docs/recipe.md describes every step', () => {
  assert.equal(readFileSync(schemaPath, 'utf8'), recipeSchemaText());
  const docs = readFileSync(schemaPath.replace('recipe.schema.json', 'recipe.md'), 'utf8');
  for (const step of allSteps) assert.ok(docs.includes(`\`${step.id}\``), `docs/recipe.md mentions ${step.id}`);
});
