import { defineRule } from '../rule';
import { TEXT_KINDS, isNumeric, looksLikeIdentifier, nullMask, numericColumn, textColumn } from '../column-values';

export const duplicateKey = defineRule({
  id: 'duplicate-key',
  title: 'Duplicate key',
  dimension: 'uniqueness',
  defaultSeverity: 'error',
  defaultOptions: { uniqueShare: 0.99, namedKeyShare: 0.9, minRows: 50 },
  description: 'A value repeats in a column that identifies rows (named like an id/key, or otherwise almost entirely unique).',
  docs: `An identifier that repeats means two records claim to be the same entity: a duplicated export, a
merge that multiplied rows, or an id reused by mistake. Joins on it multiply rows.

A column counts as a key when its name says so (\`id\`, \`*_id\`, \`key\`, \`uuid\`, …) and at least
\`namedKeyShare\` of its values are distinct (a name-like id that repeats more is a foreign key), or when
at least \`uniqueShare\` of its values are distinct (with at least \`minRows\` rows). The finding sits on the later
occurrence and points at the first.

**Fix**: remove the duplicate record, or give it its own id.`,
  check({ data, options, report }) {
    const rows = data.table.numRows;
    data.columns.forEach((column, c) => {
      const numeric = isNumeric(column) && column.kind === 'integer';
      if (!numeric && !TEXT_KINDS.includes(column.kind)) return;
      const mask = nullMask(data, c);
      const key = numeric ? numericColumn(data, c) : textColumn(data, c);
      const first = new Map<number | string, number>();
      const repeats: [number, number][] = [];
      let present = 0;
      for (let r = 0; r < rows; r++) {
        if (mask[r]) continue;
        present++;
        const v = key[r] as number | string;
        const seen = first.get(v);
        if (seen === undefined) first.set(v, r);
        else repeats.push([r, seen]);
      }
      if (repeats.length === 0) return;
      // A column named like an id that repeats a lot is a foreign key (customer_id in orders), not a key.
      const share = first.size / present;
      const isKey = looksLikeIdentifier(column.name) ? share >= (options.namedKeyShare as number) : present >= (options.minRows as number) && share >= (options.uniqueShare as number);
      if (!isKey) return;
      for (const [r, seen] of repeats) {
        report({
          row: r,
          columnIndex: c,
          range: () => data.source.cellRange(r, c),
          message: `Key "${String(key[r])}" in column "${column.name}" already appears in row ${seen + 1}.`,
          related: () => [{ range: data.source.cellRange(seen, c), message: 'First occurrence' }],
        });
      }
    });
  },
});
