/** encoding-damage: mojibake, U+FFFD, control characters and HTML character references inside valid UTF-8. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';
import { damageExcerpt, decodeCharacterReferences, repairMojibake } from '../../../src/core/quality/text-damage';
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

test('HTML character references are read: named ones people meet, decimal and hexadecimal; other ampersands stay', () => {
  assert.equal(decodeCharacterReferences('AT&amp;T'), 'AT&T');
  assert.equal(decodeCharacterReferences('d&#39;entendre &#x2019;s'), 'd\'entendre ’s');
  assert.equal(decodeCharacterReferences('&quot;Fast&quot; &ndash; Caf&eacute;'), '"Fast" – Café');
  for (const text of ['Johnson & Johnson', 'R&D; costs', '&bogus; &#0; &#xD800;', 'a&b']) assert.equal(decodeCharacterReferences(text), undefined, text);
});

test('dirty: HTML character references in plain text are reported with the text they stand for; a column of markup is left alone', () => {
  const names = ['Acme Kettle', 'Globex Lamp', 'Johnson & Johnson Soap', 'Hooli Brush'];
  const rows = Array.from({ length: 40 }, (_, i) => [i, names[i % names.length]]);
  rows.push([40, 'Initech &amp; Co Kettle'], [41, 'Wonka&#39;s Bar']);
  const found = findingsOf(checkCsv(csv(['id', 'name'], rows)), 'encoding-damage');
  assert.deepEqual(
    found.map((f) => [f.row, f.evidence?.damage, fixText(f)]),
    [
      [40, 'reference', 'Initech & Co Kettle'],
      [41, 'reference', "Wonka's Bar"],
    ],
  );
  assert.match(found[0].message, /holds the HTML character reference &amp; \(text escaped for a web page\): it reads "Initech & Co Kettle"/);
  const html = Array.from({ length: 40 }, (_, i) => [i, i % 5 ? `<p>${names[i % names.length]}</p>` : 'Tom &amp; Jerry']);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'body'], html)), 'encoding-damage'), [], 'references in a column of markup are meant');
});

test('HTML tags left in a few values of plain text are reported with the text without them; a column of markup, and placeholders in angle brackets, are left alone', () => {
  const words = ['Sturdy and light.', 'Quiet, fast and reliable.', 'Elegant modern design.', 'Soft and simple to clean.'];
  const rows = Array.from({ length: 60 }, (_, i) => [i, words[i % words.length]]);
  rows.push([60, '<p>Sturdy and <b>light</b>.</p>'], [61, 'Quiet,<br>fast &amp; reliable.'], [62, '<unknown>']);
  const found = findingsOf(checkCsv(csv(['id', 'description'], rows)), 'encoding-damage');
  assert.deepEqual(
    found.map((f) => [f.row, f.evidence?.damage, fixText(f)]),
    [
      [60, 'markup', 'Sturdy and light.'],
      [61, 'markup', '"Quiet, fast & reliable."'],
    ],
  );
  assert.match(found[0].message, /holds the HTML tags <p>, <b>, <\/b>, <\/p> where the column's other values are plain text .*: it reads "Sturdy and light\."/);
  // In a column where more than a tenth of the rows hold tags, the tags are meant.
  const html = Array.from({ length: 40 }, (_, i) => [i, i % 5 ? words[i % words.length] : `<p>${words[i % words.length]}</p>`]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'body'], html)), 'encoding-damage'), [], 'a fifth of the rows in markup: HTML');
});

test('a long damaged text (a post, a note) is shown around its damage, the same stretch of the text and of its repair; the fix writes it whole', () => {
  assert.deepEqual(damageExcerpt('AT&amp;T', 'AT&T'), { text: 'AT&amp;T', repaired: 'AT&T' }, 'a short text is shown whole');
  const before = 'The star talks about working from home all year long, and about '.repeat(3);
  const post = `${before}SavageXFenty&#39;s epic new show, out this week.`;
  const read = `${before}SavageXFenty's epic new show, out this week.`;
  assert.deepEqual(damageExcerpt(post, read), {
    text: '…r long, and about SavageXFenty&#39;s epic new show, out this week.',
    repaired: "…r long, and about SavageXFenty's epic new show, out this week.",
  });
  // A cut never splits an emoji (two UTF-16 units) in half.
  const emoji = `${'🙂'.repeat(60)}&amp;${'🙂'.repeat(60)}`;
  const shown = damageExcerpt(emoji, emoji.replace('&amp;', '&'));
  for (const part of [shown.text, shown.repaired]) assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(part), `no half of an emoji in ${part}`);
  const rows = Array.from({ length: 40 }, (_, i) => [i, `Post ${i}: a quiet week at home.`]);
  rows.push([40, post]);
  const [found] = findingsOf(checkCsv(csv(['id', 'text'], rows)), 'encoding-damage');
  assert.ok(found.message.length < 300, `a short message (${found.message.length} characters)`);
  assert.match(found.message, /^"…r long, and about SavageXFenty&#39;s epic new show, out this week\." in column "text" holds the HTML character reference &#39;/);
  assert.equal(fixText(found), `"${read}"`, 'the fix writes the whole text (quoted: it holds commas)');
});
