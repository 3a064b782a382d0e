/**
 * Every value of a scanned JSON Lines text as the text it holds, key by key (null for `null`, an absent key
 * and an empty string): strings unescaped, numbers, booleans and nested values as written. What cleaning
 * works on, as csv/texts.ts is for CSV; no typed columns are built.
 */
import type { CellTexts } from '../csv/texts';
import type { JsonlScan } from './scan';
import { jsonStringValue } from './strings';
import { VALUE_ESCAPED_STRING, VALUE_NULL, VALUE_STRING } from './tokenizer';

const utf8 = new TextDecoder('utf-8');

export function extractJsonlTexts(bytes: Uint8Array, scan: JsonlScan): CellTexts {
  return scan.keys.map(({ values }) => {
    const cells = new Array<string | null>(scan.rowCount).fill(null);
    for (let i = 0; i < values.count; i++) {
      const kind = values.kinds[i];
      if (kind === VALUE_NULL) continue;
      const [start, end] = [values.starts[i], values.ends[i]];
      const text = kind === VALUE_STRING || kind === VALUE_ESCAPED_STRING ? jsonStringValue(bytes, start, end, kind === VALUE_ESCAPED_STRING) : utf8.decode(bytes.subarray(start, end));
      cells[values.rows[i]] = text === '' ? null : text;
    }
    return cells;
  });
}
