import * as z from 'zod/mini';
import { defineStep, py } from '../step';
import type { ColumnSpec } from '../frame';

function renamed(input: readonly ColumnSpec[], mapping: Record<string, string>): ColumnSpec[] {
  for (const name of Object.keys(mapping)) if (!input.some((c) => c.name === name)) throw new Error(`no column "${name}" to rename`);
  const out = input.map((c) => ({ ...c, name: mapping[c.name] ?? c.name }));
  const seen = new Set<string>();
  for (const c of out) {
    if (seen.has(c.name)) throw new Error(`renaming gives two columns named "${c.name}"`);
    seen.add(c.name);
  }
  return out;
}

export const renameColumns = defineStep({
  id: 'rename-columns',
  title: 'Rename columns',
  description: 'Gives columns new names.',
  options: z.object({ mapping: z.record(z.string().check(z.minLength(1)), z.string().check(z.minLength(1))).check(z.describe('Old name → new name.')) }),
  columns: (options) => Object.keys(options.mapping),
  changesColumns: true,
  schema: (input, options) => renamed(input, options.mapping),
  apply(frame, options) {
    return { frame: { ...frame, schema: renamed(frame.schema, options.mapping) }, cellsChanged: 0 };
  },
  pandas(options) {
    return { lines: [`df = df.rename(columns=${py(options.mapping)})`] };
  },
  summary: (options) =>
    `Rename ${Object.entries(options.mapping)
      .map(([a, b]) => `"${a}" → "${b}"`)
      .join(', ')}`,
});
