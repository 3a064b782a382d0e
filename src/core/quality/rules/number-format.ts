import { defineRule } from '../rule';
import type { ColumnInfo, IngestResult, NumberFormat, RawCell } from '../../table/model';
import { isNumeric, nullCount, numericColumn, replaceCellFix, sortedColumn } from '../column-values';
import { convertBetweenUnits, middleOf, unitConversion } from '../../shared/unit-factors';
import { compatibleUnits, describeForm, formKey, inUnit, isVariantForm, parseWrittenNumber, unitAfterNumber, unitKey, writeInForm, type WrittenNumber } from '../../ingest/written-number';

/** A cell as written in a column of `format`: the number with its unit, or a plain number (decimals counted from the text). */
function writtenOf(text: string, format: NumberFormat | undefined): WrittenNumber {
  const written = parseWrittenNumber(text, format?.decimalComma);
  if (written) return written;
  const trimmed = text.trim();
  const point = trimmed.indexOf('.');
  return { value: Number(trimmed), prefix: '', suffix: '', unit: '', grouped: false, decimals: point < 0 ? 0 : trimmed.length - point - 1, decimalComma: false };
}

/** Whether a cell a numeric column rejected is a number in another unit than the column's (reported here, not as a type mismatch). */
export function isNumberInOtherUnit(text: string, column: ColumnInfo): boolean {
  const written = parseWrittenNumber(text, column.numberFormat?.decimalComma);
  return written !== null && !compatibleUnits(written.unit, column.numberFormat?.unit ?? '');
}

const percent = (share: number) => `${Math.floor(share * 100)}%`;
const shown = (value: number) => String(Number(value.toPrecision(12)));

/**
 * How a cell's number was read, in words, when its percent sign (or its lack of one) was weighed against the
 * column's scale (`median`: the median of its values).
 */
function scaleNote(written: WrittenNumber, value: number, columnUnit: string, median: number): string {
  if (written.unit === '%' && columnUnit !== '%') {
    return value === written.value
      ? ` (not ${shown(written.value / 100)}: the column's values are about ${shown(median)}, so the percent sign is extra)`
      : ` (${shown(written.value)}% of 1: the column holds fractions, about ${shown(median)})`;
  }
  if (written.unit !== '%' && columnUnit === '%') {
    return value === written.value ? ' (a percent without its sign)' : ` (${shown(written.value)} is a fraction; the column holds percents)`;
  }
  return '';
}

/** How a cell's decimal mark was read, in words, where it is not its column's ("3,5" among "2.5"). */
function markNote(written: WrittenNumber, format: NumberFormat | undefined): string {
  if (written.accounting && !format?.accounting) return ' (parentheses: a negative amount, as accounts write it)';
  if (written.unicodeMinus) return ' (a typographic minus sign, "−", which other tools read as text)';
  if (written.decimals === 0 || written.decimalComma === (format?.decimalComma === true)) return '';
  return written.decimalComma ? ' (its comma is a decimal comma)' : ' (its point is a decimal point; the column writes decimal commas)';
}

/** The forms of the values accepted in a column (their cells are not reported: the form is fine there). */
function acceptedForms(values: ReadonlySet<string>, format: NumberFormat | undefined): Set<string> {
  const forms = new Set<string>();
  for (const value of values) forms.add(formKey(writtenOf(value, format)));
  return forms;
}

/** Numbers of a column in units of its family to convert to the unit its other numbers with a unit are in. */
interface Conversion {
  /** The unit written most (ties: the first by name) among those on the column's scale. */
  target: string;
  /** A cell written in it. */
  example: string;
  /** The other units whose numbers, converted, come to the column's scale. */
  units: Set<string>;
}

/**
 * Where a column without a unit of its own holds numbers written in several units of one family ("64.9 kg" and
 * "146 lbs" among plain numbers), which to convert and to which unit ({@link unitConversion}, as the cleaning step
 * decides): `plain` numbers written plainly, `median` the column's middle value.
 */
function conversionOf(cells: readonly RawCell[], format: NumberFormat | undefined, plain: number, median: number): Conversion | undefined {
  if (format?.unit) return undefined;
  const byUnit = new Map<string, { values: number[]; example: string }>();
  for (const cell of cells) {
    const written = writtenOf(cell.text, format);
    if (!written.unit || written.unit === '%') continue;
    const unit = byUnit.get(written.unit) ?? { values: [], example: cell.text };
    unit.values.push(written.value);
    byUnit.set(written.unit, unit);
  }
  const decided = unitConversion([...byUnit].map(([unit, { values }]) => ({ unit, count: values.length, middle: middleOf(values) })), plain, median);
  const target = decided?.target;
  return target && decided.convert.size ? { target, example: byUnit.get(target)?.example ?? target, units: decided.convert } : undefined;
}

/** Decimals a number shows in its shortest form (0 for a whole number). */
const decimalsOf = (value: number) => (/\.(\d+)$/.exec(String(value))?.[1].length ?? 0);

/** `value` with as many significant digits as `written` shows (at least three). */
function likeWritten(value: number, written: WrittenNumber): number {
  const digits = String(Math.abs(written.value)).replace(/^0\.?0*|\./g, '').length;
  return Number(value.toPrecision(Math.min(15, Math.max(3, digits))));
}

function byColumn(cells: readonly RawCell[]): Map<number, RawCell[]> {
  const out = new Map<number, RawCell[]>();
  for (const cell of cells) {
    const list = out.get(cell.column);
    if (list) list.push(cell);
    else out.set(cell.column, [cell]);
  }
  return out;
}

/** Present (non-null) cells of a column, the variant cells (which were read) included. */
function presentCount(data: IngestResult, column: number): number {
  return data.table.numRows - nullCount(data, column);
}

export const numberFormat = defineRule({
  id: 'number-format',
  title: 'Number written in another form',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description: 'A number written unlike the rest of its column: another spelling of the unit ("16 OZ." among "16 oz"), a unit, percent sign or currency where the column has none (or none where it has one), thousands separators, a decimal comma among points.',
  docs: `Catalogues merged from several sources write one quantity several ways: "12.0", "16 oz", "16.0 ounce",
"16 OZ."; "0.05" next to "0.07%"; "$1,234" next to "1234". Most tools then read the whole column as text,
and a model loses the feature or sees each spelling as a category of its own.

Dataset Inspector reads such a column as numbers: each cell's number, its unit (spellings of one unit are
one unit: oz, OZ., ounce, ounces), and its form (the text around the number). Bare numbers are the column's
form wherever they are a tenth of its values or more, even where most cells carry a unit ("12.0 oz" in 60% of
the rows, "12.0" in the others: two sources merged): a number's own form is plain, and the cells to normalize
are those written with more than their number. Only where nearly every value carries a unit, percent sign or
currency is that form the column's, and its bare numbers are the slips ("3504" among "3504 lbs"); thousands
separators likewise ("12,345" among "12345" is reported unless nearly every number of 1,000 or more has them). The column's
unit is recorded and shown in the profile. A cell in another form than the column's is reported, with the
column's form and its share in the message, and read as its number:

- a percent sign in a column of fractions: "7%" is 0.07, but "0.07%" among values like 0.05 is 0.07 (the sign
  is extra); a plain number in a column of percents likewise. The scale is the column's own (its median
  magnitude), and the message says which reading was chosen;
- a number in another unit than the column's ("3 kg" in a column of pounds) is not converted and not read: it
  is reported with both units;
- where a column of ten plain numbers or more writes some in several units of one family ("64.9 kg" and
  "146 lbs" among plain numbers), the unit written most among those on the scale of its plain numbers (their
  middle values within a factor 1.5) is theirs, and the numbers of another unit that conversion brings to that
  scale are reported with that unit and converted by the fix ("146 lbs" → 66.2; mass, length, volume, time), as the
  cleaning step that normalizes numbers converts them; a unit written onto numbers that are not in it ("7 kg" among
  days of the month) keeps its number as written;
- a decimal comma among decimal points ("57,38" among "46.37"), or a point in a column of decimal commas. A
  comma is read as a decimal comma where only it can be meant (fewer or more than three digits after it, "0,855",
  "1.234,56"); a column whose commas could be either ("8,536") reads them so when it, or the file's other
  columns, write such unambiguous decimal commas and no comma for thousands ("1,234,567"): a file written in
  much of Europe ("478,06;8,536") is read as numbers, not as text or as thousands;
- a negative amount written with a minus sign in a column that writes negatives in parentheses, as accounts
  do ("(1,234.50)": parentheses that outnumber the minus signs, beside more numbers without them), or in
  parentheses in a column of minus signs. Labels in parentheses ("(1)", "(2)") are not amounts;
- a typographic minus sign ("−3.5", U+2212, from tables copied from typeset pages): read as the negative number,
  always reported, since pandas, Excel and most readers take it for text;
- a score written out of its scale ("7.5/10" among "7.5"; scales of 5, 10 and 100, as ratings use: "3/4" stays
  a fraction) or plain scores in a column written so: the scale is the column's unit ("out of 10");
- a duration in hours and minutes ("1 hr. 49 min.", "1h 49m") in a column written in minutes ("109 min"): read
  as its minutes (109). A column of plain numbers does not read them (its unit is not known to be minutes), and
  hours and minutes are never a column's own form.

**Fix**: the quick fix "Normalize to the number" writes the number in the column's form ("16" in a column of
plain numbers, "3504 lbs" in one that writes lbs); "fix all" does it for the whole file. If a form is fine in
a column, accept the value: cells written in that form are then not reported.

In a file checked in batches, the column's form is decided on the first batch.`,
  check({ data, report, isAccepted, acceptedValues }) {
    for (const [c, listed] of byColumn(data.variantCells)) {
      const column = data.columns[c];
      // A timestamp column's variants are timestamps written another way (mixed-date-format).
      if (!isNumeric(column)) continue;
      const format = column.numberFormat;
      // A number written in the column's form with white space around it is the whitespace rule's.
      const cells = listed.filter((cell) => cell.text.trim() === cell.text || isVariantForm(writtenOf(cell.text.trim(), format), format));
      if (cells.length === 0) continue;
      const accepted = acceptedForms(acceptedValues(c), format);
      const values = numericColumn(data, c);
      const median = sortedColumn(data, c).quantile(0.5);
      const present = presentCount(data, c);
      let acceptedCells = 0;
      const reported = cells.filter((cell) => {
        const ok = isAccepted(c, cell.text) || accepted.has(formKey(writtenOf(cell.text, format)));
        if (ok) acceptedCells++;
        return !ok;
      });
      const share = present > 0 ? (present - cells.length + acceptedCells) / present : 0;
      const unit = format?.unit ?? '';
      const unitPhrase = inUnit(format);
      const form = `${describeForm(format)}${unitPhrase && !(format?.prefix || format?.suffix) ? `, ${unitPhrase}` : ''}`;
      const label = unitAfterNumber(format);
      const integers = column.kind === 'integer';
      const conversion = conversionOf(reported, format, present - cells.length, median);
      for (const cell of reported) {
        const written = writtenOf(cell.text, format);
        const value = values[cell.row];
        // A number in a unit the column's other numbers are not in: converted to theirs.
        const inTarget = conversion?.units.has(written.unit) ? convertBetweenUnits(written.value, written.unit, conversion.target) : null;
        if (conversion && inTarget !== null) {
          const rounded = likeWritten(inTarget, written);
          const fixed = writeInForm(rounded, decimalsOf(rounded), format);
          report({
            row: cell.row,
            columnIndex: c,
            value: cell.text,
            evidence: { columnForm: form, columnShare: share, readAs: value, cellUnit: written.unit, columnUnit: conversion.target, converted: rounded },
            message:
              `"${cell.text}" is in ${written.unit}; column "${column.name}" writes its numbers with a unit in ${conversion.target} as often or more ` +
              `(like "${conversion.example}"), on the scale of its plain numbers: ${shown(written.value)} ${written.unit} is ${fixed} ${conversion.target}.`,
            fixes: () => {
              const fix = replaceCellFix(data, cell.row, c, { number: fixed }, `Convert to ${conversion.target}: "${fixed}"`);
              return fix ? [fix] : [];
            },
          });
          continue;
        }
        const converted = value !== written.value;
        const decimals = integers ? 0 : Math.max(0, written.decimals + (converted ? (written.unit === '%' ? 2 : -2) : 0));
        const normalized = writeInForm(value, decimals, format);
        const plainColumn = !format?.prefix && !format?.suffix;
        report({
          row: cell.row,
          columnIndex: c,
          value: cell.text,
          evidence: { columnForm: form, columnShare: share, readAs: value, ...(unit ? { unit } : {}), ...(converted ? { percentConverted: true } : {}) },
          message:
            (share >= 0.5
              ? `"${cell.text}" is written unlike column "${column.name}" (${percent(share)} of its values are ${form}); `
              : `"${cell.text}" is written with more than its number: column "${column.name}" writes ${percent(share)} of its values as ${form} (sources merged; a number's own form is plain); `) +
            `read as ${shown(value)}${label ? ` ${label}` : ''}${scaleNote(written, value, unit, median)}${markNote(written, format)}.`,
          fixes: () => {
            // A plain number is written as a number (bare in JSON Lines); a form with a unit or grouping as text.
            const fix = replaceCellFix(data, cell.row, c, plainColumn && !format?.grouped ? { number: normalized } : normalized, plainColumn ? `Normalize to the number: "${normalized}"` : `Write as the column does: "${normalized}"`);
            return fix ? [fix] : [];
          },
        });
      }
    }
    // Numbers in another unit than their column's: not read (no conversion), reported with both units.
    for (const cell of data.rejectedCells) {
      const column = data.columns[cell.column];
      if ((column.kind !== 'integer' && column.kind !== 'float') || !isNumberInOtherUnit(cell.text, column) || isAccepted(cell.column, cell.text)) continue;
      const written = writtenOf(cell.text, column.numberFormat);
      const cellUnit = written.suffix.trim() || written.prefix.trim();
      report({
        row: cell.row,
        columnIndex: cell.column,
        value: cell.text,
        evidence: { cellUnit: unitKey(cellUnit) ?? cellUnit, unit: column.numberFormat?.unit ?? '' },
        message: `"${cell.text}" is in ${cellUnit}, column "${column.name}" is ${inUnit(column.numberFormat) ?? ''}: it was not read (units are not converted).`,
      });
    }
  },
});
