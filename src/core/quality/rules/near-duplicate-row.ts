import { defineRule } from '../rule';
import { fmix32 } from '../../shared/hash';
import { TEMPORAL_KINDS, TEXT_KINDS, distinctValues, isNumeric, looksLikeIdentifier, nullCount, numericColumn, sortedRuns, strictlyIncreasing, valueCodes } from '../column-values';
import { cellText, dependenciesOf, type Dependency } from '../dependencies';
import { changedCopies } from '../changed-copies';
import { secondReadings } from '../second-readings';
import { cellsOf, eachRepeat, fold, numberKey, rowsThatMayAgree, slotTable } from '../row-hashes';
import { duplicateKey, keyOptions } from './duplicate-key';
import { deleteDuplicateFixes } from './duplicate-row';
import type { IngestResult } from '../../table/model';
import { formIds, formOf } from '../cell-forms';
import { keyPairs, poissonAtMost, type KeyPair } from '../key-pairs';

export { poissonAtMost };

/**
 * The chance of one coincidental finding in a table the rule accepts, for each of its two tests over every row
 * and column tested (Bonferroni): a pair's agreement by chance, and columns unrelated to each other repeating
 * their combination as rarely as a key's.
 */
const ALPHA = 0.01;

/** Per column: an id per row (nulls one id of their own, cells that did not fit the column's type one id each). */
interface ColumnIds {
  ids: Int32Array;
  /**
   * Per id: the bits of evidence two rows agreeing on it carry, −log2 of the chance that another row holds it,
   * log2((rows − 1) / (its rows − 1)); a value in one row is never shared (−1 marks it).
   */
  bits: Float64Array;
  /** The id of an empty cell. */
  nullId: number;
}

function columnIds(data: IngestResult, c: number, rejected: number[]): ColumnIds {
  const kind = data.columns[c].kind;
  const codes = TEXT_KINDS.includes(kind) || kind === 'empty' || kind === 'other' ? distinctValues(data, c) : valueCodes(data, c);
  const ids = new Int32Array(codes.ids.length);
  const nullId = codes.size;
  for (let r = 0; r < ids.length; r++) ids[r] = codes.ids[r] < 0 ? nullId : codes.ids[r];
  // A rejected cell is null in the table: its text is unknown here, so it equals no other cell.
  let next = nullId + 1;
  for (const r of rejected) ids[r] = next++;
  const counts = new Int32Array(next);
  for (let r = 0; r < ids.length; r++) counts[ids[r]]++;
  const bits = new Float64Array(next);
  for (let id = 0; id < next; id++) bits[id] = counts[id] >= 2 ? Math.log2((ids.length - 1) / (counts[id] - 1)) : -1;
  return { ids, bits, nullId };
}


/** Two hashes of a cell (column `c`, value id `id`), summed over a row so one column's can be taken out again. */
const hash1 = (c: number, id: number) => fmix32(id ^ Math.imul(c + 1, 0x9e3779b1));
const hash2 = (c: number, id: number) => fmix32(Math.imul(id + 0x6d2b79f5, 0x2c1b3c6d) ^ Math.imul(c + 1, 0x7feb352d));

/** Whether a column's values never repeat (at most one null): an identifier, a unique measurement. */
function neverRepeats(data: IngestResult, c: number): boolean {
  const kind = data.columns[c].kind;
  const present = data.table.numRows - nullCount(data, c);
  if (present < data.table.numRows - 1) return false;
  if (TEXT_KINDS.includes(kind)) return distinctValues(data, c).size === present;
  if (isNumeric(data.columns[c]) || TEMPORAL_KINDS.includes(kind)) return sortedRuns(data, c).values.length === present;
  return false;
}

/** A cheap 32-bit key per row of a column's cell: a value id (text), the number's IEEE words (else). */
function cellKeys(data: IngestResult, c: number): Int32Array {
  const kind = data.columns[c].kind;
  if (!isNumeric(data.columns[c]) && !TEMPORAL_KINDS.includes(kind) && kind !== 'boolean') return distinctValues(data, c).ids;
  const numbers = numericColumn(data, c);
  const words = new Int32Array(numbers.buffer, numbers.byteOffset, numbers.length * 2);
  const keys = new Int32Array(numbers.length);
  for (let r = 0; r < keys.length; r++) keys[r] = numberKey(words, r);
  return keys;
}

/**
 * How many rows agree with an earlier row on every column `on` marks (by hashes: a few more may come out). Only rows
 * that repeat the value of the column of most values are read (rowsThatMayAgree): two rows that agree on every
 * column agree there.
 */
function rowsAgreeingOn(data: IngestResult, on: readonly boolean[]): number {
  const candidates = rowsThatMayAgree(data, on);
  const m = candidates.length;
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  data.columns.forEach((column, c) => {
    if (!on[c] || column.kind === 'empty' || column.kind === 'other') return;
    if (TEXT_KINDS.includes(column.kind)) {
      const ids = distinctValues(data, c).ids;
      for (let i = 0; i < m; i++) fold(a, b, i, ids[candidates[i]], c);
      return;
    }
    const numbers = numericColumn(data, c);
    const words = new Int32Array(numbers.buffer, numbers.byteOffset, numbers.length * 2);
    for (let i = 0; i < m; i++) fold(a, b, i, numberKey(words, candidates[i]), c);
  });
  let agreeing = 0;
  eachRepeat(a, b, slotTable(m), () => agreeing++);
  return agreeing;
}

/**
 * The rows (ascending) that agree with another row on every column of the first half of the columns, or of
 * the second half (by hashes: a few more rows may come out, never fewer).
 */
function rowsAgreeingOnAHalf(data: IngestResult): Int32Array {
  const rows = data.table.numRows;
  const width = data.columns.length;
  const half = width >> 1;
  const h1 = [new Int32Array(rows), new Int32Array(rows)];
  const h2 = [new Int32Array(rows), new Int32Array(rows)];
  for (let c = 0; c < width; c++) {
    const side = c < half ? 0 : 1;
    const keys = cellKeys(data, c);
    const a = h1[side];
    const b = h2[side];
    for (let r = 0; r < rows; r++) {
      a[r] = (a[r] + hash1(c, keys[r])) | 0;
      b[r] = (b[r] + hash2(c, keys[r])) | 0;
    }
  }
  const marked = new Uint8Array(rows);
  const table = slotTable(rows);
  for (let side = 0; side < 2; side++) {
    eachRepeat(h1[side], h2[side], table, (f, r) => {
      marked[f] = 1;
      marked[r] = 1;
    });
  }
  let count = 0;
  for (let r = 0; r < rows; r++) count += marked[r];
  const out = new Int32Array(count);
  for (let r = 0, i = 0; r < rows; r++) if (marked[r]) out[i++] = r;
  return out;
}

/**
 * Columns that make rows naturally distinct, so a difference there alone says nothing: dates and times (the
 * same reading at two times), identifiers and row counters (two records given their own ids).
 */
function distinguishing(data: IngestResult, c: number): boolean {
  const column = data.columns[c];
  if (TEMPORAL_KINDS.includes(column.kind) || looksLikeIdentifier(column.name)) return true;
  return column.kind === 'integer' && strictlyIncreasing(numericColumn(data, c));
}

/** Rows equal in form to an earlier row in every column (duplicate-row's): they say nothing about keys. */
function copiesOfEarlierRows(columns: readonly ColumnIds[]): Uint8Array {
  const rows = columns[0].ids.length;
  const seen = new Map<string, number>();
  const copies = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const key = columns.map(({ ids }) => ids[r]).join(',');
    if (seen.has(key)) copies[r] = 1;
    else seen.set(key, r);
  }
  return copies;
}

/**
 * The columns whose agreement is no further evidence when two rows differ only in column `differing`: the
 * right-hand side B of a learned dependency A → B whose left side agrees (A does not include `differing`),
 * since rows that agree on A agree on B anyway. A side already dropped does not drop another (a code and its
 * name determine each other: one of them still counts).
 */
function redundantColumns(dependencies: readonly Dependency[], differing: number): Set<number> {
  const dropped = new Set<number>();
  for (const dep of dependencies) {
    if (!dep.lhs.includes(differing) && !dep.lhs.some((c) => dropped.has(c))) dropped.add(dep.rhs);
  }
  return dropped;
}

/**
 * A pair of rows equal in every column but `column`, and why that is no chance: the bits of evidence their
 * agreeing cells carry, or how rarely the other columns' combination repeats against how often unrelated
 * columns would repeat it (`key`).
 */
interface Candidate {
  row: number;
  other: number;
  column: number;
  bits: number;
  key?: { repeats: number; expected: number };
  /** Two other columns that form a key by themselves (key-pairs.ts), the pair agreeing on both. */
  keyPair?: KeyPair;
}

/**
 * The bits of evidence a pair's agreeing cells must carry, over `tests` (row, column) tests: the chance that
 * a row agrees with any of the other rows, (rows − 1) · 2^−bits, at most ALPHA / tests.
 */
function bitsNeeded(rows: number, tests: number): number {
  return Math.log2(rows - 1) + Math.log2(tests) - Math.log2(ALPHA);
}

/** Columns a record sent again must agree on besides its identifiers and times, at least. */
const MIN_AGREEING_COLUMNS = 3;
/**
 * How far apart in time, at most, a record and its copy sent again were written (ms): a week (an enrolment submitted
 * again two days later); a visit a month later, alike in all else, is another visit.
 */
const SENT_AGAIN_WITHIN_MS = 7 * 86_400_000;

/**
 * Whether rows `f` and `r` may differ in column `c` as a record and its copy sent again: a row's own identifier (a
 * column whose values repeat in at most 1% of its rows, as duplicate-key asks of a key) or a time within
 * SENT_AGAIN_WITHIN_MS; not another entity's id (a patient's).
 */
function differsAsSentAgain(data: IngestResult, c: number, f: number, r: number): boolean {
  if (TEMPORAL_KINDS.includes(data.columns[c].kind)) {
    const times = numericColumn(data, c);
    return Math.abs(times[r] - times[f]) <= SENT_AGAIN_WITHIN_MS;
  }
  const { uniqueShare } = keyOptions(duplicateKey.defaultOptions);
  return valueCodes(data, c).size >= uniqueShare * (data.table.numRows - nullCount(data, c));
}

/**
 * Pairs of rows (the earlier, the later) that agree on every column `compared` and differ in two or more of the
 * columns `keyOnly` (identifiers, dates and times), each as a copy sent again may (see differsAsSentAgain): one record
 * sent again under a new id at a new time (a stock movement booked twice, 8 seconds apart, under two movement
 * numbers). Only where the compared columns identify rows — their combination repeats in at most `maxRepeatShare` of
 * the rows — and exactly two rows share it, agreeing on `needed` bits of evidence or more (see columnIds). Read from the
 * rows whose value of the compared text column of most values repeats: two rows that agree must agree there.
 */
function sentAgainPairs(data: IngestResult, compared: readonly boolean[], keyOnly: readonly boolean[], maxRepeatShare: number, needed: number): [number, number][] {
  const rows = data.table.numRows;
  if (compared.filter(Boolean).length < MIN_AGREEING_COLUMNS || keyOnly.filter(Boolean).length < 2) return [];
  const candidates = rowsThatMayAgree(data, compared);
  if (candidates.length < 2) return [];
  const cells = data.columns.map((_, c) => (compared[c] || keyOnly[c] ? cellsOf(data, c) : undefined));
  const m = candidates.length;
  const [a, b] = [new Int32Array(m), new Int32Array(m)];
  cells.forEach((cell, c) => {
    if (!cell || !compared[c]) return;
    for (let i = 0; i < m; i++) fold(a, b, i, cell.key(candidates[i]), c);
  });
  const groups = new Map<number, number[]>();
  let repeats = 0;
  eachRepeat(a, b, slotTable(m), (f, r) => {
    repeats++;
    const group = groups.get(f) ?? [candidates[f]];
    group.push(candidates[r]);
    groups.set(f, group);
  });
  if (repeats === 0 || repeats > maxRepeatShare * rows) return [];
  const pairs: [number, number][] = [];
  for (const [f, r, ...more] of groups.values()) {
    if (more.length > 0 || r === undefined) continue;
    let [bits, differing] = [0, 0];
    let same = true;
    cells.forEach((cell, c) => {
      if (!cell) return;
      if (compared[c]) {
        same &&= cell.key(f) === cell.key(r) && cellText(data, f, c) === cellText(data, r, c);
        const holding = cell.rowsOf(r);
        if (holding >= 2) bits += Math.log2((rows - 1) / (holding - 1));
      } else if (cell.key(f) !== cell.key(r)) {
        differing++;
        same &&= differsAsSentAgain(data, c, f, r);
      }
    });
    if (same && differing >= 2 && bits >= needed) pairs.push([f, r]);
  }
  return pairs.sort((x, y) => x[1] - y[1]);
}

export const nearDuplicateRow = defineRule({
  id: 'near-duplicate-row',
  title: 'Near-duplicate row',
  dimension: 'uniqueness',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A row repeats an earlier row in every column but one, but its identifiers and times, or but one fact and the column that follows from it, in a table where that cannot be chance.',
  docs: `A record entered twice is often not an exact copy: a merge of two sources, or a re-entry, changes one
field (a price re-typed, a category picked again). The row then escapes duplicate-row, yet a model sees one
example twice, with two answers for one cell.

A row is reported when it equals an earlier row in every column but one, only two rows share those values,
and chance cannot explain it, by any of three tests (each with a 1% chance of one coincidental finding in
the table, Bonferroni over the rows and columns tested):

- **rare agreement**: the agreeing cells are weighed by how rare their values are (a value another row holds
  with chance 1 in 1,000 is 10 bits of evidence, one in half of the rows 1 bit), leaving out a column a
  learned dependency determines from another agreeing column (a city given its zip code); the sum must
  exceed what every row compared with every other could produce by chance. So rows of a few categories, which
  agree naturally, are no finding; rows that agree on several measurements and names are.
- **a broken key**: the other columns together identify rows (a calendar's year + month + day, a league's
  date + team): their combination repeats in at most 1% of the rows (as duplicate-key asks of a key) and far
  less often than columns unrelated to each other would repeat it (a Poisson test against the expected
  number of chance repeats). A repeat is then one record entered twice.
- **a key of two columns**: two of the agreeing columns identify rows by themselves (a league's date and home
  team, a range table's species and county): each repeats a lot, yet their combination repeats in at most a
  tenth of the pairs of rows that columns unrelated to each other would give, and so few that a Poisson count
  of that mean is as low with a 1% chance over every pair of columns (copies of a whole row left out: they
  are duplicate-row's). Columns a dependency ties together repeat together more often, never less, so they
  never form such a key.

A difference in a date or time, an identifier or a row counter makes rows distinct by design (the same reading at
two times, two records with their own ids), and is reported only where the other columns identify rows — their
combination repeats in at most 1% of the rows, as duplicate-key asks of a key — and the pair's agreement is beyond
chance by the tests above (counted as one test more per row): one record sent again under a new id or a day later (a
fuel fill with the same vehicle, odometer, litres and price under a new record id). A snapshot that repeats most
rows day after day is no such table. An empty cell against a filled one is a difference there too: the same record,
once without its id or date.

A record sent again under a new id at a new time differs in two such columns (a stock movement booked twice, 8
seconds apart, under two movement numbers): a row that agrees with one other row on every column but its identifiers,
dates and times (three columns at least), differing only in its own identifier (a column that repeats in at most 1%
of its rows, not another entity's id: a patient's) and in times within a week of the other row's (an enrolment
submitted again two days later; a patient's visit a month later, alike in all else, is another visit), where those
columns' combination repeats in at most 1% of the rows and the agreement is beyond chance (as above), is reported on
its row (the evidence: \`otherRow\`, \`differingColumns\`), with a fix deleting it. A snapshot that lists most records
again under new ids and times is no such table.

A record sent again **with one fact changed and what follows from it** differs in two measures that a relation
learned from the table ties, and the relation holds in both rows: a departure 5 minutes later and a length of stay 5
minutes longer (a count of time and one of its ends, duration-mismatch's), a tip and the total it is part of, a
nightly rate and the total it multiplies into, two parts of a total that trade an amount (any two columns of an
arithmetic relation, broken-relation's). Both ends of a count of time moved together (an arrival and a departure an
hour later: a stay as long) are another record. Without such a relation, two rows sharing their own identifier (a
column repeating in at most 1% of its rows) whose two measures changed by the same amount (a time against a number
in seconds, minutes, hours or days, within the number's last decimal) are one record too. Such a row, agreeing with
one other row on every other column (three at least), is reported with a fix deleting it where the agreeing cells'
bits of evidence pass the test above over the tests made (each row against each pair of related columns; sharing an
identifier, each pair of measures). The evidence: \`otherRow\`, \`differingColumns\`, \`bits\`, \`bitsNeeded\`.

A station **read twice at one time**: where the file interleaves the readings of several stations (or machines,
turbines, meters) — a text column whose values each hold 20 rows or more on average, each value's rows readings taken
at one regular step of a date or timestamp column (90% of their steps, as stuck-value reads them) — a row holding the
station and time of an earlier row is that reading recorded again, whatever else it changed (a turbine's power,
energy and temperature re-sent slightly revised), where the two rows agree on more than half of their other columns
(rows apart in most are two readings, one at a time written wrong). Not where such repeats pass 1% of the rows (several sensors read per
step, or snapshots), nor for rows equal in every column (duplicate-row's). The evidence: \`otherRow\`,
\`differingColumns\`, \`seriesColumn\`, \`timeColumn\`; a fix deletes the later row.

A pair whose differing cells say one value written otherwise ("WEBER" / "Weber", "St." / "St") is a copy,
reported by duplicate-row.

The finding sits on the later row — the copy — and points at the differing cell of both rows (related information).
The evidence: the differing column, the other row, the two values, and the bits of evidence against the bits needed,
or how often the other columns (or the two key columns) repeat against how often chance would repeat them.

**Fix**: delete the copy, or merge the two rows keeping the right value. In a file checked in batches, each
batch is checked on its own.`,
  check({ data, report: reportAny, rowNumber, isIgnored }) {
    const rows = data.table.numRows;
    const width = data.columns.length;
    if (rows < 3 || width < 3) return;
    // A row is reported once, by the first of the tests below that finds it.
    const reportedRows = new Set<number>();
    const report: typeof reportAny = (finding) => {
      if (finding.row !== null && finding.row !== undefined) {
        if (reportedRows.has(finding.row)) return;
        reportedRows.add(finding.row);
      }
      reportAny(finding);
    };
    // In a date, an identifier or a row counter only an empty cell against a filled one is a difference.
    const emptyOnly = data.columns.map((_, c) => distinguishing(data, c));
    const differing = data.columns.map((_, c) => !isIgnored(c) && (!emptyOnly[c] || nullCount(data, c) > 0));
    // A date, an identifier or a row counter differs between two rows by design, unless the other columns identify
    // rows (their combination repeats in at most 1% of the rows, as duplicate-key asks of a key) and the pair's
    // agreement is beyond chance: then it is one record sent again under a new id or a later date.
    const keyOnly = data.columns.map((_, c) => !isIgnored(c) && emptyOnly[c]);
    const { uniqueShare } = keyOptions(duplicateKey.defaultOptions);
    // One record sent again under a new id at a new time: the rows differ in two such columns, and agree on the others.
    const keyColumns = keyOnly.filter(Boolean).length;
    const compared = data.columns.map((_, c) => !isIgnored(c) && !keyOnly[c]);
    for (const [f, r] of sentAgainPairs(data, compared, keyOnly, 1 - uniqueShare, bitsNeeded(rows, rows * keyColumns))) {
      const names = data.columns.flatMap((column, c) => (keyOnly[c] && cellText(data, r, c) !== cellText(data, f, c) ? [column.name] : []));
      report({
        row: r,
        columnIndex: null,
        range: () => data.source.rowRange(r),
        evidence: { otherRow: rowNumber(f), differingColumns: names.join(', ') },
        message: `Row ${rowNumber(r)} repeats row ${rowNumber(f)} in every column but ${names.map((name) => `"${name}"`).join(' and ')}: the same record sent again.`,
        related: [{ row: f, columnIndex: null, message: `Row ${rowNumber(f)}` }],
        fixes: deleteDuplicateFixes(data, r, rowNumber(r)),
      });
    }
    // One record sent again with one fact changed, and the column that follows from it (a departure and the stay).
    for (const { row: r, other: f, changed, bits, needed } of changedCopies(data, data.columns.map((_, c) => !isIgnored(c)), (tests) => bitsNeeded(rows, tests), 1 - uniqueShare)) {
      const [a, b] = changed.map((c) => data.columns[c].name);
      report({
        row: r,
        columnIndex: null,
        range: () => data.source.rowRange(r),
        evidence: { otherRow: rowNumber(f), differingColumns: `${a}, ${b}`, bits: Math.round(bits), bitsNeeded: Math.round(needed) },
        message: `Row ${rowNumber(r)} repeats row ${rowNumber(f)} in every column but "${a}" and "${b}", which changed by the same amount: the same record sent again with one change.`,
        related: changed.flatMap((c) => [
          { row: r, columnIndex: c, message: `"${data.columns[c].name}" here: "${cellText(data, r, c)}"` },
          { row: f, columnIndex: c, message: `Row ${rowNumber(f)}: "${cellText(data, f, c)}"` },
        ]),
        fixes: deleteDuplicateFixes(data, r, rowNumber(r)),
      });
    }
    // One record entered twice with one field changed (the tests of the docs' first list).
    const nearCopies = () => {
      // A column whose values never repeat keeps every pair of rows apart: with two, no pair differs in one
      // column only; with one, only there.
      const unique: number[] = [];
      // Text columns first: their distinct values are at hand.
      const order = data.columns.map((_, c) => c).sort((a, b) => Number(!TEXT_KINDS.includes(data.columns[a].kind)) - Number(!TEXT_KINDS.includes(data.columns[b].kind)));
      for (const c of order) if (unique.length < 2 && neverRepeats(data, c)) unique.push(c);
      if (unique.length >= 2) return;
      if (unique.length === 1) for (let c = 0; c < width; c++) if (c !== unique[0]) differing[c] = keyOnly[c] = false;
      const tested = differing.filter(Boolean).length;
      const keyTested = tested + keyOnly.filter((k, c) => k && !differing[c]).length;
      if (keyTested === 0) return;
      // Where only a date or an identifier may differ, a copy agrees on every other column: most tables have no two
      // rows that do, and a table where more than 1% of the rows do is no table whose other columns identify rows.
      const { minRows } = keyOptions(duplicateKey.defaultOptions);
      if (tested === 0) {
        const agreeing = rowsAgreeingOn(data, data.columns.map((_, c) => !keyOnly[c]));
        if (agreeing === 0 || agreeing > (1 - uniqueShare) * rows) return;
      }
      const tests = rows * tested;
      // Rows that may have a near copy: two rows differing in one column agree on all of the first half of the
      // columns or all of the second. Usually none, and nothing more is computed.
      const near = rowsAgreeingOnAHalf(data);
      if (near.length === 0) return;
      const rejectedByColumn = new Map<number, number[]>();
      for (const cell of data.rejectedCells) {
        const list = rejectedByColumn.get(cell.column) ?? [];
        list.push(cell.row);
        rejectedByColumn.set(cell.column, list);
      }
      const columns = data.columns.map((_, c) => columnIds(data, c, rejectedByColumn.get(c) ?? []));
      // Strictest dependencies first: they decide which side of a pair of equivalent columns still counts.
      const dependencies = [...dependenciesOf(data)].sort((x, y) => x.error - y.error);
      // Per row: the chance another row shares all its values (2^−bits of the shared ones), and how many of its
      // values no other row shares (then none can).
      const chance = new Float64Array(rows);
      const unshared = new Int32Array(rows);
      columns.forEach(({ ids, bits }) => {
        for (let r = 0; r < rows; r++) {
          const b = bits[ids[r]];
          if (b < 0) unshared[r]++;
          else chance[r] += b;
        }
      });
      for (let r = 0; r < rows; r++) chance[r] = 2 ** -chance[r];
      // Hashes of the candidate rows over all cells; a column's own is taken out to compare rows on the others.
      const m = near.length;
      const sum1 = new Int32Array(m);
      const sum2 = new Int32Array(m);
      columns.forEach(({ ids }, c) => {
        for (let i = 0; i < m; i++) {
          sum1[i] = (sum1[i] + hash1(c, ids[near[i]])) | 0;
          sum2[i] = (sum2[i] + hash2(c, ids[near[i]])) | 0;
        }
      });
      const sameExcept = (a: number, b: number, skip: number) => columns.every(({ ids }, c) => c === skip || ids[a] === ids[b]);
      const first = slotTable(m);
      const mask = first.length - 1;
      const size = new Int32Array(first.length);
      const varies = new Uint8Array(first.length);
      const key1 = new Int32Array(m);
      const key2 = new Int32Array(m);
      const slotOf = new Int32Array(m);
      const found: Candidate[] = [];
      // Pairs chance may explain by the tests above: a key two other columns form may still settle them.
      const unexplained: Candidate[] = [];
      const needed = bitsNeeded(rows, tests);
      // (A date or an identifier tested only for a record sent again is one test more for each row.)
      const keyNeeded = bitsNeeded(rows, rows * keyTested);
      for (let c = 0; c < width; c++) {
        if (!differing[c] && !keyOnly[c]) continue;
        const { ids, bits, nullId } = columns[c];
        first.fill(-1);
        size.fill(0);
        varies.fill(0);
        // Candidate rows grouped by their cells in every other column: each one's slot is its group's; `first` holds a row.
        for (let i = 0; i < m; i++) {
          const r = near[i];
          const a = (key1[i] = (sum1[i] - hash1(c, ids[r])) | 0);
          const b = (key2[i] = (sum2[i] - hash2(c, ids[r])) | 0);
          let slot = (a ^ Math.imul(b, 0x27d4eb2f)) & mask;
          for (;;) {
            const f = first[slot];
            if (f < 0) {
              first[slot] = i;
              break;
            }
            if (key1[f] === a && key2[f] === b && sameExcept(near[f], r, c)) break;
            slot = (slot + 1) & mask;
          }
          size[slot]++;
          slotOf[i] = slot;
          if (ids[r] !== ids[near[first[slot]]]) varies[slot] = 1;
        }
        // How often the other columns' combination repeats with another value here (exact copies of a row are
        // duplicate-row's), against how often it would if the columns were unrelated (computed when it repeats).
        let repeated = 0;
        let extraRows = 0;
        for (let i = 0; i < m; i++) {
          const slot = slotOf[i];
          if (first[slot] === i && varies[slot]) {
            repeated++;
            extraRows += size[slot] - 1;
          }
        }
        if (repeated === 0) continue;
        let expected = 0;
        for (let r = 0; r < rows; r++) {
          const own = bits[ids[r]];
          if (unshared[r] === (own < 0 ? 1 : 0)) expected += chance[r] * 2 ** Math.max(0, own);
        }
        expected *= (rows - 1) / 2;
        const rare = rows >= minRows && extraRows <= (1 - uniqueShare) * rows;
        const key = rare && poissonAtMost(repeated, expected) <= ALPHA / (differing[c] ? tested : keyTested);
        if (keyOnly[c] && !differing[c] && !rare) continue;
        const redundant = key ? undefined : redundantColumns(dependencies, c);
        for (let i = 0; i < m; i++) {
          const slot = slotOf[i];
          const f = near[first[slot]];
          const r = near[i];
          // Two rows exactly, differing here (a third row makes the column vary within the group: a measurement).
          if (size[slot] !== 2 || f === r || ids[f] === ids[r]) continue;
          if (emptyOnly[c] && !rare && ids[f] !== nullId && ids[r] !== nullId) continue;
          if (!redundant) found.push({ row: r, other: f, column: c, bits: 0, key: { repeats: repeated, expected } });
          else {
            let sum = 0;
            for (let k = 0; k < width; k++) if (k !== c && !redundant.has(k)) sum += columns[k].bits[columns[k].ids[r]];
            if (sum >= (differing[c] ? needed : keyNeeded)) found.push({ row: r, other: f, column: c, bits: sum });
            else unexplained.push({ row: r, other: f, column: c, bits: sum });
          }
        }
      }
      if (unexplained.length > 0) {
        const keys = keyPairs(columns, data.columns.flatMap((_, c) => (isIgnored(c) ? [] : [c])), ALPHA, copiesOfEarlierRows(columns));
        for (const candidate of unexplained) {
          const keyPair = keys.find(({ columns: [a, b] }) => a !== candidate.column && b !== candidate.column && columns[a].ids[candidate.row] !== columns[a].nullId && columns[b].ids[candidate.row] !== columns[b].nullId);
          if (keyPair) found.push({ ...candidate, keyPair });
        }
      }
      // Two cells that say one value written otherwise make the rows copies: duplicate-row's.
      const writtenOtherwise = ({ row, other, column }: Candidate) => {
        if (TEXT_KINDS.includes(data.columns[column].kind)) return formOf(cellText(data, row, column)) === formOf(cellText(data, other, column));
        const forms = formIds(data, column).ids;
        return forms[row] === forms[other];
      };
      for (const { row: r, other: f, column: c, bits, key, keyPair } of found.filter((candidate) => !writtenOtherwise(candidate)).sort((x, y) => x.row - y.row || x.column - y.column)) {
        const name = data.columns[c].name;
        const here = cellText(data, r, c);
        const there = cellText(data, f, c);
        // The row is the copy: the finding sits on it, the differing cells among its related places.
        const cells = { column: name, value: here, otherRow: rowNumber(f), other: there };
        report({
          row: r,
          columnIndex: null,
          range: () => data.source.rowRange(r),
          evidence: key
            ? { ...cells, otherColumnsRepeat: key.repeats, repeatsByChance: Math.round(key.expected) }
            : keyPair
              ? { ...cells, keyColumns: keyPair.columns.map((k) => data.columns[k].name).join(', '), keyRepeats: keyPair.repeats, repeatsByChance: Math.round(keyPair.expected) }
              : { ...cells, bits: Math.round(bits), bitsNeeded: Math.round(differing[c] ? needed : keyNeeded) },
          message: `Row ${rowNumber(r)} repeats row ${rowNumber(f)} in every column but "${name}" ("${here}" here, "${there}" there): a near copy of the same record.`,
          related: [
            { row: r, columnIndex: c, message: `"${name}" here: "${here}"` },
            { row: f, columnIndex: c, message: `Row ${rowNumber(f)}: "${there}"` },
          ],
        });
      }
    };
    nearCopies();
    // A station read twice at one time, in a file of regular series (a turbine's 10-minute reading recorded again),
    // where no test above found the row.
    for (const { row: r, other: f, entity, time, differing: changed } of secondReadings(data, 1 - uniqueShare)) {
      const names = changed.map((c) => `"${data.columns[c].name}"`);
      const [e, t] = [data.columns[entity].name, data.columns[time].name];
      report({
        row: r,
        columnIndex: null,
        range: () => data.source.rowRange(r),
        evidence: { otherRow: rowNumber(f), differingColumns: changed.map((c) => data.columns[c].name).join(', '), seriesColumn: e, timeColumn: t },
        message:
          `Row ${rowNumber(r)} repeats the reading of "${e}" ${cellText(data, r, entity)} at "${t}" ${cellText(data, r, time)} of row ${rowNumber(f)} ` +
          `(each ${e} is read once per regular step of ${t}), with ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`} written otherwise: the same reading recorded twice.`,
        related: changed.slice(0, 3).flatMap((c) => [
          { row: r, columnIndex: c, message: `"${data.columns[c].name}" here: "${cellText(data, r, c)}"` },
          { row: f, columnIndex: c, message: `Row ${rowNumber(f)}: "${cellText(data, f, c)}"` },
        ]),
        fixes: deleteDuplicateFixes(data, r, rowNumber(r)),
      });
    }
  },
});
