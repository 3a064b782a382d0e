/**
 * (e) A film catalogue merged from two sources: vega's movies (a public table of 3,201 films) written as one
 * catalogue writes them — release dates "12 June 1998 (USA)", running times "109 min", ratings "7.5", directors
 * "Alfred Hitchcock", tags (genre, creative type, source) "Drama, Contemporary Fiction, Original Screenplay" —
 * with a share of the rows (5–20%, drawn per seed) written as a second catalogue writes them: "Jun 12, 1998" or
 * "1998-06-12", "1 hr. 49 min.", "7.5/10", "Hitchcock, Alfred", "Drama; Contemporary Fiction; …". Each such cell
 * is written unlike its column, an error to find. Scored at cell level over the five written columns: recall over
 * the second source's cells, precision over every mark in those columns (the table's own findings elsewhere are
 * not counted), and which rules made the marks.
 */
import path from 'node:path';
import { checkTable } from './check';
import { tallyFound, type CellTally } from './multi-source-eval';
import { Rng } from './random';
import { SOURCES } from './sources';
import type { Table } from './table';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const HEADER = ['title', 'release_date', 'director', 'running_time', 'imdb_rating', 'tags'];
/** Share of the rows the second source writes: drawn per seed between these. */
const SHARE = [0.05, 0.2] as const;

export interface CatalogueSummary extends CellTally {
  byRule: Record<string, { marks: number; correct: number }>;
  shares: number[];
}

interface Film {
  title: string;
  date: { y: number; m: number; d: number } | undefined;
  director: string;
  minutes: number | undefined;
  rating: string;
  tags: string[];
}

/** vega's "Jun 12 1998" as its day, month and year. */
function dateOf(text: string): Film['date'] {
  const m = /^([A-Za-z]{3}) (\d{1,2}) (\d{4})$/.exec(text);
  const month = m ? MONTHS.findIndex((name) => name.startsWith(m[1])) + 1 : 0;
  return m && month > 0 ? { y: Number(m[3]), m: month, d: Number(m[2]) } : undefined;
}

function films(): Film[] {
  const spec = SOURCES.find((s) => s.name === 'movies');
  if (!spec) throw new Error('no source table movies');
  const { header, rows } = spec.load();
  const at = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
  return rows.map((row) => ({
    title: at(row, 'Title'),
    date: dateOf(at(row, 'Release Date')),
    director: at(row, 'Director'),
    minutes: at(row, 'Running Time min') === '' ? undefined : Number(at(row, 'Running Time min')),
    rating: at(row, 'IMDB Rating'),
    tags: ['Major Genre', 'Creative Type', 'Source'].map((name) => at(row, name)).filter((tag) => tag !== ''),
  }));
}

/** A film's cells as the first catalogue writes them. */
function firstSource(film: Film): string[] {
  const date = film.date ? `${film.date.d} ${MONTHS[film.date.m - 1]} ${film.date.y} (USA)` : '';
  return [film.title, date, film.director, film.minutes === undefined ? '' : `${film.minutes} min`, film.rating, film.tags.join(', ')];
}

/** The cells the second catalogue writes its way (by column), with the variant of each; undefined where it writes the same. */
function secondSource(film: Film, rng: Rng): Map<number, [string, string]> {
  const out = new Map<number, [string, string]>();
  if (film.date) {
    const { y, m, d } = film.date;
    out.set(1, rng.chance(0.5) ? [`${MONTHS[m - 1].slice(0, 3)} ${d}, ${y}`, 'date-month-first'] : [`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, 'date-iso']);
  }
  const names = film.director.split(' ');
  if (names.length === 2) out.set(2, [`${names[1]}, ${names[0]}`, 'name-last-first']);
  if (film.minutes !== undefined && film.minutes >= 60) out.set(3, [`${Math.floor(film.minutes / 60)} hr. ${film.minutes % 60} min.`, 'hours-minutes']);
  if (film.rating !== '') out.set(4, [`${film.rating}/10`, 'rating-scale']);
  if (film.tags.length >= 2) out.set(5, [film.tags.join(rng.chance(0.5) ? '; ' : ' | '), 'list-separator']);
  return out;
}

export async function evaluateCatalogue(seeds: number[], dataDir: string): Promise<CatalogueSummary> {
  const s: CatalogueSummary = { table: 'movies-catalogues', errors: 0, found: 0, marks: 0, correctMarks: 0, byVariant: {}, byRule: {}, shares: [] };
  const all = films();
  for (const seed of seeds) {
    const rng = new Rng(seed * 104_729 + 17);
    const share = SHARE[0] + (SHARE[1] - SHARE[0]) * rng.float();
    s.shares.push(share);
    const table: Table = { name: 'movies-catalogues', header: HEADER, rows: [] };
    const wrong = new Map<string, string>();
    for (const film of all) {
      const row = firstSource(film);
      if (rng.chance(share)) {
        for (const [c, [text, variant]] of secondSource(film, rng)) {
          row[c] = text;
          wrong.set(`${table.rows.length}:${c}`, variant);
        }
      }
      table.rows.push(row);
    }
    const outcome = await checkTable(table, path.join(dataDir, `seed-${seed}`, 'catalogue', 'movies-catalogues.csv'));
    const marked = new Map<string, Set<string>>();
    for (const f of outcome.placed) {
      if (f.column === null || f.column === 0) continue;
      const key = `${f.row}:${f.column}`;
      marked.set(key, (marked.get(key) ?? new Set()).add(f.rule));
    }
    for (const [key, rules] of marked) {
      const correct = wrong.has(key);
      s.marks++;
      if (correct) s.correctMarks++;
      for (const rule of rules) {
        const r = (s.byRule[rule] ??= { marks: 0, correct: 0 });
        r.marks++;
        if (correct) r.correct++;
      }
    }
    tallyFound(s, wrong, marked);
  }
  return s;
}

export function formatCatalogue(s: CatalogueSummary): string {
  const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '—');
  const variants = Object.entries(s.byVariant).map(([v, c]) => `${v} ${ratio(c.found, c.errors)} (${c.errors})`).join(' · ');
  const rules = Object.entries(s.byRule)
    .sort((a, b) => b[1].marks - a[1].marks)
    .map(([rule, r]) => `${rule} ${r.correct}/${r.marks}`)
    .join(', ');
  const shares = s.shares.map((share) => `${Math.round(share * 100)}%`).join(', ');
  return [
    '',
    `A film catalogue merged from two sources (vega movies; the second source's rows: ${shares} by seed; cell level over the written columns, pooled):`,
    `  ${s.errors} cells written the second way, recall ${ratio(s.found, s.errors)}, precision ${ratio(s.correctMarks, s.marks)}: ${variants}`,
    `  marks by rule (correct/all): ${rules}`,
  ].join('\n');
}
