import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, nullCount, nullMask, numericColumn, recordRangeWithLineBreak, sortedColumn, strictlyIncreasing } from '../column-values';
import type { IngestResult } from '../../table/model';

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
    if (strictlyIncreasing(key.numbers) && !key.numbers.some((v, r) => !key.mask[r] && Number.isNaN(v))) return true;
  }
  for (let c = 0; c < keys.length; c++) {
    const key = keys[c];
    if ('ids' in key || !unique(c)) continue;
    // Equal numbers sit side by side in the sorted copy (−0 and 0 count as equal here: no shortcut then).
    const sorted = sortedColumn(data, c);
    if (sorted.length !== rows - nullCount(data, c)) continue;
    let repeats = false;
    for (let i = 1; i < sorted.length && !repeats; i++) repeats = sorted[i] === sorted[i - 1];
    if (!repeats) return true;
  }
  return false;
}

/** The message of a duplicate row, and the title of its fix (rows numbered from 1 in the file): shared with the batched check. */
export const duplicateRowMessage = (rowNumber: number, firstRowNumber: number) => `Row ${rowNumber} duplicates row ${firstRowNumber}.`;
export const deleteDuplicateTitle = (rowNumber: number) => `Delete duplicate row ${rowNumber}`;

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
  description: 'A row is an exact copy of an earlier row.',
  docs: `Duplicated rows over-weight some examples and, when one copy lands in the training split and the
other in the test split, leak the answer and inflate test metrics.

The finding sits on the later copy and points at the first occurrence (related information).

**Fix**: delete the duplicate (quick fix, or "fix all" for the file) — unless repeated identical
observations are genuinely expected.`,
  check({ data, report, rowNumber }) {
    const rows = data.table.numRows;
    if (rows < 2 || data.columns.length === 0) return;
    const keys = cellKeys(data);
    if (someColumnNeverRepeats(data, keys)) return;
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
        fixes: () => {
          const range = recordRangeWithLineBreak(data, r);
          return range ? [{ kind: 'delete-row' as const, title: deleteDuplicateTitle(rowNumber(r)), range }] : [];
        },
      });
    // Open addressing over the rows kept as first occurrences; probing meets them in row order.
    let capacity = 16;
    while (capacity < rows * 2) capacity *= 2;
    const slotMask = capacity - 1;
    const table = new Int32Array(capacity).fill(-1);
    for (let r = 0; r < rows; r++) {
      // Rows with every cell missing are blank rows, reported elsewhere.
      if (!nonBlank[r]) continue;
      const a = h1[r];
      const b = h2[r];
      let slot = (a ^ (b >>> 7)) & slotMask;
      let first = -1;
      for (;;) {
        const f = table[slot];
        if (f < 0) break;
        if (h1[f] === a && h2[f] === b && same(f, r)) {
          first = f;
          break;
        }
        slot = (slot + 1) & slotMask;
      }
      if (first < 0) table[slot] = r;
      else reportDuplicate(r, first);
    }
  },
});
