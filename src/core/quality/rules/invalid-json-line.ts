import { structuralRule } from './from-structural-issue';

export const invalidJsonLine = structuralRule({
  id: 'invalid-json-line',
  kind: 'invalid-json-line',
  title: 'Invalid JSON line',
  formats: ['jsonl'],
  defaultSeverity: 'error',
  description: 'A line of a JSON Lines / NDJSON file is not one valid JSON object, so it adds no row.',
  docs: `JSON Lines holds one JSON object per line. A line that is not valid JSON (a missing quote or comma, a
trailing comma, a record broken over two lines, a truncated last line) or that holds something other than
an object (an array, a number) cannot become a row: Dataset Inspector leaves it out of the table, pandas'
\`read_json(lines=True)\` and most loaders stop at it with an error, and some skip it silently — so the data
differs between tools.

The message says what was expected and where (line and column).

**Fix**: repair the JSON on that line (a JSON validator or \`jq -c . < file\` shows the same error), or
remove the line.`,
  message: (issue) => `Invalid JSON line: ${issue.detail ?? 'not one JSON object'}.`,
});
