/** lookalike-character: a letter typed for the digit it looks like in a code ("O" for zero, "I" for one). */
import { defineRule } from '../rule';
import { TEXT_KINDS, TEXT_VALUES_MAX_DISTINCT, distinctValues, replaceCellFixes } from '../column-values';
import { holdsCodes } from '../value-patterns';
import { isPlaceholderText } from '../placeholders';
import { groupedInteger } from '../../shared/grouped-integer';

/** Letters and the digits they are typed for, read for, or scanned as. */
const LOOKALIKES: Readonly<Record<string, string>> = { O: '0', o: '0', I: '1', l: '1', S: '5', B: '8', Z: '2', G: '6' };
/** Distinct codes a column needs before its characters say anything. */
const MIN_VALUES = 50;
/** Share of the codes the digit must be in, at least. */
const DIGIT_SHARE = 0.1;
/** Share of the codes the letter may be in, at most (one code at least). */
const RARE_SHARE = 0.01;
/** How many times as many codes as the letter the column's typical letter is in (where the codes hold letters). */
const LETTER_RATIO = 20;

export const lookalikeCharacter = defineRule({
  id: 'lookalike-character',
  title: 'Letter typed for a digit in a code',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description: 'A code holding a letter that no other code of its column holds where the digit it looks like is common: "O" for zero, "I" or "l" for one ("WBAJG11OARZ835203").',
  docs: `Codes are copied by hand, read off labels and scanned: a zero becomes the letter O, a one an I or an l, a five an S,
an eight a B. The code then matches nothing (a join, a lookup, a check digit) though it looks right.

A column of codes (${MIN_VALUES} to ${TEXT_VALUES_MAX_DISTINCT.toLocaleString('en-US')} distinct values, 90% of them written with a digit and without white space) is
read character by character: in a code (a digit, no white space), a letter that looks like a digit (O and o for 0, I and l for 1, S for 5, B for 8, Z for 2,
G for 6) is reported where at most ${RARE_SHARE * 100}% of the codes hold it (one at least), the digit is in
${DIGIT_SHARE * 100}% of them or more, and where the codes hold letters, their typical letter (the median over the
letters they use in more codes than that) is in ${LETTER_RATIO} times as many codes: vehicle numbers never use I, O nor Q,
so an O is a slip, while random identifiers use every letter as often as the others; codes of digits alone hold no
letter of their own, and an O among them is a slip too.

The evidence: the letter, the digit it stands for, how many codes hold each, and the code with the digit (\`fixed\`).

**Fix**: write the digit (the quick fix replaces the letter); if the letter is right, accept the value.`,
  check({ data, report, isIgnored, isAccepted }) {
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind) || isIgnored(c)) return;
      // Columns of more distinct values than are read value by value (TEXT_VALUES_MAX_DISTINCT) are left alone.
      const distinct = distinctValues(data, c);
      if (distinct.size < MIN_VALUES || distinct.size > TEXT_VALUES_MAX_DISTINCT || !holdsCodes(distinct)) return;
      // Codes holding each character (each code once).
      const holding = new Map<string, number>();
      for (let id = 0; id < distinct.size; id++) for (const ch of new Set(distinct.text(id))) holding.set(ch, (holding.get(ch) ?? 0) + 1);
      // The column's own letters (those in more than RARE_SHARE of its codes) and the codes its typical one is in.
      const rare = Math.max(1, RARE_SHARE * distinct.size);
      const letters = [...holding].filter(([ch, n]) => /\p{L}/u.test(ch) && n > rare).map(([, n]) => n).sort((a, b) => a - b);
      const typicalLetter = letters.length > 0 ? letters[letters.length >> 1] : Infinity;
      const slips = new Map<string, { digit: string; codes: number; digitCodes: number }>();
      for (const [letter, digit] of Object.entries(LOOKALIKES)) {
        const codes = holding.get(letter) ?? 0;
        const digitCodes = holding.get(digit) ?? 0;
        if (codes === 0 || codes > rare || digitCodes < DIGIT_SHARE * distinct.size || typicalLetter < LETTER_RATIO * codes) continue;
        slips.set(letter, { digit, codes, digitCodes });
      }
      if (slips.size === 0) return;
      for (let r = 0; r < distinct.ids.length; r++) {
        const id = distinct.ids[r];
        if (id < 0) continue;
        const value = distinct.text(id);
        const letter = [...slips.keys()].find((ch) => value.includes(ch));
        // Only a code itself (a digit, no white space; no placeholder such as "None") has a digit to lose.
        if (letter === undefined || !/\d/.test(value) || /\s/.test(value.trim()) || isPlaceholderText(value) || isAccepted(c, value)) continue;
        const { digit, codes, digitCodes } = slips.get(letter)!;
        const fixed = value.split(letter).join(digit);
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { letter, digit, letterCodes: codes, digitCodes, codes: distinct.size, fixed },
          message:
            `"${value}" in column "${column.name}" holds the letter "${letter}", which ${codes === 1 ? 'no other' : `only ${codes}`} of the column's ${groupedInteger(distinct.size)} codes ${codes === 1 ? 'holds' : 'hold'}, ` +
            `where the digit ${digit} that it looks like is in ${groupedInteger(digitCodes)} of them: "${fixed}"?`,
          fixes: replaceCellFixes(data, r, c, fixed, `Replace "${letter}" with ${digit}: "${fixed}"`),
        });
      }
    });
  },
});
