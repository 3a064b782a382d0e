// User flow: check housing.arrow from the Explorer → its findings are in the Problems panel on the read-only text
// table (VS Code opens a Problems entry in a text editor, with its range) → the quick fix "Show in Table" → the
// table editor opens with the cursor on that cell. Saves docs/screenshots/table-show-in-table.png.
import path from 'node:path';
import { waitForExplorer, explorerContextMenu, openProblems, waitForProblem, clearNotifications, webviewFrame } from './workbench.mjs';

export const title = 'Problems entry of an Arrow finding → quick fix "Show in Table" → the grid at that cell';

export default async function showInTable({ page, screenshotsDir }) {
  await waitForExplorer(page, 'housing.arrow');
  await explorerContextMenu(page, 'housing.arrow', 'Check Data Quality');
  await openProblems(page);
  const row = await waitForProblem(page, ['impossible-value', '-45']);
  // The message part of the row opens the text table at the finding's range.
  await row.click({ position: { x: 80, y: 8 } });
  await page.locator('.tabs-container .tab.active', { hasText: 'housing.arrow.csv' }).waitFor({ timeout: 15_000 });
  await page.waitForTimeout(500);
  // Ctrl+. on the (still focused) Problems entry lists its quick fixes.
  await page.keyboard.press('Control+.');
  const action = page.locator('.context-view').getByText('Show in Table', { exact: true }).first();
  await action.waitFor({ timeout: 15_000 });
  // Menus act on a mouse-up after a mouse-down on the same entry: a slow click, Enter as the fallback.
  await action.hover();
  await action.click({ delay: 120 });
  await action.waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => page.keyboard.press('Enter'));
  await page.locator('.tabs-container .tab.active', { hasText: /^housing\.arrow$/ }).waitFor({ timeout: 15_000 });
  const frame = webviewFrame(page);
  const cursor = frame.locator('[role=grid] td.cursor');
  await cursor.waitFor({ timeout: 30_000 });
  const value = (await cursor.innerText()).trim();
  if (!/^-45(\.0+)?$/.test(value)) throw new Error(`"Show in Table" put the cursor on "${value}"`);
  const rowHeader = (await frame.locator('[role=grid] tbody tr', { has: frame.locator('td.cursor') }).locator('th').innerText()).trim();
  if (rowHeader !== '18') throw new Error(`the cursor is on row ${rowHeader}, not 18`);
  await page.waitForTimeout(500);
  await clearNotifications(page);
  await page.screenshot({ path: path.join(screenshotsDir, 'table-show-in-table.png') });
}
