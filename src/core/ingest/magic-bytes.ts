/**
 * What a file's first bytes say it is (the magic-byte table of common formats). Text readers use it to
 * refuse binary content with one clear error instead of reading it as text and reporting nonsense; the
 * Arrow, Parquet and gzip readers use it to say what a file that is not theirs looks like. The formats and
 * their file-name endings are in formats.ts.
 */
import { basename } from 'node:path';
import type { SourceFormat } from '../table/model';
import { GZIP_EXTENSION, dataFormatOf, formatNames, formatsReadBy } from './formats';

interface Magic {
  /** What the content is, as a phrase: "gzip-compressed data". */
  looksLike: string;
  /** Leading byte values (strings stand for their ASCII codes). */
  bytes: readonly (number | string)[];
  /** Further bytes that must hold (for signatures that ordinary text may also start with). */
  andThen?: (head: Uint8Array) => boolean;
  /** The ending under which Dataset Inspector reads such a file, if it does (one of formats.ts, or `.gz` added to a text file's name). */
  readableAs?: string;
}

/** Leading bytes of common binary formats (file signatures), checked in order. */
const MAGIC: readonly Magic[] = [
  { looksLike: 'gzip-compressed data', bytes: [0x1f, 0x8b], readableAs: GZIP_EXTENSION },
  { looksLike: 'a Parquet file', bytes: ['PAR1'], readableAs: '.parquet' },
  { looksLike: 'an Arrow IPC file', bytes: ['ARROW1'], readableAs: '.arrow' },
  { looksLike: 'an Arrow IPC stream', bytes: [0xff, 0xff, 0xff, 0xff], readableAs: '.arrows' },
  { looksLike: 'a Feather v1 file (not supported: re-save it as Feather v2 / Arrow IPC)', bytes: ['FEA1'] },
  { looksLike: 'a zip archive (or an .xlsx/.docx/OpenDocument file)', bytes: ['PK', 0x03, 0x04] },
  { looksLike: 'an empty zip archive', bytes: ['PK', 0x05, 0x06] },
  { looksLike: 'a legacy Office document (.xls/.doc)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { looksLike: 'a PDF document', bytes: ['%PDF-'] },
  { looksLike: 'a PNG image', bytes: [0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a] },
  { looksLike: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { looksLike: 'a GIF image', bytes: ['GIF8'] },
  // "BZh" + block size digit + the block magic 0x314159 ("1AY"): text may well start with "BZh".
  { looksLike: 'bzip2-compressed data', bytes: ['BZh'], andThen: (head) => head[3] >= 0x31 && head[3] <= 0x39 && head[4] === 0x31 && head[5] === 0x41 && head[6] === 0x59 },
  { looksLike: 'xz-compressed data', bytes: [0xfd, '7zXZ', 0x00] },
  { looksLike: 'Zstandard-compressed data', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { looksLike: 'a 7-Zip archive', bytes: ['7z', 0xbc, 0xaf, 0x27, 0x1c] },
  { looksLike: 'an SQLite database', bytes: ['SQLite format 3', 0x00] },
  { looksLike: 'an HDF5 file', bytes: [0x89, 'HDF', 0x0d, 0x0a, 0x1a, 0x0a] },
  { looksLike: 'an Avro container file', bytes: ['Obj', 0x01] },
  { looksLike: 'a NumPy array (.npy)', bytes: [0x93, 'NUMPY'] },
  { looksLike: 'an executable (ELF)', bytes: [0x7f, 'ELF'] },
];

function signatureOf(magic: Magic): number[] {
  return magic.bytes.flatMap((part) => (typeof part === 'number' ? [part] : Array.from(part, (ch) => ch.charCodeAt(0))));
}

const SIGNATURES = MAGIC.map((magic) => ({ magic, signature: signatureOf(magic) }));

/** Bytes the sniff looks at. */
export const SNIFF_HEAD_BYTES = 4096;

export interface BinarySniff {
  looksLike: string;
  /** The extension under which the content can be read, when it is a format Dataset Inspector reads. */
  readableAs?: string;
  /** The leading bytes, in hex, as evidence. */
  leadingBytes: string;
}

function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function matches(head: Uint8Array, magic: Magic, signature: readonly number[]): boolean {
  if (head.length < signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (head[i] !== signature[i]) return false;
  return magic.andThen?.(head) ?? true;
}

/** The signature the first bytes match, if any (no judgement on text: see {@link sniffBinaryContent}). */
export function sniffMagic(head: Uint8Array): BinarySniff | undefined {
  for (const { magic, signature } of SIGNATURES) {
    if (matches(head, magic, signature)) {
      return { looksLike: magic.looksLike, ...(magic.readableAs ? { readableAs: magic.readableAs } : {}), leadingBytes: hexOf(head.subarray(0, Math.max(signature.length, 4))) };
    }
  }
  return undefined;
}

/**
 * What binary content the first bytes of a supposed text file are, or undefined when they may be text:
 * a known signature, else NUL bytes (binary data — or UTF-16 text without a byte-order mark, which the
 * caller excludes when a UTF-16 encoding was asked for or a UTF-16 BOM is present).
 */
export function sniffBinaryContent(head: Uint8Array, options: { utf16?: boolean } = {}): BinarySniff | undefined {
  const known = sniffMagic(head);
  if (known) return known;
  const utf16Bom = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (options.utf16 || utf16Bom) return undefined;
  const sample = head.subarray(0, SNIFF_HEAD_BYTES);
  if (sample.includes(0)) return { looksLike: 'binary data (or UTF-16 text without a byte-order mark: choose the encoding)', leadingBytes: hexOf(sample.subarray(0, 8)) };
  return undefined;
}

/** The file name with the extension content of that kind is read under: `x.csv` → `x.csv.gz`, `x.csv` → `x.parquet`. */
function renamedFor(name: string, extension: string): string {
  if (extension === GZIP_EXTENSION) return `${name}${extension}`;
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}${extension}`;
}

/** Binary content where text was expected: one clear error instead of findings about garbage. */
export class NotTextDataError extends Error {
  constructor(
    readonly path: string,
    readonly expected: SourceFormat,
    readonly sniff: BinarySniff,
  ) {
    const name = basename(path);
    const hint = sniff.readableAs ? ` Rename it to ${renamedFor(name, sniff.readableAs)} to read it as such.` : '';
    // The text's format by the file's name ("CSV", also for x.csv.gz), else the reader's ("CSV or TSV" for x.txt).
    const named = dataFormatOf(path);
    const format = formatNames(named?.reader === expected ? [named] : formatsReadBy([expected]));
    super(`${name} is not ${format} text: it looks like ${sniff.looksLike} (it starts with bytes ${sniff.leadingBytes}).${hint}`);
    this.name = 'NotTextDataError';
  }
}

/** Throws {@link NotTextDataError} when the first bytes of a file read as `expected` text are binary. */
export function assertTextContent(path: string, expected: SourceFormat, head: Uint8Array, options: { utf16?: boolean } = {}): void {
  const sniff = sniffBinaryContent(head, options);
  if (sniff) throw new NotTextDataError(path, expected, sniff);
}
