/**
 * The cleaning recipe: a versioned JSON document (docs/recipe.md, docs/recipe.schema.json) with what was
 * read (format, dialect, NA tokens, column kinds), the steps in order with their options and what they
 * learned from the data, and the output settings. Applying a recipe whose steps are all fitted gives the
 * same bytes every time; a step without `fitted` learns its parameters from the data it is applied to.
 */
import * as z from 'zod/mini';
import { toJSONSchema } from 'zod/v4/core';
import { allSteps } from './steps/index';
import { OUTPUT_FORMATS, PARQUET_COMPRESSIONS } from './formats';
import { DATE_FORMATS } from '../ingest/csv/infer';

export const RECIPE_KIND = 'dataset-inspector/clean-recipe';
export const RECIPE_VERSION = 1;

const columnKinds = ['integer', 'float', 'boolean', 'date', 'timestamp', 'string', 'categorical', 'empty', 'other'] as const;
const encodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'latin1'] as const;

const columnSpec = z.object({
  name: z.string(),
  kind: z.enum(columnKinds),
  dateFormat: z.optional(z.enum(DATE_FORMATS)),
});

const input = z
  .object({
    format: z.enum(['csv', 'jsonl', 'arrow', 'parquet']).check(z.describe('How the source is read.')),
    delimiter: z.optional(z.string().check(z.length(1))).check(z.describe('CSV: the field delimiter (default: sniffed).')),
    hasHeader: z.optional(z.boolean()).check(z.describe('CSV: whether the first row is a header (default: sniffed).')),
    encoding: z.optional(z.enum(encodings)).check(z.describe('CSV: the text encoding (default: detected).')),
    naTokens: z.array(z.string()).check(z.describe('Cell texts read as missing besides empty cells.')),
    columns: z.array(columnSpec).check(z.describe('The source columns with the kinds the steps and typed outputs use (matched by name).')),
  })
  .check(z.describe('What was read.'));

const stepEntries = allSteps.map((s) =>
  z
    .object({
      step: z.literal(s.id),
      enabled: z._default(z.boolean(), true).check(z.describe('Disabled steps stay in the recipe but do nothing.')),
      options: s.options,
      fitted: s.fitted ? z.optional(s.fitted) : z.optional(z.never()),
    })
    .check(z.describe(`${s.title}: ${s.description}`)),
);

const step = z.discriminatedUnion('step', stepEntries as unknown as [(typeof stepEntries)[number], ...(typeof stepEntries)[number][]]);

const output = z
  .object({
    format: z._default(z.enum(OUTPUT_FORMATS), 'csv'),
    compression: z._default(z.enum(PARQUET_COMPRESSIONS), 'snappy').check(z.describe('Parquet only.')),
    delimiter: z._default(z.string().check(z.length(1)), ',').check(z.describe('CSV only.')),
    lineEnding: z._default(z.enum(['lf', 'crlf']), 'lf').check(z.describe('CSV only.')),
  })
  .check(z.describe('How the cleaned file is written.'));

export const recipeSchema = z.object({
  kind: z.literal(RECIPE_KIND),
  version: z.literal(RECIPE_VERSION),
  source: z
    .optional(z.object({ file: z.string(), bytes: z.int().check(z.minimum(0)), rows: z.optional(z.int().check(z.minimum(0))) }))
    .check(z.describe('The file the recipe was fitted on (steps that name rows are fitted again on another file).')),
  input,
  steps: z.array(step),
  output: z.prefault(output, {}),
});

export type Recipe = z.output<typeof recipeSchema>;
export type RecipeStep = Recipe['steps'][number];
export type RecipeOutput = Recipe['output'];

export class RecipeError extends Error {
  override name = 'RecipeError';
}

/** Validates a parsed recipe document; throws RecipeError listing every problem with its path. */
export function parseRecipe(document: unknown): Recipe {
  if (typeof document === 'object' && document !== null && 'version' in document && typeof document.version === 'number' && document.version > RECIPE_VERSION) {
    throw new RecipeError(`The recipe is version ${document.version}; this Dataset Inspector reads recipes up to version ${RECIPE_VERSION}.`);
  }
  const parsed = recipeSchema.safeParse(document);
  if (!parsed.success) throw new RecipeError(`Invalid recipe:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Reads a recipe from JSON text. */
export function parseRecipeText(text: string): Recipe {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new RecipeError(`The recipe is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseRecipe(document);
}

/** The recipe as written to disk: stable key order, two-space indentation, a final newline. */
export function recipeText(recipe: Recipe): string {
  return `${JSON.stringify(recipe, null, 2)}\n`;
}

/** One step entry, validated (options completed with their defaults). */
export function makeStep(id: string, options: unknown, fitted?: unknown, enabled = true): RecipeStep {
  const parsed = step.safeParse({ step: id, enabled, options, ...(fitted === undefined ? {} : { fitted }) });
  if (!parsed.success) throw new RecipeError(`Invalid step "${id}":\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The JSON Schema of recipes (docs/recipe.schema.json is generated from it). */
export function recipeJsonSchema(): unknown {
  return toJSONSchema(recipeSchema, { io: 'input', unrepresentable: 'any' });
}
