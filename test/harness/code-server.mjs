// A real VS Code for tests and `npm start` without internet: code-server (VS Code's own workbench and
// Node extension host, served to a browser) installed from the npm registry, driven by Debian's Chromium
// through playwright-core. Recipe: code-server 4.100.3 = VS Code 1.100.3, runs on Node 20.
//
//   ensureCodeServer()            installs it once into .vscode-test/code-server/ (marker file → instant later)
//   startCodeServer({...})        starts it on 127.0.0.1:<free port> with a fresh user-data/extensions dir
//   workbenchUrl({...})           the URL that opens a folder, optionally with an extension in development mode
//   launchBrowser()               headless /usr/bin/chromium via playwright-core
//   installExtension(vsix, dir)   `code-server --install-extension`
//   onShutdown(fn)                cleanup that also runs on SIGINT/SIGTERM/uncaught errors
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, existsSync, mkdirSync, rmSync, writeFileSync, readFileSync, openSync, closeSync, symlinkSync, lstatSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import http from 'node:http';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER_VERSION = '4.100.3';
export const HOST_DIR = path.join(REPO, '.vscode-test', 'code-server');
export const RUNS_DIR = path.join(REPO, '.vscode-test', 'runs');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const MARKER = path.join(HOST_DIR, `.installed-${CODE_SERVER_VERSION}`);
const CODE_SERVER_PKG = path.join(HOST_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_BIN = path.join(CODE_SERVER_PKG, 'out', 'node', 'entry.js');

const log = (...a) => console.log('[code-server]', ...a);

// ---------------------------------------------------------------- cleanup on every exit path

const shutdownHooks = [];
let hooksInstalled = false;
/** Runs (once) every registered cleanup, newest first: call it in `finally`. */
export async function shutdown() {
  while (shutdownHooks.length) {
    const f = shutdownHooks.pop();
    try { await f(); } catch { /* best effort */ }
  }
}
/** Registers a synchronous-safe cleanup (it may return a promise; on signals we wait for it briefly). */
export function onShutdown(fn) {
  shutdownHooks.push(fn);
  if (hooksInstalled) return;
  hooksInstalled = true;
  const runAll = shutdown;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      const t = setTimeout(() => process.exit(130), 8000);
      t.unref?.();
      runAll().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
    });
  }
  // Last resort: synchronous kill of any process group still registered.
  process.once('exit', () => {
    for (const pgid of liveGroups) {
      try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
    }
  });
}
const liveGroups = new Set();

// ---------------------------------------------------------------- install

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Debian packages the host needs; returns the names of those that are missing. */
export function missingSystemPackages({ forInstall = true } = {}) {
  const missing = [];
  if (forInstall && !existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/gssapi/gssapi.h') && !which('krb5-config')) missing.push('libkrb5-dev');
  if (forInstall && !which('rg')) missing.push('ripgrep');
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  return missing;
}

function assertSystemPackages(opts) {
  const missing = missingSystemPackages(opts);
  if (missing.length) {
    throw new Error(
      `The code-server test host needs Debian packages that are not installed: ${missing.join(', ')}.\n` +
        `Install them (as root) with:\n    apt-get update && apt-get install -y libkrb5-dev ripgrep chromium`,
    );
  }
}

function npmEnv() {
  // code-server's install refuses to run as root without unsafe-perm; node-pty's install calls `npx node-gyp`
  // and the machine's npmrc may set yes=false.
  return { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

function run(cmd, args, cwd) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd, env: npmEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`code-server install step failed: ${cmd} ${args.join(' ')} (in ${cwd}), exit ${r.status ?? r.signal}\n${out}`);
  }
  log(`  ${cmd} ${args.join(' ')}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

function forceSymlink(target, linkPath) {
  try {
    lstatSync(linkPath);
    unlinkSync(linkPath);
  } catch { /* absent */ }
  symlinkSync(target, linkPath);
}

/** Installs code-server into .vscode-test/code-server/ unless the marker says it is there. Returns its folder. */
export function ensureCodeServer() {
  if (existsSync(MARKER) && existsSync(CODE_SERVER_BIN)) {
    assertSystemPackages({ forInstall: false });
    return HOST_DIR;
  }
  assertSystemPackages({ forInstall: true });
  const t0 = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(REPO, HOST_DIR)}/ (once; ~300 MB)…`);
  rmSync(HOST_DIR, { recursive: true, force: true });
  mkdirSync(HOST_DIR, { recursive: true });
  writeFileSync(path.join(HOST_DIR, 'package.json'), JSON.stringify({ name: 'code-server-test-host', private: true, version: '0.0.0' }, null, 2));
  const npm = 'npm';
  run(npm, ['install', '--no-save', '--ignore-scripts', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], HOST_DIR);
  run(npm, ['rebuild', 'argon2'], HOST_DIR);
  const vscodeDir = path.join(CODE_SERVER_PKG, 'lib', 'vscode');
  run(npm, ['install', '--omit=dev', '--ignore-scripts', '--no-package-lock'], vscodeDir);
  const rgBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  forceSymlink(which('rg'), path.join(rgBin, 'rg'));
  run(npm, ['rebuild'], vscodeDir);
  forceSymlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  forceSymlink('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  forceSymlink('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  run(npm, ['install', '--omit=dev', '--no-package-lock'], path.join(vscodeDir, 'extensions'));
  writeFileSync(MARKER, `code-server ${CODE_SERVER_VERSION} installed ${new Date().toISOString()}\n`);
  log(`installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return HOST_DIR;
}

// ---------------------------------------------------------------- run

export function freePort(preferred = 0) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', (err) => {
      if (preferred) freePort(preferred + 1 <= 65535 && preferred < 8200 ? preferred + 1 : 0).then(resolve, reject);
      else reject(err);
    });
    srv.listen(preferred, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function get(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/**
 * A fresh folder under .vscode-test/runs/ for one run's user data, extensions, results and logs. Older runs
 * are pruned (the newest KEEP_RUNS stay for inspection).
 */
const KEEP_RUNS = 12;
export function newRunDir(label = 'run') {
  mkdirSync(RUNS_DIR, { recursive: true });
  try {
    const old = readdirSync(RUNS_DIR)
      .map((name) => ({ name, t: statSync(path.join(RUNS_DIR, name)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(KEEP_RUNS - 1);
    for (const { name } of old) rmSync(path.join(RUNS_DIR, name), { recursive: true, force: true });
  } catch { /* another run pruned concurrently */ }
  const id = `${label}-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const dir = path.join(RUNS_DIR, id);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Installs a .vsix into `extensionsDir` with code-server's CLI. */
export function installExtension(vsix, extensionsDir, userDataDir) {
  const args = [CODE_SERVER_BIN, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'];
  if (userDataDir) args.splice(1, 0, '--user-data-dir', userDataDir);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0 || /failed|error/i.test(out.split('\n').filter((l) => !/warn/i.test(l)).join('\n'))) {
    throw new Error(`Installing ${vsix} failed (exit ${r.status ?? r.signal}):\n${out}`);
  }
  return out;
}

/**
 * Makes `locale` the display language of a code-server run, so extensions load their translations
 * (package.nls.<locale>.json, l10n/bundle.l10n.<locale>.json): installs the display-language extension in
 * test/fixtures/language-pack-<locale> (packaged with vsce; it has no translations of VS Code itself) and
 * registers it in languagepacks.json, which the server reads to resolve `--locale` (VS Code writes that file
 * only when a language is picked in its UI). Returns the code-server arguments that select the language.
 */
export function displayLanguage({ locale, runDir, extensionsDir, userDataDir }) {
  const source = path.join(REPO, 'test', 'fixtures', `language-pack-${locale}`);
  const manifest = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));
  const [localization] = manifest.contributes.localizations;
  const vsix = path.join(runDir, `${manifest.name}.vsix`);
  const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], { cwd: source, stdio: 'pipe' });
  mkdirSync(userDataDir, { recursive: true });
  installExtension(vsix, extensionsDir, userDataDir);
  const id = `${manifest.publisher}.${manifest.name}`;
  const translations = path.join(extensionsDir, `${id}-${manifest.version}`, localization.translations[0].path);
  const pack = { hash: `${id}-${manifest.version}`, extensions: [{ extensionIdentifier: { id }, version: manifest.version }], translations: { vscode: translations }, label: localization.localizedLanguageName };
  writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
  return ['--locale', locale];
}

/**
 * Starts code-server on 127.0.0.1. Options: workspace (folder to open), runDir, port (0 = free; a number =
 * that or the next free one), env (extra environment for the server and so its extension host),
 * extensionsDir, userDataDir, args (more code-server arguments, e.g. ['--locale', 'zh-cn']). Returns { port, origin, runDir, logFile, stop() }.
 */
export async function startCodeServer(opts = {}) {
  ensureCodeServer();
  const runDir = opts.runDir ?? newRunDir('cs');
  const userDataDir = opts.userDataDir ?? path.join(runDir, 'user-data');
  const extensionsDir = opts.extensionsDir ?? path.join(runDir, 'extensions');
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // Quiet workbench: no welcome page, no trust prompt, no telemetry, no auto-opened release notes.
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) {
    mkdirSync(path.dirname(settingsFile), { recursive: true });
    writeFileSync(settingsFile, JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.showReleaseNotes': false,
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'extensions.ignoreRecommendations': true,
      'git.enabled': false,
      'workbench.enableExperiments': false,
      'chat.commandCenter.enabled': false,
      ...(opts.settings ?? {}),
    }, null, 2));
  }
  const port = opts.port ? await freePort(opts.port) : await freePort();
  const logFile = path.join(runDir, 'code-server.log');
  const fd = openSync(logFile, 'a');
  const args = [
    CODE_SERVER_BIN,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(opts.args ?? []),
  ];
  if (opts.workspace) args.push(opts.workspace);
  const child = spawn(process.execPath, args, {
    cwd: opts.cwd ?? REPO,
    env: { ...process.env, ...(opts.env ?? {}) },
    stdio: ['ignore', fd, fd],
    detached: true, // own process group: stop() kills the server, its extension hosts and pty hosts together
  });
  closeSync(fd);
  liveGroups.add(child.pid);
  let exited = null;
  child.once('exit', (code, signal) => { exited = { code, signal }; });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const killGroup = (sig) => { try { process.kill(-child.pid, sig); } catch { /* gone */ } };
    killGroup('SIGTERM');
    const deadline = Date.now() + 5000;
    while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    killGroup('SIGKILL'); // stragglers in the group (extension host, pty host, file watcher)
    liveGroups.delete(child.pid);
  };
  onShutdown(stop);

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited during start-up (${JSON.stringify(exited)}); log:\n${tail(logFile)}`);
    }
    const status = await get(`${origin}/healthz`);
    if (status >= 200 && status < 500) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${origin} within ${(opts.startTimeoutMs ?? 60_000) / 1000} s; log:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { port, origin, runDir, userDataDir, extensionsDir, logFile, pid: child.pid, child, stop };
}

export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * The workbench URL that opens `folder`, with the extension at `extensionDevelopmentPath` loaded in
 * development mode and, optionally, the in-host tests at `extensionTestsPath` run (the `payload` query
 * parameter the web workbench reads, as @vscode/test-web uses it).
 */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;
  const params = [];
  if (folder) params.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (payload.length) params.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://${authority}/${params.length ? `?${params.join('&')}` : ''}`;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Debian Chromium via playwright-core (never `playwright install`). */
export async function launchBrowser(opts = {}) {
  assertSystemPackages({ forInstall: false });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    handleSIGINT: false, // our onShutdown hooks close it
    handleSIGTERM: false,
  });
  onShutdown(() => browser.close().catch(() => {}));
  return browser;
}

/** A new page sized like a laptop screen, with the page's console kept for failure reports. */
export async function newPage(browser, { width = 1400, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.consoleLines = [];
  page.on('console', (m) => {
    page.consoleLines.push(`[${m.type()}] ${m.text()}`);
    if (page.consoleLines.length > 2000) page.consoleLines.shift();
  });
  page.on('pageerror', (e) => page.consoleLines.push(`[pageerror] ${e.message}`));
  return page;
}

/** Waits until the workbench has rendered (the activity bar and status bar are there). */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.waitForSelector('.monaco-workbench .part.activitybar, .monaco-workbench .part.statusbar', { timeout: timeoutMs });
}

/** Rejects with a clear message if `promise` takes longer than `ms`. */
export function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise.finally(() => clearTimeout(t)),
    new Promise((_, reject) => { t = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms); }),
  ]);
}

/** Copies `samples/` (or `from`) to a fresh temp workspace the tests may modify. */
export function tempWorkspace(from = path.join(REPO, 'samples')) {
  const ws = path.join(mkdtempSync(path.join(os.tmpdir(), 'dataset-inspector-ws-')), path.basename(from));
  execFileSync('cp', ['-r', from, ws]);
  // DATASET_INSPECTOR_KEEP=1 (or --keep in the runners) leaves it for inspection.
  if (!process.env.DATASET_INSPECTOR_KEEP) onShutdown(() => rmSync(path.dirname(ws), { recursive: true, force: true }));
  else console.log(`(keeping the workspace ${ws})`);
  return ws;
}
