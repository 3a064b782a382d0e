import * as z from 'zod/mini';
import { defineStep, dropRowsWhere } from '../step';
import { allColumns } from './options';

export const dropMalformedRows = defineStep({
  id: 'drop-malformed-rows',
  title: 'Drop malformed rows',
  description: 'Drops the rows the reader could not split cleanly: too few or too many fields, stray quotes.',
  options: z.object({}),
  columns: allColumns,
  dropsRows: () => true,
  apply(frame) {
    return dropRowsWhere(frame, (r) => frame.malformed[r] === 1);
  },
  pandas() {
    return { lines: ['df = df[~MALFORMED.reindex(df.index, fill_value=False)]'] };
  },
  summary: () => 'Drop rows with structural errors',
});
