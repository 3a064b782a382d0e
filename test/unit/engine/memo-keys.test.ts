/** Facts memoized per table (column-values.ts memo) are keyed by strings: one key, one module, or one module reads another's fact. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

test('every memo key (its text before any interpolation) is used by one module only', () => {
  const owners = new Map<string, Set<string>>();
  for (const file of sources(path.resolve(__dirname, '../../../src/core'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/memo\(\s*\w+,\s*['`]([^'`$]+)/g)) {
      const set = owners.get(match[1]) ?? new Set<string>();
      set.add(path.relative(path.resolve(__dirname, '../../..'), file));
      owners.set(match[1], set);
    }
  }
  assert.ok(owners.size > 20, `${owners.size} keys found`);
  const shared = [...owners].filter(([, files]) => files.size > 1).map(([key, files]) => `${key}: ${[...files].join(', ')}`);
  assert.deepEqual(shared, []);
});
