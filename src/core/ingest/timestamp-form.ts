/**
 * How a timestamp is written, beyond its date's format: a "T" or a space between date and time, seconds or not,
 * a.m./p.m. or not, a zone ("Z", "+01:00", "+0100") or not. The reader takes "2024-11-05T21:25:34" and
 * "2024-11-05 21:25:34" alike; a column's own form is learned with its type (infer.ts), and the cells written in
 * another form are listed as the column's variant cells, as numbers written in another form are.
 * Fractions of seconds are not part of the form: writers drop them where they are zero (Python's isoformat).
 */

/** Bits of a form key. */
const T_SEPARATOR = 1;
const SECONDS = 2;
const TWELVE_HOUR = 4;
const ZONE_Z = 8;
const ZONE_COLON = 16;
const ZONE_DIGITS = 32;

const isDigit = (code: number) => code >= 48 && code <= 57;
const [T, SPACE, COLON, POINT] = [84, 32, 58, 46];

/**
 * The form of a date with a time of day as a small number (equal numbers, equal forms), or -1 for a text
 * that is no date followed by a time (a date alone: R writes a midnight so).
 */
export function timestampFormKey(text: string): number {
  const colon = text.indexOf(':');
  if (colon < 2 || !isDigit(text.charCodeAt(colon - 1))) return -1;
  const hour = isDigit(text.charCodeAt(colon - 2)) ? colon - 2 : colon - 1;
  const separator = text.charCodeAt(hour - 1);
  if (separator !== T && separator !== SPACE) return -1;
  let key = separator === T ? T_SEPARATOR : 0;
  let k = colon + 3;
  const end = text.length;
  if (text.charCodeAt(k) === COLON) {
    key |= SECONDS;
    k += 3;
  }
  if (k >= end) return key;
  if (text.charCodeAt(k) === POINT) for (k++; isDigit(text.charCodeAt(k)); k++);
  while (text.charCodeAt(k) === SPACE) k++;
  if (k < end && 'AaPp'.includes(text[k])) {
    key |= TWELVE_HOUR;
    while (k < end && 'AaPpMm. '.includes(text[k])) k++;
  }
  if (k < end) {
    if (text[k] === 'Z') key |= ZONE_Z;
    else if (text[k] === '+' || text[k] === '-') key |= text.includes(':', k) ? ZONE_COLON : ZONE_DIGITS;
  }
  return key;
}

/** Whether a timestamp is written in another form than `form` (a date alone is not: see timestampFormKey). */
export function isOtherTimestampForm(text: string, form: number): boolean {
  const key = timestampFormKey(text);
  return key >= 0 && key !== form;
}

/** Timestamps of a form a column needs before the form is the column's. */
const MIN_FORM_TIMESTAMPS = 20;
/** A column's form is the form of at least this share of its timestamps (a mixture of two is no form). */
export const TIMESTAMP_FORM_SHARE = 0.95;

/** The column's form among its timestamps' form keys and counts, where one holds {@link TIMESTAMP_FORM_SHARE} of them; else undefined. */
export function dominantTimestampForm(counts: ReadonlyMap<number, number>): number | undefined {
  let [total, best, bestCount] = [0, -1, 0];
  for (const [key, count] of counts) {
    total += count;
    if (count > bestCount) [best, bestCount] = [key, count];
  }
  return total >= MIN_FORM_TIMESTAMPS && bestCount >= TIMESTAMP_FORM_SHARE * total ? best : undefined;
}

/** The parts of a written form. */
export interface TimestampForm {
  /** Between date and time: "T" or " ". */
  separator: 'T' | ' ';
  seconds: boolean;
  /** a.m./p.m. written (a 12-hour clock). */
  twelveHour: boolean;
  zone: '' | 'Z' | '+hh:mm' | '+hhmm';
}

export function timestampFormOf(key: number): TimestampForm {
  return {
    separator: key & T_SEPARATOR ? 'T' : ' ',
    seconds: (key & SECONDS) !== 0,
    twelveHour: (key & TWELVE_HOUR) !== 0,
    zone: key & ZONE_Z ? 'Z' : key & ZONE_COLON ? '+hh:mm' : key & ZONE_DIGITS ? '+hhmm' : '',
  };
}

/** A form in words: "date time with seconds", "dateTtime zone Z". */
export function timestampFormName(form: TimestampForm): string {
  return `date${form.separator === 'T' ? 'T' : ' '}time${form.seconds ? ' with seconds' : ''}${form.twelveHour ? ' a.m./p.m.' : ''}${form.zone ? ` zone ${form.zone}` : ''}`;
}

/** A date, the separator, the time, optional seconds, fraction, a.m./p.m., and zone with the white space before it. */
const DATE_AND_TIME = /^(.+?)([T ])(\d{1,2}:\d{2})(:\d{2})?(\.\d+)?(\s?[AaPp]\.?[Mm]\.?)?(\s*(?:Z|[+-]\d{2}:?\d{2}))?$/;

/** What a written timestamp does otherwise than the column's form, in words ("a \"T\" between date and time", "no seconds", "a zone (Z)"). */
export function formDifferences(text: string, column: TimestampForm): string[] {
  const cell = timestampFormOf(timestampFormKey(text));
  const out: string[] = [];
  if (cell.separator !== column.separator) out.push(cell.separator === 'T' ? 'a "T" between date and time' : 'a space between date and time');
  if (cell.seconds !== column.seconds) out.push(cell.seconds ? 'seconds' : 'no seconds');
  if (cell.twelveHour !== column.twelveHour) out.push(cell.twelveHour ? 'a.m./p.m.' : 'a 24-hour clock');
  if (cell.zone !== column.zone) out.push(cell.zone === '' ? 'no zone' : `a zone (${DATE_AND_TIME.exec(text.trim())?.[7]?.trim() ?? cell.zone})`);
  return out;
}

/**
 * The timestamp written in the column's form where only the separator or the seconds differ and writing them
 * changes nothing it says (seconds added as ":00", dropped only where they are ":00" with no fraction); else undefined.
 */
export function writeInForm(text: string, column: TimestampForm): string | undefined {
  const m = DATE_AND_TIME.exec(text.trim());
  if (!m) return undefined;
  const [, date, , time, seconds = '', fraction = '', meridiem = '', zone = ''] = m;
  const cell = timestampFormOf(timestampFormKey(text));
  if (cell.twelveHour !== column.twelveHour || cell.zone !== column.zone) return undefined;
  let written = seconds;
  if (column.seconds && !cell.seconds) written = ':00';
  if (!column.seconds && cell.seconds) {
    if (seconds !== ':00' || fraction !== '') return undefined;
    written = '';
  }
  return `${date}${column.separator}${time}${written}${fraction}${meridiem}${zone}`;
}
