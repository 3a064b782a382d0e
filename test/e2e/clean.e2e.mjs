// User flow: right-click dirty.csv → "Clean Data…" → the panel lists steps proposed from the findings with
// counts and previews them (quality score before → after, changed rows); switching a step on previews again;
// "Write Cleaned File" writes dirty.clean.csv and its recipe beside the source. Saves docs/screenshots/clean-panel.png.
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { waitForExplorer, openFromExplorer, explorerContextMenu, clearNotifications, runCommand, webviewFrame } from './workbench.mjs';

export const title = 'Explorer → Clean Data… → proposed steps, preview, a step switched on → write the cleaned file and its recipe';

export default async function clean({ page, workspace, screenshotsDir }) {
  await waitForExplorer(page, 'dirty.csv');
  await openFromExplorer(page, 'dirty.csv');
  await explorerContextMenu(page, 'dirty.csv', 'Clean Data…');
  const frame = webviewFrame(page);
  await frame.locator('h1', { hasText: 'Clean Data: dirty.csv' }).waitFor({ timeout: 60_000 });
  const trim = frame.locator('li.step[data-step="trim-whitespace"]');
  await trim.waitFor({ timeout: 30_000 });
  await frame.locator('[data-field="scope"]', { hasText: 'the whole file (199 rows)' }).waitFor({ timeout: 30_000 });
  const trimCounts = await trim.locator('[data-counts]').innerText();
  if (!/3 cells in 3 rows/.test(trimCounts)) throw new Error(`trim counts: ${trimCounts}`);
  const overall = await frame.locator('[data-score="overall"] .value').innerText();
  const [before, after] = overall.split('→').map((s) => Number(s.trim()));
  if (!(after > before)) throw new Error(`the quality score does not improve: ${overall}`);
  // Switch on the (off) imputation of area_m2 with the keyboard: the preview counts its 7 filled cells.
  const impute = frame.locator('li.step[data-step="impute-missing"]').filter({ has: frame.locator('label.summary', { hasText: '"area_m2"' }) });
  const toggle = impute.locator('input[type="checkbox"]').first();
  await toggle.focus();
  await toggle.press('Space');
  await impute.locator('[data-counts]', { hasText: '7 cells in 7 rows' }).waitFor({ timeout: 30_000 });
  await frame.locator('table.samples tbody tr').first().waitFor({ timeout: 10_000 });
  await frame.locator('table.profiles tr[data-column="area_m2"]').waitFor({ timeout: 10_000 });
  // The panel alone, wide enough for steps and preview side by side.
  await runCommand(page, 'View: Close Editors in Other Groups');
  await frame.locator('table.samples tbody tr').first().waitFor({ timeout: 10_000 });
  await clearNotifications(page);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(screenshotsDir, 'clean-panel.png') });
  await frame.locator('#write').click();
  await frame.locator('[data-field="written"]').waitFor({ timeout: 60_000 });
  const output = path.join(workspace, 'dirty.clean.csv');
  const recipe = path.join(workspace, 'dirty.clean.recipe.json');
  if (!existsSync(output) || !existsSync(recipe)) throw new Error('dirty.clean.csv or its recipe was not written');
  const text = readFileSync(output, 'utf8');
  if (/paris |PARIS|, Lyon/.test(text)) throw new Error('the written file still has the variants');
  const steps = JSON.parse(readFileSync(recipe, 'utf8')).steps;
  const fitted = steps.find((s) => s.step === 'impute-missing' && s.options.columns[0] === 'area_m2');
  if (!fitted?.enabled || !fitted.fitted?.values?.area_m2) throw new Error(`the recipe lacks the learned median: ${JSON.stringify(fitted)}`);
  await waitForExplorer(page, 'dirty.clean.csv');
}
