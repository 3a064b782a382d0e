/** merged-neighbour: a value with the row's own value of the neighbouring column glued to it. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';

const PLACES = [['Portland', 'OR'], ['Louisville', 'KY'], ['Denver', 'CO'], ['Fort Collins', 'CO'], ['Austin', 'TX'], ['San Diego', 'CA'], ['Grand Rapids', 'MI'], ['Bend', 'OR']];

/** Breweries: name, city, state (each city in many rows); `edit` rewrites rows' city. */
function breweries(edit: Record<number, string> = {}): string[][] {
  return Array.from({ length: 400 }, (_, i) => {
    const [city, state] = PLACES[(i * 3) % PLACES.length];
    return [`Brewery ${i}`, edit[i] ?? city, state];
  });
}

test('"Portland, OR" in city beside state "OR": the state glued on, reported with the city alone as fix', () => {
  const header = ['name', 'city', 'state'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, breweries())), 'merged-neighbour'), [], 'cities alone');
  const edit = { 0: 'Portland, OR', 9: 'Fort Collins CO', 10: 'Grand Rapids;MI' };
  const findings = findingsOf(checkCsv(csv(header, breweries(edit))), 'merged-neighbour');
  assert.deepEqual(findings.map((f) => [f.row, f.value, f.evidence?.ownPart]), [[0, 'Portland, OR', 'Portland'], [9, 'Fort Collins CO', 'Fort Collins'], [10, 'Grand Rapids;MI', 'Grand Rapids']]);
  assert.match(findings[0].message, /^"Portland, OR" in column "city" is "Portland" with this row's "state" \("OR"\) glued on/);
  assert.equal(fixText(findings[1]), 'Fort Collins');
  assert.equal(fixText(findings[0]), '"Portland"', 'a quoted cell keeps its quotes');
});

test('not a merge: another state glued on, a city of two words, or the pair written on most rows (the column\'s format)', () => {
  const header = ['name', 'city', 'state'];
  // "Portland, ME" beside state "OR": not this row's state (another error, or another Portland).
  assert.deepEqual(findingsOf(checkCsv(csv(header, breweries({ 0: 'Portland, ME' }))), 'merged-neighbour'), []);
  // Every row writes "City, ST": the format of the column, not a merge.
  const written = breweries().map(([name, city, state], i) => [name, i % 4 === 0 ? city : `${city}, ${state}`, state]);
  assert.deepEqual(findingsOf(checkCsv(csv(header, written)), 'merged-neighbour'), [], '75% of the rows write the pair');
});

test('the neighbour on the left: "OR Portland" in city after state', () => {
  const rows = breweries({ 6: 'CO Denver', 7: 'CO Bend' }).map(([name, city, state]) => [name, state, city]);
  const findings = findingsOf(checkCsv(csv(['name', 'state', 'city'], rows)), 'merged-neighbour');
  assert.deepEqual(findings.map((f) => [f.row, f.column, f.evidence?.ownPart]), [[6, 'city', 'Denver']], '"CO Bend" beside state CA: not its state glued on');
});

test('towns named once each: "Blue Rock, OH" beside state "OH" is a merge (a comma between the parts, a state the column repeats); a description ending in its category after a space is not', () => {
  const states = ['MI', 'OH', 'IN', 'KY', 'IL'];
  const towns = (edit: Record<number, string>) =>
    Array.from({ length: 400 }, (_, i) => [`${40000 + i}`, edit[i] ?? `Town ${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, states[i % states.length]]);
  const header = ['zip', 'city', 'state'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, towns({}))), 'merged-neighbour'), [], 'towns alone');
  const findings = findingsOf(checkCsv(csv(header, towns({ 21: 'Blue Rock, OH', 22: 'Algonac, IN', 23: 'Albany, MI' }))), 'merged-neighbour');
  assert.deepEqual(findings.map((f) => [f.row, f.value, f.evidence?.ownPart]), [[21, 'Blue Rock, OH', 'Blue Rock'], [22, 'Algonac, IN', 'Algonac']], '"Albany, MI" beside KY: not its state');
  // Goods described in words, some ending with their category's word: a phrase, not two fields.
  const categories = ['shoes', 'hats', 'bags'];
  const goods = Array.from({ length: 300 }, (_, i) => [`${i}`, i % 10 === 0 ? `Red ${categories[i % 3]}` : `Item ${i} of the season`, categories[i % 3]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'description', 'category'], goods)), 'merged-neighbour'), []);
});

test('a neighbour\'s value of several words glued on is cut where the row\'s own value begins: "Sony Pictures, Based on Book/Short Story" beside that source', () => {
  const distributors = ['Sony Pictures', 'Warner Bros.', 'Universal', 'Walt Disney Pictures'];
  const sources = ['Based on Book/Short Story', 'Original Screenplay', 'Remake', 'Based on Comic/Graphic Novel'];
  const films = (edit: Record<number, string> = {}) => Array.from({ length: 300 }, (_, i) => [`Film ${i}`, edit[i] ?? distributors[i % 4], sources[(i * 3) % 4]]);
  const header = ['title', 'distributor', 'source'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, films())), 'merged-neighbour'), [], 'distributors alone');
  // Row 8: Sony Pictures, source "Based on Book/Short Story" ((8 × 3) % 4 = 0); row 13: Warner Bros., source "Based on Comic/Graphic Novel".
  const findings = findingsOf(checkCsv(csv(header, films({ 8: 'Sony Pictures, Based on Book/Short Story', 13: 'Warner Bros., Based on Comic/Graphic Novel' }))), 'merged-neighbour');
  assert.deepEqual(findings.map((f) => [f.row, f.evidence?.ownPart, f.evidence?.neighbourValue]), [[8, 'Sony Pictures', 'Based on Book/Short Story'], [13, 'Warner Bros.', 'Based on Comic/Graphic Novel']]);
});

test('a code with its name or a number glued on, where neither column repeats its values: the code alone is written as the column\'s codes are', () => {
  // Airports: a code of three letters and a name, each held once, and a latitude.
  const letter = (n: number) => String.fromCharCode(65 + (n % 26));
  const airports = (edit: Record<number, string> = {}) =>
    Array.from({ length: 300 }, (_, i) => [edit[i] ?? `${letter(i)}${letter(Math.floor(i / 26))}${letter(i * 7 + 3)}`, `${letter(i * 5)}${'abcdefgh'.slice(0, 3 + (i % 5))} ${i} Municipal`, (30 + ((i * 37) % 170) / 10).toFixed(4)]);
  const header = ['iata', 'name', 'latitude'];
  assert.deepEqual(findingsOf(checkCsv(csv(header, airports())), 'merged-neighbour'), [], 'codes alone');
  const clean = airports();
  const findings = findingsOf(checkCsv(csv(header, airports({ 40: `${clean[40][0]}, ${clean[40][1]}` }))), 'merged-neighbour');
  assert.deepEqual(findings.map((f) => [f.row, f.evidence?.ownPart]), [[40, clean[40][0]]], 'the name glued on');
  // A category with the row's number glued on: the category is one of the column's values.
  const people = (edit: Record<number, string> = {}) => Array.from({ length: 300 }, (_, i) => [`p${i}`, edit[i] ?? ['women', 'men'][i % 2], String(1000 + ((i * 7919) % 5000))]);
  const found = findingsOf(checkCsv(csv(['id', 'sex', 'count'], people({ 21: `men, ${1000 + ((21 * 7919) % 5000)}` }))), 'merged-neighbour');
  assert.deepEqual(found.map((f) => [f.row, f.evidence?.ownPart, f.evidence?.neighbourValue]), [[21, 'men', String(1000 + ((21 * 7919) % 5000))]], 'the count glued on');
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'sex', 'count'], people({ 21: 'men, 17' }))), 'merged-neighbour'), [], 'another number is no merge with this row\'s count');
});

test('a column of lists: a director who is also the first of the film\'s actors is no merge; a list with another separator is mixed-list-separator\'s', () => {
  const people = ['Clint Eastwood', 'Morgan Freeman', 'Meg Ryan', 'Tom Hanks', 'Greta Gerwig', 'Saoirse Ronan', 'Laura Dern', 'Adam Driver', 'Emma Stone', 'Ryan Gosling'];
  const rows: string[][] = [];
  for (let i = 0; i < 120; i++) {
    const director = people[i % 5];
    // Every 10th film stars its director first ("Clint Eastwood, Morgan Freeman"); every 20th is written with semicolons.
    const cast = i % 10 === 0 ? [director, people[5 + (i % 5)]] : [people[5 + (i % 5)], people[5 + ((i + 2) % 5)], people[(i + 1) % 5]];
    rows.push([`Film ${i}`, director, cast.join(i % 20 === 5 ? '; ' : ', ')]);
  }
  const report = checkCsv(csv(['title', 'director', 'actors'], rows));
  assert.deepEqual(findingsOf(report, 'merged-neighbour'), [], 'the director among the actors is an item of the list');
  const lists = findingsOf(report, 'mixed-list-separator');
  assert.deepEqual(lists.map((f) => f.row), [5, 25, 45, 65, 85, 105], 'each list written with semicolons');
  assert.equal(lists[0].message, '"Saoirse Ronan; Adam Driver; Morgan Freeman" separates its items with "; ", unlike 95% of column "actors", whose lists use ", " (like "Clint Eastwood, Saoirse Ronan").');
  assert.equal(fixText(lists[0]), '"Saoirse Ronan, Adam Driver, Morgan Freeman"');
});

test('free text whose sentences hold commas is no column of lists: a sentence with a semicolon is not reported', () => {
  const words = ['the river', 'a storm', 'the old mill', 'every spring', 'the harvest', 'our village', 'a long winter', 'the market'];
  const rows = Array.from({ length: 60 }, (_, i) => [`${i}`, i % 15 === 7 ? `In ${words[i % 8]} we stayed; ${words[(i + 3) % 8]} came ${i} days later` : `After ${words[i % 8]} ${i}, ${words[(i * 3) % 8]} turned ${i * 7} times`]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'note'], rows)), 'mixed-list-separator'), []);
});

test('a title other titles hold as their words ("Marketing Operations Analyst" in "Senior Marketing Operations Analyst") is a term, not a department glued onto a title; a title glued once is a merge', () => {
  const titles: [string, string][] = [['Operations', 'Operations Analyst'], ['Operations', 'Senior Operations Analyst'], ['Marketing', 'Marketing Operations Analyst'], ['Marketing', 'Senior Marketing Operations Analyst'], ['Marketing', 'Lead Marketing Operations Analyst'], ['Finance', 'Accountant'], ['Finance', 'Senior Accountant']];
  const rows = Array.from({ length: 700 }, (_, i) => [i, ...titles[i % titles.length]]);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'department', 'title'], rows)), 'merged-neighbour'), []);
  rows[5] = [5, 'Finance', 'Finance Senior Accountant'];
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'department', 'title'], rows)), 'merged-neighbour').map((f) => [f.row, f.evidence?.ownPart]), [[5, 'Senior Accountant']]);
});

test('a title many rows write beside their department, whose own part no row writes beside it, is a title of its own ("Sales Operations Analyst" in Sales), as is a vendor named with its town that a shift split in two rows; a city merged with its state in a few rows, beside many writing them apart, is still a merge', () => {
  const titles: [string, string, number][] = [
    ['Sales', 'Sales Operations Analyst', 12],
    ['Sales', 'Account Executive', 40],
    ['Operations', 'Operations Analyst', 15],
    ['Operations', 'Plant Manager', 30],
    ['Finance', 'Accountant', 25],
  ];
  // Each pair of values in its number of rows, numbered.
  const tableOf = (pairs: [string, string, number][]) => pairs.flatMap(([a, b, n]) => Array.from({ length: n }, () => [a, b])).map((r, i) => [i + 1, ...r]);
  const rows = tableOf(titles);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'dept', 'title'], rows)), 'merged-neighbour'), []);
  // A vendor named with its town, in many rows, split by a shift in two: the value's own spelling still.
  const vendors: [string, string, number][] = [
    ['Speedy Auto Service, London', 'London', 40],
    ['Speedy Auto Service', 'London', 2],
    ['Kwik Lube', 'Toronto', 60],
    ['Northside Tire', 'Ottawa', 50],
  ];
  const vendorRows = tableOf(vendors);
  assert.deepEqual(findingsOf(checkCsv(csv(['id', 'vendor', 'location'], vendorRows)), 'merged-neighbour'), []);
  const places: [string, string, number][] = [
    ['Portland', 'OR', 30],
    ['Portland, OR', 'OR', 4],
    ['Salem', 'OR', 25],
    ['Seattle', 'WA', 30],
    ['Tacoma', 'WA', 20],
  ];
  const placeRows = tableOf(places);
  assert.equal(findingsOf(checkCsv(csv(['id', 'city', 'state'], placeRows)), 'merged-neighbour').length, 4);
});
