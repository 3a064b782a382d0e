/** JSON string values from their bytes as written (quotes included): unescaped into UTF-8 or into a JS string. */
import { ByteSink } from '../csv/byte-sink';

const BACKSLASH = 92;
const utf8 = new TextDecoder('utf-8');

const SIMPLE_ESCAPES = new Map<number, number>([
  [34, 34], // \"
  [92, 92], // \\
  [47, 47], // \/
  [98, 8], // \b
  [102, 12], // \f
  [110, 10], // \n
  [114, 13], // \r
  [116, 9], // \t
]);

function hex4(bytes: Uint8Array, at: number): number {
  return parseInt(String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]), 16);
}

function pushCodePoint(sink: ByteSink, cp: number): void {
  if (cp < 0x80) sink.push(cp);
  else if (cp < 0x800) {
    sink.push(0xc0 | (cp >> 6));
    sink.push(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    sink.push(0xe0 | (cp >> 12));
    sink.push(0x80 | ((cp >> 6) & 0x3f));
    sink.push(0x80 | (cp & 0x3f));
  } else {
    sink.push(0xf0 | (cp >> 18));
    sink.push(0x80 | ((cp >> 12) & 0x3f));
    sink.push(0x80 | ((cp >> 6) & 0x3f));
    sink.push(0x80 | (cp & 0x3f));
  }
}

/**
 * Appends the UTF-8 bytes of the string written at bytes[start, end) (opening and closing quote
 * included; the tokenizer has checked its escapes). A lone surrogate escape becomes U+FFFD, as
 * JSON.parse followed by UTF-8 encoding would make it.
 */
export function unescapeJsonStringInto(bytes: Uint8Array, start: number, end: number, sink: ByteSink): void {
  const last = end - 1;
  let i = start + 1;
  while (i < last) {
    let run = i;
    while (run < last && bytes[run] !== BACKSLASH) run++;
    if (run > i) {
      sink.append(bytes, i, run);
      i = run;
      continue;
    }
    const e = bytes[i + 1];
    if (e !== 117) {
      sink.push(SIMPLE_ESCAPES.get(e) ?? e);
      i += 2;
      continue;
    }
    let cp = hex4(bytes, i + 2);
    i += 6;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 5 < last && bytes[i] === BACKSLASH && bytes[i + 1] === 117) {
      const low = hex4(bytes, i + 2);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i += 6;
      }
    }
    pushCodePoint(sink, cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
  }
}

/** The value of the string written at bytes[start, end) (quotes included). */
export function jsonStringValue(bytes: Uint8Array, start: number, end: number, escaped: boolean): string {
  if (!escaped) return utf8.decode(bytes.subarray(start + 1, end - 1));
  const sink = new ByteSink(end - start);
  unescapeJsonStringInto(bytes, start, end, sink);
  return utf8.decode(sink.data.subarray(0, sink.used));
}
