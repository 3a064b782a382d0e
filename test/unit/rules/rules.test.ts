/**
 * Every quality rule: fires on planted defects (samples/dirty.csv, samples/housing.arrow, small cases) at the
 * right place, and stays quiet on clean data and on real datasets (vega-datasets).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ingestCsvBytes, ingestFile } from '../../../src/core/ingest/index';
import { runQualityCheck, allRules, type QualityReport } from '../../../src/core/quality/engine';
import type { Finding } from '../../../src/core/quality/finding';
import { corpus } from '../corpus';
import { checkCsv, csv, findingsOf } from './check-text';

const now = new Date('2026-11-25T00:00:00Z');
const check = (text: string) => runQualityCheck(ingestCsvBytes(new TextEncoder().encode(text)), { now });
const of = (report: QualityReport, rule: string): Finding[] => report.findings.filter((f) => f.rule === rule);
/** 1-based file line of each finding (samples/README.md speaks in file lines). */
const lines = (findings: Finding[]) => findings.map((f) => f.range.start.line + 1);

test('every rule has an id, a dimension, a severity, a description and docs', () => {
  const ids = new Set<string>();
  for (const rule of allRules) {
    assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(!ids.has(rule.id), `unique id ${rule.id}`);
    ids.add(rule.id);
    assert.ok(rule.description.length > 10 && rule.docs.length > 50, rule.id);
  }
  const dimensions = new Set(allRules.map((r) => r.dimension));
  for (const d of ['structure', 'completeness', 'consistency', 'accuracy', 'uniqueness', 'timeliness', 'ml-readiness']) assert.ok(dimensions.has(d as never), d);
});

test('samples/dirty.csv: each planted defect of samples/README.md is found where it was planted', async () => {
  const report = runQualityCheck(await ingestFile('samples/dirty.csv'), { now });
  assert.deepEqual(lines(of(report, 'ragged-row')), [134, 185]);
  assert.deepEqual(lines(of(report, 'blank-row')), [52]);
  assert.deepEqual(lines(of(report, 'duplicate-row')).slice(0, 1), [113]);
  assert.equal(of(report, 'duplicate-row')[0].related?.[0].range.start.line, 111, 'points at the first occurrence (line 112)');
  assert.deepEqual(lines(of(report, 'mixed-date-format')), [25, 80, 165]);
  assert.deepEqual(lines(of(report, 'type-mismatch')), [176]);
  assert.deepEqual(lines(of(report, 'whitespace')), [10, 29, 136]);
  assert.deepEqual(lines(of(report, 'category-variant')), [10, 29, 57, 136]);
  assert.ok(lines(of(report, 'outlier')).includes(42), 'price outlier');
  assert.deepEqual(lines(of(report, 'impossible-value')), [69, 94]);
  assert.deepEqual(lines(of(report, 'sentinel-value')), [94]);
  assert.deepEqual(lines(of(report, 'future-date')), [145]);
  const na = of(report, 'missing-value').filter((f) => f.value !== undefined);
  assert.deepEqual(lines(na).sort((a, b) => a - b), [14, 46, 76, 102]);
  assert.equal(na.find((f) => f.range.start.line === 13)?.fixes?.[0]?.kind, 'replace', 'NA token fix');
  assert.deepEqual(na.map((f) => f.value).sort(), ['-', 'N/A', 'NA', 'null']);
  assert.equal(lines(of(report, 'missing-value').filter((f) => f.value === undefined && f.column === 'area_m2')).length, 7);
  // The whitespace fix replaces exactly the cell with its trimmed text.
  const trim = of(report, 'whitespace')[0].fixes?.[0];
  assert.deepEqual(trim && trim.kind === 'replace' ? trim.newText : undefined, 'paris');
});

test('findings carry their rows, columns, values, related places and evidence as data, and the message says the same', async () => {
  const report = runQualityCheck(await ingestFile('samples/dirty.csv'), { now });
  const duplicate = of(report, 'duplicate-row')[0];
  assert.deepEqual([duplicate.row, duplicate.related?.[0].row, duplicate.related?.[0].column], [110, 109, null]);
  assert.equal(duplicate.message, `Row ${duplicate.row! + 1} duplicates row ${duplicate.related![0].row! + 1}.`);
  const outlier = of(report, 'outlier').find((f) => f.range.start.line === 41);
  assert.equal(outlier?.value, '98000000');
  assert.equal(outlier?.column, 'price_eur');
  assert.ok(typeof outlier?.evidence?.next === 'number' && typeof outlier.evidence.gapScore === 'number' && outlier.evidence.gapScore > 10);
  assert.ok(outlier.message.startsWith(`${outlier.value} is an outlier in column "price_eur": far above the largest other value, ${outlier.evidence.next}`));
  assert.deepEqual(of(report, 'type-mismatch').map((f) => [f.column, f.value]), [['price_eur', 'about 250k']]);
  assert.deepEqual(of(report, 'whitespace').map((f) => f.value), ['paris ', ' Lyon', 'Marseille  ']);
  assert.deepEqual(of(report, 'sentinel-value').map((f) => f.value), ['-999']);
  // A pair of columns: the related place is the other column's header.
  const pair = check(`a,b,c\n${Array.from({ length: 40 }, (_, i) => `${i % 7},${(i % 7) * 2 + 1},${(i * 37) % 11}`).join('\n')}\n`);
  const correlated = of(pair, 'high-correlation');
  assert.equal(correlated.length, 1);
  assert.deepEqual([correlated[0].column, correlated[0].related?.[0].column, correlated[0].related?.[0].row], ['b', 'a', null]);
  assert.equal(correlated[0].evidence?.r, 1);
});

test('samples/clean.csv: no warnings or errors', async () => {
  const report = runQualityCheck(await ingestFile('samples/clean.csv'), { now });
  const loud = report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  assert.deepEqual(loud.map((f) => `${f.rule}: ${f.message}`), []);
});

test('samples/housing.arrow: planted problems found in the rendered table', async () => {
  const report = runQualityCheck(await ingestFile('samples/housing.arrow'), { now });
  const rows = (rule: string) => of(report, rule).map((f) => f.row);
  assert.deepEqual(rows('impossible-value'), [17]);
  assert.deepEqual(rows('outlier'), [123]);
  assert.deepEqual(rows('future-date'), [402]);
  assert.deepEqual(rows('category-variant'), [777]);
  assert.equal(of(report, 'missing-value').length, 40);
  assert.ok(of(report, 'whitespace').every((f) => !f.fixes), 'no text edits offered for a binary file');
});

test('small planted cases: constant, empty and mostly-empty columns, keys, dates, correlation, skew, imbalance', () => {
  const rows = Array.from({ length: 60 }, (_, i) => {
    const x = ((i * 7) % 60) * 1.5;
    return [i + 1, 'same', '', i % 3 ? '' : `v${i}`, x, 2 * x + 1, i < 58 ? 'no' : 'yes', `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, i === 30 ? 1e9 : (i % 7) + 1].join(',');
  });
  rows[10] = rows[10].replace(/^11,/, '10,');
  const report = check(['id,const,empty,sparse,x,twice_x,target,day,spiky', ...rows].join('\n'));
  assert.deepEqual(of(report, 'constant-column').map((f) => f.column), ['const']);
  assert.deepEqual(of(report, 'empty-column').map((f) => f.column), ['empty']);
  assert.deepEqual(of(report, 'mostly-empty-column').map((f) => f.column), ['sparse']);
  assert.deepEqual(of(report, 'duplicate-key').map((f) => f.row), [10]);
  assert.deepEqual(of(report, 'high-correlation').map((f) => f.column), ['twice_x']);
  assert.deepEqual(of(report, 'class-imbalance').map((f) => f.column), ['target']);
  const skew = check(['v', ...Array.from({ length: 1000 }, (_, i) => (i === 0 ? 1e9 : i % 5))].join('\n'));
  assert.deepEqual(of(skew, 'extreme-skew').map((f) => f.column), ['v']);
  const dates = check(['when', '1899-12-31', ...Array.from({ length: 30 }, (_, i) => `2020-02-${String(i % 28 + 1).padStart(2, '0')}`)].join('\n'));
  assert.deepEqual(of(dates, 'implausible-date').map((f) => f.row), [0]);
  const sortedWithGlitch = check(['ts', ...Array.from({ length: 40 }, (_, i) => `2024-01-01T00:${String(i === 20 ? 5 : i).padStart(2, '0')}:00Z`)].join('\n'));
  assert.deepEqual(of(sortedWithGlitch, 'out-of-order-timestamp').map((f) => f.row), [20]);
  const zeros = check(['weight_kg', ...Array.from({ length: 50 }, (_, i) => (i === 7 ? 0 : 50 + (i % 20)))].join('\n'));
  assert.deepEqual(of(zeros, 'zero-as-missing').map((f) => f.row), [7]);
  // A stray negative value (a lost minus sign, in 1 of 200 rows) does not make the column signed, nor do 3 of 200
  // beyond the column's far-out fence (mirror images of weights: lost signs).
  const weights = (negatives: number[]) => check(['weight_kg', ...Array.from({ length: 200 }, (_, i) => (i === 7 ? 0 : (negatives.includes(i) ? -1 : 1) * (50 + (i % 20))))].join('\n'));
  assert.deepEqual(of(weights([30]), 'zero-as-missing').map((f) => f.row), [7]);
  assert.deepEqual(of(weights([30, 60, 90]), 'zero-as-missing').map((f) => f.row), [7], 'lost signs beyond the fence are strays');
  // Temperatures of 2 to 21 degrees with 3 of 200 below zero, within the fence: a signed column, where 0 is a value.
  const temperatures = check(['temperature', ...Array.from({ length: 200 }, (_, i) => (i === 7 ? 0 : [30, 60, 90].includes(i) ? -(1 + (i % 3)) : 2 + (i % 20)))].join('\n'));
  assert.deepEqual(of(temperatures, 'zero-as-missing'), [], 'negatives near zero make the column signed');
});

test('real datasets (vega-datasets): no rule flags more than 2% of a column', () => {
  const dir = path.join(process.cwd(), 'node_modules', 'vega-datasets', 'data');
  const files = readdirSync(dir).filter((f) => /\.(csv|tsv)$/.test(f));
  assert.ok(files.length >= 20);
  for (const file of files) {
    const data = ingestCsvBytes(readFileSync(path.join(dir, file)), { path: file });
    const report = runQualityCheck(data, { now, maxFindingsPerRuleAndColumn: Number.MAX_SAFE_INTEGER });
    const counts = new Map<string, number>();
    for (const f of report.findings) {
      // Missing values are real in these files (airports, cars); out-of-order dates within grouped series too.
      if (f.row === null || f.rule === 'missing-value' || f.rule === 'out-of-order-timestamp') continue;
      const key = `${f.rule} on ${f.column ?? 'rows'}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of counts) assert.ok(count <= Math.max(2, data.table.numRows * 0.02), `${file}: ${key} flags ${count} of ${data.table.numRows} rows`);
    assert.equal(report.findings.filter((f) => f.rule === 'ragged-row').length, 0, `${file} is read with the right dialect`);
  }
});

const frictionless = corpus('frictionless');
test('frictionless corpus: duplicate-rows.csv has its duplicate row 4 found', { skip: frictionless.skip }, () => {
  const report = runQualityCheck(ingestCsvBytes(readFileSync(path.join(frictionless.dir, 'duplicate-rows.csv'))), { now });
  assert.deepEqual(of(report, 'duplicate-row').map((f) => f.range.start.line + 1), [4]);
});

test('sentinel-value: each placeholder of a column is measured against the column without any of them; class-imbalance counts text, integer and boolean targets', () => {
  const values = Array.from({ length: 80 }, (_, i) => (i === 3 ? -999 : i === 7 ? 9999 : i === 11 ? -999 : 10 + ((i * 13) % 50)));
  const rows = values.map((v, i) => `${v},${i === 40 ? 'fraud' : 'ok'},${i % 40 === 0 ? 7 : 1},${i === 5}`);
  const report = check(['reading,outcome,class,default', ...rows].join('\n'));
  const sentinels = of(report, 'sentinel-value');
  assert.deepEqual(sentinels.map((f) => [f.row, f.value]), [[3, '-999'], [7, '9999'], [11, '-999']]);
  const others = values.filter((v) => v !== -999 && v !== 9999).sort((a, b) => a - b);
  const at = (q: number) => {
    const pos = (others.length - 1) * q;
    const lo = Math.floor(pos);
    return others[lo] + (others[Math.ceil(pos)] - others[lo]) * (pos - lo);
  };
  assert.deepEqual(sentinels[0].evidence, { low: at(0.01), high: at(0.99) });
  const imbalance = of(report, 'class-imbalance');
  assert.deepEqual(imbalance.map((f) => [f.column, f.evidence?.rareClass, f.evidence?.rareRows]), [['outcome', 'fraud', 1], ['class', '7', 2], ['default', 'true', 1]]);
});

test('impossible-value: a negative count among placeholders is reported; a negative running time cannot be', () => {
  // 900 stars counts, 13 written with a lost minus sign and 7 as -9999 for "unknown": 20 negatives (2.2%) are more
  // than a signed column's few, but the placeholders say nothing of the column's sign.
  const counts = Array.from({ length: 900 }, (_, i) => [String(1 + ((i * 37) % 250))]);
  const lost = [5, 77, 130, 201, 260, 333, 402, 480, 555, 610, 700, 788, 850];
  for (const r of lost) counts[r] = [`-${counts[r][0]}`];
  for (const r of [20, 140, 300, 420, 620, 720, 820]) counts[r] = ['-9999'];
  const found = findingsOf(checkCsv(csv(['count'], counts)), 'impossible-value').map((f) => f.row ?? -1);
  assert.deepEqual(found.filter((r) => lost.includes(r)), lost, 'every lost minus sign');
  // Without the placeholders' help the share decides as before: 2.2% of real negatives make a signed column.
  const signed = counts.map((c, r) => ([20, 140, 300, 420, 620, 720, 820].includes(r) ? [`-${1 + r}`] : c));
  assert.deepEqual(findingsOf(checkCsv(csv(['count'], signed)), 'impossible-value'), [], 'a count column 2.2% negative');
  // A running time is a duration.
  const films = Array.from({ length: 200 }, (_, i) => [String(80 + ((i * 13) % 90))]);
  films[44] = ['-137'];
  assert.deepEqual(
    findingsOf(checkCsv(csv(['Running Time min'], films)), 'impossible-value').map((f) => [f.row, f.message]),
    [[44, '-137 in column "Running Time min" cannot be negative.']],
  );
  // Stock, units, visits and passengers are counts too; a "change" column is not named so.
  const stock = Array.from({ length: 300 }, (_, i) => [String((i * 17) % 500), String((i * 17) % 500)]);
  stock[12] = ['-3', '-3'];
  assert.deepEqual(findingsOf(checkCsv(csv(['stock', 'change'], stock)), 'impossible-value').map((f) => [f.row, f.column]), [[12, 'stock']]);
});

test('impossible-value knows the ranges of coordinates and of clock and calendar fields', () => {
  const rows = Array.from({ length: 200 }, (_, i) => [`${30 + (i % 40) / 3}`, `${-120 + (i % 50)}`, `${1 + (i % 12)}`, `${i % 24}`, `${(i * 7) % 60}`]);
  rows[17] = ['436.86', '-999', '13', '25', '61'];
  rows[40][1] = '181';
  assert.deepEqual(
    findingsOf(checkCsv(csv(['Ylatitude', 'pickup_lng', 'month', 'hour', 'minute'], rows)), 'impossible-value').map((f) => [f.row, f.column, f.message]),
    [
      [17, 'Ylatitude', '436.86 in column "Ylatitude" is a latitude outside −90…90.'],
      [17, 'pickup_lng', '-999 in column "pickup_lng" is a longitude outside −180…180.'],
      [40, 'pickup_lng', '181 in column "pickup_lng" is a longitude outside −180…180.'],
      [17, 'month', '13 in column "month" is a month outside 1–12.'],
      [17, 'hour', '25 in column "hour" is an hour outside 0–24.'],
      [17, 'minute', '61 in column "minute" is outside 0–60.'],
    ],
  );
  // A calendar's date of the month and day of the week (numbered 1–7): a day 20 is a shifted date, not a weekday.
  const calendar = Array.from({ length: 200 }, (_, i) => [1 + (i % 31), 1 + (i % 7)]);
  calendar[9] = [32, 20];
  assert.deepEqual(
    findingsOf(checkCsv(csv(['date_of_month', 'day_of_week'], calendar)), 'impossible-value').map((f) => [f.row, f.column, f.message]),
    [
      [9, 'date_of_month', '32 in column "date_of_month" is a day of the month outside 1–31.'],
      [9, 'day_of_week', '20 in column "day_of_week" is a day of the week outside 0–7.'],
    ],
  );
  // A dirty calendar: 5% of its months are years shifted in from the next column or slips ×100, all impossible.
  const dirty = Array.from({ length: 200 }, (_, i) => [1 + (i % 12)]);
  for (const r of [3, 50, 51, 90, 120, 171]) dirty[r] = [1977 + (r % 9)];
  for (const r of [10, 66, 140, 199]) dirty[r] = [100 * (1 + (r % 12))];
  assert.deepEqual(
    findingsOf(checkCsv(csv(['month'], dirty)), 'impossible-value').map((f) => f.row),
    [3, 10, 50, 51, 66, 90, 120, 140, 171, 199],
    'months outside 1–12 in 5% of a column (10 of 200) are reported',
  );
  // Months counted as a duration ("month" 0–40 in most rows) are not calendar months.
  const durations = Array.from({ length: 200 }, (_, i) => [i % 41]);
  assert.deepEqual(findingsOf(checkCsv(csv(['month'], durations)), 'impossible-value'), []);
  // Relative humidity is a share of saturation: 124.6 is no humidity (a column "rh" of fractions lies within 0–100
  // too: its 1.25 is left to the outlier rule).
  const air = Array.from({ length: 200 }, (_, i) => [(40 + (i % 60)).toFixed(1), (0.4 + (i % 60) / 100).toFixed(2)]);
  air[33] = ['124.6', '1.25'];
  assert.deepEqual(
    findingsOf(checkCsv(csv(['humidity', 'rh'], air)), 'impossible-value').map((f) => [f.row, f.column, f.message]),
    [[33, 'humidity', '124.6 in column "humidity" is a relative humidity outside 0–100.']],
  );
});
