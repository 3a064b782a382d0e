import * as z from 'zod/mini';
import { defineStep, mapColumns, py } from '../step';
import { isMissing } from '../values';
import { variantMapping } from '../variants';
import { columnList, listed, nameList } from './options';

const fitted = z.object({
  mapping: z.record(z.string(), z.record(z.string(), z.string())).check(z.describe('Per column: variant → the spelling it becomes.')),
});

export const unifyCategories = defineStep({
  id: 'unify-categories',
  title: 'Unify category spellings',
  description:
    'Replaces spellings of a category that differ only by case, accents, white space or a word written short ("St. Louis" for "Saint Louis"), yes/no answers written another way ("TRUE" among "Y" and "N") — and rare typos of a much more frequent value — with the most frequent spelling.',
  options: z.object({
    columns: columnList,
    typos: z._default(z.boolean(), true).check(z.describe('Also merge rare values one or two typing errors away from a value at least 10 times as frequent.')),
    maxDistinct: z._default(z.int().check(z.positive()), 1000).check(z.describe('Columns with more distinct values are free text and are left alone.')),
  }),
  fitted,
  columns: listed,
  fit(options, _schema, context) {
    const counts = new Map(options.columns.map((c) => [c, new Map<string, number>()]));
    const freeText = new Set<string>();
    return {
      add(frame) {
        for (const name of options.columns) {
          if (freeText.has(name)) continue;
          const column = counts.get(name)!;
          const cells = frame.columns[frame.schema.findIndex((c) => c.name === name)];
          if (!cells) throw new Error(`no column "${name}"`);
          for (const cell of cells) {
            if (isMissing(cell, context.naTokens)) continue;
            column.set(cell!, (column.get(cell!) ?? 0) + 1);
          }
          if (column.size > options.maxDistinct) {
            freeText.add(name);
            column.clear();
          }
        }
      },
      finish() {
        const mapping: Record<string, Record<string, string>> = {};
        for (const [name, column] of counts) mapping[name] = freeText.has(name) ? {} : Object.fromEntries(variantMapping(column, { typos: options.typos }));
        return { mapping };
      },
    };
  },
  apply(frame, options, learned) {
    const maps = new Map(options.columns.map((c) => [c, new Map(Object.entries(learned?.mapping[c] ?? {}))]));
    return mapColumns(frame, options.columns, (cell, column) => (cell === null ? undefined : maps.get(column)!.get(cell)));
  },
  pandas(options, learned) {
    return { lines: options.columns.map((c) => `df[${py(c)}] = df[${py(c)}].replace(${py(learned?.mapping[c] ?? {})})`) };
  },
  summary: (options, learned) => {
    const variants = options.columns.reduce((n, c) => n + Object.keys(learned?.mapping[c] ?? {}).length, 0);
    return `Unify spellings in ${nameList(options.columns)}${learned ? ` (${variants} variant${variants === 1 ? '' : 's'})` : ''}`;
  },
});
