import { defineRule } from '../rule';
import { cellText, dependenciesOf, disagreeingGroups, isEntityColumn, medianGroupRows } from '../dependencies';
import { DependencyEvidence, dependencyName, lhsGroupsName, lhsValues, sameLoosely } from './dependency-violation';
import { duplicateKey, keyColumns, keyOptions } from './duplicate-key';

export const conflictingRecords = defineRule({
  id: 'conflicting-records',
  title: 'Conflicting records',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description: 'Two rows of one entity (the same train number, the same product code) disagree on a value that the table otherwise keeps per entity.',
  docs: `Tables merged from several sources record an entity more than once: a train number with its
scheduled departure from two timetables, a product from two catalogues. Where the table keeps a value per
entity almost everywhere (a dependency learned from the data, as for dependency-violation) but the two
records of one entity disagree, at least one of them is wrong, and with two rows no majority says which.
Both cells are reported, each pointing at the other.

Only dependencies of one identifying column (text, or an integer named like an id) whose entities are mostly
recorded about twice (the median group has at most three rows) are used: in larger groups the majority decides, and dependency-violation reports the minority value. A
value another dependency explains, a value accepted as fine, and a case or white-space variant are not
reported. Columns that identify rows (the keys duplicate-key checks) are left to duplicate-key, which
reports the repeated key itself.

The evidence: the dependency, the entity, both values.

**Fix**: keep the right value in both rows (or remove the duplicate record).`,
  check({ data, report, isAccepted, rowNumber }) {
    const dependencies = dependenciesOf(data);
    if (dependencies.length === 0) return;
    const keys = new Set(keyColumns(data, keyOptions(duplicateKey.defaultOptions)));
    const evidence = new DependencyEvidence(data, dependencies);
    const reported = new Set<number>();
    for (const dep of dependencies) {
      // An entity: one identifying column (a code, a name, a number), not a combination of measurements.
      // An entity recorded by several sources (dep.entity) is judged by its records' majority (dependency-violation).
      if (dep.entity || dep.prefix || !isEntityColumn(data, dep.lhs) || keys.has(dep.lhs[0]) || medianGroupRows(data, dep) > 3) continue;
      const c = dep.rhs;
      for (const group of disagreeingGroups(data, dep).groups) {
        if (group.size !== 2) continue;
        const [a, b] = group.counts.map(([id]) => group.rowsOf(id)[0]).sort((x, y) => x - y);
        const [textA, textB] = [cellText(data, a, c), cellText(data, b, c)];
        if (sameLoosely(textA, textB) || isAccepted(c, textA) || isAccepted(c, textB)) continue;
        // A value another dependency explains is the right one: only the other is reported then.
        const explainedA = evidence.explained(dep, a);
        const explainedB = evidence.explained(dep, b);
        if (explainedA && explainedB) continue;
        const entity = lhsValues(data, dep, a);
        for (const [row, text, other, otherText, explained] of [
          [a, textA, b, textB, explainedA],
          [b, textB, a, textA, explainedB],
        ] as const) {
          const key = row * data.columns.length + c;
          if (explained || reported.has(key)) continue;
          reported.add(key);
          report({
            row,
            columnIndex: c,
            value: text,
            evidence: { dependency: dependencyName(data, dep), entity, other: otherText, otherRow: rowNumber(other) },
            message:
              `Two records of ${entity} disagree on "${data.columns[c].name}": "${text}" here, "${otherText}" in the other ` +
              `(${dependencyName(data, dep)} holds in ${(100 * dep.agreeing).toFixed(0)}% of ${lhsGroupsName(data, dep)}).`,
            related: [{ row: other, columnIndex: c, message: `The other record of ${entity}: "${otherText}"` }],
          });
        }
      }
    }
  },
});
