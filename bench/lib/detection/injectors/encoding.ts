/**
 * Class 5: encoding damage inside valid UTF-8: mojibake of non-ASCII text (UTF-8 bytes read as
 * Windows-1252: "é" → "Ã©", "’" → "â€™", no-break space → "Â "), U+FFFD where a character was lost, control
 * characters.
 */
import { randomRow, type Injector } from '../inject';
import { CONTROL_CHARACTERS, mojibake } from '../text-edits';
import type { Rng } from '../random';

type Damage = 'mojibake' | 'mojibake-punctuation' | 'replacement-char' | 'control-char';

const NON_ASCII = /[^\p{ASCII}]/u;

function damage(rng: Rng, value: string, kind: Damage): string | undefined {
  switch (kind) {
    case 'mojibake':
      return NON_ASCII.test(value) ? mojibake(value) : undefined;
    case 'mojibake-punctuation': {
      // What an apostrophe, a dash or a space written as ’, – or a no-break space becomes.
      if (value.includes("'")) return value.replace("'", mojibake('\u2019'));
      if (value.includes(' - ')) return value.replace(' - ', ` ${mojibake('\u2013')} `);
      const spaces = [...value.matchAll(/ /g)].map((m) => m.index ?? 0);
      if (spaces.length === 0) return undefined;
      const at = rng.pick(spaces);
      return `${value.slice(0, at)}${mojibake('\u00a0')}${value.slice(at + 1)}`;
    }
    case 'replacement-char': {
      if (NON_ASCII.test(value)) return value.replace(/[^\p{ASCII}]/gu, '\ufffd');
      const letters = [...value.matchAll(/[aeiou]/g)].map((m) => m.index ?? 0).filter((i) => i > 0);
      if (letters.length === 0) return undefined;
      const at = rng.pick(letters);
      return `${value.slice(0, at)}\ufffd${value.slice(at + 1)}`;
    }
    case 'control-char': {
      const at = rng.chance(0.5) ? value.length : rng.int(1, Math.max(1, value.length - 1));
      return `${value.slice(0, at)}${rng.pick(CONTROL_CHARACTERS)}${value.slice(at)}`;
    }
  }
}

export const encodingInjector: Injector = {
  cls: 'encoding',
  description: 'text damaged by a wrong decoding: mojibake of non-ASCII text or of ’ – and no-break spaces (UTF-8 read as Windows-1252), U+FFFD for a lost character, an inserted control character',
  inject(ctx, count) {
    const targets = ctx.facts.filter((f) => f.kind === 'text' && !f.idLike);
    if (targets.length === 0) return 0;
    // A wrong decoding damages exactly the non-ASCII text: such cells are picked first when the table has any.
    const nonAscii = targets.flatMap((f) => ctx.table.rows.flatMap((row, r) => (NON_ASCII.test(row[f.index]) ? [{ facts: f, row: r }] : [])));
    return ctx.place(count, () => {
      const { facts, row } = nonAscii.length && ctx.rng.chance(0.6) ? ctx.rng.pick(nonAscii) : { facts: ctx.rng.pick(targets), row: randomRow(ctx) };
      const value = ctx.text(row, facts.index);
      if (value.length < 3 || !/\p{L}/u.test(value) || !ctx.hasRoom('encoding', facts.index)) return false;
      const kind = ctx.rng.weighted<Damage>(
        NON_ASCII.test(value)
          ? [['mojibake', 6], ['replacement-char', 2.5], ['control-char', 1.5]]
          : [['mojibake-punctuation', 3.5], ['replacement-char', 3.5], ['control-char', 3]],
      );
      const text = damage(ctx.rng, value, kind);
      return text !== undefined && ctx.edit('encoding', kind, [{ row, column: facts.index, text }]);
    });
  },
};
