import { defineRule } from '../rule';
import { TEXT_KINDS, cellSourceText, distinctValues, nullMask, replaceCellFixes } from '../column-values';
import type { IngestResult } from '../../table/model';
import { columnCase } from '../letter-case';
import { unifiedSpellings } from '../spellings';
import { CATEGORY_MAX_DISTINCT, categoryKey } from '../category-key';
import { ownIdentifiers, rowsApart } from '../set-apart';
import { writtenByHabit } from '../case-habits';

/** A word written short: letters and a period ("St.", "Intl."), or a contraction of two letters ("St", "Mt"). */
const SHORT_WORD = /^(\p{L}{1,5})\.$|^(\p{L}{2})$/u;

/** Letters a word contracted to two must have: "Rd" is "Road", "mg" is no "mcg" (a unit of its own, written short already). */
const MIN_CONTRACTED_LENGTH = 4;

/**
 * Whether `short` (lower-case letters) abbreviates `word` (letters only: "FFt." is no word "Ft." is short for): shorter, the same first letter, the rest of its
 * letters in order within the word ("st" of "saint", "intl" of "international"); a contraction without a period
 * must be the first and last letters of a word of MIN_CONTRACTED_LENGTH letters or more ("st" of "saint", "mt" of "mount";
 * not "le" of "les", "mg" of "mcg").
 */
function abbreviates(short: string, word: string, period: boolean): boolean {
  if (short.length >= word.length || short[0] !== word[0] || !/^\p{L}+$/u.test(word)) return false;
  if (!period) return word.length >= MIN_CONTRACTED_LENGTH && short[1] === word[word.length - 1];
  let i = 1;
  for (let k = 1; k < word.length && i < short.length; k++) if (word[k] === short[i]) i++;
  return i === short.length;
}

/** A text with its accents left out, its letters' case and spaces kept: "Zoé" and "Zoë" are both "Zoe". */
const withoutAccents = (value: string) => value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim();
const words = (value: string) => value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim().split(/\s+/);

/**
 * Whether `value` is `full` with one or more words written short ("St. Louis" for "Saint Louis", "Ft Collins"
 * for "Fort Collins") or "&" for "and", its other words the same (by {@link categoryKey}).
 */
export function abbreviationOf(value: string, full: string): boolean {
  const [a, b] = [words(value), words(full)];
  if (a.length !== b.length) return false;
  let [shortened, contracted] = [0, 0];
  for (let i = 0; i < a.length; i++) {
    if (categoryKey(a[i]) === categoryKey(b[i])) continue;
    const m = SHORT_WORD.exec(a[i]);
    if ((m && abbreviates(m[1] ?? m[2], b[i], m[1] !== undefined)) || (a[i] === '&' && b[i] === 'and')) shortened++;
    else return false;
    if (m?.[2] !== undefined) contracted++;
  }
  // A contraction without a period needs a word kept beside it: "AP" alone is a code, not "Api-Ip" written short.
  return shortened > 0 && (contracted === 0 || shortened < a.length);
}

/** Whether a value has a word {@link abbreviationOf} could read as written short. */
const mayAbbreviate = (value: string) => words(value).some((word) => word === '&' || SHORT_WORD.test(word));

/**
 * Of a column's values (each with its rows), those with a word written short and the one value they are the
 * short spelling of, where that is in more rows ("St. Louis" → "Saint Louis"); or the one value in more rows that is
 * the only short spelling of a value written out ("Golden Gate Florist Corporation" → "Golden Gate Florist Corp.",
 * where the column writes it short): what the rule reports and the cleaning step unifies (one source).
 */
export function abbreviatedValues<T>(values: readonly T[], text: (value: T) => string, rows: (value: T) => number): Map<T, T> {
  const found = new Map<T, T>();
  const shortOf = new Map<T, T[]>();
  for (const value of values) {
    if (!mayAbbreviate(text(value))) continue;
    const fulls = values.filter((other) => other !== value && abbreviationOf(text(value), text(other)));
    const more = fulls.filter((other) => rows(other) > rows(value));
    if (more.length === 1) found.set(value, more[0]);
    if (fulls.length === 1 && rows(fulls[0]) < rows(value)) shortOf.set(fulls[0], [...(shortOf.get(fulls[0]) ?? []), value]);
  }
  for (const [full, shorts] of shortOf) if (shorts.length === 1 && !found.has(full)) found.set(full, shorts[0]);
  return found;
}

/**
 * A company's legal form written at its name's end ("Acme Inc.", "Acme, LLC", "Bayer AG"): abbreviations only (a
 * word like "Limited" or "Company" can end other names: a car's trim, a theatre's).
 */
const LEGAL_FORM = /,?\s+((?:inc|llc|l\.l\.c|ltd|corp|plc|gmbh|lp|llp|pty\.? ?ltd|s\.a|n\.v|b\.v|ag|s\.p\.a|s\.r\.l|sarl)\.?|co\.)$/i;

/** A value's name without its legal form and the form (lower case, without periods), or undefined without one. */
function legalFormOf(value: string): { name: string; form: string } | undefined {
  const m = LEGAL_FORM.exec(value.trim());
  if (!m || !/\p{L}/u.test(value.slice(0, m.index))) return undefined;
  return { name: value.slice(0, m.index), form: m[1].toLowerCase().replace(/[.\s]/g, '') };
}

/**
 * Of a column's values (each with its rows), a company's name written with and without its legal form ("Golden
 * Gate Florist" beside "Golden Gate Florist Corp.", "Redwood Payroll, Corp." beside "Redwood Payroll Corp."), with the
 * spelling in the most rows: what the rule reports and the cleaning step unifies (one source). Names with two
 * different forms ("Acme Inc." and "Acme LLC") may be two companies and are left alone.
 */
export function legalFormVariants<T>(values: readonly T[], text: (value: T) => string, rows: (value: T) => number): Map<T, T> {
  const found = new Map<T, T>();
  const byName = new Map<string, { value: T; form?: string }[]>();
  let withForm = false;
  for (const value of values) {
    const legal = legalFormOf(text(value));
    withForm ||= legal !== undefined;
    const key = categoryKey(legal?.name ?? text(value));
    byName.set(key, [...(byName.get(key) ?? []), { value, form: legal?.form }]);
  }
  if (!withForm) return found;
  for (const spellings of byName.values()) {
    if (spellings.length < 2) continue;
    const forms = new Set(spellings.flatMap(({ form }) => (form === undefined ? [] : [form])));
    if (forms.size !== 1) continue;
    const usual = spellings.reduce((a, b) => (rows(b.value) > rows(a.value) ? b : a));
    for (const { value } of spellings) if (value !== usual.value && rows(value) < rows(usual.value)) found.set(value, usual.value);
  }
  return found;
}

/** A hyphen or underscore between two letters ("Full-time", "self_employed"). */
const JOINING_MARK = /(?<=\p{L})[-_‐‑](?=\p{L})/u;

/**
 * Of a column's values (each with its rows), those whose words are joined by a hyphen or underscore where another
 * value parts them by a space, or the reverse ("Full Time" beside "Full-time"), with the spelling in more rows: what the
 * rule reports and the cleaning step unifies (one source). The category key drops such a mark ("E-mail" is "Email"),
 * so a space in its place made another category.
 */
export function joinedVariants<T>(values: readonly T[], text: (value: T) => string, rows: (value: T) => number): Map<T, T> {
  const found = new Map<T, T>();
  const byKey = new Map<string, T[]>();
  for (const value of values) {
    const key = categoryKey(text(value).split(JOINING_MARK).join(' '));
    byKey.set(key, [...(byKey.get(key) ?? []), value]);
  }
  for (const spellings of byKey.values()) {
    if (spellings.length < 2 || !spellings.some((value) => JOINING_MARK.test(text(value)))) continue;
    const usual = spellings.reduce((a, b) => (rows(b) > rows(a) ? b : a));
    for (const value of spellings) if (rows(value) < rows(usual)) found.set(value, usual);
  }
  return found;
}

/**
 * The key of a value of two parts around one comma with the parts exchanged ("Hitchcock, Alfred" → the key of
 * "Alfred Hitchcock"); undefined for other values. Both parts hold letters.
 */
function exchangedKey(value: string): string | undefined {
  const parts = value.split(',');
  if (parts.length !== 2) return undefined;
  const [first, second] = parts.map((part) => part.trim());
  if (!/\p{L}/u.test(first) || !/\p{L}/u.test(second)) return undefined;
  return categoryKey(`${second} ${first}`);
}

/**
 * Share of the rows of a column's names (values of two parts around a comma, or of two words or more without one)
 * the rarer order must hold to be a second way the column writes names (persons last name first among companies'
 * names), not variants of the column's way.
 */
const SECOND_ORDER_SHARE = 0.1;

/**
 * Of a column's values (each with its rows), those written with their two parts in the other order than the
 * column writes them — a name last name first ("Hitchcock, Alfred") where most of the column's names are written
 * first name first, beside the value that writes it so ("Alfred Hitchcock"), or the reverse where most are written
 * last name first — with that value: what the rule reports and the cleaning step unifies (one source). The
 * column's order, not each pair's rows, decides (a director whose films a second source wrote more of is still
 * written as the column writes names). Where the column writes names both ways (each order in a tenth of its
 * rows or more: payees that are persons written "Carter, Mary" among companies written "Acme Printing"), the names
 * it writes both ways decide, by their rows in each order all together ("Carter, Mary" in 29 rows and "Kim, Robert"
 * in 93 make "Mary Carter" and "Robert Kim", in a row each, the variants).
 */
export function exchangedValues<T>(values: readonly T[], text: (value: T) => string, rows: (value: T) => number): Map<T, T> {
  const found = new Map<T, T>();
  // Values of two parts around a comma, by the key of the other order; values of two words or more without one, by key.
  const byExchangedKey = new Map<string, T>();
  const plainByKey = new Map<string, T>();
  let [commaRows, plainRows] = [0, 0];
  for (const value of values) {
    const exchanged = exchangedKey(text(value));
    if (exchanged !== undefined) {
      commaRows += rows(value);
      const known = byExchangedKey.get(exchanged);
      if (known === undefined || rows(value) > rows(known)) byExchangedKey.set(exchanged, value);
    } else if (!text(value).includes(',') && words(text(value)).length >= 2) {
      plainRows += rows(value);
      const key = categoryKey(text(value));
      const known = plainByKey.get(key);
      if (known === undefined || rows(value) > rows(known)) plainByKey.set(key, value);
    }
  }
  if (commaRows === plainRows) return found;
  // Names the column writes both ways, by the key of their first-name-first spelling: [last name first, first name first].
  const pairs = new Map<string, [T, T]>();
  for (const [key, plainValue] of plainByKey) {
    const commaValue = byExchangedKey.get(key);
    if (commaValue !== undefined) pairs.set(key, [commaValue, plainValue]);
  }
  // Where both orders are the column's (persons last name first among companies), the names it writes both ways say
  // which is the variant: their rows in each order, all together (a second source's names, each also written by the first).
  let lastFirst = commaRows > plainRows;
  if (Math.min(commaRows, plainRows) >= SECOND_ORDER_SHARE * (commaRows + plainRows)) {
    let [commaPairRows, plainPairRows] = [0, 0];
    for (const [commaValue, plainValue] of pairs.values()) {
      commaPairRows += rows(commaValue);
      plainPairRows += rows(plainValue);
    }
    if (commaPairRows === plainPairRows) return found;
    lastFirst = commaPairRows > plainPairRows;
  }
  for (const value of values) {
    const exchanged = exchangedKey(text(value));
    if (exchanged !== undefined) {
      const pair = lastFirst ? undefined : pairs.get(exchanged);
      if (pair !== undefined) found.set(value, pair[1]);
    } else if (lastFirst && !text(value).includes(',') && words(text(value)).length >= 2) {
      const pair = pairs.get(categoryKey(text(value)));
      if (pair !== undefined) found.set(value, pair[0]);
    }
  }
  return found;
}

/** The truth value each common spelling of a yes/no answer writes. */
const TRUTH = new Map<string, boolean>([
  ...['y', 'yes', 'true', 't', '1'].map((w) => [w, true] as const),
  ...['n', 'no', 'false', 'f', '0'].map((w) => [w, false] as const),
]);
/** Share of a column's rows that may hold values no yes/no answer spells, for it to be a column of yes/no answers. */
const MAX_OTHER_SHARE = 0.01;
/** Share of a truth value's rows its most common spelling must hold to be the column's way of writing it. */
const TRUTH_SPELLING_SHARE = 0.9;

/**
 * Of a column's values (each with its rows), in a column of yes/no answers only (every value a spelling of
 * true or false, both present, but values in at most 1% of the rows), the spellings other than the one each truth value is written with in 90% of
 * its rows, with that spelling: "TRUE" → "Y" among "Y" and "N". A spelling that begins with the usual one
 * ("yes" beside "Y") is left to spelled-out-code. What the rule reports and the cleaning step unifies.
 */
export function truthVariants<T>(values: readonly T[], text: (value: T) => string, rows: (value: T) => number): Map<T, T> {
  const found = new Map<T, T>();
  const byTruth = new Map<boolean, T[]>();
  // Values that are no yes/no answer ("opt-out" among "Y" and "N"): other rules' findings, in a few rows at most.
  let [answerRows, otherRows] = [0, 0];
  for (const value of values) {
    const truth = TRUTH.get(text(value).trim().toLowerCase());
    if (truth === undefined) {
      otherRows += rows(value);
      continue;
    }
    answerRows += rows(value);
    byTruth.set(truth, [...(byTruth.get(truth) ?? []), value]);
  }
  if (byTruth.size < 2 || otherRows > MAX_OTHER_SHARE * (answerRows + otherRows)) return found;
  for (const spellings of byTruth.values()) {
    const usual = spellings.reduce((a, b) => (rows(b) > rows(a) ? b : a));
    const total = spellings.reduce((n, v) => n + rows(v), 0);
    if (rows(usual) < TRUTH_SPELLING_SHARE * total) continue;
    const usualKey = categoryKey(text(usual));
    for (const value of spellings) if (value !== usual && !categoryKey(text(value)).startsWith(usualKey)) found.set(value, usual);
  }
  return found;
}

/**
 * The ways a value is written otherwise than its key tells, in the order they are tried (the rule and the cleaning
 * step): a word written short ("St. Louis" for "Saint Louis"), words joined by a hyphen or parted by a space ("Full
 * Time" for "Full-time"), a company's legal form ("Acme" for "Acme Inc."), two parts in the other order ("Hitchcock,
 * Alfred" for "Alfred Hitchcock"), a yes/no answer written another way ("TRUE" among "Y" and "N").
 */
export const SPELLING_VARIANTS = [abbreviatedValues, joinedVariants, legalFormVariants, exchangedValues, truthVariants] as const;

/** Rows of a boolean column whose spellings are read first (the cells' text is read back from the file). */
const SPELLING_SAMPLE = 2_000;

/** A cell's text as written, without a CSV or JSON string's quotes, trimmed. */
function unquoted(text: string): string {
  const t = text.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"').trim() : t;
}

/** Rows per spelling of the boolean column `c` over `rows` (its non-null cells among them). */
function spellingsOf(data: IngestResult, c: number, rows: Iterable<number>, mask: Uint8Array): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of rows) {
    if (mask[r]) continue;
    const text = cellSourceText(data, r, c);
    if (text === undefined) continue;
    const spelling = unquoted(text);
    let list = out.get(spelling);
    if (!list) out.set(spelling, (list = []));
    list.push(r);
  }
  return out;
}

/**
 * Of a boolean column's spellings (each with its rows), those written unlike the column, with the spelling the
 * column uses: another case of a spelling ("yes" among "Yes"), or another word for a truth value ("true" among
 * "Yes" and "No", see truthVariants).
 */
function booleanVariants(spellings: ReadonlyMap<string, number[]>): Map<string, string> {
  const canonical = new Map<string, string>();
  const rowsOfKey = new Map<string, number>();
  for (const [spelling, rows] of spellings) {
    const key = categoryKey(spelling);
    rowsOfKey.set(key, (rowsOfKey.get(key) ?? 0) + rows.length);
    const best = canonical.get(key);
    if (best === undefined || rows.length > (spellings.get(best)?.length ?? 0)) canonical.set(key, spelling);
  }
  const words = [...canonical.values()];
  const usual = truthVariants(words, (w) => w, (w) => rowsOfKey.get(categoryKey(w)) ?? 0);
  const found = new Map<string, string>();
  for (const spelling of spellings.keys()) {
    const own = canonical.get(categoryKey(spelling)) ?? spelling;
    const target = usual.get(own) ?? own;
    if (target !== spelling) found.set(spelling, target);
  }
  return found;
}

/**
 * The cells of a boolean column read from text written unlike the column ("true" among "Yes" and "No", "yes" among
 * "Yes"), with the spelling the column uses. Read on an even sample first: a column whose sampled cells each truth
 * value writes one way is not read further (a variant in fewer than about one row in 2,000 may then go unreported).
 */
function booleanVariantCells(data: IngestResult, c: number): { rows: number[]; spelling: string; target: string; targetRows: number }[] {
  if (data.rangesIn !== 'file') return [];
  const n = data.table.numRows;
  const mask = nullMask(data, c);
  const everyRow = (function* () {
    for (let r = 0; r < n; r++) yield r;
  })();
  const sampled = n > SPELLING_SAMPLE;
  const sample = sampled ? Array.from({ length: SPELLING_SAMPLE }, (_, i) => Math.floor((i * n) / SPELLING_SAMPLE)) : everyRow;
  let spellings = spellingsOf(data, c, sample, mask);
  let variants = booleanVariants(spellings);
  if (variants.size === 0) return [];
  if (sampled) {
    spellings = spellingsOf(data, c, everyRow, mask);
    variants = booleanVariants(spellings);
  }
  return [...variants].map(([spelling, target]) => ({ rows: spellings.get(spelling) ?? [], spelling, target, targetRows: spellings.get(target)?.length ?? 0 }));
}

/** A value less a sign written after it ("B-" → "B"). */
const unsigned = (value: string) => value.trim().replace(/\s*[-+]$/, '');
/** Bases, at least, that a column writes both bare and signed for its signs to be part of its values. */
const MIN_SIGNED_BASES = 2;

/**
 * The bases a column writes both bare and with a sign after them ("B" and "B-"), where it does so for MIN_SIGNED_BASES
 * bases or more (letter grades A, A-, B+, B, B-): there "-" and "+" are part of the values, not punctuation; else none
 * (a "B-" typed once for "B" is a variant).
 */
function signedBases(texts: readonly string[]): Set<string> {
  const bare = new Set(texts.map((t) => t.trim()));
  const bases = new Set<string>();
  for (const text of texts) {
    const base = unsigned(text);
    if (base !== text.trim() && base !== '' && bare.has(base)) bases.add(base);
  }
  return bases.size >= MIN_SIGNED_BASES ? bases : new Set();
}

/** Values, at least, a column must write both with and without their accents for its accents to be its names' own. */
const MIN_ACCENTED_BOTH_WAYS = 3;

/**
 * Whether a column writes its names' accents as their bearers do: MIN_ACCENTED_BOTH_WAYS values or more written both
 * with and without accents, the accented spelling the more common of some and the less common of others ("Rodríguez"
 * in 6 rows beside "Rodriguez" in 2, "García" in 2 beside "Garcia" in 4: a staff list's surnames). Accents lost by a
 * system lose them one way: the spellings without them would be the rarer (or the more common) in every such value.
 */
function accentsWrittenBothWays(categories: readonly number[], text: (id: number) => string, rows: (id: number) => number): boolean {
  const plain = new Map<string, number>();
  for (const id of categories) if (withoutAccents(text(id)) === text(id).trim()) plain.set(text(id).trim(), rows(id));
  let [pairs, accentedMore, accentedLess] = [0, 0, 0];
  for (const id of categories) {
    const bare = withoutAccents(text(id));
    const plainRows = plain.get(bare);
    if (bare === text(id).trim() || plainRows === undefined) continue;
    pairs++;
    if (rows(id) > plainRows) accentedMore++;
    if (rows(id) < plainRows) accentedLess++;
  }
  return pairs >= MIN_ACCENTED_BOTH_WAYS && accentedMore > 0 && accentedLess > 0;
}

export const categoryVariant = defineRule({
  id: 'category-variant',
  title: 'Category spelled several ways',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: { maxDistinct: CATEGORY_MAX_DISTINCT },
  description: 'Values of a categorical column that differ only by case, white space, accents, punctuation, the mark between the parts of a path ("Home/Kitchen" for "Home > Kitchen"), a word written short ("St. Louis" for "Saint Louis"), a company\'s legal form ("Acme" for "Acme Inc.") or the order of two parts around a comma ("Hitchcock, Alfred" for "Alfred Hitchcock"), or a yes/no answer written another way ("TRUE" among "Y" and "N").',
  docs: `"Paris", "paris " and "PARIS" are one city but three categories, as are "PG-13" and "PG13": one-hot
encoding splits their rows across several features and each gets fewer examples. Punctuation counts only
beside a letter: "1.5" and "15" are two values. A mark parting two words as a path or a list does ("/", ">", "|",
"\\", "»", "›", with or without spaces around it) is one mark whichever it is: "Home/Kitchen" is "Home > Kitchen".
A code of digits that lost its leading zeros is its code ("6103"
among "06103", as a spreadsheet writes it). So are a value and its spelling with a word written short,
where the full spelling is exactly one value: "St. Louis" (or "St Louis") and "Saint Louis", "Ft.
Collins" and "Fort Collins", "Johnson & Johnson" and "Johnson and Johnson", "Meridian Polling Company" and
"Meridian Polling Co." — a word of letters and a period
whose letters are the full word's first letter and then others in order, a two-letter contraction of the first
and last letters of a word of four letters or more beside a word kept as it is ("AP" alone is a code; "50 mg" is no
"50 mcg" written short), or "&" for "and"; whichever the column
writes in more rows is its spelling. So are words joined by a hyphen or underscore and the same words parted by
a space ("Full-time" and "Full Time", "Self employed" and "Self-Employed"; "Fulltime" is "Full-time" already). So
is a company's name with and without its legal form written short ("Golden Gate Florist" and "Golden Gate Florist Corp.", "Redwood Payroll, Inc." and "Redwood Payroll Inc.": Inc,
LLC, Ltd, Corp, Co., PLC, GmbH, AG, S.A., N.V., B.V., LP, LLP…), unless the name is written with two forms
("Acme Inc." and "Acme LLC" may be two companies). So are a value of two
parts around one comma and the value writing them in the other order, where the column writes its values of two
words or more in that order in more rows: a name written last name first ("Hitchcock, Alfred") beside "Alfred
Hitchcock" in a column of names written first name first, or the reverse in a column that writes names last
name first ("Portland, OR" has no "OR Portland" beside it). Where each order holds a tenth of those rows or more
(payees: persons written "Carter, Mary" among companies), the names written both ways decide, by their rows in
each order all together ("Mary Carter" in one row where "Carter, Mary" is in 29). And in a column of
yes/no answers (every value a spelling of true or false: y/yes/true/t/1, n/no/false/f/0, but values of another kind
in at most 1% of the rows: "opt-out" once), a spelling other
than the one each answer is written with in 90% of its rows: "TRUE" among "Y" and "N" ("yes" beside "Y" is
spelled-out-code's). A column read as booleans is checked the same way on its cells as written: "true" or "yes"
among "Yes" and "No" (its cells' text is read back from the file, from an even sample of 2,000 rows first: where
each answer is written one way there, the column is not read further, so a spelling in fewer than about one row in
2,000 may go unreported).

Two spellings apart only by their accents are two names where their rows stand apart in another column: "Martín"
in 7 rows, 6 of them of Spain, beside "Martin" in 90 rows of France and the US, are a name of two languages, not one
name spelt two ways (each spelling in three rows or more; a text column of 2 to 50 values whose most common value
among the one spelling's rows is rarer among the other's than chance allows, a binomial tail below 0.001 over the
columns tried); nor in a column that writes three values or more both with and without their accents, the accented
spelling the more common of some and the less common of others (a staff list's "Rodríguez" in 6 rows beside
"Rodriguez" in 2, "Garcia" in 4 beside "García" in 2: its bearers spell their names). An accent lost in rows like the
others ("Zurich" among "Zürich", each accent lost the one way) is still a variant. Nor are two
spellings that each hold an identifier of their own in another column — one value in all their rows (three or more for the
more common spelling) that no other row holds, a different one for each: "Pascack Construction" in 13 rows of one contractor's licence
beside "Pascack Construction LLC" in 15 rows of another are two companies (a slip of the name holds its company's
licence, like its other rows). Nor is a value written with a sign after it ("B-", "B+") where the column writes
${MIN_SIGNED_BASES} bases or more both bare and signed (letter grades A, A-, B+, B, B-): the sign is part of those
values, not punctuation — a course's 1,062 grades "A-", "B-", "C-" and "D-" were variants of "A" to "D" before; a
"Medium-" among sizes that sign nothing still is one.

A cell written in the case its row's source writes the column in is that source's habit, not a variant: where
the rows of some values of another column of few values (a site, a country, a source) write the column in capitals
(or small letters) in 90% of their rows or more, 20 rows at least, and the other values' rows seldom do (10% at
most), "NAUSEA" in a row of a site that types in capitals is not reported; "HEADACHE" typed once at another site is.

**Fix**: unify the spelling; the quick fix replaces a variant with the column's most frequent spelling — written
the way the column writes its letters where it has one (mixed-letter-case: "Seattle" in a column of mixed case,
though a second source wrote "SEATTLE" in more rows), counted with its white space tidied, and written tidy: a
source that pads its fields ("Seattle   " in most rows) never makes padding the spelling to unify to (the padded
cells are the variants, and whitespace reports them too).
Columns with more than \`maxDistinct\` distinct values are free text and are not checked. In a column of
names (most values unique), two one-word spellings that differ only in case and are each in as many rows
are left alone: there, case can carry meaning (a package \`query\` beside a class \`Query\`).`,
  check({ data, options, report }) {
    data.columns.forEach((column, c) => {
      if (column.kind === 'boolean') {
        for (const { rows, spelling, target, targetRows } of booleanVariantCells(data, c)) {
          for (const r of rows) {
            report({
              row: r,
              columnIndex: c,
              value: spelling,
              evidence: { canonical: target, canonicalRows: targetRows },
              message: `"${spelling}" is a variant of "${target}" in column "${column.name}" (${targetRows} rows spell it that way).`,
              fixes: replaceCellFixes(data, r, c, target, `Unify spelling: "${target}"`),
            });
          }
        }
        return;
      }
      if (!TEXT_KINDS.includes(column.kind)) return;
      // Works on distinct values (with their row counts); rows are then reported by value id.
      const distinct = distinctValues(data, c);
      const { counts } = distinct;
      const maxDistinct = options.maxDistinct;
      // Categories: the distinct values that are not blank (blank ones are among the maybe-untrimmed).
      const blank = new Set<number>();
      for (const id of distinct.maybeUntrimmedIds()) if (distinct.text(id).trim() === '') blank.add(id);
      if (distinct.size - blank.size > maxDistinct) return; // free text, not categories
      const categories: number[] = [];
      for (let id = 0; id < distinct.size; id++) if (!blank.has(id)) categories.push(id);
      if (categories.length < 2) return;
      // The spelling each group unifies to (spellings.ts): the column's way of writing letters, white space tidied.
      const canonical = unifiedSpellings(categories, (id) => distinct.text(id), (id) => counts[id], columnCase(data, c)?.letterCase);
      const groupSize = new Map<string, number>();
      for (const id of categories) {
        const key = categoryKey(distinct.text(id));
        groupSize.set(key, (groupSize.get(key) ?? 0) + 1);
      }
      // In a column of names (values mostly unique), the case of one word can carry meaning — a package
      // "query" beside a class "Query" — so two one-word spellings differing only in case, in as many rows
      // each, are no finding there ("Breached bond penalties" beside "Breached Bond Penalties" still is).
      let present = 0;
      for (const id of categories) present += counts[id];
      const names = categories.length > present / 2;
      const targetOf = new Map<number, number>();
      const signed = signedBases(categories.map((id) => distinct.text(id)));
      const ownAccents = accentsWrittenBothWays(categories, (id) => distinct.text(id), (id) => counts[id]);
      for (let id = 0; id < distinct.size; id++) {
        const value = distinct.text(id);
        const key = categoryKey(value);
        const target = canonical.get(key);
        if ((groupSize.get(key) ?? 0) < 2 || target === undefined || target === id) continue;
        // A sign the column writes after several of its values ("B-", "B+" beside "B"): a grade of its own, not punctuation.
        if (signed.has(unsigned(value)) && unsigned(value) === unsigned(distinct.text(target))) continue;
        if (names && counts[id] === counts[target] && !/\s/.test(value.trim()) && value.toLowerCase() === distinct.text(target).toLowerCase()) continue;
        // Spellings apart only by accents whose rows stand apart in another column are two names, not one spelt
        // two ways: "Martín" in Spanish rows beside "Martin" in French ones.
        if (withoutAccents(value) === withoutAccents(distinct.text(target)) && (ownAccents || rowsApart(data, c, id, target))) continue;
        targetOf.set(id, target);
      }
      // Spellings of one value beyond its key (see SPELLING_VARIANTS), each joined to its usual spelling's group, first found first.
      for (const variants of SPELLING_VARIANTS) {
        for (const [id, usual] of variants(categories, (id) => distinct.text(id), (id) => counts[id])) {
          const target = canonical.get(categoryKey(distinct.text(usual)));
          if (!targetOf.has(id) && target !== undefined && target !== canonical.get(categoryKey(distinct.text(id)))) targetOf.set(id, target);
        }
      }
      if (targetOf.size === 0) return;
      // Two spellings each with an identifier of its own in another column are two entities, not one spelt two ways.
      const rowsOf = new Map<number, number[]>();
      for (const [id, target] of targetOf) for (const v of [id, target]) rowsOf.set(v, []);
      distinct.ids.forEach((id, r) => rowsOf.get(id)?.push(r));
      for (const [id, target] of targetOf) if (ownIdentifiers(data, c, rowsOf.get(id) ?? [], rowsOf.get(target) ?? [])) targetOf.delete(id);
      if (targetOf.size === 0) return;
      const reportCell = (r: number, value: string, targetId: number) => {
        const target = distinct.text(targetId);
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { canonical: target, canonicalRows: counts[targetId] },
          message: `"${value}" is a variant of "${target}" in column "${column.name}" (${counts[targetId]} rows spell it that way).`,
          fixes: replaceCellFixes(data, r, c, target, `Unify spelling: "${target}"`),
        });
      };
      const ids = distinct.ids;
      for (let r = 0; r < ids.length; r++) {
        const targetId = ids[r] < 0 ? undefined : targetOf.get(ids[r]);
        // A case its row's source writes the column in ("NAUSEA" from a site that types in capitals) is its habit.
        if (targetId !== undefined && !writtenByHabit(data, c, r, distinct.text(ids[r]))) reportCell(r, distinct.text(ids[r]), targetId);
      }
    });
  },
});
