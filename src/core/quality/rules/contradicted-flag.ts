/**
 * contradicted-flag: a two-valued column (yes/no, pass/fail, Y/N) that a number of the same row decides at a
 * threshold in nearly every row — in_stock "no" where stock is 0, "yes" above — and a row where they disagree.
 */
import { defineRule } from '../rule';
import { TEXT_KINDS, cellSourceText, distinctValues, isNumeric, looksLikeIdentifier, numericColumn, replaceCellFixes, memo, nullMask, sortedRuns, strictlyIncreasing } from '../column-values';
import { shownNumber } from '../../shared/shown-number';
import { binomialTail } from '../../shared/binomial-tail';
import { countSorted } from '../../shared/count-sorted';
import type { IngestResult } from '../../table/model';

/** Rows holding both cells a pair needs. */
const MIN_ROWS = 200;
/** Rows each of the two values needs on its own side of the threshold. */
const MIN_SIDE_ROWS = 20;
/** Largest share of the rows that may break the threshold for it to be the table's. */
const MAX_BREAK_SHARE = 0.01;
/** Largest share of each value's rows that may lie on the other side (a one-way rule, "no" for other reasons too, is none). */
const MAX_VALUE_BREAK_SHARE = 0.05;
/**
 * Least mean depth of the breaking rows inside the other side (0 at the threshold, 1 at its far end): rows that
 * break a threshold the table follows by construction lie anywhere (0.5 on average); two populations that merely
 * overlap (a species told by its size) break it only near the threshold.
 */
const MIN_MEAN_DEPTH = 0.25;
/** Largest chance that the other value would keep off a one-way rule's side as it does, were the flag unrelated to the number. */
const MAX_CHANCE = 1e-6;
/** Rows read first, evenly spread, to pass over pairs that follow no threshold without sorting every row. */
const SAMPLE_ROWS = 4096;

/**
 * A threshold on a number that tells the values of a flag apart: each side's code where the side holds one value
 * (undefined where it holds both: a one-way rule at the number's floor, "above 0 means yes", 0 says nothing).
 */
interface Threshold {
  number: number;
  cut: number;
  lowCode: number | undefined;
  highCode: number | undefined;
  /** Largest number of the low side's agreeing rows, smallest of the high side's. */
  lowMax: number;
  highMin: number;
  /** Rows on the sides that hold one value (both cells present), and those of them breaking the threshold. */
  rows: number;
  breaking: number[];
}

/** The flag's code a threshold calls for at number `v`, or undefined where v lies on a side holding both values. */
function calledFor(threshold: Threshold, v: number): number | undefined {
  if (!Number.isFinite(v)) return undefined;
  return v <= threshold.cut ? threshold.lowCode : threshold.highCode;
}

/** Rows of each flag code at each distinct number of the column (its sorted runs), and their totals. */
interface Counts {
  values: Float64Array;
  byCode: [Int32Array, Int32Array];
  totals: [number, number];
}

/** Counts of every `step`-th row with both cells, by the flag's code and the number's distinct value (no sort of the rows). */
function countsOf(codes: Int32Array, numbers: Float64Array, values: Float64Array, step: number): Counts {
  const byCode: [Int32Array, Int32Array] = [new Int32Array(values.length), new Int32Array(values.length)];
  const totals: [number, number] = [0, 0];
  for (let r = 0; r < codes.length; r += step) {
    const code = codes[r];
    const v = numbers[r];
    if (code < 0 || !Number.isFinite(v)) continue;
    // Its index among the distinct values: how many lie below it.
    byCode[code][countSorted(values, v, true)]++;
    totals[code]++;
  }
  return { values, byCode, totals };
}

/** Sides of a cut (numbers up to `values[cut]` low): which code each holds, or undefined for a side holding both. */
interface Sides {
  cut: number;
  lowCode: number | undefined;
  highCode: number | undefined;
}

/** Rows of `code` at numbers up to index `cut` (inclusive). */
function upTo(counts: Counts, code: number, cut: number): number {
  let n = 0;
  const at = counts.byCode[code];
  for (let k = 0; k <= cut; k++) n += at[k];
  return n;
}

/**
 * The one threshold the counts follow, where it holds both ways (each value on its side, see the constants), or one
 * way at the number's floor (the side above the floor, or the floor, holds one value; the other side both).
 */
function sidesOf(counts: Counts): Sides | undefined {
  const { byCode, totals } = counts;
  const rows = totals[0] + totals[1];
  // Both ways: the cut with the fewest rows on the wrong side, either way round.
  let best = { lowCode: 0, cut: -1, errors: Infinity };
  let [zeroLow, oneLow] = [0, 0];
  for (let k = 0; k < counts.values.length - 1; k++) {
    zeroLow += byCode[0][k];
    oneLow += byCode[1][k];
    const errorsZeroLow = oneLow + (totals[0] - zeroLow);
    const errorsOneLow = zeroLow + (totals[1] - oneLow);
    if (errorsZeroLow < best.errors) best = { lowCode: 0, cut: k, errors: errorsZeroLow };
    if (errorsOneLow < best.errors) best = { lowCode: 1, cut: k, errors: errorsOneLow };
  }
  if (best.cut >= 0 && best.errors <= MAX_BREAK_SHARE * rows) {
    const { lowCode, cut } = best;
    const highCode = 1 - lowCode;
    const lowBreaking = totals[lowCode] - upTo(counts, lowCode, cut);
    const highBreaking = upTo(counts, highCode, cut);
    if (lowBreaking <= MAX_VALUE_BREAK_SHARE * totals[lowCode] && highBreaking <= MAX_VALUE_BREAK_SHARE * totals[highCode] && totals[lowCode] - lowBreaking >= MIN_SIDE_ROWS && totals[highCode] - highBreaking >= MIN_SIDE_ROWS) {
      return { cut, lowCode, highCode };
    }
  }
  // One way, at the floor: a number above its least value (0, "none") calls for one value, or its least value does.
  const atFloor = [byCode[0][0], byCode[1][0]];
  const above = [totals[0] - atFloor[0], totals[1] - atFloor[1]];
  for (const [side, other] of [[above, atFloor], [atFloor, above]]) {
    const sideRows = side[0] + side[1];
    const code = side[0] >= side[1] ? 0 : 1;
    const breaks = side[1 - code];
    const total = totals[1 - code];
    // The side holds one value, the other value lives on the other side, beyond chance (its rows would fall on this
    // side at the side's share were the flag unrelated to the number).
    if (side[code] < MIN_SIDE_ROWS || other[1 - code] < MIN_SIDE_ROWS || breaks > MAX_BREAK_SHARE * sideRows || breaks > MAX_VALUE_BREAK_SHARE * total) continue;
    if (binomialTail(total, total - breaks, 1 - sideRows / rows) > MAX_CHANCE) continue;
    return side === above ? { cut: 0, lowCode: undefined, highCode: code } : { cut: 0, lowCode: code, highCode: undefined };
  }
  return undefined;
}

/**
 * The rows of one side of a cut that holds one value (`code`; `low`: the side at or below the cut), those of them of
 * the other value (breaking it), and how deep those lie inside the side summed over them: by the side's agreeing
 * rows, 0 at the cut, 1 at its far end, rows of one number counted at their middle.
 */
function sideOf(counts: Counts, cut: number, code: number, low: boolean): { rows: number; breaks: number; depth: number } {
  const [agree, other] = [counts.byCode[code], counts.byCode[1 - code]];
  const [from, to, step] = low ? [cut, -1, -1] : [cut + 1, counts.values.length, 1];
  let [own, breaks] = [0, 0];
  for (let k = from; k !== to; k += step) {
    own += agree[k];
    breaks += other[k];
  }
  let [before, depth] = [0, 0];
  for (let k = from; k !== to && own > 0; k += step) {
    depth += other[k] * ((before + agree[k] / 2) / own);
    before += agree[k];
  }
  return { rows: own + breaks, breaks, depth };
}

/** The sides of `sides` that hold one value, summed: their rows, the rows breaking them, and those rows' depth. */
function pureSides(counts: Counts, sides: Sides): { rows: number; breaks: number; depth: number } {
  const found = [
    ...(sides.lowCode === undefined ? [] : [sideOf(counts, sides.cut, sides.lowCode, true)]),
    ...(sides.highCode === undefined ? [] : [sideOf(counts, sides.cut, sides.highCode, false)]),
  ];
  return found.reduce((sum, side) => ({ rows: sum.rows + side.rows, breaks: sum.breaks + side.breaks, depth: sum.depth + side.depth }), { rows: 0, breaks: 0, depth: 0 });
}

/** The threshold of `number` that decides `flag`'s codes, or undefined where it follows none (see the constants). */
function thresholdOf(data: IngestResult, flag: number, number: number): Threshold | undefined {
  const codes = flagCodes(data, flag);
  const numbers = numericColumn(data, number);
  const values = sortedRuns(data, number).values;
  const n = data.table.numRows;
  // A sample first: most pairs are far from any threshold.
  const sampled = n > SAMPLE_ROWS ? sidesOf(countsOf(codes, numbers, values, Math.floor(n / SAMPLE_ROWS))) : undefined;
  if (n > SAMPLE_ROWS && !sampled) return undefined;
  // A rule at the floor needs the floor and the rest only, unless rows break it above the floor (then how deep they lie).
  const atFloor = sampled && (sampled.lowCode === undefined || sampled.highCode === undefined) ? countsOf(codes, numbers, Float64Array.of(values[0], Infinity), 1) : undefined;
  const floorSides = atFloor && sidesOf(atFloor);
  const coarse = atFloor && floorSides && (floorSides.highCode === undefined || pureSides(atFloor, floorSides).breaks === 0);
  const counts = coarse ? atFloor : countsOf(codes, numbers, values, 1);
  if (counts.totals[0] + counts.totals[1] < MIN_ROWS) return undefined;
  const sides = sidesOf(counts);
  if (!sides) return undefined;
  // Rows that break a threshold the table follows by construction lie anywhere on the wrong side.
  const { rows, breaks, depth } = pureSides(counts, sides);
  if (breaks > 0 && depth / breaks < MIN_MEAN_DEPTH) return undefined;
  const { cut, lowCode, highCode } = sides;
  const cutValue = counts.values[cut];
  // The rows themselves, only if any breaks it.
  const breaking: number[] = [];
  if (breaks > 0) for (let r = 0; r < n; r++) {
    const code = codes[r];
    const v = numbers[r];
    if (code < 0 || !Number.isFinite(v)) continue;
    const called = v <= cutValue ? lowCode : highCode;
    if (called !== undefined && called !== code) breaking.push(r);
  }
  // The agreeing rows' nearest numbers to the cut, on either side.
  let [lowMax, highMin] = [cutValue, cutValue];
  if (lowCode !== undefined) for (let k = cut; k >= 0; k--) if (counts.byCode[lowCode][k] > 0) { lowMax = counts.values[k]; break; }
  if (highCode !== undefined) for (let k = cut + 1; k < counts.values.length; k++) if (counts.byCode[highCode][k] > 0) { highMin = counts.values[k]; break; }
  // A threshold no row breaks reports nothing, and vouches for the flag where another is broken.
  return { number, cut: cutValue, lowCode, highCode, lowMax, highMin, rows, breaking };
}

/** Columns that may be a flag: two distinct values (counted from facts the profile has), not dates. */
function isFlag(data: IngestResult, c: number): boolean {
  const column = data.columns[c];
  if (TEXT_KINDS.includes(column.kind)) return distinctValues(data, c).size === 2;
  if (column.kind === 'boolean') {
    // Both answers present (a boolean has no other).
    const codes = flagCodes(data, c);
    const first = codes.find((code) => code >= 0);
    return first !== undefined && codes.some((code) => code >= 0 && code !== first);
  }
  return isNumeric(column) && sortedRuns(data, c).values.length === 2;
}

/** A boolean column's code per row: 0 false, 1 true, −1 empty — read from its chunks' bits. */
function booleanCodes(data: IngestResult, c: number): Int32Array {
  const mask = nullMask(data, c);
  const codes = new Int32Array(data.table.numRows);
  let row = 0;
  for (const chunk of data.table.getChildAt(c)?.data ?? []) {
    const bits = chunk.values;
    for (let i = 0; i < chunk.length; i++, row++) {
      const bit = chunk.offset + i;
      codes[row] = mask[row] ? -1 : (bits[bit >> 3] >> (bit & 7)) & 1;
    }
  }
  return codes;
}

/**
 * A flag's code per row (−1 where empty): a text's distinct value ids, else 0 for the smaller number (false) and 1
 * for the larger, read from the numbers without hashing them.
 */
function flagCodes(data: IngestResult, c: number): Int32Array {
  if (TEXT_KINDS.includes(data.columns[c].kind)) return distinctValues(data, c).ids;
  return memo(data, `flag-codes:${c}`, () => {
    if (data.columns[c].kind === 'boolean') return booleanCodes(data, c);
    const numbers = numericColumn(data, c);
    const smaller = sortedRuns(data, c).values[0];
    const codes = new Int32Array(numbers.length);
    for (let r = 0; r < numbers.length; r++) codes[r] = Number.isFinite(numbers[r]) ? (numbers[r] === smaller ? 0 : 1) : -1;
    return codes;
  });
}

/** Columns that may decide a flag: numbers with three distinct values or more, not identifiers or row numbers. */
function isDecidingNumber(data: IngestResult, c: number): boolean {
  const column = data.columns[c];
  return isNumeric(column) && !looksLikeIdentifier(column.name) && sortedRuns(data, c).values.length >= 3 && !strictlyIncreasing(numericColumn(data, c));
}

/** A flag's value as the file writes it: its text, or a boolean's cell as written in its first row with that code. */
function flagTexts(data: IngestResult, c: number): [string, string] {
  const codes = flagCodes(data, c);
  if (TEXT_KINDS.includes(data.columns[c].kind)) {
    const distinct = distinctValues(data, c);
    return [distinct.text(0), distinct.text(1)];
  }
  const texts: string[] = [];
  for (const code of [0, 1]) {
    const r = codes.indexOf(code);
    texts.push(cellSourceText(data, r, c) ?? String(data.table.getChildAt(c)?.get(r)));
  }
  return [texts[0], texts[1]];
}

export const contradictedFlag = defineRule({
  id: 'contradicted-flag',
  title: 'Flag contradicted by a number',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A two-valued column that a number of the same row decides at a threshold in nearly every row, and a row where they disagree: in_stock "no" where stock is 120, has_child "N" with a child exemption.',
  docs: `Tables often carry a flag and the number it was derived from: in stock and the stock, has children and the
child exemption, passed and the score, adult and the age. A flag set by hand, or left unchanged when the number
was updated, contradicts it, and a model learning from both reads two stories.

A column of two values (yes/no, Y/N, true/false, pass/fail, 0/1) follows a threshold on a numeric column when one
value is held at or below some number and the other above it in nearly every row: at most ${MAX_BREAK_SHARE * 100}% of the rows (with
both cells, at least ${MIN_ROWS}) and at most ${MAX_VALUE_BREAK_SHARE * 100}% of each value's rows lie on the wrong side (a value with other
causes too — out of stock for a discontinued product, whatever its stock — makes no rule), each value holding ${MIN_SIDE_ROWS} rows or more on
its side. The rows breaking a threshold the table follows by construction lie anywhere on the wrong side; two
populations that only overlap near a boundary (a species told by its size) break it only there, so the breaking
rows must lie, on average, at least ${MIN_MEAN_DEPTH * 100}% deep inside the side they are on (by that side's rows). The number must
have three values or more and be neither an identifier nor a row number (two-valued numbers are dependency-violation's).

A rule may also hold one way, at the number's floor (its least value: 0, "none"): a child exemption above 0 means
"Y", while 0 is written for everyone in states without the tax. The side above the floor (or the floor) then holds
one value in all but ${MAX_BREAK_SHARE * 100}% of its rows and ${MAX_VALUE_BREAK_SHARE * 100}% of the other value's, each value holds ${MIN_SIDE_ROWS} rows or more on its own
side, and the other value keeps off that side beyond chance: were the flag unrelated to the number, its rows
would fall there at the side's share of the rows, and so few doing so must have a chance under ${MAX_CHANCE}.

A breaking row is reported on the flag, with the value the number calls for; where another number's threshold
calls for the flag as it is at that row, the number is the cell reported instead.

**Fix**: set the flag the number calls for (quick fix), or correct the number.`,
  check({ data, report, isIgnored }) {
    const columns = data.columns.map((_, c) => c).filter((c) => !isIgnored(c));
    const flags = columns.filter((c) => isFlag(data, c));
    if (flags.length === 0) return;
    const numbers = columns.filter((c) => isDecidingNumber(data, c));
    for (const flag of flags) {
      const thresholds = numbers.filter((c) => c !== flag).flatMap((c) => thresholdOf(data, flag, c) ?? []);
      if (thresholds.length === 0) continue;
      const texts = flagTexts(data, flag);
      const codes = flagCodes(data, flag);
      const reported = new Set<string>();
      for (const threshold of thresholds) {
        const name = data.columns[threshold.number].name;
        const flagName = data.columns[flag].name;
        const values = numericColumn(data, threshold.number);
        const text = (code: number | undefined) => (code === undefined ? undefined : texts[code]);
        const [lowText, highText] = [text(threshold.lowCode), text(threshold.highCode)];
        const agree = `${(threshold.rows - threshold.breaking.length).toLocaleString('en-US')} of the other ${(threshold.rows - 1).toLocaleString('en-US')} rows`;
        const floor = shownNumber(threshold.cut);
        const rule =
          lowText !== undefined && highText !== undefined
            ? `in ${agree}, "${flagName}" is "${lowText}" where "${name}" is at most ${shownNumber(threshold.lowMax)} and "${highText}" where it is ${shownNumber(threshold.highMin)} or more`
            : highText !== undefined
              ? `in ${agree} where "${name}" is above ${floor}, "${flagName}" is "${highText}"`
              : `in ${agree} where "${name}" is ${floor}, "${flagName}" is "${lowText}"`;
        for (const r of threshold.breaking) {
          const held = texts[codes[r]];
          const expected = text(calledFor(threshold, values[r]));
          if (expected === undefined) continue;
          // Another number's threshold calling for the flag as it is here: the number is the cell that strays.
          const vouched = thresholds.some((other) => other !== threshold && calledFor(other, numericColumn(data, other.number)[r]) === codes[r]);
          const column = vouched ? threshold.number : flag;
          const key = `${r}:${column}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const number = shownNumber(values[r]);
          report({
            row: r,
            columnIndex: column,
            value: vouched ? number : held,
            evidence: { flag: flagName, number: name, cut: threshold.cut, ...(lowText === undefined ? {} : { lowValue: lowText }), ...(highText === undefined ? {} : { highValue: highText }), expected, ...(vouched ? { vouched: true } : {}) },
            message: vouched
              ? `"${name}" is ${number} where "${flagName}" is "${held}", as other numbers of the row have it: ${rule}.`
              : `"${flagName}" is "${held}" where "${name}" is ${number}: ${rule}.`,
            fixes: vouched ? undefined : replaceCellFixes(data, r, flag, expected, `Set "${flagName}" to "${expected}"`),
          });
        }
      }
    }
  },
});
