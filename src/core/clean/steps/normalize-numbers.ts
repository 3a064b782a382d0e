import * as z from 'zod/mini';
import { defineStep, eachPresent, mapColumns, py } from '../step';
import { convertUnit, isMissing, numberText, parseFormattedNumber, plainNumber, type DecimalMark, type FormattedNumber } from '../values';
import { columnList, listed, nameList } from './options';

const columnParameters = z.object({
  decimal: z.enum(['.', ',']).check(z.describe('Decimal mark of the formatted values.')),
  unit: z.nullable(z.string()).check(z.describe('Unit (or currency) the numbers are written in: values in other units of the same family are converted to it.')),
  percent: z.enum(['fraction', 'number']).check(z.describe('"45%" becomes 0.45 (fraction) or 45 (number).')),
});
type ColumnParameters = z.infer<typeof columnParameters>;

/** The number a cell stands for under `p`, or null (plain numbers in the column's unit are left as written). */
function normalizedText(cell: string, p: ColumnParameters): string | null {
  const formatted = (): FormattedNumber | null => parseFormattedNumber(cell, p.decimal);
  if (p.decimal === '.' && plainNumber(cell) !== null) return null;
  const parsed = formatted();
  if (!parsed) return null;
  const value = convertUnit(parsed, p.unit, p.percent);
  return value === null ? null : numberText(value);
}

/** What the fit counts for one column. */
class NumberFormats {
  plain = 0;
  /** Plain numbers between 0 and 1 (a column of fractions: percents become fractions). */
  unitInterval = 0;
  percents = 0;
  readonly formatted: Record<DecimalMark, number> = { '.': 0, ',': 0 };
  readonly units: Record<DecimalMark, Map<string, number>> = { '.': new Map(), ',': new Map() };

  add(cell: string): void {
    const plain = plainNumber(cell);
    if (plain !== null) {
      this.plain++;
      if (plain >= 0 && plain <= 1) this.unitInterval++;
    }
    for (const decimal of ['.', ','] as const) {
      if (decimal === '.' && plain !== null) continue;
      const parsed = parseFormattedNumber(cell, decimal);
      if (!parsed) continue;
      this.formatted[decimal]++;
      if (decimal === '.' && parsed.percent) this.percents++;
      if (parsed.unit !== null) this.units[decimal].set(parsed.unit, (this.units[decimal].get(parsed.unit) ?? 0) + 1);
    }
  }

  decide(options: { decimal: 'auto' | DecimalMark; percent: 'auto' | 'fraction' | 'number' }): ColumnParameters {
    // A decimal comma wins only when more values read as numbers with it ("3,5") than with a point.
    const decimal: DecimalMark = options.decimal !== 'auto' ? options.decimal : this.formatted[','] > this.formatted['.'] + this.plain ? ',' : '.';
    let unit: string | null = null;
    let best = 0;
    for (const [u, count] of this.units[decimal]) {
      if (count > best || (count === best && unit !== null && u < unit)) {
        unit = u;
        best = count;
      }
    }
    const percent = options.percent !== 'auto' ? options.percent : this.percents > 0 && this.plain > 0 && this.unitInterval >= 0.9 * this.plain ? 'fraction' : 'number';
    return { decimal, unit, percent };
  }
}

export const normalizeNumbers = defineStep({
  id: 'normalize-numbers',
  title: 'Normalize number formats',
  description:
    'Turns numbers written with thousands separators, currency, percent signs, units or accounting parentheses ("$1,200", "45%", "16 oz", "(12)") into plain numbers; values in other units of the same family (g/kg/lb/oz, mm/cm/m/in/ft, ml/l, s/min/h) are converted to the column\'s most common unit.',
  options: z.object({
    columns: columnList,
    percent: z._default(z.enum(['auto', 'fraction', 'number']), 'auto').check(z.describe('"auto": fractions when the column\'s plain numbers lie between 0 and 1.')),
    decimal: z._default(z.enum(['auto', '.', ',']), 'auto').check(z.describe('Decimal mark; "auto" picks "," only when more values read as numbers with it.')),
  }),
  fitted: z.object({ columns: z.record(z.string(), columnParameters) }),
  columns: listed,
  fit(options, _schema, context) {
    const formats = new Map(options.columns.map((c) => [c, new NumberFormats()]));
    return {
      add: (frame) => eachPresent(frame, formats.keys(), context.naTokens, (name, text) => formats.get(name)!.add(text)),
      finish: () => ({ columns: Object.fromEntries([...formats].map(([name, counts]) => [name, counts.decide(options)])) }),
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
        return p ? `df[${py(c)}] = df[${py(c)}].map(lambda s: normalize_number(s, ${py(p.decimal)}, ${py(p.unit)}, ${py(p.percent)}))` : `# ${c}: nothing learned`;
      }),
      helpers: ['normalize_number'],
    };
  },
  summary: (options) => `Normalize number formats in ${nameList(options.columns)}`,
});
