/**
 * outlier: gross errors beyond a column's own extreme are found whatever its shape; the natural tails of
 * log-normal, exponential, Pareto, Poisson and zero-inflated columns are not findings (issue #9, point 5).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';
import type { Finding } from '../../../src/core/quality/finding';

const rule = allRules.filter((r) => r.id === 'outlier');

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) ^ (s + 0x6d2b79f5)) >>> 0) / 4294967296) || 1e-12;
}

/** Column shapes of real measurements, drawn from a seeded generator. */
function shapes(seed: number): Record<string, () => number> {
  const u = random(seed);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const exponential = () => -Math.log(u());
  const poisson = (lambda: number) => {
    let k = 0;
    let p = Math.exp(-lambda);
    let c = p;
    const x = u();
    while (x > c) {
      p *= lambda / ++k;
      c += p;
    }
    return k;
  };
  return {
    temperature: () => +(15 + 6 * normal()).toFixed(1),
    price: () => +Math.exp(3 + 0.9 * normal()).toFixed(2),
    waiting_hours: () => +(30 * exponential()).toFixed(1),
    income: () => Math.round(20000 * Math.pow(u(), -1 / 2.2)),
    donation: () => +(5 * Math.pow(u(), -1 / 1.2)).toFixed(2),
    rainfall: () => (u() < 0.6 ? 0 : +(3 * (exponential() + exponential())).toFixed(1)),
    quantity: () => 1 + poisson(1.3),
    defects: () => poisson(0.3),
  };
}

/** A CSV of `rows` rows of the given columns, with `edit` changing cells (row → column → text). */
function table(seed: number, rows: number, edit: Record<number, Record<string, string>> = {}): string {
  const draw = shapes(seed);
  const names = Object.keys(draw);
  const lines = [names.join(',')];
  for (let r = 0; r < rows; r++) {
    // Every cell is drawn (so an edit does not shift the others), then edits replace some.
    const drawn = names.map((name) => String(draw[name]()));
    lines.push(names.map((name, c) => edit[r]?.[name] ?? drawn[c]).join(','));
  }
  return `${lines.join('\n')}\n`;
}

const check = (csv: string) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode(csv)), { maxFindingsPerRuleAndColumn: 10_000 }, undefined, rule).findings;
const cells = (findings: Finding[]) => findings.map((f) => `${f.row}:${f.column}`).sort();

/** The largest value drawn for a column in `table(seed, rows)` (the same generator, run again). */
function largest(seed: number, rows: number, column: string): number {
  const draw = shapes(seed);
  let max = -Infinity;
  for (let r = 0; r < rows; r++) for (const [name, next] of Object.entries(draw)) {
    const v = next();
    if (name === column) max = Math.max(max, v);
  }
  return max;
}

test('natural tails of normal, log-normal, exponential, Pareto, zero-inflated and Poisson columns are not outliers', () => {
  let findings = 0;
  for (const seed of [1, 2, 3, 4, 5]) for (const rows of [300, 3000]) findings += check(table(seed, rows)).length;
  // 8 columns × 10 tables: about alpha = 1% of clean columns may get a finding.
  assert.ok(findings <= 2, `${findings} findings on 80 clean columns`);
});

test('3 × the largest value is found in light- and medium-tailed columns, zero-inflated and counts included', () => {
  for (const column of ['temperature', 'waiting_hours', 'rainfall', 'quantity', 'defects']) {
    const max = largest(7, 2000, column);
    const findings = check(table(7, 2000, { 123: { [column]: String(3 * max) } }));
    assert.deepEqual(cells(findings), [`123:${column}`], `${column}: 3 × ${max}`);
  }
});

test('a slip by a factor 1000 is found in heavy-tailed columns (log-normal, Pareto α 2.2); a lost minus sign in a positive column', () => {
  const income = 1000 * largest(8, 2000, 'income');
  const findings = check(table(8, 2000, { 50: { price: '4512000' }, 60: { income: '-52000' }, 70: { income: String(income) } }));
  assert.deepEqual(cells(findings), ['50:price', '60:income', '70:income']);
  const sign = findings.find((f) => f.row === 60);
  assert.equal(sign?.evidence?.kind, 'sign');
  assert.match(sign?.message ?? '', /-52000 is an outlier in column "income": negative where every other value is positive or zero/);
});

test('several errors at one end, of different sizes, are all found (no masking)', () => {
  const max = largest(9, 3000, 'temperature');
  const edit: Record<number, Record<string, string>> = {};
  const planted = [3 * max, 3 * max, 10 * max, 100 * max, 1000 * max, 1000 * max + 1];
  planted.forEach((v, i) => (edit[100 + 7 * i] = { temperature: v.toFixed(1) }));
  const findings = check(table(9, 3000, edit)).filter((f) => f.column === 'temperature');
  assert.deepEqual(findings.map((f) => f.row), planted.map((_, i) => 100 + 7 * i));
  // Each is reported against the column's extreme without any of them.
  assert.ok(findings.every((f) => f.evidence?.next === max), JSON.stringify(findings.map((f) => f.evidence?.next)));
});

test('a column with 1% of gross errors in layers: every layer is found, up to 2% of the column per end', () => {
  // 6,000 counts (quantity: 1 + Poisson(1.3)); 25 rows of ×1000 slips, then 35 rows of 3 × the largest value.
  const max = largest(11, 6000, 'quantity');
  const edit: Record<number, Record<string, string>> = {};
  for (let i = 0; i < 25; i++) edit[10 + 97 * i] = { quantity: String(1000 * (1 + (i % 5))) };
  for (let i = 0; i < 35; i++) edit[40 + 151 * i] = { quantity: String(3 * max) };
  const findings = check(table(11, 6000, edit)).filter((f) => f.column === 'quantity');
  assert.deepEqual(findings.map((f) => f.row ?? -1).sort((a, b) => a - b), Object.keys(edit).map(Number).sort((a, b) => a - b));
  assert.ok(findings.every((f) => f.evidence?.next === max), JSON.stringify([...new Set(findings.map((f) => f.evidence?.next))]));
});

test('a dirtier column, 4% of gross errors in layers (×10, ×100, ×1000 slips, 3 × the largest), is peeled to its last layer', () => {
  // 4,000 temperatures; 40 rows of each layer: 160 rows in all, beyond one round's 2% (80 rows) but within a tail's 5%.
  const max = largest(12, 4000, 'temperature');
  const edit: Record<number, Record<string, string>> = {};
  [10, 100, 1000].forEach((factor, layer) => {
    for (let i = 0; i < 40; i++) edit[3 + layer + 97 * i] = { temperature: (factor * (20 + (i % 9))).toFixed(1) };
  });
  for (let i = 0; i < 40; i++) edit[50 + 97 * i] = { temperature: (3 * max).toFixed(1) };
  const findings = check(table(12, 4000, edit)).filter((f) => f.column === 'temperature');
  assert.deepEqual(findings.map((f) => f.row ?? -1).sort((a, b) => a - b), Object.keys(edit).map(Number).sort((a, b) => a - b));
});

test('the top 3% of a heavy-tailed column beyond a gap, spread like the rest, are a population, not outliers', () => {
  // Log-normal counts of deaths; 24 of 800 rows (3%) between 2.1 and 6.6 times the rest's largest value, as spread on a
  // log scale as the tail below them (years of famine and epidemics): far on the raw scale, not on the log scale.
  const u = random(5);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const values = Array.from({ length: 776 }, () => Math.round(Math.exp(7.5 + 1.6 * normal())));
  const rest = Math.max(...values);
  for (let i = 0; i < 24; i++) values.push(Math.round(rest * (2.1 + (4.5 * i) / 23)));
  assert.deepEqual(check(`deaths\n${values.join('\n')}\n`), []);
});

test('lost minus signs in up to 1% of a count column are found, and do not hide the errors of its upper tail', () => {
  // 4,000 goals per match (quantity: 1 + Poisson(1.3), with a zero in every fourth row): 24 rows (0.6%) with a
  // lost sign, 20 rows of 10 × the largest value.
  const max = largest(12, 4000, 'quantity');
  const edit: Record<number, Record<string, string>> = {};
  for (let r = 0; r < 4000; r += 4) edit[r] = { quantity: '0' };
  const signs = Array.from({ length: 24 }, (_, i) => 1 + 161 * i);
  signs.forEach((r, i) => (edit[r] = { quantity: String(-(2 + (i % 4))) }));
  const far = Array.from({ length: 20 }, (_, i) => 2 + 197 * i);
  for (const r of far) edit[r] = { quantity: String(10 * max) };
  const findings = check(table(12, 4000, edit)).filter((f) => f.column === 'quantity');
  assert.deepEqual(findings.map((f) => f.row ?? -1).sort((a, b) => a - b), [...signs, ...far].sort((a, b) => a - b));
  assert.ok(findings.filter((f) => f.value?.startsWith('-')).every((f) => f.evidence?.kind === 'sign'));
});

test('placeholders (-9999 for "unknown", in 1.5% of rows) are left out: lost minus signs beside them are still found, and the placeholders are not called lost signs', () => {
  // 4,000 prices (log-normal): 60 rows of -9999 (what sentinel-value reports) and 30 lost minus signs. With the
  // placeholders counted, 90 negative values (2%) would be a population of their own, and no sign would be lost.
  const edit: Record<number, Record<string, string>> = {};
  const placeholders = Array.from({ length: 60 }, (_, i) => 3 + 61 * i);
  for (const r of placeholders) edit[r] = { price: '-9999' };
  const signs = Array.from({ length: 30 }, (_, i) => 5 + 131 * i);
  const draw = shapes(21);
  const prices: number[] = [];
  for (let r = 0; r < 4000; r++) for (const [name, next] of Object.entries(draw)) if (name === 'price') prices.push(next());
  for (const r of signs) edit[r] = { price: String(-prices[r]) };
  // A lost sign is told from noise when the value is at least as large as the median of the others.
  const others = prices.filter((_, r) => !(r in edit)).sort((a, b) => a - b);
  const median = others[Math.floor(others.length / 2)];
  const expected = signs.filter((r) => prices[r] >= median);
  const findings = check(table(21, 4000, edit)).filter((f) => f.column === 'price');
  assert.ok(expected.length >= 10, `${expected.length} lost signs at least as large as the median`);
  assert.deepEqual(findings.map((f) => f.row ?? -1).sort((a, b) => a - b), expected, 'the large lost signs, and no placeholder');
  assert.ok(findings.every((f) => f.evidence?.kind === 'sign'), `each found as a lost minus sign: ${findings.map((f) => `${f.value} ${String(f.evidence?.kind)}`).join(', ')}`);
});

test('a second population at the edge (2% of rows, 1.4 × the rest) is not a set of outliers', () => {
  const edit: Record<number, Record<string, string>> = {};
  const max = largest(10, 2000, 'temperature');
  for (let i = 0; i < 40; i++) edit[i * 50] = { temperature: (1.4 * max + i * 0.3).toFixed(1) };
  assert.deepEqual(check(table(10, 2000, edit)).filter((f) => f.column === 'temperature'), []);
});

test('evidence and message: the nearest other value, the gap score, the scale', () => {
  const max = largest(11, 1000, 'waiting_hours');
  const [finding] = check(table(11, 1000, { 5: { waiting_hours: String(3 * max) } }));
  assert.equal(finding.value, String(3 * max));
  assert.equal(finding.evidence?.next, max);
  assert.equal(finding.evidence?.side, 'upper');
  assert.ok(Number(finding.evidence?.gapScore) > 10);
  assert.ok(Number(finding.evidence?.pValue) < 1e-4);
  assert.match(finding.message, new RegExp(`^${3 * max} is an outlier in column "waiting_hours": far above the largest other value, ${max}; its gap is \\d+ times`));
});

test('edge cases: fewer than 20 values, a constant column, identifiers and row counters are left alone', () => {
  assert.deepEqual(check(`v\n${[1, 2, 3, 2, 1, 2, 3, 1000000].join('\n')}\n`), []);
  assert.deepEqual(check(`v\n${Array(100).fill(7).join('\n')}\n`), []);
  const ids = Array.from({ length: 200 }, (_, i) => (i === 199 ? 999999 : i % 50));
  assert.deepEqual(check(`customer_id\n${ids.join('\n')}\n`), [], 'named like an identifier');
  assert.deepEqual(check(`n\n${Array.from({ length: 200 }, (_, i) => (i === 199 ? 999999 : i)).join('\n')}\n`), [], 'strictly increasing');
});

test('a lost minus sign does not hide the errors at the other end: a heap of 3 × the largest count is found too', () => {
  const max = largest(12, 3000, 'quantity');
  // Signs lost on two of the largest counts; 3 × the largest count in eight rows, twice it in two.
  const edit: Record<number, Record<string, string>> = { 2000: { quantity: String(-max) }, 2100: { quantity: String(-max) }, 500: { quantity: String(2 * max) }, 550: { quantity: String(2 * max) } };
  for (let i = 0; i < 8; i++) edit[100 + 50 * i] = { quantity: String(3 * max) };
  const findings = check(table(12, 3000, edit)).filter((f) => f.column === 'quantity');
  assert.deepEqual(findings.map((f) => f.row ?? -1).sort((a, b) => a - b), [100, 150, 200, 250, 300, 350, 400, 450, 500, 550, 2000, 2100]);
});

/** A latitude column of `rows` places, the mainland's (25–49°) and 2% on an island (17.9–18.5°), with the given rows replaced. */
function latitudes(rows: number, edit: Record<number, string>): string {
  const u = random(13);
  const lines = ['latitude'];
  for (let r = 0; r < rows; r++) {
    const drawn = (u() < 0.02 ? 17.9 + 0.6 * u() : 25 + 24 * u()).toFixed(6);
    lines.push(edit[r] ?? drawn);
  }
  return `${lines.join('\n')}\n`;
}

test('many rows of several values beyond a gap are a population of their own (islands south of the mainland), not outliers', () => {
  const islands = [...Array(21).fill('13.444257'), '15.190135', '15.190135', '15.190135', '7.138297', '7.138297', '7.138297', '7.138297', '11.140496', '11.140496', '7.225664'];
  const edit: Record<number, string> = {};
  islands.forEach((v, i) => (edit[20000 + i] = v));
  assert.deepEqual(cells(check(latitudes(20031, edit))), [], 'the islands');
  // Another island further out belongs to them; a value far beyond them is still an error.
  assert.deepEqual(cells(check(latitudes(20032, { ...edit, 20031: '-7.209975' }))), [], 'an island further out');
  assert.deepEqual(cells(check(latitudes(20032, { ...edit, 20031: '-1320.5' }))), ['20031:latitude'], 'a slip beyond the islands');
});

test('one value pasted into many rows far beyond the rest of a short, heavy tail is found; a value repeated within the tail is not', () => {
  // Repair costs: mostly 0, 70 costs from a Pareto tail; 3 × the largest cost in eight rows.
  const u = random(14);
  const costs = Array.from({ length: 3000 }, (_, r) => (r % 43 === 0 ? String(Math.round(1000 * Math.pow(u(), -1 / 1.1))) : '0'));
  const max = Math.max(...costs.map(Number));
  const pasted = [...costs];
  for (let i = 0; i < 8; i++) pasted[7 + 301 * i] = String(3 * max);
  const findings = check(`cost\n${pasted.join('\n')}\n`);
  assert.deepEqual(findings.map((f) => f.row ?? -1), [7, 308, 609, 910, 1211, 1512, 1813, 2114]);
  assert.equal(findings[0].evidence?.kind, 'heap');
  assert.match(findings[0].message, new RegExp(`^${3 * max} is an outlier in column "cost": the same value in many rows, far above the largest other value, ${max}`));
  // A cost below the largest, repeated in eight more rows, is no finding.
  const second = Math.max(...costs.map(Number).filter((v) => v < max));
  const repeated = [...costs];
  for (let i = 0; i < 8; i++) repeated[7 + 301 * i] = String(second);
  assert.deepEqual(check(`cost\n${repeated.join('\n')}\n`), []);
});

test('one far value pasted into 3% of a column of seldom repeated values is a heap of errors; in 6% of it, a population', () => {
  // Log-normal gross takings, 4,000 rows; 3 × the largest pasted into every 33rd row (121 rows, 3%).
  const u = random(31);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const gross = Array.from({ length: 4000 }, () => String(Math.round(Math.exp(15 + 1.2 * normal()))));
  const max = Math.max(...gross.map(Number));
  const paste = (every: number) => gross.map((v, r) => (r % every === 5 ? String(3 * max) : v));
  const pastedRows = gross.flatMap((_, r) => (r % 33 === 5 ? [r] : []));
  const found = check(`gross\n${paste(33).join('\n')}\n`);
  assert.deepEqual(found.map((f) => f.row ?? -1), pastedRows, 'every pasted row, nothing else');
  assert.equal(found[0].evidence?.kind, 'heap', 'told as a heap');
  // Beyond the share one tail may flag (5%), one value in 6% of the rows is a population (a cap, a code), not errors.
  assert.deepEqual(check(`gross\n${paste(16).join('\n')}\n`).map((f) => f.row ?? -1), [], 'a value in 6% of the rows');
});

/** Repair costs: mostly 0, 70 costs from a Pareto tail (as in the test above), and their largest. */
function repairCosts(): { costs: string[]; max: number } {
  const u = random(14);
  const costs = Array.from({ length: 3000 }, (_, r) => (r % 43 === 0 ? String(Math.round(1000 * Math.pow(u(), -1 / 1.1))) : '0'));
  return { costs, max: Math.max(...costs.map(Number)) };
}

test('heaps are peeled as blocks are: a value pasted into eight rows is found beneath another pasted into eight rows beyond it', () => {
  const { costs, max } = repairCosts();
  const dirty = costs.map((v, r) => (r % 301 === 7 && r < 2400 ? String(3 * max) : r % 301 === 100 && r < 2500 ? String(7 * max) : v));
  const expected = dirty.flatMap((v, r) => (v === String(3 * max) || v === String(7 * max) ? [r] : []));
  assert.equal(expected.length, 16);
  const found = check(`cost\n${dirty.join('\n')}\n`);
  assert.deepEqual(found.map((f) => f.row ?? -1).sort((a, b) => a - b), expected, 'both heaps');
  assert.ok(found.every((f) => f.evidence?.kind === 'heap'), 'each told as a heap');
});

test('a heap inside the tail, with slips beyond it: the pasted value and every value beyond it are found', () => {
  // 3 × the largest cost in eight rows; beyond it one cost written ×5 and one ×1000 (a gap test finds the last alone).
  const { costs, max } = repairCosts();
  const dirty = costs.map((v, r) => (r % 301 === 7 && r < 2400 ? String(3 * max) : r === 100 ? String(5 * max) : r === 200 ? String(1000 * max) : v));
  const expected = dirty.flatMap((v, r) => (v === String(3 * max) || r === 100 || r === 200 ? [r] : []));
  const found = check(`cost\n${dirty.join('\n')}\n`);
  assert.deepEqual(found.map((f) => f.row ?? -1).sort((a, b) => a - b), expected);
});

/**
 * Flight delays (minutes, log-normal, 4,000 rows) whose upper tail ×10, ×100 and ×1000 slips fill over three
 * decades (3% of the rows), with 3 × the largest delay pasted into every 67th row (60 rows, 1.5%); beside them
 * a carrier of eight, drawn at random. `pasted` replaces the pasted value; `carrier` the carrier of pasted rows.
 */
function delaysWithSlips(pasted?: (max: number) => number, carrier?: string): { csv: string; pastedRows: number[]; value: number } {
  const u = random(41);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const delays = Array.from({ length: 4000 }, () => Math.round(Math.exp(3 + 0.8 * normal())));
  const carriers = Array.from({ length: 4000 }, () => ['AA', 'UA', 'DL', 'WN', 'CO', 'US', 'NW', 'AS'][Math.floor(8 * u())]);
  const max = Math.max(...delays);
  const value = pasted ? pasted(max) : 3 * max;
  const pastedRows: number[] = [];
  const rows = delays.map((d, r) => {
    if (r % 67 === 11) {
      pastedRows.push(r);
      return `${value},${carrier ?? carriers[r]}`;
    }
    const slip = r % 97 === 3 ? 10 : r % 89 === 5 ? 100 : r % 101 === 7 ? 1000 : 1;
    return `${d * slip},${carriers[r]}`;
  });
  return { csv: `delay,carrier\n${rows.join('\n')}\n`, pastedRows, value };
}

test('a value pasted into many rows among slips that fill the tail beyond the real maximum is found: its rows share nothing else', () => {
  const { csv, pastedRows, value } = delaysWithSlips();
  const heap = check(csv).filter((f) => f.value === String(value));
  assert.deepEqual(heap.map((f) => f.row ?? -1), pastedRows, 'every pasted row');
  assert.equal(heap[0].evidence?.kind, 'heap', 'told as a heap');
  assert.match(heap[0].message, new RegExp(`^${value} is an outlier in column "delay": the same value in 60 rows, far above the column's bulk \\(90% of its values are at most \\d+\\), while the values around it are held by [\\d.]+ rows each and its rows share no other value`));
  // Rows that share a carrier few other rows have are a population of their own (a territory's places at one centroid).
  assert.deepEqual(check(delaysWithSlips(undefined, 'HA').csv).filter((f) => f.value === String(value)), [], 'rows of one carrier');
  // A round number repeated among less round values is a price point or a cap, not a pasted value.
  const round = delaysWithSlips((max) => 10_000 * Math.ceil((3 * max) / 10_000));
  assert.deepEqual(check(round.csv).filter((f) => f.value === String(round.value)), [], 'a round value');
});

test('lost minus signs among longitudes shifted into a latitude column are found: values beyond the bulk do not make them a population', () => {
  // Latitudes of 1,500 airports (25°–49°, a tenth in Alaska up to 71°); 8 lost their minus sign and 22 rows hold
  // the longitude shifted in from the next column (−70° to −165°): 30 negative values, 2% of the column.
  const u = random(44);
  const latitudes = Array.from({ length: 1500 }, (_, r) => (r % 10 === 3 ? 55 + 16 * u() : 25 + 24 * u()).toFixed(6));
  const lost = [40, 211, 388, 502, 777, 901, 1150, 1399];
  for (const r of lost) latitudes[r] = `-${(40 + 8 * u()).toFixed(6)}`;
  for (let k = 0; k < 22; k++) latitudes[13 + 67 * k] = (-70 - 95 * u()).toFixed(6);
  const signs = check(`latitude\n${latitudes.join('\n')}\n`).filter((f) => f.evidence?.kind === 'sign');
  assert.deepEqual(signs.map((f) => f.row ?? -1), lost, 'each lost minus sign, told as one');
});

test('ratings with a lost decimal point in 2.5% of the rows are found beneath the errors, however heavy those make the top look', () => {
  // Ratings up to 9.6 written with one decimal, most of them high (9.6 less a log-normal), 4,000 rows; every
  // 40th written ×10 ("72" for "7.2"). Ranked from the top of the slips, the ratings' tail looked heavy.
  const u = random(32);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const ratings = Array.from({ length: 4000 }, () => Math.max(1, 9.6 - Math.exp(1.1 + 0.45 * normal())).toFixed(1));
  const slipped = ratings.map((v, r) => (r % 40 === 5 ? String(Math.round(10 * Number(v))) : v));
  const slips = ratings.flatMap((_, r) => (r % 40 === 5 ? [r] : []));
  const found = check(`rating\n${slipped.join('\n')}\n`).map((f) => f.row ?? -1);
  assert.deepEqual(found.filter((r) => !slips.includes(r)), [], 'only slips');
  // A slip of a rating below 1.5 lands among the ratings (12 for 1.2); every other one is found.
  assert.deepEqual(slips.filter((r) => !found.includes(r) && Number(ratings[r]) >= 1.5), [], 'every slip of a rating from 1.5');
  assert.deepEqual(check(`rating\n${ratings.join('\n')}\n`), [], 'the clean ratings');
});

test('years a century off in a column of a few years are outliers: neither a count nor a span over the whole column hides them', () => {
  // Births per day over 12 years (1971–1982: 12 distinct values); four years typed a century off, one far below.
  const rows = Array.from({ length: 4000 }, (_, r) => String(1971 + Math.floor((12 * r) / 4000)));
  const slips: Record<number, string> = { 500: '2080', 1500: '2091', 2500: '2099', 3500: '2153', 3700: '1779' };
  const years = rows.map((v, r) => slips[r] ?? v);
  assert.deepEqual(check(`year\n${years.join('\n')}\n`).map((f) => f.row ?? -1), Object.keys(slips).map(Number), 'every slip');
  assert.deepEqual(check(`year\n${rows.join('\n')}\n`), [], 'the clean years');
});

test('values of the minority sign are a population of their own: outlays with a few receipts, unless beyond the column\'s other extreme', () => {
  // A budget line per row: 57% of them 0, outlays log-normal, 11 receipts spread from −1 to −539,100 (far
  // from the zeros next to them, but small beside the outlays).
  const u = random(21);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const amounts = Array.from({ length: 240 }, (_, r) => (r % 7 < 4 ? '0' : String(Math.round(Math.exp(11 + 2.5 * normal())))));
  const receipts = ['-539100', '-321100', '-145300', '-52500', '-6837', '-6327', '-380', '-184', '-94', '-2', '-1'];
  receipts.forEach((v, i) => (amounts[2 + 20 * i] = v));
  assert.deepEqual(cells(check(`amount\n${amounts.join('\n')}\n`)), [], 'receipts among outlays');
  // Temperatures, a few below 0 (down to −7.4 °C): −600 lies beyond the warmest day's distance from the median.
  const t = random(22);
  const temperatures = Array.from({ length: 400 }, () => (14 + 7 * Math.sqrt(-2 * Math.log(t())) * Math.cos(2 * Math.PI * t())).toFixed(1));
  temperatures[9] = '-600.0';
  assert.deepEqual(cells(check(`temperature\n${temperatures.join('\n')}\n`)), ['9:temperature'], 'a slip below the freezing days');
});

test('a value beyond the end of a bounded scale dense up to it is an outlier (6 among ratings of 1 to 5); values heaped on a few levels, or clustered, leave gaps of their own', () => {
  // Ratings read to tenths, uniform over 1–5 (the last tenth of the scale holds a tenth of the rows); three rows say 6.
  const u = random(31);
  const ratings = Array.from({ length: 3000 }, () => (1 + Math.round(40 * u()) / 10).toFixed(1));
  const rated = ratings.map((v, r) => ([100, 1200, 2500].includes(r) ? '6.0' : v));
  assert.deepEqual(cells(check(`rating\n${rated.join('\n')}\n`)), ['100:rating', '1200:rating', '2500:rating'], 'three ratings beyond the scale');
  assert.deepEqual(cells(check(`rating\n${ratings.join('\n')}\n`)), [], 'the clean ratings');
  // Boston's pupil-teacher ratios (harrison-boston-house-prices, as published): one value per school district,
  // shared by its tracts, so levels with gaps of 0.4–0.7 between them near the top; 22 lies 0.8 above 21.2.
  const levels = [
    [12.6, 3], [13, 12], [13.6, 1], [14.4, 1], [14.7, 34], [14.8, 3], [14.9, 4], [15.1, 1], [15.2, 13], [15.3, 3], [15.5, 1], [15.6, 2],
    [15.9, 2], [16, 5], [16.1, 5], [16.4, 6], [16.6, 16], [16.8, 4], [16.9, 5], [17, 4], [17.3, 1], [17.4, 18], [17.6, 7], [17.8, 23],
    [17.9, 11], [18, 5], [18.2, 4], [18.3, 4], [18.4, 16], [18.5, 4], [18.6, 17], [18.7, 9], [18.8, 2], [18.9, 3], [19, 4], [19.1, 17],
    [19.2, 19], [19.6, 8], [19.7, 8], [20.1, 5], [20.2, 140], [20.9, 11], [21, 27], [21.1, 1], [21.2, 15], [22, 2],
  ];
  const ratios = levels.flatMap(([v, n]) => Array.from({ length: n }, () => v.toFixed(1)));
  assert.deepEqual(cells(check(`ptratio\n${ratios.join('\n')}\n`)), [], 'a level beyond gaps like its own');
  // Films' running times (vega movies' shortest, as published, above them a bulk of 98–200 minutes): they thin out
  // below 80 minutes (a tenth of the range holds under 3% of the films), so a 46-minute film is no value past an edge.
  const shortest = [[72, 2], [74, 2], [75, 2], [77, 4], [78, 3], [79, 4], [80, 9], [81, 6], [82, 9], [83, 12], [84, 7], [85, 17], [86, 16], [87, 15], [88, 17], [89, 18], [90, 34], [91, 29], [92, 23], [93, 23], [94, 24], [95, 37], [96, 23], [97, 28]];
  const films = [...shortest.flatMap(([v, n]) => Array.from({ length: n }, () => String(v))), ...Array.from({ length: 800 }, () => String(98 + Math.floor(102 * u() * u())))];
  films.push('46');
  assert.deepEqual(cells(check(`minutes\n${films.join('\n')}\n`)), [], 'a short film below a thin end');
});

test('a value below a floor at zero where the column is dense is an outlier though its gap is no tail\'s (a stock of −24 among 0–500); an edge elsewhere is no floor', () => {
  const u = random(47);
  const stock = Array.from({ length: 3000 }, () => String(Math.floor(500 * u())));
  stock[1234] = '-24';
  assert.deepEqual(cells(check(`stock\n${stock.join('\n')}\n`)), ['1234:stock'], 'below a floor where the values are spread evenly');
  stock[1234] = '-3';
  assert.deepEqual(cells(check(`stock\n${stock.join('\n')}\n`)), [], 'just below it: a gap like the column\'s own');
  // The same column moved up by 2 (its floor at 2): −22 is 24 below it again, but nothing bounds such a column at 2.
  const moved = stock.map((v, r) => (r === 1234 ? '-22' : String(Number(v) + 2)));
  assert.deepEqual(cells(check(`stock\n${moved.join('\n')}\n`)), [], 'an edge that is not zero');
});

test('a large column holds more slips than a fixed count: 300 ratings ×10 among 30,000 are found (up to 5% of the column per end)', () => {
  // Ratings of 1.0 to 9.9 with one decimal; 1% of them written ten times over ("55.0" for 5.5) — a layer of 300
  // values, more than the 200 a round of blocks once looked at, however large the column.
  const u = random(31);
  const slipped = new Set<number>();
  const lines = ['rating'];
  for (let r = 0; r < 30_000; r++) {
    const rating = Math.min(9.9, Math.max(1, Math.round(10 * (6.5 + 1.1 * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()))) / 10));
    if (u() < 0.01) {
      slipped.add(r);
      lines.push((rating * 10).toFixed(1));
    } else lines.push(rating.toFixed(1));
  }
  const flagged = new Set(check(lines.join('\n') + '\n').map((f) => f.row));
  const found = [...slipped].filter((r) => flagged.has(r)).length;
  assert.ok(slipped.size > 250, `slips made (${slipped.size})`);
  assert.ok(found >= 0.95 * slipped.size, `${found} of ${slipped.size} ratings ×10 found`);
  assert.ok([...flagged].every((r) => r !== null && slipped.has(r)), 'no right rating flagged');
});

/**
 * 3,000 exact route lengths (whole miles, log-normal around 560) where 3% of the rows were
 * written with a decimal point moved or a unit of a thousand: ×10, ×100 or ×1000 of their value, filling three
 * decades beyond the real maximum. `write` writes a length as its cell.
 */
function distancesWithSlips(write: (miles: number) => string = String): { csv: string; slipped: number[] } {
  const u = random(21);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const lines = ['route,distance'];
  const slipped: number[] = [];
  for (let r = 0; r < 3000; r++) {
    const miles = Math.max(31, Math.round(Math.exp(Math.log(560) + 0.7 * normal())));
    const slip = r % 33 === 7 ? 10 ** (1 + (Math.floor(r / 33) % 3)) : 1;
    if (slip > 1 && miles % 10 !== 0) slipped.push(r);
    lines.push(`R${r % 400},${write(slip > 1 && miles % 10 !== 0 ? miles * slip : miles)}`);
  }
  return { csv: `${lines.join('\n')}\n`, slipped };
}

test('slips that fill three decades beyond the maximum leave no gap, but each is a value of the bulk with zeros added, as exact values seldom are', () => {
  const { csv, slipped } = distancesWithSlips();
  const found = check(csv);
  const slips = found.filter((f) => f.evidence?.kind === 'slip');
  // The ×100 and ×1000 slips (ending in two zeros or more, as one exact length in a hundred does) are found; a ×10
  // slip ends in 0 as one exact length in ten does, and 30 of them among 3,000 rows are no evidence of it.
  const farRows = slipped.filter((r) => r % 99 !== 7);
  assert.ok(farRows.every((r) => found.some((f) => f.row === r)), `every ×100 and ×1000 slip: ${farRows.filter((r) => !found.some((f) => f.row === r)).join(' ')}`);
  assert.ok(slips.every((f) => slipped.includes(f.row ?? -1)), `no exact value: ${slips.filter((f) => !slipped.includes(f.row ?? -1)).map((f) => f.value).join(' ')}`);
  assert.ok(slips.length > 0, 'told as slips');
  assert.match(slips[0].message, /^\d+ is an outlier in column "distance": far above the column's bulk \(90% of its values are at most \d+\), and \d+ × 10+, a value of the bulk with zeros added; \d+ of its far values are such multiples/);
  // Death tolls: exact counts in the bulk, the largest (over 2,000) estimates rounded to two significant digits.
  // Their mantissas (22, 38, 67) spread over their digits, not like the column's values, and are no slips.
  for (const seed of [1, 2, 3]) {
    const u = random(seed);
    const tolls = ['event,deaths'];
    for (let r = 0; r < 3000; r++) {
      const deaths = Math.round(50 / u());
      tolls.push(`E${r},${deaths > 2000 ? Number(deaths.toPrecision(2)) : deaths}`);
    }
    assert.deepEqual(check(`${tolls.join('\n')}\n`).filter((f) => f.evidence?.kind === 'slip'), [], `rounded estimates (seed ${seed})`);
  }
  // Lengths written to significant digits (2.36482 beside 23.6482): moving the point changes no digit.
  const digits = distancesWithSlips((miles) => String(Number((miles / 997).toPrecision(6))));
  assert.deepEqual(check(digits.csv).filter((f) => f.evidence?.kind === 'slip'), [], 'values written to significant digits');
});

test('totals of orders of ten items are prices with zeros added, but their quantity says so: no slips', () => {
  const u = random(9);
  const prices = [4.5, 7.25, 9.99, 15.75, 19.99, 24.5, 34, 39.9, 49, 59, 79, 89, 149, 229.99, 399];
  const lines = ['order,price,quantity,discount,total'];
  for (let r = 0; r < 6000; r++) {
    const price = prices[Math.floor(u() * prices.length)];
    const quantity = [1, 1, 1, 2, 2, 3, 4, 5, 10][Math.floor(u() * 9)];
    const discount = [0, 0, 0, 0, 0.05, 0.1, 0.15, 0.2][Math.floor(u() * 8)];
    lines.push(`${r},${price},${quantity},${discount},${(price * quantity * (1 - discount)).toFixed(2)}`);
  }
  assert.deepEqual(check(`${lines.join('\n')}\n`).filter((f) => f.evidence?.kind === 'slip'), []);
});

test('values ten times the bulk\'s whose rows gather in three currencies of seven are that population\'s, no slips; in rows of every currency they are', () => {
  const { csv: distances, slipped } = distancesWithSlips();
  const u = random(4);
  const withCurrency = (gathered: boolean): string =>
    distances
      .trimEnd()
      .split('\n')
      .map((line, k) => (k === 0 ? `${line},currency` : `${line},${'ABCDEFG'[gathered && slipped.includes(k - 1) ? 4 + Math.floor(u() * 3) : Math.floor(u() * 7)]}`))
      .join('\n') + '\n';
  const slipsIn = (text: string) => check(text).filter((f) => f.evidence?.kind === 'slip').map((f) => f.row);
  assert.ok(slipsIn(withCurrency(false)).length > 0, 'slips in rows of every currency');
  assert.deepEqual(slipsIn(withCurrency(true)), [], 'totals in kronor, zloty and crowns');
});

test('slips of short values: delays of minutes (none in the bulk has three digits) ×100 are found by the zeros exact numbers seldom end in, ranked among the late flights they copy', () => {
  const u = random(8);
  const lines = ['flight,delay'];
  const slipped: number[] = [];
  const ordinary: number[] = [];
  for (let r = 0; r < 3000; r++) {
    const delay = Math.round(-15 + 30 * -Math.log(u()));
    // A late flight's delay typed ×100 (one not ending in 0: a round one would be read as ×10 or ×1000).
    const slip = r % 25 === 11 && delay > 0 && delay % 10 !== 0;
    if (slip) slipped.push(r);
    // Those of 2 to 99 minutes: ×100 lies far out, and the delay itself is no far value.
    if (slip && delay > 1 && delay < 100) ordinary.push(r);
    lines.push(`F${r},${slip ? delay * 100 : delay}`);
  }
  const found = check(`${lines.join('\n')}\n`);
  assert.ok(ordinary.length > 40, `${ordinary.length} slips`);
  assert.deepEqual(ordinary.filter((r) => !found.some((f) => f.row === r)), [], 'every slip of an ordinary delay found');
  assert.deepEqual(found.filter((f) => !slipped.includes(f.row ?? -1)).map((f) => f.value), [], 'no exact delay');
});

/** Weights of 3,000 adults in kilograms (two sexes, each normal), the rows `inPounds` picks written in pounds. */
function weights(inPounds: (r: number) => boolean): { csv: string; poundRows: number[] } {
  const u = random(21);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const lines = ['person,sex,weight'];
  const poundRows: number[] = [];
  for (let r = 0; r < 3000; r++) {
    const sex = u() < 0.5 ? 'F' : 'M';
    const kg = (sex === 'M' ? 82 : 66) + 11 * normal();
    if (inPounds(r)) poundRows.push(r);
    lines.push(`P${r},${sex},${(inPounds(r) ? kg * 2.20462 : kg).toFixed(1)}`);
  }
  return { csv: `${lines.join('\n')}\n`, poundRows };
}

test('weights written in pounds among kilograms (15 of 3,000 rows) are a unit mix-up, not a population of their own', () => {
  assert.deepEqual(check(weights(() => false).csv), [], 'weights in kilograms only');
  const { csv, poundRows } = weights((r) => r % 200 === 7);
  const found = check(csv);
  const rows = found.map((f) => f.row ?? -1);
  assert.deepEqual(rows.filter((r) => !poundRows.includes(r)), [], 'only weights in pounds are reported');
  // The lightest lie among the heaviest in kilograms (121.7 pounds beside a man of 125.4 kg): no value tells which they are.
  assert.ok(rows.length >= 10, `${rows.length} of ${poundRows.length} weights in pounds found`);
  assert.deepEqual([...new Set(found.map((f) => `${f.evidence?.kind} ${f.evidence?.unit} ${f.evidence?.columnUnit}`))], ['unit lb kg']);
  assert.match(found[0].message, /each is an ordinary value of the column times 2\.20462 .*: pounds among kilograms\?/);
  const first = found[0];
  const fix = first.fixes?.[0];
  assert.equal(fix?.kind === 'replace' ? fix.newText : undefined, String(Number((Number(first.value) / 2.20462).toFixed(2))), 'the quick fix writes the weight in kilograms');
  assert.equal(first.evidence?.converted, String(Number((Number(first.value) / 2.20462).toFixed(2))));
});

test('a second population beyond a gap that no unit ratio makes a copy of the column is no unit mix-up (distances to islands among the mainland\'s)', () => {
  const u = random(22);
  const lines = ['route,distance'];
  for (let r = 0; r < 3000; r++) lines.push(`R${r},${r % 150 === 5 ? Math.round(3800 + 400 * u()) : Math.round(100 + 2700 * u())}`);
  assert.deepEqual(check(`${lines.join('\n')}\n`), []);
});

test('southern places below the mainland\'s latitudes, spread like a copy of them, are no unit mix-up: their rows gather in three states', () => {
  const u = random(23);
  const lines = ['place,state,latitude'];
  for (let r = 0; r < 3000; r++) {
    const south = r % 100 === 42;
    const latitude = south ? 18 + 9 * u() : 30 + 18 * u();
    // The mainland's states lie in bands of latitude; the southern places in three states of their own.
    const state = south ? ['HI', 'PR', 'GU'][r % 3] : `S${Math.floor((latitude - 30) / 0.9)}`;
    lines.push(`p${r},${state},${latitude.toFixed(4)}`);
  }
  assert.deepEqual(check(`${lines.join('\n')}\n`), []);
});

/** A CSV of one column `score`: `rows` normal values (mean 1150, sd 110) rounded to whole numbers, or heavier-tailed ones. */
function scores(seed: number, rows: number, draw: 'normal' | 'student5' | 'laplace', edit: Record<number, number> = {}): string {
  const u = random(seed);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const next = {
    normal,
    // Student's t with 5 degrees of freedom: a normal over the root of a chi-square's mean.
    student5: () => normal() / Math.sqrt((normal() ** 2 + normal() ** 2 + normal() ** 2 + normal() ** 2 + normal() ** 2) / 5),
    laplace: () => (u() < 0.5 ? 1 : -1) * Math.log(u()) / Math.SQRT2,
  }[draw];
  const lines = ['score'];
  for (let r = 0; r < rows; r++) {
    const value = Math.round(1150 + 110 * next());
    lines.push(String(edit[r] ?? value));
  }
  return `${lines.join('\n')}\n`;
}

test('values spread far beyond a normal body leave no gap between them, yet are found (scores on another scale in 12 of 3,000 rows)', () => {
  // Twelve rows get 1.5 × an ordinary score (1,590 to 2,000): beyond 5.5 standard deviations they are improbable in 3,000 normal values.
  const edit: Record<number, number> = {};
  for (let k = 0; k < 12; k++) edit[100 + 211 * k] = Math.round(1.5 * (1060 + 25 * k));
  const found = check(scores(7, 3000, 'normal', edit));
  const far = Object.entries(edit).filter(([, v]) => (v - 1150) / 110 >= 6).map(([r]) => `${r}:score`);
  assert.ok(far.length >= 6, 'the table holds values 6 standard deviations out');
  const flagged = cells(found);
  for (const cell of far) assert.ok(flagged.includes(cell), `${cell} is found`);
  assert.ok(flagged.every((cell) => Number(cell.split(':')[0]) in edit), `no ordinary row is flagged: ${flagged.join(' ')}`);
  const normalKind = found.filter((f) => f.evidence?.kind === 'normal');
  assert.ok(normalKind.length >= 6, 'found as values beyond a normal body');
  assert.match(normalKind[0].message, /standard deviations above the median, 11\d\d, where the column's values spread like a normal distribution's out to their 1st and 99th percentiles/);
});

test('a body heavier than normal (Student\'s t with 5 degrees of freedom, Laplace) is not judged by normal tails', () => {
  for (const draw of ['student5', 'laplace'] as const) {
    for (const seed of [1, 2, 3]) {
      const normalKind = check(scores(seed, 3000, draw)).filter((f) => f.evidence?.kind === 'normal');
      assert.deepEqual(normalKind.map((f) => f.value), [], `${draw}, seed ${seed}`);
    }
  }
});

test('a level another column\'s value holds is no outlier (a drug\'s 10,000 mg); a slip in one of its rows still is', () => {
  // Strengths in mg of eight drugs, each at its own strengths; lactulose (4% of the rows) comes in 10,000 mg.
  const drugs: [string, number[]][] = [['paracetamol', [500, 1000]], ['ramipril', [2.5, 5, 10]], ['digoxin', [0.125, 0.25]], ['metformin', [500, 850, 1000]], ['bisoprolol', [2.5, 5]], ['levothyroxine', [0.05, 0.1]], ['amoxicillin', [250, 500]], ['lactulose', [10000]]];
  const next = random(7);
  const rows = Array.from({ length: 2500 }, (_, r) => {
    const [name, strengths] = r % 25 === 0 ? drugs[7] : drugs[Math.floor(next() * 7)];
    return [name, strengths[Math.floor(next() * strengths.length)]] as const;
  });
  const csv = (edit: Record<number, number> = {}) => ['drug,strength_mg', ...rows.map(([name, mg], r) => `${name},${edit[r] ?? mg}`)].join('\n');
  assert.deepEqual(cells(check(csv())), [], 'the level of one drug is not an outlier');
  // A paracetamol strength typed in micrograms: the column's lactulose level does not hide it.
  const slipRow = rows.findIndex(([name, mg]) => name === 'paracetamol' && mg === 500);
  assert.deepEqual(cells(check(csv({ [slipRow]: 500000 }))), [`${slipRow}:strength_mg`]);
});

test('a number far from its entity\'s other rows (a patient\'s weight in pounds among their kilograms) is an outlier of kind entity', () => {
  const next = random(11);
  // 300 patients, 3–6 orders each; a patient's weight drifts by under 2% between orders; floors are levels.
  const lines = ['order,patient_id,birth_date,weight_kg,floor'];
  const rowsOf: number[][] = [];
  const weights: number[] = [];
  for (let p = 0; p < 300; p++) {
    const weight = 45 + next() * 70;
    weights.push(weight);
    const birth = `19${40 + (p % 60)}-0${1 + (p % 9)}-1${p % 10}`;
    const rows: number[] = [];
    for (let k = 0, orders = 3 + (p % 4); k < orders; k++) {
      rows.push(lines.length - 1);
      lines.push(`${lines.length},P${1000 + p},${birth},${(weight * (1 + (next() - 0.5) * 0.03)).toFixed(1)},${1 + ((p + (k === 2 ? 3 : 0)) % 6)}`);
    }
    rowsOf.push(rows);
  }
  const edit = (row: number, make: (cells: string[]) => void) => {
    const cells = lines[row + 1].split(',');
    make(cells);
    lines[row + 1] = cells.join(',');
  };
  // The two lightest patients: their weights in pounds stay within the column's range (no tail test sees them).
  const [light, lighter] = weights.map((w, p) => [w, p]).sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  const [pounds, wrongPatient] = [rowsOf[light][1], rowsOf[lighter][0]];
  edit(pounds, (cells) => (cells[3] = (Number(cells[3]) * 2.20462).toFixed(1)));
  // A row of the other carrying another patient's birth date: the patient id is the wrong cell, not the weight.
  edit(wrongPatient, (cells) => {
    cells[2] = '1901-01-01';
    cells[3] = (Number(cells[3]) * 2.20462).toFixed(1);
  });
  const findings = check(lines.join('\n'));
  assert.deepEqual(findings.map((f) => `${f.row}:${f.column}:${f.evidence?.kind}`), [`${pounds}:weight_kg:entity`]);
  assert.match(findings[0].message, /for its patient_id: "P\d+" holds [\d.]+ in its \d other rows \(this one is 2\.\d+ times that\), where the rows of one patient_id keep "weight_kg" within [\d.]+% of one another/);
});

test('a block of values another column\'s value owns together, each in one row, is that value\'s level (one ticker\'s prices of 540,000), not outliers; a slip of another ticker is', () => {
  const u = random(41);
  // 39 tickers at levels from 5 to about 600, one at 540,000: 100 trading days each.
  const levels = [...Array.from({ length: 39 }, (_, k) => 5 * Math.pow(1.13, k)), 540_000];
  const rows: string[] = ['date,ticker,close'];
  for (let day = 0; day < 100; day++) levels.forEach((price, k) => rows.push(`d${day},T${k},${(price * (1 + 0.1 * (u() - 0.5))).toFixed(2)}`));
  assert.deepEqual(check(`${rows.join('\n')}\n`), [], 'no finding: the 100 prices far above the others are one ticker\'s');
  rows[1 + 40 * 50 + 3] = 'd50,T3,950000.00';
  assert.deepEqual(check(`${rows.join('\n')}\n`).map((f) => f.row), [40 * 50 + 3], 'a price of another ticker beyond them is found');
});

test('a value several codes each carry (10 points for three violation codes) is their level, not outliers; a 100 typed for one of them is one', () => {
  const points: Record<string, number> = { A1: 1, A2: 1, B1: 2, B2: 2, B3: 2, C1: 3, C2: 3, D1: 4, H1: 10, H2: 10, H3: 10 };
  const codes = Object.keys(points);
  // The 10-point codes are rare (3% of the rows).
  const rows: string[] = ['id,code,points'];
  for (let i = 0; i < 2000; i++) {
    const code = i % 33 === 0 ? codes[8 + ((i / 33) % 3)] : codes[i % 8];
    rows.push(`${i},${code},${points[code]}`);
  }
  assert.deepEqual(check(`${rows.join('\n')}\n`), [], 'no finding');
  rows[1 + 1001] = '1001,B1,100';
  assert.deepEqual(check(`${rows.join('\n')}\n`).map((f) => f.row), [1001]);
});

test('far values in runs of neighbouring rows of a few trips (detours: a delay at each stop) are an episode, not outliers; the same far values in rows picked at random are', () => {
  const next = random(17);
  // 120 trips of 30 stops each: a delay in seconds that drifts along the trip (mostly 0 to 400 s).
  const stops = (detoured: (trip: number) => boolean) => {
    const lines = ['trip,stop,delay_sec'];
    for (let trip = 0; trip < 120; trip++) {
      let delay = Math.round(next() * 120);
      for (let stop = 1; stop <= 30; stop++) {
        delay = Math.max(-120, Math.min(420, delay + Math.round((next() - 0.45) * 40)));
        lines.push(`T${trip},${stop},${detoured(trip) && stop > 20 ? 1600 + trip * 4 + stop * 3 : delay}`);
      }
    }
    return lines;
  };
  // Three trips detoured for their last ten stops: 30 far values, each beside another of its trip.
  const detours = stops((trip) => trip === 7 || trip === 55 || trip === 90);
  assert.deepEqual(check(detours.join('\n')), []);
  // The same 30 far values moved to rows picked at random across the trips: slips, each alone.
  const lines = stops(() => false);
  const far = detours.map((line, k) => [k, Number(line.split(',')[2])] as const).filter(([, v]) => v >= 1600);
  far.forEach(([, v], i) => {
    const k = 1 + ((i * 397 + 11) % (lines.length - 1));
    const [trip, stop] = lines[k].split(',');
    lines[k] = `${trip},${stop},${v}`;
  });
  assert.deepEqual(check(lines.join('\n')).map((f) => f.evidence?.kind), Array(30).fill('gap'));
  // Rows picked at random from two of forty sources gather in those sources, yet lie apart in the file: slips.
  const marked = lines.map((line, k) => (k === 0 ? `${line},source` : `${line},S${Number(line.split(',')[2]) >= 1600 ? 1 + (k % 2) : k % 40}`));
  assert.deepEqual(new Set(check(marked.join('\n')).map((f) => f.evidence?.kind)), new Set(['gap']), 'beyond the column\'s extreme, not only their group\'s');
});

test('a floor the column is clipped at (azimuthal gaps never written below 25, in 1% of the rows) is its edge, not a value pasted in, also beside slips beyond it', () => {
  const u = random(61);
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const gaps = Array.from({ length: 2500 }, () => String(Math.min(330, Math.max(25, Math.round(115 + 45 * normal())))));
  assert.ok(gaps.filter((g) => g === '25').length >= 15, 'the floor holds many rows');
  // Values from the neighbouring columns shifted in, below the floor.
  for (const [r, v] of [[44, '0.44'], [588, '0.14'], [1180, '0.33'], [379, '11']] as const) gaps[r] = v;
  const findings = check(`gap\n${gaps.join('\n')}\n`);
  assert.deepEqual(findings.filter((f) => f.value === '25'), [], 'the floor');
});

test('a rare kind\'s numbers far below the rest are no outliers where they are every row of one value of another column (LPG\'s prices); a slip in another fuel\'s row is', () => {
  const fuels = ['U91', 'E10', 'P95', 'P98', 'DL'];
  const lines = (slip?: number) => {
    const out = ['report_id,fuel_code,price_cpl'];
    for (let i = 0; i < 1500; i++) {
      // Six LPG reports (rows 100, 350, … 1350), priced 101.9–118.9; the other fuels 171.9–229.9.
      const lpg = i % 250 === 100;
      const price = lpg ? 101.9 + ((i * 7) % 18) : slip === i ? 19.9 : 171.9 + ((i * 37) % 59);
      out.push(`${i},${lpg ? 'LPG' : fuels[i % fuels.length]},${price.toFixed(1)}`);
    }
    return out.join('\n');
  };
  assert.deepEqual(cells(check(lines())), []);
  // A price of 19.9 cpl in an E10 row: the one far value not of LPG.
  assert.deepEqual(cells(check(lines(501))), ['501:price_cpl']);
});
