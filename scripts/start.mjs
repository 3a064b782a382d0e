// `npm start`: builds, then opens samples/ in VS Code with the extension in development mode.
//   - desktop VS Code (`code` on PATH): `code --extensionDevelopmentPath=<repo> <repo>/samples`
//   - otherwise code-server (installed once into .vscode-test/code-server/) on 127.0.0.1:8080 or the next free
//     port; open the printed URL in a browser. Runs until Ctrl+C.
// Options: --no-build, --port <n>, --code-server (skip desktop VS Code even when `code` exists).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = path.join(repo, 'samples');
const argv = process.argv.slice(2);
const portArg = argv.includes('--port') ? Number(argv[argv.indexOf('--port') + 1]) : 8080;

if (!argv.includes('--no-build')) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('start: the build failed');
    process.exit(r.status || 1);
  }
}

const code = argv.includes('--code-server') ? null : spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).stdout.trim();
if (code) {
  console.log(`Opening ${samples} in VS Code (${code}) with the extension in development mode…`);
  const r = spawnSync(code, [`--extensionDevelopmentPath=${repo}`, samples], { stdio: 'inherit' });
  process.exit(r.status ?? 0);
}

const { ensureCodeServer, startCodeServer, workbenchUrl, newRunDir, shutdown, onShutdown } = await import('../test/harness/code-server.mjs');
ensureCodeServer();
const runDir = newRunDir('start');
// A persistent user-data folder keeps your layout and settings between `npm start` runs.
const server = await startCodeServer({
  runDir,
  port: portArg,
  userDataDir: path.join(repo, '.vscode-test', 'start-user-data'),
  extensionsDir: path.join(repo, '.vscode-test', 'start-extensions'),
});
const url = workbenchUrl({ port: server.port, folder: samples, extensionDevelopmentPath: repo });
console.log('\nDataset Inspector is running in VS Code (code-server, development mode) on samples/:');
console.log(`\n  ${url}\n`);
console.log('Open that URL in a browser. After changing the sources run `npm run build` (or `npm run watch`) and');
console.log('reload the browser tab. Press Ctrl+C to stop.');
console.log(`(code-server log: ${path.relative(repo, server.logFile)})`);
let stopping = false;
onShutdown(() => {
  stopping = true;
  console.log('\nstopping code-server…');
});
// The server's child-process handle keeps this process alive until Ctrl+C (code-server.mjs's SIGINT handler
// stops the server's whole process group, then exits).
server.child.once('exit', async (codeOrNull, signal) => {
  if (stopping) return;
  console.error(`code-server exited unexpectedly (${codeOrNull ?? signal}); log: ${server.logFile}`);
  await shutdown();
  process.exit(1);
});
