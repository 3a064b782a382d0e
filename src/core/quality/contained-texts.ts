/**
 * Columns whose text holds another column's value in nearly every row (a release date holds the release year, an email
 * its person's names), learned from the table, and the rows that break them: contained-value reports those rows, and
 * duplicate-key reads which of two rows sharing a key is the one whose text its row contradicts.
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, memo, distinctValues, nullMask, numericColumn, strictlyIncreasing } from './column-values';
import { columnPatterns } from './value-patterns';

/** Rows read to find candidate pairs before a pair is verified on every row. */
const SAMPLE_ROWS = 400;
/** Share of the sampled rows in which a candidate pair must hold (as many as a dirtier table's pair, NOISY_SHARE). */
const SAMPLE_SHARE = 0.8;
/**
 * A dirtier table's pair: it holds in at least this share of the rows (errors in a tenth of either column break
 * more than `minShare` allows) when most of the rows that break it (CONFLICT_SHARE) are conflicts — the text
 * holds another value of the column instead ("1984" in the release date of a film whose year says 1948) —
 * and only those are reported: the row contradicts itself, while a text that merely leaves the value out
 * may be written another way.
 */
const NOISY_SHARE = 0.8;
const CONFLICT_SHARE = 0.5;
/** At most this share of sampled rows may hold another row's value (else the containment says nothing). */
const CHANCE_SHARE = 0.2;
/**
 * A text written unlike its column: its form (runs of letters and digits with the punctuation between) holds at
 * most this share of the column's rows, where the column's most common form holds at least DOMINANT_FORM_SHARE.
 * Where such a text is the one that leaves out the value, the text is wrong ("1960-09-08" among "8 September
 * 1960 (USA)" holds no country), not the value.
 */
const RARE_FORM_SHARE = 0.1;
const DOMINANT_FORM_SHARE = 0.8;
/** Share of rows in which the text is the value itself above which a text is the value's copy, not a text holding it. */
const COPY_SHARE = 0.5;
/** Contained values shorter than this say nothing ("1" is in many texts); longer than MAX_LENGTH, they are texts themselves. */
const MIN_LENGTH = 2;
const MAX_LENGTH = 64;

/** A column's values by row, {@link normalized} (`at`) and as written (`raw`); undefined where null. */
export interface Texts {
  /** Rows of the column. */
  size: number;
  at(row: number): string | undefined;
  raw(row: number): string | undefined;
  /** Keeps each value's normalized text from now on (before a pass over every row, where values repeat). */
  keep(): void;
}

/** Whether row `r`'s value of `part` is in its text of `whole`, or the other way round: as written first (cheap), else normalized. */
function agree(whole: Texts, part: Texts, r: number): boolean {
  const text = whole.raw(r);
  const value = part.raw(r);
  if (text !== undefined && value !== undefined && containsToken(text, value)) return true;
  const a = whole.at(r);
  const b = part.at(r);
  if (a === undefined || b === undefined) return false;
  // Or with the value's words run together, as user names write them ("Wei Ming" in "weiming.chen@…").
  return containsToken(a, b) || containsToken(b, a) || (b.includes(' ') && containsToken(a, b.replaceAll(' ', '')));
}

function textsOf(data: IngestResult, c: number): Texts | undefined {
  const column = data.columns[c];
  if (TEXT_KINDS.includes(column.kind)) {
    const distinct = distinctValues(data, c);
    // Not for the sample alone: a slot per value is as large as the column's ids (free text: a value per row).
    let lower: (string | undefined)[] | undefined;
    return {
      size: distinct.ids.length,
      at(row) {
        const id = distinct.ids[row];
        if (id < 0) return undefined;
        if (!lower) return normalized(distinct.text(id));
        return (lower[id] ??= normalized(distinct.text(id)));
      },
      raw: (row) => (distinct.ids[row] < 0 ? undefined : distinct.text(distinct.ids[row])),
      keep() {
        lower ??= new Array<string | undefined>(distinct.size);
      },
    };
  }
  if (column.kind === 'integer') {
    const numbers = numericColumn(data, c);
    // A row counter written into a label ("item 41") says where the row is, not what it is: not compared.
    if (strictlyIncreasing(numbers)) return undefined;
    const mask = nullMask(data, c);
    const at = (row: number) => (mask[row] ? undefined : String(numbers[row]));
    return { size: numbers.length, at, raw: at, keep() {} };
  }
  return undefined;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_WORD_RUN = /[^\p{L}\p{N}]+/gu;

const MARKS = /\p{M}+/gu;
const NOT_ASCII = /[^\p{ASCII}]/u;
/** Letters with no decomposition that systems write in ASCII (user names, emails): "Małgorzata" is "malgorzata". */
const ASCII_LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ð: 'd' };
const UNDECOMPOSED = new RegExp(`[${Object.keys(ASCII_LETTERS).join('')}]`, 'gu');

/**
 * Lower case, every run of other characters than letters and digits one space ("nz/public-sector" → "nz public sector"),
 * accents left out as systems that build user names and emails leave them ("Käthe" in "kathe.weber@…").
 */
function normalized(text: string): string {
  const lower = text.toLowerCase();
  // ASCII first (most text): nothing to fold.
  const folded = NOT_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '').replace(UNDECOMPOSED, (ch) => ASCII_LETTERS[ch]) : lower;
  return folded.replace(NON_WORD_RUN, ' ').trim();
}

const DIGIT = /\p{N}/u;

/** Whether characters `a` and `b` side by side part two tokens: either is no letter or digit, or one is a letter and the other a digit. */
function tokenEdge(a: string, b: string): boolean {
  return !a || !b || !WORD_CHAR.test(a) || !WORD_CHAR.test(b) || DIGIT.test(a) !== DIGIT.test(b);
}

/**
 * Whether `part` occurs in `whole` as a whole token: not inside a longer word or number, though letters and digits
 * part tokens ("mensah" is in "linda.mensah2", 2021 in "FY2021").
 */
export function containsToken(whole: string, part: string): boolean {
  if (part === '') return false;
  for (let at = whole.indexOf(part); at >= 0; at = whole.indexOf(part, at + 1)) {
    const before = at === 0 ? '' : whole[at - 1];
    const after = whole[at + part.length] ?? '';
    if (tokenEdge(before, part[0]) && tokenEdge(part[part.length - 1], after)) return true;
  }
  return false;
}

/**
 * Of the rows where the text does not hold the row's value, those whose text holds another value of the
 * column instead (as a whole token, seen in another row): the two cells contradict each other.
 */
function conflicts(whole: Texts, part: Texts, broken: readonly number[]): number[] {
  const values = new Set<string>();
  const rows = new Set(broken);
  for (let r = 0; r < part.size; r++) {
    const value = rows.has(r) ? undefined : part.at(r);
    if (fits(value) && !value.includes(' ')) values.add(value);
  }
  return broken.filter((r) => {
    const own = part.at(r);
    return (whole.at(r) ?? '').split(' ').some((token) => token !== own && values.has(token));
  });
}

/** Whether row `r`'s text of column `c` is written unlike its column (see RARE_FORM_SHARE); a function built per column. */
function unlikeItsColumn(data: IngestResult, c: number): (row: number) => boolean {
  const patterns = columnPatterns(data, c);
  const forms = patterns.levels.form;
  if (patterns.freeText || forms.dominantRows < DOMINANT_FORM_SHARE * patterns.present) return () => false;
  const ids = distinctValues(data, c).ids;
  return (row) => {
    const form = ids[row] < 0 ? undefined : patterns.byId.get(ids[row])?.form;
    return form !== undefined && (forms.rows.get(form) ?? 0) <= RARE_FORM_SHARE * patterns.present;
  };
}

/** A text column `a` that holds column `b`'s values, with the rows to report and the evidence. */
export interface ContainedPair {
  a: number;
  b: number;
  reported: number[];
  /** Whole percent of the rows holding both values where the text holds the value; those rows; the rows holding both. */
  share: number;
  holding: number;
  present: number;
  /** Whether a row's text is written unlike its column (see RARE_FORM_SHARE). */
  unlike: (row: number) => boolean;
}

const fits = (text: string | undefined): text is string => text !== undefined && text.length >= MIN_LENGTH && text.length <= MAX_LENGTH;

/** The options a pair needs (contained-value's): share of the rows holding both where the text holds the value, and rows. */
export interface ContainedOptions {
  minShare: number;
  minRows: number;
}

/** contained-value's default options: what duplicate-key reads the table's pairs with too. */
export const CONTAINED_DEFAULTS: ContainedOptions = { minShare: 0.97, minRows: 50 };

/** The table's contained pairs (see the module comment), columns `ignored` left out, and each column's texts. */
export function containedPairs(data: IngestResult, options: ContainedOptions, ignored: (c: number) => boolean = () => false): { pairs: ContainedPair[]; texts: (Texts | undefined)[] } {
  const skipped = data.columns.map((_, c) => (ignored(c) ? c : -1)).filter((c) => c >= 0);
  return memo(data, `contained:${options.minShare}:${options.minRows}:${skipped.join(',')}`, () => {
    const rows = data.table.numRows;
    if (rows < options.minRows) return { pairs: [], texts: [] };
    const texts = data.columns.map((_, c) => (ignored(c) ? undefined : textsOf(data, c)));
    const step = Math.max(1, Math.floor(rows / SAMPLE_ROWS));
    const sample: number[] = [];
    for (let r = 0; r < rows && sample.length < SAMPLE_ROWS; r += step) sample.push(r);
    const pairs: ContainedPair[] = [];
    data.columns.forEach((container, a) => {
      const whole = texts[a];
      if (!whole || !TEXT_KINDS.includes(container.kind)) return;
      data.columns.forEach((_, b) => {
        const part = texts[b];
        if (b === a || !part) return;
        // Candidates on the sample: the pair holds nearly always, and another row's value nearly never.
        let both = 0;
        let held = 0;
        let chance = 0;
        for (let i = 0; i < sample.length; i++) {
          const r = sample[i];
          const text = whole.at(r);
          const value = part.at(r);
          if (text === undefined || !fits(value)) continue;
          both++;
          if (containsToken(text, value)) held++;
          // Another row's value (the same value too: a near-constant column is in every text by chance).
          const other = part.at(sample[(i + (sample.length >> 1)) % sample.length]);
          if (fits(other) && containsToken(text, other)) chance++;
        }
        if (both < Math.min(30, options.minRows) || held < SAMPLE_SHARE * both || chance > CHANCE_SHARE * both) return;
        // Verified on every row.
        whole.keep();
        part.keep();
        const broken: number[] = [];
        let present = 0;
        let copies = 0;
        for (let r = 0; r < rows; r++) {
          if (whole.raw(r) === undefined || !fits(part.at(r))) continue;
          present++;
          if (whole.at(r) === part.at(r)) copies++;
          // (The other way round, the two cells agree in part: "Aldino" beside "Aldino/Aldein".)
          if (!agree(whole, part, r)) broken.push(r);
        }
        const holding = present - broken.length;
        if (present < options.minRows || holding < NOISY_SHARE * present) return;
        // The text is the wrong cell where it is written unlike its column; in a dirtier table those rows are
        // reported beside the conflicts (a text written otherwise is wrong whatever it holds).
        // Not where the text is mostly the value itself (a code of 2021 beside the code of 2010): a text that differs
        // there is another value, not one written unlike its column.
        const unlike = copies < COPY_SHARE * present ? unlikeItsColumn(data, a) : () => false;
        const reported = holding < options.minShare * present ? [...new Set([...conflicts(whole, part, broken), ...broken.filter(unlike)])].sort((x, y) => x - y) : broken;
        if (reported.length < CONFLICT_SHARE * broken.length) return;
        pairs.push({ a, b, reported, share: Math.floor((100 * holding) / present), holding, present, unlike });
      });
    });
    return { pairs, texts };
  });
}

/**
 * Per text column, the rows whose text holds none of two or more of its row's values it holds in the other rows
 * ("linda.mensah2@…" beside "Mateo" and "Garcia": another person's email), with those pairs: the text is the wrong
 * cell, as one change (the text) mends the row where blaming the values would take two.
 */
export function textsHoldingNone(pairs: readonly ContainedPair[]): Map<number, Map<number, ContainedPair[]>> {
  const brokenPairs = new Map<number, Map<number, ContainedPair[]>>();
  for (const pair of pairs) {
    const byRow = brokenPairs.get(pair.a) ?? new Map<number, ContainedPair[]>();
    brokenPairs.set(pair.a, byRow);
    for (const r of pair.reported) byRow.set(r, [...(byRow.get(r) ?? []), pair]);
  }
  for (const byRow of brokenPairs.values()) for (const [r, broken] of byRow) if (broken.length < 2) byRow.delete(r);
  return brokenPairs;
}
