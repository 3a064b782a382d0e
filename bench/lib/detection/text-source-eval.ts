/**
 * (f) and (g): a share of a public table's rows from a second source that writes the text columns its own way. The
 * text columns of longer values (names of airports, films, teams, directors, jobs, cities, species: chosen by their
 * values, see {@link textColumns}) of every public table, 2–10% of the rows (drawn per seed and table) from a source
 * that writes them otherwise:
 * - (f) **cut at a field's width**: it keeps each such column in a field of its own width (drawn between the 40th and
 *   80th percentile of the column's lengths), cuts every longer value there and trims the white space the cut leaves
 *   at its end, as exports of such fields do. "mid-word" where the cut falls inside a word ("Livingston Munic"), "at a
 *   word's end" where it falls between words ("Meadow Lake" cut to "Meadow"; nothing in the value tells it).
 * - (g) **in capitals**: it writes their letters in capitals ("LIVINGSTON MUNICIPAL"), as older registries do.
 * Each changed cell is an error. Scored at cell level over those columns: recall, and precision over the marks there
 * that the clean table does not get (its own findings are not counted).
 */
import path from 'node:path';
import { checkTable, type CheckOutcome } from './check';
import { tallyFound, type CellTally } from './multi-source-eval';
import { Rng } from './random';
import { SOURCES } from './sources';
import type { Table } from './table';
import countryCodes from 'i18n-iso-countries/codes.json';
import englishCountryNames from 'i18n-iso-countries/langs/en.json';

/** Share of the rows the second source writes: drawn per seed and table between these. */
const SHARE = [0.02, 0.1] as const;
/** Rows of a table taken (a window drawn by the seed in larger tables). */
const MAX_ROWS = 4000;
/** A column is written by the second source when at least LONG_SHARE of its values are LONG_LENGTH long or longer. */
const LONG_SHARE = 0.3;
const LONG_LENGTH = 10;
/** The shortest field width drawn. */
const MIN_WIDTH = 6;

/** A width drawn between the 40th and the 80th percentile of a column's value lengths. */
function widthOf(values: readonly string[], rng: Rng): number {
  const lengths = values.map((v) => v.length).sort((a, b) => a - b);
  const at = (q: number) => lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))];
  return Math.max(MIN_WIDTH, rng.int(at(0.4), at(0.8)));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A second source: how it writes a column's values (a writer per column, drawn with the table's generator). */
export interface TextSource {
  name: string;
  /** Share of the rows it writes, drawn per seed and table between these (else SHARE). */
  share?: readonly [number, number];
  /** Per column: the value as the source writes it and the error's variant, or undefined where it writes it the same. */
  writer(values: readonly string[], rng: Rng): (value: string) => [string, string] | undefined;
  /** The columns it writes (else the text columns of longer values, {@link textColumns}), and how the report names them. */
  columns?(table: Table): number[];
  columnsNamed?: string;
}

/** (f) A source of fixed-width fields: longer values cut at the column's width, the white space left at the end trimmed. */
export const CUT_SOURCE: TextSource = {
  name: 'truncation',
  writer(values, rng) {
    const width = widthOf(values, rng);
    return (value) => {
      if (value.length <= width) return undefined;
      const cut = value.slice(0, width).trimEnd();
      return cut === '' ? undefined : [cut, WORD_CHAR.test(value[width - 1]) && WORD_CHAR.test(value[width]) ? 'mid-word' : "at a word's end"];
    };
  },
};

/** (g) A source that writes letters in capitals. */
export const CAPITALS_SOURCE: TextSource = {
  name: 'capitals',
  writer: () => (value) => (value.toUpperCase() === value ? undefined : [value.toUpperCase(), 'capitals']),
};

/** (g) The same source writing a larger part of the table: 20–45% of the rows. */
export const MANY_CAPITALS_SOURCE: TextSource = { ...CAPITALS_SOURCE, name: 'capitals-many', share: [0.2, 0.45] };

/** Each country of ISO 3166-1 (i18n-iso-countries' English list) by each English name it has, with its codes and names. */
const COUNTRY_BY_NAME = new Map<string, { alpha2: string; alpha3: string; names: string[] }>();
const ENGLISH_NAMES: Record<string, string | string[]> = englishCountryNames.countries;
for (const [alpha2, alpha3] of countryCodes) {
  const written = ENGLISH_NAMES[alpha2];
  if (written === undefined) continue;
  const names = typeof written === 'string' ? [written] : written;
  for (const name of names) COUNTRY_BY_NAME.set(name, { alpha2, alpha3, names });
}

/**
 * (h) A source that names countries its own way: by their three-letter or two-letter ISO codes, or by another of their
 * English names ("United States of America" for "United States"), one way per table. It writes the columns of
 * country names (nine in ten of their values one of the list's names; gapminder's countries, the airports'
 * country).
 */
export const COUNTRY_NAMES_SOURCE: TextSource = {
  name: 'country-names',
  columnsNamed: 'columns of country names',
  columns: (table) =>
    table.header.flatMap((_, c) => {
      const values = table.rows.map((row) => row[c] ?? '').filter((v) => v !== '');
      return values.length >= 50 && values.filter((v) => COUNTRY_BY_NAME.has(v)).length >= 0.9 * values.length ? [c] : [];
    }),
  writer(_values, rng) {
    const way = rng.pick(['alpha-3', 'alpha-2', 'other-name'] as const);
    return (value) => {
      const country = COUNTRY_BY_NAME.get(value);
      if (!country) return undefined;
      const other = way === 'alpha-3' ? country.alpha3 : way === 'alpha-2' ? country.alpha2 : country.names.find((name) => name !== value);
      return other === undefined || other === value ? undefined : [other, way];
    };
  },
};

export interface TextSourceSummary extends CellTally {
  /** Share of the rows the source wrote, drawn between these. */
  share: readonly [number, number];
  /** The columns it wrote, as the report names them. */
  columnsNamed: string;
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

/**
 * Scores one second source. `cleanChecks` holds the clean tables' checks by seed and table: sources evaluated with the
 * same map check each clean table once (every source takes the same window of a table for a seed).
 */
export async function evaluateTextSource(seeds: number[], dataDir: string, source: TextSource, cleanChecks = new Map<string, Promise<CheckOutcome>>()): Promise<TextSourceSummary> {
  const s: TextSourceSummary = { table: source.name, share: source.share ?? SHARE, columnsNamed: source.columnsNamed ?? 'text columns of public tables', errors: 0, found: 0, marks: 0, correctMarks: 0, byVariant: {}, byRule: {}, byTable: {} };
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
      const columns = source.columns ? source.columns(clean) : textColumns(clean);
      if (columns.length === 0) continue;
      const [low, high] = source.share ?? SHARE;
      const share = low + (high - low) * rng.float();
      const writers = new Map(columns.map((c) => [c, source.writer(clean.rows.map((row) => row[c]).filter((v) => v !== ''), rng)]));
      const wrong = new Map<string, string>();
      const dirty: Table = { name: spec.name, header: clean.header, rows: clean.rows.map((row) => [...row]) };
      dirty.rows.forEach((row, r) => {
        if (!rng.chance(share)) return;
        for (const [c, write] of writers) {
          const written = row[c] === '' ? undefined : write(row[c]);
          if (!written) continue;
          row[c] = written[0];
          wrong.set(`${r}:${c}`, written[1]);
        }
      });
      if (wrong.size === 0) continue;
      const cleanKey = `${seed}:${spec.name}`;
      if (!cleanChecks.has(cleanKey)) cleanChecks.set(cleanKey, checkTable(clean, path.join(dataDir, `seed-${seed}`, 'text-sources', `${spec.name}.clean.csv`)));
      const before = await cleanChecks.get(cleanKey)!;
      const after = await checkTable(dirty, path.join(dataDir, `seed-${seed}`, source.name, `${spec.name}.csv`));
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

/** The summary under a title ("Values cut short by a source of fixed-width fields"). */
export function formatTextSource(s: TextSourceSummary, title: string): string {
  const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '—');
  const variants = Object.entries(s.byVariant).map(([v, c]) => `${v} ${ratio(c.found, c.errors)} (${c.errors})`).join(' · ');
  const tables = Object.entries(s.byTable).map(([name, t]) => `${name} ${t.found}/${t.errors} (P ${ratio(t.correctMarks, t.marks)})`).join(', ');
  const rules = Object.entries(s.byRule)
    .sort((a, b) => b[1].marks - a[1].marks)
    .map(([rule, r]) => `${rule} ${r.correct}/${r.marks}`)
    .join(', ');
  return [
    '',
    `${title} (${s.columnsNamed}; ${Math.round(100 * s.share[0])}–${Math.round(100 * s.share[1])}% of the rows; cell level, pooled):`,
    `  ${s.errors} cells written so, recall ${ratio(s.found, s.errors)}, precision ${ratio(s.correctMarks, s.marks)}: ${variants}`,
    `  by table (found/written so): ${tables}`,
    `  marks by rule (correct/all): ${rules}`,
  ].join('\n');
}
