/**
 * The leading characters of a code as a column of their own: a zip code's first three digits say its state, a
 * county's FIPS code its state's, a NUTS code its region. Codes held once each group no rows, but their
 * prefixes do; dependencies.ts tries them as left-hand sides (docs/rules/dependency-violation.md).
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, distinctValues, memo, numericColumn } from './column-values';
import { codeWidths } from './code-widths';
import { namesRowIdentity } from '../shared/identifier';
import type { ValueCodes } from '../profile/column-facts';

/** Shortest code whose prefixes are tried, and shortest prefix. */
const MIN_CODE_WIDTH = 3;
export const MIN_PREFIX_LENGTH = 2;
/** Share of a code column's values of its most common width (as for integer codes: code-widths.ts). */
const WIDTH_SHARE = 0.8;
/** Distinct values a text column's first look at its codes reads. */
const FIRST_VALUES = 200;
/** Letters and digits only: a code, not a name or a sentence. */
const CODE_TEXT = /^[A-Za-z0-9]+$/;

/** The ids of a prefix per row (−1 where the cell is null or not of the code's width), and each id's prefix. */
export interface PrefixCodes extends ValueCodes {
  /** The prefix of each id: a number for integer codes (the leading digits), else the leading characters. */
  readonly keys: readonly (number | string)[];
  /** The ids in the prefixes' order (numbers ascending, texts in code-unit order). */
  readonly order: Int32Array;
  /** Each id's position in {@link order}. */
  readonly rank: Int32Array;
}

/**
 * The width of column `c`'s codes when their prefixes may be a left-hand side: integers of one width (80% of
 * them, three digits or more) or texts of letters and digits of one length; not a column naming its rows (an
 * id numbered in row order has prefixes that cut the table into blocks, not into kinds).
 */
export function codeWidthOf(data: IngestResult, c: number): number | undefined {
  const column = data.columns[c];
  if (namesRowIdentity(column.name)) return undefined;
  if (column.kind === 'integer') {
    const widths = codeWidths(data, c);
    return widths.present > 0 && widths.dominant >= MIN_CODE_WIDTH && widths.dominantRows >= WIDTH_SHARE * widths.present ? widths.dominant : undefined;
  }
  return TEXT_KINDS.includes(column.kind) ? textCodeWidth(data, c) : undefined;
}

/** The width of a text column's codes of letters and digits (80% of its values of one length), if it holds such codes. */
function textCodeWidth(data: IngestResult, c: number): number | undefined {
  const distinct = distinctValues(data, c);
  // Judged first on the first values (a column of words or sentences is no code: one pass over its values is spared).
  let codes = 0;
  const first = Math.min(distinct.size, FIRST_VALUES);
  for (let id = 0; id < first; id++) if (CODE_TEXT.test(distinct.text(id))) codes++;
  if (codes < WIDTH_SHARE * first) return undefined;
  const rowsByLength = new Map<number, number>();
  let present = 0;
  for (let id = 0; id < distinct.size; id++) {
    const text = distinct.text(id);
    present += distinct.counts[id];
    if (!CODE_TEXT.test(text)) continue;
    rowsByLength.set(text.length, (rowsByLength.get(text.length) ?? 0) + distinct.counts[id]);
  }
  const [width, rows] = [...rowsByLength].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return width >= MIN_CODE_WIDTH && rows >= WIDTH_SHARE * present ? width : undefined;
}

/** The prefix lengths tried for codes of `width` characters: from two to one less than the code. */
export function prefixLengths(width: number): number[] {
  return Array.from({ length: Math.max(0, width - MIN_PREFIX_LENGTH) }, (_, i) => MIN_PREFIX_LENGTH + i);
}

/**
 * For a column naming its rows by codes of one width that begin with letters ("nn00712026", "us7000a04k"), those
 * letters' count, when 80% of the codes begin with that many letters and then a digit: a source's or a kind's
 * letters, which an id numbered in row order still carries (its digits are the row's number, never tried).
 */
export function identityLetters(data: IngestResult, c: number): { width: number; length: number } | undefined {
  if (!namesRowIdentity(data.columns[c].name) || !TEXT_KINDS.includes(data.columns[c].kind)) return undefined;
  const width = textCodeWidth(data, c);
  if (width === undefined) return undefined;
  const distinct = distinctValues(data, c);
  const rowsByRun = new Map<number, number>();
  let present = 0;
  for (let id = 0; id < distinct.size; id++) {
    const text = distinct.text(id);
    present += distinct.counts[id];
    const run = LEADING_LETTERS.exec(text)?.[1].length;
    if (run !== undefined && text.length === width) rowsByRun.set(run, (rowsByRun.get(run) ?? 0) + distinct.counts[id]);
  }
  const [length, rows] = [...rowsByRun].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return length >= MIN_PREFIX_LENGTH && length < width && rows >= WIDTH_SHARE * present ? { width, length } : undefined;
}

/** Letters at the start of a code, then a digit. */
const LEADING_LETTERS = /^([A-Za-z]+)[0-9]/;

/**
 * The first `length` characters of column `c`'s codes (of `width` characters), as ids per row: over all rows
 * (computed once per table), or over the sampled `rows` a large table's discovery reads (not kept: a prefix
 * that is no dependency never costs a pass over all rows).
 */
export function prefixCodes(data: IngestResult, c: number, width: number, length: number, rows?: Int32Array): PrefixCodes {
  const compute = () => (data.columns[c].kind === 'integer' ? integerPrefixes(data, c, width, length, rows) : textPrefixes(data, c, width, length, rows));
  return rows ? compute() : memo(data, `prefix:${c}:${width}:${length}`, compute);
}

function integerPrefixes(data: IngestResult, c: number, width: number, length: number, rows: Int32Array | undefined): PrefixCodes {
  const numbers = numericColumn(data, c);
  const scale = 10 ** (width - length);
  const limit = 10 ** width;
  const idOf = new Map<number, number>();
  const ids = new Int32Array(rows ? rows.length : numbers.length);
  for (let i = 0; i < ids.length; i++) {
    const v = numbers[rows ? rows[i] : i];
    // A code written without its leading zeros ("1001" for 01001) keeps its place: its prefix is "01".
    if (!(v >= 0 && v < limit && Number.isInteger(v))) {
      ids[i] = -1;
      continue;
    }
    const key = Math.floor(v / scale);
    let id = idOf.get(key);
    if (id === undefined) idOf.set(key, (id = idOf.size));
    ids[i] = id;
  }
  return withOrder(ids, [...idOf.keys()], (a, b) => (a as number) - (b as number));
}

function textPrefixes(data: IngestResult, c: number, width: number, length: number, rows: Int32Array | undefined): PrefixCodes {
  const distinct = distinctValues(data, c);
  const idOf = new Map<string, number>();
  const prefixOf = new Int32Array(distinct.size);
  for (let id = 0; id < distinct.size; id++) {
    const text = distinct.text(id);
    if (text.length !== width || !CODE_TEXT.test(text)) {
      prefixOf[id] = -1;
      continue;
    }
    const key = text.slice(0, length);
    let p = idOf.get(key);
    if (p === undefined) idOf.set(key, (p = idOf.size));
    prefixOf[id] = p;
  }
  const ids = new Int32Array(rows ? rows.length : distinct.ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = distinct.ids[rows ? rows[i] : i];
    ids[i] = id < 0 ? -1 : prefixOf[id];
  }
  return withOrder(ids, [...idOf.keys()], (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function withOrder(ids: Int32Array, keys: (number | string)[], compare: (a: number | string, b: number | string) => number): PrefixCodes {
  const order = Int32Array.from(keys.keys()).sort((a, b) => compare(keys[a], keys[b]));
  const rank = new Int32Array(keys.length);
  order.forEach((id, i) => (rank[id] = i));
  return { ids, size: keys.length, keys, order, rank };
}

/** The prefix groups next to group `g` in the codes' order (the one before it and the one after it). */
export function neighbouringPrefixes(codes: PrefixCodes, g: number): number[] {
  const at = codes.rank[g];
  return [codes.order[at - 1], codes.order[at + 1]].filter((id) => id !== undefined);
}

/** The prefix of a group as the message shows it: "480" (an integer code's leading digits, zeros kept). */
export function prefixText(codes: PrefixCodes, g: number, length: number): string {
  const key = codes.keys[g];
  return typeof key === 'number' ? String(key).padStart(length, '0') : key;
}

/** Rows of a prefix (besides those asked about) its consensus needs, and the share of them its value must hold. */
const CONSENSUS_ROWS = 3;
const CONSENSUS_SHARE = 0.75;

/** What the codes of one prefix say of another column: the value id most of their rows hold, its rows, and the prefix. */
export interface PrefixConsensus {
  value: number;
  rows: number;
  of: number;
  prefix: string;
}

/** Per prefix id of `codes`, the rows holding each value id of a column (`values`); and each prefix's rows holding one. */
function prefixValueCounts(codes: PrefixCodes, values: Int32Array): { counts: Map<number, number>[]; totals: Int32Array } {
  const counts = Array.from({ length: codes.size }, () => new Map<number, number>());
  const totals = new Int32Array(codes.size);
  for (let r = 0; r < values.length; r++) {
    const [g, v] = [codes.ids[r], values[r]];
    if (g < 0 || v < 0) continue;
    counts[g].set(v, (counts[g].get(v) ?? 0) + 1);
    totals[g]++;
  }
  return { counts, totals };
}

/**
 * What the codes sharing row `r`'s leading characters say of column `b` (value ids `values`, `size` of them): the value a
 * clear majority (CONSENSUS_SHARE, CONSENSUS_ROWS rows or more) of the rows of the longest prefix of column `key`'s codes
 * holds, rows `besides` left out — the zips starting 837 say Boise. Undefined where `key` holds no codes of one width
 * (codeWidthOf) or no prefix's rows agree.
 */
export function prefixConsensus(data: IngestResult, key: number, b: number, values: ValueCodes, r: number, besides: readonly number[]): PrefixConsensus | undefined {
  const width = codeWidthOf(data, key);
  if (width === undefined) return undefined;
  for (const length of prefixLengths(width).reverse()) {
    const codes = prefixCodes(data, key, width, length);
    const g = codes.ids[r];
    if (g < 0) return undefined;
    const { counts, totals } = memo(data, `prefix-values:${key}:${width}:${length}:${b}`, () => prefixValueCounts(codes, values.ids));
    // The prefix's rows without those asked about.
    const left = new Map<number, number>();
    let total = totals[g];
    for (const x of besides) {
      if (codes.ids[x] !== g || values.ids[x] < 0) continue;
      left.set(values.ids[x], (left.get(values.ids[x]) ?? 0) + 1);
      total--;
    }
    if (total < CONSENSUS_ROWS) continue;
    let best = { value: -1, rows: 0 };
    for (const [v, count] of counts[g]) {
      const rows = count - (left.get(v) ?? 0);
      if (rows > best.rows) best = { value: v, rows };
    }
    return best.rows >= CONSENSUS_SHARE * total ? { ...best, of: total, prefix: prefixText(codes, g, length) } : undefined;
  }
  return undefined;
}
