/**
 * A CSV source map that reads its bytes back from the file (the check keeps the table, not the file): every
 * range and cell text equals the one computed from the bytes in memory — records longer than a read window,
 * quoted line breaks, CRLF and lone CR, a byte-order mark, non-ASCII text — and it is only used when the
 * file still holds exactly the bytes that were read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestFile } from '../../../src/core/ingest/index';
import { CsvSourceMap, readSourceBackFromFile } from '../../../src/core/ingest/csv/source-map';
import type { IngestResult } from '../../../src/core/table/model';
import { textAt } from './helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'source-bytes-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** A table with a record of ~100 KB (over a read window), quoted line breaks and quotes, non-ASCII text. */
function csvText(lineBreak: string): string {
  const long = `"${Array.from({ length: 5000 }, (_, i) => `ligne ${i} é "" 日本`).join(lineBreak)}"`;
  const rows = ['id,name,amount,note'];
  for (let i = 0; i < 400; i++) rows.push(`${i},${i % 9 === 0 ? ` Zoë${i % 4} ` : `Zoë${i % 4}`},${i % 13 === 0 ? '' : i * 1.5},${i === 7 || i === 300 ? long : i % 5 === 0 ? `"two${lineBreak}lines"` : 'ok'}`);
  return rows.join(lineBreak) + lineBreak;
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Every place a check asks a source map for: header labels, rows, cells and their texts. */
function places(data: IngestResult): unknown[] {
  const source = data.source;
  const out: unknown[] = data.columns.map((_, c) => source.headerRange(c));
  for (let r = 0; r < data.table.numRows; r++) {
    out.push(source.rowRange(r), source.rowRangeWithLineBreak?.(r));
    for (let c = 0; c < data.columns.length + 1; c++) out.push(source.cellRange(r, c), source.cellSourceText?.(r, c));
  }
  return out;
}

test('ranges and cell texts read back from the file equal those from the bytes in memory', async () => {
  const cases: Array<[string, string]> = [
    ['lf.csv', csvText('\n')],
    ['crlf-bom.csv', `\ufeff${csvText('\r\n')}`],
    ['cr.csv', csvText('\r')],
  ];
  for (const [name, text] of cases) {
    const file = write(name, text);
    const stamp = statSync(file);
    const inMemory = await ingestFile(file);
    const fromFile = await ingestFile(file);
    const opened = readSourceBackFromFile(fromFile, stamp);
    assert.ok(opened, `${name}: read back from the file`);
    try {
      assert.deepEqual(places(fromFile), places(inMemory), name);
      assert.ok(fromFile.source instanceof CsvSourceMap);
      // Positions of any offset (the line index is built from the file too).
      for (const offset of [0, 5, 1000, 60_000, 150_000, fromFile.source.byteLength]) assert.deepEqual(fromFile.source.range(offset, offset), (inMemory.source as CsvSourceMap).range(offset, offset), `${name} @${offset}`);
      // And they point at the right text.
      const body = text.replace(/^\ufeff/, '');
      assert.equal(textAt(body, fromFile.source.cellRange(300, 3)).slice(0, 12), '"ligne 0 é "');
      assert.equal(textAt(body, fromFile.source.cellRange(301, 1)), 'Zoë1');
    } finally {
      opened.close();
    }
  }
});

test('the bytes stay in memory unless the file holds exactly them', async () => {
  const file = write('changed.csv', csvText('\n'));
  const stamp = statSync(file);
  const data = await ingestFile(file);
  // Same size, written again after it was read: its modification time says so.
  writeFileSync(file, csvText('\n').replace('Zoë', 'Zoe!'));
  utimesSync(file, new Date(), new Date(Date.now() + 5000));
  assert.equal(readSourceBackFromFile(data, stamp), undefined, 'changed since read');
  const latin = write('latin.csv', Buffer.from('name,city\nA,Z\xfcrich\nB,Gen\xe8ve\n', 'latin1').toString('latin1'));
  const windows1252 = path.join(dir, 'windows-1252.csv');
  writeFileSync(windows1252, Buffer.from('name,city\nA,Z\xfcrich\nB,Gen\xe8ve\n', 'latin1'));
  assert.equal(readSourceBackFromFile(await ingestFile(windows1252), statSync(windows1252)), undefined, 'transcoded bytes are not the file');
  const utf8 = await ingestFile(latin);
  const opened = readSourceBackFromFile(utf8, statSync(latin));
  assert.ok(opened, 'UTF-8 and unchanged: read back');
  opened.close();
});
