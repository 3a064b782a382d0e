// User flow: a 15 MB CSV opens as VS Code's "too large" placeholder (no text editor, no document) → the palette's
// "Check Data Quality" checks it anyway (the active tab's file) → its ragged row is in the Problems panel →
// the palette's "Open as Table" shows it as a grid. Saves docs/screenshots/table-too-large.png.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { waitForExplorer, openFromExplorer, runCommand, openProblems, waitForProblem, clearNotifications, webviewFrame } from './workbench.mjs';

export const title = 'Too-large CSV placeholder → palette "Check Data Quality" → Problems; palette "Open as Table" → grid';

export default async function tooLarge({ page, workspace, screenshotsDir }) {
  const lines = ['id,amount,city,note'];
  for (let i = 0; i < 400_000; i++) lines.push(`${i},${(i * 37) % 10007},${['Paris', 'Lyon', 'Nice'][i % 3]},note ${i}`);
  lines[123_457] = '123456,17,Lyon';
  writeFileSync(path.join(workspace, 'big.csv'), lines.join('\n') + '\n');
  await waitForExplorer(page, 'dirty.csv');
  // Written after the workbench listed the folder: refresh the Explorer.
  await page.locator('.explorer-folders-view').hover();
  await page.locator('.pane-header [aria-label="Refresh Explorer"], .action-label[aria-label="Refresh Explorer"]').first().click();
  await waitForExplorer(page, 'big.csv');
  await openFromExplorer(page, 'big.csv');
  await page.locator('.monaco-editor-pane-placeholder, .editor-placeholder', { hasText: /large|binary/i }).first().waitFor({ timeout: 20_000 });
  await runCommand(page, 'Dataset Inspector: Check Data Quality');
  await openProblems(page);
  await waitForProblem(page, ['ragged-row', 'Ln 123458,'], 60_000);
  await runCommand(page, 'Dataset Inspector: Open as Table');
  const frame = webviewFrame(page);
  await frame.locator('.count', { hasText: /^400,000 rows$/ }).waitFor({ timeout: 60_000 });
  const finding = frame.locator('.findings-panel li', { hasText: 'ragged-row' }).first();
  await finding.click();
  await frame.locator('[role=grid] tbody tr', { has: frame.locator('th', { hasText: /^123,457$/ }) }).waitFor({ timeout: 20_000 });
  await page.waitForTimeout(500);
  await clearNotifications(page);
  await page.screenshot({ path: path.join(screenshotsDir, 'table-too-large.png') });
}
