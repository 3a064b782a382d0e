/**
 * Cleaning as the CLI, the worker and tests use it: describe a source, probe it for facts, build a recipe
 * (the safe defaults, or proposals), apply it into a file (with the recipe and the pandas script beside
 * it when asked), or read a recipe and the source options it records.
 */
import { basename } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { describeSource, readFrames, type ReadOptions, type SourceInfo, type SourceOptions } from './source';
import { FactsCollector, type DataFacts } from './probe';
import { runClean, type CleanOptions, type CleanRun } from './run';
import { openWriter, type WriteResult } from './writers';
import { parseRecipeText, RECIPE_KIND, RECIPE_VERSION, recipeText, type Recipe, type RecipeOutput, type RecipeStep } from './recipe';
import { safeDefaultSteps } from './planner';
import { pandasScript } from './python/pandas';
import { DEFAULT_PARQUET_COMPRESSION, type OutputFormat } from './formats';

/** Rows read to probe a file for facts (the planner's and the safe defaults' column choices). */
export const PROBE_ROWS = 200_000;

/** Facts about the first `maxRows` rows of a source. */
export async function probeSource(source: SourceInfo, options: ReadOptions & { maxRows?: number } = {}): Promise<DataFacts> {
  const collector = new FactsCollector(new Set(source.naTokens));
  const maxRows = options.maxRows ?? PROBE_ROWS;
  for await (const frame of readFrames(source, options)) {
    collector.add(frame);
    if (collector.rows >= maxRows) break;
  }
  return collector.facts();
}

export function defaultOutput(format: OutputFormat = 'csv', source?: SourceInfo): RecipeOutput {
  const crlf = source?.dialect?.lineEnding === 'crlf';
  const delimiter = source?.dialect?.delimiter ?? ',';
  return { format, compression: DEFAULT_PARQUET_COMPRESSION, delimiter: format === 'csv' ? delimiter : ',', lineEnding: crlf ? 'crlf' : 'lf' };
}

/** A recipe for `source` with these steps (not yet fitted). */
export function newRecipe(source: SourceInfo, steps: RecipeStep[], output: RecipeOutput = defaultOutput('csv', source)): Recipe {
  const { options } = source;
  return {
    kind: RECIPE_KIND,
    version: RECIPE_VERSION,
    input: {
      format: source.format,
      ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
      ...(options.hasHeader !== undefined ? { hasHeader: options.hasHeader } : {}),
      ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
      naTokens: source.naTokens,
      columns: source.schema,
    },
    steps,
    output,
  };
}

/** The recipe of the safe default steps for a source (columns chosen from a probe of its first rows). */
export async function safeDefaultRecipe(source: SourceInfo, output?: RecipeOutput, options: ReadOptions = {}): Promise<Recipe> {
  const facts = await probeSource(source, options);
  return newRecipe(source, safeDefaultSteps(source.schema, facts), output ?? defaultOutput('csv', source));
}

/** The reader options a recipe records (how its source was read). */
export function sourceOptionsOf(recipe: Recipe, overrides: SourceOptions = {}): SourceOptions {
  const { delimiter, hasHeader, encoding, naTokens } = recipe.input;
  return {
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(hasHeader !== undefined ? { hasHeader } : {}),
    ...(encoding !== undefined ? { encoding } : {}),
    naTokens,
    ...overrides,
  };
}

export async function readRecipeFile(path: string): Promise<Recipe> {
  const text = await readFile(path, 'utf8');
  try {
    return parseRecipeText(text);
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface CleanFileResult {
  run: CleanRun;
  write: WriteResult;
  /** The recipe as applied: learned parameters filled in, the source recorded. */
  recipe: Recipe;
}

/** Applies `recipe` to `source` and writes the result to `outputPath` (replacing it: the caller asks first). */
export async function cleanToFile(source: SourceInfo, recipe: Recipe, outputPath: string, options: CleanOptions = {}): Promise<CleanFileResult> {
  const writer = await openWriter(outputPath, recipe.output, new Set(recipe.input.naTokens));
  let run: CleanRun;
  let write: WriteResult;
  try {
    run = await runClean(source, recipe, writer, options);
    write = await writer.close(run.schemaOut);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  // Keys in the schema's order, so a recipe written, read and applied again is written the same.
  const { kind, version, input, steps, output } = run.recipe;
  const applied: Recipe = { kind, version, source: { file: basename(source.path), bytes: source.totalBytes, rows: run.rowsIn }, input, steps, output };
  return { run, write, recipe: applied };
}

export async function writeRecipeFile(path: string, recipe: Recipe): Promise<void> {
  await writeFile(path, recipeText(recipe));
}

export async function writePandasScript(path: string, source: SourceInfo, recipe: Recipe, outputPath: string): Promise<void> {
  await writeFile(path, pandasScript(source, recipe, { sourceName: basename(source.path), outputName: basename(outputPath) }));
}

export { describeSource };
export type { SourceInfo, SourceOptions };
