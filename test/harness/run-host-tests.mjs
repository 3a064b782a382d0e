// `npm run test:host`: runs the in-host tests (dist/test/integration/index.js, built by `npm run build`) inside
// a real VS Code extension host — code-server 1.100.3 opened by headless Chromium — with the extension in
// development mode on a temporary copy of samples/.
//
// Options: --grep <text>        only tests whose full title contains <text>
//          --timeout <seconds>  overall limit for the test run (default 240)
//          --extension-path <dir> / --tests-path <file>  (harness self-tests with another extension)
//          --keep               keep the run folder and temp workspace for inspection
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  REPO, ensureCodeServer, startCodeServer, launchBrowser, newPage, workbenchUrl, newRunDir, tempWorkspace, shutdown, tail,
} from './code-server.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const extensionPath = path.resolve(option('extension-path', REPO));
const testsPath = path.resolve(option('tests-path', path.join(extensionPath, 'dist', 'test', 'integration', 'index.js')));
const timeoutMs = Number(option('timeout', process.env.HOST_TEST_TIMEOUT_S || '240')) * 1000;
const grep = option('grep', process.env.DATASET_INSPECTOR_TEST_GREP || '');
const keep = process.argv.includes('--keep');
if (keep) process.env.DATASET_INSPECTOR_KEEP = '1';

function fail(message) {
  console.error(`run-host-tests: ${message}`);
  console.log('host: 0 passed, 1 failed');
  process.exit(1);
}

for (const f of [path.join(extensionPath, 'dist', 'extension.js'), testsPath]) {
  if (!existsSync(f)) fail(`${path.relative(process.cwd(), f) || f} is missing: run \`npm run build\` first.`);
}

/** The extension host's log files of this run (where console output of the tests also lands). */
function exthostLogs(userDataDir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/exthost|remoteexthost|extensionHost/i.test(e)) out.push(p);
    }
  };
  try { walk(path.join(userDataDir, 'logs')); } catch { /* none yet */ }
  return out;
}

const t0 = Date.now();
let exitCode = 1;
let server;
let page;
try {
  ensureCodeServer();
  const runDir = newRunDir('host');
  const workspace = tempWorkspace();
  const resultsFile = path.join(runDir, 'results.json');
  server = await startCodeServer({
    runDir,
    workspace,
    env: {
      DATASET_INSPECTOR_TEST_RESULTS: resultsFile,
      ...(grep ? { DATASET_INSPECTOR_TEST_GREP: grep } : {}),
    },
  });
  const browser = await launchBrowser();
  page = await newPage(browser);
  const url = workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: extensionPath, extensionTestsPath: testsPath });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  const deadline = Date.now() + timeoutMs;
  let results;
  while (!results) {
    if (existsSync(resultsFile)) {
      results = JSON.parse(readFileSync(resultsFile, 'utf8'));
      break;
    }
    if (server.child.exitCode !== null) throw new Error(`code-server exited while the tests ran; log:\n${tail(server.logFile)}`);
    if (Date.now() > deadline) {
      throw new Error(
        `no test results after ${timeoutMs / 1000} s (expected ${resultsFile}).\n` +
          `Extension host logs: ${exthostLogs(server.userDataDir).join(', ') || '(none)'}\n` +
          `Last page console lines:\n${page.consoleLines.slice(-30).join('\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  console.log(`VS Code ${results.vscodeVersion} (code-server), extension host on Node ${results.nodeVersion}`);
  const ordered = results.tests ?? [
    ...results.passes.map((t) => ({ ...t, state: 'passed' })),
    ...(results.pending ?? []).map((t) => ({ ...t, state: 'pending' })),
    ...results.failures.map((t) => ({ ...t, state: 'failed' })),
  ];
  for (const t of ordered) {
    const ms = t.durationMs != null ? ` (${t.durationMs} ms)` : '';
    if (t.state === 'passed') console.log(`  ✔ ${t.fullTitle}${ms}`);
    else if (t.state === 'pending') console.log(`  - ${t.fullTitle} (skipped)`);
    else {
      console.log(`  ✘ ${t.fullTitle}${ms}`);
      console.log(`      ${(t.stack || t.error || '').split('\n').slice(0, 8).join('\n      ')}`);
    }
  }
  const passed = results.passes.length;
  const failed = results.failures.length;
  if (passed + failed === 0) {
    console.log('run-host-tests: no tests ran');
    console.log('host: 0 passed, 1 failed');
  } else {
    console.log(`host: ${passed} passed, ${failed} failed, ${(results.pending ?? []).length} skipped`);
  }
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
  if (exitCode !== 0 && page) {
    console.log(`(extension host logs: ${exthostLogs(server.userDataDir).filter((f) => !/Telemetry/.test(f)).join(', ') || 'none'})`);
  }
} catch (err) {
  console.error(`run-host-tests: ${err?.stack || err}`);
  if (page) console.error(`Last page console lines:\n${page.consoleLines.slice(-20).join('\n')}`);
  console.log('host: 0 passed, 1 failed');
  exitCode = 1;
} finally {
  await shutdown();
  console.log(`(host tests took ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
process.exit(exitCode);
