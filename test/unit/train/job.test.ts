/**
 * The child-process training job (run as TypeScript through tsx): events stream in, cancel kills the
 * run, bad data and crashes reject `done` with a clear message, several jobs run at once. Also the CLI.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startTrainingJob, warmTrainingJob, type TrainingJob } from '../../../src/jobs/train-client';
import { runTrain } from '../../../src/cli/commands/train';
import { seededRandom } from '../../../src/core/train/rng';
import { TrainingCancelledError } from '../../../src/core/shared/cancel';
import { ingestFile } from '../../../src/core/ingest/index';
import { suggestFeatureExclusions } from '../../../src/core/train/candidates';
import type { TrainingEvent, TrainingResult } from '../../../src/core/train/types';
import { config } from './helpers';

const jobScript = path.resolve(__dirname, '../../../src/jobs/train-job.ts');
const execArgv = ['--import', 'tsx'];
let dir = '';
let small = '';
let large = '';

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'train-job-'));
  const random = seededRandom(9);
  const lines = ['x1,x2,color,y'];
  for (let i = 0; i < 300; i++) {
    const x1 = random() * 10;
    const x2 = random() * 5;
    const color = ['red', 'green', 'blue'][i % 3];
    lines.push(`${x1.toFixed(4)},${x2.toFixed(4)},${color},${(2 * x1 - 3 * x2 + (color === 'red' ? 1 : 0) + random()).toFixed(4)}`);
  }
  small = path.join(dir, 'small.csv');
  writeFileSync(small, `${lines.join('\n')}\n`);
  const big = ['a,b,y'];
  for (let i = 0; i < 20_000; i++) big.push(`${i % 97},${(i * 7) % 13},${i % 5}`);
  large = path.join(dir, 'large.csv');
  writeFileSync(large, `${big.join('\n')}\n`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

function isAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number | undefined, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (isAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
}

test('the job streams backend, prepared, epoch events and the result; several jobs run at once', async () => {
  const runs: { events: TrainingEvent[]; job: TrainingJob }[] = [0, 1].map((i) => {
    const events: TrainingEvent[] = [];
    const job = startTrainingJob({ ...config('y', { seed: i, backend: 'auto' }), path: small }, { jobScript, execArgv, onEvent: (e) => events.push(e) });
    return { events, job };
  });
  const results: TrainingResult[] = await Promise.all(runs.map((r) => r.job.done));
  for (const [i, { events, job }] of runs.entries()) {
    const result = results[i];
    assert.equal(events[0].type, 'backend');
    assert.equal(events[1].type, 'prepared');
    assert.equal(events.at(-1)?.type, 'done');
    const epochs = events.filter((e) => e.type === 'epoch');
    assert.equal(epochs.length, result.epochsRun);
    assert.equal(result.backend, 'wasm');
    assert.ok(result.metrics.kind === 'regression' && result.metrics.r2 > 0.9);
    assert.deepEqual(result.preparation.inputNames, ['x1', 'x2', 'color=green', 'color=red']);
    await waitForExit(job.pid);
    assert.ok(!isAlive(job.pid), 'the child exits after the run');
  }
});

test('cancel stops the child and rejects done', async () => {
  let sawLoss = false;
  const job: TrainingJob = startTrainingJob(
    { ...config('y', { epochs: 100_000, batchSize: 8, earlyStoppingPatience: 0, backend: 'cpu' }), path: large },
    {
      jobScript,
      execArgv,
      onEvent: (e) => {
        if ((e.type === 'progress' || e.type === 'epoch') && !sawLoss) {
          sawLoss = true;
          job.cancel();
        }
      },
    },
  );
  await assert.rejects(job.done, TrainingCancelledError);
  assert.ok(sawLoss);
  await waitForExit(job.pid);
  assert.ok(!isAlive(job.pid), 'the child is gone');
});

test('bad data and crashes reject with a clear message, never throwing into the parent', async () => {
  const events: TrainingEvent[] = [];
  const bad = startTrainingJob({ ...config('nope'), path: small }, { jobScript, execArgv, onEvent: (e) => events.push(e) });
  await assert.rejects(bad.done, /Target column "nope" not found/);
  assert.equal(events.at(-1)?.type, 'error');

  const missing = startTrainingJob({ ...config('y'), path: path.join(dir, 'missing.csv') }, { jobScript, execArgv, onEvent: () => undefined });
  await assert.rejects(missing.done, /ENOENT|no such file/);

  // A native crash looks like a signal death: kill the child hard mid-run.
  const crash = startTrainingJob(
    { ...config('y', { epochs: 100_000, batchSize: 8, earlyStoppingPatience: 0, backend: 'cpu' }), path: large },
    {
      jobScript,
      execArgv,
      onEvent: (e) => {
        if (e.type === 'epoch' || e.type === 'progress') process.kill(crash.pid ?? 0, 'SIGKILL');
      },
    },
  );
  await assert.rejects(crash.done, /The training job crashed \(it was killed by SIGKILL\)/);

  const noScript = startTrainingJob(config('y'), { jobScript: path.join(dir, 'nope.js'), onEvent: () => undefined });
  await assert.rejects(noScript.done, /training job script is missing/);
  // A throwing listener does not break the run.
  const throwing = startTrainingJob({ ...config('y', { epochs: 3 }), path: small }, { jobScript, execArgv, onEvent: () => { throw new Error('listener'); } });
  assert.equal((await throwing.done).epochsRun, 3);
});

test('a warm job reads the file before its start and runs it; dispose ends an unused one; other files get a fresh process', async () => {
  const warm = warmTrainingJob(small, { jobScript, execArgv });
  assert.ok(isAlive(warm.pid));
  const events: TrainingEvent[] = [];
  const job = warm.start({ ...config('y', { backend: 'auto' }), path: small }, (e) => events.push(e));
  assert.equal(job.pid, warm.pid, 'the warm process runs the job');
  const result = await job.done;
  assert.equal(result.backend, 'wasm');
  assert.ok(result.metrics.kind === 'regression' && result.metrics.r2 > 0.9);
  assert.deepEqual(events.slice(0, 2).map((e) => e.type), ['backend', 'prepared']);
  const again = warm.start({ ...config('y', { epochs: 3 }), path: small }, () => undefined);
  assert.notEqual(again.pid, warm.pid, 'a second run gets its own process');
  assert.equal((await again.done).epochsRun, 3);

  const unused = warmTrainingJob(small, { jobScript, execArgv });
  unused.dispose();
  await waitForExit(unused.pid);
  assert.ok(!isAlive(unused.pid), 'dispose ends the unused process');

  const other = warmTrainingJob(small, { jobScript, execArgv });
  const otherJob = other.start({ ...config('y', { epochs: 3, backend: 'cpu' }), path: large }, () => undefined);
  assert.notEqual(otherJob.pid, other.pid, 'another file: a fresh process');
  assert.equal((await otherJob.done).preparation.rowsRead, 20_000);
  other.dispose();
  await waitForExit(other.pid);
  assert.ok(!isAlive(other.pid));
});

test('a warm job says which features to leave out for a target: the decision the CLI and preparation make', async () => {
  const file = path.join(dir, 'with-id.csv');
  const rows = Array.from({ length: 120 }, (_, i) => `${1000 + i},${i % 4},${['a', 'b'][i % 2]},7,${(i * 13) % 29},${2 * ((i * 13) % 29) + 1}`);
  writeFileSync(file, ['sale_id,rooms,kind,constant,x,y', ...rows].join('\n') + '\n');
  const warm = warmTrainingJob(file, { jobScript, execArgv });
  try {
    const exclusions = await warm.exclusions('y');
    assert.deepEqual(exclusions, suggestFeatureExclusions(await ingestFile(file), 'y'));
    assert.deepEqual(
      exclusions.map((e) => [e.name, e.kind]),
      [['sale_id', 'identifier'], ['constant', 'constant'], ['x', 'leakage']],
    );
    // The process is still the warm one and trains afterwards.
    const job = warm.start({ ...config('y', { features: ['rooms', 'kind'], epochs: 3 }), path: file }, () => undefined);
    assert.equal(job.pid, warm.pid);
    assert.equal((await job.done).epochsRun, 3);
  } finally {
    warm.dispose();
  }
  const missing = warmTrainingJob(path.join(dir, 'no-such.csv'), { jobScript, execArgv });
  await assert.rejects(missing.exclusions('y'), /ENOENT|no such file/);
  missing.dispose();
});

test('a warm job reads the file again when it changed after the preload', async () => {
  const file = path.join(dir, 'changing.csv');
  const rows = (slope: number) => ['x,y', ...Array.from({ length: 200 }, (_, i) => `${i},${slope * i + (i % 7) / 10}`)].join('\n') + '\n';
  const settings = { features: ['x'], testFraction: 0.2, validationFraction: 0, batchSize: 1000, epochs: 400, earlyStoppingPatience: 0 };
  writeFileSync(file, rows(2));
  const warm = warmTrainingJob(file, { jobScript, execArgv });
  // Give the child time to start and take its preload (it reads the slope-2 file).
  await new Promise((r) => setTimeout(r, 3000));
  writeFileSync(file, `${rows(-5)}200,-1000\n`);
  const result = await warm.start({ ...config('y', settings), path: file }, () => undefined).done;
  assert.equal(result.preparation.rowsRead, 201, 'the new content was trained on');
  const slope = result.coefficients.find((c) => c.name === 'x')?.value ?? NaN;
  assert.ok(Math.abs(slope + 5) < 0.1, `slope ${slope} (new file: −5; preloaded file: 2)`);
});

async function captureStdout(fn: () => Promise<number>): Promise<{ code: number; out: string }> {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  // The CLI writes strings; the test runner's own protocol goes out as bytes and passes through.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    if (typeof chunk !== 'string') return write(chunk, ...rest);
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    return { code: await fn(), out };
  } finally {
    process.stdout.write = write;
  }
}

test('CLI: text with epochs, test metrics and original-scale coefficients; all-rows mode labelled; JSON', async () => {
  const text = await captureStdout(() => runTrain([small, '--target', 'y', '--backend', 'cpu']));
  assert.equal(text.code, 0);
  assert.match(text.out, /^Backend: cpu \(plain JavaScript \(cpu backend\); requested\)$/m);
  assert.match(text.out, /^epoch +1 {2}train loss \S+ {2}validation loss \S+$/m);
  assert.match(text.out, /^Metrics \(held-out test split, 45 rows\):$/m);
  assert.match(text.out, /^ {2}R² +0\.9\d+$/m);
  const coefficient = (name: string) => Number(new RegExp(`^ {2}${name} +(\\S+)$`, 'm').exec(text.out)?.[1]);
  assert.ok(Math.abs(coefficient('x1') - 2) < 0.05, 'slope of x1 on its own scale (true 2)');
  assert.ok(Math.abs(coefficient('x2') + 3) < 0.05, 'slope of x2 (true −3)');
  assert.ok(Math.abs(coefficient('color=green') + 1) < 0.15, 'green vs the reference red (true −1)');

  const all = await captureStdout(() => runTrain([small, '--target', 'y', '--val-split', '0', '--test-split', '0', '--epochs', '20', '--quiet', '--backend', 'cpu']));
  assert.match(all.out, /Metrics \(TRAINING data, 300 rows: no held-out split, so these are training-data metrics\)/);
  assert.doesNotMatch(all.out, /^epoch/m);

  const json = await captureStdout(() => runTrain([small, '-t', 'y', '--features', 'x1,x2', '--format', 'json', '--epochs', '10', '--backend', 'cpu']));
  const parsed = JSON.parse(json.out) as TrainingResult;
  assert.deepEqual(parsed.preparation.inputNames, ['x1', 'x2']);
  assert.equal(parsed.lossHistory.length, parsed.epochsRun);

  const usage = await captureStdout(() => runTrain([small]));
  assert.equal(usage.code, 2);

  const auto = await captureStdout(() => runTrain([small, '-t', 'y', '--batch-size', 'auto', '--epochs', '2', '--folds', '3', '--backend', 'cpu']));
  assert.equal(auto.code, 0);
  assert.match(auto.out, /batch auto \(210\), up to 2 epochs/);
  assert.match(auto.out, /^cross-validation fold 3\/3: mse \S+, rmse \S+, mae \S+, r2 \S+$/m);
  const badBatch = await captureStdout(() => runTrain([small, '-t', 'y', '--batch-size', 'lots']));
  assert.equal(badBatch.code, 2);
});
