// How `npm test` (test-all.mjs) reads a stage's output: its own summary line `<stage>: N passed, N failed`
// (with `, N skipped` when the stage skips tests), or node's test runner (`# pass N`, `# fail N`) with the
// skipped-tests reporter's `<stage>: N skipped` (or TAP's `# skipped N`). null when there is neither.

/** @returns {{ passed: number, failed: number, skipped: number } | null} */
export function stageCounts(name, out) {
  const last = (re) => [...out.matchAll(re)].pop();
  const skippedLine = last(new RegExp(`^${name}: (\\d+) skipped\\s*$`, 'gm')) ?? last(/^# skipped (\d+)\s*$/gm);
  const own = last(new RegExp(`^${name}: (\\d+) passed, (\\d+) failed(?:, (\\d+) skipped)?\\s*$`, 'gm'));
  if (own) return { passed: Number(own[1]), failed: Number(own[2]), skipped: Number(own[3] ?? skippedLine?.[1] ?? 0) };
  const pass = last(/^# pass (\d+)\s*$/gm);
  const fail = last(/^# fail (\d+)\s*$/gm);
  if (pass || fail) return { passed: Number(pass?.[1] ?? 0), failed: Number(fail?.[1] ?? 0), skipped: Number(skippedLine?.[1] ?? 0) };
  return null;
}
