/**
 * word-typo: a misspelled word inside values that are mostly distinct, at a place in the value where the column's
 * values draw their word from a few ("yhaoo" as an email's domain, "Stret" as an address's street type).
 */
import { defineRule } from '../rule';
import { TEXT_KINDS, TEXT_VALUES_MAX_DISTINCT, distinctValues, eachMappedRow, replaceCellFixes } from '../column-values';
import { alphabetOf, damaged, maxTypoDistance, nearPairs, spelledApart, wilsonUpper } from './typo';
import { editDistance } from '../edit-distance';

/** A word of a value: a run of letters and digits, where it starts and ends in the value. */
interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(value: string): Word[] {
  const words: Word[] = [];
  for (const m of value.matchAll(WORD)) words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return words;
}

/**
 * The places a word is read at, counted from the value's start (0, 1) or its end (−1, −2): an email's name, its
 * domain and its ending; an address's number, street and street type; a link's scheme.
 */
const PLACES = [0, 1, -1, -2] as const;
type Place = (typeof PLACES)[number];

/** The word at a place, where the value has words beyond it (a value of one word is the typo rule's; of two, its second word is its last). */
function wordAt(words: readonly Word[], place: Place): Word | undefined {
  const needed = place >= 0 ? place + 2 : 1 - place;
  return words.length >= needed ? words[place >= 0 ? place : words.length + place] : undefined;
}

/** How a message names a place. */
const PLACE_NAMES: Record<Place, string> = { 0: 'first word', 1: 'second word', [-1]: 'last word', [-2]: 'word before the last' };

/** Rows holding a word at a place before the place can tell a vocabulary from chance. */
const MIN_ROWS = 100;
/** Share of the column's rows with a distinct value of their own: values mostly repeated are the typo rule's (a whole value's slip). */
const MIN_DISTINCT_SHARE = 0.5;
/** Share of the rows at a place whose word is a frequent one, for the place to draw from a closed vocabulary. */
const MIN_COVERAGE = 0.9;
/** Most frequent words a closed vocabulary has: more are names. */
const MAX_VOCABULARY = 100;
/** Rows a slip of a word may be held by (or, one edit from a single frequent word, REPEATED_SLIP_SHARE of the place's rows: the same slip made again). */
const MAX_RARE_ROWS = 2;
const REPEATED_SLIP_SHARE = 0.01;
/** Times a slip's rows the word it is a slip of must hold (and the fewest rows of a frequent word). */
const FREQUENCY_RATIO = 20;
/** Share of the place's rare words near a frequent one that makes its vocabulary closed (as the typo rule's). */
const CLOSED_NEAR_SHARE = 0.5;
/** At most this much of that share may be how often the place's real words (held by two rows or more) lie near a frequent one. */
const MAX_NATURAL_PART = 0.2;
/** Real words needed to measure how near they lie (fewer: a place of a few words, an email's domains, where the rare words say it). */
const MIN_MEASURED = 20;

const hasLetter = (word: string) => /\p{L}/u.test(word);
const slipLength = (word: string) => word.length >= 3 && word.length <= 64;

/** A word written in the case of another ("STRET" → "STREET", "Stret" → "Street"). */
function inCaseOf(word: string, model: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  if (model === model.toLowerCase()) return word.toLowerCase();
  if (model[0] === model[0].toUpperCase() && model.slice(1) === model.slice(1).toLowerCase()) return word[0].toUpperCase() + word.slice(1).toLowerCase();
  return word;
}

/** A place's words (lower case) with their rows, and each frequent word as first written. */
interface PlaceWords {
  rows: Map<string, number>;
  written: Map<string, string>;
  total: number;
}

/** A slip found at a place: the word (lower case), the frequent word meant, their edits apart. */
interface Slip {
  word: string;
  likely: string;
  distance: number;
}

/**
 * Whether a place draws its words from a closed vocabulary: MIN_ROWS rows at least, its frequent words (FREQUENCY_RATIO
 * rows or more, at most MAX_VOCABULARY of them) holding MIN_COVERAGE of its rows.
 */
function drawsFromFew(place: PlaceWords): boolean {
  if (place.total < MIN_ROWS) return false;
  let [frequent, covered] = [0, 0];
  for (const rows of place.rows.values()) {
    if (rows < FREQUENCY_RATIO) continue;
    frequent++;
    covered += rows;
  }
  return frequent > 0 && frequent <= MAX_VOCABULARY && covered >= MIN_COVERAGE * place.total;
}

/**
 * The slips among a place's rare words, where the place draws its words from a closed vocabulary: its frequent words
 * (FREQUENCY_RATIO rows or more, at most MAX_VOCABULARY of them) hold MIN_COVERAGE of its rows; most of its rare words
 * (MAX_RARE_ROWS rows at most) lie within a typo's reach of one (the typo rule's reach: by the word's length, the
 * vocabulary's size and alphabet), which holds FREQUENCY_RATIO times their rows; and its real words (two rows or
 * more) seldom do (the 95% upper bound of that share at most MAX_NATURAL_PART of the rare words' share).
 */
function slipsAt(place: PlaceWords): { slips: Map<string, Slip>; near: number; rare: number } | undefined {
  if (!drawsFromFew(place)) return undefined;
  const words = [...place.rows.keys()];
  const rowsOf = (i: number) => place.rows.get(words[i]) ?? 0;
  const frequent = words.flatMap((_, i) => (rowsOf(i) >= FREQUENCY_RATIO ? [i] : []));
  const targets = frequent.filter((i) => hasLetter(words[i]) && slipLength(words[i]));
  if (targets.length === 0) return undefined;
  const vocabulary = targets.map((i) => words[i]);
  const alphabet = alphabetOf(vocabulary);
  const reach = new Map(targets.map((i) => [i, maxTypoDistance(words[i].length, vocabulary.length, alphabet)]));
  const rare: number[] = [];
  const real: number[] = [];
  const rareRows = Math.max(MAX_RARE_ROWS, REPEATED_SLIP_SHARE * place.total);
  words.forEach((word, i) => {
    if (!hasLetter(word) || !slipLength(word)) return;
    if (rowsOf(i) <= rareRows) rare.push(i);
    if (rowsOf(i) >= 2) real.push(i);
  });
  if (rare.length === 0) return undefined;
  const within = (word: number, near: { id: number; distance: number }) => near.distance > 0 && near.distance <= (reach.get(near.id) ?? 0) && spelledApart(words[word], words[near.id]);
  const slips = new Map<string, Slip>();
  const nearRare = nearPairs(rare, targets, words);
  for (const i of rare) {
    let best: { id: number; distance: number } | undefined;
    for (const near of nearRare.get(i) ?? []) {
      if (!within(i, near) || rowsOf(near.id) < FREQUENCY_RATIO * rowsOf(i)) continue;
      if (!best || near.distance < best.distance || (near.distance === best.distance && rowsOf(near.id) > rowsOf(best.id))) best = near;
    }
    // The same slip in more rows: one edit from a single frequent word.
    const repeated = rowsOf(i) > MAX_RARE_ROWS;
    if (best && repeated && (best.distance !== 1 || (nearRare.get(i) ?? []).filter((near) => near.distance === 1).length !== 1)) continue;
    if (best) slips.set(words[i], { word: words[i], likely: words[best.id], distance: best.distance });
  }
  const nearShare = slips.size / rare.length;
  if (nearShare < CLOSED_NEAR_SHARE) return undefined;
  // How often the place's real words lie near a frequent one (a slip repeated in a large table, one a near word
  // holds FREQUENCY_RATIO times the rows of, is no real word).
  const nearReal = nearPairs(real, targets, words);
  let measured = 0;
  let withNeighbour = 0;
  for (const i of real) {
    const neighbours = (nearReal.get(i) ?? []).filter((near) => within(i, near));
    if (neighbours.some((near) => rowsOf(near.id) >= FREQUENCY_RATIO * rowsOf(i))) continue;
    measured++;
    if (neighbours.length > 0) withNeighbour++;
  }
  if (measured >= MIN_MEASURED && wilsonUpper(withNeighbour, measured) > MAX_NATURAL_PART * nearShare) return undefined;
  return { slips, near: slips.size, rare: rare.length };
}

/**
 * Places whose word the word beside it may decide, as [deciding place, decided place]: an email's provider decides its
 * ending ("gmail" → "com"), a link's scheme its next word.
 */
const CONTEXTS: readonly [Place, Place][] = [
  [-2, -1],
  [-1, -2],
  [0, 1],
  [1, 0],
];
/** Deciding words (each in FREQUENCY_RATIO rows or more) a place pair needs to tell a dependency from chance. */
const MIN_CONTEXTS = 3;
/** Share of those deciding words whose rows write one word beside them (all but MAX_RARE_ROWS, or 1%). */
const CONTEXT_HOLD_SHARE = 0.95;
/** Edits a slip may be from the word its context calls for, whatever its length: the context, not the spelling, says it is no other word. */
const CONTEXT_REACH = 1;

/** A slip its context tells: the word beside it calls for another word in all its other rows. */
interface ContextSlip extends Slip {
  context: string;
  contextRows: number;
  /** Of them, the rows with the word it calls for, and with the slip. */
  likelyInContext: number;
  slipInContext: number;
}

/**
 * Slips of short words that a word beside them tells ("gmail.con", "yahoo.om"), at a place that draws from a closed
 * vocabulary (slipsAt's coverage): where the place beside it decides the place's word — at least MIN_CONTEXTS deciding
 * words of FREQUENCY_RATIO rows or more, CONTEXT_HOLD_SHARE of them writing one word beside them in all but
 * MAX_RARE_ROWS (or REPEATED_SLIP_SHARE) of their rows —, a word in at most that many rows beside a deciding word,
 * within CONTEXT_REACH edits of the word it calls for, is a slip of it. Keyed by deciding word and word.
 */
function contextSlipsAt(place: PlaceWords, pairs: Map<string, Map<string, number>>): Map<string, ContextSlip> {
  const slips = new Map<string, ContextSlip>();
  if (!drawsFromFew(place)) return slips;
  const decided: { context: string; rows: number; word: string; wordRows: number; others: [string, number][] }[] = [];
  let groups = 0;
  for (const [context, words] of pairs) {
    let [rows, best, bestRows] = [0, '', 0];
    for (const [word, n] of words) {
      rows += n;
      if (n > bestRows) [best, bestRows] = [word, n];
    }
    if (rows < FREQUENCY_RATIO) continue;
    groups++;
    const allowed = Math.max(MAX_RARE_ROWS, REPEATED_SLIP_SHARE * rows);
    const others = [...words].filter(([word]) => word !== best);
    if (rows - bestRows <= allowed) decided.push({ context, rows, word: best, wordRows: bestRows, others });
  }
  if (groups < MIN_CONTEXTS || decided.length < CONTEXT_HOLD_SHARE * groups) return slips;
  for (const { context, rows, word, wordRows, others } of decided) {
    for (const [other, otherRows] of others) {
      if (!hasLetter(other) || other.length < 2 || !spelledApart(other, word)) continue;
      const distance = editDistance(other, word, CONTEXT_REACH);
      if (distance > CONTEXT_REACH) continue;
      slips.set(`${context}\u0000${other}`, { word: other, likely: word, distance, context, contextRows: rows, likelyInContext: wordRows, slipInContext: otherRows });
    }
  }
  return slips;
}

export const wordTypo = defineRule({
  id: 'word-typo',
  title: 'Likely typo in a word',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description: 'A misspelled word inside values that are mostly distinct, where the column draws that word from a few ("yhaoo" in an email\'s domain, "Stret" as a street type).',
  docs: `Emails, addresses and links are distinct values, so a slip in one ("linda@yhaoo.com", "12 Main Stret",
"htps://…") is no rare value beside a frequent one, and the typo rule cannot see it. But a part of such values
is drawn from a few words: an email's domain and ending, an address's street type, a link's scheme. A slip there
breaks what a model or a join reads from it (the provider, the street type) and often the value itself (mail
sent to "yhaoo.com" is lost).

The rule reads four places of each value of a text column: its first two words and its last two (a word is a
run of letters and digits). A place is checked when the column's values are mostly distinct (half of its rows
hold a value of their own; repeated values are the typo rule's), at least ${MIN_ROWS} rows have a word there, and
the place draws from a closed vocabulary:

- its frequent words (each in ${FREQUENCY_RATIO} rows or more, at most ${MAX_VOCABULARY} of them) hold ${100 * MIN_COVERAGE}% of its rows;
- most of its rare words (in at most ${MAX_RARE_ROWS} rows) lie within a typo's reach of a frequent one that holds
  ${FREQUENCY_RATIO} times their rows: one or two edits (insertions, deletions, substitutions, swaps of neighbours),
  as many as a random word of that length would be that near one of the place's frequent words with less than a
  1% chance (the typo rule's reach: short words such as "com" and "net" have none, but see below);
- its real words (in two rows or more) seldom lie that near a frequent one: the 95% upper bound of that share is
  at most a fifth of the rare words' share (first names, where Sara and Sarah are both common, are no closed
  vocabulary).

Each rare word near a frequent one is then reported in every row holding it there, with the frequent word as
the likely one.

A word too short for its spelling to tell ("con" for "com", "co", "om") is told by the word beside it, where that
word decides it: an email's provider decides its ending ("gmail" → "com", "comcast" → "net"). A place next to
another (the first two words, the last two, either way) is read so when the place draws from a closed vocabulary (as
above), at least ${MIN_CONTEXTS} words beside it are in ${FREQUENCY_RATIO} rows or more, and ${100 * CONTEXT_HOLD_SHARE}% of them write one word at the place in all
their rows but ${MAX_RARE_ROWS} (or 1%). A word in so few rows beside such a word, within ${CONTEXT_REACH} edit of the word it calls for, is
reported as its slip ("gmail.con"); a provider with two endings ("yahoo.com", "yahoo.net") decides nothing, and a
rare provider ("proton.me") tells nothing.

**Fix**: the quick fix writes the frequent word in its place. If the value is right, accept it.

In a file checked in batches, each batch is checked on its own.`,
  check({ data, report, isIgnored, isAccepted }) {
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind) || isIgnored(c)) return;
      const distinct = distinctValues(data, c);
      if (distinct.size > TEXT_VALUES_MAX_DISTINCT) return;
      let present = 0;
      for (let id = 0; id < distinct.size; id++) present += distinct.counts[id];
      if (present < MIN_ROWS || distinct.size < MIN_DISTINCT_SHARE * present) return;
      // Each value's words at each place, tallied over the rows.
      const wordsById: (Word[] | undefined)[] = new Array(distinct.size);
      const places = PLACES.map((): PlaceWords => ({ rows: new Map(), written: new Map(), total: 0 }));
      const pairs = CONTEXTS.map(() => new Map<string, Map<string, number>>());
      for (let id = 0; id < distinct.size; id++) {
        const text = distinct.text(id);
        const words = wordsOf(text);
        if (words.length < 2) continue;
        wordsById[id] = words;
        const rows = distinct.counts[id];
        PLACES.forEach((place, k) => {
          const word = wordAt(words, place);
          if (!word) return;
          const key = word.text.toLowerCase();
          const tally = places[k];
          tally.rows.set(key, (tally.rows.get(key) ?? 0) + rows);
          if (!tally.written.has(key)) tally.written.set(key, word.text);
          tally.total += rows;
        });
        // The words side by side at each pair of places (deciding word → word → rows).
        CONTEXTS.forEach(([from, to], k) => {
          const [context, word] = [wordAt(words, from), wordAt(words, to)];
          if (!context || !word) return;
          const key = context.text.toLowerCase();
          let beside = pairs[k].get(key);
          if (!beside) pairs[k].set(key, (beside = new Map()));
          const lower = word.text.toLowerCase();
          beside.set(lower, (beside.get(lower) ?? 0) + rows);
        });
      }
      const found = places.map(slipsAt);
      const told = CONTEXTS.map(([, to], k) => contextSlipsAt(places[PLACES.indexOf(to)], pairs[k]));
      if (found.every((f) => f === undefined) && told.every((t) => t.size === 0)) return;
      // Per value holding a slip (at the first place that has one): the slip, its place and the word in the value.
      const flagged = new Map<number, { k: number; slip: Slip | ContextSlip; word: Word }>();
      for (let id = 0; id < distinct.size; id++) {
        const words = wordsById[id];
        if (!words) continue;
        const text = distinct.text(id);
        if (damaged(text) || isAccepted(c, text)) continue;
        for (let k = 0; k < PLACES.length && !flagged.has(id); k++) {
          const word = wordAt(words, PLACES[k]);
          const slip = word ? found[k]?.slips.get(word.text.toLowerCase()) : undefined;
          if (word && slip) flagged.set(id, { k, slip, word });
        }
        // Else a slip the word beside it tells.
        CONTEXTS.forEach(([from, to], j) => {
          const [context, word] = [wordAt(words, from), wordAt(words, to)];
          const slip = context && word && !flagged.has(id) ? told[j].get(`${context.text.toLowerCase()}\u0000${word.text.toLowerCase()}`) : undefined;
          if (word && slip) flagged.set(id, { k: PLACES.indexOf(to), slip, word });
        });
      }
      eachMappedRow(distinct, flagged, (row, id, { k, slip, word }) => {
        const value = distinct.text(id);
        const place = places[k];
        const at = found[k];
        const likelyWord = inCaseOf(place.written.get(slip.likely) ?? slip.likely, word.text);
        const likely = value.slice(0, word.start) + likelyWord + value.slice(word.end);
        const likelyRows = place.rows.get(slip.likely) ?? 0;
        const wordRows = place.rows.get(slip.word) ?? 0;
        const edits = `${slip.distance} edit${slip.distance > 1 ? 's' : ''} apart`;
        const byContext = 'context' in slip ? slip : undefined;
        report({
          row,
          columnIndex: c,
          value,
          evidence: {
            word: word.text,
            likelyWord,
            likely,
            place: PLACE_NAMES[PLACES[k]],
            rows: wordRows,
            likelyRows,
            distance: slip.distance,
            ...(byContext ? { context: byContext.context, contextRows: byContext.contextRows, likelyInContext: byContext.likelyInContext, slipInContext: byContext.slipInContext } : { rareNear: at?.near ?? 0, rare: at?.rare ?? 0 }),
          },
          message: byContext
            ? `"${word.text}" in "${value}" looks like a typo of "${likelyWord}" in column "${column.name}": ${byContext.likelyInContext} of the ${byContext.contextRows} rows with "${byContext.context}" beside it have "${likelyWord}" as their ${PLACE_NAMES[PLACES[k]]}, ${byContext.slipInContext} ${byContext.slipInContext === 1 ? 'has' : 'have'} "${word.text}", ${edits}.`
            : `"${word.text}" in "${value}" looks like a typo of "${likelyWord}" in column "${column.name}": ${likelyRows} rows have "${likelyWord}" as their ${PLACE_NAMES[PLACES[k]]}, ` +
              `${wordRows} ${wordRows === 1 ? 'has' : 'have'} "${word.text}", ${edits}; ${at?.near ?? 0} of the ${at?.rare ?? 0} rare words there are this near a frequent one.`,
          fixes: replaceCellFixes(data, row, c, likely, `Correct to "${likely}"`),
        });
      });
    });
  },
});
