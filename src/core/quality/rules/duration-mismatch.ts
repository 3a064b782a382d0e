/** duration-mismatch: a number that counts the time between two dates of its row (minutes taken, days of a stay) and does not. */
import { defineRule } from '../rule';
import type { IngestResult } from '../../table/model';
import { cellText } from '../dependencies';
import { numericColumn, replaceCellFixes, sortedColumn } from '../column-values';
import { numericRelations, relationHoldsAt } from '../numeric-relations';
import { countAgrees, countsOff, elapsedTimes, timesOf, type ElapsedTime } from '../elapsed-times';
import { dateGaps } from '../date-gaps';
import { groupedInteger } from '../../shared/grouped-integer';
import { shownNumber } from '../../shared/shown-number';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** A date written year first, its month and day (and what follows: a time). */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?=$|[ T])/;

/** An instant (epoch ms) with its day and month exchanged (each 12 or less, and not equal), the time of day kept; else undefined. */
function daySwapped(ms: number): number | undefined {
  if (Number.isNaN(ms)) return undefined;
  const date = new Date(ms);
  const [month, day] = [date.getUTCMonth() + 1, date.getUTCDate()];
  if (day > 12 || day === month) return undefined;
  return Date.UTC(date.getUTCFullYear(), day - 1, month) + (((ms % DAY_MS) + DAY_MS) % DAY_MS);
}

/** Rows a relation must have off by one number of whole hours for those to be a clock's shift, not slips of the count. */
const MIN_SHIFTED_ROWS = 3;
/** Hours a clock change or a time zone moves a time by, at most (UTC−12 to UTC+14). */
const MAX_HOURS_OFF = 14;

/**
 * The whole hours (1 to MAX_HOURS_OFF, either way) by which a row's dates lie further apart than its count says, `off`
 * units of the relation (the count agreeing with the dates less those hours, within its tolerance); else undefined.
 */
function hoursOff(off: number, relation: ElapsedTime): number | undefined {
  const hourUnits = 3_600_000 / relation.unit.ms;
  const hours = Math.round(off / hourUnits);
  if (hours === 0 || Math.abs(hours) > MAX_HOURS_OFF || hourUnits <= relation.tolerance) return undefined;
  return Math.abs(off - hours * hourUnits) <= relation.tolerance ? hours : undefined;
}

/** Share of a count's numbers below zero above which the count is signed (a delay: early or late). */
const SIGNED_SHARE = 0.01;

/** Whether more than SIGNED_SHARE of a count column's numbers are below zero (read from its sorted numbers). */
function countsNegative(data: IngestResult, c: number): boolean {
  const sorted = sortedColumn(data, c);
  return sorted.rank(0, true) > SIGNED_SHARE * sorted.length;
}

export const durationMismatch = defineRule({
  id: 'duration-mismatch',
  title: 'Duration that is not the time between its dates',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A number that counts the time between two dates of its row in the other rows (minutes between a start and an end, days of a stay) and does not in this one.',
  docs: `Tables of events often keep a duration beside the times it runs between: the minutes a survey took beside its
start and end, a stay's days beside its admission and discharge, a trip's seconds. The duration is computed once, or
typed, and drifts from its dates: a slip of a digit, a duration ×10, a unit confused, a date corrected without it.

Learned from the table itself (elapsed-times.ts): a numeric column counts the time from one date (or timestamp)
column to another — or from one clock time ("05:09:00") to another, read round midnight (00:03 is twelve minutes after
23:51) — in a unit — seconds, minutes, hours, days, weeks or months (months of 28 to 31 days: an age in completed months lies
within a tenth of a mean month more) — when, on 80% of the 30 rows or more holding
the three values, it lies within one unit of the time between them (rounded or cut to whole units; a count written with
decimals, within one unit of its last decimal: 2.26 days to close, within 0.01 day, as most complaints closed
within a day would lie within a whole day of any other's dates), and three times
as often as with the numbers shuffled over the rows — or missed a third as often (monthly periods of 30 or 31 days,
which shuffled counts match half the time, held in every row). A row where it lies further is reported on the number, with the
time its dates give (quick fix, cleaning step) — unless one of its dates, read with its day and month exchanged (both
12 or less), gives the count: that date is reported, with the date so written as the fix (a complaint created
"2023-01-06" and closed on June 2nd after 0.06 days); or unless the row's two dates lie far apart from each other by the
table's other rows (gap-outlier's, broken-order's: a date is the wrong cell there, and the number may be right), or
unless the dates run backwards in the row where the count is never below zero (a date is wrong there; a delay
below zero in more than 1% of its rows is a bus early, and its sign is judged as any other value). Where three rows or more
have their dates the same whole number of hours (1 to 14) further apart than the count says — a clock changed, a zone
not converted, which moves several records alike — the later time of each is reported (the observed one, where the
earlier is planned: a scheduled and an actual arrival), not the count (unless the count with its sign changed agrees:
a delay of −60 minutes for +60). Where the count is
the time between the two dates read the other way round (an arrival and a departure exchanged), both dates are
reported, each with the other's value as the fix.

Where the count is exactly the whole units between the dates (plus 0, or 1 for days counted with both ends) on 98% of
those rows — nights of a stay between two dates — it must agree exactly (a departure a day late breaks it), and it is
learned against exact agreement by chance (short stays agree within a night by chance). There, a count that an
arithmetic relation of its row confirms (a stay's total = its rate × its nights, see broken-relation) is right, and the
later date is reported, with the date the earlier one and the count give as its quick fix (for ISO dates) — unless the
earlier date with its day and month swapped keeps the relation: that date is the wrong cell.

The evidence: the two date columns and their values, the unit, the time the dates give (\`expected\`), and how many
rows keep the relation (on a date: the count, the date they give, and the column confirming the count).

**Fix**: correct the number (the quick fix writes the time the dates give) or, if it is right, a date.`,
  check({ data, report, isIgnored }) {
    const far = dateGaps(data).far;
    for (const relation of elapsedTimes(data)) {
      if (isIgnored(relation.count)) continue;
      const [name, fromName, toName] = [relation.count, relation.from, relation.to].map((c) => data.columns[c].name);
      // The time row r's count spans from its earlier date (epoch ms).
      const counted = (r: number) => (numericColumn(data, relation.count)[r] - (relation.offset ?? 0)) * relation.unit.ms;
      // Whether row r's earlier date, its day and month swapped (each 12 or less), is the later date less the count.
      const swapKeeps = (r: number) => {
        const swapped = relation.clock ? undefined : daySwapped(timesOf(data, relation.from)[r]);
        return swapped !== undefined && swapped + counted(r) === timesOf(data, relation.to)[r];
      };
      // Whether row r's date in column c (the earlier or the later), its day and month exchanged (each 12 or less), keeps the relation.
      const swapKeepsAt = (r: number, c: number) => {
        const moved = relation.clock ? undefined : daySwapped(timesOf(data, c)[r]);
        if (moved === undefined) return false;
        const [from, to] = [timesOf(data, relation.from)[r], timesOf(data, relation.to)[r]];
        return countAgrees(relation, numericColumn(data, relation.count)[r], c === relation.from ? moved : from, c === relation.to ? moved : to);
      };
      // Reports row r's date in column c as written with its day and month exchanged.
      const reportSwap = (r: number, c: number) => {
        const value = cellText(data, r, c);
        const other = c === relation.from ? relation.to : relation.from;
        const [count, otherValue] = [cellText(data, r, relation.count), cellText(data, r, other)];
        const fixed = ISO_DAY.test(value) ? value.replace(ISO_DAY, '$1-$3-$2') : undefined;
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { count: name, countValue: count, other: data.columns[other].name, otherValue, unit: relation.unit.name, holdingRows: relation.holding, rows: relation.rows, ...(fixed === undefined ? {} : { expected: fixed }) },
          message:
            `${value} in column "${data.columns[c].name}" looks written with its day and month exchanged: read so, the ${relation.unit.name} from ${fromName} to ${toName} are ` +
            `the ${count} of "${name}" in this row, as in ${groupedInteger(relation.holding)} of the ${groupedInteger(relation.rows)} rows holding all three.`,
          related: [
            { row: r, columnIndex: relation.count, message: `${name} ${count}` },
            { row: r, columnIndex: other, message: `${data.columns[other].name} ${otherValue}` },
          ],
          ...(fixed === undefined ? {} : { fixes: replaceCellFixes(data, r, c, fixed, `Replace with ${fixed} (day and month exchanged)`) }),
        });
      };
      // Reports row r's later date, which the count and the column `confirming` of its other relation say is wrong.
      const reportDate = (r: number, confirming: number) => {
        const [value, from, count] = [cellText(data, r, relation.to), cellText(data, r, relation.from), cellText(data, r, relation.count)];
        const date = new Date(timesOf(data, relation.from)[r] + counted(r)).toISOString().slice(0, 10);
        const confirmingName = data.columns[confirming].name;
        report({
          row: r,
          columnIndex: relation.to,
          value,
          evidence: { from: fromName, fromValue: from, count: name, countValue: count, unit: relation.unit.name, expected: date, confirmedBy: confirmingName, holdingRows: relation.holding, rows: relation.rows },
          message:
            `${value} in column "${toName}" is not ${fromName} ${from} plus the ${count} ${relation.unit.name} of "${name}" in this row (${date}), as in ` +
            `${groupedInteger(relation.holding)} of the ${groupedInteger(relation.rows)} rows holding all three; "${name}" agrees with "${confirmingName}" in this row.`,
          related: [
            { row: r, columnIndex: relation.from, message: `${fromName} ${from}` },
            { row: r, columnIndex: relation.count, message: `${name} ${count}` },
          ],
          // A date written as ISO is rewritten so; another writing is left to the user.
          ...(ISO_DATE.test(value) ? { fixes: replaceCellFixes(data, r, relation.to, date, `Replace with ${date} (${fromName} plus ${count} ${relation.unit.name})`) } : {}),
        });
      };
      // Reports row r's two dates as exchanged: read the other way round, they are the count apart.
      const reportExchanged = (r: number) => {
        const [from, to, count] = [cellText(data, r, relation.from), cellText(data, r, relation.to), cellText(data, r, relation.count)];
        for (const [c, value, other] of [[relation.from, from, to], [relation.to, to, from]] as const) {
          if (isIgnored(c)) continue;
          report({
            row: r,
            columnIndex: c,
            value,
            evidence: { from: fromName, fromValue: from, to: toName, toValue: to, count: name, countValue: count, unit: relation.unit.name, expected: other, holdingRows: relation.holding, rows: relation.rows },
            message:
              `${fromName} ${from} and ${toName} ${to} look exchanged in this row: read the other way round, they are the ${count} ${relation.unit.name} of "${name}" apart, ` +
              `as in ${groupedInteger(relation.holding)} of the ${groupedInteger(relation.rows)} rows holding all three.`,
            related: [
              { row: r, columnIndex: c === relation.from ? relation.to : relation.from, message: `${c === relation.from ? toName : fromName} ${other}` },
              { row: r, columnIndex: relation.count, message: `${name} ${count}` },
            ],
            fixes: replaceCellFixes(data, r, c, other, `Replace with ${other} (the values of ${fromName} and ${toName} exchanged)`),
          });
        }
      };
      // Reports row r's later time, a whole number of hours off what the earlier one and the count give.
      const reportShift = (r: number, hours: number) => {
        const [value, from, count] = [cellText(data, r, relation.to), cellText(data, r, relation.from), cellText(data, r, relation.count)];
        report({
          row: r,
          columnIndex: relation.to,
          value,
          evidence: { from: fromName, fromValue: from, count: name, countValue: count, unit: relation.unit.name, hoursOff: hours, holdingRows: relation.holding, rows: relation.rows },
          message:
            `${value} in column "${toName}" is ${Math.abs(hours)} hour${Math.abs(hours) === 1 ? '' : 's'} ${hours > 0 ? 'later' : 'earlier'} than ${fromName} ${from} plus the ${count} ${relation.unit.name} of "${name}", ` +
            `as ${name} counts them in ${groupedInteger(relation.holding)} of the ${groupedInteger(relation.rows)} rows holding all three: a clock changed, or a time in another zone.`,
          related: [
            { row: r, columnIndex: relation.from, message: `${fromName} ${from}` },
            { row: r, columnIndex: relation.count, message: `${name} ${count}` },
          ],
        });
      };
      // The arithmetic relations the count takes part in (a stay's total = its rate × its nights).
      // (Not of clock times: a later date written from a time of day and a count is no date.)
      const vouching = relation.clock ? [] : numericRelations(data).filter((numeric) => numeric.output === relation.count || numeric.inputs.includes(relation.count));
      // A count below zero in over 1% of its rows (a bus early: its delay below zero) says nothing of the dates' order.
      const signed = countsNegative(data, relation.count);
      const off = countsOff(data, relation);
      // The whole hours row r's dates lie further apart than its count — not where the count with its sign changed agrees
      // (a delay of −60 minutes for +60 is the simpler slip).
      const counts = numericColumn(data, relation.count);
      const shiftOf = (r: number, expected: number) => (Math.abs(expected + counts[r]) <= relation.tolerance ? undefined : hoursOff(expected - counts[r], relation));
      // Rows off by each whole number of hours: a clock change or a zone moves several records alike; one count an hour off is a slip.
      const shiftedRows = new Map<number, number>();
      for (const { row: r, expected } of off) {
        const hours = shiftOf(r, expected);
        if (hours !== undefined) shiftedRows.set(hours, (shiftedRows.get(hours) ?? 0) + 1);
      }
      for (const { row: r, expected } of off) {
        // A count another relation of its row confirms is right: the later date is the wrong cell (a departure a day off
        // the arrival plus the nights the total was charged for).
        const vouchedBy = relation.offset !== undefined ? vouching.find((numeric) => relationHoldsAt(data, numeric, r) === true) : undefined;
        if (vouchedBy) {
          // Unless the earlier date with its day and month swapped keeps the relation: that date is the wrong cell.
          if (swapKeeps(r)) continue;
          if (!isIgnored(relation.to)) reportDate(r, vouchedBy.output === relation.count ? vouchedBy.inputs[0] : vouchedBy.output);
          continue;
        }
        // A date whose day and month exchanged keep the relation is the wrong cell: reported so (it may lie far from the other too).
        const swapped = [relation.from, relation.to].find((c) => !isIgnored(c) && swapKeepsAt(r, c));
        if (swapped !== undefined) {
          reportSwap(r, swapped);
          continue;
        }
        // The count is the time between the dates exchanged (a departure written as the arrival and back): both are reported.
        if (expected < 0 && !signed && !relation.clock && countAgrees(relation, numericColumn(data, relation.count)[r], timesOf(data, relation.to)[r], timesOf(data, relation.from)[r])) {
          reportExchanged(r);
          continue;
        }
        // A date far from the other (by the table's gaps between them) is the wrong cell: the number is no evidence against itself.
        if (far.get(r)?.some(({ gap }) => [gap.from, gap.to].includes(relation.from) && [gap.from, gap.to].includes(relation.to))) continue;
        // A date before the one it follows (a row breaking the order the relation counts forward) is a date's error too.
        if (expected < 0 && !signed) continue;
        const value = cellText(data, r, relation.count);
        const [from, to] = [cellText(data, r, relation.from), cellText(data, r, relation.to)];
        // The dates a whole number of hours further apart than the count in several rows (a clock changed, a zone not
        // converted): the later time is the wrong cell — the one observed, where the earlier is planned (a scheduled and an
        // actual arrival).
        const hours = shiftOf(r, expected);
        if (hours !== undefined && (shiftedRows.get(hours) ?? 0) >= MIN_SHIFTED_ROWS) {
          if (!isIgnored(relation.to)) reportShift(r, hours);
          continue;
        }
        const time = String(Number(expected.toFixed(data.columns[relation.count].kind === 'integer' ? 0 : 2)));
        report({
          row: r,
          columnIndex: relation.count,
          value,
          evidence: { from: fromName, fromValue: from, to: toName, toValue: to, unit: relation.unit.name, expected: time, holdingRows: relation.holding, rows: relation.rows },
          message:
            `${value} in column "${name}" is not the ${relation.unit.name} from ${fromName} (${from}) to ${toName} (${to}) of this row, ${shownNumber(Number(time))}, ` +
            `as ${name} counts them in ${groupedInteger(relation.holding)} of the ${groupedInteger(relation.rows)} rows holding all three.`,
          related: [
            { row: r, columnIndex: relation.from, message: `${fromName} ${from}` },
            { row: r, columnIndex: relation.to, message: `${toName} ${to}` },
          ],
          fixes: replaceCellFixes(data, r, relation.count, time, `Replace with ${time} (the ${relation.unit.name} from ${fromName} to ${toName})`),
        });
      }
    }
  },
});
