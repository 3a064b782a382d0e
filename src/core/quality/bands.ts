/**
 * Labels that bands of one number decide, learned from the table: an air-quality category from the PM2.5 reading
 * ("Good" up to 9.0, "Moderate" from 9.1 to 35.4, …), a letter grade from the score, a size from the weight. A label of
 * few values and a numeric column go together when, the rows sorted by the number, each of the label's values holds one
 * run of them (a band) and nearly every row holds the label its neighbours hold — far more rows than with the labels
 * shuffled. A row whose number lies inside the band of another value holds the wrong label.
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, distinctValues, isNumeric, memo, numericColumn } from './column-values';
import { dependenciesOf } from './dependencies';
import { ordersBrokenAt } from './numeric-orders';
import { ratioGaps } from './ratio-gaps';
import { looksLikeIdentifier } from '../shared/identifier';
import { fixedPermutation } from '../shared/random';

/** Values a label may have (categories of a scale). */
const MAX_LABELS = 12;
/** Labels that must each hold a band of at least BAND_MIN_ROWS rows. */
const MIN_BANDS = 2;
/** Rows of the sample a band must hold (a run of fewer is none). */
const BAND_MIN_ROWS = 5;
/** Distinct numbers the numeric column needs (fewer: the dependency between values, dependency-violation's). */
const MIN_DISTINCT_NUMBERS = 20;
/** Rows holding both cells, at least. */
const MIN_ROWS = 100;
/** Rows on each side of a row, in the order of the number, whose labels are its neighbours'. */
const NEIGHBOURS_EACH_SIDE = 4;
/** Share of a row's neighbours that must hold one other label for the row to lie inside that label's band (two slips side by side still do). */
const NEIGHBOURS_AGREE = 0.75;
/** Share of the rows that may hold a label other than their neighbours', at most (the rest: errors). */
const MAX_OFF_SHARE = 0.02;
/** Share of the off rows with the labels shuffled over the rows that the table may have, at most. */
const BEYOND_CHANCE = 0.1;
/** Rows a pair is learned on (evenly spread), before a pass over every row. */
const SAMPLE_ROWS = 20_000;
/** Numeric and label columns tried, at most each. */
const MAX_COLUMNS = 24;

/** A label's value and the numbers its rows hold (a band). */
export interface Band {
  id: number;
  low: number;
  high: number;
  rows: number;
}

/** A label column that bands of a numeric column decide. */
export interface BandedLabel {
  number: number;
  label: number;
  /** The bands, by ascending numbers; no two overlap. */
  bands: Band[];
  /** Rows of the sample holding both cells. */
  rows: number;
}

/** A row whose number lies in the band of another label's value. */
export interface BandBreak {
  banded: BandedLabel;
  row: number;
  /** The band its number lies in. */
  band: Band;
}

/** The table's label columns that bands of a number decide (computed once per table). */
export function bandedLabels(data: IngestResult): BandedLabel[] {
  return memo(data, 'banded-labels', () => {
    const n = data.table.numRows;
    if (n < MIN_ROWS) return [];
    const numbers = data.columns.flatMap((column, c) => (isNumeric(column) && !looksLikeIdentifier(column.name) ? [c] : [])).slice(0, MAX_COLUMNS);
    const labels = data.columns
      .flatMap((column, c) => {
        if (!TEXT_KINDS.includes(column.kind)) return [];
        const size = distinctValues(data, c).size;
        return size >= MIN_BANDS && size <= MAX_LABELS ? [c] : [];
      })
      .slice(0, MAX_COLUMNS);
    if (numbers.length === 0 || labels.length === 0) return [];
    const step = Math.max(1, Math.floor(n / SAMPLE_ROWS));
    const deps = dependenciesOf(data);
    const found: BandedLabel[] = [];
    const taken = new Int32Array(Math.ceil(n / step));
    for (const number of numbers) {
      const x = numericColumn(data, number);
      let k = 0;
      for (let r = 0; r < n; r += step) if (Number.isFinite(x[r])) taken[k++] = r;
      if (k < MIN_ROWS) continue;
      const sample = taken.slice(0, k).sort((a, b) => x[a] - x[b] || a - b);
      if (distinctSorted(x, sample) < MIN_DISTINCT_NUMBERS) continue;
      for (const label of labels) {
        // Equal numbers saying the label: dependency-violation's.
        if (deps.some((d) => d.lhs.length === 1 && d.lhs[0] === number && d.rhs === label)) continue;
        const banded = bandsOf(data, number, label, sample);
        if (banded) found.push(banded);
      }
    }
    return found;
  });
}

/** Distinct numbers of x at `sorted` (rows ascending by their number). */
function distinctSorted(x: Float64Array, sorted: Int32Array): number {
  let count = sorted.length ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (x[sorted[i]] !== x[sorted[i - 1]]) count++;
  return count;
}

/** The bands of `label` along `sorted` (rows ascending by the number), if its values lie in bands. */
function bandsOf(data: IngestResult, number: number, label: number, sorted: Int32Array): BandedLabel | undefined {
  const ids = distinctValues(data, label).ids;
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (ids[sorted[i]] >= 0) m++;
  if (m < MIN_ROWS) return undefined;
  const rows = new Int32Array(m);
  const seq = new Int32Array(m);
  for (let i = 0, k = 0; i < sorted.length; i++) {
    const id = ids[sorted[i]];
    if (id < 0) continue;
    rows[k] = sorted[i];
    seq[k++] = id;
  }
  const size = distinctValues(data, label).size;
  // (Most pairs are no bands: the count stops once it passes what bands allow.)
  const off = offRows(seq, size, Math.floor(MAX_OFF_SHARE * seq.length) + 1);
  const offCount = off.reduce((a, b) => a + b, 0);
  if (offCount > MAX_OFF_SHARE * seq.length) return undefined;
  const shuffledOff = offRows(shuffle(seq), size, Math.ceil(offCount / BEYOND_CHANCE) + 1).reduce((a, b) => a + b, 0);
  if (offCount > BEYOND_CHANCE * shuffledOff) return undefined;
  // The rows in their neighbours' labels make runs; each value must make one, and two values at least a band.
  const x = numericColumn(data, number);
  const bands: Band[] = [];
  for (let i = 0; i < seq.length; i++) {
    if (off[i]) continue;
    const last = bands[bands.length - 1];
    if (last && last.id === seq[i]) {
      last.high = x[rows[i]];
      last.rows++;
    } else bands.push({ id: seq[i], low: x[rows[i]], high: x[rows[i]], rows: 1 });
  }
  // Runs of fewer rows are no bands (placeholders at the ends of the order, two slips side by side).
  const kept = bands.filter((band) => band.rows >= BAND_MIN_ROWS);
  if (kept.length < MIN_BANDS || new Set(kept.map((band) => band.id)).size !== kept.length) return undefined;
  // Bands that touch at one number (a whole score shared by two grades) say nothing of that number.
  for (let i = 1; i < kept.length; i++) if (kept[i].low <= kept[i - 1].high) return undefined;
  return { number, label, bands: kept, rows: seq.length };
}

/**
 * 1 where a row's label is not the one NEIGHBOURS_AGREE of its neighbours (NEIGHBOURS_EACH_SIDE on each side in the
 * order of the number) hold: the row lies inside another label's band (`size`: the label's distinct values), until
 * `enough` are found.
 */
function offRows(seq: Int32Array, size: number, enough: number): Uint8Array {
  const off = new Uint8Array(seq.length);
  const k = NEIGHBOURS_EACH_SIDE;
  const counts = new Int32Array(size);
  let found = 0;
  for (let i = k; i < seq.length - k && found < enough; i++) {
    counts.fill(0);
    let top = -1;
    for (let j = i - k; j <= i + k; j++) {
      if (j === i) continue;
      if (++counts[seq[j]] > (top < 0 ? 0 : counts[top])) top = seq[j];
    }
    if (top !== seq[i] && counts[top] >= NEIGHBOURS_AGREE * 2 * k) {
      off[i] = 1;
      found++;
    }
  }
  return off;
}

/** The labels in a deterministic shuffled order (labels unrelated to the number). */
function shuffle(seq: Int32Array): Int32Array {
  const permutation = fixedPermutation(seq.length);
  return Int32Array.from(permutation, (i) => seq[i]);
}

/** Rows whose number lies inside the band of a value other than their label's (a band value's). */
export function bandBreaks(data: IngestResult): BandBreak[] {
  return memo(data, 'band-breaks', () => {
    const out: BandBreak[] = [];
    const all = bandedLabels(data);
    // A label off the bands of two of its numbers is one wrong cell, reported once (by the first).
    const seen = new Set<string>();
    for (const banded of all) {
      const x = numericColumn(data, banded.number);
      const ids = distinctValues(data, banded.label).ids;
      const known = new Set(banded.bands.map((band) => band.id));
      // The label's other numbers' bands (a status cut from the availability, where the downtime's bands only follow it).
      const others = all.filter((other) => other !== banded && other.label === banded.label);
      const found: BandBreak[] = [];
      for (let r = 0; r < x.length; r++) {
        if (ids[r] < 0 || !known.has(ids[r]) || !Number.isFinite(x[r])) continue;
        const band = banded.bands.find((b) => x[r] >= b.low && x[r] <= b.high);
        if (band && band.id !== ids[r] && !numberSuspect(data, banded.number, r) && !others.some((other) => inOwnBand(data, other, r, ids[r]))) found.push({ banded, row: r, band });
      }
      // More rows than the sample's errors allow: no bands in the whole table.
      if (found.length > MAX_OFF_SHARE * x.length) continue;
      for (const off of found) {
        const key = `${banded.label}:${off.row}`;
        if (!seen.has(key)) out.push(off);
        seen.add(key);
      }
    }
    return out;
  });
}

/** Whether row r's number of another banded column lies in the band of the row's own label (`id`): that number says the label. */
function inOwnBand(data: IngestResult, banded: BandedLabel, r: number, id: number): boolean {
  const v = numericColumn(data, banded.number)[r];
  return Number.isFinite(v) && banded.bands.some((band) => band.id === id && v >= band.low && v <= band.high);
}

/**
 * Whether the row's number is what its other numbers contradict: it breaks an order the table keeps with another of
 * them (a PM2.5 above the PM10 it is part of: the two exchanged), or a ratio to one far beyond the others'. Then the
 * number, not the label, is the wrong cell.
 */
function numberSuspect(data: IngestResult, number: number, r: number): boolean {
  const broken = ordersBrokenAt(data, number, r).length > 0;
  return broken || (ratioGaps(data).far.get(r) ?? []).some(({ pair }) => pair.numerator === number || pair.denominator === number);
}
