/**
 * Bytes → the UTF-8 bytes the CSV reader parses. Detects BOMs (UTF-8, UTF-16 LE/BE), validates UTF-8 and reports invalid bytes with their
 * position instead of replacing them silently, and falls back to Windows-1252 when the bytes are clearly
 * a legacy single-byte encoding (or when asked to).
 */
import { optionMention } from '../../defaults';
import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import type { TextEncodingName } from '../../table/model';

export interface InvalidByte {
  /** Byte offset in the file. */
  byteOffset: number;
  /** Offset of the sequence in the parsed bytes (the file after its BOM). */
  offset: number;
  byte: number;
}

/** The file as the CSV reader parses it: UTF-8 bytes without BOM, and what decoding learned. */
export interface CsvBytes {
  /** UTF-8 text (for UTF-16 and single-byte files, the text re-encoded), BOM removed. */
  bytes: Uint8Array;
  encoding: TextEncodingName;
  bom: boolean;
  /** Every byte is ASCII: byte offsets within a line are character offsets. */
  ascii: boolean;
  /** The bytes are valid UTF-8 (cells can be copied to Arrow byte for byte). */
  validUtf8: boolean;
  /** Invalid UTF-8 sequences (at most `maxReported`); each reads as one U+FFFD. */
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

/** Scans for invalid UTF-8 sequences (offsets relative to `start`). */
function findInvalidUtf8(bytes: Uint8Array, start: number): { invalid: InvalidByte[]; count: number } {
  const invalid: InvalidByte[] = [];
  let count = 0;
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i);
    if (len === 0) {
      count++;
      if (invalid.length < maxReported) invalid.push({ byteOffset: i, offset: i - start, byte: b });
      i += maximalSubpartLength(bytes, i);
    } else i += len;
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

function transcoded(text: string, encoding: TextEncodingName, bom: boolean, notes: string[]): CsvBytes {
  const bytes = Buffer.from(text, 'utf8');
  return { bytes, encoding, bom, ascii: isAscii(bytes), validUtf8: true, invalidBytes: [], invalidByteCount: 0, notes };
}

/**
 * Bytes → the UTF-8 bytes the reader parses. UTF-8 files are used as they are (no decoded copy of the
 * whole text); UTF-16 and single-byte files are decoded and re-encoded. `knownAscii`: the caller found
 * every byte ASCII (they are not read again).
 */
export function prepareCsvBytes(bytes: Uint8Array, requested?: TextEncodingName, knownAscii = false): CsvBytes {
  const notes: string[] = [];
  const declared = declaredEncoding(bytes, requested);
  const bom = declared.bomLength > 0;
  if (declared.decoderLabel) return transcoded(new TextDecoder(declared.decoderLabel).decode(bytes.subarray(declared.bomLength)), declared.encoding, bom, notes);
  const start = declared.bomLength;
  const body = bytes.subarray(start);
  const checked = knownAscii ? asciiText() : checkUtf8(body, start);
  if (!checked.validUtf8 && requested !== 'utf-8' && !bom && looksLikeWindows1252(checked.invalidByteCount, body)) {
    notes.push(`The file is not valid UTF-8 (${checked.invalidByteCount} invalid bytes); read as Windows-1252. Set the ${optionMention('encoding')} to override.`);
    return transcoded(new TextDecoder('windows-1252').decode(body), 'windows-1252', false, notes);
  }
  return { bytes: body, encoding: 'utf-8', bom, notes, ...checked };
}

/**
 * The encoding a file's first bytes declare with a BOM, or that was asked for: its BOM's length and, for
 * anything but UTF-8 (read as bytes), the WHATWG decoder label. Without either it is UTF-8 (the caller
 * may still detect Windows-1252).
 */
export function declaredEncoding(bytes: Uint8Array, requested?: TextEncodingName): { encoding: TextEncodingName; bomLength: number; decoderLabel?: string } {
  if (startsWith(bytes, [0xff, 0xfe]) && requested !== 'utf-8') return { encoding: 'utf-16le', bomLength: 2, decoderLabel: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff]) && requested !== 'utf-8') return { encoding: 'utf-16be', bomLength: 2, decoderLabel: 'utf-16be' };
  if (requested === 'utf-16le' || requested === 'utf-16be') return { encoding: requested, bomLength: 0, decoderLabel: requested };
  // The WHATWG decoder maps "latin1" to windows-1252 as browsers do.
  if (requested === 'windows-1252' || requested === 'latin1') return { encoding: requested, bomLength: 0, decoderLabel: 'windows-1252' };
  return { encoding: 'utf-8', bomLength: startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0 };
}

type Utf8Check = Pick<CsvBytes, 'ascii' | 'validUtf8' | 'invalidBytes' | 'invalidByteCount'>;
const asciiText = (): Utf8Check => ({ ascii: true, validUtf8: true, invalidBytes: [], invalidByteCount: 0 });

/** ASCII / valid UTF-8 / invalid sequences of `body`, whose first byte is at `fileOffset` in the file. */
export function checkUtf8(body: Uint8Array, fileOffset: number): Utf8Check {
  if (isAscii(body)) return asciiText();
  if (isUtf8(body)) return { ascii: false, validUtf8: true, invalidBytes: [], invalidByteCount: 0 };
  const { invalid, count } = findInvalidUtf8(body, 0);
  for (const bad of invalid) bad.byteOffset += fileOffset;
  return { ascii: false, validUtf8: false, invalidBytes: invalid, invalidByteCount: count };
}
