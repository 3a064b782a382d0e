/**
 * What cleaning works on: a batch of rows as cell texts, column by column. A cell is the text as it is
 * written in the source (CSV: unquoted; Arrow/Parquet: the value formatted as the table view shows it),
 * or null for an empty cell. Steps change texts (and the column kinds they imply); untouched cells are
 * written back exactly as they were read, so a cleaned CSV differs from its source only where a step
 * changed something. Typed writers (Arrow, Parquet, JSON Lines) parse the texts by column kind.
 */
import type { ColumnKind } from '../table/model';
import type { DateFormat } from '../ingest/csv/infer';

export type Cell = string | null;

/** A column as cleaning sees it: its name, what it holds, and for dates read from text, their format. */
export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  dateFormat?: DateFormat;
}

export interface Frame {
  schema: ColumnSpec[];
  /** One array of cells per column of `schema`, each `length` long. */
  columns: Cell[][];
  /** The source's 0-based data row of each row (rows keep their number when others are dropped). */
  rows: Float64Array;
  /** 1 where the reader met a structural defect in the row (ragged, stray quote). */
  malformed: Uint8Array;
  length: number;
}

/** Index of column `name` in `schema`; throws a clear error when there is none. */
export function columnIndex(schema: readonly ColumnSpec[], name: string): number {
  const index = schema.findIndex((c) => c.name === name);
  if (index < 0) throw new Error(`no column "${name}" (columns: ${schema.map((c) => `"${c.name}"`).join(', ')})`);
  return index;
}

/** The frame without the rows where `keep` is 0 (the same frame when every row is kept). */
export function keepRows(frame: Frame, keep: Uint8Array): Frame {
  let kept = 0;
  for (let i = 0; i < frame.length; i++) kept += keep[i];
  if (kept === frame.length) return frame;
  const rows = new Float64Array(kept);
  const malformed = new Uint8Array(kept);
  for (let i = 0, j = 0; i < frame.length; i++) {
    if (!keep[i]) continue;
    rows[j] = frame.rows[i];
    malformed[j++] = frame.malformed[i];
  }
  const columns = frame.columns.map((cells) => {
    const out: Cell[] = new Array(kept);
    for (let i = 0, j = 0; i < frame.length; i++) if (keep[i]) out[j++] = cells[i];
    return out;
  });
  return { schema: frame.schema, columns, rows, malformed, length: kept };
}
