import { defineRule } from '../rule';
import { CONTAINED_DEFAULTS, containedPairs, textsHoldingNone } from '../contained-texts';
import { contradictedCell } from '../dependencies';

export const containedValue = defineRule({
  id: 'contained-value',
  title: 'Value missing from the column that repeats it',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: { ...CONTAINED_DEFAULTS },
  description: "A value that another column's text repeats in nearly every row, missing from that text in this row (a year not in the release date).",
  docs: `Some columns repeat another column's value inside their text: a release date holds the release year,
an airport's code is in its label, a file name holds the sample's id. Learned from the table itself: a
text column *A* contains column *B*'s value (as a whole word or number, ignoring case and punctuation:
"public sector" is in "nz/public-sector"; letters and digits part words, so "mensah" is in "linda.mensah2" and
2021 in "FY2021") in at least
\`minShare\` of the rows holding both, in at least \`minRows\` rows, while another row's value of *B* is in
*A*'s text by chance in at most 20% of rows (a constant or a common word proves nothing). The rows where
*A*'s text does not hold *B*'s value, nor *B*'s *A*'s ("Aldino" beside "Aldino/Aldein" agrees), disagree
with themselves: one of the two cells is wrong. The finding
sits on *B*'s cell and points at *A*'s. In a dirtier table (errors in a tenth of the rows break more than
\`minShare\` allows) a pair also holds in 80% of the rows when at least half of the rows that break it are
conflicts — *A*'s text holds another value of *B* instead ("1984" in the release date of a film whose year
says 1948) — and only those rows are reported: a text that merely leaves the value out may be written
another way.

Pairs are found on 400 rows spread over the table and verified on every row. Values of *B* shorter than two
characters are left out, and so is a row counter (integers increasing down the table: "item 41" in a label
says where the row is, not what it is).

Which cell is wrong: where *A*'s text is written unlike its column (its form, the runs of letters and digits
with the punctuation between, holds at most 10% of the column's rows while one form holds 80%: "1960-09-08"
among "8 September 1960 (USA)", "14 May (USA)" without its year) the finding sits on *A*'s cell, pointing at
*B*'s, and in a dirtier table such rows are reported beside the conflicts; not where *A*'s text is mostly *B*'s
value itself (a code of 2021 beside the code of 2010: a text that differs there is another value). Where *A*'s text
holds none of two or more of its row's values that it holds in the other rows — an email holding neither the
first nor the last name of its row ("linda.mensah2@…" beside Mateo Williams: another person's email) — the text is
the wrong cell: one finding on it, pointing at those values (one change mends the row; blaming the values would
take two). So is the text where another value of the row says another text through a dependency learned from the
table, and none says another value (a station's name typed for another station, beside its code and suburb: the code
says the station's own name).

**Fix**: correct whichever of the two cells is wrong.`,
  check({ data, options, report, isIgnored, rowNumber }) {
    const rows = data.table.numRows;
    if (rows < options.minRows) return;
    const { pairs, texts } = containedPairs(data, { minShare: options.minShare, minRows: options.minRows }, isIgnored);
    // A text that holds none of two or more of its row's values it holds elsewhere is the wrong cell (textsHoldingNone).
    const textBlamed = new Set<string>();
    for (const [a, byRow] of textsHoldingNone(pairs)) {
      const container = data.columns[a];
      for (const [r, broken] of byRow) {
        textBlamed.add(`${a}:${r}`);
        const text = texts[a]?.raw(r) ?? '';
        const names = broken.map(({ b }) => data.columns[b].name);
        const values = broken.map(({ b }) => texts[b]?.raw(r) ?? '');
        const listed = names.map((name, i) => `"${name}" ("${values[i]}")`).join(' nor ');
        report({
          row: r,
          columnIndex: a,
          value: text,
          message: `"${text}" in column "${container.name}" holds neither ${listed} of row ${rowNumber(r)}, as ${Math.min(...broken.map((p) => p.share))}% of its rows or more hold each of them.`,
          evidence: { contained: names.join(', '), containedValue: values.join(', '), holdingRows: Math.min(...broken.map((p) => p.holding)), rows: Math.max(...broken.map((p) => p.present)) },
          related: () => broken.map(({ b }) => ({ row: r, columnIndex: b, message: `"${data.columns[b].name}" of this row` })),
        });
      }
    }
    for (const { a, b, reported, share, holding, present, unlike } of pairs) {
      const [container, column, whole, part] = [data.columns[a], data.columns[b], texts[a], texts[b]];
      if (!whole || !part) continue;
      for (const r of reported) {
        if (textBlamed.has(`${a}:${r}`)) continue;
        const value = part.raw(r) ?? '';
        const text = whole.raw(r) ?? '';
        // The text where the row's other values say another one through a dependency of the table (a station's code
        // says its name), while none says so of the value: a name typed for another station, a name cut short.
        const contradicted = !unlike(r) && contradictedCell(data, r, a, (k) => k === b) && !contradictedCell(data, r, b, (k) => k === a);
        if (contradicted) {
          report({
            row: r,
            columnIndex: a,
            value: text,
            message: `"${text}" in column "${container.name}" does not hold "${column.name}" ("${value}") of row ${rowNumber(r)}, as ${share}% of its rows do (${holding} of ${present}), and the row's other values say another "${container.name}".`,
            evidence: { contained: column.name, containedValue: value, holdingRows: holding, rows: present, contradicted: true },
            related: () => [{ row: r, columnIndex: b, message: `"${column.name}" of this row` }],
          });
          continue;
        }
        if (unlike(r)) {
          report({
            row: r,
            columnIndex: a,
            value: text,
            message: `"${text}" in column "${container.name}" does not hold "${column.name}" ("${value}") of row ${rowNumber(r)}, as ${share}% of its rows do (${holding} of ${present}), and is written unlike the rest of the column.`,
            evidence: { contained: column.name, containedValue: value, holdingRows: holding, rows: present, writtenUnlike: true },
            related: () => [{ row: r, columnIndex: b, message: `"${column.name}" of this row` }],
          });
          continue;
        }
        report({
          row: r,
          columnIndex: b,
          value,
          message: `"${value}" in column "${column.name}" is not in "${container.name}" ("${text}") of row ${rowNumber(r)}, which holds "${column.name}" in ${share}% of rows (${holding} of ${present}).`,
          evidence: { container: container.name, holdingRows: holding, rows: present },
          related: () => [{ row: r, columnIndex: a, message: `"${container.name}" of this row` }],
        });
      }
    }
  },
});
