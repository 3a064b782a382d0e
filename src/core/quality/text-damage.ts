import { Buffer, isAscii } from 'node:buffer';

/**
 * Damage a wrong decoding leaves inside valid UTF-8 text: mojibake (UTF-8 bytes read as Windows-1252, "é" →
 * "Ã©", "’" → "â€™"), repaired by encoding the text back to Windows-1252 bytes and decoding them as UTF-8;
 * the replacement character U+FFFD where a character was lost; control characters; HTML character references
 * left in plain text ("AT&amp;T").
 */

/** Windows-1252 characters of the bytes 0x80–0x9F (the five bytes it leaves undefined stay C1 controls, as decoders read them). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Windows-1252 byte of a character (undefined when it has none); C1 controls too, as text read as Latin-1 holds them. */
const BYTE_OF = new Map<number, number>();
for (let b = 0; b < 256; b++) BYTE_OF.set(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b, b);
for (let b = 0x80; b < 0xa0; b++) if (!BYTE_OF.has(b)) BYTE_OF.set(b, b);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How many continuation bytes a UTF-8 lead byte takes (0: not a lead byte of a multi-byte character). */
function continuationsOf(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

/** One pass of repair: every run of characters whose Windows-1252 bytes form one valid UTF-8 character becomes that character. */
function repairOnce(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const lead = BYTE_OF.get(text.charCodeAt(i));
    const n = lead === undefined ? 0 : continuationsOf(lead);
    if (n > 0 && i + n < text.length) {
      const bytes = new Uint8Array(n + 1);
      bytes[0] = lead!;
      let ok = true;
      for (let k = 1; k <= n && ok; k++) {
        const b = BYTE_OF.get(text.charCodeAt(i + k));
        if (b === undefined || b < 0x80 || b > 0xbf) ok = false;
        else bytes[k] = b;
      }
      if (ok) {
        try {
          out += utf8.decode(bytes);
          i += n;
          changed = true;
          continue;
        } catch {
          // Not a valid sequence (overlong, surrogate): the characters stay.
        }
      }
    }
    out += text[i];
  }
  return changed ? out : text;
}

/** The text with its mojibake repaired (twice-damaged text too), or undefined when it has none. */
export function repairMojibake(text: string): string | undefined {
  let repaired = text;
  for (let pass = 0; pass < 3; pass++) {
    const next = repairOnce(repaired);
    if (next === repaired) break;
    repaired = next;
  }
  return repaired === text ? undefined : repaired;
}

/** Control characters that do not belong in a cell: C0 but tab and line breaks, DEL, C1, and a stray byte-order mark or non-character. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/g;

export function hasControlCharacters(text: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text);
}

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}

/** The control characters of a text, as "U+0007" names. */
export function controlCharacterNames(text: string): string[] {
  return [...new Set(text.match(CONTROL) ?? [])].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** A text with its control characters shown as ⟨U+0007⟩ (for messages). */
export function visibleText(text: string): string {
  return text.replace(CONTROL, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

export const REPLACEMENT_CHARACTER = '\ufffd';

/** Whether an ASCII byte is a control character that does not belong in a cell (C0 but tab and line breaks, DEL). */
function isControlByte(b: number): boolean {
  return (b < 0x20 && b !== 9 && b !== 10 && b !== 13) || b === 0x7f;
}

/**
 * Whether UTF-8 bytes may hold damage (a non-ASCII byte or a control character): a column whose bytes hold
 * neither needs no look at its values. Non-ASCII by a native scan; controls four bytes at a time (a word
 * with a byte below 0x20 or equal to 0x7F is looked at byte by byte).
 */
export function mayHoldDamage(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  if (!isAscii(bytes)) return true;
  const head = Math.min(bytes.length, (4 - (bytes.byteOffset & 3)) & 3);
  for (let i = 0; i < head; i++) if (isControlByte(bytes[i])) return true;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + head, (bytes.length - head) >> 2);
  if (controlInWords(words, bytes, head)) return true;
  for (let i = head + 4 * words.length; i < bytes.length; i++) if (isControlByte(bytes[i])) return true;
  return false;
}

/**
 * Whether ASCII words (`bytes` from `head` on) hold a control character. (The loop alone in a function: V8 may
 * compile it while its first call runs, and code after it that had not run yet would make that code bail out.)
 */
function controlInWords(words: Uint32Array, bytes: Uint8Array, head: number): boolean {
  for (let k = 0; k < words.length; k++) {
    const x = words[k];
    const y = x ^ 0x7f7f7f7f;
    // Bytes are ASCII: a high bit after subtracting marks a byte below 0x20 (in x) or equal to 0x7F (in y).
    if ((((x - 0x20202020) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) {
      const at = head + 4 * k;
      for (let i = at; i < at + 4; i++) if (isControlByte(bytes[i])) return true;
    }
  }
  return false;
}

/**
 * Named HTML character references met in text escaped for a web page and left so (a scraped catalogue's
 * "Fast &amp; Furious"): the markup characters, spaces, dashes and quotes, a few symbols and Latin letters.
 */
const NAMED_REFERENCES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  hellip: '…', copy: '©', reg: '®', trade: '™', deg: '°', euro: '€', pound: '£', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç',
  uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', ntilde: 'ñ',
};

/** A character reference: named (one of NAMED_REFERENCES, case as written), decimal or hexadecimal. */
const CHARACTER_REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,6}));/g;

/** The character a reference stands for, or undefined (an unknown name, a number that is no character). */
function referencedCharacter(decimal: string | undefined, hex: string | undefined, name: string | undefined): string | undefined {
  if (name !== undefined) return Object.hasOwn(NAMED_REFERENCES, name) ? NAMED_REFERENCES[name] : undefined;
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : undefined;
}

/** The text with its HTML character references read ("AT&amp;T" → "AT&T", "d&#39;entendre" → "d'entendre"), or undefined when it has none. */
export function decodeCharacterReferences(text: string): string | undefined {
  if (!text.includes('&')) return undefined;
  let changed = false;
  const decoded = text.replace(CHARACTER_REFERENCE, (reference, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    const character = referencedCharacter(decimal, hex, name);
    if (character === undefined) return reference;
    changed = true;
    return character;
  });
  return changed ? decoded : undefined;
}

/** The references of a text, as written ("&amp;", "&#39;"), each once. */
export function characterReferences(text: string): string[] {
  return [...new Set([...text.matchAll(CHARACTER_REFERENCE)].filter((m) => referencedCharacter(m[1], m[2], m[3]) !== undefined).map((m) => m[0]))];
}

/** Tags of HTML that text written for a web page keeps when it is exported as plain text ("<unknown>" is none). */
const HTML_TAGS = new Set([
  'a', 'b', 'i', 'u', 's', 'em', 'strong', 'small', 'big', 'sup', 'sub', 'span', 'font', 'code', 'img',
  'p', 'br', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'hr', 'blockquote', 'pre', 'center',
]);
/** Of HTML_TAGS, those that break a line or a block: a space where the markup is removed ("light<br>durable"). */
const BREAKING_TAGS = new Set(['p', 'br', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'hr', 'blockquote', 'pre', 'center']);
/** A tag of markup ("<p>", "</b>", "<br/>", "<a href=…>"), its name captured. */
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?\/?>/g;

/** The HTML tags of a text (of HTML_TAGS), as written, each once. */
export function htmlTags(text: string): string[] {
  if (!text.includes('<')) return [];
  return [...new Set([...text.matchAll(TAG)].filter((m) => HTML_TAGS.has(m[1].toLowerCase())).map((m) => m[0]))];
}

/** Whether a text holds an HTML tag: a column of such values is HTML, whose character references are meant. */
export function holdsMarkup(text: string): boolean {
  return htmlTags(text).length > 0;
}

/** The text without its HTML tags (a space for one that breaks a line, spaces then collapsed and trimmed), or undefined when it has none. */
export function withoutTags(text: string): string | undefined {
  if (!holdsMarkup(text)) return undefined;
  const plain = text.replace(TAG, (tag, name: string) => (HTML_TAGS.has(name.toLowerCase()) ? (BREAKING_TAGS.has(name.toLowerCase()) ? ' ' : '') : tag));
  return plain.replace(/[ \t]{2,}/g, ' ').trim();
}

/** Whether UTF-8 bytes hold a "<" (where a tag could be): a native scan. */
export function mayHoldTags(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(0x3c);
}

/** Whether UTF-8 bytes hold an ampersand (where a character reference could be): a native scan. */
export function mayHoldReferences(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(0x26);
}

/** Characters of a damaged text a message shows: a longer text (a post, a note) is shown around its damage. */
const SHOWN_CHARACTERS = 80;
/** Characters shown before the first damaged one. */
const SHOWN_BEFORE = 30;

/**
 * What a message shows of a damaged text and of its repair: both whole when short, else the same stretch of
 * each from a little before the first difference, marked with "…" where cut ("…SavageXFenty&#39;s epic…" and
 * "…SavageXFenty's epic…").
 */
export function damageExcerpt(text: string, repaired: string): { text: string; repaired: string } {
  if (text.length <= SHOWN_CHARACTERS && repaired.length <= SHOWN_CHARACTERS) return { text, repaired };
  let first = 0;
  while (first < text.length && text[first] === repaired[first]) first++;
  const start = Math.max(0, first - SHOWN_BEFORE);
  // Past the last difference both end alike: a cut there is at the same place of each.
  let same = 0;
  while (same < text.length - first && same < repaired.length - first && text[text.length - 1 - same] === repaired[repaired.length - 1 - same]) same++;
  const end = Math.min(text.length, start + SHOWN_CHARACTERS);
  const shift = repaired.length - text.length;
  const repairedEnd = end >= text.length - same ? end + shift : Math.min(repaired.length, start + SHOWN_CHARACTERS);
  const cut = (s: string, from: number, to: number) => {
    // Never between the two halves of a character beyond U+FFFF (an emoji): the cut moves inward.
    const low = (i: number) => i > 0 && i < s.length && /[\udc00-\udfff]/.test(s[i]);
    const [a, b] = [low(from) ? from + 1 : from, low(to) ? to - 1 : to];
    return `${a > 0 ? '…' : ''}${s.slice(a, b)}${b < s.length ? '…' : ''}`;
  };
  return { text: cut(text, start, end), repaired: cut(repaired, start, repairedEnd) };
}
