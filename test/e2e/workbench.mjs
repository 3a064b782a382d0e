// Playwright helpers for VS Code's web workbench (code-server): Explorer, command palette, Problems panel.
// Shared by the e2e flows (test/e2e/*.e2e.mjs) and the VSIX test.

/** Waits until the workbench is up and the Explorer lists the workspace's files. */
export async function waitForExplorer(page, fileName, timeout = 60_000) {
  await page.waitForSelector('.monaco-workbench', { timeout });
  const item = explorerItem(page, fileName);
  await item.waitFor({ state: 'visible', timeout });
  return item;
}

/** The Explorer tree row of a file (by its label). */
export function explorerItem(page, fileName) {
  return page.locator(`.explorer-folders-view .monaco-list-row[role="treeitem"][aria-label="${fileName}"]`).first();
}

/** Opens a file from the Explorer (single click = preview editor) and waits for its editor tab. */
export async function openFromExplorer(page, fileName) {
  await explorerItem(page, fileName).click();
  await page.locator(`.tabs-container .tab[aria-label*="${fileName}"], .title .label-name:text-is("${fileName}")`).first().waitFor({ timeout: 20_000 });
}

/** A context-menu entry (top level or in an open submenu) showing `text`. */
const menuEntry = (page, text) => page.locator('.monaco-menu .action-item .action-label', { hasText: text }).first();

/**
 * Right-clicks a file in the Explorer until its context menu lists `label` (extension menu contributions appear
 * a few seconds after the workbench renders, once the extension host has scanned extensions); returns the entry,
 * with the menu open.
 */
async function contextMenuWith(page, fileName, label, timeout) {
  const item = explorerItem(page, fileName);
  const entry = menuEntry(page, label);
  const deadline = Date.now() + timeout;
  for (;;) {
    await item.click({ button: 'right' });
    await page.locator('.monaco-menu').first().waitFor({ state: 'visible', timeout: 10_000 });
    try {
      await entry.waitFor({ state: 'visible', timeout: 1_500 });
      return entry;
    } catch (err) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) {
        throw new Error(`"${label}" is not in the Explorer context menu of ${fileName} after ${timeout / 1000} s`, { cause: err });
      }
      await page.waitForTimeout(1_000);
    }
  }
}

/**
 * Right-clicks a file in the Explorer and picks `label` from the extension's submenu (`submenu`, "Dataset
 * Inspector"; null for an entry of the menu itself). `beforePick` runs with the menu open (e.g. a screenshot).
 */
export async function explorerContextMenu(page, fileName, label, { submenu = 'Dataset Inspector', beforePick, timeout = 45_000 } = {}) {
  const first = await contextMenuWith(page, fileName, submenu ?? label, timeout);
  const entry = submenu ? menuEntry(page, label) : first;
  if (submenu) {
    // Hovering a submenu entry opens it; a click opens it too when the hover did not.
    await first.hover();
    if (!(await entry.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false))) await first.click();
    await entry.waitFor({ state: 'visible', timeout: 5_000 });
  }
  await beforePick?.();
  // The menu acts on mouse-up after a mouse-down on the same entry; a slow click works reliably, Enter on the
  // hovered (= focused) entry is the fallback if the menu is still open.
  await entry.hover();
  await page.waitForTimeout(150);
  await entry.click({ delay: 120 });
  if (await page.locator('.monaco-menu').first().isVisible().catch(() => false)) {
    await entry.hover().catch(() => {});
    await page.keyboard.press('Enter');
  }
}

/** Opens the command palette (F1) and returns its input. */
export async function openPalette(page) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator('.monaco-workbench').focus().catch(() => {});
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      return input;
    } catch { /* the workbench may still be starting: try again */ }
  }
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  return input;
}

/** The palette entries currently listed (their visible labels). */
export async function paletteEntries(page) {
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
  return rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || e.textContent || ''));
}

/** Runs a command by its palette label, e.g. "Dataset Inspector: Check Data Quality". */
export async function runCommand(page, label, timeout = 30_000) {
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
  const deadline = Date.now() + timeout;
  // On a busy machine the palette can open before the extension host has registered every extension's
  // commands: it then lists none for the query. Close it and ask again until the deadline.
  for (;;) {
    const input = await openPalette(page);
    await input.fill(`>${label}`);
    try {
      await row.waitFor({ state: 'visible', timeout: Math.min(4_000, Math.max(500, deadline - Date.now())) });
      break;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
  }
  await row.click();
}

/** Shows the Problems panel and returns the locator of its rows. */
export async function openProblems(page) {
  await runCommand(page, 'Problems: Focus on Problems View');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: 15_000 });
  return panel.locator('.monaco-list-row');
}

/** Waits until a Problems row containing every string in `texts` is visible; returns it. */
export async function waitForProblem(page, texts, timeout = 30_000) {
  let row = page.locator('.markers-panel .monaco-list-row');
  for (const t of texts) row = row.filter({ hasText: t });
  await row.first().waitFor({ state: 'visible', timeout });
  return row.first();
}

/** Dismisses notifications so they do not cover screenshots. */
export async function clearNotifications(page) {
  await page.locator('.notifications-toasts .codicon-notifications-clear-all, .notification-toast .codicon-notifications-clear').first().click({ timeout: 1000 }).catch(() => {});
}

/**
 * Waits until the extension's contributions are registered (its entry is in the Explorer context menu of
 * `fileName`): files opened earlier get VS Code's default editors instead of the extension's.
 */
export async function waitForContributions(page, fileName, label = 'Dataset Inspector', timeout = 45_000) {
  await contextMenuWith(page, fileName, label, timeout);
  await page.keyboard.press('Escape');
}

/** The content frame of the newest webview (panels and custom editors live in nested iframes). */
export function webviewFrame(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

/** Opens a file the table editor shows by default (Arrow, Parquet) and waits for its first rows; returns the webview frame. */
export async function openInGrid(page, fileName, timeout = 60_000) {
  await waitForContributions(page, fileName);
  await explorerItem(page, fileName).dblclick();
  const frame = webviewFrame(page);
  await frame.locator('[role=grid] tbody td').first().waitFor({ timeout });
  await frame.locator('[role=grid] tbody th', { hasText: /^1$/ }).first().waitFor({ timeout });
  return frame;
}
