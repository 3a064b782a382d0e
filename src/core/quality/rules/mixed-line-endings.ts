import { structuralRule } from './from-structural-issue';

export const mixedLineEndings = structuralRule({
  id: 'mixed-line-endings',
  kind: 'mixed-line-endings',
  title: 'Mixed line endings',
  formats: ['csv'],
  defaultSeverity: 'information',
  description: 'The file mixes CRLF, LF and/or CR line endings.',
  docs: `Mixed line endings usually mean the file was concatenated from sources made on different systems.
Most readers cope, but some keep a stray carriage return at the end of the last value of a row.

**Fix**: normalize the line endings (VS Code: click "LF"/"CRLF" in the status bar).`,
  message: (issue) => `Mixed line endings (${issue.detail ?? 'more than one kind'}); this is the first line that differs.`,
});
