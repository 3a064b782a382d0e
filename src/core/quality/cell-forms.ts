import { TEMPORAL_KINDS, TEXT_KINDS, distinctValues, memo, numericColumn, valueCodes } from './column-values';
import { dateFormatsOf, dateTimeFormatsOf, parseDateTime, parseTimestamp } from '../ingest/csv/infer';
import type { IngestResult } from '../table/model';

/** A run of characters that are neither letters nor digits (punctuation, white space, symbols). */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;
const DIGIT = /\d/;

/**
 * A text without what varies in how one value is written when records are merged from several sources: case,
 * accents, white space and punctuation ("St." / "st", "Lake  Dr. " / "Lake Dr", "Zürich" / "Zurich"). A
 * separator between two digits is kept (as one space if it is only white space): "1.5" is not "15". A text
 * made only of separators keeps its own form ("-" is not "?").
 */
export function formOf(text: string): string {
  const form = asciiForm(text) ?? unicodeForm(text);
  return form === '' ? `\u0000${text.trim()}` : form;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const isAsciiLetter = (code: number) => (code | 32) >= 97 && (code | 32) <= 122;

/** {@link formOf} of an ASCII text by one pass over its characters (undefined when it is not ASCII). */
function asciiForm(text: string): string | undefined {
  let form = '';
  let separatorsFrom = -1;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 127) return undefined;
    if (!isDigit(code) && !isAsciiLetter(code)) {
      if (separatorsFrom < 0) separatorsFrom = i;
      continue;
    }
    if (separatorsFrom >= 0) {
      if (isDigit(previous) && isDigit(code)) form += text.slice(separatorsFrom, i).trim() || ' ';
      separatorsFrom = -1;
    }
    form += String.fromCharCode(isAsciiLetter(code) ? code | 32 : code);
    previous = code;
  }
  return form;
}

function unicodeForm(text: string): string {
  const folded = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  return folded.replace(SEPARATORS, (run: string, at: number) => (DIGIT.test(folded[at - 1] ?? '') && DIGIT.test(folded[at + run.length] ?? '') ? run.trim() || ' ' : ''));
}

/** Per column: an id per row, equal for cells that say the same value however written; −1 where null. */
export interface FormIds {
  readonly ids: Int32Array;
  /** Number of ids (ids are 0..size−1). */
  readonly size: number;
  /** Whether some cells written differently share an id (else the ids part rows exactly as their values do). */
  readonly merges: boolean;
}

/**
 * The form ids of column `c`: text by {@link formOf}; numbers, dates and booleans by value (already read
 * whatever their form: "3.0" and "3", "1,200" and "1200"); a cell the column's type rejected by the date it
 * reads as in another format when exactly one such reading is a value of the column, else by the form of its
 * text. Computed once per column.
 */
export function formIds(data: IngestResult, c: number): FormIds {
  return memo(data, `forms:${c}`, () => computeFormIds(data, c));
}

function computeFormIds(data: IngestResult, c: number): FormIds {
  const kind = data.columns[c].kind;
  const rejected = data.rejectedCells.filter((cell) => cell.column === c);
  if (TEXT_KINDS.includes(kind) || kind === 'empty' || kind === 'other') {
    const distinct = distinctValues(data, c);
    const idOfForm = new Map<string, number>();
    const formId = new Int32Array(distinct.size);
    for (let id = 0; id < distinct.size; id++) {
      const form = formOf(distinct.text(id));
      let shared = idOfForm.get(form);
      if (shared === undefined) idOfForm.set(form, (shared = idOfForm.size));
      formId[id] = shared;
    }
    const ids = distinct.ids.map((id) => (id < 0 ? -1 : formId[id]));
    return withRejected(ids, idOfForm.size, idOfForm.size < distinct.size, rejected, () => undefined);
  }
  const codes = valueCodes(data, c);
  if (rejected.length === 0) return { ids: codes.ids, size: codes.size, merges: false };
  const temporal = TEMPORAL_KINDS.includes(kind);
  const numbers = numericColumn(data, c);
  let codeOfNumber: Map<number, number> | undefined;
  const codeOf = (value: number) => {
    if (!codeOfNumber) {
      codeOfNumber = new Map();
      for (let r = 0; r < numbers.length; r++) if (codes.ids[r] >= 0) codeOfNumber.set(numbers[r], codes.ids[r]);
    }
    return codeOfNumber.get(value);
  };
  const readAs = (text: string) => {
    if (!temporal) return undefined;
    const readings = new Set([...dateFormatsOf(text), ...dateTimeFormatsOf(text)].map((format) => parseDateTime(text, format)));
    readings.add(parseTimestamp(text));
    const known = [...readings].flatMap((ms) => (ms === null ? [] : [codeOf(ms)])).filter((code) => code !== undefined);
    return known.length === 1 ? known[0] : undefined;
  };
  return withRejected(new Int32Array(codes.ids), codes.size, false, rejected, readAs);
}

/** Gives the rejected cells (null in `ids`) the id of the value they read as, else one id per form of their text. */
function withRejected(ids: Int32Array, size: number, merges: boolean, rejected: readonly { row: number; text: string }[], readAs: (text: string) => number | undefined): FormIds {
  const idOfForm = new Map<string, number>();
  let next = size;
  for (const cell of rejected) {
    const read = readAs(cell.text);
    if (read !== undefined) {
      ids[cell.row] = read;
      merges = true;
      continue;
    }
    const form = formOf(cell.text);
    let id = idOfForm.get(form);
    if (id === undefined) idOfForm.set(form, (id = next++));
    ids[cell.row] = id;
  }
  return { ids, size: next, merges };
}
