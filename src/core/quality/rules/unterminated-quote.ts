import { structuralRule } from './from-structural-issue';

export const unterminatedQuote = structuralRule({
  id: 'unterminated-quote',
  kind: 'unterminated-quote',
  title: 'Unterminated quote',
  formats: ['csv'],
  defaultSeverity: 'error',
  description: 'A quoted field is never closed, so the rest of the file is read into it.',
  docs: `An opening quote without its closing quote makes every following delimiter and line break part of
one value: the rows after it disappear from the table.

**Fix**: close the quote (or double it, if it was meant as a literal quote character).`,
  message: () => 'Unterminated quote: this field is never closed; the rest of the file was read into it.',
});
