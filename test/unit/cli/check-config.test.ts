/** `dataset-inspector check --config FILE`: a bad file stops with exit 2 and plain messages; globs are matched from the current directory. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'di-config-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
}

test('check --config with a bad file: exit 2, the problems on stderr, no stack trace, no findings', () => {
  const bad = path.join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ rules: { outlier: { severity: 'fatal' } } }));
  const r = cli('check', 'samples/dirty.csv', '--config', bad);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `dataset-inspector check: --config ${bad}:\n  rules.outlier.severity: expected one of error, warning, information, hint; got "fatal"\n`);
});

test('check --config: ignore entries apply to the files their glob matches, from the current directory', () => {
  const findingsOf = (configFile: string) => {
    const r = cli('check', 'samples/dirty.csv', '--format', 'json', '--config', configFile);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return (JSON.parse(r.stdout) as { rule: string }[]).map((f) => f.rule);
  };
  const matching = path.join(dir, 'matching.json');
  writeFileSync(matching, JSON.stringify({ ignore: [{ rule: 'missing-value', file: 'samples/*.csv' }] }));
  const other = path.join(dir, 'other.json');
  writeFileSync(other, JSON.stringify({ ignore: [{ rule: 'missing-value', file: 'data/*.csv' }] }));
  assert.ok(findingsOf(other).includes('missing-value'), 'the sample has missing values');
  assert.ok(!findingsOf(matching).includes('missing-value'));
});
