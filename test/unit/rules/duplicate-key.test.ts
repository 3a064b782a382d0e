/** duplicate-key: a repeat in an identifier-like column is an error; free text that repeats is not a key. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';

const rule = allRules.filter((r) => r.id === 'duplicate-key');
const check = (header: string, values: string[]) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode([header, ...values].join('\n'))), {}, undefined, rule).findings;

test('a unique code column that repeats once: the repeat is reported; unique free text that repeats once is not a key', () => {
  const codes = Array.from({ length: 300 }, (_, i) => `K-${(i * 7919) % 100000}`);
  codes[250] = codes[10];
  assert.deepEqual(check('code', codes).map((f) => f.row), [250]);
  const notes = Array.from({ length: 300 }, (_, i) => `left at door ${i} please ring`);
  notes[250] = notes[10];
  assert.deepEqual(check('note', notes), []);
});
