/**
 * Class 1: format signatures. A few values of a column written in another shape than the rest: a unit
 * ("16 oz", "16.0 ounce", "16 OZ." among "12"; another spelling, or none, in a column of "3504 lbs"), a
 * percent sign ("0.07%" among "0.07"), thousands separators or a currency symbol, another date format, day
 * and month swapped (only where the swapped day exceeds 12, so the column's order settles it), a code that lost
 * its leading zeros ("2134" among "02134", as a spreadsheet writes it), a score out of its scale ("7.5/10" among
 * "7.5"), minutes in hours and minutes ("1 hr. 49 min." among "109").
 */
import { decimalsOf, isMeasure, parseNumber, type ColumnFacts } from '../columns';
import { parseDate, renderDate, swappedText, type DateFormat } from '../dates';
import { randomRow, type Injection, type Injector } from '../inject';

const UNIT_FAMILIES: { hint: RegExp; short: string; long: string; shout: string }[] = [
  { hint: /lbs|pound|weight/i, short: 'lbs', long: 'pounds', shout: 'LBS.' },
  { hint: /\(g\)|mass|gram/i, short: 'g', long: 'grams', shout: 'G.' },
  { hint: /\(mm\)|length|depth|precip/i, short: 'mm', long: 'millimeters', shout: 'MM.' },
  { hint: /speed|knots|wind/i, short: 'kts', long: 'knots', shout: 'KTS.' },
  { hint: /temp/i, short: '°C', long: 'degrees C', shout: 'DEG.' },
  { hint: /distance|miles/i, short: 'mi', long: 'miles', shout: 'MI.' },
  { hint: /minute|time|duration|delay/i, short: 'min', long: 'minutes', shout: 'MIN.' },
  { hint: /horsepower/i, short: 'hp', long: 'horsepower', shout: 'HP.' },
  { hint: /gallon|mpg/i, short: 'mpg', long: 'miles per gallon', shout: 'MPG.' },
  { hint: /latitude|longitude|^lat$|^lon$/i, short: '°', long: 'degrees', shout: 'DEG.' },
  { hint: /displacement/i, short: 'cu in', long: 'cubic inches', shout: 'CU.IN.' },
];
const GENERIC_UNITS = [
  { short: 'oz', long: 'ounce', shout: 'OZ.' },
  { short: 'kg', long: 'kilograms', shout: 'KG.' },
  { short: 'cm', long: 'centimeters', shout: 'CM.' },
];
const MONEY = /gross|cost|price|budget|wage|sales|income|receipt|revenue|salary|dollar|usd|\$|total|loan|cash|disburse|contribution|open|close|high|low/i;
const PERCENT_NAME = /pct|perc|percent|rate|share/i;
/** Ratings, which another catalogue writes out of their scale ("7.5/10"). */
const SCORE_NAME = /rating|stars/i;
/** Running times, delays: in minutes, which another catalogue writes in hours and minutes ("1 hr. 49 min."). */
const MINUTES_NAME = /minute|running time|duration|runtime|\bmin\b/i;
const DATE_FORMATS: DateFormat[] = ['iso', 'ymd-slash', 'mdy', 'dmy', 'mon-d-y', 'd-mon-y', 'mon-d-comma-y', 'ymd-compact', 'dmy-dot'];
/** Formats that write the same date with day and month in the other order (the swap variant covers them). */
const MIRROR: Partial<Record<DateFormat, DateFormat>> = { mdy: 'dmy', dmy: 'mdy', iso: 'iso-t', 'iso-t': 'iso' };
const UNIT_TEXT = /^(-?\d+(?:\.\d+)?) ?([^\d\s].*)$/;
/** Digits led by a zero ("02134"). */
const PADDED_CODE = /^0\d+$/;

const withDecimal = (t: string) => (t.includes('.') ? t : `${t}.0`);
const withThousands = (t: string) => {
  const [int, frac] = t.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const grouped = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
};

/** The scale a score column is written out of (5, 10 or 100, the least above its values), if its name says score. */
function scaleOf(facts: ColumnFacts): number | undefined {
  if (!SCORE_NAME.test(facts.name) || facts.min < 0) return undefined;
  return [5, 10, 100].find((scale) => facts.max <= scale && facts.max > scale / 10);
}

/** A whole number of minutes of an hour or more in hours and minutes, as one catalogue's spellings write it. */
function hoursMinutes(t: string, ctx: Injection): string | undefined {
  const minutes = parseNumber(t);
  if (!Number.isInteger(minutes) || minutes < 60) return undefined;
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  return ctx.rng.pick([`${h} hr. ${m} min.`, `${h} hr ${m} min`, `${h}h ${m}m`]);
}

/** Produces the dirty text of a cell for one variant, or undefined when that cell does not suit it. */
export type Rewrite = (text: string, ctx: Injection) => string | undefined;

interface Target {
  column: number;
  variant: string;
  weight: number;
  rewrite: Rewrite;
}

/** The dominant "number unit" suffix of a text column, when at least 95% of its values are written so. */
function unitOfTextColumn(facts: ColumnFacts): string | undefined {
  const units = new Map<string, number>();
  let total = 0;
  for (const [v, n] of facts.counts) {
    total += n;
    const m = UNIT_TEXT.exec(v);
    if (m) units.set(m[2], (units.get(m[2]) ?? 0) + n);
  }
  const [unit, n] = [...units].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return n >= 0.95 * total ? unit : undefined;
}

function targetsOf(facts: ColumnFacts): Target[] {
  const column = facts.index;
  const targets: Target[] = [];
  const add = (variant: string, weight: number, rewrite: Rewrite) => targets.push({ column, variant, weight, rewrite });
  // Codes written with leading zeros (zip codes "02134", county codes "01001"): a spreadsheet drops the zeros.
  let padded = 0;
  for (const value of facts.counts.keys()) if (PADDED_CODE.test(value)) padded++;
  if (padded >= 2) add('lost-zero', 2, (t) => (PADDED_CODE.test(t) ? t.replace(/^0+(?=\d)/, '') : undefined));
  if (isMeasure(facts)) {
    const family = UNIT_FAMILIES.find((f) => f.hint.test(facts.name));
    add('unit', 2, (t, ctx) => {
      const unit = family ?? ctx.rng.pick(GENERIC_UNITS);
      return ctx.rng.pick([`${t} ${unit.short}`, `${t}${unit.short}`, `${withDecimal(t)} ${unit.long}`, `${t} ${unit.shout}`]);
    });
    if (facts.min >= 0 && facts.max <= 1 && !facts.integer) {
      add('percent-sign', 2, (t) => `${t}%`);
      add('percent-converted', 1, (t) => `${Number((parseNumber(t) * 100).toFixed(Math.max(0, decimalsOf(t) - 2)))}%`);
    } else if (facts.min >= 0 && facts.max <= 100 && PERCENT_NAME.test(facts.name)) add('percent-sign', 2, (t) => `${t}%`);
    const scale = scaleOf(facts);
    if (scale !== undefined) add('scale', 1.5, (t) => `${t}/${scale}`);
    if (MINUTES_NAME.test(facts.name) && facts.integer) add('hours-minutes', 1.5, hoursMinutes);
    if (Math.max(Math.abs(facts.min), Math.abs(facts.max)) >= 1000) add('thousands', 1.5, (t) => (Math.abs(parseNumber(t)) >= 1000 ? withThousands(t) : undefined));
    if (MONEY.test(facts.name) && facts.min >= 0)
      add('currency', 1.5, (t, ctx) => ctx.rng.pick([`$${withThousands(t)}`, `$${t}`, `${t} USD`, `USD ${t}`, `US$${t}`]));
  } else if (facts.kind === 'text') {
    const unit = unitOfTextColumn(facts);
    if (unit !== undefined && unit !== '%') {
      const family = [...UNIT_FAMILIES, ...GENERIC_UNITS].find((f) => f.short === unit);
      add('unit-spelling', 2, (t, ctx) => {
        const m = UNIT_TEXT.exec(t);
        if (!m) return undefined;
        return ctx.rng.pick([`${m[1]} ${family?.long ?? `${unit}s`}`, `${m[1]}${unit}`, `${m[1]} ${family?.shout ?? `${unit.toUpperCase()}.`}`, `${withDecimal(m[1])} ${unit}`]);
      });
      add('unit-missing', 1, (t) => UNIT_TEXT.exec(t)?.[1]);
    }
    if (unit === '%') {
      add('percent-missing', 1.5, (t) => UNIT_TEXT.exec(t)?.[1]);
      add('percent-as-fraction', 1.5, (t) => {
        const m = UNIT_TEXT.exec(t);
        return m ? String(Number((Number(m[1]) / 100).toFixed(decimalsOf(m[1]) + 2))) : undefined;
      });
    }
  } else if (facts.kind === 'date' && facts.dateFormat !== undefined) {
    const own = facts.dateFormat;
    const others = DATE_FORMATS.filter((f) => f !== own && f !== MIRROR[own]);
    add('date-format', 3, (t, ctx) => {
      const parts = parseDate(t, own);
      if (!parts) return undefined;
      const format = ctx.rng.pick(parts.time ? others.filter((f) => f !== 'ymd-compact') : others);
      return renderDate(parts, format);
    });
    add('swap-day-month', 1.5, (t) => {
      const parts = parseDate(t, own);
      return parts && parts.d > 12 ? swappedText(parts, own) : undefined;
    });
  }
  return targets;
}

/**
 * How a source writes a whole measure column another way, for the heavy-format copy (a catalogue merged
 * from several sources): its unit in the spellings of one family ("16 oz", "16oz", "16.0 ounce", "16 OZ."),
 * percent signs on fractions ("0.07%", "7%"), or a currency ("$1,234", "1234 USD"). Undefined for a column
 * that is not a measure.
 */
export function heavyFormatOf(facts: ColumnFacts): { family: string; rewrite: Rewrite } | undefined {
  if (!isMeasure(facts)) return undefined;
  if (facts.min >= 0 && facts.max <= 1 && !facts.integer) {
    return { family: 'percent', rewrite: (t, ctx) => (ctx.rng.chance(0.5) ? `${t}%` : `${Number((parseNumber(t) * 100).toFixed(Math.max(0, decimalsOf(t) - 2)))}%`) };
  }
  if (MONEY.test(facts.name) && facts.min >= 0) return { family: 'currency', rewrite: (t, ctx) => ctx.rng.pick([`$${withThousands(t)}`, `$${t}`, `${t} USD`]) };
  const scale = scaleOf(facts);
  if (scale !== undefined) return { family: 'scale', rewrite: (t) => `${t}/${scale}` };
  if (MINUTES_NAME.test(facts.name) && facts.integer) {
    // Minutes with their unit, and in hours and minutes (a second catalogue's running times).
    return { family: 'unit min', rewrite: (t, ctx) => (ctx.rng.chance(0.5) ? hoursMinutes(t, ctx) : undefined) ?? ctx.rng.pick([`${t} min`, `${t}min`, `${t} minutes`]) };
  }
  const unit = UNIT_FAMILIES.find((f) => f.hint.test(facts.name)) ?? GENERIC_UNITS[facts.index % GENERIC_UNITS.length];
  return { family: `unit ${unit.short}`, rewrite: (t, ctx) => ctx.rng.pick([`${t} ${unit.short}`, `${t}${unit.short}`, `${withDecimal(t)} ${unit.long}`, `${t} ${unit.shout}`]) };
}

export const formatInjector: Injector = {
  cls: 'format',
  description:
    'a value written in another shape than its column: a unit ("16 oz", "16.0 ounce", "16 OZ."), another or no unit in a unit column, a percent sign ("0.07%"), thousands separators, a currency, another date format, day and month swapped (day > 12), a code that lost its leading zeros ("2134" among "02134"), a score out of its scale ("7.5/10"), minutes in hours and minutes ("1 hr. 49 min.")',
  inject(ctx, count) {
    const targets = ctx.facts.flatMap(targetsOf);
    if (targets.length === 0) return 0;
    const weighted = targets.map((t) => [t, t.weight] as const);
    return ctx.place(count, () => {
      const target = ctx.rng.weighted(weighted);
      const row = randomRow(ctx);
      const value = ctx.text(row, target.column);
      if (value === '' || !ctx.hasRoom('format', target.column)) return false;
      if (ctx.facts[target.column].kind === 'number' && Number.isNaN(parseNumber(value))) return false;
      const text = target.rewrite(value, ctx);
      return text !== undefined && ctx.edit('format', target.variant, [{ row, column: target.column, text }]);
    });
  },
};
