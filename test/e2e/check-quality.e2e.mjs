// User flow: right-click dirty.csv in the Explorer → "Check Data Quality" → the Problems panel lists the
// ragged row (samples/dirty.csv line 134 has 7 fields instead of 10). Saves docs/screenshots/problems-panel.png.
import path from 'node:path';
import { waitForExplorer, openFromExplorer, explorerContextMenu, openProblems, waitForProblem, clearNotifications } from './workbench.mjs';

export const title = 'Explorer → Check Data Quality → Problems panel shows the ragged row';

export default async function checkQuality({ page, screenshotsDir }) {
  await waitForExplorer(page, 'dirty.csv');
  await openFromExplorer(page, 'dirty.csv');
  await explorerContextMenu(page, 'dirty.csv', 'Check Data Quality');
  await openProblems(page);
  const row = await waitForProblem(page, ['ragged-row', 'Ln 134,']);
  const text = await row.innerText();
  if (!/Dataset Inspector/.test(text) && !/Dataset Inspector/.test((await row.getAttribute('aria-label')) ?? '')) {
    throw new Error(`the ragged-row problem does not name its source "Dataset Inspector": ${text}`);
  }
  // Reveal the finding in the editor so the screenshot shows the squiggle next to the Problems entry.
  // Click the message (left part of the row; the middle holds the rule code link, which opens the rule docs).
  await row.click({ position: { x: 80, y: 8 } });
  await page.locator('.tabs-container .tab.active', { hasText: 'dirty.csv' }).waitFor({ timeout: 10_000 });
  await page.waitForTimeout(800);
  await clearNotifications(page);
  await page.screenshot({ path: path.join(screenshotsDir, 'problems-panel.png') });
}
