/**
 * Records merged from several sources: each entity (a flight, an airport, a zip code) is recorded once by
 * each of several sources, and the sources disagree — a sloppy source gives another entity's value, a value
 * near the right one, nothing, or repeats a wrong value another source already gave. No single error is
 * rare: a sloppy source may be wrong in a third of its cells, and a group of records of one entity is seldom
 * unanimous. What is right is what most sources of that entity say (truth discovery).
 *
 * The entities and their true values come from public tables (vega-datasets); the sources, their
 * reliability and their errors are drawn with a seed. The truth is the entity's value; every cell that
 * differs from it is an error. Now and then a sloppy source files a record under another entity's key: the
 * key is then the error, and its attributes are right. In flights-notations half the websites also write every
 * time their own way ("7:10am", "Dec 1 7:10am", "12/01/2011 7:10 AM", "7:10 a.m. Dec 1"), as merged timetables
 * do: a right time written so is wrong too (the clean table writes "7:10 a.m.").
 */
import { Rng, subSeed } from './random';
import { SOURCES } from './sources';
import type { Table } from './table';

export type SourceErrorVariant = 'other-entity' | 'near' | 'missing' | 'copied' | 'wrong-key' | 'notation';

export interface SourceError {
  row: number;
  column: number;
  variant: SourceErrorVariant;
  original: string;
  dirty: string;
}

export interface MultiSourceTable {
  table: Table;
  errors: SourceError[];
  /** Columns that hold the entity's attributes (where errors are, with the key's column). */
  attributes: number[];
}

interface Entities {
  name: string;
  key: string;
  attributes: string[];
  /** Per entity: key, then the attributes' true texts. */
  rows: string[][];
  /** How a value near the true one is written (time: minutes off; number: a few units off; text: a typo). */
  near: ((text: string, rng: Rng) => string)[];
  /**
   * Ways a source may write every attribute (the first is the table's own): each source writes its own, so a
   * right value written another way is wrong too (the clean table writes one notation). None: every source
   * writes the table's.
   */
  notations?: ((text: string) => string)[];
}

const CARRIERS = ['AA', 'UA', 'DL', 'WN', 'CO', 'US', 'NW', 'AS'];

function clockText(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  const h = Math.floor(m / 60);
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}:${String(m % 60).padStart(2, '0')} ${h < 12 ? 'a.m.' : 'p.m.'}`;
}

function clockMinutes(text: string): number {
  const m = /^(\d{1,2}):(\d\d) ([ap])\.m\.$/.exec(text);
  if (!m) return NaN;
  return ((Number(m[1]) % 12) + (m[3] === 'p' ? 12 : 0)) * 60 + Number(m[2]);
}

/**
 * How timetable websites write "7:10 a.m." on the flights' day (Dec 1): the table's notation first, then others
 * with and without the day, before or after the time, its spelling their own.
 */
const TIME_NOTATIONS: ((text: string) => string)[] = [
  (t) => t,
  (t) => t.replace(' a.m.', 'am').replace(' p.m.', 'pm'),
  (t) => t.replace(' a.m.', 'a').replace(' p.m.', 'p'),
  (t) => `Dec 1 ${t.replace(' a.m.', 'am').replace(' p.m.', 'pm')}`,
  (t) => `12/01/2011 ${t.replace('a.m.', 'AM').replace('p.m.', 'PM')}`,
  (t) => `${t} Dec 1`,
];

const nearTime = (text: string, rng: Rng) => clockText(clockMinutes(text) + (rng.chance(0.5) ? 1 : -1) * 5 * rng.int(1, 12));

function nearNumber(text: string, rng: Rng): string {
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  const step = 10 ** -Math.min(decimals, 3);
  return (Number(text) + (rng.chance(0.5) ? 1 : -1) * step * rng.int(1, 9)).toFixed(Math.min(decimals, 3));
}

function nearText(text: string, rng: Rng): string {
  if (text.length < 3) return `${text}x`;
  const i = rng.int(1, text.length - 1);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return rng.chance(0.5) ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + letters[rng.int(0, 25)] + text.slice(i + 1);
}

function load(name: string): { header: string[]; rows: string[][] } {
  const spec = SOURCES.find((s) => s.name === name);
  if (!spec) throw new Error(`no source table ${name}`);
  return spec.load();
}

/** Flights (vega flights-10k): a flight number, scheduled and actual departure and arrival times. */
function flights(rng: Rng, count: number): Entities {
  const source = load('flights');
  const col = (n: string) => source.header.indexOf(n);
  const [date, delay, distance, origin, destination] = ['date', 'delay', 'distance', 'origin', 'destination'].map(col);
  const seen = new Set<string>();
  const rows: string[][] = [];
  for (const r of rng.shuffle(source.rows)) {
    if (rows.length >= count) break;
    const time = /(\d\d):(\d\d)$/.exec(r[date]);
    if (!time || r[delay] === '' || r[distance] === '') continue;
    const flight = `${rng.pick(CARRIERS)}-${rng.int(10, 9999)}-${r[origin]}-${r[destination]}`;
    if (seen.has(flight)) continue;
    seen.add(flight);
    const dep = Number(time[1]) * 60 + Number(time[2]);
    const arr = dep + 5 * Math.round((Number(r[distance]) / 8 + 25) / 5);
    const late = Number(r[delay]);
    rows.push([flight, clockText(dep), clockText(dep + late), clockText(arr), clockText(arr + late + rng.int(-10, 10))]);
  }
  return { name: 'flights-sources', key: 'flight', attributes: ['sched_dep_time', 'act_dep_time', 'sched_arr_time', 'act_arr_time'], rows, near: [nearTime, nearTime, nearTime, nearTime] };
}

/** Entities of a public table keyed by one column (unique there), with some of its other columns. */
function keyed(name: string, table: string, key: string, attributes: string[], rng: Rng, count: number): Entities {
  const source = load(table);
  const cols = [key, ...attributes].map((c) => source.header.indexOf(c));
  const usable = source.rows.filter((r) => cols.every((c) => r[c] !== ''));
  const rows = rng.shuffle(usable).slice(0, count).map((r) => cols.map((c) => r[c]));
  const near = attributes.map((a) => (rows.every((r) => r[attributes.indexOf(a) + 1] !== '' && Number.isFinite(Number(r[attributes.indexOf(a) + 1]))) ? nearNumber : nearText));
  return { name, key, attributes, rows, near };
}

export const MULTI_SOURCE_TABLES = ['flights-sources', 'flights-notations', 'airports-sources', 'zipcodes-sources'] as const;

function entitiesFor(name: (typeof MULTI_SOURCE_TABLES)[number], rng: Rng): Entities {
  if (name === 'flights-sources') return flights(rng, 160);
  // The same timetables, each website writing times its own way (half of them the table's).
  if (name === 'flights-notations') return { ...flights(rng, 160), name, notations: TIME_NOTATIONS };
  if (name === 'airports-sources') return keyed(name, 'airports', 'iata', ['name', 'city', 'state', 'latitude', 'longitude'], rng, 160);
  return keyed(name, 'zipcodes', 'zip_code', ['city', 'state', 'latitude', 'longitude'], rng, 160);
}

/** A merged table: entities × sources, errors drawn per source's reliability. */
export function multiSourceTable(name: (typeof MULTI_SOURCE_TABLES)[number], seed: number): MultiSourceTable {
  const rng = new Rng(subSeed(seed, `multi-source:${name}`));
  const entities = entitiesFor(name, rng);
  // Sources: most are careful, some sloppy, a few bad.
  const sources = Array.from({ length: 16 }, (_, i) => {
    const kind = rng.float();
    const rate = kind < 0.5 ? 0.03 * rng.float() : kind < 0.85 ? 0.08 + 0.17 * rng.float() : 0.3 + 0.2 * rng.float();
    const notation = entities.notations && rng.chance(0.5) ? rng.pick(entities.notations.slice(1)) : (text: string) => text;
    return { name: `source-${String(i + 1).padStart(2, '0')}`, rate, coverage: 0.35 + 0.4 * rng.float(), notation };
  });
  const header = ['record', 'src', entities.key, ...entities.attributes];
  const rows: string[][] = [];
  const errors: SourceError[] = [];
  /** Wrong values already given per entity and attribute (a source copying another's mistake). */
  const given = new Map<string, string[]>();
  for (const source of sources) {
    for (const e of rng.shuffle(entities.rows.map((_, i) => i))) {
      if (!rng.chance(source.coverage)) continue;
      const truth = entities.rows[e];
      const row = [String(rows.length + 1), source.name, truth[0]];
      // Now and then a sloppy source files a record under another entity's key (the key is what is wrong).
      if (rng.chance(0.1 * source.rate)) {
        const other = entities.rows[rng.int(0, entities.rows.length - 1)][0];
        if (other !== truth[0]) {
          errors.push({ row: rows.length, column: 2, variant: 'wrong-key', original: truth[0], dirty: other });
          row[2] = other;
        }
      }
      entities.attributes.forEach((_, a) => {
        const original = truth[a + 1];
        let dirty = original;
        let variant: SourceErrorVariant | undefined;
        if (rng.chance(source.rate)) {
          const wrong = given.get(`${e}:${a}`) ?? [];
          const roll = rng.float();
          variant = roll < 0.15 && wrong.length ? 'copied' : roll < 0.45 ? 'other-entity' : roll < 0.85 ? 'near' : 'missing';
          if (variant === 'copied') dirty = rng.pick(wrong);
          else if (variant === 'other-entity') dirty = entities.rows[rng.int(0, entities.rows.length - 1)][a + 1];
          else if (variant === 'near') dirty = entities.near[a](original, rng);
          else dirty = '';
          if (dirty !== original && dirty !== '') given.set(`${e}:${a}`, [...wrong, dirty]);
        }
        const written = dirty === '' ? dirty : source.notation(dirty);
        if (variant && dirty !== original) errors.push({ row: rows.length, column: a + 3, variant, original, dirty: written });
        else if (written !== original) errors.push({ row: rows.length, column: a + 3, variant: 'notation', original, dirty: written });
        row.push(written);
      });
      rows.push(row);
    }
  }
  return { table: { name: entities.name, header, rows }, errors, attributes: entities.attributes.map((_, a) => a + 3) };
}
