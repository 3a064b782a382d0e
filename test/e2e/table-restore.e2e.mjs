// User flow: sort housing.arrow's grid by a column and move the cursor down → hide the editor behind another tab and
// bring it back → reload the window: each time the grid comes back sorted, with the cursor on the same row.
import { waitForExplorer, openInGrid, explorerItem, runCommand, webviewFrame } from './workbench.mjs';

export const title = 'Table editor keeps its sort, scroll and cursor across hide/restore and a window reload';

/** The file row number (row header) of the row holding the cursor, '' while none is on screen or its row is still blank. */
async function cursorRowNow(frame) {
  const header = frame.locator('[role=grid] tbody tr', { has: frame.locator('td.cursor') }).locator('th');
  if ((await header.count()) !== 1) return '';
  return (await header.innerText({ timeout: 1000 }).catch(() => '')).trim();
}

/**
 * The cursor's row once it has settled: the same non-blank row number in reads 300 ms apart (the grid scrolls
 * to a restored row a frame or two after it first draws, and a row's number arrives with its rows). Waits for
 * `expected` to settle, if given.
 */
async function settledCursorRow(page, frame, expected) {
  let last = '';
  let row = '';
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    row = await cursorRowNow(frame);
    if (row !== '' && row === last && (expected === undefined || row === expected)) return row;
    last = row;
    await page.waitForTimeout(300);
  }
  return row;
}

async function expectRestored(page, expectedRow, what) {
  const frame = webviewFrame(page);
  await frame.locator('[role=grid] thead tr:first-child th', { hasText: 'area_m2 ▼' }).waitFor({ timeout: 30_000 });
  const row = await settledCursorRow(page, frame, expectedRow);
  if (row !== expectedRow) throw new Error(`after ${what} the cursor is on row ${row || '(not on screen)'}, not ${expectedRow}`);
}

export default async function restore({ page }) {
  await waitForExplorer(page, 'housing.arrow');
  const frame = await openInGrid(page, 'housing.arrow');
  const header = frame.locator('[role=grid] thead tr:first-child th', { hasText: /^area_m2/ });
  await header.click();
  await frame.locator('[role=grid] thead tr:first-child th', { hasText: 'area_m2 ▲' }).waitFor({ timeout: 20_000 });
  await frame.locator('[role=grid] thead tr:first-child th', { hasText: /^area_m2/ }).click();
  await frame.locator('[role=grid] thead tr:first-child th', { hasText: 'area_m2 ▼' }).waitFor({ timeout: 20_000 });
  await frame.locator('[role=grid] tbody td').first().click();
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  const before = await settledCursorRow(page, frame);
  await page.waitForTimeout(800);

  // Hidden behind another editor (its webview is discarded), then shown again.
  await explorerItem(page, 'dirty.csv').dblclick();
  await page.locator('.tabs-container .tab.active', { hasText: 'dirty.csv' }).waitFor({ timeout: 15_000 });
  await page.locator('.tabs-container .tab', { hasText: 'housing.arrow' }).click();
  await expectRestored(page, before, 'hide/restore');

  // A window reload (through the command, as a user does: the workbench saves its state first): VS Code
  // reopens the editor and the webview gets its saved state back.
  await page.waitForTimeout(1000);
  await Promise.all([page.waitForEvent('framenavigated', { timeout: 60_000 }), runCommand(page, 'Developer: Reload Window')]);
  await waitForExplorer(page, 'housing.arrow');
  await page.locator('.tabs-container .tab', { hasText: 'housing.arrow' }).click();
  await expectRestored(page, before, 'a window reload');
}
