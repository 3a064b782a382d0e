/**
 * Rows that stand apart from others by what another column holds, beyond chance: "Martín" in 7 rows, 6 of them in
 * Spain, beside "Martin" in 90 rows, 1 of them in Spain, are two populations — a name of two languages — not one name
 * spelt two ways (read by category-variant); a dependency's minority whose rows another column sets apart, or whose
 * value another of its row's values holds in all its rows, is another kind of record (read by dependency-violation
 * and conflicting-records).
 */
import type { IngestResult } from '../table/model';
import { TEMPORAL_KINDS, TEXT_KINDS, distinctValues, finiteStats, isNumeric, memo, nullCount, nullMask, numericColumn, sortedRuns, valueCodes } from './column-values';
import { countSorted } from '../shared/count-sorted';
import { dependenciesOf } from './dependencies';
import { binomialTail } from '../shared/binomial-tail';
import { idTally, rowsPerValue } from './value-owners';
import { filledShare, isRemarkColumn } from './remarks';

/** Rows a value needs for its rows' other values to say anything. */
const MIN_ROWS = 3;
/** Columns read as context: text columns of 2 to this many values (a country, a segment; not names or free text). */
const MAX_CONTEXT_VALUES = 50;
/** Chance, over every context column tried, of calling two values' rows apart when they are one population. */
const ALPHA = 0.001;

/**
 * Whether the rows holding value `a` of `column` (ids from its distinct values) share a value of another text
 * column far more often than the rows holding `b` do: of the `a` rows with that column filled, those holding its
 * most common value there against `b` rows' share of it (plus one, of two more rows: a value `b` never holds is not
 * impossible for it), a binomial tail below ALPHA over the columns tried.
 */
export function rowsApart(data: IngestResult, column: number, a: number, b: number): boolean {
  const ids = distinctValues(data, column).ids;
  const rowsOf = (id: number) => {
    const rows: number[] = [];
    for (let r = 0; r < ids.length; r++) if (ids[r] === id) rows.push(r);
    return rows;
  };
  const [rowsA, rowsB] = [rowsOf(a), rowsOf(b)];
  if (rowsA.length < MIN_ROWS || rowsB.length < MIN_ROWS) return false;
  const contexts: Int32Array[] = [];
  data.columns.forEach((info, g) => {
    if (g === column || !TEXT_KINDS.includes(info.kind)) return;
    const distinct = distinctValues(data, g);
    if (distinct.size >= 2 && distinct.size <= MAX_CONTEXT_VALUES) contexts.push(distinct.ids);
  });
  for (const context of contexts) {
    const [ofA, ofB] = [idTally(context, rowsA), idTally(context, rowsB)];
    if (ofA.present < MIN_ROWS) continue;
    const share = ((ofB.counts.get(ofA.top) ?? 0) + 1) / (ofB.present + 2);
    if (binomialTail(ofA.present, ofA.topCount, share) * contexts.length < ALPHA) return true;
  }
  return false;
}

/** Rows of a group's majority that must share a value of another column for it to set them apart. */
const MIN_MAJORITY_ROWS = 3;

/**
 * Whether the rows `minority` of a dependency's group are another kind of record than its rows `majority`: another
 * column (not `skip`) holds one value in every majority row and in no minority row, beyond chance — that value's share
 * of the column, p, leaves every minority row without it with chance (1 − p)^rows, below ALPHA over the columns tried.
 * A foreign transaction in CZK on an account kept in EUR has an exchange rate other than the 1.000000 of all the
 * account's transactions in EUR: a transaction of its own kind, not a currency written wrong.
 */
export function groupRowsApart(data: IngestResult, majority: readonly number[], minority: readonly number[], skip: readonly number[]): boolean {
  if (majority.length < MIN_MAJORITY_ROWS || minority.length === 0) return false;
  const tried = data.columns.length - skip.length;
  const rows = data.table.numRows;
  for (let k = 0; k < data.columns.length; k++) {
    if (skip.includes(k)) continue;
    // The share of the column's present rows holding the majority's value, where the majority holds one and no minority row does.
    let share: number | undefined;
    if (TEXT_KINDS.includes(data.columns[k].kind)) {
      const distinct = distinctValues(data, k);
      const value = distinct.ids[majority[0]];
      if (value < 0 || !majority.every((r) => distinct.ids[r] === value) || !minority.every((r) => distinct.ids[r] >= 0 && distinct.ids[r] !== value)) continue;
      share = distinct.counts[value] / Math.max(1, rows - nullCount(data, k));
    } else if (isNumeric(data.columns[k]) || TEMPORAL_KINDS.includes(data.columns[k].kind)) {
      const values = numericColumn(data, k);
      const value = values[majority[0]];
      if (!Number.isFinite(value) || !majority.every((r) => values[r] === value) || !minority.every((r) => Number.isFinite(values[r]) && values[r] !== value)) continue;
      const runs = sortedRuns(data, k);
      const at = countSorted(runs.values, value, true);
      share = at < runs.values.length && runs.values[at] === value ? runs.counts[at] / Math.max(1, finiteStats(data, k).n) : 0;
    }
    if (share !== undefined && (1 - share) ** minority.length * tried < ALPHA) return true;
  }
  return false;
}

/** Rows another column's value needs for what they hold to be that value's own (a value of a few rows may be the error itself: a country swapped into four rows). */
const MIN_OWNER_ROWS = 10;
/**
 * Rows of those, at most, that may hold another value (errors of their own, in a dirty table), and the share that must
 * hold it: a value is a value's own when nearly every row has it, not when most rows do (most restaurants pass).
 */
const MAX_OWNER_EXCEPTIONS = 2;
const MIN_OWNED_SHARE = 0.85;

/**
 * Per value of column `k`: its rows, the value of `b` MIN_OWNED_SHARE of them hold (−1: none), and whether they span
 * several values of `across`. (A majority vote per value, then a count of its rows holding the winner.)
 */
function ownersOf(data: IngestResult, k: number, b: number, across: number): { rows: Int32Array; held: Int32Array; holding: Int32Array; spread: Uint8Array } {
  return memo(data, `owners:${k}>${b}/${across}`, () => {
    const [ids, bIds, acrossIds] = [valueCodes(data, k).ids, valueCodes(data, b).ids, valueCodes(data, across).ids];
    const size = valueCodes(data, k).size;
    const rows = new Int32Array(size);
    const held = new Int32Array(size).fill(-1);
    const votes = new Int32Array(size);
    const first = new Int32Array(size).fill(-2);
    const spread = new Uint8Array(size);
    for (let r = 0; r < ids.length; r++) {
      const v = ids[r];
      if (v < 0) continue;
      rows[v]++;
      if (votes[v] === 0) [held[v], votes[v]] = [bIds[r], 1];
      else votes[v] += held[v] === bIds[r] ? 1 : -1;
      if (first[v] === -2) first[v] = acrossIds[r];
      else if (first[v] !== acrossIds[r]) spread[v] = 1;
    }
    const holding = new Int32Array(size);
    for (let r = 0; r < ids.length; r++) if (ids[r] >= 0 && bIds[r] === held[ids[r]]) holding[ids[r]]++;
    for (let v = 0; v < size; v++) if (held[v] < 0 || holding[v] < MIN_OWNED_SHARE * rows[v] || rows[v] - holding[v] > MAX_OWNER_EXCEPTIONS) held[v] = -1;
    return { rows, held, holding, spread };
  });
}

/**
 * How many times as often a value's owner's rows hold it as the column's rows do, at least, where some of them do not
 * (errors of their own): a "FATAL" that 13 of the 15 collisions with a person killed hold, against 0.5% of all; not a
 * "Delivered" that all but two of a carrier's rows hold, as most rows of the table do.
 */
const MIN_OWNED_LIFT = 2;

/** Distinct values, at most, of an integer column whose values own another's (a count of persons killed: 0, 1, 2). */
const MAX_OWNER_COUNTS = 20;

/** Whether column k's values may own another column's: text, a flag, or an integer of few values (a count). */
function ownerColumn(data: IngestResult, k: number): boolean {
  const kind = data.columns[k].kind;
  return TEXT_KINDS.includes(kind) || kind === 'boolean' || (kind === 'integer' && sortedRuns(data, k).values.length <= MAX_OWNER_COUNTS);
}

/**
 * Whether row `r`'s value of column `b` is what the rows of its value of another text column, flag or integer of few
 * values (a count: every collision with a person killed is "FATAL", whatever its injured), hold (all of them, or all but
 * MAX_OWNER_EXCEPTIONS and MIN_OWNED_SHARE of them where the value is MIN_OWNED_LIFT times rarer elsewhere; MIN_OWNER_ROWS
 * or more, rows of several values of `across`, the dependency's left side: not copies of one record), a column
 * `across` does not determine and that does not determine `b` everywhere (a product's markdown holds for some
 * products) — a clearance product's fixed markdown of 50% on an order whose other lines carry its coupon of 0: the
 * product's own value.
 */
export function ownedByRowValue(data: IngestResult, r: number, b: number, across: number, skip: readonly number[]): boolean {
  const bId = valueCodes(data, b).ids[r];
  if (bId < 0) return false;
  // Not the columns the left side determines (a row filed under another zip holds that zip's state too), nor those that
  // determine b everywhere (a zip → its state): dependency-violation weighs what those say.
  const deps = dependenciesOf(data);
  const tied = new Set([...deps.filter((d) => d.lhs.length === 1 && d.lhs[0] === across).map((d) => d.rhs), ...deps.filter((d) => d.lhs.length === 1 && d.rhs === b).map((d) => d.lhs[0])]);
  for (let k = 0; k < data.columns.length; k++) {
    if (k === b || skip.includes(k) || tied.has(k) || !ownerColumn(data, k)) continue;
    const v = valueCodes(data, k).ids[r];
    if (v < 0) continue;
    const { rows, held, holding, spread } = ownersOf(data, k, b, across);
    if (rows[v] < MIN_OWNER_ROWS || held[v] !== bId || spread[v] !== 1) continue;
    if (holding[v] === rows[v]) return true;
    const counts = rowsPerValue(data, b);
    if (holding[v] / rows[v] >= (MIN_OWNED_LIFT * counts[bId]) / counts.reduce((sum, count) => sum + count, 0)) return true;
  }
  return false;
}

/**
 * Rows the more common of two spellings needs for a value of its own in another column to make them two entities, and
 * the rarer (two rows agreeing on a value no other row holds: one row's may be a slip of its own, made in the same row).
 */
const MIN_OWN_ROWS = 3;
const MIN_RARER_OWN_ROWS = 2;

/**
 * Whether the rows `rowsA` and `rowsB` of two spellings of a column each hold one value of another column that no
 * other row holds, a different one (MIN_OWN_ROWS rows at least for the more common spelling, MIN_RARER_OWN_ROWS for the other): a licence in all 13 rows
 * of "Pascack Construction" and no others, another in all 15 of "Pascack Construction LLC"; a customer number in all 5
 * rows of "Oakfield Pharmacy Ltd", another in the two of "Oakfield Pharmacy" — two companies, each with its own
 * identifier, not one company spelt two ways (a slip in a few rows holds its company's licence, as the others do).
 */
export function ownIdentifiers(data: IngestResult, column: number, rowsA: readonly number[], rowsB: readonly number[]): boolean {
  if (Math.min(rowsA.length, rowsB.length) < MIN_RARER_OWN_ROWS || Math.max(rowsA.length, rowsB.length) < MIN_OWN_ROWS) return false;
  return data.columns.some((info, k) => {
    // Identifiers are text or whole numbers (a licence, an account number), never measurements.
    if (k === column || !(TEXT_KINDS.includes(info.kind) || info.kind === 'integer')) return false;
    const { ids } = valueCodes(data, k);
    const [x, y] = [ids[rowsA[0]], ids[rowsB[0]]];
    if (x < 0 || y < 0 || x === y || !rowsA.every((r) => ids[r] === x) || !rowsB.every((r) => ids[r] === y)) return false;
    let [countX, countY] = [0, 0];
    for (const id of ids) {
      if (id === x) countX++;
      else if (id === y) countY++;
    }
    return countX === rowsA.length && countY === rowsB.length;
  });
}

/** Remarks, at least, among a dependency's exceptions for a column of remarks to explain them. */
const MIN_REMARKED = 3;

/**
 * The rows of `exceptions` (a dependency's rows that break it) that a column of remarks (remarks.ts) explains: filled in
 * far more of the exceptions than of the table's rows (MIN_REMARKED of them at least; a
 * binomial tail below ALPHA over the columns tried) — a plot whose area differs from its trial's, with a note "Plot
 * shortened by 1 m – area adjusted", as every such plot has one. Those that hold a remark are explained; the others
 * (an area keyed wrong, without a note) are not.
 */
export function remarkedRows(data: IngestResult, exceptions: readonly number[], skip: readonly number[]): Set<number> {
  const explained = new Set<number>();
  if (exceptions.length < MIN_REMARKED) return explained;
  const columns = data.columns.flatMap((_, k) => (!skip.includes(k) && isRemarkColumn(data, k) ? [k] : []));
  for (const k of columns) {
    const empty = nullMask(data, k);
    const remarked = exceptions.filter((r) => !empty[r]);
    if (remarked.length >= MIN_REMARKED && binomialTail(exceptions.length, remarked.length, filledShare(data, k)) * columns.length < ALPHA) for (const r of remarked) explained.add(r);
  }
  return explained;
}
