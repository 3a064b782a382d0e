/**
 * Running balances: a column that carries a balance forward from its ledger's previous row by another column's amount
 * — a product's stock on hand in a warehouse after each movement, an account's balance after each transaction —
 * learned from the table's rows in file order. A ledger is the rows sharing the values of none, one or two columns (an
 * account; a product and a warehouse); a step is a row and the previous row of its ledger. The relation holds at a step
 * where balance − previous balance = ± amount exactly (to a millionth); a step where the balance does not move is a
 * movement not applied (a declined payment) and is not judged.
 *
 * Learned on the first LEARN_ROWS rows: per pair of numeric columns (not identifiers; the first MAX_COLUMNS), the
 * ledger columns under which the relation holds in the largest share of MIN_STEPS moving steps or more, at least
 * MIN_HOLDING of them, and in BEYOND_CHANCE of them more than with each amount moved to the ledger's next row (a bus's
 * load moves by ±1 often: the next stop's boardings less alightings carry it in a tenth of the steps by chance); the balance
 * standing still beside a non-zero amount in at most 1 − MIN_HOLDING of the steps (a year "moves by" the month only in
 * January).
 *
 * Where no column carries a balance, two columns of numbers of zero or more (but for NEGATIVE_SLIPS of them) may, one flowing in and one out (a bus's
 * load by its boardings and alightings): balance = previous balance + inflow − outflow.
 *
 * A step that breaks it holds a wrong cell: the balance, where the next step breaks too and the two amounts together
 * carry the previous balance to the next one (the balance alone was written wrong, or left as it was: a stale balance,
 * where a movement not applied leaves the next step whole); else the amount, where the next step holds (the amount
 * was written wrong, the balance kept the true one) and no row between the two carries the ledger from one balance to
 * the other (a step filed under another ledger: a product code that lost its leading zero). Other breaks say nothing
 * of which cell; of an inflow and an outflow, which one is wrong is not said, unless the two were exchanged.
 */
import type { IngestResult } from '../table/model';
import { TEMPORAL_KINDS, TEXT_KINDS, distinctValues, isNumeric, memo, numericColumn, sortedColumn } from './column-values';
import { looksLikeIdentifier } from '../shared/identifier';

/** Rows the relations are learned on (the first; a ledger's steps need its rows in order). */
const LEARN_ROWS = 20_000;
/** Numeric columns tried as balances and amounts, at most (the first). */
const MAX_COLUMNS = 12;
/** Moving steps a relation needs, and the share of them it must hold in. */
const MIN_STEPS = 50;
const MIN_HOLDING = 0.9;
/** Share of its steps by which a relation must hold more often than with the amounts moved one step on (a constant amount carries any step alike). */
const BEYOND_CHANCE = 0.5;
/** Steps a candidate is first tried on: dropped where it holds in fewer than half of them. */
const SCREEN_STEPS = 200;
/** Columns naming a ledger by themselves: values in this many rows each on average at least. */
const MIN_LEDGER_ROWS = 2;
/** A column qualifying another's ledgers (a warehouse of a product): at most this many values. */
const MAX_QUALIFIER_VALUES = 50;
/** Columns tried as naming ledgers, and as qualifying them, at most (the first). */
const MAX_LEDGER_COLUMNS = 8;
/** Rows before a break read for a step of its ledger filed under another. */
const STRAY_STEP_ROWS = 10_000;
/** Moving steps read at a time, as far as the candidates tried need them. */
const STEP_BATCH = 1_000;
/** Share of a flow's numbers, at most, that may be negative (slips: a boarding count keyed −3). */
const NEGATIVE_SLIPS = 0.01;
/** Relative difference within which a balance agrees with its previous one and the amount. */
const TOLERANCE = 1e-6;

export interface RunningBalance {
  balance: number;
  amount: number;
  /**
   * A second column flowing the other way (passengers alighting where `amount` boards them, goods issued where it
   * receives them): balance = previous balance + amount − outflow.
   */
  outflow?: number;
  /** Balance = previous balance + sign × amount (− outflow). */
  sign: 1 | -1;
  /** The columns whose values name a ledger (none: the whole table is one). */
  ledger: number[];
  /** Moving steps (on every row), and those where it holds. */
  steps: number;
  holding: number;
}

/** A step that breaks a running balance, at its wrong cell, with the value that would keep it and the ledger's previous row. */
export interface BalanceBreak {
  row: number;
  column: number;
  expected: number;
  previous: number;
}

/**
 * Per row, the previous row of its ledger (−1: none), over the first `rows` rows, from the ledger columns' keys (see
 * ledgerKeys); a row without its ledger's values is in none.
 */
function previousRows(keys: readonly ArrayLike<number>[], rows: number): Int32Array {
  const previous = new Int32Array(rows).fill(-1);
  const named = (key: number) => Number.isFinite(key) && key >= 0;
  if (keys.length === 0) {
    for (let r = 1; r < rows; r++) previous[r] = r - 1;
    return previous;
  }
  const last = new Map<number, number | Map<number, number>>();
  for (let r = 0; r < rows; r++) {
    const first = keys[0][r];
    if (!named(first)) continue;
    if (keys.length === 1) {
      const p = last.get(first);
      previous[r] = typeof p === 'number' ? p : -1;
      last.set(first, r);
      continue;
    }
    const second = keys[1][r];
    if (!named(second)) continue;
    let inner = last.get(first);
    if (!(inner instanceof Map)) last.set(first, (inner = new Map<number, number>()));
    previous[r] = inner.get(second) ?? -1;
    inner.set(second, r);
  }
  return previous;
}

/** Per row, the next row of its ledger (−1: none), from each row's previous. */
function nextRows(previous: Int32Array): Int32Array {
  const next = new Int32Array(previous.length).fill(-1);
  for (let r = 0; r < previous.length; r++) if (previous[r] >= 0) next[previous[r]] = r;
  return next;
}

/** A ledger's rows linked to their previous and next over every row, computed once per ledger. */
function ledgerLinks(data: IngestResult, ledger: readonly number[]): { previous: Int32Array; next: Int32Array } {
  return memo(data, `ledger-links:${ledger.join(',')}`, () => {
    const rows = data.table.numRows;
    const previous = previousRows(ledger.map((c) => ledgerKeys(data, c, rows)), rows);
    return { previous, next: nextRows(previous) };
  });
}

const agrees = (balance: number, before: number, moved: number) => Math.abs(balance - before - moved) <= TOLERANCE * Math.max(1, Math.abs(balance), Math.abs(before));

/**
 * Whether the step to row `r` keeps balance `b` = its previous + `sign` × amount `q` (undefined: no step — no previous
 * row, a number missing — or a balance that did not move).
 */
function stepHolds(b: Float64Array, q: Float64Array, sign: number, previous: Int32Array, r: number): boolean | undefined {
  const p = previous[r];
  if (p < 0 || !Number.isFinite(b[r]) || !Number.isFinite(b[p]) || !Number.isFinite(q[r]) || b[r] === b[p]) return undefined;
  return agrees(b[r], b[p], sign * q[r]);
}

/**
 * A column's cells in the first `rows` rows as numbers to key ledgers by: a text value's id, an integer (NaN or −1:
 * none) — read from the table's vector where the rows are fewer than the table's (an id column's numbers are not
 * copied whole to be tried as a ledger).
 */
function ledgerKeys(data: IngestResult, c: number, rows: number): ArrayLike<number> {
  if (TEXT_KINDS.includes(data.columns[c].kind)) return distinctValues(data, c).ids;
  const vector = data.table.getChildAt(c);
  if (rows === data.table.numRows || !vector) return numericColumn(data, c);
  const numbers = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const value: unknown = vector.get(r);
    numbers[r] = typeof value === 'number' || typeof value === 'bigint' ? Number(value) : NaN;
  }
  return numbers;
}

/**
 * The ledgers tried: the whole table, each column naming ledgers, and each such column with a qualifier — judged by
 * their values in the first `rows` rows, the rows the balances are learned on.
 */
function ledgerCandidates(data: IngestResult, rows: number, keysOf: (c: number) => ArrayLike<number>): number[][] {
  const usable = (c: number) => TEXT_KINDS.includes(data.columns[c].kind) || data.columns[c].kind === 'integer';
  const naming: number[] = [];
  const qualifying: number[] = [];
  data.columns.forEach((_, c) => {
    if (!usable(c)) return;
    const keys = keysOf(c);
    const values = new Set<number>();
    for (let r = 0; r < rows; r++) if (Number.isFinite(keys[r]) && keys[r] >= 0) values.add(keys[r]);
    if (values.size >= 2 && values.size * MIN_LEDGER_ROWS <= rows) naming.push(c);
    if (values.size >= 2 && values.size <= MAX_QUALIFIER_VALUES) qualifying.push(c);
  });
  const [names, qualifiers] = [naming.slice(0, MAX_LEDGER_COLUMNS), qualifying.slice(0, MAX_LEDGER_COLUMNS)];
  return [[], ...names.map((c) => [c]), ...names.flatMap((c) => qualifiers.filter((q) => q !== c).map((q) => [c, q]))];
}

/** A relation's amounts per row: its amount column, or the amount less the outflow (computed once per pair). */
function amountsOf(data: IngestResult, relation: Pick<RunningBalance, 'amount' | 'outflow'>): Float64Array {
  const { amount, outflow } = relation;
  if (outflow === undefined) return numericColumn(data, amount);
  return memo(data, `flow:${amount},${outflow}`, () => {
    const [a, o] = [numericColumn(data, amount), numericColumn(data, outflow)];
    return a.map((v, r) => v - o[r]);
  });
}


/** The running balances of a table (one per balance column), computed once. */
export function runningBalances(data: IngestResult): RunningBalance[] {
  return memo(data, 'running-balances', () => {
    const numeric = data.columns.flatMap((column, c) => (isNumeric(column) && !TEMPORAL_KINDS.includes(column.kind) && !looksLikeIdentifier(column.name) ? [c] : [])).slice(0, MAX_COLUMNS);
    if (numeric.length < 2) return [];
    const learnRows = Math.min(LEARN_ROWS, data.table.numRows);
    const found: RunningBalance[] = [];
    // Each column's keys on the learning rows, read once; each ledger's rows linked to their previous and next, once
    // for every balance tried.
    const keys = new Map<number, ArrayLike<number>>();
    const keysOf = (c: number) => {
      let known = keys.get(c);
      if (!known) keys.set(c, (known = ledgerKeys(data, c, learnRows)));
      return known;
    };
    const ledgers = ledgerCandidates(data, learnRows, keysOf).map((ledger) => {
      const previous = previousRows(ledger.map(keysOf), learnRows);
      return { ledger, previous, next: nextRows(previous) };
    });
    // Columns of numbers of zero or more (a count of goods, of passengers), a slip or two aside: ones that may flow in or out.
    const nonNegatives = new Set(numeric.filter((c) => !(sortedColumn(data, c).quantile(NEGATIVE_SLIPS) < 0)));
    // The steps that move the balance and those that leave it, reused for every balance and ledger tried.
    const [moving, standing] = [new Int32Array(learnRows), new Int32Array(learnRows)];
    for (const balance of numeric) {
      let best: RunningBalance | undefined;
      const b = numericColumn(data, balance);
      for (const { ledger, previous, next } of ledgers) {
        if (ledger.includes(balance)) continue;
        // The steps are read as far as a candidate needs them: most fail their screen within the first few hundred.
        let [moves, stands, scanned] = [0, 0, 0];
        const readSteps = (wanted: number) => {
          for (; scanned < learnRows && moves < wanted; scanned++) {
            const r = scanned;
            const p = previous[r];
            if (p < 0 || !Number.isFinite(b[r]) || !Number.isFinite(b[p])) continue;
            if (b[r] !== b[p]) moving[moves++] = r;
            else standing[stands++] = r;
          }
        };
        readSteps(STEP_BATCH);
        if (moves < MIN_STEPS) continue;
        // Amounts tried: each other column, either sign; where none carries the balance, each pair of columns of numbers
        // of zero or more as an inflow and an outflow (boardings and alightings of a bus's load).
        type Candidate = { amount: number; outflow?: number; sign: 1 | -1 };
        const single: Candidate[] = numeric.filter((amount) => amount !== balance && !ledger.includes(amount)).flatMap((amount) => [{ amount, sign: 1 }, { amount, sign: -1 }]);
        const flowing = single.filter(({ amount, sign }) => sign === 1 && nonNegatives.has(amount)).map(({ amount }) => amount);
        const flows: Candidate[] = flowing.flatMap((amount) => flowing.filter((outflow) => outflow !== amount).map((outflow) => ({ amount, outflow, sign: 1 })));
        for (const { amount, outflow, sign } of [...single, ...flows]) {
          if (outflow !== undefined && best) break;
          const [a, o] = [numericColumn(data, amount), outflow === undefined ? undefined : numericColumn(data, outflow)];
          const q = o ? (r: number) => a[r] - o[r] : (r: number) => a[r];
          let [steps, holding, shifted] = [0, 0, 0];
          for (let i = 0; ; i++) {
            if (i === moves) readSteps(moves + STEP_BATCH);
            if (i === moves) break;
            const r = moving[i];
            const p = previous[r];
            if (!Number.isFinite(q(r))) continue;
            steps++;
            if (agrees(b[r], b[p], sign * q(r))) holding++;
            const n = next[r];
            if (n >= 0 && Number.isFinite(q(n)) && agrees(b[r], b[p], sign * q(n))) shifted++;
            if (steps === SCREEN_STEPS && holding < SCREEN_STEPS / 2) break;
          }
          if (steps < MIN_STEPS || holding < MIN_HOLDING * steps || holding - shifted < BEYOND_CHANCE * steps) continue;
          // An amount the balance does not move by in more than a few steps (a movement not applied) is no balance's
          // amount: a year "moves by" the month only where the month is 1, and stands still at every other.
          readSteps(Infinity);
          let still = 0;
          for (let i = 0; i < stands; i++) if (Number.isFinite(q(standing[i])) && q(standing[i]) !== 0) still++;
          if (still > (1 - MIN_HOLDING) * (steps + still)) continue;
          if (!best || holding / steps > best.holding / best.steps) best = { balance, amount, ...(outflow === undefined ? {} : { outflow }), sign, ledger, steps, holding };
        }
      }
      if (best) found.push(best);
    }
    // Counted on every row.
    return found.map((relation) => {
      const { steps, holding } = stepsOf(data, relation);
      return { ...relation, steps, holding };
    });
  });
}

/** A relation's moving steps and those where it holds, over every row. */
function stepsOf(data: IngestResult, relation: Omit<RunningBalance, 'steps' | 'holding'>): { steps: number; holding: number } {
  const { previous } = ledgerLinks(data, relation.ledger);
  const [b, q] = [numericColumn(data, relation.balance), amountsOf(data, relation)];
  let [steps, holding] = [0, 0];
  for (let r = 0; r < previous.length; r++) {
    const holds = stepHolds(b, q, relation.sign, previous, r);
    if (holds === undefined) continue;
    steps++;
    if (holds) holding++;
  }
  return { steps, holding };
}

/** The steps that break a running balance, at their wrong cells (see the module's comment), in row order. */
export function balanceBreaks(data: IngestResult, relation: RunningBalance): BalanceBreak[] {
  const rows = data.table.numRows;
  const { previous, next } = ledgerLinks(data, relation.ledger);
  const [b, q, sign] = [numericColumn(data, relation.balance), amountsOf(data, relation), relation.sign];
  const { outflow } = relation;
  const holds = (r: number) => stepHolds(b, q, sign, previous, r);
  /**
   * Whether a row between `p` and `r` (STRAY_STEP_ROWS back at most) carries the ledger from p's balance to r's: a step
   * of this ledger filed under another (a product code that lost its leading zero), which the break is, not r's amount.
   */
  const strayStep = (p: number, r: number) => {
    for (let m = r - 1; m > p && m >= r - STRAY_STEP_ROWS; m--) {
      if (Number.isFinite(b[m]) && Number.isFinite(q[m]) && agrees(b[m], b[p], sign * q[m]) && agrees(b[r], b[m], sign * q[r])) return true;
    }
    return false;
  };
  const breaks: BalanceBreak[] = [];
  const explained = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const [p, n] = [previous[r], next[r]];
    if (explained[r] || p < 0 || n < 0) continue;
    const here = holds(r);
    // A balance left as it was (a movement not applied, or a stale balance): stale where the next step breaks and the
    // two amounts together carry the balance to the next one.
    const stale = here === undefined && b[r] === b[p] && Number.isFinite(q[r]) && q[r] !== 0;
    if (here === true || (here === undefined && !stale)) continue;
    const after = holds(n);
    if (after === false && Number.isFinite(q[n]) && Number.isFinite(b[n]) && agrees(b[n], b[p], sign * (q[r] + q[n]))) {
      breaks.push({ row: r, column: relation.balance, expected: b[p] + sign * q[r], previous: p });
      explained[n] = 1;
    } else if (!stale && after === true && !strayStep(p, r)) {
      if (outflow === undefined) breaks.push({ row: r, column: relation.amount, expected: sign * (b[r] - b[p]), previous: p });
      // Of an inflow and an outflow, which one is wrong the step does not say, unless the two were exchanged.
      else if (here === false && agrees(b[r], b[p], -q[r])) {
        const [a, o] = [numericColumn(data, relation.amount), numericColumn(data, outflow)];
        breaks.push({ row: r, column: relation.amount, expected: o[r], previous: p }, { row: r, column: outflow, expected: a[r], previous: p });
      }
    }
  }
  return breaks;
}
