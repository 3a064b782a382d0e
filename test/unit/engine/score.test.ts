/** The quality score (docs/score.md): its formula on marks, merging, and what it says of real and planted files. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FindingMarks, MAX_SCORE_WITH_ERRORS, mergeTallies, scoresOf } from '../../../src/core/quality/score';
import { ingestCsvBytes, ingestFile } from '../../../src/core/ingest/index';
import { profileTable } from '../../../src/core/profile/index';
import { runQualityCheck } from '../../../src/core/quality/engine';
import { checkInBatches } from '../../../src/core/check/batched';
import { temporaryDirectory } from '../temp-dir';

const now = new Date('2026-11-25T00:00:00Z');
const check = (text: string) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode(text)), { now });

test('cell, row, column and unplaced findings flag what docs/score.md says; information and hints do not count', () => {
  const marks = new FindingMarks(10, 4, ['accuracy', 'structure']);
  marks.mark('accuracy', 'warning', 0, 1); // one cell
  marks.mark('accuracy', 'warning', 0, 2); // same row, another cell
  marks.mark('accuracy', 'information', 5, 1); // not counted
  marks.mark('accuracy', 'hint', 6, 1); // not counted
  marks.mark('structure', 'warning', 3, null); // a whole row: 4 cells
  marks.mark('structure', 'warning', null, null); // a blank line: one more (flagged) row
  marks.mark('accuracy', 'warning', null, 3); // a whole column: 10 cells, no row
  const scores = scoresOf(marks.tally());
  // Rows: 11 counted (10 + the blank line), flagged 0, 3 and the blank line.
  // Cells: 2, the column (10), row 3 outside that column (3), the blank line (4).
  assert.deepEqual(scores.counted, { rows: 11, cells: 44, flaggedRows: 3, flaggedCells: 2 + 10 + 3 + 4 });
  assert.equal(scores.rows, 72.7);
  assert.equal(scores.overall, 72);
  assert.equal(scores.byDimension.accuracy, 90); // rows 0 of 10
  assert.equal(scores.cellsByDimension.accuracy, 70); // 2 + 10 of 40 cells
  assert.equal(scores.byDimension.structure, 81.8); // row 3 and the blank line of 11
  assert.equal(scores.errors, 0);
});

test('one error caps the headline at 94; 100 only when no row is flagged', () => {
  const clean = new FindingMarks(100_000, 3, ['structure']);
  assert.equal(scoresOf(clean.tally()).overall, 100);
  clean.mark('consistency', 'warning', 7, 0);
  assert.equal(scoresOf(clean.tally()).overall, 99, 'one flagged row of 100,000 is not a perfect file');
  clean.mark('structure', 'error', 8, null);
  const scores = scoresOf(clean.tally());
  assert.equal(scores.rows, 99.9);
  assert.equal(scores.overall, MAX_SCORE_WITH_ERRORS);
});

test('tallies of batches merge into the tally of the whole', () => {
  const whole = new FindingMarks(20, 3);
  const first = new FindingMarks(12, 3);
  const second = new FindingMarks(8, 3);
  const findings: [number, number | null, 'error' | 'warning'][] = [[1, 0, 'warning'], [1, 2, 'warning'], [11, null, 'warning'], [12, 1, 'error'], [19, 1, 'warning']];
  for (const [row, column, severity] of findings) {
    whole.mark('accuracy', severity, row, column);
    if (row < 12) first.mark('accuracy', severity, row, column);
    else second.mark('accuracy', severity, row - 12, column);
  }
  second.mark('completeness', 'warning', null, 2);
  whole.mark('completeness', 'warning', null, 2);
  assert.deepEqual(scoresOf(mergeTallies(first.tally(), second.tally())), scoresOf(whole.tally()));
});

test('samples/clean.csv scores at least 95, samples/dirty.csv below 95', async () => {
  const clean = runQualityCheck(await ingestFile('samples/clean.csv'), { now });
  const dirty = runQualityCheck(await ingestFile('samples/dirty.csv'), { now });
  assert.ok(clean.scores.overall >= 95, `clean ${clean.scores.overall}`);
  assert.ok(dirty.scores.overall < 95, `dirty ${dirty.scores.overall}`);
  assert.ok(dirty.scores.rows < 95, `dirty rows ${dirty.scores.rows}: 16 of its 200 rows have an error or warning`);
});

/** A clean table of `rows` rows: an id, a category and a measure, nothing to flag. */
function cleanRows(rows: number): string[] {
  return Array.from({ length: rows }, (_, i) => `${i + 1},${['north', 'south', 'east', 'west'][i % 4]},${(50 + ((i * 37) % 41) / 2).toFixed(1)}`);
}

test('the issue’s file: 10 structural errors and 60 more findings in 1,466 rows scores below 95; the same warnings alone do not', () => {
  const rows = cleanRows(1466);
  // 60 warnings: values with a trailing space (whitespace) in 60 rows.
  for (let i = 0; i < 60; i++) rows[20 * i + 5] = rows[20 * i + 5].replace(/,(north|south|east|west),/, ',$1 ,');
  const warningsOnly = check(['id,region,value', ...rows].join('\n'));
  assert.equal(warningsOnly.totals.whitespace, 60);
  assert.equal(warningsOnly.scores.overall, 95, '60 of 1,466 rows flagged: 95.9% clean');
  // 10 ragged rows (errors) on top.
  for (let i = 0; i < 10; i++) rows[100 * i + 7] += ',extra';
  const withErrors = check(['id,region,value', ...rows].join('\n'));
  assert.equal(withErrors.totals['ragged-row'], 10);
  assert.ok(withErrors.scores.overall < 95, `${withErrors.scores.overall}`);
  assert.equal(withErrors.scores.errors, 10);
});

test('a batched check scores a file as the in-memory check does', async () => {
  const rows = cleanRows(4000);
  for (let i = 0; i < 40; i++) rows[97 * i + 3] = rows[97 * i + 3].replace(/,(north|south|east|west),/, ', $1,');
  rows[2500] += ',extra';
  const file = path.join(temporaryDirectory('di-score-'), 'planted.csv');
  writeFileSync(file, ['id,region,value', ...rows].join('\n') + '\n');
  const data = await ingestFile(file);
  const whole = runQualityCheck(data, { now }, profileTable(data));
  const batched = await checkInBatches(file, { now }, { chunkBytes: 8 * 1024 });
  assert.ok(batched.batches > 3);
  assert.equal(whole.scores.counted.flaggedRows, 41);
  assert.deepEqual(batched.report.scores, whole.scores);
});
