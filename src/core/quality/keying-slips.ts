/**
 * Numbers keyed wrong, told from the numbers themselves: two written one keying slip apart (a sign, two neighbouring
 * digits exchanged, a decimal point moved), or a lone negative number in a column of amounts that never are. Read by
 * comparison-mismatch, where such a number, not the label beside it, is the wrong cell.
 */
import type { IngestResult } from '../table/model';
import { memo, numericColumn } from './column-values';

/**
 * Whether two numbers as written are one keying slip apart: the sign lost or added ("-146.00" for "146.00"), two
 * neighbouring digits exchanged ("39.00" for "93.00"), or the decimal point moved by one place ("2.5" for "25"). Two
 * amounts meant to be equal and written so apart were one amount typed twice, once wrong.
 */
export function oneKeyingSlipApart(a: string, b: string): boolean {
  const [x, y] = [Number(a), Number(b)];
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === y) return false;
  if (x === -y) return true;
  if (Math.abs(x * 10 - y) <= 1e-9 * Math.abs(y) || Math.abs(y * 10 - x) <= 1e-9 * Math.abs(x)) return true;
  return neighboursExchanged(a.trim(), b.trim());
}

/** Whether `a` is `b` with two neighbouring digits exchanged (and nothing else). */
function neighboursExchanged(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (first >= 0) return i === first + 1 && a[first] === b[i] && a[i] === b[first] && a.slice(i + 1) === b.slice(i + 1) && /\d/.test(a[i]) && /\d/.test(a[first]);
    first = i;
  }
  return false;
}

/** Negative numbers a column of amounts may hold, at most, for one of them to be a sign slipped in (0.1% of its numbers, 2 at least). */
const LONE_SIGN_SHARE = 0.001;

/**
 * Whether row r's number in column c is negative where its column's numbers nearly never are (a paid amount of
 * −146.00 among amounts of 0 or more): a minus sign typed by mistake.
 */
export function loneNegative(data: IngestResult, c: number, r: number): boolean {
  const values = numericColumn(data, c);
  if (!(values[r] < 0)) return false;
  const { negative, finite } = memo(data, `negatives:${c}`, () => {
    let [negative, finite] = [0, 0];
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      finite++;
      if (v < 0) negative++;
    }
    return { negative, finite };
  });
  return negative <= Math.max(2, LONE_SIGN_SHARE * finite);
}
