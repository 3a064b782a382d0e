// User flow: "Check data quality" on a corrupt Parquet file (its data page makes parquet-wasm trap) shows one
// clear error notification; the next check, of a valid Parquet file, works and lists its findings.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { waitForExplorer, explorerContextMenu, openProblems, runCommand, waitForProblem, clearNotifications } from './workbench.mjs';

export const title = 'Check data quality on a corrupt Parquet file → one clear message; a valid file right after is checked';

const require = createRequire(import.meta.url);

/** A valid Parquet file (with a constant column the check reports) and a copy whose first data page is corrupt. */
function writeParquetFiles(workspace) {
  const { tableFromArrays, tableToIPC } = require('apache-arrow');
  const pw = require('parquet-wasm/node');
  const n = 200;
  const table = tableFromArrays({
    id: Int32Array.from({ length: n }, (_, i) => i),
    city: Array.from({ length: n }, (_, i) => ['Paris', 'Lyon', 'Nice'][i % 3]),
    constant: Int32Array.from({ length: n }, () => 7),
  });
  const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.UNCOMPRESSED).build();
  const bytes = pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(table, 'stream')), props);
  writeFileSync(path.join(workspace, 'good.parquet'), bytes);
  const broken = new Uint8Array(bytes);
  broken[4] ^= 0xff; // the first data page's header
  writeFileSync(path.join(workspace, 'corrupt.parquet'), broken);
}

export default async function malformed({ page, workspace }) {
  writeParquetFiles(workspace);
  // The files were written after the workbench opened the folder: refresh the Explorer rather than wait for its watcher.
  await waitForExplorer(page, 'clean.csv');
  await runCommand(page, 'Refresh Explorer');
  await waitForExplorer(page, 'corrupt.parquet');
  await explorerContextMenu(page, 'corrupt.parquet', 'Check data quality');
  // The notification center lists it whether or not its toast is still up.
  const message = page.locator('.notifications-center .notification-list-item', { hasText: 'could not be read as Parquet' });
  const deadline = Date.now() + 60_000;
  while (!(await message.first().isVisible().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('no notification about corrupt.parquet');
    await runCommand(page, 'Notifications: Show Notifications');
    await page.waitForTimeout(1000);
  }
  const text = (await message.first().innerText()).trim();
  if (!/Dataset Inspector could not check corrupt\.parquet: .*the decoder stopped on invalid data/.test(text)) throw new Error(`unclear message: ${text}`);
  if ((await message.count()) !== 1) throw new Error(`${await message.count()} error notifications, one expected`);
  await clearNotifications(page);
  await page.keyboard.press('Escape');

  await explorerContextMenu(page, 'good.parquet', 'Check data quality');
  await openProblems(page);
  await waitForProblem(page, ['constant-column', 'constant'], 60_000);
}
