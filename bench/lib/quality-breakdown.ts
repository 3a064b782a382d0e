/**
 * Per-stage timing of a full quality check of the bench CSV:
 * `npx tsx bench/lib/quality-breakdown.ts [runs] [sourceRoot]`. Each run is a fresh process (the runner's
 * `breakdown` mode) that ingests the file, then times the CSV source map's line index (built on the first
 * range asked for), the profile, and each enabled rule alone in registry order, cold and once, as the full
 * check meets them (a rule that first needs a shared column fact pays for it). Prints medians per stage
 * (wall and CPU ms), the fastest run, and the medians' JSON as the last line. `sourceRoot` bundles another
 * checkout (e.g. a `git worktree` of the commit before) for a before/after comparison.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { formatStages, medianStages, prepareQualityBench, runner, type RunnerResult, type Stage } from './quality-bundle';

export function runBreakdown(file: string, bundle: string): RunnerResult {
  const r = spawnSync(process.execPath, ['--max-old-space-size=16384', runner, 'breakdown', file, bundle], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`breakdown failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as RunnerResult;
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  const sourceRoot = process.argv[3] ? path.resolve(process.argv[3]) : undefined;
  const { file, bundle } = await prepareQualityBench(Number(process.env.BENCH_INGEST_MB ?? 100), sourceRoot);
  const results: RunnerResult[] = [];
  for (let i = 0; i < runs; i++) results.push(runBreakdown(file, bundle));
  const stages = medianStages(results);
  const rules = stages.filter((s) => s.findings !== undefined);
  const sum = (list: Stage[], key: 'ms' | 'cpuMs') => list.reduce((a, s) => a + (s[key] ?? 0), 0);
  const profile = stages.filter((s) => s.stage === 'profile');
  console.log(`${path.basename(file)}, ${results[0].rows} rows: medians of ${runs} cold runs${sourceRoot ? ` of ${sourceRoot}` : ''}`);
  console.log(formatStages(stages, 5));
  console.log(`  all rules: ${sum(rules, 'ms').toFixed(0)} ms wall, ${sum(rules, 'cpuMs').toFixed(0)} ms cpu; profile + all rules: ${sum([...profile, ...rules], 'ms').toFixed(0)} ms wall, ${sum([...profile, ...rules], 'cpuMs').toFixed(0)} ms cpu`);
  // On a busy machine the fastest run shows best what the code costs.
  const fastest = (stage: string) => Math.min(...results.map((r) => r.stages.find((s) => s.stage === stage)?.ms ?? Infinity));
  const ruleIds = rules.map((s) => s.stage);
  const fastestRules = Math.min(...results.map((r) => r.stages.filter((s) => ruleIds.includes(s.stage)).reduce((a, s) => a + s.ms, 0)));
  console.log(`  fastest run: profile ${fastest('profile').toFixed(0)} ms, all rules ${fastestRules.toFixed(0)} ms, line index ${fastest('source-map line index').toFixed(0)} ms`);
  console.log(JSON.stringify(stages));
}

if (require.main === module) void main();
