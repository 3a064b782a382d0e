/**
 * JSON (RFC 8259) over UTF-8 bytes, one line at a time, without building values: each method checks the
 * grammar of one token or value starting at an offset and returns the offset after it, or -1 with
 * `errorAt` and `error` set. A line feed ends a JSON Lines record, so it is never white space here; a
 * lone CR (a line break for VS Code) is, and is counted so line numbers stay VS Code's.
 */
import { CR, LF } from '../text-positions';

const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const BACKSLASH = 92;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** What a value is (the kind byte stored per cell). */
export const VALUE_STRING = 1;
/** A string with backslash escapes (its value must be decoded). */
export const VALUE_ESCAPED_STRING = 2;
export const VALUE_INTEGER = 3;
/** A number with a fraction or an exponent. */
export const VALUE_FLOAT = 4;
export const VALUE_TRUE = 5;
export const VALUE_FALSE = 6;
export const VALUE_NULL = 7;
export const VALUE_OBJECT = 8;
export const VALUE_ARRAY = 9;

const ANY_VALUE = 'a JSON value (string, number, object, array, true, false or null)';

/** Nesting deeper than this is refused (the validator recurses). */
const MAX_DEPTH = 512;

/** Bytes that end the fast run inside a string: the quote, the backslash and control characters. */
const STRING_STOP = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) STRING_STOP[b] = 1;
STRING_STOP[QUOTE] = 1;
STRING_STOP[BACKSLASH] = 1;

const ESCAPABLE = new Uint8Array(256);
for (const ch of '"\\/bfnrtu') ESCAPABLE[ch.charCodeAt(0)] = 1;

function isHex(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102);
}

/** A short description of the byte at an offset, for messages. */
export function describeByte(bytes: Uint8Array, at: number, limit: number): string {
  if (at >= limit || bytes[at] === LF) return 'the end of the line';
  const b = bytes[at];
  if (b < 0x20 || b === 0x7f) return `control character 0x${b.toString(16).padStart(2, '0')}`;
  if (b >= 0x80) return 'a non-ASCII character';
  return `"${String.fromCharCode(b)}"`;
}

export class JsonTokenizer {
  /** Offset of the last error and what was expected there. */
  errorAt = -1;
  error = '';
  /** Set by {@link value}: the kind of the value just read. */
  kind = 0;
  /** Set by {@link string}: whether the string just read has escapes. */
  escaped = false;
  /** Set by {@link key}: the offset just after the key's closing quote. */
  keyEnd = -1;
  /** Set by {@link afterMember}: the object is closed. */
  closed = false;
  /** Lone CRs met as white space since the counter was last reset. */
  loneCRs = 0;

  constructor(
    readonly bytes: Uint8Array,
    /** Bytes beyond this offset do not exist (the end of the text or of the complete lines). */
    readonly limit: number,
  ) {}

  fail(at: number, message: string): number {
    this.errorAt = at;
    this.error = message;
    return -1;
  }

  unexpected(at: number, expected: string): number {
    return this.fail(at, `expected ${expected}, found ${describeByte(this.bytes, at, this.limit)}`);
  }

  /** Offset of the first byte at or after `p` that is not JSON white space (LF is not: it ends the record). */
  ws(p: number): number {
    const { bytes, limit } = this;
    for (; p < limit; p++) {
      const b = bytes[p];
      if (b === SPACE || b === TAB) continue;
      if (b === CR) {
        if (p + 1 < limit && bytes[p + 1] !== LF) this.loneCRs++;
        continue;
      }
      break;
    }
    return p;
  }

  /** A string whose opening quote is at `p`; sets `escaped`. */
  string(p: number): number {
    const { bytes, limit } = this;
    let escaped = false;
    let i = p + 1;
    for (;;) {
      while (i < limit && STRING_STOP[bytes[i]] === 0) i++;
      if (i >= limit) return this.fail(p, 'a string that is never closed on this line');
      const b = bytes[i];
      if (b === QUOTE) break;
      if (b === BACKSLASH) {
        const e = bytes[i + 1];
        if (i + 1 >= limit || ESCAPABLE[e] === 0) return this.fail(i, `an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found ${describeByte(bytes, i + 1, limit)} after the backslash`);
        if (e === 117) {
          if (i + 5 >= limit || !isHex(bytes[i + 2]) || !isHex(bytes[i + 3]) || !isHex(bytes[i + 4]) || !isHex(bytes[i + 5])) return this.fail(i, 'four hex digits after \\u');
          i += 6;
        } else i += 2;
        escaped = true;
        continue;
      }
      return b === LF ? this.fail(p, 'a string that is never closed on this line') : this.fail(i, `an escaped control character in a string (write it as \\u${b.toString(16).padStart(4, '0')}), found ${describeByte(bytes, i, limit)}`);
    }
    this.escaped = escaped;
    return i + 1;
  }

  /** A number starting at `p`; sets `kind` to VALUE_INTEGER or VALUE_FLOAT. */
  number(p: number): number {
    const { bytes, limit } = this;
    let i = p;
    if (bytes[i] === MINUS) i++;
    if (i >= limit) return this.unexpected(i, 'a digit');
    let b = bytes[i];
    if (b === ZERO) i++;
    else if (b > ZERO && b <= NINE) {
      i++;
      while (i < limit && (b = bytes[i]) >= ZERO && b <= NINE) i++;
    } else return this.unexpected(i, 'a digit');
    let kind = VALUE_INTEGER;
    if (i < limit && bytes[i] === DOT) {
      i++;
      const digits = i;
      while (i < limit && (b = bytes[i]) >= ZERO && b <= NINE) i++;
      if (i === digits) return this.unexpected(i, 'a digit after the decimal point');
      kind = VALUE_FLOAT;
    }
    if (i < limit && (bytes[i] | 0x20) === 101) {
      i++;
      if (i < limit && (bytes[i] === PLUS || bytes[i] === MINUS)) i++;
      const digits = i;
      while (i < limit && (b = bytes[i]) >= ZERO && b <= NINE) i++;
      if (i === digits) return this.unexpected(i, 'a digit in the exponent');
      kind = VALUE_FLOAT;
    }
    this.kind = kind;
    return i;
  }

  private literal(p: number, word: string, kind: number): number {
    const { bytes, limit } = this;
    for (let k = 0; k < word.length; k++) if (p + k >= limit || bytes[p + k] !== word.charCodeAt(k)) return this.unexpected(p, ANY_VALUE);
    this.kind = kind;
    return p + word.length;
  }

  /** Any JSON value starting at `p` (no white space before it); sets `kind`. */
  value(p: number, depth: number): number {
    const b = p < this.limit ? this.bytes[p] : -1;
    switch (b) {
      case QUOTE: {
        const end = this.string(p);
        this.kind = this.escaped ? VALUE_ESCAPED_STRING : VALUE_STRING;
        return end;
      }
      case OPEN_BRACE:
        return this.container(p, depth, true);
      case OPEN_BRACKET:
        return this.container(p, depth, false);
      case 116:
        return this.literal(p, 'true', VALUE_TRUE);
      case 102:
        return this.literal(p, 'false', VALUE_FALSE);
      case 110:
        return this.literal(p, 'null', VALUE_NULL);
      default:
        if (b === MINUS || (b >= ZERO && b <= NINE)) return this.number(p);
        return this.unexpected(p, ANY_VALUE);
    }
  }

  /** A nested object or array whose opening bracket is at `p`. */
  private container(p: number, depth: number, object: boolean): number {
    if (depth >= MAX_DEPTH) return this.fail(p, `at most ${MAX_DEPTH} levels of nesting`);
    const close = object ? CLOSE_BRACE : CLOSE_BRACKET;
    let i = this.ws(p + 1);
    if (i < this.limit && this.bytes[i] === close) {
      this.kind = object ? VALUE_OBJECT : VALUE_ARRAY;
      return i + 1;
    }
    for (;;) {
      if (object) {
        i = this.key(i);
        if (i < 0) return -1;
      }
      i = this.value(i, depth + 1);
      if (i < 0) return -1;
      i = this.ws(i);
      const b = i < this.limit ? this.bytes[i] : -1;
      if (b === COMMA) {
        i = this.ws(i + 1);
        continue;
      }
      if (b === close) break;
      return this.unexpected(i, object ? '"," or "}"' : '"," or "]"');
    }
    this.kind = object ? VALUE_OBJECT : VALUE_ARRAY;
    return i + 1;
  }

  /** A member's key at `p`, the colon and the white space up to its value; sets `keyEnd` and `escaped` for the key. */
  key(p: number): number {
    if (p >= this.limit || this.bytes[p] !== QUOTE) return this.unexpected(p, 'a key in double quotes');
    const end = this.string(p);
    return end < 0 ? -1 : this.afterKey(end);
  }

  /** After a key that ends (closing quote included) at `end`: the colon and the white space up to the value; sets `keyEnd`. */
  afterKey(end: number): number {
    const colon = this.ws(end);
    if (colon >= this.limit || this.bytes[colon] !== COLON) return this.unexpected(colon, '":" after the key');
    this.keyEnd = end;
    return this.ws(colon + 1);
  }

  /** The end (after the closing quote) of a key at `p` written exactly as `raw` (the bytes between its quotes), or -1. */
  sameKeyEnd(p: number, raw: Uint8Array): number {
    const { bytes } = this;
    const n = raw.length;
    const close = p + 1 + n;
    if (close >= this.limit || bytes[p] !== QUOTE || bytes[close] !== QUOTE) return -1;
    for (let k = 0; k < n; k++) if (bytes[p + 1 + k] !== raw[k]) return -1;
    return close + 1;
  }

  /**
   * After a member's value at `p`: the offset of the next key (after "," and white space), or with
   * `closed` set the offset of the object's "}", or -1.
   */
  afterMember(p: number): number {
    const i = this.ws(p);
    const b = i < this.limit ? this.bytes[i] : -1;
    this.closed = b === CLOSE_BRACE;
    if (b === COMMA) return this.ws(i + 1);
    if (b === CLOSE_BRACE) return i;
    return this.unexpected(i, '"," or "}"');
  }
}

export const CLOSE_BRACE_BYTE = CLOSE_BRACE;
export const OPEN_BRACE_BYTE = OPEN_BRACE;
export const QUOTE_BYTE = QUOTE;

/** What a valid JSON value that is not an object is, from its first byte. */
export function describeNonObject(b: number): string {
  if (b === OPEN_BRACKET) return 'an array';
  if (b === QUOTE) return 'a string';
  if (b === 116 || b === 102) return 'a boolean';
  if (b === 110) return 'null';
  return 'a number';
}
