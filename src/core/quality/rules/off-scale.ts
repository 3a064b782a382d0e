/** off-scale: a value outside the scale its numbered sibling columns share (a 6 or a 0 among answers 1–5 of q1…q5). */
import { defineRule } from '../rule';
import { cellText } from '../dependencies';
import { offScaleRows, siblingScales } from '../sibling-scales';

/** Sibling names a message lists before "…". */
const NAMED = 6;

export const offScale = defineRule({
  id: 'off-scale',
  title: 'Value off its siblings\' scale',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A value outside the scale that numbered sibling columns share: a 6 or a 0 among the answers 1–5 of a questionnaire\'s items q1…q5.',
  docs: `Questionnaires, ratings and assessments hold several columns on one scale: items q1 to q20 answered from 1 to 5,
ratings rating_1 to rating_8 from 0 to 10. A 6 or a 0 in one of them is a slip, another scale's answer or a code for
"don't know" — on a scale of few levels it lies one step beyond the end, which no tail test of the column alone can
tell from a rare answer; the siblings can.

Learned from the table itself (sibling-scales.ts): three or more whole-number columns whose names differ only by a
trailing number (q1, q2, q3; item_1, item_2, item_3), each with at most 12 levels (values held by 0.5% of its rows or
more, two rows at least), share the scale from the lowest to the highest level any of them holds, when both ends are
dense (each holds 1% of the siblings' values or more) and the values beyond either end are few beside it (at most one
for 20 at the end: a scale stops at its ends, while small counts thin out step by step — counts of 7 a third as many
as of 6 — and are no scale). A value outside it is reported, in a column that keeps 98% of its values on the scale.

The evidence: the scale and the sibling columns.

**Fix**: correct the answer, or leave it empty where it codes "no answer" (the cleaning step empties it).`,
  check({ data, report, isIgnored }) {
    for (const scale of siblingScales(data)) {
      const names = scale.columns.map((c) => data.columns[c].name);
      const listed = names.length > NAMED ? `${names.slice(0, NAMED).join(', ')}, …` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
      const range = `${scale.low}–${scale.high}`;
      for (const c of scale.columns) {
        if (isIgnored(c)) continue;
        for (const r of offScaleRows(data, scale, c)) {
          const value = cellText(data, r, c);
          report({
            row: r,
            columnIndex: c,
            value,
            evidence: { scale: range, siblings: names.join(', ') },
            message: `${value} in column "${data.columns[c].name}" lies off the scale ${range} that ${listed} share (each of their levels lies from ${scale.low} to ${scale.high}, and both ends are common answers).`,
          });
        }
      }
    }
  },
});
