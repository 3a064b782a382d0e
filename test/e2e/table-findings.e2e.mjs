// User flow: double-click housing.arrow → the table editor shows its rows (header: name, type · missing, histogram)
// → a column is widened by dragging its header's edge → "Check Data Quality" in the grid's toolbar → the findings
// list fills and cells carry their finding (colour, message on hover) → "Only rows with findings" → "n of 1,000
// rows"; a finding in the list moves the cursor to its cell; the keyboard extends the selection and Ctrl+C copies
// it as TSV. Saves docs/screenshots/table-findings.png.
import path from 'node:path';
import { waitForExplorer, openInGrid, clearNotifications } from './workbench.mjs';

export const title = 'Arrow file → table editor → check → only rows with findings → a finding selects its cell → copy as TSV';

export default async function tableFindings({ page, screenshotsDir }) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await waitForExplorer(page, 'housing.arrow');
  const frame = await openInGrid(page, 'housing.arrow');
  await frame.locator('.count', { hasText: '1,000 rows' }).waitFor({ timeout: 10_000 });
  // Header: name, type · missing share, a histogram for numbers.
  const areaHeader = frame.locator('[role=grid] thead tr:nth-child(2) th', { hasText: 'float' }).first();
  await areaHeader.waitFor({ timeout: 20_000 });
  await frame.locator('[role=grid] thead .sparkline .bar').first().waitFor({ timeout: 20_000 });

  // Column resize: drag the right edge of the "city" header.
  const city = frame.locator('[role=grid] thead tr:first-child th', { hasText: /^city/ });
  const widthBefore = (await city.boundingBox()).width;
  const handle = (await city.locator('.column-resize').boundingBox()) ?? (await city.boundingBox());
  await page.mouse.move(handle.x + handle.width - 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width + 80, handle.y + handle.height / 2, { steps: 8 });
  await page.mouse.up();
  const widthAfter = (await city.boundingBox()).width;
  if (!(widthAfter > widthBefore + 40)) throw new Error(`the "city" column did not widen: ${widthBefore} → ${widthAfter} px`);

  await frame.locator('vscode-button', { hasText: 'Check Data Quality' }).click();
  const finding = frame.locator('.findings-panel li', { hasText: 'impossible-value' }).first();
  await finding.waitFor({ timeout: 30_000 });
  await frame.locator('input[type=checkbox]').check();
  const count = frame.locator('.count', { hasText: /^\d+ of 1,000 rows$/ });
  await count.waitFor({ timeout: 20_000 });
  const shown = Number((await count.innerText()).split(' ')[0]);
  if (!(shown > 0 && shown < 1000)) throw new Error(`"only rows with findings" shows ${shown} rows`);

  // Choosing a finding puts the cursor on its cell: row 18 (file row 17), area_m2 = -45.
  await finding.click();
  const cursor = frame.locator('[role=grid] td.cursor');
  await cursor.waitFor({ timeout: 10_000 });
  if (!/^-45(\.0+)?$/.test((await cursor.innerText()).trim())) throw new Error(`the cursor is on "${await cursor.innerText()}"`);
  const marked = frame.locator('[role=grid] td.sev-warning, [role=grid] td.sev-error, [role=grid] td.sev-info').first();
  await marked.waitFor({ timeout: 10_000 });
  if (!(await marked.getAttribute('title'))) throw new Error('a cell with a finding has no message on hover');
  const grid = frame.locator('[role=grid]');
  const role = await grid.getAttribute('role');
  if (role !== 'grid') throw new Error(`the grid's role is ${role}`);
  // More of the grid on the screenshot: hide the side bar.
  await page.keyboard.press('Control+b');
  await page.waitForTimeout(800);
  await clearNotifications(page);
  await page.screenshot({ path: path.join(screenshotsDir, 'table-findings.png') });

  await frame.locator('[role=grid]').focus();
  // Keyboard: Shift+Right extends the selection to the next column; Ctrl+C copies "-45<TAB>rooms" as TSV.
  await page.keyboard.press('Shift+ArrowRight');
  await frame.locator('[role=grid] td.selected').nth(1).waitFor({ timeout: 5_000 });
  await page.keyboard.press('Control+c');
  await frame.locator('.status', { hasText: 'Copied 1 row.' }).waitFor({ timeout: 10_000 });
  const copied = await page.evaluate(() => globalThis.navigator.clipboard.readText());
  if (!/^-45(\.0+)?\t\d+$/.test(copied)) throw new Error(`clipboard holds ${JSON.stringify(copied)}`);
}
