/**
 * future-date on columns of years (whole numbers a column's name calls years), and whitespace's repeated spaces
 * between words.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf, fixText } from './check-text';

/** Colleges with a year founded (1636–2012), a duration in years and a planned year; `edit` sets rows' cells. */
function colleges(edit: Record<number, Partial<Record<'founded' | 'years_open' | 'next_review', number>>> = {}, header = 'founded'): string {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 400; i++) {
    const founded = 1636 + ((i * 7919) % 377);
    rows.push([`College ${i}`, edit[i]?.founded ?? founded, edit[i]?.years_open ?? 2026 - founded, edit[i]?.next_review ?? 2020 + (i % 12)]);
  }
  return csv(['name', header, 'years_open', 'next_review_year'], rows);
}

test('a year after next year in a column of years is in the future; durations in years and planned years are not', () => {
  assert.deepEqual(findingsOf(checkCsv(colleges()), 'future-date'), [], 'a clean table: next_review_year holds a third of its years ahead, as plans do');
  const found = findingsOf(checkCsv(colleges({ 40: { founded: 2089 }, 68: { founded: 2050 }, 90: { years_open: 2300 } })), 'future-date');
  assert.deepEqual(found.map((f) => [f.row, f.column, f.value]), [[40, 'founded', '2089'], [68, 'founded', '2050']]);
  assert.equal(found[0].message, '2089 in column "founded" is a year in the future (the column holds years up to now).');
  assert.equal(found[0].evidence?.lastYear, 2027);
  // Next year is no finding (a model year runs one ahead); a camel-case name says years too.
  assert.deepEqual(findingsOf(checkCsv(colleges({ 5: { founded: 2027 } })), 'future-date'), []);
  assert.deepEqual(findingsOf(checkCsv(colleges({ 5: { founded: 2031 } }, 'YearBuilt')), 'future-date').map((f) => f.row), [5]);
  // Values that are not nearly all years up to now (a count named "built") are no column of years.
  const counts = csv(['site', 'built'], Array.from({ length: 300 }, (_, i) => [`s${i}`, i % 3 === 0 ? 2100 + i : 1900 + (i % 100)]));
  assert.deepEqual(findingsOf(checkCsv(counts), 'future-date'), []);
});

/** Names of colleges, words separated by one space; `edit` sets rows' names. */
function names(edit: Record<number, string> = {}, doubled = 0): string {
  const places = ['Stamford', 'Erie', 'Boston', 'Austin', 'Denver', 'Fresno', 'Tampa', 'Dayton'];
  const kinds = ['Community College', 'State University', 'School of Nursing', 'Technical College', 'Institute of Technology'];
  const rows = Array.from({ length: 300 }, (_, i) => {
    const name = `${places[i % 8]} ${['North', 'South', 'East', 'West'][Math.floor(i / 8) % 4]} ${kinds[Math.floor(i / 32) % 5]} ${i}`;
    return [i < doubled ? name.replace(' ', '  ') : (edit[i] ?? name), i];
  });
  return csv(['name', 'id'], rows);
}

test('a space typed twice between words is found where the column separates words with one; with a trailing space both are said and fixed at once', () => {
  assert.deepEqual(findingsOf(checkCsv(names()), 'whitespace'), []);
  const found = findingsOf(checkCsv(names({ 7: 'Stamford  Community College 7', 20: 'Erie  West Institute of Technology 20 ' })), 'whitespace');
  assert.deepEqual(found.map((f) => [f.row, f.value]), [[7, 'Stamford  Community College 7'], [20, 'Erie  West Institute of Technology 20 ']]);
  assert.match(found[0].message, /has a repeated space between words \(the column's other values separate their words with one\)\.$/);
  assert.match(found[1].message, /has trailing white space and a repeated space between words/);
  assert.equal(fixText(found[1]), 'Erie West Institute of Technology 20');
  assert.equal(found[1].evidence?.fixed, 'Erie West Institute of Technology 20');
  // Where many values repeat spaces (text aligned or padded by a form), that is the column's way: nothing is said.
  assert.deepEqual(findingsOf(checkCsv(names({}, 30)), 'whitespace'), []);
});

test('a stay booked in the past for a date still to come is planned, not in the future by mistake; an arrival whose year was typed wrong is reported', () => {
  // 1,500 bookings over two years up to NOW (2026-11-25), each for an arrival 0 to 120 days after it: the latest
  // bookings' arrivals lie ahead.
  const day = 86_400_000;
  const now = Date.parse('2026-11-25T00:00:00Z');
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const booked = now - (1500 - i) * 0.5 * day - ((i * 7919) % 86_400) * 1000;
    const lead = Math.floor((((i * 104_729) % 1000) / 1000) ** 2 * 120);
    const arrival = new Date(Math.floor(booked / day) * day + lead * day).toISOString().slice(0, 10);
    // The guest's birth date is earlier too, by decades: the nearest earlier date (the booking) sets the usual lead.
    const born = new Date(Date.parse('1950-01-01') + ((i * 7907) % 18_000) * day).toISOString().slice(0, 10);
    return [`B${i}`, born, new Date(booked).toISOString().slice(0, 19).replace('T', ' '), arrival];
  });
  const ahead = rows.filter((row) => Date.parse(String(row[3])) > now + day).length;
  assert.ok(ahead >= 10, `${ahead} arrivals still to come`);
  rows[700][3] = `2031${String(rows[700][3]).slice(4)}`;
  const found = findingsOf(checkCsv(csv(['booking', 'guest_born', 'booked_at', 'arrival_date'], rows)), 'future-date');
  assert.deepEqual(found.map((f) => f.row), [700]);
});
