/**
 * Timestamps written another way than their column (a "T" among spaces, seconds, a zone): the reader takes them
 * alike and lists them as the column's variant cells (ingest/timestamp-form.ts); here they are gathered per
 * column, where they stay a few among many.
 */
import type { IngestResult, RawCell } from '../table/model';
import { TIMESTAMP_FORM_SHARE, formDifferences, timestampFormOf, timestampFormName, writeInForm } from '../ingest/timestamp-form';
import { cellSourceText, nullCount, nullMask } from './column-values';

/** A cell written in another form than its column's. */
export interface TimestampVariant {
  row: number;
  text: string;
  /** What differs, in words: "a \"T\" between date and time", "no seconds", "a zone (Z)". */
  differences: string[];
  /** The text written in the column's form, where that changes nothing it says. */
  fixed?: string;
}

export interface TimestampForms {
  /** The column's form in words ("date time with seconds"). */
  form: string;
  /** Share of the column's timestamps written in its form. */
  share: number;
  /** A cell written in the column's form, where the file's text can be read. */
  example?: string;
  variants: TimestampVariant[];
}

/** The first row of a timestamp column holding a value not listed among `variants`. */
function firstInForm(data: IngestResult, column: number, variants: readonly RawCell[]): number {
  const nulls = nullMask(data, column);
  const other = new Set(variants.map((cell) => cell.row));
  for (let r = 0; r < nulls.length; r++) if (!nulls[r] && !other.has(r)) return r;
  return -1;
}

/**
 * The form of a timestamp column and its cells written in another form, where those stay within
 * 1 − {@link TIMESTAMP_FORM_SHARE} of its values over the whole column (the form was learned on a sample); else undefined.
 */
export function timestampForms(data: IngestResult, column: number): TimestampForms | undefined {
  const key = data.columns[column].timestampForm;
  if (key === undefined) return undefined;
  const cells = data.variantCells.filter((cell) => cell.column === column);
  const present = data.table.numRows - nullCount(data, column);
  if (cells.length === 0 || cells.length > (1 - TIMESTAMP_FORM_SHARE) * present) return undefined;
  const form = timestampFormOf(key);
  const variants = cells.map((cell): TimestampVariant => {
    const fixed = writeInForm(cell.text, form);
    return { row: cell.row, text: cell.text, differences: formDifferences(cell.text, form), ...(fixed === undefined ? {} : { fixed }) };
  });
  const row = firstInForm(data, column, cells);
  const written = row < 0 ? undefined : cellSourceText(data, row, column)?.replace(/^"|"$/g, '');
  return { form: timestampFormName(form), share: 1 - cells.length / present, ...(written ? { example: written } : {}), variants };
}
