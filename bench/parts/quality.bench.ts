/**
 * Quality benchmark: a full check (ingest + profile + every rule) of the ~100 MB bench CSV against ingest
 * alone, each in a fresh process, rounds interleaved, medians. Targets: check ≤ 1.5× ingest (CPU time of the
 * process; wall time printed too); the check's peak RSS
 * (whole process) ≤ 3.5× the file.
 * Each round also runs the per-stage breakdown (the source map's line index, the profile, each rule alone,
 * cold, as the full check meets them; BENCH_BREAKDOWN=0 skips it), printed as a table of medians.
 * BENCH_BASE_REF=<revision> (e.g. main) also runs that revision's full check in each round, for a same-run baseline.
 * BENCH_MEMORY=1 also runs, in each round, a full check that notes the process's peak RSS after each stage and rule,
 * and prints which of them raised it (MiB; Linux: read from /proc/self/status).
 * BENCH_WARM=1 also times a second check of the file in the same process (code compiled and optimized, reader
 * threads started), against a second ingest: what the editor's kept check worker does for a check within two
 * minutes of the last (src/extension/kept-worker.ts); a first check is cold, so the target is judged on the cold check.
 */
import { spawnSync } from 'node:child_process';
import { exportRevision, formatMemoryStages, formatStages, median, medianStages, prepareQualityBench, runner, type RunnerResult, type Stage } from '../lib/quality-bundle';

/** The check's peak RSS, at most this many times the size of the file checked (issue #14). */
const MAX_CHECK_RSS_TIMES_FILE = 3.5;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const targetMB = Number(process.env.BENCH_INGEST_MB ?? 100);
const breakdown = process.env.BENCH_BREAKDOWN !== '0';
const warm = process.env.BENCH_WARM === '1';
const memory = process.env.BENCH_MEMORY === '1';

function run(mode: string, file: string, bundle: string): RunnerResult {
  const r = spawnSync(process.execPath, ['--max-old-space-size=16384', runner, mode, file, bundle], { encoding: 'utf8' });
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as RunnerResult;
}

async function main(): Promise<void> {
  const { file, bytes, bundle } = await prepareQualityBench(targetMB);
  const baseRef = process.env.BENCH_BASE_REF;
  const baseSource = baseRef ? exportRevision(baseRef) : undefined;
  const base = baseSource ? await prepareQualityBench(targetMB, baseSource) : undefined;
  const results: Record<string, RunnerResult[]> = { ingest: [], check: [], breakdown: [], base: [], warm: [], memory: [] };
  let findings = 0;
  for (let round = 0; round < rounds; round++) {
    for (const mode of [...(breakdown ? ['ingest', 'check', 'breakdown'] : ['ingest', 'check']), ...(warm ? ['warm'] : []), ...(memory ? ['memory'] : []), ...(base ? ['base'] : [])]) {
      const m = mode === 'base' && base ? run('check', file, base.bundle) : run(mode, file, bundle);
      results[mode].push(m);
      if (mode === 'check') findings = m.findings;
      if (mode !== 'breakdown' && mode !== 'memory') console.log(`round ${round + 1}/${rounds} ${mode === 'base' ? `check of ${baseRef}` : mode}: ${m.ms.toFixed(0)} ms, peak RSS ${m.maxRssMB.toFixed(0)} MB${mode !== 'ingest' ? `, ${m.findings} findings` : ''}`);
    }
  }
  const ingest = median(results.ingest.map((m) => m.ms));
  const check = median(results.check.map((m) => m.ms));
  console.log(`\nFile: ${(bytes / 1e6).toFixed(1)} MB; medians of ${rounds} rounds. ${findings} findings published.`);
  console.log(`wall: ingest alone ${ingest.toFixed(0)} ms; ingest + profile + all rules ${check.toFixed(0)} ms; ratio ${(check / ingest).toFixed(2)}×`);
  // CPU time of the whole process (its threads included), less disturbed than wall time on a shared machine.
  const cpu = (m: RunnerResult) => m.stages.reduce((a, s) => a + (s.cpuMs ?? 0), 0);
  const ingestCpu = median(results.ingest.map(cpu));
  const checkCpu = median(results.check.map(cpu));
  console.log(`cpu:  ingest alone ${ingestCpu.toFixed(0)} ms; ingest + profile + all rules ${checkCpu.toFixed(0)} ms; ratio ${(checkCpu / ingestCpu).toFixed(2)}×`);
  console.log(`Target: full check ≤ 1.5× ingest alone (CPU time) → ${checkCpu / ingestCpu <= 1.5 ? 'met' : 'NOT met'}`);
  // Peak RSS of the whole process (fresh per round) against the file's size, both in bytes.
  const timesFile = (m: RunnerResult) => (m.maxRssMB * 1024 * 1024) / bytes;
  const ingestRss = median(results.ingest.map(timesFile));
  const checkRss = median(results.check.map(timesFile));
  console.log(`peak RSS: ingest alone ${ingestRss.toFixed(2)}× the file; ingest + profile + all rules ${checkRss.toFixed(2)}× the file`);
  console.log(`Target: full check's peak RSS ≤ ${MAX_CHECK_RSS_TIMES_FILE}× the file → ${checkRss <= MAX_CHECK_RSS_TIMES_FILE ? 'met' : 'NOT met'}`);
  console.log(`\nFull check by stage (medians):\n${formatStages(medianStages(results.check))}`);
  if (warm) {
    // The second check against the second ingest, both in the same warm process.
    const stages = medianStages(results.warm);
    const [warmIngest, warmCheck] = [median(results.warm.map((m) => m.stages.find((s) => s.stage === 'ingest')?.cpuMs ?? 0)), median(results.warm.map(cpu))];
    console.log(`\nWarm (a second check in the same process), cpu: ingest ${warmIngest.toFixed(0)} ms; ingest + profile + all rules ${warmCheck.toFixed(0)} ms; ratio ${(warmCheck / warmIngest).toFixed(2)}×`);
    console.log(formatStages(stages));
  }
  if (memory) {
    console.log(`\nPeak RSS by stage (a full check noting it after each stage and rule; MiB, medians of ${rounds} rounds; rules shown where they raised it by ≥ 1 MiB in some round):\n${formatMemoryStages(results.memory)}`);
  }
  if (base) {
    const afterIngest = (m: RunnerResult) => m.stages.filter((s) => s.stage !== 'ingest').reduce((a, s) => a + (s.cpuMs ?? 0), 0);
    const [baseCpu, baseAfter, after] = [median(results.base.map(cpu)), median(results.base.map(afterIngest)), median(results.check.map(afterIngest))];
    console.log(`\nSame run, check of ${baseRef}: wall ${median(results.base.map((m) => m.ms)).toFixed(0)} ms (${(median(results.base.map((m) => m.ms)) / ingest).toFixed(2)}× ingest), cpu ${baseCpu.toFixed(0)} ms (${(baseCpu / ingestCpu).toFixed(2)}×), ${results.base[0].findings} findings`);
    console.log(`profile + all rules, cpu: ${baseRef} ${baseAfter.toFixed(0)} ms; this tree ${after.toFixed(0)} ms (${(after / baseAfter).toFixed(2)}×)`);
    console.log(`${baseRef} by stage (medians):\n${formatStages(medianStages(results.base))}`);
  }
  if (breakdown) {
    const stages = medianStages(results.breakdown);
    const rules = stages.filter((s) => s.findings !== undefined);
    const sum = (list: Stage[]) => list.reduce((a, s) => a + s.ms, 0);
    console.log(`\nBreakdown (each rule alone, in registry order, after the profile; medians):\n${formatStages(stages, 5)}`);
    console.log(`  profile + all rules: ${sum([...stages.filter((s) => s.stage === 'profile'), ...rules]).toFixed(0)} ms`);
  }
}

void main();
