import { structuralRule } from './from-structural-issue';

export const strayQuote = structuralRule({
  id: 'stray-quote',
  kind: 'stray-quote',
  title: 'Stray quote',
  formats: ['csv'],
  defaultSeverity: 'warning',
  description: 'A quote character inside an unquoted field, or text after a closing quote.',
  docs: `RFC 4180 allows quotes only around a whole field, doubled inside it. A stray quote is read
differently by different parsers: some keep it, some start a quoted field that swallows the following
delimiters and lines.

**Fix**: quote the whole field and double the quotes inside it: \`"5"" pipe"\`.`,
  message: () => 'Stray quote: quotes must surround the whole field, with inner quotes doubled.',
});
