import { defineRule } from '../rule';
import { dateFormatsOf, parseTimestamp } from '../../ingest/csv/infer';

const textualDate = /^\s*(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2},?\s+)?\d{2,4}\s*$/i;

/** Whether a text is a date written in some format (ISO, day/month orders, slashes, "12 Jan 2023"). */
export function looksLikeOtherDate(text: string): boolean {
  return dateFormatsOf(text).length > 0 || parseTimestamp(text) !== null || textualDate.test(text);
}

export const mixedDateFormat = defineRule({
  id: 'mixed-date-format',
  title: 'Mixed date formats',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A date column holds dates written in another format than the rest of the column.',
  docs: `Dates written in several formats are parsed inconsistently: "03/04/2023" is March 4th for one tool
and April 3rd for another, and most readers give up on the column entirely.

**Fix**: write every date the same way, preferably ISO 8601 (\`2023-04-03\`).`,
  check({ data, report }) {
    for (const cell of data.rejectedCells) {
      const column = data.columns[cell.column];
      if (column.kind !== 'date' && column.kind !== 'timestamp') continue;
      if (!looksLikeOtherDate(cell.text)) continue;
      report({
        row: cell.row,
        columnIndex: cell.column,
        value: cell.text,
        evidence: { columnFormat: column.dateFormat ?? 'ISO 8601' },
        message: `"${cell.text}" is written in another date format than column "${column.name}" (${column.dateFormat ?? 'ISO 8601'}).`,
      });
    }
  },
});
