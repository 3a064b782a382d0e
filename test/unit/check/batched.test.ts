/** The batch-by-batch check of files over the memory budget agrees with the in-memory check where a batch can see the defect. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkInBatches } from '../../../src/core/check/batched';
import { ingestFile } from '../../../src/core/ingest/index';
import { profileTable } from '../../../src/core/profile/index';
import { runQualityCheck } from '../../../src/core/quality/engine';
import type { Finding } from '../../../src/core/quality/finding';
import { ensureMixedCsv } from '../../../bench/lib/mixed-csv';

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
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'di-batched-')), 'planted.csv');
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

test('the publishing cap applies to the whole file, with one summary carrying the total', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'di-batched-')), 'spaces.csv');
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
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'di-batched-')), 'unique.csv');
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
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'di-batched-')), `weights.${format}`);
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
