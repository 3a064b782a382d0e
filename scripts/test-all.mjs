// `npm test`: every check in order — build, typecheck, lint, unit, in-host (real VS Code), e2e (Playwright),
// packaged VSIX — continuing after a failure where that still means something (no host/e2e/vsix without a
// build). Counts come from each stage's summary line (`<stage>: N passed, N failed[, N skipped]`, or node's
// test runner `# pass N` / `# fail N` and `<stage>: N skipped`); typecheck and lint count as one test each.
// Ends with a table of the counts per stage, then a line `N passed, N failed, N skipped`, and exits non-zero
// if anything failed. Skipped tests are listed by their stage with the reason (e.g. a corpus not found).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stageCounts } from './test-counts.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const stages = [
  { name: 'build', script: 'build', counted: false },
  { name: 'typecheck', script: 'typecheck', single: true },
  { name: 'lint', script: 'lint', single: true },
  { name: 'unit', script: 'test:unit' },
  { name: 'host', script: 'test:host', needsBuild: true },
  { name: 'e2e', script: 'test:e2e', needsBuild: true },
  { name: 'vsix', script: 'test:vsix', needsBuild: true },
];

// `npm test -- unit host` runs only those stages (build always runs first when a later stage needs it).
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

function runStage(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('error', (err) => { out += String(err); resolve({ code: 1, out }); });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}


const results = [];
const t0 = Date.now();
let buildOk = true;
for (const stage of stages) {
  if (only.length && !only.includes(stage.name) && !(stage.name === 'build' && stages.some((s) => s.needsBuild && only.includes(s.name)))) continue;
  if (stage.needsBuild && !buildOk) {
    console.log(`\n=== ${stage.name}: skipped (the build failed)`);
    results.push({ ...stage, status: 'skipped', passed: 0, failed: 0, skipped: 0, seconds: 0 });
    continue;
  }
  console.log(`\n=== ${stage.name} (npm run ${stage.script})`);
  const started = Date.now();
  const { code, out } = await runStage(stage.script);
  const seconds = (Date.now() - started) / 1000;
  let c;
  const none = { passed: 0, failed: 0, skipped: 0 };
  if (stage.single) c = code === 0 ? { ...none, passed: 1 } : { ...none, failed: 1 };
  else if (stage.counted === false) c = code === 0 ? none : { ...none, failed: 1 };
  else c = stageCounts(stage.name, out) ?? (code === 0 ? none : { ...none, failed: 1 });
  // A stage that exits non-zero never counts as clean, whatever its summary said.
  if (code !== 0 && c.failed === 0) c = { ...c, failed: 1 };
  if (stage.name === 'build') buildOk = code === 0;
  results.push({ ...stage, status: code === 0 ? 'ok' : 'FAILED', ...c, seconds });
  console.log(`=== ${stage.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)} s`);
}

console.log('\nstage       result    passed  failed skipped    time');
for (const r of results) {
  console.log(
    `${r.name.padEnd(11)} ${r.status.padEnd(8)} ${String(r.passed).padStart(7)} ${String(r.failed).padStart(7)} ${String(r.skipped).padStart(7)} ${r.seconds.toFixed(1).padStart(7)} s`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
console.log(`total wall time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (skipped) console.log(`${skipped} skipped: see each stage's list of skipped tests and reasons above.`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && results.every((r) => r.status !== 'FAILED') ? 0 : 1);
