/** Broken Arrow input: empty, garbage, foreign formats, and every truncation of a small file and stream. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { readArrowBytes, readArrowFile } from '../../../src/core/ingest/arrow';

const dir = mkdtempSync(path.join(tmpdir(), 'di-arrow-errors-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array | string): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

const sample = tableFromArrays({
  id: Int32Array.from({ length: 50 }, (_, i) => i),
  x: Float64Array.from({ length: 50 }, (_, i) => i / 3),
  name: Array.from({ length: 50 }, (_, i) => `name ${i % 7}`),
});
const fileBytes = tableToIPC(sample, 'file');
const streamBytes = tableToIPC(sample, 'stream');

/** Fails the test instead of hanging when a read never settles. */
async function settles<T>(p: Promise<T>, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('read did not settle (hang)')), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

test('zero-length file', async () => {
  const p = write('empty.arrow', new Uint8Array(0));
  await assert.rejects(readArrowFile(p), /is not an Arrow IPC file or stream: the file is empty/);
  assert.throws(() => readArrowBytes(new Uint8Array(0), 'x.arrow'), /x\.arrow is not an Arrow IPC file or stream/);
});

test('garbage and foreign formats get a clear message', async () => {
  const cases: Array<[string, Uint8Array | string, RegExp]> = [
    ['text.arrow', 'a,b,c\n1,2,3\n', /is not an Arrow IPC file or stream: it starts with text/],
    ['parquet.arrow', new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 4, 5, 6, 0x50, 0x41, 0x52, 0x31]), /looks like a Parquet file/],
    ['feather1.feather', new Uint8Array([0x46, 0x45, 0x41, 0x31, 0, 0, 0, 0, 0, 0, 0, 0]), /Feather v1/],
    ['gzip.arrow', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), /gzip/],
    ['random.arrow', Uint8Array.from({ length: 300 }, (_, i) => (i * 7919 + 13) % 251), /is not an Arrow IPC file or stream/],
    ['tiny.arrow', new Uint8Array([1, 2, 3]), /is not an Arrow IPC file or stream: only 3 bytes/],
  ];
  for (const [name, bytes, re] of cases) {
    await assert.rejects(settles(readArrowFile(write(name, bytes))), re, name);
  }
});

test('every truncation of an IPC file is reported, never a crash or hang', async () => {
  for (let n = 1; n < fileBytes.length; n++) {
    const p = write(`cut-file-${n}.arrow`, fileBytes.subarray(0, n));
    await assert.rejects(settles(readArrowFile(p)), /(is truncated|is not an Arrow IPC file or stream)/, `prefix ${n}`);
    assert.throws(() => readArrowBytes(fileBytes.subarray(0, n), 'f.arrow'), /f\.arrow (is truncated|is not an Arrow IPC)/, `bytes prefix ${n}`);
  }
});

test('every truncation of an IPC stream is reported, never a crash or hang', async () => {
  for (let n = 1; n < streamBytes.length; n++) {
    const p = write(`cut-stream-${n}.arrows`, streamBytes.subarray(0, n));
    await assert.rejects(settles(readArrowFile(p)), /(is truncated|is not an Arrow IPC file or stream)/, `prefix ${n}`);
    assert.throws(() => readArrowBytes(streamBytes.subarray(0, n), 's.arrows'), /s\.arrows (is truncated|is not an Arrow IPC)/, `bytes prefix ${n}`);
  }
});

test('corrupted bytes inside a valid frame give an error or a table, never a crash or hang', async () => {
  let errors = 0;
  for (let k = 0; k < 200; k++) {
    const bytes = new Uint8Array(streamBytes);
    const at = 8 + ((k * 104729) % (bytes.length - 16));
    bytes[at] ^= 0xff;
    bytes[(at + 13) % (bytes.length - 8)] ^= 0x5a;
    try {
      await settles(readArrowFile(write(`corrupt-${k}.arrows`, bytes)));
    } catch (error) {
      assert.ok(error instanceof Error);
      assert.match(error.message, /corrupt-\d+\.arrows/);
      errors++;
    }
  }
  assert.ok(errors > 0);
});

test('a missing file is an ENOENT error', async () => {
  await assert.rejects(readArrowFile(path.join(dir, 'nope.arrow')), /ENOENT/);
});

test('an aborted read throws AbortError', async () => {
  const p = write('ok.arrow', fileBytes);
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(readArrowFile(p, { signal: controller.signal }), { name: 'AbortError' });
});
