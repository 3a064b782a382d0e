/**
 * How a text column writes its letters: in capitals ("AIR FORCE BASE"), in small letters, or mixed ("The Godfather",
 * "Alfred Hitchcock"). Learned per column from its values; a value written another way — "THE GODFATHER" among titles
 * in mixed case, as a second catalogue or a registry's older system writes them — is told, with the value as the
 * column would write it. Only values whose words the column writes otherwise elsewhere count (a brand written in
 * capitals, "NASA", is a word of its own).
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, TEXT_VALUES_MAX_DISTINCT, distinctValues, memo, type DistinctValues } from './column-values';
import { CATEGORY_MAX_DISTINCT, categoryKey } from './category-key';
import { isPlaceholderText } from './placeholders';

export type LetterCase = 'capitals' | 'small letters' | 'mixed case';

/** Rows a column needs, of values with enough letters to have a case. */
export const CASE_MIN_ROWS = 50;
/** Share of those rows one way of writing must hold to be the column's way (a second source writes a few of them). */
export const CASE_DOMINANT_SHARE = 0.9;
/**
 * Share of those rows mixed case must hold to be the column's way: more than half. Capitals and small letters lose
 * what mixed case tells ("The Lord of the Rings" cannot be read back from "THE LORD OF THE RINGS"), so a column
 * written in mixed case in most rows was written so at its source, and a second source wrote the rest in capitals,
 * however many; the words of the mixed-case rows give each value's fix.
 */
export const MIXED_CASE_SHARE = 0.5;
/** Share of a column's rows whose values must have a case (CASE_MIN_LETTERS) for it to have a way: a column of numbers or codes has none. */
export const CASED_SHARE = 0.5;
/** Distinct values of a column read at most: beyond, the column (free text, keys) is not read. */
export const CASE_MAX_DISTINCT = TEXT_VALUES_MAX_DISTINCT;
/** Letters (of a case) a value needs for its case to say anything ("ok", "US" do not). */
export const CASE_MIN_LETTERS = 4;
/** Share of a value's words (of at least three letters) the column must write otherwise elsewhere, or be CASE_LONG_WORD long. */
export const CASE_KNOWN_WORDS = 0.5;
/** Letters of a word longer than initialisms ("NASA", "UNESCO"): written in capitals, it is a word written another way. */
export const CASE_LONG_WORD = 7;

/** Share of a column's rows holding sentences for the column to be prose, whose letter case is each writer's (a note in capitals). */
export const PROSE_SHARE = 0.5;
/** A sentence: two words or more, ending as a sentence ends (a closing quote or bracket aside). */
const SENTENCE = /\S\s+\S.*[.!?]["'’”)\]]*$/u;

/** Whether half of the rows (`present`) hold sentences: notes, comments, descriptions written by many hands. */
function writesSentences(distinct: DistinctValues, present: number): boolean {
  let sentences = 0;
  for (let id = 0; id < distinct.size; id++) if (SENTENCE.test(distinct.text(id).trim())) sentences += distinct.counts[id];
  return sentences >= PROSE_SHARE * present;
}

const WORDS = /\p{L}+/gu;
/**
 * Texts whose case is read: words (letters and digits) parted by spaces and the marks of names and titles. Not
 * addresses, paths and codes ("http://…/Site/", "RFE/RL; HRW", "D18-A3 9*9") or words with a mark inside
 * ("TUT.BY", "S.A.S."), where case belongs to the name.
 */
const TEXT_OF_WORDS = /^(?!.*\p{L}\.\p{L})[\p{L}\p{M}\p{N}\s,'’&.:!?()-]+$/u;

/** How a text writes its letters of a case, or undefined where it has fewer than `minLetters` of them. */
export function caseOfLetters(text: string, minLetters: number): LetterCase | undefined {
  let [upper, lower] = [0, 0];
  for (const ch of text) {
    const [u, l] = [ch.toUpperCase(), ch.toLowerCase()];
    if (u === l) continue;
    if (ch === u) upper++;
    else lower++;
  }
  if (upper + lower < minLetters) return undefined;
  return lower === 0 ? 'capitals' : upper === 0 ? 'small letters' : 'mixed case';
}

/** How a text writes its letters, or undefined where it has fewer than CASE_MIN_LETTERS letters of a case. */
export function letterCaseOf(text: string): LetterCase | undefined {
  return TEXT_OF_WORDS.test(text) ? caseOfLetters(text, CASE_MIN_LETTERS) : undefined;
}

export interface OtherCase {
  /** How the value writes its letters. */
  letterCase: LetterCase;
  /** The value as the column writes its values, where it can be told. */
  fixed?: string;
}

export interface ColumnCase {
  /** The column's way of writing its letters, and the share of rows (of values with a case) written so. */
  letterCase: LetterCase;
  share: number;
  /** Value id → how it writes its letters, for the values written another way. */
  other: Map<number, OtherCase>;
}

/** Each word's forms in the values written the column's way: word (case aside) → form → rows; first words apart ("The Godfather", "Lord of the Rings"). */
interface WordForms {
  first: Map<string, Map<string, number>>;
  later: Map<string, Map<string, number>>;
}

function addForm(forms: Map<string, Map<string, number>>, word: string, rows: number): void {
  const key = word.toLowerCase();
  let byForm = forms.get(key);
  if (!byForm) forms.set(key, (byForm = new Map()));
  byForm.set(word, (byForm.get(word) ?? 0) + rows);
}

/** The form of a word the column writes most at that place in a value (else at the other), if it writes the word. */
function usualForm(forms: WordForms, word: string, first: boolean): string | undefined {
  const most = (byForm: Map<string, number> | undefined) => {
    let [best, rows] = [undefined as string | undefined, 0];
    for (const [form, n] of byForm ?? []) if (n > rows) [best, rows] = [form, n];
    return best;
  };
  const key = word.toLowerCase();
  const [here, there] = first ? [forms.first, forms.later] : [forms.later, forms.first];
  return most(here.get(key)) ?? most(there.get(key));
}

/** Words whose case is read: letters not written right after a digit (the "rd" of "3rd", the "k" of "76k" belong to their number). */
const CASED_WORDS = /(?<![\p{N}\p{L}])\p{L}+/gu;

/**
 * A value as a column of mixed case writes it: each word in the form the column writes it in most; undefined where a
 * word with letters of a case is new to it. After a number that begins the value ("3rd row seats", "4 new tires") the
 * first word is no sentence's first: written in small letters, it stays so.
 */
function inMixedCase(forms: WordForms, text: string): string | undefined {
  let unknown = false;
  let first = true;
  const afterNumber = /^\p{N}/u.test(text);
  const fixed = text.replace(CASED_WORDS, (word) => {
    const form = usualForm(forms, word, first);
    const kept = afterNumber && first && form !== undefined && word === word.toLowerCase() ? word : form;
    first = false;
    if (kept === undefined && word.toUpperCase() !== word.toLowerCase()) unknown = true;
    return kept ?? word;
  });
  return unknown ? undefined : fixed;
}

/**
 * A column's way of writing its letters, from the rows of its values with a case by how they write them and its rows
 * with a value (`present`): undefined where too few rows have a case (CASE_MIN_ROWS, CASED_SHARE) or no way holds its
 * share (CASE_DOMINANT_SHARE; MIXED_CASE_SHARE for mixed case).
 */
export function wayOfWriting(rows: ReadonlyMap<LetterCase, number>, present: number): LetterCase | undefined {
  let [way, most, cased] = [undefined as LetterCase | undefined, 0, 0];
  for (const [letterCase, n] of rows) {
    cased += n;
    if (n > most) [way, most] = [letterCase, n];
  }
  if (way === undefined || cased < CASE_MIN_ROWS || cased < CASED_SHARE * present) return undefined;
  return (way === 'mixed case' ? most > MIXED_CASE_SHARE * cased : most >= CASE_DOMINANT_SHARE * cased) ? way : undefined;
}

/**
 * How each distinct value writes its letters (`caseOf`: as words or as a code), the rows of each way, the rows with a
 * case, and the rows with a value.
 */
function tallyCases(distinct: DistinctValues, caseOf: (text: string) => LetterCase | undefined): { cases: (LetterCase | undefined)[]; rows: Map<LetterCase, number>; cased: number; present: number } {
  const cases: (LetterCase | undefined)[] = [];
  const rows = new Map<LetterCase, number>();
  let [cased, present] = [0, 0];
  for (let id = 0; id < distinct.size; id++) {
    const letterCase = caseOf(distinct.text(id));
    cases.push(letterCase);
    present += distinct.counts[id];
    if (!letterCase) continue;
    rows.set(letterCase, (rows.get(letterCase) ?? 0) + distinct.counts[id]);
    cased += distinct.counts[id];
  }
  return { cases, rows, cased, present };
}

/**
 * A text column's way of writing its letters and the values written another way, or undefined where it has no way
 * (CASE_DOMINANT_SHARE; MIXED_CASE_SHARE for mixed case), too few values with a case (CASE_MIN_ROWS, CASED_SHARE), more
 * than CASE_MAX_DISTINCT distinct values, or where it is prose (PROSE_SHARE of its rows are sentences, whose case is
 * each writer's). Left out: a capital first letter among small letters; small letters where the column writes each
 * word of the value so (a sentence beginning with a number); placeholders; a value that is another value of the column in another
 * case, in a column category-variant reads (CATEGORY_MAX_DISTINCT); a value in several rows that the column writes no
 * other way (a name's own way); and a value whose words (of three letters or more) the column does not write
 * elsewhere, the other way, in at least CASE_KNOWN_WORDS of them (long words aside), or only one such short word.
 */
export function columnCase(data: IngestResult, column: number): ColumnCase | undefined {
  if (!TEXT_KINDS.includes(data.columns[column].kind)) return undefined;
  const distinct = distinctValues(data, column);
  if (distinct.size > CASE_MAX_DISTINCT) return undefined;
  return memo(data, `letter-case:${column}`, () => {
    const { cases, rows, cased, present } = tallyCases(distinct, letterCaseOf);
    const letterCase = wayOfWriting(rows, present);
    if (letterCase === undefined || rows.get(letterCase) === cased || writesSentences(distinct, present)) return undefined;
    const most = rows.get(letterCase) ?? 0;
    // The words of the values written the column's way, by their forms; and the values' keys (case aside).
    const wordForms: WordForms = { first: new Map(), later: new Map() };
    const keys = new Map<string, number>();
    for (let id = 0; id < distinct.size; id++) {
      const text = distinct.text(id);
      const key = categoryKey(text);
      keys.set(key, (keys.get(key) ?? 0) + 1);
      if (cases[id] !== letterCase) continue;
      (text.match(WORDS) ?? []).forEach((word, k) => addForm(k === 0 ? wordForms.first : wordForms.later, word, distinct.counts[id]));
    }
    const other = new Map<number, OtherCase>();
    for (let id = 0; id < distinct.size; id++) {
      const written = cases[id];
      // A capital first letter among small letters ("Friable", "Unknown") is how sentences begin, not another way.
      if (!written || written === letterCase || (written === 'mixed case' && letterCase === 'small letters')) continue;
      const text = distinct.text(id);
      if (isPlaceholderText(text)) continue;
      // Written in another case beside itself: category-variant's where it reads the column. Written so in several rows
      // and nowhere otherwise: how that name is written ("KEROPETROL" among brands in mixed case).
      const forms = keys.get(categoryKey(text)) ?? 0;
      if (forms > 1 ? distinct.size <= CATEGORY_MAX_DISTINCT : distinct.counts[id] > 1) continue;
      // Its words written otherwise elsewhere (or too long for initialisms): two of them, or one long word.
      const words = (text.match(WORDS) ?? []).filter((word) => word.length >= 3);
      const known = words.filter((word) => word.length >= CASE_LONG_WORD || wordForms.first.has(word.toLowerCase()) || wordForms.later.has(word.toLowerCase()));
      if (known.length < CASE_KNOWN_WORDS * words.length || (known.length < 2 && !known.some((word) => word.length >= CASE_LONG_WORD))) continue;
      const fixed = letterCase === 'capitals' ? text.toUpperCase() : letterCase === 'small letters' ? text.toLowerCase() : inMixedCase(wordForms, text);
      // Small letters where the column writes each of its words so ("3rd row seating.": no capital to begin with).
      if (fixed === text && written === 'small letters') continue;
      other.set(id, fixed === undefined || fixed === text ? { letterCase: written } : { letterCase: written, fixed });
    }
    return { letterCase, share: most / cased, other };
  });
}

/**
 * A code: one token of letters and digits, with the marks codes part their pieces with ("SKU-100049", "A3F0C2",
 * "B96", "ab12_x"). Its case is the case of its letters, however few: a column of codes writes them one way.
 */
const CODE = /^(?=.*\p{N})(?=.*\p{L})[\p{L}\p{M}\p{N}\-_./:#]+$/u;
const LETTER_RUNS = /\p{L}+/gu;

/** How a code writes its letters (capitals, small letters or mixed case), or undefined where the text is no code. */
export function codeCaseOf(text: string): LetterCase | undefined {
  return CODE.test(text) ? caseOfLetters(text, 1) : undefined;
}

/**
 * A column of codes' way of writing their letters and the codes written the other way: "sku-100049" among
 * "SKU-100000"…, "A3F0C2" among hashes in small letters. A column of codes (values of letters and digits, CODE) has a
 * way where its codes with letters are CASE_MIN_ROWS rows or more, CASED_SHARE of its rows, and CASE_DOMINANT_SHARE of
 * them write their letters in capitals, or in small letters; mixed case is no way for codes (identifiers of both
 * cases, "aZ3x", carry meaning in it). A code is written the other way when its letters are all of the other case
 * (not mixed), every run of its letters is one the column's codes written its way hold ("SKU", not a new prefix), and
 * it is in one row or its other spelling is in the column (a code written so in several rows and nowhere otherwise
 * is how that code is written). Undefined where the column is no column of codes, has no way, or more than
 * CASE_MAX_DISTINCT distinct values; a column with a way for its words (columnCase) is read that way.
 */
export function codeCase(data: IngestResult, column: number): ColumnCase | undefined {
  if (!TEXT_KINDS.includes(data.columns[column].kind)) return undefined;
  const distinct = distinctValues(data, column);
  if (distinct.size > CASE_MAX_DISTINCT) return undefined;
  return memo(data, `code-case:${column}`, () => {
    const { cases, rows, cased, present } = tallyCases(distinct, codeCaseOf);
    const letterCase = wayOfWriting(rows, present);
    if (letterCase === undefined || letterCase === 'mixed case') return undefined;
    const otherCase: LetterCase = letterCase === 'capitals' ? 'small letters' : 'capitals';
    if (!rows.get(otherCase)) return undefined;
    const write = (text: string) => (letterCase === 'capitals' ? text.toUpperCase() : text.toLowerCase());
    const runs = new Set<string>();
    const written = new Set<string>();
    for (let id = 0; id < distinct.size; id++) {
      if (cases[id] !== letterCase) continue;
      const text = distinct.text(id);
      written.add(text);
      for (const run of text.match(LETTER_RUNS) ?? []) runs.add(run);
    }
    const other = new Map<number, OtherCase>();
    for (let id = 0; id < distinct.size; id++) {
      if (cases[id] !== otherCase) continue;
      const text = distinct.text(id);
      const fixed = write(text);
      if (isPlaceholderText(text) || (distinct.counts[id] > 1 && !written.has(fixed))) continue;
      if (!(fixed.match(LETTER_RUNS) ?? []).every((run) => runs.has(run))) continue;
      other.set(id, { letterCase: otherCase, fixed });
    }
    return { letterCase, share: (rows.get(letterCase) ?? 0) / cased, other };
  });
}
