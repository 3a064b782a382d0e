import { defineRule } from '../rule';
import { TEMPORAL_KINDS, numericColumn, sortedColumn, sortedRuns } from '../column-values';
import { cellText } from '../dependencies';
import { OUTLIER_TEST_DEFAULTS, tailOutliers, type TailOutliers } from '../tail-outliers';
import { durationText } from '../../shared/duration-text';
import type { SortedRuns } from '../../profile/facts/sort-finite';
import type { IngestResult } from '../../table/model';
import { dateGaps } from '../date-gaps';

/** Kinds of the outlier tests that speak of dates: a gap in the early tail, before a normal body, one date pasted into many rows. */
const DATE_KINDS: readonly TailOutliers['kind'][] = ['gap', 'normal', 'heap'];

/**
 * A date column's instants moved to lie above one span of them (the tests read a value's sign, and dates before 1970
 * are negative); gaps and spacings are unchanged.
 */
function shiftedAbove(runs: SortedRuns): { shifted: SortedRuns; shift: number } {
  const [first, last] = [runs.values[0], runs.values[runs.values.length - 1]];
  const shift = last - 2 * first + 86_400_000;
  return { shifted: { values: runs.values.map((v) => v + shift), counts: runs.counts }, shift };
}

/** Why a date lies far from its column's others, as the tests found it. */
function farReason(found: TailOutliers, next: string, gap: number): string {
  const [side, nearest] = found.tail === 'upper' ? ['after', 'latest'] : ['before', 'earliest'];
  if (found.kind === 'heap') return `the same date in many rows, far ${side} the column's ${nearest} other date, ${next}: a date pasted into many rows, or a placeholder?`;
  const chance = found.pValue < 1e-12 ? 'under 1e-12' : found.pValue.toExponential(0);
  if (found.kind === 'normal') return `${durationText(gap)} ${side} the column's ${nearest} other date, ${next}, beyond what its dates, spread like a normal distribution's, reach (chance in a clean column ${chance}).`;
  return `${durationText(gap)} ${side} the column's ${nearest} other date, ${next}, a gap ${found.score.toFixed(0)} times the spacing of its ${found.tail === 'upper' ? 'latest' : 'earliest'} dates (chance in a clean column ${chance}).`;
}

/**
 * Whether row `r`'s date of column `c` is what another date of its row says too: a date column the table couples with
 * it (date-gaps.ts: an excavation's end days after its start) lies at an ordinary gap from it in this row. A season of
 * its own (two contexts dug a year after the others) moves both dates; a date typed wrong moves one.
 */
function corroborated(data: IngestResult, c: number, r: number): boolean {
  const far = dateGaps(data).far.get(r) ?? [];
  return dateGaps(data).gaps.some((gap) => {
    if (gap.from !== c && gap.to !== c) return false;
    const other = numericColumn(data, gap.from === c ? gap.to : gap.from)[r];
    return !Number.isNaN(other) && !far.some((f) => f.gap === gap);
  });
}

export const implausibleDate = defineRule({
  id: 'implausible-date',
  title: 'Implausible date',
  dimension: 'timeliness',
  defaultSeverity: 'warning',
  defaultOptions: { minYear: 1900, maxYearsBeforeBulk: 100 },
  description: 'A date before `minYear`, far older than the rest of its column, or before a gap its other dates never cross (a hire in 1962 where hiring began in 2005).',
  docs: `Dates such as 1900-01-01 or 0001-01-01 are defaults of date pickers and databases for "unknown";
a year 1023 is a typo for 2023; a hire date of 1962 in a company whose hires begin in 2005 is another date typed there
(a birth date, a year typed wrong).

Reported: dates before \`minYear\` when the column's bulk (5th percentile) is later, and dates more than
\`maxYearsBeforeBulk\` years before the column's 5th percentile. Then each date column's early tail is tested as a
numeric column's tails are by outlier (its tests robust to a tail's shape, at its default \`alpha\`: a clean column
gets a finding with probability about 1%): a date before a gap far larger than the spacing of the earliest dates
after it, before what a column whose dates spread like a normal distribution reaches, or one date in many rows far
before the rest (a placeholder). Only the early side: a table's records begin when its process began (a company's
first hire), while events keep coming after its bulk (a death months after the riot that injured, a later season of
an excavation) — and dates in the future are future-date's. A date that another date of its row corroborates is left
alone: where the table couples two date columns (gap-outlier's pairs: an excavation's end days after its start) and
the row's gap between them is ordinary, the row is of an earlier time (a context dug in an earlier season moves both
dates; a date typed wrong moves one).

The evidence: the column's 5th percentile (\`bulk\`), or for a date beyond the rest the kind of test (\`kind\`), the
nearest other date (\`next\`) and the chance of such a date in a clean column (\`pValue\`).

**Fix**: correct the date or leave it empty.`,
  check({ data, options, report }) {
    const year = 365.25 * 86_400_000;
    data.columns.forEach((column, c) => {
      if (!TEMPORAL_KINDS.includes(column.kind)) return;
      const values = numericColumn(data, c);
      const sorted = sortedColumn(data, c);
      if (sorted.length < 5) return;
      const bulk = sorted.quantile(0.05);
      const minYear = Date.UTC(options.minYear, 0, 1);
      const tooOld = Math.max(bulk - options.maxYearsBeforeBulk * year, bulk >= minYear ? minYear : -Infinity);
      const bulkDate = new Date(bulk).toISOString().slice(0, 10);
      // Dates far older than the column's bulk, or before minYear (null rows are NaN, never < tooOld).
      for (let r = 0; r < values.length; r++) {
        if (!(values[r] < tooOld)) continue;
        const value = new Date(values[r]).toISOString().slice(0, 10);
        report({ row: r, columnIndex: c, value, evidence: { bulk: bulkDate }, message: `${value} in column "${column.name}" is implausibly old (most dates are after ${bulkDate}).` });
      }
      // Dates before a gap their column's other dates never cross (not those already reported; see the docs for why early only).
      const { shifted, shift } = shiftedAbove(sortedRuns(data, c));
      const far = new Map<number, TailOutliers>();
      for (const found of tailOutliers(shifted, OUTLIER_TEST_DEFAULTS)) {
        if (found.tail !== 'lower' || !DATE_KINDS.includes(found.kind)) continue;
        for (const v of found.values) if (v - shift >= tooOld) far.set(v - shift, found);
      }
      if (far.size === 0) return;
      for (let r = 0; r < values.length; r++) {
        const found = far.get(values[r]);
        if (!found || corroborated(data, c, r)) continue;
        const value = cellText(data, r, c);
        const next = found.next - shift;
        const nextText = new Date(next).toISOString().slice(0, column.kind === 'date' ? 10 : 16).replace('T', ' ');
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { side: found.tail, kind: found.kind, next: nextText, pValue: found.pValue },
          message: `${value} in column "${column.name}" lies far from the column's other dates: ${farReason(found, nextText, Math.abs(values[r] - next))}`,
        });
      }
    });
  },
});
