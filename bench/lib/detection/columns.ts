/**
 * What the injectors need to know about a clean table's columns, learned by the benchmark itself (not by the
 * product being measured): numbers, dates, text; frequent values; identifiers; time order.
 */
import { columnDateFormat, dateValue, parseDate, type DateFormat } from './dates';
import type { Table } from './table';

export type ColumnKind = 'number' | 'date' | 'text' | 'empty';

export interface ColumnFacts {
  index: number;
  name: string;
  kind: ColumnKind;
  /** Number columns: every present value is an integer written without a decimal point. */
  integer: boolean;
  present: number;
  /** Value → rows holding it (present values only). */
  counts: Map<string, number>;
  /** Every row holds a value and no value repeats. */
  unique: boolean;
  /** Unique, and looks like an identifier (named so, a running number, or short codes without spaces). */
  idLike: boolean;
  /** Number columns: the values (NaN for empty or non-numeric cells). */
  numbers: Float64Array;
  min: number;
  max: number;
  dateFormat?: DateFormat;
  /** Date columns: at least 99% of consecutive present values are non-decreasing. */
  ordered: boolean;
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const ID_NAME = /(^|[^a-z])(id|key|code|iata|zip|uuid)([^a-z]|$)|_id$|^id/i;

/** Whether a column's name says it holds identifiers or codes (id, key, code, zip, …). */
export function namedLikeId(name: string): boolean {
  return ID_NAME.test(name);
}

export function parseNumber(text: string): number {
  return NUMBER.test(text) ? Number(text) : NaN;
}

export function profileColumns(table: Table): ColumnFacts[] {
  return table.header.map((name, index) => profileColumn(table, name, index));
}

function profileColumn(table: Table, name: string, index: number): ColumnFacts {
  const values = table.rows.map((row) => row[index] ?? '');
  const counts = new Map<string, number>();
  for (const v of values) if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  const present = values.filter((v) => v !== '').length;
  const numbers = Float64Array.from(values, parseNumber);
  const numeric = numbers.filter((x) => !Number.isNaN(x));
  const facts: ColumnFacts = { index, name, kind: 'text', integer: false, present, counts, unique: false, idLike: false, numbers, min: NaN, max: NaN, ordered: false };
  if (present === 0) return { ...facts, kind: 'empty' };
  const dateFormat = columnDateFormat(values);
  if (numeric.length >= 0.98 * present && dateFormat === undefined) {
    facts.kind = 'number';
    facts.integer = values.every((v) => v === '' || /^-?\d+$/.test(v));
    facts.min = numeric.reduce((a, b) => Math.min(a, b), Infinity);
    facts.max = numeric.reduce((a, b) => Math.max(a, b), -Infinity);
  } else if (dateFormat !== undefined) {
    facts.kind = 'date';
    facts.dateFormat = dateFormat;
    const times = values.map((v) => parseDate(v, dateFormat)).filter((p) => p !== undefined).map(dateValue);
    let steps = 0;
    for (let i = 1; i < times.length; i++) if (times[i] >= times[i - 1]) steps++;
    facts.ordered = times.length > 20 && steps >= 0.99 * (times.length - 1);
  }
  facts.unique = counts.size === present && present === table.rows.length;
  let running = facts.kind === 'number' && facts.integer;
  for (let i = 1; running && i < numbers.length; i++) running = numbers[i] > numbers[i - 1];
  const codes = facts.kind === 'text' && values.every((v) => v.length <= 16 && !/\s/.test(v));
  facts.idLike = facts.unique && (namedLikeId(name) || running || codes);
  return facts;
}

/** Values of a column holding at least `minCount` rows and at least `minLength` characters, most frequent first. */
export function frequentValues(facts: ColumnFacts, minCount: number, minLength = 1): string[] {
  return [...facts.counts].filter(([v, n]) => n >= minCount && v.length >= minLength).sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

/**
 * Categorical columns with their frequent values: those filling at least 5 rows and 0.2% of the rows, at
 * least `minLength` characters long, with a letter (what typos and case variants are made of).
 */
export function frequentCategories(facts: ColumnFacts[], rows: number, minLength: number): { facts: ColumnFacts; frequent: Set<string> }[] {
  const minCount = Math.max(5, Math.ceil(0.002 * rows));
  return facts
    .filter((f) => isCategorical(f, rows))
    .map((f) => ({ facts: f, frequent: new Set(frequentValues(f, minCount, minLength).filter((v) => /\p{L}/u.test(v))) }))
    .filter((t) => t.frequent.size > 0);
}

/** Text columns whose values repeat (categories, names), as opposed to identifiers and free text. */
export function isCategorical(facts: ColumnFacts, rows: number): boolean {
  return facts.kind === 'text' && !facts.unique && facts.counts.size <= Math.max(20, 0.5 * rows);
}

/** Number columns that measure something (not identifiers, not single-valued). */
export function isMeasure(facts: ColumnFacts): boolean {
  return facts.kind === 'number' && !facts.idLike && facts.counts.size >= 5;
}

/** Decimals written after the point in a number's text. */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 || /e/i.test(text) ? 0 : text.length - dot - 1;
}
