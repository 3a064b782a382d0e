import { structuralRule } from './from-structural-issue';

export const blankRow = structuralRule({
  id: 'blank-row',
  kind: 'blank-row',
  title: 'Blank row',
  defaultSeverity: 'warning',
  description: 'A line with no data (empty, or only delimiters).',
  docs: `Blank lines inside a data file are skipped by some readers and read as a row of missing values by
others (pandas with \`skip_blank_lines=False\`, many SQL loaders), which inflates missing-value counts and
shifts row numbers between tools.

**Fix**: delete the line.`,
  message: () => 'Blank row: no data on this line.',
});
