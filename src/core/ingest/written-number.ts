/**
 * Numbers as people write them in tables: with a unit ("16 oz", "16.0 ounce", "16 OZ."), a percent sign,
 * a currency ("$1,234", "1234 USD"), thousands separators. One parser for the reader
 * (a column of such values is numeric, its unit recorded) and for the rules that report the cells written
 * in another form than their column, with the number in the column's form as the fix.
 *
 * Units are compared by a canonical key: spelling variants of one unit (oz, OZ., ounce, ounces) share it.
 * Different units are never converted into each other.
 */
import type { NumberFormat } from '../table/model';

/** A number as written in one cell. */
export interface WrittenNumber {
  /** The number as written (grouping removed, decimal separator applied); a percent is not divided by 100. */
  value: number;
  /** Text before the number (a currency: "$", "US$", "USD "), as written. */
  prefix: string;
  /** Text after the number (a unit, "%", a currency code), as written with the space before it. */
  suffix: string;
  /** Canonical key of the unit ('' for none): spelling variants of one unit share it. */
  unit: string;
  /** Thousands separators were written. */
  grouped: boolean;
  /** Digits after the decimal point (or comma). */
  decimals: number;
  /** Written with a decimal comma ("3,5", "1.234,56"). */
  decimalComma: boolean;
  /**
   * A duration in hours and minutes ("1 hr 49 min", "1 hr. 49 min.", "1h 49m"), read in minutes: a number of a
   * column in minutes only, never a column's own form.
   */
  hoursMinutes?: boolean;
  /** Read with a comma for thousands, but a decimal comma would read it too ("8,536": 8536 or 8.536). */
  commaMayBeDecimal?: boolean;
  /** A negative amount written in parentheses, as accounts write it ("(1,234.50)"). */
  accounting?: boolean;
  /** Written with the typographic minus sign U+2212 ("−3.5"), which other tools do not read as a number. */
  unicodeMinus?: boolean;
}

/** Spellings of common units (lower case, dots removed, singular) → canonical key. */
const UNIT_SPELLINGS: Record<string, readonly string[]> = {
  '%': ['%', 'pct', 'percent', 'per cent', 'percentage'],
  USD: ['$', 'usd', 'us$', 'dollar', 'us dollar'],
  EUR: ['€', 'eur', 'euro'],
  GBP: ['£', 'gbp'],
  JPY: ['¥', 'jpy', 'yen'],
  INR: ['₹', 'inr', 'rupee'],
  oz: ['oz', 'ounce', 'fl oz', 'floz', 'fluid ounce'],
  lb: ['lb', 'lbs', 'pound'],
  g: ['g', 'gr', 'gm', 'gram', 'gramme'],
  kg: ['kg', 'kgs', 'kilo', 'kilogram', 'kilogramme'],
  mg: ['mg', 'milligram'],
  t: ['tonne', 'ton', 'metric ton'],
  mm: ['mm', 'millimeter', 'millimetre'],
  cm: ['cm', 'centimeter', 'centimetre'],
  m: ['m', 'meter', 'metre', 'mtr'],
  km: ['km', 'kilometer', 'kilometre', 'kms'],
  in: ['in', 'inch', 'inche', '"'],
  ft: ['ft', 'foot', 'feet'],
  yd: ['yd', 'yard'],
  mi: ['mi', 'mile'],
  ml: ['ml', 'milliliter', 'millilitre'],
  l: ['l', 'liter', 'litre', 'ltr'],
  gal: ['gal', 'gallon'],
  'cu in': ['cu in', 'cuin', 'cubic inch', 'cubic inche', 'in³', 'in3'],
  cc: ['cc', 'cm³', 'cm3', 'cubic centimeter', 'cubic centimetre'],
  ms: ['ms', 'millisecond', 'msec'],
  s: ['s', 'sec', 'second', 'secs'],
  min: ['min', 'minute', 'mins'],
  h: ['h', 'hr', 'hrs', 'hour'],
  d: ['day'],
  wk: ['wk', 'week'],
  yr: ['yr', 'yrs', 'year'],
  '°C': ['°c', 'degree c', 'deg c', 'degc', 'celsius', 'degree celsius', '℃'],
  '°F': ['°f', 'degree f', 'deg f', 'degf', 'fahrenheit', 'degree fahrenheit', '℉'],
  '°': ['°', 'deg', 'degree'],
  kt: ['kt', 'kts', 'knot', 'kn'],
  mph: ['mph', 'mile per hour'],
  'km/h': ['km/h', 'kmh', 'kph', 'kmph', 'kilometer per hour'],
  'm/s': ['m/s', 'meter per second'],
  mpg: ['mpg', 'mile per gallon'],
  hp: ['hp', 'horsepower', 'bhp'],
  W: ['w', 'watt'],
  kW: ['kw', 'kilowatt'],
  kWh: ['kwh', 'kilowatt hour'],
  kcal: ['kcal', 'calorie', 'cal', 'kilocalorie'],
  B: ['byte'],
  KB: ['kb', 'kilobyte', 'kib'],
  MB: ['mb', 'megabyte', 'mib'],
  GB: ['gb', 'gigabyte', 'gib'],
  TB: ['tb', 'terabyte', 'tib'],
  Hz: ['hz', 'hertz'],
  MHz: ['mhz', 'megahertz'],
  GHz: ['ghz', 'gigahertz'],
  rpm: ['rpm'],
  psi: ['psi'],
  bar: ['bar'],
  Pa: ['pa', 'pascal'],
  kPa: ['kpa', 'kilopascal'],
  hPa: ['hpa', 'hectopascal', 'mbar', 'millibar'],
  V: ['v', 'volt'],
  A: ['amp', 'ampere'],
  mAh: ['mah'],
  ppm: ['ppm'],
  IBU: ['ibu'],
  ABV: ['abv'],
};

/** Word endings that make a number an ordinal or a label, not a quantity ("3rd", "5th"). */
const NOT_UNITS = new Set(['st', 'nd', 'rd', 'th', 'e', 'x', 'a', 'b', 'c', 'd', 'f']);

const CANONICAL = new Map<string, string>();
for (const [key, spellings] of Object.entries(UNIT_SPELLINGS)) for (const s of spellings) CANONICAL.set(s, key);

/** A word without its plural ending ("ounces" → "ounce", "lbs" → "lb"). */
function singular(word: string): string {
  return word.length > 2 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/**
 * A scale a score is written out of ("7.5/10", "4/5", "85/100"): a unit of its own, "/10". Only the scales ratings
 * use, so that fractions ("3/4", "1/2") and dates stay what they are.
 */
const SCALE = /^\/\s?(5|10|100)$/;

/** The canonical key of a unit as written, '' for none, or undefined when the text cannot be a unit. */
export function unitKey(written: string): string | undefined {
  const spelled = written.trim().toLowerCase().replace(/\.(?=\s|$)/g, '').replace(/\s+/g, ' ');
  if (spelled === '') return '';
  const scale = SCALE.exec(spelled);
  if (scale) return `/${scale[1]}`;
  const undotted = spelled.replace(/\./g, '');
  const known = CANONICAL.get(spelled) ?? CANONICAL.get(undotted) ?? CANONICAL.get(undotted.split(' ').map(singular).join(' '));
  if (known !== undefined) return known;
  // Any other single word of letters is a unit of its own ("bedrooms"), its plural folded.
  if (!/^[\p{L}°µ]{1,12}$/u.test(undotted) || NOT_UNITS.has(undotted)) return undefined;
  return undotted.length > 3 ? singular(undotted) : undotted;
}

const PREFIX = /^(?:US\$|[$€£¥₹]|(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|INR)(?=[\s\d+-]))\s?/i;
/** A unit or currency after the number: symbols ("%", "€": "12,50 €"), a scale ("/10"), or up to three words of letters (with dots, °, /, ³). */
const SUFFIX = /^\s?(?:%|\/\s?(?:5|10|100)|[$€£¥₹]|[\p{L}°µ℃℉"][\p{L}\p{M}°µ./²³]{0,15}(?:\s[\p{L}][\p{L}.]{0,15}){0,2})$/u;
/** Digits, grouped by thousands ("1,234,567", "1 234") or not, then a fraction after a point. */
const NUMBER = /^(\d{1,3}(?:([,\u00a0\u202f' ])\d{3})(?:\2\d{3})*|\d+)(?:\.(\d*))?|^\.(\d+)/;
/** Digits, grouped by thousands with points or spaces ("1.234.567", "1 234") or not, then a fraction after a decimal comma ("3,5"). */
const COMMA_NUMBER = /^(\d{1,3}(?:([.\u00a0\u202f' ])\d{3})(?:\2\d{3})*|\d+),(\d+)(?![\d.,])/;

/**
 * Digits grouped by thousands with points and nothing after ("12.345", "1.234.567"; never led by a zero: "0.125"
 * is a fraction): thousands where the decimal mark is a comma.
 */
export const POINT_GROUPED = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$/;
const POINT_GROUPED_NUMBER = /^([1-9]\d{0,2}(?:(\.)\d{3})+)(?![\d.,])/;

/**
 * Whether a number written with a comma before its last digits ("3,5", "0,855", "1.234,5", "8,536") has a
 * decimal comma whatever its column: the comma is no thousands separator when fewer or more than three digits
 * follow it, when a zero alone or more than three digits precede it, or when points or spaces group the digits
 * before it. "8,536" is either: its column decides.
 */
function commaIsDecimal(integer: string, groupedBefore: boolean, fraction: string): boolean {
  return fraction.length !== 3 || integer === '0' || groupedBefore || integer.length > 3;
}

/** Hours and minutes: "1 hr 49 min", "1 hr. 49 min.", "1h 49m", "2 hours 5 minutes". */
const HOURS_MINUTES = /^(\d{1,3})\s?(?:h|hr|hrs|hour|hours)\.?,?\s?(\d{1,2})\s?(?:m|min|mins|minute|minutes)\.?$/i;

/** The minutes of a duration written in hours and minutes ("1 hr. 49 min." → 109), or null when the text is not one. */
export function hoursAndMinutes(text: string): number | null {
  const m = HOURS_MINUTES.exec(text.trim());
  return m && +m[2] < 60 ? +m[1] * 60 + +m[2] : null;
}
/** The suffix standing for every cell written in hours and minutes (one form, whatever the spelling). */
const HOURS_MINUTES_SUFFIX = ' h min';

/**
 * Reads a cell as a number written with a unit, percent sign, currency, thousands separators or a decimal
 * comma, or a duration in hours and minutes (in minutes); null when it is not one (a plain number is not one
 * either: the plain parsers read it). `decimalComma`: the cell's column writes decimal commas, so a comma that
 * could be either ("8,536") is one.
 */
export function parseWrittenNumber(text: string, decimalComma = false): WrittenNumber | null {
  let rest = text.trim();
  if (rest === '' || rest.length > 48) return null;
  const minutes = hoursAndMinutes(rest);
  if (minutes !== null) return { value: minutes, prefix: '', suffix: HOURS_MINUTES_SUFFIX, unit: 'min', grouped: false, decimals: 0, decimalComma: false, hoursMinutes: true };
  // A negative amount in parentheses ("(1,234.50)", "($45)").
  const accounting = rest.length > 2 && rest[0] === '(' && rest[rest.length - 1] === ')';
  if (accounting) rest = rest.slice(1, -1).trim();
  let negative = accounting;
  if (accounting && (rest[0] === '-' || rest[0] === '+' || rest[0] === '\u2212')) return null;
  let unicodeMinus = rest[0] === '\u2212';
  if (rest[0] === '-' || rest[0] === '+' || rest[0] === '\u2212') {
    negative = rest[0] !== '+';
    rest = rest.slice(1);
  }
  const prefixMatch = PREFIX.exec(rest);
  const prefix = prefixMatch ? prefixMatch[0] : '';
  rest = rest.slice(prefix.length);
  if (prefix && (rest[0] === '-' || rest[0] === '\u2212') && !negative) {
    unicodeMinus = rest[0] === '\u2212';
    negative = true;
    rest = rest.slice(1);
  }
  const comma = COMMA_NUMBER.exec(rest);
  const commaDecimal = comma !== null && (decimalComma || commaIsDecimal(comma[1], comma[2] !== undefined, comma[3]));
  // Where the decimal mark is a comma, points group thousands ("1.234.567", "12.345").
  const number = commaDecimal ? comma : ((decimalComma ? POINT_GROUPED_NUMBER.exec(rest) : null) ?? NUMBER.exec(rest));
  if (!number) return null;
  const integer = number[1] ?? '0';
  const fraction = (commaDecimal ? number[3] : (number[3] ?? number[4])) ?? '';
  const grouped = number[2] !== undefined;
  const suffix = rest.slice(number[0].length);
  if (suffix !== '' && !SUFFIX.test(suffix)) return null;
  const unitOfSuffix = unitKey(suffix);
  if (unitOfSuffix === undefined) return null;
  const unitOfPrefix = prefix ? unitKey(prefix.replace(/\s$/, '')) : '';
  if (unitOfPrefix === undefined || (unitOfPrefix !== '' && unitOfSuffix !== '' && unitOfPrefix !== unitOfSuffix && unitOfSuffix !== '%')) return null;
  if (!prefix && !suffix && !grouped && !commaDecimal && !accounting && !unicodeMinus) return null;
  const digits = integer.replace(/[^\d]/g, '');
  const value = Number(`${digits}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return null;
  // Thousands by one comma: a decimal comma would read it too.
  const commaMayBeDecimal = !commaDecimal && comma !== null && comma[0].length === number[0].length;
  return {
    value: negative ? -value : value,
    prefix,
    suffix,
    unit: unitOfPrefix || unitOfSuffix,
    grouped,
    decimals: fraction.length,
    decimalComma: commaDecimal,
    ...(commaMayBeDecimal ? { commaMayBeDecimal } : {}),
    ...(accounting ? { accounting } : {}),
    ...(unicodeMinus ? { unicodeMinus } : {}),
  };
}

/** The form of a written number, as a key: cells of one form are written alike ("16 oz" and "12 oz"). */
export function formKey(written: Pick<WrittenNumber, 'prefix' | 'suffix' | 'accounting'>): string {
  return `${written.prefix}\u0000${written.suffix}${written.accounting ? '\u0000()' : ''}`;
}

/** How a column's unit is shown (profile, messages): its dominant spelling, else its canonical key. */
export function unitLabel(format: NumberFormat | undefined): string | undefined {
  if (!format || format.unit === '') return undefined;
  const written = (format.prefix || format.suffix).trim();
  return written && unitKey(written) === format.unit ? written : format.unit;
}

/** A column's unit as a message says it after a number: "oz", "out of 10" (a scale). */
export function unitAfterNumber(format: NumberFormat | undefined): string | undefined {
  const scale = format ? SCALE.exec(format.unit) : null;
  return scale ? `out of ${scale[1]}` : unitLabel(format);
}

/** A column's unit as a message says it of the column: "in oz", "out of 10" (a scale). */
export function inUnit(format: NumberFormat | undefined): string | undefined {
  const label = unitLabel(format);
  if (label === undefined) return undefined;
  return format && SCALE.test(format.unit) ? unitAfterNumber(format) : `in ${label}`;
}

/** A readable name of a column's form, for messages: "plain numbers", "numbers with \" oz\"". */
export function describeForm(format: Pick<NumberFormat, 'prefix' | 'suffix' | 'grouped' | 'decimalComma' | 'accounting'> | undefined): string {
  const comma = format?.decimalComma ? ' with a decimal comma' : '';
  const negatives = format?.accounting ? ', negatives in parentheses' : '';
  if (!format || (!format.prefix && !format.suffix)) {
    return `${format?.grouped ? `numbers with thousands separators${comma ? ' and a decimal comma' : ''}` : comma ? `numbers${comma}` : 'plain numbers'}${negatives}`;
  }
  const parts = [format.prefix ? `"${format.prefix.trim()}" before` : '', format.suffix ? `"${format.suffix.trim()}" after` : ''].filter(Boolean);
  return `numbers with ${parts.join(' and ')}${comma ? ', and a decimal comma' : ''}${negatives}`;
}

/** Units written generically that stand for a specific unit of their kind: a bare degree sign for °C or °F. */
const SPECIFIC_UNITS: Record<string, readonly string[]> = { '°': ['°C', '°F'] };

/** Whether one unit is the other written generically ("°" for "°C"). */
function genericOf(generic: string, specific: string): boolean {
  return SPECIFIC_UNITS[generic]?.includes(specific) ?? false;
}

/**
 * Whether a cell's unit may stand in a column of unit `columnUnit`: the same unit (or it written
 * generically), or no unit on either side (a percent sign only among plain numbers or percents: the
 * column's scale then decides its value).
 */
export function compatibleUnits(cellUnit: string, columnUnit: string): boolean {
  if (cellUnit === '%' || columnUnit === '%') return cellUnit === columnUnit || cellUnit === '' || columnUnit === '';
  return cellUnit === columnUnit || cellUnit === '' || columnUnit === '' || genericOf(cellUnit, columnUnit) || genericOf(columnUnit, cellUnit);
}

/** Whether a cell written as `written` is in another form than its column's (`format`; plain numbers when undefined). */
export function isVariantForm(written: Pick<WrittenNumber, 'prefix' | 'suffix' | 'grouped' | 'value' | 'decimals' | 'decimalComma' | 'accounting' | 'unicodeMinus'>, format: NumberFormat | undefined): boolean {
  // A typographic minus sign ("−3.5") is never a column's form: pandas, Excel and most readers take it for text.
  if (written.unicodeMinus || written.prefix !== (format?.prefix ?? '') || written.suffix !== (format?.suffix ?? '')) return true;
  // A negative in parentheses where the column writes a minus sign, or the reverse.
  if (written.value < 0 && (written.accounting ?? false) !== (format?.accounting ?? false)) return true;
  // A decimal point in a column of decimal commas, or a comma in a column of points (whole numbers have neither).
  if ((written.decimals > 0 || !Number.isInteger(written.value)) && written.decimalComma !== (format?.decimalComma ?? false)) return true;
  return Math.abs(written.value) >= 1000 && written.grouped !== (format?.grouped ?? false);
}

/** A plain number as a written one (no prefix, suffix or grouping; a decimal point). */
export function plainWritten(value: number, decimals = 0): WrittenNumber {
  return { value, prefix: '', suffix: '', unit: '', grouped: false, decimals, decimalComma: false };
}

/** Share of the unit-bearing values one unit must cover for a column to have that unit. */
const UNIT_SHARE = 0.9;

/**
 * Share of a column's numbers written bare (no unit, percent sign or currency) from which bare is the column's
 * form, whatever its other forms count. A number's own form is bare: a unit, percent sign or currency is a
 * column's form only where nearly every value carries it, and its bare numbers are slips ("3504" among "3504
 * lbs"); a column that writes a tenth of its numbers bare or more is merged from sources that write them
 * differently ("12.0 oz" in most rows, "12.0" in the others), and its values normalize to the number. Likewise
 * thousands separators: the column's form only where fewer than a tenth of its numbers of 1,000 or more lack them.
 */
export const BARE_FORM_SHARE = 0.1;

export interface FormCount {
  prefix: string;
  suffix: string;
  unit: string;
  count: number;
  /** Values of 1,000 or more written with and without thousands separators. */
  grouped: number;
  ungrouped: number;
  /**
   * Values written with a decimal comma whatever the column ("3,5", "0,855"); values read with a comma for
   * thousands that a decimal comma would read too ("8,536", also counted as grouped); values whose comma can
   * only be for thousands ("1,234,567", "1,234.5").
   */
  decimalCommas: number;
  eitherCommas: number;
  thousandsCommas: number;
  /** Amounts in parentheses (negative, as accounts write them). */
  accounting?: boolean;
  /** Durations in hours and minutes (see WrittenNumber.hoursMinutes). */
  hoursMinutes?: boolean;
}

/**
 * The written numbers of a column's sample, counted by form, and the column's {@link NumberFormat} decided
 * from them and the plain numbers: bare numbers are the column's form where they are a tenth of its numbers or
 * more ({@link BARE_FORM_SHARE}), else its most common form; that form's unit, or else the one unit the other
 * cells write, is the column's unit.
 */
export class WrittenNumberTally {
  constructor(
    /** Counts by form key, in order of first appearance: plain data, so the tallies of consecutive parts of a column add up ({@link merge}). */
    readonly forms = new Map<string, FormCount>(),
  ) {}

  /** A cell read as `written` from `text`. */
  add(written: WrittenNumber, text: string): void {
    const key = formKey(written);
    let form = this.forms.get(key);
    if (!form) {
      form = { prefix: written.prefix, suffix: written.suffix, unit: written.unit, count: 0, grouped: 0, ungrouped: 0, decimalCommas: 0, eitherCommas: 0, thousandsCommas: 0, ...(written.accounting ? { accounting: true } : {}), ...(written.hoursMinutes ? { hoursMinutes: true } : {}) };
      this.forms.set(key, form);
    }
    form.count++;
    if (Math.abs(written.value) >= 1000) {
      if (written.grouped) form.grouped++;
      else form.ungrouped++;
    }
    countComma(form, written, text);
  }

  /** Adds the counts of the values that follow this tally's. */
  merge(next: ReadonlyMap<string, FormCount>): void {
    for (const [key, form] of next) {
      const mine = this.forms.get(key);
      if (!mine) this.forms.set(key, { ...form });
      else {
        mine.count += form.count;
        mine.grouped += form.grouped;
        mine.ungrouped += form.ungrouped;
        mine.decimalCommas += form.decimalCommas;
        mine.eitherCommas += form.eitherCommas;
        mine.thousandsCommas += form.thousandsCommas;
      }
    }
  }

  /**
   * The column's format given `plain` plain numbers (`plainLarge` of them 1,000 or more, `pointed` of them
   * written with a decimal point), and how many values fit it (plain ones and written ones of a compatible
   * unit); undefined without written numbers or when they write several units.
   */
  decide(plain: number, plainLarge: number, pointed = 0, fileMark?: DecimalMark, minusNegatives = 0): { format: NumberFormat; fitting: number } | undefined {
    if (this.forms.size === 0) return undefined;
    const { decimalComma, pairs } = columnDecimalMark(commaCountsOf(this.forms.values(), pointed), fileMark);
    const groupedOf = (form: FormCount) => form.grouped - (decimalComma ? form.eitherCommas : 0);
    // Thousands separators are a form of their own, as a unit is: the column's only where nearly every number of
    // 1,000 or more is written with them (see BARE_FORM_SHARE).
    const groupedForm = (grouped: number, ungrouped: number) => grouped > 0 && ungrouped < BARE_FORM_SHARE * (grouped + ungrouped);
    const byUnit = new Map<string, number>();
    let unitBearing = 0;
    for (const form of this.forms.values()) {
      // Hours and minutes do not make a column's unit: they fit a column in minutes.
      if (form.unit === '' || form.unit === '%' || form.hoursMinutes) continue;
      byUnit.set(form.unit, (byUnit.get(form.unit) ?? 0) + form.count);
      unitBearing += form.count;
    }
    // A unit written generically counts with the specific one the column also writes ("°" with "°C").
    for (const [generic, specifics] of Object.entries(SPECIFIC_UNITS)) {
      const specific = specifics.filter((u) => byUnit.has(u)).sort((a, b) => byUnit.get(b)! - byUnit.get(a)!)[0];
      if (specific !== undefined && byUnit.has(generic)) {
        byUnit.set(specific, byUnit.get(specific)! + byUnit.get(generic)!);
        byUnit.delete(generic);
      }
    }
    let topUnit = '';
    let topCount = 0;
    for (const [unit, n] of byUnit) if (n > topCount) [topUnit, topCount] = [unit, n];
    // Units of several kinds (oz, kg and cm on sales figures): no unit is the column's. It is still numeric where the
    // numbers written without a unit fill it, its unit-bearing cells variants of it; else it is text.
    const unitsAgree = unitBearing === 0 || topCount >= UNIT_SHARE * unitBearing;
    if (!unitsAgree) topUnit = '';
    // The dominant form; plain numbers are the form ('', '') together with grouped numbers without unit.
    const plainForm = this.forms.get(formKey({ prefix: '', suffix: '' }));
    let best: { prefix: string; suffix: string; unit: string; count: number; grouped: boolean } = {
      prefix: '',
      suffix: '',
      unit: '',
      count: plain + (plainForm?.count ?? 0),
      grouped: groupedForm(plainForm ? groupedOf(plainForm) : 0, plainLarge + (plainForm?.ungrouped ?? 0)),
    };
    let numbers = plain;
    for (const form of this.forms.values()) numbers += form.count;
    const bareForm = best.count >= BARE_FORM_SHARE * numbers;
    for (const form of bareForm ? [] : this.forms.values()) {
      if ((form.prefix || form.suffix) && !form.accounting && !form.hoursMinutes && form.count > best.count && (unitsAgree || form.unit === '')) best = { ...form, grouped: groupedForm(groupedOf(form), form.ungrouped) };
    }
    const unit = best.unit || (topUnit !== '' ? topUnit : '');
    // Amounts in parentheses are negatives among other numbers; where they outnumber those, they are labels ("(1)", "(2)").
    // Where they outnumber the negatives written with a minus sign, they are the column's way of writing negatives.
    let inParentheses = 0;
    let others = plain;
    for (const form of this.forms.values()) {
      if (form.accounting) inParentheses += form.count;
      else others += form.count;
    }
    const accounting = inParentheses > 0 && inParentheses < others && inParentheses > minusNegatives;
    let fitting = plain;
    for (const form of this.forms.values()) {
      if ((form.accounting && inParentheses >= others) || (form.hoursMinutes && unit !== 'min')) continue;
      if (unitsAgree ? compatibleUnits(form.unit, unit) : form.unit === '') fitting += form.count - (pairs ? form.decimalCommas : 0);
    }
    return { format: { unit, prefix: best.prefix, suffix: best.suffix, grouped: best.grouped, ...(decimalComma ? { decimalComma } : {}), ...(accounting ? { accounting } : {}) }, fitting };
  }
}

/** The mark written before decimals: a point ("3.5") or a comma ("3,5"). */
export type DecimalMark = '.' | ',';

/**
 * How a column's values write commas and points (see FormCount; `bareDecimalCommas`: the decimal commas of
 * numbers written without a unit, percent or currency), and how many plain numbers have a decimal point.
 */
export interface CommaCounts {
  decimalCommas: number;
  bareDecimalCommas: number;
  eitherCommas: number;
  thousandsCommas: number;
  pointed: number;
}

/** Counts the comma of a number read as `written` from `text` (see FormCount). */
function countComma(counts: Pick<CommaCounts, 'decimalCommas' | 'eitherCommas' | 'thousandsCommas'>, written: WrittenNumber, text: string): void {
  if (written.decimalComma) counts.decimalCommas++;
  else if (written.commaMayBeDecimal) counts.eitherCommas++;
  else if (written.grouped && text.includes(',')) counts.thousandsCommas++;
}

/** The comma counts of a column's forms, with its `pointed` plain numbers. */
export function commaCountsOf(forms: Iterable<FormCount>, pointed: number): CommaCounts {
  const counts: CommaCounts = { decimalCommas: 0, bareDecimalCommas: 0, eitherCommas: 0, thousandsCommas: 0, pointed };
  for (const form of forms) {
    counts.decimalCommas += form.decimalCommas;
    if (!form.prefix && !form.suffix) counts.bareDecimalCommas += form.decimalCommas;
    counts.eitherCommas += form.eitherCommas;
    counts.thousandsCommas += form.thousandsCommas;
  }
  return counts;
}

/**
 * A column's decimal mark: a comma where numbers written so outnumber those with a point (a file written in a
 * language that writes "3,5"), none of them writing a comma for thousands; then "8,536" is 8.536, not grouped.
 * A column whose commas could all be either ("1,100", "2,137") takes the file's mark (`fileMark`). In a file
 * whose other columns write decimal points, a column of bare numbers with such commas holds `pairs` ("9,6"), not
 * decimals; with a unit, a percent or a currency ("49,5%", "12,50 €") the comma is a decimal comma there too.
 */
export function columnDecimalMark(counts: CommaCounts, fileMark?: DecimalMark): { decimalComma: boolean; pairs: boolean } {
  const { decimalCommas, bareDecimalCommas, eitherCommas, thousandsCommas, pointed } = counts;
  const commas = thousandsCommas === 0 && decimalCommas + (decimalCommas > 0 || fileMark === ',' ? eitherCommas : 0) > pointed;
  const pairs = commas && fileMark === '.' && bareDecimalCommas === decimalCommas;
  return { decimalComma: commas && !pairs, pairs };
}

/**
 * A file's decimal mark from its columns' comma counts: a comma where numbers written with a decimal comma
 * where only it can be meant outnumber those with a point and no value writes a comma for thousands
 * ("1,234,567"); a point where numbers with a point are written; undefined where the file writes neither.
 */
export function fileDecimalMark(columns: readonly CommaCounts[]): DecimalMark | undefined {
  let commas = 0;
  let points = 0;
  for (const { decimalCommas, thousandsCommas, pointed } of columns) {
    if (thousandsCommas > 0) return '.';
    points += pointed;
    commas += decimalCommas;
  }
  return commas > points ? ',' : points > 0 ? '.' : undefined;
}

/** Whether a format says more than "plain numbers" (a unit, a form with text around the number, grouping, a decimal comma). */
export function isInformative(format: NumberFormat): boolean {
  return format.unit !== '' || format.prefix !== '' || format.suffix !== '' || format.grouped || format.decimalComma === true || format.accounting === true;
}

/**
 * The value a percent or plain cell stands for in a column whose values are about `typical` (their median
 * magnitude): `value` or `value / 100` for a percent cell in a column of fractions, `value` or `value × 100`
 * for a plain cell in a column of percents, whichever is nearer on a log scale. `converted` says whether it
 * was scaled.
 */
export function percentScaled(written: Pick<WrittenNumber, 'value' | 'unit'>, columnUnit: string, typical: number): { value: number; converted: boolean } {
  const cellPercent = written.unit === '%';
  const columnPercent = columnUnit === '%';
  if (cellPercent === columnPercent || written.value === 0 || !(typical > 0)) return { value: written.value, converted: false };
  const other = cellPercent ? written.value / 100 : written.value * 100;
  const distance = (v: number) => Math.abs(Math.log(Math.abs(v)) - Math.log(typical));
  return distance(other) < distance(written.value) ? { value: other, converted: true } : { value: written.value, converted: false };
}

/** `value` written with `decimals` digits after the point at most (trailing zeros kept up to `decimals`). */
function fixed(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(Math.min(20, Math.max(0, decimals))));
  const text = String(rounded);
  if (/e/i.test(text)) return text;
  const [, fraction = ''] = text.split('.');
  return fraction.length < decimals ? `${text}${fraction ? '' : '.'}${'0'.repeat(decimals - fraction.length)}` : text;
}

/** Groups the integer digits by thousands (`separator`), and writes the decimal mark (`mark`). */
function group(text: string, separator: string, mark: string): string {
  const [integer, fraction] = text.split('.');
  const sign = integer.startsWith('-') ? '-' : '';
  const grouped = integer.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return `${sign}${grouped}${fraction !== undefined ? `${mark}${fraction}` : ''}`;
}

/** A number written in a column's form: its prefix, grouping, decimal mark and suffix, with `decimals` digits. */
export function writeInForm(value: number, decimals: number, format: Pick<NumberFormat, 'prefix' | 'suffix' | 'grouped' | 'decimalComma' | 'accounting'> | undefined): string {
  let text = fixed(value, decimals);
  const mark = format?.decimalComma ? ',' : '.';
  // A column of decimal commas groups thousands with points ("1.234,5").
  if (format?.grouped && Math.abs(value) >= 1000 && !/e/i.test(text)) text = group(text, mark === ',' ? '.' : ',', mark);
  else if (mark === ',') text = text.replace('.', ',');
  const negative = text.startsWith('-');
  const magnitude = negative ? text.slice(1) : text;
  const written = `${format?.prefix ?? ''}${magnitude}${format?.suffix ?? ''}`;
  // A column of accounts writes a negative amount in parentheses.
  return negative ? (format?.accounting ? `(${written})` : `-${written}`) : written;
}
