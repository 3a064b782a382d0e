/**
 * Row filters evaluated batch by batch on the Arrow data: "contains" on the cell text (dictionary values
 * tested once per dictionary), comparisons by value for numbers, dates and timestamps (by text otherwise),
 * missing / not missing, and "only rows with findings". The result of a batch is a mask of its rows.
 */
import { DataType, type RecordBatch } from 'apache-arrow';
import { TextInterner, numberReaderFor, parseComparable, writtenText, type ColumnText, type RawCellIndex } from './values';
import type { CompareOp, FilterCondition, FilterSpec } from './types';
import type { FindingIndex } from './findings';
import { MISSING_RANK, compareText } from './argsort';

/** Sets mask[i] = 0 for the rows of one batch that fail a condition. */
type BatchTest = (batch: RecordBatch, raw: RawCellIndex | null, mask: Uint8Array) => void;

function compare(op: CompareOp, c: number): boolean {
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
  }
}

/**
 * Tests each row's text as written (the raw text where the reader kept one) with `test`. Text and dictionary columns
 * are tested once per distinct text (kept up to a bound, then forgotten, so a pass over a paged file stays
 * within its memory); other columns (numbers, dates: mostly distinct) once per row.
 */
function textTest(text: ColumnText, column: number, test: (text: string) => boolean): BatchTest {
  if (!text.isUtf8 && !DataType.isDictionary(text.type)) {
    return (batch, raw, mask) => {
      const data = batch.data.children[column];
      for (let i = 0; i < data.length; i++) {
        if (!mask[i]) continue;
        const value = writtenText(text, data, i, raw, column);
        if (value === undefined || !test(value)) mask[i] = 0;
      }
    };
  }
  let interner = new TextInterner(text);
  let hits: number[] = [];
  return (batch, raw, mask) => {
    if (interner.size > 100_000) {
      interner = new TextInterner(text);
      hits = [];
    }
    const ids = interner.ids(batch.data.children[column]);
    for (let i = 0; i < ids.length; i++) {
      if (!mask[i]) continue;
      const id = ids[i];
      if (id === MISSING_RANK) {
        const r = raw?.of(i, column, false);
        if (!(r && test(r.text))) mask[i] = 0;
        continue;
      }
      let hit = hits[id];
      if (hit === undefined) hit = hits[id] = test(interner.texts[id]) ? 1 : 0;
      if (!hit) mask[i] = 0;
    }
  };
}

function containsTest(texts: readonly ColumnText[], column: number, needle: string): BatchTest {
  const lower = needle.toLowerCase();
  return textTest(texts[column], column, (text) => text.toLowerCase().includes(lower));
}

/** "contains" in any column: a row passes when one of its cells contains the text. */
function anyColumnContainsTest(texts: readonly ColumnText[], needle: string): BatchTest {
  const tests = texts.map((_, c) => containsTest(texts, c, needle));
  return (batch, raw, mask) => {
    const any = new Uint8Array(mask.length);
    for (const test of tests) {
      const one = mask.slice();
      test(batch, raw, one);
      for (let i = 0; i < one.length; i++) any[i] |= one[i];
    }
    for (let i = 0; i < mask.length; i++) mask[i] &= any[i];
  };
}

function compareTest(texts: readonly ColumnText[], column: number, op: CompareOp, value: string): BatchTest {
  const { type } = texts[column];
  const read = numberReaderFor(type);
  if (read) {
    const target = parseComparable(type, value);
    if (Number.isNaN(target)) throw new Error(`"${value}" is not a ${DataType.isDate(type) || DataType.isTimestamp(type) ? 'date' : 'number'}.`);
    return (batch, _raw, mask) => {
      const data = batch.data.children[column];
      const values = new Float64Array(data.length);
      read(data, values, 0);
      for (let i = 0; i < data.length; i++) {
        const v = values[i];
        if (mask[i] && (Number.isNaN(v) || !compare(op, v < target ? -1 : v > target ? 1 : 0))) mask[i] = 0;
      }
    };
  }
  return textTest(texts[column], column, (text) => compare(op, compareText(text, value)));
}

function missingTest(column: number, missing: boolean): BatchTest {
  return (batch, _raw, mask) => {
    const data = batch.data.children[column];
    for (let i = 0; i < data.length; i++) if (mask[i] && !data.getValid(i) !== missing) mask[i] = 0;
  };
}

function conditionTest(texts: readonly ColumnText[], condition: FilterCondition): BatchTest {
  const width = texts.length;
  if (condition.kind !== 'contains' || condition.column !== null) {
    if (!Number.isInteger(condition.column) || (condition.column as number) < 0 || (condition.column as number) >= width) {
      throw new Error(`There is no column ${condition.column}.`);
    }
  }
  switch (condition.kind) {
    case 'contains':
      return condition.column === null ? anyColumnContainsTest(texts, condition.text) : containsTest(texts, condition.column, condition.text);
    case 'compare':
      return compareTest(texts, condition.column, condition.op, condition.value);
    case 'missing':
      return missingTest(condition.column, condition.missing);
  }
}

/** A compiled filter: the mask of the rows of one batch that pass. Throws a clear error for a bad value. */
export type RowFilter = (batch: RecordBatch, raw: RawCellIndex | null, start: number) => Uint8Array;

/** `texts`: how each column is written (its type and number form). */
export function compileFilter(texts: readonly ColumnText[], spec: FilterSpec, findings: FindingIndex): RowFilter {
  const tests = spec.conditions.filter((c) => c.kind !== 'contains' || c.text !== '').map((c) => conditionTest(texts, c));
  return (batch, raw, start) => {
    const mask = new Uint8Array(batch.numRows).fill(1);
    if (spec.onlyFindings) for (let i = 0; i < mask.length; i++) mask[i] = findings.has(start + i) ? 1 : 0;
    for (const test of tests) test(batch, raw, mask);
    return mask;
  };
}

/** Whether a filter keeps every row (no conditions). */
export function isEmptyFilter(spec: FilterSpec | null): boolean {
  return !spec || (!spec.onlyFindings && spec.conditions.every((c) => c.kind === 'contains' && c.text === ''));
}
