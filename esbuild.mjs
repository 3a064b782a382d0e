// Builds every bundle of the extension: `node esbuild.mjs [--watch] [--production]`.
// Node bundles (extension host, worker/job entry points, CLI, in-host tests) and browser bundles (webviews).
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

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

/**
 * parquet-wasm's node build reads `parquet_wasm_bg.wasm` beside the bundle. The bundles read a Brotli copy
 * instead (`.wasm.br`, 1.17 MB against 1.68 MB deflated in the VSIX; decompressed in ~60 ms when the first
 * Parquet file is read): the one line that reads the binary is rewritten, and the build fails if a new
 * parquet-wasm version no longer has it.
 */
const PARQUET_WASM_READ = "const wasmBytes = require('fs').readFileSync(wasmPath);";
const brotliParquetWasm = {
  name: 'brotli-parquet-wasm',
  setup(build) {
    build.onLoad({ filter: /parquet-wasm[\\/]node[\\/]parquet_wasm\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(PARQUET_WASM_READ)) throw new Error(`${args.path}: the line that reads the wasm binary changed; update esbuild.mjs`);
      return { contents: source.replace(PARQUET_WASM_READ, "const wasmBytes = require('zlib').brotliDecompressSync(require('fs').readFileSync(wasmPath + '.br'));"), loader: 'js' };
    });
  },
};

/** Brotli at the highest quality takes ~20 s: the result is kept in node_modules/.cache by the binary's hash. */
function brotliCached(file) {
  const bytes = readFileSync(file);
  const cacheDir = 'node_modules/.cache/dataset-inspector';
  const cached = `${cacheDir}/${createHash('sha256').update(bytes).digest('hex')}.br`;
  if (!existsSync(cached)) {
    mkdirSync(cacheDir, { recursive: true });
    const params = { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_LGWIN]: 24, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length };
    writeFileSync(cached, brotliCompressSync(bytes, { params }));
  }
  return cached;
}

/**
 * The CLI's training code (TensorFlow.js, ~2 MB) is its own bundle, dist/cli-train.js: the train command's
 * `import('../train-run.js')` stays an import of that file in dist/cli.js, so the other commands start
 * without loading it.
 */
const cliTrainBundle = {
  name: 'cli-train-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/train-run\.js$/ }, () => ({ path: './cli-train.js', external: true }));
  },
};

const nodeBuilds = [
  { entryPoints: { extension: 'src/extension/main.ts' }, outdir: 'dist' },
  { entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' }, plugins: [cliTrainBundle] },
  { entryPoints: { 'cli-train': 'src/cli/train-run.ts' }, outdir: 'dist' },
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
  plugins: [brotliParquetWasm, ...(b.plugins ?? [])],
}));

const webBuilds = [
  { entryPoints: { report: 'webview-ui/report/main.ts', training: 'webview-ui/training/main.ts', clean: 'webview-ui/clean/main.ts', table: 'webview-ui/table/main.ts' }, outdir: 'dist/webview' },
].map((b) => ({ ...common, ...b, platform: 'browser', format: 'iife', target: 'es2022' }));

/** Files the bundles load at run time (the wasm backend's binaries). */
function copyRuntimeAssets() {
  const wasmDir = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
  mkdirSync('dist/wasm', { recursive: true });
  // Not tfjs-backend-wasm-threaded-simd.wasm: tfjs never uses threads in Node (flag WASM_HAS_MULTITHREAD_SUPPORT).
  for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']) {
    if (existsSync(`${wasmDir}/${f}`)) cpSync(`${wasmDir}/${f}`, `dist/wasm/${f}`);
  }
  // parquet-wasm loads its binary (Brotli, see brotliParquetWasm) from the folder of the bundle that runs it:
  // the Parquet read worker and the cleaning worker (dist/jobs/), and the CLI's Parquet writer (dist/, left
  // out of the VSIX with the CLI).
  const parquetWasm = 'node_modules/parquet-wasm/node/parquet_wasm_bg.wasm';
  mkdirSync('dist/jobs', { recursive: true });
  if (existsSync(parquetWasm)) {
    const compressed = brotliCached(parquetWasm);
    for (const dir of ['dist/jobs', 'dist']) cpSync(compressed, `${dir}/parquet_wasm_bg.wasm.br`);
  }
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
