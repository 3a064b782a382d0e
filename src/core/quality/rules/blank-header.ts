import { structuralRule } from './from-structural-issue';

export const blankHeader = structuralRule({
  id: 'blank-header',
  kind: 'blank-header',
  title: 'Blank header label',
  defaultSeverity: 'error',
  description: 'A header cell is empty, so the column has no name.',
  docs: `A column without a name gets a made-up one ("Unnamed: 3", "column4") that differs between tools,
so code that selects features by name breaks or silently picks the wrong column.

**Fix**: name the column, or remove it if it holds no data.`,
  message: (issue) => `Column ${(issue.column ?? 0) + 1} has no header label.`,
});
