/**
 * Every cell of a scanned CSV as the text it holds (unquoted and unescaped; null for empty and missing
 * cells), column by column: what cleaning works on (it writes untouched cells back as they were). One
 * string per cell straight from the scan's field offsets, without building typed columns.
 */
import { Buffer } from 'node:buffer';
import type { ScanResult } from './scan';
import { fieldValue } from './records';

export type CellTexts = (string | null)[][];

/**
 * The usual escaped field, `"…""…"` closed by its last byte: its inside with the doubled quotes undoubled;
 * undefined for anything else (stray text after the closing quote, no closing quote), left to fieldValue.
 */
function undoubled(text: Buffer, encoding: BufferEncoding, s: number, e: number, closed: boolean, q: string): string | undefined {
  if (!closed) return undefined;
  const parts = text.toString(encoding, s + 1, e - 1).split(q + q);
  return parts.some((p) => p.includes(q)) ? undefined : parts.join(q);
}

export function extractTexts(bytes: Uint8Array, ascii: boolean, scan: ScanResult, width: number, quote: number): CellTexts {
  const q = String.fromCharCode(quote);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoding = ascii ? 'latin1' : 'utf8';
  const { rowStarts, fieldEnds, escaped, rowCount, absent } = scan;
  const columns: CellTexts = Array.from({ length: width }, () => new Array<string | null>(rowCount));
  for (let r = 0; r < rowCount; r++) {
    const rowStart = rowStarts[r];
    let start = rowStart;
    for (let c = 0, i = r * width; c < width; c++, i++) {
      const relativeEnd = fieldEnds[i];
      if (relativeEnd === absent) {
        for (; c < width; c++) columns[c][r] = null;
        break;
      }
      let s = start;
      let e = rowStart + relativeEnd;
      start = e + 1;
      let value: string | null = null;
      if (s < e) {
        if (bytes[s] === quote) {
          if ((escaped[i >> 3] & (1 << (i & 7))) !== 0) value = e - s === 1 ? null : (undoubled(text, encoding, s, e, bytes[e - 1] === quote, q) ?? fieldValue(bytes, s, e, quote));
          else {
            s++;
            e--;
            value = s < e ? text.toString(encoding, s, e) : null;
          }
        } else value = text.toString(encoding, s, e);
      }
      columns[c][r] = value === '' ? null : value;
    }
  }
  return columns;
}
