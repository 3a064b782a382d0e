/** `dataset-inspector profile` and `convert` end to end (spawned through tsx) and in process. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { loadParquetWasm } from '../../../src/core/ingest/parquet-wasm';
import { readArrowFile } from '../../../src/core/ingest/arrow';
import { formatProfileText, profileFile } from '../../../src/cli/commands/profile';
import { convertFile } from '../../../src/cli/commands/convert';
import type { TableProfile } from '../../../src/core/profile/types';

const root = path.resolve(__dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'di-cli-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const N = 500;
const table = new Table({
  id: vectorFromArray(Int32Array.from({ length: N }, (_, i) => i)),
  price: vectorFromArray(Array.from({ length: N }, (_, i) => (i === 7 ? 1e6 : i % 10 === 0 ? null : 100 + (i % 50))), new Float64()),
  city: vectorFromArray(Array.from({ length: N }, (_, i) => ['Paris', 'Lyon', 'Nice'][i % 3]), new Utf8()),
  n: vectorFromArray(Array.from({ length: N }, (_, i) => i % 4), new Int32()),
});
const arrowFile = path.join(dir, 'sample.arrow');
writeFileSync(arrowFile, tableToIPC(table, 'file'));

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
}

test('profile --format json prints a TableProfile', () => {
  const r = cli('profile', arrowFile, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const p = JSON.parse(r.stdout) as TableProfile;
  assert.equal(p.rows, N);
  assert.equal(p.format, 'arrow');
  assert.equal(p.mode, 'memory');
  assert.equal(p.columns.length, 4);
  const price = p.columns[1];
  for (const key of ['name', 'arrowType', 'count', 'nulls', 'distinct', 'distinctMethod', 'min', 'max', 'mean', 'std', 'quantiles', 'topValues']) {
    assert.ok(key in price, key);
  }
  assert.equal(price.nulls, 50);
  assert.equal(price.max, 1e6);
  assert.equal(price.highOutliers, 1);
  assert.equal(price.arrowType, 'Float64');
  assert.deepEqual(p.columns[2].topValues, [
    { value: 'Lyon', count: 167 },
    { value: 'Paris', count: 167 },
    { value: 'Nice', count: 166 },
  ]);
});

test('profile --format text prints an aligned table', () => {
  const r = cli('profile', arrowFile, '--format', 'text');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /sample\.arrow: arrow, 500 rows × 4 columns/);
  assert.match(r.stdout, /^price\s+float Float64\s+50 \(10\.0%\)/m);
  assert.match(r.stdout, /Top values:/);
});

test('profile --streaming gives the same numbers (exact below the sketch limit)', async () => {
  const exact = await profileFile(arrowFile);
  const streamed = await profileFile(arrowFile, { streaming: true });
  assert.equal(streamed.mode, 'streaming');
  assert.deepEqual(streamed.columns, exact.columns);
  assert.match(formatProfileText(streamed), /streamed/);
});

test('exit codes: usage errors 2, unreadable files 1, help 0', () => {
  assert.equal(cli('profile').status, 2);
  assert.match(cli('profile', arrowFile, '--format', 'xml').stderr, /argument 'xml' is invalid\. Allowed choices are json, text\./);
  assert.equal(cli('profile', arrowFile, '--fromat', 'json').status, 2);
  const missing = cli('profile', path.join(dir, 'missing.arrow'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /ENOENT|no such file/);
  const garbage = path.join(dir, 'garbage.arrow');
  writeFileSync(garbage, 'not arrow at all\n');
  const g = cli('profile', garbage);
  assert.equal(g.status, 1);
  assert.match(g.stderr, /is not an Arrow IPC file or stream/);
  const misnamed = cli('convert', arrowFile, path.join(dir, 'out.parquet'));
  assert.equal(misnamed.status, 2, 'Arrow IPC is not written into a file named .parquet');
  assert.match(misnamed.stderr, /named as a Parquet file, but convert writes Arrow IPC/);
  assert.ok(!existsSync(path.join(dir, 'out.parquet')));
  const help = cli('profile', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: dataset-inspector profile FILE/);
});

test('convert Parquet → Arrow file and Arrow → Arrow stream', async () => {
  const pw = await loadParquetWasm();
  const parquet = path.join(dir, 'in.parquet');
  writeFileSync(parquet, pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(table, 'stream'))));
  const out = path.join(dir, 'out.arrow');
  const r = cli('convert', parquet, out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /wrote .*out\.arrow: 500 rows × 4 columns/);
  const back = await readArrowFile(out);
  assert.equal(back.table.numRows, N);
  assert.equal(String(readFileSync(out).subarray(0, 6)), 'ARROW1');
  assert.deepEqual(back.table.getChild('city')!.toArray(), table.getChild('city')!.toArray());

  // OUT exists → refused without --force.
  assert.equal(cli('convert', parquet, out).status, 1);
  assert.equal(cli('convert', parquet, out, '--force', '-q').status, 0);

  const stream = path.join(dir, 'out.arrows');
  await convertFile(arrowFile, stream);
  const s = await readArrowFile(stream);
  assert.equal(s.table.numRows, N);
  assert.equal(readFileSync(stream).readUInt32LE(0), 0xffffffff);

  // A failed conversion leaves no output behind.
  const bad = path.join(dir, 'bad.parquet');
  writeFileSync(bad, 'PAR1 nonsense PAR1');
  const failed = cli('convert', bad, path.join(dir, 'never.arrow'));
  assert.equal(failed.status, 1);
  assert.equal(existsSync(path.join(dir, 'never.arrow')), false);
});

test('empty tables convert to a valid file', async () => {
  const empty = path.join(dir, 'empty-in.arrow');
  writeFileSync(empty, tableToIPC(table.slice(0, 0), 'stream'));
  const out = path.join(dir, 'empty-out.arrow');
  await convertFile(empty, out);
  const r = await readArrowFile(out);
  assert.equal(r.table.numRows, 0);
  assert.equal(r.columns.length, 4);
});
