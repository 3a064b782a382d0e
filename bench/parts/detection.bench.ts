/**
 * Detection benchmark (issue #9): how well the quality check finds real kinds of errors, per class, and how
 * quiet it stays on clean data. `npm run bench detection [-- --seed N | --seeds 1,2,3] [--json FILE]`
 * (or DETECTION_SEEDS=1,2,3).
 *
 * (a) Errors of each class are injected at known cells into public tables (vega-datasets; @stdlib datasets
 *     fetched on demand with `npm pack`), one class per copy of a table, then all classes together at 3% of
 *     cells (+1% duplicated rows); besides, a second source writing 10–45% and 50–85% of a measure column with a
 *     unit, percent sign or currency (heavy-format.ts), and merging two neighbouring fields in 10–60% of the rows
 *     (heavy-merge.ts). Each copy is written as CSV and checked by the product's own path
 *     (checkFile: ingest → profile → every default rule), the publishing cap raised.
 * (b) Clean synthetic tables with real-world column shapes are checked: every finding is a false alarm.
 * (c) Records merged from several sources (multi-source.ts): entities of public tables recorded by 16 sources
 *     of drawn reliability that disagree; cell-level precision and recall.
 * (d) Arithmetic relations (relation-eval.ts): the clean synthetic tables' relations with one cell changed in 2%
 *     of the rows; cell-level precision and recall.
 * (e) A film catalogue merged from two sources (catalogue-eval.ts): vega's movies written as one catalogue
 *     writes them, 5–20% of the rows as another does (dates, running times, ratings, names, lists); cell level.
 * (f) Values cut short (text-source-eval.ts): the text columns of longer values of the public tables, 2–10% of the
 *     rows from a source that keeps each in a field of fixed width and cuts longer values; cell level.
 * (g) Text in capitals (text-source-eval.ts): the same columns, 2–10% of the rows from a source that writes them in
 *     capitals, and again 20–45% of the rows; cell level.
 * (h) Countries named another way (text-source-eval.ts): the public tables' columns of country names, 2–10% of the
 *     rows from a source that writes ISO codes or another English name of each country; cell level.
 *
 * Scoring (bench/lib/detection/score.ts): a finding with a row and a column marks that cell; with a row only,
 * the row; without a row, nothing (listed, not scored). Findings the same table already gets without
 * injection are dropped (the real table's own defects, reported separately per 10k cells); injections avoid
 * cells and rows that check flagged. A cell error is found by a finding on its cell; an inserted duplicate
 * row by any finding on it or on the row it repeats. Per class: recall = errors found / injected; precision
 * = distinct marks on injected errors / distinct marks. Mixed: the same at cell level (P/R/F1), duplicates
 * scored as rows apart.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateSeed, type EvaluationOptions, type SeedResult } from '../lib/detection/evaluate';
import { formatReport, summarize } from '../lib/detection/report';
import { ensureStdlibDatasets } from '../lib/detection/sources';
import { evaluateMultiSource, formatMultiSource } from '../lib/detection/multi-source-eval';
import { evaluateRelations, formatRelations } from '../lib/detection/relation-eval';
import { evaluateCatalogue, formatCatalogue } from '../lib/detection/catalogue-eval';
import { CAPITALS_SOURCE, COUNTRY_NAMES_SOURCE, CUT_SOURCE, MANY_CAPITALS_SOURCE, evaluateTextSource, formatTextSource } from '../lib/detection/text-source-eval';
import type { CheckOutcome } from '../lib/detection/check';

const root = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      seeds: { type: 'string' },
      json: { type: 'string' },
      tables: { type: 'string' },
      rows: { type: 'string' },
      'synthetic-rows': { type: 'string' },
      'mixed-rate': { type: 'string' },
    },
  });
  const seeds = (values.seed ?? values.seeds ?? process.env.DETECTION_SEEDS ?? '1,2,3').split(',').map(Number);
  if (seeds.some((s) => !Number.isInteger(s))) throw new Error(`seeds must be integers: ${seeds.join(',')}`);
  const stdlibProblem = ensureStdlibDatasets();
  if (stdlibProblem) console.log(stdlibProblem);
  const options: EvaluationOptions = {
    maxRows: Number(values.rows ?? 4000),
    isolatedRate: 0.004,
    isolatedMin: 4,
    isolatedMax: 40,
    isolatedDuplicateRate: 0.01,
    mixedRate: Number(values['mixed-rate'] ?? 0.03),
    mixedDuplicateRate: 0.01,
    isolatedColumnShare: 0.01,
    mixedColumnShare: 0.03,
    syntheticRows: Number(values['synthetic-rows'] ?? 10_000),
    tables: values.tables ? values.tables.split(',') : [],
    withStdlib: stdlibProblem === undefined,
    dataDir: path.join(root, 'bench', '.data', 'detection'),
  };
  const t0 = performance.now();
  const results: SeedResult[] = [];
  for (const seed of seeds) results.push(await evaluateSeed(seed, options, (line) => process.env.DETECTION_VERBOSE ? console.log(line) : undefined));
  const summary = summarize(results);
  console.log(formatReport(summary, { mixedRate: options.mixedRate, mixedDuplicateRate: options.mixedDuplicateRate }));
  const multiSource = await evaluateMultiSource(seeds, options.dataDir);
  console.log(formatMultiSource(multiSource));
  const relations = await evaluateRelations(seeds, options.syntheticRows, options.dataDir);
  console.log(formatRelations(relations));
  const catalogue = await evaluateCatalogue(seeds, options.dataDir);
  console.log(formatCatalogue(catalogue));
  const cleanChecks = new Map<string, Promise<CheckOutcome>>();
  const truncation = await evaluateTextSource(seeds, options.dataDir, CUT_SOURCE, cleanChecks);
  console.log(formatTextSource(truncation, 'Values cut short by a source of fixed-width fields'));
  const capitals = await evaluateTextSource(seeds, options.dataDir, CAPITALS_SOURCE, cleanChecks);
  console.log(formatTextSource(capitals, 'Text written in capitals by a second source'));
  const manyCapitals = await evaluateTextSource(seeds, options.dataDir, MANY_CAPITALS_SOURCE, cleanChecks);
  console.log(formatTextSource(manyCapitals, 'Text written in capitals by a second source that wrote more of the rows'));
  const countryNames = await evaluateTextSource(seeds, options.dataDir, COUNTRY_NAMES_SOURCE, cleanChecks);
  console.log(formatTextSource(countryNames, 'Countries named by a second source its own way (ISO codes or another English name)'));
  const seconds = (performance.now() - t0) / 1000;
  console.log(`\n${summary.checks} checks in ${(summary.checkMs / 1000).toFixed(1)} s; whole run ${seconds.toFixed(1)} s. Dirty CSVs and truth: bench/.data/detection/`);
  if (values.json) {
    mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
    writeFileSync(values.json, `${JSON.stringify({ options, summary, seeds: results, multiSource, relations, catalogue, truncation, capitals, manyCapitals, countryNames }, null, 1)}\n`);
    console.log(`results written to ${values.json}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
