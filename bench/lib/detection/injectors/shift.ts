/**
 * Class 3: column shifts. A value lands in the neighbouring column: merged with the neighbour's value and its
 * own cell emptied ("Lyon FR" in `city`, `country` empty), moved over the neighbour's value, or a run of 2–3
 * cells of a row shifted one column right (a field lost upstream), the first left empty; or, as hand-entered
 * catalogues have them, the right neighbour's value glued on while that column keeps it ("Portland, OR" in
 * `city` beside `state` "OR"), or two neighbours' values swapped. Every changed cell is an error.
 */
import { randomRow, type CellEdit, type Injection, type Injector } from '../inject';

type Shift = 'merge-left' | 'merge-right' | 'move-left' | 'move-right' | 'shift-run' | 'merge-kept' | 'swap';

function edits(ctx: Injection, row: number, left: number, shift: Shift): CellEdit[] | undefined {
  const a = ctx.text(row, left);
  const b = ctx.text(row, left + 1);
  if (a === '' || b === '' || a === b) return undefined;
  switch (shift) {
    case 'merge-left':
      return [{ row, column: left, text: `${a} ${b}` }, { row, column: left + 1, text: '' }];
    case 'merge-right':
      return [{ row, column: left, text: '' }, { row, column: left + 1, text: `${a} ${b}` }];
    case 'move-left':
      return [{ row, column: left, text: b }, { row, column: left + 1, text: '' }];
    case 'move-right':
      return [{ row, column: left, text: '' }, { row, column: left + 1, text: a }];
    case 'merge-kept':
      return [{ row, column: left, text: `${a}, ${b}` }];
    case 'swap':
      return [{ row, column: left, text: b }, { row, column: left + 1, text: a }];
    case 'shift-run': {
      const length = ctx.rng.int(2, 3);
      if (left + length > ctx.table.header.length) return undefined;
      const out: CellEdit[] = [{ row, column: left, text: '' }];
      for (let c = left + 1; c < left + length; c++) out.push({ row, column: c, text: ctx.text(row, c - 1) });
      return out.filter((e) => e.text !== ctx.text(row, e.column));
    }
  }
}

export const shiftInjector: Injector = {
  cls: 'column-shift',
  description:
    'a value in the neighbouring column: merged into it with its own cell emptied ("Lyon FR" in city, country empty), moved over it, 2–3 cells of a row shifted one column right, the neighbour\'s value glued on while it keeps it ("Portland, OR" beside "OR"), or two neighbours swapped',
  inject(ctx, count) {
    const width = ctx.table.header.length;
    // Neighbouring columns that hold data (not both identifiers); text neighbours (city, country) are likelier.
    const pairs: [number, number][] = [];
    for (let c = 0; c + 1 < width; c++) {
      const [a, b] = [ctx.facts[c], ctx.facts[c + 1]];
      if (a.kind === 'empty' || b.kind === 'empty' || (a.idLike && b.idLike)) continue;
      pairs.push([c, a.kind === 'text' && b.kind === 'text' ? 3 : 1]);
    }
    if (pairs.length === 0) return 0;
    return ctx.place(count, () => {
      const left = ctx.rng.weighted(pairs);
      const shift = ctx.rng.weighted<Shift>([
        ['merge-left', 3],
        ['merge-right', 1],
        ['move-left', 1],
        ['move-right', 2],
        ['shift-run', 2],
        ['merge-kept', 1],
        ['swap', 1],
      ]);
      const row = randomRow(ctx);
      const changes = ctx.hasRoom('column-shift', left) ? edits(ctx, row, left, shift) : undefined;
      return changes !== undefined && changes.length > 0 && ctx.edit('column-shift', shift, changes);
    });
  },
};
