/** Test helpers for the ingestion engine. */
import type { IngestResult, TextRange } from '../../../src/core/table/model';

/** Offset of a (line, character) position in `text`, counting CRLF, LF and CR as VS Code does. */
export function offsetOf(text: string, position: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < position.line) {
    const c = text.charCodeAt(i);
    if (i >= text.length) throw new Error(`line ${position.line} beyond the text`);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) line++;
    i++;
  }
  return i + position.character;
}

export function textAt(text: string, range: TextRange): string {
  return text.slice(offsetOf(text, range.start), offsetOf(text, range.end));
}

/** The table's cell as the text a CSV writer would have produced (numbers via String, null as ''). */
export function cellText(result: IngestResult, row: number, column: number): string {
  const value: unknown = result.table.getChildAt(column)?.get(row);
  if (value === null || value === undefined) return '';
  return String(value);
}
