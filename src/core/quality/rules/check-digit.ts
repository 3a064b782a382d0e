/** check-digit: a code whose check digit is wrong in a column whose codes carry one (ISSN, ISBN, EAN/UPC, Luhn). */
import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, eachMappedRow, numericColumn, sortedRuns } from '../column-values';
import { samplePatterns } from '../value-patterns';
import { codeWidths } from '../code-widths';
import { checkIndex, codeDigits, expectedCheck, passesCheck, schemesOfLength, type CheckDigitScheme } from '../../shared/check-digits';
import { groupedInteger } from '../../shared/grouped-integer';
import type { IngestResult } from '../../table/model';

/** Codes of a column's length a scheme needs before its pass rate says anything. */
const MIN_CODES = 20;

/** Share of the column's values that must be codes of one length (digits once hyphens and spaces are removed). */
const MIN_CODE_SHARE = 0.8;

/** The form (value-patterns.ts) of a code: digit runs joined by hyphens or spaces, an ISSN's or ISBN-10's "X" at its end. */
const CODE_FORM = /^9(?:[- ]9)*a?$/;

/** How far below MIN_CODE_SHARE a sample's share of code forms may fall before the column is passed over unread. */
const SAMPLE_MARGIN = 0.05;

/** Digits a code needs to carry a check digit worth reading (see schemesOfLength). */
const MIN_CODE_DIGITS = 8;

/**
 * Whether a column may hold codes with a check digit, told from facts other rules share: a text column whose sampled
 * values are mostly in a code's form, an integer column whose values mostly have one width of eight digits or more.
 */
function mayHoldCodes(data: IngestResult, c: number): boolean {
  const kind = data.columns[c].kind;
  if (TEXT_KINDS.includes(kind)) {
    const sample = samplePatterns(data, c);
    if (sample.freeText) return false;
    let codes = 0;
    for (const [form, rows] of sample.levels.form.rows) if (CODE_FORM.test(form)) codes += rows;
    return codes >= (MIN_CODE_SHARE - (sample.sampled ? SAMPLE_MARGIN : 0)) * sample.present || mayHoldVins(data, c);
  }
  if (kind !== 'integer') return false;
  const widths = codeWidths(data, c);
  return widths.dominant >= MIN_CODE_DIGITS && widths.dominantRows >= MIN_CODE_SHARE * widths.present;
}

/** Distinct values read to tell a column of VINs. */
const VIN_SAMPLE = 200;

/** Whether a text column's first distinct values are mostly VINs' 17 letters and digits (MIN_CODE_SHARE of their rows). */
function mayHoldVins(data: IngestResult, c: number): boolean {
  const distinct = distinctValues(data, c);
  let [vins, rows] = [0, 0];
  for (let id = 0; id < Math.min(distinct.size, VIN_SAMPLE); id++) {
    rows += distinct.counts[id];
    if (codeDigits(distinct.text(id))?.length === 17) vins += distinct.counts[id];
  }
  return rows > 0 && vins >= MIN_CODE_SHARE * rows;
}

/** A column's distinct values as written, their codes ({@link codeDigits}) and rows, and the rows holding some of them. */
interface WrittenValues {
  texts: string[];
  codes: (string | undefined)[];
  counts: number[];
  /** The rows holding the values at `wanted`, in row order, each with its value's index. */
  cellsOf: (wanted: ReadonlySet<number>) => { row: number; k: number }[];
}

/** The distinct values of a text or integer column as written ("0028-0836"; an integer's digits). */
function writtenValues(data: IngestResult, c: number): WrittenValues | undefined {
  const kind = data.columns[c].kind;
  const of = (texts: string[], counts: number[], cellsOf: WrittenValues['cellsOf']) => ({ texts, codes: texts.map(codeDigits), counts, cellsOf });
  if (TEXT_KINDS.includes(kind)) {
    const distinct = distinctValues(data, c);
    return of(Array.from({ length: distinct.size }, (_, id) => distinct.text(id)), Array.from(distinct.counts.subarray(0, distinct.size)), (wanted) => {
      const cells: { row: number; k: number }[] = [];
      eachMappedRow(distinct, new Map([...wanted].map((k) => [k, k])), (row, k) => cells.push({ row, k }));
      return cells;
    });
  }
  if (kind !== 'integer') return undefined;
  const runs = sortedRuns(data, c);
  const values = Array.from(runs.values);
  return of(values.map((v) => String(v)), Array.from(runs.counts), (wanted) => {
    const byValue = new Map([...wanted].map((k) => [values[k], k]));
    const cells: { row: number; k: number }[] = [];
    numericColumn(data, c).forEach((v, row) => {
      const k = byValue.get(v);
      if (k !== undefined) cells.push({ row, k });
    });
    return cells;
  });
}

/** The scheme a column's codes follow: of its most common code length, the scheme most of them pass, with the counts. */
function columnScheme(values: WrittenValues, minShare: number): { scheme: CheckDigitScheme; length: number; codes: number; passing: number } | undefined {
  const byLength = new Map<number, number>();
  let present = 0;
  values.codes.forEach((code, k) => {
    present += values.counts[k];
    if (code) byLength.set(code.length, (byLength.get(code.length) ?? 0) + values.counts[k]);
  });
  const [length, codes] = [...byLength].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0]);
  if (codes < MIN_CODES || codes < MIN_CODE_SHARE * present) return undefined;
  // Codes of letters and digits (VINs), where most of that length hold a letter.
  let lettered = 0;
  values.codes.forEach((code, k) => {
    if (code?.length === length && /[A-Z]/.test(code)) lettered += values.counts[k];
  });
  let best: { scheme: CheckDigitScheme; length: number; codes: number; passing: number } | undefined;
  for (const scheme of schemesOfLength(length, 2 * lettered > codes)) {
    let passing = 0;
    values.codes.forEach((code, k) => {
      if (code?.length === length && passesCheck(scheme, code)) passing += values.counts[k];
    });
    if (!best || passing > best.passing) best = { scheme, length, codes, passing };
  }
  return best && best.passing >= MIN_CODES && best.passing >= minShare * best.codes ? best : undefined;
}

export const checkDigit = defineRule({
  id: 'check-digit',
  title: 'Wrong check digit',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: { minShare: 0.9 },
  description: 'A code whose check digit is wrong in a column whose codes carry one: an ISSN, ISBN, EAN or UPC, a card number (Luhn) or a VIN with a character mistyped or two swapped.',
  docs: `ISSNs, ISBNs, EAN and UPC barcodes (GTIN) and payment card numbers end in a check digit computed from the
others (a VIN holds one as its ninth character), so that a mistyped digit or two neighbours swapped are caught. A code that fails it is wrong somewhere, though
every other check sees a code of the right shape: a journal or product that is not the one meant, a join that finds
nothing.

Where at least 80% of a text or integer column's values are codes of one length (digits once hyphens and spaces are
removed, an ISSN's or ISBN-10's final "X" kept), at least 20 of them, and \`minShare\` (90%) of those pass one scheme —
ISSN (8 characters) and ISBN-10 (10: mod 11), GTIN (8, 12, 13 or 14 digits: mod 10, weights 3 and 1) or Luhn (8 digits
or more) — each code of that length that fails it is reported. A column of numbers that merely have that many digits
passes about one in ten: it is never taken for codes. Vehicle identification numbers are read too: where 80% of a
text column's values (its first 200 distinct ones) are 17 letters and digits, and 90% of those pass ISO 3779's check
(the ninth character, mod 11 with letters read as digits, as North America requires it), a VIN that fails it is
reported; VINs issued elsewhere carry no check (about one in eleven pass) and are not read so.

The evidence: the scheme, the check digit the code's other digits give, and how many of the column's codes pass.

**Fix**: look the code up at its source; the check digit says a digit is wrong, not which. Accept the value where the
code is right as issued (a few early ISSNs were).`,
  check({ data, options, report, isIgnored, isAccepted }) {
    data.columns.forEach((column, c) => {
      if (isIgnored(c) || !mayHoldCodes(data, c)) return;
      const values = writtenValues(data, c);
      if (!values) return;
      const found = columnScheme(values, options.minShare);
      if (!found || found.passing === found.codes) return;
      const { scheme, length, codes, passing } = found;
      const failing = new Set<number>();
      values.codes.forEach((code, k) => {
        if (code?.length === length && !passesCheck(scheme, code) && !isAccepted(c, values.texts[k])) failing.add(k);
      });
      for (const { row: r, k } of values.cellsOf(failing)) {
        const value = values.texts[k];
        const code = values.codes[k] ?? value;
        const check = expectedCheck(scheme, code);
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { scheme, ...(check === undefined ? {} : { expectedCheck: check }), passing, codes },
          message:
            `"${value}" in column "${column.name}" fails the ${scheme} check digit${check === undefined ? '' : ` (its other ${scheme === 'VIN' ? 'characters' : 'digits'} give ${check}, not ${code[checkIndex(scheme, code)]})`}, ` +
            `which ${groupedInteger(passing)} of the column's ${groupedInteger(codes)} codes pass: a digit is mistyped or two are swapped.`,
        });
      }
    });
  },
});
