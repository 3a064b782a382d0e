// `npm run test:vsix`: the packaged extension as a user gets it. Packages dist-vsix/dataset-inspector.vsix
// (production build + vsce; `--no-package` reuses an existing one, `--vsix <file>` tests another), checks what
// is inside, installs it with `code-server --install-extension` into a fresh extensions folder, starts
// code-server WITHOUT development mode on a temporary copy of samples/, and checks in the browser:
//   1. the VSIX is at most 3 MB, ships no file twice (same size and CRC-32) and not the CLI bundle;
//   2. the VSIX installs and its extension folder appears;
//   3. the F1 palette lists "Dataset Inspector: Check Data Quality";
//   4. the extension's page in the Extensions view shows every README image (decoded, not broken);
//   5. running the check with dirty.csv open produces a Problems entry from "Dataset Inspector".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
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
const COMMAND_LABEL = 'Dataset Inspector: Check Data Quality';
/** The VSIX size limit (issue #14): 3 MB. */
const MAX_VSIX_BYTES = 3_000_000;

/** Every entry of a zip file: name, size and CRC-32 (from its central directory; nothing is extracted). */
async function zipEntries(file) {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const entries = [];
  await new Promise((resolve, reject) => {
    zip.on('entry', (e) => {
      entries.push({ name: e.fileName, size: e.uncompressedSize, crc32: e.crc32 });
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  zip.close();
  return entries;
}

/** Opens the installed extension's page in the Extensions view; returns each README image's alt text and decoded width. */
async function readmeImagesInExtensionsView(page) {
  await runCommand(page, 'Extensions: Show Enabled Extensions');
  const item = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Dataset Inspector' }).first();
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  await item.click();
  const readme = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  const images = readme.locator('img');
  await images.first().waitFor({ state: 'attached', timeout: 30_000 });
  return images.evaluateAll((imgs) =>
    Promise.all(imgs.map((img) => img.decode().then(() => ({ alt: img.alt, width: img.naturalWidth }), () => ({ alt: img.alt, width: 0 })))),
  );
}

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
  console.log(`VSIX: ${path.relative(REPO, vsix)} (${(statSync(vsix).size / 1e6).toFixed(2)} MB)`);

  await check(`the VSIX is at most ${MAX_VSIX_BYTES / 1e6} MB, ships no file twice and not the CLI`, async () => {
    const bytes = statSync(vsix).size;
    if (bytes > MAX_VSIX_BYTES) throw new Error(`the VSIX is ${bytes.toLocaleString('en-US')} bytes, over ${MAX_VSIX_BYTES.toLocaleString('en-US')}`);
    const entries = (await zipEntries(vsix)).filter((e) => !e.name.endsWith('/'));
    const seen = new Map();
    for (const e of entries) {
      const key = `${e.size}:${e.crc32}`;
      if (e.size > 0 && seen.has(key)) throw new Error(`${e.name} is shipped twice (also as ${seen.get(key)})`);
      seen.set(key, e.name);
    }
    const cli = entries.find((e) => /(^|\/)cli(-[\w-]+)?\.js$/.test(e.name));
    if (cli) throw new Error(`the CLI bundle is in the VSIX: ${cli.name}`);
    if (!entries.some((e) => e.name === 'extension/dist/jobs/parquet_wasm_bg.wasm.br')) throw new Error('the Parquet reader\'s wasm is missing');
  });

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

  await check('the Extensions view shows every README image', async () => {
    const expected = [...readFileSync(path.join(REPO, 'README.md'), 'utf8').matchAll(/!\[([^\]]*)\]\(/g)].map((m) => m[1]);
    const images = await readmeImagesInExtensionsView(page);
    const broken = images.filter((i) => i.width === 0);
    if (images.length !== expected.length || broken.length > 0) {
      throw new Error(`README images: ${expected.length} expected, ${images.length} shown, broken: ${broken.map((i) => i.alt).join(', ') || 'none'}`);
    }
    await page.screenshot({ path: path.join(runDir, 'vsix-extensions-view.png') });
    await runCommand(page, 'View: Show Explorer');
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
