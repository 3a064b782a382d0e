/** One cleaning request (plan, preview, write, python), independent of how it is hosted (the data jobs' worker, tests). */
import { cleanToFile, describeSource, newRecipe, probeSource, writePandasScript, writeRecipeFile, defaultOutput, type SourceOptions } from '../core/clean/api';
import { proposeSteps } from '../core/clean/planner';
import { previewClean } from '../core/clean/preview';
import { runClean } from '../core/clean/run';
import { parseRecipe } from '../core/clean/recipe';
import { stepCatalog } from '../core/clean/catalog';
import { defaultOutputFormat } from '../core/clean/formats';
import type { CleanProgress, CleanReply, CleanRequest, CleanSourceRequest } from './clean-protocol';

function sourceOptions(source: CleanSourceRequest): SourceOptions {
  const { delimiter, hasHeader, encoding, naTokens } = source.read;
  return { delimiter, hasHeader, encoding, ...(naTokens ? { naTokens: [...naTokens] } : {}) };
}

export async function runCleanRequest(request: CleanRequest, onProgress: (p: CleanProgress) => void, signal?: AbortSignal): Promise<CleanReply> {
  const source = await describeSource(request.source.path, sourceOptions(request.source));
  // Recipes come from the panel or a file: validated (and completed with defaults) here.
  if (request.type !== 'plan') request = { ...request, recipe: parseRecipe(request.recipe) };
  switch (request.type) {
    case 'plan': {
      const facts = await probeSource(source, { signal, onProgress: (p) => onProgress({ pass: 1, passes: 1, ...p }) });
      const proposals = proposeSteps(source.schema, facts, request.findings);
      const recipe = newRecipe(source, proposals.map((p) => p.step), defaultOutput(defaultOutputFormat(source.path), source));
      return { type: 'plan', schema: source.schema, rows: facts.rows, facts, proposals, recipe, catalog: stepCatalog() };
    }
    case 'preview':
      return { type: 'preview', preview: await previewClean(source, request.recipe, { quality: request.quality, signal, onProgress }) };
    case 'write': {
      const result = await cleanToFile(source, request.recipe, request.outputPath, { signal, onProgress });
      if (request.recipePath) await writeRecipeFile(request.recipePath, result.recipe);
      if (request.pythonPath) await writePandasScript(request.pythonPath, source, result.recipe, request.outputPath);
      return { type: 'write', ...result, outputPath: request.outputPath, recipePath: request.recipePath, pythonPath: request.pythonPath };
    }
    case 'python': {
      const run = await runClean(source, request.recipe, undefined, { signal, onProgress });
      await writePandasScript(request.pythonPath, source, run.recipe, request.outputPath);
      return { type: 'python', pythonPath: request.pythonPath, recipe: run.recipe };
    }
  }
}
