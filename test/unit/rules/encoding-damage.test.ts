/** encoding-damage: mojibake, U+FFFD and control characters inside valid UTF-8. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { repairMojibake } from '../../../src/core/quality/text-damage';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { runQualityCheck } from '../../../src/core/quality/engine';

const stations = ['Zürich', 'Łódź', 'São Paulo', 'Málaga', 'Köln', 'Reykjavík', 'Kraków', 'Genève'];

test('mojibake is repaired by reading its Windows-1252 bytes as UTF-8, twice-damaged text too', () => {
  assert.equal(repairMojibake('CafÃ©'), 'Café');
  assert.equal(repairMojibake('itâ€™s'), 'it’s');
  assert.equal(repairMojibake('a â€“ b'), 'a – b');
  assert.equal(repairMojibake('Å\u0081Ã³dÅº'), 'Łódź', 'an undefined Windows-1252 byte kept as a C1 control');
  assert.equal(repairMojibake('CafÃƒÂ©'), 'Café');
  for (const text of [...stations, 'naïve', 'Ðóры', 'Ã', 'São', 'plain text']) assert.equal(repairMojibake(text), undefined, text);
});

test('clean: accented and non-Latin text gets no finding', () => {
  const rows = Array.from({ length: 40 }, (_, i) => [i, stations[i % stations.length], i % 2 ? 'it’s fine' : 'Straße – Süd']);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'station', 'note'], rows)), 'encoding-damage'), []);
});

test('dirty: mojibake, U+FFFD and control characters are reported with the repair as fix', () => {
  const rows = Array.from({ length: 40 }, (_, i) => [i, stations[i % stations.length]]);
  rows.push([40, 'ZÃ¼rich'], [41, 'Z\ufffdrich'], [42, 'Köln\u0007'], [43, 'K\u0080raków']);
  const found = findingsOf(checkCsv(csv(['id', 'station'], rows)), 'encoding-damage');
  assert.deepEqual(found.map((f) => [f.row, f.evidence?.damage, fixText(f)]), [
    [40, 'mojibake', 'Zürich'],
    [41, 'replacement', 'Zürich'],
    [42, 'control', 'Köln'],
    [43, 'control', 'Kraków'],
  ]);
  assert.match(found[0].message, /"ZÃ¼rich" in column "station" is UTF-8 text decoded as Windows-1252 \(mojibake\): it reads "Zürich"/);
  assert.match(found[1].message, /the column has "Zürich" \(5 rows\)/);
  assert.match(found[2].message, /"Köln⟨U\+0007⟩" .* control character U\+0007/);
});

test('edge: U+FFFD the reader wrote for invalid bytes is left to invalid-encoding', () => {
  const bytes = new Uint8Array([...new TextEncoder().encode('id,city\n1,Z'), 0xfc, ...new TextEncoder().encode('rich\n2,Paris\n')]);
  const report = runQualityCheck(ingestCsvBytes(bytes, { encoding: 'utf-8' }));
  assert.equal(findingsOf(report, 'invalid-encoding').length, 1);
  assert.deepEqual(findingsOf(report, 'encoding-damage'), []);
});

test('an accepted value is not reported', () => {
  const rows = Array.from({ length: 20 }, (_, i) => [i, i === 3 ? 'Â®Brand' : 'Brand']);
  const text = csv(['id', 'mark'], rows);
  assert.equal(findingsOf(checkCsv(text), 'encoding-damage').length, 1);
  assert.deepEqual(findingsOf(checkCsv(text, { accept: [{ rule: 'encoding-damage', column: 'mark', value: 'Â®Brand' }] }), 'encoding-damage'), []);
});
