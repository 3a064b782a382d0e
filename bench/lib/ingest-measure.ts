/**
 * What the ingest benchmarks share: their peers (not project dependencies, installed on demand into
 * bench/.peers/), the engine bundle as it ships, and one measurement per fresh process (ingest-runner.mjs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '..', '..');
export const dataDir = path.join(root, 'bench', '.data');
export const peersDir = path.join(root, 'bench', '.peers');

export function ensurePeers(): void {
  if (existsSync(path.join(peersDir, 'node_modules', 'udsv'))) return;
  mkdirSync(peersDir, { recursive: true });
  writeFileSync(path.join(peersDir, 'package.json'), '{ "name": "bench-peers", "private": true }\n');
  console.log('installing benchmark peers into bench/.peers …');
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', 'udsv', 'papaparse', 'csv-parse', 'd3-dsv', 'nodejs-polars', 'nodejs-polars-linux-x64-gnu', '@duckdb/node-api'], { cwd: peersDir, stdio: 'inherit' });
}

/** The engine as it ships: the esbuild bundle of the ingestion entry point, its CSV reader threads' bundle beside it. */
export async function bundleEngine(): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  const engineBundle = path.join(dataDir, 'engine.cjs');
  const bundle = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' } as const;
  await esbuild.build({ ...bundle, entryPoints: [path.join(root, 'src/core/ingest/index.ts')], outfile: engineBundle });
  await esbuild.build({ ...bundle, entryPoints: [path.join(root, 'src/core/ingest/csv/worker.ts')], outfile: path.join(dataDir, 'csv-worker.js') });
  return engineBundle;
}

/**
 * The reader of another revision (default `main`, or BENCH_BASE_REF) as a named peer, so a change to the reader
 * is measured against the one it replaces in the same run: that revision's src/ exported with `git archive`
 * into bench/.peers/base-<commit>/ and bundled like the engine (one thread: the single-thread path it
 * replaces). Undefined, with the reason printed, when the revision cannot be exported (no git, no such ref).
 */
export async function bundleBaseEngine(): Promise<{ label: string; bundle: string } | undefined> {
  const ref = process.env.BENCH_BASE_REF ?? 'main';
  let commit: string;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', `${ref}^{commit}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    console.log(`(no revision "${ref}" to measure as a peer: set BENCH_BASE_REF to compare against another reader)`);
    return undefined;
  }
  const source = path.join(peersDir, `base-${commit}`);
  if (!existsSync(path.join(source, 'src'))) {
    mkdirSync(source, { recursive: true });
    execFileSync('tar', ['-x', '-C', source], { input: execFileSync('git', ['archive', '--format=tar', commit, 'src'], { cwd: root, maxBuffer: 1 << 30 }) });
  }
  const bundle = path.join(dataDir, `engine-${commit}.cjs`);
  // Its imports (apache-arrow, …) resolve from this checkout's node_modules, as the engine's do.
  await esbuild.build({ bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', nodePaths: [path.join(root, 'node_modules')], entryPoints: [path.join(source, 'src/core/ingest/index.ts')], outfile: bundle });
  return { label: `dataset-inspector@${ref}`, bundle };
}

export interface Measurement {
  ms: number;
  cpuMs: number;
  /** The main thread's part of cpuMs (NaN where unknown). */
  mainCpuMs?: number;
  rows: number;
  maxRssMB: number;
  error?: string;
}

/** One read of `file` by `parser` (see ingest-runner.mjs) in a fresh process; native peers on one thread. */
export function measure(parser: string, file: string, engineBundle: string): Measurement {
  const env = { ...process.env, POLARS_MAX_THREADS: '1', RAYON_NUM_THREADS: '1' };
  const r = spawnSync(process.execPath, ['--max-old-space-size=16384', path.join(root, 'bench', 'lib', 'ingest-runner.mjs'), parser, file, engineBundle, peersDir], { env, encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Measurement;
  } catch {
    return { ms: NaN, cpuMs: NaN, rows: 0, maxRssMB: NaN, error: (r.stderr || line).slice(0, 200) };
  }
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
