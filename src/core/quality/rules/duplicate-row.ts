import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, nullCount, nullMask, numericColumn, recordRangeWithLineBreak, sortedColumn, sortedRuns, strictlyIncreasing } from '../column-values';
import type { IngestResult } from '../../table/model';
import type { FindingFix } from '../finding';
import { formIds } from '../cell-forms';
import { cellText } from '../dependencies';

/** What makes two cells of a column equal: the same number (with the null mask) or the same value id. */
type CellKeys = { numbers: Float64Array; mask: Uint8Array } | { ids: Int32Array };

function cellKeys(data: IngestResult): CellKeys[] {
  return data.columns.map((column, c) =>
    !TEXT_KINDS.includes(column.kind) && column.kind !== 'empty' && column.kind !== 'other'
      ? { numbers: numericColumn(data, c), mask: nullMask(data, c) }
      : { ids: distinctValues(data, c).ids },
  );
}

/**
 * Two 32-bit hashes per row over the cells' keys (a number's IEEE bits — NaN for null — or a value id,
 * −1 for null), column by column, and whether the row has any non-null cell.
 */
function rowHashes(keys: CellKeys[], rows: number): { h1: Int32Array; h2: Int32Array; nonBlank: Uint8Array } {
  const h1 = new Int32Array(rows).fill(0x811c9dc5 | 0);
  const h2 = new Int32Array(rows).fill(0x1b873593);
  const nonBlank = new Uint8Array(rows);
  for (const key of keys) {
    if ('ids' in key) {
      const ids = key.ids;
      for (let r = 0; r < rows; r++) {
        const x = ids[r];
        nonBlank[r] |= x >= 0 ? 1 : 0;
        h1[r] = Math.imul(h1[r] ^ x, 0x01000193) ^ Math.imul(h1[r] ^ (x >>> 16), 0x5bd1e995);
        h2[r] = (Math.imul(h2[r] ^ x, 0xcc9e2d51) + 0x1b873593) | 0;
      }
    } else {
      const words = new Uint32Array(key.numbers.buffer, key.numbers.byteOffset, rows * 2);
      const mask = key.mask;
      for (let r = 0; r < rows; r++) {
        const lo = words[2 * r];
        const hi = words[2 * r + 1];
        nonBlank[r] |= mask[r] ^ 1;
        h1[r] = Math.imul(h1[r] ^ lo, 0x01000193) ^ Math.imul(h1[r] ^ hi, 0x5bd1e995);
        h2[r] = (Math.imul(h2[r] ^ hi, 0xcc9e2d51) + Math.imul(h2[r] ^ lo, 0x1b873593)) | 0;
      }
    }
  }
  return { h1, h2, nonBlank };
}

/** Whether a numeric column's values only ever increase and none of its cells holds NaN (a null is no NaN here). */
function increasingAllNumbers(key: { numbers: Float64Array; mask: Uint8Array }): boolean {
  return strictlyIncreasing(key.numbers) && !nanOutsideNulls(key.numbers, key.mask);
}

/**
 * Whether a cell that is not null holds NaN. (An indexed loop, not `some` with a function called per row: V8
 * runs such a loop cold, once or twice a check, and the calls cost several times the loop; 836k rows of the
 * bench file's id column, twice.)
 */
function nanOutsideNulls(numbers: Float64Array, mask: Uint8Array): boolean {
  for (let r = 0; r < numbers.length; r++) if (numbers[r] !== numbers[r] && !mask[r]) return true;
  return false;
}

/**
 * Whether no two non-blank rows can be equal because one column never repeats a value (and has at most
 * one null): an id column, a free-text column of unique values.
 */
function someColumnNeverRepeats(data: IngestResult, keys: CellKeys[]): boolean {
  const rows = data.table.numRows;
  const unique = (c: number) => nullCount(data, c) <= 1;
  for (let c = 0; c < keys.length; c++) {
    const key = keys[c];
    if ('ids' in key && unique(c) && distinctValues(data, c).size === rows - nullCount(data, c)) return true;
  }
  for (let c = 0; c < keys.length; c++) {
    const key = keys[c];
    if ('ids' in key || !unique(c)) continue;
    if (increasingAllNumbers(key)) return true;
  }
  for (let c = 0; c < keys.length; c++) {
    const key = keys[c];
    if ('ids' in key || !unique(c)) continue;
    // Equal numbers make one run of the sorted values (−0 and 0 count as equal here: no shortcut then).
    const present = sortedColumn(data, c).length;
    if (present !== rows - nullCount(data, c)) continue;
    if (sortedRuns(data, c).values.length === present) return true;
  }
  return false;
}

/** The message of a duplicate row, and the title of its fix (rows numbered from 1 in the file): shared with the batched check. */
export const duplicateRowMessage = (rowNumber: number, firstRowNumber: number) => `Row ${rowNumber} duplicates row ${firstRowNumber}.`;
export const deleteDuplicateTitle = (rowNumber: number) => `Delete duplicate row ${rowNumber}`;

/** A finding's lazy fixes deleting row `r` (numbered `rowNumber` in the file) with its line break; none where the ranges are not the file's. */
export const deleteDuplicateFixes = (data: IngestResult, r: number, rowNumber: number) => (): FindingFix[] => {
  const range = recordRangeWithLineBreak(data, r);
  return range ? [{ kind: 'delete-row', title: deleteDuplicateTitle(rowNumber), range }] : [];
};

/** The message of a row equal to an earlier one once each cell is read by its form, with the cells written otherwise. */
export const formDuplicateMessage = (rowNumber: number, firstRowNumber: number, differences: readonly { column: string; here: string; there: string }[]) => {
  const listed = differences.slice(0, MAX_LISTED).map((d) => `"${d.column}" ("${d.here}" here, "${d.there}" there)`);
  const more = differences.length > MAX_LISTED ? ` and ${differences.length - MAX_LISTED} more` : '';
  return `Row ${rowNumber} duplicates row ${firstRowNumber} written otherwise: ${listed.join(', ')}${more}.`;
};

/** Cells written otherwise named in a message; the evidence names every column. */
const MAX_LISTED = 3;

/**
 * Whether no two rows can be equal in form ({@link formIds}) because a numeric or date column never repeats a
 * value and holds no cell its type rejected (a text column that never repeats may still repeat in form).
 */
function someColumnNeverRepeatsInForm(data: IngestResult, keys: CellKeys[]): boolean {
  const rejectedColumns = new Set(data.rejectedCells.map((cell) => cell.column));
  return keys.some((key, c) => {
    if ('ids' in key || rejectedColumns.has(c) || nullCount(data, c) > 1) return false;
    if (increasingAllNumbers(key)) return true;
    const present = sortedColumn(data, c).length;
    return present === data.table.numRows - nullCount(data, c) && sortedRuns(data, c).values.length === present;
  });
}

/**
 * Rows equal to an earlier row in every column once each cell is read by its form (case, white space,
 * punctuation, accents, a number or a date written otherwise) that are not exact copies: per such row, the
 * earlier row it repeats. `copies` marks the rows already reported as exact copies.
 */
function formCopies(data: IngestResult, nonBlank: Uint8Array, copies: Uint8Array): [number, number][] {
  const rows = data.table.numRows;
  const forms = data.columns.map((_, c) => formIds(data, c));
  if (!forms.some((f) => f.merges)) return [];
  const { h1, h2 } = rowHashes(forms.map(({ ids }) => ({ ids })), rows);
  const same = (a: number, b: number) => forms.every(({ ids }) => ids[a] === ids[b]);
  const firstOf = earlierEqualRows(h1, h2, nonBlank, same);
  const found: [number, number][] = [];
  for (let r = 0; r < rows; r++) if (firstOf[r] >= 0 && !copies[r]) found.push([r, firstOf[r]]);
  return found;
}

/**
 * For each row, the first earlier row `same` says it equals, or −1 (rows not marked in `include` take no
 * part). Open addressing over the rows kept as first occurrences, found by the rows' two hashes; probing meets
 * them in row order.
 */
function earlierEqualRows(h1: Int32Array, h2: Int32Array, include: Uint8Array, same: (a: number, b: number) => boolean): Int32Array {
  const rows = h1.length;
  const firstOf = new Int32Array(rows).fill(-1);
  let capacity = 16;
  while (capacity < rows * 2) capacity *= 2;
  const slotMask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  for (let r = 0; r < rows; r++) {
    if (!include[r]) continue;
    const a = h1[r];
    const b = h2[r];
    let slot = (a ^ (b >>> 7)) & slotMask;
    for (;;) {
      const f = table[slot];
      if (f < 0) {
        table[slot] = r;
        break;
      }
      if (h1[f] === a && h2[f] === b && same(f, r)) {
        firstOf[r] = f;
        break;
      }
      slot = (slot + 1) & slotMask;
    }
  }
  return firstOf;
}

/** Per row with rejected cells: their columns and texts, as one string. */
function rejectedTextsByRow(data: IngestResult): Map<number, string> {
  const byRow = new Map<number, string>();
  for (const cell of data.rejectedCells) byRow.set(cell.row, `${byRow.get(cell.row) ?? ''}${cell.column}\u0000${cell.text}\u0000`);
  return byRow;
}

export const duplicateRow = defineRule({
  id: 'duplicate-row',
  title: 'Duplicate row',
  dimension: 'uniqueness',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A row is a copy of an earlier row, exactly or but for how its values are written.',
  docs: `Duplicated rows over-weight some examples and, when one copy lands in the training split and the
other in the test split, leak the answer and inflate test metrics.

A row that equals an earlier row once each cell is read by its form is a copy too: records merged from
several sources write one value several ways. Case, accents, white space and punctuation are set aside
("Lake  Dr. " / "lake dr"; a separator between digits is kept: "1.5" is not "15"), numbers and dates are
compared by value ("3.0" / "3", "1,200" / "1200", "2021-02-27" / "27/02/2021" in a column of day-first dates,
when only one reading of it is a date of the column). The message and the evidence name the cells written
otherwise. (A row that differs in one cell's value, an empty cell against a filled one included, is
near-duplicate-row's.)

The finding sits on the later copy and points at the first occurrence (related information).

**Fix**: delete the duplicate (quick fix, or "fix all" for the file) — unless repeated identical
observations are genuinely expected.`,
  check({ data, report, rowNumber }) {
    const rows = data.table.numRows;
    if (rows < 2 || data.columns.length === 0) return;
    const keys = cellKeys(data);
    const exactPossible = !someColumnNeverRepeats(data, keys);
    if (!exactPossible && someColumnNeverRepeatsInForm(data, keys)) return;
    const { h1, h2, nonBlank } = rowHashes(keys, rows);
    // Cells that did not fit their column's type are null in the table: their texts tell such rows apart.
    const rejected = rejectedTextsByRow(data);
    for (const [r, text] of rejected) {
      nonBlank[r] = 1;
      for (let i = 0; i < text.length; i++) h1[r] = Math.imul(h1[r] ^ text.charCodeAt(i), 0x01000193);
    }
    const same = (a: number, b: number) => {
      if (rejected.get(a) !== rejected.get(b)) return false;
      for (const key of keys) {
        if ('ids' in key) {
          if (key.ids[a] !== key.ids[b]) return false;
        } else if (key.mask[a] ? key.mask[b] !== 1 : key.mask[b] !== 0 || key.numbers[a] !== key.numbers[b]) return false;
      }
      return true;
    };
    const reportDuplicate = (r: number, first: number) =>
      report({
        row: r,
        columnIndex: null,
        range: () => data.source.rowRange(r),
        message: duplicateRowMessage(rowNumber(r), rowNumber(first)),
        related: [{ row: first, columnIndex: null, message: 'First occurrence' }],
        fixes: deleteDuplicateFixes(data, r, rowNumber(r)),
      });
    const copies = new Uint8Array(rows);
    // Rows with every cell missing are blank rows, reported elsewhere.
    if (exactPossible) {
      const firstOf = earlierEqualRows(h1, h2, nonBlank, same);
      for (let r = 0; r < rows; r++) {
        if (firstOf[r] < 0) continue;
        copies[r] = 1;
        reportDuplicate(r, firstOf[r]);
      }
    }
    for (const [r, first] of formCopies(data, nonBlank, copies)) {
      const differences = data.columns.flatMap((column, c) => {
        const [here, there] = [cellText(data, r, c), cellText(data, first, c)];
        return here === there ? [] : [{ column: column.name, here, there }];
      });
      report({
        row: r,
        columnIndex: null,
        range: () => data.source.rowRange(r),
        message: formDuplicateMessage(rowNumber(r), rowNumber(first), differences),
        evidence: { otherRow: rowNumber(first), writtenOtherwise: differences.map((d) => d.column).join(', ') },
        related: [{ row: first, columnIndex: null, message: 'First occurrence' }],
        fixes: deleteDuplicateFixes(data, r, rowNumber(r)),
      });
    }
  },
});
