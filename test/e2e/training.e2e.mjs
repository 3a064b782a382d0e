// User flow: palette → "Train Linear Model" → pick target, features, hyperparameters → the loss chart gains
// points while the job trains → final test metrics. Saves docs/screenshots/training-panel.png.
import path from 'node:path';
import { waitForExplorer, openFromExplorer, runCommand, clearNotifications, webviewFrame } from './workbench.mjs';

export const title = 'Palette → Train Linear Model → live loss curves → test metrics';

async function pick(page, text) {
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
}

async function answer(page, value) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  if (value !== undefined) await input.fill(String(value));
  await page.keyboard.press('Enter');
  await page.waitForTimeout(150);
}

export default async function training({ page, screenshotsDir }) {
  await waitForExplorer(page, 'clean.csv');
  await openFromExplorer(page, 'clean.csv');
  await runCommand(page, 'Dataset Inspector: Train Linear Model');
  await pick(page, 'price_k'); // target
  await answer(page); // features: keep the defaults
  await pick(page, 'Edit hyperparameters');
  await pick(page, 'adam');
  // learning rate, epochs, batch size, L2, validation, test, seed, patience (enough epochs that the run
  // lasts several panel refreshes: a small file trains 1,000 epochs in under two seconds on a quiet machine)
  for (const value of [0.02, 5000, 32, undefined, undefined, undefined, undefined, 0]) await answer(page, value);

  const frame = webviewFrame(page);
  const chart = frame.locator('#loss-chart');
  await chart.waitFor({ timeout: 30_000 });
  // While the run is going, the number of drawn points grows. Every value the chart's data-points attribute
  // takes is recorded in the webview by a MutationObserver (on the whole document, in case the chart element
  // is replaced), so a fast run cannot slip between two looks from here.
  await chart.evaluate((element) => {
    const document = element.ownerDocument;
    const { Element, MutationObserver } = window;
    const seen = (window.__lossPointCounts = [Number(element.getAttribute('data-points'))]);
    const record = (node) => {
      if (node instanceof Element && node.id === 'loss-chart') seen.push(Number(node.getAttribute('data-points')));
    };
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'attributes') record(m.target);
        else for (const node of m.addedNodes) if (node instanceof Element) [node, ...node.querySelectorAll('#loss-chart')].forEach(record);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-points'] });
  });
  await frame.locator('section.run[data-status="done"]').waitFor({ timeout: 90_000 });
  const counts = await chart.evaluate(() => window.__lossPointCounts);
  const growing = [...new Set(counts)].filter((n) => n > 0);
  if (growing.length < 2) throw new Error(`the chart did not grow while training (point counts seen: ${counts.join(', ')})`);
  const r2 = frame.locator('td[data-metric="R²"]');
  await r2.waitFor({ timeout: 10_000 });
  const value = Number((await r2.innerText()).replace(/,/g, ''));
  if (!(value > 0.8)) throw new Error(`test R² ${value}`);
  const backend = await frame.locator('[data-field="backend"]').first().innerText();
  if (!/backend: (tensorflow|wasm|cpu)/.test(backend)) throw new Error(`backend not shown: ${backend}`);
  await clearNotifications(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(screenshotsDir, 'training-panel.png') });
}
