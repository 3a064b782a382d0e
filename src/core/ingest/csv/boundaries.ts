/**
 * Where to cut a CSV into chunks for parallel reading. A cut must fall on a record start, which depends
 * on every quote before it; reading from the beginning to know would serialize the work, so the cut is
 * guessed from the bytes just after the wanted offset and checked afterwards: the chunk before it, read
 * from a true record start, must end exactly there (parallel.ts re-reads a chunk from the right place
 * when a guess was wrong, so results never depend on the guess).
 *
 * The guess weighs two hypotheses — the offset is outside a quoted field, or inside one — by how well
 * each explains the quotes that follow (Ge et al., "Speculative Distributed CSV Data Parsing", SIGMOD
 * 2019): an opening quote should follow a delimiter or a line break, a closing quote should be followed
 * by one. The first line break outside quotes under the likelier hypothesis is the guess.
 */
import { CR, LF } from '../text-positions';

/** Bytes looked at after the wanted offset before settling for the likelier hypothesis. */
const WINDOW = 64 * 1024;
/** Misplaced quotes that rule a hypothesis out. */
const DECISIVE = 3;

interface Hypothesis {
  inside: boolean;
  /** Next byte to look at. */
  pos: number;
  misplaced: number;
  /** First record start found under this hypothesis, or -1. */
  recordStart: number;
}

function isBoundary(c: number, delimiter: number): boolean {
  return c === delimiter || c === LF || c === CR;
}

/** Follows one hypothesis up to offset `to`. */
function follow(bytes: Uint8Array, to: number, delimiter: number, quote: number, h: Hypothesis): void {
  const length = bytes.length;
  let p = h.pos;
  for (; p < to; p++) {
    const c = bytes[p];
    if (c === quote) {
      if (!h.inside) {
        if (p > 0 && !isBoundary(bytes[p - 1], delimiter)) h.misplaced++;
        h.inside = true;
      } else if (p + 1 < length && bytes[p + 1] === quote) {
        p++; // an escaped quote
      } else {
        if (p + 1 < length && !isBoundary(bytes[p + 1], delimiter)) h.misplaced++;
        h.inside = false;
      }
    } else if (!h.inside && h.recordStart < 0 && (c === LF || c === CR)) {
      // A record starts after the line ending (CRLF counts as one).
      if (c === CR && p + 1 < length && bytes[p + 1] === LF) p++;
      h.recordStart = p + 1;
    }
  }
  h.pos = p;
}

/** A likely record start at or after `offset` (the end of the bytes when none is found). */
export function guessRecordStart(bytes: Uint8Array, offset: number, delimiter: number, quote: number): number {
  const length = bytes.length;
  if (offset <= 0) return 0;
  if (offset >= length) return length;
  // Look from the byte before: right after a line ending, the offset itself is a record start.
  const from = offset - 1;
  const outside: Hypothesis = { inside: false, pos: from, misplaced: 0, recordStart: -1 };
  const inside: Hypothesis = { inside: true, pos: from, misplaced: 0, recordStart: -1 };
  const limit = Math.min(length, from + WINDOW);
  for (let to = from; to < limit; ) {
    to = Math.min(limit, to + 4096);
    follow(bytes, to, delimiter, quote, outside);
    follow(bytes, to, delimiter, quote, inside);
    const leader = inside.misplaced < outside.misplaced ? inside : outside;
    if (Math.abs(outside.misplaced - inside.misplaced) >= DECISIVE && leader.recordStart >= 0) return leader.recordStart;
  }
  const likelier = inside.misplaced < outside.misplaced ? inside : outside;
  if (likelier.recordStart >= 0) return likelier.recordStart;
  // No line break outside quotes in the window: the first line break at all (the check corrects it).
  for (let p = offset; p < length; p++) {
    const c = bytes[p];
    if (c === LF) return p + 1;
    if (c === CR) return bytes[p + 1] === LF ? p + 2 : p + 1;
  }
  return length;
}

/** Start offsets of `count` chunks of about equal size over bytes[start, end): the first is `start`. */
export function chunkStarts(bytes: Uint8Array, start: number, end: number, count: number, delimiter: number, quote: number): number[] {
  const starts = [start];
  for (let k = 1; k < count; k++) {
    const wanted = start + Math.floor(((end - start) * k) / count);
    starts.push(Math.max(starts[k - 1], Math.min(end, guessRecordStart(bytes.subarray(0, end), wanted, delimiter, quote))));
  }
  return starts;
}
