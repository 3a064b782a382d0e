import * as z from 'zod/mini';
import { defineStep, mapColumns, py } from '../step';
import { columnList, listed, nameList } from './options';

export const trimWhitespace = defineStep({
  id: 'trim-whitespace',
  title: 'Trim white space',
  description: 'Removes leading and trailing white space from the cells of text columns.',
  options: z.object({ columns: columnList }),
  columns: listed,
  apply(frame, options) {
    return mapColumns(frame, options.columns, (cell) => {
      if (cell === null) return undefined;
      const trimmed = cell.trim();
      return trimmed === cell ? undefined : trimmed === '' ? null : trimmed;
    });
  },
  pandas(options) {
    return { lines: [`for c in ${py(options.columns)}:`, '    df[c] = df[c].map(js_trim)'], helpers: ['js_trim'] };
  },
  summary: (options) => `Trim white space in ${nameList(options.columns)}`,
});
