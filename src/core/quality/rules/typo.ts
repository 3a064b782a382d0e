import { defineRule } from '../rule';
import { dateFormatsOf, parseFloatCell } from '../../ingest/csv/infer';
import { parseWrittenNumber } from '../../ingest/written-number';
import type { IngestResult } from '../../table/model';
import { TEXT_KINDS, distinctValues, replaceCellFixes, type DistinctValues } from '../column-values';
import { NearWordIndex, editDistance } from '../edit-distance';
import { MAX_EVIDENCE_COLUMNS, MAX_EVIDENCE_ROWS, coOccurrence, evidenceIds, rowContext, type ContextQuery } from '../row-context';
import { categoryKey } from '../category-key';
import { REPLACEMENT_CHARACTER, hasControlCharacters, repairMojibake } from '../text-damage';
import { isPlaceholderText } from '../placeholders';
import { binomialTail } from '../../shared/binomial-tail';

/**
 * Expected share of random words of length `length`, over an alphabet of `alphabet` characters, within
 * `distance` (1 or 2) edits of one of `vocabulary` words: how likely a rare value is near a frequent one by
 * chance alone (short words, large vocabularies, codes of digits). Real words are nearer each other than
 * random ones, so this is a floor: it decides how far a word may be from a frequent one to count as its
 * typo, and leaves out short codes ("CA" and "CO").
 */
export function chanceOfNeighbour(length: number, vocabulary: number, distance: number, alphabet = 26): number {
  const oneEdit = (2 * alphabet + 1) * length + alphabet;
  const neighbours = distance >= 2 ? (oneEdit * oneEdit) / 2 : oneEdit;
  return Math.min(1, (vocabulary * neighbours) / alphabet ** length);
}

/** Largest chance of a coincidental neighbour at which a near value still counts as a typo. */
const MAX_CHANCE = 0.01;

/** Largest edit distance at which a slip of a word of this length counts as a typo among `vocabulary` frequent words (0: none). */
export function maxTypoDistance(length: number, vocabulary: number, alphabet = 26): number {
  if (chanceOfNeighbour(length, vocabulary, 2, alphabet) <= MAX_CHANCE) return 2;
  return chanceOfNeighbour(length, vocabulary, 1, alphabet) <= MAX_CHANCE ? 1 : 0;
}

/**
 * The effective size of the alphabet the words draw from: a slip may type any letter where a letter is (26),
 * any digit where a digit is (10), any of the other characters seen where those are; weighted by how much
 * of the words each class makes (codes of digits behind one letter draw from about 11 characters, words
 * from 26, whatever the few words of a column happen to use).
 */
export function alphabetOf(words: Iterable<string>): number {
  let letters = 0;
  let digits = 0;
  let others = 0;
  const otherChars = new Set<string>();
  for (const word of words) {
    for (const ch of word) {
      // ASCII letters by their code (the Unicode class only asked of the rest).
      const code = ch.charCodeAt(0);
      if (code < 0x80 ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) : /\p{L}/u.test(ch)) letters++;
      else if (ch >= '0' && ch <= '9') digits++;
      else {
        others++;
        otherChars.add(ch);
      }
    }
  }
  const total = letters + digits + others;
  if (total === 0) return 26;
  return Math.exp((letters * Math.log(26) + digits * Math.log(10) + others * Math.log(otherChars.size + 1)) / total);
}

/**
 * Longest value considered (a name, a category): a longer one is text, not a slip of a category, and its
 * deletion neighbourhood (about length² / 2 strings of its length) would cost seconds and gigabytes.
 */
export const MAX_NAME_LENGTH = 64;

/** Whether a value can be a typo or the value it is a typo of: 3 to MAX_NAME_LENGTH characters. */
const typoLength = (word: string) => word.length >= 3 && word.length <= MAX_NAME_LENGTH;

/**
 * Largest chance that a rare value is this near a frequent one and its row ties it to that value this strongly,
 * both by coincidence (the chance of the neighbour, times that of the row's evidence; see row-context.ts).
 */
const MAX_JOINT_CHANCE = MAX_CHANCE * 0.01;

/** Largest chance of a coincidental neighbour beyond which nearness says nothing (a short word among many): no row makes it a typo. */
const MAX_FAR_CHANCE = 0.5;

/** Whether a value has a letter: a value of digits and signs is a number or a code, not a misspelled word. */
const hasLetter = (word: string) => /\p{L}/u.test(word);

/** Control characters, U+FFFD or mojibake: text damaged on its way (encoding-damage reports it). */
export const damaged = (text: string) => hasControlCharacters(text) || text.includes(REPLACEMENT_CHARACTER) || repairMojibake(text) !== undefined;

/** Whether a text is a number or a date ("Mar 12 1999"): in a column of words, a cell shifted in from another column. */
const numberOrDate = (text: string) => parseFloatCell(text) !== null || dateFormatsOf(text).length > 0;

/**
 * The rare values another error explains, which say nothing about whether the column's vocabulary is closed:
 * a frequent value written another way (case, spacing, accents, punctuation: category-variant), damaged text
 * (control characters, U+FFFD, mojibake), a frequent value of another column or a number or date (a shifted
 * cell), or a frequent value of this column joined to one of those by a space (two cells merged).
 */
function explainedElsewhere(rare: readonly number[], words: readonly string[], distinct: DistinctValues, frequent: readonly number[], inOtherColumn: (word: string) => boolean): Set<number> {
  const frequentKeys = new Set(frequent.map((f) => categoryKey(words[f])));
  const shifted = shiftedCells(words, frequent, inOtherColumn);
  const out = new Set<number>();
  for (const id of rare) {
    if (frequentKeys.has(categoryKey(words[id])) || damaged(distinct.text(id)) || shifted(words[id])) out.add(id);
  }
  return out;
}

/**
 * Whether a word is what a shifted cell leaves: a frequent value of another column or a number or date, or a
 * frequent value of this column joined to one of those by a space (two cells merged).
 */
function shiftedCells(words: readonly string[], frequent: readonly number[], inOtherColumn: (word: string) => boolean): (word: string) => boolean {
  const frequentWords = new Set(frequent.map((f) => words[f]));
  const foreign = (word: string) => inOtherColumn(word) || numberOrDate(word);
  const merged = (word: string) => {
    for (let i = word.indexOf(' '); i > 0; i = word.indexOf(' ', i + 1)) {
      const [head, tail] = [word.slice(0, i), word.slice(i + 1)];
      if ((frequentWords.has(head) && foreign(tail)) || (foreign(head) && frequentWords.has(tail))) return true;
    }
    return false;
  };
  return (word) => foreign(word) || merged(word);
}

/**
 * The words a slip is measured against: each frequent value's word once (its case and spacing variants are
 * one word), damaged text, placeholders ("xxx", "Not Available") and shifted cells (`shiftedHere`: another
 * column's values, ten times as frequent there) left out — in a dirty column those are frequent too, and
 * counted as words they made every slip look like chance (the frequent values' own words when nothing is left).
 */
function vocabularyOf(frequent: readonly number[], words: readonly string[], distinct: DistinctValues, shiftedHere: (word: string) => boolean): string[] {
  const shifted = shiftedCells(words, frequent, shiftedHere);
  const kept = frequent.filter((f) => !damaged(distinct.text(f)) && !isPlaceholderText(distinct.text(f)) && !shifted(words[f]));
  return [...new Set((kept.length > 0 ? kept : frequent).map((f) => words[f]))];
}

/**
 * Rows a frequent value must hold in another column, per row here, to be that column's value shifted in (left out
 * of this column's vocabulary): a dirty column holds some of its neighbour's values often enough to be frequent.
 */
const SHIFTED_RATIO = 10;

/** Share of a column's rare values near a frequent one that makes its vocabulary closed. */
const CLOSED_NEAR_SHARE = 0.5;
/** Frequent values needed to measure how often the column's real values lie near each other. */
const MIN_FREQUENT_MEASURED = 20;
/**
 * Largest share of the rare values near a frequent one that real values may explain: at most this much of the
 * near share may come from how often real values lie near each other, so at least 80% of the pairs are slips.
 */
const MAX_NATURAL_PART = 0.2;

/** Rows a value must be held by to count as one of the column's real values when measuring how near they lie to the frequent ones (a slip rarely repeats). */
const REAL_VALUE_ROWS = 2;

/**
 * Whether (and by how much) rare values lie near a frequent one far more often than the column's real values
 * do: the share of its values held by two rows or more (real values: a slip seldom repeats) with a frequent
 * value other than itself within reach (Sara and Sarah, Clinton and Clanton), bounded above at 95% (Wilson), is
 * how often a real rare value would; when that is at most a fifth of the rare values' near share, at least four
 * in five of the near rare values are slips. A column of names whose real values are often near each other
 * needs a row's evidence for each; a catalogue of distributors, none of them near another, is closed even when a
 * tenth of its cells are slips and its rare names are many; so is a column of directors, where a few hundred
 * of them made two films or more and none is a keystroke from another's name.
 */
function nearerThanNatural(nearShare: number, frequent: readonly number[], words: readonly string[], distinct: DistinctValues, reach: ReadonlyMap<number, number>): { withNeighbour: number; measured: number } | undefined {
  const usable = (id: number) => typoLength(words[id]) && hasLetter(words[id]) && !damaged(distinct.text(id));
  const targets = frequent.filter(usable);
  if (targets.length < MIN_FREQUENT_MEASURED || nearShare === 0) return undefined;
  const measured: number[] = [];
  for (let id = 0; id < distinct.size; id++) if (distinct.counts[id] >= REAL_VALUE_ROWS && usable(id)) measured.push(id);
  const near = nearPairs(measured, targets, words);
  let withNeighbour = 0;
  for (const f of measured) {
    const neighbours = near.get(f) ?? [];
    if (neighbours.some((g) => g.distance <= (reach.get(g.id) ?? 0) && spelledApart(words[f], words[g.id]))) withNeighbour++;
  }
  return wilsonUpper(withNeighbour, measured.length) <= MAX_NATURAL_PART * nearShare ? { withNeighbour, measured: measured.length } : undefined;
}

/** The upper end of the one-sided 95% Wilson score interval of a share of k in n. */
export function wilsonUpper(k: number, n: number): number {
  const z = 1.645;
  const p = k / n;
  const z2n = (z * z) / n;
  return (p + z2n / 2 + z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
}

/** Largest share of a column's values one repeated slip may hold. */
const REPEATED_SLIP_SHARE = 0.01;
/** Rows of the frequent value per row of a repeated slip of it. */
const REPEATED_SLIP_RATIO = 20;

/**
 * Values in more than `maxRareRows` rows, or rare ones in two rows or more not `flagged` already (each further row of
 * a rare value asks frequencyRatio times more of the frequent one), at most REPEATED_SLIP_SHARE of the column, one edit from exactly one
 * frequent value, within its reach (or beyond it, `beyondReach`: where the column's rare slips beyond reach are typos), that holds REPEATED_SLIP_RATIO times their rows: in a closed vocabulary,
 * the same slip made again and again ("G-13" in 26 rows against 634 of "PG-13", "woen" for "women"), not a
 * category of its own (which would not be one keystroke from a value twenty times as common).
 */
function repeatedSlips(distinct: DistinctValues, words: readonly string[], frequent: readonly number[], vocabulary: number, reach: ReadonlyMap<number, number>, alphabet: number, maxRareRows: number, accepted: (id: number) => boolean, beyondReach: boolean, flagged: ReadonlyMap<number, unknown>): Candidate[] {
  const { counts } = distinct;
  const present = counts.reduce((a, b) => a + b, 0);
  const targets = frequent.filter((f) => hasLetter(words[f]) && counts[f] > REPEATED_SLIP_RATIO * maxRareRows);
  // A value no target holds REPEATED_SLIP_RATIO times the rows of can never be its slip: left out before the
  // near pairs are looked for (a column of values about equally common, 200 cities, has none to look at).
  const largestTarget = targets.reduce((most, f) => Math.max(most, counts[f]), 0);
  const repeated: number[] = [];
  for (let id = 0; id < distinct.size; id++) {
    // Beyond the rare values, and the rare ones in two rows or more that no frequent value held enough rows for.
    const again = counts[id] > maxRareRows || (counts[id] > 1 && !flagged.has(id));
    if (again && counts[id] <= REPEATED_SLIP_SHARE * present && REPEATED_SLIP_RATIO * counts[id] <= largestTarget && typoLength(words[id]) && hasLetter(words[id]) && !damaged(distinct.text(id)) && !accepted(id)) repeated.push(id);
  }
  if (repeated.length === 0) return [];
  const near = nearPairs(repeated, targets, words);
  const out: Candidate[] = [];
  for (const id of repeated) {
    // Values near it that hold fewer rows are no candidates ("mak" beside the slip "mar" in 64 rows is "mark"'s).
    const oneEdit = (near.get(id) ?? []).filter((g) => g.distance === 1 && counts[g.id] >= REPEATED_SLIP_RATIO * counts[id] && (beyondReach || (reach.get(g.id) ?? 0) >= 1) && spelledApart(words[id], words[g.id]));
    if (oneEdit.length !== 1) continue;
    const f = oneEdit[0].id;
    out.push({ rare: id, frequent: f, distance: 1, chance: chanceOfNeighbour(words[f].length, vocabulary, 1, alphabet) });
  }
  return out;
}

/**
 * In a closed vocabulary, the rare values near a frequent one only beyond its reach (short words: "jahn" and
 * "ohn" for "john" among 30 first names, nearer than a 1% chance allows) that are slips: all of them, when the
 * column's rare values near no frequent value at all — at most its genuine rare values — would leave at most
 * MAX_NATURAL_PART as many of them that near by coincidence. A genuine value lies that near a frequent one
 * with probability p, the larger of a random word's chance (the pairs' mean) and how often the column's real
 * values do (those held by two rows or more with a frequent value that near: "mark" and "mary"; the 95% upper
 * bound of that share; repeated slips left out, see naturalNearness): the `apart` values seen estimate apart × p / (1 − p) of them. A column whose rare
 * values are slips leaves few values apart; one with genuine rare values of its own has them apart, and
 * they vouch for nothing beyond reach. Each value's nearest frequent value (fewest edits, then most rows) is the fix.
 * A column not `closed` by the values within reach (none is) is closed by these alone where their number would be
 * chance under MAX_JOINT_CHANCE (a binomial tail at p), were they genuine.
 */
function closedSlips(far: readonly Candidate[][], rare: readonly number[], pairs: readonly Candidate[], explained: ReadonlySet<number>, frequent: readonly number[], words: readonly string[], distinct: DistinctValues, closed: boolean): Candidate[] {
  if (far.length === 0) return [];
  const near = new Set([...pairs.map((pair) => pair.rare), ...far.map((list) => list[0].rare)]);
  // A value another error explains (a frequent value in other letter case, another column's value) is that error; a
  // slip of a two- or three-letter code (not among the rare words) is told only by its row (see shortCodeSlips).
  const rareWords = new Set(rare);
  const slips = far.filter((list) => rareWords.has(list[0].rare) && !explained.has(list[0].rare));
  if (slips.length === 0) return [];
  const apart = rare.filter((id) => !near.has(id) && !explained.has(id)).length;
  const best = slips.map((list) => [...list].sort((x, y) => x.distance - y.distance || distinct.counts[y.frequent] - distinct.counts[x.frequent])[0]);
  const chance = best.reduce((sum, pair) => sum + pair.chance, 0) / best.length;
  const reach = Math.max(...best.map((pair) => pair.distance));
  const p = Math.max(chance, naturalNearness(frequent, words, distinct, reach));
  // (The values another error explains still lie near a frequent value: they count as near ones here, as ever.)
  if (p >= 1 || (apart * p) / (1 - p) > MAX_NATURAL_PART * far.length) return [];
  // A column not known to be closed (no rare value within a frequent one's reach) is closed by these values alone
  // only where so many of them lying that near, were they genuine, would be chance under MAX_JOINT_CHANCE.
  return closed || binomialTail(slips.length + apart, slips.length, p) <= MAX_JOINT_CHANCE ? best : [];
}

/**
 * The 95% upper bound of the share of a column's real values (held by REAL_VALUE_ROWS rows or more, and not
 * repeated slips: values a near one holds REPEATED_SLIP_RATIO times the rows of) with another frequent value
 * within `distance` edits, spelled apart, that is no repeated slip of theirs. 1 when every such value is a slip.
 */
function naturalNearness(frequent: readonly number[], words: readonly string[], distinct: DistinctValues, distance: number): number {
  const usable = (id: number) => typoLength(words[id]) && hasLetter(words[id]) && !damaged(distinct.text(id));
  const measured: number[] = [];
  for (let id = 0; id < distinct.size; id++) if (distinct.counts[id] >= REAL_VALUE_ROWS && usable(id)) measured.push(id);
  if (measured.length === 0) return 1;
  const near = nearPairs(measured, frequent.filter(usable), words);
  let withNeighbour = 0;
  let slips = 0;
  for (const id of measured) {
    const neighbours = (near.get(id) ?? []).filter((g) => g.distance <= distance && spelledApart(words[id], words[g.id]));
    // A value that a neighbour holds REPEATED_SLIP_RATIO times the rows of is a repeated slip (a large table repeats
    // its slips), no real value: it says nothing of how near real values lie; nor is such a slip a real value's neighbour.
    if (neighbours.some((g) => distinct.counts[g.id] >= REPEATED_SLIP_RATIO * distinct.counts[id])) slips++;
    else if (neighbours.some((g) => REPEATED_SLIP_RATIO * distinct.counts[g.id] > distinct.counts[id])) withNeighbour++;
  }
  return measured.length > slips ? wilsonUpper(withNeighbour, measured.length - slips) : 1;
}

interface Candidate {
  rare: number;
  frequent: number;
  distance: number;
  /** The chance of a random word being this near one of the column's frequent values ({@link chanceOfNeighbour}). */
  chance: number;
}

/**
 * Evidence from another column that a rare value's row belongs with the frequent value: the row's value
 * there occurs with the frequent value in at least 3 rows and in most of its rows (a dependency such as
 * zip → city), at least twice the frequent value's share of the column. Returns, per pair with evidence,
 * the column and the rows that agree.
 */
function dependencyEvidence(
  data: IngestResult,
  column: number,
  ids: Int32Array,
  distinct: DistinctValues,
  pairs: Candidate[],
  idsOf: (c: number) => Int32Array | undefined,
): Map<Candidate, { column: number; rows: number; share: number }> {
  const evidence = new Map<Candidate, { column: number; rows: number; share: number }>();
  const present = distinct.counts.reduce((a, b) => a + b, 0);
  const rows = Math.min(ids.length, MAX_EVIDENCE_ROWS);
  const rareRows = rowsOfValues(ids.subarray(0, rows), new Set(pairs.map((pair) => pair.rare)));
  let used = 0;
  for (let b = 0; b < data.columns.length && used < MAX_EVIDENCE_COLUMNS; b++) {
    if (b === column) continue;
    const other = idsOf(b);
    if (!other) continue;
    used++;
    const wanted = coOccurrence(ids, other, pairs.flatMap((pair) => rareRows.get(pair.rare) ?? []), rows);
    if (wanted.size === 0) continue;
    for (const pair of pairs) {
      if (evidence.has(pair)) continue;
      const baseShare = distinct.counts[pair.frequent] / present;
      for (const r of rareRows.get(pair.rare) ?? []) {
        const tally = wanted.get(other[r]);
        if (!tally) continue;
        const agree = tally.withValue.get(pair.frequent) ?? 0;
        const share = agree / Math.max(1, tally.total - (tally.withValue.get(pair.rare) ?? 0));
        // Most rows with that value hold the frequent one (a county's state is not enough: its near neighbours share it).
        if (agree >= 3 && share >= 0.5 && share >= 2 * baseShare) {
          evidence.set(pair, { column: b, rows: agree, share });
          break;
        }
      }
    }
  }
  return evidence;
}

export const typo = defineRule({
  id: 'typo',
  title: 'Likely typo',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: { minFrequentRows: 5, frequencyRatio: 10, maxRareRows: 3, maxDistinct: 50_000 },
  description: 'A rare value one or two keystrokes away from a frequent value of the same column ("mancheter" among "manchester").',
  docs: `A misspelled category ("mancheter" for "manchester") is a category of its own to a model, a group-by or
a join: its rows are lost to the real category.

A value is reported when it is rare (at most \`maxRareRows\` rows), a frequent value of the same column (at
least \`minFrequentRows\` rows, and \`frequencyRatio\` times more for each further row of the rare value: the
same slip in several rows is less likely) is within one or two edits of it (insertions, deletions,
substitutions, swaps of neighbours), and the pair is unlikely to be a coincidence. How many edits count
depends on the frequent value's length, on the characters the column's values use and on how many frequent
values it has: a random word of that length must have less than a 1% chance of lying that near one of them
(so "CA" and "CO" are never typos of each other, nor codes of digits one digit apart among many; "mal" is
one of "male" among two frequent values; two edits need longer words). The frequent values' words are
counted once whatever their case or spacing, without damaged text and placeholders ("xxx", "Not Available")
and without shifted cells (a frequent value of another column that holds it in ten times as many rows, a
number or date, or a frequent value joined to one of those: "Day 0"): a dirty column holds those often enough
to be frequent, and they are not words a slip is drawn from.
Then the column must also say so:

- the column is a closed vocabulary: most of its rare values are near a frequent one (in a column of names
  or free text, most rare values are real and only a few are near a frequent one by chance: the rule then
  needs the next kind of evidence). Rare values that another error explains are left out of that count: a
  frequent value written another way (case, spacing, punctuation), damaged text (control characters, U+FFFD,
  mojibake), a frequent value of another column or a number or date (a shifted cell) or one of those joined
  to this column's by a space (merged cells); a column whose rare values all are such is not closed. A
  column with at least 20 frequent values is also closed when its rare values lie near a frequent one five
  times as often as its real values do (its values held by ${REAL_VALUE_ROWS} rows or more, a slip seldom repeating; that
  share's 95% upper bound): real values of the column seldom lie that near a frequent one, so four in five such
  pairs are slips (a catalogue of distributors with many rare names, a tenth of its cells wrong; directors, a few
  hundred of them with two films or more; not first names, where Sara and Sarah are both frequent). Or
- the row agrees with the frequent value on another column: its value there occurs with the frequent value
  in at least 3 rows and in most of its rows (zip code → city). A weaker tie is no evidence: a city's state
  is shared by its near-named neighbours ("Philo" and "Chilo", Ohio), or
- the row ties the rare value to the frequent one beyond chance: three quarters or more (and at least two)
  of the other rows sharing one of its values hold the frequent value (one is enough for an entity's nearly
  unique name: the same product recorded again), or three quarters of its 5 nearest rows in the table's numeric columns (each scaled by its interquartile range; a zip
  code's latitude and longitude place it in its county), the row lying among them. How likely that is by
  chance is a binomial tail against the frequent value's share of the column, times the number of columns
  and neighbourhoods tried; multiplied by the chance of the near value, it must be under 1 in 10,000.

That last kind of evidence also reports values nearer by chance than the 1% above allows (a four-letter
county one edit from one of hundreds, a name two edits away), as long as a random word would be that near
at most half the time — and slips of two- and three-letter codes (states, countries, airports), where any random
pair or triple of letters is near some code: a value held by one row, one edit from a frequent code of two or three
letters and at most one character longer ("VN" for "NV", "C" or "CAW" for "CA", "LX" or "BOLS" for "LAX" and "BOS"),
is reported only on that evidence alone under 1 in 10,000 (its nearest rows by latitude and longitude hold "NV", its
city's other rows "LAX"); a code in its own place (a territory's zip codes) has no such tie, and one two edits from its
neighbours' code ("DC" among "MD") is no slip of it. Nor is a value whose row comes with a value of its own where
every row of the frequent one agrees (Jackson Hole's "JAC" with state "WY", though its city's other rows say "JAN",
whose rows all say "MS"): codes are made from names, so real codes of one city or state are often near each other.
In a closed vocabulary such values (short words: "jahn" and "ohn" for "john" among 30
first names) are typos without a row's evidence when the column's rare values near no frequent value — at
most its genuine rare values — would leave under a fifth as many of them that near by coincidence: each would
be, with the larger of a random word's chance and how often the column's values held by two rows or more lie
that near another frequent value ("mark" and "mary"; the 95% upper bound of that share) — not counting values
that a near one holds twenty times the rows of, nor such neighbours: a large table repeats its slips ("jhn" in
39 of 200,000 rows), and they are no real values. A column where no rare value lies within a frequent one's reach
(four-letter codes of vehicle makes among thirty: one edit is within a 1% chance of none) is closed by such values
alone when that many of its rare values lying so near, were they genuine, would be chance under 1 in 10,000 ("ROYT",
"HODN", "NERZ" among "TOYT", "HOND", "MERZ": 18 of 19 rare values one edit from a make). A value another error
explains (a frequent value in other letter case, another column's value) is left to that error.

In a closed vocabulary a value in more rows (up to 1% of the column; or a rare value in two rows or more that
no frequent value held enough rows for, as above: "Umrella" three times against 304 "Umbrella") is also reported
when it is one edit
from exactly one frequent value, within its reach (or beyond it, where the column's rare slips beyond reach are
typos, as above), that holds twenty times its rows: the same slip made again
and again in a dirty table ("G-13" in 26 rows against 634 of "PG-13"); a category of its own is not one
keystroke from a value twenty times as common.

Differences in numbers only (another code, not a misspelling: "AB-1007" beside "AB-1001", "250 mg" beside "25 mg"), values without a letter (numbers, codes) and
values over 64 characters (text, not a category) are left alone, as are differences in case, spacing or
accents (see category-variant). So is a value of two rows or more whose rows hold, in another text column whose values
repeat (one per two rows at most), a value held by exactly those rows and not by the likely value's first row: the two
columns name a thing of their own (a jacket in XL, its SKU and its product name each one letter from the XS's); a slip
of one cell leaves the row's other values those of the thing it was typed for.

**Fix**: the quick fix replaces the value with the frequent one. If the value is right, accept it: it is then
a valid value of the column.

In a file checked in batches, each batch is checked on its own.`,
  check({ data, options, report, isIgnored, isAccepted }) {
    // Other columns' value ids: of dependencies (nearly unique columns tie too few rows), and of the row's
    // context (an entity's name too).
    const cached = (withNames: boolean) => {
      const known = new Map<number, Int32Array | undefined>();
      return (c: number) => {
        if (!known.has(c)) known.set(c, evidenceIds(data, c, withNames));
        return known.get(c);
      };
    };
    const idsOf = cached(false);
    const contextIdsOf = cached(true);
    // The rows of each text column holding each frequent value (trimmed, lower case): another column's vocabulary, built once.
    let rowsOfWord: Map<string, Map<number, number>> | undefined;
    const wordRows = (): Map<string, Map<number, number>> => {
      if (!rowsOfWord) {
        const built = new Map<string, Map<number, number>>();
        data.columns.forEach((other, o) => {
          if (!TEXT_KINDS.includes(other.kind)) return;
          const distinct = distinctValues(data, o);
          if (distinct.size > options.maxDistinct) return;
          for (let id = 0; id < distinct.size; id++) {
            if (distinct.counts[id] < options.minFrequentRows) continue;
            const word = distinct.text(id).trim().toLowerCase();
            let byColumn = built.get(word);
            if (!byColumn) built.set(word, (byColumn = new Map()));
            byColumn.set(o, (byColumn.get(o) ?? 0) + distinct.counts[id]);
          }
        });
        rowsOfWord = built;
      }
      return rowsOfWord;
    };
    /** Whether `word` is a frequent value of a column other than c, there in at least `ratio` times its rows in c. */
    const inOtherColumn = (c: number, ratio = 0) => (word: string): boolean => {
      const byColumn = wordRows().get(word);
      if (!byColumn) return false;
      const here = byColumn.get(c) ?? 0;
      for (const [o, rows] of byColumn) if (o !== c && rows >= ratio * here) return true;
      return false;
    };
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind) || isIgnored(c)) return;
      const distinct = distinctValues(data, c);
      if (distinct.size < 2 || distinct.size > options.maxDistinct) return;
      const { counts } = distinct;
      const words: string[] = [];
      const frequent: number[] = [];
      for (let id = 0; id < distinct.size; id++) {
        words[id] = distinct.text(id).trim().toLowerCase();
        if (counts[id] >= options.minFrequentRows && typoLength(words[id])) frequent.push(id);
      }
      // Slips of two- and three-letter codes (see shortCodeSlips): only the row can say which code was meant.
      const shortSlips = shortCodeSlips(distinct, words, options.minFrequentRows, (id) => isAccepted(c, distinct.text(id)));
      if (frequent.length === 0 && shortSlips.length === 0) return;
      // Rare values, and the frequent values within two edits of each: the smaller set is indexed.
      const rare: number[] = [];
      for (let id = 0; id < distinct.size; id++) {
        if (counts[id] <= options.maxRareRows && typoLength(words[id]) && hasLetter(words[id]) && !isAccepted(c, distinct.text(id))) rare.push(id);
      }
      const rareValues = rare.length;
      if (rareValues === 0 && shortSlips.length === 0) return;
      // How far a slip of each frequent word may go: by its length, the column's alphabet and how many frequent words there are.
      const vocabulary = vocabularyOf(frequent, words, distinct, inOtherColumn(c, SHIFTED_RATIO));
      const alphabet = alphabetOf(vocabulary);
      const reach = new Map(frequent.map((f) => [f, maxTypoDistance(words[f].length, vocabulary.length, alphabet)]));
      const nearOf = nearPairs(rare, frequent.filter((f) => hasLetter(words[f])), words);
      const pairs: Candidate[] = [];
      // Rare values near a frequent one beyond its reach (a short word, two edits): a typo only where the row says so.
      const far: Candidate[][] = [];
      for (const id of rare) {
        const word = words[id];
        // The same slip made in several rows is less likely: each further row asks frequencyRatio times more.
        const needed = options.minFrequentRows * options.frequencyRatio ** (counts[id] - 1);
        let best: Candidate | undefined;
        const beyond: Candidate[] = [];
        for (const near of nearOf.get(id) ?? []) {
          const f = near.id;
          if (counts[f] < needed || near.distance === 0) continue;
          if (!spelledApart(word, words[f])) continue;
          const candidate = { rare: id, frequent: f, distance: near.distance, chance: chanceOfNeighbour(words[f].length, vocabulary.length, near.distance, alphabet) };
          if (near.distance > reach.get(f)!) {
            if (candidate.chance <= MAX_FAR_CHANCE) beyond.push(candidate);
          }
          else if (!best || near.distance < best.distance || (near.distance === best.distance && counts[f] > counts[best.frequent])) best = candidate;
        }
        if (best) pairs.push(best);
        else if (beyond.length) far.push(beyond);
      }
      // A short code's slips join the rare value's other candidates: the row decides between them ("anin": "rain" two
      // edits off, or "ain", a slip of it five rows hold).
      for (const slips of shortSlips) {
        const other = far.find((list) => list[0].rare === slips[0].rare);
        if (other) other.push(...slips.filter((pair) => !other.some((known) => known.frequent === pair.frequent)));
        else far.push(slips);
      }
      if (pairs.length === 0 && far.length === 0) return;
      // A closed vocabulary: most rare values are near a frequent one. Otherwise each pair needs a dependency,
      // or a row that ties it to the frequent value beyond chance. Rare values that other errors explain say
      // nothing about the vocabulary and are left out of that count (see explainedElsewhere).
      const explained = explainedElsewhere(rare, words, distinct, frequent, inOtherColumn(c));
      const nearShare = pairs.filter((pair) => !explained.has(pair.rare)).length / Math.max(1, rareValues - explained.size);
      const natural = nearShare >= CLOSED_NEAR_SHARE ? undefined : nearerThanNatural(nearShare, frequent, words, distinct, reach);
      const closed = nearShare >= CLOSED_NEAR_SHARE || natural !== undefined;
      const closedNote =
        `${pairs.length} of the column's ${rareValues} rare values are this near a frequent one` +
        (natural ? ` (${natural.withNeighbour} of its ${natural.measured} values held by two rows or more are near a frequent one)` : '');
      const evidence = closed ? undefined : dependencyEvidence(data, c, distinct.ids, distinct, pairs, idsOf);
      const flagged = new Map<number, { pair: Candidate; note: string }>();
      const unsupported: Candidate[][] = [];
      for (const pair of pairs) {
        const support = evidence?.get(pair);
        if (!closed && !support) {
          unsupported.push([pair]);
          continue;
        }
        flagged.set(pair.rare, { pair, note: support ? `its ${data.columns[support.column].name} goes with "${distinct.text(pair.frequent)}" in ${support.rows} rows` : closedNote });
      }
      // Slips of short words beyond their reach, where the closed column's own rare values say so — or where no rare
      // value is within a frequent one's reach to tell whether the column is closed (codes of four letters among
      // thirty: each value's reach is nothing), and closedSlips' own count of the values apart decides.
      const slipsBeyondReach = closed || pairs.length === 0 ? closedSlips(far, rare, pairs, explained, frequent, words, distinct, closed) : [];
      // The same slip in several rows of a closed vocabulary (a dirty table: "G-13" for "PG-13" in 26 rows); of a
      // short word too ("jhn" for "john" in 39 of 200,000 rows) where its rare slips beyond reach are slips.
      if (closed) for (const pair of repeatedSlips(distinct, words, frequent, vocabulary.length, reach, alphabet, options.maxRareRows, (id) => isAccepted(c, distinct.text(id)), slipsBeyondReach.length > 0, flagged)) flagged.set(pair.rare, { pair, note: closedNote });
      for (const pair of slipsBeyondReach) flagged.set(pair.rare, { pair, note: closedNote });
      const contested = [...unsupported, ...slipsOfTheirCode(data, c, distinct, far.filter((list) => !flagged.has(list[0].rare)))];
      if (contested.length) {
        const rowsOf = rowsOfValues(distinct.ids, new Set(contested.map((list) => list[0].rare)));
        const queries: ContextQuery[] = contested.flatMap((list) => list.map((pair) => ({ rows: rowsOf.get(pair.rare) ?? [], own: pair.rare, target: pair.frequent })));
        const present = counts.reduce((a, b) => a + b, 0);
        const found = rowContext(data, c, distinct.ids, counts, present, queries, contextIdsOf);
        let q = 0;
        for (const list of contested) {
          // The candidate whose tie is the least likely by coincidence.
          let best: { pair: Candidate; joint: number; note: string } | undefined;
          for (const pair of list) {
            const tie = found[q++];
            const joint = tie ? pair.chance * tie.chance : Infinity;
            if (tie && joint <= MAX_JOINT_CHANCE && (!best || joint < best.joint)) best = { pair, joint, note: tie.note };
          }
          if (best) flagged.set(best.pair.rare, { pair: best.pair, note: best.note });
        }
      }
      // A rare value whose rows hold, in another column, a value of their own that the likely value's rows do not: a
      // thing of its own (a size XL's SKU beside its product name "…, XL"), where a slip leaves the row's other values.
      for (const [rare, { pair }] of flagged) if (namedApart(data, c, distinct, rare, pair.frequent)) flagged.delete(rare);
      if (flagged.size === 0) return;
      // The rows of the flagged values, in row order: one pass over the ids against a mark per value (not a
      // Map lookup per row of the column).
      const marked = new Uint8Array(distinct.size);
      for (const id of flagged.keys()) marked[id] = 1;
      for (const r of rowsMarked(distinct.ids, marked)) {
        const hit = flagged.get(distinct.ids[r]);
        if (!hit) continue;
        const { pair, note } = hit;
        const value = distinct.text(pair.rare);
        const likely = distinct.text(pair.frequent);
        const firstRow = distinct.firstRows[pair.frequent];
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { likely, rows: counts[pair.rare], likelyRows: counts[pair.frequent], distance: pair.distance, support: note },
          message:
            `"${value}" looks like a typo of "${likely}" in column "${column.name}": ${counts[pair.rare]} row${counts[pair.rare] > 1 ? 's' : ''} ` +
            `against ${counts[pair.frequent]}, ${pair.distance} edit${pair.distance > 1 ? 's' : ''} apart; ${note}.`,
          related: [{ row: firstRow, columnIndex: c, message: `"${likely}" (${counts[pair.frequent]} rows)` }],
          fixes: replaceCellFixes(data, r, c, likely, `Correct to "${likely}"`),
        });
      }
    });
  },
});

/**
 * Whether the rows of value `rare` of column c (two or more) hold, in another text column whose values repeat (at most
 * one per two rows), one value held by exactly those rows, where the first row of value `frequent` holds another: the
 * two columns name one thing of its own together (a jacket in XL: its SKU and its product name both one letter from
 * the XS's). A slip of one cell leaves the row's other values those of the thing it was typed for.
 */
function namedApart(data: IngestResult, c: number, distinct: DistinctValues, rare: number, frequent: number): boolean {
  const count = distinct.counts[rare];
  if (count < 2) return false;
  const rows: number[] = [];
  for (let r = distinct.firstRows[rare]; r < distinct.ids.length && rows.length < count; r++) if (distinct.ids[r] === rare) rows.push(r);
  const likelyRow = distinct.firstRows[frequent];
  return data.columns.some((column, b) => {
    if (b === c || !TEXT_KINDS.includes(column.kind)) return false;
    const other = distinctValues(data, b);
    if (other.size > data.table.numRows / 2) return false;
    const own = other.ids[rows[0]];
    return own >= 0 && other.counts[own] === count && rows.every((r) => other.ids[r] === own) && other.ids[likelyRow] !== own;
  });
}

/** A code of two or three letters (a state, a country, an airport). */
const SHORT_CODE = /^\p{L}{2,3}$/u;

/**
 * Slips of two- and three-letter codes (states, countries, languages, airports): a value held by one row, at most one
 * character longer than a frequent code of two or three letters and one edit (a transposition included) from it
 * ("CQ", "C", "CAW" for "CA"; "VN" for "NV"; "LX", "BOLS" for "LAX" and "BOS"). A value held by more rows may be a real
 * code the table seldom holds, which slips of another happen to write too ("WY" for "WA" beside a flight from
 * Jackson, WY): the rows' evidence would be the slips'.
 * Such a slip lies one edit from several codes, and a random pair or triple of letters that near one of fifty or a
 * hundred and fifty codes is common,
 * so its distance says nothing (the chance is 1): only the row can tie it to a code, beyond chance alone (its
 * neighbours in the table's numbers hold "NV", a zip code's other rows say it) — a code of its own in its own place
 * (a territory among its own zip codes) has no such tie, and a code two edits from its neighbours' ("DC" among
 * "MD" and "VA") is none of their slips.
 */
function shortCodeSlips(distinct: DistinctValues, words: readonly string[], minFrequentRows: number, accepted: (id: number) => boolean): Candidate[][] {
  const codes: number[] = [];
  for (let id = 0; id < distinct.size; id++) if (distinct.counts[id] >= minFrequentRows && SHORT_CODE.test(words[id])) codes.push(id);
  if (codes.length === 0) return [];
  const longest = Math.max(...codes.map((f) => words[f].length)) + 1;
  const slips: Candidate[][] = [];
  for (let id = 0; id < distinct.size; id++) {
    const word = words[id];
    if (distinct.counts[id] !== 1 || word.length > longest || !hasLetter(word) || accepted(id) || damaged(distinct.text(id))) continue;
    const near = codes.filter((f) => f !== id && word.length <= words[f].length + 1 && editDistance(words[f], word, 1) === 1 && spelledApart(word, words[f]));
    if (near.length) slips.push(near.map((f) => ({ rare: id, frequent: f, distance: 1, chance: 1 })));
  }
  return slips;
}

/** Rows of a code read to learn its own values in other columns, spread over all of them. */
const OWN_VALUE_ROWS = 200;

/**
 * Of the candidates near a frequent value only by chance's standards (short words and codes, far or short-code slips,
 * which only their row can tie to it), those whose row does not come with values of its own: a value the table
 * seldom holds is often near a frequent one because codes are made from names (Jackson Hole's "JAC" beside Jackson's
 * "JAN", St Croix's "STX" beside St Thomas's "STT"), and its row then says so in a column where the frequent value's
 * rows agree on one value (all of them, three or more, values held once aside: a county's rows are mostly its largest
 * town's, not all; a value of at most half the column's rows, as most of a column's rows agree on its commonest value
 * anyway) and the row holds another
 * value (state "WY" where Jackson's rows say "MS"; another city; see anotherValue). A slip leaves the rest of its row
 * as the value's rows have it. Other text columns are read; a candidate so contradicted is dropped, a value none is
 * left to goes.
 */
function slipsOfTheirCode(data: IngestResult, c: number, distinct: DistinctValues, slips: Candidate[][]): Candidate[][] {
  if (slips.length === 0) return slips;
  const wanted = new Set(slips.flatMap((list) => [list[0].rare, ...list.map((pair) => pair.frequent)]));
  const rowsOf = rowsOfValues(distinct.ids, wanted);
  const others = data.columns.flatMap((column, o) => (o !== c && TEXT_KINDS.includes(column.kind) ? [distinctValues(data, o)] : []));
  // Per frequent code: per other column, the value its rows agree on (−1: none).
  const ownValues = new Map<number, Int32Array>();
  const ownOf = (f: number) => {
    let own = ownValues.get(f);
    if (own) return own;
    const all = rowsOf.get(f) ?? [];
    // Rows spread over the code's rows (a table sorted by zip code holds a state's counties one after another).
    const step = Math.max(1, Math.ceil(all.length / OWN_VALUE_ROWS));
    own = Int32Array.from(others, (other) => {
      let value = -1;
      let read = 0;
      for (let i = 0; i < all.length; i += step) {
        const id = other.ids[all[i]];
        // Values held once (a slip, damaged text) are no value of the code's, nor against it.
        if (id < 0 || other.counts[id] < 2) continue;
        if (value >= 0 && id !== value) return -1;
        value = id;
        read++;
      }
      // A value most of the column holds ("None" for the damage of most bird strikes) is nobody's own.
      return read >= 3 && 2 * other.counts[value] <= distinct.ids.length ? value : -1;
    });
    ownValues.set(f, own);
    return own;
  };
  const out: Candidate[][] = [];
  for (const list of slips) {
    const row = rowsOf.get(list[0].rare)?.[0];
    if (row === undefined) continue;
    const kept = list.filter((pair) => {
      const own = ownOf(pair.frequent);
      return others.every((other, k) => {
        const id = other.ids[row];
        return own[k] < 0 || id < 0 || id === own[k] || !anotherValue(other.text(id), other.counts[id], other.text(own[k]));
      });
    });
    if (kept.length) out.push(kept);
  }
  return out;
}

/**
 * Whether a row's `text` (held by `rows` rows of its column) is another value than `own`, not the same written
 * otherwise (case, spacing, accents) nor, held by that row alone, a slip of it: damaged, merged with a neighbour's
 * value ("AZ, Pima"), or within one edit of a word of four characters or less and two of a longer one ("Jackkson" for
 * "Jackson"): the row's second error.
 */
function anotherValue(text: string, rows: number, own: string): boolean {
  if (categoryKey(text) === categoryKey(own)) return false;
  if (rows >= 2) return true;
  const [lower, ownLower] = [text.toLowerCase(), own.toLowerCase()];
  return !damaged(text) && !containsWord(lower, ownLower) && editDistance(lower, ownLower, 2) > (own.length <= 4 ? 1 : 2);
}

/** Whether `text` holds `word` set off by characters other than letters and digits ("az, pima" holds "az": a merged cell). */
function containsWord(text: string, word: string): boolean {
  const apart = (ch: string | undefined) => ch === undefined || !/[\p{L}\p{N}]/u.test(ch);
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) if (apart(text[i - 1]) && apart(text[i + word.length])) return true;
  return false;
}

/** Pairs of words compared one by one at most, rather than through a deletion index (a few rare values among many frequent ones). */
const PAIRS_COMPARED = 20_000;

/**
 * For each rare id, the frequent ids within two edits of it (in the order of `frequent`), by a deletion index
 * over the smaller of the two sets; for a few rare values, by comparing each with every frequent one (the same
 * pairs in the same order, without building every frequent value's deletions).
 */
export function nearPairs(rare: readonly number[], frequent: readonly number[], words: readonly string[]): Map<number, { id: number; distance: number }[]> {
  const out = new Map<number, { id: number; distance: number }[]>();
  const add = (r: number, f: number, distance: number) => {
    if (r === f) return;
    const list = out.get(r);
    if (list) list.push({ id: f, distance });
    else out.set(r, [{ id: f, distance }]);
  };
  const indexRare = rare.length <= frequent.length;
  if (indexRare && rare.length * frequent.length <= PAIRS_COMPARED) {
    for (const r of rare) {
      for (const f of frequent) {
        const d = editDistance(words[f], words[r], 2);
        if (d <= 2) add(r, f, d);
      }
    }
    return out;
  }
  const index = new NearWordIndex(2);
  for (const id of indexRare ? rare : frequent) index.add(id, words[id]);
  for (const id of indexRare ? frequent : rare) {
    for (const near of index.near(words[id], 2)) {
      if (indexRare) add(near.id, id, near.distance);
      else add(id, near.id, near.distance);
    }
  }
  return out;
}

/** The rows (ascending) whose value id is marked. */
function rowsMarked(ids: Int32Array, marked: Uint8Array): number[] {
  const rows: number[] = [];
  for (let r = 0; r < ids.length; r++) if (ids[r] >= 0 && marked[ids[r]]) rows.push(r);
  return rows;
}

/** The rows holding each of some value ids. */
function rowsOfValues(ids: Int32Array, wanted: ReadonlySet<number>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let r = 0; r < ids.length; r++) {
    if (!wanted.has(ids[r])) continue;
    const list = out.get(ids[r]);
    if (list) list.push(r);
    else out.set(ids[r], [r]);
  }
  return out;
}

/**
 * Whether two near words differ in their spelling: not only in case, spacing, accents or punctuation (a
 * category variant) nor only where both have digits (another code), nor in the number of a quantity (another dose).
 */
export function spelledApart(a: string, b: string): boolean {
  return categoryKey(a) !== categoryKey(b) && !differsInDigitsOnly(a, b) && !otherQuantities(a, b);
}

/** Whether two words differ only where both have digits ("AB-1001" and "AB-1007": another code, not a typo). */
function differsInDigitsOnly(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(isDigit(a[i]) && isDigit(b[i]))) return false;
  return true;
}

/** Whether two values are numbers written with one unit and differ in the number ("250 mg" and "20 mg": another dose). */
function otherQuantities(a: string, b: string): boolean {
  const [x, y] = [parseWrittenNumber(a), parseWrittenNumber(b)];
  return x !== null && y !== null && x.suffix.trim() !== '' && x.suffix.trim().toLowerCase() === y.suffix.trim().toLowerCase() && x.value !== y.value;
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
