/**
 * Which row each pooled row element shows. A row keeps its element (and its text) while it stays on screen;
 * the rows entering the screen take the elements of the rows that left. Elements stay in their DOM order and
 * are placed by a transform, so a scrolled frame writes text only into the rows that entered. Pure.
 */

/** No row: a slot not showing one yet. */
export const NO_ROW = -1;

export interface RingAssignment {
  /** The row each slot shows, slot by slot (the rows first … first + slots − 1, each once). */
  shown: number[];
  /** The slots that got a new row (their text is to be written). */
  entered: number[];
}

/** Gives the rows [first, first + previous.length) to the slots: kept rows stay put, entering rows fill the freed slots in order. */
export function assignRows(previous: readonly number[], first: number): RingAssignment {
  const count = previous.length;
  const end = first + count;
  const shown = [...previous];
  const kept = new Set<number>();
  const freed: number[] = [];
  for (let slot = 0; slot < count; slot++) {
    const row = previous[slot];
    if (row >= first && row < end && !kept.has(row)) kept.add(row);
    else freed.push(slot);
  }
  let slot = 0;
  for (let row = first; row < end && slot < freed.length; row++) {
    if (kept.has(row)) continue;
    shown[freed[slot++]] = row;
  }
  return { shown, entered: freed };
}

/**
 * The vertical offset, in rows, of each slot from its place in the DOM order, and of the whole body, so that
 * row r shows at r − first rows below the top: a slot moves by (its row − base − its index), the body by
 * −(first − base). `base` is the row of slot 0 when the slots were last in order: kept rows keep their offset,
 * and each frame moves the body alone.
 */
export function slotOffset(row: number, slot: number, base: number): number {
  return row - base - slot;
}

/** The slots of a longest run of rows in increasing order (not necessarily adjacent): the rows that need not move to put all in order. */
export function longestIncreasingRun(rows: readonly number[]): number[] {
  const length: number[] = [];
  const previous: number[] = [];
  let best = -1;
  rows.forEach((row, i) => {
    length[i] = 1;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if (rows[j] < row && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || length[i] > length[best]) best = i;
  });
  const run: number[] = [];
  for (let i = best; i >= 0; i = previous[i]) run.unshift(i);
  return run;
}
