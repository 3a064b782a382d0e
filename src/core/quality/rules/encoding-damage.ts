import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, replaceCellFix, type DistinctValues } from '../column-values';
import {
  REPLACEMENT_CHARACTER,
  characterReferences,
  controlCharacterNames,
  damageExcerpt,
  decodeCharacterReferences,
  hasControlCharacters,
  holdsMarkup,
  htmlTags,
  mayHoldDamage,
  mayHoldReferences,
  mayHoldTags,
  repairMojibake,
  visibleText,
  withoutControlCharacters,
  withoutTags,
} from '../text-damage';
import type { IngestResult } from '../../table/model';
import { DataType } from 'apache-arrow';

type Damage =
  | { kind: 'mojibake'; repaired: string }
  | { kind: 'replacement'; likely?: { text: string; rows: number } }
  | { kind: 'control'; repaired: string; names: string[] }
  | { kind: 'reference'; repaired: string; references: string[] }
  | { kind: 'markup'; repaired: string; tags: string[] };

/**
 * Largest share of a column's rows whose values may hold HTML tags for them to be markup left in plain text (a
 * second source that exported its page's text with its tags); a column with more is HTML, whose tags and
 * character references are meant.
 */
const MARKUP_MAX_SHARE = 0.1;

/**
 * Whether a column is HTML: more than MARKUP_MAX_SHARE of its rows hold a tag (its tags and character references
 * are meant). Below it, the values with tags are plain text that kept its page's markup.
 */
function holdsMarkupValues(distinct: DistinctValues): boolean {
  let tagged = 0;
  let present = 0;
  for (let id = 0; id < distinct.size; id++) {
    present += distinct.counts[id];
    if (holdsMarkup(distinct.text(id))) tagged += distinct.counts[id];
  }
  return tagged > MARKUP_MAX_SHARE * present;
}

/**
 * The value of the column a text with U+FFFD most likely stood for: the most frequent value of the same
 * length whose other characters are the same (each U+FFFD stood for one character).
 */
function likelyOriginal(text: string, distinct: DistinctValues, byLength: Map<number, number[]>): { text: string; rows: number } | undefined {
  let best: { text: string; rows: number } | undefined;
  for (const id of byLength.get(text.length) ?? []) {
    const candidate = distinct.text(id);
    if (candidate === text || candidate.includes(REPLACEMENT_CHARACTER)) continue;
    let same = true;
    for (let i = 0; i < text.length && same; i++) if (text[i] !== REPLACEMENT_CHARACTER && text[i] !== candidate[i]) same = false;
    if (same && (!best || distinct.counts[id] > best.rows)) best = { text: candidate, rows: distinct.counts[id] };
  }
  return best;
}

/** The UTF-8 bytes of a text column's values: each Utf8 chunk's data, or its dictionary's (a column of another layout: one string of its texts). */
function textBytes(data: IngestResult, column: number): Uint8Array[] {
  const vector = data.table.getChildAt(column);
  const out: Uint8Array[] = [];
  for (const chunk of vector?.data ?? []) {
    const source = DataType.isDictionary(chunk.type) ? chunk.dictionary?.data[0] : chunk;
    if (source && (DataType.isUtf8(source.type) || DataType.isLargeUtf8(source.type)) && source.values instanceof Uint8Array) out.push(source.values);
    else return [new TextEncoder().encode(distinctTexts(data, column))];
  }
  return out;
}

function distinctTexts(data: IngestResult, column: number): string {
  const distinct = distinctValues(data, column);
  let all = '';
  for (let id = 0; id < distinct.size; id++) all += distinct.text(id);
  return all;
}

export const encodingDamage = defineRule({
  id: 'encoding-damage',
  title: 'Text damaged by a wrong encoding',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description:
    'Text in valid UTF-8 that a wrong decoding damaged: mojibake ("CafÃ©" for "Café", "itâ€™s"), the replacement character U+FFFD for a lost character, control characters, HTML character references or tags left in plain text (`AT&amp;T`, `<p>…</p>`).',
  docs: `Text that went through a wrong decoding somewhere upstream (UTF-8 read as Windows-1252 and written
back as UTF-8) is valid UTF-8, so no reader complains, but "Café" has become "CafÃ©", an apostrophe "â€™" and
a no-break space "Â ": one category is now two, and names no longer match.

Reported in text columns:

- **mojibake**: the text, encoded back to Windows-1252 bytes, is valid UTF-8 with fewer characters (twice
  damaged text too). The quick fix writes the repaired text;
- **U+FFFD** (�), the replacement character a decoder writes for bytes it could not read: the character is
  lost. When the column holds the same value with a real character there, the quick fix writes it. (Bytes
  that are not valid UTF-8 in the file itself are reported by invalid-encoding instead.)
- **control characters** (U+0000–U+001F but tab and line breaks, U+007F–U+009F, a byte-order mark inside a
  value): invisible in most viewers, they make equal-looking values differ. The quick fix removes them.
- **HTML character references** in plain text (\`AT&amp;T\`, \`d&#39;entendre\`, \`Fast &amp; Furious\`): text
  escaped for a web page and exported so. Named references people meet (\`&amp;\`, \`&quot;\`, \`&nbsp;\`,
  dashes, quotes, a few accented letters) and numeric ones (\`&#39;\`, \`&#x27;\`) are read; a column holding
  markup (more than ${100 * MARKUP_MAX_SHARE}% of its rows with a tag such as \`<p>\`) is HTML, where references are meant,
  and is left alone. The quick fix writes the text they stand for.
- **HTML tags** in plain text (\`<p>Sturdy and <b>light</b>.</p>\`, \`Quiet,<br>fast\`): a page's text exported with
  its markup, in at most ${100 * MARKUP_MAX_SHARE}% of a column's rows. Only tags of HTML count (\`<unknown>\`, a placeholder, is
  none). The quick fix writes the text without them: a space for a tag that breaks a line, the character
  references read.

**Fix**: repair the values (quick fix, "fix all"), and the step upstream that decoded with the wrong encoding.
If a value is right as written, accept it.`,
  check({ data, report, isIgnored, isAccepted }) {
    // Replacement characters the reader wrote for invalid bytes are the invalid-encoding rule's findings.
    const readerReplaced = data.structuralIssues.some((issue) => issue.kind === 'invalid-encoding');
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind) || isIgnored(c)) return;
      const bytes = textBytes(data, c);
      const [damageBytes, referenceBytes, tagBytes] = [bytes.some(mayHoldDamage), bytes.some(mayHoldReferences), bytes.some(mayHoldTags)];
      if (!damageBytes && !referenceBytes && !tagBytes) return;
      const distinct = distinctValues(data, c);
      let markup: boolean | undefined;
      let byLength: Map<number, number[]> | undefined;
      const damaged = new Map<number, Damage>();
      for (let id = 0; id < distinct.size; id++) {
        const text = distinct.text(id);
        if (isAccepted(c, text)) continue;
        const repaired = repairMojibake(text);
        if (repaired !== undefined) damaged.set(id, { kind: 'mojibake', repaired });
        else if (!readerReplaced && text.includes(REPLACEMENT_CHARACTER)) {
          if (!byLength) {
            byLength = new Map();
            for (let k = 0; k < distinct.size; k++) {
              const n = distinct.text(k).length;
              const list = byLength.get(n);
              if (list) list.push(k);
              else byLength.set(n, [k]);
            }
          }
          damaged.set(id, { kind: 'replacement', likely: likelyOriginal(text, distinct, byLength) });
        } else if (hasControlCharacters(text)) damaged.set(id, { kind: 'control', repaired: withoutControlCharacters(text), names: controlCharacterNames(text) });
        else if (tagBytes && holdsMarkup(text)) {
          // In a column of markup the tags are meant. Elsewhere the tags go first, then the references ("&lt;b&gt;" is text that shows "<b>").
          if (!(markup ??= holdsMarkupValues(distinct))) {
            const plain = withoutTags(text) ?? text;
            damaged.set(id, { kind: 'markup', repaired: decodeCharacterReferences(plain) ?? plain, tags: htmlTags(text) });
          }
        } else if (referenceBytes) {
          const decoded = decodeCharacterReferences(text);
          if (decoded !== undefined && !(markup ??= holdsMarkupValues(distinct))) damaged.set(id, { kind: 'reference', repaired: decoded, references: characterReferences(text) });
        }
      }
      if (damaged.size === 0) return;
      const ids = distinct.ids;
      for (let r = 0; r < ids.length; r++) {
        const damage = ids[r] < 0 ? undefined : damaged.get(ids[r]);
        if (!damage) continue;
        const value = distinct.text(ids[r]);
        // A long text (a post, a note) is shown around its damage, whole in the fix.
        const excerpt = damageExcerpt(value, damage.kind === 'replacement' ? value.replaceAll(REPLACEMENT_CHARACTER, '') : damage.repaired);
        const shown = visibleText(excerpt.text);
        let message: string;
        let fix: { text: string; title: string } | undefined;
        if (damage.kind === 'mojibake') {
          message = `"${shown}" in column "${column.name}" is UTF-8 text decoded as Windows-1252 (mojibake): it reads "${excerpt.repaired}".`;
          fix = { text: damage.repaired, title: `Repair the text: "${excerpt.repaired}"` };
        } else if (damage.kind === 'replacement') {
          message =
            `"${shown}" in column "${column.name}" holds the replacement character U+FFFD: a character was lost when the text was decoded` +
            (damage.likely ? `; the column has "${damage.likely.text}" (${damage.likely.rows} rows).` : '.');
          if (damage.likely) fix = { text: damage.likely.text, title: `Restore "${damage.likely.text}"` };
        } else if (damage.kind === 'reference') {
          const several = damage.references.length > 1;
          message = `"${shown}" in column "${column.name}" holds the HTML character reference${several ? 's' : ''} ${damage.references.join(', ')} (text escaped for a web page): it reads "${excerpt.repaired}".`;
          fix = { text: damage.repaired, title: `Read the character reference${several ? 's' : ''}: "${excerpt.repaired}"` };
        } else if (damage.kind === 'markup') {
          const several = damage.tags.length > 1;
          message = `"${shown}" in column "${column.name}" holds the HTML tag${several ? 's' : ''} ${damage.tags.join(', ')} where the column's other values are plain text (a page's markup exported with it): it reads "${excerpt.repaired}".`;
          fix = { text: damage.repaired, title: `Remove the tag${several ? 's' : ''}: "${excerpt.repaired}"` };
        } else {
          message = `"${shown}" in column "${column.name}" holds the control character${damage.names.length > 1 ? 's' : ''} ${damage.names.join(', ')}.`;
          fix = { text: damage.repaired, title: `Remove the control character${damage.names.length > 1 ? 's' : ''}` };
        }
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { damage: damage.kind, ...(fix ? { repaired: fix.text } : {}) },
          message,
          ...(fix
            ? {
                fixes: () => {
                  const edit = replaceCellFix(data, r, c, fix.text, fix.title);
                  return edit ? [edit] : [];
                },
              }
            : {}),
        });
      }
    });
  },
});
