/**
 * Empty cells another column explains (docs/rules/missing-value.md): a column empty in nearly every row of one value
 * of a column of few values, and filled in nearly every row of the others — an engine's displacement where the fuel
 * is "Electric", a cigarette count where the respondent never smoked — has no value to give there; and columns empty
 * in the same rows (an order not shipped has no ship date, carrier nor tracking number) are so because of what the
 * record is. Those empty cells are no gaps (nor the place a neighbour's value was shifted from); the others are.
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, distinctValues, isNumeric, memo, nullCount, nullMask, nullRows, numericColumn, settledValueCount, type DistinctValues } from './column-values';
import { looksLikeIdentifier } from '../shared/identifier';
import { binomialTail } from '../shared/binomial-tail';
import { isRemarkColumn } from './remarks';

/** Most distinct values a column that explains another's empty cells may have (a fuel, a type, a yes/no). */
const MAX_VALUES = 20;
/** Rows of the value, at least. */
const MIN_ROWS = 20;
/** Share of the value's rows in which the column must be empty. */
const MIN_EMPTY_SHARE = 0.95;
/** Values of a column of more than MAX_VALUES values that may explain another's empty cells, at most. */
const MAX_EMPTYING_VALUES = 3;
/** Share of the other values' rows in which it must be filled: emptiness is that value's, not the column's. */
const MIN_FILLED_ELSEWHERE = 0.9;

/** Share of the smaller of two columns' empty cells that must lie in the same rows for them to be empty together. */
const EMPTY_TOGETHER_SHARE = 0.9;
/** How many times the rows two columns would be empty in together by chance they must be empty in together. */
const BEYOND_CHANCE = 5;
/**
 * Rows, at least, two columns may be empty in together, whatever share of their empty cells that is, where the chance
 * that the other's empty cells fall on as many of the column's were they spread at random is under FEW_TOGETHER_CHANCE:
 * a catalogue's 19 objects without a height nor a width among 1,200, an airport abroad without a city nor a state. No
 * share of the fewer empty cells is asked: gaps left one by one in either column (3% of the cells of a dirty copy) must
 * not part what a clean copy holds together.
 */
const FEW_TOGETHER_ROWS = 10;
const FEW_TOGETHER_CHANCE = 1e-9;
/*
 * Fewer rows (MIN_SAME_ROWS at least) do where nearly all the empty cells of both columns (EMPTY_TOGETHER_SHARE of each)
 * are in the same rows, at that chance, and a column of remarks marks those rows (see remarked): nine plots not
 * harvested, without a grain weight, a yield nor a moisture, among 1,600, each noted "Not harvested – waterlogged" or
 * "Plot lost – drilling fault". Unmarked, eight rows emptied in the same columns may be eight broken records.
 */
/**
 * Rows, at least, a column must be empty in where another holds 0, in nearly all (EMPTY_TOGETHER_SHARE) of that
 * column's rows of nothing: a few records of a kind a zero marks (two new precincts without voters have no turnout,
 * polling place nor zip, in each of their contests' rows), which errors, emptying cells one by one, do not make.
 */
const MIN_SAME_ROWS = 5;

/** Share of the marked rows, at least, a column of remarks fills. */
const MIN_REMARKED_SHARE = 0.9;

/**
 * Whether a column of remarks (remarks.ts; not in `skip`) is filled in MIN_REMARKED_SHARE of `rows` at least: the rows
 * are marked as a kind (plots noted as not harvested).
 */
function remarked(data: IngestResult, rows: readonly number[], skip: readonly number[]): boolean {
  return data.columns.some((_, k) => {
    if (skip.includes(k) || !isRemarkColumn(data, k)) return false;
    const empty = nullMask(data, k);
    let filled = 0;
    for (const r of rows) if (!empty[r]) filled++;
    return rows.length > 0 && filled >= MIN_REMARKED_SHARE * rows.length;
  });
}

/** Whether numeric column `d`'s rows of nothing (see nothingRows) are zeros, EMPTY_TOGETHER_SHARE of them at least: a count of none that marks a kind of record. */
function zerosMark(data: IngestResult, d: number): boolean {
  if (!isNumeric(data.columns[d])) return false;
  const values = numericColumn(data, d);
  const nothing = nothingRows(data, d);
  let zeros = 0;
  for (const r of nothing) if (values[r] === 0) zeros++;
  return zeros >= EMPTY_TOGETHER_SHARE * nothing.length;
}

/**
 * Why an empty cell has no value to hold: the column and value of its row (absent where that column is empty with
 * it: an order not shipped has no carrier either), that value's rows and how many of them are empty.
 */
export interface InapplicableBy {
  column: number;
  value?: string;
  rows: number;
  empty: number;
}

/** Column `c`'s null rows but its rejected cells (text in a typed column, no gap), ascending. */
export function emptyRows(data: IngestResult, c: number): Int32Array {
  const rejected = memo(data, 'rejected-rows', () => {
    const byColumn = new Map<number, Set<number>>();
    for (const cell of data.rejectedCells) {
      let rows = byColumn.get(cell.column);
      if (!rows) byColumn.set(cell.column, (rows = new Set()));
      rows.add(cell.row);
    }
    return byColumn;
  }).get(c);
  return rejected ? nullRows(data, c).filter((r) => !rejected.has(r)) : nullRows(data, c);
}

/**
 * Column `c`'s rows holding nothing, ascending: its empty cells (emptyRows), and in a numeric column its zeros (an
 * invoice total of 0.00 is nothing to pay; a column named as an id holds no amount), computed once per column.
 */
export function nothingRows(data: IngestResult, c: number): Int32Array {
  return memo(data, `nothing-rows:${c}`, () => {
    const column = data.columns[c];
    const empty = emptyRows(data, c);
    if (!isNumeric(column) || looksLikeIdentifier(column.name)) return empty;
    const values = numericColumn(data, c);
    const merged: number[] = [];
    for (let r = 0, e = 0; r < values.length; r++) {
      const isEmpty = e < empty.length && empty[e] === r;
      if (isEmpty) e++;
      if (isEmpty || values[r] === 0) merged.push(r);
    }
    return Int32Array.from(merged);
  });
}

/**
 * The text columns other than `c` of 2 to `maxValues` values (a fuel, a status, a channel; by default MAX_VALUES), with
 * their values; values of a few rows each (slips, settledValueCount) do not count: a category written with a typo in
 * three rows is still a column of ten categories.
 */
function fewValueColumns(data: IngestResult, c: number, maxValues = MAX_VALUES): { k: number; distinct: DistinctValues }[] {
  return data.columns.flatMap((column, k) => {
    if (k === c || !TEXT_KINDS.includes(column.kind)) return [];
    const distinct = distinctValues(data, k);
    return distinct.size < 2 || (distinct.size > maxValues && settledValueCount(data, k) > maxValues) ? [] : [{ k, distinct }];
  });
}

/** The fewest rows a value of text column `k` holds, of its values in MIN_ROWS rows at least (Infinity: none), computed once per column. */
function fewestRowsOfAValue(data: IngestResult, k: number, distinct: DistinctValues): number {
  return memo(data, `fewest-rows:${k}`, () => {
    let fewest = Infinity;
    for (let id = 0; id < distinct.size; id++) if (distinct.counts[id] >= MIN_ROWS && distinct.counts[id] < fewest) fewest = distinct.counts[id];
    return fewest;
  });
}

/** Per value of `distinct`, how many of the rows `empty` hold it. */
function gapsByValue(distinct: DistinctValues, empty: Int32Array): Int32Array {
  const gaps = new Int32Array(distinct.size);
  for (const r of empty) if (distinct.ids[r] >= 0) gaps[distinct.ids[r]]++;
  return gaps;
}

/**
 * Whether `text` is, or holds as words, a value of column `c`: a number of a numeric column ("1600"), a text of a text
 * column (the species name moved into the code's place, "Louisville, KY" merged where the state was left empty).
 */
function holdsValueOf(data: IngestResult, c: number, text: string): boolean {
  const kind = data.columns[c].kind;
  if (!TEXT_KINDS.includes(kind)) return kind !== 'boolean' && /\d/.test(text);
  const words = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const values = distinctValues(data, c);
  for (let id = 0; id < values.size; id++) {
    const value = values.text(id).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (value !== '' && words.includes(` ${value} `)) return true;
  }
  return false;
}

/**
 * The empty (null, rejected cells aside) cells of column `c` that another column's value explains, by row, with why;
 * the first such column (in column order) gives its reason. Computed once per column. The explaining column may have
 * any number of values: its value must be in MIN_ROWS rows, nearly all empty, and the other values' rows filled —
 * "OWNER/BUILDER" among a column of 300 contractors' names has no contractor's licence to give; of a column of more than
 * MAX_VALUES values, MAX_EMPTYING_VALUES such values at most.
 */
export function inapplicableCells(data: IngestResult, c: number): ReadonlyMap<number, InapplicableBy> {
  return memo(data, `inapplicable:${c}`, () => {
    const found = new Map<number, InapplicableBy>();
    const empty = emptyRows(data, c);
    if (empty.length < MIN_ROWS) return found;
    for (const { k, distinct } of fewValueColumns(data, c, Infinity)) {
      // No value of MIN_ROWS rows or more fits in the empty cells MIN_EMPTY_SHARE of its rows at least: none empties
      // the column (a column of names, of a few large values).
      if (fewestRowsOfAValue(data, k, distinct) * MIN_EMPTY_SHARE > empty.length) continue;
      // Per value held in an empty row, how many of those rows hold it (read from the empty rows alone: a column of
      // many values is not walked value by value).
      const gaps = new Map<number, number>();
      let allGaps = 0;
      for (const r of empty) {
        const id = distinct.ids[r];
        if (id < 0) continue;
        gaps.set(id, (gaps.get(id) ?? 0) + 1);
        allGaps++;
      }
      let allRows = data.table.numRows - nullCount(data, k);
      // The values in whose rows the column is empty; the others' rows must be filled (a grade is given neither on a
      // complaint's inspection nor before a permit: two values empty it).
      const emptying: number[] = [];
      for (const [id, count] of gaps) {
        if (distinct.counts[id] < MIN_ROWS || count < MIN_EMPTY_SHARE * distinct.counts[id]) continue;
        emptying.push(id);
        allRows -= distinct.counts[id];
        allGaps -= count;
      }
      emptying.sort((x, y) => x - y);
      // In a column of many values, a few that empty the column are kinds of record (an owner-builder); many are not:
      // rows copied in blocks, each copy empty where its original is.
      if (distinct.size > MAX_VALUES && emptying.length > MAX_EMPTYING_VALUES) continue;
      for (const id of emptying) {
        const rows = distinct.counts[id];
        const elsewhere = allRows;
        if (elsewhere === 0 || elsewhere - allGaps < MIN_FILLED_ELSEWHERE * elsewhere) continue;
        // A value of the column itself, or holding one, moved or merged into k from the empty cell, explains nothing.
        if (holdsValueOf(data, c, distinct.text(id))) continue;
        const why: InapplicableBy = { column: k, value: distinct.text(id), rows, empty: gaps.get(id) ?? 0 };
        for (const r of empty) if (distinct.ids[r] === id && !found.has(r)) found.set(r, why);
      }
    }
    return found;
  });
}

/**
 * The empty (null, rejected cells aside) cells of column `c` in rows where another column is empty with it, where the
 * two are empty in the same rows (EMPTY_TOGETHER_SHARE of the fewer empty cells, MIN_ROWS at least, or FEW_TOGETHER_ROWS
 * rows far beyond chance — or, where the
 * other holds 0, of its zeros, MIN_SAME_ROWS at least —, BEYOND_CHANCE times as many as by chance: a column empty in
 * most rows is empty beside any gap): a record in a
 * state where neither field applies yet (an order not shipped: no date, carrier nor tracking number). By row, with the
 * first such column (in column order). Not gaps to list one by one; but a value shifted out of such a cell is still
 * shifted (column-shift does not use them: a film's record missing several fields may also have one merged away).
 */
export function emptyTogetherCells(data: IngestResult, c: number): ReadonlyMap<number, InapplicableBy> {
  const n = data.table.numRows;
  // Far beyond chance, too: a column empty in most rows is empty beside any gap.
  return memo(data, `empty-together:${c}`, () =>
    sharedEmptyCells(
      data,
      c,
      (d) => nothingRows(data, d),
      (empty, other, together, d, rowsTogether) =>
        together >= (BEYOND_CHANCE * empty * other) / n &&
        ((together >= MIN_ROWS && together >= EMPTY_TOGETHER_SHARE * Math.min(empty, other)) ||
          (together >= FEW_TOGETHER_ROWS && binomialTail(other, together, empty / n) < FEW_TOGETHER_CHANCE) ||
          (together >= EMPTY_TOGETHER_SHARE * Math.max(empty, other) && binomialTail(other, together, empty / n) < FEW_TOGETHER_CHANCE && remarked(data, rowsTogether(), [c, d])) ||
          (together >= EMPTY_TOGETHER_SHARE * other && zerosMark(data, d))),
    ),
  );
}

/**
 * The empty cells of column `c` in rows where another column (its empty cells from `emptyOf`) is empty too, for the
 * columns `accepts` takes by their counts of empty cells and of those shared (MIN_ROWS shared at least), by row, with
 * the first such column (in column order).
 */
function sharedEmptyCells(
  data: IngestResult,
  c: number,
  emptyOf: (d: number) => Int32Array,
  accepts: (empty: number, other: number, together: number, d: number, rowsTogether: () => number[]) => boolean,
): Map<number, InapplicableBy> {
  const found = new Map<number, InapplicableBy>();
  const empty = emptyRows(data, c);
  if (empty.length < MIN_SAME_ROWS) return found;
  const isEmpty = new Uint8Array(data.table.numRows);
  for (const r of empty) isEmpty[r] = 1;
  data.columns.forEach((_, d) => {
    if (d === c) return;
    const other = emptyOf(d);
    if (other.length < MIN_SAME_ROWS) return;
    let together = 0;
    for (const r of other) together += isEmpty[r];
    if (together < MIN_SAME_ROWS || !accepts(empty.length, other.length, together, d, () => Array.from(other).filter((r) => isEmpty[r] === 1))) return;
    const why: InapplicableBy = { column: d, rows: other.length, empty: together };
    for (const r of other) if (isEmpty[r] && !found.has(r)) found.set(r, why);
  });
  return found;
}

/** Share of the rows where either of two columns is empty in which both must be, for them to be empty in step. */
const IN_STEP_SHARE = 0.99;
/** Share of the rows, at most, where either is empty: two columns empty nearly everywhere are in step by default. */
const IN_STEP_MAX_EMPTY = 0.9;

/**
 * The empty cells of column `c` where another column is empty in step with it — both empty in IN_STEP_SHARE of the
 * rows where either is (20 rows or more), however many: a lab value and its unit left empty at the visits without a
 * lab. EMPTY_TOGETHER_SHARE against chance cannot tell that for columns empty in a third of their rows (co-empty
 * rows are then at most three times what chance gives); agreement over the union of their empty rows can.
 */
export function emptyInStepCells(data: IngestResult, c: number): ReadonlyMap<number, InapplicableBy> {
  const n = data.table.numRows;
  return memo(data, `empty-in-step:${c}`, () =>
    sharedEmptyCells(data, c, (d) => emptyRows(data, d), (empty, other, together) => together >= MIN_ROWS && together >= IN_STEP_SHARE * (empty + other - together) && empty + other - together <= IN_STEP_MAX_EMPTY * n),
  );
}

/** Share of a value's rows, at most, in which the column may be filled for it to leave the column empty. */
const MAX_FILLED_SHARE = 0.03;
/** Rows of the value that leaves the column empty, and of the value that fills it, at least. */
const MIN_VALUE_ROWS = 30;
/** Share of the filling value's rows in which the column must be filled. */
const MIN_FILLING_SHARE = 0.9;
/** Rows of a kind (a value of the emptying value's rows, by another column) that must fill the column to hold it. */
const MIN_SUBGROUP_ROWS = 3;

/** Why a filled cell has no place in its row: the column and value that leave it empty, and the value that fills it. */
export interface MisplacedBy {
  column: number;
  value: string;
  rows: number;
  /** Rows of that value in which the column is filled (this one among them). */
  filled: number;
  /** The value of the same column in whose rows the column is filled, its rows and filled rows, and one of them. */
  fillingValue: string;
  fillingRows: number;
  fillingFilled: number;
  example: number;
}

/** Filled rows, at least, of a value that leaves a column empty, for a number to set them apart (see filledBeyondThreshold). */
const MIN_THRESHOLD_ROWS = 5;
/** Share of those filled rows beyond the threshold: the tenth of them nearest the others may be slips. */
const THRESHOLD_SHARE = 0.9;

/**
 * The filled cells of column `c` among `valueRows` (the rows of a value that leaves it empty) that a number of the
 * row sets apart as a kind: beyond a threshold of another numeric column — the value 90% of the filled rows reach —
 * the rows of the value fill the column (MIN_FILLING_SHARE of them): a delay code on flights arriving on time that
 * left 15 minutes late or more, where the on-time flights that left later than every other one of them have
 * one. Filled cells of slips lie anywhere in such a number, among rows that leave the column empty.
 */
function filledBeyondThreshold(data: IngestResult, c: number, valueRows: readonly number[], nulls: Uint8Array): Set<number> {
  const filled = valueRows.filter((r) => !nulls[r]);
  const apart = new Set<number>();
  if (filled.length < MIN_THRESHOLD_ROWS) return apart;
  data.columns.forEach((column, m) => {
    if (m === c || !isNumeric(column)) return;
    const values = numericColumn(data, m);
    const known = filled.map((r) => values[r]).filter((v) => !Number.isNaN(v)).sort((x, y) => x - y);
    if (known.length < THRESHOLD_SHARE * filled.length) return;
    const cut = Math.floor((1 - THRESHOLD_SHARE) * known.length);
    const [above, below] = [known[cut], known[known.length - 1 - cut]];
    for (const beyond of [(v: number) => v >= above, (v: number) => v <= below]) {
      const kind = valueRows.filter((r) => beyond(values[r]));
      const kindFilled = kind.filter((r) => !nulls[r]);
      if (kind.length >= MIN_THRESHOLD_ROWS && kindFilled.length >= MIN_FILLING_SHARE * kind.length) for (const r of kindFilled) apart.add(r);
    }
  });
  return apart;
}

/** Rows a column of few values is first read on (evenly spread), before a pass over every row. */
const SCREEN_ROWS = 20_000;
/** Sampled rows of a value, at least, and the looser shares it must show there, for the pass over every row. */
const SCREEN_VALUE_ROWS = 10;
const SCREEN_FILLING = 0.8;
const SCREEN_EMPTYING = 0.1;

/**
 * Whether a column of few values (`ids`, `size`) may have a value that leaves the column of `nulls` empty beside one
 * that fills it, by an even sample of its rows: most columns of a table have neither, and are not read whole.
 */
function screened(ids: Int32Array, size: number, nulls: Uint8Array): boolean {
  const step = Math.max(1, Math.floor(ids.length / SCREEN_ROWS));
  const [rows, filled] = [new Int32Array(size), new Int32Array(size)];
  for (let r = 0; r < ids.length; r += step) {
    if (ids[r] < 0) continue;
    rows[ids[r]]++;
    if (!nulls[r]) filled[ids[r]]++;
  }
  let [fills, empties] = [false, false];
  for (let id = 0; id < size; id++) {
    if (rows[id] < SCREEN_VALUE_ROWS) continue;
    fills ||= filled[id] >= SCREEN_FILLING * rows[id];
    empties ||= filled[id] > 0 ? filled[id] <= SCREEN_EMPTYING * rows[id] : true;
  }
  return fills && empties;
}

/**
 * The filled cells of column `c` in rows whose value of another column (a text column of at most MAX_VALUES values)
 * leaves it empty — empty in all but MAX_FILLED_SHARE of that value's rows (MIN_VALUE_ROWS at least), while another
 * value's rows fill it (MIN_FILLING_SHARE): a cancellation date on a stay checked out, a grade on a complaint's
 * inspection — unless the rows of that value that share the row's value of another column fill it (a withdrawal graded
 * "W" in the term under way; a home cover typed on motor claims, whose vehicles are named). By row, with why; the first such column (in column order) gives its reason. Computed once
 * per column.
 */
export function misplacedCells(data: IngestResult, c: number): ReadonlyMap<number, MisplacedBy> {
  return memo(data, `misplaced:${c}`, () => {
    const found = new Map<number, MisplacedBy>();
    const n = data.table.numRows;
    const empty = emptyRows(data, c);
    // A column filled in a few rows only, or in nearly all, has no value that leaves it empty by its nature.
    if (n - empty.length < MIN_VALUE_ROWS || empty.length < MIN_VALUE_ROWS) return found;
    const nulls = nullMask(data, c);
    // Per column of few values: its value ids, each value's filled rows, and the values whose rows fill the column.
    const eligible = fewValueColumns(data, c);
    const remarks = isRemarkColumn(data, c) ? distinctValues(data, c) : undefined;
    const columns = eligible.flatMap(({ k, distinct }) => {
      if (!screened(distinct.ids, distinct.size, nulls)) return [];
      const filled = new Int32Array(distinct.size);
      const examples = new Int32Array(distinct.size).fill(-1);
      for (let r = 0; r < n; r++) {
        const id = distinct.ids[r];
        if (id < 0 || nulls[r]) continue;
        filled[id]++;
        if (examples[id] < 0) examples[id] = r;
      }
      const fills = Array.from({ length: distinct.size }, (_, id) => distinct.counts[id] >= MIN_VALUE_ROWS && filled[id] >= MIN_FILLING_SHARE * distinct.counts[id]);
      return [{ k, distinct, filled, examples, fills }];
    });
    // Whether, among the rows of value `id` of column k, those sharing row r's value of another column fill the column
    // (MIN_FILLING_SHARE of them, MIN_SUBGROUP_ROWS at least): the row is of a kind that holds it there (a withdrawal
    // graded "W" in the term still under way; a motor claim whose cover was typed as a home's names its vehicle).
    const subgroups = new Map<string, { rows: Int32Array; filled: Int32Array }>();
    const filledAmongItsKind = (r: number, k: number, id: number) =>
      eligible.some(({ k: other, distinct }) => {
        if (other === k || distinct.ids[r] < 0) return false;
        const key = `${k}:${id}:${other}`;
        let counts = subgroups.get(key);
        if (!counts) {
          counts = { rows: new Int32Array(distinct.size), filled: new Int32Array(distinct.size) };
          const ids = distinctValues(data, k).ids;
          for (let q = 0; q < n; q++) {
            if (ids[q] !== id || distinct.ids[q] < 0) continue;
            counts.rows[distinct.ids[q]]++;
            if (!nulls[q]) counts.filled[distinct.ids[q]]++;
          }
          subgroups.set(key, counts);
        }
        const w = distinct.ids[r];
        return counts.rows[w] >= MIN_SUBGROUP_ROWS && counts.filled[w] >= MIN_FILLING_SHARE * counts.rows[w];
      });
    for (const { k, distinct, filled, examples, fills } of columns) {
      // The value whose rows fill the column the most (by share).
      let filling = -1;
      for (let id = 0; id < distinct.size; id++) {
        if (!fills[id]) continue;
        if (filling < 0 || filled[id] / distinct.counts[id] > filled[filling] / distinct.counts[filling]) filling = id;
      }
      if (filling < 0) continue;
      // In a column of remarks, a note (of words) no row of the filling value writes is a remark of its own, written now
      // and then wherever it applies ("Site visit – no intervention" on a valid reading); a code ("IT", a roaming country
      // on a call at home) is still a value where none belongs.
      const ownRemark = ownRemarks(remarks, distinct.ids, filling);
      for (let id = 0; id < distinct.size; id++) {
        const rows = distinct.counts[id];
        if (rows < MIN_VALUE_ROWS || filled[id] === 0 || filled[id] > MAX_FILLED_SHARE * rows) continue;
        // A value of the column itself, or holding one, moved or merged into k from this cell, leaves nothing empty.
        if (holdsValueOf(data, c, distinct.text(id))) continue;
        const why: MisplacedBy = {
          column: k,
          value: distinct.text(id),
          rows,
          filled: filled[id],
          fillingValue: distinct.text(filling),
          fillingRows: distinct.counts[filling],
          fillingFilled: filled[filling],
          example: examples[filling],
        };
        const valueRows: number[] = [];
        for (let r = 0; r < n; r++) if (distinct.ids[r] === id) valueRows.push(r);
        const ofNumberedKind = filledBeyondThreshold(data, c, valueRows, nulls);
        for (const r of valueRows) {
          if (nulls[r] || found.has(r) || ofNumberedKind.has(r) || filledAmongItsKind(r, k, id)) continue;
          if (ownRemark(r)) continue;
          found.set(r, why);
        }
      }
    }
    return found;
  });
}

/**
 * Whether row r's cell of a column of remarks (`remarks`: its distinct values; none: never) is a note of words that no
 * row holding value `filling` of `ids` writes — those rows' texts read when a note first asks.
 */
function ownRemarks(remarks: DistinctValues | undefined, ids: Int32Array, filling: number): (r: number) => boolean {
  if (!remarks) return () => false;
  let fillingTexts: Set<number> | undefined;
  return (r) => {
    const text = remarks.ids[r];
    if (text < 0 || !/\S\s+\S/.test(remarks.text(text))) return false;
    if (!fillingTexts) {
      fillingTexts = new Set<number>();
      for (let q = 0; q < ids.length; q++) if (ids[q] === filling && remarks.ids[q] >= 0) fillingTexts.add(remarks.ids[q]);
    }
    return !fillingTexts.has(text);
  };
}

/** How many times the share of empty cells elsewhere a value's rows must hold empty for the value to explain them. */
const CONCENTRATED_LIFT = 10;
/**
 * Most distinct values a column whose values concentrate another's empty cells may have: a catalogue's 22 categories
 * (no country of origin kept for household cleaning), its brands. The chance each value's share must beat
 * (CONCENTRATED_CHANCE) keeps many values from concentrating gaps by accident; of a column of over MAX_VALUES values,
 * MAX_EMPTYING_VALUES at most may (as inapplicableCells takes them).
 */
const CONCENTRATING_MAX_VALUES = 100;
/** Empty cells of the value, at least. */
const MIN_CONCENTRATED = 5;
/** Largest chance that the value's rows would hold as many empty cells as they do, were the cells spread at random. */
const CONCENTRATED_CHANCE = 1e-9;

/**
 * The empty (null, rejected cells aside) cells of column `c` in the rows of a value of a text column of at most
 * MAX_VALUES values whose rows hold empty cells CONCENTRATED_LIFT times as often as the other rows, far beyond chance
 * (CONCENTRATED_CHANCE): a guest's country left out of agencies' bookings, a league whose source gives no attendance.
 * Gaps an error leaves fall anywhere; these are how those records are kept — optional there, not to be listed one by
 * one (the empty cells of the other rows still are). By row, with the column and value.
 */
export function concentratedEmptyCells(data: IngestResult, c: number): ReadonlyMap<number, InapplicableBy> {
  return memo(data, `concentrated-empty:${c}`, () => concentratedAmong(data, c, emptyRows(data, c), undefined));
}

/**
 * The empty cells of column `c` among the rows but `outside` (rows already explained, or of another kind), explained
 * as {@link concentratedEmptyCells} does among those rows alone: a depth's error left out of one network's earthquakes,
 * once the blasts that have none are set aside, as concentrated there as the blasts' were.
 */
export function residualConcentratedCells(data: IngestResult, c: number, outside: ReadonlySet<number>): ReadonlyMap<number, InapplicableBy> {
  if (outside.size === 0) return new Map();
  return concentratedAmong(data, c, emptyRows(data, c).filter((r) => !outside.has(r)), outside);
}

/** The greedy choice of concentratedEmptyCells over the rows not `excluded` (undefined: every row), `empty` the empty cells among them. */
function concentratedAmong(data: IngestResult, c: number, empty: Int32Array, excluded: ReadonlySet<number> | undefined): Map<number, InapplicableBy> {
  const found = new Map<number, InapplicableBy>();
  const n = data.table.numRows - (excluded?.size ?? 0);
  if (empty.length < MIN_CONCENTRATED) return found;
  for (const { k, distinct } of fewValueColumns(data, c, CONCENTRATING_MAX_VALUES)) {
    const gaps = gapsByValue(distinct, empty);
    const counts = excluded ? countsWithout(distinct, excluded) : distinct.counts;
    // Values are taken one after another, each measured against the rows of the values not taken (agencies' and the
    // GDS's bookings both leave the country out: each against the others, not against one another).
    const chosen = new Set<number>();
    let [takenRows, takenGaps] = [0, 0];
    for (let grew = true; grew; ) {
      grew = false;
      for (let id = 0; id < distinct.size; id++) {
        const rows = counts[id];
        if (chosen.has(id) || gaps[id] < MIN_CONCENTRATED || takenRows + rows >= n) continue;
        const elsewhere = (empty.length - takenGaps - gaps[id]) / (n - takenRows - rows);
        if (gaps[id] / rows < CONCENTRATED_LIFT * elsewhere || binomialTail(rows, gaps[id], empty.length / n) > CONCENTRATED_CHANCE) continue;
        // A value of the column itself, or holding one, moved or merged into k from the empty cell, explains nothing.
        if (holdsValueOf(data, c, distinct.text(id))) continue;
        chosen.add(id);
        [takenRows, takenGaps, grew] = [takenRows + rows, takenGaps + gaps[id], true];
      }
    }
    // Of a column of many values, a few kinds of record at most: rows copied in blocks, each copy empty where its
    // original is, put the gaps of many codes' rows together.
    if (distinct.size > MAX_VALUES && chosen.size > MAX_EMPTYING_VALUES) continue;
    for (const r of empty) {
      const id = distinct.ids[r];
      if (id >= 0 && chosen.has(id) && !found.has(r)) found.set(r, { column: k, value: distinct.text(id), rows: counts[id], empty: gaps[id] });
    }
  }
  return found;
}

/** Per value of `distinct`, its rows but the `excluded` ones. */
function countsWithout(distinct: DistinctValues, excluded: ReadonlySet<number>): Int32Array {
  const counts = Int32Array.from(distinct.counts);
  for (const r of excluded) if (distinct.ids[r] >= 0) counts[distinct.ids[r]]--;
  return counts;
}

/** Share of a column's empty cells that must lie in one stretch of the file's first or last rows, */
const STRETCH_SHARE = 0.95;
/** a stretch of at most this share of the rows, */
const MAX_STRETCH = 0.5;
/** beyond a chance (were the empty cells spread over the rows at random) of this. */
const STRETCH_CHANCE = 1e-9;
/** Times the stretch's mean distance between empty cells within which the cells just past it still belong to it. */
const STRETCH_GAP = 10;

/**
 * The empty cells of column `c` in a stretch of the file's first (or last) rows that holds nearly all of them
 * (STRETCH_SHARE, MIN_ROWS at least; from the first row as densely as within it), the stretch at most MAX_STRETCH of
 * the rows, far beyond chance: a field recorded only since some time (a museum's acquisition dates, never written for
 * its first decades' objects, in a catalogue in accession order). A block of empty cells in the middle of the file is
 * no such stretch; the cells outside the stretch are gaps. Computed once per column.
 */
export function emptyStretchRows(data: IngestResult, c: number): ReadonlySet<number> {
  return memo(data, `empty-stretch:${c}`, () => {
    const empty = emptyRows(data, c);
    const rows = data.table.numRows;
    if (empty.length < MIN_ROWS) return new Set<number>();
    const k = Math.ceil(STRETCH_SHARE * empty.length);
    const stretch = (span: number) => span <= MAX_STRETCH * rows && binomialTail(empty.length, k, span / rows) < STRETCH_CHANCE;
    // The stretch runs on over the empty cells that follow as closely as they lie within it (the few past its 95%).
    const [lead, trail] = [empty[k - 1] + 1, rows - empty[empty.length - k]];
    // A stretch begins at the file's first row (or ends at its last) as densely as it goes on: a block of empty cells
    // in the middle of the file is no field recorded only since some time.
    if (stretch(lead) && empty[0] <= (STRETCH_GAP * lead) / k) {
      let j = k;
      while (j < empty.length && empty[j] - empty[j - 1] <= (STRETCH_GAP * lead) / k) j++;
      return new Set(empty.subarray(0, j));
    }
    if (stretch(trail) && rows - 1 - empty[empty.length - 1] <= (STRETCH_GAP * trail) / k) {
      let j = empty.length - k;
      while (j > 0 && empty[j] - empty[j - 1] <= (STRETCH_GAP * trail) / k) j--;
      return new Set(empty.subarray(j));
    }
    return new Set<number>();
  });
}
