/**
 * Bytes → text. Detects BOMs (UTF-8, UTF-16 LE/BE), validates UTF-8 and reports invalid bytes with their
 * position instead of replacing them silently, and falls back to Windows-1252 when the bytes are clearly
 * a legacy single-byte encoding (or when asked to).
 */
import type { TextEncodingName } from '../../table/model';

export interface InvalidByte {
  /** Byte offset in the file. */
  byteOffset: number;
  /** Offset of the replacement character in the decoded text (UTF-16 code units). */
  textOffset: number;
  byte: number;
}

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
  /** Invalid UTF-8 sequences (at most `maxReported`), each decoded as U+FFFD. */
  invalidBytes: InvalidByte[];
  invalidByteCount: number;
  notes: string[];
}

const maxReported = 1000;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are invalid. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const b1 = bytes[i + 1];
    if (b0 === 0xe0 && b1 < 0xa0) return 0;
    if (b0 === 0xed && b1 > 0x9f) return 0;
    return 3;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const b1 = bytes[i + 1];
    if (b0 === 0xf0 && b1 < 0x90) return 0;
    if (b0 === 0xf4 && b1 > 0x8f) return 0;
    return 4;
  }
  return 0;
}

/**
 * Bytes the decoder replaces by one U+FFFD at an invalid sequence (WHATWG "maximal subpart"): a valid
 * lead byte followed by the valid continuation bytes that came before the sequence broke.
 */
function maximalSubpartLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i];
  let need = 0;
  let lower = 0x80;
  let upper = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) need = 1;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 2;
    if (b0 === 0xe0) lower = 0xa0;
    if (b0 === 0xed) upper = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 3;
    if (b0 === 0xf0) lower = 0x90;
    if (b0 === 0xf4) upper = 0x8f;
  }
  let k = 1;
  while (k <= need && i + k < bytes.length) {
    const b = bytes[i + k];
    if (b < lower || b > upper) break;
    lower = 0x80;
    upper = 0xbf;
    k++;
  }
  return k;
}

/** Scans for invalid UTF-8, returning byte offsets and the matching text offsets of U+FFFD. */
function findInvalidUtf8(bytes: Uint8Array, start: number): { invalid: InvalidByte[]; count: number } {
  const invalid: InvalidByte[] = [];
  let count = 0;
  let textOffset = 0;
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      textOffset++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i);
    if (len === 0) {
      count++;
      if (invalid.length < maxReported) invalid.push({ byteOffset: i, textOffset, byte: b });
      i += maximalSubpartLength(bytes, i);
      textOffset++;
    } else {
      i += len;
      textOffset += len === 4 ? 2 : 1;
    }
  }
  return { invalid, count };
}

/** Whether the bytes look like Windows-1252 text (invalid as UTF-8, but only lone high bytes between letters). */
function looksLikeWindows1252(count: number, bytes: Uint8Array): boolean {
  let high = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) high++;
  // Most high bytes are invalid as UTF-8: a legacy encoding, not a few corrupt bytes in a UTF-8 file.
  return count > 0 && count >= high * 0.5;
}

export function decodeBytes(bytes: Uint8Array, requested?: TextEncodingName): DecodedText {
  const notes: string[] = [];
  if (startsWith(bytes, [0xff, 0xfe]) && requested !== 'utf-8') {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true, invalidBytes: [], invalidByteCount: 0, notes };
  }
  if (startsWith(bytes, [0xfe, 0xff]) && requested !== 'utf-8') {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true, invalidBytes: [], invalidByteCount: 0, notes };
  }
  if (requested === 'utf-16le' || requested === 'utf-16be') {
    return { text: new TextDecoder(requested).decode(bytes), encoding: requested, bom: false, invalidBytes: [], invalidByteCount: 0, notes };
  }
  if (requested === 'windows-1252' || requested === 'latin1') {
    // The WHATWG decoder maps "latin1" to windows-1252 as browsers do.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: requested, bom: false, invalidBytes: [], invalidByteCount: 0, notes };
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const start = bom ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8', bom, invalidBytes: [], invalidByteCount: 0, notes };
  } catch {
    const { invalid, count } = findInvalidUtf8(bytes, start);
    if (requested !== 'utf-8' && !bom && looksLikeWindows1252(count, body)) {
      notes.push(`The file is not valid UTF-8 (${count} invalid bytes); read as Windows-1252. Set datasetInspector.csv.encoding to override.`);
      return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252', bom: false, invalidBytes: [], invalidByteCount: 0, notes };
    }
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
    return { text, encoding: 'utf-8', bom, invalidBytes: invalid, invalidByteCount: count, notes };
  }
}
