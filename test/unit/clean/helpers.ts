/** Helpers of the cleaning tests: temporary files, cleaning a CSV text with steps, and finding a Python with pandas. */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describeSource, newRecipe, defaultOutput, cleanToFile } from '../../../src/core/clean/api';
import { makeStep, type Recipe, type RecipeOutput } from '../../../src/core/clean/recipe';
import type { CleanRun } from '../../../src/core/clean/run';
import type { SourceOptions } from '../../../src/core/clean/source';

export function tempDir(prefix = 'clean-'): { dir: string; file(name: string, content?: string | Uint8Array): string; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    file(name, content) {
      const p = path.join(dir, name);
      if (content !== undefined) writeFileSync(p, content);
      return p;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type StepSpec = [id: string, options: unknown];

/** Cleans CSV text with the given steps; returns the output text, the run and the applied recipe. */
export async function cleanCsv(
  csv: string,
  steps: StepSpec[],
  options: { output?: Partial<RecipeOutput>; source?: SourceOptions; sampleRows?: number } = {},
): Promise<{ text: string; bytes: Uint8Array; run: CleanRun; recipe: Recipe }> {
  const tmp = tempDir();
  try {
    const input = tmp.file('in.csv', csv);
    const source = await describeSource(input, options.source);
    const output = { ...defaultOutput('csv', source), ...options.output };
    const recipe = newRecipe(source, steps.map(([id, o]) => makeStep(id, o)), output);
    const target = tmp.file(`out.${output.format}`);
    const result = await cleanToFile(source, recipe, target, { sampleRows: options.sampleRows });
    const bytes = readFileSync(target);
    return { text: bytes.toString('utf8'), bytes, run: result.run, recipe: result.recipe };
  } finally {
    tmp.dispose();
  }
}

let python: string | null | undefined;

/** A Python interpreter that imports pandas (python3 on PATH, else Debian's /usr/bin/python3), or null. */
export function pythonWithPandas(): string | null {
  if (python !== undefined) return python;
  python = null;
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(candidate, ['-c', 'import pandas'], { encoding: 'utf8' });
    if (r.status === 0) {
      python = candidate;
      break;
    }
  }
  return python;
}

/** Any python3 (for code that needs no pandas), or null. */
export function anyPython(): string | null {
  for (const candidate of ['python3', '/usr/bin/python3']) if (spawnSync(candidate, ['-c', 'pass']).status === 0) return candidate;
  return null;
}
