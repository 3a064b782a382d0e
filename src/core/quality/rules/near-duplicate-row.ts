import { defineRule } from '../rule';
import { TEMPORAL_KINDS, TEXT_KINDS, distinctValues, looksLikeIdentifier, numericColumn, strictlyIncreasing, valueCodes } from '../column-values';
import { cellText, dependenciesOf, type Dependency } from '../dependencies';
import { duplicateKey, keyOptions } from './duplicate-key';
import type { IngestResult } from '../../table/model';

/**
 * The false discovery rate the findings are held to (Benjamini–Hochberg over every row and column tested): of
 * the pairs reported, at most this share may be expected to agree by chance.
 */
const FDR = 0.01;

/** Largest chance that columns unrelated to each other would repeat their combination as rarely as a key's does. */
const ALPHA = 0.01;

/** Per column: an id per row (nulls one id of their own, cells that did not fit the column's type one id each) and the rows per id. */
interface ColumnIds {
  ids: Int32Array;
  counts: Int32Array;
  /** Per id: the bits of evidence two rows agreeing on it carry, log2(rows / its rows). */
  bits: Float64Array;
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
  for (let id = 0; id < next; id++) bits[id] = Math.log2(ids.length / counts[id]);
  return { ids, counts, bits };
}

/** murmur3's finalizer: a cell's 32-bit hash from its column's seed and its id. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** Two hashes of a cell (column `c`, value id `id`), summed over a row so one column's can be taken out again. */
const hash1 = (c: number, id: number) => mix(id ^ Math.imul(c + 1, 0x9e3779b1));
const hash2 = (c: number, id: number) => mix(Math.imul(id + 0x6d2b79f5, 0x2c1b3c6d) ^ Math.imul(c + 1, 0x7feb352d));

/**
 * Columns that make rows naturally distinct, so a difference there alone says nothing: dates and times (the
 * same reading at two times), identifiers and row counters (two records given their own ids).
 */
function distinguishing(data: IngestResult, c: number): boolean {
  const column = data.columns[c];
  if (TEMPORAL_KINDS.includes(column.kind) || looksLikeIdentifier(column.name)) return true;
  return column.kind === 'integer' && strictlyIncreasing(numericColumn(data, c));
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

/** A pair of rows equal in every column but `column`, and the bits of evidence their agreeing cells carry. */
interface Candidate {
  row: number;
  other: number;
  column: number;
  bits: number;
}

/**
 * The bits of evidence the i-th strongest of `tests` (row, column) tests must carry to be reported
 * (Benjamini–Hochberg at {@link FDR}): its chance of agreeing with any of the other rows, the rows times
 * 2^−bits, at most i · FDR / tests.
 */
/** P(X ≤ k) for X Poisson with mean `mean` (summed in logs: the mean may be in the thousands). */
export function poissonAtMost(k: number, mean: number): number {
  if (mean <= 0) return 1;
  let logTerm = -mean;
  let logSum = logTerm;
  for (let j = 1; j <= k; j++) {
    logTerm += Math.log(mean / j);
    const high = Math.max(logSum, logTerm);
    logSum = high + Math.log(Math.exp(logSum - high) + Math.exp(logTerm - high));
  }
  return Math.min(1, Math.exp(logSum));
}

function bitsNeeded(rows: number, tests: number, i: number): number {
  return Math.log2(rows - 1) + Math.log2(tests) - Math.log2(i * FDR);
}

export const nearDuplicateRow = defineRule({
  id: 'near-duplicate-row',
  title: 'Near-duplicate row',
  dimension: 'uniqueness',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A row repeats an earlier row in every column but one, in a table where that cannot be chance.',
  docs: `A record entered twice is often not an exact copy: a merge of two sources, or a re-entry, changes one
field (a price re-typed, a category picked again). The row then escapes duplicate-row, yet a model sees one
example twice, with two answers for one cell.

A row is reported when it equals an earlier row in every column but one, and only two rows share those
values. Agreeing by chance must be negligible: the agreeing cells' values are weighed by how rare they are
in their columns (a value in 1 row of 1,000 is 10 bits of evidence, a value in half of the rows 1 bit),
leaving out a column a learned dependency determines from another agreeing column (a city given its zip
code), and the sum must exceed what all pairs of rows and all columns could produce by chance, with a 1%
chance of one false alarm in the table (Bonferroni). So a table of a few categories, where rows naturally
agree, has no finding; rows that agree on several measurements and names do. A difference in a date or
time, an identifier or a row counter is not reported: those make rows distinct by design (the same reading
at two times, two records with their own ids).

The finding sits on the differing cell of the later row and points at the earlier row (related information).
The evidence: the other row, the two values and the bits of evidence against the bits needed.

**Fix**: delete the copy, or merge the two rows keeping the right value. In a file checked in batches, each
batch is checked on its own.`,
  check({ data, report, rowNumber, isIgnored }) {
    const rows = data.table.numRows;
    const width = data.columns.length;
    if (rows < 3 || width < 3) return;
    const rejectedByColumn = new Map<number, number[]>();
    for (const cell of data.rejectedCells) {
      const list = rejectedByColumn.get(cell.column) ?? [];
      list.push(cell.row);
      rejectedByColumn.set(cell.column, list);
    }
    const columns = data.columns.map((_, c) => columnIds(data, c, rejectedByColumn.get(c) ?? []));
    const differing = data.columns.map((_, c) => !isIgnored(c) && !distinguishing(data, c));
    const tests = rows * differing.filter(Boolean).length;
    if (tests === 0) return;
    // Strictest dependencies first: they decide which side of a pair of equivalent columns still counts.
    const dependencies = [...dependenciesOf(data)].sort((x, y) => x.error - y.error);
    // Row hashes and bits over all cells; a column's own are taken out to compare rows on the others.
    const sum1 = new Int32Array(rows);
    const sum2 = new Int32Array(rows);
    const rowBits = new Float64Array(rows);
    columns.forEach(({ ids, bits }, c) => {
      for (let r = 0; r < rows; r++) {
        sum1[r] = (sum1[r] + hash1(c, ids[r])) | 0;
        sum2[r] = (sum2[r] + hash2(c, ids[r])) | 0;
        rowBits[r] += bits[ids[r]];
      }
    });
    const { uniqueShare, minRows } = keyOptions(duplicateKey.defaultOptions);
    const sameExcept = (a: number, b: number, skip: number) => columns.every(({ ids }, c) => c === skip || ids[a] === ids[b]);
    let capacity = 16;
    while (capacity < rows * 2) capacity *= 2;
    const mask = capacity - 1;
    const first = new Int32Array(capacity);
    const size = new Int32Array(capacity);
    const key1 = new Int32Array(rows);
    const key2 = new Int32Array(rows);
    const slotOf = new Int32Array(rows);
    const varies = new Uint8Array(capacity);
    const candidates: Candidate[] = [];
    const keyBreaks: Candidate[] = [];
    // The fewest bits a finding can rest on (half the rows being near copies).
    const floor = bitsNeeded(rows, tests, rows / 2);
    for (let c = 0; c < width; c++) {
      if (!differing[c]) continue;
      const { ids } = columns[c];
      const redundant = redundantColumns(dependencies, c);
      first.fill(-1);
      size.fill(0);
      // Rows grouped by their cells in every other column: each row's slot is its group's.
      for (let r = 0; r < rows; r++) {
        const a = (key1[r] = (sum1[r] - hash1(c, ids[r])) | 0);
        const b = (key2[r] = (sum2[r] - hash2(c, ids[r])) | 0);
        let slot = (a ^ Math.imul(b, 0x27d4eb2f)) & mask;
        for (;;) {
          const f = first[slot];
          if (f < 0) {
            first[slot] = r;
            break;
          }
          if (key1[f] === a && key2[f] === b && sameExcept(f, r, c)) break;
          slot = (slot + 1) & mask;
        }
        size[slot]++;
        slotOf[r] = slot;
      }
      // How often the other columns' combination repeats with another value here (exact copies of a row are
      // duplicate-row's), against how often it would if the columns were unrelated: each row agrees with each
      // other row with chance 2^−(its bits in the other columns).
      varies.fill(0);
      for (let r = 0; r < rows; r++) if (ids[r] !== ids[first[slotOf[r]]]) varies[slotOf[r]] = 1;
      let repeated = 0;
      let extraRows = 0;
      let expected = 0;
      for (let r = 0; r < rows; r++) {
        const slot = slotOf[r];
        if (first[slot] === r && varies[slot]) {
          repeated++;
          extraRows += size[slot] - 1;
        }
        expected += ((rows - 1) / 2) * 2 ** -(rowBits[r] - columns[c].bits[ids[r]]);
      }
      const key = rows >= minRows && extraRows <= (1 - uniqueShare) * rows && poissonAtMost(repeated, expected) <= ALPHA;
      for (let r = 0; r < rows; r++) {
        const slot = slotOf[r];
        const f = first[slot];
        // Two rows exactly, differing here (a third row makes the column vary within the group: a measurement).
        if (size[slot] !== 2 || f === r || ids[f] === ids[r]) continue;
        if (key) keyBreaks.push({ row: r, other: f, column: c, bits: 0 });
        else {
          let bits = 0;
          for (let k = 0; k < width; k++) if (k !== c && !redundant.has(k)) bits += columns[k].bits[columns[k].ids[r]];
          if (bits >= floor) candidates.push({ row: r, other: f, column: c, bits });
        }
      }
    }
    // Benjamini–Hochberg: the i strongest candidates are reported when the i-th is strong enough for i findings.
    candidates.sort((x, y) => y.bits - x.bits);
    let accepted = 0;
    candidates.forEach((candidate, i) => {
      if (candidate.bits >= bitsNeeded(rows, tests, i + 1)) accepted = i + 1;
    });
    for (const { row: r, other: f, column: c, bits } of [...keyBreaks, ...candidates.slice(0, accepted)].sort((x, y) => x.row - y.row || x.column - y.column)) {
      const name = data.columns[c].name;
      const here = cellText(data, r, c);
      const there = cellText(data, f, c);
      report({
        row: r,
        columnIndex: c,
        value: here,
        evidence: { otherRow: rowNumber(f), other: there, bits: Math.round(bits), bitsNeeded: Math.round(bitsNeeded(rows, tests, accepted)) },
        message: `Row ${rowNumber(r)} repeats row ${rowNumber(f)} in every column but "${name}" ("${here}" here, "${there}" there): a near copy of the same record.`,
        related: [{ row: f, columnIndex: c, message: `Row ${rowNumber(f)}: "${there}"` }],
      });
    }
  },
});
