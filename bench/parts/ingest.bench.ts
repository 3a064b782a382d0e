/**
 * Ingest benchmark: a ~100 MB mixed CSV parsed to typed columns by this engine (positions kept) and, in the
 * same run, by uDSV, PapaParse, csv-parse, d3-dsv (JavaScript) and Polars and DuckDB (native, one thread).
 * Each measurement runs in a fresh process (clean peak RSS); rounds are interleaved; medians are printed.
 * Peers are not project dependencies: they are installed on demand into bench/.peers/.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ensureMixedCsv } from '../lib/mixed-csv';
import { bundleEngine, dataDir, ensurePeers, measure, median, type Measurement } from '../lib/ingest-measure';

const root = path.resolve(__dirname, '..', '..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const targetMB = Number(process.env.BENCH_INGEST_MB ?? 100);
const jsPeers = ['udsv', 'papaparse', 'csv-parse', 'd3-dsv'];
const nativePeers = ['polars', 'duckdb'];

async function main(): Promise<void> {
  ensurePeers();
  const engineBundle = await bundleEngine();
  const file = path.join(dataDir, `mixed-${targetMB}mb.csv`);
  const bytes = await ensureMixedCsv(file, targetMB * 1e6);
  const mb = bytes / 1e6;

  const parsers = ['dataset-inspector', ...jsPeers, ...nativePeers];
  const results = new Map<string, Measurement[]>(parsers.map((p) => [p, []]));
  for (let round = 0; round < rounds; round++) {
    for (const parser of parsers) {
      const m = measure(parser, file, engineBundle);
      results.get(parser)!.push(m);
      process.stdout.write(`round ${round + 1}/${rounds} ${parser}: ${m.error ? `failed (${m.error})` : `${m.ms.toFixed(0)} ms, ${m.rows} rows, ${m.maxRssMB.toFixed(0)} MB`}\n`);
    }
  }
  const summary = parsers.map((parser) => {
    const ok = results.get(parser)!.filter((m) => !m.error);
    return { parser, mbps: ok.length ? mb / (median(ok.map((m) => m.ms)) / 1000) : NaN, rss: ok.length ? median(ok.map((m) => m.maxRssMB)) : NaN, rows: ok[0]?.rows ?? 0 };
  });
  const fastestJs = Math.max(...summary.filter((s) => jsPeers.includes(s.parser)).map((s) => s.mbps).filter(Number.isFinite));
  const polars = summary.find((s) => s.parser === 'polars')?.mbps ?? NaN;
  console.log(`\nFile: ${mb.toFixed(1)} MB, ${summary[0].rows} rows; medians of ${rounds} rounds, one process per measurement.`);
  console.log('parser              MB/s    peak RSS MB  RSS/file  × fastest JS  × Polars(1 thread)');
  for (const s of summary) {
    console.log(
      `${s.parser.padEnd(18)} ${s.mbps.toFixed(1).padStart(6)}  ${s.rss.toFixed(0).padStart(11)}  ${(s.rss / mb).toFixed(1).padStart(8)}  ${(s.mbps / fastestJs).toFixed(2).padStart(12)}  ${(s.mbps / polars).toFixed(2).padStart(18)}`,
    );
  }
  const engine = summary[0];
  console.log(`\nTarget: engine ≥ 1.5× the fastest JS parser: ${(engine.mbps / fastestJs).toFixed(2)}× → ${engine.mbps / fastestJs >= 1.5 ? 'met' : 'NOT met'}`);
  console.log(`Target: peak RSS ≤ 3× file size (memory mode): ${(engine.rss / mb).toFixed(1)}× → ${engine.rss / mb <= 3 ? 'met' : 'NOT met'}`);

  if (process.env.BENCH_SKIP_1GB !== '1') {
    // Streaming mode: profile a ~1 GB CSV batch by batch through the bundled CLI; peak RSS must not grow with the file.
    const big = path.join(dataDir, 'mixed-1000mb.csv');
    const bigBytes = await ensureMixedCsv(big, 1e9);
    const cli = path.join(dataDir, 'cli.cjs');
    await esbuild.build({ entryPoints: [path.join(root, 'src/cli/main.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: cli, logLevel: 'error' });
    for (const [input, size] of [[file, bytes], [big, bigBytes]] as const) {
      const start = performance.now();
      const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'profile', input, '--streaming', '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const seconds = (performance.now() - start) / 1000;
      const rssMB = Number(r.stderr.trim().split('\n').pop()) / 1024;
      const rows = (JSON.parse(r.stdout) as { rows: number }).rows;
      console.log(`streamed profile of ${(size / 1e6).toFixed(0)} MB (${rows} rows): ${seconds.toFixed(1)} s, ${(size / 1e6 / seconds).toFixed(1)} MB/s, peak RSS ${rssMB.toFixed(0)} MB`);
    }
  }
}

void main();
