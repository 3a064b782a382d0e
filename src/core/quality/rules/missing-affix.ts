/** missing-affix: a value without the fixed beginning or ending nearly every value of its column has ("www.", ".edu"). */
import { defineRule } from '../rule';
import { TEXT_KINDS, TEXT_VALUES_MAX_DISTINCT, distinctValues, eachMappedRow, type DistinctValues } from '../column-values';
import { isPlaceholderText } from '../placeholders';

/** Marks that part a value's fixed beginning or ending from the rest (not white space: words are no affixes). */
const MARKS = '.@/:_#-';
const PREFIX = new RegExp(`^[^${MARKS}]{1,12}[${MARKS}]`);
const SUFFIX = new RegExp(`[${MARKS}][^${MARKS}]{1,12}$`);
const LETTER = /\p{L}/u;
/** Share of the column's rows one affix must hold to be the column's. */
const DOMINANT_SHARE = 0.99;
/** Distinct values that must share it: a fixed part of varied values, not a category. */
const MIN_DISTINCT = 100;

type Side = 'prefix' | 'suffix';

/** A value's beginning up to its first mark (with it), or its ending from its last mark: letters in it, at most 12 besides the mark. */
function affixOf(text: string, side: Side): string {
  const found = (side === 'prefix' ? PREFIX : SUFFIX).exec(text)?.[0] ?? '';
  return LETTER.test(found) ? found : '';
}

interface Learned {
  side: Side;
  affix: string;
  share: number;
  example: string;
  /** Distinct values without it → their own affix ('' for none). */
  other: Map<number, string>;
}

/** The affix on `side` that DOMINANT_SHARE of the column's rows and MIN_DISTINCT of its values hold, and the values without it. */
function learnAffix(distinct: DistinctValues, side: Side): Learned | undefined {
  const rows = new Map<string, number>();
  const values = new Map<string, number>();
  // Per distinct value: its affix, undefined for an empty value or a placeholder (left out).
  const affixes: (string | undefined)[] = [];
  let present = 0;
  for (let id = 0; id < distinct.size; id++) {
    const text = distinct.text(id).trim();
    const affix = text === '' || isPlaceholderText(text) ? undefined : affixOf(text, side);
    affixes.push(affix);
    if (affix === undefined) continue;
    present += distinct.counts[id];
    rows.set(affix, (rows.get(affix) ?? 0) + distinct.counts[id]);
    values.set(affix, (values.get(affix) ?? 0) + 1);
  }
  let best = '';
  for (const [affix, count] of rows) if (affix !== '' && count > (rows.get(best) ?? 0)) best = affix;
  const held = rows.get(best) ?? 0;
  if (best === '' || held < DOMINANT_SHARE * present || held === present || (values.get(best) ?? 0) < MIN_DISTINCT) return undefined;
  const other = new Map<number, string>();
  let example = '';
  affixes.forEach((affix, id) => {
    if (affix === best) example ||= distinct.text(id).trim();
    else if (affix !== undefined) other.set(id, affix);
  });
  return { side, affix: best, share: held / present, example, other };
}

export const missingAffix = defineRule({
  id: 'missing-affix',
  title: "Value without the column's fixed beginning or ending",
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description: 'A value without the beginning or ending nearly every value of its column shares ("mountharbor.com" among websites that all end in ".edu", "saintmary.edu" among websites that all begin with "www.").',
  docs: `Some columns of varied values share a fixed part: websites of colleges end in ".edu" and begin with "www.",
product codes begin with "SKU-", the files of a folder end in ".csv". A value without it — ".com" typed
for ".edu", a website written without "www.", a code of another scheme — is one the shapes of pattern-mismatch
cannot tell apart, as letters stay letters.

A column's fixed part is its values' beginning up to the first mark (one of \`${MARKS}\`, the mark included) or
their ending from the last, of at most 12 characters besides the mark and with a letter in it, when one such part
is held by at least ${DOMINANT_SHARE * 100}% of the column's rows and by ${MIN_DISTINCT} distinct values or more (a fixed part of varied values,
not a category written in many rows). A value with another beginning (or ending), or none, is reported with the
part the column has and an example. White space marks no part (words are no affixes), nor do parts without a letter
("0." of fractions, "2020-" of dates); placeholders are left out; columns of more than
${TEXT_VALUES_MAX_DISTINCT.toLocaleString('en-US')} distinct values are not read.

**Fix**: write the value with the column's fixed part if it is wrong; if the value is right as it is (a college with
a website of another kind), accept it.`,
  check({ data, report, isIgnored, isAccepted }) {
    data.columns.forEach((column, c) => {
      if (isIgnored(c) || !TEXT_KINDS.includes(column.kind)) return;
      const distinct = distinctValues(data, c);
      if (distinct.size < MIN_DISTINCT || distinct.size > TEXT_VALUES_MAX_DISTINCT) return;
      const reported = new Set<number>();
      for (const side of ['suffix', 'prefix'] as const) {
        const learned = learnAffix(distinct, side);
        if (!learned) continue;
        const { affix, share, example } = learned;
        const percent = Math.floor(share * 100);
        const verb = side === 'prefix' ? 'begin' : 'end';
        eachMappedRow(distinct, learned.other, (r, id, own) => {
          const value = distinct.text(id);
          if (reported.has(r) || isAccepted(c, value)) return;
          reported.add(r);
          const where = side === 'prefix' ? 'with' : 'in';
          const what = own === '' ? `does not ${verb} ${where} "${affix}"` : `${verb}s ${where} "${own}"`;
          report({
            row: r,
            columnIndex: c,
            value,
            evidence: { side, affix: own, columnAffix: affix, columnShare: share, example },
            message: `"${value}" in column "${column.name}" ${what}, unlike ${percent}% of the column's values, which ${verb} ${where} "${affix}" (like "${example}").`,
          });
        });
      }
    });
  },
});
