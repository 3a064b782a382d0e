/**
 * Dialect sniffing on a sample of the bytes: the delimiter (quote-aware field-count consistency), and
 * whether the first record is a header. Uncertain choices are reported, never made silently.
 */
import { RecordOffsets, isBlankRecordAt, parseRecordAt } from './records';
import { inferColumnType } from './infer';

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|', ':'];
const QUOTE = '"'.charCodeAt(0);
const SAMPLE_RECORDS = 200;

interface DelimiterScore {
  delimiter: string;
  score: number;
  fields: number;
}

function fieldCounts(sample: Uint8Array, delimiter: string): number[] {
  const counts: number[] = [];
  const out = new RecordOffsets();
  let pos = 0;
  const d = delimiter.charCodeAt(0);
  while (pos < sample.length && counts.length < SAMPLE_RECORDS) {
    parseRecordAt(sample, pos, sample.length, d, QUOTE, out);
    if (!isBlankRecordAt(out)) counts.push(out.count);
    if (out.next <= pos) break;
    pos = out.next;
  }
  // The sample is cut at an arbitrary point: its last record may be partial.
  if (counts.length > 2) counts.pop();
  return counts;
}

function firstCount(sample: Uint8Array, delimiter: string): number {
  const out = new RecordOffsets();
  for (let pos = 0; pos < sample.length; pos = out.next) {
    parseRecordAt(sample, pos, sample.length, delimiter.charCodeAt(0), QUOTE, out);
    if (!isBlankRecordAt(out) || out.next <= pos) return out.count;
  }
  return 0;
}

function scoreDelimiter(sample: Uint8Array, delimiter: string): DelimiterScore {
  const counts = fieldCounts(sample, delimiter);
  if (counts.length === 0) return { delimiter, score: 0, fields: 1 };
  const frequency = new Map<number, number>();
  for (const c of counts) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  let mode = 1;
  let modeCount = 0;
  for (const [c, f] of frequency) if (f > modeCount || (f === modeCount && c > mode)) [mode, modeCount] = [c, f];
  if (mode < 2) return { delimiter, score: 0, fields: mode };
  // The first record (usually the header) must agree: "2015/01/01 01:00:00,2" splits evenly on ':' too.
  // A first record the delimiter does not split at all cannot head a table it splits into columns.
  const first = firstCount(sample, delimiter);
  const consistency = (modeCount / counts.length) * (first === mode ? 1 : first < 2 ? 0 : 0.5);
  // Consistency matters most; more fields breaks near-ties (a delimiter inside text gives fewer, uneven splits).
  return { delimiter, score: consistency * (1 + Math.log2(mode) / 16), fields: mode };
}

export interface DelimiterChoice {
  delimiter: string;
  uncertainty?: string;
}

export function sniffDelimiter(sample: Uint8Array, preferred?: string): DelimiterChoice {
  const candidates = [...DELIMITER_CANDIDATES];
  const scores = candidates.map((d) => scoreDelimiter(sample, d)).sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (best.score === 0) {
    return {
      delimiter: preferred ?? ',',
      uncertainty: `No delimiter splits the rows consistently: the file looks like a single column (assumed "${printable(preferred ?? ',')}"). Set the delimiter if this is wrong.`,
    };
  }
  if (preferred && scores.find((s) => s.delimiter === preferred)!.score >= best.score * 0.9) return { delimiter: preferred };
  if (second && second.score > 0 && second.score >= best.score * 0.9) {
    return {
      delimiter: best.delimiter,
      uncertainty: `Delimiter guessed as "${printable(best.delimiter)}" (${best.fields} fields); "${printable(second.delimiter)}" fits almost as well (${second.fields} fields).`,
    };
  }
  return { delimiter: best.delimiter };
}

export function printable(delimiter: string): string {
  return delimiter === '\t' ? '\\t' : delimiter;
}

export interface HeaderChoice {
  hasHeader: boolean;
  uncertainty?: string;
}

/** Header when the first record's cells do not fit the types of the columns below it, or look like labels. */
export function sniffHeader(records: string[][]): HeaderChoice {
  if (records.length < 2) return { hasHeader: true, uncertainty: records.length ? 'Only one row: assumed it is a header.' : undefined };
  const [first, ...body] = records;
  let typedColumns = 0;
  let firstRowBreaksType = 0;
  for (let c = 0; c < first.length; c++) {
    const values = body.map((r) => r[c]).filter((v): v is string => v !== undefined && v.trim() !== '');
    const kind = inferColumnType(values).kind;
    if (kind === 'string' || kind === 'empty' || kind === 'categorical') continue;
    typedColumns++;
    const own = inferColumnType([first[c] ?? '']).kind;
    if (own !== kind && !(kind === 'float' && own === 'integer')) firstRowBreaksType++;
  }
  if (typedColumns > 0) {
    if (firstRowBreaksType > 0) return { hasHeader: true };
    return { hasHeader: false };
  }
  const labels = first.map((v) => v.trim());
  const distinct = new Set(labels).size === labels.length && labels.every((l) => l !== '');
  return { hasHeader: true, uncertainty: distinct ? 'Every column holds text: assumed the first row is a header.' : 'Assumed the first row is a header.' };
}
