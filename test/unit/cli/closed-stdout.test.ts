/** A reader that closes the pipe early (`dataset-inspector profile x --format json | head -c 10`) ends the CLI quietly. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'di-epipe-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('profile --format json into a pipe closed after 10 bytes: exit 0, nothing on stderr', async () => {
  // 300 columns: the JSON profile (~700 KB) is far larger than a pipe's buffer, so writes hit the closed pipe.
  const columns = Array.from({ length: 300 }, (_, i) => `c${i}`);
  const rows = Array.from({ length: 200 }, (_, r) => columns.map((_, i) => `${(r * i) % 97}.5`).join(','));
  const file = path.join(dir, 'wide.csv');
  writeFileSync(file, [columns.join(','), ...rows].join('\n') + '\n');

  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'profile', file, '--format', 'json'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const head = await new Promise<string>((resolve) => {
    child.stdout.once('data', (d: Buffer) => {
      // Like `head -c 10`: take 10 bytes, close the read end.
      child.stdout.destroy();
      resolve(d.subarray(0, 10).toString());
    });
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.equal(head, '{\n  "path"');
  assert.equal(stderr, '', 'no EPIPE stack trace');
  assert.equal(code, 0);
});
