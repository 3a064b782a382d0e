/**
 * Scores the check on records merged from several sources (multi-source.ts): cell-level precision and
 * recall per table and per error variant, pooled over seeds, and which rules made the marks.
 */
import path from 'node:path';
import { checkTable } from './check';
import { MULTI_SOURCE_TABLES, multiSourceTable } from './multi-source';

/** Cell-level counts of one table's scoring: wrong cells, those found, marks and those on wrong cells, per variant. */
export interface CellTally {
  table: string;
  errors: number;
  found: number;
  marks: number;
  correctMarks: number;
  byVariant: Record<string, { errors: number; found: number }>;
}

export interface MultiSourceSummary extends CellTally {
  byRule: Record<string, { marks: number; correct: number }>;
  score: number[];
}

/** Adds to `s` the wrong cells (key → variant) and those found among the `marked` cells, per variant. */
export function tallyFound(s: CellTally, wrong: ReadonlyMap<string, string>, marked: { has(key: string): boolean }): void {
  for (const [key, variant] of wrong) {
    const v = (s.byVariant[variant] ??= { errors: 0, found: 0 });
    v.errors++;
    s.errors++;
    if (marked.has(key)) {
      v.found++;
      s.found++;
    }
  }
}

export async function evaluateMultiSource(seeds: number[], dataDir: string): Promise<MultiSourceSummary[]> {
  const out: MultiSourceSummary[] = [];
  for (const name of MULTI_SOURCE_TABLES) {
    const s: MultiSourceSummary = { table: name, errors: 0, found: 0, marks: 0, correctMarks: 0, byVariant: {}, byRule: {}, score: [] };
    for (const seed of seeds) {
      const { table, errors } = multiSourceTable(name, seed);
      const outcome = await checkTable(table, path.join(dataDir, `seed-${seed}`, 'multi-source', `${name}.csv`));
      const wrong = new Map(errors.map((e) => [`${e.row}:${e.column}`, e.variant]));
      const marked = new Map<string, string[]>();
      for (const f of outcome.placed) {
        if (f.column === null) continue;
        const key = `${f.row}:${f.column}`;
        marked.set(key, [...(marked.get(key) ?? []), f.rule]);
      }
      for (const [key, rules] of marked) {
        const correct = wrong.has(key);
        s.marks++;
        if (correct) s.correctMarks++;
        for (const rule of new Set(rules)) {
          const r = (s.byRule[rule] ??= { marks: 0, correct: 0 });
          r.marks++;
          if (correct) r.correct++;
        }
      }
      tallyFound(s, wrong, marked);
      s.score.push(outcome.score);
    }
    out.push(s);
  }
  return out;
}

export function formatMultiSource(summaries: MultiSourceSummary[]): string {
  const lines = ['', 'Records merged from several sources (cell level, pooled over seeds):'];
  const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '—');
  let [errors, found, marks, correct] = [0, 0, 0, 0];
  for (const s of summaries) {
    errors += s.errors;
    found += s.found;
    marks += s.marks;
    correct += s.correctMarks;
    const variants = Object.entries(s.byVariant).map(([v, c]) => `${v} ${ratio(c.found, c.errors)}`).join(', ');
    const rules = Object.entries(s.byRule).sort((a, b) => b[1].marks - a[1].marks).map(([r, c]) => `${r} ${c.correct}/${c.marks}`).join(', ');
    lines.push(`  ${s.table}: ${s.errors} errors, recall ${ratio(s.found, s.errors)}, precision ${ratio(s.correctMarks, s.marks)} (${variants}); marks by rule: ${rules || 'none'}; scores ${s.score.map((x) => x.toFixed(0)).join(', ')}`);
  }
  const p = marks ? correct / marks : 0;
  const r = errors ? found / errors : 0;
  lines.push(`  all: recall ${r.toFixed(2)}, precision ${marks ? p.toFixed(2) : '—'}, F1 ${p + r ? ((2 * p * r) / (p + r)).toFixed(2) : '0.00'}`);
  return lines.join('\n');
}
