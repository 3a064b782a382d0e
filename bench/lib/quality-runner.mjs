// One measurement in a fresh process: `node quality-runner.mjs <ingest|check|warm|breakdown> <file> <bundle>`, where the
// bundle exports ingestFile, profileTable, runQualityCheck and allRules (and readSourceBackFromFile, which the
// check then uses as checkFile does: the CSV's bytes are read back from the file after the ingest; and
// releaseReaderThreads, called after the check's read as the extension's check worker has checkFile do). Prints one JSON line
// {mode, ms, rows, findings, maxRssMB, stages}. `check` times ingest + profile + every rule (stages: ingest,
// profile, rules); `warm` checks the file once untimed, then times a second check of it in the same process (the
// code already compiled and optimized, the reader's threads started), with the same stages; `breakdown` times, after the ingest, the profile and then each rule alone in registry order
// (a rule that first needs a shared column fact pays for it), the way the full check meets them: cold, once.
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import path from 'node:path';

const [mode, file, bundle] = process.argv.slice(2);
const { ingestFile, profileTable, runQualityCheck, allRules, readSourceBackFromFile, releaseReaderThreads } = createRequire(import.meta.url)(path.resolve(bundle));
const stages = [];
// Wall time, and CPU time of the process (all threads: less disturbed by other processes on a busy machine).
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const timed = (stage, run) => {
  const t = performance.now();
  const c = cpuMs();
  const result = run();
  stages.push({ stage, ms: performance.now() - t, cpuMs: cpuMs() - c });
  return result;
};
const stamp = statSync(file);
if (mode === 'warm') {
  const first = await ingestFile(file);
  const firstReadBack = readSourceBackFromFile?.(first, stamp);
  runQualityCheck(first, {}, profileTable(first));
  firstReadBack?.close();
}
const start = performance.now();
// A fresh process's ingest counts its start (as the check's first read pays it); a warm one only its own CPU.
const startCpu = mode === 'warm' ? cpuMs() : 0;
const data = await ingestFile(file);
stages.push({ stage: 'ingest', ms: performance.now() - start, cpuMs: cpuMs() - startCpu });
// A check stops the reader's threads once the file is read, as the extension's one-check worker does (where the tree does so).
if (mode === 'check' || mode === 'breakdown') void releaseReaderThreads?.();
const readBack = mode === 'ingest' ? undefined : timed('read back', () => readSourceBackFromFile?.(data, stamp));
let findings = 0;
if (mode === 'check' || mode === 'warm') {
  const profile = timed('profile', () => profileTable(data));
  findings = timed('rules', () => runQualityCheck(data, {}, profile)).findings.length;
} else if (mode === 'breakdown') {
  // The CSV source map finds line starts on the first range asked for (ingest code, paid by whichever rule
  // publishes the first finding): timed on its own so the rules' times are their own.
  timed('source-map line index', () => data.source.cellRange(0, 0));
  const profile = timed('profile', () => profileTable(data));
  for (const rule of allRules) {
    const report = timed(rule.id, () => runQualityCheck(data, {}, profile, [rule]));
    if (report.rulesRun.length === 0) stages.pop(); // off by default
    else stages[stages.length - 1].findings = report.totals[rule.id];
    findings += report.findings.length;
  }
}
readBack?.close();
const ms = performance.now() - start;
console.log(JSON.stringify({ mode, ms, rows: data.table.numRows, findings, maxRssMB: process.resourceUsage().maxRSS / 1024, stages }));
