/** check-digit: codes whose check digit is wrong in a column whose codes carry one. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';
import { expectedCheck, passesCheck } from '../../../src/core/shared/check-digits';

const rule = 'check-digit';

test('check digits of published codes: ISSN (with X), ISBN-10, EAN-13, UPC-A, EAN-8 and Luhn', () => {
  for (const issn of ['00280836', '01406736', '1050124X']) assert.ok(passesCheck('ISSN', issn), issn);
  assert.ok(passesCheck('ISBN-10', '0306406152'));
  for (const gtin of ['9780306406157', '036000291452', '96385074']) assert.ok(passesCheck('GTIN', gtin), gtin);
  assert.ok(passesCheck('Luhn', '79927398713'));
  assert.equal(expectedCheck('ISSN', '00280837'), '6');
  assert.ok(!passesCheck('Luhn', '79927398710'));
});

/** ISSNs of 300 articles' journals, written "1234-5678"; `edit` replaces some. */
function articles(edit: Record<number, string> = {}): string {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 300; i++) {
    const body = String(1000000 + ((i % 60) * 104729) % 8999999).padStart(7, '0');
    const issn = `${body}${expectedCheck('ISSN', `${body}0`)}`;
    rows.push([i, `Journal ${i % 60}`, edit[i] ?? `${issn.slice(0, 4)}-${issn.slice(4)}`]);
  }
  return csv(['article', 'journal', 'issn'], rows);
}

test('an ISSN with a digit mistyped or two swapped is reported where the column\'s ISSNs pass their check digit', () => {
  assert.deepEqual(findingsOf(checkCsv(articles()), rule), [], 'every ISSN is valid');
  const good = articles().split('\n')[8].split(',')[2];
  const swapped = `${good.slice(0, 1)}${good[2]}${good[1]}${good.slice(3)}`;
  assert.notEqual(swapped, good);
  const found = findingsOf(checkCsv(articles({ 7: swapped })), rule);
  assert.deepEqual(found.map((f) => [f.row, f.column, f.value]), [[7, 'issn', swapped]]);
  assert.match(found[0].message, /fails the ISSN check digit \(its other digits give ., not .\), which 299 of the column's 300 codes pass/);
});

test('numbers of eight digits that merely have that many (order ids, phone numbers) are not codes with a check digit', () => {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 300; i++) rows.push([i, 10_000_000 + ((i * 7_919_993) % 89_999_999)]);
  assert.deepEqual(findingsOf(checkCsv(csv(['row', 'order_id'], rows)), rule), []);
});

test('EAN-13 barcodes read as integers: one with its last digits swapped is reported', () => {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 200; i++) {
    const body = String(400638133393 + i * 7919);
    rows.push([i, `${body}${expectedCheck('GTIN', `${body}0`)}`]);
  }
  const good = String(rows[50][1]);
  rows[50][1] = `${good.slice(0, 10)}${good[11]}${good[10]}${good[12]}`;
  assert.notEqual(rows[50][1], good);
  const found = findingsOf(checkCsv(csv(['item', 'ean'], rows)), rule);
  assert.deepEqual(found.map((f) => [f.row, f.value, f.evidence?.scheme]), [[50, rows[50][1], 'GTIN']]);
});

test('VINs: the ninth character is the check of the others (ISO 3779); a mistyped one is reported where the column\'s VINs pass, not where they carry no check', () => {
  assert.equal(expectedCheck('VIN', '1M8GDM9AXKP042788'), 'X');
  assert.ok(passesCheck('VIN', '1M8GDM9AXKP042788'));
  assert.ok(!passesCheck('VIN', '1M8GDM9AXKP042789'));
  const chars = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  const vin = (i: number, checked: boolean) => {
    const body = Array.from({ length: 17 }, (_, k) => chars[(i * 31 + k * 17 + ((i * k) % 7)) % chars.length]).join('');
    const withDigit = `1${body.slice(1)}`;
    return checked ? `${withDigit.slice(0, 8)}${expectedCheck('VIN', withDigit)}${withDigit.slice(9)}` : withDigit;
  };
  const rows = (checked: boolean) => Array.from({ length: 400 }, (_, i) => [`L${i}`, vin(i, checked), `${2010 + (i % 12)}`]);
  const listings = rows(true);
  assert.deepEqual(findingsOf(checkCsv(csv(['listing', 'vin', 'year'], listings)), rule), []);
  for (const r of [17, 230]) listings[r][1] = `${listings[r][1].slice(0, 12)}${listings[r][1][13]}${listings[r][1][12]}${listings[r][1].slice(14)}`;
  const found = findingsOf(checkCsv(csv(['listing', 'vin', 'year'], listings)), rule).map((f) => f.row);
  assert.deepEqual(found, [17, 230].filter((r) => !passesCheck('VIN', listings[r][1])));
  assert.ok(found.length > 0, 'two characters swapped');
  assert.deepEqual(findingsOf(checkCsv(csv(['listing', 'vin', 'year'], rows(false))), rule), [], 'European VINs carry no check: about one in eleven pass');
});
