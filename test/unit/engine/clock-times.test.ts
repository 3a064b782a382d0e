/** Clock times in text columns ("2:04:55") read as seconds, for the checks that compare a row's numbers. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { clockSeconds } from '../../../src/core/quality/clock-times';
import { isClockColumn, numericColumn } from '../../../src/core/quality/column-values';
import { ingestCsvBytes } from '../../../src/core/ingest/index';

const ingestText = (text: string) => ingestCsvBytes(new TextEncoder().encode(text));

test('clockSeconds: hours, minutes and seconds (with a fraction), or hours and minutes; anything else is none', () => {
  assert.equal(clockSeconds('2:04:55'), 7495);
  assert.equal(clockSeconds('0:29:23.5'), 1763.5);
  assert.equal(clockSeconds('14:30'), 52_200);
  assert.equal(clockSeconds('125:00:00'), 450_000, 'a duration past a day');
  for (const text of ['2:60:00', '7:10 a.m.', '2024-01-02', '12', '1:2:3', '']) assert.ok(Number.isNaN(clockSeconds(text)), text);
});

test('a text column of clock times reads as seconds, a time written the other way as none; a column of other text is no clock column', () => {
  const times = Array.from({ length: 100 }, (_, i) => `${1 + (i % 5)}:${String(i % 60).padStart(2, '0')}:07`);
  times[7] = '3:15';
  times[8] = 'DNF';
  const data = ingestText(['bib,finish', ...times.map((t, i) => `${i},${t}`)].join('\n') + '\n');
  assert.ok(isClockColumn(data, 1));
  const seconds = numericColumn(data, 1);
  assert.equal(seconds[0], 3600 + 7);
  assert.ok(Number.isNaN(seconds[7]), '"3:15" among times with seconds: which number is the hour is not known');
  assert.ok(Number.isNaN(seconds[8]));
  const words = ingestText(['bib,club', ...times.map((_, i) => `${i},Club ${i % 7}`)].join('\n') + '\n');
  assert.equal(isClockColumn(words, 1), false);
  assert.ok(Number.isNaN(numericColumn(words, 1)[0]));
});
