/**
 * The check worker kept between checks (src/extension/kept-worker.ts): the second check of the ~100 MB bench CSV
 * through the extension's check worker (dist/jobs/check-worker.js; `npm run build` first), sent to the first
 * check's worker (kept) or to a new one (fresh, as every check ran before), each round in a fresh process, the two
 * alternated; medians of BENCH_ROUNDS (default 3) rounds, wall and CPU of the whole check and the worker's stage times.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { median, prepareQualityBench, root } from '../lib/quality-bundle';

interface Check {
  ms: number;
  cpuMs: number;
  findings: number;
  timingsMs: { ingest: number; profile: number; quality: number };
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const runner = path.join(root, 'bench/lib/check-worker-runner.mjs');
const script = path.join(root, 'dist/jobs/check-worker.js');

function run(mode: 'kept' | 'fresh', file: string): Check[] {
  const r = spawnSync(process.execPath, [runner, mode, file, script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return (JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { checks: Check[] }).checks;
}

async function main(): Promise<void> {
  if (!existsSync(script)) {
    console.log(`No ${path.relative(root, script)}: run \`npm run build\` first.`);
    process.exitCode = 1;
    return;
  }
  const { file } = await prepareQualityBench(Number(process.env.BENCH_INGEST_MB ?? 100));
  const seconds: Record<'kept' | 'fresh', Check[]> = { kept: [], fresh: [] };
  const firsts: Check[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const mode of ['kept', 'fresh'] as const) {
      const [first, second] = run(mode, file);
      firsts.push(first);
      seconds[mode].push(second);
      console.log(`round ${round + 1}/${rounds} ${mode}: first check ${first.ms.toFixed(0)} ms, second ${second.ms.toFixed(0)} ms (${second.cpuMs.toFixed(0)} ms CPU), ${second.findings} findings`);
    }
  }
  const line = (label: string, checks: Check[]) => {
    const m = (of: (c: Check) => number) => median(checks.map(of)).toFixed(0);
    return `${label.padEnd(22)} wall ${m((c) => c.ms).padStart(6)} ms  cpu ${m((c) => c.cpuMs).padStart(6)} ms  (ingest ${m((c) => c.timingsMs.ingest)}, profile ${m((c) => c.timingsMs.profile)}, rules ${m((c) => c.timingsMs.quality)} ms wall)`;
  };
  console.log(`\nMedians of ${rounds} rounds:`);
  console.log(line('first check (cold)', firsts));
  console.log(line('second, fresh worker', seconds.fresh));
  console.log(line('second, kept worker', seconds.kept));
  const ratio = (of: (c: Check) => number) => (median(seconds.kept.map(of)) / median(seconds.fresh.map(of))).toFixed(2);
  console.log(`kept / fresh: wall ${ratio((c) => c.ms)}×, cpu ${ratio((c) => c.cpuMs)}×, profile + rules wall ${ratio((c) => c.timingsMs.profile + c.timingsMs.quality)}×`);
}

void main();
