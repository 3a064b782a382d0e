/** name-variant: a country or language written another way than its column writes it ("United States" among "USA"). */
import { defineRule } from '../rule';
import { eachMappedRow, replaceCellFixes } from '../column-values';
import { categoryKey } from '../category-key';
import { NAME_KINDS, knownEntity, type KnownEntity, type NameKind } from '../known-names';
import { eachVocabulary } from './spelled-out-code';

/** Share of a column's rows that must name known entities of one kind. */
const MIN_KNOWN_SHARE = 0.9;
/** Distinct entities a column must name (a column of one or two is no list of countries). */
const MIN_ENTITIES = 3;

export const nameVariant = defineRule({
  id: 'name-variant',
  title: 'Country or language written another way',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: { minRows: 20 },
  description: 'A country or language written another way than its column writes it: "United States" or "US" among "USA", "fr" among "French".',
  docs: `Sources name countries and languages their own ways: "USA", "US", "U.S.A.", "United States"; "UK" and
"United Kingdom"; "fr", "French" and "Français". Merged, one country becomes several categories: a group-by
splits it, a join on it misses rows, and a model sees two values where there is one.

A text column is a column of countries (or languages) when at least ${MIN_KNOWN_SHARE * 100}% of its rows (and
\`minRows\`) name one that public lists know — ISO 3166-1 two- and three-letter codes and English names with their
common forms (i18n-iso-countries); ISO 639-1 codes, English and native names (iso-639-1) — and it names at least
${MIN_ENTITIES} of them. Spellings are compared without case, accents and dots ("U.S.A." is "USA"); a spelling
two countries share ("Congo") names neither. Where the column writes one country several ways, the way most of
its rows write it is the column's, and each row written another way is reported with it (case and spacing
variants of one spelling are category-variant's).

The evidence: the country or language, the column's spelling of it and its rows.

**Fix**: write it as the column does ("United States" → "USA"). If both spellings are meant (two columns merged
on purpose), accept the value.`,
  check({ data, options, report, isIgnored, isAccepted }) {
    eachVocabulary(data, options.minRows, isIgnored, (c, column, { distinct, present }) => {
      // The kind of names most of the column's rows are: every distinct value read as each kind.
      let best: { kind: NameKind; rows: number; entities: (KnownEntity | undefined)[] } | undefined;
      for (const kind of NAME_KINDS) {
        const entities: (KnownEntity | undefined)[] = [];
        let rows = 0;
        const named = new Set<string>();
        for (let id = 0; id < distinct.size; id++) {
          const entity = knownEntity(kind, distinct.text(id));
          entities.push(entity);
          if (!entity) continue;
          rows += distinct.counts[id];
          named.add(entity.id);
        }
        if (named.size >= MIN_ENTITIES && rows >= MIN_KNOWN_SHARE * present && (!best || rows > best.rows)) best = { kind, rows, entities };
      }
      if (!best) return;
      // Per entity, the spelling most rows write (ties: the first in the column).
      const spelling = new Map<string, number>();
      best.entities.forEach((entity, id) => {
        if (!entity) return;
        const held = spelling.get(entity.id);
        if (held === undefined || distinct.counts[id] > distinct.counts[held]) spelling.set(entity.id, id);
      });
      const variants = new Map<number, number>();
      best.entities.forEach((entity, id) => {
        if (!entity) return;
        const own = spelling.get(entity.id);
        if (own === undefined || own === id || categoryKey(distinct.text(own)) === categoryKey(distinct.text(id)) || isAccepted(c, distinct.text(id))) return;
        variants.set(id, own);
      });
      const entities = best.entities;
      const kind = best.kind;
      eachMappedRow(distinct, variants, (r, id, own) => {
        const value = distinct.text(id);
        const columnSpelling = distinct.text(own);
        const entity = entities[id];
        if (!entity) return;
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { kind, entity: entity.id, name: entity.name, columnSpelling, columnSpellingRows: distinct.counts[own] },
          message: `"${value}" in column "${column.name}" is the ${kind} ${entity.name} (${entity.id}), which the column writes "${columnSpelling}" in ${distinct.counts[own]} rows.`,
          fixes: replaceCellFixes(data, r, c, columnSpelling, `Write as the column does: "${columnSpelling}"`),
        });
      });
    });
  },
});
