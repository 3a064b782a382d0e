/**
 * The preview of a recipe before anything is written: the recipe applied to the first rows of the source
 * (the whole file when it has at most `maxRows` rows) into memory, with what each step changed, samples of
 * changed rows (before → after), and the quality check run on the data before and after, so the panel can
 * show the profiles of the affected columns and the new quality score.
 */
import { runClean, type CleanOptions, type CleanRun } from './run';
import type { SourceInfo } from './source';
import type { Recipe } from './recipe';
import { defaultOutput } from './api';
import { openMemoryWriter } from './writers';
import { readCsvBytes } from '../ingest/csv/read';
import { ingestFile } from '../ingest/index';
import { profileTable } from '../profile/index';
import type { ColumnProfile } from '../profile/types';
import { runQualityCheck, type QualityConfig, type QualityScores } from '../quality/engine';
import type { IngestResult } from '../table/model';

/** Rows a preview reads at most. */
export const PREVIEW_ROWS = 200_000;

export interface QualitySnapshot {
  scores: QualityScores;
  /** Findings per rule. */
  totals: Record<string, number>;
  columns: ColumnProfile[];
}

export interface PreviewResult {
  run: CleanRun;
  /** Rows the preview covers, and whether that is the whole file. */
  rows: number;
  complete: boolean;
  before: QualitySnapshot;
  after: QualitySnapshot;
}

export interface PreviewOptions extends Pick<CleanOptions, 'signal' | 'onProgress'> {
  maxRows?: number;
  sampleRows?: number;
  quality?: Partial<QualityConfig>;
}

function snapshot(data: IngestResult, quality: Partial<QualityConfig>): QualitySnapshot {
  const profile = profileTable(data, { bytes: 0 });
  const report = runQualityCheck(data, quality, profile);
  return { scores: report.scores, totals: report.totals, columns: profile.columns };
}

/** The frames `recipe` reads from `source`, cleaned by it (or as they are, with no steps), as CSV bytes. */
async function csvBytes(source: SourceInfo, recipe: Recipe, options: CleanOptions): Promise<{ run: CleanRun; bytes: Uint8Array }> {
  const csvRecipe: Recipe = { ...recipe, output: defaultOutput('csv') };
  const writer = await openMemoryWriter(csvRecipe.output, new Set(recipe.input.naTokens));
  const run = await runClean(source, csvRecipe, writer, options);
  await writer.close(run.schemaOut);
  return { run, bytes: writer.bytes() };
}

export async function previewClean(source: SourceInfo, recipe: Recipe, options: PreviewOptions = {}): Promise<PreviewResult> {
  const maxRows = options.maxRows ?? PREVIEW_ROWS;
  const quality = options.quality ?? {};
  const read = { naTokens: recipe.input.naTokens, path: source.path };
  const cleaned = await csvBytes(source, recipe, { maxRows, sampleRows: options.sampleRows ?? 20, signal: options.signal, onProgress: options.onProgress });
  const complete = !cleaned.run.truncated;
  // Before: the file itself when the preview covers it all (structural defects included), else the rows read.
  const beforeData =
    complete && (source.format === 'csv' || source.format === 'jsonl')
      ? await ingestFile(source.path, { ...read, delimiter: source.dialect?.delimiter, hasHeader: source.dialect?.hasHeader, encoding: source.options.encoding })
      : readCsvBytes((await csvBytes(source, { ...recipe, steps: [] }, { maxRows, signal: options.signal })).bytes, read);
  const afterData = readCsvBytes(cleaned.bytes, read);
  return {
    run: cleaned.run,
    rows: cleaned.run.rowsIn,
    complete,
    before: snapshot(beforeData, quality),
    after: snapshot(afterData, quality),
  };
}
