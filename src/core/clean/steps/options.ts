/** Option schemas shared by several steps. */
import * as z from 'zod/mini';
import type { ColumnSpec } from '../frame';

/** The columns a step works on (at least one). */
export const columnList = z.array(z.string().check(z.minLength(1))).check(z.minLength(1)).check(z.describe('Columns the step works on.'));

export const columnsOption = z.object({ columns: columnList });

/** The names a `columns` option lists. */
export function listed(options: { columns: string[] }): string[] {
  return options.columns;
}

/** Every column of the schema. */
export function allColumns(_options: unknown, schema: readonly ColumnSpec[]): string[] {
  return schema.map((c) => c.name);
}

/** "a", "a and b", "a, b and 2 more". */
export function nameList(names: readonly string[], max = 3): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length <= max) return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  return `${quoted.slice(0, max).join(', ')} and ${quoted.length - max} more`;
}
