import { structuralRule } from './from-structural-issue';

export const invalidEncoding = structuralRule({
  id: 'invalid-encoding',
  kind: 'invalid-encoding',
  title: 'Invalid encoding',
  defaultSeverity: 'error',
  description: 'Bytes that are not valid in the file\'s text encoding (UTF-8 by default).',
  docs: `Invalid bytes become replacement characters (�) or make readers fail, so categories that differ
only by a garbled accent are counted as different values.

**Fix**: re-save the file as UTF-8, or set the encoding option to the encoding it was written in (for
example \`windows-1252\`): the setting \`datasetInspector.csv.encoding\` in VS Code, \`--encoding\` on the
command line.`,
  message: (issue) => `Invalid encoding: ${issue.detail ?? 'bytes that are not valid UTF-8'}`,
});
