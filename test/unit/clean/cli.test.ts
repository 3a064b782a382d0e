/** `dataset-inspector clean`: safe defaults with a report per step, recipes (byte-identical output), formats, refusals, exit codes. */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { readParquetFile } from '../../../src/core/ingest/parquet';
import { tempDir } from './helpers';

const tmp = tempDir('clean-cli-');
after(() => tmp.dispose());
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'clean', ...args], { encoding: 'utf8' });

test('without --recipe: the safe default steps, what each changed, and the recipe they learned', () => {
  const out = tmp.file('dirty.clean.csv');
  const recipe = tmp.file('dirty.recipe.json');
  const r = cli('samples/dirty.csv', out, '--emit-recipe', recipe);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^safe default steps on samples\/dirty\.csv:/);
  assert.match(r.stderr, / {2}1\. Trim white space in "city", "district", "agent" and 1 more: 3 cells changed in 3 rows/);
  assert.match(r.stderr, / {2}2\. Empty NA tokens in .*: 4 cells changed in 4 rows/);
  assert.match(r.stderr, / {2}3\. Unify spellings in .* \(2 variants\): 2 cells changed in 2 rows/);
  assert.match(r.stderr, / {2}4\. Drop exact duplicate rows: 2 rows dropped/);
  assert.match(r.stderr, /wrote .*dirty\.clean\.csv: 197 rows × 10 columns \(from 199 rows; 2 passes\)/);
  const text = readFileSync(out, 'utf8');
  assert.ok(!/paris |PARIS| Lyon|,N\/A,/.test(text), 'variants, spaces and NA tokens are gone');
  assert.ok(text.includes('about 250k'), 'what no step can read is kept');
  assert.equal(JSON.parse(readFileSync(recipe, 'utf8')).steps.length, 4);
});

test('--recipe: the same recipe gives byte-identical output every time, in one pass', () => {
  const recipe = tmp.file('r.json');
  assert.equal(cli('samples/dirty.csv', tmp.file('first.csv'), '--emit-recipe', recipe, '-q').status, 0);
  const a = cli('samples/dirty.csv', tmp.file('a.csv'), '--recipe', recipe);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(cli('samples/dirty.csv', tmp.file('b.csv'), '--recipe', recipe).status, 0);
  assert.match(a.stderr, /\(from 199 rows; 1 pass\)/);
  assert.equal(Buffer.compare(readFileSync(tmp.file('a.csv')), readFileSync(tmp.file('b.csv'))), 0);
  assert.equal(Buffer.compare(readFileSync(tmp.file('a.csv')), readFileSync(tmp.file('first.csv'))), 0);
});

test('--format parquet with a compression; the output\'s extension picks the format too', async () => {
  const out = tmp.file('out.bin');
  assert.equal(cli('samples/dirty.csv', out, '--format', 'parquet', '--compression', 'zstd', '-q').status, 0);
  const data = await readParquetFile(out);
  assert.equal(data.table.numRows, 197);
  assert.equal(cli('samples/dirty.csv', tmp.file('out.jsonl'), '-q').status, 0);
  assert.equal(readFileSync(tmp.file('out.jsonl'), 'utf8').trimEnd().split('\n').length, 197);
});

test('refusals: an existing OUT without --force, IN as OUT, a bad recipe (exit 1); usage errors (exit 2)', () => {
  const out = tmp.file('exists.csv', 'x\n');
  const r = cli('samples/dirty.csv', out);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /exists \(use --force to overwrite\)/);
  assert.equal(readFileSync(out, 'utf8'), 'x\n', 'untouched');
  assert.equal(cli('samples/dirty.csv', out, '--force', '-q').status, 0);
  assert.match(cli('samples/dirty.csv', 'samples/dirty.csv').stderr, /same file/);
  const bad = tmp.file('bad.json', JSON.stringify({ kind: 'dataset-inspector/clean-recipe', version: 1, input: { format: 'csv', naTokens: [], columns: [] }, steps: [{ step: 'impute-missing', options: { columns: ['area_m2'], method: 'average' } }] }));
  const refused = cli('samples/dirty.csv', tmp.file('never.csv'), '--recipe', bad);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /Invalid recipe:[\s\S]*method/);
  assert.ok(!existsSync(tmp.file('never.csv')));
  assert.equal(cli('samples/dirty.csv').status, 2);
  assert.equal(cli('samples/dirty.csv', tmp.file('x.csv'), '--format', 'xlsx').status, 2);
});
