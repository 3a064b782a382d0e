/**
 * In-host test entry point (extensionTestsPath): bundled by esbuild to dist/test/integration/index.js and
 * loaded by the extension host of a real VS Code — code-server (test/harness/run-host-tests.mjs) or desktop
 * VS Code (@vscode/test-electron, test/harness/run-desktop-tests.mjs).
 *
 * Results go as JSON to the file named by DATASET_INSPECTOR_TEST_RESULTS (when set) so the driver can read
 * them: { passes: [{ title, fullTitle, durationMs }], failures: [{ title, fullTitle, error, stack }], ... }.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { mocha } from './mocha-globals';
import './all-tests';

interface TestOutcome {
  title: string;
  fullTitle: string;
  durationMs?: number;
  error?: string;
  stack?: string;
}

export interface HostTestResults {
  startedAt: string;
  finishedAt?: string;
  vscodeVersion: string;
  nodeVersion: string;
  passes: TestOutcome[];
  failures: TestOutcome[];
  pending: TestOutcome[];
  /** Tests that failed, then passed or failed again when run once more (mocha retries), with the first failure. */
  retried: TestOutcome[];
  /** Every test in the order it ran. */
  tests: (TestOutcome & { state: 'passed' | 'failed' | 'pending' })[];
  done: boolean;
}

function resultsFile(): string | undefined {
  return process.env.DATASET_INSPECTOR_TEST_RESULTS || undefined;
}

function write(results: HostTestResults): void {
  const file = resultsFile();
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, file); // the driver never reads a half-written file
}

export async function run(): Promise<void> {
  const results: HostTestResults = {
    startedAt: new Date().toISOString(),
    vscodeVersion: vscode.version,
    nodeVersion: process.version,
    passes: [],
    failures: [],
    pending: [],
    retried: [],
    tests: [],
    done: false,
  };
  if (!mocha) throw new Error('the tests were loaded by another Mocha runner (@vscode/test-cli), which runs them itself');
  const instance = mocha;
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      const runner = instance.run((n) => resolve(n));
      runner.on('pass', (t: Mocha.Test) => {
        const outcome = { title: t.title, fullTitle: t.fullTitle(), durationMs: t.duration };
        results.passes.push(outcome);
        results.tests.push({ ...outcome, state: 'passed' });
        console.log(`  ✔ ${t.fullTitle()}`);
      });
      runner.on('fail', (t: Mocha.Test | Mocha.Hook, err: Error) => {
        const outcome = { title: t.title, fullTitle: t.fullTitle(), durationMs: t.duration, error: String(err?.message ?? err), stack: err?.stack };
        results.failures.push(outcome);
        results.tests.push({ ...outcome, state: 'failed' });
        console.log(`  ✘ ${t.fullTitle()}: ${err?.message ?? err}`);
      });
      runner.on('retry', (t: Mocha.Test, err: Error) => {
        results.retried.push({ title: t.title, fullTitle: t.fullTitle(), durationMs: t.duration, error: String(err?.message ?? err), stack: err?.stack });
        console.log(`  ↻ ${t.fullTitle()} failed, running it once more: ${err?.message ?? err}`);
      });
      runner.on('pending', (t: Mocha.Test) => {
        results.pending.push({ title: t.title, fullTitle: t.fullTitle() });
        results.tests.push({ title: t.title, fullTitle: t.fullTitle(), state: 'pending' });
      });
    } catch (err) {
      reject(err);
    }
  }).catch((err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    results.failures.push({ title: 'loading the tests', fullTitle: 'loading the tests', error: e.message, stack: e.stack });
    return 1;
  });
  results.finishedAt = new Date().toISOString();
  results.done = true;
  write(results);
  const passedOnRetry = results.retried.filter((r) => results.passes.some((p) => p.fullTitle === r.fullTitle));
  if (passedOnRetry.length > 0) console.log(`host: ${passedOnRetry.length} passed only when run a second time (flaky; see ↻ above)`);
  console.log(`host: ${results.passes.length} passed, ${results.failures.length} failed, ${results.pending.length} skipped`);
  if (failures > 0) throw new Error(`${failures} in-host test(s) failed`);
}
