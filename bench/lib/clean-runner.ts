/**
 * One measurement of the cleaning bench in a fresh process (bundled by the bench part):
 * `node clean-runner.cjs ingest FILE` reads the file batch by batch (the batched CSV reader alone);
 * `node clean-runner.cjs clean FILE OUT [RECIPE_OUT]` applies the safe default steps and writes OUT;
 * `node clean-runner.cjs apply FILE OUT RECIPE` re-applies a fitted recipe (one pass).
 * Prints one JSON line: { ms, rows, rowsOut, passes, maxRssMB, notes }.
 */
import { ingestCsvBatches } from '../../src/core/ingest/csv/stream';
import { cleanToFile, describeSource, readRecipeFile, safeDefaultRecipe, sourceOptionsOf, writeRecipeFile } from '../../src/core/clean/api';

async function main(): Promise<void> {
  const [mode, file, out, recipePath] = process.argv.slice(2);
  const start = performance.now();
  let rows = 0;
  let rowsOut = 0;
  let passes = 1;
  let notes: string[] = [];
  if (mode === 'ingest') {
    for await (const batch of ingestCsvBatches(file)) rows += batch.result.table.numRows;
  } else {
    const given = mode === 'apply' ? await readRecipeFile(recipePath) : undefined;
    const source = await describeSource(file, given ? sourceOptionsOf(given) : {});
    const recipe = given ?? (await safeDefaultRecipe(source));
    const result = await cleanToFile(source, recipe, out);
    if (mode === 'clean' && recipePath) await writeRecipeFile(recipePath, result.recipe);
    rows = result.run.rowsIn;
    rowsOut = result.run.rowsOut;
    passes = result.run.passes;
    notes = [...result.run.notes, ...result.write.notes];
  }
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, rows, rowsOut, passes, maxRssMB: process.resourceUsage().maxRSS / 1024, notes }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
