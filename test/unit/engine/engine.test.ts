/** The rule engine: settings, ignores, capping with a summary, uncapped fixes, failing rules, scores. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ingestCsvBytes } from '../../../src/core/ingest/index';
import { runQualityCheck } from '../../../src/core/quality/engine';
import { defineRule, type QualityRule } from '../../../src/core/quality/rule';

const data = ingestCsvBytes(new TextEncoder().encode(['a,b', ...Array.from({ length: 30 }, (_, i) => `${i},x${i}`)].join('\n')));

/** A rule that reports every cell of column b, with a fix each. */
const everyCell: QualityRule = defineRule({
  id: 'every-cell',
  title: 'Every cell',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: { limit: 1000 },
  description: 'test rule',
  docs: 'test rule',
  check({ data: d, options, report }) {
    for (let r = 0; r < Math.min(d.table.numRows, options.limit as number); r++) {
      report({
        row: r,
        columnIndex: 1,
        range: () => d.source.cellRange(r, 1),
        message: `cell ${r}`,
        fixes: () => [{ kind: 'replace', title: 'fix', range: d.source.cellRange(r, 1), newText: 'y' }],
      });
    }
  },
});

const failing: QualityRule = defineRule({
  id: 'failing',
  title: 'Failing',
  dimension: 'accuracy',
  defaultSeverity: 'error',
  defaultOptions: {},
  description: 'throws',
  docs: 'throws',
  check() {
    throw new Error('boom');
  },
});

test('findings beyond the cap become one summary at the header, fixes stay uncapped, totals count all', () => {
  const report = runQualityCheck(data, { maxFindingsPerRuleAndColumn: 10 }, undefined, [everyCell]);
  const cells = report.findings.filter((f) => f.summaryOf === undefined);
  const summaries = report.findings.filter((f) => f.summaryOf !== undefined);
  assert.equal(cells.length, 10);
  assert.equal(summaries.length, 1);
  assert.equal(summaries[0].summaryOf, 30);
  assert.deepEqual(summaries[0].range, data.source.headerRange(1));
  assert.match(summaries[0].message, /30 findings in column "b".*20 more/);
  assert.equal(report.totals['every-cell'], 30);
  assert.equal(report.fixesByRule['every-cell'].length, 30);
  assert.equal(cells[0].column, 'b');
  assert.equal(cells[0].severity, 'warning');
});

test('settings: disable, severity, options; ignores per column or per file', () => {
  assert.equal(runQualityCheck(data, { rules: { 'every-cell': { enabled: false } } }, undefined, [everyCell]).findings.length, 0);
  const severe = runQualityCheck(data, { rules: { 'every-cell': { severity: 'error', options: { limit: 2 } } } }, undefined, [everyCell]);
  assert.deepEqual(severe.findings.map((f) => f.severity), ['error', 'error']);
  assert.equal(runQualityCheck(data, { ignore: [{ rule: 'every-cell', column: 'b' }] }, undefined, [everyCell]).findings.length, 0);
  assert.equal(runQualityCheck(data, { ignore: [{ rule: 'every-cell', column: 'a' }] }, undefined, [everyCell]).totals['every-cell'], 30);
  assert.deepEqual(runQualityCheck(data, { ignore: [{ rule: 'every-cell' }] }, undefined, [everyCell]).rulesRun, []);
});

test('a rule that throws is reported and does not hide the others', () => {
  const report = runQualityCheck(data, { maxFindingsPerRuleAndColumn: 5 }, undefined, [failing, everyCell]);
  assert.ok(report.findings.some((f) => f.rule === 'failing' && /could not run: boom/.test(f.message)));
  assert.equal(report.totals['every-cell'], 30);
});

test('scores: the share of rows and cells without an error or warning finding, counted beyond the publishing cap', () => {
  const report = runQualityCheck(data, { maxFindingsPerRuleAndColumn: 1, rules: { 'every-cell': { options: { limit: 3 } } } }, undefined, [everyCell]);
  // 3 warnings on 3 of 30 rows (only 1 published): 90% of rows, 95% of the 60 cells are clean.
  assert.equal(report.scores.byDimension.consistency, 90);
  assert.equal(report.scores.cellsByDimension.consistency, 95);
  assert.equal(report.scores.overall, 90);
  const all = runQualityCheck(data, { rules: { 'every-cell': { severity: 'error' } } }, undefined, [everyCell]);
  assert.equal(all.scores.byDimension.consistency, 0);
  assert.equal(all.scores.errors, 30);
  const hints = runQualityCheck(data, { rules: { 'every-cell': { severity: 'information' } } }, undefined, [everyCell]);
  assert.equal(hints.scores.overall, 100, 'information findings do not count');
});

test('a finding reported without a range gets its cell’s range (or its row’s, its column header’s)', () => {
  const rangeless: QualityRule = defineRule({
    id: 'rangeless',
    title: 'Rangeless',
    dimension: 'consistency',
    defaultSeverity: 'warning',
    defaultOptions: {},
    description: 'test rule',
    docs: 'test rule',
    check({ report }) {
      report({ row: 3, columnIndex: 1, message: 'cell' });
      report({ row: 4, columnIndex: null, message: 'row' });
      report({ row: null, columnIndex: 0, message: 'column' });
    },
  });
  const [cell, row, column] = runQualityCheck(data, {}, undefined, [rangeless]).findings;
  assert.deepEqual(cell.range, data.source.cellRange(3, 1));
  assert.deepEqual(row.range, data.source.rowRange(4));
  assert.deepEqual(column.range, data.source.headerRange(0));
});

test('accepted values: a rule that honours them sees them (isAccepted, acceptedValues), their findings are dropped and not acceptable', () => {
  const seen: string[] = [];
  const byValue = (acceptsValues: boolean): QualityRule =>
    defineRule({
      id: 'by-value',
      title: 'By value',
      dimension: 'consistency',
      defaultSeverity: 'warning',
      acceptsValues,
      defaultOptions: {},
      description: 'test rule',
      docs: 'test rule',
      check({ data: d, report, isAccepted, acceptedValues }) {
        seen.push([...acceptedValues(1)].join('|'), String(isAccepted(1, 'x3')), String(isAccepted(0, 'x3')));
        for (let r = 0; r < d.table.numRows; r++) report({ row: r, columnIndex: 1, value: `x${r}`, message: `x${r}` });
      },
    });
  const accept = [{ rule: 'by-value', column: 'b', value: 'x3' }, { rule: 'other', column: 'b', value: 'x4' }];
  const honoured = runQualityCheck(data, { accept }, undefined, [byValue(true)]);
  assert.deepEqual(seen, ['x3', 'true', 'false']);
  assert.equal(honoured.totals['by-value'], 29, 'x3 is not reported, x4 is (accepted for another rule)');
  assert.ok(honoured.findings.every((f) => f.acceptable === true && f.value !== 'x3'));
  const ignorant = runQualityCheck(data, { accept }, undefined, [byValue(false)]);
  assert.equal(ignorant.totals['by-value'], 30, 'a rule that does not honour acceptance reports every value');
  assert.ok(ignorant.findings.every((f) => f.acceptable === undefined));
});

/** Reports cells of column b (rows `rows`, split into the calls given) with reportCells or one report per cell, and cell 0 of column a. */
function cellRule(id: string, bulk: boolean, calls: number[][], severity: 'warning' | 'error' | 'information'): QualityRule {
  return defineRule({
    id,
    title: 'Cells',
    dimension: 'completeness',
    defaultSeverity: severity,
    defaultOptions: {},
    description: 'test rule',
    docs: 'test rule',
    check({ report, reportCells }) {
      report({ row: 0, columnIndex: 0, message: 'first' });
      for (const rows of calls) {
        if (bulk) reportCells(1, Int32Array.from(rows), 'empty');
        else for (const row of rows) report({ row, columnIndex: 1, message: 'empty' });
      }
    },
  });
}

test('reportCells gives what one report per cell gives: the findings published in order, the summary beyond the cap, totals and scores', () => {
  const rows = [[2, 3, 5], [], [7, 11, 13, 17], [19, 23]];
  for (const severity of ['warning', 'error', 'information'] as const) {
    for (const cap of [2, 4, 9, 100]) {
      const oneByOne = runQualityCheck(data, { maxFindingsPerRuleAndColumn: cap }, undefined, [cellRule('cells', false, rows, severity)]);
      const bulk = runQualityCheck(data, { maxFindingsPerRuleAndColumn: cap }, undefined, [cellRule('cells', true, rows, severity)]);
      assert.deepEqual(bulk.findings, oneByOne.findings, `${severity}, cap ${cap}`);
      assert.deepEqual([bulk.totals, bulk.scores, bulk.scoreTally], [oneByOne.totals, oneByOne.scores, oneByOne.scoreTally], `${severity}, cap ${cap}`);
    }
  }
  const capped = runQualityCheck(data, { maxFindingsPerRuleAndColumn: 4 }, undefined, [cellRule('cells', true, rows, 'warning')]);
  assert.deepEqual(capped.findings.filter((f) => f.column === 'b').map((f) => f.row ?? f.summaryOf), [2, 3, 5, 7, 9], 'four cells, then the summary of all nine');
  assert.equal(capped.scores.counted.flaggedCells, 10, 'every cell reported is flagged, also beyond the cap');
  const ignored = runQualityCheck(data, { ignore: [{ rule: 'cells', column: 'b' }] }, undefined, [cellRule('cells', true, rows, 'warning')]);
  assert.deepEqual(ignored.findings.map((f) => f.column), ['a'], 'an ignored column gets none');
});
