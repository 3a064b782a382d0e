import * as z from 'zod/mini';
import { defineStep, mapColumns, py } from '../step';
import { columnList, listed, nameList } from './options';

/** A cell's new text; null empties it (a missing value). */
const replacement = z.nullable(z.string());

const cellEdit = z.object({
  row: z.int().check(z.minimum(0)).check(z.describe('Source data row (0-based).')),
  from: z.nullable(z.string()).check(z.describe('The text the cell must still hold (null: empty) for the edit to apply.')),
  to: replacement,
});

type CellEdit = z.infer<typeof cellEdit>;

const options = z.object({
  columns: columnList,
  values: z
    ._default(z.record(z.string(), z.record(z.string(), replacement)), {})
    .check(z.describe('Per column: a cell text → its replacement (null: empty), in every row that holds it.')),
  cells: z
    ._default(z.record(z.string(), z.array(cellEdit)), {})
    .check(z.describe('Per column: single cells by source row, replaced only while they still hold `from` (specific to the file the recipe was made for).')),
});

type Options = z.infer<typeof options>;

function editCount(o: Options): number {
  return o.columns.reduce((n, c) => n + Object.keys(o.values[c] ?? {}).length + (o.cells[c]?.length ?? 0), 0);
}

/** Python's text of a replacement: the script keeps missing cells as "". */
const pyText = (text: string | null) => py(text ?? '');

export const replaceValues = defineStep({
  id: 'replace-values',
  title: 'Replace values',
  description:
    'Replaces given cell texts with their corrections — a typo with the frequent value, mojibake with the repaired text, a number in another form with the number the check read, a placeholder with an empty cell — and single cells by row, as the check\'s findings propose.',
  options,
  columns: listed,
  apply(frame, o) {
    const values = new Map(o.columns.map((c) => [c, new Map(Object.entries(o.values[c] ?? {}))]));
    const cells = new Map(o.columns.map((c) => [c, new Map<number, CellEdit>((o.cells[c] ?? []).map((e) => [e.row, e]))]));
    // Single cells first, then values (each once, as pandas' replace does).
    return mapColumns(frame, o.columns, (cell, column, r) => {
      const edit = cells.get(column)!.get(frame.rows[r]);
      const text = edit && edit.from === cell ? edit.to : cell;
      const byValue = values.get(column)!;
      return text !== null && byValue.has(text) ? byValue.get(text) : text;
    });
  },
  pandas(o) {
    const lines: string[] = [];
    for (const c of o.columns) {
      const edits = o.cells[c] ?? [];
      if (edits.length) {
        lines.push(
          `for row, old, new in [${edits.map((e) => `(${e.row}, ${pyText(e.from)}, ${pyText(e.to)})`).join(', ')}]:`,
          `    if row in df.index and df.at[row, ${py(c)}] == old:`,
          `        df.at[row, ${py(c)}] = new`,
        );
      }
      const values = Object.entries(o.values[c] ?? {});
      if (values.length) lines.push(`df[${py(c)}] = df[${py(c)}].replace({${values.map(([from, to]) => `${py(from)}: ${pyText(to)}`).join(', ')}})`);
    }
    return { lines: lines.length ? lines : ['pass'] };
  },
  summary: (o) => {
    const n = editCount(o);
    return `Replace ${n} value${n === 1 ? '' : 's'} in ${nameList(o.columns)}`;
  },
});
