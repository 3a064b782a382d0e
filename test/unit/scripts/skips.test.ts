/** Skipped tests are listed with their reasons and counted in `npm test`'s summary. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS_ROOT, corpus } from '../corpus';
import { temporaryDirectory } from '../temp-dir';

/** stageCounts (scripts/test-counts.mjs, what test-all.mjs uses) of a stage's output. */
function stageCounts(name: string, out: string): unknown {
  const code = `import { stageCounts } from './scripts/test-counts.mjs'; console.log(JSON.stringify(stageCounts(process.argv[1], process.argv[2])));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code, name, out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('the unit runner ends with the skipped tests, their files and reasons; npm test counts them', () => {
  const dir = temporaryDirectory('di-skips-');
  const file = path.join(dir, 'some.test.mjs');
  writeFileSync(file, `import { test } from 'node:test';\ntest('runs', () => {});\ntest('needs a corpus', { skip: 'corpus "x" not found at /nowhere' }, () => {});\n`);
  const reporters = ['tap', './scripts/skipped-tests-reporter.mjs'].flatMap((r) => [`--test-reporter=${r}`, '--test-reporter-destination=stdout']);
  // A test runner of its own (not a subtest reporting to this run's runner).
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const r = spawnSync(process.execPath, ['--test', ...reporters, file], { encoding: 'utf8', env });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^unit: 1 skipped\n {2}- .*some\.test\.mjs: needs a corpus — corpus "x" not found at \/nowhere$/m);
  assert.deepEqual(stageCounts('unit', r.stdout), { passed: 1, failed: 0, skipped: 1 });
});

test('stage summaries: own lines with or without skips, TAP counts', () => {
  assert.deepEqual(stageCounts('host', 'host: 14 passed, 0 failed, 2 skipped\n'), { passed: 14, failed: 0, skipped: 2 });
  assert.deepEqual(stageCounts('e2e', 'e2e: 3 passed, 1 failed\n'), { passed: 3, failed: 1, skipped: 0 });
  assert.deepEqual(stageCounts('unit', '# pass 200\n# fail 0\n# skipped 3\n'), { passed: 200, failed: 0, skipped: 3 });
  assert.equal(stageCounts('vsix', 'nothing to count\n'), null);
});

test('a missing corpus gives a skip reason saying where it was looked for and how to point elsewhere', () => {
  const missing = corpus('no-such-corpus');
  assert.equal(missing.dir, path.join(CORPUS_ROOT, 'no-such-corpus'));
  assert.equal(missing.skip, `corpus "no-such-corpus" not found at ${missing.dir} (set DATASET_INSPECTOR_CORPUS to the folder holding it)`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', `console.log(require('./test/unit/corpus').CORPUS_ROOT)`], {
    encoding: 'utf8',
    env: { ...process.env, DATASET_INSPECTOR_CORPUS: '/data/corpora' },
  });
  assert.equal(r.stdout.trim(), '/data/corpora');
});
