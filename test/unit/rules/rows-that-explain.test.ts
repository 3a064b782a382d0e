/**
 * Values their own rows explain (thirteenth session): an order whose breaks continue its kept differences, filled
 * cells a number sets apart, two cells exchanged that a relation tells, a zero-inflated column's tail judged from its
 * values above zero, and a far value moving with its row's numbers.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) ^ (s + 0x6d2b79f5)) >>> 0) / 4294967296) || 1e-12;
}

const minutes = (m: number) => new Date(Date.UTC(2024, 2, 1) + Math.round(m) * 60_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * An airline's day log: flights scheduled every few minutes, each 45–75 minutes long, leaving on time or late
 * (a quarter of them, by an exponential delay of 25 minutes on average): a late one may leave after its scheduled
 * arrival. A delay code is given where it left 15 minutes late or more, whatever its status (on time: arrived under
 * 15 minutes late). `edit` sets cells by row and column.
 */
function flights(edit: Record<number, Record<string, string>> = {}): string {
  const u = random(7);
  const header = ['flight', 'sched_dep', 'actual_dep', 'sched_arr', 'dep_delay', 'status', 'delay_code', 'passengers'];
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const dep = i * 7;
    const duration = 45 + Math.floor(30 * u());
    const delay = u() < 0.75 ? 0 : Math.round(-25 * Math.log(u()));
    const arrivalDelay = delay - Math.floor(6 * u());
    const status = arrivalDelay >= 15 ? 'Delayed' : 'On Time';
    const row: Record<string, string> = {
      flight: String(100 + (i % 400)),
      sched_dep: minutes(dep),
      actual_dep: minutes(dep + delay),
      sched_arr: minutes(dep + duration),
      dep_delay: String(delay),
      status,
      delay_code: delay >= 15 ? String(61 + Math.floor(30 * u())) : '',
      passengers: String(60 + Math.floor(120 * u())),
      ...edit[i],
    };
    return header.map((h) => row[h]);
  });
  return csv(header, rows);
}

test('an order its breaks continue through zero is a tendency: flights leaving after their scheduled arrival are no findings', () => {
  const text = flights();
  const lines = text.trim().split('\n').slice(1).map((l) => l.split(','));
  const late = lines.filter(([, , actual, arr]) => actual > arr).length;
  // The order actual_dep ≤ sched_arr is kept on 97–99% of the rows (learned), broken by late flights by a few
  // minutes as often as kept by a few: no rule.
  assert.ok(late >= 30 && late <= 90, `${late} flights leave after their scheduled arrival`);
  assert.deepEqual(findingsOf(checkCsv(text), 'broken-order').map((f) => `${f.row}:${f.column}`), []);
  // An arrival scheduled before its departure breaks a rule kept on every other row.
  const slipped = findingsOf(checkCsv(flights({ 500: { sched_arr: minutes(500 * 7 - 60) } })), 'broken-order');
  assert.ok(slipped.some((f) => f.row === 500 && f.column === 'sched_arr'), 'the arrival before its departure is reported');
});

test('filled cells a number of the row sets apart are of a kind: a delay code on on-time flights that left late; a code on one that left on time is reported', () => {
  const text = flights({ 40: { delay_code: '72' } });
  const lines = text.trim().split('\n').slice(1).map((l) => l.split(','));
  const onTimeWithCode = lines.filter((c) => c[5] === 'On Time' && c[6] !== '').length;
  assert.ok(onTimeWithCode >= 20, `${onTimeWithCode} on-time flights have a delay code`);
  assert.equal(lines[40][4], '0', 'flight 40 left on time');
  const found = findingsOf(checkCsv(text), 'inapplicable-value');
  assert.deepEqual(found.map((f) => `${f.row}:${f.column}`), ['40:delay_code']);
});

/** Pay stubs: gross, FICA tax (7.65% of gross), a federal tax of 8–14% and net = gross − both taxes. */
function stubs(edit: (row: Record<string, number>, i: number) => void = () => undefined): string {
  const u = random(11);
  const header = ['stub', 'gross', 'federal', 'fica', 'net', 'hours'];
  const rows = Array.from({ length: 1200 }, (_, i) => {
    const hours = 20 + Math.floor(60 * u());
    const gross = Math.round(hours * (18 + 30 * u()) * 100) / 100;
    const federal = Math.round(gross * (0.08 + 0.06 * u()) * 100) / 100;
    const fica = Math.round(gross * 7.65) / 100;
    const row: Record<string, number> = { stub: 5000 + i, gross, federal, fica, net: Math.round((gross - federal - fica) * 100) / 100, hours };
    edit(row, i);
    return header.map((h) => (h === 'stub' || h === 'hours' ? String(row[h]) : row[h].toFixed(2)));
  });
  return csv(header, rows);
}

test('two cells written in each other\'s place are both reported, where the relation holds with the other\'s number', () => {
  const clean = checkCsv(stubs());
  assert.deepEqual(findingsOf(clean, 'broken-relation'), []);
  const swapped = stubs((row, i) => {
    if (i === 300) [row.federal, row.fica] = [row.fica, row.federal];
  });
  const found = findingsOf(checkCsv(swapped), 'broken-relation').filter((f) => f.row === 300);
  assert.deepEqual(found.map((f) => f.column).sort(), ['federal', 'fica']);
  assert.match(found[0].message, /look exchanged: fica = 0\.0765 × gross holds in 99% of the 1,200 rows, and in this one with [\d.]+ as "fica"\./);
});

test('a column that often holds the same number as another is no place a number was exchanged with: only the wrong total is reported', () => {
  // Parcels: total = land + improvement; taxable = total where nothing is exempt (90%), total − 5,000 elsewhere.
  const u = random(5);
  const header = ['parcel', 'land', 'improvement', 'total', 'taxable', 'year'];
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const land = 20_000 + Math.round(80_000 * u());
    const improvement = 50_000 + Math.round(300_000 * u());
    const total = land + improvement;
    const taxable = i % 10 === 0 ? total - 5000 : total;
    // Row 701's total keyed wrong: its taxable value still holds the right one.
    return [700_000 + i, land, improvement, i === 701 ? total + 9000 : total, taxable, 1950 + Math.floor(70 * u())];
  });
  const found = findingsOf(checkCsv(csv(header, rows)), 'broken-relation').filter((f) => f.row === 701);
  assert.deepEqual(found.map((f) => f.column), ['total']);
});

test('the upper tail of a zero-inflated column is judged from its values above zero: overtime keyed in minutes is found', () => {
  const u = random(3);
  // Overtime hours by the quarter: none in 83% of the stubs, else 0.25–30 hours (around 5).
  const values = Array.from({ length: 4000 }, () => (u() < 0.83 ? 0 : Math.min(30, Math.max(0.25, Math.round(4 * Math.exp(1.5 + 0.8 * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()))) / 4))));
  // Ten stubs keyed in minutes.
  const slips = [100, 400, 900, 1300, 1800, 2200, 2700, 3100, 3500, 3900];
  for (const [k, r] of slips.entries()) values[r] = [56, 80, 80, 80, 80, 80, 120, 285, 525, 750][k];
  const rows = values.map((v, i) => [i, v.toFixed(2)]);
  const found = findingsOf(checkCsv(csv(['stub', 'overtime_hours'], rows)), 'outlier').map((f) => f.row);
  for (const r of [100, 2700, 3100, 3500, 3900]) assert.ok(found.includes(r), `row ${r} (${values[r]} hours) is an outlier`);
});

test('a far value moving with its row\'s numbers (an employee\'s week of overtime: gross, tax and net up alike) is no group outlier; a slip in one cell is', () => {
  const u = random(9);
  const header = ['employee', 'gross', 'tax', 'net'];
  const employees = Array.from({ length: 40 }, () => 1500 + Math.round(2500 * u()));
  const rows = (slip: boolean) =>
    Array.from({ length: 40 * 26 }, (_, i) => {
      const e = i % 40;
      // Pay varies by 1–2% from stub to stub; employee 7's stub 10 has overtime: 30% more.
      let gross = employees[e] * (1 + 0.02 * (u() - 0.5)) * (e === 7 && Math.floor(i / 40) === 10 ? 1.3 : 1);
      gross = Math.round(gross * 100) / 100;
      const tax = Math.round(gross * 0.22 * 100) / 100;
      const net = Math.round((gross - tax) * 100) / 100;
      return [`E${100 + e}`, (slip && e === 3 && Math.floor(i / 40) === 5 ? gross * 1.3 : gross).toFixed(2), tax.toFixed(2), net.toFixed(2)];
    });
  const groupFindings = (slip: boolean) => findingsOf(checkCsv(csv(header, rows(slip))), 'outlier').filter((f) => f.evidence?.kind === 'group').map((f) => `${f.row}:${f.column}`);
  assert.deepEqual(groupFindings(false), [], 'the week of overtime is no finding');
  assert.deepEqual(groupFindings(true), [`${3 + 5 * 40}:gross`], 'a gross 30% above its tax and net is');
});

test('a level is its owners\' nearly everywhere: 80 hours in five stubs, three of them shifted rows whose note holds the payment method, are outliers', () => {
  const u = random(3);
  const values = Array.from({ length: 4000 }, () => (u() < 0.83 ? 0 : Math.min(30, Math.max(0.25, Math.round(4 * Math.exp(1.5 + 0.8 * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()))) / 4))));
  const eighty = [500, 1000, 1500, 2000, 2500];
  for (const r of eighty) values[r] = 80;
  // A note on a tenth of the stubs; the shifted rows 500, 1000 and 1500 hold the payment method there, as does one other.
  const memo = (i: number) => ([500, 1000, 1500, 3333].includes(i) ? 'Direct Deposit' : i % 10 === 3 ? 'Holiday pay' : '');
  const rows = values.map((v, i) => [i, v.toFixed(2), memo(i)]);
  const found = findingsOf(checkCsv(csv(['stub', 'overtime_hours', 'memo'], rows)), 'outlier').map((f) => f.row);
  assert.deepEqual(eighty.filter((r) => !found.includes(r)), [], 'every 80 is an outlier');
});
