// User flow: double-click flights-3m.parquet (vega-datasets, 3,000,000 rows) → the table editor shows rows while
// the file is read → "3,000,000 rows" → Ctrl+End reaches the last row → a click on "delay" sorts 3M rows in the
// worker (descending on the second click). Saves docs/screenshots/table-parquet.png.
import path from 'node:path';
import { copyFileSync, existsSync } from 'node:fs';
import { waitForExplorer, openInGrid, clearNotifications } from './workbench.mjs';

export const title = 'flights-3m.parquet → table editor → end of 3M rows by keyboard → sort by a column';

export default async function tableParquet({ page, workspace, screenshotsDir, extensionPath }) {
  const source = path.join(extensionPath, 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');
  if (!existsSync(source)) {
    console.log('      (skipped: vega-datasets flights-3m.parquet is not installed)');
    return;
  }
  copyFileSync(source, path.join(workspace, 'flights-3m.parquet'));
  await waitForExplorer(page, 'flights-3m.parquet');
  const frame = await openInGrid(page, 'flights-3m.parquet');
  await frame.locator('.count', { hasText: /^3,000,000 rows$/ }).waitFor({ timeout: 60_000 });
  // One header cell per column: neighbours with the same summary ("integer · 0% missing") stay apart.
  await frame.locator('[role=grid] thead tr:nth-child(2) th', { hasText: '·' }).first().waitFor({ timeout: 60_000 });
  const spanning = await frame.locator('[role=grid] thead th[colspan]').evaluateAll((ths) => ths.map((th) => `${th.textContent} (${th.getAttribute('colspan')})`));
  if (spanning.length > 0) throw new Error(`header cells span several columns: ${spanning.join(', ')}`);
  await frame.locator('[role=grid] tbody td').first().click();
  await page.keyboard.press('Control+End');
  await frame.locator('[role=grid] tbody th', { hasText: /^3,000,000$/ }).waitFor({ timeout: 20_000 });
  await page.keyboard.press('Control+Home');
  await frame.locator('[role=grid] tbody th', { hasText: /^1$/ }).waitFor({ timeout: 20_000 });

  const delayHeader = frame.locator('[role=grid] thead tr:first-child th', { hasText: /^delay/ });
  await delayHeader.click();
  await frame.locator('[role=grid] thead tr:first-child th', { hasText: 'delay ▲' }).waitFor({ timeout: 60_000 });
  await frame.locator('[role=grid] thead tr:first-child th', { hasText: /^delay ▲/ }).click();
  await frame.locator('[role=grid] thead tr:first-child th', { hasText: 'delay ▼' }).waitFor({ timeout: 60_000 });
  await frame.locator('.busy', { hasText: 'sorting' }).waitFor({ state: 'detached', timeout: 60_000 });
  // The delays on screen are in descending order, and the row numbers are the file's, not 1, 2, 3…
  const column = await frame.locator('[role=grid] thead tr:first-child th').evaluateAll((ths) => ths.findIndex((th) => th.textContent?.startsWith('delay')));
  await page.waitForTimeout(500);
  const delays = await frame.locator('[role=grid] tbody tr').evaluateAll((rows, c) => rows.map((r) => Number(r.children[c]?.textContent)).filter(Number.isFinite), column);
  if (delays.length < 10 || delays.some((d, i) => i > 0 && d > delays[i - 1])) throw new Error(`delays not descending: ${delays.slice(0, 12).join(', ')}`);
  const firstRow = (await frame.locator('[role=grid] tbody th').first().innerText()).trim();
  if (firstRow === '1') throw new Error('the sorted view still starts with file row 1');
  await page.keyboard.press('Control+b');
  await page.waitForTimeout(600);
  await clearNotifications(page);
  await page.screenshot({ path: path.join(screenshotsDir, 'table-parquet.png') });
}
