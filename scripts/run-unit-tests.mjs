// Runs the pure-core unit tests (test/unit/**/*.test.ts) with Node's test runner, TypeScript via tsx, and lists
// the skipped ones with their reasons.
// `npm run test:unit -- path/or/name-fragment` runs only matching files.
import { readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

function findTests(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...findTests(full));
    else if (entry.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = findTests('test/unit')
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('No unit test files found.');
  process.exit(1);
}
// The usual reporter (spec on a terminal, TAP otherwise, whose `# pass N` lines `npm test` counts), then the
// skipped tests with their reasons.
const reporters = [process.stdout.isTTY ? 'spec' : 'tap', './scripts/skipped-tests-reporter.mjs'].flatMap((r) => [`--test-reporter=${r}`, '--test-reporter-destination=stdout']);
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...reporters, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
