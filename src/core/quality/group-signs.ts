/**
 * Signs a category sets: in a signed column (each sign in SIGNED_SHARE of its non-zero numbers or more), the numbers
 * of the rows holding one value of a text column of few values all have one sign — a pick's quantity leaves stock
 * (negative), a receipt's enters it (positive), while adjustments go either way. A number of the other sign there is
 * a sign slip: a lost or added minus sign, not a measurement.
 *
 * Learned per signed numeric column and text column of 2 to MAX_VALUES values: the values in whose rows (MIN_ROWS
 * non-zero numbers or more) MIN_SIGN_SHARE of the numbers have one sign, far beyond chance (a binomial tail below ALPHA
 * against the column's share of that sign). A number of the other sign is a slip where it mirrors the group's numbers
 * — its size at least what MIRROR_QUANTILE of them exceed — not where it continues them across zero: January's
 * temperatures, mostly below zero, are a few degrees above it on some days, and a lost minus sign makes a pick of 7
 * units a receipt of 7. A column gives a direction only with values of both signs (a country's rows are mostly
 * purchases, as every country's are: no direction); and a number of the other sign is its kind's where other rows of
 * the group sharing its value of another text column hold that sign too (a department store's refunds among card
 * purchases).
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, distinctValues, finiteStats, isNumeric, memo, numericColumn } from './column-values';
import { looksLikeIdentifier } from '../shared/identifier';
import { binomialTail } from '../shared/binomial-tail';
import { quantile } from '../shared/quantile';
import { contradictedCell } from './dependencies';

/** Share of a column's non-zero numbers each sign needs for the column to be signed. */
const SIGNED_SHARE = 0.05;
/** Most values a column that sets the sign may have (a movement's type, a transaction's direction). */
const MAX_VALUES = 20;
/** Non-zero numbers a value's rows need for their sign to be the value's. */
const MIN_ROWS = 30;
/** Share of them that must have one sign. */
const MIN_SIGN_SHARE = 0.98;
/** Chance of a value's rows holding that many of one sign were the sign the column's, not the value's. */
const ALPHA = 1e-6;
/** Share of a group's numbers, counted from the smallest size, that a number of the other sign must be larger than to mirror them. */
const MIRROR_QUANTILE = 0.1;

/** Text columns of at most this many values are read for a kind of record that holds both signs (a merchant's category: refunds). */
const MAX_CONTEXT_VALUES = 50;
/** Other rows of a kind that must hold a sign, at least, for it to be the kind's: as many, and this share of them. */
const MIN_KIND_ROWS = 2;
const MIN_KIND_SHARE = 1 - MIN_SIGN_SHARE;

/** Whether the rows of a kind (`counts`: positive and negative numbers, the row asked about among them) other than the row hold `sign` as theirs. */
function holdsSign(counts: readonly [number, number] | undefined, sign: number): boolean {
  if (!counts) return false;
  const same = (sign > 0 ? counts[0] : counts[1]) - 1;
  return same >= MIN_KIND_ROWS && same >= MIN_KIND_SHARE * (counts[0] + counts[1] - 1);
}

/** A number whose sign its row's value of another column says is wrong. */
export interface SignSlip {
  /** The column whose value sets the sign, the value, and how many of its rows' numbers have the value's sign. */
  column: number;
  value: string;
  rows: number;
  agree: number;
  /** The sign of the value's numbers. */
  sign: 'negative' | 'positive';
}

/**
 * Numeric column `c`'s positive and negative numbers, where it is signed: each sign in SIGNED_SHARE of its non-zero
 * numbers or more (not an identifier); undefined otherwise. Counted once per column.
 */
function signCounts(data: IngestResult, c: number): { positive: number; negative: number } | undefined {
  const column = data.columns[c];
  if (!isNumeric(column) || looksLikeIdentifier(column.name)) return undefined;
  // (One sign only, as the column's facts say: no count needed.)
  const { min, max } = finiteStats(data, c);
  if (!(min < 0 && max > 0)) return undefined;
  return memo(data, `sign-counts:${c}`, () => {
    let [positive, negative] = [0, 0];
    for (const v of numericColumn(data, c)) {
      if (v > 0) positive++;
      else if (v < 0) negative++;
    }
    return Math.min(positive, negative) >= SIGNED_SHARE * (positive + negative) ? { positive, negative } : undefined;
  });
}

/** The signs a text column's values set on a signed numeric column, and the counts behind them. */
interface ValueSigns {
  /** Per value id of the text column: 1 or −1 where its rows' numbers hold that sign (see signSlips), else 0. */
  signOf: Int8Array;
  plus: Int32Array;
  minus: Int32Array;
}

/**
 * The signs text column `k`'s values set on numeric column `c`'s numbers, where `c` is signed, `k` has 2 to MAX_VALUES
 * values and gives a direction (values of both signs); undefined otherwise. Computed once per pair.
 */
export function valueSigns(data: IngestResult, k: number, c: number): ValueSigns | undefined {
  const signed = k === c || !TEXT_KINDS.includes(data.columns[k].kind) ? undefined : signCounts(data, c);
  if (!signed) return undefined;
  const { positive, negative } = signed;
  return memo(data, `value-signs:${k}:${c}`, () => {
    const distinct = distinctValues(data, k);
    if (distinct.size < 2 || distinct.size > MAX_VALUES) return undefined;
    const values = numericColumn(data, c);
    const [plus, minus] = [new Int32Array(distinct.size), new Int32Array(distinct.size)];
    for (let r = 0; r < values.length; r++) {
      const [id, v] = [distinct.ids[r], values[r]];
      if (id < 0 || Number.isNaN(v)) continue;
      if (v > 0) plus[id]++;
      else if (v < 0) minus[id]++;
    }
    // The sign of each value's numbers (0: none), where its rows hold one far beyond chance.
    const signOf = new Int8Array(distinct.size);
    for (let id = 0; id < distinct.size; id++) {
      const n = plus[id] + minus[id];
      const sign = plus[id] >= minus[id] ? 1 : -1;
      const agree = Math.max(plus[id], minus[id]);
      if (n >= MIN_ROWS && agree >= MIN_SIGN_SHARE * n && binomialTail(n, agree, (sign > 0 ? positive : negative) / (positive + negative)) < ALPHA) signOf[id] = sign;
    }
    // A column that gives a direction has values of both: picks out of stock, receipts into it (a country whose
    // rows are mostly purchases, as every country's are, gives none).
    return signOf.includes(1) && signOf.includes(-1) ? { signOf, plus, minus } : undefined;
  });
}

/** The numeric columns whose signs text column `k`'s values set (see valueSigns), with the sign per value id. Computed once per column. */
export function signsSetBy(data: IngestResult, k: number): readonly { column: number; signOf: Int8Array }[] {
  return memo(data, `signs-set-by:${k}`, () => data.columns.flatMap((_, c) => {
    const signs = valueSigns(data, k, c);
    return signs ? [{ column: c, signOf: signs.signOf }] : [];
  }));
}

/** Of column `c`'s numbers, the sign slips by row, the first column setting a sign (in column order) giving its reason. Computed once per column. */
export function signSlips(data: IngestResult, c: number): ReadonlyMap<number, SignSlip> {
  return memo(data, `sign-slips:${c}`, () => {
    const found = new Map<number, SignSlip>();
    if (!signCounts(data, c)) return found;
    const values = numericColumn(data, c);
    const contexts = data.columns.flatMap((info, j) => (j !== c && TEXT_KINDS.includes(info.kind) && distinctValues(data, j).size <= MAX_CONTEXT_VALUES ? [distinctValues(data, j)] : []));
    data.columns.forEach((_, k) => {
      const signs = valueSigns(data, k, c);
      if (!signs) return;
      const { signOf, plus, minus } = signs;
      const distinct = distinctValues(data, k);
      for (let id = 0; id < distinct.size; id++) {
        const sign = signOf[id];
        if (sign === 0 || Math.max(plus[id], minus[id]) === plus[id] + minus[id]) continue;
        const rows: number[] = [];
        for (let r = 0; r < values.length; r++) if (distinct.ids[r] === id && !Number.isNaN(values[r])) rows.push(r);
        const sizes = Float64Array.from(rows.filter((r) => Math.sign(values[r]) === sign), (r) => Math.abs(values[r])).sort();
        const least = quantile(sizes, MIRROR_QUANTILE);
        const slips = rows.filter((r) => Math.sign(values[r]) === -sign && Math.abs(values[r]) >= least && !found.has(r));
        if (slips.length === 0) continue;
        // Per context column, the value's rows by their context value: how many of each sign.
        const bySign = contexts.filter((context) => context !== distinct).map((context) => {
          const counts = new Map<number, [number, number]>();
          for (const r of rows) {
            if (values[r] === 0) continue;
            const at = counts.get(context.ids[r]) ?? [0, 0];
            at[values[r] > 0 ? 0 : 1]++;
            counts.set(context.ids[r], at);
          }
          return { ids: context.ids, counts };
        });
        const why: SignSlip = { column: k, value: distinct.text(id), rows: plus[id] + minus[id], agree: Math.max(plus[id], minus[id]), sign: sign > 0 ? 'positive' : 'negative' };
        // A value a dependency of the table contradicts (a status text another than its code's) puts the row in the wrong
        // group: its number is no evidence against itself (see contradictedCell).
        for (const r of slips) if (!bySign.some(({ ids, counts }) => ids[r] >= 0 && holdsSign(counts.get(ids[r]), -sign)) && !contradictedCell(data, r, k)) found.set(r, why);
      }
    });
    return found;
  });
}
