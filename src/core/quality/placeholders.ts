/**
 * Disguised missing values (FAHES, Qahtan et al. 2018): what systems and people write where a value is
 * unknown — words ("unknown", "N.A.", "not available", "TBD") and numbers placed below every real value of
 * their column (-1 among non-negative values, 0 among positive ones, far from the smallest of them).
 */
import type { SortedNumbers } from './column-values';

/** Words that stand for "no value", compared without case, spaces and punctuation ("N.A." is "na"). */
const PLACEHOLDER_WORDS = new Set([
  'na',
  'nan',
  'none',
  'null',
  'nil',
  'missing',
  'unknown',
  'unk',
  'notavailable',
  'notapplicable',
  'notgiven',
  'nonegiven',
  'notspecified',
  'unspecified',
  'notknown',
  'notstated',
  'notrecorded',
  'nodata',
  'undefined',
  'empty',
  'blank',
  'tbd',
  'tba',
  'xxx',
  'xxxx',
]);

/**
 * Placeholder words that are also names or words ("Nil", "Nan", "Blank"): placeholders only as tokens are
 * written — lower or upper case ("nan", "NULL"), mixed ("NaN"), with punctuation ("N/A") — not capitalized.
 */
const ALSO_NAMES = new Set(['na', 'nan', 'nil', 'null', 'unk', 'empty', 'blank', 'undefined']);

/** A text starting with a letter or digit no placeholder word starts with (a quick way out for most values). */
const PLAIN_START = /^\s*[ac-dfgh-lo-sv-wyzAC-DFGH-LO-SV-WYZ0-9]/;

/** Longest text (in characters) read as a placeholder: longer cells are real values ("not available" has 13). */
export const MAX_PLACEHOLDER_LENGTH = 24;

/** Letters of the longest placeholder word. */
const LONGEST_WORD = Math.max(...[...PLACEHOLDER_WORDS].map((word) => word.length));

/**
 * The text lower-cased without what is not a letter or digit ("N.A." → "na"); undefined when that cannot be
 * a placeholder word (a digit, or more letters than the longest word). ASCII is folded in a loop (free text
 * rarely needs more); other text through Unicode classes.
 */
function foldedWord(text: string): string | undefined {
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      const unicode = text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      return /\p{N}/u.test(unicode) || unicode.length > LONGEST_WORD ? undefined : unicode;
    }
    if (c >= 0x30 && c <= 0x39) return undefined;
    const lower = c | 0x20;
    if (lower < 0x61 || lower > 0x7a) continue;
    if (folded.length === LONGEST_WORD) return undefined;
    folded += String.fromCharCode(lower);
  }
  return folded;
}

/**
 * Signs that name something without letters: a unit ("%", "°", "‰"), a currency ("$", "€"), a sign of mathematics
 * ("+", "<", "±"): a lab test's unit "%", a result "+". A cell of them is a value, not punctuation left for a gap.
 */
const MEANINGFUL_SIGN = /[%‰‱°\p{Sc}\p{Sm}]/u;

/**
 * Placeholder words that are also answers: an education "None", an allergy "None", a pension "Not applicable". Where a
 * column writes its missing values as empty cells, such a word written often is one of its levels, not a missing value.
 */
const ALSO_ANSWERS = new Set(['none', 'notapplicable']);

/** Whether a placeholder's text is one of the words that are also answers ({@link ALSO_ANSWERS}). */
export function isAnswerWord(text: string): boolean {
  const folded = foldedWord(text);
  return folded !== undefined && ALSO_ANSWERS.has(folded);
}

/** Whether a cell's text is a placeholder word, or holds only white space or punctuation ("-", "??"). */
export function isPlaceholderText(text: string): boolean {
  if (text.length > MAX_PLACEHOLDER_LENGTH || PLAIN_START.test(text)) return false;
  const folded = foldedWord(text);
  if (folded === undefined) return false;
  if (folded === '') return text.length > 0 && !MEANINGFUL_SIGN.test(text);
  if (!PLACEHOLDER_WORDS.has(folded)) return false;
  return !(ALSO_NAMES.has(folded) && /^\p{Lu}\p{Ll}+$/u.test(text.trim()));
}

/**
 * Share of a column's values that may be negative in a column of non-negative values without making it signed:
 * stray errors of their own (lost minus signs, -999 placeholders) that other rules report. A placeholder below
 * every real value (-1, 0) is still one beside them.
 */
export const STRAY_NEGATIVE_SHARE = 0.01;

/**
 * Whether `value` lies alone below the column's other values (`others`, sorted ascending, `value` not among
 * them): its distance to their minimum is at least twice the spread of their lowest 5% and twice the step
 * between their two smallest distinct values, so it does not continue their lower tail.
 */
export function isolatedBelow(value: number, others: SortedNumbers): boolean {
  if (others.length < 10) return false;
  const min = others.at(0);
  if (!(value < min)) return false;
  // The smallest value above the minimum (the minimum itself when all are equal).
  const above = others.rank(min, false);
  const next = above < others.length ? others.at(above) : min;
  const spread = Math.max(others.quantile(0.05) - min, next - min);
  return min - value >= 2 * spread;
}
