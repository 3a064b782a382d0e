// Writes the sample data files of the `npm start` workspace into samples/ (run: `npm run samples`).
//
// Everything is generated from a seeded PRNG (mulberry32), so the output is byte-for-byte reproducible;
// the generated files are committed. Three files:
//
// - samples/dirty.csv: ~200 house sales with deliberately planted defects (listed in samples/README.md
//   with their line numbers): ragged rows, a blank line, a duplicate row, missing cells, NA tokens,
//   whitespace-padded and case-variant categories ("Paris" / "paris "), a price outlier, a negative
//   bedroom count, a sale date in the future, a -999 sentinel, and mixed date formats.
// - samples/clean.csv: 500 healthy rows. `price_k` is linear in area_m2, rooms, age_years, distance_km
//   and city plus Gaussian noise (regression target, coefficients in samples/README.md); `premium`
//   (true/false) is a classification target derived from the noise-free price; `has_garden` is a
//   second boolean.
// - samples/housing.arrow: an Arrow IPC file (1,000 rows: ints, floats, a dictionary-encoded city,
//   booleans, dates, timestamps) with a few obviously bad values so findings show up in the table view.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/core/shared/random.ts';
import {
  Bool,
  DateDay,
  Dictionary,
  Float64,
  Int32,
  Table,
  TimestampMillisecond,
  Utf8,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'samples');

function makeRandom(seed) {
  const next = mulberry32(seed);
  const api = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    normal: (mean = 0, sd = 1) => {
      const u = Math.max(next(), 1e-12);
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
  return api;
}

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const round = (x, d = 2) => Number(x.toFixed(d));

function csvField(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (cells) => cells.map(csvField).join(',');

const CITIES = [
  { name: 'Paris', effect: 180, districts: ['Marais', 'Montmartre', 'Bastille'] },
  { name: 'Lyon', effect: 60, districts: ['Croix-Rousse', 'Confluence'] },
  { name: 'Marseille', effect: 20, districts: ['Le Panier', 'Prado'] },
  { name: 'Nantes', effect: 0, districts: ['Centre', 'Ile de Nantes'] },
];

// ---------------------------------------------------------------------------------------------------
// dirty.csv

function makeDirty() {
  const r = makeRandom(20240611);
  const header = ['sale_id', 'sale_date', 'city', 'district', 'bedrooms', 'area_m2', 'price_eur', 'agent', 'sold_with_garden', 'notes'];
  const rows = [];
  const start = Date.UTC(2022, 0, 1);
  for (let i = 0; i < 196; i++) {
    const city = r.pick(CITIES);
    const area = round(r.normal(70, 22), 1);
    const bedrooms = Math.max(1, Math.round(area / 28 + r.normal(0, 0.6)));
    const price = Math.round((city.effect + 30) * 1000 + area * r.normal(4200, 500));
    const note = r.next() < 0.12 ? r.pick(['needs "light" renovation', 'top floor, lift', 'quiet street', 'sold above asking']) : '';
    rows.push([
      1000 + i,
      iso(start + r.int(0, 800) * DAY),
      city.name,
      r.pick(city.districts),
      bedrooms,
      area,
      price,
      r.pick(['Dupont', 'Martin', 'Bernard', 'Leroy']),
      r.next() < 0.3 ? 'yes' : 'no',
      note,
    ]);
  }
  const defects = [];
  const plant = (rowIndex, column, value, what) => {
    rows[rowIndex][header.indexOf(column)] = value;
    defects.push({ row: rowIndex, column, what, value });
  };
  // Missing cells and NA tokens.
  for (const k of [5, 17, 33, 61, 88, 120, 151]) plant(k, 'area_m2', '', 'missing cell');
  plant(12, 'district', 'NA', 'NA token');
  plant(44, 'price_eur', 'N/A', 'NA token');
  plant(73, 'agent', '-', 'NA token');
  plant(99, 'bedrooms', 'null', 'NA token');
  // Whitespace-padded and case-variant categories.
  plant(8, 'city', 'paris ', 'case variant with trailing space of "Paris"');
  plant(27, 'city', ' Lyon', 'leading space');
  plant(54, 'city', 'PARIS', 'case variant of "Paris"');
  plant(131, 'city', 'Marseille  ', 'trailing spaces');
  // Outlier, negative count, sentinel, future date, mixed date formats.
  plant(40, 'price_eur', 98_000_000, 'price outlier (×300)');
  plant(66, 'bedrooms', -2, 'negative count');
  plant(91, 'area_m2', -999, 'sentinel -999');
  plant(140, 'sale_date', '2031-05-04', 'sale date in the future');
  plant(23, 'sale_date', '03/04/2023', 'day-first date format');
  plant(77, 'sale_date', '2023/11/19', 'slash date format');
  plant(160, 'sale_date', '12 Jan 2023', 'textual date');
  plant(171, 'price_eur', 'about 250k', 'text in a numeric column');

  const lines = [csvLine(header)];
  const lineOf = [];
  rows.forEach((row, i) => {
    lineOf[i] = lines.length + 1;
    lines.push(csvLine(row));
    if (i === 49) {
      lines.push(''); // blank row
      defects.push({ row: null, line: lines.length, what: 'blank row' });
    }
    if (i === 109) {
      lines.push(csvLine(row)); // exact duplicate of the previous row
      defects.push({ row: null, line: lines.length, what: `duplicate of line ${lines.length - 1}` });
    }
    if (i === 129) {
      lines.push(csvLine([...row.slice(0, 7)])); // ragged: too few fields
      defects.push({ row: null, line: lines.length, what: `ragged row: 7 fields instead of ${header.length}` });
    }
    if (i === 179) {
      lines.push(csvLine([...row, 'extra', 'fields'])); // ragged: too many fields
      defects.push({ row: null, line: lines.length, what: `ragged row: ${header.length + 2} fields instead of ${header.length}` });
    }
  });
  for (const d of defects) if (d.row !== null) d.line = lineOf[d.row];
  defects.sort((a, b) => a.line - b.line);
  return { text: `${lines.join('\n')}\n`, defects, rows: lines.length - 1 };
}

// ---------------------------------------------------------------------------------------------------
// clean.csv

const COEF = { intercept: 40, area_m2: 3.2, rooms: 14, age_years: -0.9, distance_km: -4.5 };
const NOISE_SD = 15;

function makeClean() {
  const r = makeRandom(777);
  const header = ['listing_id', 'listed_on', 'city', 'area_m2', 'rooms', 'age_years', 'distance_km', 'has_garden', 'price_k', 'premium'];
  const lines = [csvLine(header)];
  const start = Date.UTC(2023, 0, 1);
  const base = [];
  const data = [];
  for (let i = 0; i < 500; i++) {
    const city = CITIES[i % CITIES.length];
    const area = round(Math.max(18, r.normal(72, 20)), 1);
    const rooms = Math.max(1, Math.min(7, Math.round(area / 25 + r.normal(0, 0.7))));
    const age = r.int(0, 90);
    const distance = round(Math.abs(r.normal(6, 4)), 2);
    const garden = r.next() < 0.35;
    const mean =
      COEF.intercept + COEF.area_m2 * area + COEF.rooms * rooms + COEF.age_years * age + COEF.distance_km * distance + city.effect;
    base.push(mean);
    data.push({ id: 5000 + i, date: iso(start + r.int(0, 364) * DAY), city: city.name, area, rooms, age, distance, garden, price: round(mean + r.normal(0, NOISE_SD), 1) });
  }
  const sorted = [...base].sort((a, b) => a - b);
  const cut = sorted[Math.floor(sorted.length * 0.6)];
  data.forEach((d, i) => {
    lines.push(csvLine([d.id, d.date, d.city, d.area, d.rooms, d.age, d.distance, d.garden, d.price, base[i] > cut]));
  });
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------
// housing.arrow

function makeArrow() {
  const r = makeRandom(4242);
  const n = 1000;
  const ids = new Int32Array(n);
  const area = [];
  const rooms = [];
  const city = [];
  const garden = [];
  const built = [];
  const listedAt = [];
  const price = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    const c = CITIES[r.int(0, CITIES.length - 1)];
    const a = round(Math.max(15, r.normal(75, 25)), 1);
    ids[i] = 1 + i;
    area.push(a);
    rooms.push(Math.max(1, Math.round(a / 26 + r.normal(0, 0.6))));
    city.push(c.name);
    garden.push(r.next() < 0.3);
    built.push(Date.UTC(r.int(1890, 2023), r.int(0, 11), r.int(1, 28)));
    listedAt.push(start + r.int(0, 300 * 24 * 60) * 60_000);
    price.push(round((c.effect + 40) * 1000 + a * r.normal(4000, 400), 0));
  }
  // Obviously bad values (0-based rows; the table view shows row r on line r + 2).
  const bad = [];
  area[17] = -45;
  bad.push('row 17: area_m2 = -45 (negative area)');
  price[123] = 125_000_000;
  bad.push('row 123: price_eur = 125,000,000 (outlier)');
  rooms[250] = 0;
  bad.push('row 250: rooms = 0');
  built[402] = Date.UTC(2099, 6, 1);
  bad.push('row 402: built_on = 2099-07-01 (future)');
  for (let i = 600; i < 640; i++) price[i] = null;
  bad.push('rows 600–639: price_eur missing (a burst of 40 nulls)');
  city[777] = 'paris ';
  bad.push('row 777: city = "paris " (case/whitespace variant)');
  const table = new Table({
    id: vectorFromArray(ids),
    city: vectorFromArray(city, new Dictionary(new Utf8(), new Int32())),
    area_m2: vectorFromArray(area, new Float64()),
    rooms: vectorFromArray(rooms, new Int32()),
    has_garden: vectorFromArray(garden, new Bool()),
    built_on: vectorFromArray(built, new DateDay()),
    listed_at: vectorFromArray(listedAt, new TimestampMillisecond()),
    price_eur: vectorFromArray(price, new Float64()),
  });
  return { bytes: tableToIPC(table, 'file'), bad };
}

// ---------------------------------------------------------------------------------------------------

mkdirSync(outDir, { recursive: true });
const dirty = makeDirty();
writeFileSync(path.join(outDir, 'dirty.csv'), dirty.text);
writeFileSync(path.join(outDir, 'clean.csv'), makeClean());
const arrow = makeArrow();
writeFileSync(path.join(outDir, 'housing.arrow'), arrow.bytes);

const readme = `# Sample data (generated)

Made by \`npm run samples\` (scripts/make-samples.mjs) from seeded random numbers: re-running it
reproduces these files exactly. Do not edit them by hand.

## dirty.csv — ${dirty.rows} lines of house sales with planted defects

Line numbers are 1-based file lines (line 1 is the header).

| line | column | defect | value |
|---|---|---|---|
${dirty.defects.map((d) => `| ${d.line} | ${d.column ?? ''} | ${d.what} | ${d.value === undefined ? '' : `\`${String(d.value)}\``} |`).join('\n')}

## clean.csv — 500 healthy listings

- Regression target \`price_k\` = ${COEF.intercept} + ${COEF.area_m2}·area_m2 + ${COEF.rooms}·rooms ${COEF.age_years}·age_years ${COEF.distance_km}·distance_km
  + city effect (${CITIES.map((c) => `${c.name} ${c.effect}`).join(', ')}) + N(0, ${NOISE_SD}²) noise.
- Classification target \`premium\`: true when the noise-free price is in the top 40 %.
- \`has_garden\`: an independent boolean (35 % true).

## housing.arrow — 1,000 rows, Arrow IPC file format

Columns: id Int32, city Dictionary<Int32, Utf8>, area_m2 Float64, rooms Int32, has_garden Bool,
built_on Date32<DAY>, listed_at Timestamp<MILLISECOND>, price_eur Float64. Planted problems (0-based
table rows):

${arrow.bad.map((b) => `- ${b}`).join('\n')}
`;
writeFileSync(path.join(outDir, 'README.md'), readme);
console.log(`wrote samples/dirty.csv (${dirty.rows} lines), samples/clean.csv (500 rows), samples/housing.arrow (1000 rows), samples/README.md`);
