/**
 * Malformed input never crashes: a corrupt Parquet file that traps parquet-wasm's WebAssembly, a read that
 * stalls, and every crash reproduction of Apache Arrow's fuzzers (../shared/corpus/fuzz: Arrow IPC files
 * and streams, Parquet files) end with one clear error line — in process and in the CLI — and the next
 * file read in the same process comes out right.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { loadParquetWasm } from '../../../src/core/ingest/parquet-wasm';
import { openParquetBatches, readParquetBytes, readParquetFile } from '../../../src/core/ingest/parquet';
import { readArrowFile } from '../../../src/core/ingest/arrow';
import { ingestFile } from '../../../src/core/ingest/index';
import { profileFile } from '../../../src/cli/commands/profile';
import { corpus } from '../corpus';

const root = path.resolve(__dirname, '../../..');
const { dir: FUZZ, skip: absent } = corpus('fuzz');
const dir = mkdtempSync(path.join(tmpdir(), 'di-malformed-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const N = 1000;
const table = new Table({
  id: vectorFromArray(Int32Array.from({ length: N }, (_, i) => i)),
  city: vectorFromArray(Array.from({ length: N }, (_, i) => ['Paris', 'Lyon', 'Nice'][i % 3]), new Utf8()),
  constant: vectorFromArray(Array.from({ length: N }, () => 7), new Int32()),
});

async function parquetBytes(): Promise<Uint8Array> {
  const pw = await loadParquetWasm();
  const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.UNCOMPRESSED).build();
  return pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(table, 'stream')), props);
}

async function writeFiles(): Promise<{ good: string; trap: string; arrow: string }> {
  const bytes = await parquetBytes();
  const good = path.join(dir, 'good.parquet');
  writeFileSync(good, bytes);
  // Byte 4 starts the first data page's header: parquet-wasm's stream reader panics on it (a WebAssembly trap).
  const broken = new Uint8Array(bytes);
  broken[4] ^= 0xff;
  const trap = path.join(dir, 'trap.parquet');
  writeFileSync(trap, broken);
  const arrow = path.join(dir, 'good.arrow');
  writeFileSync(arrow, tableToIPC(table, 'file'));
  return { good, trap, arrow };
}
const files = writeFiles();

/** Fails instead of hanging when a read never settles. */
async function settles<T>(p: Promise<T>, what: string, ms = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: did not settle within ${ms / 1000} s (hang)`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The read's error: one line, naming the file, no stack trace in the message. */
async function clearError(p: Promise<unknown>, file: string): Promise<string> {
  const error = await settles(p, file).then(
    () => assert.fail(`${file} was read, an error was expected`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof Error, `${file}: an Error, got ${String(error)}`);
  assert.ok(!error.message.includes('\n'), `${file}: one line, got:\n${error.message}`);
  assert.ok(error.message.includes(path.basename(file)), `${file}: names the file: ${error.message}`);
  return error.message;
}

async function assertReadsRight(good: string, arrow: string): Promise<void> {
  for (const result of [await readParquetFile(good), await readArrowFile(arrow)]) {
    assert.equal(result.table.numRows, N);
    assert.deepEqual(result.table.getChild('id')!.toArray(), table.getChild('id')!.toArray());
    assert.deepEqual([...result.table.getChild('city')!], [...table.getChild('city')!]);
  }
}

test('a WebAssembly trap on a corrupt Parquet file is one clear error; the next read in the process is right', async () => {
  const { good, trap, arrow } = await files;
  for (let round = 0; round < 2; round++) {
    assert.match(await clearError(readParquetFile(trap), trap), /trap\.parquet could not be read as Parquet .*RuntimeError: unreachable/);
    const batches = await openParquetBatches(trap);
    await assert.rejects(
      (async () => {
        for await (const batch of batches.batches) assert.ok(batch);
      })(),
      /could not be read as Parquet .*RuntimeError: unreachable/,
    );
    await assert.rejects(readParquetBytes(new Uint8Array(await parquetBytes()).map((b, i) => (i === 4 ? b ^ 0xff : b)), 'in-memory.parquet'), /in-memory\.parquet could not be read/);
    await assertReadsRight(good, arrow);
  }
});

test('a read that makes no progress is stopped by the stall guard; the next read is right', async () => {
  const { good, arrow } = await files;
  assert.match(await clearError(readParquetFile(good, { stallTimeoutMs: 1 }), good), /made no progress for 1 ms and was stopped/);
  await assertReadsRight(good, arrow);
});

test('the CLI ends a trapping Parquet file with one line on stderr and exit 1', async () => {
  const { trap } = await files;
  for (const command of ['check', 'profile']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), command, trap], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 1, `${command}: ${r.stderr}`);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, `${command}: one line, got:\n${r.stderr}`);
    assert.match(lines[0], new RegExp(`^dataset-inspector ${command}: .*trap\\.parquet could not be read as Parquet .*RuntimeError: unreachable\\)$`));
  }
});

const fuzzFiles = absent ? [] : readdirSync(FUZZ).filter((f) => /\.(arrow|arrows|parquet)$/.test(f)).sort();
const skipped = absent ? 0 : readdirSync(FUZZ).length - fuzzFiles.length;
const corpusSize = absent ? 'corpus absent' : `${fuzzFiles.length} files, ${skipped} skipped`;

test(`fuzz corpus: every file ends cleanly in process, then valid files read right (${corpusSize})`, { skip: absent }, async (t) => {
  const { good, arrow } = await files;
  let failed = 0;
  for (const name of fuzzFiles) {
    const file = path.join(FUZZ, name);
    // The in-memory read (check, profile) and the batch-by-batch read (profile --streaming).
    const reads: Array<() => Promise<unknown>> = [() => ingestFile(file), () => profileFile(file, { streaming: true })];
    for (const read of reads) {
      try {
        await settles(read(), name);
      } catch (error) {
        failed++;
        assert.ok(error instanceof Error, `${name}: ${String(error)}`);
        assert.ok(!error.message.includes('\n') && error.message.includes(name), `${name}: one line naming the file:\n${error.message}`);
      }
    }
  }
  t.diagnostic(`${fuzzFiles.length} files, each read twice: ${failed} reads ended with a clear error, ${2 * fuzzFiles.length - failed} read a table; ${skipped} files skipped (not .arrow/.arrows/.parquet)`);
  await assertReadsRight(good, arrow);
});

test(`fuzz corpus: \`dataset-inspector check\` of every file at once prints one line per unreadable file, then checks a valid file (${corpusSize})`, { skip: absent }, async () => {
  const { good } = await files;
  const args = [...fuzzFiles.map((f) => path.join(FUZZ, f)), good];
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'check', ...args, '--format', 'json'], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  assert.equal(r.status, 1, r.stderr.slice(-2000));
  const lines = r.stderr.trimEnd().split('\n');
  for (const line of lines) assert.match(line, /^dataset-inspector check: \S+\.(arrow|arrows|parquet): \S+ /, 'every stderr line is one file\'s error');
  const named = new Set(lines.map((line) => line.split(': ')[1]));
  assert.equal(named.size, lines.length, 'one line per unreadable file');
  assert.ok(lines.length >= fuzzFiles.length - 5, `${lines.length} of ${fuzzFiles.length} files unreadable`);
  const findings = JSON.parse(r.stdout) as { file: string; rule: string; column: string | null }[];
  assert.ok(
    findings.some((f) => f.file === good && f.rule === 'constant-column' && f.column === 'constant'),
    'the valid Parquet file after the fuzz files is checked: its constant column is found',
  );
});
