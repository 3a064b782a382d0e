/**
 * The built CLI (dist/cli.js) trains through its own training bundle (dist/cli-train.js), which only the
 * train command loads: `check` starts without TensorFlow.js. Runs the bundles `npm run build` made.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TrainingResult } from '../../../src/core/train/types';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const built = existsSync(cli) && existsSync(path.join(root, 'dist/cli-train.js'));
const skip = built ? false : 'dist/cli.js or dist/cli-train.js is not built (npm run build)';
const dir = mkdtempSync(path.join(tmpdir(), 'di-bundled-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the built CLI with a preloaded script that reports, at exit, whether the training bundle was loaded. */
function runBuilt(...args: string[]) {
  const probe = path.join(dir, 'probe.cjs');
  writeFileSync(probe, "process.on('exit', () => process.stderr.write(`[train bundle loaded: ${Object.keys(require.cache).some((f) => f.endsWith('cli-train.js'))}]`));\n");
  return spawnSync(process.execPath, ['--require', probe, cli, ...args], { cwd: root, encoding: 'utf8' });
}

test('node dist/cli.js train trains on the sample through dist/cli-train.js', { skip }, () => {
  const r = runBuilt('train', 'samples/dirty.csv', '--target', 'price_eur', '--epochs', '20', '--backend', 'cpu', '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const result = JSON.parse(r.stdout) as TrainingResult;
  assert.equal(result.task, 'regression');
  assert.equal(result.backend, 'cpu');
  assert.equal(result.epochsRun, 20);
  assert.ok(result.coefficients.some((c) => c.name === 'area_m2'));
  assert.match(r.stderr, /\[train bundle loaded: true\]$/);
});

test('node dist/cli.js check does not load the training bundle', { skip }, () => {
  const r = runBuilt('check', 'samples/dirty.csv', '--fail-on', 'never');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /quality score \d+\/100/);
  assert.match(r.stderr, /\[train bundle loaded: false\]$/);
});
