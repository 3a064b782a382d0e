import { structuralRule } from './from-structural-issue';

export const duplicateHeader = structuralRule({
  id: 'duplicate-header',
  kind: 'duplicate-header',
  title: 'Duplicate header label',
  formats: ['csv'],
  defaultSeverity: 'error',
  description: 'Two columns share the same header label.',
  docs: `Columns with the same name are renamed differently by each tool (pandas appends ".1", others keep
only the last one), so features can be silently dropped or swapped.

**Fix**: give each column a unique name.`,
  message: (issue) => `Duplicate header label in column ${(issue.column ?? 0) + 1}. ${issue.detail ?? ''}`.trim(),
});
