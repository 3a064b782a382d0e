/**
 * `dataset-inspector clean IN OUT [--recipe R.json] [--emit-recipe R.json] [--format csv|arrow|parquet|jsonl]`:
 * writes a cleaned copy of IN. Without --recipe it applies the safe default steps (trim, NA tokens → empty,
 * number formats, category spellings, exact duplicate rows); with one, the recipe's steps, re-using what
 * it learned. Prints what each step changed. Large files are cleaned batch by batch with bounded memory.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runCommand, type CommandSpec } from '../args';
import { CSV_READ_FLAGS, csvReadSettings, delimiterHelp } from '../input';
import { cleanToFile, defaultOutput, describeSource, readRecipeFile, safeDefaultRecipe, sourceOptionsOf, writePandasScript, writeRecipeFile, type SourceOptions } from '../../core/clean/api';
import { OUTPUT_FORMATS, PARQUET_COMPRESSIONS, outputFormatOf } from '../../core/clean/formats';
import type { CleanRun } from '../../core/clean/run';

export const cleanSpec = {
  name: 'clean',
  summary: 'Write a cleaned copy of a CSV/TSV, Arrow IPC or Parquet file, with the safe default steps or a recipe.',
  positionals: [
    { name: 'IN', required: true },
    { name: 'OUT', required: true },
  ],
  flags: {
    recipe: { type: 'string', short: 'r', placeholder: 'R.json', description: 'Apply this recipe (default: the safe default steps).' },
    'emit-recipe': { type: 'string', placeholder: 'R.json', description: 'Write the recipe as applied, with what its steps learned.' },
    'emit-python': { type: 'string', placeholder: 'SCRIPT.py', description: 'Write a Python (pandas) script that reproduces OUT.' },
    format: { type: 'string', choices: OUTPUT_FORMATS, description: 'Output format (default: from OUT\'s extension, else the recipe\'s, else csv).' },
    compression: { type: 'string', choices: PARQUET_COMPRESSIONS, description: 'Parquet compression (default snappy).' },
    force: { type: 'boolean', description: 'Overwrite OUT (and the emitted files) if they exist.' },
    quiet: { type: 'boolean', short: 'q', description: 'Print nothing on success.' },
    ...CSV_READ_FLAGS,
    delimiter: { ...CSV_READ_FLAGS.delimiter, description: delimiterHelp("the recipe's, else sniffed") },
    'batch-mb': { type: 'number', placeholder: 'MB', description: 'CSV read per batch, in MB (default 1).' },
  },
  epilog: 'Exit codes: 0 success, 1 the input or recipe could not be read or OUT not written, 2 usage error.',
} as const satisfies CommandSpec;

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** One line per step: what it changed. */
export function formatStepReport(run: CleanRun): string {
  const lines = run.steps.map((s, i) => {
    const prefix = `${String(i + 1).padStart(3)}. ${s.summary}`;
    if (!s.enabled) return `${prefix}: disabled`;
    const parts: string[] = [];
    if (s.cellsChanged > 0) parts.push(`${plural(s.cellsChanged, 'cell')} changed in ${plural(s.rowsChanged, 'row')}`);
    if (s.rowsDropped > 0) parts.push(`${plural(s.rowsDropped, 'row')} dropped`);
    return `${prefix}: ${parts.length ? parts.join(', ') : 'nothing to change'}`;
  });
  return `${lines.join('\n')}\n`;
}

async function refuseExisting(path: string | undefined, force: boolean | undefined): Promise<void> {
  if (path && !force && (await stat(path).catch(() => null))) throw new Error(`${path} exists (use --force to overwrite)`);
}

export async function runClean(args: string[]): Promise<number> {
  return runCommand(cleanSpec, args, async ({ flags, multiples, positionals }) => {
    const [input, output] = positionals;
    if (resolve(input) === resolve(output)) throw new Error('IN and OUT are the same file: the source is never overwritten');
    for (const path of [output, flags['emit-recipe'], flags['emit-python']]) await refuseExisting(path, flags.force);
    const { delimiter, hasHeader, encoding, naTokens } = csvReadSettings(flags, multiples.na);
    // Flags given override the recipe's input settings.
    const overrides: SourceOptions = {
      ...(delimiter !== undefined ? { delimiter } : {}),
      ...(hasHeader !== undefined ? { hasHeader } : {}),
      ...(encoding !== undefined ? { encoding } : {}),
      ...(naTokens !== undefined ? { naTokens: [...naTokens] } : {}),
    };
    if (flags['batch-mb'] !== undefined) {
      if (!(flags['batch-mb'] > 0)) throw new Error('--batch-mb must be positive');
      overrides.chunkBytes = Math.round(flags['batch-mb'] * 1024 * 1024);
    }
    const given = flags.recipe ? await readRecipeFile(flags.recipe) : undefined;
    const source = await describeSource(input, given ? sourceOptionsOf(given, overrides) : overrides);
    const format = flags.format ?? outputFormatOf(output) ?? given?.output.format ?? 'csv';
    const base = given ?? (await safeDefaultRecipe(source));
    const recipe = {
      ...base,
      output: {
        ...(given ? given.output : defaultOutput(format, source)),
        format,
        ...(flags.compression ? { compression: flags.compression } : {}),
      },
    };
    const result = await cleanToFile(source, recipe, output);
    if (flags['emit-recipe']) await writeRecipeFile(flags['emit-recipe'], result.recipe);
    if (flags['emit-python']) await writePandasScript(flags['emit-python'], source, result.recipe, output);
    if (!flags.quiet) {
      const { run, write } = result;
      process.stderr.write(`${given ? `recipe ${flags.recipe}` : 'safe default steps'} on ${input}:\n${formatStepReport(run)}`);
      for (const note of [...run.notes, ...write.notes]) process.stderr.write(`note: ${note}\n`);
      process.stderr.write(`wrote ${output}: ${plural(run.rowsOut, 'row')} × ${run.schemaOut.length} columns (from ${plural(run.rowsIn, 'row')}; ${run.passes} ${run.passes === 1 ? 'pass' : 'passes'})\n`);
    }
    return 0;
  });
}
