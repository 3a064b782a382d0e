/**
 * The host's cache of check results: kept by estimated size, least recently used dropped first
 * (core/shared/size-lru.ts), with an estimate of a result's memory (core/check/result-size.ts) that tracks
 * the heap the result really takes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SizeLru } from '../../../src/core/shared/size-lru';

test('SizeLru keeps entries within its budget, dropping the least recently used first, never the newest', () => {
  const lru = new SizeLru<string, number>(100);
  assert.deepEqual(lru.set('a', 1, 40), []);
  assert.deepEqual(lru.set('b', 2, 40), []);
  lru.get('a'); // a is now more recent than b
  assert.deepEqual(lru.set('c', 3, 40), ['b']);
  assert.deepEqual(lru.keys(), ['a', 'c']);
  assert.equal(lru.bytes, 80);
  assert.deepEqual(lru.set('huge', 4, 500), ['a', 'c'], 'one entry over the budget is still kept');
  assert.deepEqual([lru.keys(), lru.bytes], [['huge'], 500]);
  assert.deepEqual(lru.set('huge', 5, 10), [], 'replacing an entry counts its new size');
  assert.equal(lru.bytes, 10);
  lru.set('d', 6, 60);
  assert.deepEqual(lru.resize(50), ['huge']);
  lru.delete('d');
  assert.deepEqual([lru.size, lru.bytes], [0, 0]);
});

test('the estimated size of a check result is close to the heap it takes (within -15 % and +60 %)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'result-size-'));
  try {
    // Many findings with fixes (whitespace, category variants, duplicates) and a profile.
    const rows = Array.from({ length: 4000 }, (_, i) => `${i % 1500},${i % 7 === 0 ? ` Zoë${i % 5} ` : `Zoë${i % 5}`},${['Zürich', 'zürich ', 'Bern'][i % 3]},${(i * 1.5) % 97}`);
    const csv = path.join(dir, 'fixes.csv');
    writeFileSync(csv, ['id,name,city,amount', ...rows].join('\n') + '\n');
    const script = path.join(dir, 'measure.ts');
    const src = (p: string) => JSON.stringify(path.resolve(p));
    writeFileSync(
      script,
      `import { checkFile } from ${src('src/core/check/check-file')};
import { estimatedResultBytes } from ${src('src/core/check/result-size')};
(async () => {
  const out: [number, number][] = [];
  const kept: unknown[] = [];
  for (const file of process.argv.slice(2)) {
    const result = await checkFile({ path: file, read: {}, quality: {}, renderText: true });
    const gc = globalThis.gc as () => void;
    gc(); gc();
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < 50; k++) kept.push(structuredClone(result));
    gc(); gc();
    out.push([estimatedResultBytes(result), (process.memoryUsage().heapUsed - before) / 50]);
  }
  console.log(JSON.stringify(out));
})();
`,
    );
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, csv, path.resolve('samples/dirty.csv')], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    for (const [estimate, measured] of JSON.parse(run.stdout.trim().split('\n').pop() ?? '[]') as [number, number][]) {
      assert.ok(measured > 10_000, `a result of some size (${measured} bytes)`);
      assert.ok(estimate >= 0.85 * measured && estimate <= 1.6 * measured, `estimate ${estimate} vs heap ${measured}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
