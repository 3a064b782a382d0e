import * as z from 'zod/mini';
import { defineStep, eachPresent, mapColumns, py } from '../step';
import { convertUnit, isMissing, numberText, parseFormattedNumber, plainNumber, type DecimalMark, type FormattedNumber } from '../values';
import { columnList, listed, nameList } from './options';
import { POINT_GROUPED, WrittenNumberTally, columnDecimalMark, commaCountsOf, fileDecimalMark, parseWrittenNumber, type CommaCounts } from '../../ingest/written-number';
import { middleOf, unitConversion } from '../../shared/unit-factors';
import { mulberry32 } from '../../shared/random';

const columnParameters = z.object({
  decimal: z.enum(['.', ',']).check(z.describe('Decimal mark of the formatted values.')),
  unit: z.nullable(z.string()).check(z.describe('Unit (or currency) the numbers are written in: values in other units of the same family are converted to it.')),
  percent: z.enum(['fraction', 'number']).check(z.describe('"45%" becomes 0.45 (fraction) or 45 (number).')),
  keep: z.optional(z.array(z.string())).check(
    z.describe('Units whose numbers are written as they stand, not converted: written onto numbers not in them ("7 kg" among days of the month), or all of them where the unit written most is off the plain numbers\' scale.'),
  ),
});
type ColumnParameters = z.infer<typeof columnParameters>;

/**
 * The number a cell stands for under `p`, or null (plain numbers are left as written, as the reader reads them,
 * but for points grouping thousands in a column of decimal commas: "1.234" is 1234 there). A decimal comma where
 * only it can be meant ("57,38") is one in a column of points too.
 */
function normalizedText(cell: string, p: ColumnParameters): string | null {
  if (plainNumber(cell) !== null && !(p.decimal === ',' && POINT_GROUPED.test(cell.trim()))) return null;
  const parsed: FormattedNumber | null = parseFormattedNumber(cell, p.decimal) ?? (p.decimal === '.' && parseWrittenNumber(cell)?.decimalComma ? parseFormattedNumber(cell, ',') : null);
  if (!parsed) return null;
  const value = convertUnit(parsed, p.unit, p.percent, p.keep);
  return value === null ? null : numberText(value);
}

/** Values a middle value is taken from, at most (a seeded reservoir: the same file gives the same sample). */
const SAMPLE_SIZE = 1001;

/** A bounded, reproducible sample of numbers and its middle value. */
class MiddleSample {
  private readonly values: number[] = [];
  private seen = 0;
  private readonly random = mulberry32(0x6d2b79f5);

  add(value: number): void {
    this.seen++;
    if (this.values.length < SAMPLE_SIZE) this.values.push(value);
    else {
      const slot = Math.floor(this.random() * this.seen);
      if (slot < SAMPLE_SIZE) this.values[slot] = value;
    }
  }

  middle(): number {
    return middleOf(this.values);
  }
}

/** What the fit counts for one column. */
class NumberFormats {
  plain = 0;
  /** Plain numbers between 0 and 1 (a column of fractions: percents become fractions). */
  unitInterval = 0;
  percents = 0;
  readonly formatted: Record<DecimalMark, number> = { '.': 0, ',': 0 };
  readonly units: Record<DecimalMark, Map<string, number>> = { '.': new Map(), ',': new Map() };
  /** The plain numbers' and each unit's numbers' middle values (the scale test of unitConversion). */
  private readonly plainValues = new MiddleSample();
  private readonly unitValues: Record<DecimalMark, Map<string, MiddleSample>> = { '.': new Map(), ',': new Map() };
  /** The written numbers counted by form as the reader counts them, and plain numbers with a point: the reader's decimal mark. */
  private readonly written = new WrittenNumberTally();
  private pointed = 0;

  add(cell: string): void {
    const plain = plainNumber(cell);
    if (plain !== null) {
      this.plain++;
      this.plainValues.add(plain);
      if (plain >= 0 && plain <= 1) this.unitInterval++;
      if (cell.includes('.')) this.pointed++;
    } else {
      const written = parseWrittenNumber(cell);
      if (written) this.written.add(written, cell);
    }
    for (const decimal of ['.', ','] as const) {
      if (decimal === '.' && plain !== null) continue;
      const parsed = parseFormattedNumber(cell, decimal);
      if (!parsed) continue;
      this.formatted[decimal]++;
      if (decimal === '.' && parsed.percent) this.percents++;
      if (parsed.unit !== null) {
        this.units[decimal].set(parsed.unit, (this.units[decimal].get(parsed.unit) ?? 0) + 1);
        const sample = this.unitValues[decimal].get(parsed.unit) ?? new MiddleSample();
        sample.add(parsed.value);
        this.unitValues[decimal].set(parsed.unit, sample);
      }
    }
  }

  /** How the cells write commas and points (see columnDecimalMark). */
  commas(): CommaCounts {
    return commaCountsOf(this.written.forms.values(), this.pointed);
  }

  /** The column's parameters; `fileMark`: the decimal mark of the step's columns together (as the reader decides a file's). */
  decide(options: { decimal: 'auto' | DecimalMark; percent: 'auto' | 'fraction' | 'number' }, fileMark: DecimalMark | undefined): ColumnParameters {
    // The decimal mark as the reader decides it: a comma where numbers written with one where only it can be
    // meant ("3,5", "0,855") outnumber those with a point, none writing a comma for thousands; "8,536" then is 8.536.
    const decimal: DecimalMark = options.decimal !== 'auto' ? options.decimal : columnDecimalMark(this.commas(), fileMark).decimalComma ? ',' : '.';
    let unit: string | null = null;
    let best = 0;
    for (const [u, count] of this.units[decimal]) {
      if (count > best || (count === best && unit !== null && u < unit)) {
        unit = u;
        best = count;
      }
    }
    const percent = options.percent !== 'auto' ? options.percent : this.percents > 0 && this.plain > 0 && this.unitInterval >= 0.9 * this.plain ? 'fraction' : 'number';
    // Among plain numbers, units are converted only where that brings them to the plain numbers' scale (as number-format's fix).
    const units = [...this.units[decimal]].map(([u, count]) => ({ unit: u, count, middle: this.unitValues[decimal].get(u)?.middle() ?? NaN }));
    const decided = unitConversion(units, this.plain, this.plainValues.middle());
    const keep = decided ? units.map((u) => u.unit).filter((u) => u !== decided.target && !decided.convert.has(u)).sort() : [];
    // The unit of the plain numbers where the scale names one, else the one written most.
    return { decimal, unit: decided?.target ?? unit, percent, ...(keep.length ? { keep } : {}) };
  }
}

export const normalizeNumbers = defineStep({
  id: 'normalize-numbers',
  title: 'Normalize number formats',
  description:
    'Turns numbers written with thousands separators, currency, percent signs, units or accounting parentheses ("$1,200", "45%", "16 oz", "(12)") into plain numbers; values in other units of the same family (g/kg/lb/oz, mm/cm/m/in/ft, ml/l, s/min/h) are converted to the column\'s most common unit, among plain numbers only where that brings them to the plain numbers\' scale.',
  options: z.object({
    columns: columnList,
    percent: z._default(z.enum(['auto', 'fraction', 'number']), 'auto').check(z.describe('"auto": fractions when the column\'s plain numbers lie between 0 and 1.')),
    decimal: z._default(z.enum(['auto', '.', ',']), 'auto').check(z.describe('Decimal mark; "auto" decides as the reader does: "," where values written with a decimal comma only it can mean ("3,5", "0,855") outnumber those with a point and none groups thousands with a comma.')),
  }),
  fitted: z.object({ columns: z.record(z.string(), columnParameters) }),
  columns: listed,
  fit(options, _schema, context) {
    const formats = new Map(options.columns.map((c) => [c, new NumberFormats()]));
    return {
      add: (frame) => eachPresent(frame, formats.keys(), context.naTokens, (name, text) => formats.get(name)!.add(text)),
      finish: () => {
        const fileMark = fileDecimalMark([...formats.values()].map((counts) => counts.commas()));
        return { columns: Object.fromEntries([...formats].map(([name, counts]) => [name, counts.decide(options, fileMark)])) };
      },
    };
  },
  schema: (input, options) => input.map((c) => (options.columns.includes(c.name) ? { name: c.name, kind: 'float' as const } : c)),
  apply(frame, options, learned, context) {
    return mapColumns(frame, options.columns, (cell, column) => {
      const p = learned?.columns[column];
      if (!p || isMissing(cell, context.naTokens)) return undefined;
      return normalizedText(cell!, p) ?? undefined;
    });
  },
  pandas(options, learned) {
    return {
      lines: options.columns.map((c) => {
        const p = learned?.columns[c];
        return p ? `df[${py(c)}] = df[${py(c)}].map(lambda s: normalize_number(s, ${py(p.decimal)}, ${py(p.unit)}, ${py(p.percent)}, ${py(p.keep ?? [])}))` : `# ${c}: nothing learned`;
      }),
      helpers: ['normalize_number'],
    };
  },
  summary: (options) => `Normalize number formats in ${nameList(options.columns)}`,
});
