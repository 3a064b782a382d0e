/**
 * The rule registry: every rule the engine runs, in reporting order. Adding a rule = one new file in this
 * folder + one line here; the engine never changes.
 */
import type { QualityRule } from '../rule';
import { emptyFile } from './empty-file';
import { raggedRow } from './ragged-row';
import { blankRow } from './blank-row';
import { blankHeader } from './blank-header';
import { duplicateHeader } from './duplicate-header';
import { strayQuote } from './stray-quote';
import { unterminatedQuote } from './unterminated-quote';
import { invalidEncoding } from './invalid-encoding';
import { mixedLineEndings } from './mixed-line-endings';

export const allRules: readonly QualityRule[] = [
  // structure
  emptyFile,
  raggedRow,
  blankRow,
  blankHeader,
  duplicateHeader,
  strayQuote,
  unterminatedQuote,
  invalidEncoding,
  mixedLineEndings,
];
