/**
 * Table editor benchmark (`npm run bench table`).
 *
 * 1. Grid candidates, in headless Chromium with the same synthetic 3M × 8 model and no I/O: finos/regular-table
 *    (what the editor used until its own grid, webview-ui/table/grid-view.ts), @tanstack/virtual-core driving DOM
 *    rows (installed on demand into bench/.peers), and the editor's own webview with a fake host answering at
 *    once (BENCH_TABLE_BASELINE=<git ref> adds the webview of another commit). Frame times while jumping through
 *    the whole height and while scrolling continuously, the last row the scroll bar reaches, bundle size.
 * 2. The product in a real VS Code (code-server + Chromium through playwright-core), for a 1M-row CSV,
 *    flights-3m.parquet (vega-datasets, 3M rows) and its first 100k rows: time from the open to the first
 *    painted rows and to the whole file read, against the peer "read the file with the same core in a plain
 *    Node process" measured in the same run; frame times while scrolling the whole file; the webview's memory
 *    after scrolling 100k vs 3M rows. BENCH_TABLE_BASE_EXTENSION=<dir> measures another build of the extension
 *    (e.g. `git archive main` unpacked, node_modules linked, `npm run build`) file by file in the same run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { ensureMixedCsv } from '../lib/mixed-csv';
import { median } from '../lib/ingest-measure';
import { mainThreadTime, percentile, vsyncFrames, type TraceEvent } from '../lib/frame-trace';

const root = path.resolve(__dirname, '..', '..');
const dataDir = path.join(root, 'bench', '.data');
const peersDir = path.join(root, 'bench', '.peers');
const flights3m = path.join(root, 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');
const FRAMES = Number(process.env.BENCH_TABLE_FRAMES ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface FrameStats {
  /** Frame times in vsync intervals (see vsyncFrames in bench/lib/frame-trace.ts). */
  p50: number;
  p95: number;
  /** The 95th percentile of the deltas as stamped (0.1 ms rounding and jitter included). */
  rawP95: number;
  max: number;
  /** Frames whose first visible row had no data yet (still on its way from the worker). */
  blankShare: number;
  /**
   * CPU time of the renderer's main thread per frame (the sum of its tasks' thread time in a trace): unlike
   * frame times, it does not grow when other processes take the CPU. A frame fits in 16.7 ms when this does
   * (with room for the compositor).
   */
  cpuMs: number;
  /** From the last scroll to every visible row having its data (the place a scroll-bar drag ended at). */
  settleMs: number;
  /** Elements whose style Chromium recalculated, per frame (UpdateLayoutTree events of the trace). */
  restyledPerFrame: number;
}

interface ScrollArgs {
  selector: string;
  frames: number;
  mode: 'jump' | 'continuous';
  rowsPerFrame: number;
}

/** bench/lib/scroll-probe.mjs: functions evaluated in the page or webview. */
interface Probe {
  scrollInPage(args: ScrollArgs): Promise<{ deltas: number[]; blank: number; settleMs: number }>;
  tableTimes(): { readyAt: number; firstRowsAt: number; loadedAt: number; rows: number };
  tableReady(): boolean;
  domNodes(): number;
  candidateLastRow(): number;
  dropWebviewServiceWorkers(): Promise<void>;
}

/** What this bench uses of the test harness (test/harness/code-server.mjs, test/e2e/workbench.mjs). */
interface Harness {
  startCodeServer(options: { workspace: string }): Promise<{ port: number }>;
  launchBrowser(): Promise<Browser>;
  newPage(browser: Browser): Promise<Page>;
  workbenchUrl(options: { port: number; folder: string; extensionDevelopmentPath: string }): string;
  shutdown(): Promise<void>;
}

interface Workbench {
  waitForExplorer(page: Page, fileName: string): Promise<unknown>;
  waitForContributions(page: Page, fileName: string): Promise<void>;
  explorerItem(page: Page, fileName: string): Locator;
  openPalette(page: Page): Promise<Locator>;
  runCommand(page: Page, label: string): Promise<void>;
}

/** Top to bottom of the whole file in FRAMES frames (dragging the scroll bar thumb). */
const jumpArgs = (selector: string): ScrollArgs => ({ selector, frames: FRAMES, mode: 'jump', rowsPerFrame: 0 });
/** Ten rows a frame from the top (a fast wheel). */
const continuousArgs = (selector: string): ScrollArgs => ({ selector, frames: FRAMES, mode: 'continuous', rowsPerFrame: 10 });

const load = async <T>(...parts: string[]): Promise<T> => (await import(pathToFileURL(path.join(root, ...parts)).href)) as T;

/** BENCH_TABLE_PROFILE=1: where a scroll's main-thread time goes (trace events, and a V8 CPU profile of a second scroll). */
const PROFILE = process.env.BENCH_TABLE_PROFILE === '1';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** Scrolls again under the V8 sampling profiler (the page's renderer, webview frames included) and prints the functions with the most self time. */
async function profileScroll(probe: Probe, page: Page, target: Page | Frame, args: ScrollArgs): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await target.evaluate(probe.scrollInPage, args);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  await cdp.detach();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    const where = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(where, (self.get(where) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`  ${args.mode}: self time by function, ms/frame (V8 sampling profile of a second scroll):`);
  for (const [where, ms] of top) console.log(`    ${(ms / result.deltas.length).toFixed(2).padStart(6)}  ${where}`);
}

/** Scrolls in `target` (the page or a webview frame of `page`) while tracing; frame times and main-thread CPU per frame. */
async function measureScroll(probe: Probe, browser: Browser, page: Page, target: Page | Frame, args: ScrollArgs): Promise<FrameStats> {
  await browser.startTracing(page, { categories: PROFILE ? ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] : ['toplevel', 'devtools.timeline'] });
  const result = await target.evaluate(probe.scrollInPage, args);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const { cpuMs: cpu, byEvent, restyled } = mainThreadTime(trace.traceEvents);
  if (PROFILE) {
    writeFileSync(path.join(dataDir, `table-trace-${args.mode}.json`), JSON.stringify(trace));
    const top = [...byEvent].sort((a, b) => b[1] - a[1]).slice(0, 16);
    console.log(`  ${args.mode}: main-thread time by trace event, ms/frame: ${top.map(([name, ms]) => `${name} ${(ms / result.deltas.length).toFixed(2)}`).join(', ')}`);
    await profileScroll(probe, page, target, args);
  }
  const sorted = vsyncFrames(result.deltas).sort((a, b) => a - b);
  const raw = [...result.deltas].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), rawP95: percentile(raw, 0.95), max: raw[raw.length - 1], blankShare: result.blank / result.deltas.length, cpuMs: cpu / result.deltas.length, settleMs: result.settleMs, restyledPerFrame: restyled / result.deltas.length };
}

const fmtStats = (s: FrameStats) =>
  `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (as stamped ${s.rawP95.toFixed(1)} ms), max ${s.max.toFixed(0)} ms, main-thread CPU ${s.cpuMs.toFixed(1)} ms/frame, ${s.restyledPerFrame.toFixed(0)} elements restyled/frame, blank ${(100 * s.blankShare).toFixed(0)}%, rows ${s.settleMs.toFixed(0)} ms after the last scroll`;

// ------------------------------------------------------------------------------------------- data

async function prepareData(): Promise<{ csv: string; parquet3m: string; parquet100k: string }> {
  mkdirSync(dataDir, { recursive: true });
  const csv = path.join(dataDir, 'table-1m.csv');
  // ~120 bytes a row: 1M rows.
  await ensureMixedCsv(csv, 121e6);
  const parquet100k = path.join(dataDir, 'flights-100k.parquet');
  if (!existsSync(parquet100k)) {
    const pw = await import('parquet-wasm/node');
    const { openAsBlob } = await import('node:fs');
    const file = await pw.ParquetFile.fromFile(await openAsBlob(flights3m));
    const head = tableFromIPC((await file.read({ limit: 100_000 })).intoIPCStream());
    writeFileSync(parquet100k, pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(head, 'stream'))));
  }
  return { csv, parquet3m: flights3m, parquet100k };
}

interface PeerResult {
  firstRowsMs: number;
  readMs: number;
  rows: number;
  /** What the table worker does for a header click and a filter, timed in the same process: [what, ms]. */
  views: [string, number][];
}

/**
 * The "read it with the same core, no VS Code" peer: first rows and whole read in a fresh Node process; then
 * the worker's own work for views: sort by each column (numbers, dates, text), a "contains" filter.
 */
async function readPeer(file: string): Promise<PeerResult> {
  const bundle = path.join(dataDir, 'table-session.cjs');
  // The Parquet reader starts its worker (and that its WebAssembly) from beside the bundle: the built ones.
  for (const file of ['parquet-worker.js', 'parquet_wasm_bg.wasm.br']) copyFileSync(path.join(root, 'dist', 'jobs', file), path.join(dataDir, file));
  await esbuild.build({ entryPoints: [path.join(root, 'src/core/table-session/open.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, external: ['parquet-wasm'], logLevel: 'error' });
  const script = `
    const { openTable } = require(${JSON.stringify(bundle)});
    (async () => {
      const t0 = performance.now(); let first = NaN;
      const o = await openTable(${JSON.stringify(file)}, { memoryBudgetBytes: 2 ** 30, onFirstRows: () => (first = performance.now() - t0) });
      const readMs = performance.now() - t0;
      const views = [];
      const time = async (what, sort, filter) => { const t = performance.now(); await o.session.applyView(sort, filter); views.push([what, performance.now() - t]); };
      for (const [i, c] of o.columns.slice(0, 6).entries()) await time('sort ' + c.name + ' (' + c.kind + ')', { column: i, direction: 'desc' }, null);
      const text = o.columns.findIndex((c) => c.kind === 'string' || c.kind === 'categorical');
      if (text >= 0) await time('filter ' + o.columns[text].name + ' contains "a"', null, { conditions: [{ kind: 'contains', column: text, text: 'a' }], onlyFindings: false });
      console.log(JSON.stringify({ firstRowsMs: first, readMs, rows: o.session.store.rowCount, views }));
    })();`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as PeerResult;
}

// ------------------------------------------------------------------------------------------- candidates

interface CandidateResult {
  name: string;
  bundleKB: number;
  gzipKB: number;
  jump: FrameStats;
  continuous: FrameStats;
  lastRow: number;
}

/** The sources of `ref` (webview-ui, src, which it imports, and scripts, its build plugins) in bench/.data, resolving packages from this checkout. */
function checkout(ref: string): string {
  const tree = path.join(dataDir, `tree-${ref.replace(/[^\w.-]/g, '_')}`);
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(ref)} webview-ui src scripts | tar -x -C ${JSON.stringify(tree)}`], { cwd: root });
  return tree;
}

/** The table webview's words as the host sends them in English (webview-strings.ts with vscode.l10n.t as the identity). */
async function tableStringsInEnglish(): Promise<object> {
  const built = await esbuild.build({
    stdin: { contents: "import { tableStrings } from './src/extension/panels/webview-strings'; module.exports = tableStrings();", resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'error',
    plugins: [
      {
        name: 'vscode-l10n',
        setup(build) {
          build.onResolve({ filter: /^vscode$/ }, () => ({ path: 'vscode', namespace: 'vscode-l10n' }));
          build.onLoad({ filter: /.*/, namespace: 'vscode-l10n' }, () => ({ contents: 'export const l10n = { t: (message) => message };', loader: 'js' }));
        },
      },
    ],
  });
  const module = { exports: {} as object };
  new Function('module', built.outputFiles[0].text)(module);
  return module.exports;
}

/** The esbuild plugins a tree's own build (esbuild.mjs) gives the webviews, if it has them (an older baseline may not). */
async function webviewPlugins(tree: string): Promise<esbuild.Plugin[]> {
  const textNodes = path.join(tree, 'scripts', 'regular-table-text-nodes.mjs');
  if (!existsSync(textNodes)) return [];
  const { regularTableTextNodes } = (await import(pathToFileURL(textNodes).href)) as { regularTableTextNodes: esbuild.Plugin };
  return [regularTableTextNodes];
}

async function candidates(probe: Probe, launchBrowser: () => Promise<Browser>): Promise<CandidateResult[]> {
  if (!existsSync(path.join(peersDir, 'node_modules', '@tanstack', 'virtual-core'))) {
    mkdirSync(peersDir, { recursive: true });
    if (!existsSync(path.join(peersDir, 'package.json'))) writeFileSync(path.join(peersDir, 'package.json'), '{ "name": "bench-peers", "private": true }\n');
    console.log('installing @tanstack/virtual-core into bench/.peers …');
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '@tanstack/virtual-core'], { cwd: peersDir, stdio: 'inherit' });
  }
  const browser = await launchBrowser();
  const results: CandidateResult[] = [];
  const bundle = async (name: string) =>
    (
      await esbuild.build({
        entryPoints: [path.join(root, 'bench', 'lib', 'grid-candidates', `${name}.mjs`)],
        bundle: true,
        minify: true,
        format: 'iife',
        write: false,
        nodePaths: [path.join(peersDir, 'node_modules')],
        logLevel: 'error',
      })
    ).outputFiles[0].contents;
  // The product's webview too, outside VS Code: what it adds to the library (header rows, cache, findings, styles).
  const strings = await tableStringsInEnglish();
  const webviewOf = async (tree: string) =>
    (await esbuild.build({ entryPoints: [path.join(tree, 'webview-ui', 'table', 'main.ts')], bundle: true, minify: true, format: 'iife', write: false, logLevel: 'error', plugins: await webviewPlugins(tree) })).outputFiles[0].contents;
  const webviewPage = (script: Uint8Array) => ({
    scripts: [fakeHost, script],
    css: readFileSync(path.join(root, 'media', 'webview.css'), 'utf8'),
    selector: '[role=grid]',
    // The words the host writes into the page (src/extension/panels/webview-html.ts).
    head: `<script type="application/json" id="l10n-strings">${JSON.stringify(strings).replace(/</g, '\\u003c')}</script>`,
  });
  const fakeHost = await bundle('fake-host');
  const pages: Record<string, { scripts: Uint8Array[]; css: string; selector: string; head?: string }> = {
    'regular-table': { scripts: [await bundle('regular-table')], css: '', selector: 'regular-table' },
    tanstack: { scripts: [await bundle('tanstack')], css: '', selector: 'body > div' },
    'table webview': webviewPage(await webviewOf(root)),
  };
  // Before/after in the same run: BENCH_TABLE_BASELINE=<git ref> adds the webview as it was at that commit.
  const baseline = process.env.BENCH_TABLE_BASELINE;
  if (baseline) pages[`webview @${baseline}`] = webviewPage(await webviewOf(checkout(baseline)));
  for (const [name, { scripts, css, selector, head }] of Object.entries(pages)) {
    const code = scripts[scripts.length - 1];
    const runs: { jump: FrameStats; continuous: FrameStats; lastRow: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      await page.setContent(`<!DOCTYPE html><html><head>${head ?? ''}</head><body style="margin:0"><main id="app"></main></body></html>`);
      if (css) await page.addStyleTag({ content: css });
      for (const script of scripts) await page.addScriptTag({ content: Buffer.from(script).toString('utf8') });
      await page.waitForSelector(selector === 'body > div' ? selector : `${selector} tbody td`);
      await page.waitForTimeout(500);
      const jump = await measureScroll(probe, browser, page, page, jumpArgs(selector));
      await page.waitForTimeout(300);
      const lastRow = await page.evaluate(probe.candidateLastRow);
      const continuous = await measureScroll(probe, browser, page, page, continuousArgs(selector));
      runs.push({ jump, continuous, lastRow });
      await page.close();
    }
    const pick = (k: 'jump' | 'continuous'): FrameStats => ({
      p50: median(runs.map((r) => r[k].p50)),
      p95: median(runs.map((r) => r[k].p95)),
      rawP95: median(runs.map((r) => r[k].rawP95)),
      max: median(runs.map((r) => r[k].max)),
      blankShare: 0,
      cpuMs: median(runs.map((r) => r[k].cpuMs)),
      settleMs: median(runs.map((r) => r[k].settleMs)),
      restyledPerFrame: median(runs.map((r) => r[k].restyledPerFrame)),
    });
    results.push({ name, bundleKB: code.length / 1024, gzipKB: gzipSync(code).length / 1024, jump: pick('jump'), continuous: pick('continuous'), lastRow: Math.max(...runs.map((r) => r.lastRow)) });
  }
  await browser.close();
  return results;
}

// ------------------------------------------------------------------------------------------- product

interface ProductResult {
  file: string;
  /** Which build of the extension (BENCH_TABLE_BASE_EXTENSION adds a second one). */
  build: string;
  rows: number;
  /** From the open to the webview's script ready for rows (VS Code loading the webview). */
  readyMs: number;
  firstRowsMs: number;
  loadedMs: number;
  peer: PeerResult;
  jump: FrameStats;
  continuous: FrameStats;
  /** The page's JS heap after a GC, after scrolling this file end to end. */
  heapMB: number;
  domNodes: number;
}

/** The webview content frame of the active custom editor (waits up to a minute: a loaded machine is slow to open one). */
async function webviewContent(page: Page): Promise<Frame> {
  for (let i = 0; i < 600; i++) {
    const outers = await page.$$('iframe.webview.ready');
    for (const outer of outers.reverse()) {
      const frame = await outer.contentFrame();
      const inner = await frame?.$('iframe#active-frame');
      const content = await inner?.contentFrame();
      if (content && (await content.$('[role=grid]'))) return content;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('no table webview appeared');
}

/**
 * Memory after scrolling: the renderer's JS heap after a garbage collection (the webview shares the
 * workbench's renderer and isolate here, so this is the page's heap: compare it between files), and the
 * DOM nodes of the webview's document.
 */
async function memoryOf(probe: Probe, page: Page, frame: Frame): Promise<{ heapMB: number; domNodes: number }> {
  const domNodes = await frame.evaluate(probe.domNodes);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return { heapMB: (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20, domNodes };
}

/**
 * The extension builds measured: this tree's, and with BENCH_TABLE_BASE_EXTENSION=<dir> (another checkout, built
 * with `npm run build`, e.g. a `git archive main` snapshot) that one too, alternately file by file in the same
 * code-server and browser, BENCH_TABLE_PRODUCT_ROUNDS times (default 1): a same-run before/after on a shared machine.
 */
function builds(): { label: string; path: string }[] {
  const base = process.env.BENCH_TABLE_BASE_EXTENSION;
  return [{ label: 'this tree', path: root }, ...(base ? [{ label: `base ${path.basename(base)}`, path: path.resolve(base) }] : [])];
}

async function product(probe: Probe, harness: Harness, files: { csv: string; parquet3m: string; parquet100k: string }): Promise<ProductResult[]> {
  const workbench = await load<Workbench>('test', 'e2e', 'workbench.mjs');
  const variants = builds();
  for (const v of variants) if (!existsSync(path.join(v.path, 'dist', 'extension.js'))) throw new Error(`run \`npm run build\` in ${v.path} first`);
  const rounds = Number(process.env.BENCH_TABLE_PRODUCT_ROUNDS ?? 1);
  const workspace = path.join(dataDir, 'table-ws');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  const only = process.env.BENCH_TABLE_FILES?.split(',');
  const entries = [
    { file: files.parquet100k, name: 'flights-100k.parquet' },
    { file: files.parquet3m, name: 'flights-3m.parquet' },
    { file: files.csv, name: 'table-1m.csv' },
  ].filter((e) => !only || only.some((o) => e.name.includes(o)));
  for (const e of entries) symlinkSync(e.file, path.join(workspace, e.name));
  const results: ProductResult[] = [];
  const peers = new Map<string, PeerResult>();
  try {
    const server = await harness.startCodeServer({ workspace });
    const browser = await harness.launchBrowser();
    const page = await harness.newPage(browser);
    if (entries.length === 0) return results;
    let loaded = '';
    for (let round = 0; round < rounds; round++) {
      for (const { file, name } of entries) {
        const peer = peers.get(file) ?? (await readPeer(file));
        peers.set(file, peer);
        for (const build of variants) {
          if (loaded !== build.path) {
            await page.goto(harness.workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: build.path }), { waitUntil: 'domcontentloaded' });
            await workbench.waitForExplorer(page, entries[0].name);
            await workbench.waitForContributions(page, entries[0].name);
            loaded = build.path;
          }
          // A hover (the Explorer's path tooltip) would swallow the click.
          await page.mouse.move(900, 500);
          await page.keyboard.press('Escape');
          await page.evaluate(probe.dropWebviewServiceWorkers);
          let t0: number;
          if (name.endsWith('.parquet')) {
            t0 = Date.now();
            await workbench.explorerItem(page, name).click();
          } else {
            // A 120 MB CSV opens as VS Code's "too large" placeholder; then "Open as Table" from the palette.
            await workbench.explorerItem(page, name).click();
            await page.waitForTimeout(1000);
            const input = await workbench.openPalette(page);
            await input.fill('>Dataset Inspector: Open as Table');
            const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Open as Table' }).first();
            await row.waitFor({ timeout: 10_000 });
            t0 = Date.now();
            await page.keyboard.press('Enter');
          }
          const frame = await webviewContent(page);
          await frame.waitForFunction(probe.tableReady, undefined, { timeout: 180_000, polling: 50 });
          const { readyAt, firstRowsAt, loadedAt, rows } = await frame.evaluate(probe.tableTimes);
          await page.waitForTimeout(500);
          const jump = await measureScroll(probe, browser, page, frame, jumpArgs('[role=grid]'));
          const continuous = await measureScroll(probe, browser, page, frame, continuousArgs('[role=grid]'));
          const memory = await memoryOf(probe, page, frame);
          results.push({ file: name, build: build.label, rows, readyMs: readyAt - t0, firstRowsMs: firstRowsAt - t0, loadedMs: loadedAt - t0, peer, jump, continuous, ...memory });
          console.log(`${name} (${build.label}, load ${loadavg()[0].toFixed(1)}): webview ready ${readyAt - t0} ms, first rows ${firstRowsAt - t0} ms, read ${loadedAt - t0} ms (peer: first rows ${peer.firstRowsMs.toFixed(0)} ms, read ${peer.readMs.toFixed(0)} ms); jump ${fmtStats(jump)}; continuous ${fmtStats(continuous)}; page heap ${memory.heapMB.toFixed(1)} MB, ${memory.domNodes} DOM nodes`);
          await workbench.runCommand(page, 'View: Close All Editors');
          await page.waitForTimeout(1500);
        }
      }
    }
  } finally {
    await harness.shutdown();
  }
  return results;
}

/** Files the Node peer reads faster than this are read before a webview can show anything (~0.4 s to load here). */
const LONG_READ_MS = 500;

/** The target "rows shown while the file is still read", judged for files whose read takes longer than a webview's load. */
function whileReading(r: ProductResult): string {
  const shown = r.firstRowsMs < r.loadedMs ? `yes, ${r.loadedMs - r.firstRowsMs} ms before the read ended` : `no, ${r.firstRowsMs - r.loadedMs} ms after it`;
  if (r.peer.readMs < LONG_READ_MS) return `n/a (the peer reads it in ${r.peer.readMs.toFixed(0)} ms; ${shown})`;
  return `${r.firstRowsMs < r.loadedMs ? 'met' : 'NOT met'} (${shown})`;
}

async function main(): Promise<void> {
  if (!existsSync(flights3m)) {
    console.log('flights-3m.parquet is missing (npm install installs vega-datasets): nothing to measure.');
    return;
  }
  // Frame times on a shared machine move with its load: say what it was (CPU/frame does not move with it).
  const machineLoad = () => loadavg().map((l) => l.toFixed(1)).join(', ');
  console.log(`load average at the start: ${machineLoad()} (${cpus().length} CPUs)`);
  const files = await prepareData();
  const harness = await load<Harness>('test', 'harness', 'code-server.mjs');
  const probe = await load<Probe>('bench', 'lib', 'scroll-probe.mjs');
  console.log(`\n-- grid candidates (headless Chromium, synthetic 3M × 8, ${FRAMES} frames a scroll, medians of ${ROUNDS} rounds)`);
  const cands = process.env.BENCH_TABLE_SKIP_CANDIDATES === '1' ? [] : await candidates(probe, () => harness.launchBrowser());
  console.log('candidate        bundle (min / gzip)   jump through 3M rows (frame p50 / p95, CPU/frame)   10 rows/frame (same)            last row reached');
  const frameCell = (s: FrameStats) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} ms, CPU ${s.cpuMs.toFixed(1)} ms, ${s.restyledPerFrame.toFixed(0)} restyled`;
  for (const c of cands) {
    console.log(`${c.name.padEnd(16)} ${c.bundleKB.toFixed(0).padStart(6)} / ${c.gzipKB.toFixed(0).padStart(3)} KB      ${frameCell(c.jump).padEnd(51)} ${frameCell(c.continuous).padEnd(31)} ${c.lastRow.toLocaleString('en-US')} of 3,000,000`);
  }
  await harness.shutdown();

  console.log('\n-- the table editor in VS Code (code-server 1.100.3 + Chromium)');
  const results = await product(probe, harness, files);
  console.log('\nfile                   rows        webview ready  first rows  read (editor)  read (peer, Node)  first rows − peer read  jump p95 / CPU      continuous p95 / CPU  blank (jump)  rows after jump  page heap     DOM nodes');
  for (const r of results) {
    console.log(
      `${(builds().length > 1 ? `${r.file} · ${r.build}` : r.file).padEnd(22)} ${r.rows.toLocaleString('en-US').padStart(10)}  ${String(r.readyMs).padStart(10)} ms  ${String(r.firstRowsMs).padStart(7)} ms  ${String(r.loadedMs).padStart(10)} ms  ${r.peer.readMs.toFixed(0).padStart(14)} ms  ${(r.firstRowsMs - r.peer.readMs).toFixed(0).padStart(18)} ms  ${r.jump.p95.toFixed(1).padStart(6)} / ${r.jump.cpuMs.toFixed(1).padStart(4)} ms  ${r.continuous.p95.toFixed(1).padStart(10)} / ${r.continuous.cpuMs.toFixed(1).padStart(4)} ms  ${(100 * r.jump.blankShare).toFixed(0).padStart(9)}%  ${r.jump.settleMs.toFixed(0).padStart(12)} ms  ${r.heapMB.toFixed(1).padStart(9)} MB  ${String(r.domNodes).padStart(8)}`,
    );
  }
  const small = results.find((r) => r.file === 'flights-100k.parquet' && r.build === 'this tree');
  const big = results.find((r) => r.file === 'flights-3m.parquet' && r.build === 'this tree');
  console.log('\nTargets:');
  for (const r of results) {
    console.log(`  ${r.file} (${r.build}): first rows within 1 s of the peer's read: ${r.firstRowsMs - r.peer.readMs <= 1000 ? 'met' : 'NOT met'}; rows shown while the file was still read: ${whileReading(r)}; continuous scroll p95 ≤ 16.7 ms: ${r.continuous.p95 <= 16.7 ? 'met' : 'NOT met'} (jump p95 ${r.jump.p95.toFixed(1)} ms; main-thread CPU ${r.continuous.cpuMs.toFixed(1)} / ${r.jump.cpuMs.toFixed(1)} ms a frame)`);
  }
  const [own, base] = builds();
  if (base) {
    console.log(`\nThis tree against ${base.label} (medians over the rounds; CPU = the renderer main thread's time a frame):`);
    for (const file of new Set(results.map((r) => r.file))) {
      const of = (label: string) => results.filter((r) => r.file === file && r.build === label);
      const m = (rs: ProductResult[], pick: (r: ProductResult) => number) => median(rs.map(pick));
      const line = (rs: ProductResult[]) => `jump p95 ${m(rs, (r) => r.jump.p95).toFixed(1)} ms / CPU ${m(rs, (r) => r.jump.cpuMs).toFixed(1)} ms, continuous p95 ${m(rs, (r) => r.continuous.p95).toFixed(1)} ms / CPU ${m(rs, (r) => r.continuous.cpuMs).toFixed(1)} ms`;
      const ratio = (pick: (r: ProductResult) => number) => (m(of(own.label), pick) / m(of(base.label), pick)).toFixed(2);
      console.log(`  ${file}: ${own.label} ${line(of(own.label))}; ${base.label} ${line(of(base.label))}; CPU a frame × ${ratio((r) => r.jump.cpuMs)} jump, × ${ratio((r) => r.continuous.cpuMs)} continuous (${of(own.label).length} rounds)`);
    }
  }
  console.log(`\nload average at the end: ${machineLoad()}`);
  console.log('\nViews computed by the table worker (the same code in a Node process, after the read):');
  for (const file of new Set(results.map((r) => r.file))) {
    const r = results.find((result) => result.file === file);
    if (r) console.log(`  ${r.file}: ${r.peer.views.map(([what, ms]) => `${what} ${ms.toFixed(0)} ms`).join(', ')}`);
  }
  if (small && big) {
    console.log(
      `  memory after scrolling 100k vs 3M rows end to end: page JS heap ${small.heapMB.toFixed(1)} vs ${big.heapMB.toFixed(1)} MB (× ${(big.heapMB / small.heapMB).toFixed(2)}); webview DOM nodes ${small.domNodes} vs ${big.domNodes}`,
    );
  }
}

void main();
