/**
 * Temporary folders for tests: made under the system's temporary folder and removed when the test process exits,
 * so a run of the suite leaves nothing behind (test files that clean up after each test keep doing so).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A new, empty folder named `prefix` plus random letters, removed when the process exits. */
export function temporaryDirectory(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
