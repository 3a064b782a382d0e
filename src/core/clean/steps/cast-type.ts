import * as z from 'zod/mini';
import { defineStep, mapColumns, py } from '../step';
import { parseBooleanWord } from '../../ingest/csv/infer';
import { finiteNumber, isMissing, isoDate, numberText, type DayOrder } from '../values';
import { columnList, listed, nameList } from './options';

export type CastTarget = 'integer' | 'float' | 'boolean' | 'date' | 'string';

/** The cell as a value of `to`, in its canonical text; null when it is not one. */
export function castText(cell: string, to: CastTarget, order: DayOrder): string | null {
  switch (to) {
    case 'integer': {
      const t = cell.trim();
      // Integer literals keep every digit (beyond 2^53 too); other numbers must be whole.
      if (/^[+-]?[0-9]+$/.test(t)) return BigInt(t).toString();
      const v = finiteNumber(t);
      return v !== null && Number.isInteger(v) ? numberText(v) : null;
    }
    case 'float': {
      const v = finiteNumber(cell);
      return v === null ? null : numberText(v);
    }
    case 'boolean': {
      const t = cell.trim();
      const b = t === '1' ? true : t === '0' ? false : parseBooleanWord(t);
      return b === null ? null : String(b);
    }
    case 'date':
      return isoDate(cell, order);
    case 'string':
      return cell;
  }
}

export const castType = defineStep({
  id: 'cast-type',
  title: 'Cast type',
  description: 'Gives columns a type: every value is rewritten in that type\'s canonical form, and values that are not of the type are emptied.',
  options: z.object({
    columns: columnList,
    to: z.enum(['integer', 'float', 'boolean', 'date', 'string']).check(z.describe('The type.')),
    order: z._default(z.enum(['DMY', 'MDY']), 'DMY').check(z.describe('Dates: how to read ambiguous day/month dates.')),
  }),
  columns: listed,
  schema: (input, o) =>
    input.map((c) => (o.columns.includes(c.name) ? (o.to === 'date' ? { name: c.name, kind: 'date' as const, dateFormat: 'YYYY-MM-DD' as const } : { name: c.name, kind: o.to }) : c)),
  apply(frame, o, _fitted, context) {
    if (o.to === 'string') return { frame, cellsChanged: 0 };
    return mapColumns(frame, o.columns, (cell) => (isMissing(cell, context.naTokens) ? undefined : castText(cell!, o.to, o.order)));
  },
  pandas(o) {
    if (o.to === 'string') return { lines: ['# cast to string: the values are text already'] };
    return {
      lines: [`for c in ${py(o.columns)}:`, `    df[c] = df[c].map(lambda s: s if is_missing(s) else (cast_text(s, ${py(o.to)}, ${py(o.order)}) or ""))`],
      helpers: ['is_missing', 'cast_text'],
    };
  },
  summary: (o) => `Cast ${nameList(o.columns)} to ${o.to}`,
});
