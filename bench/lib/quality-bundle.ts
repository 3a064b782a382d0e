/**
 * The bench data file and the esbuild bundle (ingestFile, profileTable, runQualityCheck, allRules, and readSourceBackFromFile and
 * releaseReaderThreads where the tree has them) the quality runner loads, with the CSV reader threads' bundle (csv-worker.js) beside it, as the extension ships them:
 * without it the reader would find no worker script and read on one thread only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ensureMixedCsv } from './mixed-csv';

export const root = path.resolve(__dirname, '..', '..');
export const runner = path.join(root, 'bench/lib/quality-runner.mjs');

export interface QualityBenchFiles {
  file: string;
  bytes: number;
  bundle: string;
}

/**
 * Writes the ~`targetMB` MB mixed CSV (if absent) and bundles the engine from `sourceRoot` (default: this tree) into a
 * directory of its own under bench/.data/, with that tree's reader worker beside it.
 */
export async function prepareQualityBench(targetMB: number, sourceRoot = root): Promise<QualityBenchFiles> {
  const dataDir = path.join(root, 'bench', '.data');
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, `mixed-${targetMB}mb.csv`);
  const bytes = await ensureMixedCsv(file, targetMB * 1e6);
  const tag = sourceRoot === root ? 'quality' : `quality-${path.basename(sourceRoot)}`;
  const outDir = path.join(dataDir, tag);
  mkdirSync(outDir, { recursive: true });
  const entry = path.join(outDir, 'entry.ts');
  // Trees whose check reads the CSV's bytes back from the file (instead of holding them) export how.
  const readBack = existsSync(path.join(sourceRoot, 'src/core/ingest/source-bytes.ts'));
  // Trees whose check (as the extension runs it) stops the reader's threads once the file is read export how.
  const releasesThreads = readFileSync(path.join(sourceRoot, 'src/core/check/check-file.ts'), 'utf8').includes('releaseReaderThreads');
  writeFileSync(
    entry,
    `export { ingestFile } from '${path.join(sourceRoot, 'src/core/ingest/index')}';\nexport { profileTable } from '${path.join(sourceRoot, 'src/core/profile/index')}';\nexport { runQualityCheck, allRules } from '${path.join(sourceRoot, 'src/core/quality/engine')}';\n` +
      (readBack ? `export { readSourceBackFromFile } from '${path.join(sourceRoot, 'src/core/ingest/csv/source-map')}';\n` : '') +
      (releasesThreads ? `export { closeSharedPool as releaseReaderThreads } from '${path.join(sourceRoot, 'src/core/ingest/csv/pool')}';\n` : ''),
  );
  const bundle = path.join(outDir, 'quality.cjs');
  // Imports (apache-arrow, …) resolve from this checkout's node_modules, also for a tree exported elsewhere.
  const options: esbuild.BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', nodePaths: [path.join(root, 'node_modules')] };
  await esbuild.build({ ...options, entryPoints: [entry], outfile: bundle });
  const worker = path.join(sourceRoot, 'src/core/ingest/csv/worker.ts');
  if (existsSync(worker)) await esbuild.build({ ...options, entryPoints: [worker], outfile: path.join(outDir, 'csv-worker.js') });
  return { file, bytes, bundle };
}

/**
 * The sources of another revision (`ref`, e.g. main) for a same-run baseline: its src/ exported with `git archive` into
 * bench/.peers/base-<commit>/; undefined, with the reason printed, when the revision cannot be exported.
 */
export function exportRevision(ref: string): string | undefined {
  let commit: string;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', `${ref}^{commit}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    console.log(`(no revision "${ref}" to measure as a baseline)`);
    return undefined;
  }
  const source = path.join(root, 'bench', '.peers', `base-${commit}`);
  if (!existsSync(path.join(source, 'src'))) {
    mkdirSync(source, { recursive: true });
    execFileSync('tar', ['-x', '-C', source], { input: execFileSync('git', ['archive', '--format=tar', commit, 'src'], { cwd: root, maxBuffer: 1 << 30 }) });
  }
  return source;
}

export interface Stage {
  stage: string;
  /** Wall time. */
  ms: number;
  /** CPU time of the process (all its threads). */
  cpuMs?: number;
  findings?: number;
}

export interface RunnerResult {
  mode: string;
  ms: number;
  rows: number;
  findings: number;
  maxRssMB: number;
  stages: Stage[];
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Medians per stage over several runner results (stages in first-seen order). */
export function medianStages(results: RunnerResult[]): Stage[] {
  const byStage = new Map<string, { ms: number[]; cpuMs: number[]; findings?: number }>();
  for (const result of results) {
    for (const s of result.stages) {
      const entry = byStage.get(s.stage) ?? { ms: [], cpuMs: [] };
      entry.ms.push(s.ms);
      if (s.cpuMs !== undefined) entry.cpuMs.push(s.cpuMs);
      entry.findings = s.findings;
      byStage.set(s.stage, entry);
    }
  }
  return [...byStage].map(([stage, { ms, cpuMs, findings }]) => ({ stage, ms: median(ms), cpuMs: cpuMs.length ? median(cpuMs) : undefined, findings }));
}

/** A per-stage table (wall and CPU ms); stages under `hideBelowMs` wall ms are summed into one line. */
export function formatStages(stages: Stage[], hideBelowMs = 0): string {
  const shown = stages.filter((s) => s.ms >= hideBelowMs || s.findings === undefined);
  const hidden = stages.filter((s) => !shown.includes(s));
  const cpu = (list: Stage[]) => (list.every((s) => s.cpuMs !== undefined) ? list.reduce((a, s) => a + (s.cpuMs ?? 0), 0).toFixed(0) : '');
  const rows = shown.map((s) => [s.stage, s.ms.toFixed(0), cpu([s]), s.findings === undefined ? '' : `${s.findings} findings`]);
  if (hidden.length) rows.push([`${hidden.length} other rules (each < ${hideBelowMs} ms)`, hidden.reduce((a, s) => a + s.ms, 0).toFixed(0), cpu(hidden), '']);
  rows.unshift(['stage', 'wall ms', 'cpu ms', '']);
  const width = [0, 1, 2].map((k) => Math.max(...rows.map((r) => r[k].length)));
  return rows.map(([a, b, c, d]) => `  ${a.padEnd(width[0])}  ${b.padStart(width[1])}  ${c.padStart(width[2])}  ${d}`.trimEnd()).join('\n');
}
