/**
 * Quality benchmark: a full check (ingest + profile + every rule) of the ~100 MB bench CSV against ingest
 * alone, each in a fresh process, rounds interleaved, medians. Target: check ≤ 1.5× ingest.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ensureMixedCsv } from '../lib/mixed-csv';

const root = path.resolve(__dirname, '..', '..');
const dataDir = path.join(root, 'bench', '.data');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const targetMB = Number(process.env.BENCH_INGEST_MB ?? 100);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, `mixed-${targetMB}mb.csv`);
  const bytes = await ensureMixedCsv(file, targetMB * 1e6);
  const entry = path.join(dataDir, 'quality-entry.ts');
  writeFileSync(
    entry,
    `export { ingestFile } from '${path.join(root, 'src/core/ingest/index')}';\nexport { profileTable } from '${path.join(root, 'src/core/profile/index')}';\nexport { runQualityCheck } from '${path.join(root, 'src/core/quality/engine')}';\n`,
  );
  const bundle = path.join(dataDir, 'quality.cjs');
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error' });
  const times: Record<string, number[]> = { ingest: [], check: [] };
  let findings = 0;
  for (let round = 0; round < rounds; round++) {
    for (const mode of ['ingest', 'check']) {
      const r = spawnSync(process.execPath, ['--max-old-space-size=16384', path.join(root, 'bench/lib/quality-runner.mjs'), mode, file, bundle], { encoding: 'utf8' });
      const m = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { ms: number; findings: number; maxRssMB: number };
      times[mode].push(m.ms);
      if (mode === 'check') findings = m.findings;
      console.log(`round ${round + 1}/${rounds} ${mode}: ${m.ms.toFixed(0)} ms, peak RSS ${m.maxRssMB.toFixed(0)} MB${mode === 'check' ? `, ${m.findings} findings` : ''}`);
    }
  }
  const ingest = median(times.ingest);
  const check = median(times.check);
  console.log(`\nFile: ${(bytes / 1e6).toFixed(1)} MB; medians of ${rounds} rounds. ${findings} findings published.`);
  console.log(`ingest alone ${ingest.toFixed(0)} ms; ingest + profile + ${'all'} rules ${check.toFixed(0)} ms; ratio ${(check / ingest).toFixed(2)}×`);
  console.log(`Target: full check ≤ 1.5× ingest alone → ${check / ingest <= 1.5 ? 'met' : 'NOT met'}`);
}

void main();
