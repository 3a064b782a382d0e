/**
 * Where a range of a text is after edits: how quick fixes computed on an older version of a document find
 * the same cell in the current one (to match it with the findings of a new check), and notice when the cell
 * itself was edited.
 */
import type { TextPosition, TextRange } from '../table/model';

/** One edit: the old range replaced, and the shape of the text put there (its line breaks, its last line's length). */
export interface TextChange {
  range: TextRange;
  insertedLineBreaks: number;
  /** UTF-16 length of the inserted text after its last line break (all of it when it has none). */
  insertedLastLineLength: number;
}

/** The shape of an edit replacing `range` with `text` (line breaks: CRLF, LF or CR). */
export function textChange(range: TextRange, text: string): TextChange {
  const breaks = text.match(/\r\n|\r|\n/g);
  const last = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return { range, insertedLineBreaks: breaks ? breaks.length : 0, insertedLastLineLength: text.length - last - 1 };
}

function compare(a: TextPosition, b: TextPosition): number {
  return a.line - b.line || a.character - b.character;
}

/** Where a position at or after the end of the change's range is once it is applied. */
function shifted(position: TextPosition, change: TextChange): TextPosition {
  const { start, end } = change.range;
  if (position.line !== end.line) return { line: position.line + change.insertedLineBreaks - (end.line - start.line), character: position.character };
  const lineStart = change.insertedLineBreaks === 0 ? start.character + change.insertedLastLineLength : change.insertedLastLineLength;
  return { line: start.line + change.insertedLineBreaks, character: lineStart + position.character - end.character };
}

/**
 * Where `range` is after `change`, or undefined when the change replaced or inserted text inside it. Text
 * inserted exactly at its start goes before it (a row inserted above a row's first cell moves the cell down);
 * text inserted exactly at its end goes after it.
 */
export function rangeAfterChange(range: TextRange, change: TextChange): TextRange | undefined {
  const { start, end } = change.range;
  const moved = () => ({ start: shifted(range.start, change), end: shifted(range.end, change) });
  if (compare(start, end) === 0) {
    if (compare(start, range.start) <= 0) return moved();
    return compare(start, range.end) >= 0 ? range : undefined;
  }
  if (compare(end, range.start) <= 0) return moved();
  return compare(start, range.end) >= 0 ? range : undefined;
}

/** Where `range` is after `changes` (in the order they were made), or undefined when one of them replaced part of it. */
export function rangeAfterChanges(range: TextRange, changes: readonly TextChange[]): TextRange | undefined {
  let current: TextRange | undefined = range;
  for (const change of changes) {
    current = current && rangeAfterChange(current, change);
    if (!current) return undefined;
  }
  return current;
}
