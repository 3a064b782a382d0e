import * as z from 'zod/mini';
import { defineStep, py } from '../step';
import { columnIndex } from '../frame';
import { columnList, listed, nameList } from './options';

export const dropColumns = defineStep({
  id: 'drop-columns',
  title: 'Drop columns',
  description: 'Removes columns from the output.',
  options: z.object({ columns: columnList }),
  columns: listed,
  changesColumns: true,
  schema(input, options) {
    for (const name of options.columns) if (!input.some((c) => c.name === name)) throw new Error(`no column "${name}" to drop`);
    return input.filter((c) => !options.columns.includes(c.name));
  },
  apply(frame, options) {
    for (const name of options.columns) columnIndex(frame.schema, name);
    const keep = frame.schema.map((c) => !options.columns.includes(c.name));
    return {
      frame: { ...frame, schema: frame.schema.filter((_, i) => keep[i]), columns: frame.columns.filter((_, i) => keep[i]) },
      cellsChanged: 0,
    };
  },
  pandas(options) {
    return { lines: [`df = df.drop(columns=${py(options.columns)})`] };
  },
  summary: (options) => `Drop ${nameList(options.columns)}`,
});
