import * as z from 'zod/mini';
import type { ColumnSpec } from '../frame';
import { defineStep, eachPresent, mapColumns, py } from '../step';
import { dayOrderOf, isMissing, isoDate, type DayOrder } from '../values';
import { columnList, listed, nameList } from './options';

/** The day order the reader chose for a date column ("DD/MM/YYYY", "D MMM YYYY" → day first; "MMM D YYYY" → month first), if any. */
function readerOrder(spec: ColumnSpec | undefined): DayOrder | undefined {
  if (!spec?.dateFormat) return undefined;
  return spec.dateFormat.startsWith('M') ? 'MDY' : spec.dateFormat.startsWith('D') ? 'DMY' : undefined;
}

export const parseDates = defineStep({
  id: 'parse-dates',
  title: 'Parse dates to ISO',
  description:
    'Rewrites dates written in mixed formats ("03/04/2023", "4.3.2023", "12 Jan 2023", "Jan 12, 2023") as ISO dates (2023-04-03); day/month order is learned from the values that can only be read one way.',
  options: z.object({
    columns: columnList,
    order: z._default(z.enum(['auto', 'DMY', 'MDY']), 'auto').check(z.describe('How to read ambiguous dates like 03/04/2023; "auto" learns it from the column.')),
  }),
  fitted: z.object({ order: z.record(z.string(), z.enum(['DMY', 'MDY'])).check(z.describe('Per column: the day order used for ambiguous dates.')) }),
  columns: listed,
  fit(options, schema, context) {
    if (options.order !== 'auto') return undefined;
    const counts = new Map(options.columns.map((c) => [c, { DMY: 0, MDY: 0 }]));
    return {
      add: (frame) =>
        eachPresent(frame, counts.keys(), context.naTokens, (name, text) => {
          const order = dayOrderOf(text);
          if (order === 'DMY' || order === 'MDY') counts.get(name)![order]++;
        }),
      finish() {
        const order: Record<string, DayOrder> = {};
        for (const [name, count] of counts) {
          const chosen = options.order !== 'auto' ? options.order : count.MDY > count.DMY ? 'MDY' : count.DMY > count.MDY ? 'DMY' : (readerOrder(schema.find((c) => c.name === name)) ?? 'DMY');
          order[name] = chosen;
        }
        return { order };
      },
    };
  },
  schema: (input, options) =>
    input.map((c) => (options.columns.includes(c.name) ? { name: c.name, kind: c.kind === 'timestamp' ? ('timestamp' as const) : ('date' as const), dateFormat: 'YYYY-MM-DD' as const } : c)),
  apply(frame, options, learned, context) {
    return mapColumns(frame, options.columns, (cell, column) => {
      if (isMissing(cell, context.naTokens)) return undefined;
      const order = learned?.order[column] ?? (options.order === 'auto' ? 'DMY' : options.order);
      return isoDate(cell!, order) ?? undefined;
    });
  },
  pandas(options, learned) {
    return {
      lines: options.columns.map((c) => {
        const order = learned?.order[c] ?? (options.order === 'auto' ? 'DMY' : options.order);
        return `df[${py(c)}] = df[${py(c)}].map(lambda s: s if is_missing(s) else (iso_date(s, ${py(order)}) or s))`;
      }),
      helpers: ['is_missing', 'iso_date'],
    };
  },
  summary: (options, learned) =>
    `Parse dates in ${nameList(options.columns)} to ISO${learned ? ` (${[...new Set(Object.values(learned.order))].join('/')} for ambiguous ones)` : ''}`,
});
