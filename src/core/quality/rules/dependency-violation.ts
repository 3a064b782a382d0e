import { changedOnce } from '../value-changes';
import { withinDrift } from '../drifting-values';
import { pinnedByElapsedTime } from '../elapsed-times';
import { signsSetBy } from '../group-signs';
import { groupRowsApart, ownedByRowValue, remarkedRows } from '../set-apart';
import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, isNumeric, memo, nullCount, numericColumn, replaceCellFixes, sortedColumn, valueCodes } from '../column-values';
import { quantile } from '../../shared/quantile';
import { columnShape } from '../value-patterns';
import { cellText, codeLike, dependenciesOf, disagreeingGroups, entityConsensus, heldElsewhere, MEASURE_MIN_MAJORITY, nearVariant, numbersWithinHeld, populatesShorterPrefix, prefixCodesOf, type Dependency, type DisagreeingGroup } from '../dependencies';
import { neighbouringPrefixes, prefixText } from '../code-prefixes';
import type { IngestResult } from '../../table/model';
import { countTail } from '../tail-outliers';
import { strayValue } from '../stray-values';
import { pairedInRow, rowsHolding } from '../paired-values';
import { numericRelations, relationApplies, relationBrokenAt, relationHoldsAt, usesColumn } from '../numeric-relations';

/** Rows holding the expected value that the finding points at. */
const RELATED_ROWS = 3;

/** Share of a column's rows holding a value seen only once, below which a value seen once is itself suspect. */
const NEW_VALUE_SHARE = 0.02;
/**
 * Rows a group's majority needs for a lone value in it (seen nowhere else) to be left out of that share: a
 * dissent against twenty rows that agree says nothing of how often genuine new values come.
 */
const SETTLED_GROUP_ROWS = 20;
/**
 * Share of a dependency's rows, at most, that break it for it to vouch for its left side where the row keeps it (see
 * vouchedByItsOwn).
 */
const VOUCHING_MAX_ERROR = 0.02;

const NO_SUSPECTS: ReadonlySet<number> = new Set();

/** "zip", "origin + destination", or a code's prefix: "zip's first 3 digits" (characters, for codes of letters). */
export const lhsName = (data: IngestResult, dep: Dependency) =>
  dep.prefix
    ? `${data.columns[dep.lhs[0]].name}'s first ${dep.prefix.length} ${data.columns[dep.lhs[0]].kind === 'integer' ? 'digits' : 'characters'}`
    : dep.lhs.map((c) => data.columns[c].name).join(' + ');

/** The groups of a dependency's left side as a message counts them: "zip values", "zip prefixes". */
export const lhsGroupsName = (data: IngestResult, dep: Dependency) => (dep.prefix ? `${data.columns[dep.lhs[0]].name} prefixes` : `${lhsName(data, dep)} values`);

/** The left-hand values of row `r`: `zip "69001"`, `origin "DEN", destination "PHL"`, or `zip starting "480"`. */
export const lhsValues = (data: IngestResult, dep: Dependency, r: number) => {
  const prefixes = prefixCodesOf(data, dep);
  if (prefixes && dep.prefix) return `${data.columns[dep.lhs[0]].name} starting "${prefixText(prefixes, prefixes.ids[r], dep.prefix.length)}"`;
  return dep.lhs.map((c) => `${data.columns[c].name} "${cellText(data, r, c)}"`).join(', ');
};

/** "zip → city". */
export const dependencyName = (data: IngestResult, dep: Dependency) => `${lhsName(data, dep)} → ${data.columns[dep.rhs].name}`;

/** Whether two texts differ only in case or surrounding white space (other rules report those). */
export const sameLoosely = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Share of a dependency's rows alone in their group that makes its left side nearly a key. */
const KEY_LIKE_SINGLES = 0.5;

/** What the dependencies' passes over all rows say about a row (each pass made when first needed). */
export class DependencyEvidence {
  private readonly singles = new Map<Dependency, { single: number; rows: number }>();
  constructor(
    private readonly data: IngestResult,
    readonly dependencies: Dependency[],
  ) {}

  /** Whether row `r` is consistent with `dep` (its value of B is what its group agrees on). */
  consistent(dep: Dependency, r: number): boolean {
    return disagreeingGroups(this.data, dep).agrees(r);
  }

  /** The rows of row `r`'s group under `dep` that hold a value of B. */
  private groupRows(dep: Dependency, r: number): number {
    const { lhs, sizes } = disagreeingGroups(this.data, dep);
    return lhs[r] >= 0 ? sizes[lhs[r]] : 0;
  }

  /** `dep`'s groups of one row, and the rows of all its groups. */
  private singlesOf(dep: Dependency): { single: number; rows: number } {
    let known = this.singles.get(dep);
    if (known === undefined) {
      const { sizes } = disagreeingGroups(this.data, dep);
      let rows = 0;
      let single = 0;
      for (let g = 0; g < sizes.length; g++) {
        rows += sizes[g];
        if (sizes[g] === 1) single++;
      }
      this.singles.set(dep, (known = { single, rows }));
    }
    return known;
  }

  /**
   * Whether a group of one row says something about `dep`'s left side: only where values of A seen once are
   * common (Good–Turing: at least 2% of the rows), so a new one is likely genuine (a route flown once); where
   * they are rare (airport codes), a value of A seen once is itself suspect.
   */
  private singlesCommon(dep: Dependency): boolean {
    const { single, rows } = this.singlesOf(dep);
    return single >= 0.02 * rows;
  }

  /**
   * Whether `dep`'s left side is nearly a key (KEY_LIKE_SINGLES of its rows alone in their group: websites, names):
   * a value of A alone in its group agrees with any value of B, and a key determines every column.
   */
  private keyLike(dep: Dependency): boolean {
    const { single, rows } = this.singlesOf(dep);
    return single >= KEY_LIKE_SINGLES * rows;
  }

  /**
   * Whether the value of row `r` in `dep`'s right-hand side is explained otherwise, so its disagreement is
   * natural: another dependency with the same right-hand side is consistent with it (Springfield, MA when
   * the zip says MA; a route no other row flies; a home team's league when the away team's agrees, and the
   * home team is what is wrong); or `dep` is the loose inverse of a
   * stricter dependency the row follows (origin_city → origin fails for Jackson's two airports, while
   * origin → origin_city holds), in a group of several rows, or of one where that is common and the value is
   * new (`intruder` false). A value that belongs to other groups (an intruder) makes a group of one of the
   * stricter dependency's left side by itself (distance "70" beside "Miami" is a new pair because the
   * distance is wrong): that group says nothing. A value one or two keystrokes from the value its group agrees
   * on (`slip`) is a slip, not a genuine new value, even where new values are common; and a group no larger
   * than the `minority` rows of `dep`'s group holding it does not excuse it: those rows share A by being in one
   * group of `dep`, so a group of theirs agrees on A whatever their value of B ("Sjn Jose" twice in San Jose's
   * rows "determines" SJC). (Another existing value can be a genuine coincidence: Hobby and San Antonio are
   * both 247 miles from Dallas.) An inverse excuses a value only where the numbers of `dep`'s left side fit it too:
   * an age group gives back the runner's sex, but the ages of its rows of that sex (18 to 34) do not hold a woman of 36
   * (see numbersWithinHeld). Nor does a group of one whose left side holds one of the row's `suspects` (cells
   * other dependencies say are wrong) that `dep` itself does not rest on: "Atxanta" alone explains no state of
   * origin "ATL"; nor one whose left side holds a stray value of its column (see strayValue): "Farmington" +
   * "Oqkland" alone explains no state of zip "48332", nor origin "RD" + destination "CMH" a distance; nor one of a
   * left side that is nearly a key (see keyLike) where other groups of `dep` hold the row's value as theirs.
   */
  explained(dep: Dependency, r: number, outvotedBy = 0, intruder = false, minority = 1, slip = false, suspects: ReadonlySet<number> = NO_SUSPECTS): boolean {
    return this.dependencies.some((other) => {
      if (other === dep) return false;
      // For an entity's records, a row alone in its group of another dependency is consistent with it by
      // itself, which says nothing; and the records that outvote the row (`outvotedBy` of them) are
      // outweighed by an inverse dependency only with as many rows (not by one copy of the row's mistake).
      const rows = dep.entity ? this.groupRows(other, r) : Infinity;
      if (other.rhs === dep.rhs) {
        // A group whose left side holds one of the row's suspect cells (that dep does not rest on) supports nothing
        // when it is one row, or, for an entity's records, no more rows than the records holding the value: copies
        // of one record agree with each other, its mistakes included (a site copying another's wrong departure
        // and arrival). A town of four zip codes in a county's second state is no copy: its county and town are not suspect.
        const onSuspect = other.lhs.some((c) => suspects.has(c) && !dep.lhs.includes(c));
        const lone = this.groupRows(other, r) < 2;
        // Nor does a group of one whose left side holds a stray value (a slip of a frequent value: "Farmington" +
        // "Oqkland"; a value in a rare shape: origin "RD"): it is alone because of that value.
        if (lone && other.lhs.some((c) => strayValue(this.data, c, r))) return false;
        // Nor a group of one of a left side that is nearly a key (a college's website alone explains no region) where
        // other groups of dep hold the row's value as theirs: a value chosen from the column's own, in the wrong row. A
        // value no group holds (American Samoa's state among Hawaii's zip codes) may be the row's own exception.
        if (lone && this.keyLike(other) && disagreeingGroups(this.data, dep).groupsAgreeingOn(r).length > 0) return false;
        return rows >= 2 && this.consistent(other, r) && !(onSuspect && (lone || (dep.entity && rows <= minority)));
      }
      if (rows < Math.max(2, outvotedBy)) return false;
      const inverse = other.lhs.includes(dep.rhs) && dep.lhs.includes(other.rhs) && other.error < dep.error;
      return inverse && this.consistent(other, r) && (this.groupRows(other, r) > (slip ? minority : 1) || (!intruder && !slip && this.singlesCommon(other))) && numbersWithinHeld(this.data, dep, other.rhs, r);
    });
  }
}

const LETTERS_ONLY = /^\p{L}+$/u;

/**
 * Whether the value of text column `c` at row `valueRow` sets a sign on a numeric column (group-signs.ts) that every
 * row of `rows` holds the other way round: those rows are of another kind than the value's.
 */
function signedOtherwise(data: IngestResult, c: number, valueRow: number, rows: readonly number[]): boolean {
  const signed = signsSetBy(data, c);
  if (signed.length === 0) return false;
  const id = distinctValues(data, c).ids[valueRow];
  return id >= 0 && signed.some(({ column, signOf }) => {
    const numbers = numericColumn(data, column);
    return signOf[id] !== 0 && rows.every((r) => Math.sign(numbers[r]) === -signOf[id]);
  });
}

/**
 * Whether row `r`'s value of B under a prefix dependency is what a neighbouring prefix's rows agree on (the one
 * before its prefix or after it, in the codes' order): a range of codes that crosses from one value into the next.
 */
function continuesNeighbour(data: IngestResult, dep: Dependency, r: number): boolean {
  const codes = prefixCodesOf(data, dep);
  // Prefixes of letters alone (a network's "nn", "uu", "us") name kinds: their order in the alphabet makes no range.
  if (!codes || codes.keys.every((key) => typeof key === 'string' && LETTERS_ONLY.test(key))) return false;
  const scan = disagreeingGroups(data, dep);
  const agreeing = new Set(scan.groupsAgreeingOn(r));
  return neighbouringPrefixes(codes, codes.ids[r]).some((g) => agreeing.has(g));
}

/** Share of the rows with a date on the left side that must hold a group's value for two rows of one day to say it (see MEASURE_MIN_MAJORITY). */
const DATED_VALUE_SHARE = 0.9;

/** Rows of a majority per row of a minority of three or more that still makes it a clear minority. */
const MINORITY_RATIO = 50;

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/**
 * Whether `text` is `expected` written with other separators ("00284793" or "0028 4793" for "0028-4793"): the
 * same letters and digits in order, case aside. Not numbers, whose point is part of their value ("1.5" is not
 * "15"). Such a value in a group is the group's own value written another way, never a second value of it: it
 * is reported whenever it is the minority (see SEPARATED_MINORITY_RATIO).
 */
export function separatedOtherwise(text: string, expected: string): boolean {
  if (text === expected || (PLAIN_NUMBER.test(text.trim()) && PLAIN_NUMBER.test(expected.trim()))) return false;
  const own = text.replace(NOT_LETTER_OR_DIGIT, '').toLowerCase();
  return own !== '' && own === expected.replace(NOT_LETTER_OR_DIGIT, '').toLowerCase();
}
/** Rows of a majority per row of a value written with other separators that makes it a minority to report. */
const SEPARATED_MINORITY_RATIO = 2;

/** Whether `count` rows of a group against `majorityCount` holding its majority value are a clear minority. */
function clearMinority(count: number, majorityCount: number): boolean {
  if (count === 1) return majorityCount >= 2;
  if (count === 2) return majorityCount >= 5;
  return count * MINORITY_RATIO <= majorityCount;
}

/**
 * Rows of a majority per row of a minority of three or more that makes it a clear minority when its value is
 * foreign to the dependency: it dissents in other groups too and no group holds it otherwise.
 */
const FOREIGN_MINORITY_RATIO = 10;

/**
 * A minority value of a dirty table's group that its errors explain: in at most one row in
 * FOREIGN_MINORITY_RATIO of the majority's, and in no more rows than errors of the dependency's own rate,
 * writing the column's values as often as the column holds them, put there by chance more often than
 * NOISE_LEVEL (Poisson: the group's rows × the g3 error × the value's share of the column, or `elsewhere` — the rows
 * where the value dissents in each other disagreeing group, on average — where more). A state in 4 of an
 * area code's 137 rows, where 7% of the rows break area_code → state and that state is a tenth of the
 * column, is what errors leave (expected 1.0; P(≥ 4) = 0.02); a zip's second town in 3 of its rows, a town
 * a thousandth of the column, is not (P ≈ 10⁻⁹).
 */
const NOISE_LEVEL = 0.01;

function errorsExplain(count: number, majorityCount: number, groupSize: number, error: number, share: number, elsewhere: number): boolean {
  return count * FOREIGN_MINORITY_RATIO <= majorityCount && countTail(count, Math.max(groupSize * error * share, elsewhere)) >= NOISE_LEVEL;
}

/** A cell a dependency says is wrong, before the row's other broken dependencies are weighed. */
interface Candidate {
  row: number;
  dep: Dependency;
  text: string;
  expected: string;
  majorityCount: number;
  /** Rows of the group with a value of B. */
  groupSize: number;
  majorityRows: number[];
  /** Another dependency explains the value (see {@link DependencyEvidence.explained}): weighed, not reported (set by explainedWith once the row's candidates are known). */
  explained: boolean;
  /** Whether another dependency explains the value, given the row's suspect cells (the right-hand sides of its candidates). */
  explainedWith: (suspects: ReadonlySet<number>) => boolean;
}

/**
 * Of a row's candidate cells, those to report: the cells of the column taking part in most of the row's
 * broken dependencies (as left or right side). When an origin is wrong, origin → city, origin → state and
 * city → origin all break, and the origin is the one cell in all three. When that column is not one a
 * dependency can correct (only a left side), nothing is reported: no single replacement explains the row —
 * unless no other value of it holds any of the row's disagreeing values, and then each is wrong on its own.
 * Between columns equally involved, the one a third column of the row contradicts (see thirdColumnContradicts), else
 * the strictest dependency (fewest exceptions) decides.
 */
function blamed(data: IngestResult, candidates: Candidate[]): { cells: Candidate[]; wrongKey?: OtherEntity; wrongCode?: Candidate } {
  if (candidates.length === 0) return { cells: [] };
  const weight = new Map<number, number>();
  for (const { dep } of candidates) for (const c of [...dep.lhs, dep.rhs]) weight.set(c, (weight.get(c) ?? 0) + 1);
  const top = Math.max(...weight.values());
  const kept = candidates.filter((k) => !k.explained && weight.get(k.dep.rhs) === top);
  if (kept.length === 0) {
    const wrongKey = keyOfAnother(data, candidates, top, weight);
    if (wrongKey) return { cells: [], wrongKey };
    const wrongCode = candidates.find((k) => codeOfAnother(data, k, weight));
    if (wrongCode) return { cells: [], wrongCode };
    // The column in most broken dependencies is only on their left side, so the row's key would be what is wrong:
    // unless no other value of the key holds any of the row's disagreeing values ("GU" and "Atxanta" for origin
    // "ATL": no origin is either; 1532 miles to LAX: no other origin's flights to LAX are that long), and then each
    // of them is wrong on its own (two slips in one row). One such value alone, the others explained, still leaves
    // the key in doubt.
    const keyed = candidates.filter((k) => !k.explained && k.dep.lhs.some((c) => weight.get(c) === top));
    // The row's disagreeing values are one fact written twice (a grade and its points, the points explained by the
    // grade): one broken dependency, whose right side is reported as any other's.
    const keyedAll = candidates.filter((k) => k.dep.lhs.some((c) => weight.get(c) === top));
    if (keyed.length > 0 && keyedAll.length > 1 && independentValues(data, keyedAll) === 1 && !corroborated(data, keyedAll)) return { cells: keyed };
    // Each cell of the one fact explained only by the other (a destination "ORD" by its city "Chicago", the city by
    // the destination, against flight 2154's 30 rows to MFR and Medford): a fact explains nothing by itself twice.
    // Any other row of a third column's value saying the fact vouches for it here (a restaurant's licence whose other
    // inspection says its risk "2" and "Medium": a second restaurant of the name, not slips).
    // Only against a key of one column, whole: two routes of one length (distance + origin → destination) are no slip,
    // nor a town whose code's first digits are another province's (it moved: its code kept the old prefix).
    if (keyed.length === 0 && keyedAll.length > 1 && keyedAll.every((k) => k.dep.lhs.length === 1 && !k.dep.prefix) && independentValues(data, keyedAll) === 1 && !corroborated(data, keyedAll, undefined, 2) && !keyedAll.some((k) => thingOfItsOwn(data, k))) return { cells: keyedAll };
    return { cells: keyed.length > 1 && keyed.every((k) => !heldUnderAnotherKey(data, k, (c) => weight.get(c) === top)) ? keyed : [] };
  }
  // Cells of different columns equally involved: each is wrong on its own when none of their columns is on the left side of
  // another's broken dependency (a state and a distance: mending either leaves the other's dependency broken); else the
  // strictest dependency decides.
  const columns = new Set(kept.map((k) => k.dep.rhs));
  if (columns.size > 1 && kept.every((k) => !k.dep.lhs.some((c) => columns.has(c)))) return { cells: kept };
  // Two columns that determine each other, broken both ways: the cell a third column of the row contradicts.
  const contradicted = columns.size > 1 ? kept.filter((k) => thirdColumnContradicts(data, k)) : [];
  if (contradicted.length > 0 && contradicted.length < kept.length) return { cells: contradicted };
  // A name and its code (a port's name and "KELAU", a country and "FR"), broken both ways: the name. Systems keep the code
  // and look its name up; a name typed by hand, or kept from another row, is what differs.
  if (columns.size === 2) {
    const [x, y] = [...columns];
    const name = namesCode(data, x, y) ? x : namesCode(data, y, x) ? y : undefined;
    if (name !== undefined) return { cells: kept.filter((k) => k.dep.rhs === name) };
  }
  const strictest = Math.min(...kept.map((k) => k.dep.error));
  return { cells: kept.filter((k) => k.dep.error === strictest) };
}

/** The rows of a dependency's disagreeing groups that hold another value than their group's most frequent one. */
function exceptionRows(groups: readonly DisagreeingGroup[]): number[] {
  return groups.flatMap((group) => group.counts.slice(1).flatMap(([value]) => group.rowsOf(value)));
}

/** How many times a code's typical length a column's values must be to be the names the code stands for. */
const NAME_LENGTH_RATIO = 2;

/** The median length, in code points, of a text column's distinct values (0 for other columns). */
function typicalLength(data: IngestResult, c: number): number {
  return memo(data, `typical-length:${c}`, () => {
    if (!TEXT_KINDS.includes(data.columns[c].kind)) return 0;
    const distinct = distinctValues(data, c);
    const lengths = Array.from({ length: distinct.size }, (_, id) => distinct.codePoints(id)).sort((a, b) => a - b);
    return lengths.length ? lengths[lengths.length >> 1] : 0;
  });
}

/** Share of a column's distinct values, at least, written in several words for it to be a column of names. */
const WORDED_SHARE = 0.5;
/** Share of a column of codes' distinct values, at most, that may hold several words (a name shifted into it). */
const STRAY_WORDED_SHARE = 0.02;

/** The share of a text column's distinct values written in several words ("Spring 2023"); NaN for other columns. */
function wordedShare(data: IngestResult, c: number): number {
  return memo(data, `worded-share:${c}`, () => {
    if (!TEXT_KINDS.includes(data.columns[c].kind)) return NaN;
    const distinct = distinctValues(data, c);
    let worded = 0;
    for (let id = 0; id < distinct.size; id++) if (/\S\s+\S/.test(distinct.text(id))) worded++;
    return distinct.size > 0 ? worded / distinct.size : NaN;
  });
}

/** The share of a text column's filled rows whose value `holds` ("small-lettered": "Maule" does, "CL-ML" does not); NaN for other columns. */
function rowShare(data: IngestResult, c: number, name: string, holds: (text: string) => boolean): number {
  return memo(data, `row-share:${name}:${c}`, () => {
    if (!TEXT_KINDS.includes(data.columns[c].kind)) return NaN;
    const distinct = distinctValues(data, c);
    let [held, filled] = [0, 0];
    for (let id = 0; id < distinct.size; id++) {
      filled += distinct.counts[id];
      if (holds(distinct.text(id))) held += distinct.counts[id];
    }
    return filled > 0 ? held / filled : NaN;
  });
}

const smallLetteredShare = (data: IngestResult, c: number) => rowShare(data, c, 'small-lettered', (text) => /\p{Ll}/u.test(text));

/** Share of a column of names' rows, at least, that hold a small letter, where at most STRAY_WORDED_SHARE of its code's do. */
const SMALL_LETTERED_SHARE = 0.9;

/** Whether a column's values are single tokens (codes: "KELAU", "P040779560N", 84182100): numbers, or texts all but a few of whose rows hold no space (a name shifted into one). */
function oneToken(data: IngestResult, c: number): boolean {
  return isNumeric(data.columns[c]) || rowShare(data, c, 'worded', (text) => /\S\s+\S/.test(text)) <= STRAY_WORDED_SHARE;
}

/**
 * Whether text column `name` holds the names of code column `code`: the code is one token (see oneToken), and the names
 * are written in words ("Spring 2023" for "2023SP"), in small letters where the codes hold none ("Maule" for "CL-ML"),
 * or NAME_LENGTH_RATIO times as long ("Allemagne" for "DE", "Estimated" for "E").
 */
function namesCode(data: IngestResult, name: number, code: number): boolean {
  if (!oneToken(data, code) || typicalLength(data, name) === 0) return false;
  if (wordedShare(data, name) >= WORDED_SHARE) return true;
  // Names written in words of small letters beside codes of capitals, digits and marks ("Maule" for "CL-ML").
  if (smallLetteredShare(data, name) >= SMALL_LETTERED_SHARE && smallLetteredShare(data, code) <= STRAY_WORDED_SHARE) return true;
  // (A numeric code's length: the digits of its median.)
  const codeLength = isNumeric(data.columns[code]) ? String(Math.round(Math.abs(sortedColumn(data, code).quantile(0.5)))).length : typicalLength(data, code);
  return typicalLength(data, name) >= NAME_LENGTH_RATIO * codeLength;
}

/** Per value id of column `of`, the id of the value of column `say` most of its rows hold (−1: none). */
function majorityValues(data: IngestResult, of: number, say: number): Int32Array {
  return memo(data, `majority:${of}:${say}`, () => {
    const [x, y] = [valueCodes(data, of), valueCodes(data, say)];
    const counts = new Map<number, number>();
    for (let r = 0; r < x.ids.length; r++) if (x.ids[r] >= 0 && y.ids[r] >= 0) counts.set(x.ids[r] * y.size + y.ids[r], (counts.get(x.ids[r] * y.size + y.ids[r]) ?? 0) + 1);
    const majority = new Int32Array(x.size).fill(-1);
    const best = new Int32Array(x.size);
    for (const [pair, count] of counts) {
      const value = Math.floor(pair / y.size);
      if (count > best[value]) [best[value], majority[value]] = [count, pair % y.size];
    }
    return majority;
  });
}

/**
 * Whether the cell candidate `k` blames (of a column on the left side of another of the row's broken dependencies: a test's
 * name and its code determine each other, and a wrong name breaks both) is what a third column of the row contradicts: a
 * column the table's dependencies say one of the two determines (code → unit) holds in this row what the rows of the
 * dependency's left-hand value hold, and not what the rows of the blamed value hold (this row's unit "U/L" is its code
 * L109's, where the rows of "Potassium" say "mmol/L"). Then one change, the blamed cell, mends the row.
 */
function thirdColumnContradicts(data: IngestResult, k: Candidate): boolean {
  const [key, blamedColumn] = [k.dep.lhs, k.dep.rhs];
  if (key.length !== 1 || k.dep.prefix) return false;
  const pair = [key[0], blamedColumn];
  return dependenciesOf(data).some((dep) => {
    if (dep.lhs.length !== 1 || dep.prefix || dep.entity || !pair.includes(dep.lhs[0]) || pair.includes(dep.rhs)) return false;
    const third = valueCodes(data, dep.rhs).ids[k.row];
    if (third < 0) return false;
    const [keyIds, blamedIds] = pair.map((c) => valueCodes(data, c).ids[k.row]);
    return majorityValues(data, key[0], dep.rhs)[keyIds] === third && majorityValues(data, blamedColumn, dep.rhs)[blamedIds] !== third;
  }) || numberContradicts(data, k.row, key[0], blamedColumn);
}

/** Rows a value's group needs before its numbers' median and spread say anything. */
const NUMBER_GROUP_ROWS = 20;
/** A number lies within its group at most this many spreads (median absolute deviations) from its median, */
const WITHIN_SPREADS = 3;
/** and far from another group beyond this many. */
const FAR_SPREADS = 8;

/** Per value id of column `of`, the median and the median absolute deviation of numeric column `number` over its rows (NaN: under NUMBER_GROUP_ROWS rows). */
function groupNumbers(data: IngestResult, of: number, number: number): { medians: Float64Array; spreads: Float64Array } {
  return memo(data, `group-numbers:${of}:${number}`, () => {
    const { ids, size } = valueCodes(data, of);
    const values = numericColumn(data, number);
    const byGroup: number[][] = Array.from({ length: size }, () => []);
    for (let r = 0; r < ids.length; r++) if (ids[r] >= 0 && !Number.isNaN(values[r])) byGroup[ids[r]].push(values[r]);
    const medians = new Float64Array(size).fill(NaN);
    const spreads = new Float64Array(size).fill(NaN);
    byGroup.forEach((group, g) => {
      if (group.length < NUMBER_GROUP_ROWS) return;
      const sorted = Float64Array.from(group).sort();
      medians[g] = quantile(sorted, 0.5);
      spreads[g] = quantile(Float64Array.from(sorted, (v) => Math.abs(v - medians[g])).sort(), 0.5);
    });
    return { medians, spreads };
  });
}

/**
 * Whether a numeric column of row `r` says the value of `blamed` is wrong where `key` and `blamed` determine each other:
 * the row's number lies within WITHIN_SPREADS of what the rows of its `key` value hold and beyond FAR_SPREADS of what the
 * rows of its `blamed` value hold (70 on a row of test L108, triglycerides around 130, named "Creatinine", whose results
 * lie around 0.95). An unrelated number lies alike in both groups, and says nothing.
 */
function numberContradicts(data: IngestResult, r: number, key: number, blamed: number): boolean {
  const [keyId, blamedId] = [valueCodes(data, key).ids[r], valueCodes(data, blamed).ids[r]];
  if (keyId < 0 || blamedId < 0) return false;
  return data.columns.some((column, c) => {
    if (c === key || c === blamed || !isNumeric(column)) return false;
    const v = numericColumn(data, c)[r];
    if (Number.isNaN(v)) return false;
    const [byKey, byBlamed] = [groupNumbers(data, key, c), groupNumbers(data, blamed, c)];
    const deviations = (group: { medians: Float64Array; spreads: Float64Array }, id: number) => Math.abs(v - group.medians[id]) / group.spreads[id];
    return byKey.spreads[keyId] > 0 && byBlamed.spreads[blamedId] > 0 && deviations(byKey, keyId) <= WITHIN_SPREADS && deviations(byBlamed, blamedId) >= FAR_SPREADS;
  });
}

/**
 * Whether another value of the row's key (the left-hand columns `isKey` picks), beside the row's other left-hand
 * values of the candidate's dependency, holds its value: with destination "LAX" kept, another origin whose flights
 * there are 1532 miles long. Where none does, a wrong key cannot explain the value.
 */
function heldUnderAnotherKey(data: IngestResult, k: Candidate, isKey: (c: number) => boolean): boolean {
  const scan = disagreeingGroups(data, k.dep);
  const kept = k.dep.lhs.filter((c) => !isKey(c)).map((c) => valueCodes(data, c).ids);
  return scan.groupsAgreeingOn(k.row).some((g) => {
    const r = scan.firstRowOf(g);
    return kept.every((ids) => ids[r] === ids[k.row]);
  });
}

/**
 * A code that says another value than the row's (an area code of Georgia on a row in New York): the one broken
 * dependency of its column and of that value (each in no other), the left side an integer code (codes are
 * given one meaning; a city's name is shared by towns in several states), its value settled by
 * SETTLED_GROUP_ROWS rows or more (a few rows of a code say little of what it means), and the row's value
 * confirmed by another dependency (the zip and the city say New York), and held by another code's rows (the codes of
 * New York): the code to write instead. Changing the code mends the row; changing the value would break what confirms
 * it. A value no other code holds ("John Morgan" where zip 94602's rows say "Morgan, John") leaves the code unblamed,
 * and so does a code another of its own dependencies vouches for at the row (see vouchedByItsOwn).
 */
function codeOfAnother(data: IngestResult, k: Candidate, weight: Map<number, number>): boolean {
  return (
    k.explained &&
    !vouchedByItsOwn(data, k.dep.lhs[0], k.dep.rhs, k.row) &&
    k.majorityCount >= SETTLED_GROUP_ROWS &&
    k.dep.lhs.length === 1 &&
    !k.dep.prefix &&
    weight.get(k.dep.lhs[0]) === 1 &&
    weight.get(k.dep.rhs) === 1 &&
    codeLike(data, k.dep.lhs[0]) &&
    disagreeingGroups(data, k.dep).groupsAgreeingOn(k.row).length > 0
  );
}

/**
 * Whether code `key` is vouched for at row `r` by another column it determines (not `besides`): a dependency of the key
 * alone that its rows keep (all but VOUCHING_MAX_ERROR of them), kept at the row by a group of two rows or more. A
 * subscriber's number on a call in another region than its usual one (its cell says so) is still on the subscriber's
 * own plan: the number is right, the region a habit's exception. Another subscriber's number typed would carry the
 * plan of the first.
 */
function vouchedByItsOwn(data: IngestResult, key: number, besides: number, r: number): boolean {
  return dependenciesOf(data).some((dep) => {
    if (dep.lhs.length !== 1 || dep.lhs[0] !== key || dep.rhs === besides || dep.entity || dep.prefix || dep.error > VOUCHING_MAX_ERROR) return false;
    const scan = disagreeingGroups(data, dep);
    const group = scan.lhs[r];
    return group >= 0 && scan.sizes[group] >= 2 && scan.agrees(r);
  });
}

/** Other keys whose rows may hold a row's disagreeing values alike, beyond which a key of fewer than FEW_KEY_ROWS rows is not blamed. */
const MANY_ALIKE_KEYS = 20;
const FEW_KEY_ROWS = 5;

/**
 * How many of the candidates' columns say something of their own: two columns that determine each other (a clinic's id
 * and its name), or whose values in the row go one with the other (a grade "B" and its points "3.0": see
 * pairedInRow), are one fact written twice, and count once.
 */
function independentValues(data: IngestResult, candidates: Candidate[]): number {
  const columns = [...new Set(candidates.map((k) => k.dep.rhs))];
  const deps = dependenciesOf(data);
  const determines = (x: number, y: number) => determinesAlone(deps, x, y, true);
  const row = candidates[0]?.row ?? -1;
  const oneFact = (x: number, y: number) => (determines(x, y) && determines(y, x)) || pairedInRow(data, x, y, row);
  return columns.filter((c, i) => !columns.slice(0, i).some((other) => oneFact(other, c))).length;
}

/** Whether a dependency of one whole column x determines y (an entity's records' among them only with `entities`). */
function determinesAlone(deps: readonly Dependency[], x: number, y: number, entities: boolean): boolean {
  return deps.some((d) => d.lhs.length === 1 && !d.prefix && (entities || !d.entity) && d.lhs[0] === x && d.rhs === y);
}

/** Rows of a third column's group (the row's among them) that must say a value for it to corroborate it. */
const CORROBORATING_ROWS = 3;

/**
 * Whether a column outside the candidates' dependencies says what the row's disagreeing values say (or the columns
 * `of` tells: the key's): through a dependency from it to one of their columns, most rows of its value hold the row's
 * (the row's city is "PA"'s, where its area code is another state's and its state and that state's tax rate, one
 * fact, disagree with the area code). A fact written twice is then still two witnesses against the key; alone (a
 * grade and its points against the score), it is one against one.
 */
function corroborated(data: IngestResult, candidates: Candidate[], of: (c: number) => boolean = (c) => candidates.some((k) => k.dep.rhs === c), minRows = CORROBORATING_ROWS): boolean {
  const involved = new Set(candidates.flatMap((k) => [...k.dep.lhs, k.dep.rhs]));
  const row = candidates[0].row;
  return dependenciesOf(data).some((dep) => {
    if (dep.lhs.length !== 1 || dep.prefix || dep.entity || involved.has(dep.lhs[0]) || !of(dep.rhs)) return false;
    return groupSays(data, dep.lhs[0], dep.rhs, row, minRows);
  });
}

/**
 * Whether most of the rows holding row `row`'s value of column x (CORROBORATING_ROWS at least: an id's one row agrees
 * with itself) hold its value of column c (counted as paired-values counts them: on a sample of a large table).
 */
function groupSays(data: IngestResult, x: number, c: number, row: number, minRows = CORROBORATING_ROWS): boolean {
  const counts = rowsHolding(data, x, c, row);
  return counts !== undefined && counts.withX >= minRows && 2 * counts.both > counts.withX;
}

/**
 * A row filed under the wrong key of a table's dependencies (a zip typed for another: its city and state are
 * another zip's): the one column in most of the row's broken dependencies is their left side alone, in two of
 * them or more, and one other value of it is what most of the row's disagreeing values agree with ("Waverly"
 * and "TX" are what the rows of zip 88589 say). One change (the key) explains the row; blaming its city and
 * state would take two, against values that agree with each other. (With one broken dependency, key and
 * value are equally suspect: nothing is said of the key.)
 */
function keyOfAnother(data: IngestResult, candidates: Candidate[], top: number, weight: Map<number, number>): OtherEntity | undefined {
  const keys = [...weight].filter(([, w]) => w === top).map(([c]) => c);
  if (top < 2 || keys.length !== 1) return undefined;
  const [key] = keys;
  const broken = candidates.filter((k) => k.dep.lhs.length === 1 && !k.dep.prefix && k.dep.lhs[0] === key);
  const independent = broken.length < 2 ? 0 : independentValues(data, broken);
  // One fact against the key: a third column must say it, and none the key (a patient's other visits say its owner's
  // postcode as its clinic: the postcode's other owners going to another clinic make no error of either).
  if (independent < 1 || (independent < 2 && (!corroborated(data, broken) || corroborated(data, broken, (c) => c === key)))) return undefined;
  const elsewhere = new Map<number, number>();
  for (const k of broken) for (const g of disagreeingGroups(data, k.dep).groupsAgreeingOn(k.row)) elsewhere.set(g, (elsewhere.get(g) ?? 0) + 1);
  const ranked = [...elsewhere].sort((x, y) => y[1] - x[1]);
  const alike = ranked[0]?.[1] ?? 0;
  if (alike < 2 || 2 * alike <= broken.length) return undefined;
  // Several keys equally alike (a city with several zips) leave the fix open; the key is still what is wrong
  // when each of the row's disagreeing values is what those keys' rows say (not only most of them).
  const firstRowOf = (group: number) => disagreeingGroups(data, broken[0].dep).firstRowOf(group);
  const [row, ...alsoAlike] = ranked
    .filter(([, n]) => n === alike)
    .map(([group]) => firstRowOf(group))
    .sort((x, y) => x - y);
  if (alsoAlike.length && alike < broken.length) return undefined;
  // Values that the rows of many keys hold alike (more than MANY_ALIKE_KEYS), against a key of a few rows (under
  // FEW_KEY_ROWS), single out nothing: the row may be another entity sharing the key (two policies of one postcode, each
  // a motor or a home policy). A zip typed for another, whose city's many zips all say its city, is still told: its
  // wrong zip's rows are many and say another city.
  if (alsoAlike.length >= MANY_ALIKE_KEYS && broken.every((k) => k.majorityCount < FEW_KEY_ROWS)) return undefined;
  return { key, row, alike, of: broken.length, ...(alsoAlike.length ? { alsoAlike } : {}) };
}

/**
 * Of a row's candidates from an entity's records, those to report: the attributes on which the row's other
 * records outvote it, unless the row is another entity's record filed under this key — most of its
 * disagreeing values are what one other entity's records agree on. Then the key itself is wrong, and no
 * attribute is blamed. (A sloppy source wrong on most attributes gives values of its own or of several
 * other entities.)
 */
function outvoted(data: IngestResult, candidates: Candidate[]): { attributes: Candidate[]; otherEntity?: OtherEntity } {
  const all = candidates.filter((k) => k.dep.entity);
  if (all.length < 2) return { attributes: all.filter((k) => !k.explained) };
  const elsewhere = new Map<number, number>();
  for (const k of all) for (const g of disagreeingGroups(data, k.dep).groupsAgreeingOn(k.row)) elsewhere.set(g, (elsewhere.get(g) ?? 0) + 1);
  const [g, alike] = [...elsewhere].sort((x, y) => y[1] - x[1])[0] ?? [-1, 0];
  if (alike < 2 || 2 * alike <= all.length) return { attributes: all.filter((k) => !k.explained) };
  const dep = all[0].dep;
  return { attributes: [], otherEntity: { key: dep.lhs[0], row: disagreeingGroups(data, dep).firstRowOf(g), alike, of: all.length } };
}

/** A row that is another entity's record filed under its key: that entity's first row, and how many values agree. */
interface OtherEntity {
  key: number;
  row: number;
  alike: number;
  of: number;
  /** First rows of other keys whose rows hold as many of the row's values (then no key is the fix). */
  alsoAlike?: number[];
}

/** Keys named in a message when several are equally alike. */
const KEYS_NAMED = 3;

export const dependencyViolation = defineRule({
  id: 'dependency-violation',
  title: 'Dependency violation',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description: 'A value disagrees with the other rows of its group in a dependency the table almost always follows (zip → city, code → name).',
  docs: `Tables repeat facts: every row of zip 69001 says "Lyon", every row of product P-10044 has the same
name, a flight number keeps its scheduled time. When a table follows such a dependency A → B almost
everywhere, a row whose B disagrees with the rest of its A-group is almost always a data-entry or merge
error, and a model sees two different facts for one entity.

The dependencies are learned from the table itself (approximate functional dependencies, as in TANE):
A (one column, or two: carrier + number, origin + destination; two are tried for a B no column determines with
1% of exceptions: its three best explainers, and its best explainer among columns whose values repeat, two rows
each on average, with each other such column whose pair with it repeats as much and leaves 1% of exceptions at
most — sex + age → age group, where neither alone determines it) → B is kept when the rows sharing a value of
A share B's value in at least 95% of the groups of three rows or more (a clear majority: three quarters of the
group, or all of it but one row, which is what one error leaves in a group of three; a group of two that
disagrees, one against one, is what one wrong cell looks like, and counts only where fewer than 5 groups have
three rows), at least 5 groups of two rows or more exist and hold at least 10% of the rows, at most 10% of their rows would have to
change (or, with two to four groups — marital status → exemption — every group has at least 30 rows and at
most 2% of the rows would have to change), and that is at most a fifth of what a B unrelated to A would give (B shuffled over the same groups:
a near-constant column depends on anything: a B with one value in over 97% of its rows is not tried; one of 95%
Diesel is, and a petrol fill on a diesel van breaks vehicle → fuel). Where A is empty in some rows, B shuffled over the
rows that hold A must also leave more than five times its exceptions, or its exceptions be 1% of the rows at most: a
payment's date held by paid and partly paid tickets alike says nothing of which one a ticket is, though each date's
few tickets are nearly all "PAID" (a sold date's "Sold" listings, one "Active" among them, still do). A column of numbers whose rows would have to change in more than 2%
must also beat its neighbouring values: at most half what groups merging each number with the next one up would give
(378 g is a paperback in three rows as 379 g is: heavier books tend to be hardcovers, the weight determines nothing;
equal zip codes agree nearly always, whatever the next zip code's city). In a dirtier table (errors of every kind in a tenth of the cells)
a dependency also holds with up to 20% of the rows to change and 85% of the groups settled (those of two rows
too), when at least three quarters of the rows that break it hold a value that does not repeat in their group
(in at least two rows and more than a tenth of it) — beyond the rows that repeat by chance where B has few
values (two wrong clusters of a country among six coincide one time in five; allowed for over 20 groups or more):
independent errors scatter, while the other values of a many-to-one relation read the wrong way round (a city's
second zip code) repeat. This also keeps the dependency of a name
that identifies no entity's records (a team determines its division, nothing else). A dependency whose B an
arithmetic relation of the table computes (broken-relation's) from a number A does not determine is none: an item's
line total is its price × the quantity × (1 − discount), the item's in most lines only as most sell one at full price. Large tables are explored on a sample and every dependency is verified on all rows; a file
checked in batches (over the memory budget) is learned and checked batch by batch. Values are compared as
they read: text regardless of case, surrounding white space and control characters, placeholders ("n/a",
"(blank)") as no value (other rules report those cells), and a column of times of day written several ways ("7:10 a.m.", "7:10am", "07:10", "Dec 2 7:10am", as
timetables merged from several websites write one departure) is grouped by the time each value says.

A code held once per row (a zip code in a gazetteer, a county's FIPS code, a municipality's number) groups no
rows, but its leading characters may: a zip code's first three digits say its state. For a column of codes of one
width (integers of three digits or more, or letters and digits of one length, in 80% of its rows; not a column
naming its rows, an id), each prefix from two characters to one less than the code whose groups hold two rows on
average is tried as a left side, accepted as a column's is, and the prefix with the fewest exceptions kept
("zip's first 3 digits → state"; the evidence names the group as \`zip starting "480"\`). Of a column naming its
rows whose codes of one width begin, in 80% of its rows, with two letters or more and then a digit ("nn00712026",
"us7000a04k"), those letters alone are tried (a network's events: its digits number the rows). Two things make
a prefix's minority no error: the value the next prefix's rows agree on, before or after it in the codes' order
(a range of codes crossing into the next state, invoices numbered in time order across a new year; not for prefixes of
letters alone, which name kinds, not ranges), and a value
more than a tenth of a shorter prefix's rows hold (a district abolished since, its towns interleaved with the
others' in every block of ten numbers).

In a group that disagrees, a value is reported only when it is a clear minority — in one row against at
least two holding the majority value, in two against at least five, or in more against at least 50 times as
many, or in fewer than half as many when it is the majority value written with other separators ("00284793"
or "0028 4793" among an ISSN's "0028-4793": the same letters and digits; not numbers, "1.5" is not "15"), or ${FOREIGN_MINORITY_RATIO} times as many for a value foreign to the dependency (it dissents in other groups too and
no group holds it otherwise: "Massachusetts" in a few rows of Boston and of Springfield among state codes is
no second state of either), or, at one row in ${FOREIGN_MINORITY_RATIO} of the majority's, in no more rows than the dependency's own
errors put a value there by chance (Poisson, P ≥ ${NOISE_LEVEL}: the group's rows × the share of the rows that break the
dependency × the value's share of the column, or, where more, the rows in which the value dissents in each other group
of the dependency that disagrees, on average — errors scatter over every group, and a small group takes as many as a large one;
4 rows of New York among an area code's 137 of Georgia where 7%
of the rows break area_code → state, while a town that is a thousandth of the column in 3 of a zip's rows is
a value of its own) — and when it is an intruder (the
value belongs to other groups), one or two keystrokes from the majority value, or a value seen nowhere else
in a column where such values are rare (under 2% of the rows: a new value there is more likely a slip than
a genuine value; values that are the lone dissent of a group whose majority holds 20 rows or more are not
counted there, as in a dirty table they are its errors: "GU" among 165 rows of origin "ATL" saying "GA"; nor, in
a column with a shape of its own — half its rows in one shape shared by ten values or more, as state codes' two
letters are —, values in a shape at most 2% of its rows have: a town or "?" among state codes is an error of
another kind, not a new code). A
row's cells are blamed together: when an origin is wrong, origin → city, origin → state and city → origin
all break, and the origin is reported; but where the origin holds neither of two disagreeing values anywhere
else ("Atxanta" and "GU" for "ATL": no origin is either), each is a slip of its own and both are reported;
and where most of the disagreeing values (two or more, two columns that determine each other — a clinic's id and
its name — or whose values in the row go one with the other in 95% of the rows holding either, 3 at least — a grade
"B" and its points "3.0" —, counting as one; such one fact then needs a third column of the row saying it, through a
dependency that holds there, and none saying the left side: a city whose rows say the row's state, not a patient
whose other visits say the owner's postcode) are what one other value of the left side says (a
zip typed for another: the row's city and state are those of zip 10306), the left side is reported, with
that value as the fix, or without a fix when several values of it hold every one of them (a city with two
zips) — but not where more than 20 other values hold them alike against a left side of fewer than 5 rows (two
policies sharing a postcode or a holder's birth date: another entity under the same value, not a wrong one). One
fact alone against the left side (a letter grade and its points against the score, nothing else saying either) is
one broken dependency: its cells are reported, as any other dependency's right side. An
integer code (a column named as an id or number, or of one digit width) whose one broken
dependency is the row's only one, against a value its group holds in 20 rows or more, while another
dependency confirms the row's value (an area code of Georgia on a row whose zip and city say New York), is
reported itself, with the code whose rows hold the row's value as the fix when there is one such code — unless another
column the code alone determines (all but 2% of its rows) keeps its group's value at the row: a subscriber's number on a
call away from its usual region, its cell saying so, is still on the subscriber's own plan (the number is right; the
region is a habit's exception). Two
columns that determine each other (a lab test's code and its name) both break where either is wrong; the one
reported is then the one a third column of the row contradicts — a column one of them determines (code → unit)
holds what the rows of the other say, not what the rows of the blamed value say ("Potassium" on a row of code L109
in U/L, where the rows of "Potassium" say mmol/L: the name is wrong, not the code), or a number of the row lies
within 3 median absolute deviations of what the rows of the other hold and 8 or more from what the rows of the
blamed value hold (groups of 20 rows or more: a result of 70 on a row of triglycerides, around 130, named
"Creatinine", around 0.95) — else, of a code of one token (all but 2% of its values without a space) and its names,
written in words (half their values or more) or twice as long (the median length of their values), the name ("Lamu
Port" on a row of "KEICD", "Allemagne" on a row of "FR": systems keep the code and look its name up; a name typed by hand, or kept from another row, is what
differs) — and both where nothing tells them apart. A
group of one row of another dependency, its left side one of those suspect cells, supports nothing; nor does one
whose left side holds a stray value, held by that row only: a slip of a value 3 rows or more hold ("Oqkland"
beside "Oakland"), or a value in a rare shape of a column with a shape of its own (origin "RD" among airport
codes); nor one of a left side that is nearly a key (half its rows or more alone in their group: a college's
website, alone in its group, agrees with any region) where other groups hold the row's value as theirs ("South" for a
college in Connecticut is Texas's and Georgia's region: a value of the column's own in the wrong row; a value no group
holds, American Samoa's "AS" among Hawaii's zip codes, may be the row's own exception, which its lone city confirms). A value that another
dependency with the same B supports (the zip says MA for Springfield, MA; for an entity's records, where that
dependency rests on another of the row's suspect cells, only in more rows than the entity's records holding the
value: copies of one record agree with each other, its mistakes included) or a stricter dependency the other
way supports (origin → city holds where city → origin fails for a city with two airports; a group of one row
there counts only for a value seen nowhere else: an intruder makes such a group by itself; and for a slip,
one or two keystrokes from the majority value, only a group with more rows than hold the slip: "Sjn Jose" in
two of San Jose's rows makes a group of its own that "determines" SJC by itself), a value accepted
as fine, and a case or white-space variant (reported by category-variant) are not reported. Nor is, for a
left side of two columns, a value that at least 3 rows outside the group hold with one of the row's
left-hand values: another record's combination, so the left side is ambiguous (Boston, MA spans Suffolk
and Middlesex counties, and Middlesex, MA has rows of its own; York, York is in Maine and Pennsylvania),
while a county typed into the wrong row rarely exists in that state — where the other column of the left side
holds numbers, only if the row's number lies within those of the rows holding the value so (2% at either end
aside): "F18-34" is held by other women, but all of them 18 to 34, not 36. (An inverse dependency excuses a
value on the same terms: the age group gives back the runner's sex, not the age.) Nor is a value that came first, or last, in
time: where the group's rows are dated (the table's first date column filled in 90% of its rows), and the minority's
rows (two or more) all come before, or all after, the others (two or more) — a pay rate raised from the third
period on, a customer who moved — with a chance of at most 5% that a minority of that size falls at one end by
accident (2 / C(rows, minority)), the value changed once and is no error. Nor is a number the entity's records move a
little (a patient's age at each admission, a year on at the next): where at least 80% of the groups whose rows disagree
(five or more) differ by at most 5% of the column's interquartile range, a minority that close to its group's value is
drift (drifting-values.ts), while one farther off (an age of 61 keyed as 16) is still reported. Nor is a value an
exact count of time of its row pins (duration-mismatch's relations, exact ones: a period's start as many days before
its end as the row's days in period say, a new account's first and shorter period): a slip of it would break the count,
so the row is of another kind of period, not written wrong. Nor is a value where the group's value sets a sign on a
number (group-signs.ts: every purchase negative) that the row's number has the other way round: a refund, positive, at
a merchant whose other rows are purchases is another kind of transaction. Nor is a minority that another column sets
apart from its group: one value in every row of the majority (three or more) and in none of the minority's, beyond
chance (that value's share p of the column leaves every minority row without it with chance (1 − p)^rows, below
0.001 over the columns tried) — transactions in CZK on an account kept in EUR, at an exchange rate other than the
1.000000 of all its transactions in EUR, are another kind of record, not a currency written wrong. Nor is a row a
column of remarks explains: a text column filled in at most a quarter of the rows, but in far more of the rows that
break the dependency (3 or more; a binomial tail below 0.001 over the columns tried) — plots whose area differs from
their trial's, each noted "Plot shortened by 1 m – area adjusted" — the exceptions with a remark are the table's own;
those without one (an area keyed wrong) are still reported. A left side of
measures (an integer of over 100 values: two routes of one length are common) or of days (a date of over 100 values:
two patients born on one day) needs a majority of ${MEASURE_MIN_MAJORITY} rows in its group: two admissions of one
patient do not outvote another patient of that birthday — unless 90% of the rows with a date hold the group's value (a
sold date says "Sold" whatever the day). Nor is a value that the rows of another of the row's values hold — all of them,
or all but two at most and 85% where the value is half as common in the table (ten rows or more, of several values of the left side; a text column, a flag or an integer of 20 values at most, that the
left side does not determine and that does not determine the value everywhere): a clearance product's fixed markdown of
50% on an order whose other lines carry its coupon of 0 is the product's own value, and a collision's severity "FATAL"
where a person was killed is what the killed count says, not a slip of what its injured count says.

**Records of one entity from several sources.** A table merged from several sources records each flight,
product or hospital once per source, and sources disagree far more often than one clean table does: a
sloppy source may be wrong in a third of its cells. When one identifying column (text, or an integer named
like an id) has entities recorded at least three times (the median), A → B is also kept when at least 80%
of the groups have a strict majority, at most 40% of the rows disagree with it and that is at most a quarter
of what an unrelated B would give — or half, where three quarters of the records that disagree hold a value
alone in their group: sources that err independently each write their own wrong time (two sloppy sources in
six leave a third of a flight's records wrong), while an entity's values that merely vary repeat. The column that determines the most others this way is the entity key
(a flight's time "determines" the flight as loosely as the flight its time, but names nothing; a column of
times of day is never the key, however well its times tell one day's flights apart), provided it
determines at least half of the other columns that vary (a county name shared by several states' counties
determines the state loosely and nothing else: it names no entity); all its dependencies are then judged
by its records: a value is reported when at least three records agree on another
one, at least twice as often as on any other value, unless the row is another entity's record filed under
this key — most of its disagreeing values (two or more) are what one other entity's records agree on —
then the key itself is reported, with that entity's key as the fix. Natural many-to-many pairs (a
city name in two states, both with several rows) are left alone.

The evidence: the dependency, the group's value of A, the majority value and how many rows hold it, and
rows holding it (related information).

One fact written twice against a key of one column (not a code's prefix), each of its cells explained only by the other (a destination "ORD" by its
city "Chicago", the city by the destination, where flight 2154's 30 other rows fly to MFR, Medford), explains nothing:
both cells are reported — unless another row of a third column's value says the fact (a licence's other inspection
rating its restaurant "2", "Medium"), or the row is a thing of its own sharing the left side's value: a column that
determines both sides (a licence, setting a restaurant's name and its risk) holds at the row a value no row holding
the majority value holds (a fifth "Philz Coffee", licensed alone, rated "3", "Low").

A number on the right side that an arithmetic relation of the table holding at the row vouches for (grade points
that credits × grade points = quality points keeps), of one broken dependency, is right: the left side is reported
instead, where another of its values holds the number (a grade "A" beside the 3.7 points of an "A-": "A-" is the fix).

A number that an arithmetic relation of the table computes from a column of the left side (a score of 100 − 5 ×
critical − 2 × noncritical violations, which the critical count and the total also determine), or that such a relation
adds with a column of the left side into another (offensive rebounds, which the defensive ones and the total determine),
where that relation breaks at the row, is left to broken-relation, which tells the relation's wrong cell: two counts written the other
way round leave the score right.

**Fix**: replace the value with the majority value (quick fix), or correct A if it is A that is wrong.`,
  check({ data, report, isAccepted }) {
    const dependencies = dependenciesOf(data);
    if (dependencies.length === 0) return;
    const evidence = new DependencyEvidence(data, dependencies);
    const byRow = new Map<number, Candidate[]>();
    for (const dep of dependencies) {
      if (dep.explainsOnly) continue;
      const c = dep.rhs;
      const { groups, total, spread } = disagreeingGroups(data, dep);
      // The rows breaking the dependency that a column of remarks explains (see remarkedRows), found when first asked.
      let remarked: Set<number> | undefined;
      const remarkedOf = () => (remarked ??= remarkedRows(data, exceptionRows(groups), [...dep.lhs, c]));
      let rare: boolean | undefined;
      // Values seen once estimate how often a genuine new value comes (Good–Turing), but not those that are the
      // lone dissent of a group whose majority holds SETTLED_GROUP_ROWS rows or more: in a dirty table they are its
      // errors, the very values weighed. Nor, in a column with a shape of its own, values in a rare shape: those
      // are errors of other kinds (a town among state codes, 18000 among two-digit codes), not new values of the
      // column's kind.
      const newValuesRare = () => {
        if (rare === undefined) {
          const column = spread();
          const { present } = column;
          const shape = columnShape(data, c);
          let dissenting = 0;
          for (const group of groups) {
            const majorityCount = group.counts[0][1];
            if (majorityCount < SETTLED_GROUP_ROWS) continue;
            for (const [value, count] of group.counts.slice(1)) if (count === 1 && total(value) === 1 && (!shape || shape.common(group.rowsOf(value)[0]))) dissenting++;
          }
          const enough = Math.floor(NEW_VALUE_SHARE * present) + dissenting + 1;
          const seenOnce = shape ? shape.seenOnce(enough) : column.seenOnce;
          rare = seenOnce - dissenting <= NEW_VALUE_SHARE * present;
        }
        return rare;
      };
      let present: number | undefined;
      const columnRows = () => (present ??= spread().present);
      // Rows where each value of B dissents from its group's majority (computed when first needed).
      let dissents: Map<number, number> | undefined;
      const dissentRows = (value: number) => {
        if (!dissents) {
          dissents = new Map();
          for (const group of groups) for (const [v, k] of group.counts.slice(1)) dissents.set(v, (dissents.get(v) ?? 0) + k);
        }
        return dissents.get(value) ?? 0;
      };
      // Rows where a value dissents in each other disagreeing group, on average: what errors scattered over all groups
      // leave in one (a state in 63 of an area code's 2,782 rows, where it dissents in 30 to 80 rows of every other).
      const dissentsElsewhere = (value: number, count: number) => (groups.length > 1 ? (dissentRows(value) - count) / (groups.length - 1) : 0);
      // A value foreign to the dependency: it dissents in other groups too, and every row holding it is a dissent
      // ("Massachusetts" among state codes, in some of Boston's and of Springfield's rows): no value of A has it
      // as its own, so it is no second value of a many-to-one relation.
      const foreign = (value: number, count: number) => total(value) > count && total(value) === dissentRows(value);
      const datedLeft = dep.lhs.some((k) => data.columns[k].kind === 'date');
      let lhsRows: number | undefined;
      const leftRows = () => (lhsRows ??= data.table.numRows - Math.max(...dep.lhs.map((k) => nullCount(data, k))));
      for (const group of groups) {
        const [majority, majorityCount] = group.counts[0];
        if (majorityCount < 2 || (group.counts[1] && group.counts[1][1] === majorityCount)) continue;
        // A value of A whose rows mostly disagree says nothing of them (a placeholder date, 1970-01-01, in the rows
        // of eight model years): its majority must hold half of them at least.
        if (!dep.entity && 2 * majorityCount < group.counts.reduce((rows, [, k]) => rows + k, 0)) continue;
        // A measure on the left side: two things of one size are common, so a few rows are no majority.
        // A date on the left side is such a measure too (two patients born on one day), unless nearly every row with a
        // date holds the group's value (a sold date says "Sold" whatever the day).
        if (dep.measure && majorityCount < MEASURE_MIN_MAJORITY && !(datedLeft && total(majority) >= DATED_VALUE_SHARE * leftRows())) continue;
        // An entity's records (several sources): the value they agree on (entityConsensus), if any.
        if (dep.entity && entityConsensus(group.counts) === undefined) continue;
        const majorityRows = group.rowsOf(majority);
        const expected = cellText(data, majorityRows[0], c);
        for (const [value, count] of group.counts.slice(1)) {
          // A clear minority: once against at least two, twice against at least five, or in a large group at
          // most one row in MINORITY_RATIO of the majority's (7 of 2,000 married people with a single's
          // exemption), or at most one in FOREIGN_MINORITY_RATIO for a value foreign to the dependency; among an
          // entity's records, any value less than half as frequent as the one they agree on.
          // The group's value written with other separators ("00284793" among "0028-4793"), in fewer rows than it: any count.
          const separated = () => count * SEPARATED_MINORITY_RATIO <= majorityCount && separatedOtherwise(cellText(data, group.rowsOf(value)[0], c), expected);
          if (!dep.entity && !clearMinority(count, majorityCount) && !(count * FOREIGN_MINORITY_RATIO <= majorityCount && foreign(value, count)) && !errorsExplain(count, majorityCount, group.size, dep.error, total(value) / columnRows(), dissentsElsewhere(value, count)) && !separated()) continue;
          const rows = group.rowsOf(value);
          const text = cellText(data, rows[0], c);
          if (sameLoosely(text, expected) || isAccepted(c, text)) continue;
          // An intruder (the value belongs to other groups), a slip of one or two keystrokes, or a value found
          // nowhere else in a column where such values are rare (Good–Turing: the share of rows holding a
          // value seen once estimates how likely a genuine new value is). An entity's records outvoted by
          // several sources need no more evidence.
          const intruder = total(value) > count;
          const slip = nearVariant(text, expected);
          if (!dep.entity && !(intruder || slip || newValuesRare())) continue;
          // Two routes to one place of one length: a measure's inverted dependency is broken by new values only.
          if (dep.inverted && intruder) continue;
          // Another record's combination (a city spanning two counties): the left side is ambiguous.
          if (!dep.entity && heldElsewhere(data, dep, rows[0], count)) continue;
          // One value first and another after, in the time the rows are of (a pay rate raised): a change, not an error.
          if (changedOnce(data, group.counts.flatMap(([id]) => group.rowsOf(id)), new Set(rows))) continue;
          // A number the entity's records move a little (an age at each admission, a year on): no error.
          if (withinDrift(data, dep, rows[0], majorityRows[0])) continue;
          // A value an exact count of time of its row pins (a period's start, as many days before its end as the row's days
          // in period say): a slip of it would break the count; the row is of another period, not written wrong.
          if (rows.every((r) => pinnedByElapsedTime(data, c, r))) continue;
          // The group's value sets a sign the row's number does not have (a refund, positive, at a merchant whose other
          // rows are purchases, negative, as every purchase is): the row is of another kind, its value is right.
          if (signedOtherwise(data, c, majorityRows[0], rows)) continue;
          // Another column sets the rows apart from the group's (an exchange rate other than the 1.000000 of every
          // transaction in the account's currency): another kind of record, not a wrong value.
          if (!dep.entity && groupRowsApart(data, majorityRows, rows, [...dep.lhs, c])) continue;
          // A code's prefix: the value of the next prefix in the codes' order is where the code's range meets the
          // next one (a zip prefix shared by two states, ids numbered in time order across a new year), and a value
          // many rows of a shorter prefix hold is a population of that range (older districts kept): no errors.
          if (dep.prefix && (continuesNeighbour(data, dep, rows[0]) || populatesShorterPrefix(data, dep, rows[0]))) continue;
          for (const row of rows) {
            // A plot whose area differs from its trial's, noted as shortened where every such plot is: no slip.
            if (remarkedOf().has(row)) continue;
            const list = byRow.get(row) ?? [];
            const explainedWith = (suspects: ReadonlySet<number>) => evidence.explained(dep, row, majorityCount, intruder, count, slip, suspects);
            list.push({ row, dep, text, expected, majorityCount, groupSize: group.size, majorityRows, explained: false, explainedWith });
            byRow.set(row, list);
          }
        }
      }
    }
    // A code that says another value than the row's (see codeOfAnother): reported with the codes whose rows say the row's value.
    const reportWrongCode = ({ row, dep, text, expected, majorityCount }: Candidate) => {
      const key = dep.lhs[0];
      const code = cellText(data, row, key);
      if (isAccepted(key, code)) return;
      const name = data.columns[key].name;
      const groups = disagreeingGroups(data, dep);
      const codes = groups.groupsAgreeingOn(row).map((g) => groups.firstRowOf(g)).sort((x, y) => x - y);
      const named = codes.slice(0, KEYS_NAMED).map((k) => `"${cellText(data, k, key)}"`).join(', ') + (codes.length > KEYS_NAMED ? ', …' : '');
      const fixed = codes.length === 1 ? cellText(data, codes[0], key) : undefined;
      const fixes = fixed === undefined ? undefined : replaceCellFixes(data, row, key, fixed, `Replace with "${fixed}" (the ${name} whose rows say "${text}")`);
      report({
        row,
        columnIndex: key,
        value: code,
        // `expected` only where one code is the fix: the cleaning step writes it into the cell.
        evidence: { dependency: dependencyName(data, dep), ...(fixed === undefined ? { candidates: named } : { expected: fixed }), rowsOfCode: majorityCount, valueOfCode: expected },
        message:
          `"${code}" in column "${name}" looks wrong: ${name} "${code}" is "${expected}" in ${majorityCount} rows, but this row's ${data.columns[dep.rhs].name} "${text}" is what its other columns say` +
          (codes.length === 1 ? `, and "${text}" is ${name} "${fixed}"'s.` : `; ${name} values whose rows say "${text}": ${named}.`),
        related: codes.slice(0, KEYS_NAMED).map((k) => ({ row: k, columnIndex: key, message: `A row of ${name} "${cellText(data, k, key)}"` })),
        fixes,
      });
    };
    for (const [r, candidates] of [...byRow].sort((x, y) => x[0] - y[0])) {
      const suspects = new Set(candidates.map((k) => k.dep.rhs));
      for (const k of candidates) k.explained = k.explainedWith(suspects);
      const reported = new Set<number>();
      // Cells an entity's other records outvote are wrong: a dependency with one of them on its left side
      // breaks because of it, and blames nothing else.
      const { attributes: wrong, otherEntity } = outvoted(data, candidates);
      const wrongColumns = new Set(wrong.map((k) => k.dep.rhs));
      const others = candidates.filter((k) => !k.dep.entity && !k.dep.lhs.some((c) => wrongColumns.has(c)));
      const blame = blamed(data, others);
      const { wrongKey } = blame;
      // A number an arithmetic relation holding at the row vouches for (grade points that credits × points = quality
      // points keeps) is right: of one broken dependency, the left side is the wrong cell (a grade "A" beside the
      // points of an "A-"), where another of its values holds the number.
      const vouched = !wrongKey && !blame.wrongCode && blame.cells.length === 1 ? vouchedByRelation(data, blame.cells[0]) : false;
      const cells = vouched ? [] : blame.cells;
      const wrongCode = vouched ? blame.cells[0] : blame.wrongCode;
      if (wrongCode) reportWrongCode(wrongCode);
      // A row filed under another key (an entity's record, or a row of a table's dependencies): the key is reported.
      for (const [other, records] of [
        [otherEntity, 'records'],
        [wrongKey, 'rows'],
      ] as const) {
        if (!other) continue;
        const { key, row, alike, of, alsoAlike = [] } = other;
        const text = cellText(data, r, key);
        const name = data.columns[key].name;
        if (reported.has(key) || isAccepted(key, text)) continue;
        reported.add(key);
        const alikeRows = [row, ...alsoAlike];
        const keysAlike = alikeRows.map((k) => cellText(data, k, key));
        const expected = alsoAlike.length ? undefined : keysAlike[0];
        const named = keysAlike.slice(0, KEYS_NAMED).map((k) => `"${k}"`).join(', ') + (keysAlike.length > KEYS_NAMED ? ', …' : '');
        const fixes = expected === undefined ? undefined : replaceCellFixes(data, r, key, expected, `Replace with "${expected}" (the ${name} whose ${records} hold this row's values)`);
        const one = records === 'records' ? 'record' : 'row';
        report({
          row: r,
          columnIndex: key,
          value: text,
          evidence: { entity: name, ...(expected === undefined ? { candidates: named } : { expected }), valuesAlike: alike, valuesDisagreeing: of },
          message:
            `"${text}" in column "${name}" looks like the wrong ${name}: ${alike} of this row's ${of} values that disagree with the other ${records} of ${name} "${text}" are what the ${records} of ` +
            (expected === undefined ? `${keysAlike.length} other ${name} values say (${named}).` : `${name} "${expected}" say.`),
          related: alikeRows.slice(0, KEYS_NAMED).map((k) => ({ row: k, columnIndex: key, message: `A ${one} of ${name} "${cellText(data, k, key)}"` })),
          fixes,
        });
      }
      for (const { dep, text, expected, majorityCount, groupSize, majorityRows } of [...wrong, ...cells]) {
        const c = dep.rhs;
        if (reported.has(c)) continue;
        // The value every row of another of the row's values holds, across groups (a clearance product's fixed
        // markdown on an order whose other lines carry its coupon): that value's own, not a wrong one.
        if (!dep.entity && ownedByRowValue(data, r, c, dep.lhs[0], dep.lhs)) continue;
        // A number an arithmetic relation computes from a column of the left side (a score from critical and other
        // violations, which with their total determine it), broken at this row: broken-relation tells its wrong cell
        // (the two counts exchanged, not the score).
        if (computedFromLeftSide(data, dep, r)) continue;
        reported.add(c);
        const where = lhsValues(data, dep, r);
        const fixes = replaceCellFixes(data, r, c, expected, `Replace with "${expected}" (as in ${majorityCount} rows with ${where})`);
        report({
          row: r,
          columnIndex: c,
          value: text,
          evidence: { dependency: dependencyName(data, dep), group: where, expected, expectedRows: majorityCount, holdsInGroups: Number(dep.agreeing.toFixed(4)) },
          message: dep.entity
            ? `"${text}" in column "${data.columns[c].name}" disagrees with the other records of ${where}: ${majorityCount} of its ${groupSize} records say "${expected}" ` +
              `(${dependencyName(data, dep)}: records of one ${lhsName(data, dep)} value agree in ${(100 * (1 - dep.error)).toFixed(0)}% of the rows).`
            : `"${text}" in column "${data.columns[c].name}" breaks ${dependencyName(data, dep)}: ${where} is "${expected}" in ${majorityCount} rows ` +
              `(the dependency holds in ${(100 * dep.agreeing).toFixed(0)}% of ${lhsGroupsName(data, dep)}).`,
          related: () => majorityRows.slice(0, RELATED_ROWS).map((row) => ({ row, columnIndex: c, message: `${where} is "${expected}" here` })),
          fixes,
        });
      }
    }
  },
});

/**
 * Whether dependency `dep`'s right side and a column of its left side are cells of one numeric relation (the right side
 * computed from the left, or one of the numbers the left side's total adds: rebounds and defensive rebounds determine the
 * offensive ones), broken at row `r`.
 */
function computedFromLeftSide(data: IngestResult, dep: Dependency, r: number): boolean {
  if (!isNumeric(data.columns[dep.rhs])) return false;
  return numericRelations(data).some((relation) => usesColumn(relation, dep.rhs) && dep.lhs.some((c) => usesColumn(relation, c)) && relationBrokenAt(data, relation, r));
}

/**
 * Whether the candidate's row is a thing of its own sharing the left side's value: a column K that determines both
 * the left side and the right side (a licence, which sets a restaurant's name and its risk) holds at the row a value
 * that none of the left side's rows holding the majority value hold (a fifth "Philz Coffee", licensed alone, rated
 * "3", "Low" where the chain's other four are rated "2", "Medium").
 */
function thingOfItsOwn(data: IngestResult, k: Candidate): boolean {
  if (k.dep.lhs.length !== 1) return false;
  const [a, b] = [k.dep.lhs[0], k.dep.rhs];
  const deps = dependenciesOf(data);
  const determines = (x: number, y: number) => determinesAlone(deps, x, y, false);
  return data.columns.some((_, key) => {
    if (key === a || key === b || !determines(key, a) || !determines(key, b)) return false;
    const own = cellText(data, k.row, key);
    return own !== '' && !k.majorityRows.some((r) => cellText(data, r, key) === own);
  });
}

/**
 * Whether candidate `k`'s right side, a number, is vouched for by an arithmetic relation of the table that holds at its
 * row without its left side, while another value of the left side holds that number (its group agrees on it).
 */
function vouchedByRelation(data: IngestResult, k: Candidate): boolean {
  const c = k.dep.rhs;
  if (k.dep.lhs.length !== 1 || k.dep.prefix || k.dep.entity || !isNumeric(data.columns[c])) return false;
  const holds = numericRelations(data).some((relation) => usesColumn(relation, c) && !k.dep.lhs.some((l) => usesColumn(relation, l)) && relationApplies(data, relation)(k.row) && relationHoldsAt(data, relation, k.row) === true);
  return holds && disagreeingGroups(data, k.dep).groupsAgreeingOn(k.row).length > 0;
}
