/**
 * Cleaning benchmark, two parts:
 *
 * 1. Throughput and memory: mixed CSVs of 100 MB and 1 GB (generated into bench/.data) cleaned with the
 *    safe default steps (a probe, a pass learning the spellings, a pass writing), and the learned recipe
 *    applied again (one pass), each in a fresh process; beside them, in the same run, the batched CSV
 *    reader alone (ingest MB/s), and the recipe without its duplicate-row step. Peak RSS must not grow with
 *    the file (target: the 1 GB file within 1.25× the 100 MB file's peak) except for the table of distinct
 *    rows that duplicate detection keeps, which is bounded by its fixed cap (128 MiB of keys).
 * 2. Suspect labels: public labelled tables (vega-datasets, @stdlib datasets fetched on demand as the
 *    detection bench fetches them) with planted label errors at 5%, several seeds: precision and recall of
 *    the rows flagged (target ≥ 0.8 each), beside the model's out-of-fold accuracy (R²), the number of wrong
 *    labels the noise model estimates, and the precision its ranking has at 80% recall whatever the bar (what
 *    a linear model allows on that table). Boston house prices is a regression with 5% of the targets
 *    swapped between rows.
 *
 * `BENCH_CLEAN_SIZES=100,1000` (MB) chooses the sizes (`none` skips part 1); `BENCH_CLEAN_SKIP_LABELS=1` skips part 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ensureMixedCsv } from '../lib/mixed-csv';
import { readCsvBytes } from '../../src/core/ingest/csv/read';
import { findSuspectLabels, SUSPECT_DEFAULTS } from '../../src/core/train/suspect-labels';
import { mulberry32 } from '../../src/core/shared/random';
import { SOURCES, ensureStdlibDatasets, isStdlib } from '../lib/detection/sources';

const root = path.resolve(__dirname, '..', '..');
const dataDir = path.join(root, 'bench', '.data');
const sizes = (process.env.BENCH_CLEAN_SIZES ?? '100,1000').split(',').map(Number);

interface Measurement {
  ms: number;
  rows: number;
  rowsOut: number;
  passes: number;
  maxRssMB: number;
  notes: string[];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Rounds per measurement (interleaved; medians printed): 3 up to 200 MB, 1 beyond (BENCH_CLEAN_ROUNDS overrides). */
function roundsFor(sizeMB: number): number {
  return Number(process.env.BENCH_CLEAN_ROUNDS ?? (sizeMB <= 200 ? 3 : 1));
}

/** The medians of several measurements' time and peak RSS (the rest from the first). */
function medianOf(runs: Measurement[]): Measurement {
  return { ...runs[0], ms: median(runs.map((r) => r.ms)), maxRssMB: median(runs.map((r) => r.maxRssMB)) };
}

function measure(runner: string, args: string[]): Measurement {
  const r = spawnSync(process.execPath, [runner, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Measurement;
  } catch {
    throw new Error(`runner failed (${args.join(' ')}): ${(r.stderr || line).slice(0, 500)}`);
  }
}

async function throughput(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const runner = path.join(dataDir, 'clean-runner.cjs');
  await esbuild.build({ entryPoints: [path.join(root, 'bench', 'lib', 'clean-runner.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: runner, logLevel: 'error' });
  const wasm = path.join(root, 'node_modules', 'parquet-wasm', 'node', 'parquet_wasm_bg.wasm');
  if (existsSync(wasm)) writeFileSync(path.join(dataDir, 'parquet_wasm_bg.wasm'), readFileSync(wasm));
  const rows: string[][] = [];
  /** Peak RSS without the table of rows seen (everything per batch), and with it. */
  const peaks = new Map<number, number>();
  const tablePeaks = new Map<number, number>();
  for (const size of sizes) {
    const file = path.join(dataDir, `mixed-${size}mb.csv`);
    const bytes = await ensureMixedCsv(file, size * 1e6);
    const mb = bytes / 1e6;
    const out = path.join(dataDir, `mixed-${size}mb.clean.csv`);
    const recipe = path.join(dataDir, `mixed-${size}mb.clean.recipe.json`);
    // The same recipe without its one table that grows with the file (distinct rows seen, up to 2²⁴ slots).
    const noDuplicates = path.join(dataDir, `mixed-${size}mb.no-duplicates.recipe.json`);
    const runs: Record<'ingest' | 'clean' | 'apply' | 'perBatch', Measurement[]> = { ingest: [], clean: [], apply: [], perBatch: [] };
    for (let round = 0; round < roundsFor(size); round++) {
      runs.ingest.push(measure(runner, ['ingest', file]));
      runs.clean.push(measure(runner, ['clean', file, out, recipe]));
      runs.apply.push(measure(runner, ['apply', file, out, recipe]));
      const fitted = JSON.parse(readFileSync(recipe, 'utf8')) as { steps: { step: string }[] };
      writeFileSync(noDuplicates, JSON.stringify({ ...fitted, steps: fitted.steps.filter((st) => st.step !== 'drop-duplicate-rows') }));
      runs.perBatch.push(measure(runner, ['apply', file, out, noDuplicates]));
    }
    const [ingest, clean, apply, perBatch] = [runs.ingest, runs.clean, runs.apply, runs.perBatch].map(medianOf);
    rmSync(out, { force: true });
    peaks.set(size, perBatch.maxRssMB);
    tablePeaks.set(size, Math.max(clean.maxRssMB, apply.maxRssMB));
    const row = (what: string, m: Measurement) => [
      `${mb.toFixed(0)} MB`,
      what,
      (mb / (m.ms / 1000)).toFixed(1),
      (m.ms / 1000).toFixed(1),
      String(m.passes),
      m.maxRssMB.toFixed(0),
      (mb / (m.ms / 1000) / (mb / (ingest.ms / 1000))).toFixed(2),
    ];
    rows.push(
      row('ingest only (batched reader)', ingest),
      row('clean: safe defaults (learn + write)', clean),
      row('clean: recipe applied again', apply),
      row('clean: recipe without duplicate rows', perBatch),
    );
    for (const note of clean.notes) console.log(`  note (${mb.toFixed(0)} MB): ${note}`);
    console.log(`  ${mb.toFixed(0)} MB: ${clean.rows.toLocaleString('en-US')} rows in, ${clean.rowsOut.toLocaleString('en-US')} out (medians of ${roundsFor(size)} round${roundsFor(size) > 1 ? 's' : ''})`);
  }
  const header = ['file', 'run', 'MB/s', 's', 'passes', 'peak RSS MB', '× ingest MB/s'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  console.log(`\n${header.map((h, i) => h.padEnd(widths[i])).join('  ')}`);
  for (const r of rows) console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  if (peaks.size >= 2) {
    const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
    const ratio = peaks.get(large)! / peaks.get(small)!;
    console.log(
      `\npeak RSS without the duplicate-row table, ${large} MB file / ${small} MB file: ${ratio.toFixed(3)}× (target ≤ 1.25×: memory independent of the file size) → ${ratio <= 1.25 ? 'PASS' : 'FAIL'}`,
    );
    console.log(
      `with it: ${tablePeaks.get(small)!.toFixed(0)} MB and ${tablePeaks.get(large)!.toFixed(0)} MB — the table of distinct rows seen grows with them (8 bytes each + 1) up to its fixed cap of 2²⁴ slots, so memory stays bounded for any file size.`,
    );
  }
}

type Row = string[];

function csvOf(header: string[], rows: Row[]): string {
  const field = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${header.map(field).join(',')}\n${rows.map((r) => r.map(field).join(',')).join('\n')}\n`;
}

/** Plants errors in `share` of the rows: another class (classification) or another row's value (regression). */
function plant(rows: Row[], target: number, share: number, seed: number, kind: 'flip' | 'swap'): { rows: Row[]; planted: Set<number> } {
  const random = mulberry32(seed);
  const classes = [...new Set(rows.map((r) => r[target]))];
  const planted = new Set<number>();
  const out = rows.map((r, i) => {
    if (random() >= share) return r;
    planted.add(i);
    const copy = [...r];
    if (kind === 'flip') {
      const others = classes.filter((c) => c !== r[target]);
      copy[target] = others[Math.floor(random() * others.length)];
    } else copy[target] = rows[Math.floor(random() * rows.length)][target];
    return copy;
  });
  return { rows: out, planted };
}

interface LabelTable {
  source: string;
  target: string;
  kind: 'flip' | 'swap';
  /** Columns left out (names, dates and years that identify rather than describe). */
  drop?: string[];
}

const LABEL_TABLES: LabelTable[] = [
  { source: 'penguins', target: 'Species', kind: 'flip' },
  { source: 'cars', target: 'Origin', kind: 'flip', drop: ['Name', 'Year'] },
  { source: 'seattle-weather', target: 'weather', kind: 'flip', drop: ['date'] },
  { source: 'cps-wages', target: 'occupation', kind: 'flip' },
  { source: 'boston', target: 'medv', kind: 'swap' },
];

/**
 * Precision at the first bar (in decreasing error probability) where recall reaches 0.8, or undefined where
 * no bar does: what the model's own ranking allows, whatever the bar.
 */
function precisionAtRecall80(candidates: { row: number; errorProbability: number }[], planted: Set<number>): number | undefined {
  const ranked = [...candidates].sort((a, b) => b.errorProbability - a.errorProbability);
  let hits = 0;
  for (let j = 0; j < ranked.length; j++) {
    if (planted.has(ranked[j].row)) hits++;
    if (hits >= 0.8 * planted.size) return hits / (j + 1);
  }
  return undefined;
}

/** A stricter bar than the default, printed beside it: fewer, surer findings. */
const STRICT_BAR = 0.8;

function suspectLabels(): void {
  const seeds = [1, 2, 3, 4, 5];
  const unavailable = ensureStdlibDatasets();
  if (unavailable) console.log(`  (${unavailable})`);
  console.log('\nSuspect labels: 5% of the labels planted wrong (classes: flipped to another class; numbers: swapped with another row\'s), 5 seeds');
  const header = ['table', 'target', 'rows', 'out-of-fold', 'planted', 'estimated', 'flagged', 'precision', 'recall', `P / R above ${STRICT_BAR}`, 'P at R 0.8, any bar', 'ms'];
  const out: string[][] = [];
  const verdicts: string[] = [];
  for (const t of LABEL_TABLES) {
    const spec = SOURCES.find((s) => s.name === t.source);
    if (!spec || (unavailable && isStdlib(spec))) continue;
    const loaded = spec.load();
    const keep = loaded.header.map((h, i) => (t.drop?.includes(h) ? -1 : i)).filter((i) => i >= 0);
    const names = keep.map((i) => loaded.header[i]);
    const target = names.indexOf(t.target);
    const rows = loaded.rows.map((r) => keep.map((i) => r[i])).filter((r) => r[target] !== '');
    let planted = 0;
    let estimated = 0;
    let flagged = 0;
    let hits = 0;
    let ms = 0;
    let fit = 0;
    let metric = '';
    const precisions: number[] = [];
    const recalls: number[] = [];
    const ceilings: (number | undefined)[] = [];
    const strict = { flagged: 0, hits: 0 };
    for (const seed of seeds) {
      const p = plant(rows, target, 0.05, seed, t.kind);
      const data = readCsvBytes(Buffer.from(csvOf(names, p.rows)));
      const start = performance.now();
      // Every candidate (any error probability; the bar only filters them): the default bar's findings, what
      // another bar would give, and the best any bar could.
      const result = findSuspectLabels({ table: data.table, columns: data.columns }, { target: t.target, minErrorProbability: 0 });
      ms += performance.now() - start;
      const candidates = result.suspects;
      const found = new Set(candidates.filter((s) => s.errorProbability > SUSPECT_DEFAULTS.minErrorProbability).map((s) => s.row));
      let h = 0;
      for (const r of found) if (p.planted.has(r)) h++;
      planted += p.planted.size;
      estimated += result.estimatedErrors;
      flagged += found.size;
      hits += h;
      fit += result.outOfFold.value / seeds.length;
      metric = result.outOfFold.metric === 'accuracy' ? 'accuracy' : 'R²';
      precisions.push(found.size ? h / found.size : 1);
      recalls.push(p.planted.size ? h / p.planted.size : 1);
      ceilings.push(precisionAtRecall80(candidates, p.planted));
      for (const s of candidates) {
        if (s.errorProbability <= STRICT_BAR) continue;
        strict.flagged++;
        if (p.planted.has(s.row)) strict.hits++;
      }
    }
    const range = (v: number[]) => `${Math.min(...v).toFixed(2)}–${Math.max(...v).toFixed(2)}`;
    const reached = ceilings.filter((c): c is number => c !== undefined);
    const ceiling = reached.length ? `${(reached.reduce((a, b) => a + b, 0) / reached.length).toFixed(2)}${reached.length < seeds.length ? ` (${reached.length} of ${seeds.length} seeds reach R 0.8)` : ''}` : 'R 0.8 not reached';
    const [precision, recall] = [hits / flagged, hits / planted];
    out.push([`${t.source} (${spec.origin})`, t.target, String(rows.length), `${metric} ${fit.toFixed(2)}`, String(planted), String(estimated), String(flagged), `${precision.toFixed(2)} (${range(precisions)})`, `${recall.toFixed(2)} (${range(recalls)})`, `${(strict.hits / strict.flagged).toFixed(2)} / ${(strict.hits / planted).toFixed(2)}`, ceiling, (ms / seeds.length).toFixed(0)]);
    verdicts.push(`${t.source}: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} → ${precision >= 0.8 && recall >= 0.8 ? 'PASS' : 'FAIL'}`);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...out.map((r) => r[i].length)));
  console.log(header.map((h, i) => h.padEnd(widths[i])).join('  '));
  for (const r of out) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
  console.log(`\nFlagged: estimated probability of a wrong label above ${SUSPECT_DEFAULTS.minErrorProbability} (the default bar: more likely wrong than right; beside it, the stricter bar ${STRICT_BAR}).`);
  console.log('Target ≥ 0.8 precision and recall at 5% planted errors:');
  for (const v of verdicts) console.log(`  ${v}`);
  console.log(
    '(pooled over the seeds; per-seed range in parentheses. "estimated": wrong labels the noise model estimates. "P at R 0.8, any bar": the precision of the\n' +
      ' model\'s own ranking at 80% recall, the best any threshold could do: where it is far below 0.8, the linear model cannot tell label errors from its own.)',
  );
}

async function main(): Promise<void> {
  if (process.env.BENCH_CLEAN_SIZES !== 'none') await throughput();
  if (!process.env.BENCH_CLEAN_SKIP_LABELS) suspectLabels();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
