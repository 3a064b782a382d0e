/**
 * The decimals a column of plain numbers writes, read from the cells as written in the file: a catalogue's heights to the
 * tenth of a centimetre ("210.0", "32.7"), amounts to the cent. A system that writes a measure writes every value with
 * the same decimals, trailing zeros included; a value written with others came another way — a height in millimetres
 * ("2100"), in inches ("12.87"), a total keyed by hand. Learned from a sample of the column's cells; only the cells whose
 * number cannot tell are read back from the file: whole numbers ("2100" and "210.0" are both whole as numbers).
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, cellSourceText, distinctValues, memo, nullMask, numericColumn } from './column-values';
import { decimalsNeeded, fitsDecimals } from './numeric-relations';

/** Cells of a column sampled (evenly spread) to learn its decimals, and how many of them must hold a number. */
const SAMPLE_CELLS = 500;
const MIN_SAMPLED = 50;
/** Share of the sampled numbers, at least, written with the column's decimals. */
const MIN_SHARE = 0.99;
/** Share of the column's numbers, at most, written otherwise (kinds written so aside): more is a column written with several precisions. */
const MAX_OTHERS = 0.01;
/** Share of the rows written otherwise, kinds included, past which the pass stops: the column writes several precisions. */
const MAX_SCANNED_OTHERS = 0.1;
/** Values of a text column whose rows may write the column otherwise as a kind (amounts in yen among euros), at most. */
const MAX_KIND_VALUES = 100;
/** Rows of a value, at least, and the share of them written otherwise, for the value to be a kind written so. */
const MIN_KIND_ROWS = 3;
const MIN_KIND_SHARE = 0.5;

/** A plain number as written: digits, one point and digits, a sign; quotes and white space around it aside. */
const PLAIN_NUMBER = /^\s*"?\s*[-+]?\d+(?:\.(\d+))?\s*"?\s*$/;

/** The decimals a cell's text writes (undefined where it is no plain number). */
function writtenDecimals(text: string | undefined): number | undefined {
  const match = text === undefined ? null : PLAIN_NUMBER.exec(text);
  return match ? (match[1]?.length ?? 0) : undefined;
}

/** A column's decimals, and its cells written with others. */
export interface WrittenDecimals {
  /** The decimals the column writes (one or more). */
  decimals: number;
  /** Numbers of the column, and of them those written with its decimals. */
  numbers: number;
  /** Rows written with other decimals, with the decimals each writes. */
  others: Map<number, number>;
  /** A row written with the column's decimals (its number needs them all). */
  example: number;
}

/**
 * Column `c`'s decimals and its cells written with others, where it is a column of plain decimal numbers read from a
 * text file that writes one count of decimals (MIN_SHARE of a sample) and at most MAX_OTHERS of its numbers otherwise;
 * the rows of a value of a text column written otherwise in MIN_KIND_SHARE of its rows (amounts in yen, without
 * cents) left out. Computed once per column.
 */
export function writtenDecimalsOf(data: IngestResult, c: number): WrittenDecimals | undefined {
  return memo(data, `written-decimals:${c}`, () => measure(data, c));
}

function measure(data: IngestResult, c: number): WrittenDecimals | undefined {
  const column = data.columns[c];
  if (column.kind !== 'float' || column.numberFormat || data.rangesIn !== 'file') return undefined;
  const n = data.table.numRows;
  const mask = nullMask(data, c);
  // The sample: its plain numbers' written decimals.
  const counts = new Map<number, number>();
  let sampled = 0;
  const step = Math.max(1, Math.floor(n / SAMPLE_CELLS));
  for (let r = 0; r < n; r += step) {
    if (mask[r]) continue;
    // (Text in the column, "16,3" or a neighbour's value, is other rules' to read.)
    const decimals = writtenDecimals(cellSourceText(data, r, c));
    if (decimals === undefined) continue;
    counts.set(decimals, (counts.get(decimals) ?? 0) + 1);
    sampled++;
  }
  if (sampled < MIN_SAMPLED) return undefined;
  const [decimals, held] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0]);
  if (decimals < 1 || held < MIN_SHARE * sampled) return undefined;
  // Every number: one needing as many decimals is written with them; one needing more is written otherwise; a whole
  // number is read back ("210.0" or "2100"). One needing some decimals but fewer is taken as written with the column's
  // trailing zeros ("12.50"): were it not ("12.5"), only a zero would differ.
  const values = numericColumn(data, c);
  const others = new Map<number, number>();
  let numbers = 0;
  let example = -1;
  for (let r = 0; r < n; r++) {
    const v = values[r];
    if (mask[r] || !Number.isFinite(v)) continue;
    numbers++;
    let written = decimals;
    if (Number.isInteger(v)) written = writtenDecimals(cellSourceText(data, r, c)) ?? decimals;
    // Within the column's decimals (trailing zeros or not), else needing more.
    else if (!fitsDecimals(v, decimals)) written = decimalsNeeded(v);
    else if (example < 0 && decimalsNeeded(v) === decimals) example = r;
    if (written === decimals) continue;
    others.set(r, written);
    if (others.size > MAX_SCANNED_OTHERS * n) return undefined;
  }
  // A kind of record written otherwise (amounts in yen) is its way; the rest must be few.
  for (const r of kindsWrittenOtherwise(data, c, others)) others.delete(r);
  if (others.size > MAX_OTHERS * numbers || example < 0) return undefined;
  return { decimals, numbers, others, example };
}

/** The rows of `others` whose value of a text column of few values is written otherwise in most of its rows (a currency without cents). */
function kindsWrittenOtherwise(data: IngestResult, c: number, others: ReadonlyMap<number, number>): Set<number> {
  const kinds = new Set<number>();
  if (others.size === 0) return kinds;
  data.columns.forEach((column, k) => {
    if (k === c || !TEXT_KINDS.includes(column.kind)) return;
    const distinct = distinctValues(data, k);
    if (distinct.size > MAX_KIND_VALUES) return;
    const otherwise = new Map<number, number>();
    for (const r of others.keys()) if (distinct.ids[r] >= 0) otherwise.set(distinct.ids[r], (otherwise.get(distinct.ids[r]) ?? 0) + 1);
    for (const r of others.keys()) {
      const id = distinct.ids[r];
      const count = id < 0 ? 0 : (otherwise.get(id) ?? 0);
      if (count >= MIN_KIND_ROWS && count >= MIN_KIND_SHARE * distinct.counts[id]) kinds.add(r);
    }
  });
  return kinds;
}
