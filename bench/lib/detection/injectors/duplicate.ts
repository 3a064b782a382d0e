/**
 * Class 9: duplicates. A row inserted again: an exact copy; or, in a table with a key column, the same key
 * with 1–2 other fields that disagree (an entity recorded twice); or, without a key, a near copy with one
 * field changed. The copy lands right after the row (40%), 1–20 rows later (30%) or anywhere later (30%).
 * The inserted row is a row-level truth item; a finding on it or on the row it repeats counts.
 */
import { decimalsOf, isMeasure, parseNumber } from '../columns';
import { randomRow, type Injection, type Injector, type RowInsert } from '../inject';

/** A different value for one field: a measure nudged by 1–10%, or another value of a categorical column. */
function changedField(ctx: Injection, cells: string[], column: number): string | undefined {
  const facts = ctx.facts[column];
  const text = cells[column];
  if (isMeasure(facts)) {
    const value = parseNumber(text);
    if (Number.isNaN(value) || value === 0) return undefined;
    const changed = (value * (1 + (ctx.rng.chance(0.5) ? 1 : -1) * ctx.rng.int(1, 10) / 100)).toFixed(decimalsOf(text));
    return changed === text ? undefined : changed;
  }
  if (facts.kind === 'text' && !facts.unique && facts.counts.size >= 2) {
    const others = [...facts.counts.keys()].filter((v) => v !== text);
    return ctx.rng.pick(others);
  }
  return undefined;
}

export const duplicateInjector: Injector = {
  cls: 'duplicate',
  description: 'a row inserted again (right after, a few rows later or anywhere later): an exact copy, the same key with 1–2 fields that disagree, or (no key) a near copy with one field changed',
  inject(ctx, count) {
    const width = ctx.table.header.length;
    const key = ctx.facts.find((f) => f.idLike && f.kind !== 'date');
    const inserts: RowInsert[] = [];
    const chosen = new Set<number>();
    const placed = ctx.place(count, () => {
      const row = randomRow(ctx);
      if (chosen.has(row)) return false;
      for (let c = 0; c < width; c++) if (!ctx.isFree(row, c)) return false;
      const cells = [...ctx.table.rows[row]];
      const kind = ctx.rng.weighted<string>([
        ['exact', 5.5],
        [key ? 'entity-conflict' : 'near-duplicate', 4.5],
      ]);
      const changes: string[] = [];
      if (kind !== 'exact') {
        const candidates = ctx.rng.shuffle([...Array(width).keys()].filter((c) => c !== key?.index));
        const wanted = kind === 'entity-conflict' ? ctx.rng.int(1, 2) : 1;
        for (const c of candidates) {
          if (changes.length >= wanted) break;
          const text = changedField(ctx, cells, c);
          if (text === undefined) continue;
          changes.push(`${ctx.table.header[c]}: ${cells[c]} → ${text}`);
          cells[c] = text;
        }
        if (changes.length === 0) return false;
      }
      const where = ctx.rng.weighted<string>([
        ['adjacent', 4],
        ['near', 3],
        ['far', 3],
      ]);
      const after = where === 'adjacent' ? row : where === 'near' ? row + ctx.rng.int(1, 20) : ctx.rng.int(row, ctx.rowCount - 1);
      chosen.add(row);
      inserts.push({ after: Math.min(after, ctx.rowCount - 1), cells, pairRow: row, variant: kind, difference: changes.join('; ') });
      return true;
    });
    ctx.insertRows('duplicate', inserts);
    return placed;
  },
};
