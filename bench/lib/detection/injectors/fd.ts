/**
 * Class 2: functional-dependency violations. Dependencies A → B (A one column or two: city + state →
 * county) are discovered in the clean table (code → name, airport → city, team → division, country →
 * cluster): A repeats, B is not dominated by one value, and at most 2% of the rows would have to change for
 * A → B to hold. In a group of A where B is one value (at least three rows), one row (two in groups of seven
 * or more: still a minority) gets another B: another existing value of B, or a near variant of its own.
 */
import { namedLikeId, type ColumnFacts } from '../columns';
import { randomRow, type Injection, type Injector } from '../inject';
import type { Table } from '../table';
import { typoEdit } from '../text-edits';

export interface Dependency {
  lhs: number[];
  rhs: number;
  /** Groups of the left-hand value where the right-hand value is one value, with at least 3 rows: value → rows. */
  pureGroups: Map<string, number[]>;
}

const MIN_GROUP = 3;
const MAX_G3 = 0.02;

/** Rows grouped by their values in `columns` (rows with an empty one left out). */
function groupRows(table: Table, columns: number[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  table.rows.forEach((row, r) => {
    if (columns.some((c) => row[c] === '')) return;
    const value = columns.map((c) => row[c]).join('\u0000');
    const members = groups.get(value);
    if (members) members.push(r);
    else groups.set(value, [r]);
  });
  return groups;
}

/** The pure groups of lhs → rhs when the dependency holds (g3 ≤ 2%, ≥ 5 pure groups, ≥ 3 values of B among them). */
function dependency(table: Table, lhs: number[], groups: Map<string, number[]>, rhs: number): Dependency | undefined {
  let violations = 0;
  let counted = 0;
  const pureGroups = new Map<string, number[]>();
  for (const [value, members] of groups) {
    const counts = new Map<string, number>();
    for (const r of members) {
      const v = table.rows[r][rhs];
      if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const total = [...counts.values()].reduce((x, y) => x + y, 0);
    counted += total;
    violations += total - Math.max(0, ...counts.values());
    if (counts.size === 1 && total === members.length && members.length >= MIN_GROUP) pureGroups.set(value, members);
  }
  const pureValues = new Set([...pureGroups.values()].map((members) => table.rows[members[0]][rhs]));
  return pureValues.size >= 3 && counted > 0 && violations <= MAX_G3 * counted && pureGroups.size >= 5 ? { lhs, rhs, pureGroups } : undefined;
}

/**
 * Dependencies with a left side of one column, or of two when neither alone determines the right side. The
 * left side is text or an integer code (named like one); the right side is not dominated by one value (a
 * near-constant column "depends" on anything).
 */
export function discoverDependencies(table: Table, facts: ColumnFacts[]): Dependency[] {
  const rows = table.rows.length;
  const lhsColumns = facts.filter((f) => (f.kind === 'text' || (f.kind === 'number' && f.integer && namedLikeId(f.name))) && !f.unique && f.counts.size >= 2).map((f) => f.index);
  const rhsColumns = facts.filter((f) => f.kind !== 'empty' && !f.unique && f.counts.size >= 2 && Math.max(...f.counts.values()) <= 0.6 * rows).map((f) => f.index);
  const found: Dependency[] = [];
  const single = new Set<string>();
  for (const a of lhsColumns) {
    const groups = groupRows(table, [a]);
    for (const b of rhsColumns) {
      const d = b !== a ? dependency(table, [a], groups, b) : undefined;
      if (d) {
        found.push(d);
        single.add(`${a}>${b}`);
      }
    }
  }
  for (let i = 0; i < lhsColumns.length; i++) {
    for (let j = i + 1; j < lhsColumns.length; j++) {
      const pair = [lhsColumns[i], lhsColumns[j]];
      const groups = groupRows(table, pair);
      for (const b of rhsColumns) {
        if (pair.includes(b) || pair.some((a) => single.has(`${a}>${b}`))) continue;
        const d = dependency(table, pair, groups, b);
        if (d) found.push(d);
      }
    }
  }
  return found;
}

function violatingValue(ctx: Injection, dependency: Dependency, current: string): { text: string; variant: string } | undefined {
  if (ctx.rng.chance(0.6)) {
    const values = [...ctx.facts[dependency.rhs].counts.keys()].filter((v) => v !== current);
    return values.length ? { text: ctx.rng.pick(values), variant: 'other-value' } : undefined;
  }
  const edited = typoEdit(ctx.rng, current);
  if (edited) return { text: edited.text, variant: 'near-variant' };
  // Numbers and codes without letters: one digit changed.
  const digits = [...current].flatMap((ch, i) => (/\d/.test(ch) ? [i] : []));
  if (digits.length === 0) return undefined;
  const i = ctx.rng.pick(digits);
  const digit = String((Number(current[i]) + ctx.rng.int(1, 9)) % 10);
  return { text: `${current.slice(0, i)}${digit}${current.slice(i + 1)}`, variant: 'near-variant' };
}

export const fdInjector: Injector = {
  cls: 'fd-violation',
  description: 'in a dependency A → B found in the clean table (code → name, airport → state, country → cluster), one row of a group (two in groups of 7+) gets another existing B or a near variant of its B',
  inject(ctx, count) {
    const dependencies = discoverDependencies(ctx.table, ctx.facts);
    if (dependencies.length === 0) return 0;
    const usedGroups = new Set<string>();
    return ctx.place(count, () => {
      const dependency = ctx.rng.pick(dependencies);
      const row = randomRow(ctx);
      const lhsValue = dependency.lhs.map((c) => ctx.text(row, c)).join('\u0000');
      const group = dependency.pureGroups.get(lhsValue);
      const groupKey = `${dependency.lhs.join('+')}:${lhsValue}`;
      if (!group || usedGroups.has(groupKey) || !ctx.hasRoom('fd-violation', dependency.rhs)) return false;
      const members = ctx.rng.shuffle(group).slice(0, group.length >= 7 && ctx.rng.chance(0.3) ? 2 : 1);
      const current = ctx.text(members[0], dependency.rhs);
      const changed = violatingValue(ctx, dependency, current);
      if (!changed || members.some((r) => ctx.text(r, dependency.rhs) !== current)) return false;
      const placed = ctx.edit('fd-violation', changed.variant, members.map((r) => ({ row: r, column: dependency.rhs, text: changed.text })));
      if (placed) usedGroups.add(groupKey);
      return placed;
    });
  },
};
