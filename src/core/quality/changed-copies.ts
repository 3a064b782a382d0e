/**
 * One record written twice with one fact changed and what follows from it: the two rows share the row's own
 * identifier, agree on every other column but two, and those two changed by the same amount — a departure five
 * minutes later with a length of stay five minutes longer, a tip raised with the total it is part of. A system that
 * sends a record again after an edit writes such pairs; two records of their own do not share an identifier.
 */
import type { IngestResult } from '../table/model';
import { cellText } from './dependencies';
import { TEMPORAL_KINDS, TEXT_KINDS, nullCount, numericColumn, valueCodes } from './column-values';

/** Columns the two rows must agree on besides the identifier and the two changed ones, at least. */
const MIN_AGREEING_COLUMNS = 3;
/** Units a change of a time may be counted in by a number beside it: seconds, minutes, hours, days (ms). */
const TIME_UNITS_MS = [1_000, 60_000, 3_600_000, 86_400_000];
/** Two changes of numbers are one amount where they agree within this share of it (floating point). */
const SAME_AMOUNT = 1e-6;

export interface ChangedCopy {
  /** The later row (the copy) and the earlier one. */
  row: number;
  other: number;
  /** The identifier column they share, and the two columns that changed together. */
  identifier: number;
  changed: [number, number];
}

/** The step of the last decimal a cell is written with (1 for "44", 0.01 for "6.55"). */
function lastDecimalStep(text: string): number {
  const point = text.indexOf('.');
  return point < 0 ? 1 : 10 ** -(text.trim().length - point - 1);
}

/**
 * Whether columns `a` and `b` changed by the same amount between rows `f` and `r`: two numbers exactly (a tip and its
 * total); a time and a number in seconds, minutes, hours or days, within the number's last decimal (a duration of
 * 6.55 minutes rounded from the times it spans: both its values rounded, its change is within one step).
 */
function sameAmount(data: IngestResult, a: number, b: number, f: number, r: number): boolean {
  const [x, y] = [numericColumn(data, a), numericColumn(data, b)];
  const [dx, dy] = [x[r] - x[f], y[r] - y[f]];
  if (!Number.isFinite(dx) || !Number.isFinite(dy) || dx === 0 || dy === 0) return false;
  const [timeA, timeB] = [TEMPORAL_KINDS.includes(data.columns[a].kind), TEMPORAL_KINDS.includes(data.columns[b].kind)];
  if (timeA === timeB) return Math.abs(Math.abs(dx) - Math.abs(dy)) <= SAME_AMOUNT * Math.max(Math.abs(dx), Math.abs(dy));
  const [time, number, column] = timeA ? [dx, dy, b] : [dy, dx, a];
  const step = Math.max(lastDecimalStep(cellText(data, f, column)), lastDecimalStep(cellText(data, r, column)));
  return TIME_UNITS_MS.some((unit) => Math.abs(Math.abs(time / unit) - Math.abs(number)) < step);
}

/**
 * Pairs of rows that share a value of an identifier column (`identifiers`: columns whose values repeat in at most
 * `maxRepeatShare` of their rows, as duplicate-key asks of a key) and agree on every `compared` column but two
 * numeric or temporal ones, which changed by the same amount ({@link sameAmount}).
 */
export function changedCopies(data: IngestResult, compared: readonly boolean[], maxRepeatShare: number): ChangedCopy[] {
  const rows = data.table.numRows;
  const width = data.columns.length;
  const out: ChangedCopy[] = [];
  const measured = data.columns.map((column) => column.kind === 'integer' || column.kind === 'float' || TEMPORAL_KINDS.includes(column.kind));
  const identifiers = data.columns.flatMap((column, c) => {
    if (!TEXT_KINDS.includes(column.kind) && column.kind !== 'integer') return [];
    const present = rows - nullCount(data, c);
    const distinct = valueCodes(data, c).size;
    return present > 0 && distinct < present && present - distinct <= maxRepeatShare * present ? [c] : [];
  });
  if (identifiers.length === 0) return out;
  const codes = data.columns.map((_, c) => () => valueCodes(data, c).ids);
  const agreeing = compared.filter(Boolean).length;
  for (const id of identifiers) {
    if (agreeing - (compared[id] ? 1 : 0) - 2 < MIN_AGREEING_COLUMNS) continue;
    const firstRow = new Map<number, number>();
    const ids = codes[id]();
    for (let r = 0; r < rows; r++) {
      if (ids[r] < 0) continue;
      const f = firstRow.get(ids[r]);
      if (f === undefined) {
        firstRow.set(ids[r], r);
        continue;
      }
      const changed: number[] = [];
      for (let c = 0; c < width && changed.length <= 2; c++) if (c !== id && compared[c] && codes[c]()[f] !== codes[c]()[r]) changed.push(c);
      if (changed.length !== 2 || !measured[changed[0]] || !measured[changed[1]]) continue;
      if (sameAmount(data, changed[0], changed[1], f, r)) out.push({ row: r, other: f, identifier: id, changed: [changed[0], changed[1]] });
    }
  }
  return out;
}
