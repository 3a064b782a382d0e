// Builds every bundle of the extension: `node esbuild.mjs [--watch] [--production]`.
// Node bundles (extension host, worker/job entry points, CLI, in-host tests) and browser bundles (webviews).
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, existsSync, rmSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'info',
  legalComments: 'none',
};

/** Native or binary-carrying packages stay outside the bundles and are resolved from node_modules at run time. */
const nodeExternals = ['vscode', '@tensorflow/tfjs-node', 'nodejs-polars', '@duckdb/node-api'];

const nodeBuilds = [
  { entryPoints: { extension: 'src/extension/main.ts' }, outdir: 'dist' },
  { entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The CSV reader's worker threads (found from dist/ and dist/jobs/ bundles alike: src/core/ingest/csv/pool.ts).
  {
    entryPoints: {
      'check-worker': 'src/jobs/check-worker.ts',
      'train-job': 'src/jobs/train-job.ts',
      'parquet-worker': 'src/core/ingest/parquet-worker.ts',
      'csv-worker': 'src/core/ingest/csv/worker.ts',
    },
    outdir: 'dist/jobs',
  },
  { entryPoints: { index: 'test/integration/index.ts' }, outdir: 'dist/test/integration' },
].map((b) => ({
  ...common,
  ...b,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: nodeExternals,
  mainFields: ['module', 'main'],
}));

const webBuilds = [
  { entryPoints: { report: 'webview-ui/report/main.ts', training: 'webview-ui/training/main.ts' }, outdir: 'dist/webview' },
].map((b) => ({ ...common, ...b, platform: 'browser', format: 'iife', target: 'es2022' }));

/** Files the bundles load at run time (the wasm backend's binaries). */
function copyRuntimeAssets() {
  const wasmDir = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
  mkdirSync('dist/wasm', { recursive: true });
  // Not tfjs-backend-wasm-threaded-simd.wasm: tfjs never uses threads in Node (flag WASM_HAS_MULTITHREAD_SUPPORT).
  for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']) {
    if (existsSync(`${wasmDir}/${f}`)) cpSync(`${wasmDir}/${f}`, `dist/wasm/${f}`);
  }
  // parquet-wasm loads its binary from the folder of the one bundle that runs it: the Parquet read worker.
  const parquetWasm = 'node_modules/parquet-wasm/node/parquet_wasm_bg.wasm';
  mkdirSync('dist/jobs', { recursive: true });
  if (existsSync(parquetWasm)) cpSync(parquetWasm, 'dist/jobs/parquet_wasm_bg.wasm');
}

const builds = [...nodeBuilds, ...webBuilds];
// A one-off build starts from an empty dist/, so nothing stale (a file a bundle no longer needs) ships.
if (!watch) rmSync('dist', { recursive: true, force: true });
copyRuntimeAssets();
if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
