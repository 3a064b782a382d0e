/**
 * Clean synthetic tables with the column shapes real files have — log-normal, exponential, Pareto,
 * zero-inflated, Poisson (small and large λ), bounded percentages and fractions, Zipf categories of real
 * names with many rare values (near-identical real names such as "Abbey"/"Abbie"/"Abby" included: rare,
 * not typos), ordered timestamps with realistic gaps, a timestamp a few seconds out of order now and then
 * (payment after order: not "far out of place"), identifiers, free text, optional fields, and
 * dependencies that hold exactly (city → state, product code → name, zip → city, station → region), and
 * arithmetic relations (line total = quantity × unit price, °F of the °C, housing cost = rent + utilities).
 * Every cell is correct: any finding on them is a false alarm.
 */
import { Rng, zipfSampler } from './random';
import { firstNames, vegaColumn } from './sources';
import type { Table } from './table';

export interface SyntheticTable extends Table {
  /** The shape each column was drawn from (reported per shape). */
  shapes: string[];
}

interface Column {
  name: string;
  shape: string;
  /** The cell of row `i`; may read the cells drawn before it in the same row. */
  cell: (rng: Rng, i: number, row: Record<string, string>) => string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoStamp = (t: number, sep = ' ') => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${sep}${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};
const slashStamp = (t: number) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

/** Real station and city names with accents (the clean data is not all ASCII). */
const STATIONS = [
  'Zürich Fluntern', 'Genève Cointrin', 'São Paulo Mirante', 'Málaga Aeropuerto', 'Kraków Balice', 'Montréal Trudeau', 'Besançon',
  'Düsseldorf Flughafen', 'Göteborg Landvetter', 'Reykjavík', 'Łódź Lublinek', 'Córdoba', 'Jönköping', 'Bogotá El Dorado', 'Malmö Sturup',
  'Köln Bonn', 'Münster Osnabrück', 'Orléans Bricy', 'Nîmes Garons', 'Québec Jean Lesage', 'Oslo Blindern', 'Bergen Florida', 'Lyon Bron',
  'Porto', 'Lisboa Gago Coutinho', 'Sevilla Tablada', 'Wien Hohe Warte', 'Graz Universität', 'Brno Tuřany', 'Praha Ruzyně', 'Poznań Ławica',
  'Gdańsk Rębiechowo', 'Århus Syd', 'Tromsø Langnes', 'Luleå Kallax', 'Umeå', 'Tórshavn', 'Cádiz', 'A Coruña Alvedro', 'Logroño Agoncillo',
  'Saint-Étienne Bouthéon', 'Nancy Essey', 'Besançon Thise', 'Brest Guipavas', 'Zaragoza Valdespartera', 'Bilbao Sondika', 'Kraljevo',
  'Niš', 'Timișoara', 'Iași', 'Cluj-Napoca', 'Plzeň Líně', 'Žilina', 'Košice', 'Szeged', 'Pécs Pogány', 'Győr', 'Debrecen', 'Ljubljana Bežigrad',
  'Split Marjan',
];
const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Alpine', 'Coastal', 'Highlands'];
const WORDS = (
  'the a of to and in is it for on with as was at by an be this from that which or are have had not but were they one all we there can ' +
  'delivery late early package box left door neighbour signed customer called asked refund replaced damaged fine good great again ' +
  'please ring bell back gate office reception weekend morning evening before after leave safe place garage porch hold collect depot'
).split(' ');

function sentence(rng: Rng, words: number): string {
  const out: string[] = [];
  for (let k = 0; k < words; k++) out.push(rng.pick(WORDS));
  const text = out.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}${rng.chance(0.7) ? '.' : ''}`;
}

/** Positive draws rounded to `decimals` (a value that rounds to 0 is kept at the smallest step). */
const fixed = (x: number, decimals: number) => Math.max(x, 10 ** -decimals).toFixed(decimals);

interface Vocabulary {
  names: string[];
  cities: { value: string; paired: string }[];
  zips: { value: string; paired: string }[];
  jobs: string[];
  products: string[];
}

/** A value without stray white space: around it, or repeated between its words (the sources have a few: not clean). */
const tidy = (value: string) => value.trim().replace(/\s{2,}/g, ' ');
/** Distinct values without stray white space. */
const trimmed = (values: string[]) => [...new Set(values.map(tidy).filter((v) => v !== ''))];

function vocabulary(): Vocabulary {
  // value → its first paired value, so the dependency holds exactly after trimming too.
  const pairs = (file: string, column: string, paired: string) => {
    const first = new Map<string, string>();
    for (const p of vegaColumn(file, column, paired)) if (tidy(p.value) && tidy(p.paired) && !first.has(tidy(p.value))) first.set(tidy(p.value), tidy(p.paired));
    return [...first].map(([value, pairedValue]) => ({ value, paired: pairedValue }));
  };
  return {
    names: trimmed(firstNames() ?? vegaColumn('zipcodes.csv', 'county').map((c) => c.value)),
    cities: pairs('zipcodes.csv', 'city', 'state'),
    zips: pairs('zipcodes.csv', 'zip_code', 'city'),
    jobs: trimmed(vegaColumn('jobs.json', 'job').map((j) => j.value)),
    products: trimmed(vegaColumn('airports.csv', 'name').map((a) => a.value)),
  };
}

/** Ordered timestamps: arrivals with exponential gaps during opening hours, nothing at night. */
function businessClock(start: number, meanGapMinutes: number): (rng: Rng) => number {
  let t = start;
  return (rng) => {
    t += rng.exponential(1 / meanGapMinutes) * 60_000;
    const hour = new Date(t).getUTCHours();
    if (hour >= 20 || hour < 8) {
      const d = new Date(t);
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + (hour >= 20 ? 1 : 0), 8, rng.int(0, 30), rng.int(0, 59));
    }
    return Math.floor(t / 1000) * 1000;
  };
}

function orders(v: Vocabulary, seed: number): Column[] {
  const rng0 = new Rng(seed);
  const clock = businessClock(Date.UTC(2023, 0, 2, 8), 7);
  const customers = rng0.shuffle(v.names).slice(0, 3000);
  const customer = zipfSampler(customers.length, 1.05);
  const cities = rng0.shuffle(v.cities).slice(0, 4000);
  const city = zipfSampler(cities.length, 1.0);
  const products = rng0.shuffle(v.products).slice(0, 400);
  const product = zipfSampler(products.length, 1.1);
  return [
    { name: 'order_id', shape: 'id (running)', cell: (_, i) => String(100001 + i) },
    { name: 'ordered_at', shape: 'timestamp (ordered, gaps)', cell: (rng, _, row) => {
      const t = clock(rng);
      row.paid = isoStamp(t + Math.round(rng.exponential(1 / 15)) * 1000);
      return isoStamp(t);
    } },
    { name: 'paid_at', shape: 'timestamp (nearly ordered: seconds of jitter)', cell: (_, __, row) => row.paid },
    { name: 'customer', shape: 'zipf names (rare ones real)', cell: (rng) => customers[customer(rng)] },
    { name: 'city', shape: 'zipf cities', cell: (rng, _, row) => {
      const c = cities[city(rng)];
      row.state = c.paired;
      return c.value;
    } },
    { name: 'state', shape: 'fd rhs (city → state)', cell: (_, __, row) => row.state },
    { name: 'product_code', shape: 'zipf codes', cell: (rng, _, row) => {
      const k = product(rng);
      row.product = products[k];
      return `P-${pad(10007 + 37 * k, 5)}`;
    } },
    { name: 'product_name', shape: 'fd rhs (code → name)', cell: (_, __, row) => row.product },
    { name: 'quantity', shape: 'poisson small λ', cell: (rng, _, row) => (row.quantity = String(1 + rng.poisson(1.3))) },
    { name: 'unit_price', shape: 'log-normal', cell: (rng, _, row) => (row.price = fixed(Math.exp(3 + 0.9 * rng.normal()), 2)) },
    { name: 'line_total', shape: 'product (quantity × unit price)', cell: (_, __, row) => (Number(row.quantity) * Number(row.price)).toFixed(2) },
    { name: 'discount_pct', shape: 'zero-inflated bounded %', cell: (rng) => (rng.chance(0.7) ? '0' : (100 * rng.beta(2, 8)).toFixed(1)) },
    { name: 'shipping_hours', shape: 'exponential', cell: (rng) => fixed(rng.exponential(1 / 30), 1) },
    { name: 'note', shape: 'optional free text (70% empty)', cell: (rng) => (rng.chance(0.7) ? '' : sentence(rng, rng.int(2, 9))) },
  ];
}

function sensors(_: Vocabulary, seed: number): Column[] {
  const rng0 = new Rng(seed);
  const regionOf = new Map(STATIONS.map((s) => [s, rng0.pick(REGIONS)]));
  const station = zipfSampler(STATIONS.length, 0.8);
  let t = Date.UTC(2021, 2, 1);
  return [
    { name: 'reading_id', shape: 'id (hex)', cell: (rng, i) => `${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}${rng.int(0, 0xfff).toString(16).padStart(3, '0')}` },
    { name: 'recorded_at', shape: 'timestamp (ordered, gaps)', cell: (rng) => {
      t += (rng.chance(0.03) ? rng.int(2, 30) : 1) * 600_000;
      return slashStamp(t);
    } },
    { name: 'station', shape: 'zipf names (non-ASCII)', cell: (rng, _, row) => {
      const s = STATIONS[station(rng)];
      row.region = regionOf.get(s) ?? '';
      return s;
    } },
    { name: 'region', shape: 'fd rhs (station → region)', cell: (_, __, row) => row.region },
    { name: 'temperature', shape: 'normal', cell: (rng, _, row) => {
      const celsius = 12 + 8 * rng.normal();
      row.fahrenheit = (1.8 * celsius + 32).toFixed(1);
      return celsius.toFixed(1);
    } },
    { name: 'temperature_f', shape: 'affine (°F of the unrounded °C)', cell: (_, __, row) => row.fahrenheit },
    { name: 'rainfall_mm', shape: 'zero-inflated gamma', cell: (rng) => (rng.chance(0.6) ? '0.0' : fixed(6 * rng.gamma(0.8), 1)) },
    { name: 'wind_speed', shape: 'gamma', cell: (rng) => fixed(3 * rng.gamma(2), 1) },
    { name: 'humidity_pct', shape: 'bounded % (beta)', cell: (rng) => String(Math.round(100 * rng.beta(5, 2))) },
    { name: 'particle_count', shape: 'poisson large λ', cell: (rng) => String(rng.poisson(200)) },
    { name: 'events', shape: 'poisson small λ', cell: (rng) => String(rng.poisson(0.3)) },
    { name: 'battery', shape: 'fraction (beta)', cell: (rng) => rng.beta(8, 2).toFixed(3) },
    { name: 'status', shape: 'zipf categories (few)', cell: (rng) => rng.weighted([['ok', 90], ['degraded', 6], ['maintenance', 3], ['recalibrated', 1]]) },
  ];
}

function households(v: Vocabulary, seed: number): Column[] {
  const rng0 = new Rng(seed);
  const zips = rng0.shuffle(v.zips).slice(0, 2500);
  const zip = zipfSampler(zips.length, 0.9);
  const jobs = rng0.shuffle(v.jobs);
  const job = zipfSampler(jobs.length, 1.2);
  return [
    { name: 'household_id', shape: 'id (code)', cell: (_, i) => `H${pad(i + 1, 6)}` },
    { name: 'surveyed_on', shape: 'date (unordered)', cell: (rng) => new Date(Date.UTC(2019, 0, 1) + rng.int(0, 5 * 365) * 86_400_000).toISOString().slice(0, 10) },
    { name: 'zip', shape: 'zipf codes (leading zeros)', cell: (rng, _, row) => {
      const z = zips[zip(rng)];
      row.city = z.paired;
      return z.value;
    } },
    { name: 'city', shape: 'fd rhs (zip → city)', cell: (_, __, row) => row.city },
    { name: 'occupation', shape: 'zipf categories (many)', cell: (rng) => jobs[job(rng)] },
    { name: 'income', shape: 'pareto (α 2.2)', cell: (rng) => String(Math.round(rng.pareto(15000, 2.2))) },
    { name: 'rent', shape: 'log-normal', cell: (rng, _, row) => (row.rent = String(Math.round(Math.exp(7 + 0.4 * rng.normal())))) },
    { name: 'utilities', shape: 'gamma', cell: (rng, _, row) => (row.utilities = String(Math.round(60 * rng.gamma(3)))) },
    { name: 'housing_cost', shape: 'sum (rent + utilities)', cell: (_, __, row) => String(Number(row.rent) + Number(row.utilities)) },
    { name: 'savings', shape: 'zero-inflated log-normal', cell: (rng) => (rng.chance(0.45) ? '0' : String(Math.round(Math.exp(8.5 + 1.5 * rng.normal())))) },
    { name: 'household_size', shape: 'poisson small λ', cell: (rng) => String(1 + rng.poisson(1.6)) },
    { name: 'age', shape: 'bounded integer', cell: (rng) => String(Math.min(95, Math.max(18, Math.round(47 + 16 * rng.normal())))) },
    { name: 'commute_min', shape: 'exponential', cell: (rng) => String(Math.round(rng.exponential(1 / 25))) },
    { name: 'donations', shape: 'pareto (α 1.2)', cell: (rng) => fixed(rng.pareto(5, 1.2), 2) },
    { name: 'comment', shape: 'free text', cell: (rng) => sentence(rng, rng.int(3, 14)) },
  ];
}

const TABLES: [string, (v: Vocabulary, seed: number) => Column[]][] = [
  ['synthetic-orders', orders],
  ['synthetic-sensors', sensors],
  ['synthetic-households', households],
];

/** The clean synthetic tables for a seed, `rows` rows each. */
export function syntheticTables(seed: number, rows: number): SyntheticTable[] {
  const v = vocabulary();
  return TABLES.map(([name, columnsOf], k) => {
    const columns = columnsOf(v, seed + k);
    const rng = new Rng(seed * 31 + k);
    const out: string[][] = [];
    for (let i = 0; i < rows; i++) {
      const scratch: Record<string, string> = {};
      out.push(columns.map((c) => c.cell(rng, i, scratch)));
    }
    return { name, header: columns.map((c) => c.name), rows: out, shapes: columns.map((c) => c.shape) };
  });
}
