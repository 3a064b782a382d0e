/**
 * (d) Arithmetic relations: the clean synthetic tables hold three (line total = quantity × unit price, °F of °C,
 * housing cost = rent + utilities); in a dirty copy of each, one cell of the relation is changed in 2% of the rows
 * — a slip of a few percent, a value ×10, two digits exchanged — in any of its columns. Scored at cell level as
 * the merged-records part is: recall over the changed cells (marked by any rule), precision over every mark, and
 * the marks of broken-relation alone.
 */
import path from 'node:path';
import { checkTable } from './check';
import { tallyFound, type CellTally } from './multi-source-eval';
import { Rng } from './random';
import { syntheticTables } from './synthetic';
import type { Table } from './table';

/** The columns of each synthetic table's relation. */
const RELATIONS: Record<string, string[]> = {
  'synthetic-orders': ['quantity', 'unit_price', 'line_total'],
  'synthetic-sensors': ['temperature', 'temperature_f'],
  'synthetic-households': ['rent', 'utilities', 'housing_cost'],
};
/** Share of the rows that get one wrong cell. */
const ROW_SHARE = 0.02;
const VARIANTS = ['slip', 'times-ten', 'digits-exchanged'] as const;

export interface RelationSummary extends CellTally {
  relationMarks: number;
  relationCorrect: number;
}

/** The text written another way by `variant`, with as many decimals as `text` (undefined when it would not change). */
function changed(text: string, variant: (typeof VARIANTS)[number], rng: Rng): string | undefined {
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  let out: string;
  if (variant === 'times-ten') out = (value * 10).toFixed(decimals);
  else if (variant === 'slip') {
    const step = Math.max(10 ** -decimals, Math.abs(value) * (0.02 + 0.08 * rng.float()));
    out = (value + (rng.chance(0.5) ? step : -step)).toFixed(decimals);
  } else {
    const digits = [...text].map((ch, i) => (/\d/.test(ch) ? i : -1)).filter((i) => i >= 0);
    const pairs = digits.slice(1).map((i, k) => [digits[k], i]).filter(([a, b]) => b === a + 1 && text[a] !== text[b]);
    if (pairs.length === 0) return undefined;
    const [a, b] = pairs[rng.int(0, pairs.length - 1)];
    out = `${text.slice(0, a)}${text[b]}${text[a]}${text.slice(b + 1)}`;
  }
  return out !== text && !/^-?0\d/.test(out) ? out : undefined;
}

export async function evaluateRelations(seeds: number[], rows: number, dataDir: string): Promise<RelationSummary[]> {
  const out = new Map<string, RelationSummary>();
  for (const seed of seeds) {
    for (const clean of syntheticTables(seed, rows)) {
      const relation = RELATIONS[clean.name];
      if (!relation) continue;
      const columns = relation.map((name) => clean.header.indexOf(name));
      const rng = new Rng(seed * 7919 + clean.name.length);
      const dirty: Table = { name: clean.name, header: clean.header, rows: clean.rows.map((r) => [...r]) };
      const wrong = new Map<string, string>();
      for (let r = 0; r < dirty.rows.length; r++) {
        if (!rng.chance(ROW_SHARE)) continue;
        const c = columns[rng.int(0, columns.length - 1)];
        const variant = VARIANTS[rng.int(0, VARIANTS.length - 1)];
        const text = changed(dirty.rows[r][c], variant, rng);
        if (text === undefined) continue;
        dirty.rows[r][c] = text;
        wrong.set(`${r}:${c}`, variant);
      }
      const outcome = await checkTable(dirty, path.join(dataDir, `seed-${seed}`, 'relations', `${clean.name}.csv`));
      const s = out.get(clean.name) ?? { table: clean.name, errors: 0, found: 0, marks: 0, correctMarks: 0, byVariant: {}, relationMarks: 0, relationCorrect: 0 };
      out.set(clean.name, s);
      const marked = new Set<string>();
      for (const f of outcome.placed) {
        if (f.column === null) continue;
        const key = `${f.row}:${f.column}`;
        if (f.rule === 'broken-relation') {
          s.relationMarks++;
          if (wrong.has(key)) s.relationCorrect++;
        }
        if (marked.has(key)) continue;
        marked.add(key);
        s.marks++;
        if (wrong.has(key)) s.correctMarks++;
      }
      tallyFound(s, wrong, marked);
    }
  }
  return [...out.values()];
}

export function formatRelations(summaries: RelationSummary[]): string {
  const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '—');
  const lines = ['', `Arithmetic relations (synthetic tables, one cell of the relation changed in ${ROW_SHARE * 100}% of the rows; cell level, pooled over seeds):`];
  for (const s of summaries) {
    const variants = Object.entries(s.byVariant).map(([v, c]) => `${v} ${ratio(c.found, c.errors)}`).join(', ');
    lines.push(`  ${s.table} (${RELATIONS[s.table].join(', ')}): ${s.errors} errors, recall ${ratio(s.found, s.errors)}, precision ${ratio(s.correctMarks, s.marks)} (${variants}); broken-relation ${s.relationCorrect}/${s.relationMarks}`);
  }
  return lines.join('\n');
}
