// User flow: right-click dirty.csv → "Show Data Profile" → the report shows scores, column cards with a
// histogram and the findings; clicking a finding moves the editor to the cell. Saves docs/screenshots/report.png.
import path from 'node:path';
import { waitForExplorer, openFromExplorer, explorerContextMenu, clearNotifications, webviewFrame } from './workbench.mjs';

export const title = 'Explorer → Show Data Profile → report with histograms; a finding reveals its cell';

export default async function report({ page, screenshotsDir }) {
  await waitForExplorer(page, 'dirty.csv');
  await openFromExplorer(page, 'dirty.csv');
  await explorerContextMenu(page, 'dirty.csv', 'Show Data Profile');
  const frame = webviewFrame(page);
  await frame.locator('h1', { hasText: 'dirty.csv' }).waitFor({ timeout: 30_000 });
  const card = frame.locator('section.column-card[data-column="price_eur"]');
  await card.waitFor({ timeout: 10_000 });
  if ((await card.locator('canvas').count()) !== 1) throw new Error('the price_eur card has no histogram');
  const outlier = frame.locator('ol.findings li', { hasText: '98000000 is an outlier' });
  await outlier.waitFor({ timeout: 10_000 });
  await page.waitForTimeout(500);
  await clearNotifications(page);
  await page.screenshot({ path: path.join(screenshotsDir, 'report.png') });
  // Keyboard: focus the finding and press Enter → the editor shows the cell (line 42 of dirty.csv).
  await outlier.focus();
  await outlier.press('Enter');
  const status = page.locator('.statusbar-item', { hasText: /Ln 42, Col/ });
  await status.first().waitFor({ timeout: 10_000 });
}
