/** The batch-by-batch check of files over the memory budget (CSV, JSON Lines, Arrow, Parquet) agrees with the in-memory check where a batch can see the defect. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Float64, Int32, RecordBatchFileWriter, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { checkInBatches } from '../../../src/core/check/batched';
import { checkFile, type CheckResult } from '../../../src/core/check/check-file';
import { loadParquetWasm } from '../../../src/core/ingest/parquet-wasm';
import { ingestFile } from '../../../src/core/ingest/index';
import { profileTable } from '../../../src/core/profile/index';
import { runQualityCheck } from '../../../src/core/quality/engine';
import type { Finding } from '../../../src/core/quality/finding';
import { ensureMixedCsv } from '../../../bench/lib/mixed-csv';
import { temporaryDirectory } from '../temp-dir';

function plantedCsv(): string {
  const lines = ['id,amount,city,note'];
  for (let i = 0; i < 3000; i++) {
    const city = i % 97 === 5 ? ' Paris ' : ['Paris', 'Lyon', 'Nice'][i % 3];
    const amount = i % 211 === 7 ? 'twelve' : (i * 1.25).toFixed(2);
    const note = i % 331 === 3 ? 'N/A' : `note ${i % 10}`;
    lines.push(`${i},${amount},${city},${note}`);
    // A duplicate right after its original (both in the same batch).
    if (i % 499 === 11) lines.push(`${i},${amount},${city},${note}`);
    // A copy of a row hundreds of rows back (an earlier batch with 8 KiB chunks).
    if (i % 701 === 650) lines.push(lines[i - 600]);
  }
  return lines.join('\n') + '\n';
}

/** A finding's fields as a user sees them: rows, columns, range, value, related rows and columns, message, fix titles. */
const key = (f: Finding) =>
  [f.rule, f.row, f.column, JSON.stringify(f.range), f.value, JSON.stringify(f.related?.map((p) => [p.row, p.column, p.message])), f.message, f.fixes?.map((x) => x.title).join()].join('|');
const rowRules = new Set(['whitespace', 'type-mismatch', 'missing-value', 'duplicate-row', 'duplicate-key']);

test('row findings of a batched check equal the in-memory ones (rows, related rows, values, ranges, messages and fix titles in file rows)', async () => {
  const file = path.join(temporaryDirectory('di-batched-'), 'planted.csv');
  writeFileSync(file, plantedCsv());
  const config = { maxFindingsPerRuleAndColumn: 10_000, now: new Date('2026-01-01') };
  const data = await ingestFile(file);
  const whole = runQualityCheck(data, config, profileTable(data));
  const progress: number[] = [];
  const batched = await checkInBatches(file, config, { chunkBytes: 8 * 1024, onProgress: (p) => progress.push(p.rows) });
  assert.ok(batched.batches > 5, `${batched.batches} batches`);
  assert.equal(batched.rowCount, data.table.numRows);
  assert.ok(progress.length === batched.batches && progress.at(-1) === data.table.numRows);
  assert.equal(batched.profile.rows, data.table.numRows);
  assert.match(batched.notes[0] ?? '', /checked in \d+ batches/);
  const expected = whole.findings.filter((f) => f.row !== null && rowRules.has(f.rule)).map(key).sort();
  const actual = batched.report.findings.filter((f) => f.row !== null && rowRules.has(f.rule)).map(key).sort();
  assert.ok(expected.length > 20, `${expected.length} planted findings`);
  assert.deepEqual(actual, expected);
  for (const rule of rowRules) assert.equal(batched.report.totals[rule], whole.totals[rule], rule);
  assert.ok(batched.report.findings.some((f) => f.rule === 'duplicate-key' && f.row !== null && f.row > 1000), 'repeated keys across batches');
  // Duplicates across batches are found too, pointing at the first occurrence's line.
  const duplicates = batched.report.findings.filter((f) => f.rule === 'duplicate-row');
  assert.ok(duplicates.length >= 10, `${duplicates.length} duplicate rows`);
  for (const f of duplicates) {
    const first = f.related?.[0].row;
    assert.ok(typeof first === 'number' && f.row !== null && first < f.row, f.message);
    assert.equal(f.related?.[0].range.start.line, data.source.rowRange(first).start.line, f.message);
    assert.equal(f.message, `Row ${f.row + 1} duplicates row ${first + 1}.`);
  }
  // Column-level findings appear once, not once per batch.
  const columnLevel = batched.report.findings.filter((f) => f.row === null).map((f) => `${f.rule}|${f.column}`);
  assert.equal(new Set(columnLevel).size, columnLevel.length, columnLevel.join(', '));
});

test('a day of a daily series entered again in a later batch is a repeated key there as in memory, quoted as the file writes it', async () => {
  const day = (d: number) => new Date(Date.UTC(2010, 0, 1 + d)).toISOString().slice(0, 10).split('-').reverse().join('/');
  const lines = ['day,reading'];
  for (let d = 0; d < 3000; d++) lines.push(`${day(d)},${(50 + 20 * Math.sin(d / 30)).toFixed(2)}`);
  lines.push(`${day(100)},12.00`, `${day(2800)},99.00`);
  const file = path.join(temporaryDirectory('di-batched-'), 'daily.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  const config = { maxFindingsPerRuleAndColumn: 10_000 };
  const data = await ingestFile(file);
  const whole = runQualityCheck(data, config, profileTable(data)).findings.filter((f) => f.rule === 'duplicate-key');
  const batched = (await checkInBatches(file, config, { chunkBytes: 8 * 1024 })).report.findings.filter((f) => f.rule === 'duplicate-key');
  assert.deepEqual(whole.map((f) => [f.row, f.value]), [[3000, day(100)], [3001, day(2800)]], 'the two days entered again');
  assert.deepEqual(batched.map(key), whole.map(key));
});

test('the publishing cap applies to the whole file, with one summary carrying the total', async () => {
  const file = path.join(temporaryDirectory('di-batched-'), 'spaces.csv');
  writeFileSync(file, 'name,n\n' + Array.from({ length: 2000 }, (_, i) => ` padded ${i % 50} ,${i}`).join('\n') + '\n');
  const batched = await checkInBatches(file, { maxFindingsPerRuleAndColumn: 25 }, { chunkBytes: 4096 });
  const whitespace = batched.report.findings.filter((f) => f.rule === 'whitespace');
  assert.equal(whitespace.filter((f) => f.summaryOf === undefined).length, 25);
  const summaries = whitespace.filter((f) => f.summaryOf !== undefined);
  assert.equal(summaries.length, 1);
  assert.equal(summaries[0].summaryOf, 2000);
  assert.equal(batched.report.totals.whitespace, 2000);
});

test('rows and keys that only look alike are not called duplicates across batches (no hash collisions on 836k unique rows)', async () => {
  const file = path.join(temporaryDirectory('di-batched-'), 'unique.csv');
  // The bench's generator (ids, exponents, dates, booleans, categories, quoted text), ~100 MB: every row unique.
  await ensureMixedCsv(file, 100e6);
  const batched = await checkInBatches(file, {}, { chunkBytes: 16 * 2 ** 20 });
  assert.ok(batched.batches >= 6 && batched.rowCount > 800_000, `${batched.batches} batches, ${batched.rowCount} rows`);
  assert.equal(batched.report.totals['duplicate-row'], 0);
  assert.equal(batched.report.totals['duplicate-key'], 0);
  rmSync(path.dirname(file), { recursive: true, force: true });
});

for (const format of ['csv', 'jsonl'] as const) {
  test(`numbers written in another form are found batch by batch, read with the first batch's form and unit (${format})`, async () => {
    const weights = Array.from({ length: 3000 }, (_, i) => (i % 401 === 300 ? String(3000 + i) : i % 613 === 400 ? `${3000 + i} pounds` : `${3000 + i} lbs`));
    const lines =
      format === 'csv'
        ? ['id,weight', ...weights.map((w, i) => `${i},${w}`)]
        : weights.map((w, i) => `{"id": ${i}, "weight": ${/ /.test(w) ? JSON.stringify(w) : w}}`);
    const file = path.join(temporaryDirectory('di-batched-'), `weights.${format}`);
    writeFileSync(file, lines.join('\n') + '\n');
    const config = { maxFindingsPerRuleAndColumn: 10_000 };
    const data = await ingestFile(file);
    const whole = runQualityCheck(data, config, profileTable(data)).findings.filter((f) => f.rule === 'number-format');
    const batched = await checkInBatches(file, config, { chunkBytes: 8 * 1024 });
    assert.ok(batched.batches > 3);
    assert.equal(batched.columns[1].numberFormat?.suffix, ' lbs');
    assert.equal(batched.profile.columns[1].unit, 'lbs');
    const found = batched.report.findings.filter((f) => f.rule === 'number-format');
    assert.equal(found.length, 12);
    assert.deepEqual(found.map((f) => [f.row, f.fixes?.[0]?.title]), whole.map((f) => [f.row, f.fixes?.[0]?.title]));
    assert.ok(found.some((f) => f.row! > 2000 && f.fixes?.[0]?.title === `Write as the column does: "${3000 + f.row!} lbs"`));
    rmSync(path.dirname(file), { recursive: true, force: true });
  });
}

/** Arrow and Parquet files: padded and missing cells, repeated keys and rows within and across batches. */
function plantedArrowTable(): Table {
  const rows = 6000;
  const ids: number[] = [];
  const cities: (string | null)[] = [];
  const amounts: number[] = [];
  for (let i = 0; i < rows; i++) {
    // Row i copies row i - 600 now and then (an earlier batch), or the row before it (the same batch).
    const source = i % 701 === 650 ? i - 600 : i % 499 === 12 ? i - 1 : i;
    ids.push(source);
    cities.push(source % 331 === 3 ? null : source % 97 === 5 ? ' Paris ' : ['Paris', 'Lyon', 'Nice'][source % 3]);
    amounts.push((source * 1.25) % 900);
  }
  const table = new Table({
    id: vectorFromArray(ids, new Int32()),
    city: vectorFromArray(cities, new Utf8()),
    amount: vectorFromArray(amounts, new Float64()),
  });
  // Record batches of 500 rows (Arrow); Parquet row groups are set by its writer.
  return new Table(Array.from({ length: rows / 500 }, (_, k) => table.slice(k * 500, (k + 1) * 500).batches[0]));
}

for (const format of ['arrow', 'parquet'] as const) {
  test(`${format === 'arrow' ? 'Arrow IPC' : 'Parquet'} over the memory budget is checked batch by batch: the same row findings, ranges and rendered text as in memory; column rules say they saw batches`, async () => {
    const dir = temporaryDirectory('di-batched-');
    try {
      const file = path.join(dir, `planted.${format}`);
      const table = plantedArrowTable();
      if (format === 'arrow') writeFileSync(file, RecordBatchFileWriter.writeAll(table).toUint8Array(true));
      else {
        const pw = await loadParquetWasm();
        writeFileSync(file, pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(table, 'stream')), new pw.WriterPropertiesBuilder().setMaxRowGroupSize(700).build()));
      }
      const quality = { maxFindingsPerRuleAndColumn: 10_000, now: new Date('2026-01-01') };
      const budget = 16 * 1024;
      assert.ok(statSync(file).size > budget, 'the file is over the budget the test sets');
      const whole = await checkFile({ path: file, read: {}, quality, renderText: true });
      const batched = await checkFile({ path: file, read: { memoryBudgetBytes: budget }, quality, renderText: true });
      assert.equal(batched.rowCount, 6000);
      assert.equal(batched.profile.rows, 6000);
      assert.equal(batched.profile.mode, 'streaming');
      const batches = Number(/checked in (\d+) batches/.exec(batched.notes[0] ?? '')?.[1]);
      assert.ok(batches > 5, `${batched.notes[0]}`);
      assert.match(batched.notes[0], /per-batch column statistics/);
      assert.deepEqual(whole.notes, []);
      const rowFindings = (r: CheckResult) => r.findings.filter((f) => f.row !== null && rowRules.has(f.rule)).map(key).sort();
      const expected = rowFindings(whole);
      assert.ok(['whitespace', 'missing-value', 'duplicate-row', 'duplicate-key'].every((rule) => expected.some((k) => k.startsWith(`${rule}|`))), 'every planted kind is found');
      assert.deepEqual(rowFindings(batched), expected);
      for (const rule of rowRules) assert.equal(batched.totals[rule], whole.totals[rule], rule);
      // The findings point into the same text, written batch by batch.
      assert.equal(batched.renderedText, whole.renderedText);
      const columnLevel = batched.findings.filter((f) => f.row === null).map((f) => `${f.rule}|${f.column}`);
      assert.equal(new Set(columnLevel).size, columnLevel.length, columnLevel.join(', '));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
