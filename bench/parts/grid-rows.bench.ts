/**
 * What a scrolled frame of the table grid costs Chromium, by how the rows that stay on screen are handled
 * (`npm run bench grid-rows`; BENCH_ROUNDS, BENCH_GRID_ROWS_FRAMES).
 *
 * The table editor's grid (finos/regular-table) draws the i-th visible row into its i-th pooled <tr>: a scroll
 * of 10 rows rewrites the text of every visible cell whose value changed, and Chromium's layout and paint of a
 * frame grow with the number of text nodes changed (bench/parts/table.bench.ts, BENCH_TABLE_PROFILE=1). This
 * prototype measures a plain <table> with the grid's cell styles, 36 rows × 13 cells of table-1m.csv-like
 * values, scrolled 10 rows a frame, three ways:
 * - refill: every pooled row gets the values of its new row (what regular-table does);
 * - moved rows: the <tr>s of rows still on screen are moved in the DOM with their row, only the rows that came
 *   into view get new text (Chromium re-attaches the moved rows);
 * - ring: the <tr>s stay where they are in the DOM and are placed by a transform, only the rows that came into
 *   view get new text (what a grid owning its rows could do; regular-table has no option for it).
 * Main-thread CPU per frame (trace events, not moved by other processes' load) and where it goes.
 *
 * Measured here (2 cores, load 17–31, 400 frames, medians of 3 rounds): refill 22.7 ms/frame (layout 11.3,
 * paint 4.7); moved rows × 0.64 (layout 4.8 but paint 6.0: every moved row is re-attached and repainted);
 * ring × 0.42 (layout 4.2, paint 1.5, style 1.0). Tried in the editor's webview itself (regular-table's pooled
 * rows rotated before its draw, with the fake host of table.bench.ts): no gain (layout −0.9 ms, paint +0.8,
 * style +0.4: the moved rows' ~170 cells restyled each frame); `table-layout: fixed` cost more than auto here.
 * A ring in the webview (a prototype wrapping regular-table's body draw: its row arrays rotated, the <tbody>
 * translated by the rotation and each <tr> by its wraps; not kept, as regular-table's row cleaning assumes
 * DOM order) rendered the same pixels; 14.7 → 11.0 ms/frame in one run, equal in three rounds at load 25:
 * when frames are missed a draw moves 20 or more of the ~31 rows on screen, and few rows are kept.
 * The editor's own grid (webview-ui/table/grid-view.ts) keeps the ring, with what this page does not show: a
 * transform on a <tr> (or a <tbody>) restyles its children, which the VS Code webview's styles make costly
 * (~20 µs an element), so each pooled row is its own <tbody> (moved by a transform: 2 elements restyled) and
 * the body is moved by scrolling its clip; and its capped scroll height is paged so a wheel moves row by row.
 */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { median } from '../lib/ingest-measure';
import { mainThreadTime, percentile, vsyncFrames, type TraceEvent } from '../lib/frame-trace';

const root = path.resolve(__dirname, '..', '..');
const FRAMES = Number(process.env.BENCH_GRID_ROWS_FRAMES ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MODES = ['refill', 'moved rows', 'ring'] as const;
type Mode = (typeof MODES)[number];

/** The grid's cell styles (webview-ui/table/styles.ts) with fixed colours. */
const CSS = `
  body { margin: 0; font: 13px monospace; }
  table { border-collapse: collapse; }
  td, th { white-space: nowrap; padding: 0 6px; height: 22px; box-sizing: border-box; border-right: 1px solid #ddd; border-bottom: 1px solid #eee; }
  td { max-width: 20em; }
  th { text-align: right; font-weight: normal; font-variant-numeric: tabular-nums; }
`;

const PHASES = ['Layout', 'Paint', 'PrePaint', 'UpdateLayoutTree', 'Layerize', 'FireAnimationFrame'] as const;

/** bench/lib/grid-rows-page.mjs: evaluated in the page (plain JS: Playwright serialises it). */
interface Probe {
  scrollRows(args: { mode: Mode; frames: number }): Promise<number[]>;
}

async function measure(probe: Probe, browser: Browser, mode: Mode): Promise<{ cpuMs: number; p95: number; phases: Map<string, number> }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await page.setContent(`<!DOCTYPE html><html><head><style>${CSS}</style></head><body></body></html>`);
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  const deltas = await page.evaluate(probe.scrollRows, { mode, frames: FRAMES });
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  await page.close();
  const { cpuMs, byEvent } = mainThreadTime(trace.traceEvents);
  const phases = new Map([...byEvent].map(([name, ms]) => [name, ms / deltas.length]));
  return { cpuMs: cpuMs / deltas.length, p95: percentile(vsyncFrames(deltas).sort((a, b) => a - b), 0.95), phases };
}

async function main(): Promise<void> {
  console.log(`load average at the start: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (${cpus().length} CPUs); ${FRAMES} frames, medians of ${ROUNDS} interleaved rounds`);
  const harness = (await import(pathToFileURL(path.join(root, 'test', 'harness', 'code-server.mjs')).href)) as { launchBrowser(): Promise<Browser> };
  const probe = (await import(pathToFileURL(path.join(root, 'bench', 'lib', 'grid-rows-page.mjs')).href)) as Probe;
  const browser = await harness.launchBrowser();
  const runs = new Map<Mode, { cpuMs: number; p95: number; phases: Map<string, number> }[]>(MODES.map((m) => [m, []]));
  try {
    for (let round = 0; round < ROUNDS; round++) for (const mode of MODES) runs.get(mode)?.push(await measure(probe, browser, mode));
  } finally {
    await browser.close();
  }
  const refill = median((runs.get('refill') ?? []).map((r) => r.cpuMs));
  for (const [mode, results] of runs) {
    const cpu = median(results.map((r) => r.cpuMs));
    const phases = PHASES.map((p) => `${p} ${median(results.map((r) => r.phases.get(p) ?? 0)).toFixed(2)}`).join(', ');
    console.log(`${mode.padEnd(11)} main-thread CPU ${cpu.toFixed(1)} ms/frame (× ${(cpu / refill).toFixed(2)} of refill), frame p95 ${median(results.map((r) => r.p95)).toFixed(1)} ms | ${phases}`);
  }
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
}

void main();
