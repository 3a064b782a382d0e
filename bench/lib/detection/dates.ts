/**
 * The date shapes the benchmark's tables are written in, parsed and rendered by the benchmark itself (the
 * product's reader is what is measured, so it is not used here).
 */

export type DateFormat = 'iso' | 'iso-t' | 'ymd-slash' | 'mdy' | 'dmy' | 'mon-d-y' | 'd-mon-y' | 'mon-d-comma-y' | 'ymd-compact' | 'dmy-dot';

export interface DateParts {
  y: number;
  m: number;
  d: number;
  /** The time of day as written after the date ("00:47", "01:00:00"), or "". */
  time: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 2999) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const TIME = '(?:[ T](\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?))?';
const patterns: { format: DateFormat; re: RegExp; parts: (g: string[]) => [number, number, number] }[] = [
  { format: 'iso', re: new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${TIME}$`), parts: (g) => [+g[1], +g[2], +g[3]] },
  { format: 'ymd-slash', re: new RegExp(`^(\\d{4})/(\\d{1,2})/(\\d{1,2})${TIME}$`), parts: (g) => [+g[1], +g[2], +g[3]] },
  { format: 'mdy', re: new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME}$`), parts: (g) => [+g[3], +g[1], +g[2]] },
  { format: 'dmy', re: new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME}$`), parts: (g) => [+g[3], +g[2], +g[1]] },
  { format: 'mon-d-y', re: new RegExp(`^([A-Z][a-z]{2}) (\\d{1,2}) (\\d{4})${TIME}$`), parts: (g) => [+g[3], MONTHS.indexOf(g[1]) + 1, +g[2]] },
  { format: 'd-mon-y', re: new RegExp(`^(\\d{1,2}) ([A-Z][a-z]{2}) (\\d{4})${TIME}$`), parts: (g) => [+g[3], MONTHS.indexOf(g[2]) + 1, +g[1]] },
  { format: 'mon-d-comma-y', re: new RegExp(`^([A-Z][a-z]{2}) (\\d{1,2}), (\\d{4})${TIME}$`), parts: (g) => [+g[3], MONTHS.indexOf(g[1]) + 1, +g[2]] },
  { format: 'ymd-compact', re: /^(\d{4})(\d{2})(\d{2})$/, parts: (g) => [+g[1], +g[2], +g[3]] },
  { format: 'dmy-dot', re: new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${TIME}$`), parts: (g) => [+g[3], +g[2], +g[1]] },
];

/** The date in `text` read as `format`, or undefined. */
export function parseDate(text: string, format: DateFormat): DateParts | undefined {
  const pattern = patterns.find((p) => p.format === (format === 'iso-t' ? 'iso' : format));
  const g = pattern?.re.exec(text);
  if (!pattern || !g) return undefined;
  if (format === 'iso-t' && !text.includes('T')) return undefined;
  if (format === 'iso' && text.includes('T')) return undefined;
  const [y, m, d] = pattern.parts(g);
  return valid(y, m, d) ? { y, m, d, time: pattern.format === 'ymd-compact' ? '' : (g[4] ?? '') } : undefined;
}

/** The formats `text` parses in (both slash orders when the day is ≤ 12). */
export function formatsOf(text: string): DateFormat[] {
  return (['iso', 'iso-t', 'ymd-slash', 'mdy', 'dmy', 'mon-d-y', 'd-mon-y', 'mon-d-comma-y', 'ymd-compact', 'dmy-dot'] as const).filter((f) => parseDate(text, f) !== undefined);
}

export function renderDate(p: DateParts, format: DateFormat): string {
  const time = p.time ? (format === 'iso-t' ? `T${p.time}` : ` ${p.time}`) : '';
  const mon = MONTHS[p.m - 1];
  switch (format) {
    case 'iso':
    case 'iso-t':
      return `${p.y}-${pad(p.m)}-${pad(p.d)}${time}`;
    case 'ymd-slash':
      return `${p.y}/${pad(p.m)}/${pad(p.d)}${time}`;
    case 'mdy':
      return `${pad(p.m)}/${pad(p.d)}/${p.y}${time}`;
    case 'dmy':
      return `${pad(p.d)}/${pad(p.m)}/${p.y}${time}`;
    case 'mon-d-y':
      return `${mon} ${p.d} ${p.y}${time}`;
    case 'd-mon-y':
      return `${p.d} ${mon} ${p.y}${time}`;
    case 'mon-d-comma-y':
      return `${mon} ${p.d}, ${p.y}${time}`;
    case 'ymd-compact':
      return `${p.y}${pad(p.m)}${pad(p.d)}`;
    case 'dmy-dot':
      return `${pad(p.d)}.${pad(p.m)}.${p.y}${time}`;
  }
}

/** The format with day and month swapped, for formats that write both as numbers. */
export function swappedText(p: DateParts, format: DateFormat): string | undefined {
  const time = p.time ? (format === 'iso-t' ? `T${p.time}` : ` ${p.time}`) : '';
  switch (format) {
    case 'iso':
    case 'iso-t':
      return `${p.y}-${pad(p.d)}-${pad(p.m)}${time}`;
    case 'ymd-slash':
      return `${p.y}/${pad(p.d)}/${pad(p.m)}${time}`;
    case 'mdy':
      return renderDate(p, 'dmy');
    case 'dmy':
      return renderDate(p, 'mdy');
    case 'dmy-dot':
      return `${pad(p.m)}.${pad(p.d)}.${p.y}${time}`;
    default:
      return undefined;
  }
}

/** Milliseconds since the epoch (UTC), time of day included. */
export function dateValue(p: DateParts): number {
  const [h = 0, min = 0, s = 0] = p.time ? p.time.split(':').map(Number) : [];
  return Date.UTC(p.y, p.m - 1, p.d, h, min, s);
}

/**
 * The one format every present value of a column parses in (at least `share` of them), preferring the
 * slash order the values settle (a first part over 12 means day first); undefined for non-date columns.
 */
export function columnDateFormat(values: readonly string[], share = 0.98): DateFormat | undefined {
  const present = values.filter((v) => v !== '');
  if (present.length === 0) return undefined;
  const sample = present.length > 2000 ? present.filter((_, i) => i % Math.ceil(present.length / 2000) === 0) : present;
  let best: DateFormat | undefined;
  let bestCount = 0;
  for (const format of ['iso', 'iso-t', 'ymd-slash', 'mdy', 'dmy', 'mon-d-y', 'd-mon-y', 'mon-d-comma-y', 'dmy-dot'] as const) {
    const count = sample.filter((v) => parseDate(v, format) !== undefined).length;
    if (count > bestCount) {
      best = format;
      bestCount = count;
    }
  }
  return best !== undefined && bestCount >= share * sample.length ? best : undefined;
}
