/**
 * Row filters evaluated batch by batch on the Arrow data: "contains" on the cell text (dictionary values
 * tested once per dictionary), comparisons by value for numbers, dates and timestamps (by text otherwise),
 * missing / not missing, and "only rows with findings". The result of a batch is a mask of its rows.
 */
import { DataType, type Data, type RecordBatch, type Schema, type Vector } from 'apache-arrow';
import { ColumnText, numberReaderFor, parseComparable, type RawCellIndex } from './values';
import type { CompareOp, FilterCondition, FilterSpec } from './types';
import type { FindingIndex } from './findings';
import { compareText } from './argsort';

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

/** Text of every row of a chunk (raw texts where the typed value is null). */
function forEachText(text: ColumnText, data: Data, raw: RawCellIndex | null, column: number, visit: (i: number, value: string | null) => void): void {
  text.forEach(data, (i, value) => visit(i, value === null && raw ? (raw.at(i, column)?.text ?? null) : value));
}

function containsTest(schema: Schema, column: number, needle: string): BatchTest {
  const text = new ColumnText(schema.fields[column].type);
  const lower = needle.toLowerCase();
  const perDictionary = new Map<Vector, Uint8Array>();
  return (batch, raw, mask) => {
    const data = batch.data.children[column];
    if (data.dictionary && DataType.isDictionary(data.type)) {
      let hits = perDictionary.get(data.dictionary);
      if (!hits) {
        hits = new Uint8Array(data.dictionary.length);
        let k = 0;
        for (const chunk of data.dictionary.data) {
          const valueText = new ColumnText(chunk.type);
          for (let i = 0; i < chunk.length; i++, k++) hits[k] = chunk.getValid(i) && valueText.text(chunk, i).toLowerCase().includes(lower) ? 1 : 0;
        }
        perDictionary.set(data.dictionary, hits);
      }
      const codes = data.values as Int32Array;
      for (let i = 0; i < data.length; i++) if (mask[i] && !(data.getValid(i) && hits[Number(codes[i])])) mask[i] = 0;
      return;
    }
    forEachText(text, data, raw, column, (i, value) => {
      if (mask[i] && !(value !== null && value.toLowerCase().includes(lower))) mask[i] = 0;
    });
  };
}

/** "contains" in any column: a row passes when one of its cells contains the text. */
function anyColumnContainsTest(schema: Schema, needle: string): BatchTest {
  const tests = schema.fields.map((_, c) => containsTest(schema, c, needle));
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

function compareTest(schema: Schema, column: number, op: CompareOp, value: string): BatchTest {
  const type = schema.fields[column].type;
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
  const text = new ColumnText(type);
  return (batch, raw, mask) => {
    forEachText(text, batch.data.children[column], raw, column, (i, cell) => {
      if (mask[i] && (cell === null || !compare(op, compareText(cell, value)))) mask[i] = 0;
    });
  };
}

function missingTest(column: number, missing: boolean): BatchTest {
  return (batch, _raw, mask) => {
    const data = batch.data.children[column];
    for (let i = 0; i < data.length; i++) if (mask[i] && !data.getValid(i) !== missing) mask[i] = 0;
  };
}

function conditionTest(schema: Schema, condition: FilterCondition): BatchTest {
  const width = schema.fields.length;
  if (condition.kind !== 'contains' || condition.column !== null) {
    if (!Number.isInteger(condition.column) || (condition.column as number) < 0 || (condition.column as number) >= width) {
      throw new Error(`There is no column ${condition.column}.`);
    }
  }
  switch (condition.kind) {
    case 'contains':
      return condition.column === null ? anyColumnContainsTest(schema, condition.text) : containsTest(schema, condition.column, condition.text);
    case 'compare':
      return compareTest(schema, condition.column, condition.op, condition.value);
    case 'missing':
      return missingTest(condition.column, condition.missing);
  }
}

/** A compiled filter: the mask of the rows of one batch that pass. Throws a clear error for a bad value. */
export type RowFilter = (batch: RecordBatch, raw: RawCellIndex | null, start: number) => Uint8Array;

export function compileFilter(schema: Schema, spec: FilterSpec, findings: FindingIndex): RowFilter {
  const tests = spec.conditions.filter((c) => c.kind !== 'contains' || c.text !== '').map((c) => conditionTest(schema, c));
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
