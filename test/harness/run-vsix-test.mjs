// `npm run test:vsix`: the packaged extension as a user gets it. Packages dist-vsix/dataset-inspector.vsix
// (production build + vsce; `--no-package` reuses an existing one, `--vsix <file>` tests another), installs it
// with `code-server --install-extension` into a fresh extensions folder, starts code-server WITHOUT development
// mode on a temporary copy of samples/, and checks in the browser:
//   1. the VSIX installs and its extension folder appears;
//   2. the F1 palette lists "Dataset Inspector: Check data quality";
//   3. running it with dirty.csv open produces a Problems entry from "Dataset Inspector".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  REPO, ensureCodeServer, startCodeServer, launchBrowser, newPage, workbenchUrl, newRunDir, tempWorkspace, shutdown, installExtension, withTimeout,
} from './code-server.mjs';
import { waitForExplorer, openFromExplorer, openPalette, paletteEntries, runCommand, openProblems, waitForProblem } from '../e2e/workbench.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const vsix = path.resolve(option('vsix', path.join(REPO, 'dist-vsix', 'dataset-inspector.vsix')));
const repackage = !process.argv.includes('--no-package') && !process.argv.includes('--vsix');
const EXTENSION_ID = 'dataset-inspector.dataset-inspector';
const COMMAND_LABEL = 'Dataset Inspector: Check data quality';

const t0 = Date.now();
let passed = 0;
let failed = 0;
let runDir;
let page;

async function check(name, fn, timeoutMs = 90_000) {
  const started = Date.now();
  try {
    await withTimeout(Promise.resolve().then(fn), timeoutMs, name);
    passed++;
    console.log(`  ✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return true;
  } catch (err) {
    failed++;
    console.log(`  ✘ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.log(`      ${String(err?.stack || err).split('\n').slice(0, 8).join('\n      ')}`);
    if (page && runDir) {
      const shot = path.join(runDir, `failure-${passed + failed}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      console.log(`      screenshot: ${path.relative(REPO, shot)}`);
    }
    return false;
  }
}

try {
  if (repackage) {
    const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'package-vsix.mjs')], { cwd: REPO, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('packaging the VSIX failed (npm run package)');
  }
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first.`);
  console.log(`VSIX: ${path.relative(REPO, vsix)} (${(statSync(vsix).size / 1024).toFixed(1)} KB)`);
  ensureCodeServer();
  runDir = newRunDir('vsix');
  const extensionsDir = path.join(runDir, 'extensions');
  const userDataDir = path.join(runDir, 'user-data');
  const workspace = tempWorkspace();

  const installed = await check('the VSIX installs with code-server --install-extension', () => {
    installExtension(vsix, extensionsDir, userDataDir);
    const dirs = existsSync(extensionsDir) ? readdirSync(extensionsDir) : [];
    if (!dirs.some((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`))) {
      throw new Error(`no ${EXTENSION_ID}-<version> folder in ${extensionsDir}: ${dirs.join(', ') || '(empty)'}`);
    }
  });
  if (!installed) throw new Error('cannot continue without the installed extension');

  const server = await startCodeServer({ runDir, extensionsDir, userDataDir });
  const browser = await launchBrowser();
  page = await newPage(browser);
  await page.goto(workbenchUrl({ port: server.port, folder: workspace }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await waitForExplorer(page, 'dirty.csv');

  await check(`the F1 palette lists "${COMMAND_LABEL}"`, async () => {
    // Installed extensions' contributions register a few seconds after the workbench renders: retry.
    const deadline = Date.now() + 60_000;
    let entries = [];
    for (;;) {
      const input = await openPalette(page);
      await input.fill('>Dataset Inspector');
      await page.waitForTimeout(500);
      entries = await paletteEntries(page).catch(() => []);
      if (entries.some((e) => e.includes(COMMAND_LABEL))) break;
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`palette entries for "Dataset Inspector": ${entries.join(' | ') || '(none)'}`);
      await page.waitForTimeout(1000);
    }
    await page.keyboard.press('Escape');
  });

  await check('running it with dirty.csv open produces a Problems entry', async () => {
    await openFromExplorer(page, 'dirty.csv');
    await runCommand(page, COMMAND_LABEL);
    await openProblems(page);
    await waitForProblem(page, ['Dataset Inspector'], 45_000);
    await page.screenshot({ path: path.join(runDir, 'vsix-problems.png') });
  });
} catch (err) {
  console.error(`run-vsix-test: ${err?.stack || err}`);
  failed++;
} finally {
  await shutdown();
}
console.log(`vsix: ${passed} passed, ${failed} failed`);
console.log(`(vsix test took ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(failed === 0 ? 0 : 1);
