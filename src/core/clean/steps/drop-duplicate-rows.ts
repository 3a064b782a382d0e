import { z } from 'zod';
import { columnIndex, type Frame } from '../frame';
import { defineStep, dropRowsWhere, py, type StepState } from '../step';
import { FirstOccurrences, MAX_SLOTS } from '../../check/cross-batch-duplicates';
import { fmix32, hashString, murmurRound } from '../../shared/hash';
import { allColumns, nameList } from './options';

/** The rows seen so far in a pass, by two 32-bit hashes of their cells (bounded, as the batched check's table). */
export class SeenRows implements StepState {
  readonly kind = 'seen-rows';
  readonly table = new FirstOccurrences(MAX_SLOTS);

  notes(): string[] {
    return this.table.full
      ? ['The table of rows seen filled up (128 MiB): rows after that point are compared with the rows remembered, but not remembered themselves.']
      : [];
  }
}

const EMPTY = 0x5f3759df;

/** Two hashes of each row's cells in `columns` (empty cells alike, whatever their text). */
function rowHashes(frame: Frame, columns: number[]): { h1: Int32Array; h2: Int32Array } {
  const h1 = new Int32Array(frame.length).fill(0x2545f491);
  const h2 = new Int32Array(frame.length).fill(0x6a09e667);
  for (const c of columns) {
    const cells = frame.columns[c];
    for (let r = 0; r < frame.length; r++) {
      const cell = cells[r];
      const empty = cell === null || cell === '';
      h1[r] = murmurRound(h1[r], empty ? EMPTY : hashString(0x9747b28c, cell));
      h2[r] = murmurRound(h2[r], empty ? EMPTY : hashString(0x3c6ef372, cell));
    }
  }
  for (let r = 0; r < frame.length; r++) {
    h1[r] = fmix32(h1[r]) | 0;
    h2[r] = fmix32(h2[r]) | 0;
  }
  return { h1, h2 };
}

export const dropDuplicateRows = defineStep({
  id: 'drop-duplicate-rows',
  title: 'Drop duplicate rows',
  description:
    'Drops rows whose cells are all equal to an earlier row\'s (after the steps before it), keeping the first. Across the batches of a large file rows are compared by 64-bit hashes, as the batched check does.',
  options: z.object({ columns: z.array(z.string().min(1)).min(1).optional().describe('Compare only these columns (default: all).') }),
  columns: (o, schema) => o.columns ?? allColumns(o, schema),
  dropsRows: () => true,
  createState: () => new SeenRows(),
  apply(frame, o, _fitted, _context, state) {
    const seen = state as SeenRows;
    const columns = (o.columns ?? frame.schema.map((c) => c.name)).map((name) => columnIndex(frame.schema, name));
    const { h1, h2 } = rowHashes(frame, columns);
    return dropRowsWhere(frame, (r) => seen.table.firstOrKeep(h1[r], h2[r], frame.rows[r], () => 0) !== undefined);
  },
  pandas(o) {
    return { lines: [o.columns ? `df = df.drop_duplicates(subset=${py(o.columns)}, keep="first")` : 'df = df.drop_duplicates(keep="first")'] };
  },
  summary: (o) => (o.columns ? `Drop rows duplicating ${nameList(o.columns)}` : 'Drop exact duplicate rows'),
});
