// @vscode/test-cli configuration (`npx vscode-test`): the in-host tests in desktop VS Code, like
// `npm run test:desktop`. Run `npm run build` first; the bundled test entry runs mocha itself.
// Without internet, use `npm run test:host` (code-server) instead.
import { defineConfig } from '@vscode/test-cli';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'dataset-inspector-vscode-test-')), 'samples');
cpSync('samples', workspace, { recursive: true });

export default defineConfig({
  label: 'in-host',
  files: 'dist/test/integration/index.js',
  extensionDevelopmentPath: '.',
  workspaceFolder: workspace,
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 30_000 },
});
