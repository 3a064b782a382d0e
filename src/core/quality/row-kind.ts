/**
 * A row's kind by its empty cells: where a column of few values decides which of the row's other columns are filled
 * (a roaming call has a country and no cell tower; a call at home a tower and no country), the row's filled and empty
 * cells say which of those values the row is of. Where they say another value than the row's own, that value — one
 * cell — is what is wrong, not the cells that follow the kind (inapplicable-value).
 */
import type { IngestResult } from '../table/model';
import { distinctValues, memo, nullMask } from './column-values';

/** Share of a value's rows, at most, in which a column it leaves empty is filled (and the other way round). */
const DECIDED_SHARE = 0.03;

/** Per value id of column k, its rows in which column d is filled. */
function filledByValue(data: IngestResult, k: number, d: number): Int32Array {
  return memo(data, `filled-by-value:${k}:${d}`, () => {
    const { ids, size } = distinctValues(data, k);
    const empty = nullMask(data, d);
    const filled = new Int32Array(size);
    for (let r = 0; r < ids.length; r++) if (ids[r] >= 0 && !empty[r]) filled[ids[r]]++;
    return filled;
  });
}

/** The columns that say a row is of its own value of a column, and those that say it is of another value (see kindVotes). */
interface KindVotes {
  own: number[];
  other: number[];
}

/**
 * The columns (other than k and `skip`) that two values of column k decide — filled in all but DECIDED_SHARE of one
 * value's rows and empty in all but DECIDED_SHARE of the other's —, split by what row r's cell says: of its own value
 * of k, or of value `other`; undefined where the row has no value of k or `other` is none of k's.
 */
function kindVotes(data: IngestResult, r: number, k: number, other: string, skip: number): KindVotes | undefined {
  const distinct = distinctValues(data, k);
  const own = distinct.ids[r];
  let otherId = -1;
  for (let id = 0; id < distinct.size && otherId < 0; id++) if (distinct.text(id) === other) otherId = id;
  if (own < 0 || otherId < 0 || otherId === own) return undefined;
  const votes: KindVotes = { own: [], other: [] };
  for (let d = 0; d < data.columns.length; d++) {
    if (d === k || d === skip) continue;
    const filled = filledByValue(data, k, d);
    const [ownShare, otherShare] = [filled[own] / distinct.counts[own], filled[otherId] / distinct.counts[otherId]];
    const ownFills = ownShare >= 1 - DECIDED_SHARE && otherShare <= DECIDED_SHARE;
    const otherFills = otherShare >= 1 - DECIDED_SHARE && ownShare <= DECIDED_SHARE;
    if (!ownFills && !otherFills) continue;
    (!nullMask(data, d)[r] === ownFills ? votes.own : votes.other).push(d);
  }
  return votes;
}

/**
 * The columns that say row r is of value `other` of column k, where none says it is of its own and one at least is
 * empty where its own value's rows fill it (a call marked at home without a cell tower), or, filled where its own
 * value's rows leave them empty, they are two cells at least with the cell asked about (`skip`: a roaming call with a
 * cell tower and its region): one value written wrong mends the row, where the cells would be two slips alike. One
 * filled cell beside it says nothing of the value: a cell filled where it does not belong is as often the slip as the
 * value (see kindVotes).
 */
export function columnsOfOtherKind(data: IngestResult, r: number, k: number, other: string, skip: number): number[] | undefined {
  const votes = kindVotes(data, r, k, other, skip);
  if (!votes || votes.own.length > 0) return undefined;
  const empty = votes.other.filter((d) => nullMask(data, d)[r]);
  return empty.length > 0 || votes.other.length > 0 ? votes.other : undefined;
}
