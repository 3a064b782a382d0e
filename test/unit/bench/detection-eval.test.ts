/**
 * The detection benchmark's own machinery (bench/lib/detection): injectors change exactly the cells they
 * record, never one twice, reproducibly; the scorer counts marks, hits and misses as documented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { profileColumns } from '../../../bench/lib/detection/columns';
import { Injection, type TruthItem } from '../../../bench/lib/detection/inject';
import { INJECTORS } from '../../../bench/lib/detection/injectors/index';
import { HEAVY_SHARES, injectHeavyFormat } from '../../../bench/lib/detection/heavy-format';
import { injectHeavyMerge } from '../../../bench/lib/detection/heavy-merge';
import { discoverDependencies } from '../../../bench/lib/detection/injectors/fd';
import { Rng } from '../../../bench/lib/detection/random';
import { addToTally, emptyTally, precision, recall, scoreRun } from '../../../bench/lib/detection/score';
import { parseDelimited, toCsv, type Table } from '../../../bench/lib/detection/table';
import { mojibake } from '../../../bench/lib/detection/text-edits';
import { COUNTRY_NAMES_SOURCE } from '../../../bench/lib/detection/text-source-eval';

/** A small clean table with a place for every class: id, ordered dates, categories with a dependency, numbers, text. */
function cleanTable(): Table {
  const rng = new Rng(7);
  const cities: [string, string][] = [
    ['Zürich', 'Switzerland'], ['Genève', 'Switzerland'], ['Lyon', 'France'], ['Paris', 'France'], ['Málaga', 'Spain'], ['Madrid', 'Spain'],
    ['Porto', 'Portugal'], ['Lisboa', 'Portugal'], ['Kraków', 'Poland'], ['Gdańsk', 'Poland'], ['Köln', 'Germany'], ['Berlin', 'Germany'],
  ];
  const rows: string[][] = [];
  for (let i = 0; i < 400; i++) {
    const [city, country] = cities[Math.min(cities.length - 1, Math.floor(rng.exponential(0.2)))];
    const day = new Date(Date.UTC(2022, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    rows.push([`K${1000 + i}`, day, city, country, (Math.exp(3 + rng.normal())).toFixed(2), String(rng.poisson(4)), rng.beta(2, 5).toFixed(3), `Order for ${city}'s depot - batch ${i % 17}`]);
  }
  return { name: 'hand-made', header: ['key', 'day', 'city', 'country', 'amount', 'items', 'share', 'note'], rows };
}

const cellKey = (row: number, column: number) => `${row}:${column}`;

function changedCells(clean: Table, dirty: Table): Set<string> {
  const out = new Set<string>();
  dirty.rows.forEach((row, r) => row.forEach((text, c) => text !== clean.rows[r][c] && out.add(cellKey(r, c))));
  return out;
}

function inject(cls: string, seed: number): Injection {
  const clean = cleanTable();
  const injector = INJECTORS.find((i) => i.cls === cls);
  assert.ok(injector);
  const ctx = new Injection(clean, profileColumns(clean), new Rng(seed), { maxColumnShare: 0.05 });
  injector.inject(ctx, 12);
  return ctx;
}

for (const injector of INJECTORS.filter((i) => i.cls !== 'duplicate')) {
  test(`${injector.cls}: changes exactly the recorded cells, each once, reproducibly`, () => {
    const clean = cleanTable();
    const ctx = inject(injector.cls, 3);
    assert.ok(ctx.truth.length > 0, 'the hand-made table has room for this class');
    const recorded = new Set(ctx.truth.map((t) => cellKey(t.row, t.column ?? -1)));
    assert.equal(recorded.size, ctx.truth.length, 'no cell recorded twice');
    for (const t of ctx.truth) {
      assert.equal(t.cls, injector.cls);
      assert.equal(clean.rows[t.row][t.column ?? -1], t.original);
      assert.equal(ctx.table.rows[t.row][t.column ?? -1], t.dirty);
      assert.notEqual(t.original, t.dirty);
    }
    const decoys = new Set(ctx.decoys.map((d) => cellKey(d.row, d.column)));
    for (const d of decoys) assert.ok(!recorded.has(d), 'a decoy is not an error');
    assert.deepEqual(changedCells(clean, ctx.table), new Set([...recorded, ...decoys]));
    assert.deepEqual(inject(injector.cls, 3).truth, ctx.truth, 'same seed, same errors');
    assert.notDeepEqual(inject(injector.cls, 4).truth, ctx.truth, 'another seed, other errors');
  });
}

test('duplicate: inserts rows that repeat (or nearly repeat) a row, and keeps every other row', () => {
  const clean = cleanTable();
  const ctx = inject('duplicate', 5);
  assert.ok(ctx.truth.length > 0);
  assert.equal(ctx.table.rows.length, clean.rows.length + ctx.truth.length);
  assert.deepEqual(ctx.table.rows.filter((_, r) => ctx.origin[r] >= 0), clean.rows, 'removing the inserted rows gives the clean table back');
  for (const t of ctx.truth) {
    assert.equal(t.column, null);
    assert.equal(ctx.origin[t.row], -1);
    assert.ok(t.pairRow !== undefined && t.pairRow < t.row, 'the copy comes after the row it repeats');
    const [copy, original] = [ctx.table.rows[t.row], ctx.table.rows[t.pairRow]];
    const differing = copy.filter((v, c) => v !== original[c]).length;
    if (t.variant === 'exact') assert.equal(differing, 0);
    else assert.ok(differing >= 1 && differing <= 2 && copy[0] === original[0], `${t.variant}: same key, 1–2 fields differ`);
  }
});

test('all classes in one table (the mixed run): every changed cell is recorded once, inserted rows aside', () => {
  const clean = cleanTable();
  const ctx = new Injection(clean, profileColumns(clean), new Rng(11), { maxColumnShare: 0.05 });
  for (const injector of INJECTORS) assert.ok(injector.inject(ctx, 6) > 0, `${injector.cls} placed nothing`);
  const kept = ctx.table.rows.flatMap((row, r) => (ctx.origin[r] >= 0 ? [{ row, r }] : []));
  const changed = new Set<string>();
  kept.forEach(({ row, r }) => row.forEach((text, c) => text !== clean.rows[ctx.origin[r]][c] && changed.add(cellKey(r, c))));
  const cells = ctx.truth.filter((t) => t.column !== null).map((t) => cellKey(t.row, t.column ?? -1));
  assert.equal(new Set(cells).size, cells.length);
  assert.deepEqual(changed, new Set([...cells, ...ctx.decoys.map((d) => cellKey(d.row, d.column))]));
  assert.equal(new Set(ctx.truth.map((t) => t.cls)).size, INJECTORS.length);
});

test('an injection never changes a cell twice, nor a cell or row the clean check flagged', () => {
  const clean = cleanTable();
  const ctx = new Injection(clean, profileColumns(clean), new Rng(1), { maxColumnShare: 1, flagged: (row, column) => (row === 5 && column === 2) || (row === 9 && column === null) });
  assert.equal(ctx.edit('typo', 'x', [{ row: 5, column: 2, text: 'Zxrich' }]), false, 'flagged cell');
  assert.equal(ctx.edit('typo', 'x', [{ row: 9, column: 3, text: 'Frxnce' }]), false, 'cell of a flagged row');
  assert.equal(ctx.edit('typo', 'x', [{ row: 6, column: 2, text: 'Zxrich' }]), true);
  assert.equal(ctx.edit('missing', 'empty', [{ row: 6, column: 2, text: '' }]), false, 'already changed');
  assert.equal(ctx.edit('missing', 'empty', [{ row: 7, column: 4, text: clean.rows[7][4] }]), false, 'no change is no error');
  assert.equal(ctx.edit('column-shift', 'move-right', [{ row: 8, column: 2, text: '' }, { row: 6, column: 2, text: 'Lyon' }]), false, 'all or nothing');
  assert.equal(ctx.table.rows[8][2], clean.rows[8][2]);
  assert.equal(ctx.truth.length, 1);
});

test('dependencies are found where they hold: city → country, not country → city', () => {
  const table = cleanTable();
  const found = discoverDependencies(table, profileColumns(table)).map((d) => `${d.lhs.map((c) => table.header[c]).join('+')}→${table.header[d.rhs]}`);
  assert.ok(found.includes('city→country'), found.join(', '));
  assert.ok(!found.includes('country→city'));
});

test('scoring: marks are distinct cells or rows, findings already on the clean table are dropped, row items match either row', () => {
  const truth: TruthItem[] = [
    { cls: 'typo', variant: 'delete', row: 1, column: 2, original: 'Paris', dirty: 'Pars' },
    { cls: 'typo', variant: 'x', row: 3, column: 2, original: 'Lyon', dirty: 'Lxon' },
    { cls: 'missing', variant: 'empty', row: 4, column: 5, original: '3', dirty: '' },
    { cls: 'duplicate', variant: 'exact', row: 8, column: null, original: 'repeats row 6', dirty: 'exact copy', pairRow: 6 },
  ];
  // Dirty rows 0–7 come from clean rows 0–7, row 8 is inserted, row 9 was clean row 8.
  const origin = [0, 1, 2, 3, 4, 5, 6, 7, -1, 8];
  const score = scoreRun({
    truth,
    decoys: [{ row: 2, column: 4, text: '12.0' }],
    origin,
    baseline: new Set(['missing-value|8|5', 'outlier|8|4']),
    findings: [
      { rule: 'category-variant', row: 1, column: 2 }, // hit
      { rule: 'whitespace', row: 1, column: 2 }, // same cell: same mark
      { rule: 'missing-value', row: 4, column: 5 }, // hit
      { rule: 'missing-value', row: 9, column: 5 }, // on the clean table already (clean row 8): dropped
      { rule: 'outlier', row: 9, column: 4 }, // idem
      { rule: 'outlier', row: 2, column: 4 }, // on a decoy: false alarm
      { rule: 'duplicate-row', row: 6, column: null }, // the row the copy repeats: finds the duplicate
      { rule: 'ragged-row', row: 3, column: null }, // a row finding does not find a cell error
    ],
  });
  assert.deepEqual(score.items.map((i) => i.rules), [['category-variant', 'whitespace'], [], ['missing-value'], ['duplicate-row']]);
  const tally = emptyTally();
  addToTally(tally, score);
  assert.equal(tally.marks, 5);
  assert.equal(tally.hits, 3);
  assert.equal(tally.decoyMarks, 1);
  assert.equal(recall(tally), 3 / 4);
  assert.equal(precision(tally), 3 / 5);
  assert.deepEqual(tally.falseRules, { outlier: 1, 'ragged-row': 1 });
  assert.deepEqual(tally.variants.x, { items: 1, found: 0 });
});

test('mojibake is UTF-8 read as Windows-1252; tables round-trip through CSV', () => {
  assert.equal(mojibake('café'), 'cafÃ©');
  assert.equal(mojibake('it\u2019s'), 'itâ€™s');
  assert.equal(mojibake('\u00a0'), 'Â\u00a0');
  const table: Table = { name: 't', header: ['a', 'b'], rows: [['x, y', 'say "hi"'], ['line\nbreak', '']] };
  assert.deepEqual(parseDelimited(toCsv(table)), { header: table.header, rows: table.rows });
});

test('heavy format: rewrites 10–45% of one measure column with one family of written forms, each cell recorded once, reproducibly', () => {
  const run = (seed: number) => {
    const clean = cleanTable();
    const ctx = new Injection(clean, profileColumns(clean), new Rng(seed), { maxColumnShare: 1 });
    return { clean, ctx, column: injectHeavyFormat(ctx) };
  };
  const { clean, ctx, column } = run(3);
  assert.ok(column, 'a measure column');
  assert.ok(column.share >= 0.05 && column.share <= 0.5, `share ${column.share}`);
  const changed = changedCells(clean, ctx.table);
  assert.deepEqual(new Set(ctx.truth.map((t) => cellKey(t.row, t.column!))), changed);
  assert.ok(ctx.truth.every((t) => t.cls === 'format' && t.column === column.column && t.variant.startsWith('heavy-') && t.dirty !== t.original));
  assert.deepEqual(run(3).ctx.truth, ctx.truth);
  // The copy where a second source wrote most of the column: 50–85% of its cells.
  const most = injectHeavyFormat(new Injection(clean, profileColumns(clean), new Rng(3), { maxColumnShare: 1 }), HEAVY_SHARES[1]);
  assert.ok(most && most.share >= 0.45 && most.share <= 0.9, `share ${most?.share}`);
});

test('heavy merges: two neighbouring text columns of repeating values written as one, the other emptied, in 10–60% of the rows, each cell recorded once, reproducibly', () => {
  const run = (seed: number) => {
    const clean = cleanTable();
    const ctx = new Injection(clean, profileColumns(clean), new Rng(seed), { maxColumnShare: 1 });
    return { clean, ctx, pair: injectHeavyMerge(ctx) };
  };
  const { clean, ctx, pair } = run(5);
  assert.ok(pair, 'a pair of neighbouring text columns');
  assert.deepEqual([pair.left, pair.right], ['city', 'country'], 'the only such pair');
  assert.ok(pair.share >= 0.05 && pair.share <= 0.65, `share ${pair.share}`);
  assert.deepEqual(new Set(ctx.truth.map((t) => cellKey(t.row, t.column!))), changedCells(clean, ctx.table));
  const rows = new Set(ctx.truth.map((t) => t.row));
  assert.equal(ctx.truth.length, 2 * rows.size, 'the merged cell and the emptied one per row');
  for (const r of rows) {
    const [city, country] = [ctx.table.rows[r][2], ctx.table.rows[r][3]];
    const merged = city === '' ? country : city;
    assert.ok((city === '') !== (country === '') && (merged === `${clean.rows[r][2]} ${clean.rows[r][3]}` || merged === `${clean.rows[r][2]}, ${clean.rows[r][3]}`), `row ${r}: ${city} | ${country}`);
  }
  assert.deepEqual(run(5).ctx.truth, ctx.truth);
  // Moves: the neighbour's value alone in the other's place.
  const clean2 = cleanTable();
  const moving = new Injection(clean2, profileColumns(clean2), new Rng(5), { maxColumnShare: 1 });
  assert.ok(injectHeavyMerge(moving, 'move'), 'a pair');
  for (const r of new Set(moving.truth.map((t) => t.row))) {
    const [city, country] = [moving.table.rows[r][2], moving.table.rows[r][3]];
    assert.ok(city === clean2.rows[r][3] || country === clean2.rows[r][2], `row ${r}: ${city} | ${country}`);
    assert.ok((city === '') !== (country === ''), `row ${r}: one cell emptied`);
  }
});

test('countries named another way (h): the source writes the columns of country names only, each country by its code or another of its names, one way per table', () => {
  const countries = ['France', 'Germany', 'Japan', 'United States', 'Brazil'];
  const table: Table = { name: 't', header: ['country', 'city', 'year'], rows: Array.from({ length: 60 }, (_, i) => [countries[i % 5], `City ${i % 7}`, String(2000 + i)]) };
  assert.deepEqual(COUNTRY_NAMES_SOURCE.columns?.(table), [0], 'the column of country names');
  const written = new Set<string>();
  for (let seed = 1; seed <= 12; seed++) {
    const write = COUNTRY_NAMES_SOURCE.writer(countries, new Rng(seed));
    const out = countries.map(write);
    const ways = new Set(out.map((o) => o?.[1]).filter((w) => w !== undefined));
    assert.ok(ways.size <= 1, `one way per table: ${[...ways].join(', ')}`);
    for (const o of out) if (o) written.add(`${o[1]}:${o[0]}`);
    assert.equal(write('Atlantis'), undefined, 'a name the list does not know is left alone');
  }
  for (const expected of ['alpha-3:FRA', 'alpha-2:JP', 'other-name:United States of America']) assert.ok(written.has(expected), `${expected} among ${[...written].join(', ')}`);
});
