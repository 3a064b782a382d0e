/**
 * Ranges carried through edits (core/shared/text-changes.ts): a range the edits left alone still holds the
 * same text in the edited document; one they touched is reported as gone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { rangeAfterChanges, textChange, type TextChange } from '../../../src/core/shared/text-changes';
import type { TextPosition, TextRange } from '../../../src/core/table/model';
import { offsetOf } from '../ingest/helpers';

/** Position of an offset, lines split at CRLF, LF and lone CR as VS Code does. */
function positionAt(text: string, offset: number): TextPosition {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n' && i + 1 < offset) continue;
    if (c === '\n' || c === '\r') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

const rangeOf = (text: string, from: number, to: number): TextRange => ({ start: positionAt(text, from), end: positionAt(text, to) });

test('a row inserted above moves a cell down; an edit inside the cell, or across it, loses it', () => {
  const text = 'id,city\n1, Lyon \n2,Paris\n';
  const cell = rangeOf(text, 10, 16); // " Lyon "
  const insertRow = textChange(rangeOf(text, 8, 8), '0,Nice\n');
  assert.deepEqual(rangeAfterChanges(cell, [insertRow]), { start: { line: 2, character: 2 }, end: { line: 2, character: 8 } });
  assert.equal(rangeAfterChanges(cell, [textChange(rangeOf(text, 12, 12), 'x')]), undefined, 'typed inside');
  assert.equal(rangeAfterChanges(cell, [textChange(rangeOf(text, 9, 12), '')]), undefined, 'deleted across its start');
  assert.deepEqual(rangeAfterChanges(cell, [textChange(rangeOf(text, 16, 16), '!')]), cell, 'typed right after it: it stays');
  assert.deepEqual(rangeAfterChanges(cell, [textChange(rangeOf(text, 0, 2), 'key')]), { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } }, 'an edit on an earlier line leaves the line alone');
  assert.deepEqual(rangeAfterChanges(cell, [textChange(rangeOf(text, 8, 9), '10')]), { start: { line: 1, character: 3 }, end: { line: 1, character: 9 } }, 'an edit earlier on its line moves it right');
});

test('property: after any edits, a range they left alone holds the same text, and a range is only lost when an edit touched its inside', () => {
  // A document has one kind of line break (VS Code normalizes what is inserted to it).
  const pieces = ['a', 'bc', ',', ' ', 'é', '日', 'EOL'];
  const piece = fc.constantFrom(...pieces);
  fc.assert(
    fc.property(fc.constantFrom('\n', '\r\n', '\r'), fc.array(piece, { minLength: 1, maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.array(piece, { maxLength: 4 })), { maxLength: 5 }), fc.nat(), fc.nat(), (eol, parts, edits, x, y) => {
      const join = (list: string[]) => list.map((p) => (p === 'EOL' ? eol : p)).join('');
      const original = join(parts);
      // The range and the edits never split a CRLF (positions cannot point between CR and LF).
      const boundaries = (t: string) => [...Array(t.length + 1).keys()].filter((i) => !(t[i - 1] === '\r' && t[i] === '\n'));
      const points = boundaries(original);
      let [from, to] = [points[x % points.length], points[y % points.length]].sort((a, b) => a - b);
      const range = rangeOf(original, from, to);
      let current = original;
      const changes: TextChange[] = [];
      let alone = true;
      for (const [p, q, insertedParts] of edits) {
        const at = boundaries(current);
        const [s, e] = [at[p % at.length], at[q % at.length]].sort((a, b) => a - b);
        const inserted = join(insertedParts);
        changes.push(textChange(rangeOf(current, s, e), inserted));
        const insertion = s === e;
        const touches = insertion ? s > from && s < to : s < to && e > from;
        if (touches) alone = false;
        current = current.slice(0, s) + inserted + current.slice(e);
        if (alone) {
          const delta = inserted.length - (e - s);
          if (insertion ? s <= from : e <= from) [from, to] = [from + delta, to + delta];
        }
      }
      const mapped = rangeAfterChanges(range, changes);
      if (!alone) return assert.equal(mapped, undefined);
      assert.ok(mapped, 'a range no edit touched is found');
      assert.equal(current.slice(offsetOf(current, mapped.start), offsetOf(current, mapped.end)), current.slice(from, to));
    }),
    { numRuns: 3000 },
  );
});
