import { defineRule } from '../rule';
import { TEXT_KINDS, nullMask, numericColumn, recordRangeWithLineBreak, textColumn } from '../column-values';
import type { IngestResult } from '../../table/model';

/** One comparable number per cell (text → an id per distinct value; null → NaN with the mask deciding). */
function cellCodes(data: IngestResult): Float64Array[] {
  return data.columns.map((column, c) => {
    if (!TEXT_KINDS.includes(column.kind) && column.kind !== 'empty' && column.kind !== 'other') return numericColumn(data, c);
    const ids = new Map<string, number>();
    const text = textColumn(data, c);
    const out = new Float64Array(text.length);
    text.forEach((v, r) => {
      if (v === null) out[r] = NaN;
      else {
        let id = ids.get(v);
        if (id === undefined) ids.set(v, (id = ids.size));
        out[r] = id;
      }
    });
    return out;
  });
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
  check({ data, report }) {
    const rows = data.table.numRows;
    if (rows < 2 || data.columns.length === 0) return;
    const codes = cellCodes(data);
    const masks = data.columns.map((_, c) => nullMask(data, c));
    const scratch = new Float64Array(1);
    const bits = new Uint32Array(scratch.buffer);
    const hashes = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      let h1 = 0x811c9dc5;
      let h2 = 0x1b873593;
      for (let c = 0; c < codes.length; c++) {
        scratch[0] = masks[c][r] ? -0.5 : codes[c][r];
        h1 = Math.imul(h1 ^ bits[0], 0x01000193) ^ Math.imul(h1 ^ bits[1], 0x5bd1e995);
        h2 = Math.imul(h2 ^ bits[1], 0xcc9e2d51) + Math.imul(h2 ^ bits[0], 0x1b873593);
      }
      hashes[r] = (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff);
    }
    const same = (a: number, b: number) => codes.every((col, c) => (masks[c][a] ? masks[c][b] === 1 : masks[c][b] === 0 && col[a] === col[b]));
    const firstOf = new Map<number, number[]>();
    for (let r = 0; r < rows; r++) {
      // Rows with every cell missing are blank rows, reported elsewhere.
      if (masks.every((m) => m[r])) continue;
      const candidates = firstOf.get(hashes[r]);
      const first = candidates?.find((f) => same(f, r));
      if (first === undefined) {
        if (candidates) candidates.push(r);
        else firstOf.set(hashes[r], [r]);
        continue;
      }
      report({
        row: r,
        columnIndex: null,
        range: () => data.source.rowRange(r),
        message: `Row ${r + 1} duplicates row ${first + 1}.`,
        related: () => [{ range: data.source.rowRange(first), message: 'First occurrence' }],
        fixes: () => {
          const range = recordRangeWithLineBreak(data, r);
          return range ? [{ kind: 'delete-row' as const, title: `Delete duplicate row ${r + 1}`, range }] : [];
        },
      });
    }
  },
});
