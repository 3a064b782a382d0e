/**
 * (f) Values cut short by a source that stores text in fields of a fixed width. The public tables' text columns of
 * longer values (names of airports, films, teams, directors, jobs, cities, species: chosen by their values, see
 * {@link textColumns}) are merged with a second source for a share of the rows (2–10%, drawn per seed and table)
 * that keeps each such column in a field of its own width (drawn between the 40th and 80th percentile of the
 * column's lengths): there every longer value is cut to that width, and the white space the cut leaves at its end
 * is trimmed, as exports of such fields do. Each cut cell is an error: "mid-word" where the cut falls inside a word
 * ("Livingston Munic"), "at a word's end" where it falls between words ("Meadow Lake" cut to "Meadow"; nothing in
 * the value tells it, only a missing word). Scored at cell level over those columns: recall, and precision over the
 * marks there that the clean table does not get (its own findings are not counted).
 */
import path from 'node:path';
import { checkTable } from './check';
import { tallyFound, type CellTally } from './multi-source-eval';
import { Rng } from './random';
import { SOURCES } from './sources';
import type { Table } from './table';

/** Share of the rows the cutting source writes: drawn per seed and table between these. */
const SHARE = [0.02, 0.1] as const;
/** Rows of a table taken (a window drawn by the seed in larger tables). */
const MAX_ROWS = 4000;
/** A column is cut by the second source when at least this share of its values are this long or longer. */
const LONG_SHARE = 0.3;
const LONG_LENGTH = 10;
/** The shortest field width drawn. */
const MIN_WIDTH = 6;

export interface TruncationSummary extends CellTally {
  byRule: Record<string, { marks: number; correct: number }>;
  byTable: Record<string, { errors: number; found: number; marks: number; correctMarks: number }>;
}

/** Text columns of longer values: at least 50 values, 20 distinct, nearly all words (not numbers or dates), 30% of them at least 10 long. */
function textColumns(table: Table): number[] {
  const out: number[] = [];
  for (let c = 0; c < table.header.length; c++) {
    const values = table.rows.map((row) => row[c] ?? '').filter((v) => v !== '');
    if (values.length < 50 || new Set(values).size < 20) continue;
    const words = values.filter((v) => /\p{L}/u.test(v) && !/^[\d\s.,:/-]+$/.test(v) && Number.isNaN(Date.parse(v))).length;
    const long = values.filter((v) => v.length >= LONG_LENGTH).length;
    if (words >= 0.95 * values.length && long >= LONG_SHARE * values.length) out.push(c);
  }
  return out;
}

/** A width drawn between the 40th and the 80th percentile of a column's value lengths. */
function widthOf(values: string[], rng: Rng): number {
  const lengths = values.map((v) => v.length).sort((a, b) => a - b);
  const at = (q: number) => lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))];
  return Math.max(MIN_WIDTH, rng.int(at(0.4), at(0.8)));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

export async function evaluateTruncation(seeds: number[], dataDir: string): Promise<TruncationSummary> {
  const s: TruncationSummary = { table: 'truncation', errors: 0, found: 0, marks: 0, correctMarks: 0, byVariant: {}, byRule: {}, byTable: {} };
  for (const seed of seeds) {
    for (const [t, spec] of SOURCES.entries()) {
      let loaded: { header: string[]; rows: string[][] };
      try {
        loaded = spec.load();
      } catch {
        continue; // an @stdlib table not fetched: the detection bench says so once
      }
      const rng = new Rng(seed * 7_919 + t * 104_729 + 3);
      const start = loaded.rows.length > MAX_ROWS ? rng.int(0, loaded.rows.length - MAX_ROWS) : 0;
      const clean: Table = { name: spec.name, header: loaded.header, rows: loaded.rows.slice(start, start + MAX_ROWS) };
      const columns = textColumns(clean);
      if (columns.length === 0) continue;
      const share = SHARE[0] + (SHARE[1] - SHARE[0]) * rng.float();
      const widths = new Map(columns.map((c) => [c, widthOf(clean.rows.map((row) => row[c]).filter((v) => v !== ''), rng)]));
      const wrong = new Map<string, string>();
      const dirty: Table = { name: spec.name, header: clean.header, rows: clean.rows.map((row) => [...row]) };
      dirty.rows.forEach((row, r) => {
        if (!rng.chance(share)) return;
        for (const [c, width] of widths) {
          const value = row[c];
          if (value.length <= width) continue;
          const cut = value.slice(0, width).trimEnd();
          if (cut === '') continue;
          row[c] = cut;
          wrong.set(`${r}:${c}`, WORD_CHAR.test(value[width - 1]) && WORD_CHAR.test(value[width]) ? 'mid-word' : "at a word's end");
        }
      });
      if (wrong.size === 0) continue;
      const dir = path.join(dataDir, `seed-${seed}`, 'truncation');
      const before = await checkTable(clean, path.join(dir, `${spec.name}.clean.csv`));
      const after = await checkTable(dirty, path.join(dir, `${spec.name}.csv`));
      const cut = new Set(columns);
      const markedBefore = new Set(before.placed.filter((f) => f.column !== null).map((f) => `${f.row}:${f.column}:${f.rule}`));
      const marked = new Map<string, Set<string>>();
      for (const f of after.placed) {
        if (f.column === null || !cut.has(f.column) || markedBefore.has(`${f.row}:${f.column}:${f.rule}`)) continue;
        const key = `${f.row}:${f.column}`;
        marked.set(key, (marked.get(key) ?? new Set()).add(f.rule));
      }
      const table = (s.byTable[spec.name] ??= { errors: 0, found: 0, marks: 0, correctMarks: 0 });
      for (const [key, rules] of marked) {
        const correct = wrong.has(key);
        s.marks++;
        table.marks++;
        if (correct) {
          s.correctMarks++;
          table.correctMarks++;
        }
        for (const rule of rules) {
          const r = (s.byRule[rule] ??= { marks: 0, correct: 0 });
          r.marks++;
          if (correct) r.correct++;
        }
      }
      table.errors += wrong.size;
      for (const key of wrong.keys()) if (marked.has(key)) table.found++;
      tallyFound(s, wrong, marked);
    }
  }
  return s;
}

export function formatTruncation(s: TruncationSummary): string {
  const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '—');
  const variants = Object.entries(s.byVariant).map(([v, c]) => `${v} ${ratio(c.found, c.errors)} (${c.errors})`).join(' · ');
  const tables = Object.entries(s.byTable).map(([name, t]) => `${name} ${t.found}/${t.errors} (P ${ratio(t.correctMarks, t.marks)})`).join(', ');
  const rules = Object.entries(s.byRule)
    .sort((a, b) => b[1].marks - a[1].marks)
    .map(([rule, r]) => `${rule} ${r.correct}/${r.marks}`)
    .join(', ');
  return [
    '',
    'Values cut short by a source of fixed-width fields (text columns of public tables; 2–10% of the rows; cell level, pooled):',
    `  ${s.errors} cells cut, recall ${ratio(s.found, s.errors)}, precision ${ratio(s.correctMarks, s.marks)}: ${variants}`,
    `  by table (found/cut): ${tables}`,
    `  marks by rule (correct/all): ${rules}`,
  ].join('\n');
}
