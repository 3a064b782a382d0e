/** Each cleaning step on a small table: what it changes, what it leaves alone, and what it counts. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { cleanCsv } from './helpers';

const lines = (text: string) => text.trimEnd().split('\n');

test('trim white space: texts lose leading and trailing spaces, blank cells become empty; other cells stay as written', async () => {
  const { text, run } = await cleanCsv('city,price\n Paris ,1.50\nLyon,2\n   ,3\n', [['trim-whitespace', { columns: ['city'] }]]);
  assert.deepEqual(lines(text), ['city,price', 'Paris,1.50', 'Lyon,2', ',3']);
  assert.deepEqual([run.steps[0].cellsChanged, run.steps[0].rowsChanged], [2, 2]);
});

test('NA tokens → empty, in the listed columns only, compared trimmed', async () => {
  const { text, run } = await cleanCsv('a,b\nNA,NA\n N/A ,x\n-,y\nok,null\n', [['null-na-tokens', { columns: ['a'] }]]);
  assert.deepEqual(lines(text), ['a,b', ',NA', ',x', ',y', 'ok,null']);
  assert.equal(run.steps[0].cellsChanged, 3);
});

test('unify categories: case/accent/space variants and rare typos become the most frequent spelling; free text is left alone', async () => {
  const rows = ['city', ...Array(20).fill('London'), 'london', 'LONDON ', 'Londno', ...Array(6).fill('Paris'), 'paris', 'Pariss', 'Type 1', 'Type 2', ...Array(12).fill('Type 1')];
  const { text, run, recipe } = await cleanCsv(`${rows.join('\n')}\n`, [['unify-categories', { columns: ['city'] }]]);
  const out = lines(text).slice(1);
  assert.equal(out.filter((v) => v === 'London').length, 23, 'variants and the typo of London');
  assert.equal(out.filter((v) => v === 'Paris').length, 7, '"paris" joins; "Pariss" stays: Paris is not 10 times as frequent');
  assert.ok(out.includes('Type 2'), 'a digit difference is a different category');
  const mapping = (recipe.steps[0].fitted as { mapping: Record<string, Record<string, string>> }).mapping.city;
  assert.equal(mapping.Londno, 'London');
  assert.equal(run.steps[0].cellsChanged, 4);
  const free = await cleanCsv(`note\n${Array.from({ length: 30 }, (_, i) => `note ${i}`).join('\n')}\nNote 1\n`, [['unify-categories', { columns: ['note'], maxDistinct: 10 }]]);
  assert.equal(free.run.steps[0].cellsChanged, 0, 'more distinct values than maxDistinct: free text');
});

test('unify categories: to the spelling category-variant reports, written the column\'s way ("Seattle" though "SEATTLE" is in more rows)', async () => {
  const cities = ['Seattle', 'Boston', 'Denver', 'Austin', 'Portland', 'Chicago'];
  const rows = Array.from({ length: 120 }, (_, i) => (i % 6 === 0 && i < 90 ? 'SEATTLE' : cities[i % 6]));
  const { text } = await cleanCsv(`city\n${rows.join('\n')}\n`, [['unify-categories', { columns: ['city'] }]]);
  const out = lines(text).slice(1);
  assert.equal(out.filter((v) => v === 'Seattle').length, 20, 'every Seattle row written as the column writes its letters');
  assert.equal(out.filter((v) => v === 'SEATTLE').length, 0);
});

test('unify categories: a word written short joins its full spelling, as category-variant reports it ("St. Louis" → "Saint Louis")', async () => {
  const rows = ['city', ...Array(8).fill('Saint Louis'), 'St. Louis', 'St Louis', ...Array(5).fill('Fort Collins'), 'Ft. Collins', 'KM', ...Array(4).fill('KPM')];
  const { text, run } = await cleanCsv(`${rows.join('\n')}\n`, [['unify-categories', { columns: ['city'] }]]);
  const out = lines(text).slice(1);
  assert.equal(out.filter((v) => v === 'Saint Louis').length, 10);
  assert.equal(out.filter((v) => v === 'Fort Collins').length, 6);
  assert.ok(out.includes('KM'), 'two letters alone are a code, not a contraction');
  assert.equal(run.steps[0].cellsChanged, 3);
  const answers = await cleanCsv(`member\n${[...Array(12).fill('Y'), ...Array(12).fill('N'), 'TRUE', 'F'].join('\n')}\n`, [['unify-categories', { columns: ['member'] }]]);
  assert.deepEqual(lines(answers.text).slice(-2), ['Y', 'N'], 'a yes/no answer written another way, as category-variant reports it');
  const names = await cleanCsv(`director\n${[...Array(5).fill('Billy Wilder'), '"Wilder, Billy"', ...Array(3).fill('Agnes Varda')].join('\n')}\n`, [['unify-categories', { columns: ['director'] }]]);
  assert.deepEqual(lines(names.text).slice(5, 7), ['Billy Wilder', 'Billy Wilder'], 'a name written last name first, as category-variant reports it');
  const payees = await cleanCsv(
    `payee\n${[...Array(6).fill('Acme Printing Inc.'), 'Acme Printing', '"Acme Printing, Inc."', ...Array(4).fill('Meridian Polling Co.'), 'Meridian Polling Company', ...Array(3).fill('Full-time'), 'Full Time'].join('\n')}\n`,
    [['unify-categories', { columns: ['payee'] }]],
  );
  assert.deepEqual(lines(payees.text).slice(7, 9).concat(lines(payees.text).slice(13, 14), lines(payees.text).slice(-1)), ['Acme Printing Inc.', 'Acme Printing Inc.', 'Meridian Polling Co.', 'Full-time'], 'a legal form left out or punctuated otherwise, a word written out where the column writes it short, words parted by a space where the column joins them');
});

test('normalize numbers: separators, currency, percent, units (converted to the column\'s unit), accounting negatives', async () => {
  const money = await cleanCsv('price\n"$1,200"\n950\n(45)\n"1,000.50"\nabout 250k\n', [['normalize-numbers', { columns: ['price'] }]]);
  assert.deepEqual(lines(money.text), ['price', '1200', '950', '-45', '1000.5', 'about 250k']);
  assert.equal(money.run.steps[0].cellsChanged, 3, 'plain numbers stay as written, unreadable text too');
  const weight = await cleanCsv('w\n1.2 kg\n800 g\n2 kg\n1\n16 oz\n', [['normalize-numbers', { columns: ['w'] }]]);
  assert.deepEqual(lines(weight.text), ['w', '1.2', '0.8', '2', '1', '0.45359237'], 'most common unit kg; plain numbers are taken as kg');
  // Among plain numbers (ten or more), units are converted only where that brings them to the plain numbers' scale,
  // as number-format's fix does: pounds among kilograms are converted, kilograms and ounces written onto days are not.
  const plainKg = Array.from({ length: 12 }, (_, i) => (60 + i * 2.5).toFixed(1));
  const weights = await cleanCsv(`w\n${[...plainKg, '64.9 kg', '70.2 kg', '146 lbs'].join('\n')}\n`, [['normalize-numbers', { columns: ['w'] }]]);
  assert.deepEqual(lines(weights.text).slice(-3), ['64.9', '70.2', '66.22448602'], '146 lb in kg');
  assert.doesNotMatch(JSON.stringify(weights.recipe.steps[0].fitted), /"keep"/, 'nothing kept as written');
  // Grams written more often than kilograms among plain kilograms: the kilograms are the plain numbers' unit, the grams convert.
  const grams = await cleanCsv(`w\n${[...plainKg.map((k) => (Number(k) / 10).toFixed(2)), '5000 g', '7500 g', '6200 g', '5.5 kg', '6.1 kg'].join('\n')}\n`, [
    ['normalize-numbers', { columns: ['w'] }],
  ]);
  assert.deepEqual(lines(grams.text).slice(-5), ['5', '7.5', '6.2', '5.5', '6.1'], 'grams to kilograms, kilograms as written');
  const days = Array.from({ length: 12 }, (_, i) => String(1 + i * 2));
  const dayCells = await cleanCsv(`d\n${[...days, '7 kg', '20 oz', '9 kg'].join('\n')}\n`, [['normalize-numbers', { columns: ['d'] }]]);
  assert.deepEqual(lines(dayCells.text).slice(-3), ['7', '20', '9'], 'units written onto days keep their numbers');
  assert.match(JSON.stringify(dayCells.recipe.steps[0].fitted), /"unit":"kg","percent":"number","keep":\["oz"\]/, 'the recipe says which units keep their numbers');
  const share = await cleanCsv('s\n0.2\n0.5\n45%\n0.9\n', [['normalize-numbers', { columns: ['s'] }]]);
  assert.deepEqual(lines(share.text), ['s', '0.2', '0.5', '0.45', '0.9'], 'a column of fractions: percents become fractions');
  const comma = await cleanCsv('v\n"3,5"\n"1.234,5"\n"2,25"\n', [['normalize-numbers', { columns: ['v'] }]]);
  assert.deepEqual(lines(comma.text), ['v', '3.5', '1234.5', '2.25'], 'decimal commas learned from the column');
  // As the reader reads them: "8,536" is 8.536 beside "0,855" (a comma for thousands never follows a zero alone),
  // and a decimal comma among points ("57,38") is 57.38, not left as text or read as thousands.
  const european = await cleanCsv('w;p\n8,536;12,5\n0,855;3\n2,137;4,25\n0,5;1.234\n', [['normalize-numbers', { columns: ['w', 'p'] }]]);
  assert.deepEqual(lines(european.text), ['w;p', '8.536;12.5', '0.855;3', '2.137;4.25', '0.5;1234'], 'and "1.234" among decimal commas is 1234');
  const mixed = await cleanCsv('p\n46.37\n"57,38"\n12.5\n"1,234"\n', [['normalize-numbers', { columns: ['p'] }]]);
  assert.deepEqual(lines(mixed.text), ['p', '46.37', '57.38', '12.5', '1234']);
  const catalogue = await cleanCsv('rating,duration\n7.5,109 min\n8.1/10,1 hr. 49 min.\n6.9,95 min\n', [['normalize-numbers', { columns: ['rating', 'duration'] }]]);
  assert.deepEqual(lines(catalogue.text), ['rating,duration', '7.5,109', '8.1,109', '6.9,95'], 'a score out of its scale, hours and minutes in a column of minutes');
});

test('parse dates: mixed formats become ISO; the day/month order of ambiguous dates is learned from unambiguous ones', async () => {
  const us = await cleanCsv('d\n12/31/2023\n03/04/2023\n"Jan 5, 2023"\n2023-02-01\nnot a date\n', [['parse-dates', { columns: ['d'] }]]);
  assert.deepEqual(lines(us.text), ['d', '2023-12-31', '2023-03-04', '2023-01-05', '2023-02-01', 'not a date']);
  const eu = await cleanCsv('d\n31/12/2023\n03/04/2023\n12 Jan 2023\n', [['parse-dates', { columns: ['d'] }]]);
  assert.deepEqual(lines(eu.text), ['d', '2023-12-31', '2023-04-03', '2023-01-12']);
});

test('drop duplicate rows keeps the first copy (after the steps before it), also of a subset of columns', async () => {
  const { text, run } = await cleanCsv('a,b\n1,x\n1, x\n2,y\n1,x\n', [
    ['trim-whitespace', { columns: ['b'] }],
    ['drop-duplicate-rows', {}],
  ]);
  assert.deepEqual(lines(text), ['a,b', '1,x', '2,y']);
  assert.equal(run.steps[1].rowsDropped, 2);
  const subset = await cleanCsv('a,b\n1,x\n1,y\n2,y\n', [['drop-duplicate-rows', { columns: ['a'] }]]);
  assert.deepEqual(lines(subset.text), ['a,b', '1,x', '2,y']);
});

test('drop malformed rows: records with too few or too many fields go', async () => {
  const { text, run } = await cleanCsv('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n', [['drop-malformed-rows', {}]]);
  assert.deepEqual(lines(text), ['a,b,c', '1,2,3', '10,11,12']);
  assert.equal(run.steps[0].rowsDropped, 2);
  const kept = await cleanCsv('a,b,c\n1,2,3\n4,5\n', []);
  assert.deepEqual(lines(kept.text), ['a,b,c', '1,2,3', '4,5,'], 'without the step, a short record is padded');
});

test('impute missing values: mean, median, mode, constant (NA tokens count as missing), or drop the rows', async () => {
  const csv = 'x,c\n1,a\nNA,b\n2,a\n,a\n10,\n';
  const fill = async (options: object) => lines((await cleanCsv(csv, [['impute-missing', options]])).text);
  assert.deepEqual(await fill({ columns: ['x'], method: 'mean' }), ['x,c', '1,a', '4.333333333333333,b', '2,a', '4.333333333333333,a', '10,']);
  assert.deepEqual((await fill({ columns: ['x'], method: 'median' })).map((l) => l.split(',')[0]), ['x', '1', '2', '2', '2', '10']);
  assert.deepEqual((await fill({ columns: ['c'], method: 'mode' })).at(-1), '10,a');
  assert.deepEqual((await fill({ columns: ['c'], method: 'constant', value: 'unknown' })).at(-1), '10,unknown');
  assert.deepEqual(await fill({ columns: ['x', 'c'], method: 'drop-rows' }), ['x,c', '1,a', '2,a']);
  const { recipe } = await cleanCsv(csv, [['impute-missing', { columns: ['x'], method: 'median' }]]);
  assert.deepEqual(recipe.steps[0].fitted, { values: { x: '2' } }, 'the recipe records the median used');
});

test('outliers: capped at robust bounds (log scale for skewed positive columns), at quantiles, dropped or emptied', async () => {
  const values = Array.from({ length: 40 }, (_, i) => 100 + (i % 10));
  const csv = `p\n${[...values, 98000000, 1].join('\n')}\n`;
  const robust = await cleanCsv(csv, [['handle-outliers', { columns: ['p'], action: 'drop-rows' }]]);
  assert.equal(robust.run.steps[0].rowsDropped, 2, 'the ×1,000,000 value and the 1');
  const [low, high] = (robust.recipe.steps[0].fitted as { bounds: Record<string, [number, number]> }).bounds.p;
  assert.ok(low > 1 && low < 100 && high > 109 && high < 98000000, `${low}…${high}`);
  const capped = await cleanCsv(csv, [['handle-outliers', { columns: ['p'], bounds: 'quantiles', lower: 0.05, upper: 0.95 }]]);
  const out = lines(capped.text).slice(1).map(Number);
  assert.ok(Math.max(...out) < 98000000 && Math.min(...out) > 1);
  const emptied = await cleanCsv(csv, [['handle-outliers', { columns: ['p'], action: 'empty' }]]);
  assert.equal(lines(emptied.text).filter((l) => l === '""').length, 2, 'a lone empty field is written "" (a blank line would be skipped)');
});

test('cast type: canonical values of the type; what is not one becomes empty', async () => {
  const { text, run } = await cleanCsv('n,b,d\n007,Yes,03/04/2023\n3.0,0,x\nabc,maybe,2023-1-2\n', [
    ['cast-type', { columns: ['n'], to: 'integer' }],
    ['cast-type', { columns: ['b'], to: 'boolean' }],
    ['cast-type', { columns: ['d'], to: 'date' }],
  ]);
  assert.deepEqual(lines(text), ['n,b,d', '7,true,2023-04-03', '3,false,', ',,2023-01-02']);
  assert.deepEqual(run.schemaOut.map((c) => c.kind), ['integer', 'boolean', 'date']);
});

test('scale numeric: z-scores with the recorded mean and (population) std, or min–max to [0, 1]', async () => {
  const z = await cleanCsv('x\n1\n2\n3\nNA\n', [['scale-numeric', { columns: ['x'] }]]);
  assert.deepEqual(lines(z.text), ['x', '-1.224744871391589', '0', '1.224744871391589', 'NA']);
  assert.deepEqual(z.recipe.steps[0].fitted, { params: { x: { center: 2, scale: Math.sqrt(2 / 3) } } });
  const mm = await cleanCsv('x\n10\n20\n15\n', [['scale-numeric', { columns: ['x'], method: 'minmax' }]]);
  assert.deepEqual(lines(mm.text), ['x', '0', '1', '0.5']);
});

test('one-hot encode: one 0/1 column per frequent category in place of the column, rare ones all zeros', async () => {
  const { text, run } = await cleanCsv('id,color\n1,red\n2,blue\n3,red\n4,green\n5,\n', [['one-hot-encode', { columns: ['color'], maxCategories: 2 }]]);
  assert.deepEqual(lines(text), ['id,color_red,color_blue', '1,1,0', '2,0,1', '3,1,0', '4,0,0', '5,0,0']);
  assert.deepEqual(run.schemaOut.map((c) => `${c.name}:${c.kind}`), ['id:integer', 'color_red:integer', 'color_blue:integer']);
});

test('rename and drop columns', async () => {
  const { text } = await cleanCsv('a,b,c\n1,2,3\n', [
    ['rename-columns', { mapping: { a: 'alpha' } }],
    ['drop-columns', { columns: ['b'] }],
  ]);
  assert.deepEqual(lines(text), ['alpha,c', '1,3']);
  await assert.rejects(cleanCsv('a\n1\n', [['drop-columns', { columns: ['zz'] }]]), /step 1 \(drop-columns\): no column "zz"/);
});

test('a step that learns is fitted on the data as the steps before it leave it (trimmed, NA tokens emptied)', async () => {
  const { recipe, run } = await cleanCsv('c\n a \nNA\nb\na\n', [
    ['trim-whitespace', { columns: ['c'] }],
    ['null-na-tokens', { columns: ['c'] }],
    ['impute-missing', { columns: ['c'], method: 'mode' }],
  ]);
  assert.deepEqual(recipe.steps[2].fitted, { values: { c: 'a' } });
  assert.equal(run.passes, 2, 'one pass to learn the mode, one to write');
});

test('samples show changed rows before → after with the steps that changed them; dropped rows have no after', async () => {
  const { run } = await cleanCsv('a,b\n x,1\ny,2\ny,2\n', [
    ['trim-whitespace', { columns: ['a'] }],
    ['drop-duplicate-rows', {}],
  ], { sampleRows: 10 });
  assert.deepEqual(run.samples, [
    { row: 0, before: [' x', '1'], after: ['x', '1'], steps: [0] },
    { row: 2, before: ['y', '2'], after: null, steps: [1] },
  ]);
});
