// User flow in Simplified Chinese: a code-server whose display language is zh-cn (the display-language fixture
// test/fixtures/language-pack-zh-cn; VS Code's own words stay English, it carries no workbench translations)
// → the Explorer's "Dataset Inspector" submenu lists the commands in Chinese → "显示数据概况" (Show Data Profile)
// opens the report, whose title, buttons, headings, filters and score card are Chinese (the words come from the
// host: the webview bundle holds no English) → its "清理数据…" (Clean Data…) opens the cleaning panel in Chinese →
// "以表格打开" (Open as Table) shows the grid with a Chinese toolbar. Saves docs/screenshots/chinese-menu.png,
// chinese-report.png and chinese-clean.png.
import path from 'node:path';
import { displayLanguage, newPage, newRunDir, startCodeServer, tempWorkspace, workbenchUrl } from '../harness/code-server.mjs';
import { clearNotifications, explorerContextMenu, openFromExplorer, waitForExplorer, webviewFrame } from './workbench.mjs';

export const title = 'zh-cn display language → Chinese submenu entries, quality report, cleaning panel and table editor';

export default async function chinese({ page: englishPage, screenshotsDir, extensionPath }) {
  const runDir = newRunDir('e2e-zh-cn');
  const extensionsDir = path.join(runDir, 'extensions');
  const userDataDir = path.join(runDir, 'user-data');
  const args = displayLanguage({ locale: 'zh-cn', runDir, extensionsDir, userDataDir });
  const server = await startCodeServer({ runDir, extensionsDir, userDataDir, args });
  const page = await newPage(englishPage.context().browser());
  try {
    await page.goto(workbenchUrl({ port: server.port, folder: tempWorkspace(), extensionDevelopmentPath: extensionPath }));
    await waitForExplorer(page, 'dirty.csv');
    await openFromExplorer(page, 'dirty.csv');
    const menuShot = async () => {
      // The submenu's entries are Chinese (package.nls.zh-cn.json). Not waited for: "训练线性模型" (Train Linear
      // Model), which needs isWorkspaceTrusted, a context key a busy workbench can set after the menu opened.
      for (const label of ['检查数据质量', '清理数据…', '以表格打开']) {
        await page.locator('.monaco-menu .action-item .action-label', { hasText: label }).first().waitFor({ timeout: 5_000 });
      }
      await page.screenshot({ path: path.join(screenshotsDir, 'chinese-menu.png') });
    };
    await explorerContextMenu(page, 'dirty.csv', '显示数据概况', { beforePick: menuShot });
    await page.locator('.tabs-container .tab', { hasText: '数据概况：dirty.csv' }).first().waitFor({ timeout: 30_000 });
    const frame = webviewFrame(page);
    await frame.locator('h1', { hasText: 'dirty.csv' }).waitFor({ timeout: 30_000 });
    for (const heading of ['列', '问题']) await frame.locator('h2', { hasText: heading }).first().waitFor({ timeout: 10_000 });
    await frame.locator('vscode-button', { hasText: '重新检查' }).waitFor({ timeout: 10_000 });
    await frame.locator('.score.overall', { hasText: '质量分数' }).waitFor({ timeout: 10_000 });
    await frame.locator('select[aria-label="严重性"] option', { hasText: '严重性：全部' }).first().waitFor({ state: 'attached', timeout: 10_000 });
    const english = await frame.locator('h2', { hasText: /^(Columns|Findings)$/ }).count();
    if (english) throw new Error('the report still shows English headings');
    await page.waitForTimeout(500);
    await clearNotifications(page);
    // Only the report's editor group: the README inlines this image in the VSIX, which must stay under 3 MB.
    const group = await page.locator('.editor-group-container.active').boundingBox();
    await page.screenshot({ path: path.join(screenshotsDir, 'chinese-report.png'), clip: group ?? undefined });

    // The report's "清理数据…" (Clean Data…) opens the cleaning panel, in Chinese too.
    await frame.locator('vscode-button', { hasText: '清理数据…' }).click();
    await page.locator('.tabs-container .tab', { hasText: '清理：dirty.csv' }).first().waitFor({ timeout: 30_000 });
    const clean = webviewFrame(page);
    await clean.locator('h1', { hasText: '清理数据：dirty.csv' }).waitFor({ timeout: 60_000 });
    for (const heading of ['步骤', '预览', '输出']) await clean.locator('h2', { hasText: heading }).first().waitFor({ timeout: 30_000 });
    await clean.locator('[data-field="scope"]', { hasText: '整个文件' }).waitFor({ timeout: 30_000 });
    await clean.locator('vscode-button', { hasText: '写出清理后的文件' }).waitFor({ timeout: 10_000 });
    if (await clean.locator('h2', { hasText: /^(Steps|Preview|Output)$/ }).count()) throw new Error('the cleaning panel still shows English headings');
    await clearNotifications(page);
    const cleanGroup = await page.locator('.editor-group-container.active').boundingBox();
    await page.screenshot({ path: path.join(screenshotsDir, 'chinese-clean.png'), clip: cleanGroup ?? undefined });

    // "以表格打开" (Open as Table) from the submenu: the grid's toolbar and row count are Chinese.
    await explorerContextMenu(page, 'dirty.csv', '以表格打开');
    const grid = webviewFrame(page);
    await grid.locator('.count', { hasText: /^[\d,]+ 行$/ }).waitFor({ timeout: 60_000 });
    await grid.locator('label', { hasText: '仅显示有问题的行' }).waitFor({ timeout: 10_000 });
    await grid.locator('vscode-button', { hasText: '检查数据质量' }).waitFor({ timeout: 10_000 });
  } finally {
    await page.context().close().catch(() => {});
    await server.stop();
  }
}
