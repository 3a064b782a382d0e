import { defineRule } from '../rule';
import { finiteStats, isNumeric, numericColumn, replaceCellFixes } from '../column-values';
import { columnPlaceholders } from './sentinel-value';
import { signSlips } from '../group-signs';
import { FULL_TURN, isBearing } from '../bearings';

/** Column names whose values cannot be negative. */
const nonNegativeName = /(^|[_\s.-])(count|counts|n|num|number|qty|quantity|amount|age|price|cost|area|size|weight|height|length|width|distance|duration|runtime|running[_\s.-]time|rooms?|bedrooms?|bathrooms?|floors?|population|salary|income|sales|revenue|volume|mass|speed|years?|days?|hours?|minutes?|seconds?|m2|km|kg|sqft|stock|inventory|units|items|pieces|pcs|visits|views|clicks|downloads|followers|likes|passengers|employees|students|calories|seats|capacity)($|[_\s.-])/i;
const percentName = /(percent|pct|percentage|%)/i;
/**
 * Largest share of a column's values outside a domain for the domain to be the column's: "amount" may be a signed
 * balance, a percentage a change beyond 100, so a few per cent outside already say the name means something else.
 */
const MAX_OUTSIDE = 0.02;
/**
 * The same for a scale that bounds its values whatever they measure (a latitude, a month, an hour): nothing real lies
 * outside, and a dirty column's slips, shifted cells and placeholders can put several per cent there (the 10%
 * mixes of the detection bench: 3–5% of their latitudes, months and humidities); a column the name misleads about
 * (months since enrolment, projected coordinates) lies mostly outside.
 */
const MAX_OUTSIDE_BOUNDED_SCALE = 0.1;
/** A name that is one of these words (or ends in one: "pickup_lng", "Ylatitude"), and the interval its values lie in. */
const boundedNames: { name: RegExp; low: number; high: number; why: string }[] = [
  { name: /(^|[_\s.-])lat$|latitude$/i, low: -90, high: 90, why: 'is a latitude outside −90…90' },
  { name: /(^|[_\s.-])(lon|lng|long)$|longitude$/i, low: -180, high: 180, why: 'is a longitude outside −180…180' },
  { name: /(^|[_\s.-])month$/i, low: 1, high: 12, why: 'is a month outside 1–12' },
  { name: /(^|[_\s.-])(day|date)[_\s.-]of[_\s.-](the[_\s.-])?month$/i, low: 1, high: 31, why: 'is a day of the month outside 1–31' },
  // Weekdays are numbered 0–6 or 1–7 (Sunday 0 or 7): 0–7 holds both.
  { name: /(^|[_\s.-])(day[_\s.-]of[_\s.-](the[_\s.-])?week|weekday|dow)$/i, low: 0, high: 7, why: 'is a day of the week outside 0–7' },
  { name: /(^|[_\s.-])hour$/i, low: 0, high: 24, why: 'is an hour outside 0–24' },
  { name: /(^|[_\s.-])(minute|second)$/i, low: 0, high: 60, why: 'is outside 0–60' },
  // Relative humidity is a share of saturation: 0–100 (or 0–1, which lies within it).
  { name: /(^|[_\s.-])(rel(ative)?[_\s.-]?)?humidity$|(^|[_\s.-])rh$/i, low: 0, high: 100, why: 'is a relative humidity outside 0–100' },
];

export const impossibleValue = defineRule({
  id: 'impossible-value',
  title: 'Impossible value',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: { maxAge: 130 },
  description: 'A value impossible for the column\'s evident domain: a negative count, price, area or stock; a percentage or relative humidity outside 0–100; an age over 130; a latitude, longitude, month, day of the month or week, hour or minute out of range; a number of the sign its row\'s category never has (a pick of +7 units where picks are negative).',
  docs: `Some columns say what they hold: a bedroom count or a price cannot be negative, a percentage lies
between 0 and 100. Such values are data-entry or conversion errors (or sentinels for "unknown"), and a
model takes them at face value.

The domain is inferred from the column name (count, qty, price, area, age, duration, running time, stock, units,
visits, views, passengers, …, percent/pct, humidity 0–100; latitude
−90…90, longitude −180…180, month 1–12, day (or date) of the month 1–31, day of the week 0–7 (numbered from 0 or
1), hour 0–24, minute and second 0–60), or from its values: a column of bearings — all but 1% of them within 0–360,
5% within 36° of 0 and 5% within 36° of 360: a wind's direction, a heading — lies within 0–360 (a direction of 372.4
or −23.3 was not brought back into the turn). It is only applied when
almost all of the column agrees with it: 98% of its values for a sign or a percentage (an "amount" may be a
signed balance), 90% for a scale that bounds whatever it measures — a latitude, a month, an hour, a humidity —,
where a dirty column's slips and shifted cells can put several per cent outside and a column the name misleads
about (months since enrolment, projected coordinates) lies mostly outside. Placeholder numbers (what
sentinel-value reports: -9999 for "unknown") are left out of those shares, and reported with the rest: seven
-9999s and thirteen lost minus signs in 900 counts are the errors of a count, not a signed column.

A signed column's domain can also be learned from another column: where the numbers of the rows holding one value of
a text column of at most 20 values have one sign — 98% of them or more, 30 or more, far beyond the column's share of
that sign (a binomial tail below 1e-6) — a pick's quantity leaves stock, a receipt's enters it, while adjustments go
either way; the column must give a direction, with values of both signs (a country whose rows are mostly
purchases, as every country's are, gives none). A number of the other sign there is reported, with the sign changed as
fix (the evidence: \`signColumn\`, \`signValue\`, \`sign\`, \`rows\`, \`agree\`), where it mirrors the group's
numbers — at least as large as all but the smallest 10% of them — and not where it continues them across zero:
January's daily temperatures, mostly below freezing, are a degree above it on a few days. Nor where the row's kind of
record holds its sign too — two other rows of the group sharing its value of another text column of at most 50
values, 2% of them: a department store's refunds among card purchases. The column must be signed (5% of its non-zero
numbers of each sign); placeholders are left to sentinel-value. Nor where a dependency learned from the table
contradicts the row's value of the text column (a status text another than its status code's): the row is then in
the wrong group, and its number no evidence against itself (dependency-violation reports the value).

**Fix**: correct the value or leave it empty.`,
  check({ data, options, report }) {
    data.columns.forEach((column, c) => {
      if (!isNumeric(column)) return;
      const name = column.name.replace(/([a-z])([A-Z])/g, '$1_$2');
      const values = numericColumn(data, c);
      // Each domain is an interval: a value is impossible when below `low` or above `high`.
      const checks: { low: number; high: number; why: string; maxOutside?: number }[] = [];
      if (nonNegativeName.test(name)) checks.push({ low: 0, high: Infinity, why: 'cannot be negative' });
      if (percentName.test(name)) checks.push({ low: 0, high: 100, why: 'is a percentage outside 0–100' });
      if (/(^|[_\s])age($|[_\s])/i.test(name)) checks.push({ low: -Infinity, high: options.maxAge, why: `is an age over ${options.maxAge}` });
      const trimmed = column.name.trim().replace(/\s*\(.*\)$/, '');
      for (const bounded of boundedNames) if (bounded.name.test(trimmed)) checks.push({ ...bounded, maxOutside: MAX_OUTSIDE_BOUNDED_SCALE });
      // A column of bearings, told by its values (they fill one turn): nothing lies beyond 0–360.
      if (isBearing(data, c)) checks.push({ low: 0, high: FULL_TURN, why: `is a bearing outside 0–${FULL_TURN} (the column's values fill one turn)`, maxOutside: MAX_OUTSIDE_BOUNDED_SCALE });
      const stats = finiteStats(data, c);
      for (const check of checks) {
        const { low, high } = check;
        // Every value within the domain (and none infinite): nothing to report, without a pass over the rows.
        if (stats.nonFinite === 0 && !(stats.min < low) && !(stats.max > high)) continue;
        const bad: number[] = [];
        let present = 0;
        // Placeholders (-9999 for "unknown", what sentinel-value reports) say nothing of the column's domain:
        // they are left out of the share outside it (and still reported: no measurement lies there).
        const placeholders = new Set(columnPlaceholders(data, c)?.values ?? []);
        let placeholdersOutside = 0;
        for (let r = 0; r < values.length; r++) {
          const v = values[r];
          if (Number.isNaN(v)) continue;
          const outside = v < low || v > high;
          if (outside) bad.push(r);
          if (!placeholders.has(v)) present++;
          else if (outside) placeholdersOutside++;
        }
        // A domain most of the column violates is not the column's domain (e.g. "amount" as a signed balance).
        if (bad.length === 0 || bad.length - placeholdersOutside > Math.max(1, present * (check.maxOutside ?? MAX_OUTSIDE))) continue;
        for (const r of bad) {
          const value = String(values[r]);
          report({ row: r, columnIndex: c, value, evidence: { low, high }, message: `${value} in column "${column.name}" ${check.why}.` });
        }
      }
      // A sign the row's category never has (a pick's quantity above zero); placeholders are sentinel-value's.
      const slips = signSlips(data, c);
      if (slips.size === 0) return;
      const placeholders = new Set(columnPlaceholders(data, c)?.values ?? []);
      for (const [r, slip] of slips) {
        if (placeholders.has(values[r])) continue;
        const value = String(values[r]);
        const by = data.columns[slip.column].name;
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { signColumn: by, signValue: slip.value, sign: slip.sign, rows: slip.rows, agree: slip.agree },
          message: `${value} in column "${column.name}" is ${slip.sign === 'negative' ? 'positive' : 'negative'}, where ${slip.agree} of the ${slip.rows} rows of ${by} "${slip.value}" are ${slip.sign}.`,
          ...(column.numberFormat ? {} : { fixes: replaceCellFixes(data, r, c, { number: String(-values[r]) }, `Change the sign: ${-values[r]}`) }),
        });
      }
    });
  },
});
