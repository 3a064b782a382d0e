/** Binary content given as text refused with one clear error naming what it looks like, instead of findings. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { tableToIPC, tableFromArrays } from 'apache-arrow';
import { ingestFile, ingestTextBatches } from '../../../src/core/ingest/index';
import { NotTextDataError, sniffBinaryContent, sniffMagic } from '../../../src/core/ingest/magic-bytes';
import { GZIP_EXTENSION, dataFormatOf } from '../../../src/core/ingest/formats';
import { temporaryDirectory } from '../temp-dir';

const dir = temporaryDirectory('di-sniff-');
const write = (name: string, content: string | Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

const binaries: [string, Uint8Array, RegExp][] = [
  ['gzip', gzipSync('a,b\n1,2\n'), /looks like gzip-compressed data \(it starts with bytes 1f 8b 08 00\)\. Rename it to x\.csv\.gz to read it as such\./],
  ['parquet', Buffer.from('PAR1\x15\x04\x15\x00'), /looks like a Parquet file .* Rename it to x\.parquet/],
  ['arrow', tableToIPC(tableFromArrays({ a: [1, 2] }), 'file'), /looks like an Arrow IPC file .* Rename it to x\.arrow/],
  ['zip', Buffer.from('PK\x03\x04\x14\x00\x00\x00'), /looks like a zip archive \(or an \.xlsx/],
  ['pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), /looks like a PDF document/],
  ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /looks like a PNG image/],
  ['sqlite', Buffer.from('SQLite format 3\x00\x10\x00'), /looks like an SQLite database/],
  ['xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), /looks like a legacy Office document/],
  ['bzip2', Buffer.from('BZh91AY&SY\x00\x00'), /looks like bzip2-compressed data/],
  ['nul bytes', Buffer.from('id,x\n1,\x00\x00\x00\x002\n'), /looks like binary data \(or UTF-16 text without a byte-order mark/],
];

for (const [what, bytes, message] of binaries) {
  test(`${what} content given as CSV or JSON Lines: one clear error, no findings`, async () => {
    const csv = write('x.csv', bytes);
    await assert.rejects(ingestFile(csv), (error: unknown) => {
      assert.ok(error instanceof NotTextDataError);
      assert.match(error.message, /^x\.csv is not CSV text: it looks like /);
      assert.match(error.message, message);
      return true;
    });
    await assert.rejects(ingestFile(write('x.jsonl', bytes)), /^NotTextDataError: x\.jsonl is not JSON Lines text: it looks like /);
    await assert.rejects(ingestFile(write('x.txt', bytes)), /^NotTextDataError: x\.txt is not CSV or TSV text: it looks like /);
    await assert.rejects(async () => {
      for await (const _batch of ingestTextBatches(csv, { chunkBytes: 4096 }));
    }, NotTextDataError);
  });
}

test('text is never taken for binary: a header starting like a signature, UTF-16 with a BOM or as the chosen encoding, Windows-1252', async () => {
  for (const text of ['BZh,ORC,PK\n1,2,3\n', 'GIF,SQLite format\n1,2\n', 'Obj,x\n1,2\n']) assert.equal(sniffBinaryContent(Buffer.from(text)), undefined, text);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name\n1,Köln\n', 'utf16le')]);
  assert.equal((await ingestFile(write('u16.csv', utf16))).table.numRows, 1);
  const noBom = Buffer.from('id,name\n1,Köln\n', 'utf16le');
  await assert.rejects(ingestFile(write('u16nobom.csv', noBom)), NotTextDataError);
  assert.equal((await ingestFile(write('u16nobom2.csv', noBom), { encoding: 'utf-16le' })).table.getChildAt(1)?.get(0), 'Köln');
  const latin = Buffer.from('id,name\n1,K\xf6ln\n', 'latin1');
  assert.equal((await ingestFile(write('latin.csv', latin))).table.getChildAt(1)?.get(0), 'Köln');
  const samples = path.resolve(__dirname, '../../../samples/dirty.csv');
  assert.ok((await ingestFile(write('plain.csv', readFileSync(samples)))).table.numRows > 100);
});

test('a signature that names a readable format names it by an ending of the formats module', () => {
  for (const [, bytes] of binaries) {
    const readableAs = sniffMagic(bytes)?.readableAs;
    if (readableAs !== undefined) assert.ok(readableAs === GZIP_EXTENSION || dataFormatOf(`x${readableAs}`) !== undefined, readableAs);
  }
  assert.deepEqual(
    binaries.map(([, bytes]) => sniffMagic(bytes)?.readableAs).filter((e) => e !== undefined),
    ['.gz', '.parquet', '.arrow'],
  );
});
