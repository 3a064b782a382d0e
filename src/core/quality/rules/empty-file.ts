import { structuralRule } from './from-structural-issue';

export const emptyFile = structuralRule({
  id: 'empty-file',
  kind: 'empty-file',
  title: 'Empty file',
  defaultSeverity: 'error',
  description: 'The file holds no data.',
  docs: `An empty file (or one with only blank lines) yields a table with no rows; training or profiling it
fails downstream with less helpful errors.

**Fix**: check the export that produced the file.`,
  message: (issue) => issue.detail ?? 'The file is empty.',
});
