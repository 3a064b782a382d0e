import * as z from 'zod/mini';
import type { Cell, ColumnSpec } from '../frame';
import { defineStep, eachPresent, py } from '../step';
import { ValueCounts } from '../stats';
import { columnList, listed, nameList } from './options';

const fitted = z.object({ categories: z.record(z.string(), z.array(z.string())).check(z.describe('Per column: the categories that get an indicator column, most frequent first.')) });
type Categories = z.infer<typeof fitted>['categories'];

/** The indicator columns replacing each encoded column: (category, new column name) pairs, names unique in the schema. */
function indicators(input: readonly ColumnSpec[], columns: readonly string[], categories: Categories | undefined, separator: string): Map<string, [string, string][]> {
  const taken = new Set(input.map((c) => c.name).filter((n) => !columns.includes(n)));
  const out = new Map<string, [string, string][]>();
  for (const column of columns) {
    const pairs: [string, string][] = [];
    for (const category of categories?.[column] ?? []) {
      let name = `${column}${separator}${category}`;
      for (let k = 2; taken.has(name); k++) name = `${column}${separator}${category} (${k})`;
      taken.add(name);
      pairs.push([category, name]);
    }
    out.set(column, pairs);
  }
  return out;
}

export const oneHotEncode = defineStep({
  id: 'one-hot-encode',
  title: 'One-hot encode',
  description: 'Replaces a categorical column with one 0/1 column per category (the most frequent ones; rarer categories and missing values get all zeros).',
  options: z.object({
    columns: columnList,
    maxCategories: z._default(z.int().check(z.minimum(1)).check(z.maximum(1000)), 20).check(z.describe('Indicator columns per encoded column at most (the most frequent categories).')),
    separator: z._default(z.string(), '_').check(z.describe('Between the column name and the category in the new names ("color_red").')),
  }),
  fitted,
  columns: listed,
  changesColumns: true,
  fit(o, _schema, context) {
    const counts = new Map(o.columns.map((c) => [c, new ValueCounts()]));
    return {
      add: (frame) => eachPresent(frame, counts.keys(), context.naTokens, (name, text) => counts.get(name)!.add(text)),
      finish: () => ({ categories: Object.fromEntries([...counts].map(([name, values]) => [name, values.ranked().slice(0, o.maxCategories)])) }),
    };
  },
  schema(input, o, learned) {
    const pairs = indicators(input, o.columns, learned?.categories, o.separator);
    return input.flatMap((c) => (pairs.has(c.name) ? pairs.get(c.name)!.map(([, name]) => ({ name, kind: 'integer' as const })) : [c]));
  },
  apply(frame, o, learned) {
    const pairs = indicators(frame.schema, o.columns, learned?.categories, o.separator);
    const schema: ColumnSpec[] = [];
    const columns: Cell[][] = [];
    let cellsChanged = 0;
    frame.schema.forEach((spec, i) => {
      const encoded = pairs.get(spec.name);
      if (!encoded) {
        schema.push(spec);
        columns.push(frame.columns[i]);
        return;
      }
      const cells = frame.columns[i];
      for (const [category, name] of encoded) {
        const out: Cell[] = new Array(frame.length);
        for (let r = 0; r < frame.length; r++) out[r] = cells[r] === category ? '1' : '0';
        schema.push({ name, kind: 'integer' });
        columns.push(out);
      }
      cellsChanged += frame.length;
    });
    const changedRows = cellsChanged > 0 ? new Uint8Array(frame.length).fill(1) : undefined;
    return { frame: { ...frame, schema, columns }, cellsChanged, changedRows };
  },
  pandas(o, learned, schemaIn, schemaOut) {
    const pairs = indicators(schemaIn, o.columns, learned?.categories, o.separator);
    const lines: string[] = [];
    for (const [column, encoded] of pairs) {
      lines.push(`for cat, name in ${py(encoded)}:`, `    df[name] = (df[${py(column)}] == cat).map({True: "1", False: "0"})`);
    }
    lines.push(`df = df[${py(schemaOut.map((c) => c.name))}]`);
    return { lines };
  },
  summary: (o, learned) => {
    const n = o.columns.reduce((sum, c) => sum + (learned?.categories[c]?.length ?? 0), 0);
    return `One-hot encode ${nameList(o.columns)}${learned ? ` (${n} indicator column${n === 1 ? '' : 's'})` : ''}`;
  },
});
