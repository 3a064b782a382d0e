/** comparison-mismatch: a label that a comparison of two numbers of its row decides in every other row, and does not in this one. */
import { defineRule } from '../rule';
import { cellText } from '../dependencies';
import { distinctValues, replaceCellFixes } from '../column-values';
import { comparisonHoldsAt, comparisonLabels, disagreeingRows, fitsLabelledRows, fitsValue, valuesOnItsSide, type Comparison, type ComparisonLabel } from '../comparison-labels';
import { groupedInteger } from '../../shared/grouped-integer';
import { loneNegative, oneKeyingSlipApart } from '../keying-slips';
import { numericRelations, relationBrokenAt, usesColumn } from '../numeric-relations';
import type { IngestResult } from '../../table/model';

const WORDS: Record<Comparison, string> = { greater: 'greater than', less: 'less than', equal: 'equal to' };

/** Whether two learned comparisons compare the same two columns. */
const sameColumns = (a: ComparisonLabel, b: ComparisonLabel) => (a.left === b.left && a.right === b.right) || (a.left === b.right && a.right === b.left);

/** Whether a numeric relation that applies at row r and uses one of the compared numbers fails there. */
function numberContradicted(data: IngestResult, decided: ComparisonLabel, r: number): boolean {
  return numericRelations(data).some((relation) => (usesColumn(relation, decided.left) || usesColumn(relation, decided.right)) && relationBrokenAt(data, relation, r));
}

export const comparisonMismatch = defineRule({
  id: 'comparison-mismatch',
  title: 'Label that its numbers contradict',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A label that a comparison of two numbers of its row decides in every other row (a result "H" exactly where the home goals exceed the away goals, a flag "H" where a value exceeds its upper limit), and does not in this one.',
  docs: `Tables keep a label beside the numbers it was derived from: a match's result beside its goals, a lab result's
flag beside the value and its reference limits, "over budget" beside the spending and the budget. Typed or derived
separately, the label drifts: a result entered for the wrong match, a flag left from a first reading.

Learned from the table itself (comparison-labels.ts): a text column of at most 6 values has a value that holds exactly
where one numeric column is greater than, less than or equal to another, in 95% of the rows
holding the three and in 30 rows at least — with disagreements a tenth at most of what a comparison and a value
unrelated to it would leave by chance (a status of 95% of the rows agrees with a comparison true in 99% on most rows),
and fewer than half what either number against the other's median leaves (a paid amount above the latitude, the same
for every ticket, is a threshold on the amount: band-mismatch's, not a comparison), and not a tendency: where the rows
breaking it (5 or more, of the value's rows or of the others') are a quarter or more of those keeping it by at most
their median margin, the rows go on through the limit (claims "Closed" where the paid amount passes the reserve, and
49 open claims passing it too, where 54 keep it by as little).
A row where the value and the comparison part — the comparison holds and the label is another value, or the label is
that value and the comparison does not hold — is reported once (not where the other value's rows nearly all keep the
comparison too, 90% of 3 rows or more: a critical "HH" beside "H", both above the limit, nor where 5% of them do, 5 rows
or more, far more than slips of the label leave: 18 of 250 packs in ml weigh as many grams), on the label, with the label the row's numbers call
for as the quick fix where a learned comparison of the row decides it. A value that equal numbers decide (a ticket
"PAID" where the amount paid is its fine) on a row whose numbers differ and call for no other value is not reported:
a number copied wrong (a paid amount of 0.00, a fine in cents) is as likely as the label. Nor is a row whose number
the row's own arithmetic contradicts (a total no longer base + surcharge: broken-relation's), whose number is negative
where its column's numbers (all but 0.1%, 2 at least) never are (a minus typed), whose two numbers are one keying slip
apart (digits exchanged, a sign, a decimal point moved: "69.00" paid of a fine of "96.00") where their equality decides
the row's label, or whose numbers call for no value and lie where no labelled row's do (a glucose of a tenth of its
limits flagged "H": the number is keyed wrong).
A label column may hold a few strays (values of at most 0.1% of its rows, 2% in all: numbers shifted in from the next
column) besides its few values.

The evidence: the two numbers, the comparison, the label's value it decides, the label expected (\`expected\`, where
known) and how many rows agree.

**Fix**: correct the label (the quick fix), or, if the label is right, the number.`,
  check({ data, report, isIgnored }) {
    const learned = comparisonLabels(data);
    // Per label column, the rows already reported.
    const reported = new Map<number, Set<number>>();
    // The label the row's numbers call for: a learned value of the label column whose comparison holds in the row.
    const calledFor = (label: number, r: number): ComparisonLabel | undefined => learned.find((candidate) => candidate.label === label && comparisonHoldsAt(data, candidate, r));
    for (const decided of learned) {
      if (isIgnored(decided.label)) continue;
      const done = reported.get(decided.label) ?? new Set<number>();
      reported.set(decided.label, done);
      const [labelName, leftName, rightName] = [decided.label, decided.left, decided.right].map((c) => data.columns[c].name);
      const onItsSide = valuesOnItsSide(data, decided);
      const ids = distinctValues(data, decided.label).ids;
      for (const { row: r, comparisonHolds } of disagreeingRows(data, decided)) {
        if (done.has(r)) continue;
        // Another value of the decided value's side (a critical "HH" where "H" is above the limit) agrees with it.
        if (comparisonHolds && onItsSide.has(ids[r])) continue;
        done.add(r);
        const [value, left, right] = [cellText(data, r, decided.label), cellText(data, r, decided.left), cellText(data, r, decided.right)];
        const calling = comparisonHolds ? decided : calledFor(decided.label, r);
        // A value that equal numbers decide (a ticket "PAID" where the amount paid is the fine), on a row whose numbers
        // differ and call for no other value: a number copied wrong (a paid amount of 0.00, a fine in cents) as likely.
        if (!calling && decided.comparison === 'equal') continue;
        // Numbers a keying slip apart (digits exchanged, a sign lost) where their equality decides the row's label were
        // meant equal: one was typed wrong, not the label.
        if (oneKeyingSlipApart(left, right) && learned.some((own) => own.label === decided.label && own.id === ids[r] && own.comparison === 'equal' && sameColumns(own, decided))) continue;
        // The row's numbers must lie as those of the label they call for do: else a number is the wrong cell (a value a
        // tenth of its own, far beyond where any row of that label lies).
        if (calling && !fitsValue(data, calling, r)) continue;
        // A number the row's own arithmetic contradicts (a total that is no longer base + surcharge), or negative where
        // its column never is (a minus typed by mistake): the number is the wrong cell, and its comparison says nothing
        // of the label.
        if (numberContradicted(data, decided, r)) continue;
        if (loneNegative(data, decided.left, r) || loneNegative(data, decided.right, r)) continue;
        // Numbers that call for no learned value must still lie as the labelled rows' do: else a number is the wrong
        // cell (a glucose of 10 flagged "H", where no row's value is a tenth of its limits).
        if (!calling && !fitsLabelledRows(data, decided, r)) continue;
        const expected = calling?.value;
        const rule = `"${labelName}" is "${decided.value}" exactly where "${leftName}" is ${WORDS[decided.comparison]} "${rightName}" in ${groupedInteger(decided.agreeing)} of the ${groupedInteger(decided.rows)} rows holding the three`;
        report({
          row: r,
          columnIndex: decided.label,
          value,
          evidence: { left: leftName, leftValue: left, right: rightName, rightValue: right, comparison: decided.comparison, decides: decided.value, ...(expected === undefined ? {} : { expected }), agreeingRows: decided.agreeing, rows: decided.rows },
          message: `"${value}" in column "${labelName}" where ${leftName} (${left}) is ${comparisonHolds ? '' : 'not '}${WORDS[decided.comparison]} ${rightName} (${right}): ${rule}.`,
          related: [
            { row: r, columnIndex: decided.left, message: `${leftName} ${left}` },
            { row: r, columnIndex: decided.right, message: `${rightName} ${right}` },
          ],
          ...(expected === undefined ? {} : { fixes: replaceCellFixes(data, r, decided.label, expected, `Replace with "${expected}"`) }),
        });
      }
    }
  },
});
