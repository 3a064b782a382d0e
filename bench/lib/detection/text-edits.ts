/** Realistic damage to a text: keyboard typos, case and spacing variants, mojibake. Pure functions of an Rng. */
import type { Rng } from './random';

const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Letters next to `ch` on a QWERTY keyboard (same row and the rows above and below, ±1 key). */
function neighbours(ch: string): string[] {
  const lower = ch.toLowerCase();
  const out: string[] = [];
  KEYBOARD.forEach((row, r) => {
    const i = row.indexOf(lower);
    if (i < 0) return;
    for (let dr = -1; dr <= 1; dr++) {
      const other = KEYBOARD[r + dr];
      if (!other) continue;
      for (let di = -1; di <= 1; di++) {
        const k = other[i + di];
        if (k && k !== lower) out.push(k);
      }
    }
  });
  return out;
}

const sameCase = (model: string, ch: string) => (model === model.toUpperCase() && model !== model.toLowerCase() ? ch.toUpperCase() : ch);

export type TypoOperation = 'substitute' | 'delete' | 'insert' | 'transpose' | 'x';

/** One keyboard-like edit of a letter of `text`, or undefined when it has no letter to edit. */
export function typoEdit(rng: Rng, text: string): { text: string; operation: TypoOperation } | undefined {
  const letters = [...text].flatMap((ch, i) => (/\p{L}/u.test(ch) ? [i] : []));
  if (letters.length < 2) return undefined;
  const chars = [...text];
  const operation = rng.weighted<TypoOperation>([
    ['substitute', 3],
    ['delete', 3],
    ['insert', 2],
    ['transpose', 2],
    ['x', 1],
  ]);
  const i = rng.pick(letters);
  const ch = chars[i];
  switch (operation) {
    case 'substitute': {
      const near = neighbours(ch);
      const letter = near.length && rng.chance(0.7) ? rng.pick(near) : String.fromCharCode(97 + rng.int(0, 25));
      if (letter === ch.toLowerCase()) return undefined;
      chars[i] = sameCase(ch, letter);
      break;
    }
    case 'delete':
      chars.splice(i, 1);
      break;
    case 'insert': {
      const near = neighbours(ch);
      chars.splice(i + 1, 0, near.length && rng.chance(0.5) ? sameCase(ch, rng.pick(near)) : ch);
      break;
    }
    case 'transpose': {
      if (i + 1 >= chars.length || !/\p{L}/u.test(chars[i + 1]) || chars[i + 1] === ch) return undefined;
      [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
      break;
    }
    case 'x':
      if (ch.toLowerCase() === 'x') return undefined;
      chars[i] = sameCase(ch, 'x');
      break;
  }
  return { text: chars.join(''), operation };
}

/** A typo at edit distance 1 (usually) or 2 of `text`. */
export function typo(rng: Rng, text: string): { text: string; variant: string } | undefined {
  const first = typoEdit(rng, text);
  if (!first) return undefined;
  if (!rng.chance(0.25)) return { text: first.text, variant: first.operation };
  const second = typoEdit(rng, first.text);
  return second && second.text !== text ? { text: second.text, variant: 'two-edits' } : { text: first.text, variant: first.operation };
}

export type CaseVariant = 'lowercase' | 'uppercase' | 'leading-space' | 'trailing-space' | 'double-space';

/** The same category written with another case or spacing, or undefined when that variant does not change it. */
export function caseVariant(text: string, variant: CaseVariant): string | undefined {
  let out: string;
  switch (variant) {
    case 'lowercase':
      out = text.toLowerCase();
      break;
    case 'uppercase':
      out = text.toUpperCase();
      break;
    case 'leading-space':
      out = ` ${text}`;
      break;
    case 'trailing-space':
      out = `${text} `;
      break;
    case 'double-space':
      out = text.replace(' ', '  ');
      break;
  }
  return out === text ? undefined : out;
}

/** Windows-1252 characters of the bytes 0x80–0x9F (the rest of the range is Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** `text` encoded as UTF-8 and the bytes read back as Windows-1252: "é" → "Ã©", "’" → "â€™". */
export function mojibake(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
}

/** Control characters met in damaged text files (SUB, ESC, backspace, form feed, …). */
export const CONTROL_CHARACTERS = ['\u0001', '\u0002', '\u0003', '\u0008', '\u000b', '\u000c', '\u001a', '\u001b', '\u001f', '\u007f'];
