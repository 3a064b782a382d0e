import * as z from 'zod/mini';
import { columnIndex } from '../frame';
import { defineStep, dropRowsWhere, eachNumber, eachPresent, mapColumns, py } from '../step';
import { QuantileAccumulator, ValueCounts } from '../stats';
import { finiteNumber, isMissing, numberText } from '../values';
import { columnList, listed, nameList } from './options';

const options = z.object({
  columns: columnList,
  method: z.enum(['mean', 'median', 'mode', 'constant', 'drop-rows']).check(z.describe('Fill with the column\'s mean, median or most frequent value, a constant, or drop the rows.')),
  value: z.optional(z.string()).check(z.describe('The constant (method "constant").')),
});
type Options = z.infer<typeof options>;

/** The learned fill of each column (mean/median/mode); constants come from the options. */
const fitted = z.object({ values: z.record(z.string(), z.nullable(z.string())).check(z.describe('Per column: the text filled in (null: nothing to fill with).')) });

function fillOf(o: Options, learned: z.infer<typeof fitted> | undefined, column: string): string | null {
  if (o.method === 'constant') return o.value ?? '';
  return learned?.values[column] ?? null;
}

export const imputeMissing = defineStep({
  id: 'impute-missing',
  title: 'Impute missing values',
  description: 'Fills empty cells and NA tokens with the column\'s mean, median, most frequent value or a constant — or drops those rows.',
  options: options.check(z.refine((o) => o.method !== 'constant' || o.value !== undefined, { message: 'method "constant" needs a value', path: ['value'] })),
  fitted,
  columns: listed,
  dropsRows: (o) => o.method === 'drop-rows',
  fit(o, _schema, context) {
    if (o.method === 'constant' || o.method === 'drop-rows') return undefined;
    const numeric = o.method !== 'mode';
    const quantiles = new Map(o.columns.map((c) => [c, new QuantileAccumulator()]));
    const counts = new Map(o.columns.map((c) => [c, new ValueCounts()]));
    // The mean: a plain sum in row order over the count (the recipe records the result).
    const sums = new Map(o.columns.map((c) => [c, { sum: 0, count: 0 }]));
    return {
      add(frame) {
        if (!numeric) eachPresent(frame, o.columns, context.naTokens, (name, text) => counts.get(name)!.add(text));
        else if (o.method === 'median') eachNumber(frame, o.columns, context.naTokens, (name, v) => quantiles.get(name)!.add(v));
        else {
          eachNumber(frame, o.columns, context.naTokens, (name, v) => {
            const s = sums.get(name)!;
            s.sum += v;
            s.count++;
          });
        }
      },
      finish() {
        const values: Record<string, string | null> = {};
        for (const name of o.columns) {
          if (o.method === 'mode') values[name] = counts.get(name)!.mode() ?? null;
          else if (o.method === 'mean') {
            const s = sums.get(name)!;
            values[name] = s.count > 0 ? numberText(s.sum / s.count) : null;
          } else {
            const q = quantiles.get(name)!;
            values[name] = q.size > 0 ? numberText(q.quantile(0.5)) : null;
          }
        }
        return { values };
      },
    };
  },
  schema(input, o, learned) {
    return input.map((c) => {
      if (!o.columns.includes(c.name) || c.kind !== 'integer') return c;
      const fill = fillOf(o, learned, c.name);
      const v = fill === null ? null : finiteNumber(fill);
      return v !== null && !Number.isInteger(v) ? { name: c.name, kind: 'float' as const } : c;
    });
  },
  apply(frame, o, learned, context) {
    if (o.method === 'drop-rows') {
      const cells = o.columns.map((name) => frame.columns[columnIndex(frame.schema, name)]);
      return dropRowsWhere(frame, (r) => cells.some((column) => isMissing(column[r], context.naTokens)));
    }
    return mapColumns(frame, o.columns, (cell, column) => {
      if (!isMissing(cell, context.naTokens)) return undefined;
      const fill = fillOf(o, learned, column);
      return fill === null ? undefined : fill === '' ? null : fill;
    });
  },
  pandas(o, learned) {
    if (o.method === 'drop-rows') return { lines: [`df = df[~df[${py(o.columns)}].apply(lambda s: s.map(is_missing)).any(axis=1)]`], helpers: ['is_missing'] };
    const lines = o.columns.map((c) => {
      const fill = fillOf(o, learned, c);
      return fill === null ? `# ${c}: no value to fill with` : `df[${py(c)}] = df[${py(c)}].mask(df[${py(c)}].map(is_missing), ${py(fill)})`;
    });
    return { lines, helpers: ['is_missing'] };
  },
  summary: (o, learned) => {
    if (o.method === 'drop-rows') return `Drop rows missing ${nameList(o.columns)}`;
    const fills = o.columns.map((c) => fillOf(o, learned, c)).filter((v): v is string => v !== null);
    const shown = fills.length === 1 ? ` = ${fills[0]}` : '';
    return `Impute ${nameList(o.columns)} with the ${o.method === 'constant' ? 'constant' : o.method}${shown}`;
  },
});
