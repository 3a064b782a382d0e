/**
 * A file cleaned batch by batch gives exactly what it gives in one piece: the same learned parameters (a
 * median, the majority spelling, bounds, categories), the same counts, and the same output bytes, with
 * duplicates found across batches. Typed outputs hold the same table whatever the batches.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { cleanToFile, defaultOutput, describeSource, newRecipe } from '../../../src/core/clean/api';
import { makeStep, type Recipe } from '../../../src/core/clean/recipe';
import { loadParquetWasm } from '../../../src/core/ingest/parquet-wasm';
import { dirtyCsv } from './dirty-table';
import { tempDir } from './helpers';

const tmp = tempDir('clean-batched-');
after(() => tmp.dispose());
const input = tmp.file('dirty.csv', dirtyCsv(30_000));

const steps = () => [
  makeStep('trim-whitespace', { columns: ['city'] }),
  makeStep('null-na-tokens', { columns: ['city', 'price'] }),
  makeStep('normalize-numbers', { columns: ['price', 'weight'] }),
  makeStep('parse-dates', { columns: ['day'] }),
  makeStep('unify-categories', { columns: ['city'] }),
  makeStep('drop-duplicate-rows', {}),
  makeStep('impute-missing', { columns: ['price'], method: 'median' }),
  makeStep('impute-missing', { columns: ['city'], method: 'mode' }),
  makeStep('handle-outliers', { columns: ['price'], bounds: 'quantiles', lower: 0.01, upper: 0.99 }),
  makeStep('scale-numeric', { columns: ['weight'] }),
  makeStep('one-hot-encode', { columns: ['city'] }),
];

/** Cleans the file in batches of `chunkBytes` (64 MiB: one piece). */
async function clean(chunkBytes: number, format: Recipe['output']['format'] = 'csv') {
  const source = await describeSource(input, { chunkBytes });
  const recipe = newRecipe(source, steps(), { ...defaultOutput(format, source) });
  const output = tmp.file(`out-${chunkBytes}.${format}`);
  const result = await cleanToFile(source, recipe, output);
  return { ...result, bytes: readFileSync(output) };
}

test('batch by batch (64 KiB batches) and in one piece: byte-identical CSV, the same learned parameters and counts', async () => {
  const whole = await clean(64 * 2 ** 20);
  const batched = await clean(64 * 1024);
  assert.ok(whole.bytes.length > 1_000_000, 'a file of many batches');
  assert.deepEqual(batched.recipe.steps, whole.recipe.steps);
  assert.deepEqual(batched.run.steps, whole.run.steps);
  assert.equal(Buffer.compare(batched.bytes, whole.bytes), 0, 'identical output bytes');
  const dedupe = whole.run.steps.find((s) => s.step === 'drop-duplicate-rows')!;
  assert.ok(dedupe.rowsDropped > 200, `duplicates across the whole file: ${dedupe.rowsDropped}`);
  const fitted = whole.recipe.steps[6].fitted as { values: { price: string } };
  assert.match(fitted.values.price, /^\d+(\.5)?$/, 'an exact median');
});

test('typed outputs hold the same table whatever the batches (Arrow IPC and Parquet)', async () => {
  const pw = await loadParquetWasm();
  for (const format of ['arrow', 'parquet'] as const) {
    const whole = await clean(64 * 2 ** 20, format);
    const batched = await clean(64 * 1024, format);
    const read = (bytes: Uint8Array) => (format === 'arrow' ? tableFromIPC(bytes) : tableFromIPC(pw.readParquet(bytes).intoIPCStream()));
    const a = read(whole.bytes);
    const b = read(batched.bytes);
    assert.equal(b.numRows, a.numRows);
    assert.deepEqual(b.schema.fields.map(String), a.schema.fields.map(String));
    const rows = (t: typeof a) => t.toArray().map((r) => JSON.stringify(r.toJSON(), (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
    assert.deepEqual(rows(b), rows(a), format);
    assert.ok(a.schema.fields.some((f) => String(f.type) === "Float64") && a.schema.fields.some((f) => String(f.type).startsWith("Date")), "typed columns");
  }
});
