// User flow: Enter through the "Train linear model" pickers gives a run (the suggested target, not the date
// in the first column); while a long run streams, keyboard focus stays on Stop and Enter stops it; the
// report keeps its filter; then the window reloads and both panels come back with their content.
import { waitForExplorer, openFromExplorer, explorerContextMenu, runCommand } from './workbench.mjs';

export const title = 'Enter through the pickers → a run; Stop keeps focus; report and training panels survive a window reload';

/** Waits for the quick input whose title contains `step` (e.g. "(1/3)"), then presses Enter or picks `label`. */
async function answerPicker(page, step, label) {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: step }).waitFor({ state: 'visible', timeout: 60_000 });
  if (label) await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first().click();
  else await page.keyboard.press('Enter');
}

/** Answers the input box titled `title` (each hyperparameter has its own), keeping its value when `value` is undefined. */
async function answerInput(page, title, value) {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: new RegExp(`^${title}`) }).waitFor({ state: 'visible', timeout: 10_000 });
  const input = page.locator('.quick-input-widget .quick-input-box input');
  if (value !== undefined) await input.fill(String(value));
  await input.press('Enter');
}

/** The content frame of the webview panel whose page has a heading with `text`. */
async function panelFrame(page, text, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const count = await page.locator('iframe.webview.ready').count();
    for (let i = 0; i < count; i++) {
      const frame = page.frameLocator('iframe.webview.ready').nth(i).frameLocator('iframe#active-frame');
      if (await frame.locator('h1', { hasText: text }).isVisible().catch(() => false)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview panel shows "${text}"`);
    await page.waitForTimeout(250);
  }
}

export default async function lifecycle({ page }) {
  await waitForExplorer(page, 'clean.csv');
  await openFromExplorer(page, 'clean.csv');

  // 1. Enter, Enter, Enter: target, features, Start.
  await runCommand(page, 'Dataset Inspector: Train linear model');
  for (const step of ['(1/3)', '(2/3)', '(3/3)']) await answerPicker(page, step);
  let training = await panelFrame(page, 'Train linear model', 60_000);
  const first = training.locator('section.run').first();
  await first.locator('[data-field="status"]', { hasText: 'done' }).waitFor({ timeout: 60_000 });
  const heading = await first.locator('h2').innerText();
  if (!heading.startsWith('premium ←')) throw new Error(`the suggested target is premium, the run says: ${heading}`);
  await first.locator('td[data-metric="accuracy"]').waitFor({ timeout: 10_000 });

  // 2. A long run: focus Stop, let the panel update many times, press Enter.
  await runCommand(page, 'Dataset Inspector: Train linear model');
  await answerPicker(page, '(1/3)');
  await answerPicker(page, '(2/3)');
  await answerPicker(page, '(3/3)', 'Edit hyperparameters');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'adam' }).first().click();
  const answers = [['Learning rate', 0.001], ['Epochs', 100000], ['Batch size', 8], ['L2'], ['Validation fraction'], ['Test fraction'], ['Random seed'], ['Early-stopping patience', 0]];
  for (const [title, value] of answers) await answerInput(page, title, value);
  training = await panelFrame(page, 'Train linear model');
  const running = training.locator('section.run[data-status="running"]');
  await running.waitFor({ timeout: 60_000 });
  const stop = running.locator('vscode-button', { hasText: 'Stop' });
  await stop.evaluate((el) => {
    el.dataset.probe = 'stop';
    el.focus();
  });
  const chart = training.locator('#loss-chart');
  const pointsBefore = Number(await chart.getAttribute('data-points'));
  await page.waitForTimeout(1500);
  const pointsAfter = Number(await chart.getAttribute('data-points'));
  if (!(pointsAfter > pointsBefore)) throw new Error(`the panel did not update while the run streamed (${pointsBefore} → ${pointsAfter} points)`);
  const focused = await training.locator('body').evaluate(() => document.activeElement?.getAttribute('data-probe') ?? document.activeElement?.tagName ?? 'none');
  if (focused !== 'stop') throw new Error(`keyboard focus left the Stop button while the panel updated (now on ${focused})`);
  await page.keyboard.press('Enter');
  await training.locator('section.run[data-status="stopped"]').waitFor({ timeout: 30_000 });

  // 3. The report of dirty.csv, with a filter, as a tab beside the training panel (the editor group of
  //    dirty.csv is active, so "beside" is the training panel's group).
  await openFromExplorer(page, 'dirty.csv');
  await explorerContextMenu(page, 'dirty.csv', 'Show data profile');
  let report = await panelFrame(page, 'dirty.csv');
  await report.locator('select[aria-label="Severity"]').selectOption('error');

  // 4. Reload the window (as a user does, through the command: the workbench saves its state first): both
  //    panels come back.
  await page.waitForTimeout(1000);
  await Promise.all([page.waitForEvent('framenavigated', { timeout: 60_000 }), runCommand(page, 'Developer: Reload Window')]);
  await waitForExplorer(page, 'clean.csv');
  report = await panelFrame(page, 'dirty.csv', 60_000);
  const severity = await report.locator('select[aria-label="Severity"]').inputValue();
  if (severity !== 'error') throw new Error(`the report's filter was not restored (${severity})`);
  // The restored panel is live again: the file was checked anew, and a finding reveals its row.
  const ragged = report.locator('ol.findings li', { hasText: 'ragged-row' }).first();
  await ragged.waitFor({ timeout: 30_000 });
  await ragged.click();
  await page.locator('.statusbar-item', { hasText: /Ln 134, Col/ }).first().waitFor({ timeout: 15_000 });
  await page.locator('.tabs-container .tab', { hasText: 'Training: clean.csv' }).first().click();
  training = await panelFrame(page, 'Train linear model', 60_000);
  const restoredRuns = training.locator('section.run');
  if ((await restoredRuns.count()) !== 2) throw new Error(`${await restoredRuns.count()} runs restored, 2 expected`);
  await restoredRuns.nth(0).locator('td[data-metric="accuracy"]').waitFor({ timeout: 10_000 });
  await restoredRuns.nth(1).locator('[data-field="status"]', { hasText: 'stopped' }).waitFor({ timeout: 10_000 });
  if (!(Number(await training.locator('#loss-chart').getAttribute('data-points')) > 0)) throw new Error('the loss curves were not restored');

  // 5. A new run joins the restored ones.
  await openFromExplorer(page, 'clean.csv');
  await runCommand(page, 'Dataset Inspector: Train linear model');
  for (const step of ['(1/3)', '(2/3)', '(3/3)']) await answerPicker(page, step);
  training = await panelFrame(page, 'Train linear model', 60_000);
  await training.locator('section.run').nth(2).locator('[data-field="status"]', { hasText: 'done' }).waitFor({ timeout: 60_000 });
  if ((await training.locator('section.run').count()) !== 3) throw new Error('the new run replaced a restored one');
}
