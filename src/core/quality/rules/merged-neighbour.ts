/** merged-neighbour: a value with the row's own value of the neighbouring column glued to it ("Portland, OR" in city, state "OR"). */
import { defineRule } from '../rule';
import { KNOWN_ROWS, TEXT_VALUES_MAX_DISTINCT, TEXT_KINDS, distinctValues, isNumeric, nullCount, nullMask, numericColumn, replaceCellFixes, type DistinctValues } from '../column-values';
import { FIELD_SEPARATOR, splits } from '../field-splits';
import { columnPatterns, patternOf } from '../value-patterns';
import { listColumn } from '../list-separators';

const loose = (text: string) => text.trim().toLowerCase();
/** Share of a column's values a shape must have to be one of the column's own (value-patterns.ts). */
const USUAL_SHAPE = 0.01;
/** Rows, at least, that write a merged-looking value for it to be a value of its own where fewer rows write its parts apart. */
const OWN_VALUE_ROWS = 3;
/** A number written plainly (a glued part that may be the neighbouring number's value). */
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/**
 * A value of `here` cut into its own part and the part that may be its neighbour's; `known` when the own part is
 * a value of the column on its own (held alone by KNOWN_ROWS rows or more).
 */
interface Glued {
  own: string;
  glued: string;
  known: boolean;
  /** What the parts meet at ("", " ", ", "). */
  between: string;
}

/** The rows of each value of a text column, by its loose form. */
function rowsByValue(distinct: DistinctValues): Map<string, number> {
  const rowsOf = new Map<string, number>();
  for (let id = 0; id < distinct.size; id++) {
    const key = loose(distinct.text(id));
    rowsOf.set(key, (rowsOf.get(key) ?? 0) + distinct.counts[id]);
  }
  return rowsOf;
}

/**
 * The values of text column `here` (`rowsOf`: its rows by value) that may be a part of their own with another part
 * glued on at the end facing the neighbour (`atEnd`: the neighbour is on the right), by value id, each with every
 * such cut (the glued part may be several words: "Sony Pictures, Based on Book/Short Story"; the row's neighbour
 * says which cut): the own part is one of the column's values, or the parts meet at a comma, semicolon or bar. In a
 * column whose values do not repeat (`repeated` false), only values holding such a separator are looked at.
 */
function gluedValues(distinct: DistinctValues, rowsOf: ReadonlyMap<string, number>, atEnd: boolean, repeated: boolean): Map<number, Glued[]> {
  const glued = new Map<number, Glued[]>();
  for (let id = 0; id < distinct.size; id++) {
    const text = distinct.text(id);
    if (!repeated && !FIELD_SEPARATOR.test(text)) continue;
    const whole = text.trim();
    const cuts: Glued[] = [];
    for (const parts of splits(text)) {
      const [own, other] = atEnd ? parts : [parts[1], parts[0]];
      if (loose(own) === loose(other)) continue;
      const known = (rowsOf.get(loose(own)) ?? 0) >= KNOWN_ROWS;
      const between = atEnd ? whole.slice(own.length, whole.length - other.length) : whole.slice(other.length, whole.length - own.length);
      if (known || FIELD_SEPARATOR.test(between)) cuts.push({ own, glued: other, known, between });
    }
    if (cuts.length) glued.set(id, cuts);
  }
  return glued;
}

/** Other values of its column that must hold a value as their words for it to be a term of the column. */
const TERM_VALUES = 2;

/** How many other distinct values hold value `id` as whole words ("Marketing Operations Analyst" in "Lead Marketing Operations Analyst"), up to TERM_VALUES. */
function heldAsWords(distinct: DistinctValues, id: number): number {
  const words = ` ${loose(distinct.text(id))} `;
  let held = 0;
  for (let other = 0; other < distinct.size && held < TERM_VALUES; other++) {
    if (other !== id && ` ${loose(distinct.text(other))} `.includes(words)) held++;
  }
  return held;
}

export const mergedNeighbour = defineRule({
  id: 'merged-neighbour',
  title: "Neighbour's value glued on",
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: { maxShare: 0.5 },
  description: 'A value with the row\'s own value of the neighbouring column glued to it, where the column otherwise holds that value alone: "Portland, OR" in city beside state "OR".',
  docs: `Two fields written into one cell upstream while the second kept its own: "Portland, OR" in \`city\` with
\`state\` "OR" on the same row. The city is now a new category ("Portland" and "Portland, OR" are two cities to
a group-by or a model), and a join on the city misses the row. (With the neighbour empty, the same merge is a
\`column-shift\`.)

In a text column (at most ${TEXT_VALUES_MAX_DISTINCT.toLocaleString('en-US')} distinct values) beside a text or numeric
column, a value is reported when it is a part of its own with the row's own value of the neighbour glued on at the
side facing it — cut at any separator, the row's neighbour saying where (its value may be several words: "Sony
Pictures, Based on Book/Short Story" beside that source; a number reads as the neighbour's number: "USA,
43.79984528" beside that latitude); a separator is white space, or a comma, semicolon or bar with or without
spaces, as \`column-shift\` cuts a merge (not a comma between digits); case and surrounding white space aside —,
where the own part is one of its column's values (held alone by ${KNOWN_ROWS} rows or more), or the parts meet at a
comma, semicolon or bar and either the neighbour's value is one it repeats (held by ${KNOWN_ROWS} rows or more: "Blue
Rock, OH" beside "OH" in a column of towns named once each) or the own part is written as at least
${100 * USUAL_SHAPE}% of the column's values are and the whole is not (a code with its name glued on, "DTA, Delta
Municipal", where codes and names are held once each); a description ending in its category's word after a space
is not a merge, nor is a value two other values of the column hold as their words (a title "Marketing Operations
Analyst" beside "Senior Marketing Operations Analyst" and "Lead Marketing Operations Analyst": a term of the column,
not the department glued on), nor a value three rows or more write whose own part fewer rows write beside the glued part
("Sales Operations Analyst" in 12 rows of Sales, where "Operations Analyst" is only ever of Operations; a vendor
"Speedy Auto Service, London" in 61 rows, split by a shift in 2: fields merged by one source leave the pair written
apart by the others, "Portland" beside "OR" in most rows); in a column of lists ("Tom Hanks, Meg Ryan", see \`mixed-list-separator\`) a part met at the lists'
separator is an item of the list (a film's director among its actors), unless the rest is one of the column's
values; in a column whose values do not repeat, only values holding a comma, semicolon or bar are read —
and such values are under \`maxShare\` of the column's rows (where most rows write the pair, that is the
column's format).

The evidence: the neighbour, its value in the row, and the column's own value.

**Fix**: replace the value with the column's own part (quick fix and cleaning step).`,
  check({ data, options, report, isIgnored, isAccepted }) {
    const columns = data.columns.length;
    const text = (c: number) => TEXT_KINDS.includes(data.columns[c].kind) && !isIgnored(c);
    /** Whether a value's shape is one at least USUAL_SHAPE of column c's values have. */
    const usualShape = (c: number, value: string) => {
      const { rows } = columnPatterns(data, c).levels.shape;
      return (rows.get(patternOf(value).shape) ?? 0) >= USUAL_SHAPE * (data.table.numRows - nullCount(data, c));
    };
    for (let here = 0; here < columns; here++) {
      if (!text(here)) continue;
      const distinct = distinctValues(data, here);
      const present = data.table.numRows - nullCount(data, here);
      if (distinct.size > TEXT_VALUES_MAX_DISTINCT) continue;
      // Values that repeat (a city among cities), or else only values written with a field separator.
      const repeated = 2 * distinct.size <= present;
      let rowsOf: Map<string, number> | undefined;
      // In a column of lists ("Tom Hanks, Meg Ryan"), a part met at the lists' separator is one of the list's items:
      // a film's director is often one of its actors.
      const listSeparator = listColumn(data, here)?.separator.trim();
      for (const neighbour of [here + 1, here - 1]) {
        if (neighbour < 0 || neighbour >= columns) continue;
        const numeric = isNumeric(data.columns[neighbour]);
        if (!numeric && !TEXT_KINDS.includes(data.columns[neighbour].kind)) continue;
        const glued = gluedValues(distinct, (rowsOf ??= rowsByValue(distinct)), neighbour > here, repeated);
        if (glued.size === 0) continue;
        // The row's neighbouring value: a text (by its loose form), or a number (a glued part that reads as it).
        const other = numeric ? undefined : distinctValues(data, neighbour);
        const [numbers, numberMask] = numeric ? [numericColumn(data, neighbour), nullMask(data, neighbour)] : [undefined, undefined];
        const matching = (r: number, cuts: Glued[]): Glued | undefined => {
          if (other) {
            if (other.ids[r] < 0) return undefined;
            const neighbourValue = loose(other.text(other.ids[r]));
            return cuts.find((cut) => loose(cut.glued) === neighbourValue);
          }
          if (!numbers || numberMask?.[r]) return undefined;
          return cuts.find((cut) => PLAIN_NUMBER.test(cut.glued) && Number(cut.glued) === numbers[r]);
        };
        const rows: number[] = [];
        const cutOf = new Map<number, Glued>();
        for (let r = 0; r < distinct.ids.length; r++) {
          const cuts = distinct.ids[r] < 0 ? undefined : glued.get(distinct.ids[r]);
          const parts = cuts && matching(r, cuts);
          if (!parts) continue;
          // An own part the column never holds alone: the glued part must be a value the neighbour repeats (a state),
          // or the own part written as the column's values are while the whole is not (a code with its name glued on).
          const repeatedThere = other !== undefined && other.counts[other.ids[r]] >= KNOWN_ROWS;
          if (!parts.known && !repeatedThere && !(usualShape(here, parts.own) && !usualShape(here, distinct.text(distinct.ids[r])))) continue;
          if (!parts.known && listSeparator !== undefined && parts.between.trim() === listSeparator) continue;
          cutOf.set(r, parts);
          rows.push(r);
        }
        if (rows.length === 0 || rows.length >= options.maxShare * present) continue;
        const [hereName, neighbourName] = [data.columns[here].name, data.columns[neighbour].name];
        // A value other values of the column hold as their words is a term of the column ("Marketing Operations Analyst"
        // in "Senior Marketing Operations Analyst" and "Lead Marketing Operations Analyst"), not two fields merged.
        const terms = new Map<number, boolean>();
        const isTerm = (id: number) => {
          let known = terms.get(id);
          if (known === undefined) terms.set(id, (known = heldAsWords(distinct, id) >= TERM_VALUES));
          return known;
        };
        // A value many rows write (OWN_VALUE_ROWS or more), each beside the part glued on, is a value of its own (a title
        // "Sales Operations Analyst" in the Sales department, a vendor "Speedy Auto Service, London"), unless more rows
        // write its own part beside that part: fields merged by one source leave the pair written apart by the others
        // ("Portland" beside "OR" in most rows). (A row or two apart are the value split by a shift.)
        const writtenApart = new Map<number, number>();
        const ownValue = (id: number, { own, glued: part }: Glued) => {
          let apart = writtenApart.get(id);
          if (apart === undefined) {
            apart = 0;
            for (let r = 0; r < distinct.ids.length; r++) {
              const v = distinct.ids[r];
              if (v < 0 || v === id || loose(distinct.text(v)) !== loose(own)) continue;
              if (other ? other.ids[r] >= 0 && loose(other.text(other.ids[r])) === loose(part) : numbers !== undefined && !numberMask?.[r] && numbers[r] === Number(part)) apart++;
            }
            writtenApart.set(id, apart);
          }
          return apart < distinct.counts[id];
        };
        for (const r of rows) {
          const value = distinct.text(distinct.ids[r]);
          if (isAccepted(here, value) || isTerm(distinct.ids[r])) continue;
          const cut = cutOf.get(r);
          if (!cut || (distinct.counts[distinct.ids[r]] >= OWN_VALUE_ROWS && ownValue(distinct.ids[r], cut))) continue;
          const { own, glued: part } = cut;
          report({
            row: r,
            columnIndex: here,
            value,
            evidence: { neighbour: neighbourName, neighbourValue: part, ownPart: own },
            message: `"${value}" in column "${hereName}" is "${own}" with this row's "${neighbourName}" ("${part}") glued on: two fields seem merged, and "${neighbourName}" kept its own.`,
            related: [{ row: r, columnIndex: neighbour, message: `"${neighbourName}" holds "${other ? other.text(other.ids[r]) : part}" here` }],
            fixes: replaceCellFixes(data, r, here, own, `Replace with "${own}"`),
          });
        }
      }
    }
  },
});
