import { defineRule } from '../rule';
import { finiteStats, isNumeric, numericColumn } from '../column-values';

/** Column names whose values cannot be negative. */
const nonNegativeName = /(^|[_\s.-])(count|counts|n|num|number|qty|quantity|amount|age|price|cost|area|size|weight|height|length|width|distance|duration|rooms?|bedrooms?|bathrooms?|floors?|population|salary|income|sales|revenue|volume|mass|speed|years?|days?|hours?|minutes?|seconds?|m2|km|kg|sqft)($|[_\s.-])/i;
const percentName = /(percent|pct|percentage|%)/i;

export const impossibleValue = defineRule({
  id: 'impossible-value',
  title: 'Impossible value',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: { maxAge: 130 },
  description: 'A value impossible for the column\'s evident domain: a negative count, price or area; a percentage outside 0–100; an age over 130.',
  docs: `Some columns say what they hold: a bedroom count or a price cannot be negative, a percentage lies
between 0 and 100. Such values are data-entry or conversion errors (or sentinels for "unknown"), and a
model takes them at face value.

The domain is inferred from the column name (count, qty, price, area, age, …, percent/pct) and only
applied when almost all of the column agrees with it.

**Fix**: correct the value or leave it empty.`,
  check({ data, options, report }) {
    data.columns.forEach((column, c) => {
      if (!isNumeric(column)) return;
      const name = column.name.replace(/([a-z])([A-Z])/g, '$1_$2');
      const values = numericColumn(data, c);
      // Each domain is an interval: a value is impossible when below `low` or above `high`.
      const checks: { low: number; high: number; why: string }[] = [];
      if (nonNegativeName.test(name)) checks.push({ low: 0, high: Infinity, why: 'cannot be negative' });
      if (percentName.test(name)) checks.push({ low: 0, high: 100, why: 'is a percentage outside 0–100' });
      if (/(^|[_\s])age($|[_\s])/i.test(name)) checks.push({ low: -Infinity, high: options.maxAge, why: `is an age over ${options.maxAge}` });
      const stats = finiteStats(data, c);
      for (const check of checks) {
        const { low, high } = check;
        // Every value within the domain (and none infinite): nothing to report, without a pass over the rows.
        if (stats.nonFinite === 0 && !(stats.min < low) && !(stats.max > high)) continue;
        const bad: number[] = [];
        let present = 0;
        for (let r = 0; r < values.length; r++) {
          const v = values[r];
          if (Number.isNaN(v)) continue;
          present++;
          if (v < low || v > high) bad.push(r);
        }
        // A domain most of the column violates is not the column's domain (e.g. "amount" as a signed balance).
        if (bad.length === 0 || bad.length > Math.max(1, present * 0.02)) continue;
        for (const r of bad) {
          const value = String(values[r]);
          report({ row: r, columnIndex: c, value, evidence: { low, high }, message: `${value} in column "${column.name}" ${check.why}.` });
        }
      }
    });
  },
});
