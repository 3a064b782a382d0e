// `npm run test:desktop`: the same in-host tests (dist/test/integration/index.js) in desktop VS Code, with
// @vscode/test-electron (downloads VS Code into .vscode-test/ on first use: needs internet; on a machine
// without it use `npm run test:host`, which runs them in code-server). Assumes `npm run build` was run.
// On Linux without a display, run it under `xvfb-run -a npm run test:desktop`.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const extensionTestsPath = path.join(repo, 'dist', 'test', 'integration', 'index.js');
for (const f of [path.join(repo, 'dist', 'extension.js'), extensionTestsPath]) {
  if (!existsSync(f)) {
    console.error(`run-desktop-tests: ${path.relative(repo, f)} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dataset-inspector-desktop-'));
const workspace = path.join(tmp, 'samples');
cpSync(path.join(repo, 'samples'), workspace, { recursive: true });
let code = 0;
try {
  await runTests({
    version: process.env.VSCODE_TEST_VERSION || 'stable',
    extensionDevelopmentPath: repo,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(tmp, 'user-data')],
    extensionTestsEnv: { DATASET_INSPECTOR_TEST_RESULTS: path.join(tmp, 'results.json') },
  });
  console.log('desktop: in-host tests passed');
} catch (err) {
  console.error(`desktop: in-host tests failed: ${err?.message || err}`);
  code = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
