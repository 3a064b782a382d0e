/** ratio-outlier: two measures that grow together, in a ratio far from the other rows'. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { allRules, runQualityCheck } from '../../../src/core/quality/engine';
import { ratioGaps } from '../../../src/core/quality/ratio-gaps';
import { mulberry32 } from '../../../src/core/shared/random';

const rule = allRules.filter((r) => r.id === 'ratio-outlier');
const ingest = (lines: string[]) => ingestCsvBytes(new TextEncoder().encode(lines.join('\n')));
const check = (lines: string[]) => runQualityCheck(ingest(lines), { maxFindingsPerRuleAndColumn: 10_000 }, undefined, rule).findings;

/** 1,500 medication orders: each drug at its strengths, a dose of half, one or two tablets; `edit` rewrites doses. */
function orders(edit: Record<number, string> = {}): string[] {
  const drugs: [string, number[]][] = [['digoxin', [0.125, 0.25]], ['ramipril', [2.5, 5, 10]], ['paracetamol', [500, 1000]], ['metformin', [500, 850]], ['levothyroxine', [0.05, 0.1]], ['atorvastatin', [10, 20, 40]], ['amoxicillin', [250, 500]], ['bisoprolol', [2.5, 5]]];
  const next = mulberry32(3);
  return [
    'order,drug,strength_mg,dose_mg,price',
    ...Array.from({ length: 1500 }, (_, i) => {
      const [drug, strengths] = drugs[i % drugs.length];
      const strength = strengths[Math.floor(next() * strengths.length)];
      const dose = strength * [0.5, 1, 1, 1, 2][Math.floor(next() * 5)];
      return `${i},${drug},${strength},${edit[i] ?? dose},${(1 + next() * 40).toFixed(2)}`;
    }),
  ];
}

test('a dose in micrograms beside its tablet\'s strength in mg is reported on the dose; a clean table has no finding', () => {
  assert.deepEqual(check(orders()), []);
  const lines = orders();
  const data = ingest(lines);
  const pair = ratioGaps(data).pairs.map((p) => `${data.columns[p.numerator].name}/${data.columns[p.denominator].name}`);
  assert.deepEqual(pair, ['strength_mg/dose_mg'], 'the price grows with neither');
  // Row 8 is digoxin (0.125 or 0.25 mg tablets): 125 written for 0.125, which the strength column holds for digoxin
  // only in micrograms' place; row 9 ramipril: 5,000 for 5.
  const digoxin = lines[9].split(',');
  const ramipril = lines[10].split(',');
  const findings = check(orders({ 8: String(Number(digoxin[3]) * 1000), 9: String(Number(ramipril[3]) * 1000) }));
  assert.deepEqual(findings.map((f) => [f.row, f.column]), [[8, 'dose_mg'], [9, 'dose_mg']]);
  assert.match(findings[1].message, /in column "dose_mg" stands to strength_mg \([\d.]+\) in this row as strength_mg \/ dose_mg = 0\.00[12]\d*, where strength_mg \/ dose_mg lies from 0\.5 to 2 in 90% of the 1,500 rows holding both/);
});

test('whole numbers nearly all distinct are codes, not measures: two numberings of one list keep no ratio to test', () => {
  // A municipality's code under two numberings: the same in most rows, renumbered in one province.
  const rows = Array.from({ length: 800 }, (_, i) => `${i},${1001 + i * 7},${i >= 700 && i < 720 ? 90001 + i : 1001 + i * 7}`);
  const data = ingest(['row,comune_2016,comune_2010', ...rows]);
  assert.deepEqual(ratioGaps(data).pairs, []);
});

test('a ticker\'s adjusted closes before its split (a ratio that changed at a date and held since) are a regime of the ticker, not slips; a close a tenth of its own is one', () => {
  const next = mulberry32(5);
  const lines = ['date,ticker,open,high,low,close,adj_close'];
  // 20 tickers, 200 trading days each, listed by ticker then date; T3 split 10 for 1 on day 40, T9 3 for 1 on day 30, T14
  // 25 for 1 on day 20 (their earlier prices adjusted, with their dividends: the ratio drifts a little).
  for (let t = 0; t < 20; t++) {
    let price = 20 + 30 * t;
    for (let day = 0; day < 200; day++) {
      price *= 1 + 0.02 * (next() - 0.5);
      const split = t === 3 && day < 40 ? 10 : t === 9 && day < 30 ? 3 : t === 14 && day < 20 ? 25 : 1;
      const close = split > 1 ? price * split * (1 + 0.002 * (day % 7)) : price;
      const open = close * (1 + 0.01 * (next() - 0.5));
      const [high, low] = [Math.max(open, close) * (1 + 0.01 * next()), Math.min(open, close) * (1 - 0.01 * next())];
      lines.push(`d${day},T${t},${[open, high, low, close, price].map((v) => v.toFixed(2)).join(',')}`);
    }
  }
  assert.deepEqual(check(lines), []);
  // An adjusted close written a tenth of its own in T7's rows.
  const row = 7 * 200 + 50;
  const cells = lines[row + 1].split(',');
  cells[6] = (Number(cells[6]) / 10).toFixed(2);
  lines[row + 1] = cells.join(',');
  assert.deepEqual(check(lines).map((f) => [f.row, f.column]), [[row, 'adj_close']]);
});
