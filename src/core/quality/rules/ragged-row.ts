import { structuralRule } from './from-structural-issue';

export const raggedRow = structuralRule({
  id: 'ragged-row',
  kind: 'ragged-row',
  title: 'Row with a different field count',
  formats: ['csv'],
  defaultSeverity: 'error',
  description: 'A row has more or fewer fields than the header (frictionless extra-cell / missing-cell, csvlint ragged_rows).',
  docs: `A record whose field count differs from the header's is almost always a defect: an unquoted
delimiter inside a value, a missing value without its delimiter, or two records glued together. Readers
disagree on what to do with it (pad, truncate, shift or refuse), so a model silently sees shifted values.

**Fix**: quote values that contain the delimiter, restore the missing fields, or remove the row.
Dataset Inspector pads missing cells with nulls and drops extra cells when it builds the table.`,
  message: (issue) => {
    const actual = issue.actualFields ?? 0;
    const expected = issue.expectedFields ?? 0;
    const diff = actual < expected ? `${expected - actual} missing` : `${actual - expected} extra`;
    return `Row has ${actual} field${actual === 1 ? '' : 's'} but the header has ${expected} (${diff}).`;
  },
});
