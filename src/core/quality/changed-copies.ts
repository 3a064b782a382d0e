/**
 * One record written twice with one fact changed and what follows from it: two rows agree on every column but two
 * measures that a relation of the table ties, and it holds in both rows — a departure five minutes later with a length
 * of stay five minutes longer, a tip raised with the total it is part of, a rate raised with the total it multiplies
 * into, a vehicle's arrival read 10 seconds later with its delay 10 seconds longer. A system that sends a record again
 * after an edit (or a tracker that reports one stop twice) writes such pairs; two records of their own differ in more
 * than a fact and its consequence. Without such a relation (a price up by 1 on the next day of a snapshot is no
 * consequence of the day), rows sharing their own identifier (an agreement number) whose two measures changed by the
 * same amount are one record too.
 */
import type { IngestResult } from '../table/model';
import { TEMPORAL_KINDS, TEXT_KINDS, distinctValues, isClockColumn, isNumeric, nullCount, numericColumn, valueCodes } from './column-values';
import { cellText } from './dependencies';
import { cellsOf, eachRepeat, fold, rowsThatMayAgree, slotTable } from './row-hashes';
import { numericRelations, relationTester } from './numeric-relations';
import { countAgrees, elapsedTimes, timesOf } from './elapsed-times';

/** Columns the two rows must agree on besides the two changed ones, at least. */
const MIN_AGREEING_COLUMNS = 3;
/** Rows of one combination of the other columns compared pair by pair, at most (more: a table of few such columns). */
const MAX_GROUP_ROWS = 32;
/** Units a change of a time may be counted in by a number beside it: seconds, minutes, hours, days (ms). */
const TIME_UNITS_MS = [1_000, 60_000, 3_600_000, 86_400_000];
/** Two changes of numbers are one amount where they agree within this share of it (floating point). */
const SAME_AMOUNT = 1e-6;

export interface ChangedCopy {
  /** The later row (the copy) and the earlier one. */
  row: number;
  other: number;
  /** The two columns that changed together. */
  changed: [number, number];
  /** Bits of evidence of the agreeing cells, and the bits needed (a 1% chance of one such pair by chance over the tests made). */
  bits: number;
  needed: number;
}

/** Whether a relation learned from the table, tying two columns, holds at a row. */
type Tie = (r: number) => boolean;

/**
 * Per pair of columns ("a,b" with a < b), the relations learned from the table that tie them: any two columns of an
 * arithmetic relation (a total and a part of it, a rate and the total it multiplies into, two parts of a total that
 * trade amounts), and a count of time with one of its ends (a length of stay and its departure). A change in one
 * carried into the other keeps the relation in both rows. Both ends of a count of time moved together (an arrival and
 * a departure an hour later: a stay as long) are another record, not a consequence.
 */
function tiesOf(data: IngestResult): Map<string, Tie[]> {
  const ties = new Map<string, Tie[]>();
  const tie = (a: number, b: number, holds: Tie) => {
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    ties.set(key, [...(ties.get(key) ?? []), holds]);
  };
  for (const relation of numericRelations(data)) {
    const test = relationTester(data, relation);
    const columns = [relation.output, ...relation.inputs];
    for (const [k, a] of columns.entries()) for (const b of columns.slice(k + 1)) tie(a, b, (r) => test(r) === true);
  }
  for (const relation of elapsedTimes(data)) {
    const [count, from, to] = [numericColumn(data, relation.count), timesOf(data, relation.from), timesOf(data, relation.to)];
    const holds = (r: number) => countAgrees(relation, count[r], from[r], to[r]);
    tie(relation.count, relation.from, holds);
    tie(relation.count, relation.to, holds);
  }
  return ties;
}

/**
 * Columns holding a row's own identifier: text or whole numbers whose values repeat in at most `maxRepeatShare` of
 * their rows (as duplicate-key asks of a key). Two rows sharing one are one record, whatever columns changed.
 */
function ownIdentifiers(data: IngestResult, compared: readonly boolean[], maxRepeatShare: number): number[] {
  return data.columns.flatMap((column, c) => {
    if (!compared[c] || (!TEXT_KINDS.includes(column.kind) && column.kind !== 'integer')) return [];
    const present = data.table.numRows - nullCount(data, c);
    const distinct = valueCodes(data, c).size;
    return present > 0 && distinct < present && present - distinct <= maxRepeatShare * present ? [c] : [];
  });
}

/** Milliseconds per unit of a column's numbers where it holds times (epoch ms, or a clock's seconds); undefined for other numbers. */
function msPerUnit(data: IngestResult, c: number): number | undefined {
  if (TEMPORAL_KINDS.includes(data.columns[c].kind)) return 1;
  return isClockColumn(data, c) ? 1_000 : undefined;
}

/** The step of the last decimal a cell is written with (1 for "44", 0.01 for "6.55"). */
function lastDecimalStep(text: string): number {
  const t = text.trim();
  const point = t.indexOf('.');
  return point < 0 ? 1 : 10 ** -(t.length - point - 1);
}

/**
 * Whether columns `a` and `b` changed by the same amount between rows `f` and `r`: two numbers (or two times)
 * exactly (a tip and its total); a time and a number in seconds, minutes, hours or days within the number's last
 * decimal (a duration of 6.55 minutes rounded from the times it spans: both its values rounded, its change is within one step).
 */
function sameAmount(data: IngestResult, a: number, b: number, f: number, r: number): boolean {
  const [x, y] = [numericColumn(data, a), numericColumn(data, b)];
  const [unitA, unitB] = [msPerUnit(data, a), msPerUnit(data, b)];
  const [dx, dy] = [(x[r] - x[f]) * (unitA ?? 1), (y[r] - y[f]) * (unitB ?? 1)];
  if (!Number.isFinite(dx) || !Number.isFinite(dy) || dx === 0 || dy === 0) return false;
  if ((unitA === undefined) === (unitB === undefined)) return Math.abs(Math.abs(dx) - Math.abs(dy)) <= SAME_AMOUNT * Math.max(Math.abs(dx), Math.abs(dy));
  const [time, number, column] = unitA === undefined ? [dy, dx, a] : [dx, dy, b];
  const step = Math.max(lastDecimalStep(cellText(data, f, column)), lastDecimalStep(cellText(data, r, column)));
  return TIME_UNITS_MS.some((unit) => Math.abs(Math.abs(time / unit) - Math.abs(number)) < step);
}

/**
 * Pairs of rows that agree on every `compared` column but two measures (numbers, dates, times, clock times) that a
 * relation learned from the table ties and that holds in both rows ({@link tiesOf}), or, rows sharing their own
 * identifier (see ownIdentifiers), that changed by the same amount ({@link sameAmount}), with the bits of evidence of their agreeing cells (a value another
 * row holds with chance 1 in 1,000 is 10 bits) at least `needed`. Read from the rows whose other columns repeat
 * together (grouped by their hashes; the text column of most values first: rows that agree must agree there).
 */
export function changedCopies(data: IngestResult, compared: readonly boolean[], bitsNeeded: (tests: number) => number, maxRepeatShare: number): ChangedCopy[] {
  const rows = data.table.numRows;
  const measured = data.columns.map((column, c) => compared[c] && (isNumeric(column) || TEMPORAL_KINDS.includes(column.kind) || msPerUnit(data, c) !== undefined));
  const measures = measured.filter(Boolean).length;
  if (measures < 2 || compared.filter(Boolean).length - 2 < MIN_AGREEING_COLUMNS) return [];
  const grouping = compared.map((on, c) => on && !measured[c]);
  const candidates = rowsThatMayAgree(data, grouping);
  if (candidates.length < 2) return [];
  const ties = tiesOf(data);
  // Each row is tested against the pairs of tied columns, and, sharing an identifier, against every pair of measures.
  const [neededTied, neededShared] = [bitsNeeded(rows * ties.size), bitsNeeded(rows * ((measures * (measures - 1)) / 2))];
  // Rows grouped by the hashes of their cells in the columns that are no measures.
  const m = candidates.length;
  const [a, b] = [new Int32Array(m), new Int32Array(m)];
  compared.forEach((_, c) => {
    if (!grouping[c]) return;
    const cell = cellsOf(data, c);
    for (let i = 0; i < m; i++) fold(a, b, i, cell.key(candidates[i]), c);
  });
  const groups = new Map<number, number[]>();
  eachRepeat(a, b, slotTable(m), (f, r) => {
    const group = groups.get(f) ?? [candidates[f]];
    if (group.length <= MAX_GROUP_ROWS) group.push(candidates[r]);
    groups.set(f, group);
  });
  // Cells compared by their value ids (text) or numbers; how many rows hold a value read only for the pairs that pass.
  const values = data.columns.map((column, c) => (!compared[c] ? undefined : measured[c] || !TEXT_KINDS.includes(column.kind) ? numericColumn(data, c) : distinctValues(data, c).ids));
  const same = (c: number, f: number, r: number) => {
    const v = values[c];
    return v === undefined || v[f] === v[r] || (Number.isNaN(v[f]) && Number.isNaN(v[r]));
  };
  // A cell holding a value (text: an id of 0 or more; numbers: not NaN).
  const present = (c: number, r: number) => {
    const v = values[c];
    return v instanceof Int32Array ? v[r] >= 0 : v !== undefined && !Number.isNaN(v[r]);
  };
  const holdingOf: (ReturnType<typeof cellsOf> | undefined)[] = [];
  const bitsOf = (r: number, changed: readonly number[]) => {
    let bits = 0;
    compared.forEach((on, c) => {
      if (!on || changed.includes(c)) return;
      const holding = (holdingOf[c] ??= cellsOf(data, c)).rowsOf(r);
      if (holding >= 2) bits += Math.log2((rows - 1) / (holding - 1));
    });
    return bits;
  };
  let identifiers: number[] | undefined;
  const out: ChangedCopy[] = [];
  const taken = new Set<number>();
  for (const group of groups.values()) {
    if (group.length > MAX_GROUP_ROWS) continue;
    for (let j = 1; j < group.length; j++) {
      for (let i = 0; i < j; i++) {
        const [f, r] = [group[i], group[j]];
        if (taken.has(r)) break;
        const changed: number[] = [];
        for (let c = 0; c < values.length && changed.length <= 2; c++) {
          if (same(c, f, r)) continue;
          if (!measured[c]) changed.push(-1, -1, -1);
          else changed.push(c);
        }
        if (changed.length !== 2) continue;
        // Tied by a relation that holds in both rows (the change carried through), or sharing an identifier and changed by one amount.
        const tied = ties.get(`${changed[0]},${changed[1]}`)?.some((holds) => holds(f) && holds(r)) === true;
        identifiers ??= tied ? undefined : ownIdentifiers(data, compared, maxRepeatShare);
        const shared = !tied && (identifiers ?? []).some((c) => !changed.includes(c) && present(c, f)) && sameAmount(data, changed[0], changed[1], f, r);
        if (!tied && !shared) continue;
        const needed = tied ? neededTied : neededShared;
        const bits = bitsOf(r, changed);
        if (bits < needed) continue;
        out.push({ row: r, other: f, changed: [changed[0], changed[1]], bits, needed });
        taken.add(r);
      }
    }
  }
  return out.sort((x, y) => x.row - y.row);
}
